//! The in-process fan-out: subscribers registered by topic (a nursery, a family), each with its
//! own bounded queue so it receives entries in log order. A subscriber that falls behind is
//! not allowed to slow the others: its queue overflows, it is marked lagged, and it catches
//! up from the log by itself.
//!
//! The queue is a plain `VecDeque` behind a mutex with a `Notify`, not a channel: thousands of
//! idle phones each hold one, and an empty deque costs nothing while a channel allocates its
//! first block of slots up front.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::stream::BoxStream;
use futures::task::AtomicWaker;
use tokio::sync::Notify;

pub use super::subscription::Subscription;

use crate::domain::{EventKind, Id, LogEntry, Position};
use crate::error::AppResult;
use crate::health::{spawn_essential, COMMIT_ANNOUNCEMENTS, COMMIT_RELAY, EVENT_TAILER};
use crate::store::{Announcement, EventFilter, Store};

const SUBSCRIBER_BUFFER: usize = 64;
const REPLAY_PAGE: i64 = 500;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Topic {
    Nursery(Id),
    Family(Id),
}

pub(super) struct Subscriber {
    id: u64,
    kinds: Vec<EventKind>,
    queue: Mutex<VecDeque<Arc<LogEntry>>>,
    /// The subscription's task, woken when the queue gains an entry or overflows.
    waker: AtomicWaker,
    lagged: AtomicBool,
}

impl Subscriber {
    /// Queues `entry`; a full queue marks the subscriber lagged instead (it will catch up).
    fn offer(&self, entry: &Arc<LogEntry>) {
        let mut queue = self.queue.lock().expect("subscriber queue lock");
        if queue.len() >= SUBSCRIBER_BUFFER {
            self.lagged.store(true, Ordering::Release);
        } else {
            queue.push_back(entry.clone());
        }
        drop(queue);
        self.waker.wake();
    }

    pub(super) fn pop(&self) -> Option<Arc<LogEntry>> {
        self.queue.lock().expect("subscriber queue lock").pop_front()
    }

    pub(super) fn has_news(&self) -> bool {
        self.lagged.load(Ordering::Acquire) || !self.queue.lock().expect("subscriber queue lock").is_empty()
    }

    /// Whether entries were dropped since the last call: the subscription must catch up.
    pub(super) fn take_lagged(&self) -> bool {
        self.lagged.swap(false, Ordering::AcqRel)
    }

    pub(super) fn register(&self, waker: &std::task::Waker) {
        self.waker.register(waker);
    }
}

pub(super) struct Shared {
    pub(super) store: Arc<dyn Store>,
    /// The newest position published: everything at or before it is final and has been handed
    /// to the subscribers registered at the time.
    published: Mutex<Position>,
    topics: Mutex<HashMap<Topic, Vec<Arc<Subscriber>>>>,
    pub(super) committed: Notify,
    /// Local commits to announce to other replicas (coalesced: one NOTIFY per wake-up).
    announce: Notify,
    next_subscriber: AtomicU64,
    pub(super) poll_interval: Duration,
    /// Whether the backend carries other replicas' announcements (PostgreSQL).
    announcements_expected: AtomicBool,
    /// Whether this replica is listening for them right now.
    listening: AtomicBool,
    /// Reads of the log the tailer has begun, and the number of the latest one that found
    /// nothing more to publish: what `caught_up` waits on.
    pub(super) reads_begun: AtomicU64,
    pub(super) caught_up_read: AtomicU64,
    pub(super) caught_up: Notify,
}

#[derive(Clone)]
pub struct EventBus {
    shared: Arc<Shared>,
}

