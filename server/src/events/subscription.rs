//! One live subscription as a hand-written stream: what an idle phone costs the server is this
//! struct and its queue, nothing more (no generator or future is kept between events). It
//! first replays from the log what came after the client's cursor, then hands out live
//! entries, skipping anything at or before the last one delivered, and catches up from the log
//! by itself after its queue overflowed.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use futures::stream::BoxStream;
use futures::{Stream, StreamExt};

use super::bus::{replay, Registration};
use crate::domain::{LogEntry, Position};
use crate::error::AppResult;
use crate::store::EventFilter;

pub struct Subscription {
    registration: Registration,
    filter: Arc<EventFilter>,
    /// The newest position handed out (or known to be covered).
    last: Position,
    /// A catch-up from the log in progress, and the position it reads up to.
    catching_up: Option<(BoxStream<'static, AppResult<Arc<LogEntry>>>, Position)>,
    failed: bool,
}

impl Subscription {
    pub(super) fn new(
        registration: Registration,
        filter: Arc<EventFilter>,
        after: Option<Position>,
        upto: Position,
    ) -> Self {
        let mut subscription = Subscription {
            registration,
            filter,
            last: after.unwrap_or(upto),
            catching_up: None,
            failed: false,
        };
        // Only a cursor behind what is published has anything to read from the log.
        if after.is_some_and(|after| after < upto) {
            subscription.start_catch_up(upto);
        }
        subscription
    }

    fn start_catch_up(&mut self, upto: Position) {
        let shared = self.registration.shared.clone();
        let stream = replay(shared, self.filter.clone(), self.last, upto);
        self.catching_up = Some((stream, upto));
    }
}

impl Stream for Subscription {
    type Item = AppResult<Arc<LogEntry>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if this.failed {
                return Poll::Ready(None);
            }
            if let Some((stream, upto)) = &mut this.catching_up {
                match stream.poll_next_unpin(cx) {
                    Poll::Ready(Some(Ok(entry))) => {
                        this.last = entry.position;
                        return Poll::Ready(Some(Ok(entry)));
                    }
                    Poll::Ready(Some(Err(err))) => {
                        this.failed = true;
                        return Poll::Ready(Some(Err(err)));
                    }
                    Poll::Ready(None) => {
                        this.last = this.last.max(*upto);
                        this.catching_up = None;
                        continue;
                    }
                    Poll::Pending => return Poll::Pending,
                }
            }
            let subscriber = &this.registration.subscriber;
            if subscriber.take_lagged() {
                // Entries were dropped from the full queue: read them from the log instead.
                let upto = this.registration.shared.published_position();
                this.start_catch_up(upto);
                continue;
            }
            if let Some(entry) = subscriber.pop() {
                if entry.position > this.last {
                    this.last = entry.position;
                    return Poll::Ready(Some(Ok(entry)));
                }
                // Already delivered by a catch-up.
                continue;
            }
            subscriber.register(cx.waker());
            // An entry offered between the empty pop and the registration would find no
            // waker: look once more.
            if !subscriber.has_news() {
                return Poll::Pending;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use futures::StreamExt;

    use crate::clock::Clock;
    use crate::domain::calendar::LocalDay;
    use crate::domain::*;
    use crate::service::Services;
    use crate::store::{ChildFilter, EventFilter};

    /// A subscriber that does not read while a hundred events arrive overflows its queue, is
    /// marked lagged, and still gets every event once, in order, by catching up from the log.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_overflowing_subscriber_catches_up_from_the_log() {
        use clap::Parser;
        let dir = std::env::temp_dir().join(format!("tsunagu-overflow-{}", Id::new()));
        let mut config = crate::config::Cli::parse_from(["tsunagu"]).config;
        config.database_url = format!("sqlite://{}/test.db", dir.display());
        // A clock standing still on a weekday morning in Japan: the demo's "today" and the
        // test's are the same day however long the test takes and whenever it runs (the wall
        // clock's day turns at 15:00 UTC).
        let clock = crate::clock::ManualClock::at(time::macros::datetime!(2026-12-03 10:30 +09:00));
        let services = Services::start_with_clock(config, clock.clone())
            .await
            .expect("services start");
        crate::seed::seed_demo(&services, 40).await.expect("seed");
        // The demo's own arrivals are published before the subscriber registers.
        services.after_commit();
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let children = services
            .store
            .children(
                &ChildFilter {
                    nurseries: Vec::new(),
                    families: Vec::new(),
                },
                None,
                None,
            )
            .await
            .unwrap();
        assert!(children.is_empty(), "an empty filter sees nothing");
        let officer = services
            .store
            .user_credentials("officer@demo.tsunagu.jp")
            .await
            .unwrap()
            .expect("the demo's officer")
            .0;
        let municipality = services.store.grants(officer.id).await.unwrap()[0].scope_id.unwrap();
        let municipality_nurseries: Vec<Id> = services
            .store
            .nurseries_of_municipality(municipality)
            .await
            .unwrap()
            .into_iter()
            .map(|n| n.id)
            .collect();
        let scope = ChildFilter {
            nurseries: municipality_nurseries,
            families: Vec::new(),
        };
        let children = services.store.children(&scope, None, None).await.unwrap();
        let mut subscription = services.bus.subscribe(
            EventFilter {
                kinds: vec![EventKind::Attendance],
                scope,
            },
            None,
        );

        let offset = time::UtcOffset::from_hms(9, 0, 0).unwrap();
        let today = LocalDay::new(clock.now().local_date(offset), offset);
        let mut written = Vec::new();
        for child in &children {
            // Each child gets one event: a check-out if the demo checked them in, else a check-in.
            for kind in [AttendanceKind::CheckOut, AttendanceKind::CheckIn] {
                let event = AttendanceEvent {
                    id: Id::new(),
                    child_id: child.id,
                    nursery_id: child.nursery_id,
                    family_id: child.family_id,
                    kind,
                    occurred_at: clock.now(),
                    recorded_by: officer.id,
                    pickup_by: None,
                    pickup_person_id: None,
                    position: Position::default(),
                    corrects: None,
                    correction_reason: None,
                };
                if let Ok(recorded) = crate::service::attendance_batch::record_attendance(
                    &*services.store,
                    crate::store::AttendanceWrite {
                        event,
                        day: today,
                        key: None,
                        trail: None,
                    },
                )
                .await
                {
                    written.push(recorded.value.id);
                    break;
                }
            }
        }
        services.after_commit();
        assert!(
            written.len() > 64,
            "enough events to overflow the queue: {}",
            written.len()
        );

        let mut received = Vec::new();
        while received.len() < written.len() {
            let entry = tokio::time::timeout(std::time::Duration::from_secs(10), subscription.next())
                .await
                .expect("events keep coming")
                .expect("stream open")
                .expect("no error");
            if let EventPayload::Attendance(event) = &entry.payload {
                received.push(event.id);
            }
        }
        assert_eq!(received.len(), written.len());
        assert!(received == written, "every event once, in order");
        let _ = std::fs::remove_dir_all(dir);
    }
}
