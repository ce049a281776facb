//! The contract's `Date` and `DateTime` scalars. Ours rather than the library's so that a
//! malformed value is refused during validation, where the error can name the argument.

use async_graphql::{InputValueError, InputValueResult, Scalar, ScalarType, Value};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

use crate::domain::Timestamp;

/// A calendar date, `YYYY-MM-DD`, in the nursery's local calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GqlDate(pub Date);

/// An instant, RFC 3339 with offset (e.g. `2026-04-01T08:05:00+09:00`); answered in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GqlDateTime(pub OffsetDateTime);

/// Years an instant may fall in. Nothing a nursery records lies outside them, and arithmetic
/// on the edges of `time`'s range (an offset taking an instant past 9999-12-31) would fail deep
/// inside an operation instead of here, naming the argument. Dates keep the whole calendar:
/// their queries already treat its last day as an empty history.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

pub fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text, format_description!("[year]-[month]-[day]")).ok()
}

/// An RFC 3339 instant whose local and UTC dates both fall within `YEARS`.
pub fn parse_date_time(text: &str) -> Option<OffsetDateTime> {
    let instant = OffsetDateTime::parse(text, &Rfc3339).ok()?;
    let utc = instant.checked_to_offset(time::UtcOffset::UTC)?;
    (YEARS.contains(&instant.year()) && YEARS.contains(&utc.year())).then_some(instant)
}

#[Scalar(
    name = "Date",
    specified_by_url = "https://datatracker.ietf.org/doc/html/rfc3339#section-5.6"
)]
impl ScalarType for GqlDate {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => parse_date(s).map(GqlDate).ok_or_else(|| {
                InputValueError::custom(format!("{s:?} is not a date (YYYY-MM-DD) between 1900 and 2999"))
            }),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn is_valid(value: &Value) -> bool {
        matches!(value, Value::String(s) if parse_date(s).is_some())
    }

    fn to_value(&self) -> Value {
        Value::String(
            self.0
                .format(format_description!("[year]-[month]-[day]"))
                .unwrap_or_default(),
        )
    }
}

#[Scalar(
    name = "DateTime",
    specified_by_url = "https://datatracker.ietf.org/doc/html/rfc3339"
)]
impl ScalarType for GqlDateTime {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            // Kept to the microsecond, as the databases keep it.
            Value::String(s) => parse_date_time(s)
                .map(|t| GqlDateTime(Timestamp::to_microseconds(t).0))
                .ok_or_else(|| {
                    InputValueError::custom(format!(
                        "{s:?} is not an RFC 3339 date-time between the years 1900 and 2999"
                    ))
                }),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn is_valid(value: &Value) -> bool {
        matches!(value, Value::String(s) if parse_date_time(s).is_some())
    }

    fn to_value(&self) -> Value {
        Value::String(Timestamp(self.0).utc().format(&Rfc3339).unwrap_or_default())
    }
}

impl From<Timestamp> for GqlDateTime {
    fn from(value: Timestamp) -> Self {
        GqlDateTime(value.0)
    }
}
