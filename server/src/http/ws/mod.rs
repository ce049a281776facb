//! GraphQL over WebSocket (graphql-transport-ws): the upgrade. The protocol's messages are in
//! `protocol.rs`, a connection's life (init, operations, limits, the end of its session) in
//! `connection.rs`; live subscriptions run on the lean executor of `graphql/live.rs`.

mod connection;
mod protocol;

use std::net::SocketAddr;

use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{ConnectInfo, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::{client_ip, AppState};

/// An idle subscription should cost little: tungstenite's default read buffer is 128 KiB, and
/// what phones send (subscribe, ping) fits in a few hundred bytes; larger messages are read in
/// several steps.
const READ_BUFFER_BYTES: usize = 256;
const WRITE_BUFFER_BYTES: usize = 0;
/// GraphQL messages from clients are small; refuse anything large.
const MAX_MESSAGE_BYTES: usize = 64 * 1024;

pub(super) async fn upgrade(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    let client_ip = client_ip(&state, &headers, peer);
    // A client that offers subprotocols must offer ours; one that offers none gets ours.
    let offered: Vec<&str> = headers
        .get_all(axum::http::header::SEC_WEBSOCKET_PROTOCOL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let acceptable = offered.is_empty() || offered.contains(&protocol::SUBPROTOCOL);
    upgrade
        .protocols([protocol::SUBPROTOCOL])
        .read_buffer_size(READ_BUFFER_BYTES)
        .write_buffer_size(WRITE_BUFFER_BYTES)
        .max_message_size(MAX_MESSAGE_BYTES)
        .on_upgrade(move |socket| {
            let sockets = state.sockets.clone();
            sockets.track_future(connection::serve(socket, state, client_ip, acceptable))
        })
}
