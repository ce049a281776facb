//! The pickup plan (お迎え): the people a family allows to collect its children (confirmed by
//! the nursery), each child's planned pickup of a day, and whether the person who collected at
//! check-out was allowed. Pure rules; the service reads and writes.

use serde::{Deserialize, Serialize};
use time::{Date, Duration};

use super::opening::NurseryHours;
use crate::domain::{validate, Id, Timestamp};
use crate::error::{AppError, AppResult};

/// How far ahead a plan may be set: the coming weeks, not the year.
pub const PLAN_DAYS_AHEAD: i64 = 31;
/// A relation is a word or two (祖母, 叔父, ベビーシッター).
pub const MAX_RELATION_CHARS: usize = 30;

/// One person on a family's list. Never deleted: a removed person keeps their row.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct PickupPerson {
    pub id: Id,
    pub family_id: Id,
    pub name: String,
    pub relation: String,
    pub phone: String,
    pub added_by: Id,
    pub added_at: Timestamp,
    pub confirmed_by: Option<Id>,
    pub confirmed_at: Option<Timestamp>,
    pub removed_at: Option<Timestamp>,
}

impl PickupPerson {
    /// On the list and confirmed by the nursery: may collect the children.
    pub fn is_allowed(&self) -> bool {
        self.confirmed_at.is_some() && self.removed_at.is_none()
    }
}

/// A person named for one day only, whom the nursery must confirm.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct OneOffPerson {
    pub name: String,
    pub relation: String,
    pub phone: String,
    pub confirmed_by: Option<Id>,
    pub confirmed_at: Option<Timestamp>,
}

/// Who a plan names: someone on the list, or a one-off person.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub enum PlannedPerson {
    Listed(PickupPerson),
    OneOff(OneOffPerson),
}

/// A child's planned pickup of one day.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct PickupPlan {
    pub child_id: Id,
    pub nursery_id: Id,
    pub family_id: Id,
    pub date: Date,
    /// Seconds from local midnight.
    pub time: i32,
    pub person: PlannedPerson,
    pub set_by: Id,
    pub updated_at: Timestamp,
}

impl PickupPlan {
    /// The planned person's name, listed or one-off.
    pub fn person_name(&self) -> &str {
        match &self.person {
            PlannedPerson::Listed(p) => &p.name,
            PlannedPerson::OneOff(p) => &p.name,
        }
    }

    /// Whether the nursery has confirmed the planned person.
    pub fn confirmed(&self) -> bool {
        match &self.person {
            PlannedPerson::Listed(p) => p.is_allowed(),
            PlannedPerson::OneOff(p) => p.confirmed_at.is_some(),
        }
    }
}

/// A plan set, changed, confirmed or cleared (`plan: None`), as the live event carries it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct PickupPlanChange {
    pub child_id: Id,
    pub nursery_id: Id,
    pub family_id: Id,
    pub date: Date,
    pub plan: Option<PickupPlan>,
}

/// A check-out by someone not allowed: recorded, and told to the nursery's head and staff.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct PickupWarning {
    pub id: Id,
    pub attendance_id: Id,
    pub child_id: Id,
    pub nursery_id: Id,
    pub family_id: Id,
    pub date: Date,
    pub pickup_by: Option<String>,
    pub person_id: Option<Id>,
    pub recorded_by: Id,
    pub raised_at: Timestamp,
}

/// A phone number as people write it in Japan: digits with hyphens, spaces or brackets, an
/// optional leading `+`; 10 or 11 digits nationally (0X0-XXXX-XXXX), up to 15 with `+`.
pub fn phone(field: &str, raw: &str) -> AppResult<String> {
    let value = raw.trim();
    let refuse = || AppError::bad_input(field, format!("`{field}` must be a phone number like 090-1234-5678"));
    let body = value.strip_prefix('+').unwrap_or(value);
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | ' ' | '(' | ')'))
    {
        return Err(refuse());
    }
    let digits = body.chars().filter(char::is_ascii_digit).count();
    let fits = if value.starts_with('+') {
        (8..=15).contains(&digits)
    } else {
        body.chars().find(char::is_ascii_digit) == Some('0') && (10..=11).contains(&digits)
    };
    if fits {
        Ok(value.to_owned())
    } else {
        Err(refuse())
    }
}

