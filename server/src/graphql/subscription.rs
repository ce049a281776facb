//! Subscriptions: live events over graphql-transport-ws, resumable with a cursor.

use std::sync::Arc;

use async_graphql::{Context, Result, Subscription};
use futures::stream::BoxStream;
use futures::{future, Stream, StreamExt};

use super::care_types::{CareAlertObject, CareRecordObject};
use super::departure::DepartureCheckObject;
use super::pickup::{PickupPlanUpdateObject, PickupWarningObject};
use super::report_types::InfectionAlertObject;
use super::safety::ArrivalCheckObject;
use super::types::{AbsenceReportObject, AttendanceEventObject};
use super::{actor, services};
use crate::domain::{EventPayload, LogEntry};
use crate::error::AppResult;
use crate::service::safety::{arrival_checks, departure_checks, pickup_plans};
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
        let events = open(
            ctx,
            LiveField::AttendanceEvents,
            &LiveArguments {
                after,
                ..Default::default()
            },
        )
        .await?;
        Ok(objects(events, attendance_event))
    }

    /// Staff: new absence, lateness and early pick-up reports of their nursery.
    async fn absence_reports(&self, ctx: &Context<'_>) -> Result<impl Stream<Item = Result<AbsenceReportObject>>> {
        let reports = open(ctx, LiveField::AbsenceReports, &LiveArguments::default()).await?;
        Ok(objects(reports, absence_report))
    }

    /// Guardians: their family's absence, lateness and early pick-up reports as they are made
    /// and as staff acknowledge them. Staff: their nursery's.
    async fn absence_updates(&self, ctx: &Context<'_>) -> Result<impl Stream<Item = Result<AbsenceReportObject>>> {
        let reports = open(ctx, LiveField::AbsenceUpdates, &LiveArguments::default()).await?;
        Ok(objects(reports, absence_update))
    }

    /// Staff: fevers and nap alerts of their nursery, as they happen (an overdue nap check is
    /// noticed by the server's own clock). Guardians: a fever of their child ("please contact
    /// the nursery", no temperature) and newly published notebook pages.
    async fn care_alerts(&self, ctx: &Context<'_>) -> Result<impl Stream<Item = Result<CareAlertObject>>> {
        let alerts = open(ctx, LiveField::CareAlerts, &LiveArguments::default()).await?;
        Ok(objects(alerts, care_alert))
    }

    /// Staff: every health check, meal, nap check and nap end recorded in their nursery, as it
    /// is made (another tablet's records show at once). No health detail: read the record.
    async fn care_records(&self, ctx: &Context<'_>) -> Result<impl Stream<Item = Result<CareRecordObject>>> {
        let records = open(ctx, LiveField::CareRecords, &LiveArguments::default()).await?;
        Ok(objects(records, care_record))
    }

    /// Staff: their nursery's not-yet-arrived checks (登園確認) as they are raised and end.
    /// Guardians: their own children's.
    async fn arrival_check_updates(&self, ctx: &Context<'_>) -> Result<impl Stream<Item = Result<ArrivalCheckObject>>> {
        let checks = open(ctx, LiveField::ArrivalChecks, &LiveArguments::default()).await?;
        Ok(objects(checks, arrival_check))
    }

    /// Staff and the head: children of their nursery still checked in after closing (降園確認),
    /// as each check is raised, repeated and ended.
    async fn departure_check_updates(
        &self,
        ctx: &Context<'_>,
    ) -> Result<impl Stream<Item = Result<DepartureCheckObject>>> {
        let checks = open(ctx, LiveField::DepartureChecks, &LiveArguments::default()).await?;
        Ok(objects(checks, departure_check))
    }

    /// Staff: their nursery's pickup plans (お迎え) as guardians set, change and clear them and
    /// as staff confirm them. Guardians: their own children's.
    async fn pickup_plan_updates(
        &self,
        ctx: &Context<'_>,
    ) -> Result<impl Stream<Item = Result<PickupPlanUpdateObject>>> {
        let plans = open(ctx, LiveField::PickupPlans, &LiveArguments::default()).await?;
        Ok(objects(plans, pickup_plan_update))
    }

    /// The nursery's head and staff: check-outs by someone not allowed to collect the child.
    async fn pickup_warning_updates(
        &self,
        ctx: &Context<'_>,
    ) -> Result<impl Stream<Item = Result<PickupWarningObject>>> {
        let warnings = open(ctx, LiveField::PickupWarnings, &LiveArguments::default()).await?;
        Ok(objects(warnings, pickup_warning))
    }

    /// Officers: infection clusters raised in their municipality's nurseries; a nursery head:
    /// in their nursery. Counts only.
    async fn infection_alerts(
        &self,
        ctx: &Context<'_>,
        municipality_id: async_graphql::ID,
    ) -> Result<impl Stream<Item = Result<InfectionAlertObject>>> {
        let arguments = LiveArguments {
            municipality_id: Some(municipality_id.0),
            ..Default::default()
        };
        let alerts = open(ctx, LiveField::InfectionAlerts, &arguments).await?;
        Ok(objects(alerts, infection_alert))
    }
}

