//! `tsunagu seed-demo`: a realistic demo city to click through — いわき市 with three nurseries,
//! a classroom per age band, about a hundred children each in families of one to three with
//! one or two guardians, staff, a head per nursery and a municipal officer; today's arrivals and
//! a few absence reports; the past month of attendance, absences and notebook pages and a year
//! of growth (`history`). Names are Japanese, with kana. Deterministic, so demos repeat.

pub mod city;
mod history;

use std::fmt::Write as _;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time};

use crate::domain::calendar::{offset_from_minutes, JST_OFFSET_MINUTES};
use crate::domain::*;
use crate::service::Services;
use crate::store::{NewUser, StoreError};

pub const DEMO_PASSWORD: &str = "tsunagu-demo-2026";
const DOMAIN: &str = "demo.tsunagu.jp";

const NURSERIES: &[(&str, &str)] = &[
    ("白土保育所", "shiratsuchi"),
    ("下川保育所", "shimokawa"),
    ("平窪保育所", "hirakubo"),
];
const CLASSROOMS: &[(&str, i32, u32)] = &[
    ("ひよこ組", 0, 9),
    ("りす組", 1, 15),
    ("うさぎ組", 2, 17),
    ("きりん組", 3, 19),
    ("ぞう組", 4, 20),
    ("くじら組", 5, 20),
];
const SURNAMES: &[(&str, &str)] = &[
    ("佐藤", "さとう"),
    ("鈴木", "すずき"),
    ("高橋", "たかはし"),
    ("田中", "たなか"),
    ("伊藤", "いとう"),
    ("渡辺", "わたなべ"),
    ("山本", "やまもと"),
    ("中村", "なかむら"),
    ("小林", "こばやし"),
    ("加藤", "かとう"),
    ("吉田", "よしだ"),
    ("山田", "やまだ"),
    ("佐々木", "ささき"),
    ("松本", "まつもと"),
    ("井上", "いのうえ"),
    ("木村", "きむら"),
    ("斎藤", "さいとう"),
    ("清水", "しみず"),
    ("遠藤", "えんどう"),
    ("菅野", "かんの"),
];
const CHILD_NAMES: &[(&str, &str)] = &[
    ("陽翔", "はると"),
    ("蓮", "れん"),
    ("湊", "みなと"),
    ("蒼", "あお"),
    ("樹", "いつき"),
    ("大和", "やまと"),
    ("悠真", "ゆうま"),
    ("朝陽", "あさひ"),
    ("碧", "あおい"),
    ("律", "りつ"),
    ("陽葵", "ひまり"),
    ("凛", "りん"),
    ("結菜", "ゆいな"),
    ("芽依", "めい"),
    ("紬", "つむぎ"),
    ("葵", "あおい"),
    ("咲良", "さくら"),
    ("結愛", "ゆあ"),
    ("莉子", "りこ"),
    ("美桜", "みお"),
];
const PARENT_NAMES: &[&str] = &["美咲", "彩", "愛", "恵", "由美", "健太", "翔太", "大輔", "拓也", "直樹"];
const STAFF_NAMES: &[&str] = &[
    "大塚 智子",
    "小野 優子",
    "阿部 直美",
    "石井 真理",
    "村上 香織",
    "森 純子",
    "岡田 裕子",
    "藤田 明美",
];

