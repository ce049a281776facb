//! Subscriptions: live events over graphql-transport-ws, resumable with a cursor.

use async_graphql::{Context, Result, Subscription};
use futures::{Stream, StreamExt};

use super::care_types::CareAlertObject;
use super::report_types::InfectionAlertObject;
use super::types::{AbsenceReportObject, AttendanceEventObject};
use super::{actor, services};
use crate::domain::EventPayload;
use crate::service::{attendance, care, oversight};

pub struct SubscriptionRoot;

/// For the audit trail: where the subscriber connected from.
fn client_addr(ctx: &Context<'_>) -> Option<String> {
    super::request(ctx).and_then(|r| r.client_ip).map(|ip| ip.to_string())
}

#[Subscription(name = "Subscription")]
impl SubscriptionRoot {
    /// Guardians: arrivals and departures of every child on their family account. Staff: of
    /// their nursery. `after` first replays, exactly once, everything since that cursor.
    async fn attendance_events(
        &self,
        ctx: &Context<'_>,
        after: Option<String>,
    ) -> Result<impl Stream<Item = Result<AttendanceEventObject>>> {
        // Boxed: async-graphql keeps this future's space in every subscription's state for as
        // long as the subscription lives, so only a pointer should be left of it.
        let events = Box::pin(attendance::attendance_events(
            services(ctx),
            actor(ctx)?,
            after.as_deref(),
            client_addr(ctx),
        ))
        .await?;
        Ok(events.filter_map(|item| {
            // Decided at once: no future is kept per idle subscription.
            futures::future::ready(match item {
                Ok(entry) => match &entry.payload {
                    EventPayload::Attendance(event) => {
                        let mut event = event.clone();
                        event.position = entry.position;
                        Some(Ok(AttendanceEventObject(event)))
                    }
                    _ => None,
                },
                Err(err) => Some(Err(err.into())),
            })
        }))
    }

    /// Staff: new absence, lateness and early pick-up reports of their nursery.
    async fn absence_reports(&self, ctx: &Context<'_>) -> Result<impl Stream<Item = Result<AbsenceReportObject>>> {
        let reports = Box::pin(attendance::absence_reports(
            services(ctx),
            actor(ctx)?,
            client_addr(ctx),
        ))
        .await?;
        Ok(reports.filter_map(|item| {
            // Decided at once: no future is kept per idle subscription.
            futures::future::ready(match item {
                Ok(entry) => match &entry.payload {
                    EventPayload::AbsenceReported(report) => Some(Ok(AbsenceReportObject(report.clone()))),
                    _ => None,
                },
                Err(err) => Some(Err(err.into())),
            })
        }))
    }

    /// Staff: fevers and nap alerts of their nursery, as they happen (an overdue nap check is
    /// noticed by the server's own clock). Guardians: a fever of their child ("please contact
    /// the nursery", no temperature) and newly published notebook pages.
    async fn care_alerts(&self, ctx: &Context<'_>) -> Result<impl Stream<Item = Result<CareAlertObject>>> {
        let alerts = Box::pin(care::care_alerts(services(ctx), actor(ctx)?, client_addr(ctx))).await?;
        Ok(alerts.map(|item| item.map(CareAlertObject).map_err(Into::into)))
    }

    /// Officers: infection clusters raised in their municipality's nurseries; a nursery head:
    /// in their nursery. Counts only.
    async fn infection_alerts(
        &self,
        ctx: &Context<'_>,
        municipality_id: async_graphql::ID,
    ) -> Result<impl Stream<Item = Result<InfectionAlertObject>>> {
        let alerts = Box::pin(oversight::subscribe_infection_alerts(
            services(ctx),
            actor(ctx)?,
            &municipality_id,
        ))
        .await?;
        Ok(alerts.filter_map(|item| {
            // Decided at once: no future is kept per idle subscription.
            futures::future::ready(match item {
                Ok(entry) => match &entry.payload {
                    EventPayload::InfectionAlert(alert) => Some(Ok(InfectionAlertObject(alert.clone()))),
                    _ => None,
                },
                Err(err) => Some(Err(err.into())),
            })
        }))
    }
}
