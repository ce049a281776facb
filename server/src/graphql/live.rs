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
use std::time::Duration;

use async_graphql::parser::types::{DocumentOperations, ExecutableDocument, OperationType, Selection};
use async_graphql::{
    Context, Data, EmptyMutation, EmptySubscription, Request, Response, Result, Schema, ServerError, Variables,
};
use futures::stream::BoxStream;
use futures::{FutureExt, Stream, StreamExt};

use super::live_fields::LiveField;
use super::subscription::{open, LiveArguments, LiveEvents};
use super::{RequestContext, TsunaguSchema};
use crate::domain::LogEntry;

pub type DeliverySchema = Schema<DeliveryRoot, EmptyMutation, EmptySubscription>;

/// What one run of the twin schema is for.
enum Delivery {
    /// Authorize and open the subscription, leaving its events here.
    Open(Arc<Mutex<Option<LiveEvents>>>),
    /// Answer with this event.
    Event(Arc<LogEntry>),
}

/// Runs at answering one event before the subscription is ended instead: a field that
/// failed to resolve (the database out of reach) is never sent as missing, and the client,
/// resuming from the last cursor it received, gets the event again, whole. Six runs span
/// about six seconds: an overloaded database's slow moment passes without ending anything.
const EVENT_ATTEMPTS: u32 = 6;
/// The wait before the second run at an event, doubling for each further one.
const EVENT_RETRY_WAIT: Duration = Duration::from_millis(200);

/// The subscription root again, as a query root: the same fields and arguments, each
/// returning the event of the run in progress. Its fields are declared with the published
/// root's, in `live_fields.rs`.
pub struct DeliveryRoot;

/// One field of the twin root: opens the subscription, or answers with the event in hand.
pub(super) async fn deliver<T>(
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
        Delivery::Event(entry) => Ok(to_object(entry)),
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
                let refused = first && super::did_not_run(&response);
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
    /// The event being answered, and the runs made at it so far.
    current: Option<(Arc<LogEntry>, u32)>,
    /// The wait before running at `current` again, after a transient failure.
    backoff: Option<Pin<Box<tokio::time::Sleep>>>,
}

/// Whether an event's answer lacks something that a later run may well resolve: a field
/// failed because the database was out of reach, or for a reason not the client's.
fn failed_transiently(response: &Response) -> bool {
    response.errors.iter().any(|error| {
        let code = error.extensions.as_ref().and_then(|extensions| extensions.get("code"));
        code.is_none_or(|code| {
            *code == async_graphql::Value::from("UNAVAILABLE") || *code == async_graphql::Value::from("INTERNAL")
        })
    })
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
            current: None,
            backoff: None,
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
            if let Some(backoff) = &mut this.backoff {
                if backoff.poll_unpin(cx).is_pending() {
                    return Poll::Pending;
                }
                this.backoff = None;
                if let Some((entry, _)) = &this.current {
                    let entry = entry.clone();
                    this.run(Delivery::Event(entry));
                }
            }
            if let Some(running) = &mut this.running {
                let response = match running.poll_next_unpin(cx) {
                    Poll::Pending => return Poll::Pending,
                    Poll::Ready(response) => response,
                };
                this.running = None;
                let response = response
                    .unwrap_or_else(|| Response::from_errors(vec![ServerError::new("no answer to the event", None)]));
                if this.opening.is_none() {
                    let Some((entry, runs)) = this.current.take() else {
                        return Poll::Ready(Some(Frame::Next(response)));
                    };
                    if !failed_transiently(&response) {
                        return Poll::Ready(Some(Frame::Next(response)));
                    }
                    if runs + 1 < EVENT_ATTEMPTS {
                        tracing::debug!(errors = ?response.errors, "an event failed to resolve; trying again");
                        this.backoff = Some(Box::pin(tokio::time::sleep(EVENT_RETRY_WAIT * 2u32.pow(runs))));
                        this.current = Some((entry, runs + 1));
                        continue;
                    }
                    // Ended, not sent incomplete: the client resumes from its last cursor.
                    tracing::warn!(errors = ?response.errors, "an event failed to resolve; ending the subscription");
                    this.events = None;
                    return Poll::Ready(Some(Frame::Refused(response.errors)));
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
                Poll::Ready(Some(Ok(entry))) => {
                    this.current = Some((entry.clone(), 0));
                    this.run(Delivery::Event(entry));
                }
                // The log could not be read (a catch-up, say): end, so the client resumes.
                Poll::Ready(Some(Err(error))) => {
                    this.events = None;
                    let error = async_graphql::Error::from(error).into_server_error(async_graphql::Pos::default());
                    return Poll::Ready(Some(Frame::Refused(vec![error])));
                }
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
#[path = "live_tests.rs"]
mod tests;
