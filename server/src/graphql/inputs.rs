//! Input objects of the contract.

use async_graphql::{InputObject, ID};

use super::scalars::{GqlDate, GqlDateTime};
use crate::domain::{AbsenceKind, AbsenceReason, JournalKind, MealAmount, SleepPosition, Symptom};

#[derive(InputObject)]
pub struct CheckInInput {
    pub child_id: ID,
    /// For an arrival entered late: when it happened (today, not in the future).
    pub occurred_at: Option<GqlDateTime>,
    /// Replaying the same key returns the first result and records nothing twice.
    pub idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct CheckOutInput {
    pub child_id: ID,
    pub occurred_at: Option<GqlDateTime>,
    /// Who picked the child up, when not a registered guardian (e.g. 祖母).
    pub pickup_by: Option<String>,
    /// The person of the family's pickup list who collected (お迎え). A check-out by someone
    /// neither on the confirmed list nor today's confirmed one-off person is recorded and
    /// warned to the nursery (`pickupWarningUpdates`).
    pub pickup_person_id: Option<ID>,
    pub idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct AbsenceInput {
    pub child_id: ID,
    pub kind: AbsenceKind,
    pub date: GqlDate,
    pub reason: AbsenceReason,
    pub symptoms: Option<Vec<Symptom>>,
    /// Required for LATE: when the child will arrive.
    pub expected_arrival: Option<GqlDateTime>,
    pub note: Option<String>,
    pub idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct HealthCheckInput {
    pub child_id: ID,
    pub recorded_at: Option<GqlDateTime>,
    /// 34.0–42.5 °C, one decimal.
    pub temperature_c: Option<f64>,
    pub symptoms: Option<Vec<Symptom>>,
    pub note: Option<String>,
    pub idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct MealInput {
    pub child_id: ID,
    pub date: GqlDate,
    /// BREAKFAST (guardians, at home), MORNING_SNACK, LUNCH or AFTERNOON_SNACK.
    pub meal: String,
    pub amount: MealAmount,
    pub note: Option<String>,
    pub idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct NapCheckInput {
    pub child_id: ID,
    pub checked_at: Option<GqlDateTime>,
    pub position: SleepPosition,
    pub breathing_ok: bool,
    pub idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct GrowthInput {
    pub child_id: ID,
    pub measured_on: GqlDate,
    /// 40–130 cm.
    pub height_cm: Option<f64>,
    /// 1.5–40 kg.
    pub weight_kg: Option<f64>,
    pub idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct JournalDraftInput {
    /// Absent: create a new draft.
    pub journal_id: Option<ID>,
    pub kind: JournalKind,
    pub classroom_id: Option<ID>,
    pub child_id: Option<ID>,
    pub period_start: GqlDate,
    pub period_end: GqlDate,
    /// JSON of the sections. A contact notebook page: `{"home": {...}}` from a guardian,
    /// `{"nursery": {...}}` from staff.
    pub body: String,
    /// Required when journalId is given; a stale one is CONFLICT.
    pub revision: Option<i32>,
}
