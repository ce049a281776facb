//! Admission of subscription opens: a burst of phones opening their feeds at once (the
//! morning, every app reconnecting after a deploy) waits here, first come first served, for one
//! of a few slots, instead of all at once in the database pool.
//!
//! Why: the pool's acquire timeout is short on purpose (`DATABASE_ACQUIRE_TIMEOUT_MS`), so an
//! outage is answered UNAVAILABLE within two seconds. Without this queue a burst of opens
//! crowds the pool, each open's reads wait past that timeout halfway through their work, the
//! work done is thrown away, every phone retries, and the check-ins queued behind them slow
//! down too (measured: 48,407 refusals for 20,000 subscriptions in the rush). Here an open
//! that cannot start within the same bound is refused before it has done any work.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::{AppError, AppResult};

#[derive(Clone)]
pub struct Admission {
    slots: Arc<Semaphore>,
    most_wait: Duration,
}

impl Admission {
    /// At most `slots` opens run at once; one waits at most `most_wait` for a slot.
    pub fn new(slots: usize, most_wait: Duration) -> Self {
        Admission {
            slots: Arc::new(Semaphore::new(slots.max(1))),
            most_wait,
        }
    }

    /// A slot, held until the returned permit is dropped; UNAVAILABLE (retry later) when none
    /// frees up in time.
    pub async fn enter(&self) -> AppResult<OwnedSemaphorePermit> {
        match tokio::time::timeout(self.most_wait, self.slots.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            // Not in time (or the semaphore closed, which it never is).
            Ok(Err(_)) | Err(_) => Err(AppError::Unavailable),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Opens beyond the slots wait their turn in order; one that cannot start in time is
    /// refused as retryable, having done nothing.
    #[tokio::test]
    async fn opens_wait_their_turn_and_are_refused_when_none_frees_up() {
        let admission = Admission::new(1, Duration::from_millis(50));
        let first = admission.enter().await.expect("a free slot");
        assert!(matches!(admission.enter().await, Err(AppError::Unavailable)));
        let waiting = tokio::spawn({
            let admission = admission.clone();
            async move { admission.enter().await.is_ok() }
        });
        tokio::task::yield_now().await;
        drop(first);
        assert!(waiting.await.unwrap(), "the slot passes to the one waiting");
    }
}