/// A relation to the child (祖母, おじ, シッター): a short single line.
pub fn relation(field: &str, raw: &str) -> AppResult<String> {
    let value = validate::name(field, raw)?;
    if value.chars().count() > MAX_RELATION_CHARS {
        return Err(AppError::bad_input(
            field,
            format!("`{field}` is longer than {MAX_RELATION_CHARS} characters"),
        ));
    }
    Ok(value)
}

/// A plan is for today or the coming weeks, never for a day gone by.
pub fn plan_date(field: &str, date: Date, today: Date) -> AppResult<Date> {
    if date < today {
        return Err(AppError::bad_input(field, "a pickup plan is for today or a later day"));
    }
    if date > today + Duration::days(PLAN_DAYS_AHEAD) {
        return Err(AppError::bad_input(
            field,
            format!("a pickup plan goes at most {PLAN_DAYS_AHEAD} days ahead"),
        ));
    }
    Ok(date)
}

/// The pickup time must fall within the nursery's opening hours.
pub fn pickup_time(field: &str, second: i32, hours: &NurseryHours) -> AppResult<i32> {
    if hours.within_hours(second) {
        Ok(second)
    } else {
        Err(AppError::bad_input(
            field,
            format!("`{field}` must be within the nursery's opening hours"),
        ))
    }
}

/// Names compared as staff type them: spaces of either width and letter case ignored.
pub fn same_name(a: &str, b: &str) -> bool {
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (plain(a), plain(b));
    !a.is_empty() && a == b
}

/// Who collected, as the check-out named them.
#[derive(Clone, Copy, Debug)]
pub struct Collector<'a> {
    /// Chosen from the family's list (any of its people, even one removed since).
    pub person: Option<&'a PickupPerson>,
    /// Typed by staff, or the chosen person's name.
    pub name: Option<&'a str>,
}

