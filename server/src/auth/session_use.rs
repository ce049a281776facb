//! "Last used" of each session, for the account's list of sessions: every request that reads a
//! live session notes it here, in memory, and a background task writes the noted sessions in
//! one statement per interval (`SESSION_USE_FLUSH_SECONDS`), so that using the API costs no
//! write per request. A session used within the last interval may show the previous time.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::clock::Clock;
use crate::domain::Timestamp;
use crate::store::Store;

/// Token hashes used since the last flush.
#[derive(Default)]
pub struct SessionUse {
    seen: Mutex<HashSet<String>>,
}

impl SessionUse {
    pub fn touch(&self, token_hash: String) {
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).insert(token_hash);
    }

    fn take(&self) -> Vec<String> {
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).drain().collect()
    }

    /// Writes what was noted as used at `now`; on failure, notes it again for the next flush.
    pub async fn flush(&self, store: &dyn Store, now: Timestamp) {
        let used = self.take();
        if used.is_empty() {
            return;
        }
        if let Err(error) = store.record_session_use(&used, now).await {
            tracing::warn!(error = %error, sessions = used.len(), "could not record sessions' last use");
            let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
            seen.extend(used);
        }
    }
}

/// Flushes `sessions`' use every `every`, stamped by `clock`, for as long as the server runs.
pub fn spawn_flush(used: Arc<SessionUse>, store: Arc<dyn Store>, clock: Arc<dyn Clock>, every: Duration) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            used.flush(store.as_ref(), clock.now()).await;
        }
    });
}
