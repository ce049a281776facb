//! The live subscription fields, each declared once.
//!
//! A live field exists three times over: in the published `Subscription` root
//! (`subscription.rs`), in the twin query root that answers each event (`live.rs`), and in
//! `LiveField`, which names it, opens its feed and filters the events it delivers. Written
//! by hand that was seven places to edit per field, and a forgotten one only showed at run
//! time or in the mirror test.
//!
//! async-graphql's `#[Subscription]` and `#[Object]` macros read real methods (their names,
//! arguments and doc comments become the schema), so the fields cannot be a runtime table.
//! A trait per field would still leave one method to write in each root. So one
//! `macro_rules!` table below produces all of it: each entry names the field as Rust (snake
//! case; the schema's camelCase name is derived as async-graphql derives it), its
//! arguments, its object type, how its feed is opened and which log entries it turns into
//! objects. Adding a field is one entry here plus its object type.
//!
//! The entry's `open: |o| …` and `object: |entry| …` read like closures; `o` is an
//! [`Opening`] and `entry` a `&LogEntry`. The arguments are copied into `LiveArguments`
//! under their own names, so each argument needs a field of that name there.

use std::sync::LazyLock;

use async_graphql::{Context, Result, ID};
use futures::future::BoxFuture;
use futures::{Stream, StreamExt};

use super::care_types::{CareAlertObject, CareRecordObject};
use super::departure::DepartureCheckObject;
use super::live::{deliver, DeliveryRoot};
use super::pickup::{PickupPlanUpdateObject, PickupWarningObject};
use super::report_types::InfectionAlertObject;
use super::safety::ArrivalCheckObject;
use super::subscription::{objects, open, LiveArguments, LiveEvents, Opening, SubscriptionRoot};
use super::types::{AbsenceReportObject, AttendanceEventObject};
use crate::domain::{EventPayload, LogEntry};
use crate::error::{AppError, AppResult};
use crate::service::safety::{arrival_checks, departure_checks, pickup_plans};
use crate::service::{attendance, care, oversight};

/// Expands the table of live fields into `LiveField` and both roots' methods.
macro_rules! live_fields {
    ($(
        // `tt`, not `meta`: async-graphql reads a doc's text only from a plain literal.
        $(#[doc = $doc:tt])*
        $variant:ident: $field:ident($($argument:ident: $argument_ty:ty),*) -> $object:ty {
            open: |$opening:ident| $open:expr,
            object: |$entry:ident| $to_object:expr,
        }
    )+) => {
        /// The subscription fields, named as clients select them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(super) enum LiveField {
            $($variant),+
        }

        impl LiveField {
            /// Every live field, in the table's order.
            pub(super) const ALL: &'static [LiveField] = &[$(LiveField::$variant),+];

            /// The field's name in the schema.
            pub(super) fn name(self) -> &'static str {
                // Computed once; the index is the variant's place in `ALL`.
                static NAMES: LazyLock<Vec<String>> =
                    LazyLock::new(|| [$(stringify!($field)),+].into_iter().map(camel_case).collect());
                &NAMES[self as usize]
            }

            pub(super) fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|field| field.name() == name)
            }

            /// Authorizes and opens the field's feed of log entries.
            pub(super) fn events(self, opening: Opening<'_>) -> BoxFuture<'_, AppResult<LiveEvents>> {
                // Boxed: only a pointer of the opener should be left in any caller's state.
                match self {
                    $(LiveField::$variant => Box::pin(async move {
                        let $opening = opening;
                        Ok::<_, AppError>($open.await?.boxed())
                    }),)+
                }
            }

            /// Whether the field turns this log entry into one of its objects.
            pub(super) fn delivers(self, entry: &LogEntry) -> bool {
                match self {
                    $(LiveField::$variant => {
                        let to_object: fn(&LogEntry) -> Option<$object> = |$entry| $to_object;
                        to_object(entry).is_some()
                    })+
                }
            }
        }

        #[async_graphql::Subscription(name = "Subscription")]
        impl SubscriptionRoot {
            $(
                $(#[doc = $doc])*
                async fn $field(
                    &self,
                    ctx: &Context<'_>,
                    $($argument: $argument_ty),*
                ) -> Result<impl Stream<Item = Result<$object>>> {
                    let arguments = LiveArguments { $($argument,)* ..Default::default() };
                    let events = open(ctx, LiveField::$variant, &arguments).await?;
                    let to_object: fn(&LogEntry) -> Option<$object> = |$entry| $to_object;
                    Ok(objects(events, to_object))
                }
            )+
        }

        // The same fields as a query root, each returning the event of the run in progress.
        #[async_graphql::Object(name = "Subscription")]
        impl DeliveryRoot {
            $(
                async fn $field(
                    &self,
                    ctx: &Context<'_>,
                    $($argument: $argument_ty),*
                ) -> Result<Option<$object>> {
                    let arguments = LiveArguments { $($argument,)* ..Default::default() };
                    let to_object: fn(&LogEntry) -> Option<$object> = |$entry| $to_object;
                    deliver(ctx, LiveField::$variant, arguments, to_object).await
                }
            )+
        }
    };
}

