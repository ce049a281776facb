//! Municipal oversight over the API: reports, infection surveillance and the audit trail.
//! Officers see every nursery of their municipality, a nursery head their own nursery.

use async_graphql::{Context, Object, Result, ID};

use super::report_types::*;
use super::scalars::{GqlDate, GqlDateTime};
use super::{actor, services};
use crate::audit::log as audit_log;
use crate::domain::{AuditAccess, Timestamp};
use crate::service::{oversight, reports};

/// The nurseries and dates a report covers, as the policy allows the caller.
async fn report_scope(
    ctx: &Context<'_>,
    municipality_id: &ID,
    nursery_id: Option<&ID>,
    from: time::Date,
    to: time::Date,
) -> Result<reports::ReportScope> {
    let nursery_id = nursery_id.map(|id| id.as_str());
    Ok(reports::report_scope(services(ctx), actor(ctx)?, municipality_id, nursery_id, from, to).await?)
}

#[derive(Default)]
pub struct ReportQuery;

#[Object]
impl ReportQuery {
    /// Per nursery per open day (an ended day its calendar had it open, or any day anyone
    /// arrived or was reported absent), by date then nursery: enrolled, present, absent, late,
    /// absences by symptom and by age band, nap-check compliance and approved diaries. At most
    /// 366 days. Counts only.
    async fn nursery_day_summaries(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        from: GqlDate,
        to: GqlDate,
        #[graphql(desc = "Only this nursery of the municipality.")] nursery_id: Option<ID>,
    ) -> Result<Vec<NurseryDaySummaryObject>> {
        let svc = services(ctx);
        let scope = report_scope(ctx, &municipality_id, nursery_id.as_ref(), from.0, to.0).await?;
        let days = reports::nursery_days(svc, &scope).await?;
        Ok(days
            .into_iter()
            .filter_map(|day| {
                let nursery = scope.nursery(day.nursery_id)?.clone();
                let withhold_below = scope.withhold_below(nursery.id);
                Some(NurseryDaySummaryObject {
                    nursery,
                    day,
                    withhold_below,
                })
            })
            .collect())
    }

    /// One summary per nursery over `from..=to`: attendance rate, absences by symptom, nap-check
    /// compliance and diary approval, summed over the open days.
    async fn nursery_period_summaries(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        from: GqlDate,
        to: GqlDate,
        nursery_id: Option<ID>,
    ) -> Result<Vec<NurseryPeriodSummaryObject>> {
        let svc = services(ctx);
        let scope = report_scope(ctx, &municipality_id, nursery_id.as_ref(), from.0, to.0).await?;
        let days = reports::nursery_days(svc, &scope).await?;
        Ok(reports::periods(&scope, &days)
            .into_iter()
            .zip(scope.nurseries.iter())
            .map(|(period, nursery)| NurseryPeriodSummaryObject {
                nursery: nursery.clone(),
                from: scope.from,
                to: scope.to,
                withhold_below: scope.withhold_below(nursery.id),
                period,
            })
            .collect())
    }

    /// Infection surveillance: children absent per classroom, day and symptom.
    async fn classroom_symptom_absences(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        from: GqlDate,
        to: GqlDate,
        nursery_id: Option<ID>,
    ) -> Result<Vec<ClassroomSymptomDayObject>> {
        let svc = services(ctx);
        let scope = report_scope(ctx, &municipality_id, nursery_id.as_ref(), from.0, to.0).await?;
        let rows = reports::classroom_symptom_days(svc, &scope).await?;
        Ok(rows
            .into_iter()
            .filter_map(|(row, released)| {
                let nursery = scope.nursery(row.nursery_id)?.clone();
                Some(ClassroomSymptomDayObject { nursery, row, released })
            })
            .collect())
    }

    /// Clusters raised in the municipality whose window overlaps `from..=to` (default: the
    /// last 30 days), newest first.
    async fn infection_alerts(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        from: Option<GqlDate>,
        to: Option<GqlDate>,
        nursery_id: Option<ID>,
    ) -> Result<Vec<InfectionAlertObject>> {
        let svc = services(ctx);
        let (from, to) = oversight::alert_dates(svc.clock.now(), from.map(|d| d.0), to.map(|d| d.0));
        let scope = report_scope(ctx, &municipality_id, nursery_id.as_ref(), from, to).await?;
        let alerts = oversight::infection_alerts(svc, &scope).await?;
        Ok(alerts.into_iter().map(InfectionAlertObject).collect())
    }

    /// The cluster rule the municipality's absence reports are checked against.
    async fn infection_alert_rule(&self, ctx: &Context<'_>, municipality_id: ID) -> Result<InfectionRuleObject> {
        Ok(
            oversight::read_infection_rule(services(ctx), actor(ctx)?, &municipality_id)
                .await?
                .into(),
        )
    }

    /// Who read or changed what, newest first (the nursery head: their nursery; SYSTEM_ADMIN:
    /// everything). `after` is the previous page's `nextCursor`.
    #[allow(clippy::too_many_arguments)]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        nursery_id: Option<ID>,
        actor_id: Option<ID>,
        entity_id: Option<ID>,
        operation: Option<String>,
        access: Option<AuditAccess>,
        from: Option<GqlDateTime>,
        to: Option<GqlDateTime>,
        #[graphql(desc = "Page size, 1–500 (default 100).")] first: Option<i32>,
        after: Option<String>,
    ) -> Result<AuditPageObject> {
        let query = audit_log::AuditQuery {
            nursery_id: nursery_id.as_ref().map(|id| id.as_str()),
            actor_id: actor_id.as_ref().map(|id| id.as_str()),
            entity_id: entity_id.as_ref().map(|id| id.as_str()),
            operation: operation.as_deref(),
            access,
            from: from.map(|t| Timestamp(t.0)),
            to: to.map(|t| Timestamp(t.0)),
            first,
            after: after.as_deref(),
        };
        let page = audit_log::entries(services(ctx), actor(ctx)?, query).await?;
        Ok(AuditPageObject {
            entries: page.entries.into_iter().map(AuditEntryObject).collect(),
            next_cursor: page.next_cursor,
        })
    }
}

#[derive(Default)]
pub struct ReportMutation;

#[Object]
impl ReportMutation {
    /// Sets the municipality's cluster rule (officers): `minChildren` (2–50) of one classroom
    /// absent with the same symptom within `windowDays` (1–14) consecutive days.
    async fn set_infection_alert_rule(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        min_children: i32,
        window_days: i32,
    ) -> Result<InfectionRuleObject> {
        let rule = oversight::set_infection_rule(
            services(ctx),
            actor(ctx)?,
            &municipality_id,
            min_children.into(),
            window_days.into(),
        )
        .await?;
        Ok(rule.into())
    }
}