impl EventBus {
    /// Creates the bus and starts its tailer at the log's current end.
    pub async fn start(store: Arc<dyn Store>, poll_interval: Duration) -> anyhow::Result<Self> {
        let start = store.log_start_position().await?;
        let shared = Arc::new(Shared {
            store,
            published: Mutex::new(start),
            topics: Mutex::new(HashMap::new()),
            committed: Notify::new(),
            announce: Notify::new(),
            next_subscriber: AtomicU64::new(1),
            poll_interval,
            announcements_expected: AtomicBool::new(false),
            listening: AtomicBool::new(false),
            reads_begun: AtomicU64::new(0),
            caught_up_read: AtomicU64::new(0),
            caught_up: Notify::new(),
        });
        spawn_essential(EVENT_TAILER, super::tailer::run(Arc::downgrade(&shared), start));
        if let Some(mut announcements) = shared.store.commit_announcements().await? {
            shared.announcements_expected.store(true, Ordering::Release);
            // The first report says whether listening works, so a server that calls itself
            // ready is already hearing other replicas.
            let first = futures::StreamExt::next(&mut announcements).await;
            shared
                .listening
                .store(first == Some(Announcement::Listening), Ordering::Release);
            spawn_essential(
                COMMIT_RELAY,
                relay_announcements(Arc::downgrade(&shared), announcements),
            );
            spawn_essential(COMMIT_ANNOUNCEMENTS, announce_commits(Arc::downgrade(&shared)));
        }
        Ok(EventBus { shared })
    }

    /// Tells the tailer (and other replicas) a transaction with log entries has committed.
    pub fn notify_committed(&self) {
        self.shared.committed.notify_one();
        self.shared.announce.notify_one();
    }

    pub fn published_position(&self) -> Position {
        self.shared.published_position()
    }

    /// Waits (at most `within`) until everything committed before this call has been handed to
    /// the subscribers: at shutdown, the events of the last acknowledged writes still reach
    /// the sockets before they are told goodbye. Returns whether it caught up.
    pub async fn caught_up(&self, within: Duration) -> bool {
        // A read begun after this point sees every commit made before it.
        let begun = self.shared.reads_begun.load(Ordering::Acquire);
        self.shared.committed.notify_one();
        tokio::time::timeout(within, async {
            loop {
                let woken = self.shared.caught_up.notified();
                if self.shared.caught_up_read.load(Ordering::Acquire) > begun {
                    return;
                }
                woken.await;
            }
        })
        .await
        .is_ok()
    }

    /// Entries matching `filter`: first those after `after` (when given) from the log, then
    /// live ones, each exactly once and in log order. A feed that starts "now" passes the
    /// position it took when the request arrived (`published_position`), so what was published
    /// while the request was authorized and audited still reaches it.
    pub fn subscribe(&self, filter: EventFilter, after: Option<Position>) -> Subscription {
        // Registered for live entries first, so nothing published from here on is missed;
        // the log supplies what came before.
        let registration = Registration::new(&self.shared, &filter);
        let upto = self.shared.published_position();
        Subscription::new(registration, Arc::new(filter), after, upto)
    }

    /// Whether other replicas' commit announcements are heard right now; `None` when the
    /// backend has none (SQLite: a single server).
    pub fn announcements_live(&self) -> Option<bool> {
        self.shared
            .announcements_expected
            .load(Ordering::Acquire)
            .then(|| self.shared.listening.load(Ordering::Acquire))
    }

    /// How many subscriptions are registered (for benchmarks and health output).
    pub fn subscriber_count(&self) -> usize {
        let topics = self.shared.topics.lock().expect("topics lock");
        let mut ids: Vec<u64> = topics.values().flatten().map(|s| s.id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }
}

impl Shared {
    pub(super) fn published_position(&self) -> Position {
        *self.published.lock().expect("position lock")
    }

