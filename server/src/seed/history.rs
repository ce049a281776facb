//! The demo's past: a month of arrivals and departures (with who picked up), absence reports
//! (acknowledged by the teacher), published contact notebook pages for the last two weeks,
//! and a year of monthly height and weight, so the app's month view, notebook and growth chart
//! show real history. Written through the store like the rest of the seed.

use rand::rngs::StdRng;
use rand::Rng;
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time, Weekday};

use crate::domain::calendar::LocalDay;
use crate::domain::*;
use crate::service::Services;
use crate::store::AbsenceContext;

const DAYS_BACK: i64 = 30;
const NOTEBOOK_DAYS_BACK: i64 = 14;
const PICKUPS: &[&str] = &["母", "父", "祖母", "祖父"];
const ACTIVITIES: &[&str] = &[
    "園庭で砂遊びをしました。",
    "絵本の読み聞かせを楽しみました。",
    "リズム遊びで元気に体を動かしました。",
    "お散歩で公園まで歩きました。",
    "粘土でおだんごを作りました。",
];

/// The past month (weekdays only) and a year of growth for one family's children.
pub async fn seed_history(
    services: &Services,
    rng: &mut StdRng,
    children: &[Child],
    teacher: Id,
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    let offset = now.offset();
    let today = now.date();
    for child in children {
        for back in (1..=DAYS_BACK).rev() {
            let date = today - Duration::days(back);
            if matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) || date < child.enrolled_on {
                continue;
            }
            let at = |hour: u8, minute: i64| -> anyhow::Result<Timestamp> {
                let base = PrimitiveDateTime::new(date, Time::from_hms(hour, 0, 0)?).assume_offset(offset);
                Ok(Timestamp(base + Duration::minutes(minute)))
            };
            if rng.gen_range(0..100) < 6 {
                let guardians = services.store.guardians_of_family(child.family_id).await?;
                let Some(guardian) = guardians.first() else { continue };
                let symptoms = match rng.gen_range(0..3) {
                    0 => vec![Symptom::Fever],
                    1 => vec![Symptom::Cough, Symptom::RunnyNose],
                    _ => vec![Symptom::Diarrhea],
                };
                let report = AbsenceReport {
                    id: Id::new(),
                    child_id: child.id,
                    nursery_id: child.nursery_id,
                    family_id: child.family_id,
                    kind: AbsenceKind::Absence,
                    date,
                    reason: AbsenceReason::Illness,
                    symptoms,
                    expected_arrival: None,
                    note: Some("様子を見て休ませます。".into()),
                    reported_by: guardian.id,
                    acknowledged_by: Some(teacher),
                    acknowledged_at: Some(at(8, rng.gen_range(0..40))?),
                    updated_at: None,
                    withdrawn_at: None,
                };
                let context = AbsenceContext {
                    classroom_id: child.classroom_id,
                    surveillance: None,
                };
                services.store.create_absence(report, None, context).await?;
                continue;
            }
            let day = LocalDay::new(date, offset);
            let arrival = at(7, 30 + rng.gen_range(0..90))?;
            let departure = at(16, rng.gen_range(0..150))?;
            let pickup = PICKUPS[rng.gen_range(0..PICKUPS.len())];
            for (kind, occurred_at, pickup_by) in [
                (AttendanceKind::CheckIn, arrival, None),
                (AttendanceKind::CheckOut, departure, Some(pickup.to_owned())),
            ] {
                let event = AttendanceEvent {
                    id: Id::new(),
                    child_id: child.id,
                    nursery_id: child.nursery_id,
                    family_id: child.family_id,
                    kind,
                    occurred_at,
                    recorded_by: teacher,
                    pickup_by,
                    pickup_person_id: None,
                    position: Position::default(),
                    corrects: None,
                    correction_reason: None,
                };
                record_one(services, event, day).await?;
            }
            if back <= NOTEBOOK_DAYS_BACK {
                notebook_page(services, rng, child, teacher, date, departure).await?;
            }
        }
        growth(services, rng, child, teacher, today).await?;
    }
    Ok(())
}

async fn notebook_page(
    services: &Services,
    rng: &mut StdRng,
    child: &Child,
    teacher: Id,
    date: Date,
    at: Timestamp,
) -> anyhow::Result<()> {
    let body = serde_json::json!({
        "nursery": {
            "temperature": format!("{:.1}℃", 36.4 + f64::from(rng.gen_range(0..6u8)) / 10.0),
            "meals": "給食: 完食しました。おやつも全部食べました。",
            "nap": "12:30〜14:30 よく眠りました。",
            "activities": ACTIVITIES[rng.gen_range(0..ACTIVITIES.len())],
            "message": "今日も元気に過ごしました。",
        },
        "home": {},
    });
    let journal = Journal {
        id: Id::new(),
        kind: JournalKind::ContactNotebook,
        status: JournalStatus::Published,
        revision: 1,
        nursery_id: child.nursery_id,
        classroom_id: Some(child.classroom_id),
        child_id: Some(child.id),
        family_id: Some(child.family_id),
        period_start: date,
        period_end: date,
        body: body.to_string(),
        author_id: teacher,
        review_comment: None,
        updated_at: at,
    };
    services.store.create_journal(journal, teacher).await?;
    Ok(())
}

/// Monthly measurements over the past year, growing about as children of that age do.
async fn growth(services: &Services, rng: &mut StdRng, child: &Child, teacher: Id, today: Date) -> anyhow::Result<()> {
    for months_back in (0..12).rev() {
        let measured_on = today - Duration::days(30 * months_back + 3);
        let age_months = ((measured_on - child.birth_date).whole_days() / 30) as f64;
        if age_months < 2.0 {
            continue;
        }
        // Rough Japanese growth curves: ~50 cm at birth, ~75 at 1, ~110 at 5; weight ~3 → 18 kg.
        let height = 50.0 + 25.0 * (age_months / 12.0).min(1.0) + 8.5 * ((age_months - 12.0).max(0.0) / 12.0);
        let weight = 3.0 + 6.5 * (age_months / 12.0).min(1.0) + 2.1 * ((age_months - 12.0).max(0.0) / 12.0);
        let jitter = f64::from(rng.gen_range(0..10u8)) / 10.0;
        let record = GrowthRecord {
            id: Id::new(),
            child_id: child.id,
            measured_on,
            height_cm: Some(((height + jitter) * 10.0).round() / 10.0),
            weight_kg: Some(((weight + jitter / 3.0) * 10.0).round() / 10.0),
            flagged: false,
            recorded_by: teacher,
        };
        services.store.record_growth(record, None).await?;
    }
    Ok(())
}

/// One seeded check-in or check-out, through the same group-commit rules as a tablet's (no
/// idempotency key, no audit trail: the seed is not a person's request).
pub(crate) async fn record_one(
    services: &crate::service::Services,
    event: crate::domain::AttendanceEvent,
    day: crate::domain::calendar::LocalDay,
) -> anyhow::Result<()> {
    let write = crate::store::AttendanceWrite {
        event,
        day,
        key: None,
        trail: None,
    };
    crate::service::attendance_batch::record_attendance(&*services.store, write).await?;
    Ok(())
}
