//! A family's edit and withdrawal of an absence or lateness report before the nursery
//! acknowledges it. Resolvers translate and call `service::absence_changes`, nothing else.

use async_graphql::{Context, InputObject, Object, Result, ID};

use super::scalars::GqlDateTime;
use super::types::AbsenceReportObject;
use super::{actor, services};
use crate::domain::{AbsenceReason, Symptom};
use crate::service::absence_changes::{self, AbsenceEditInput};

/// The editable fields of a report, whole (the child, the kind and the date stay: to change
/// those, withdraw the report and report again).
#[derive(InputObject)]
pub struct AbsenceUpdateInput {
    pub reason: AbsenceReason,
    pub symptoms: Option<Vec<Symptom>>,
    /// Required for LATE: when the child will arrive, on the report's date.
    pub expected_arrival: Option<GqlDateTime>,
    pub note: Option<String>,
}

#[derive(Default)]
pub struct AbsenceChangeMutation;

#[Object]
impl AbsenceChangeMutation {
    /// A guardian edits their family's report until the nursery acknowledges it (then
    /// CONFLICT: a change is a phone call). Staff and the family's guardians see it live.
    async fn update_absence(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: AbsenceUpdateInput,
    ) -> Result<AbsenceReportObject> {
        let edit = AbsenceEditInput {
            reason: input.reason,
            symptoms: input.symptoms.as_deref(),
            expected_arrival: input.expected_arrival.map(|t| t.0),
            note: input.note.as_deref(),
        };
        Ok(AbsenceReportObject(
            absence_changes::update_absence(services(ctx), actor(ctx)?, &id, edit).await?,
        ))
    }

    /// A guardian withdraws their family's report until the nursery acknowledges it: it leaves
    /// every list and figure (kept as withdrawn). The answer carries `withdrawnAt`.
    async fn withdraw_absence(&self, ctx: &Context<'_>, id: ID) -> Result<AbsenceReportObject> {
        Ok(AbsenceReportObject(
            absence_changes::withdraw_absence(services(ctx), actor(ctx)?, &id).await?,
        ))
    }
}
