//! One WebSocket connection, from `connection_init` to its close: authenticating the socket
//! with the session named in `connection_init`, running operations (live subscriptions on the
//! lean executor, queries and mutations on the schema), and the limits that keep a socket
//! from costing more than a phone needs — an init deadline, keep-alive pings with an idle
//! limit, a cap on operations per socket and on sockets per account. A socket ends with its
//! session: a logout, an expiry or a grant taken away closes it with 4403.

use std::net::IpAddr;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use async_graphql::{Request, ServerError, Variables};
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use futures::stream::{BoxStream, SplitSink, SplitStream};
use futures::{FutureExt, SinkExt, StreamExt};
use tokio::time::Instant;
use tokio_stream::StreamMap;

use super::protocol::{self, ClientMessage, Close, Operation};
use crate::auth::live_sessions::SocketLease;
use crate::error::AppError;
use crate::graphql::{Frame, RequestContext};
use crate::http::AppState;

type Sink = SplitSink<WebSocket, Message>;
type Incoming = SplitStream<WebSocket>;

/// Serves one upgraded socket until either side ends it.
pub(super) async fn serve(socket: WebSocket, state: AppState, client_ip: Option<IpAddr>, acceptable: bool) {
    let (mut sink, mut incoming) = socket.split();
    if !acceptable {
        close(&mut sink, Close::SubprotocolNotAcceptable, "Subprotocol not acceptable").await;
        return;
    }
    let config = state.services.config.clone();
    let deadline = tokio::time::sleep(config.ws_init_timeout());
    let accepted = tokio::select! {
        accepted = accept(&mut sink, &mut incoming, &state, client_ip) => accepted,
        () = deadline => Err((Close::InitTimeout, "Connection initialisation timeout".to_owned())),
        () = state.shutdown.cancelled() => Err((Close::GoingAway, "server shutting down".to_owned())),
    };
    match accepted {
        Ok(Some(connection)) => connection.run(sink, incoming).await,
        Ok(None) => {}
        Err((code, reason)) => close(&mut sink, code, &reason).await,
    }
}

/// A socket whose `connection_init` was accepted.
struct Connection {
    state: AppState,
    /// The `Authorization` value of `connection_init`, read again for every operation.
    authorization: String,
    client_ip: Option<IpAddr>,
    lease: SocketLease,
}

type Refusal = (Close, String);

/// Waits for `connection_init` and authenticates it. Pings are answered meanwhile; an
/// operation before the acknowledgement is 4401. `Ok(None)`: the client went away.
async fn accept(
    sink: &mut Sink,
    incoming: &mut Incoming,
    state: &AppState,
    client_ip: Option<IpAddr>,
) -> Result<Option<Connection>, Refusal> {
    loop {
        let text = match incoming.next().await {
            None | Some(Err(_)) | Some(Ok(Message::Close(_))) => return Ok(None),
            Some(Ok(Message::Text(text))) => text,
            Some(Ok(Message::Binary(_))) => return Err(invalid("binary frames are not part of the protocol")),
            Some(Ok(_)) => continue,
        };
        match ClientMessage::parse(text.as_str()).map_err(|reason| (Close::InvalidMessage, reason))? {
            ClientMessage::ConnectionInit { payload } => {
                let authorization = payload
                    .as_ref()
                    .and_then(|p| p.get("authorization").or_else(|| p.get("Authorization")))
                    .and_then(|v| v.as_str())
                    .map(str::to_owned)
                    .ok_or_else(|| {
                        (
                            Close::Forbidden,
                            "Forbidden: connection_init carries no authorization".to_owned(),
                        )
                    })?;
                let connection = authenticate(state, authorization, client_ip).await?;
                send(sink, protocol::connection_ack()).await;
                return Ok(Some(connection));
            }
            ClientMessage::Ping { payload } => send(sink, protocol::pong(payload)).await,
            ClientMessage::Pong { .. } => {}
            ClientMessage::Subscribe { .. } | ClientMessage::Complete { .. } => {
                return Err((Close::Unauthorized, "Unauthorized".to_owned()))
            }
        }
    }
}

async fn authenticate(
    state: &AppState,
    authorization: String,
    client_ip: Option<IpAddr>,
) -> Result<Connection, Refusal> {
    let services = &state.services;
    let actor = match crate::auth::actor_for_token(&services.sessions, &authorization).await {
        Ok(actor) => actor,
        Err(AppError::Unauthenticated) => return Err((Close::Forbidden, "Forbidden: invalid or expired token".into())),
        // The database is away: a retry later may well succeed (1011 is not fatal to clients).
        Err(error) => {
            tracing::warn!(error = %error, "could not authenticate a WebSocket");
            return Err((Close::InternalError, "service unavailable, retry later".into()));
        }
    };
    let token_hash = crate::auth::token::from_authorization(&authorization)
        .map(crate::auth::token::hash)
        .ok_or_else(|| (Close::Forbidden, "Forbidden".to_owned()))?;
    let lease = services
        .live_sessions
        .register(
            token_hash,
            actor.user.id,
            actor.grants.clone(),
            services.config.ws_max_sockets_per_user,
        )
        .ok_or_else(|| {
            let limit = services.config.ws_max_sockets_per_user;
            (
                Close::TooManyRequests,
                format!("Too many connections: at most {limit} per account"),
            )
        })?;
    Ok(Connection {
        state: state.clone(),
        authorization,
        client_ip,
        lease,
    })
}

