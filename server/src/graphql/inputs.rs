//! Input objects of the contract.

use async_graphql::{InputObject, ID};

use super::scalars::{GqlDate, GqlDateTime};
use crate::domain::{AbsenceKind, AbsenceReason, Symptom};

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