    /// Hands one final entry to its subscribers. The position moves first, so a subscriber
    /// that overflows and catches up from the log includes this entry.
    pub(super) fn publish(&self, entry: LogEntry) {
        *self.published.lock().expect("position lock") = entry.position;
        let entry = Arc::new(entry);
        let kind = entry.payload.kind();
        let mut targets = vec![Topic::Nursery(entry.payload.nursery_id())];
        if let Some(family) = entry.payload.family_id() {
            targets.push(Topic::Family(family));
        }
        let topics = self.topics.lock().expect("topics lock");
        for topic in targets {
            for subscriber in topics.get(&topic).into_iter().flatten() {
                if !subscriber.kinds.contains(&kind) {
                    continue;
                }
                subscriber.offer(&entry);
            }
        }
    }
}

/// Log entries in `(after, upto]` for `filter`, page by page.
pub(super) fn replay(
    shared: Arc<Shared>,
    filter: Arc<EventFilter>,
    after: Position,
    upto: Position,
) -> BoxStream<'static, AppResult<Arc<LogEntry>>> {
    Box::pin(async_stream::stream! {
        let mut from = after;
        loop {
            match shared.store.log_between(from, upto, &filter, REPLAY_PAGE).await {
                Ok(entries) => {
                    let full = entries.len() as i64 == REPLAY_PAGE;
                    for entry in entries {
                        from = entry.position;
                        yield Ok(Arc::new(entry));
                    }
                    if !full { return; }
                }
                Err(err) => { yield Err(err.into()); return; }
            }
        }
    })
}

/// Wakes this replica's tailer when another replica announces commits, and when listening
/// starts again after a lost connection (announcements made meanwhile were missed).
async fn relay_announcements(
    shared: std::sync::Weak<Shared>,
    mut announcements: futures::stream::BoxStream<'static, Announcement>,
) {
    while let Some(announcement) = futures::StreamExt::next(&mut announcements).await {
        let Some(shared) = shared.upgrade() else { return };
        match announcement {
            Announcement::Committed => shared.committed.notify_one(),
            Announcement::Listening => {
                if !shared.listening.swap(true, Ordering::AcqRel) {
                    tracing::info!("listening for other replicas' commits");
                }
                shared.committed.notify_one();
            }
            Announcement::Lost => {
                if shared.listening.swap(false, Ordering::AcqRel) {
                    tracing::warn!("commit announcements lost; polling until LISTEN is restored");
                }
            }
        }
    }
}

/// Announces local commits to other replicas, one NOTIFY for however many commits arrived
/// while the previous one was on its way.
async fn announce_commits(shared: std::sync::Weak<Shared>) {
    loop {
        let Some(bus) = shared.upgrade() else { return };
        bus.announce.notified().await;
        if let Err(err) = bus.store.announce_commits().await {
            tracing::warn!(error = %err, "announcing commits failed; other replicas will poll");
        }
    }
}

/// A subscriber's place in the topic table; leaving it (dropping the stream) unregisters.
pub(super) struct Registration {
    pub(super) shared: Arc<Shared>,
    pub(super) subscriber: Arc<Subscriber>,
    topics: Vec<Topic>,
}

impl Registration {
    fn new(shared: &Arc<Shared>, filter: &EventFilter) -> Self {
        let subscriber = Arc::new(Subscriber {
            id: shared.next_subscriber.fetch_add(1, Ordering::Relaxed),
            kinds: filter.kinds.clone(),
            queue: Mutex::new(VecDeque::new()),
            waker: AtomicWaker::new(),
            lagged: AtomicBool::new(false),
        });
        let topics: Vec<Topic> = filter
            .scope
            .nurseries
            .iter()
            .map(|id| Topic::Nursery(*id))
            .chain(filter.scope.families.iter().map(|id| Topic::Family(*id)))
            .collect();
        let mut table = shared.topics.lock().expect("topics lock");
        for topic in &topics {
            table.entry(*topic).or_default().push(subscriber.clone());
        }
        drop(table);
        Registration {
            shared: shared.clone(),
            subscriber,
            topics,
        }
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        let mut table = self.shared.topics.lock().expect("topics lock");
        for topic in &self.topics {
            if let Some(list) = table.get_mut(topic) {
                list.retain(|s| s.id != self.subscriber.id);
                if list.is_empty() {
                    table.remove(topic);
                }
            }
        }
    }
}