/// How long a closing socket waits for one more queued event before saying goodbye.
const FLUSH_WAIT: Duration = Duration::from_millis(100);

/// At shutdown: sends what the operations have ready (events already published to them, still
/// being resolved), so a phone hears of the last acknowledged writes before 1001.
async fn flush(sink: &mut Sink, operations: &mut StreamMap<String, BoxStream<'static, Output>>) {
    while let Ok(Some((id, output))) = tokio::time::timeout(FLUSH_WAIT, operations.next()).await {
        // The socket closes with 1001 anyway; a session found ended meanwhile changes nothing.
        let _ = deliver(sink, operations, id, output).await;
    }
}

/// Sends one operation's output to the client; a refusal of the whole socket when the
/// operation found the session ended.
async fn deliver(
    sink: &mut Sink,
    operations: &mut StreamMap<String, BoxStream<'static, Output>>,
    id: String,
    output: Output,
) -> Result<(), Refusal> {
    match output {
        Output::Frame(frame) => match *frame {
            Frame::Next(response) => send(sink, protocol::next(&id, &response)).await,
            Frame::Refused(errors) => {
                operations.remove(&id);
                send(sink, protocol::error(&id, &errors)).await;
            }
        },
        Output::End => send(sink, protocol::complete(&id)).await,
        Output::SessionEnded => return Err((Close::Forbidden, "Forbidden: the session has ended".to_owned())),
    }
    Ok(())
}

/// One operation's output: an answer, a refusal (then nothing), its end, or word that the
/// session the socket runs on has ended (then the socket closes).
enum Output {
    /// Boxed: the item of every operation's stream is only as large as a pointer.
    Frame(Box<Frame>),
    End,
    SessionEnded,
}

impl Connection {
    async fn run(self, mut sink: Sink, mut incoming: Incoming) {
        let config = self.state.services.config.clone();
        let mut operations: StreamMap<String, BoxStream<'static, Output>> = StreamMap::new();
        let mut keepalive = tokio::time::interval_at(Instant::now() + config.ws_keepalive(), config.ws_keepalive());
        let mut last_heard = Instant::now();
        let ended = self.lease.ended.clone();
        let shutdown = self.state.shutdown.clone();
        let refusal = loop {
            tokio::select! {
                message = incoming.next() => {
                    last_heard = Instant::now();
                    let text = match message {
                        None | Some(Err(_)) | Some(Ok(Message::Close(_))) => return,
                        Some(Ok(Message::Text(text))) => text,
                        Some(Ok(Message::Binary(_))) => break invalid("binary frames are not part of the protocol"),
                        Some(Ok(_)) => continue,
                    };
                    let message = match ClientMessage::parse(text.as_str()) {
                        Ok(message) => message,
                        Err(reason) => break (Close::InvalidMessage, reason),
                    };
                    if let Err(refusal) = self.handle(message, &mut sink, &mut operations).await {
                        break refusal;
                    }
                }
                Some((id, output)) = operations.next(), if !operations.is_empty() => {
                    if let Err(refusal) = deliver(&mut sink, &mut operations, id, output).await {
                        break refusal;
                    }
                }
                _ = keepalive.tick() => {
                    if last_heard.elapsed() > config.ws_idle_timeout() {
                        break (Close::Idle, "idle for too long".to_owned());
                    }
                    // Browsers and phones answer with a pong frame by themselves.
                    if sink.send(Message::Ping(Default::default())).await.is_err() {
                        return;
                    }
                }
                () = ended.cancelled() => break (Close::Forbidden, "Forbidden: the session has ended".to_owned()),
                () = shutdown.cancelled() => {
                    flush(&mut sink, &mut operations).await;
                    break (Close::GoingAway, "server shutting down".to_owned());
                }
            }
        };
        // Operations stop (and leave the event bus) before the close frame goes out.
        drop(operations);
        close(&mut sink, refusal.0, &refusal.1).await;
    }

