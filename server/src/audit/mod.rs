//! Auditing: the trail of a request here; `writer` writes read entries in groups; `log` reads
//! the trail back (the head, SYSTEM_ADMIN) and prunes it. (The resolver is `graphql/audit.rs`,
//! the SQL `store/sql/audit.rs`.)
//!
//! The audit trail of a request: who is asking, from where, which mutation is running and which
//! child-level records were read. The GraphQL layer opens a trail around each operation; the
//! store writes the running mutation's entry inside the write's own transaction (so a failed
//! write leaves no entry claiming it happened), and the reads are written when the operation
//! ends, before its answer leaves the server.
//!
//! A task-local carries the trail so services and store need no extra parameters: mutations run
//! one after another on the request's task, and work spawned elsewhere (the push worker, the
//! nap watcher) has no trail and records nothing.

pub mod log;
pub mod writer;

use std::cell::RefCell;
use std::future::Future;
use std::sync::Arc;

use crate::clock::Clock;

use crate::domain::{AuditAccess, Id, Timestamp};

/// One entry about to be written: everything but its id.
#[derive(Clone, Debug, PartialEq)]
pub struct NewAuditEntry {
    pub at: Timestamp,
    pub actor_id: Option<Id>,
    pub access: AuditAccess,
    pub operation: String,
    pub nursery_id: Option<Id>,
    pub entity_ids: Vec<Id>,
    pub client_addr: Option<String>,
}

/// What the store needs to write the running mutation's entry.
#[derive(Clone, Debug)]
pub struct WriteContext {
    pub actor_id: Option<Id>,
    pub operation: String,
    pub client_addr: Option<String>,
}

struct Trail {
    /// Dates the read entries.
    clock: Arc<dyn Clock>,
    actor_id: Option<Id>,
    client_addr: Option<String>,
    /// The root mutation field being resolved.
    mutation: Option<String>,
    reads: Vec<NewAuditEntry>,
}

tokio::task_local! {
    static TRAIL: RefCell<Trail>;
}

/// Runs `operation` with a trail for `actor` at `client_addr`; returns its output and the reads
/// to record, dated by `clock`.
pub async fn with_trail<F: Future>(
    clock: Arc<dyn Clock>,
    actor_id: Option<Id>,
    client_addr: Option<String>,
    operation: F,
) -> (F::Output, Vec<NewAuditEntry>) {
    let trail = RefCell::new(Trail {
        clock,
        actor_id,
        client_addr,
        mutation: None,
        reads: Vec::new(),
    });
    TRAIL
        .scope(trail, async move {
            let output = operation.await;
            let reads = TRAIL.with(|t| std::mem::take(&mut t.borrow_mut().reads));
            (output, reads)
        })
        .await
}

/// Marks `field` as the running mutation until the returned guard is dropped.
pub fn begin_mutation(field: &str) -> MutationGuard {
    let _ = TRAIL.try_with(|t| t.borrow_mut().mutation = Some(field.to_owned()));
    MutationGuard
}

pub struct MutationGuard;

impl Drop for MutationGuard {
    fn drop(&mut self) {
        let _ = TRAIL.try_with(|t| t.borrow_mut().mutation = None);
    }
}

/// The running mutation's context, when a write is made for a request's mutation.
pub fn current_write() -> Option<WriteContext> {
    TRAIL
        .try_with(|t| {
            let t = t.borrow();
            t.mutation.as_ref().map(|operation| WriteContext {
                actor_id: t.actor_id,
                operation: operation.clone(),
                client_addr: t.client_addr.clone(),
            })
        })
        .ok()
        .flatten()
}

/// The audit entry of the request's running mutation about `entity_ids` of `nursery_id`, for
/// a service to write in its own unit of work next to the write it describes: `None` outside a
/// request's mutation (a watcher's writes are recorded as their own log entries).
pub fn planned_write(nursery_id: Id, entity_ids: &[Id], at: Timestamp) -> Option<NewAuditEntry> {
    current_write().map(|write| NewAuditEntry {
        at,
        actor_id: write.actor_id,
        access: AuditAccess::Write,
        operation: write.operation,
        nursery_id: Some(nursery_id),
        entity_ids: entity_ids.to_vec(),
        client_addr: write.client_addr,
    })
}

/// Records that `operation` read child-level records `ids` of `nursery_id`. Reads of one
/// operation in one nursery are kept as one entry.
pub fn record_read(operation: &str, nursery_id: Id, ids: impl IntoIterator<Item = Id>) {
    let _ = TRAIL.try_with(|t| {
        let mut t = t.borrow_mut();
        let position = t
            .reads
            .iter()
            .position(|e| e.operation == operation && e.nursery_id == Some(nursery_id));
        let index = match position {
            Some(index) => index,
            None => {
                let entry = NewAuditEntry {
                    at: t.clock.now(),
                    actor_id: t.actor_id,
                    access: AuditAccess::Read,
                    operation: operation.to_owned(),
                    nursery_id: Some(nursery_id),
                    entity_ids: Vec::new(),
                    client_addr: t.client_addr.clone(),
                };
                t.reads.push(entry);
                t.reads.len() - 1
            }
        };
        let entry = &mut t.reads[index];
        for id in ids {
            if !entry.entity_ids.contains(&id) {
                entry.entity_ids.push(id);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn reads_are_grouped_and_writes_known_only_inside_a_mutation() {
        let actor = Id::new();
        let (nursery, child) = (Id::new(), Id::new());
        let clock = crate::clock::ManualClock::at(time::macros::datetime!(2026-04-01 23:59 +09:00));
        let ((), reads) = with_trail(clock.clone(), Some(actor), Some("10.0.0.1".into()), async {
            assert!(current_write().is_none());
            record_read("child", nursery, [child]);
            record_read("child", nursery, [child, Id::new()]);
            {
                let _guard = begin_mutation("checkIn");
                let write = current_write().expect("inside a mutation");
                assert_eq!((write.operation.as_str(), write.actor_id), ("checkIn", Some(actor)));
            }
            assert!(current_write().is_none());
        })
        .await;
        assert_eq!(reads.len(), 1);
        assert_eq!(reads[0].entity_ids.len(), 2);
        assert_eq!(reads[0].client_addr.as_deref(), Some("10.0.0.1"));
        // Dated by the trail's clock, not the wall clock.
        assert_eq!(reads[0].at, clock.now());
        // Outside any trail nothing is recorded and nothing fails.
        record_read("child", nursery, [child]);
        assert!(current_write().is_none());
    }
}
