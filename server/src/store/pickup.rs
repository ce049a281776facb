//! The store's part in the pickup plan (お迎え): small statements a service runs inside the
//! unit of work it opens (`PickupUnit`, an extension of the safety unit), and the reads behind
//! the family's list, the staff's roster and the head's warnings (`PickupStore`). The SQL is in
//! `sql/pickup.rs`; the check-out's judgement is in `sql/attendance_batch_pickup.rs`.

use async_trait::async_trait;
use time::Date;

use super::{SafetyUnit, StoreResult};
use crate::domain::safety::pickup::{PickupPerson, PickupPlan, PickupWarning};
use crate::domain::{Id, Timestamp};

/// A safety unit that also writes the pickup list and plans.
#[async_trait]
pub trait PickupUnit: SafetyUnit {
    async fn insert_pickup_person(&mut self, person: &PickupPerson) -> StoreResult<()>;
    /// Confirms a listed person not removed; `None` when there is no such person.
    async fn confirm_pickup_person(&mut self, id: Id, by: Id, at: Timestamp) -> StoreResult<Option<PickupPerson>>;
    /// Takes a person off the list (the row stays); `None` when already off it.
    async fn remove_pickup_person(&mut self, id: Id, by: Id, at: Timestamp) -> StoreResult<Option<PickupPerson>>;
    /// Sets the child's plan of the day, replacing any before it.
    async fn put_pickup_plan(&mut self, plan: &PickupPlan) -> StoreResult<()>;
    /// Confirms the day's one-off person; `None` when the plan names no one-off person.
    async fn confirm_one_off(
        &mut self,
        child_id: Id,
        date: Date,
        by: Id,
        at: Timestamp,
    ) -> StoreResult<Option<PickupPlan>>;
    /// Removes the child's plan of the day: whether there was one.
    async fn delete_pickup_plan(&mut self, child_id: Id, date: Date) -> StoreResult<bool>;
    async fn pickup_plan_of(&mut self, child_id: Id, date: Date) -> StoreResult<Option<PickupPlan>>;
    /// Plans of `from` and later that name the person (their confirmation follows the person's).
    async fn plans_naming(&mut self, person_id: Id, from: Date) -> StoreResult<Vec<PickupPlan>>;
}

#[async_trait]
pub trait PickupStore {
    async fn begin_pickup_unit(&self) -> StoreResult<Box<dyn PickupUnit>>;
    /// Any person ever on a list, removed ones included.
    async fn pickup_person(&self, id: Id) -> StoreResult<Option<PickupPerson>>;
    /// The family's list as it stands (removed people left out), oldest first.
    async fn pickup_people(&self, family_id: Id) -> StoreResult<Vec<PickupPerson>>;
    /// People on the nursery's families' lists the nursery has not confirmed yet.
    async fn unconfirmed_pickup_people(&self, nursery_id: Id) -> StoreResult<Vec<PickupPerson>>;
    async fn pickup_plan(&self, child_id: Id, date: Date) -> StoreResult<Option<PickupPlan>>;
    /// The nursery's plans of the day, by pickup time.
    async fn pickup_plans(&self, nursery_id: Id, date: Date) -> StoreResult<Vec<PickupPlan>>;
    /// The nursery's warnings of the day, newest first.
    async fn pickup_warnings(&self, nursery_id: Id, date: Date) -> StoreResult<Vec<PickupWarning>>;
}
