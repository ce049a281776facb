//! What an object the caller already holds points to: a child's classroom and family, a
//! journal's nursery, an event's child, whoever recorded something. The GraphQL types' nested
//! fields read these through here rather than from the store.
//!
//! No policy decision is made here, on purpose: the object was authorized by how the caller
//! reached it (a root field, a list filtered in SQL, a live feed authorized when it opened),
//! and what it points to is part of what that Action let them read. Each function names the
//! Action that covers it. Deciding again would change answers: a guardian who may read their
//! child may not `ReadNursery`, yet sees the child's classroom; a live event's child is the
//! subscriber's by the feed's own filter. Reads that do narrow by role (lists of children,
//! of nurseries) are in `org` and decide there.

use super::Services;
use crate::domain::safety::pickup::PickupPerson;
use crate::domain::{Child, Classroom, Family, Id, Municipality, Nursery, User};
use crate::error::AppResult;

/// A child named by an event, a report or a journal the caller holds (`ReadChild`, or the
/// feed's subscribe action, decided when that was reached). Through the `children`
/// coalescer: a page of events, or one event delivered to many subscribers, reads its
/// children together — the hot path of live events (`child { id }`).
pub async fn child(svc: &Services, id: Id) -> AppResult<Option<Child>> {
    Ok(svc.children.load(id).await?.map(|placed| placed.child))
}

/// Whoever recorded, reported, confirmed or wrote what the caller holds (covered by the
/// action that let them read it).
pub async fn user(svc: &Services, id: Id) -> AppResult<Option<User>> {
    Ok(svc.store.user(id).await?)
}

/// A nursery's municipality (`ReadNursery`, or a list of nurseries the caller may list).
pub async fn municipality(svc: &Services, id: Id) -> AppResult<Option<Municipality>> {
    Ok(svc.store.municipality(id).await?)
}

/// The nursery of a journal (`ReadJournal`) or of an infection alert (`ReadReports`).
pub async fn nursery(svc: &Services, id: Id) -> AppResult<Option<Nursery>> {
    Ok(svc.store.nursery(id).await?)
}

/// A child's classroom (`ReadChild`), or a journal's (`ReadJournal`).
pub async fn classroom(svc: &Services, id: Id) -> AppResult<Option<Classroom>> {
    Ok(svc.store.classroom(id).await?)
}

/// The classrooms of a nursery the caller holds (`ReadNursery` / `ListNurseries`).
pub async fn classrooms_of_nursery(svc: &Services, nursery_id: Id) -> AppResult<Vec<Classroom>> {
    Ok(svc.store.classrooms_of_nursery(nursery_id).await?)
}

/// A child's family (`ReadChild`: "a child, its family"), or the family of a person on a
/// pickup list the caller reached (`ReadPickupList`, a plan's `ReadPickupPlan`, or the
/// action of the change that answered with the person).
pub async fn family(svc: &Services, id: Id) -> AppResult<Option<Family>> {
    Ok(svc.store.family(id).await?)
}

/// The guardians of a family the caller holds (`ReadChild`, its family).
pub async fn guardians_of_family(svc: &Services, family_id: Id) -> AppResult<Vec<User>> {
    Ok(svc.store.guardians_of_family(family_id).await?)
}

/// The person of a pickup list a pickup warning names (`SubscribePickupWarnings` /
/// `ListPickupPlans`, decided when the warning was reached).
pub async fn pickup_person(svc: &Services, id: Id) -> AppResult<Option<PickupPerson>> {
    Ok(svc.store.pickup_person(id).await?)
}
