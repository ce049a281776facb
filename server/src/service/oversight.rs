//! Infection surveillance for the municipality: the cluster rule (the municipality's own, else
//! the configured default), the alerts kept, and their live delivery to the municipality's
//! officers and each nursery's head.

use std::sync::Arc;

use futures::Stream;
use time::Date;

use super::reports::ReportScope;
use super::Services;
use crate::domain::*;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::store::{ChildFilter, EntityRef, EventFilter};

/// Bounds of a rule: a cluster is at least two children, within at most two weeks.
const MIN_CHILDREN: std::ops::RangeInclusive<i64> = 2..=50;
const WINDOW_DAYS: std::ops::RangeInclusive<i64> = 1..=14;

/// The rule the municipality's absence reports are checked against.
pub async fn infection_rule(svc: &Services, municipality_id: Id) -> AppResult<InfectionRule> {
    Ok(svc
        .store
        .infection_rule(municipality_id)
        .await?
        .unwrap_or(InfectionRule {
            min_children: svc.config.infection_min_children,
            window_days: svc.config.infection_window_days,
        }))
}

/// The rule, for someone who may read the municipality's reports.
pub async fn read_infection_rule(svc: &Services, actor: &Actor, municipality_id: &str) -> AppResult<InfectionRule> {
    let municipality_id = validate::id("municipalityId", municipality_id)?;
    let scope = svc.scope(EntityRef::Municipality(municipality_id)).await?;
    let nurseries: Vec<Id> = svc
        .store
        .nurseries_of_municipality(municipality_id)
        .await?
        .into_iter()
        .map(|n| n.id)
        .collect();
    actor.nurseries_within(Action::ReadReports, municipality_id, &nurseries)?;
    infection_rule(svc, scope.municipality.unwrap_or(municipality_id)).await
}

pub async fn set_infection_rule(
    svc: &Services,
    actor: &Actor,
    municipality_id: &str,
    min_children: i64,
    window_days: i64,
) -> AppResult<InfectionRule> {
    let municipality_id = validate::id("municipalityId", municipality_id)?;
    let scope = svc.scope(EntityRef::Municipality(municipality_id)).await?;
    actor.authorize(Action::ConfigureSurveillance, &scope)?;
    if !MIN_CHILDREN.contains(&min_children) {
        return Err(AppError::bad_input(
            "minChildren",
            format!("between {} and {} children", MIN_CHILDREN.start(), MIN_CHILDREN.end()),
        ));
    }
    if !WINDOW_DAYS.contains(&window_days) {
        return Err(AppError::bad_input(
            "windowDays",
            format!("between {} and {} days", WINDOW_DAYS.start(), WINDOW_DAYS.end()),
        ));
    }
    let rule = InfectionRule {
        min_children,
        window_days,
    };
    svc.store
        .set_infection_rule(municipality_id, rule, actor.user.id)
        .await?;
    Ok(rule)
}

/// Alerts of the scope's nurseries whose window overlaps the scope's dates.
pub async fn infection_alerts(svc: &Services, scope: &ReportScope) -> AppResult<Vec<InfectionAlert>> {
    Ok(svc
        .store
        .infection_alerts(&scope.nursery_ids(), scope.from, scope.to)
        .await?)
}

/// New alerts as they are raised, in the municipality's nurseries the caller may report on
/// (officers: all of them at the time of subscribing; a nursery head: their own).
pub async fn subscribe_infection_alerts(
    svc: &Services,
    actor: &Actor,
    from: crate::domain::Position,
    municipality_id: &str,
) -> AppResult<impl Stream<Item = AppResult<Arc<LogEntry>>> + Send + 'static> {
    let now = from;
    let today = svc.clock.now().local_date(time::UtcOffset::UTC);
    let scope = super::reports::report_scope(svc, actor, municipality_id, None, today, today).await?;
    if scope.nurseries.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(svc.bus.subscribe(
        EventFilter {
            kinds: vec![EventKind::InfectionAlert],
            scope: ChildFilter {
                nurseries: scope.nursery_ids(),
                families: Vec::new(),
            },
        },
        Some(now),
    ))
}

/// Checks a `from..=to` pair for alert listings, defaulting to the 30 days before `now`.
pub fn alert_dates(now: Timestamp, from: Option<Date>, to: Option<Date>) -> (Date, Date) {
    let today = now.local_date(time::UtcOffset::UTC);
    let to = to.unwrap_or(today);
    (from.unwrap_or(to - time::Duration::days(30)), to)
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;
    use crate::clock::{Clock, ManualClock};

    #[test]
    fn alert_listings_default_to_the_thirty_days_before_the_clock() {
        // 08:00 on 1 April in Japan is still 31 March in UTC, the calendar these dates use.
        let clock = ManualClock::at(datetime!(2026-04-01 08:00 +09:00));
        assert_eq!(
            alert_dates(clock.now(), None, None),
            (date!(2026 - 03 - 01), date!(2026 - 03 - 31))
        );
        clock.advance(time::Duration::hours(1));
        assert_eq!(alert_dates(clock.now(), None, None).1, date!(2026 - 04 - 01));
        assert_eq!(
            alert_dates(clock.now(), Some(date!(2026 - 01 - 05)), None),
            (date!(2026 - 01 - 05), date!(2026 - 04 - 01))
        );
    }
}
