//! A small client for the Tsunagu API, as a phone or tablet app talks to it: GraphQL over
//! HTTP, subscriptions over graphql-transport-ws, and a launcher for the `tsunagu` binary.
//! The acceptance tests and the load generator are built on it.

mod server;
mod ws;

pub use server::ServerProcess;
pub use ws::{Incoming, Subscriptions};

use anyhow::{anyhow, Context as _};
use serde_json::{json, Value};

/// A GraphQL answer: `data` and the `errors` list (empty when none).
#[derive(Debug, Clone)]
pub struct GqlResponse {
    pub data: Value,
    pub errors: Vec<Value>,
}

impl GqlResponse {
    /// The first error's `extensions.code`, if any.
    pub fn code(&self) -> Option<&str> {
        self.errors.first()?.get("extensions")?.get("code")?.as_str()
    }

    /// The first error's `extensions.field`, if any.
    pub fn field(&self) -> Option<&str> {
        self.errors.first()?.get("extensions")?.get("field")?.as_str()
    }
}

/// One signed-in (or anonymous) user of the HTTP API.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base_url: String,
    token: Option<String>,
}

impl Client {
    pub fn new(base_url: &str) -> Self {
        Client {
            http: reqwest::Client::new(),
            base_url: base_url.trim_end_matches('/').to_owned(),
            token: None,
        }
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    pub fn with_token(&self, token: Option<String>) -> Self {
        Client { token, ..self.clone() }
    }

    /// Signs in and returns a client that carries the token.
    pub async fn login(&self, email: &str, password: &str) -> anyhow::Result<Client> {
        let data = self
            .ok(
                "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
                json!({"e": email, "p": password}),
            )
            .await?;
        let token = data["login"]["token"]
            .as_str()
            .ok_or_else(|| anyhow!("no token in {data}"))?;
        Ok(self.with_token(Some(token.to_owned())))
    }

    /// Sends one GraphQL request; transport failures are errors, GraphQL errors are returned.
    pub async fn gql(&self, query: &str, variables: Value) -> anyhow::Result<GqlResponse> {
        self.post_json(json!({"query": query, "variables": variables})).await
    }

    /// Posts any JSON body to /graphql (for malformed-request tests).
    pub async fn post_json(&self, body: Value) -> anyhow::Result<GqlResponse> {
        let mut request = self.http.post(format!("{}/graphql", self.base_url)).json(&body);
        if let Some(token) = &self.token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.context("POST /graphql")?;
        let status = response.status();
        let text = response.text().await?;
        let body: Value = serde_json::from_str(&text).with_context(|| format!("HTTP {status}: not JSON: {text}"))?;
        let errors = body
            .get("errors")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        Ok(GqlResponse {
            data: body.get("data").cloned().unwrap_or(Value::Null),
            errors,
        })
    }

    /// Like `gql`, but any GraphQL error is an `Err`.
    pub async fn ok(&self, query: &str, variables: Value) -> anyhow::Result<Value> {
        let response = self.gql(query, variables).await?;
        if !response.errors.is_empty() {
            return Err(anyhow!("GraphQL errors: {}", Value::Array(response.errors)));
        }
        Ok(response.data)
    }

    /// The WebSocket URL of this server's GraphQL endpoint.
    pub fn ws_url(&self) -> String {
        format!("{}/graphql/ws", self.base_url.replacen("http", "ws", 1))
    }

    /// Opens a graphql-transport-ws connection authenticated as this client.
    pub async fn subscriptions(&self) -> anyhow::Result<Subscriptions> {
        Subscriptions::connect(&self.ws_url(), self.token.as_deref()).await
    }
}