/// Whether the person who collected was allowed: someone on the family's list the nursery
/// confirmed (and not removed), or the day's one-off person once confirmed. `None` when the
/// check-out names nobody: there is nothing to judge (the departure itself is still told).
pub fn is_allowed(collector: Collector<'_>, list: &[PickupPerson], plan: Option<&PickupPlan>) -> Option<bool> {
    if let Some(person) = collector.person {
        // The row as it stands now (confirmed or removed since the tablet loaded the list).
        let current = list.iter().find(|p| p.id == person.id).unwrap_or(person);
        return Some(current.is_allowed());
    }
    let name = collector.name?;
    let listed = list.iter().any(|p| p.is_allowed() && same_name(&p.name, name));
    let one_off = plan.is_some_and(|plan| match &plan.person {
        PlannedPerson::OneOff(p) => p.confirmed_at.is_some() && same_name(&p.name, name),
        PlannedPerson::Listed(_) => false,
    });
    Some(listed || one_off)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    /// The instant the rows were written: only whether one is set matters to these rules.
    fn then() -> Timestamp {
        Timestamp(datetime!(2026-12-03 08:00 +09:00))
    }

    fn person(name: &str, confirmed: bool, removed: bool) -> PickupPerson {
        PickupPerson {
            id: Id::new(),
            family_id: Id::new(),
            name: name.into(),
            relation: "祖母".into(),
            phone: "090-1234-5678".into(),
            added_by: Id::new(),
            added_at: then(),
            confirmed_by: confirmed.then(Id::new),
            confirmed_at: confirmed.then(then),
            removed_at: removed.then(then),
        }
    }

    fn one_off_plan(name: &str, confirmed: bool) -> PickupPlan {
        PickupPlan {
            child_id: Id::new(),
            nursery_id: Id::new(),
            family_id: Id::new(),
            date: date!(2026 - 12 - 03),
            time: 17 * 3600,
            person: PlannedPerson::OneOff(OneOffPerson {
                name: name.into(),
                relation: "おじ".into(),
                phone: "080-1111-2222".into(),
                confirmed_by: confirmed.then(Id::new),
                confirmed_at: confirmed.then(then),
            }),
            set_by: Id::new(),
            updated_at: then(),
        }
    }

    fn by_name(name: &str) -> Collector<'_> {
        Collector {
            person: None,
            name: Some(name),
        }
    }

    #[test]
    fn a_confirmed_listed_person_is_allowed_an_unconfirmed_or_removed_one_is_not() {
        let grandma = person("佐藤 花子", true, false);
        let uncle = person("佐藤 次郎", false, false);
        let gone = person("山田 一郎", true, true);
        let list = vec![grandma.clone(), uncle.clone(), gone.clone()];
        let chosen = |p| Collector {
            person: Some(p),
            name: None,
        };
        assert_eq!(is_allowed(chosen(&grandma), &list, None), Some(true));
        assert_eq!(is_allowed(chosen(&uncle), &list, None), Some(false));
        assert_eq!(is_allowed(chosen(&gone), &list, None), Some(false));
        // Typed rather than chosen: the same person, spaces and width aside.
        assert_eq!(is_allowed(by_name("佐藤　花子"), &list, None), Some(true));
        assert_eq!(is_allowed(by_name("佐藤花子"), &list, None), Some(true));
        assert_eq!(is_allowed(by_name("佐藤 次郎"), &list, None), Some(false));
        assert_eq!(is_allowed(by_name("知らない人"), &list, None), Some(false));
        assert_eq!(
            is_allowed(
                Collector {
                    person: None,
                    name: None
                },
                &list,
                None
            ),
            None,
            "nobody named: nothing to judge"
        );
    }

    #[test]
    fn the_days_one_off_person_is_allowed_once_confirmed() {
        assert_eq!(
            is_allowed(by_name("田中 三郎"), &[], Some(&one_off_plan("田中 三郎", true))),
            Some(true)
        );
        assert_eq!(
            is_allowed(by_name("田中 三郎"), &[], Some(&one_off_plan("田中 三郎", false))),
            Some(false)
        );
        assert_eq!(
            is_allowed(by_name("別の人"), &[], Some(&one_off_plan("田中 三郎", true))),
            Some(false)
        );
    }

    #[test]
    fn pickup_times_are_within_opening_hours() {
        let hours = NurseryHours::default();
        assert_eq!(pickup_time("time", 17 * 3600, &hours).unwrap(), 17 * 3600);
        assert!(pickup_time("time", 19 * 3600, &hours).is_ok(), "closing time itself");
        for outside in [6 * 3600 + 59 * 60, 19 * 3600 + 60, 22 * 3600] {
            match pickup_time("time", outside, &hours) {
                Err(AppError::BadInput { field, .. }) => assert_eq!(field, "time"),
                other => panic!("{outside}: {other:?}"),
            }
        }
    }

    #[test]
    fn plans_are_for_today_or_the_coming_weeks() {
        let today = date!(2026 - 12 - 03);
        assert!(plan_date("date", today, today).is_ok());
        assert!(plan_date("date", date!(2026 - 12 - 20), today).is_ok());
        assert!(plan_date("date", date!(2026 - 12 - 02), today).is_err());
        assert!(plan_date("date", date!(2027 - 02 - 01), today).is_err());
    }

    #[test]
    fn phone_numbers_as_written_in_japan() {
        for ok in [
            "090-1234-5678",
            "09012345678",
            "03-1234-5678",
            "0246 22 1111",
            "+81 90 1234 5678",
            "(0246)22-1111",
        ] {
            assert!(phone("phone", ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "1234",
            "090-123-45",
            "090-1234-56789-0",
            "電話",
            "090-1234-5678 内線",
            "81-90-1234-5678",
        ] {
            match phone("phone", bad) {
                Err(AppError::BadInput { field, .. }) => assert_eq!(field, "phone"),
                other => panic!("{bad}: {other:?}"),
            }
        }
        assert!(relation("relation", "祖母").is_ok());
        assert!(relation("relation", &"あ".repeat(31)).is_err());
    }
}
