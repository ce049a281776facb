//! Parse, don't validate: turn client input into trusted values once, at the edge, with an
//! error that names the offending input field.

use strum::VariantArray;
use time::{Date, Duration};

use super::{Id, Symptom};
use crate::error::{AppError, AppResult};

pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_NOTE_CHARS: usize = 2_000;
pub const MAX_SYMPTOMS: usize = Symptom::VARIANTS.len();
pub const MIN_PASSWORD_CHARS: usize = 10;
/// argon2 accepts long inputs, but nobody types more; a cap keeps hashing cost bounded.
pub const MAX_PASSWORD_CHARS: usize = 256;
pub const MAX_IDEMPOTENCY_KEY_CHARS: usize = 128;
/// The longest range a history query may span, so one request cannot scan years of rows.
pub const MAX_QUERY_DAYS: i64 = 366;

pub fn id(field: &str, raw: &str) -> AppResult<Id> {
    Id::parse(raw).ok_or_else(|| AppError::bad_input(field, format!("`{field}` is not a valid id")))
}

/// A required single-line name: trimmed, non-empty, bounded, no control characters.
pub fn name(field: &str, raw: &str) -> AppResult<String> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(AppError::bad_input(field, format!("`{field}` must not be empty")));
    }
    bounded(field, value, MAX_NAME_CHARS)?;
    if value.chars().any(char::is_control) {
        return Err(AppError::bad_input(field, format!("`{field}` must be a single line")));
    }
    Ok(value.to_owned())
}

/// An optional free text: trimmed; empty becomes absent.
pub fn note(field: &str, raw: Option<&str>) -> AppResult<Option<String>> {
    optional_text(field, raw, MAX_NOTE_CHARS)
}

pub fn optional_name(field: &str, raw: Option<&str>) -> AppResult<Option<String>> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        Some(value) => name(field, value).map(Some),
        None => Ok(None),
    }
}

fn optional_text(field: &str, raw: Option<&str>, max: usize) -> AppResult<Option<String>> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        Some(value) => bounded(field, value, max).map(|_| Some(value.to_owned())),
        None => Ok(None),
    }
}

fn bounded(field: &str, value: &str, max: usize) -> AppResult<()> {
    if value.chars().count() > max {
        return Err(AppError::bad_input(
            field,
            format!("`{field}` is longer than {max} characters"),
        ));
    }
    Ok(())
}

pub fn email(field: &str, raw: &str) -> AppResult<String> {
    let value = raw.trim().to_lowercase();
    let well_formed = value.len() <= 254
        && value.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
        })
        && !value.chars().any(|c| c.is_whitespace() || c.is_control());
    if !well_formed {
        return Err(AppError::bad_input(field, "not a valid email address"));
    }
    Ok(value)
}

/// The strength estimator's score (0–4) a new password must reach: "safely unguessable"
/// (about 10^10 guesses), what an offline attack on a stolen hash would need.
pub const MIN_PASSWORD_SCORE: u8 = 3;
/// How much of a password the strength estimator looks at: its cost grows faster than the
/// length, and a prefix this long that is strong makes the whole strong.
const PASSWORD_ESTIMATE_CHARS: usize = 100;

/// A password a person chooses for an account: long enough, not guessable (judged by zxcvbn,
/// which knows common passwords, words, names, dates, keyboard walks and l33t), and not made
/// of the account's own e-mail address or name. No composition rules: a long phrase is good.
pub fn new_password(field: &str, raw: &str, email: &str, display_name: &str) -> AppResult<()> {
    let chars = raw.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(AppError::bad_input(
            field,
            format!("passwords must be at least {MIN_PASSWORD_CHARS} characters"),
        ));
    }
    bounded(field, raw, MAX_PASSWORD_CHARS)?;
    let lowered = raw.to_lowercase();
    let email = email.trim().to_lowercase();
    let local_part = email.split('@').next().unwrap_or_default();
    let name = display_name.trim().to_lowercase();
    let personal = [(email.as_str(), 1), (local_part, 4), (name.as_str(), 3)];
    if personal
        .iter()
        .any(|(part, shortest)| part.chars().count() >= *shortest && lowered.contains(part))
    {
        return Err(AppError::bad_input(
            field,
            "the password must not contain the account's e-mail address or name",
        ));
    }
    let estimated: String = raw.chars().take(PASSWORD_ESTIMATE_CHARS).collect();
    let inputs: Vec<&str> = personal
        .iter()
        .map(|(part, _)| *part)
        .filter(|p| !p.is_empty())
        .collect();
    let estimate = zxcvbn::zxcvbn(&estimated, &inputs);
    if u8::from(estimate.score()) < MIN_PASSWORD_SCORE {
        let hint = estimate
            .feedback()
            .and_then(|f| f.warning())
            .map(|w| format!(" ({w})"))
            .unwrap_or_default();
        return Err(AppError::bad_input(
            field,
            format!("this password is too easy to guess{hint}; a few uncommon words together make a good one"),
        ));
    }
    Ok(())
}