/// The schema's objects of a subscription's entries.
fn objects<T>(events: LiveEvents, to_object: fn(&LogEntry) -> Option<T>) -> impl Stream<Item = Result<T>> {
    events.filter_map(move |item| {
        future::ready(match item {
            Ok(entry) => to_object(&entry).map(Ok),
            Err(err) => Some(Err(err.into())),
        })
    })
}

/// The subscription fields, named as clients select them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LiveField {
    AttendanceEvents,
    AbsenceReports,
    AbsenceUpdates,
    CareAlerts,
    CareRecords,
    InfectionAlerts,
    ArrivalChecks,
    DepartureChecks,
    PickupPlans,
    PickupWarnings,
}

impl LiveField {
    /// The field's name in the schema.
    pub(super) fn name(self) -> &'static str {
        match self {
            Self::AttendanceEvents => "attendanceEvents",
            Self::AbsenceReports => "absenceReports",
            Self::AbsenceUpdates => "absenceUpdates",
            Self::CareAlerts => "careAlerts",
            Self::CareRecords => "careRecords",
            Self::ArrivalChecks => "arrivalCheckUpdates",
            Self::DepartureChecks => "departureCheckUpdates",
            Self::InfectionAlerts => "infectionAlerts",
            Self::PickupPlans => "pickupPlanUpdates",
            Self::PickupWarnings => "pickupWarningUpdates",
        }
    }

    pub(super) fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "attendanceEvents" => Self::AttendanceEvents,
            "absenceReports" => Self::AbsenceReports,
            "absenceUpdates" => Self::AbsenceUpdates,
            "careAlerts" => Self::CareAlerts,
            "careRecords" => Self::CareRecords,
            "infectionAlerts" => Self::InfectionAlerts,
            "arrivalCheckUpdates" => Self::ArrivalChecks,
            "departureCheckUpdates" => Self::DepartureChecks,
            "pickupPlanUpdates" => Self::PickupPlans,
            "pickupWarningUpdates" => Self::PickupWarnings,
            _ => return None,
        })
    }
}

#[derive(Default)]
pub(super) struct LiveArguments {
    pub after: Option<String>,
    pub municipality_id: Option<String>,
}

/// Log entries of one subscription, already narrowed to what its field delivers.
pub(super) type LiveEvents = BoxStream<'static, AppResult<Arc<LogEntry>>>;

/// Authorizes and opens one subscription: the same for the schema's own resolvers and for the
/// lean WebSocket executor (`live.rs`).
pub(super) async fn open(ctx: &Context<'_>, field: LiveField, arguments: &LiveArguments) -> AppResult<LiveEvents> {
    let (svc, actor) = (services(ctx), actor(ctx)?);
    let client_addr = client_addr(ctx);
    // "Now" for a feed that starts now: when its request arrived (a socket notes it as the
    // message comes in, before the session is read), so an event published meanwhile reaches it.
    let from = super::request(ctx)
        .and_then(|r| r.live_from)
        .unwrap_or_else(|| svc.bus.published_position());
    // Each opener is boxed: only a pointer of it should be left in any caller's state.
    let events: LiveEvents = match field {
        LiveField::AttendanceEvents => Box::pin(attendance::attendance_events(
            svc,
            actor,
            from,
            arguments.after.as_deref(),
            client_addr,
        ))
        .await?
        .boxed(),
        LiveField::AbsenceReports => Box::pin(attendance::absence_reports(svc, actor, from, client_addr))
            .await?
            .boxed(),
        LiveField::AbsenceUpdates => Box::pin(attendance::absence_updates(svc, actor, from, client_addr))
            .await?
            .boxed(),
        LiveField::CareAlerts => Box::pin(care::care_alerts(svc, actor, from, client_addr))
            .await?
            .boxed(),
        LiveField::CareRecords => Box::pin(care::care_records(svc, actor, from, client_addr))
            .await?
            .boxed(),
        LiveField::ArrivalChecks => Box::pin(arrival_checks::arrival_check_updates(svc, actor, from, client_addr))
            .await?
            .boxed(),
        LiveField::DepartureChecks => {
            Box::pin(departure_checks::departure_check_updates(svc, actor, from, client_addr))
                .await?
                .boxed()
        }
        LiveField::PickupPlans => Box::pin(pickup_plans::pickup_plan_updates(svc, actor, from, client_addr))
            .await?
            .boxed(),
        LiveField::PickupWarnings => Box::pin(pickup_plans::pickup_warning_updates(svc, actor, from, client_addr))
            .await?
            .boxed(),
        LiveField::InfectionAlerts => {
            let municipality_id = arguments.municipality_id.as_deref().unwrap_or_default();
            Box::pin(oversight::subscribe_infection_alerts(svc, actor, from, municipality_id))
                .await?
                .boxed()
        }
    };
    let counted = crate::metrics::subscription_opened(field.name());
    // Decided at once (a ready future): nothing is kept per idle subscription.
    Ok(events
        .filter(move |item| {
            let _open_while_the_stream_lives = &counted;
            future::ready(item.as_ref().map_or(true, |entry| delivers(field, entry)))
        })
        .boxed())
}

