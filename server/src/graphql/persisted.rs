//! Automatic persisted queries, Apollo's protocol: a client sends only the SHA-256 of a
//! document it sent before (`extensions.persistedQuery`); unknown hashes are answered with
//! `PersistedQueryNotFound` so the client sends the whole document once, which is then kept
//! (per replica, the most recent few thousand). The document's text is put back into the
//! request, so every check that reads the text (its cost, its characters) applies as if the
//! client had sent it.
//!
//! Trusted documents: with `TRUSTED_DOCUMENTS` naming a manifest of the app's own operations
//! (graphql-codegen's `persisted-documents.json`, `{hash: document}`, or a JSON list of
//! documents), the server runs only those, however they arrive (whole, or by hash). Hashes are
//! computed here from the documents, never taken from the manifest's keys.

use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::path::Path;
use std::sync::{Arc, Mutex};

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextPrepareRequest};
use async_graphql::{Request, ServerError, ServerResult};
use sha2::{Digest, Sha256};

/// Documents kept per replica.
const KEPT: usize = 4096;

#[derive(Clone)]
pub struct PersistedQueries {
    documents: Arc<Mutex<lru::LruCache<String, Arc<str>>>>,
    /// When set, the only documents the server runs, by hash.
    trusted: Option<Arc<HashMap<String, Arc<str>>>>,
}

impl PersistedQueries {
    /// Remembers documents sent by hash; runs only the manifest's documents when one is named.
    pub fn new(trusted_documents: Option<&Path>) -> Self {
        PersistedQueries {
            documents: Arc::new(Mutex::new(lru::LruCache::new(
                NonZeroUsize::new(KEPT).expect("non-zero"),
            ))),
            trusted: trusted_documents.map(|path| Arc::new(load_manifest(path))),
        }
    }
}

fn sha256_hex(text: &str) -> String {
    format!("{:x}", Sha256::digest(text.as_bytes()))
}

/// The manifest's documents by hash. A manifest that cannot be read trusts nothing: the
/// server then refuses every operation rather than running unvetted ones.
fn load_manifest(path: &Path) -> HashMap<String, Arc<str>> {
    let parsed = std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).map_err(|e| e.to_string()));
    let manifest = match parsed {
        Ok(manifest) => manifest,
        Err(error) => {
            tracing::error!(path = %path.display(), %error, "trusted documents unreadable: every operation will be refused");
            return HashMap::new();
        }
    };
    let documents: Vec<&str> = match &manifest {
        serde_json::Value::Object(entries) => entries.values().filter_map(|v| v.as_str()).collect(),
        serde_json::Value::Array(entries) => entries.iter().filter_map(|v| v.as_str()).collect(),
        _ => Vec::new(),
    };
    tracing::info!(documents = documents.len(), "running trusted documents only");
    documents.into_iter().map(|d| (sha256_hex(d), d.into())).collect()
}

impl ExtensionFactory for PersistedQueries {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(self.clone())
    }
}

fn refused(message: &str, code: &str) -> ServerError {
    let mut error = ServerError::new(message, None);
    error.extensions.get_or_insert_with(Default::default).set("code", code);
    error
}

#[async_trait::async_trait]
impl Extension for PersistedQueries {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        mut request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        if let Some(persisted) = request.extensions.remove("persistedQuery") {
            let persisted = serde_json::to_value(&persisted).unwrap_or_default();
            if persisted["version"] != 1 {
                return Err(refused("PersistedQueryNotSupported: only version 1", "BAD_USER_INPUT"));
            }
            let Some(hash) = persisted["sha256Hash"].as_str().map(str::to_ascii_lowercase) else {
                return Err(refused("persistedQuery needs a sha256Hash", "BAD_USER_INPUT"));
            };
            let mut documents = self.documents.lock().unwrap_or_else(|p| p.into_inner());
            if request.query.is_empty() {
                let known = self
                    .trusted
                    .as_ref()
                    .and_then(|t| t.get(&hash))
                    .or_else(|| documents.get(&hash));
                match known {
                    Some(text) => request.query = text.to_string(),
                    None => return Err(refused("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND")),
                }
            } else if sha256_hex(&request.query) == hash {
                documents.put(hash, request.query.as_str().into());
            } else {
                return Err(refused("provided sha does not match query", "BAD_USER_INPUT"));
            }
        }
        if let Some(trusted) = &self.trusted {
            if !trusted.contains_key(&sha256_hex(&request.query)) {
                return Err(refused(
                    "this server runs only the app's own operations (trusted documents)",
                    "BAD_USER_INPUT",
                ));
            }
        }
        next.run(ctx, request).await
    }
}
