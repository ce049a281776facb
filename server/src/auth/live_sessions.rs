//! The sessions that open WebSockets were authorized with, so that ending a session ends its
//! sockets too. A socket holds its session for hours; without this, a phone that logged out
//! (or whose access was withdrawn) would keep receiving a child's arrivals.
//!
//! Two roads lead to a socket's end: `end_session` when this replica ends a session itself (a
//! logout over HTTP or over the socket: at once), and a watcher that reads every open socket's
//! session once per interval (a logout on another replica, expiry, a grant taken away). The
//! watcher's read is one batched query per interval whatever the number of sockets, so an idle
//! city costs the database a few statements a second.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use crate::clock::Clock;
use crate::domain::{Id, RoleGrant, Timestamp};
use crate::store::Store;

/// Sessions asked for in one statement.
const SESSIONS_PER_READ: usize = 500;

/// One socket's hold on its session.
struct Holder {
    user_id: Id,
    grants: Vec<RoleGrant>,
    /// Cancelled when the session ends or loses a grant.
    ended: CancellationToken,
}

#[derive(Default)]
struct Registry {
    /// Open sockets by session token hash, then by socket number.
    by_session: HashMap<String, HashMap<u64, Holder>>,
    /// Open sockets per account, for the cap (a morning's 10,000 connections each ask).
    per_user: HashMap<Id, usize>,
}

impl Registry {
    /// Counts a socket of `user_id` as closed.
    fn release(&mut self, user_id: Id) {
        if let Some(count) = self.per_user.get_mut(&user_id) {
            *count -= 1;
            if *count == 0 {
                self.per_user.remove(&user_id);
            }
        }
    }
}

/// Open sockets by the session they were authorized with.
#[derive(Clone, Default)]
pub struct LiveSessions {
    registry: Arc<Mutex<Registry>>,
    next_socket: Arc<AtomicU64>,
}

/// A socket's registration; dropping it (the socket closed) forgets the socket.
pub struct SocketLease {
    sessions: LiveSessions,
    token_hash: String,
    socket: u64,
    /// Cancelled when the session this socket runs on has ended.
    pub ended: CancellationToken,
}

impl Drop for SocketLease {
    fn drop(&mut self) {
        let mut registry = self.sessions.lock();
        let Some(sockets) = registry.by_session.get_mut(&self.token_hash) else {
            return;
        };
        if let Some(holder) = sockets.remove(&self.socket) {
            if sockets.is_empty() {
                registry.by_session.remove(&self.token_hash);
            }
            registry.release(holder.user_id);
        }
    }
}

impl LiveSessions {
    fn lock(&self) -> std::sync::MutexGuard<'_, Registry> {
        self.registry.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Registers a socket of `user_id` on session `token_hash`, unless the user already holds
    /// `max_per_user` sockets (then `None`).
    pub fn register(
        &self,
        token_hash: String,
        user_id: Id,
        grants: Vec<RoleGrant>,
        max_per_user: usize,
    ) -> Option<SocketLease> {
        let mut registry = self.lock();
        let held = registry.per_user.entry(user_id).or_default();
        if *held >= max_per_user {
            return None;
        }
        *held += 1;
        let socket = self.next_socket.fetch_add(1, Ordering::Relaxed);
        let ended = CancellationToken::new();
        registry.by_session.entry(token_hash.clone()).or_default().insert(
            socket,
            Holder {
                user_id,
                grants,
                ended: ended.clone(),
            },
        );
        Some(SocketLease {
            sessions: self.clone(),
            token_hash,
            socket,
            ended,
        })
    }

    /// Ends every socket opened with session `token_hash` (this replica ended it).
    pub fn end_session(&self, token_hash: &str) {
        let mut registry = self.lock();
        if let Some(sockets) = registry.by_session.remove(token_hash) {
            for holder in sockets.values() {
                holder.ended.cancel();
                registry.release(holder.user_id);
            }
        }
    }

    /// Open sockets on this replica.
    pub fn socket_count(&self) -> usize {
        self.lock().by_session.values().map(HashMap::len).sum()
    }

