//! The tailer: one task per process that reads final log entries in order and publishes them.
//! It sleeps until a local commit wakes it or the poll interval passes (entries from other
//! replicas); when entries exist but are held back by a transaction still in flight, it
//! retries shortly.

use std::sync::atomic::Ordering;
use std::sync::Weak;
use std::time::{Duration, Instant};

use crate::domain::Position;

use super::bus::Shared;

const BATCH: i64 = 1_000;
/// Entries held back this long are worth a warning naming the transaction holding them.
const HELD_BACK_WARNING: Duration = Duration::from_secs(5);

pub(super) async fn run(shared: Weak<Shared>, start: Position) {
    let mut position = start;
    let mut held_back_wait = Duration::from_millis(1);
    // Since when entries have been held back without any being published, and when we warned.
    let mut held_back_since: Option<Instant> = None;
    let mut warned_at: Option<Instant> = None;
    loop {
        let Some(bus) = shared.upgrade() else { return };
        let reading = Instant::now();
        let read_number = bus.reads_begun.fetch_add(1, Ordering::AcqRel) + 1;
        let read = bus.store.tail_log(position, BATCH).await;
        metrics::histogram!(crate::metrics::TAILER_POLL_SECONDS).record(reading.elapsed().as_secs_f64());
        match read {
            Ok((entries, held_back)) => {
                let full = entries.len() as i64 == BATCH;
                if (!entries.is_empty() || !held_back) && held_back_since.take().is_some() {
                    metrics::gauge!(crate::metrics::LOG_HELD_BACK_SECONDS).set(0.0);
                }
                for entry in entries {
                    position = entry.position;
                    bus.publish(entry);
                }
                if full {
                    continue;
                }
                if held_back {
                    let since = *held_back_since.get_or_insert_with(Instant::now);
                    metrics::gauge!(crate::metrics::LOG_HELD_BACK_SECONDS).set(since.elapsed().as_secs_f64());
                    if since.elapsed() >= HELD_BACK_WARNING
                        && warned_at.is_none_or(|at| at.elapsed() >= HELD_BACK_WARNING * 6)
                    {
                        warned_at = Some(Instant::now());
                        warn_held_back(&bus, since.elapsed()).await;
                    }
                    // Back off gently: a long transaction elsewhere must not make us spin.
                    tokio::time::sleep(held_back_wait).await;
                    held_back_wait = (held_back_wait * 2).min(Duration::from_millis(50));
                    continue;
                }
                held_back_wait = Duration::from_millis(1);
                bus.caught_up_read.store(read_number, Ordering::Release);
                bus.caught_up.notify_waiters();
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

/// Names the transaction that has held live events back for `held`: a writer of this
/// database that has not ended (transactions elsewhere on the cluster never hold them back).
async fn warn_held_back(bus: &Shared, held: Duration) {
    match bus.store.log_held_back_by().await {
        Ok(Some((pid, age_seconds))) => tracing::warn!(
            held_back_ms = held.as_millis() as u64,
            blocking_pid = pid,
            blocking_transaction_age_seconds = age_seconds,
            "live events are held back by an open transaction that may still write the event log"
        ),
        Ok(None) => tracing::warn!(held_back_ms = held.as_millis() as u64, "live events are held back"),
        Err(err) => tracing::warn!(held_back_ms = held.as_millis() as u64, error = %err, "live events are held back"),
    }
}
