//! A nursery's calendar: its week and hours with the times of the not-yet-arrived check, the
//! head's closures and special open days, and the status of each day (public holidays and the
//! new year closed unless opened).

use time::Date;

use super::planned_audit;
use crate::domain::safety::opening::{day_status, DayStatus, NurseryHours};
use crate::domain::*;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::service::Services;
use crate::store::EntityRef;

/// The longest span of days one calendar read covers.
const MAX_CALENDAR_DAYS: i64 = 400;

/// One day of a nursery's calendar.
#[derive(Clone, Debug)]
pub struct CalendarDay {
    pub date: Date,
    pub status: DayStatus,
    /// The head's note on a closure or special day.
    pub note: Option<String>,
}

#[derive(Clone, Debug)]
pub struct NurseryCalendar {
    pub nursery_id: Id,
    pub hours: NurseryHours,
    pub days: Vec<CalendarDay>,
}

/// The nursery's hours: the head's, else the defaults.
pub async fn hours_of(svc: &Services, nursery_id: Id) -> AppResult<NurseryHours> {
    Ok(svc.store.nursery_hours(nursery_id).await?.unwrap_or_default())
}

/// Whether the nursery is open on `date`.
pub async fn is_open(svc: &Services, nursery_id: Id, date: Date) -> AppResult<bool> {
    let hours = hours_of(svc, nursery_id).await?;
    let exception = svc
        .store
        .calendar_days(nursery_id, date, date)
        .await?
        .first()
        .map(|(_, open, _)| *open);
    Ok(day_status(date, &hours, exception).is_open())
}

pub async fn nursery_calendar(
    svc: &Services,
    actor: &Actor,
    nursery_id: &str,
    from: Date,
    to: Date,
) -> AppResult<NurseryCalendar> {
    let nursery_id = validate::id("nurseryId", nursery_id)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::ReadNurseryCalendar, &scope)?;
    if to < from {
        return Err(AppError::bad_input("to", "`to` must not be before `from`"));
    }
    if (to - from).whole_days() >= MAX_CALENDAR_DAYS {
        return Err(AppError::bad_input(
            "to",
            format!("at most {MAX_CALENDAR_DAYS} days at a time"),
        ));
    }
    let hours = hours_of(svc, nursery_id).await?;
    let exceptions = svc.store.calendar_days(nursery_id, from, to).await?;
    let mut days = Vec::new();
    let mut date = from;
    loop {
        let exception = exceptions.iter().find(|(d, _, _)| *d == date);
        days.push(CalendarDay {
            date,
            status: day_status(date, &hours, exception.map(|(_, open, _)| *open)),
            note: exception.and_then(|(_, _, note)| note.clone()),
        });
        match date.next_day() {
            Some(next) if next <= to => date = next,
            _ => break,
        }
    }
    Ok(NurseryCalendar {
        nursery_id,
        hours,
        days,
    })
}

/// The head sets the week, hours and check times; answered with the hours as stored.
pub async fn set_nursery_hours(
    svc: &Services,
    actor: &Actor,
    nursery_id: &str,
    hours: NurseryHours,
) -> AppResult<NurseryHours> {
    let nursery_id = validate::id("nurseryId", nursery_id)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::ConfigureNurseryCalendar, &scope)?;
    let hours = hours.validated()?;
    let mut unit = svc.store.begin_unit().await?;
    unit.put_hours(nursery_id, &hours).await?;
    if let Some(entry) = planned_audit(svc.clock.now(), nursery_id, &[nursery_id]) {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    Ok(hours)
}

/// The head closes a day (`open` false), opens one specially (`open` true), or removes the
/// exception (`open` absent).
pub async fn set_calendar_day(
    svc: &Services,
    actor: &Actor,
    nursery_id: &str,
    date: Date,
    open: Option<bool>,
    note: Option<&str>,
) -> AppResult<CalendarDay> {
    let nursery_id = validate::id("nurseryId", nursery_id)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::ConfigureNurseryCalendar, &scope)?;
    let note = validate::note("note", note)?;
    if open.is_none() && note.is_some() {
        return Err(AppError::bad_input(
            "note",
            "a note belongs to a closure or a special day",
        ));
    }
    let (today, _) = svc.nursery_today(nursery_id).await?;
    if date < today - time::Duration::days(31) || date > today + time::Duration::days(MAX_CALENDAR_DAYS) {
        return Err(AppError::bad_input(
            "date",
            "a calendar day is within a month back and a year ahead",
        ));
    }
    let mut unit = svc.store.begin_unit().await?;
    unit.put_calendar_day(nursery_id, date, open.map(|open| (open, note.clone())))
        .await?;
    let hours = hours_of(svc, nursery_id).await?;
    if date < today {
        // A past day changed: the reports' open days follow it.
        unit.set_open_day(nursery_id, date, day_status(date, &hours, open).is_open())
            .await?;
    }
    if let Some(entry) = planned_audit(svc.clock.now(), nursery_id, &[nursery_id]) {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    Ok(CalendarDay {
        date,
        status: day_status(date, &hours, open),
        note,
    })
}
