//! The not-yet-arrived check (登園確認): who is missing at the nursery's check time, when the
//! check is due, and how an open check ends.

use serde::{Deserialize, Serialize};
use time::{Date, UtcOffset};

use super::opening::{NurseryHours, SECONDS_PER_DAY};
use crate::domain::{AbsenceKind, Id, Timestamp};
use crate::error::{AppError, AppResult};

/// How an open check ended: the child arrived, the family reported, staff closed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum ArrivalCheckResolution {
    Arrived,
    Reported,
    ClosedByStaff,
}

/// One child's not-yet-arrived check of one day: open until `resolution` is set.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ArrivalCheck {
    pub id: Id,
    pub child_id: Id,
    pub nursery_id: Id,
    pub family_id: Id,
    pub date: Date,
    pub raised_at: Timestamp,
    pub resolution: Option<ArrivalCheckResolution>,
    pub resolved_at: Option<Timestamp>,
    pub resolved_by: Option<Id>,
    pub note: Option<String>,
}

/// The notification to each guardian, in their language (`ja…` or `en…`): the child's given
/// name and a request to get in touch, nothing else.
pub fn arrival_check_text(locale: &str, given_name: &str) -> (&'static str, String) {
    if locale.starts_with("en") {
        (
            "Arrival not yet confirmed",
            format!("We have not yet seen {given_name} arrive. If {given_name} is off today, please let us know."),
        )
    } else {
        (
            "登園確認",
            format!("{given_name}ちゃんの登園がまだ確認できていません。お休みの場合はご連絡ください"),
        )
    }
}

/// What is known of a child who has not arrived today: their report for today, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TodaysReport {
    pub kind: AbsenceKind,
    pub expected_arrival: Option<Timestamp>,
}

/// Whether a child with no arrival today counts as not arrived at `now`: no report, or a
/// lateness whose reported time has passed by more than the grace. An absence excuses the day;
/// an early pick-up says nothing about the morning.
pub fn is_missing(reports: &[TodaysReport], now: Timestamp, late_grace_seconds: i32) -> bool {
    if reports.iter().any(|r| r.kind == AbsenceKind::Absence) {
        return false;
    }
    match reports.iter().find(|r| r.kind == AbsenceKind::Late) {
        Some(late) => match late.expected_arrival {
            Some(expected) => (now.0 - expected.0).whole_seconds() > i64::from(late_grace_seconds),
            None => true,
        },
        None => true,
    }
}

/// The second of the local day `now` falls on at `offset`, and that day.
pub fn local_clock(now: Timestamp, offset: UtcOffset) -> (Date, i32) {
    let local = now.0.to_offset(offset);
    let (h, m, s) = local.to_hms();
    (local.date(), i32::from(h) * 3600 + i32::from(m) * 60 + i32::from(s))
}

/// Whether the check runs at this moment of an open day: from the check time until closing.
/// A server that was down at the check time runs it when it comes back.
pub fn check_is_due(second_of_day: i32, hours: &NurseryHours) -> bool {
    second_of_day >= hours.arrival_check_at && second_of_day < hours.closes_at
}

/// "09:30" or "09:30:15" → seconds from midnight, naming `field` when it is not a time.
pub fn parse_time_of_day(field: &str, raw: &str) -> AppResult<i32> {
    let parts: Vec<&str> = raw.trim().split(':').collect();
    let number = |s: &str, max: i32| s.parse::<i32>().ok().filter(|n| (0..=max).contains(n) && s.len() == 2);
    let refuse = || AppError::bad_input(field, format!("`{field}` must be a time like 09:30"));
    let (h, m, s) = match parts.as_slice() {
        [h, m] => (number(h, 23), number(m, 59), Some(0)),
        [h, m, s] => (number(h, 23), number(m, 59), number(s, 59)),
        _ => return Err(refuse()),
    };
    match (h, m, s) {
        (Some(h), Some(m), Some(s)) => Ok(h * 3600 + m * 60 + s),
        _ => Err(refuse()),
    }
}

/// Seconds from midnight as "HH:MM:SS".
pub fn format_time_of_day(second: i32) -> String {
    let s = second.rem_euclid(SECONDS_PER_DAY);
    format!("{:02}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn at(instant: time::OffsetDateTime) -> Timestamp {
        Timestamp(instant)
    }

    #[test]
    fn a_child_without_a_report_is_missing_an_absent_one_is_not() {
        let now = at(datetime!(2026-12-03 09:30 +09:00));
        assert!(is_missing(&[], now, 1800));
        let absent = TodaysReport {
            kind: AbsenceKind::Absence,
            expected_arrival: None,
        };
        assert!(!is_missing(&[absent], now, 1800));
        let early = TodaysReport {
            kind: AbsenceKind::EarlyPickup,
            expected_arrival: None,
        };
        assert!(
            is_missing(&[early], now, 1800),
            "an early pick-up does not excuse the morning"
        );
    }

    #[test]
    fn a_late_child_is_missing_only_once_the_grace_has_passed() {
        let late = |expected| TodaysReport {
            kind: AbsenceKind::Late,
            expected_arrival: Some(at(expected)),
        };
        let report = late(datetime!(2026-12-03 10:00 +09:00));
        assert!(!is_missing(&[report], at(datetime!(2026-12-03 09:30 +09:00)), 1800));
        assert!(!is_missing(&[report], at(datetime!(2026-12-03 10:30 +09:00)), 1800));
        assert!(is_missing(&[report], at(datetime!(2026-12-03 10:30:01 +09:00)), 1800));
        assert!(is_missing(&[report], at(datetime!(2026-12-03 10:00:01 +09:00)), 0));
    }

    #[test]
    fn the_check_runs_from_its_time_until_closing() {
        let hours = NurseryHours::default();
        assert!(!check_is_due(9 * 3600 + 1799, &hours));
        assert!(check_is_due(9 * 3600 + 1800, &hours));
        assert!(check_is_due(18 * 3600, &hours));
        assert!(!check_is_due(19 * 3600, &hours));
        let offset = UtcOffset::from_hms(9, 0, 0).unwrap();
        let (date, second) = local_clock(at(datetime!(2026-12-03 00:30:05 UTC)), offset);
        assert_eq!(
            (date.to_string().as_str(), second),
            ("2026-12-03", 9 * 3600 + 30 * 60 + 5)
        );
    }

    #[test]
    fn the_notification_names_the_child_in_the_guardians_language() {
        let (_, ja) = arrival_check_text("ja-JP", "はると");
        assert_eq!(
            ja,
            "はるとちゃんの登園がまだ確認できていません。お休みの場合はご連絡ください"
        );
        let (_, en) = arrival_check_text("en", "Haruto");
        assert!(en.contains("Haruto") && en.contains("let us know"));
    }

    #[test]
    fn times_of_day_parse_and_print() {
        assert_eq!(parse_time_of_day("t", "09:30").ok(), Some(34200));
        assert_eq!(parse_time_of_day("t", "23:59:59").ok(), Some(86399));
        assert!(parse_time_of_day("t", "24:00").is_err());
        assert!(parse_time_of_day("t", "9:3").is_err());
        assert!(parse_time_of_day("t", "nine").is_err());
        assert_eq!(format_time_of_day(34200), "09:30:00");
    }
}
