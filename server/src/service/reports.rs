//! Municipal reports: per nursery per day (enrolled, present, absent, late, absences by
//! symptom, by age band, nap-check compliance, approved diaries), the same summed over a
//! period, absences by classroom and symptom for infection surveillance, and the CSV export.
//! Officers get counts only; no child-level row ever leaves this module.

pub mod csv;

use time::Date;

use super::Services;
use crate::domain::*;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::store::EntityRef;

/// What a report covers: the nurseries the caller may report on, and the dates.
#[derive(Clone, Debug)]
pub struct ReportScope {
    pub nurseries: Vec<Nursery>,
    pub from: Date,
    pub to: Date,
    /// The nurseries whose figures the caller sees exactly (those they run).
    pub exact: Vec<Id>,
    /// Below this, counts of others' breakdowns are withheld.
    pub small_count_threshold: i64,
}

impl ReportScope {
    pub fn nursery_ids(&self) -> Vec<Id> {
        self.nurseries.iter().map(|n| n.id).collect()
    }

    pub fn nursery(&self, id: Id) -> Option<&Nursery> {
        self.nurseries.iter().find(|n| n.id == id)
    }

    /// The threshold below which the nursery's breakdown counts are withheld from the
    /// caller: none (0) for its head, the configured one for officers and everyone else.
    pub fn withhold_below(&self, nursery_id: Id) -> i64 {
        if self.exact.contains(&nursery_id) {
            0
        } else {
            self.small_count_threshold
        }
    }
}

/// The municipality's nurseries the caller may report on (officers: all; a nursery head: their
/// own), optionally narrowed to one.
pub async fn report_scope(
    svc: &Services,
    actor: &Actor,
    municipality_id: &str,
    nursery_id: Option<&str>,
    from: Date,
    to: Date,
) -> AppResult<ReportScope> {
    let municipality_id = validate::id("municipalityId", municipality_id)?;
    let only = nursery_id.map(|id| validate::id("nurseryId", id)).transpose()?;
    let (from, to) = validate::date_range(from, to)?;
    svc.scope(EntityRef::Municipality(municipality_id)).await?;
    let all = svc.store.nurseries_of_municipality(municipality_id).await?;
    let ids: Vec<Id> = all.iter().map(|n| n.id).collect();
    let allowed = actor.nurseries_within(Action::ReadReports, municipality_id, &ids)?;
    let mut nurseries: Vec<Nursery> = all.into_iter().filter(|n| allowed.contains(&n.id)).collect();
    if let Some(only) = only {
        nurseries.retain(|n| n.id == only);
        if nurseries.is_empty() {
            return Err(AppError::NotFound);
        }
    }
    let exact = nurseries
        .iter()
        .filter(|n| {
            let scope = Scope {
                municipality: Some(municipality_id),
                nursery: Some(n.id),
                ..Scope::default()
            };
            actor.may(Action::ReadExactFigures, &scope)
        })
        .map(|n| n.id)
        .collect();
    Ok(ReportScope {
        nurseries,
        from,
        to,
        exact,
        small_count_threshold: svc.config.small_count_threshold,
    })
}

/// One row per nursery per open day, by date then nursery name.
pub async fn nursery_days(svc: &Services, scope: &ReportScope) -> AppResult<Vec<NurseryDay>> {
    let mut days = svc
        .store
        .nursery_days(&scope.nursery_ids(), scope.from, scope.to)
        .await?;
    let name = |id: Id| scope.nursery(id).map(|n| n.name.clone()).unwrap_or_default();
    days.sort_by_key(|day| (day.date, name(day.nursery_id)));
    Ok(days)
}

/// A nursery's figures summed over the period's open days.
#[derive(Clone, Debug, PartialEq)]
pub struct NurseryPeriod {
    pub nursery_id: Id,
    pub open_days: i64,
    /// Child-days: each day's counts added up.
    pub totals: DayCounts,
    pub bands: Vec<(i32, DayCounts)>,
    pub symptoms: Vec<(Symptom, i64)>,
    pub nap_checks_required: i64,
    pub nap_checks_on_time: i64,
    pub classroom_days: i64,
    pub diaries_approved: i64,
}

/// Sums nursery days into one summary per nursery of the scope (nurseries with no open day
/// get a summary of zeros), in the scope's order.
pub fn periods(scope: &ReportScope, days: &[NurseryDay]) -> Vec<NurseryPeriod> {
    use std::collections::BTreeMap;
    scope
        .nurseries
        .iter()
        .map(|nursery| {
            let mut bands: BTreeMap<i32, DayCounts> = BTreeMap::new();
            let mut symptoms: BTreeMap<Symptom, i64> = BTreeMap::new();
            let mut period = NurseryPeriod {
                nursery_id: nursery.id,
                open_days: 0,
                totals: DayCounts::default(),
                bands: Vec::new(),
                symptoms: Vec::new(),
                nap_checks_required: 0,
                nap_checks_on_time: 0,
                classroom_days: 0,
                diaries_approved: 0,
            };
            for day in days.iter().filter(|d| d.nursery_id == nursery.id) {
                period.open_days += 1;
                period.totals.add(&day.totals());
                for (band, counts) in &day.bands {
                    bands.entry(*band).or_default().add(counts);
                }
                for (symptom, count) in &day.symptoms {
                    *symptoms.entry(*symptom).or_default() += count;
                }
                period.nap_checks_required += day.nap_checks_required;
                period.nap_checks_on_time += day.nap_checks_on_time;
                period.classroom_days += day.classrooms;
                period.diaries_approved += day.diaries_approved;
            }
            period.bands = bands.into_iter().collect();
            period.symptoms = symptoms.into_iter().collect();
            period
        })
        .collect()
}

/// Classroom rows with each count as released to the caller (`None`: withheld as small).
pub async fn classroom_symptom_days(
    svc: &Services,
    scope: &ReportScope,
) -> AppResult<Vec<(ClassroomSymptomDay, Option<i64>)>> {
    let rows = svc
        .store
        .classroom_symptom_days(&scope.nursery_ids(), scope.from, scope.to)
        .await?;
    // Nurseries differ in what the caller may see exactly; each is released on its own.
    let mut by_nursery: std::collections::HashMap<Id, Vec<usize>> = std::collections::HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        by_nursery.entry(row.nursery_id).or_default().push(i);
    }
    let mut released = vec![None; rows.len()];
    for (nursery_id, members) in by_nursery {
        let own: Vec<ClassroomSymptomDay> = members.iter().map(|i| rows[*i].clone()).collect();
        let counts = release_classroom_counts(&own, scope.withhold_below(nursery_id));
        for (i, count) in members.into_iter().zip(counts) {
            released[i] = count;
        }
    }
    Ok(rows.into_iter().zip(released).collect())
}

/// `part / whole`, or nothing when there is no whole.
pub fn rate(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}
