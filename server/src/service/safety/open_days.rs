//! The reports' open days follow the calendar (issue 18): once a day has ended, each nursery's
//! open days are recorded (`nursery_open_days`), so that an open day nobody came to still counts
//! its enrolled children, and a closed day counts only if something happened on it. Run by the
//! safety watch every few minutes; a week back, so a server that was down catches up.

use std::collections::HashMap;

use time::Date;

use crate::domain::calendar::offset_from_minutes;
use crate::domain::safety::opening::{day_status, ended_open_days};
use crate::domain::{Id, Timestamp};
use crate::error::AppResult;
use crate::service::Services;

/// How far back each run looks.
const LOOKBACK_DAYS: i64 = 7;

/// Records the ended open days of every nursery at `now`: how many were considered.
pub async fn record_ended_days(svc: &Services, now: Timestamp) -> AppResult<usize> {
    let mut exceptions: HashMap<Date, HashMap<Id, bool>> = HashMap::new();
    let mut days = Vec::new();
    for nursery in svc.store.watched_nurseries().await? {
        let offset = offset_from_minutes(nursery.utc_offset_minutes);
        let today = now.local_date(offset);
        let hours = nursery.hours.unwrap_or_default();
        let first = today - time::Duration::days(LOOKBACK_DAYS);
        let mut date = first;
        while date < today {
            if !exceptions.contains_key(&date) {
                exceptions.insert(date, svc.store.calendar_exceptions(date).await?);
            }
            date = date.next_day().unwrap_or(today);
        }
        let open = ended_open_days(today, nursery.created_at.local_date(offset), LOOKBACK_DAYS, |date| {
            day_status(
                date,
                &hours,
                exceptions.get(&date).and_then(|e| e.get(&nursery.id)).copied(),
            )
        });
        days.extend(open.into_iter().map(|date| (nursery.id, date)));
    }
    if days.is_empty() {
        return Ok(0);
    }
    let mut unit = svc.store.begin_unit().await?;
    unit.record_open_days(&days).await?;
    unit.commit().await?;
    Ok(days.len())
}