/// Symptoms as a set: duplicates collapse, order is canonical.
pub fn symptoms(field: &str, raw: Option<&[Symptom]>) -> AppResult<Vec<Symptom>> {
    let raw = raw.unwrap_or_default();
    if raw.len() > MAX_SYMPTOMS {
        return Err(AppError::bad_input(field, format!("at most {MAX_SYMPTOMS} symptoms")));
    }
    let mut set: Vec<Symptom> = raw.to_vec();
    set.sort();
    set.dedup();
    Ok(set)
}

pub fn idempotency_key(field: &str, raw: Option<&str>) -> AppResult<Option<String>> {
    match raw {
        None => Ok(None),
        Some(key) if key.is_empty() || key.len() > MAX_IDEMPOTENCY_KEY_CHARS => Err(AppError::bad_input(
            field,
            format!("`{field}` must be 1 to {MAX_IDEMPOTENCY_KEY_CHARS} characters"),
        )),
        Some(key) => Ok(Some(key.to_owned())),
    }
}

/// A `from..=to` date range for history queries: ordered and at most a year long.
pub fn date_range(from: Date, to: Date) -> AppResult<(Date, Date)> {
    if to < from {
        return Err(AppError::bad_input("to", "`to` is before `from`"));
    }
    if to - from > Duration::days(MAX_QUERY_DAYS) {
        return Err(AppError::bad_input(
            "to",
            format!("a range may span at most {MAX_QUERY_DAYS} days"),
        ));
    }
    Ok((from, to))
}

/// A date of birth: not in the future and not absurdly old for a nursery child.
pub fn birth_date(field: &str, value: Date, today: Date) -> AppResult<Date> {
    if value > today || today - value > Duration::days(7 * 366) {
        return Err(AppError::bad_input(field, "birth date must be in the past seven years"));
    }
    Ok(value)
}

/// How far back an enrolment may be recorded (children already at the nursery when it starts
/// using Tsunagu) and how far ahead (April's new intake is entered in winter).
const ENROLMENT_DAYS_BACK: i64 = 7 * 366;
const ENROLMENT_DAYS_AHEAD: i64 = 366;

/// The enrolment date: today when not given, never before birth, within the bounds above.
pub fn enrolment_date(field: &str, value: Option<Date>, birth_date: Date, today: Date) -> AppResult<Date> {
    let value = value.unwrap_or(today);
    if value < birth_date {
        return Err(AppError::bad_input(field, "enrolment cannot be before birth"));
    }
    if today - value > Duration::days(ENROLMENT_DAYS_BACK) || value - today > Duration::days(ENROLMENT_DAYS_AHEAD) {
        return Err(AppError::bad_input(
            field,
            "enrolment must be within seven years back and a year ahead",
        ));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(name("name", "  ひよこ組 ").unwrap(), "ひよこ組");
        assert!(matches!(name("name", "   "), Err(AppError::BadInput { field, .. }) if field == "name"));
        assert!(name("name", &"あ".repeat(MAX_NAME_CHARS + 1)).is_err());
        assert!(name("name", "a\nb").is_err());
    }

    #[test]
    fn symptoms_collapse_to_a_set() {
        let got = symptoms("symptoms", Some(&[Symptom::Cough, Symptom::Fever, Symptom::Cough])).unwrap();
        assert_eq!(got, vec![Symptom::Fever, Symptom::Cough]);
    }

    #[test]
    fn emails_are_normalised() {
        assert_eq!(email("email", " Hana@Example.JP ").unwrap(), "hana@example.jp");
        assert!(email("email", "no-at-sign").is_err());
        assert!(email("email", "a@b").is_err());
    }

    fn password_refusal(raw: &str) -> Option<String> {
        match new_password("password", raw, "hana.sato@example.jp", "佐藤 花") {
            Ok(()) => None,
            Err(AppError::BadInput { field, message }) => {
                assert_eq!(field, "password");
                Some(message)
            }
            Err(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn passwords_are_long_and_hard_to_guess_without_composition_rules() {
        assert!(password_refusal("Tr0ub4dor").unwrap().contains("at least 10"));
        for weak in [
            "password123",
            "aaaaaaaaaaaa",
            "qwertyuiop12",
            "1234567890",
            "iloveyou2024",
        ] {
            assert!(password_refusal(weak).unwrap().contains("guess"), "{weak} accepted");
        }
        // Lower-case words only, no digits or symbols: accepted when uncommon enough.
        for strong in [
            "correct horse battery",
            "ひよこ組の朝はにぎやか",
            "marmalade tugboat quiver",
        ] {
            assert_eq!(password_refusal(strong), None, "{strong} refused");
        }
    }

    #[test]
    fn passwords_must_not_be_made_of_the_account_itself() {
        for personal in [
            "hana.sato@example.jp",
            "HANA.SATO@example.jp!",
            "xx hana.sato 2026 zz",
            "佐藤 花 たんぽぽ 2026",
        ] {
            assert!(
                password_refusal(personal).unwrap().contains("e-mail address or name"),
                "{personal}"
            );
        }
    }
}