/// `arrival_check_updates` → `arrivalCheckUpdates`: async-graphql's default for field names.
fn camel_case(snake: &str) -> String {
    let mut words = snake.split('_');
    let mut name = words.next().unwrap_or_default().to_owned();
    for word in words {
        let mut letters = word.chars();
        name.extend(letters.next().map(|first| first.to_ascii_uppercase()));
        name.push_str(letters.as_str());
    }
    name
}

live_fields! {
    /// Guardians: arrivals and departures of every child on their family account. Staff: of
    /// their nursery. `after` first replays, exactly once, everything since that cursor.
    AttendanceEvents: attendance_events(after: Option<String>) -> AttendanceEventObject {
        open: |o| attendance::attendance_events(o.svc, o.actor, o.from, o.arguments.after.as_deref(), o.client_addr),
        object: |entry| match &entry.payload {
            EventPayload::Attendance(event) => {
                let mut event = event.clone();
                event.position = entry.position;
                Some(AttendanceEventObject(event))
            }
            _ => None,
        },
    }

    /// Staff: new absence, lateness and early pick-up reports of their nursery.
    AbsenceReports: absence_reports() -> AbsenceReportObject {
        open: |o| attendance::absence_reports(o.svc, o.actor, o.from, o.client_addr),
        object: |entry| match &entry.payload {
            EventPayload::AbsenceReported(report) => Some(AbsenceReportObject(report.clone())),
            _ => None,
        },
    }

    /// Guardians: their family's absence, lateness and early pick-up reports as they are made
    /// and as staff acknowledge them. Staff: their nursery's.
    AbsenceUpdates: absence_updates() -> AbsenceReportObject {
        open: |o| attendance::absence_updates(o.svc, o.actor, o.from, o.client_addr),
        object: |entry| match &entry.payload {
            EventPayload::AbsenceReported(report)
            | EventPayload::AbsenceAcknowledged(report)
            | EventPayload::AbsenceUpdated(report)
            | EventPayload::AbsenceWithdrawn(report) => Some(AbsenceReportObject(report.clone())),
            _ => None,
        },
    }

    /// Staff: fevers and nap alerts of their nursery, as they happen (an overdue nap check is
    /// noticed by the server's own clock). Guardians: a fever of their child ("please contact
    /// the nursery", no temperature) and newly published notebook pages.
    CareAlerts: care_alerts() -> CareAlertObject {
        open: |o| care::care_alerts(o.svc, o.actor, o.from, o.client_addr),
        object: |entry| match &entry.payload {
            EventPayload::CareAlert(alert) => Some(CareAlertObject(alert.clone())),
            _ => None,
        },
    }

    /// Staff: every health check, meal, nap check and nap end recorded in their nursery, as it
    /// is made (another tablet's records show at once). No health detail: read the record.
    CareRecords: care_records() -> CareRecordObject {
        open: |o| care::care_records(o.svc, o.actor, o.from, o.client_addr),
        object: |entry| match &entry.payload {
            EventPayload::CareRecorded(recorded) => Some(CareRecordObject(recorded.clone())),
            _ => None,
        },
    }

    /// Staff: their nursery's not-yet-arrived checks (登園確認) as they are raised and end.
    /// Guardians: their own children's.
    ArrivalChecks: arrival_check_updates() -> ArrivalCheckObject {
        open: |o| arrival_checks::arrival_check_updates(o.svc, o.actor, o.from, o.client_addr),
        object: |entry| match &entry.payload {
            EventPayload::ArrivalCheck(check) => Some(ArrivalCheckObject(check.clone())),
            _ => None,
        },
    }

    /// Staff and the head: children of their nursery still checked in after closing (降園確認),
    /// as each check is raised, repeated and ended.
    DepartureChecks: departure_check_updates() -> DepartureCheckObject {
        open: |o| departure_checks::departure_check_updates(o.svc, o.actor, o.from, o.client_addr),
        object: |entry| match &entry.payload {
            EventPayload::DepartureCheck(check) => Some(DepartureCheckObject(check.clone())),
            _ => None,
        },
    }

    /// Staff: their nursery's pickup plans (お迎え) as guardians set, change and clear them and
    /// as staff confirm them. Guardians: their own children's.
    PickupPlans: pickup_plan_updates() -> PickupPlanUpdateObject {
        open: |o| pickup_plans::pickup_plan_updates(o.svc, o.actor, o.from, o.client_addr),
        object: |entry| match &entry.payload {
            EventPayload::PickupPlan(change) => Some(PickupPlanUpdateObject(change.clone())),
            _ => None,
        },
    }

    /// The nursery's head and staff: check-outs by someone not allowed to collect the child.
    PickupWarnings: pickup_warning_updates() -> PickupWarningObject {
        open: |o| pickup_plans::pickup_warning_updates(o.svc, o.actor, o.from, o.client_addr),
        object: |entry| match &entry.payload {
            EventPayload::PickupWarning(warning) => Some(PickupWarningObject(warning.clone())),
            _ => None,
        },
    }

    /// Officers: infection clusters raised in their municipality's nurseries; a nursery head:
    /// in their nursery. Counts only.
    InfectionAlerts: infection_alerts(municipality_id: ID) -> InfectionAlertObject {
        open: |o| oversight::subscribe_infection_alerts(o.svc, o.actor, o.from, o.arguments.municipality_id.as_str()),
        object: |entry| match &entry.payload {
            EventPayload::InfectionAlert(alert) => Some(InfectionAlertObject(alert.clone())),
            _ => None,
        },
    }
}
