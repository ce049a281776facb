//! A nursery's open days and hours: the week it keeps (default Monday–Saturday, 7:00–19:00),
//! closed on public holidays and over the new year (12/29–1/3), with the head's own closures
//! and special open days winning over both. Times are seconds from local midnight.

use time::{Date, Month, Weekday};

use super::holidays;
use crate::error::{AppError, AppResult};

const HOUR: i32 = 3600;
pub const SECONDS_PER_DAY: i32 = 24 * HOUR;

/// Monday is bit 0, Sunday bit 6.
pub fn weekday_bit(day: Weekday) -> i32 {
    1 << day.number_days_from_monday()
}

/// A nursery's week and times; `Default` is what a nursery has until its head sets them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NurseryHours {
    pub open_weekdays: i32,
    pub opens_at: i32,
    pub closes_at: i32,
    /// When the not-yet-arrived check (登園確認) runs.
    pub arrival_check_at: i32,
    /// How long after a reported arrival time a late child counts as not arrived.
    pub late_grace: i32,
}

impl Default for NurseryHours {
    fn default() -> Self {
        NurseryHours {
            open_weekdays: 0b011_1111,
            opens_at: 7 * HOUR,
            closes_at: 19 * HOUR,
            arrival_check_at: 9 * HOUR + 30 * 60,
            late_grace: 30 * 60,
        }
    }
}

impl NurseryHours {
    /// Checks a head's settings, naming the field at fault.
    pub fn validated(self) -> AppResult<Self> {
        if !(0..=0b111_1111).contains(&self.open_weekdays) {
            return Err(AppError::bad_input(
                "openWeekdays",
                "weekdays are 1 (Monday) to 7 (Sunday)",
            ));
        }
        let in_day = |field: &str, s: i32| {
            if (0..SECONDS_PER_DAY).contains(&s) {
                Ok(())
            } else {
                Err(AppError::bad_input(field, format!("`{field}` must be a time of day")))
            }
        };
        in_day("opensAt", self.opens_at)?;
        in_day("closesAt", self.closes_at)?;
        in_day("arrivalCheckAt", self.arrival_check_at)?;
        if self.closes_at <= self.opens_at {
            return Err(AppError::bad_input("closesAt", "closing must come after opening"));
        }
        if !(self.opens_at..self.closes_at).contains(&self.arrival_check_at) {
            return Err(AppError::bad_input(
                "arrivalCheckAt",
                "the arrival check must be within opening hours",
            ));
        }
        if !(0..=4 * HOUR).contains(&self.late_grace) {
            return Err(AppError::bad_input("lateGraceMinutes", "the grace is 0 to 240 minutes"));
        }
        Ok(self)
    }

    /// Whether `second` (from local midnight) is within opening hours.
    pub fn within_hours(&self, second: i32) -> bool {
        (self.opens_at..=self.closes_at).contains(&second)
    }
}

/// Why a day is open or closed, for the head's calendar screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayStatus {
    Open,
    /// The head opened a day the week or the holidays would close.
    SpecialOpen,
    ClosedWeekday,
    ClosedHoliday(&'static str),
    ClosedYearEnd,
    /// The head closed a day the week would open.
    Closure,
}

impl DayStatus {
    pub fn is_open(self) -> bool {
        matches!(self, DayStatus::Open | DayStatus::SpecialOpen)
    }
}

/// The ended days to record as open (for the reports' open days): from `lookback` days before
/// `today`, not before the day the nursery was created, to yesterday, those `status_of` says
/// were open.
pub fn ended_open_days(today: Date, created: Date, lookback: i64, status_of: impl Fn(Date) -> DayStatus) -> Vec<Date> {
    let first = (today - time::Duration::days(lookback)).max(created);
    let mut days = Vec::new();
    let mut date = first;
    while date < today {
        if status_of(date).is_open() {
            days.push(date);
        }
        match date.next_day() {
            Some(next) => date = next,
            None => break,
        }
    }
    days
}

/// 12/29–1/3 (年末年始).
pub fn is_year_end(date: Date) -> bool {
    match date.month() {
        Month::December => date.day() >= 29,
        Month::January => date.day() <= 3,
        _ => false,
    }
}

