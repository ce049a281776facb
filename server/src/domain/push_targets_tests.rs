//! Who each event wakes (`PushNotice::for_event`): the rules that decide a push's audience,
//! urgency and lifetime, tested without a database. The outbox rows are written from these
//! in the event's own transaction, so getting them right here is getting the phones right.

use super::push::{Audience, PushKind, PushNotice};
use super::*;

fn ids() -> (Id, Id, Id) {
    (Id::new(), Id::new(), Id::new())
}

fn attendance(kind: AttendanceKind, corrects: Option<Id>) -> AttendanceEvent {
    let (child_id, nursery_id, family_id) = ids();
    AttendanceEvent {
        id: Id::new(),
        child_id,
        nursery_id,
        family_id,
        kind,
        occurred_at: Timestamp(time::macros::datetime!(2026-12-03 00:05 UTC)),
        recorded_by: Id::new(),
        pickup_by: None,
        pickup_person_id: None,
        position: Position { tx: 0, seq: 1 },
        corrects,
        correction_reason: corrects.map(|_| "wrong child".into()),
    }
}

fn care_alert(kind: CareAlertKind) -> CareAlert {
    let (child_id, nursery_id, family_id) = ids();
    CareAlert {
        id: Id::new(),
        kind,
        child_id,
        nursery_id,
        family_id,
        classroom_id: Id::new(),
        occurred_at: Timestamp(time::macros::datetime!(2026-12-03 04:00 UTC)),
        temperature_c: Some(38.2),
        journal_id: None,
    }
}

/// When the notices are planned; events with an instant of their own are dated by it.
fn now() -> Timestamp {
    Timestamp(time::macros::datetime!(2026-12-03 09:00 UTC))
}

#[test]
fn an_arrival_wakes_every_guardian_of_the_family_at_once() {
    let event = attendance(AttendanceKind::CheckIn, None);
    let notice = PushNotice::for_event(&EventPayload::Attendance(event.clone()), now()).expect("a notice");
    assert_eq!(notice.kind, PushKind::Arrival);
    assert_eq!(notice.audiences, vec![Audience::FamilyGuardians(event.family_id)]);
    assert_eq!(notice.urgency, "high");
    assert_eq!(
        (notice.child_id, notice.event_id, notice.at),
        (event.child_id, event.id, event.occurred_at)
    );
}

#[test]
fn a_departure_is_told_to_the_family_and_a_correction_to_nobody() {
    let out = attendance(AttendanceKind::CheckOut, None);
    let notice = PushNotice::for_event(&EventPayload::Attendance(out.clone()), now()).expect("a notice");
    assert_eq!(notice.kind, PushKind::Departure);
    assert_eq!(notice.audiences, vec![Audience::FamilyGuardians(out.family_id)]);
    // The family was told of the original; the correction shows live, without waking them.
    let correction = attendance(AttendanceKind::CheckIn, Some(Id::new()));
    assert!(PushNotice::for_event(&EventPayload::Attendance(correction), now()).is_none());
}

#[test]
fn a_fever_wakes_the_family_and_the_staff_a_nap_alert_only_the_staff() {
    let fever = care_alert(CareAlertKind::Fever);
    let notice = PushNotice::for_event(&EventPayload::CareAlert(fever.clone()), now()).expect("a notice");
    assert_eq!(notice.kind, PushKind::Fever);
    assert_eq!(
        notice.audiences,
        vec![
            Audience::FamilyGuardians(fever.family_id),
            Audience::NurseryStaff(fever.nursery_id)
        ]
    );
    for kind in [
        CareAlertKind::NapCheckOverdue,
        CareAlertKind::NapPosition,
        CareAlertKind::NapBreathing,
    ] {
        let alert = care_alert(kind);
        let notice = PushNotice::for_event(&EventPayload::CareAlert(alert.clone()), now()).expect("a notice");
        assert_eq!(notice.kind, PushKind::NapAlert);
        assert_eq!(notice.audiences, vec![Audience::NurseryStaff(alert.nursery_id)]);
        // About now: a nap alert held for an offline phone would only alarm later.
        assert!(notice.ttl_seconds <= 300, "{kind:?}");
    }
}

#[test]
fn a_published_notebook_is_for_the_family_only() {
    let published = care_alert(CareAlertKind::NotebookPublished);
    let notice = PushNotice::for_event(&EventPayload::CareAlert(published.clone()), now()).expect("a notice");
    assert_eq!(notice.kind, PushKind::NotebookPublished);
    assert_eq!(notice.audiences, vec![Audience::FamilyGuardians(published.family_id)]);
    assert_eq!(notice.urgency, "normal");
}