/// Fills the database and returns a text with the logins to try.
pub async fn seed_demo(services: &Services, children_per_nursery: usize) -> anyhow::Result<String> {
    let store = &services.store;
    let mut rng = StdRng::seed_from_u64(2026);
    let municipality = match store.create_municipality("いわき市", "072044").await {
        Ok(m) => m,
        Err(StoreError::Conflict(_)) => anyhow::bail!("the demo (いわき市, 072044) is already in this database"),
        Err(err) => return Err(err.into()),
    };
    // Every demo account shares one password, so one argon2 hash serves them all.
    let password_hash = services
        .passwords
        .hash(DEMO_PASSWORD)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let user = |email: String, name: String, role: Role, scope: Option<Id>| NewUser {
        id: Id::new(),
        email,
        display_name: name,
        locale: "ja-JP".into(),
        password_hash: password_hash.clone(),
        grant: Some(RoleGrant { role, scope_id: scope }),
    };
    let mut logins = String::new();
    let officer = format!("officer@{DOMAIN}");
    store
        .create_user(user(
            officer.clone(),
            "いわき市 こども家庭課".into(),
            Role::MunicipalOfficer,
            Some(municipality.id),
        ))
        .await?;
    writeln!(logins, "municipal officer  {officer}")?;

    let jst = offset_from_minutes(JST_OFFSET_MINUTES);
    let now = services.clock.now().0.to_offset(jst);
    let today = now.date();
    let scale = children_per_nursery as f64 / 100.0;
    let mut guardian_no = 0;
    let mut total_children = 0;
    for (n, (nursery_name, slug)) in NURSERIES.iter().enumerate() {
        let nursery = store.create_nursery(municipality.id, nursery_name).await?;
        let head = format!("head.{slug}@{DOMAIN}");
        store
            .create_user(user(
                head.clone(),
                format!("{nursery_name} 園長"),
                Role::NurseryAdmin,
                Some(nursery.id),
            ))
            .await?;
        writeln!(logins, "nursery head       {head}  ({nursery_name})")?;
        let mut teacher = None;
        for (i, staff_name) in STAFF_NAMES.iter().enumerate() {
            let email = format!("staff{}.{slug}@{DOMAIN}", i + 1);
            let staff = store
                .create_user(user(email.clone(), (*staff_name).into(), Role::Staff, Some(nursery.id)))
                .await?;
            teacher.get_or_insert(staff.id);
            if i == 0 {
                writeln!(logins, "staff              {email}")?;
            }
        }
        // Seats per age band, scaled to the requested size.
        let mut classrooms = Vec::new();
        for (name, age_band, seats) in CLASSROOMS {
            let classroom = store.create_classroom(nursery.id, name, *age_band).await?;
            classrooms.push((classroom, ((*seats as f64) * scale).round() as usize));
        }
        let mut seats: Vec<(usize, usize)> = classrooms.iter().enumerate().map(|(i, (_, s))| (i, *s)).collect();
        while seats.iter().any(|(_, s)| *s > 0) {
            let family = store.create_family(nursery.id).await?;
            let (surname, surname_kana) = SURNAMES[rng.gen_range(0..SURNAMES.len())];
            let siblings = match rng.gen_range(0..100) {
                0..=69 => 1,
                70..=94 => 2,
                _ => 3,
            };
            let mut enrolled = Vec::new();
            for _ in 0..siblings {
                let open: Vec<usize> = seats.iter().filter(|(_, s)| *s > 0).map(|(i, _)| *i).collect();
                let Some(&band) = open.get(rng.gen_range(0..open.len().max(1))) else {
                    break;
                };
                seats[band].1 -= 1;
                let (classroom, _) = &classrooms[band];
                let (given, given_kana) = CHILD_NAMES[rng.gen_range(0..CHILD_NAMES.len())];
                let child = Child {
                    id: Id::new(),
                    family_id: family.id,
                    classroom_id: classroom.id,
                    nursery_id: nursery.id,
                    name: format!("{surname} {given}"),
                    name_kana: Some(format!("{surname_kana} {given_kana}")),
                    birth_date: birth_date(&mut rng, classroom.age_band, today),
                    enrolled_on: today,
                    withdrawn_on: None,
                };
                // Enrolled up to a year ago (not before the infant was two months old), so the
                // demo has history.
                let child = Child {
                    enrolled_on: (child.birth_date + Duration::days(60)).max(today - Duration::days(365)),
                    ..child
                };
                enrolled.push(store.enroll_child(child).await?);
            }
            let guardians = if rng.gen_bool(0.6) { 2 } else { 1 };
            for g in 0..guardians {
                guardian_no += 1;
                let email = format!("guardian{guardian_no}@{DOMAIN}");
                let parent = PARENT_NAMES[rng.gen_range(0..PARENT_NAMES.len())];
                store
                    .create_user(user(
                        email.clone(),
                        format!("{surname} {parent}"),
                        Role::Guardian,
                        Some(family.id),
                    ))
                    .await?;
                if n == 0 && guardian_no <= 2 && g == 0 {
                    let names: Vec<&str> = enrolled.iter().map(|c| c.name.as_str()).collect();
                    writeln!(logins, "guardian           {email}  ({})", names.join("、"))?;
                }
            }
            total_children += enrolled.len();
            if let Some(teacher) = teacher {
                history::seed_history(services, &mut rng, &enrolled, teacher, now).await?;
                seed_today(services, &mut rng, &enrolled, teacher, now).await?;
            }
        }
    }
    Ok(format!(
        "Seeded いわき市 (072044): {} nurseries, {total_children} children, {guardian_no} guardians.\n\
         Every demo login uses the password {DEMO_PASSWORD}\n{logins}",
        NURSERIES.len()
    ))
}

