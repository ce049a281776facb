//! A document's body: the sections each kind has, their limits, and how a save merges into
//! the body (a contact notebook's writer owns one side only).

use serde_json::{Map, Value};

use crate::domain::JournalKind;
use crate::error::{AppError, AppResult};

const MAX_SECTION_CHARS: usize = 4_000;

/// The sections each kind of document has.
pub(super) fn sections(kind: JournalKind, side: Option<&str>) -> &'static [&'static str] {
    match (kind, side) {
        (JournalKind::ContactNotebook, Some("home")) => &["sleep", "mood", "breakfast", "temperatureC", "message"],
        (JournalKind::ContactNotebook, _) => &[
            "arrival",
            "temperature",
            "meals",
            "nap",
            "mood",
            "activities",
            "message",
        ],
        (JournalKind::DailyDiary, _) => &[
            "weather",
            "attendanceSummary",
            "activities",
            "observations",
            "healthNotes",
            "meals",
            "naps",
            "incidents",
        ],
        (JournalKind::GuidancePlan, _) => &["aims", "content", "environment", "support", "evaluation"],
    }
}

/// Checks one side's sections: an object of known keys with text values (the home side's
/// temperature is a number).
fn validate_sections(kind: JournalKind, side: Option<&str>, value: &Value) -> AppResult<Map<String, Value>> {
    let Value::Object(map) = value else {
        return Err(AppError::bad_input(
            "body",
            "each part of the body is a JSON object of sections",
        ));
    };
    let allowed = sections(kind, side);
    for (key, value) in map {
        if !allowed.contains(&key.as_str()) {
            return Err(AppError::bad_input(
                "body",
                format!("unknown section `{key}`; expected one of {}", allowed.join(", ")),
            ));
        }
        match (key.as_str(), value) {
            ("temperatureC", Value::Number(n)) if n.as_f64().is_some_and(|t| (34.0..=42.5).contains(&t)) => {}
            ("temperatureC", Value::Null) => {}
            ("temperatureC", _) => {
                return Err(AppError::bad_input(
                    "body",
                    "temperatureC is a number from 34.0 to 42.5",
                ))
            }
            (_, Value::String(text)) if text.chars().count() <= MAX_SECTION_CHARS => {}
            (_, Value::Null) => {}
            _ => {
                return Err(AppError::bad_input(
                    "body",
                    format!("section `{key}` is text of at most {MAX_SECTION_CHARS} characters"),
                ));
            }
        }
    }
    Ok(map.clone())
}

pub(super) fn parse_body(raw: &str) -> AppResult<Value> {
    if raw.len() > 64 * 1024 {
        return Err(AppError::bad_input("body", "the body is too large"));
    }
    serde_json::from_str(raw).map_err(|e| AppError::bad_input("body", format!("body is not JSON: {e}")))
}

/// The body after a save: a notebook keeps the side the writer does not own; other kinds are
/// replaced whole.
pub(super) fn merged_body(
    kind: JournalKind,
    side: Option<&str>,
    current: Option<&str>,
    incoming: &Value,
) -> AppResult<String> {
    let body = match (kind, side) {
        (JournalKind::ContactNotebook, Some(side)) => {
            let part = incoming.get(side).cloned().unwrap_or(Value::Object(Map::new()));
            let other = if side == "home" { "nursery" } else { "home" };
            if incoming.get(other).is_some_and(|v| !v.is_null()) {
                return Err(AppError::bad_input(
                    "body",
                    format!("you write the {side} side; `{other}` is not yours"),
                ));
            }
            let sections = validate_sections(kind, Some(side), &part)?;
            let mut whole: Map<String, Value> = current.and_then(|c| serde_json::from_str(c).ok()).unwrap_or_default();
            whole.insert(side.to_owned(), Value::Object(sections));
            whole
                .entry(other.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            Value::Object(whole)
        }
        _ => Value::Object(validate_sections(kind, None, incoming)?),
    };
    Ok(body.to_string())
}
