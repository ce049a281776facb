//! Corrections of a mistaken check-in or check-out: the same day only, with a reason, the
//! latest of the day first (a check-in cannot be undone under its check-out).

use time::Date;

use crate::domain::{AttendanceEvent, AttendanceKind};
use crate::error::{AppError, AppResult};

pub const MAX_REASON_CHARS: usize = 500;

/// The reason, trimmed: required, bounded.
pub fn reason(raw: &str) -> AppResult<String> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(AppError::bad_input("reason", "a correction needs a reason"));
    }
    if value.chars().count() > MAX_REASON_CHARS {
        return Err(AppError::bad_input(
            "reason",
            format!("`reason` is longer than {MAX_REASON_CHARS} characters"),
        ));
    }
    Ok(value.to_owned())
}

/// Whether `target` (recorded on local date `target_date`) may be undone today: it is today's,
/// not already corrected, and no later event of the child's day stands on it. `standing` is the
/// child's events of that day that are not corrected, in order.
pub fn check_undo(
    target: &AttendanceEvent,
    target_date: Date,
    today: Date,
    already_corrected: bool,
    standing: &[AttendanceEvent],
) -> AppResult<()> {
    if target.corrects.is_some() {
        return Err(AppError::bad_input(
            "attendanceId",
            "a correction cannot itself be corrected",
        ));
    }
    if target_date != today {
        return Err(AppError::bad_input(
            "attendanceId",
            "only today's check-ins and check-outs can be corrected",
        ));
    }
    if already_corrected {
        return Err(AppError::conflict("this record was already corrected"));
    }
    let later: Option<&AttendanceEvent> = standing
        .iter()
        .filter(|e| e.id != target.id)
        .find(|e| (e.occurred_at, e.position) > (target.occurred_at, target.position));
    if let Some(later) = later {
        if target.kind == AttendanceKind::CheckIn && later.kind == AttendanceKind::CheckOut {
            return Err(AppError::conflict("undo the check-out first"));
        }
    }
    Ok(())
}

/// Whether undoing `target` removes the child's only arrival of the day (the daily counts
/// then lose them).
pub fn removes_the_days_arrival(target: &AttendanceEvent, standing: &[AttendanceEvent]) -> bool {
    target.kind == AttendanceKind::CheckIn
        && !standing
            .iter()
            .any(|e| e.id != target.id && e.kind == AttendanceKind::CheckIn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Id, Position, Timestamp};
    use time::macros::{date, datetime};

    fn event(kind: AttendanceKind, at: time::OffsetDateTime, seq: i64) -> AttendanceEvent {
        AttendanceEvent {
            id: Id::new(),
            child_id: Id::new(),
            nursery_id: Id::new(),
            family_id: Id::new(),
            kind,
            occurred_at: Timestamp(at),
            recorded_by: Id::new(),
            pickup_by: None,
            pickup_person_id: None,
            position: Position { tx: 0, seq },
            corrects: None,
            correction_reason: None,
        }
    }

    #[test]
    fn only_todays_uncorrected_records_can_be_undone() {
        let check_in = event(AttendanceKind::CheckIn, datetime!(2026-12-03 08:00 +09:00), 1);
        let today = date!(2026 - 12 - 03);
        assert!(check_undo(&check_in, today, today, false, std::slice::from_ref(&check_in)).is_ok());
        match check_undo(&check_in, date!(2026 - 12 - 02), today, false, &[]) {
            Err(AppError::BadInput { field, .. }) => assert_eq!(field, "attendanceId"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            check_undo(&check_in, today, today, true, &[]),
            Err(AppError::Conflict { .. })
        ));
    }

    #[test]
    fn a_check_in_under_its_check_out_waits_for_the_check_out() {
        let check_in = event(AttendanceKind::CheckIn, datetime!(2026-12-03 08:00 +09:00), 1);
        let check_out = event(AttendanceKind::CheckOut, datetime!(2026-12-03 17:00 +09:00), 2);
        let day = [check_in.clone(), check_out.clone()];
        let today = date!(2026 - 12 - 03);
        assert!(matches!(
            check_undo(&check_in, today, today, false, &day),
            Err(AppError::Conflict { .. })
        ));
        assert!(check_undo(&check_out, today, today, false, &day).is_ok());
        assert!(removes_the_days_arrival(&check_in, &day));
        assert!(!removes_the_days_arrival(&check_out, &day));
    }

    #[test]
    fn reasons_are_required_and_bounded() {
        assert!(reason("  ").is_err());
        assert!(reason(&"あ".repeat(501)).is_err());
        assert_eq!(reason(" 別の子と間違えた ").unwrap(), "別の子と間違えた");
    }
}
