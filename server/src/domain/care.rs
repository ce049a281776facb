//! Daily care records: health checks, meals, nap checks, growth, and the alerts they raise.

use serde::{Deserialize, Serialize};
use time::Date;

use super::{Id, Symptom, Timestamp};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum MealAmount {
    All,
    Most,
    Half,
    Little,
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum SleepPosition {
    Back,
    Side,
    Front,
}

/// Where a record was made: at home by a guardian, or at the nursery by staff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum RecordSource {
    Home,
    Nursery,
}

/// The meals of a nursery day; breakfast is eaten at home and reported by guardians.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum Meal {
    Breakfast,
    MorningSnack,
    Lunch,
    AfternoonSnack,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum CareAlertKind {
    Fever,
    NapCheckOverdue,
    NapPosition,
    NapBreathing,
    NotebookPublished,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct HealthCheck {
    pub id: Id,
    pub child_id: Id,
    pub nursery_id: Id,
    pub family_id: Id,
    pub recorded_at: Timestamp,
    pub temperature_c: Option<f64>,
    pub fever: bool,
    pub symptoms: Vec<Symptom>,
    pub note: Option<String>,
    pub source: RecordSource,
    pub recorded_by: Id,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MealRecord {
    pub id: Id,
    pub child_id: Id,
    pub nursery_id: Id,
    pub date: Date,
    pub meal: Meal,
    pub amount: MealAmount,
    pub note: Option<String>,
    pub recorded_by: Id,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Nap {
    pub id: Id,
    pub child_id: Id,
    pub started_at: Timestamp,
    pub ended_at: Option<Timestamp>,
    /// Required time between checks for this child's age; none when not required.
    pub interval_seconds: Option<i64>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct NapCheck {
    pub id: Id,
    pub nap_id: Id,
    pub child_id: Id,
    pub checked_at: Timestamp,
    pub position: SleepPosition,
    pub breathing_ok: bool,
    pub recorded_by: Id,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GrowthRecord {
    pub id: Id,
    pub child_id: Id,
    pub measured_on: Date,
    pub height_cm: Option<f64>,
    pub weight_kg: Option<f64>,
    /// Far from the previous measurement: accepted, but to be looked at again.
    pub flagged: bool,
    pub recorded_by: Id,
}

impl GrowthRecord {
    /// カウプ指数: weight (g) / height (cm)² × 10.
    pub fn kaup_index(&self) -> Option<f64> {
        match (self.height_cm, self.weight_kg) {
            (Some(h), Some(w)) if h > 0.0 => Some(((w * 1000.0) / (h * h) * 10.0 * 10.0).round() / 10.0),
            _ => None,
        }
    }
}

/// Per child per day: how many nap checks were required and how many were made on time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NapCompliance {
    pub required_checks: i64,
    pub on_time_checks: i64,
}

/// A live alert about a child: to the nursery's staff, and (fever, notebook) to the family.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CareAlert {
    pub id: Id,
    pub kind: CareAlertKind,
    pub child_id: Id,
    pub nursery_id: Id,
    pub family_id: Id,
    pub classroom_id: Id,
    pub occurred_at: Timestamp,
    /// Staff only: never shown to families or put on a lock screen.
    pub temperature_c: Option<f64>,
    pub journal_id: Option<Id>,
}

/// What kind of care record was made (for the nursery's other screens, which then reload it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum CareRecordKind {
    HealthCheck,
    Meal,
    NapCheck,
    NapEnded,
}

/// A care record was made at the nursery: the staff's other tablets show it without waiting
/// for a poll. Staff only, and no health detail: the screens read the record itself.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CareRecorded {
    pub id: Id,
    pub kind: CareRecordKind,
    pub child_id: Id,
    pub nursery_id: Id,
    pub classroom_id: Id,
    pub occurred_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kaup_index_of_a_typical_toddler() {
        let record = GrowthRecord {
            id: Id::new(),
            child_id: Id::new(),
            measured_on: time::macros::date!(2026 - 04 - 01),
            height_cm: Some(85.0),
            weight_kg: Some(11.5),
            flagged: false,
            recorded_by: Id::new(),
        };
        assert_eq!(record.kaup_index(), Some(15.9));
    }
}
