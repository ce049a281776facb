//! The store's side of children through the year (classroom moves from a date, withdrawal,
//! the April move-up, corrections of names and dates, renaming classrooms and nurseries):
//! small statements inside a unit of work the service opens, fills and commits.
//!
//! The SQL is shared by both backends in `sql/roster_work.rs`.

use async_trait::async_trait;
use time::Date;

use super::StoreResult;
use crate::audit::NewAuditEntry;
use crate::domain::{Child, Id, Timestamp};

/// Reads outside any unit of work.
#[async_trait]
pub trait RosterReads {
    async fn begin_roster_work(&self) -> StoreResult<Box<dyn RosterWork>>;
    /// When the child's latest placement began (its enrolment when never moved).
    async fn latest_placement_start(&self, child_id: Id) -> StoreResult<Option<Date>>;
    /// The nursery's children on the roll on `date` (enrolled, not withdrawn).
    async fn children_on_roll(&self, nursery_id: Id, date: Date) -> StoreResult<Vec<Child>>;
    /// Puts every child whose placement has begun by their nursery's today into its classroom;
    /// answers how many moved. Safe to run on every replica.
    async fn apply_due_placements(&self, now: Timestamp) -> StoreResult<usize>;
}

/// A write transaction of the roster. Dropped without `commit`, it rolls back.
#[async_trait]
pub trait RosterWork: Send {
    /// Starts a placement in `classroom_id` from `from`: the open one ends there, later ones go.
    async fn place_child(&mut self, child: &Child, classroom_id: Id, from: Date) -> StoreResult<()>;
    /// The child's current classroom now (a move that has begun).
    async fn set_current_classroom(&mut self, child_id: Id, classroom_id: Id) -> StoreResult<()>;
    /// Withdraws the child from `date` (its first instant at the nursery is `at`).
    async fn withdraw_child(&mut self, child_id: Id, date: Date, at: Timestamp) -> StoreResult<()>;
    async fn update_child(&mut self, child: &Child) -> StoreResult<()>;
    async fn rename_classroom(&mut self, classroom_id: Id, name: &str) -> StoreResult<()>;
    async fn rename_nursery(&mut self, nursery_id: Id, name: &str) -> StoreResult<()>;
    async fn insert_classroom(&mut self, id: Id, nursery_id: Id, name: &str, age_band: i32) -> StoreResult<()>;
    async fn insert_family(&mut self, id: Id, nursery_id: Id) -> StoreResult<()>;
    /// A new child with their first placement.
    async fn insert_child(&mut self, child: &Child) -> StoreResult<()>;
    /// An invitation (see `AccountWork::insert_account_code`), in the roster's transaction.
    async fn insert_invitation(
        &mut self,
        code: &crate::domain::accounts::AccountCode,
        code_hash: &str,
    ) -> StoreResult<()>;
    async fn audit(&mut self, entry: &NewAuditEntry) -> StoreResult<()>;
    async fn commit(self: Box<Self>) -> StoreResult<()>;
}
