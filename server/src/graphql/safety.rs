//! The safety of the day's API (issue 18): the nursery calendar, corrections, the
//! not-yet-arrived list. Resolvers translate and call `service::safety`, nothing else.

use async_graphql::{Context, Enum, InputObject, Object, Result, ID};

use super::scalars::{GqlDate, GqlDateTime};
use super::types::{load_child, load_user, AttendanceEventObject, ChildObject, UserObject};
use super::{actor, services};
use crate::domain::safety::arrival::{format_time_of_day, parse_time_of_day, ArrivalCheck, ArrivalCheckResolution};
use crate::domain::safety::opening::{weekday_bit, DayStatus, NurseryHours};
use crate::error::AppError;
use crate::service::safety::calendar::{self, CalendarDay, NurseryCalendar};
use crate::service::safety::{arrival_checks, corrections};

const WEEKDAYS: [time::Weekday; 7] = [
    time::Weekday::Monday,
    time::Weekday::Tuesday,
    time::Weekday::Wednesday,
    time::Weekday::Thursday,
    time::Weekday::Friday,
    time::Weekday::Saturday,
    time::Weekday::Sunday,
];

/// A nursery's week and times. Times are local, "HH:MM" or "HH:MM:SS".
#[derive(InputObject)]
pub struct NurseryHoursInput {
    /// Open weekdays, 1 (Monday) to 7 (Sunday).
    pub open_weekdays: Vec<i32>,
    pub opens_at: String,
    pub closes_at: String,
    /// When the not-yet-arrived check (登園確認) runs; default 09:30.
    pub arrival_check_at: String,
    /// How long after a reported arrival time a late child counts as not arrived.
    pub late_grace_minutes: i32,
}

impl NurseryHoursInput {
    fn parse(&self) -> Result<NurseryHours, AppError> {
        let mut open_weekdays = 0;
        for day in &self.open_weekdays {
            let index = usize::try_from(*day - 1)
                .ok()
                .filter(|i| *i < 7)
                .ok_or_else(|| AppError::bad_input("openWeekdays", "weekdays are 1 (Monday) to 7 (Sunday)"))?;
            open_weekdays |= weekday_bit(WEEKDAYS[index]);
        }
        if !(0..=240).contains(&self.late_grace_minutes) {
            return Err(AppError::bad_input("lateGraceMinutes", "the grace is 0 to 240 minutes"));
        }
        Ok(NurseryHours {
            open_weekdays,
            opens_at: parse_time_of_day("opensAt", &self.opens_at)?,
            closes_at: parse_time_of_day("closesAt", &self.closes_at)?,
            arrival_check_at: parse_time_of_day("arrivalCheckAt", &self.arrival_check_at)?,
            late_grace: self.late_grace_minutes * 60,
        })
    }
}

pub struct NurseryHoursObject(pub NurseryHours);

#[Object(name = "NurseryHours")]
impl NurseryHoursObject {
    async fn open_weekdays(&self) -> Vec<i32> {
        (1..=7)
            .filter(|d| self.0.open_weekdays & weekday_bit(WEEKDAYS[(*d - 1) as usize]) != 0)
            .collect()
    }
    async fn opens_at(&self) -> String {
        format_time_of_day(self.0.opens_at)
    }
    async fn closes_at(&self) -> String {
        format_time_of_day(self.0.closes_at)
    }
    async fn arrival_check_at(&self) -> String {
        format_time_of_day(self.0.arrival_check_at)
    }
    async fn late_grace_minutes(&self) -> i32 {
        self.0.late_grace / 60
    }
}

/// Why a day is open or closed.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum CalendarDayStatus {
    Open,
    /// Opened by the head on a day the week or a holiday would close.
    SpecialOpen,
    ClosedWeekday,
    ClosedHoliday,
    /// 12/29–1/3.
    ClosedYearEnd,
    /// Closed by the head.
    Closure,
}

pub struct CalendarDayObject(pub CalendarDay);

#[Object(name = "CalendarDay")]
impl CalendarDayObject {
    async fn date(&self) -> GqlDate {
        GqlDate(self.0.date)
    }
    async fn open(&self) -> bool {
        self.0.status.is_open()
    }
    async fn status(&self) -> CalendarDayStatus {
        match self.0.status {
            DayStatus::Open => CalendarDayStatus::Open,
            DayStatus::SpecialOpen => CalendarDayStatus::SpecialOpen,
            DayStatus::ClosedWeekday => CalendarDayStatus::ClosedWeekday,
            DayStatus::ClosedHoliday(_) => CalendarDayStatus::ClosedHoliday,
            DayStatus::ClosedYearEnd => CalendarDayStatus::ClosedYearEnd,
            DayStatus::Closure => CalendarDayStatus::Closure,
        }
    }
    /// The public holiday's name (祝日名), when it is one.
    async fn holiday(&self) -> Option<&'static str> {
        match self.0.status {
            DayStatus::ClosedHoliday(name) => Some(name),
            _ => crate::domain::safety::holidays::holiday(self.0.date).flatten(),
        }
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
}

