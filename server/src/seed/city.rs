//! `tsunagu seed-city`: a city-sized year of past records for the reporting benchmark —
//! N nurseries × M children over D open days (weekdays back from yesterday): arrivals and
//! departures, absence reports with symptoms (more in winter), lateness, nap-check compliance
//! for the under-threes and the daily diaries with their approval. Deterministic. Organisation
//! and accounts go through the store as usual; the past days are bulk-imported.

use std::fmt::Write as _;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use time::{Date, Duration, PrimitiveDateTime, Time, Weekday};

use super::DEMO_PASSWORD;
use crate::domain::calendar::{offset_from_minutes, JST_OFFSET_MINUTES};
use crate::domain::*;
use crate::service::Services;
use crate::store::{HistoricAttendance, HistoryBatch, NapComplianceDay, NewUser};

/// Share of each age band in a nursery of 100.
const BANDS: &[(i32, &str, usize)] = &[
    (0, "ひよこ組", 9),
    (1, "りす組", 15),
    (2, "うさぎ組", 17),
    (3, "きりん組", 19),
    (4, "ぞう組", 20),
    (5, "くじら組", 20),
];
/// How likely each symptom is on an illness absence.
const SYMPTOM_WEIGHTS: &[(Symptom, u32)] = &[
    (Symptom::Fever, 40),
    (Symptom::Cough, 20),
    (Symptom::RunnyNose, 15),
    (Symptom::Diarrhea, 8),
    (Symptom::Vomiting, 7),
    (Symptom::Rash, 4),
    (Symptom::Conjunctivitis, 3),
    (Symptom::Other, 3),
];

pub struct CityPlan {
    pub nurseries: usize,
    pub children_per_nursery: usize,
    pub days: usize,
}

/// The `days` most recent weekdays before `today`, oldest first.
pub fn open_days(today: Date, days: usize) -> Vec<Date> {
    let mut dates = Vec::with_capacity(days);
    let mut date = today;
    while dates.len() < days {
        date = date.previous_day().expect("dates far from the calendar's start");
        if !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) {
            dates.push(date);
        }
    }
    dates.reverse();
    dates
}

fn pick_symptom(rng: &mut StdRng) -> Symptom {
    let total: u32 = SYMPTOM_WEIGHTS.iter().map(|(_, w)| w).sum();
    let mut roll = rng.gen_range(0..total);
    for (symptom, weight) in SYMPTOM_WEIGHTS {
        if roll < *weight {
            return *symptom;
        }
        roll -= weight;
    }
    Symptom::Other
}

fn at(date: Date, minutes_after_midnight: i64, offset: time::UtcOffset) -> Timestamp {
    Timestamp(
        PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_offset(offset) + Duration::minutes(minutes_after_midnight),
    )
}

struct Enrolled {
    child: Child,
    band: i32,
    guardian: Id,
}

/// One child's past day, added to `batch`: absent (ill or not), late, or present.
fn child_day(rng: &mut StdRng, batch: &mut HistoryBatch, e: &Enrolled, date: Date, teacher: Id) {
    let offset = offset_from_minutes(JST_OFFSET_MINUTES);
    // Winter brings more illness.
    let absence_percent = if matches!(u8::from(date.month()), 12 | 1 | 2) {
        9
    } else {
        5
    };
    let report = |kind, reason, symptoms, expected_arrival| AbsenceReport {
        id: Id::new(),
        child_id: e.child.id,
        nursery_id: e.child.nursery_id,
        family_id: e.child.family_id,
        kind,
        date,
        reason,
        symptoms,
        expected_arrival,
        note: None,
        reported_by: e.guardian,
        acknowledged_by: None,
        acknowledged_at: None,
        updated_at: None,
        withdrawn_at: None,
    };
    let roll = rng.gen_range(0..100);
    if roll < absence_percent {
        let ill = rng.gen_bool(0.7);
        let mut symptoms = Vec::new();
        if ill {
            symptoms.push(pick_symptom(rng));
            if rng.gen_bool(0.3) {
                symptoms.push(pick_symptom(rng));
            }
            symptoms.sort();
            symptoms.dedup();
        }
        let reason = if ill {
            AbsenceReason::Illness
        } else {
            AbsenceReason::Family
        };
        batch.absences.push((
            report(AbsenceKind::Absence, reason, symptoms, None),
            e.child.classroom_id,
        ));
        return;
    }
    let arrival = if roll < absence_percent + 3 {
        let expected = at(date, 10 * 60, offset);
        let late = report(
            AbsenceKind::Late,
            AbsenceReason::MedicalAppointment,
            Vec::new(),
            Some(expected),
        );
        batch.absences.push((late, e.child.classroom_id));
        at(date, 10 * 60 + rng.gen_range(-10..20), offset)
    } else {
        at(date, 7 * 60 + 30 + rng.gen_range(0..90), offset)
    };
    let departure = at(date, 16 * 60 + rng.gen_range(0..150), offset);
    for (kind, occurred_at) in [
        (AttendanceKind::CheckIn, arrival),
        (AttendanceKind::CheckOut, departure),
    ] {
        batch.attendance.push(HistoricAttendance {
            event: AttendanceEvent {
                id: Id::new(),
                child_id: e.child.id,
                nursery_id: e.child.nursery_id,
                family_id: e.child.family_id,
                kind,
                occurred_at,
                recorded_by: teacher,
                pickup_by: None,
                pickup_person_id: None,
                position: Position::default(),
                corrects: None,
                correction_reason: None,
            },
            date,
            classroom_id: e.child.classroom_id,
        });
    }
    // Under-threes nap under watch: every 5 minutes at 0, every 10 at 1–2, for two hours.
    if e.band <= 2 {
        let required = if e.band == 0 { 24 } else { 12 };
        let missed = if rng.gen_bool(0.05) { rng.gen_range(1..3) } else { 0 };
        batch.nap_compliance.push(NapComplianceDay {
            child_id: e.child.id,
            nursery_id: e.child.nursery_id,
            date,
            required_checks: required,
            on_time_checks: required - missed,
        });
    }
}

