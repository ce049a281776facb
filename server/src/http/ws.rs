//! GraphQL over WebSocket (graphql-transport-ws). We drive async-graphql's protocol state
//! machine ourselves instead of using the ready-made service so that buffers are sized for
//! thousands of idle phones and shutdown sends a proper close frame; behind it runs our lean
//! executor for live subscriptions (`graphql/live.rs`).

use std::net::SocketAddr;

use async_graphql::http::{WebSocket as GraphQLWebSocket, WebSocketProtocols, WsMessage, ALL_WEBSOCKET_PROTOCOLS};
use async_graphql::Data;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, State};
use axum::http::HeaderMap;
use axum::response::Response;
use futures::{future, SinkExt, StreamExt};

use super::{client_ip, AppState};
use crate::graphql::RequestContext;

/// An idle subscription should cost little: tungstenite's default read buffer is 128 KiB, and
/// what phones send (subscribe, ping) fits in a few hundred bytes; larger messages are read in
/// several steps.
const READ_BUFFER_BYTES: usize = 256;
const WRITE_BUFFER_BYTES: usize = 0;
/// GraphQL messages from clients are small; refuse anything large.
const MAX_MESSAGE_BYTES: usize = 64 * 1024;
const GOING_AWAY: u16 = 1001;

pub(super) async fn upgrade(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    let client_ip = client_ip(&state, &headers, peer);
    // The subprotocol the client offered first that we speak; graphql-transport-ws otherwise.
    let protocol = headers
        .get(axum::http::header::SEC_WEBSOCKET_PROTOCOL)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').find_map(|p| p.trim().parse::<WebSocketProtocols>().ok()))
        .unwrap_or(WebSocketProtocols::GraphQLWS);
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        .read_buffer_size(READ_BUFFER_BYTES)
        .write_buffer_size(WRITE_BUFFER_BYTES)
        .max_message_size(MAX_MESSAGE_BYTES)
        .on_upgrade(move |socket| {
            let sockets = state.sockets.clone();
            sockets.track_future(serve_socket(socket, state, protocol, client_ip))
        })
}

async fn serve_socket(
    socket: WebSocket,
    state: AppState,
    protocol: WebSocketProtocols,
    client_ip: Option<std::net::IpAddr>,
) {
    let (mut sink, incoming) = socket.split();
    let incoming = incoming
        .take_while(|message| future::ready(message.is_ok()))
        .filter_map(|message| {
            future::ready(match message {
                Ok(message @ (Message::Text(_) | Message::Binary(_))) => Some(message.into_data()),
                _ => None,
            })
        });
    let sessions = state.services.sessions.clone();
    let outgoing =
        GraphQLWebSocket::new(state.live.clone(), incoming, protocol).on_connection_init(move |payload| async move {
            // The bearer token travels in connection_init: {"authorization": "Bearer …"}.
            let header = payload
                .get("authorization")
                .or_else(|| payload.get("Authorization"))
                .and_then(|v| v.as_str())
                .map(str::to_owned);
            let Some(header) = header else {
                return Err(async_graphql::Error::new(
                    "UNAUTHENTICATED: connection_init carries no authorization",
                ));
            };
            let actor = crate::auth::actor_for_token(&sessions, &header)
                .await
                .map_err(|e| async_graphql::Error::new(format!("{}: {e}", e.code())))?;
            let mut data = Data::default();
            data.insert(RequestContext {
                actor: Some(actor),
                authorization: Some(header),
                client_ip,
            });
            Ok(data)
        });
    futures::pin_mut!(outgoing);
    loop {
        tokio::select! {
            message = outgoing.next() => match message {
                Some(WsMessage::Text(text)) => {
                    if sink.send(Message::Text(text.into())).await.is_err() {
                        break;
                    }
                }
                Some(WsMessage::Close(code, reason)) => {
                    let _ = sink.send(Message::Close(Some(CloseFrame { code, reason: reason.into() }))).await;
                    break;
                }
                None => break,
            },
            _ = state.shutdown.cancelled() => {
                let frame = CloseFrame { code: GOING_AWAY, reason: "server shutting down".into() };
                let _ = sink.send(Message::Close(Some(frame))).await;
                break;
            }
        }
    }
}
