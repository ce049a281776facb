//! Automatic persisted queries, Apollo's protocol: a client sends only the SHA-256 of a
//! document it sent before (`extensions.persistedQuery`); unknown hashes are answered with
//! `PersistedQueryNotFound` so the client sends the whole document once, which is then kept
//! (per replica, the most recent few thousand). The document's text is put back into the
//! request, so every check that reads the text (its cost, its characters) applies as if the
//! client had sent it.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextPrepareRequest};
use async_graphql::{Request, ServerError, ServerResult};
use sha2::{Digest, Sha256};

/// Documents kept per replica.
const KEPT: usize = 4096;

#[derive(Clone)]
pub struct PersistedQueries {
    documents: Arc<Mutex<lru::LruCache<String, Arc<str>>>>,
}

impl Default for PersistedQueries {
    fn default() -> Self {
        PersistedQueries {
            documents: Arc::new(Mutex::new(lru::LruCache::new(
                NonZeroUsize::new(KEPT).expect("non-zero"),
            ))),
        }
    }
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
                match documents.get(&hash) {
                    Some(text) => request.query = text.to_string(),
                    None => return Err(refused("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND")),
                }
            } else if format!("{:x}", Sha256::digest(request.query.as_bytes())) == hash {
                documents.put(hash, request.query.as_str().into());
            } else {
                return Err(refused("provided sha does not match query", "BAD_USER_INPUT"));
            }
        }
        next.run(ctx, request).await
    }
}