/// A birth date for a child in `age_band` (age on 1 April of this fiscal year), not in the
/// last two months (nurseries take infants from about 57 days).
fn birth_date(rng: &mut StdRng, age_band: i32, today: Date) -> Date {
    let fiscal_year = if today.month() >= Month::April {
        today.year()
    } else {
        today.year() - 1
    };
    let latest = Date::from_calendar_date(fiscal_year - age_band, Month::April, 1).expect("valid date");
    let earliest = latest - Duration::days(364);
    let latest = latest.min(today - Duration::days(60));
    let span = (latest - earliest).whole_days().max(1);
    earliest + Duration::days(rng.gen_range(0..span))
}

/// Today's morning for one family: most children arrived between 7:30 and 9:00, some are
/// reported absent or late.
async fn seed_today(
    services: &Services,
    rng: &mut StdRng,
    children: &[Child],
    teacher: Id,
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    let today = now.date();
    let opening = PrimitiveDateTime::new(today, Time::from_hms(7, 30, 0)?).assume_offset(now.offset());
    for child in children {
        let roll = rng.gen_range(0..100);
        if roll < 6 {
            let (reason, symptoms) = match rng.gen_range(0..4) {
                0 => (AbsenceReason::Illness, vec![Symptom::Fever]),
                1 => (AbsenceReason::Illness, vec![Symptom::Cough, Symptom::RunnyNose]),
                2 => (AbsenceReason::Illness, vec![Symptom::Diarrhea, Symptom::Vomiting]),
                _ => (AbsenceReason::Family, vec![]),
            };
            let note = (reason == AbsenceReason::Illness).then(|| "昨夜から体調を崩しています。".to_owned());
            let report = AbsenceReport {
                id: Id::new(),
                child_id: child.id,
                nursery_id: child.nursery_id,
                family_id: child.family_id,
                kind: AbsenceKind::Absence,
                date: today,
                reason,
                symptoms,
                expected_arrival: None,
                note,
                reported_by: Id::new(),
                acknowledged_by: None,
                acknowledged_at: None,
                updated_at: None,
                withdrawn_at: None,
            };
            let guardians = services.store.guardians_of_family(child.family_id).await?;
            let Some(guardian) = guardians.first() else { continue };
            services
                .store
                .create_absence(
                    AbsenceReport {
                        reported_by: guardian.id,
                        ..report
                    },
                    None,
                    crate::store::AbsenceContext {
                        classroom_id: child.classroom_id,
                        surveillance: None,
                    },
                )
                .await?;
            continue;
        }
        let arrival = opening + Duration::minutes(rng.gen_range(0..90));
        if arrival > now {
            continue;
        }
        let event = AttendanceEvent {
            id: Id::new(),
            child_id: child.id,
            nursery_id: child.nursery_id,
            family_id: child.family_id,
            kind: AttendanceKind::CheckIn,
            occurred_at: Timestamp(arrival),
            recorded_by: teacher,
            pickup_by: None,
            pickup_person_id: None,
            position: Position::default(),
            corrects: None,
            correction_reason: None,
        };
        let day = crate::domain::calendar::LocalDay::new(today, now.offset());
        crate::seed::history::record_one(services, event, day).await?;
    }
    Ok(())
}
