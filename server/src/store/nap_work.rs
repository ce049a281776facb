//! The store's part in a nap check, a nap's start and its end: small statements the naps
//! service runs inside one unit of work it opens, decides with `domain::nap_rules` and commits
//! itself (`NapUnit`). The SQL is in `sql/nap_unit.rs`, shared by both backends.

use async_trait::async_trait;
use time::Date;

use super::{IdempotencyKey, NapContext, StoreResult};
use crate::audit::NewAuditEntry;
use crate::domain::{EventPayload, Id, Nap, NapCheck, NapCompliance, Position, Timestamp};

/// One write transaction about a child's nap.
#[async_trait]
pub trait NapUnit: Send {
    /// Claims `key` for the result `result_id` about to be written; the earlier result's id
    /// when the key was used before (then nothing is to be written: drop the unit).
    async fn claim_key(&mut self, key: &IdempotencyKey, result_id: Id) -> StoreResult<Option<Id>>;
    /// The child's open nap, locked until the unit ends: a second tablet's check of the same
    /// child waits for this one and then sees its nap.
    async fn open_nap(&mut self, child_id: Id) -> StoreResult<Option<Nap>>;
    /// Writes a nap that just began, its first check due at `due`; CONFLICT when the child
    /// already has an open one (the database's unique open nap per child decides).
    async fn insert_nap(
        &mut self,
        nap: &Nap,
        context: &NapContext,
        due: Option<Timestamp>,
        by: Id,
        now: Timestamp,
    ) -> StoreResult<()>;
    async fn insert_nap_check(&mut self, check: &NapCheck, now: Timestamp) -> StoreResult<()>;
    /// The nap's last check and when the next one is due (`None`: none required).
    async fn set_next_check(&mut self, nap_id: Id, last_check_at: Timestamp, due: Option<Timestamp>)
        -> StoreResult<()>;
    /// The nap's checks, in time order.
    async fn checks_of_nap(&mut self, nap_id: Id) -> StoreResult<Vec<Timestamp>>;
    /// Ends the nap at `ended_at` (no check is due any more); the nursery it belongs to.
    async fn end_nap(&mut self, nap_id: Id, ended_at: Timestamp) -> StoreResult<Id>;
    /// Adds a nap's compliance to the child's figures of `date`.
    async fn add_compliance(
        &mut self,
        child_id: Id,
        nursery_id: Id,
        date: Date,
        compliance: &NapCompliance,
    ) -> StoreResult<()>;
    /// The event's log entry and the push rows it plans, committed with the rest.
    async fn publish(&mut self, entity_id: Id, payload: &EventPayload) -> StoreResult<Position>;
    async fn audit(&mut self, entry: &NewAuditEntry) -> StoreResult<()>;
    async fn commit(self: Box<Self>) -> StoreResult<()>;
}
