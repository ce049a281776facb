//! Nobody left behind (降園確認): from the nursery's closing time, every child checked in and
//! not checked out is alerted to the nursery's staff and head, and alerted again at a set
//! interval, until the check-out comes or staff explain why the child is still there (a
//! parent on the way, extended care). Which checks to raise, end and repeat at a moment is
//! decided here, from what the store read; the service applies the plan in one unit of work.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use time::Date;

use super::opening::NurseryHours;
use crate::domain::{Id, Timestamp};

/// How an open check ended: the child was checked out, or staff explained it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum DepartureCheckResolution {
    CheckedOut,
    Explained,
}

/// One child's left-behind check of one day: open until `resolution` is set.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct DepartureCheck {
    pub id: Id,
    pub child_id: Id,
    pub nursery_id: Id,
    pub date: Date,
    pub raised_at: Timestamp,
    /// When staff were last alerted (the raise, then each repeat).
    pub alerted_at: Timestamp,
    /// How many times staff have been alerted: 1 at the raise.
    pub alerts: i32,
    pub resolution: Option<DepartureCheckResolution>,
    pub resolved_at: Option<Timestamp>,
    pub resolved_by: Option<Id>,
    pub note: Option<String>,
}

/// A child whose standing check-in of the day has no check-out after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StillHere {
    pub child_id: Id,
    pub nursery_id: Id,
}

/// From closing time to the end of the local day (an open day: the caller asks the calendar).
pub fn departure_check_is_due(second_of_day: i32, hours: &NurseryHours) -> bool {
    second_of_day >= hours.closes_at
}

/// What one round of the watch does at `now`.
#[derive(Debug, Default, PartialEq)]
pub struct DeparturePlan {
    /// Children still here with no check yet today.
    pub raise: Vec<StillHere>,
    /// Open checks whose child has since been checked out.
    pub end: Vec<DepartureCheck>,
    /// Open checks of children still here, last alerted at least `repeat_every` ago.
    pub repeat: Vec<DepartureCheck>,
}

impl DeparturePlan {
    pub fn is_empty(&self) -> bool {
        self.raise.is_empty() && self.end.is_empty() && self.repeat.is_empty()
    }
}

/// The round's plan: `still_here` are the children of the due nurseries not checked out,
/// `checks` the day's checks of those nurseries (open or not: a child whose check staff
/// explained is not raised again that day).
pub fn plan_departure_round(
    still_here: Vec<StillHere>,
    checks: Vec<DepartureCheck>,
    now: Timestamp,
    repeat_every: time::Duration,
) -> DeparturePlan {
    let present: HashSet<Id> = still_here.iter().map(|c| c.child_id).collect();
    let checked: HashSet<Id> = checks.iter().map(|c| c.child_id).collect();
    let mut plan = DeparturePlan::default();
    let mut raised = HashSet::new();
    for child in still_here {
        if !checked.contains(&child.child_id) && raised.insert(child.child_id) {
            plan.raise.push(child);
        }
    }
    for check in checks.into_iter().filter(|c| c.resolution.is_none()) {
        if !present.contains(&check.child_id) {
            plan.end.push(check);
        } else if now.0 - check.alerted_at.0 >= repeat_every {
            plan.repeat.push(check);
        }
    }
    plan
}

/// The staff's notification: the child's given name and that they are still here, at the
/// nursery's local time (staff read it in Japanese; the nursery's language).
pub fn departure_check_text(given_name: &str, clock: &str) -> (&'static str, String) {
    (
        "降園確認",
        format!("{given_name}ちゃんがまだ降園していません（{clock}）"),
    )
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;

    fn at(t: time::OffsetDateTime) -> Timestamp {
        Timestamp(t)
    }

    fn check(child_id: Id, alerted_at: Timestamp, resolution: Option<DepartureCheckResolution>) -> DepartureCheck {
        DepartureCheck {
            id: Id::new(),
            child_id,
            nursery_id: Id::new(),
            date: date!(2026 - 12 - 03),
            raised_at: alerted_at,
            alerted_at,
            alerts: 1,
            resolution,
            resolved_at: None,
            resolved_by: None,
            note: None,
        }
    }

    #[test]
    fn the_check_runs_from_closing_to_the_end_of_the_day() {
        let hours = NurseryHours::default();
        assert!(!departure_check_is_due(19 * 3600 - 1, &hours));
        assert!(departure_check_is_due(19 * 3600, &hours));
        assert!(departure_check_is_due(23 * 3600 + 59 * 60, &hours));
    }

    #[test]
    fn a_child_still_here_is_raised_once_and_repeated_after_the_interval() {
        let nursery = Id::new();
        let (here, gone, explained) = (Id::new(), Id::new(), Id::new());
        let raised_at = at(datetime!(2026-12-03 10:00 UTC));
        let still_here = |ids: &[Id]| {
            ids.iter()
                .map(|&child_id| StillHere {
                    child_id,
                    nursery_id: nursery,
                })
                .collect::<Vec<_>>()
        };
        let every = time::Duration::minutes(15);

        let first = plan_departure_round(still_here(&[here, here]), vec![], raised_at, every);
        assert_eq!(first.raise.len(), 1, "one check per child, whatever the rows");
        assert!(first.end.is_empty() && first.repeat.is_empty());

        let open = check(here, raised_at, None);
        let early = plan_departure_round(
            still_here(&[here]),
            vec![open.clone()],
            at(datetime!(2026-12-03 10:14:59 UTC)),
            every,
        );
        assert!(early.is_empty(), "nothing before the interval: {early:?}");
        let due = plan_departure_round(
            still_here(&[here]),
            vec![open.clone()],
            at(datetime!(2026-12-03 10:15 UTC)),
            every,
        );
        assert_eq!(due.repeat, vec![open.clone()]);

        // Checked out: the open check ends; explained: never raised again that day.
        let gone_check = check(gone, raised_at, None);
        let explained_check = check(explained, raised_at, Some(DepartureCheckResolution::Explained));
        let later = plan_departure_round(
            still_here(&[explained]),
            vec![gone_check.clone(), explained_check],
            at(datetime!(2026-12-03 11:00 UTC)),
            every,
        );
        assert_eq!(later.end, vec![gone_check]);
        assert!(later.raise.is_empty() && later.repeat.is_empty(), "{later:?}");
    }

    #[test]
    fn the_notification_names_the_child_and_the_time_only() {
        let (title, body) = departure_check_text("はると", "19:15");
        assert_eq!(title, "降園確認");
        assert_eq!(body, "はるとちゃんがまだ降園していません（19:15）");
    }
}
