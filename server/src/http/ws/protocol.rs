//! graphql-transport-ws, the messages and close codes of the protocol the npm package
//! `graphql-ws` speaks (its PROTOCOL.md), as plain data: parsing what a client sends and
//! writing what the server answers. The socket's behaviour lives in `connection.rs`.

use serde::Deserialize;
use serde_json::{json, Value};

/// The subprotocol name both sides agree on in the upgrade.
pub const SUBPROTOCOL: &str = "graphql-transport-ws";

/// Close codes of the protocol, with the reasons the reference implementation gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Close {
    /// 4400: a message that is not one of the protocol's.
    InvalidMessage,
    /// 4401: an operation before the connection was acknowledged.
    Unauthorized,
    /// 4403: the token was refused, or the session it named has ended.
    Forbidden,
    /// 4406: the client offered subprotocols, none of them ours.
    SubprotocolNotAcceptable,
    /// 4408: no `connection_init` in time.
    InitTimeout,
    /// 4409: a `subscribe` with the id of an operation still running.
    DuplicateId,
    /// 4429: a second `connection_init`, or more sockets than a user may hold.
    TooManyRequests,
    /// 1001: the server is shutting down.
    GoingAway,
    /// 1000: nothing heard from the client for too long.
    Idle,
    /// 1011: the server cannot serve the socket now (the database is away); clients retry.
    InternalError,
}

impl Close {
    pub fn code(self) -> u16 {
        match self {
            Close::InvalidMessage => 4400,
            Close::Unauthorized => 4401,
            Close::Forbidden => 4403,
            Close::SubprotocolNotAcceptable => 4406,
            Close::InitTimeout => 4408,
            Close::DuplicateId => 4409,
            Close::TooManyRequests => 4429,
            Close::GoingAway => 1001,
            Close::Idle => 1000,
            Close::InternalError => 1011,
        }
    }
}

/// A subscribe message's payload: a GraphQL request.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Operation {
    pub query: String,
    #[serde(default)]
    pub operation_name: Option<String>,
    #[serde(default)]
    pub variables: Option<Value>,
    #[serde(default)]
    pub extensions: Option<Value>,
}

/// What a client may send.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMessage {
    ConnectionInit {
        #[serde(default)]
        payload: Option<Value>,
    },
    Ping {
        #[serde(default)]
        payload: Option<Value>,
    },
    Pong {
        #[serde(default)]
        payload: Option<Value>,
    },
    Subscribe {
        id: String,
        payload: Operation,
    },
    Complete {
        id: String,
    },
}

impl ClientMessage {
    /// Parses one text frame; anything else is an invalid message (4400), said in words.
    pub fn parse(text: &str) -> Result<ClientMessage, String> {
        let message: ClientMessage = serde_json::from_str(text).map_err(|_| "Invalid message received".to_owned())?;
        match &message {
            ClientMessage::Subscribe { id, .. } | ClientMessage::Complete { id } if id.is_empty() => {
                Err("Invalid message received: empty id".to_owned())
            }
            ClientMessage::ConnectionInit { payload: Some(p) } if !p.is_object() => {
                Err("Invalid message received: connection_init payload must be an object".to_owned())
            }
            _ => Ok(message),
        }
    }
}

pub fn connection_ack() -> String {
    json!({"type": "connection_ack"}).to_string()
}

pub fn pong(payload: Option<Value>) -> String {
    match payload {
        Some(payload) => json!({"type": "pong", "payload": payload}),
        None => json!({"type": "pong"}),
    }
    .to_string()
}

pub fn next(id: &str, payload: &async_graphql::Response) -> String {
    json!({"id": id, "type": "next", "payload": payload}).to_string()
}

/// The operation was refused before it ran (validation, authorization): its errors.
pub fn error(id: &str, errors: &[async_graphql::ServerError]) -> String {
    json!({"id": id, "type": "error", "payload": errors}).to_string()
}

pub fn complete(id: &str) -> String {
    json!({"id": id, "type": "complete"}).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_protocols_messages_parse_and_anything_else_is_invalid() {
        assert_eq!(
            ClientMessage::parse(r#"{"type":"connection_init","payload":{"authorization":"Bearer x"}}"#),
            Ok(ClientMessage::ConnectionInit {
                payload: Some(json!({"authorization": "Bearer x"}))
            })
        );
        assert_eq!(
            ClientMessage::parse(r#"{"type":"connection_init"}"#),
            Ok(ClientMessage::ConnectionInit { payload: None })
        );
        let subscribe =
            ClientMessage::parse(r#"{"id":"1","type":"subscribe","payload":{"query":"{ me { user { id } } }"}}"#);
        assert!(matches!(subscribe, Ok(ClientMessage::Subscribe { ref id, .. }) if id == "1"));
        assert_eq!(
            ClientMessage::parse(r#"{"id":"1","type":"complete"}"#),
            Ok(ClientMessage::Complete { id: "1".into() })
        );
        for invalid in [
            "not json",
            "{}",
            r#"{"type":"start","id":"1"}"#,
            r#"{"type":"subscribe","id":"1"}"#,
            r#"{"type":"subscribe","id":"","payload":{"query":"{a}"}}"#,
            r#"{"type":"subscribe","payload":{"query":"{a}"}}"#,
            r#"{"type":"connection_init","payload":"token"}"#,
        ] {
            assert!(ClientMessage::parse(invalid).is_err(), "{invalid}");
        }
    }
}
