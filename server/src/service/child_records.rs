//! A child's history, as the nested fields of `Child` read it: attendance, absences, health
//! checks, meals, naps, growth, allergies.
//!
//! Action: `ReadChild` ("a child, its family and its attendance and absence history"), decided
//! when the caller reached the child (`child(id)`, `me.children`, a list filtered in SQL, a
//! live feed); these functions take the `Child` itself, so none can be called for a child the
//! caller did not reach. Deciding again here would cost a read per field and could change an
//! answer the caller already has. Which reads go on the audit trail is the resolver's (by
//! field name), unchanged.
//!
//! Every range is checked here, the same way for every field: `validate::date_range`, whose
//! BAD_USER_INPUT names `to`, before anything is read.

use time::Date;

use super::Services;
use crate::domain::calendar::{local_days_to_utc_range, offset_from_minutes};
use crate::domain::*;
use crate::error::{AppError, AppResult};

/// A child's local days `from..=to` (at most `validate::MAX_QUERY_DAYS`) as instants, by
/// their nursery's clock.
async fn day_range(svc: &Services, child: &Child, from: Date, to: Date) -> AppResult<(Timestamp, Timestamp)> {
    let (from, to) = validate::date_range(from, to)?;
    let nursery = svc.store.nursery(child.nursery_id).await?.ok_or(AppError::NotFound)?;
    Ok(local_days_to_utc_range(
        from,
        to,
        offset_from_minutes(nursery.utc_offset_minutes),
    ))
}

/// Arrivals and departures on the child's local dates `from..=to`.
pub async fn attendance(svc: &Services, child: &Child, from: Date, to: Date) -> AppResult<Vec<AttendanceEvent>> {
    let (start, end) = day_range(svc, child, from, to).await?;
    Ok(svc.store.attendance_of_child(child.id, start, end).await?)
}

/// Absence, lateness and early pick-up reports for dates `from..=to`.
pub async fn absences(svc: &Services, child: &Child, from: Date, to: Date) -> AppResult<Vec<AbsenceReport>> {
    let (from, to) = validate::date_range(from, to)?;
    Ok(svc.store.absences_of_child(child.id, from, to).await?)
}

/// Health checks on the child's local dates `from..=to`.
pub async fn health_checks(svc: &Services, child: &Child, from: Date, to: Date) -> AppResult<Vec<HealthCheck>> {
    let (start, end) = day_range(svc, child, from, to).await?;
    Ok(svc.store.health_checks_of_child(child.id, start, end).await?)
}

/// Meals on dates `from..=to` (a meal is of a date, not an instant: no clock needed).
pub async fn meals(svc: &Services, child: &Child, from: Date, to: Date) -> AppResult<Vec<MealRecord>> {
    let (from, to) = validate::date_range(from, to)?;
    Ok(svc.store.meals_of_child(child.id, from, to).await?)
}

/// Naps begun on the child's local dates `from..=to`.
pub async fn naps(svc: &Services, child: &Child, from: Date, to: Date) -> AppResult<Vec<Nap>> {
    let (start, end) = day_range(svc, child, from, to).await?;
    Ok(svc.store.naps_of_child(child.id, start, end).await?)
}

/// Nap checks on the child's local dates `from..=to`.
pub async fn nap_checks(svc: &Services, child: &Child, from: Date, to: Date) -> AppResult<Vec<NapCheck>> {
    let (start, end) = day_range(svc, child, from, to).await?;
    Ok(svc.store.nap_checks_of_child(child.id, start, end).await?)
}

/// Required nap checks on `date` and how many were made on time.
pub async fn nap_compliance(svc: &Services, child: &Child, date: Date) -> AppResult<NapCompliance> {
    Ok(svc.store.nap_compliance(child.id, date).await?)
}

/// Height and weight over time, oldest first.
pub async fn growth(svc: &Services, child: &Child) -> AppResult<Vec<GrowthRecord>> {
    Ok(svc.store.growth_of_child(child.id).await?)
}

/// The child's allergens: of a child reached, or of the child of a meal record reached (shown
/// with every meal, so staff see them where they serve).
pub async fn allergies(svc: &Services, child_id: Id) -> AppResult<Vec<String>> {
    Ok(svc.store.allergies(child_id).await?)
}
