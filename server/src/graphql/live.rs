//! Live subscriptions at a few hundred bytes each.
//!
//! For every open subscription async-graphql keeps its parsed document, its query environment
//! and a stack of stream adapters, about 8 KB; with tens of thousands of idle phones that is
//! most of the server's memory. This executor keeps only the subscription's text, its
//! variables and its queue of events. It opens a subscription by running the document once as
//! a query against a twin schema whose root (also named `Subscription`) has the same fields
//! and arguments, and answers each event by running the document again with the event in
//! hand. Validation, arguments, errors and selections all stay async-graphql's; only what is
//! kept between events changes. Anything else sent over the socket (queries, mutations, a
//! subscription with several root fields) goes to the schema itself.

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context as TaskContext, Poll};

use async_graphql::parser::types::{DocumentOperations, ExecutableDocument, OperationType, Selection};
use async_graphql::{
    Context, Data, EmptyMutation, EmptySubscription, Object, Request, Response, Result, Schema, ServerError, Variables,
    ID,
};
use futures::stream::BoxStream;
use futures::{Stream, StreamExt};

use super::care_types::CareAlertObject;
use super::report_types::InfectionAlertObject;
use super::subscription::{
    absence_report, absence_update, attendance_event, care_alert, infection_alert, open, LiveArguments, LiveEvents,
    LiveField,
};
use super::types::{AbsenceReportObject, AttendanceEventObject};
use super::{RequestContext, TsunaguSchema};
use crate::domain::LogEntry;

pub type DeliverySchema = Schema<DeliveryRoot, EmptyMutation, EmptySubscription>;

/// What one run of the twin schema is for.
enum Delivery {
    /// Authorize and open the subscription, leaving its events here.
    Open(Arc<Mutex<Option<LiveEvents>>>),
    /// Answer with this event (or this failure of the event stream).
    Event(Result<Arc<LogEntry>, async_graphql::Error>),
}

/// The subscription root again, as a query root: the same fields and arguments, each
/// returning the event of the run in progress.
pub struct DeliveryRoot;

#[Object(name = "Subscription")]
impl DeliveryRoot {
    async fn attendance_events(
        &self,
        ctx: &Context<'_>,
        after: Option<String>,
    ) -> Result<Option<AttendanceEventObject>> {
        let arguments = LiveArguments {
            after,
            ..Default::default()
        };
        deliver(ctx, LiveField::AttendanceEvents, arguments, attendance_event).await
    }

    async fn absence_reports(&self, ctx: &Context<'_>) -> Result<Option<AbsenceReportObject>> {
        deliver(ctx, LiveField::AbsenceReports, LiveArguments::default(), absence_report).await
    }

    async fn absence_updates(&self, ctx: &Context<'_>) -> Result<Option<AbsenceReportObject>> {
        deliver(ctx, LiveField::AbsenceUpdates, LiveArguments::default(), absence_update).await
    }

    async fn care_alerts(&self, ctx: &Context<'_>) -> Result<Option<CareAlertObject>> {
        deliver(ctx, LiveField::CareAlerts, LiveArguments::default(), care_alert).await
    }

    async fn infection_alerts(&self, ctx: &Context<'_>, municipality_id: ID) -> Result<Option<InfectionAlertObject>> {
        let arguments = LiveArguments {
            municipality_id: Some(municipality_id.0),
            ..Default::default()
        };
        deliver(ctx, LiveField::InfectionAlerts, arguments, infection_alert).await
    }
}

async fn deliver<T>(
    ctx: &Context<'_>,
    field: LiveField,
    arguments: LiveArguments,
    to_object: fn(&LogEntry) -> Option<T>,
) -> Result<Option<T>> {
    match ctx.data::<Delivery>()? {
        Delivery::Open(slot) => {
            let events = open(ctx, field, &arguments).await?;
            *slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(events);
            Ok(None)
        }
        Delivery::Event(Ok(entry)) => Ok(to_object(entry)),
        Delivery::Event(Err(error)) => Err(error.clone()),
    }
}

/// What an operation over the WebSocket produces: an answer to send, or a refusal before it
/// ran (validation, authorization), which graphql-transport-ws sends as an `error` message.
pub enum Frame {
    Next(Response),
    Refused(Vec<ServerError>),
}

