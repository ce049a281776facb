//! Municipal oversight: the figures reports are made of (counts only, never a child), the
//! infection-surveillance rule and the alerts it raises, and what the audit trail records.

use serde::{Deserialize, Serialize};
use time::{Date, Duration};

use super::{Id, Symptom, Timestamp};

/// Counts for one age band (or a whole nursery) on one day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DayCounts {
    pub enrolled: i64,
    pub present: i64,
    pub absent: i64,
    pub late: i64,
}

impl DayCounts {
    pub fn add(&mut self, other: &DayCounts) {
        self.enrolled += other.enrolled;
        self.present += other.present;
        self.absent += other.absent;
        self.late += other.late;
    }
}

/// One nursery's day: a day the nursery was open (anyone arrived or was reported absent).
#[derive(Clone, Debug, PartialEq)]
pub struct NurseryDay {
    pub nursery_id: Id,
    pub date: Date,
    /// By the classroom's age band (0–5), ascending; bands with no enrolled child are left out.
    pub bands: Vec<(i32, DayCounts)>,
    /// Children absent with each symptom (a child with two symptoms counts under both).
    pub symptoms: Vec<(Symptom, i64)>,
    pub nap_checks_required: i64,
    pub nap_checks_on_time: i64,
    pub classrooms: i64,
    pub diaries_approved: i64,
}

impl NurseryDay {
    pub fn totals(&self) -> DayCounts {
        let mut totals = DayCounts::default();
        for (_, counts) in &self.bands {
            totals.add(counts);
        }
        totals
    }
}

/// Absences with one symptom in one classroom on one day: what infection surveillance watches.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassroomSymptomDay {
    pub nursery_id: Id,
    pub classroom_id: Id,
    pub classroom_name: String,
    pub age_band: i32,
    pub date: Date,
    pub symptom: Symptom,
    pub children: i64,
}

/// When absences with one symptom in one classroom become a cluster worth an alert.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InfectionRule {
    pub min_children: i64,
    pub window_days: i64,
}

impl Default for InfectionRule {
    /// The usual health-centre rule: three children of one classroom within three days.
    fn default() -> Self {
        InfectionRule {
            min_children: 3,
            window_days: 3,
        }
    }
}

impl InfectionRule {
    /// The window of `window_days` consecutive days containing `date` in which the most
    /// distinct children were absent (earliest such window on a tie), with that count, when it
    /// reaches `min_children`. `absences` are `(child, date)` pairs of one classroom and symptom.
    pub fn cluster_around(&self, date: Date, absences: &[(Id, Date)]) -> Option<(Date, Date, i64)> {
        let span = Duration::days(self.window_days - 1);
        let mut best: Option<(Date, Date, i64)> = None;
        for offset in (0..self.window_days).rev() {
            let start = date - Duration::days(offset);
            let end = start + span;
            let mut children: Vec<Id> = absences
                .iter()
                .filter(|(_, day)| *day >= start && *day <= end)
                .map(|(child, _)| *child)
                .collect();
            children.sort();
            children.dedup();
            let count = children.len() as i64;
            if best.is_none_or(|(_, _, most)| count > most) {
                best = Some((start, end, count));
            }
        }
        best.filter(|(_, _, count)| *count >= self.min_children)
    }

    /// The dates whose absences can fall in a window containing `date`.
    pub fn reach(&self, date: Date) -> (Date, Date) {
        let span = Duration::days(self.window_days - 1);
        (date - span, date + span)
    }
}

/// A cluster of absences with one symptom in one classroom, kept and delivered live to the
/// municipality's officers and the nursery's head. Counts only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InfectionAlert {
    pub id: Id,
    pub municipality_id: Id,
    pub nursery_id: Id,
    pub classroom_id: Id,
    pub classroom_name: String,
    pub symptom: Symptom,
    pub window_start: Date,
    pub window_end: Date,
    pub children: i64,
    pub rule: InfectionRule,
    pub raised_at: Timestamp,
}

/// Counts for one age band as released to a reader: each count, or `None` where it is withheld
/// because it could single out a child.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReleasedBand {
    pub age_band: i32,
    pub enrolled: Option<i64>,
    pub present: Option<i64>,
    pub absent: Option<i64>,
    pub late: Option<i64>,
}

impl ReleasedBand {
    pub fn suppressed(&self) -> bool {
        [self.enrolled, self.present, self.absent, self.late].contains(&None)
    }
}

/// Small-count suppression, as statistics offices publish tables (秘匿): which cells of a
/// group to withhold. Primary: every count from 1 to below `threshold` (zero singles nobody
/// out). Secondary: when exactly one cell of the group is withheld, the group's published
/// total minus the other cells would give it back, so the smallest other cell goes too.
/// A `threshold` of 1 or less withholds nothing.
pub fn cells_to_withhold(cells: &[i64], threshold: i64) -> Vec<bool> {
    let small = |count: i64| count > 0 && count < threshold;
    let mut withheld: Vec<bool> = cells.iter().map(|c| small(*c)).collect();
    secondary(cells, &mut withheld);
    withheld
}

/// Adds the secondary cell when exactly one of the group is withheld and another exists.
fn secondary(cells: &[i64], withheld: &mut [bool]) {
    if withheld.iter().filter(|w| **w).count() != 1 {
        return;
    }
    let smallest_other = (0..cells.len())
        .filter(|i| !withheld[*i])
        .min_by_key(|i| (cells[*i], *i));
    if let Some(i) = smallest_other {
        withheld[i] = true;
    }
}