pub struct NurseryCalendarObject(pub NurseryCalendar);

#[Object(name = "NurseryCalendar")]
impl NurseryCalendarObject {
    async fn hours(&self) -> NurseryHoursObject {
        NurseryHoursObject(self.0.hours)
    }
    async fn days(&self) -> Vec<CalendarDayObject> {
        self.0.days.iter().cloned().map(CalendarDayObject).collect()
    }
}

pub struct ArrivalCheckObject(pub ArrivalCheck);

#[Object(name = "ArrivalCheck")]
impl ArrivalCheckObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn child(&self, ctx: &Context<'_>) -> Result<ChildObject> {
        load_child(ctx, self.0.child_id).await
    }
    async fn date(&self) -> GqlDate {
        GqlDate(self.0.date)
    }
    async fn raised_at(&self) -> GqlDateTime {
        self.0.raised_at.into()
    }
    /// Open until it has a resolution.
    async fn open(&self) -> bool {
        self.0.resolution.is_none()
    }
    async fn resolution(&self) -> Option<ArrivalCheckResolution> {
        self.0.resolution
    }
    async fn resolved_at(&self) -> Option<GqlDateTime> {
        self.0.resolved_at.map(Into::into)
    }
    async fn resolved_by(&self, ctx: &Context<'_>) -> Result<Option<UserObject>> {
        match self.0.resolved_by {
            Some(id) => Ok(Some(load_user(ctx, id).await?)),
            None => Ok(None),
        }
    }
    /// Staff's note on closing it: for the nursery only (it may say more than a family
    /// should read on a shared phone), null for guardians.
    async fn note(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        let staff = arrival_checks::may_read_notes(services(ctx), actor(ctx).ok(), self.0.nursery_id).await?;
        Ok(if staff { self.0.note.as_deref() } else { None })
    }
}

#[derive(Default)]
pub struct SafetyQuery;

#[Object]
impl SafetyQuery {
    /// A nursery's hours and the status of each day `from..=to` (staff and the head).
    async fn nursery_calendar(
        &self,
        ctx: &Context<'_>,
        nursery_id: ID,
        from: GqlDate,
        to: GqlDate,
    ) -> Result<NurseryCalendarObject> {
        Ok(NurseryCalendarObject(
            calendar::nursery_calendar(services(ctx), actor(ctx)?, &nursery_id, from.0, to.0).await?,
        ))
    }

    /// The not-yet-arrived list (登園確認) of a day, today when no date is given: open checks
    /// first.
    async fn arrival_checks(
        &self,
        ctx: &Context<'_>,
        nursery_id: ID,
        date: Option<GqlDate>,
    ) -> Result<Vec<ArrivalCheckObject>> {
        let checks = arrival_checks::arrival_checks(services(ctx), actor(ctx)?, &nursery_id, date.map(|d| d.0)).await?;
        Ok(checks.into_iter().map(ArrivalCheckObject).collect())
    }
}

#[derive(Default)]
pub struct SafetyMutation;

#[Object]
impl SafetyMutation {
    /// The head sets the nursery's week, hours and the time of the not-yet-arrived check.
    async fn set_nursery_hours(
        &self,
        ctx: &Context<'_>,
        nursery_id: ID,
        input: NurseryHoursInput,
    ) -> Result<NurseryHoursObject> {
        let hours = input.parse()?;
        Ok(NurseryHoursObject(
            calendar::set_nursery_hours(services(ctx), actor(ctx)?, &nursery_id, hours).await?,
        ))
    }

    /// The head closes a day (`open: false`), opens one specially (`open: true`) or removes
    /// the exception (`open` omitted).
    async fn set_calendar_day(
        &self,
        ctx: &Context<'_>,
        nursery_id: ID,
        date: GqlDate,
        open: Option<bool>,
        note: Option<String>,
    ) -> Result<CalendarDayObject> {
        Ok(CalendarDayObject(
            calendar::set_calendar_day(services(ctx), actor(ctx)?, &nursery_id, date.0, open, note.as_deref()).await?,
        ))
    }

    /// Undoes a mistaken check-in or check-out of today. The record stays, superseded; the
    /// answer (and the live event) is the correction, whose `corrects` names it.
    async fn correct_attendance(
        &self,
        ctx: &Context<'_>,
        attendance_id: ID,
        reason: String,
        idempotency_key: Option<String>,
    ) -> Result<AttendanceEventObject> {
        Ok(AttendanceEventObject(
            corrections::correct_attendance(
                services(ctx),
                actor(ctx)?,
                &attendance_id,
                &reason,
                idempotency_key.as_deref(),
            )
            .await?,
        ))
    }

    /// Staff close a not-yet-arrived check with a note (e.g. reached the family by phone).
    async fn close_arrival_check(&self, ctx: &Context<'_>, id: ID, note: String) -> Result<ArrivalCheckObject> {
        Ok(ArrivalCheckObject(
            arrival_checks::close_arrival_check(services(ctx), actor(ctx)?, &id, &note).await?,
        ))
    }
}
