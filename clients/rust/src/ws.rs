//! graphql-transport-ws, the protocol of the npm package `graphql-ws`: connection_init with
//! the bearer token, then `subscribe` / `next` / `error` / `complete` per operation id.

use std::time::Duration;

use anyhow::{anyhow, bail, Context as _};
use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// What arrived for one operation.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// A `next` payload: `{data, errors?}`.
    Next {
        id: String,
        payload: Value,
    },
    Error {
        id: String,
        payload: Value,
    },
    Complete {
        id: String,
    },
    /// The server closed the socket (code, reason).
    Closed {
        code: u16,
        reason: String,
    },
}

pub struct Subscriptions {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
    next_id: u64,
}

impl Subscriptions {
    pub async fn connect(url: &str, token: Option<&str>) -> anyhow::Result<Self> {
        let mut request = url.into_client_request()?;
        request
            .headers_mut()
            .insert("Sec-WebSocket-Protocol", "graphql-transport-ws".parse()?);
        let (socket, _) = tokio_tungstenite::connect_async(request)
            .await
            .context("WebSocket connect")?;
        let mut this = Subscriptions { socket, next_id: 1 };
        let payload = match token {
            Some(token) => json!({"authorization": format!("Bearer {token}")}),
            None => json!({}),
        };
        this.send(json!({"type": "connection_init", "payload": payload}))
            .await?;
        match this.recv_raw(Duration::from_secs(10)).await? {
            Some(RawMessage::Json(msg)) if msg["type"] == "connection_ack" => Ok(this),
            Some(RawMessage::Closed(code, reason)) => bail!("connection refused: {code} {reason}"),
            other => bail!("expected connection_ack, got {other:?}"),
        }
    }

    /// Starts an operation; returns its id.
    pub async fn subscribe(&mut self, query: &str, variables: Value) -> anyhow::Result<String> {
        let id = self.next_id.to_string();
        self.next_id += 1;
        self.send(json!({"id": id, "type": "subscribe", "payload": {"query": query, "variables": variables}}))
            .await?;
        Ok(id)
    }

    /// Starts one named operation of a document holding several; returns its id.
    pub async fn subscribe_operation(
        &mut self,
        document: &str,
        operation: &str,
        variables: Value,
    ) -> anyhow::Result<String> {
        let id = self.next_id.to_string();
        self.next_id += 1;
        let payload = json!({"query": document, "operationName": operation, "variables": variables});
        self.send(json!({"id": id, "type": "subscribe", "payload": payload}))
            .await?;
        Ok(id)
    }

    pub async fn unsubscribe(&mut self, id: &str) -> anyhow::Result<()> {
        self.send(json!({"id": id, "type": "complete"})).await
    }

    /// The next message for any operation, or `None` if nothing arrives within `wait`.
    pub async fn next(&mut self, wait: Duration) -> anyhow::Result<Option<Incoming>> {
        loop {
            let Some(raw) = self.recv_raw(wait).await? else {
                return Ok(None);
            };
            let msg = match raw {
                RawMessage::Closed(code, reason) => return Ok(Some(Incoming::Closed { code, reason })),
                RawMessage::Json(msg) => msg,
            };
            let id = msg["id"].as_str().unwrap_or_default().to_owned();
            match msg["type"].as_str() {
                Some("next") => {
                    return Ok(Some(Incoming::Next {
                        id,
                        payload: msg["payload"].clone(),
                    }))
                }
                Some("error") => {
                    return Ok(Some(Incoming::Error {
                        id,
                        payload: msg["payload"].clone(),
                    }))
                }
                Some("complete") => return Ok(Some(Incoming::Complete { id })),
                Some("ping") => self.send(json!({"type": "pong"})).await?,
                _ => {}
            }
        }
    }

    /// The next `next` payload's `data`, failing on errors; `None` on silence.
    pub async fn next_data(&mut self, wait: Duration) -> anyhow::Result<Option<Value>> {
        match self.next(wait).await? {
            None => Ok(None),
            Some(Incoming::Next { payload, .. }) => {
                if let Some(errors) = payload.get("errors") {
                    bail!("subscription errors: {errors}");
                }
                Ok(Some(payload["data"].clone()))
            }
            Some(other) => Err(anyhow!("expected data, got {other:?}")),
        }
    }

    pub async fn close(mut self) -> anyhow::Result<()> {
        self.socket.close(None).await.ok();
        Ok(())
    }

    async fn send(&mut self, msg: Value) -> anyhow::Result<()> {
        self.socket
            .send(Message::text(msg.to_string()))
            .await
            .context("WebSocket send")
    }

    async fn recv_raw(&mut self, wait: Duration) -> anyhow::Result<Option<RawMessage>> {
        loop {
            let next = match tokio::time::timeout(wait, self.socket.next()).await {
                Err(_) => return Ok(None),
                Ok(None) => return Ok(Some(RawMessage::Closed(1006, "connection dropped".into()))),
                Ok(Some(msg)) => msg,
            };
            match next {
                Ok(Message::Text(text)) => return Ok(Some(RawMessage::Json(serde_json::from_str(text.as_str())?))),
                Ok(Message::Close(frame)) => {
                    let (code, reason) = frame
                        .map(|f| (u16::from(f.code), f.reason.to_string()))
                        .unwrap_or((1005, String::new()));
                    return Ok(Some(RawMessage::Closed(code, reason)));
                }
                Ok(_) => continue,
                Err(err) => return Ok(Some(RawMessage::Closed(1006, err.to_string()))),
            }
        }
    }
}

#[derive(Debug)]
enum RawMessage {
    Json(Value),
    Closed(u16, String),
}
