//! What both watches of the day (登園確認 and 降園確認) start from on each tick: every nursery
//! open today at its own clock, with its hours and the second of its local day. Read once per
//! tick — the nurseries and the day's calendar exceptions — and filtered by each watch's rule.

use std::collections::HashMap;

use time::Date;

use crate::domain::calendar::{offset_from_minutes, LocalDay};
use crate::domain::safety::arrival::local_clock;
use crate::domain::safety::opening::{day_status, NurseryHours};
use crate::domain::{Id, Timestamp};
use crate::error::AppResult;
use crate::service::Services;

/// One local day at one clock, and the nurseries open on it.
pub struct OpenDay {
    pub date: Date,
    pub day: LocalDay,
    /// Seconds since local midnight at the tick.
    pub second: i32,
    pub nurseries: Vec<(Id, NurseryHours)>,
}

impl OpenDay {
    /// The nurseries for which `due(second, hours)` holds now.
    pub fn due(&self, due: impl Fn(i32, &NurseryHours) -> bool) -> Vec<(Id, NurseryHours)> {
        self.nurseries
            .iter()
            .filter(|(_, hours)| due(self.second, hours))
            .cloned()
            .collect()
    }
}

/// The nurseries open today at `now`, by local day.
pub async fn open_today(svc: &Services, now: Timestamp) -> AppResult<Vec<OpenDay>> {
    let mut by_offset: HashMap<i32, Vec<(Id, NurseryHours)>> = HashMap::new();
    for nursery in svc.store.watched_nurseries().await? {
        by_offset
            .entry(nursery.utc_offset_minutes)
            .or_default()
            .push((nursery.id, nursery.hours.unwrap_or_default()));
    }
    let mut days = Vec::new();
    for (minutes, nurseries) in by_offset {
        let offset = offset_from_minutes(minutes);
        let (date, second) = local_clock(now, offset);
        let exceptions = svc.store.calendar_exceptions(date).await?;
        let open: Vec<(Id, NurseryHours)> = nurseries
            .into_iter()
            .filter(|(id, hours)| day_status(date, hours, exceptions.get(id).copied()).is_open())
            .collect();
        if !open.is_empty() {
            days.push(OpenDay {
                date,
                day: LocalDay::new(date, offset),
                second,
                nurseries: open,
            });
        }
    }
    Ok(days)
}
