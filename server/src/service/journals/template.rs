//! Drafting made light: a new diary or contact-notebook page comes pre-filled from the day's
//! records, so the teacher edits instead of typing it all.

use std::collections::BTreeMap;

use serde_json::json;
use time::{Date, UtcOffset};

use super::body::sections;
use super::*;
use crate::domain::calendar::{local_days_to_utc_range, offset_from_minutes};

fn meal_label(meal: Meal) -> &'static str {
    match meal {
        Meal::Breakfast => "朝食",
        Meal::MorningSnack => "午前のおやつ",
        Meal::Lunch => "昼食",
        Meal::AfternoonSnack => "午後のおやつ",
    }
}

fn amount_label(amount: MealAmount) -> &'static str {
    match amount {
        MealAmount::All => "全部",
        MealAmount::Most => "ほぼ全部",
        MealAmount::Half => "半分",
        MealAmount::Little => "少し",
        MealAmount::None => "食べず",
    }
}

fn reason_label(reason: AbsenceReason) -> &'static str {
    match reason {
        AbsenceReason::Illness => "病気",
        AbsenceReason::Family => "家庭の事情",
        AbsenceReason::MedicalAppointment => "通院",
        AbsenceReason::Other => "その他",
    }
}

fn symptom_label(symptom: Symptom) -> &'static str {
    match symptom {
        Symptom::Fever => "発熱",
        Symptom::Cough => "咳",
        Symptom::RunnyNose => "鼻水",
        Symptom::Diarrhea => "下痢",
        Symptom::Vomiting => "嘔吐",
        Symptom::Rash => "発疹",
        Symptom::Conjunctivitis => "結膜炎",
        Symptom::Other => "その他",
    }
}

fn clock(at: Timestamp, offset: UtcOffset) -> String {
    let local = at.0.to_offset(offset);
    format!("{}:{:02}", local.hour(), local.minute())
}

/// A pre-filled body for a new page: `{"nursery": {...}}` for a child's notebook page, the
/// diary's sections for a classroom. Plans start empty.
pub async fn journal_template(
    svc: &Services,
    actor: &Actor,
    kind: JournalKind,
    classroom_id: Option<&str>,
    child_id: Option<&str>,
    date: Date,
) -> AppResult<String> {
    match kind {
        JournalKind::ContactNotebook => {
            let raw =
                child_id.ok_or_else(|| AppError::bad_input("childId", "a contact notebook page is for one child"))?;
            let child_id = validate::id("childId", raw)?;
            let child = svc
                .authorized_child(actor, child_id, &[Action::DraftJournal])
                .await?
                .placed
                .child;
            crate::audit::record_read("journalTemplate", child.nursery_id, [child.id]);
            notebook(svc, &child, date).await
        }
        JournalKind::DailyDiary => {
            let raw = classroom_id.ok_or_else(|| AppError::bad_input("classroomId", "a diary is per classroom"))?;
            let classroom_id = validate::id("classroomId", raw)?;
            let scope = svc.scope(EntityRef::Classroom(classroom_id)).await?;
            actor.authorize(Action::DraftJournal, &scope)?;
            let nursery_id = scope.nursery.ok_or(AppError::NotFound)?;
            // The diary draws on every child of the classroom that day.
            crate::audit::record_read("journalTemplate", nursery_id, [classroom_id]);
            diary(svc, nursery_id, classroom_id, date).await
        }
        JournalKind::GuidancePlan => {
            let raw = classroom_id.ok_or_else(|| AppError::bad_input("classroomId", "a plan is per classroom"))?;
            let classroom_id = validate::id("classroomId", raw)?;
            let scope = svc.scope(EntityRef::Classroom(classroom_id)).await?;
            actor.authorize(Action::DraftJournal, &scope)?;
            let empty: BTreeMap<&str, &str> = sections(kind, None).iter().map(|s| (*s, "")).collect();
            Ok(json!(empty).to_string())
        }
    }
}