fn diary(classroom: &Classroom, date: Date, approved: bool, author: Id) -> Journal {
    let offset = offset_from_minutes(JST_OFFSET_MINUTES);
    Journal {
        id: Id::new(),
        kind: JournalKind::DailyDiary,
        status: if approved {
            JournalStatus::Approved
        } else {
            JournalStatus::Submitted
        },
        revision: if approved { 3 } else { 2 },
        nursery_id: classroom.nursery_id,
        classroom_id: Some(classroom.id),
        child_id: None,
        family_id: None,
        period_start: date,
        period_end: date,
        body: r#"{"activities":"散歩と製作","notes":"特記事項なし"}"#.into(),
        author_id: author,
        review_comment: None,
        updated_at: at(date, 18 * 60, offset),
    }
}

/// Creates the city and imports its year; returns the logins to print.
pub async fn seed_city(services: &Services, plan: CityPlan) -> anyhow::Result<String> {
    let store = &services.store;
    let mut rng = StdRng::seed_from_u64(60_100_250);
    let code = format!("CITY-{}", &Id::new().to_string()[..8]);
    let municipality = store.create_municipality("つなぐ市", &code).await?;
    let password_hash = services
        .passwords
        .hash(DEMO_PASSWORD)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let user = |email: String, name: &str, role: Role, scope: Id| NewUser {
        id: Id::new(),
        email,
        display_name: name.into(),
        locale: "ja-JP".into(),
        password_hash: password_hash.clone(),
        grant: Some(RoleGrant {
            role,
            scope_id: Some(scope),
        }),
    };
    let domain = format!("{}.city.tsunagu.jp", code.to_ascii_lowercase());
    let officer = format!("officer@{domain}");
    store
        .create_user(user(
            officer.clone(),
            "つなぐ市 保育課",
            Role::MunicipalOfficer,
            municipality.id,
        ))
        .await?;

    let today = services
        .clock
        .now()
        .0
        .to_offset(offset_from_minutes(JST_OFFSET_MINUTES))
        .date();
    let days = open_days(today, plan.days.max(1));
    let scale = plan.children_per_nursery as f64 / 100.0;
    let mut imported = 0usize;
    for n in 1..=plan.nurseries {
        let nursery = store
            .create_nursery(municipality.id, &format!("つなぐ第{n}保育所"))
            .await?;
        store
            .create_user(user(
                format!("head{n}@{domain}"),
                "園長",
                Role::NurseryAdmin,
                nursery.id,
            ))
            .await?;
        let teacher = store
            .create_user(user(format!("staff{n}@{domain}"), "保育士", Role::Staff, nursery.id))
            .await?;
        let mut enrolled = Vec::new();
        let mut classrooms = Vec::new();
        for (band, name, seats) in BANDS {
            let classroom = store.create_classroom(nursery.id, name, *band).await?;
            for seat in 0..((*seats as f64) * scale).round() as usize {
                let family = store.create_family(nursery.id).await?;
                let guardian = store
                    .create_user(user(
                        format!("g{n}-{band}-{seat}@{domain}"),
                        "保護者",
                        Role::Guardian,
                        family.id,
                    ))
                    .await?;
                let child = store
                    .enroll_child(Child {
                        id: Id::new(),
                        family_id: family.id,
                        classroom_id: classroom.id,
                        nursery_id: nursery.id,
                        name: format!("園児 {n}-{band}-{seat}"),
                        name_kana: None,
                        birth_date: days[0] - Duration::days(365 * i64::from(*band) + 200),
                        enrolled_on: days[0],
                        withdrawn_on: None,
                    })
                    .await?;
                enrolled.push(Enrolled {
                    child,
                    band: *band,
                    guardian: guardian.id,
                });
            }
            classrooms.push(classroom);
        }
        let mut batch = HistoryBatch::default();
        for &date in &days {
            for e in &enrolled {
                child_day(&mut rng, &mut batch, e, date, teacher.id);
            }
            for classroom in &classrooms {
                batch
                    .diaries
                    .push(diary(classroom, date, rng.gen_bool(0.92), teacher.id));
            }
        }
        imported += batch.attendance.len() + batch.absences.len() + batch.nap_compliance.len() + batch.diaries.len();
        store.import_history(&batch).await?;
        eprintln!("nursery {n}/{} imported", plan.nurseries);
    }
    store.finish_import().await?;
    let mut out = String::new();
    writeln!(
        out,
        "municipality       {} ({code}) id {}",
        municipality.name, municipality.id
    )?;
    writeln!(
        out,
        "open days          {} .. {} ({} days)",
        days[0],
        days[days.len() - 1],
        days.len()
    )?;
    writeln!(out, "records imported   {imported}")?;
    writeln!(out, "municipal officer  {officer}")?;
    writeln!(
        out,
        "nursery heads      head1@{domain} .. head{}@{domain}",
        plan.nurseries
    )?;
    writeln!(out, "password           {DEMO_PASSWORD}")?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn open_days_are_the_weekdays_before_today() {
        // 2026-11-24 is a Tuesday.
        let days = open_days(date!(2026 - 11 - 24), 3);
        assert_eq!(
            days,
            vec![date!(2026 - 11 - 19), date!(2026 - 11 - 20), date!(2026 - 11 - 23)]
        );
    }
}