    /// Reads every open socket's session again and ends the sockets whose session is gone
    /// (logged out elsewhere, expired at `now`) or lost a grant it was opened with.
    pub async fn revalidate(&self, store: &dyn Store, now: Timestamp) -> anyhow::Result<()> {
        let hashes: Vec<String> = self.lock().by_session.keys().cloned().collect();
        for chunk in hashes.chunks(SESSIONS_PER_READ) {
            let current = store.session_actors(chunk, now).await?;
            let mut registry = self.lock();
            for hash in chunk {
                let Some(sockets) = registry.by_session.get_mut(hash) else {
                    continue;
                };
                let now_granted = current.get(hash).map(|(_, grants)| grants.as_slice());
                let mut ended = Vec::new();
                sockets.retain(|_, holder| {
                    let keeps = now_granted.is_some_and(|granted| still_holds(&holder.grants, granted));
                    if !keeps {
                        holder.ended.cancel();
                        ended.push(holder.user_id);
                    }
                    keeps
                });
                if sockets.is_empty() {
                    registry.by_session.remove(hash);
                }
                for user_id in ended {
                    registry.release(user_id);
                }
            }
        }
        Ok(())
    }

    /// Revalidates every `interval`, as of `clock`'s now, until the process ends.
    pub fn spawn_watch(&self, store: Arc<dyn Store>, clock: Arc<dyn Clock>, interval: Duration) {
        let sessions = self.clone();
        crate::health::spawn_essential(crate::health::SESSION_WATCH, async move {
            let mut ticks = tokio::time::interval(interval);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                if let Err(error) = sessions.revalidate(store.as_ref(), clock.now()).await {
                    // The database is away: sockets stay as they are until it is back, and
                    // the operations they run are refused by their own session reads meanwhile.
                    tracing::warn!(error = %error, "could not revalidate the sessions of open sockets");
                }
            }
        });
    }
}

/// Whether a session that now has `granted` still holds every grant it was opened with.
/// Grants added since do not end the socket: what it was allowed stays allowed.
fn still_holds(opened_with: &[RoleGrant], granted: &[RoleGrant]) -> bool {
    opened_with.iter().all(|grant| granted.contains(grant))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;

    fn grant(role: Role) -> RoleGrant {
        RoleGrant {
            role,
            scope_id: Some(Id::new()),
        }
    }

    #[test]
    fn a_socket_keeps_its_session_while_every_grant_it_opened_with_remains() {
        let (family, nursery) = (grant(Role::Guardian), grant(Role::Staff));
        assert!(still_holds(&[family.clone()], &[family.clone(), nursery.clone()]));
        assert!(!still_holds(&[family.clone(), nursery.clone()], &[nursery]));
        assert!(!still_holds(&[family], &[]));
    }

    #[test]
    fn ending_a_session_ends_its_sockets_only_and_leases_forget_closed_sockets() {
        let sessions = LiveSessions::default();
        let user = Id::new();
        let first = sessions.register("a".into(), user, vec![], 3).unwrap();
        let second = sessions.register("a".into(), user, vec![], 3).unwrap();
        let other = sessions.register("b".into(), user, vec![], 3).unwrap();
        assert!(
            sessions.register("c".into(), user, vec![], 3).is_none(),
            "a fourth is over the cap"
        );
        assert!(sessions.register("c".into(), Id::new(), vec![], 3).is_some());
        sessions.end_session("a");
        assert!(first.ended.is_cancelled() && second.ended.is_cancelled());
        assert!(!other.ended.is_cancelled());
        drop(other);
        assert_eq!(sessions.socket_count(), 0);
        // Closed and ended sockets no longer count against the cap.
        let again: Vec<_> = (0..3).map(|_| sessions.register("d".into(), user, vec![], 3)).collect();
        assert!(again.iter().all(Option::is_some));
        drop(first);
        drop(second);
        assert!(
            sessions.register("d".into(), user, vec![], 3).is_none(),
            "still three open"
        );
    }
}