/// The day's status: the head's exception when there is one (`Some(true)` open, `Some(false)`
/// closed), else the year end, the public holidays and the week.
pub fn day_status(date: Date, hours: &NurseryHours, exception: Option<bool>) -> DayStatus {
    match exception {
        Some(true) => return DayStatus::SpecialOpen,
        Some(false) => return DayStatus::Closure,
        None => {}
    }
    if is_year_end(date) {
        return DayStatus::ClosedYearEnd;
    }
    if let Some(Some(name)) = holidays::holiday(date) {
        return DayStatus::ClosedHoliday(name);
    }
    if hours.open_weekdays & weekday_bit(date.weekday()) == 0 {
        return DayStatus::ClosedWeekday;
    }
    DayStatus::Open
}

#[cfg(test)]
mod tests {

    #[test]
    fn ended_open_days_start_at_creation_and_stop_before_today() {
        use time::macros::date;
        let hours = NurseryHours::default();
        // Thursday 2026-12-03; the week before holds Sunday 11/29 and Labour Thanksgiving is
        // 11/23 (outside the week).
        let days = ended_open_days(date!(2026 - 12 - 03), date!(2026 - 11 - 20), 7, |d| {
            day_status(d, &hours, None)
        });
        assert_eq!(
            days,
            vec![
                date!(2026 - 11 - 26),
                date!(2026 - 11 - 27),
                date!(2026 - 11 - 28),
                date!(2026 - 11 - 30),
                date!(2026 - 12 - 01),
                date!(2026 - 12 - 02),
            ]
        );
        let young = ended_open_days(date!(2026 - 12 - 03), date!(2026 - 12 - 02), 7, |d| {
            day_status(d, &hours, None)
        });
        assert_eq!(young, vec![date!(2026 - 12 - 02)], "not before the nursery existed");
        let closed = ended_open_days(date!(2026 - 12 - 03), date!(2026 - 12 - 02), 7, |d| {
            day_status(d, &hours, Some(false))
        });
        assert!(closed.is_empty());
    }

    use super::*;
    use time::macros::date;

    #[test]
    fn the_default_week_is_monday_to_saturday_seven_to_seven() {
        let hours = NurseryHours::default();
        assert_eq!(
            day_status(date!(2026 - 12 - 05), &hours, None),
            DayStatus::Open,
            "Saturday"
        );
        assert_eq!(
            day_status(date!(2026 - 12 - 06), &hours, None),
            DayStatus::ClosedWeekday,
            "Sunday"
        );
        assert!(hours.within_hours(7 * HOUR) && hours.within_hours(19 * HOUR));
        assert!(!hours.within_hours(19 * HOUR + 1) && !hours.within_hours(6 * HOUR));
        assert_eq!(hours.arrival_check_at, 9 * HOUR + 1800);
    }

    #[test]
    fn holidays_and_the_year_end_close_unless_the_head_opens_them() {
        let hours = NurseryHours::default();
        assert_eq!(
            day_status(date!(2026 - 11 - 03), &hours, None),
            DayStatus::ClosedHoliday("文化の日")
        );
        assert_eq!(
            day_status(date!(2026 - 12 - 29), &hours, None),
            DayStatus::ClosedYearEnd
        );
        assert_eq!(
            day_status(date!(2027 - 01 - 03), &hours, None),
            DayStatus::ClosedYearEnd
        );
        assert_eq!(day_status(date!(2027 - 01 - 04), &hours, None), DayStatus::Open);
        assert_eq!(
            day_status(date!(2026 - 11 - 03), &hours, Some(true)),
            DayStatus::SpecialOpen
        );
        assert_eq!(
            day_status(date!(2026 - 12 - 03), &hours, Some(false)),
            DayStatus::Closure
        );
    }

    #[test]
    fn settings_are_refused_naming_the_field() {
        let field = |hours: NurseryHours| match hours.validated() {
            Err(AppError::BadInput { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        let base = NurseryHours::default();
        assert_eq!(
            field(NurseryHours {
                closes_at: 6 * HOUR,
                ..base
            }),
            "closesAt"
        );
        assert_eq!(
            field(NurseryHours {
                arrival_check_at: 20 * HOUR,
                ..base
            }),
            "arrivalCheckAt"
        );
        assert_eq!(field(NurseryHours { opens_at: -1, ..base }), "opensAt");
        assert_eq!(
            field(NurseryHours {
                late_grace: -60,
                ..base
            }),
            "lateGraceMinutes"
        );
        assert_eq!(
            field(NurseryHours {
                open_weekdays: 0b1000_0000,
                ..base
            }),
            "openWeekdays"
        );
        assert!(base.validated().is_ok());
    }
}