fn delivers(field: LiveField, entry: &LogEntry) -> bool {
    match field {
        LiveField::AttendanceEvents => attendance_event(entry).is_some(),
        LiveField::AbsenceReports => absence_report(entry).is_some(),
        LiveField::AbsenceUpdates => absence_update(entry).is_some(),
        LiveField::CareAlerts => care_alert(entry).is_some(),
        LiveField::CareRecords => care_record(entry).is_some(),
        LiveField::InfectionAlerts => infection_alert(entry).is_some(),
        LiveField::ArrivalChecks => arrival_check(entry).is_some(),
        LiveField::DepartureChecks => departure_check(entry).is_some(),
        LiveField::PickupPlans => pickup_plan_update(entry).is_some(),
        LiveField::PickupWarnings => pickup_warning(entry).is_some(),
    }
}

pub(super) fn attendance_event(entry: &LogEntry) -> Option<AttendanceEventObject> {
    match &entry.payload {
        EventPayload::Attendance(event) => {
            let mut event = event.clone();
            event.position = entry.position;
            Some(AttendanceEventObject(event))
        }
        _ => None,
    }
}

pub(super) fn absence_report(entry: &LogEntry) -> Option<AbsenceReportObject> {
    match &entry.payload {
        EventPayload::AbsenceReported(report) => Some(AbsenceReportObject(report.clone())),
        _ => None,
    }
}

pub(super) fn absence_update(entry: &LogEntry) -> Option<AbsenceReportObject> {
    match &entry.payload {
        EventPayload::AbsenceReported(report)
        | EventPayload::AbsenceAcknowledged(report)
        | EventPayload::AbsenceUpdated(report)
        | EventPayload::AbsenceWithdrawn(report) => Some(AbsenceReportObject(report.clone())),
        _ => None,
    }
}

pub(super) fn care_alert(entry: &LogEntry) -> Option<CareAlertObject> {
    match &entry.payload {
        EventPayload::CareAlert(alert) => Some(CareAlertObject(alert.clone())),
        _ => None,
    }
}

pub(super) fn care_record(entry: &LogEntry) -> Option<CareRecordObject> {
    match &entry.payload {
        EventPayload::CareRecorded(recorded) => Some(CareRecordObject(recorded.clone())),
        _ => None,
    }
}

pub(super) fn infection_alert(entry: &LogEntry) -> Option<InfectionAlertObject> {
    match &entry.payload {
        EventPayload::InfectionAlert(alert) => Some(InfectionAlertObject(alert.clone())),
        _ => None,
    }
}

pub(super) fn arrival_check(entry: &LogEntry) -> Option<ArrivalCheckObject> {
    match &entry.payload {
        EventPayload::ArrivalCheck(check) => Some(ArrivalCheckObject(check.clone())),
        _ => None,
    }
}

pub(super) fn departure_check(entry: &LogEntry) -> Option<DepartureCheckObject> {
    match &entry.payload {
        EventPayload::DepartureCheck(check) => Some(DepartureCheckObject(check.clone())),
        _ => None,
    }
}

pub(super) fn pickup_plan_update(entry: &LogEntry) -> Option<PickupPlanUpdateObject> {
    match &entry.payload {
        EventPayload::PickupPlan(change) => Some(PickupPlanUpdateObject(change.clone())),
        _ => None,
    }
}

pub(super) fn pickup_warning(entry: &LogEntry) -> Option<PickupWarningObject> {
    match &entry.payload {
        EventPayload::PickupWarning(warning) => Some(PickupWarningObject(warning.clone())),
        _ => None,
    }
}
