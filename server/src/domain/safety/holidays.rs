//! Japan's national holidays (国民の祝日, with 振替休日 and 国民の休日), as the Cabinet Office
//! publishes them (内閣府「国民の祝日について」, syukujitsu.csv), shipped as data for the years
//! it holds. The list is extended each February when the Cabinet Office publishes the next
//! year; a date outside the held years is answered `None`, never guessed.

use time::{Date, Month};

/// The first and last year the list holds.
pub const FIRST_YEAR: i32 = 2024;
pub const LAST_YEAR: i32 = 2027;

/// (year, month, day, name), in date order.
const HOLIDAYS: &[(i32, u8, u8, &str)] = &[
    (2024, 1, 1, "元日"),
    (2024, 1, 8, "成人の日"),
    (2024, 2, 11, "建国記念の日"),
    (2024, 2, 12, "休日"),
    (2024, 2, 23, "天皇誕生日"),
    (2024, 3, 20, "春分の日"),
    (2024, 4, 29, "昭和の日"),
    (2024, 5, 3, "憲法記念日"),
    (2024, 5, 4, "みどりの日"),
    (2024, 5, 5, "こどもの日"),
    (2024, 5, 6, "休日"),
    (2024, 7, 15, "海の日"),
    (2024, 8, 11, "山の日"),
    (2024, 8, 12, "休日"),
    (2024, 9, 16, "敬老の日"),
    (2024, 9, 22, "秋分の日"),
    (2024, 9, 23, "休日"),
    (2024, 10, 14, "スポーツの日"),
    (2024, 11, 3, "文化の日"),
    (2024, 11, 4, "休日"),
    (2024, 11, 23, "勤労感謝の日"),
    (2025, 1, 1, "元日"),
    (2025, 1, 13, "成人の日"),
    (2025, 2, 11, "建国記念の日"),
    (2025, 2, 23, "天皇誕生日"),
    (2025, 2, 24, "休日"),
    (2025, 3, 20, "春分の日"),
    (2025, 4, 29, "昭和の日"),
    (2025, 5, 3, "憲法記念日"),
    (2025, 5, 4, "みどりの日"),
    (2025, 5, 5, "こどもの日"),
    (2025, 5, 6, "休日"),
    (2025, 7, 21, "海の日"),
    (2025, 8, 11, "山の日"),
    (2025, 9, 15, "敬老の日"),
    (2025, 9, 23, "秋分の日"),
    (2025, 10, 13, "スポーツの日"),
    (2025, 11, 3, "文化の日"),
    (2025, 11, 23, "勤労感謝の日"),
    (2025, 11, 24, "休日"),
    (2026, 1, 1, "元日"),
    (2026, 1, 12, "成人の日"),
    (2026, 2, 11, "建国記念の日"),
    (2026, 2, 23, "天皇誕生日"),
    (2026, 3, 20, "春分の日"),
    (2026, 4, 29, "昭和の日"),
    (2026, 5, 3, "憲法記念日"),
    (2026, 5, 4, "みどりの日"),
    (2026, 5, 5, "こどもの日"),
    (2026, 5, 6, "休日"),
    (2026, 7, 20, "海の日"),
    (2026, 8, 11, "山の日"),
    (2026, 9, 21, "敬老の日"),
    (2026, 9, 22, "休日"),
    (2026, 9, 23, "秋分の日"),
    (2026, 10, 12, "スポーツの日"),
    (2026, 11, 3, "文化の日"),
    (2026, 11, 23, "勤労感謝の日"),
    (2027, 1, 1, "元日"),
    (2027, 1, 11, "成人の日"),
    (2027, 2, 11, "建国記念の日"),
    (2027, 2, 23, "天皇誕生日"),
    (2027, 3, 21, "春分の日"),
    (2027, 3, 22, "休日"),
    (2027, 4, 29, "昭和の日"),
    (2027, 5, 3, "憲法記念日"),
    (2027, 5, 4, "みどりの日"),
    (2027, 5, 5, "こどもの日"),
    (2027, 7, 19, "海の日"),
    (2027, 8, 11, "山の日"),
    (2027, 9, 20, "敬老の日"),
    (2027, 9, 23, "秋分の日"),
    (2027, 10, 11, "スポーツの日"),
    (2027, 11, 3, "文化の日"),
    (2027, 11, 23, "勤労感謝の日"),
];