async fn notebook(svc: &Services, child: &Child, date: Date) -> AppResult<String> {
    let nursery = svc.store.nursery(child.nursery_id).await?.ok_or(AppError::NotFound)?;
    let offset = offset_from_minutes(nursery.utc_offset_minutes);
    let (start, end) = local_days_to_utc_range(date, date, offset);
    let attendance = svc.store.attendance_of_child(child.id, start, end).await?;
    let arrival = attendance
        .iter()
        .find(|e| e.kind == AttendanceKind::CheckIn)
        .map(|e| clock(e.occurred_at, offset))
        .unwrap_or_default();
    let checks = svc.store.health_checks_of_child(child.id, start, end).await?;
    let temperature = checks
        .iter()
        .filter_map(|c| c.temperature_c.map(|t| (c, t)))
        .map(|(c, t)| {
            let place = if c.source == RecordSource::Home {
                "家庭"
            } else {
                "園"
            };
            format!("{t:.1}℃（{place} {}）", clock(c.recorded_at, offset))
        })
        .collect::<Vec<_>>()
        .join("、");
    let meals = svc
        .store
        .meals_of_child(child.id, date, date)
        .await?
        .iter()
        .filter(|m| m.meal != Meal::Breakfast)
        .map(|m| format!("{}: {}", meal_label(m.meal), amount_label(m.amount)))
        .collect::<Vec<_>>()
        .join(" / ");
    let naps = svc
        .store
        .naps_of_child(child.id, start, end)
        .await?
        .iter()
        .map(|n| {
            format!(
                "{}〜{}",
                clock(n.started_at, offset),
                n.ended_at.map(|e| clock(e, offset)).unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join("、");
    Ok(json!({"nursery": {
        "arrival": arrival, "temperature": temperature, "meals": meals, "nap": naps,
        "mood": "", "activities": "", "message": ""
    }})
    .to_string())
}

async fn diary(svc: &Services, nursery_id: Id, classroom_id: Id, date: Date) -> AppResult<String> {
    let nursery = svc.store.nursery(nursery_id).await?.ok_or(AppError::NotFound)?;
    let offset = offset_from_minutes(nursery.utc_offset_minutes);
    let day = svc
        .store
        .classroom_day(classroom_id, date, local_days_to_utc_range(date, date, offset))
        .await?;
    let name_of = |id: Id| {
        day.children
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };

    let present = day
        .children
        .iter()
        .filter(|c| {
            day.attendance
                .iter()
                .any(|e| e.child_id == c.id && e.kind == AttendanceKind::CheckIn)
        })
        .count();
    let absences: Vec<&AbsenceReport> = day.absences.iter().filter(|a| a.kind == AbsenceKind::Absence).collect();
    let late: Vec<&AbsenceReport> = day.absences.iter().filter(|a| a.kind == AbsenceKind::Late).collect();
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    for absence in &absences {
        let label = match absence.symptoms.first() {
            Some(symptom) => symptom_label(*symptom).to_owned(),
            None => reason_label(absence.reason).to_owned(),
        };
        *reasons.entry(label).or_default() += 1;
    }
    let reasons = reasons
        .iter()
        .map(|(r, n)| format!("{r} {n}"))
        .collect::<Vec<_>>()
        .join("、");
    let mut attendance_summary = format!(
        "在籍 {}名／出席 {present}名／欠席 {}名",
        day.children.len(),
        absences.len()
    );
    if !reasons.is_empty() {
        attendance_summary.push_str(&format!("（{reasons}）"));
    }
    if !late.is_empty() {
        let names = late.iter().map(|a| name_of(a.child_id)).collect::<Vec<_>>().join("、");
        attendance_summary.push_str(&format!("／遅刻 {}名（{names}）", late.len()));
    }

    let fevers = day
        .health_checks
        .iter()
        .filter(|c| c.fever)
        .map(|c| {
            let temperature = c.temperature_c.map(|t| format!(" {t:.1}℃")).unwrap_or_default();
            format!(
                "発熱: {}{temperature}（{}）",
                name_of(c.child_id),
                clock(c.recorded_at, offset)
            )
        })
        .collect::<Vec<_>>()
        .join("\n");

    let mut meals = String::new();
    for meal in [Meal::MorningSnack, Meal::Lunch, Meal::AfternoonSnack] {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for record in day.meals.iter().filter(|m| m.meal == meal) {
            *counts.entry(amount_label(record.amount)).or_default() += 1;
        }
        if !counts.is_empty() {
            let counts = counts
                .iter()
                .map(|(a, n)| format!("{a} {n}名"))
                .collect::<Vec<_>>()
                .join("、");
            meals.push_str(&format!("{}: {counts}\n", meal_label(meal)));
        }
    }

    let mut naps = String::new();
    let first = day.naps.iter().map(|n| n.started_at).min();
    let last = day.naps.iter().filter_map(|n| n.ended_at).max();
    if let (Some(first), Some(last)) = (first, last) {
        naps.push_str(&format!(
            "午睡 {}〜{}（{}名）",
            clock(first, offset),
            clock(last, offset),
            day.naps.len()
        ));
    }
    let required: i64 = day.compliance.iter().map(|(_, c)| c.required_checks).sum();
    let on_time: i64 = day.compliance.iter().map(|(_, c)| c.on_time_checks).sum();
    if required > 0 {
        naps.push_str(&format!(
            "\n午睡チェック: 必要 {required}回中 {on_time}回を時間内に実施"
        ));
    }

    Ok(json!({
        "weather": "",
        "attendanceSummary": attendance_summary,
        "activities": "",
        "observations": "",
        "healthNotes": fevers,
        "meals": meals.trim_end(),
        "naps": naps,
        "incidents": "",
    })
    .to_string())
}
