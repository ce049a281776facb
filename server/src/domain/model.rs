//! The records Tsunagu keeps, as the store hands them out. Enums here are also the API's enums,
//! and are stored as their SCREAMING_CASE names so the database reads like the API (see
//! [`StoredText`]).

use serde::{Deserialize, Serialize};
use time::Date;

use super::{Id, Timestamp};

/// The text an enum is stored and sent as: its strum `IntoStaticStr`, which with
/// `#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]` is also its API name. A method, so that
/// binding an enum to a query reads `.bind(kind.as_str())` rather than naming `&str`. Text is
/// read back with `str::parse` (strum's `EnumString`).
pub trait StoredText: Copy + Into<&'static str> {
    fn as_str(self) -> &'static str {
        self.into()
    }
}

// Only enums (`VariantArray`): `&'static str` itself must keep `str`'s own methods.
impl<T: Copy + Into<&'static str> + strum::VariantArray> StoredText for T {}

/// What a user may do is decided by role and the scope the role is granted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum Role {
    SystemAdmin,
    MunicipalOfficer,
    NurseryAdmin,
    Staff,
    Guardian,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum AttendanceKind {
    CheckIn,
    CheckOut,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum AbsenceKind {
    Absence,
    Late,
    EarlyPickup,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum AbsenceReason {
    Illness,
    Family,
    MedicalAppointment,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum Symptom {
    Fever,
    Cough,
    RunnyNose,
    Diarrhea,
    Vomiting,
    Rash,
    Conjunctivitis,
    Other,
}

/// Which scope a role grant applies to: a municipality, nursery or family id (none for
/// SYSTEM_ADMIN).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleGrant {
    pub role: Role,
    pub scope_id: Option<Id>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct User {
    pub id: Id,
    pub email: String,
    pub display_name: String,
    pub locale: String,
}

#[derive(Clone, Debug)]
pub struct Municipality {
    pub id: Id,
    pub name: String,
    pub code: String,
}

#[derive(Clone, Debug)]
pub struct Nursery {
    pub id: Id,
    pub municipality_id: Id,
    pub name: String,
    /// The nursery's calendar: minutes east of UTC (540 for Japan).
    pub utc_offset_minutes: i32,
    /// A temperature at or above this is a fever (default 37.5 °C).
    pub fever_threshold_c: f64,
}

#[derive(Clone, Debug)]
pub struct Classroom {
    pub id: Id,
    pub nursery_id: Id,
    pub name: String,
    pub age_band: i32,
}

#[derive(Clone, Debug)]
pub struct Family {
    pub id: Id,
    pub nursery_id: Id,
}

#[derive(Clone, Debug)]
pub struct Child {
    pub id: Id,
    pub family_id: Id,
    pub classroom_id: Id,
    pub nursery_id: Id,
    pub name: String,
    pub name_kana: Option<String>,
    pub birth_date: Date,
    /// First day at the nursery: from then on the child counts as enrolled in reports.
    pub enrolled_on: Date,
    /// First day no longer at the nursery (withdrawn): from then on off rosters and reports.
    pub withdrawn_on: Option<Date>,
}

/// Where an entity sits in the organisation: what authorization decisions are made on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    pub municipality: Option<Id>,
    pub nursery: Option<Id>,
    pub family: Option<Id>,
    /// True for entities that are a child's personal data (the child and its records).
    pub child_level: bool,
}

/// A position in the ordered event log: `(transaction, sequence)`. See `events` for why the
/// transaction comes first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    pub tx: i64,
    pub seq: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AttendanceEvent {
    pub id: Id,
    pub child_id: Id,
    pub nursery_id: Id,
    pub family_id: Id,
    pub kind: AttendanceKind,
    pub occurred_at: Timestamp,
    pub recorded_by: Id,
    pub pickup_by: Option<String>,
    /// On a check-out: the person of the family's pickup list staff chose (お迎え).
    #[serde(default)]
    pub pickup_person_id: Option<Id>,
    /// Filled in once the event is in the log (always, for events read back).
    pub position: Position,
    /// On a correction: the check-in or check-out it undoes (which stays on record, superseded).
    #[serde(default)]
    pub corrects: Option<Id>,
    #[serde(default)]
    pub correction_reason: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AbsenceReport {
    pub id: Id,
    pub child_id: Id,
    pub nursery_id: Id,
    pub family_id: Id,
    pub kind: AbsenceKind,
    pub date: Date,
    pub reason: AbsenceReason,
    pub symptoms: Vec<Symptom>,
    pub expected_arrival: Option<Timestamp>,
    pub note: Option<String>,
    pub reported_by: Id,
    pub acknowledged_by: Option<Id>,
    pub acknowledged_at: Option<Timestamp>,
    /// When the family last edited it (before it was acknowledged).
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
    /// Set only on the live event of its withdrawal: a withdrawn report leaves the records.
    #[serde(default)]
    pub withdrawn_at: Option<Timestamp>,
}

/// A live event as it travels through the log and the bus.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "type", content = "data")]
pub enum EventPayload {
    Attendance(AttendanceEvent),
    AbsenceReported(AbsenceReport),
    AbsenceAcknowledged(AbsenceReport),
    /// The family edited a report before it was acknowledged.
    AbsenceUpdated(AbsenceReport),
    /// The family withdrew a report before it was acknowledged (`withdrawn_at` is set).
    AbsenceWithdrawn(AbsenceReport),
    CareAlert(super::care::CareAlert),
    InfectionAlert(super::oversight::InfectionAlert),
    CareRecorded(super::care::CareRecorded),
    /// A not-yet-arrived check raised, or ended (arrival, report, staff's note).
    ArrivalCheck(super::safety::arrival::ArrivalCheck),
    /// A left-behind check raised, repeated or ended (check-out, staff's explanation).
    DepartureCheck(super::safety::departure::DepartureCheck),
    /// A child's pickup plan of a day set, changed, confirmed or cleared.
    PickupPlan(super::safety::pickup::PickupPlanChange),
    /// A check-out by someone not allowed to collect the child: for the nursery only.
    PickupWarning(super::safety::pickup::PickupWarning),
}

impl EventPayload {
    pub fn kind(&self) -> EventKind {
        match self {
            EventPayload::Attendance(_) => EventKind::Attendance,
            EventPayload::AbsenceReported(_) => EventKind::AbsenceReported,
            EventPayload::AbsenceAcknowledged(_) => EventKind::AbsenceAcknowledged,
            EventPayload::AbsenceUpdated(_) => EventKind::AbsenceUpdated,
            EventPayload::AbsenceWithdrawn(_) => EventKind::AbsenceWithdrawn,
            EventPayload::CareAlert(_) => EventKind::CareAlert,
            EventPayload::InfectionAlert(_) => EventKind::InfectionAlert,
            EventPayload::CareRecorded(_) => EventKind::CareRecorded,
            EventPayload::ArrivalCheck(_) => EventKind::ArrivalCheck,
            EventPayload::DepartureCheck(_) => EventKind::DepartureCheck,
            EventPayload::PickupPlan(_) => EventKind::PickupPlan,
            EventPayload::PickupWarning(_) => EventKind::PickupWarning,
        }
    }

    pub fn nursery_id(&self) -> Id {
        match self {
            EventPayload::Attendance(e) => e.nursery_id,
            EventPayload::AbsenceReported(r)
            | EventPayload::AbsenceAcknowledged(r)
            | EventPayload::AbsenceUpdated(r)
            | EventPayload::AbsenceWithdrawn(r) => r.nursery_id,
            EventPayload::CareAlert(a) => a.nursery_id,
            EventPayload::InfectionAlert(a) => a.nursery_id,
            EventPayload::CareRecorded(r) => r.nursery_id,
            EventPayload::ArrivalCheck(c) => c.nursery_id,
            EventPayload::DepartureCheck(c) => c.nursery_id,
            EventPayload::PickupPlan(p) => p.nursery_id,
            EventPayload::PickupWarning(w) => w.nursery_id,
        }
    }

    pub fn family_id(&self) -> Option<Id> {
        match self {
            EventPayload::Attendance(e) => Some(e.family_id),
            EventPayload::AbsenceReported(r)
            | EventPayload::AbsenceAcknowledged(r)
            | EventPayload::AbsenceUpdated(r)
            | EventPayload::AbsenceWithdrawn(r) => Some(r.family_id),
            EventPayload::CareAlert(a) => Some(a.family_id),
            EventPayload::ArrivalCheck(c) => Some(c.family_id),
            EventPayload::PickupPlan(p) => Some(p.family_id),
            // Told to the nursery's head and staff, not to the family's phones.
            EventPayload::PickupWarning(_) => None,
            // Counts for the nursery's head and the municipality, never for families.
            EventPayload::InfectionAlert(_) => None,
            // The nursery's staff only.
            EventPayload::CareRecorded(_) | EventPayload::DepartureCheck(_) => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum EventKind {
    Attendance,
    AbsenceReported,
    AbsenceAcknowledged,
    AbsenceUpdated,
    AbsenceWithdrawn,
    CareAlert,
    InfectionAlert,
    CareRecorded,
    ArrivalCheck,
    DepartureCheck,
    PickupPlan,
    PickupWarning,
}

#[derive(Clone, Debug)]
pub struct LogEntry {
    pub position: Position,
    pub payload: EventPayload,
}
