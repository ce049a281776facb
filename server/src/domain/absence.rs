//! A family's absence and lateness reports: what a report may say about the arrival time, and
//! until when the family may change it — until the nursery has acknowledged it (after that
//! the nursery is acting on it, and a change must be a phone call).

use time::{Date, UtcOffset};

use super::{AbsenceKind, AbsenceReason, AbsenceReport, Symptom, Timestamp};
use crate::error::{AppError, AppResult};

/// A lateness needs the expected arrival, on the reported date; an absence has none. An early
/// pick-up may say when.
pub fn expected_arrival_rule(
    kind: AbsenceKind,
    date: Date,
    expected: Option<Timestamp>,
    offset: UtcOffset,
) -> AppResult<Option<Timestamp>> {
    match (kind, expected) {
        (AbsenceKind::Late, None) => Err(AppError::bad_input(
            "expectedArrival",
            "a late arrival needs the expected arrival time",
        )),
        (AbsenceKind::Absence, Some(_)) => {
            Err(AppError::bad_input("expectedArrival", "an absence has no arrival time"))
        }
        (_, Some(at)) if at.local_date(offset) != date => Err(AppError::bad_input(
            "expectedArrival",
            "the time must be on the reported date",
        )),
        (_, at) => Ok(at),
    }
}

/// The family may edit or withdraw a report until the nursery acknowledges it.
pub fn may_change(report: &AbsenceReport) -> AppResult<()> {
    if report.acknowledged_at.is_some() {
        return Err(AppError::conflict(
            "the nursery has already acknowledged this report: please call the nursery to change it",
        ));
    }
    Ok(())
}

/// What a family may change in a report: everything but the child, the kind and the date
/// (for those, withdraw it and report again).
#[derive(Clone, Debug)]
pub struct AbsenceEdit {
    pub reason: AbsenceReason,
    pub symptoms: Vec<Symptom>,
    pub expected_arrival: Option<Timestamp>,
    pub note: Option<String>,
}

/// The report as edited at `at`, or why it may not be.
pub fn edited(report: &AbsenceReport, edit: AbsenceEdit, offset: UtcOffset, at: Timestamp) -> AppResult<AbsenceReport> {
    may_change(report)?;
    let expected_arrival = expected_arrival_rule(report.kind, report.date, edit.expected_arrival, offset)?;
    Ok(AbsenceReport {
        reason: edit.reason,
        symptoms: edit.symptoms,
        expected_arrival,
        note: edit.note,
        updated_at: Some(at),
        ..report.clone()
    })
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime, offset};

    use super::*;
    use crate::domain::Id;

    fn report(kind: AbsenceKind) -> AbsenceReport {
        AbsenceReport {
            id: Id::new(),
            child_id: Id::new(),
            nursery_id: Id::new(),
            family_id: Id::new(),
            kind,
            date: date!(2026 - 12 - 03),
            reason: AbsenceReason::Illness,
            symptoms: vec![Symptom::Fever],
            expected_arrival: None,
            note: None,
            reported_by: Id::new(),
            acknowledged_by: None,
            acknowledged_at: None,
            updated_at: None,
            withdrawn_at: None,
        }
    }

    const JST: UtcOffset = offset!(+9);

    #[test]
    fn a_lateness_needs_a_time_on_its_day_and_an_absence_none() {
        let day = date!(2026 - 12 - 03);
        let ten = Timestamp(datetime!(2026-12-03 01:00 UTC));
        assert!(expected_arrival_rule(AbsenceKind::Late, day, None, JST).is_err());
        assert_eq!(
            expected_arrival_rule(AbsenceKind::Late, day, Some(ten), JST).unwrap(),
            Some(ten)
        );
        assert!(expected_arrival_rule(AbsenceKind::Absence, day, Some(ten), JST).is_err());
        // 23:30 UTC on the 2nd is 8:30 on the 3rd in Japan; 16:00 UTC on the 3rd is the 4th.
        let early = Timestamp(datetime!(2026-12-02 23:30 UTC));
        assert!(expected_arrival_rule(AbsenceKind::Late, day, Some(early), JST).is_ok());
        let next_day = Timestamp(datetime!(2026-12-03 16:00 UTC));
        assert!(expected_arrival_rule(AbsenceKind::Late, day, Some(next_day), JST).is_err());
    }

    #[test]
    fn an_edit_keeps_the_kind_and_date_and_is_refused_once_acknowledged() {
        let late = AbsenceReport {
            expected_arrival: Some(Timestamp(datetime!(2026-12-03 01:00 UTC))),
            kind: AbsenceKind::Late,
            ..report(AbsenceKind::Late)
        };
        let now = Timestamp(datetime!(2026-12-02 23:00 UTC));
        let edit = AbsenceEdit {
            reason: AbsenceReason::MedicalAppointment,
            symptoms: vec![],
            expected_arrival: Some(Timestamp(datetime!(2026-12-03 02:00 UTC))),
            note: Some("通院のため11時に".into()),
        };
        let changed = edited(&late, edit.clone(), JST, now).unwrap();
        assert_eq!(
            (changed.id, changed.kind, changed.date),
            (late.id, late.kind, late.date)
        );
        assert_eq!(changed.reason, AbsenceReason::MedicalAppointment);
        assert_eq!(changed.updated_at, Some(now));
        let without_time = AbsenceEdit {
            expected_arrival: None,
            ..edit.clone()
        };
        assert!(
            edited(&late, without_time, JST, now).is_err(),
            "a lateness keeps needing its time"
        );

        let acknowledged = AbsenceReport {
            acknowledged_at: Some(now),
            ..late
        };
        assert!(matches!(
            edited(&acknowledged, edit, JST, now),
            Err(AppError::Conflict { .. })
        ));
        assert!(may_change(&acknowledged).is_err());
        assert!(may_change(&report(AbsenceKind::Absence)).is_ok());
    }
}