/// The holiday's name on `date`: `Some(Some(name))` a holiday, `Some(None)` not one, `None` when
/// the list does not hold the year.
pub fn holiday(date: Date) -> Option<Option<&'static str>> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        return None;
    }
    let key = (date.year(), date.month() as u8, date.day());
    Some(
        HOLIDAYS
            .binary_search_by(|(y, m, d, _)| (*y, *m, *d).cmp(&key))
            .ok()
            .map(|i| HOLIDAYS[i].3),
    )
}

/// Every holiday in the list, as dates.
pub fn all() -> impl Iterator<Item = (Date, &'static str)> {
    HOLIDAYS.iter().map(|(y, m, d, name)| {
        let month = Month::try_from(*m).expect("the list's months are valid");
        (
            Date::from_calendar_date(*y, month, *d).expect("the list's dates are valid"),
            *name,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;
    use time::Weekday;

    #[test]
    fn the_list_is_in_date_order_with_valid_dates() {
        let dates: Vec<Date> = all().map(|(d, _)| d).collect();
        assert!(dates.windows(2).all(|w| w[0] < w[1]), "sorted, no duplicates");
    }

    #[test]
    fn every_held_year_has_its_fixed_holidays_and_no_other_year_is_guessed() {
        for year in FIRST_YEAR..=LAST_YEAR {
            let on = |m: Month, d: u8| holiday(Date::from_calendar_date(year, m, d).unwrap());
            assert_eq!(on(Month::January, 1), Some(Some("元日")), "{year}");
            assert_eq!(on(Month::February, 11), Some(Some("建国記念の日")), "{year}");
            assert_eq!(on(Month::February, 23), Some(Some("天皇誕生日")), "{year}");
            assert_eq!(on(Month::April, 29), Some(Some("昭和の日")), "{year}");
            assert_eq!(on(Month::May, 3), Some(Some("憲法記念日")), "{year}");
            assert_eq!(on(Month::May, 5), Some(Some("こどもの日")), "{year}");
            assert_eq!(on(Month::August, 11), Some(Some("山の日")), "{year}");
            assert_eq!(on(Month::November, 3), Some(Some("文化の日")), "{year}");
            assert_eq!(on(Month::November, 23), Some(Some("勤労感謝の日")), "{year}");
            let count = all().filter(|(d, _)| d.year() == year).count();
            assert!((16..=22).contains(&count), "{year}: {count} holidays");
        }
        assert_eq!(holiday(date!(2023 - 01 - 01)), None);
        assert_eq!(holiday(date!(2028 - 01 - 01)), None);
    }

    #[test]
    fn happy_monday_holidays_fall_on_mondays() {
        for (date, name) in all() {
            if matches!(name, "成人の日" | "海の日" | "敬老の日" | "スポーツの日") {
                assert_eq!(date.weekday(), Weekday::Monday, "{date} {name}");
            }
        }
    }

    #[test]
    fn a_holiday_on_sunday_is_followed_by_a_substitute_day() {
        // 振替休日: the next day that is not a holiday becomes one.
        let holidays: Vec<Date> = all().map(|(d, _)| d).collect();
        for (date, name) in all() {
            if date.weekday() == Weekday::Sunday && name != "休日" {
                let mut next = date.next_day().unwrap();
                while holidays.contains(&next) && holiday(next) != Some(Some("休日")) {
                    next = next.next_day().unwrap();
                }
                assert_eq!(holiday(next), Some(Some("休日")), "after {date} {name}");
            }
        }
    }

    #[test]
    fn ordinary_days_are_not_holidays() {
        assert_eq!(holiday(date!(2026 - 12 - 03)), Some(None));
        assert_eq!(
            holiday(date!(2026 - 09 - 22)),
            Some(Some("休日")),
            "国民の休日 between 敬老 and 秋分"
        );
    }
}