/// An age-band breakdown as released to a reader who may not see small counts (`threshold`
/// from configuration; 0 for those who run the nursery, who see everything). A band with
/// fewer children enrolled than the threshold is withheld whole (any count of it is small);
/// otherwise each small count, and `present` when the children not present are few (enrolled
/// minus present would give them away). Each column then gets secondary suppression against
/// the nursery's total, which stays published.
pub fn release_bands(bands: &[(i32, DayCounts)], threshold: i64) -> Vec<ReleasedBand> {
    let small = |count: i64| count > 0 && count < threshold;
    let columns: [fn(&DayCounts) -> i64; 4] = [|c| c.enrolled, |c| c.present, |c| c.absent, |c| c.late];
    let mut withheld = vec![[false; 4]; bands.len()];
    for (row, (_, counts)) in bands.iter().enumerate() {
        if small(counts.enrolled) {
            withheld[row] = [true; 4];
            continue;
        }
        for (column, value) in columns.iter().enumerate() {
            withheld[row][column] = small(value(counts));
        }
        withheld[row][1] |= small(counts.enrolled - counts.present);
    }
    for (column, value) in columns.iter().enumerate() {
        let cells: Vec<i64> = bands.iter().map(|(_, c)| value(c)).collect();
        let mut in_column: Vec<bool> = withheld.iter().map(|row| row[column]).collect();
        secondary(&cells, &mut in_column);
        for (row, flag) in in_column.into_iter().enumerate() {
            withheld[row][column] = flag;
        }
    }
    bands
        .iter()
        .zip(withheld)
        .map(|((band, c), w)| {
            let keep = |value: i64, withhold: bool| (!withhold).then_some(value);
            ReleasedBand {
                age_band: *band,
                enrolled: keep(c.enrolled, w[0]),
                present: keep(c.present, w[1]),
                absent: keep(c.absent, w[2]),
                late: keep(c.late, w[3]),
            }
        })
        .collect()
}

/// Classroom rows of infection surveillance as released: each row's count, or `None` when
/// withheld. A nursery's day and symptom form a group (their sum is the nursery's published
/// count of that symptom), suppressed as `cells_to_withhold` says.
pub fn release_classroom_counts(rows: &[ClassroomSymptomDay], threshold: i64) -> Vec<Option<i64>> {
    use std::collections::BTreeMap;
    let mut groups: BTreeMap<(Id, Date, Symptom), Vec<usize>> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        groups
            .entry((row.nursery_id, row.date, row.symptom))
            .or_default()
            .push(i);
    }
    let mut released: Vec<Option<i64>> = rows.iter().map(|r| Some(r.children)).collect();
    for members in groups.values() {
        let cells: Vec<i64> = members.iter().map(|i| rows[*i].children).collect();
        for (i, withhold) in members.iter().zip(cells_to_withhold(&cells, threshold)) {
            if withhold {
                released[*i] = None;
            }
        }
    }
    released
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum AuditAccess {
    Read,
    Write,
}

/// One line of the audit trail: who, when, what operation on which entities, from where.
/// Never the content of what was read or written.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditEntry {
    pub id: i64,
    pub at: Timestamp,
    pub actor_id: Option<Id>,
    pub access: AuditAccess,
    pub operation: String,
    pub nursery_id: Option<Id>,
    pub entity_ids: Vec<Id>,
    pub client_addr: Option<String>,
}

#[cfg(test)]
mod suppression_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn absences(days: &[Date]) -> Vec<(Id, Date)> {
        days.iter().map(|day| (Id::new(), *day)).collect()
    }

    #[test]
    fn three_children_within_three_days_make_a_cluster() {
        let rule = InfectionRule::default();
        let seen = absences(&[date!(2026 - 11 - 02), date!(2026 - 11 - 03)]);
        assert_eq!(rule.cluster_around(date!(2026 - 11 - 03), &seen), None);
        let mut seen = seen;
        seen.push((Id::new(), date!(2026 - 11 - 04)));
        assert_eq!(
            rule.cluster_around(date!(2026 - 11 - 04), &seen),
            Some((date!(2026 - 11 - 02), date!(2026 - 11 - 04), 3))
        );
    }

    #[test]
    fn absences_four_days_apart_are_not_a_cluster() {
        let rule = InfectionRule::default();
        let seen = absences(&[date!(2026 - 11 - 02), date!(2026 - 11 - 03), date!(2026 - 11 - 05)]);
        assert_eq!(rule.cluster_around(date!(2026 - 11 - 05), &seen), None);
    }

    #[test]
    fn one_child_absent_on_several_days_counts_once() {
        let rule = InfectionRule::default();
        let child = Id::new();
        let seen = vec![
            (child, date!(2026 - 11 - 02)),
            (child, date!(2026 - 11 - 03)),
            (Id::new(), date!(2026 - 11 - 03)),
        ];
        assert_eq!(rule.cluster_around(date!(2026 - 11 - 03), &seen), None);
    }

    #[test]
    fn a_late_report_for_an_earlier_day_completes_a_cluster() {
        let rule = InfectionRule {
            min_children: 2,
            window_days: 2,
        };
        let seen = absences(&[date!(2026 - 11 - 10), date!(2026 - 11 - 09)]);
        assert_eq!(
            rule.cluster_around(date!(2026 - 11 - 09), &seen),
            Some((date!(2026 - 11 - 09), date!(2026 - 11 - 10), 2))
        );
        assert_eq!(
            rule.reach(date!(2026 - 11 - 09)),
            (date!(2026 - 11 - 08), date!(2026 - 11 - 10))
        );
    }
}