/// Runs GraphQL over the WebSocket: subscriptions the lean way, everything else as usual.
#[derive(Clone)]
pub struct LiveExecutor {
    schema: TsunaguSchema,
    delivery: DeliverySchema,
}

impl LiveExecutor {
    pub(super) fn new(schema: TsunaguSchema, delivery: DeliverySchema) -> Self {
        LiveExecutor { schema, delivery }
    }

    /// Runs one operation for the caller of `context`.
    pub fn operation(&self, request: Request, context: RequestContext) -> BoxStream<'static, Frame> {
        let mut session = Data::default();
        session.insert(context);
        let session = Arc::new(session);
        if let Some(query) = LiveQuery::of(&request) {
            return LiveStream::open(self.delivery.clone(), session, query).boxed();
        }
        let mut first = true;
        self.schema
            .execute_stream_with_session_data(request, session)
            .map(move |response| {
                let refused = first && is_refusal(&response);
                first = false;
                if refused {
                    Frame::Refused(response.errors)
                } else {
                    Frame::Next(response)
                }
            })
            .boxed()
    }
}

/// A request that did not run at all: no data, and only errors about the request itself
/// (parse, validation, limits) rather than about one of its fields.
fn is_refusal(response: &Response) -> bool {
    response.data == async_graphql::Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|e| e.path.is_empty())
}

/// What is kept of a subscription's request between events.
struct LiveQuery {
    text: Box<str>,
    operation_name: Option<Box<str>>,
    variables: Variables,
}

impl LiveQuery {
    /// The request, if it is a subscription of exactly one of the live fields.
    fn of(request: &Request) -> Option<LiveQuery> {
        let document = async_graphql::parser::parse_query(&request.query).ok()?;
        let operation_name = request.operation_name.as_deref();
        let mut operations = document.operations.iter().filter(|(name, _)| match operation_name {
            Some(wanted) => name.map(|n| n.as_str()) == Some(wanted),
            None => true,
        });
        let (_, operation) = operations.next()?;
        if operations.next().is_some() || operation.node.ty != OperationType::Subscription {
            return None;
        }
        let [selection] = operation.node.selection_set.node.items.as_slice() else {
            return None;
        };
        let Selection::Field(field) = &selection.node else {
            return None;
        };
        LiveField::from_name(field.node.name.node.as_str())?;
        Some(LiveQuery {
            text: request.query.as_str().into(),
            operation_name: request.operation_name.as_deref().map(Into::into),
            variables: request.variables.clone(),
        })
    }

    /// A run of the twin schema: the document, parsed again, as a query.
    fn request(&self, delivery: Delivery) -> Request {
        let mut request = Request::new(self.text.to_string())
            .variables(self.variables.clone())
            .data(delivery);
        if let Some(name) = &self.operation_name {
            request = request.operation_name(name.to_string());
        }
        if let Ok(mut document) = async_graphql::parser::parse_query(&self.text) {
            subscriptions_as_queries(&mut document);
            request.set_parsed_query(document);
        }
        request
    }
}

fn subscriptions_as_queries(document: &mut ExecutableDocument) {
    let operations: Vec<&mut OperationType> = match &mut document.operations {
        DocumentOperations::Single(operation) => vec![&mut operation.node.ty],
        DocumentOperations::Multiple(operations) => operations.values_mut().map(|o| &mut o.node.ty).collect(),
    };
    for ty in operations {
        if *ty == OperationType::Subscription {
            *ty = OperationType::Query;
        }
    }
}

/// One open subscription: its request, its events, and the run answering the current one.
struct LiveStream {
    delivery: DeliverySchema,
    session: Arc<Data>,
    query: LiveQuery,
    /// The opening run, then each event's, while in progress.
    running: Option<BoxStream<'static, Response>>,
    /// Where the opening run leaves the subscription's events.
    opening: Option<Arc<Mutex<Option<LiveEvents>>>>,
    events: Option<LiveEvents>,
}