    async fn handle(
        &self,
        message: ClientMessage,
        sink: &mut Sink,
        operations: &mut StreamMap<String, BoxStream<'static, Output>>,
    ) -> Result<(), Refusal> {
        match message {
            ClientMessage::ConnectionInit { .. } => {
                return Err((Close::TooManyRequests, "Too many initialisation requests".to_owned()))
            }
            ClientMessage::Ping { payload } => send(sink, protocol::pong(payload)).await,
            ClientMessage::Pong { .. } => {}
            ClientMessage::Complete { id } => {
                operations.remove(&id);
            }
            ClientMessage::Subscribe { id, payload } => {
                if operations.contains_key(&id) {
                    return Err((Close::DuplicateId, format!("Subscriber for {id} already exists")));
                }
                let limit = self.state.services.config.ws_max_operations;
                if operations.len() >= limit {
                    let error = refusal_error(
                        format!("at most {limit} operations may run on one socket"),
                        AppError::RateLimited { retry_after_secs: 1 },
                    );
                    send(sink, protocol::error(&id, &[error])).await;
                    return Ok(());
                }
                operations.insert(id, guarded(self.operation(payload)));
            }
        }
        Ok(())
    }

    /// One operation, from reading its session to its last frame, as a stream the socket's
    /// loop polls alongside the others.
    ///
    /// The session is read here, inside the operation, and never awaited in the loop itself:
    /// while the loop awaits, it polls none of the socket's operations, and an operation left
    /// unpolled keeps what it holds — a read connection of the pool (an opening subscription
    /// reading its family's nursery), or the pool's turn to hand one out. The session read
    /// needs a read connection too; with a few hundred phones subscribing twice at once, every
    /// connection ended up held by such an operation, every session read waited for one, and
    /// the server stopped answering anyone (`connection_init` included) with nothing running.
    fn operation(&self, payload: Operation) -> impl futures::Stream<Item = Output> + Send + 'static {
        let state = self.state.clone();
        let authorization = self.authorization.clone();
        let client_ip = self.client_ip;
        // Taken as the message arrives: a feed starting "now" starts here, not after the
        // session read below, so nothing published in between is missed.
        let live_from = self.state.services.bus.published_position();
        // Boxed: once the session is read only a pointer of the opening is left in the stream.
        let opening = Box::pin(async move {
            // The session is read again for every operation, so none runs on a session that
            // has ended, and each runs with the grants the account holds now.
            let actor = match crate::auth::actor_for_token(&state.services.sessions, &authorization).await {
                Ok(actor) => actor,
                Err(AppError::Unauthenticated) => return futures::stream::iter([Output::SessionEnded]).boxed(),
                Err(error) => {
                    let error = async_graphql::Error::from(error).into_server_error(async_graphql::Pos::default());
                    return futures::stream::iter([Output::Frame(Box::new(Frame::Refused(vec![error])))]).boxed();
                }
            };
            let mut request =
                Request::new(payload.query).variables(Variables::from_json(payload.variables.unwrap_or_default()));
            if let Some(name) = payload.operation_name {
                request = request.operation_name(name);
            }
            let context = RequestContext {
                actor: Some(actor),
                authorization: Some(authorization),
                client_ip,
                // Sessions are made over HTTP (login, activation), never on a socket.
                device: String::new(),
                live_from: Some(live_from),
            };
            state
                .live
                .operation(request, context)
                .map(|frame| Output::Frame(Box::new(frame)))
                .boxed()
        });
        opening.flatten_stream()
    }
}

/// An operation's output, then its end; a panic inside it ends only the operation, with an
/// INTERNAL error, never the socket.
fn guarded(outputs: impl futures::Stream<Item = Output> + Send + 'static) -> BoxStream<'static, Output> {
    AssertUnwindSafe(outputs)
        .catch_unwind()
        .map(|output| match output {
            Ok(output) => output,
            Err(_) => {
                tracing::error!("a WebSocket operation panicked");
                let error = async_graphql::Error::from(AppError::Internal(anyhow::anyhow!("operation panicked")))
                    .into_server_error(async_graphql::Pos::default());
                Output::Frame(Box::new(Frame::Next(async_graphql::Response::from_errors(vec![error]))))
            }
        })
        .chain(futures::stream::once(futures::future::ready(Output::End)))
        .boxed()
}

fn refusal_error(message: String, code: AppError) -> ServerError {
    let mut error = async_graphql::Error::from(code).into_server_error(async_graphql::Pos::default());
    error.message = message;
    error
}

fn invalid(reason: &str) -> Refusal {
    (Close::InvalidMessage, format!("Invalid message received: {reason}"))
}

async fn send(sink: &mut Sink, text: String) {
    // A failed send means the client is gone; the read side notices and ends the loop.
    let _ = sink.send(Message::Text(text.into())).await;
}

async fn close(sink: &mut Sink, code: Close, reason: &str) {
    let frame = CloseFrame {
        code: code.code(),
        reason: reason.into(),
    };
    let _ = sink.send(Message::Close(Some(frame))).await;
}
