//! The tailer: one task per process that reads final log entries in order and publishes them.
//! It sleeps until a local commit wakes it or the poll interval passes (entries from other
//! replicas); when entries exist but are held back by a transaction still in flight, it
//! retries shortly.

use std::sync::Weak;
use std::time::Duration;

use crate::domain::Position;

use super::bus::Shared;

const BATCH: i64 = 1_000;

pub(super) async fn run(shared: Weak<Shared>, start: Position) {
    let mut position = start;
    let mut held_back_wait = Duration::from_millis(1);
    loop {
        let Some(bus) = shared.upgrade() else { return };
        match bus.store.tail_log(position, BATCH).await {
            Ok((entries, held_back)) => {
                let full = entries.len() as i64 == BATCH;
                for entry in entries {
                    position = entry.position;
                    bus.publish(entry);
                }
                if full {
                    continue;
                }
                if held_back {
                    // Back off gently: a long transaction elsewhere must not make us spin.
                    tokio::time::sleep(held_back_wait).await;
                    held_back_wait = (held_back_wait * 2).min(Duration::from_millis(50));
                    continue;
                }
                held_back_wait = Duration::from_millis(1);
            }
            Err(err) => {
                tracing::error!(error = %err, "reading the event log failed; retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        }
        // The strong reference lives only for this wait, so a dropped bus ends the tailer.
        tokio::select! {
            _ = bus.committed.notified() => {}
            _ = tokio::time::sleep(bus.poll_interval) => {}
        }
    }
}