impl LiveStream {
    fn open(delivery: DeliverySchema, session: Arc<Data>, query: LiveQuery) -> Self {
        let slot = Arc::new(Mutex::new(None));
        let mut stream = LiveStream {
            delivery,
            session,
            query,
            running: None,
            opening: Some(slot.clone()),
            events: None,
        };
        stream.run(Delivery::Open(slot));
        stream
    }

    fn run(&mut self, delivery: Delivery) {
        let request = self.query.request(delivery);
        self.running = Some(
            self.delivery
                .execute_stream_with_session_data(request, self.session.clone()),
        );
    }

    /// The opening run's answer: nothing to send if the subscription is open, else why not.
    fn opened(&mut self, response: Response) -> Option<Frame> {
        let slot = self.opening.take()?;
        let events = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
        match events {
            Some(events) if response.errors.is_empty() => {
                self.events = Some(events);
                None
            }
            _ if !response.errors.is_empty() => Some(Frame::Refused(response.errors)),
            _ => Some(Frame::Next(response)),
        }
    }
}

impl Stream for LiveStream {
    type Item = Frame;

    fn poll_next(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Option<Frame>> {
        let this = self.get_mut();
        loop {
            if let Some(running) = &mut this.running {
                let response = match running.poll_next_unpin(cx) {
                    Poll::Pending => return Poll::Pending,
                    Poll::Ready(response) => response,
                };
                this.running = None;
                let response = response
                    .unwrap_or_else(|| Response::from_errors(vec![ServerError::new("no answer to the event", None)]));
                if this.opening.is_none() {
                    return Poll::Ready(Some(Frame::Next(response)));
                }
                match this.opened(response) {
                    // Open: wait for events.
                    None => continue,
                    // Refused: say why, then end.
                    Some(refusal) => return Poll::Ready(Some(refusal)),
                }
            }
            let Some(events) = &mut this.events else {
                return Poll::Ready(None);
            };
            match events.poll_next_unpin(cx) {
                Poll::Ready(Some(item)) => this.run(Delivery::Event(item.map_err(Into::into))),
                Poll::Ready(None) => {
                    this.events = None;
                    return Poll::Ready(None);
                }
                Poll::Pending => return Poll::Pending,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::types::{ServiceDocument, TypeKind, TypeSystemDefinition};
    use async_graphql::{EmptyMutation, EmptySubscription, Schema};

    use super::super::subscription::LiveField;
    use super::DeliveryRoot;

    /// `Subscription`'s fields as `name(argument: Type, …)`, from an SDL.
    fn subscription_fields(sdl: &str) -> Vec<String> {
        let document: ServiceDocument = async_graphql::parser::parse_schema(sdl).expect("an SDL");
        let fields = document
            .definitions
            .into_iter()
            .find_map(|definition| match definition {
                TypeSystemDefinition::Type(ty) if ty.node.name.node == "Subscription" => match ty.node.kind {
                    TypeKind::Object(object) => Some(object.fields),
                    _ => None,
                },
                _ => None,
            })
            .expect("a Subscription type");
        let mut fields: Vec<String> = fields
            .into_iter()
            .map(|field| {
                let arguments: Vec<String> = field
                    .node
                    .arguments
                    .iter()
                    .map(|a| format!("{}: {}", a.node.name.node, a.node.ty.node))
                    .collect();
                format!("{}({})", field.node.name.node, arguments.join(", "))
            })
            .collect();
        fields.sort();
        fields
    }

    /// The twin root answers exactly the published subscription fields with the same
    /// arguments, and the lean path knows each of them: a field added to one root and not the
    /// other fails here instead of validating subscriptions differently.
    #[test]
    fn the_twin_root_mirrors_the_subscription_root() {
        let published = subscription_fields(&crate::graphql::sdl());
        let twin = Schema::build(DeliveryRoot, EmptyMutation, EmptySubscription)
            .finish()
            .sdl();
        // The twin is the query root of its schema, named `Subscription`.
        assert_eq!(subscription_fields(&twin), published);
        for field in &published {
            let name = field.split('(').next().unwrap_or_default();
            assert!(LiveField::from_name(name).is_some(), "{name} is not a live field");
        }
        assert_eq!(published.len(), 5, "{published:?}");
    }
}
