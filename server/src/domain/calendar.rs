//! Instants and the nursery's local calendar. Instants are stored in UTC (`timestamptz` on
//! PostgreSQL; fixed-width RFC 3339 text on SQLite, so text order is time order). "Today" and
//! every `Date` are taken in the nursery's local calendar (Japan: +09:00, no DST).

use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgTypeInfo, PgValueRef};
use sqlx::sqlite::{SqliteArgumentValue, SqliteTypeInfo, SqliteValueRef};
use sqlx::{Decode, Encode, Postgres, Sqlite, Type};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// Japan Standard Time, the default calendar of a nursery.
pub const JST_OFFSET_MINUTES: i32 = 9 * 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct Timestamp(#[serde(with = "time::serde::rfc3339")] pub OffsetDateTime);

impl Timestamp {
    /// The wall clock now, to the microsecond: what both databases keep, so an instant reads
    /// back exactly as it was answered when it was written. Only `clock::SystemClock` calls
    /// this; everything else asks the `Clock` it was given, so tests can choose the instant.
    pub fn now() -> Self {
        Timestamp::to_microseconds(OffsetDateTime::now_utc())
    }

    /// `instant` without its digits below the microsecond.
    pub fn to_microseconds(instant: OffsetDateTime) -> Self {
        let nanos = instant.nanosecond();
        Timestamp(instant.replace_nanosecond(nanos - nanos % 1_000).unwrap_or(instant))
    }

    pub fn utc(self) -> OffsetDateTime {
        self.0.to_offset(UtcOffset::UTC)
    }

    /// The calendar date of this instant at the given UTC offset.
    pub fn local_date(self, offset: UtcOffset) -> Date {
        self.0.to_offset(offset).date()
    }

    fn to_sqlite_text(self) -> String {
        let fmt = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");
        self.utc().format(&fmt).expect("UTC instants always format")
    }
}

impl From<OffsetDateTime> for Timestamp {
    fn from(value: OffsetDateTime) -> Self {
        Timestamp(value)
    }
}

/// A nursery's offset from UTC, from minutes as stored with the nursery.
pub fn offset_from_minutes(minutes: i32) -> UtcOffset {
    UtcOffset::from_whole_seconds(minutes * 60).unwrap_or(UtcOffset::UTC)
}

/// One local calendar day at a nursery and the UTC instants it spans, `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalDay {
    pub date: Date,
    pub start: Timestamp,
    pub end: Timestamp,
}

impl LocalDay {
    pub fn new(date: Date, offset: UtcOffset) -> Self {
        let (start, end) = local_days_to_utc_range(date, date, offset);
        LocalDay { date, start, end }
    }
}

/// The half-open UTC interval `[start, end)` covering local dates `from..=to`.
pub fn local_days_to_utc_range(from: Date, to: Date, offset: UtcOffset) -> (Timestamp, Timestamp) {
    let start = PrimitiveDateTime::new(from, Time::MIDNIGHT).assume_offset(offset);
    // Saturating: a client may ask about the last representable day.
    let end = PrimitiveDateTime::new(to, Time::MIDNIGHT)
        .assume_offset(offset)
        .saturating_add(Duration::days(1));
    (Timestamp(start), Timestamp(end))
}

impl Type<Sqlite> for Timestamp {
    fn type_info() -> SqliteTypeInfo {
        <String as Type<Sqlite>>::type_info()
    }
}

impl<'q> Encode<'q, Sqlite> for Timestamp {
    fn encode_by_ref(&self, buf: &mut Vec<SqliteArgumentValue<'q>>) -> Result<IsNull, BoxDynError> {
        <String as Encode<'q, Sqlite>>::encode(self.to_sqlite_text(), buf)
    }
}

impl<'r> Decode<'r, Sqlite> for Timestamp {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = <&str as Decode<Sqlite>>::decode(value)?;
        Ok(Timestamp(OffsetDateTime::parse(text, &Rfc3339)?))
    }
}

impl Type<Postgres> for Timestamp {
    fn type_info() -> PgTypeInfo {
        <OffsetDateTime as Type<Postgres>>::type_info()
    }
}

impl Encode<'_, Postgres> for Timestamp {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        <OffsetDateTime as Encode<Postgres>>::encode_by_ref(&self.0, buf)
    }
}

impl<'r> Decode<'r, Postgres> for Timestamp {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(Timestamp(<OffsetDateTime as Decode<Postgres>>::decode(value)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn sqlite_text_is_fixed_width_utc_so_text_order_is_time_order() {
        let a = Timestamp(datetime!(2026-04-01 08:05:00 +09:00)).to_sqlite_text();
        let b = Timestamp(datetime!(2026-03-31 23:05:00.5 UTC)).to_sqlite_text();
        assert_eq!(a, "2026-03-31T23:05:00.000000Z");
        assert_eq!(b, "2026-03-31T23:05:00.500000Z");
        assert!(a < b);
    }

    #[test]
    fn local_day_range_follows_the_nursery_calendar() {
        let jst = offset_from_minutes(JST_OFFSET_MINUTES);
        let (start, end) = local_days_to_utc_range(date!(2026 - 04 - 01), date!(2026 - 04 - 01), jst);
        assert_eq!(start.utc(), datetime!(2026-03-31 15:00 UTC));
        assert_eq!(end.utc(), datetime!(2026-04-01 15:00 UTC));
    }
}
