//! Municipal oversight against a small city whose figures are worked out by hand
//! (`oversight_figures.rs`): nursery-day reports by age band, period summaries, absences by classroom and symptom, the
//! infection-cluster alert (raised exactly when the rule is met, live to the officer and the
//! head), the CSV export (`csv_export.rs`) and that an officer never receives anything about a
//! single child.

use serde_json::json;
use time::Duration;
use tsunagu_client::{Client, Subscriptions};

use crate::helpers::*;
use crate::oversight_figures::{DAY_SUMMARIES, PERIOD_SUMMARIES, SYMPTOM_ABSENCES};
use crate::world::*;

crate::on_both_backends!(reports_match_a_hand_computed_city, simultaneous_reports_raise_one_alert);

pub const INFECTION_ALERTS: &str = "subscription($m: ID!) {
    infectionAlerts(municipalityId: $m) { id classroomName symptom children windowStart windowEnd nursery { name } }
}";

async fn enroll(admin: &Client, family: &str, classroom: &str, name: &str, enrolled_on: &str) -> String {
    create(
        admin,
        "mutation($f: ID!, $c: ID!, $n: String!, $e: Date) {
            enrollChild(familyId: $f, classroomId: $c, name: $n, birthDate: \"2023-05-10\", enrolledOn: $e) { id }
        }",
        json!({"f": family, "c": classroom, "n": name, "e": enrolled_on}),
        "enrollChild",
    )
    .await
}

async fn report_absence(guardian: &Client, child: &str, kind: &str, date: &str, symptoms: &[&str]) {
    let reason = if symptoms.is_empty() { "FAMILY" } else { "ILLNESS" };
    let expected = (kind == "LATE").then(|| format!("{date}T10:30:00+09:00"));
    guardian
        .ok(
            "mutation($i: AbsenceInput!) { reportAbsence(input: $i) { id } }",
            json!({"i": {"childId": child, "kind": kind, "date": date, "reason": reason, "symptoms": symptoms, "expectedArrival": expected}}),
        )
        .await
        .unwrap_or_else(|e| panic!("{kind} for {date}: {e}"));
}

async fn check_in(staff: &Client, child: &str) {
    staff.ok(CHECK_IN, json!({"c": child})).await.expect("check-in");
}

async fn alerts(client: &Client, municipality: &str) -> Subscriptions {
    let mut subs = client.subscriptions().await.expect("WebSocket");
    subs.subscribe(INFECTION_ALERTS, json!({"m": municipality}))
        .await
        .expect("subscribe");
    subs
}

/// A guardian account for `family`, logged in.
async fn guardian(app: &TestApp, family: &str, n: usize) -> Client {
    make_user(
        app,
        &app.admin,
        &format!("g{n}@oversight.test"),
        "GUARDIAN",
        Some(family),
    )
    .await
}

/// A child and its own family with a guardian.
struct Kid {
    id: String,
    name: String,
    guardian: Client,
}

async fn kid(app: &TestApp, nursery: &str, classroom: &str, name: &str, enrolled_on: &str, n: usize) -> Kid {
    let family = family(&app.admin, nursery).await;
    Kid {
        id: enroll(&app.admin, &family, classroom, name, enrolled_on).await,
        name: name.to_owned(),
        guardian: guardian(app, &family, n).await,
    }
}

async fn reports_match_a_hand_computed_city(backend: Backend) {
    // Exact figures to check by hand (threshold 1 withholds nothing); `small_counts` serves
    // the same city again with the default threshold.
    let app = TestApp::start_with(backend, &[("SMALL_COUNT_THRESHOLD", "1")]).await;
    let admin = &app.admin;
    let t = today_jst();
    let (d1, d2) = (t - Duration::days(2), t - Duration::days(1));
    let (t_s, d1_s, d2_s) = (t.to_string(), d1.to_string(), d2.to_string());
    let long_ago = (t - Duration::days(60)).to_string();

    let city = municipality(admin, "つなぐ市", "999001").await;
    let elsewhere = municipality(admin, "よその市", "999002").await;
    let aoba = nursery(admin, &city, "あおば保育園").await;
    let midori = nursery(admin, &city, "みどり保育園").await;
    let far = nursery(admin, &elsewhere, "とおく保育園").await;
    let hiyoko = classroom(admin, &aoba, "ひよこ組", 0).await;
    let usagi = classroom(admin, &aoba, "うさぎ組", 2).await;
    let zou = classroom(admin, &midori, "ぞう組", 4).await;
    let far_class = classroom(admin, &far, "ぱんだ組", 3).await;

    // あおば: a1, a2 long enrolled and a3 from today (0歳児); b1–b4 (2歳児). みどり: c1, c2.
    let a1 = kid(&app, &aoba, &hiyoko, "青葉 あい", &long_ago, 1).await;
    let a2 = kid(&app, &aoba, &hiyoko, "青葉 いち", &long_ago, 2).await;
    let a3 = kid(&app, &aoba, &hiyoko, "青葉 うみ", &t_s, 3).await;
    let b: Vec<Kid> = {
        let mut list = Vec::new();
        for (i, name) in ["兎田 かい", "兎田 きく", "兎田 くう", "兎田 けい"].iter().enumerate() {
            list.push(kid(&app, &aoba, &usagi, name, &long_ago, 10 + i).await);
        }
        list
    };
    let c1 = kid(&app, &midori, &zou, "緑川 さら", &long_ago, 20).await;
    let c2 = kid(&app, &midori, &zou, "緑川 しん", &long_ago, 21).await;
    let far_kid = kid(&app, &far, &far_class, "遠野 たろう", &long_ago, 30).await;

    let officer = make_user(&app, admin, "officer@oversight.test", "MUNICIPAL_OFFICER", Some(&city)).await;
    let head_aoba = make_user(&app, admin, "head@aoba.test", "NURSERY_ADMIN", Some(&aoba)).await;
    let head_midori = make_user(&app, admin, "head@midori.test", "NURSERY_ADMIN", Some(&midori)).await;
    let staff_aoba = make_user(&app, admin, "staff@aoba.test", "STAFF", Some(&aoba)).await;
    let staff_midori = make_user(&app, admin, "staff@midori.test", "STAFF", Some(&midori)).await;
    let staff_far = make_user(&app, admin, "staff@far.test", "STAFF", Some(&far)).await;

    let mut officer_alerts = alerts(&officer, &city).await;
    let mut head_alerts = alerts(&head_aoba, &city).await;
    let mut other_head_alerts = alerts(&head_midori, &city).await;

    // Day 1: b1 (fever, cough) and b2 (fever) ill, a1 away with the family. Two fevers: no cluster.
    report_absence(&b[0].guardian, &b[0].id, "ABSENCE", &d1_s, &["FEVER", "COUGH"]).await;
    report_absence(&b[1].guardian, &b[1].id, "ABSENCE", &d1_s, &["FEVER"]).await;
    report_absence(&a1.guardian, &a1.id, "ABSENCE", &d1_s, &[]).await;
    // Elsewhere fevers do not count towards this classroom.
    report_absence(&far_kid.guardian, &far_kid.id, "ABSENCE", &d2_s, &["FEVER"]).await;
    if let Some(message) = officer_alerts.next(SILENCE_WAIT).await.unwrap() {
        panic!("two children are not a cluster: {message:?}");
    }

    // Day 2: b3's fever makes three children of うさぎ組 within three days: one alert, live.
    report_absence(&b[2].guardian, &b[2].id, "ABSENCE", &d2_s, &["FEVER"]).await;
    let expected_alert = json!({
        "classroomName": "うさぎ組", "symptom": "FEVER", "children": 3,
        "windowStart": (d2 - Duration::days(2)).to_string(), "windowEnd": d2_s,
        "nursery": {"name": "あおば保育園"},
    });
    for (subs, who) in [(&mut officer_alerts, "officer"), (&mut head_alerts, "head")] {
        let mut alert = subs
            .next_data(DELIVERY_WAIT)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{who} got no alert"))["infectionAlerts"]
            .clone();
        alert.as_object_mut().unwrap().remove("id");
        assert_eq!(alert, expected_alert, "{who}");
    }
    if let Some(message) = other_head_alerts.next(SILENCE_WAIT).await.unwrap() {
        panic!("another nursery's head got {message:?}");
    }

    // Today: arrivals (a1 leaves and comes back: still one child present), b2 late, b3 still ill.
    for k in [&a1, &a2, &a3, &b[0], &b[3]] {
        check_in(&staff_aoba, &k.id).await;
    }
    staff_aoba.ok(CHECK_OUT, json!({"c": a1.id})).await.unwrap();
    check_in(&staff_aoba, &a1.id).await;
    report_absence(&b[1].guardian, &b[1].id, "LATE", &t_s, &[]).await;
    check_in(&staff_aoba, &b[1].id).await;
    // b3's fever goes on: the same cluster, no second alert.
    report_absence(&b[2].guardian, &b[2].id, "ABSENCE", &t_s, &["FEVER"]).await;
    if let Some(message) = officer_alerts.next(SILENCE_WAIT).await.unwrap() {
        panic!("an ongoing cluster is alerted once: {message:?}");
    }
    check_in(&staff_midori, &c1.id).await;
    check_in(&staff_far, &far_kid.id).await;

    // A nap with known compliance (10-minute checks for 2歳児: 3 due, 2 on time).
    let start = time::OffsetDateTime::now_utc() - Duration::minutes(40);
    let nap_day = (start + Duration::hours(9)).date().to_string();
    crate::nap_days::half_hour_nap(&staff_aoba, &b[3].id, start).await;

    // Today's ひよこ組 diary, approved by the head; うさぎ組's only submitted.
    for (classroom, approve) in [(&hiyoko, true), (&usagi, false)] {
        let saved = staff_aoba
            .ok(
                "mutation($c: ID!, $d: Date!) { saveJournalDraft(input: {kind: DAILY_DIARY, classroomId: $c, periodStart: $d, periodEnd: $d, body: \"{\\\"activities\\\": \\\"散歩\\\"}\"}) { id revision } }",
                json!({"c": classroom, "d": t_s}),
            )
            .await
            .unwrap()["saveJournalDraft"]
            .clone();
        staff_aoba
            .ok(
                "mutation($id: ID!, $r: Int!) { submitJournal(id: $id, revision: $r) { id } }",
                json!({"id": saved["id"], "r": saved["revision"]}),
            )
            .await
            .unwrap();
        if approve {
            head_aoba
                .ok(
                    "mutation($id: ID!) { approveJournal(id: $id) { status } }",
                    json!({"id": saved["id"]}),
                )
                .await
                .unwrap();
        }
    }

    // The city's own rule: two children with the same symptom on one day. みどり's rashes on
    // day 2 then make a cluster there, alerted to the officer but not to あおば's head.
    let bad = officer
        .gql(
            "mutation($m: ID!) { setInfectionAlertRule(municipalityId: $m, minChildren: 1, windowDays: 1) { minChildren } }",
            json!({"m": city}),
        )
        .await
        .unwrap();
    assert_eq!((bad.code(), bad.field()), (Some("BAD_USER_INPUT"), Some("minChildren")));
    officer
        .ok(
            "mutation($m: ID!) { setInfectionAlertRule(municipalityId: $m, minChildren: 2, windowDays: 1) { minChildren windowDays } }",
            json!({"m": city}),
        )
        .await
        .unwrap();
    let rule = head_aoba
        .ok(
            "query($m: ID!) { infectionAlertRule(municipalityId: $m) { minChildren windowDays } }",
            json!({"m": city}),
        )
        .await
        .unwrap();
    assert_eq!(rule["infectionAlertRule"], json!({"minChildren": 2, "windowDays": 1}));
    report_absence(&c1.guardian, &c1.id, "ABSENCE", &d2_s, &["RASH"]).await;
    report_absence(&c2.guardian, &c2.id, "ABSENCE", &d2_s, &["RASH"]).await;
    let rash = officer_alerts
        .next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .expect("rash cluster")["infectionAlerts"]
        .clone();
    assert_eq!(
        (
            rash["classroomName"].clone(),
            rash["symptom"].clone(),
            rash["children"].clone()
        ),
        (json!("ぞう組"), json!("RASH"), json!(2))
    );
    if let Some(message) = head_alerts.next(SILENCE_WAIT).await.unwrap() {
        panic!("あおば's head got みどり's alert: {message:?}");
    }

    // ---- The figures, by hand (`oversight_figures.rs`). ----
    let vars = json!({"m": city, "f": d1_s, "t": t_s});
    let days = crate::oversight_figures::match_the_city(&officer, &vars, [&d1_s, &d2_s, &t_s], &nap_day).await;

    // Kept alerts: the fever cluster (with the rule of its time) and the rash cluster.
    let kept = officer
        .ok("query($m: ID!, $f: Date!, $t: Date!) { infectionAlerts(municipalityId: $m, from: $f, to: $t) { symptom children rule { minChildren windowDays } } }", vars.clone())
        .await
        .unwrap();
    assert_eq!(
        kept["infectionAlerts"],
        json!([{"symptom": "RASH", "children": 2, "rule": {"minChildren": 2, "windowDays": 1}},
               {"symptom": "FEVER", "children": 3, "rule": {"minChildren": 3, "windowDays": 3}}])
    );

    // A nursery head sees their own nursery only.
    let head_days = head_midori.ok(DAY_SUMMARIES, vars.clone()).await.unwrap()["nurseryDaySummaries"].clone();
    assert!(head_days
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["nursery"]["name"] == "みどり保育園"));
    assert_eq!(head_days.as_array().unwrap().len(), 2);

    // Nothing about a single child reaches the officer: no child's id or name anywhere, even
    // through Nursery.classrooms.children.
    let mut officer_saw = String::new();
    for query in [DAY_SUMMARIES, PERIOD_SUMMARIES, SYMPTOM_ABSENCES] {
        officer_saw.push_str(&officer.ok(query, vars.clone()).await.unwrap().to_string());
    }
    officer_saw.push_str(&kept.to_string());
    officer_saw.push_str(&expected_alert.to_string());
    officer_saw.push_str(&rash.to_string());
    for k in [&a1, &a2, &a3, &b[0], &b[1], &b[2], &b[3], &c1, &c2] {
        assert!(!officer_saw.contains(&k.id), "officer saw child id {}", k.id);
        assert!(!officer_saw.contains(&k.name), "officer saw child name {}", k.name);
    }
    assert!(
        officer_saw.contains("\"children\":[]"),
        "classrooms list no children to officers"
    );

    let other_officer = make_user(
        &app,
        admin,
        "officer@elsewhere.test",
        "MUNICIPAL_OFFICER",
        Some(&elsewhere),
    )
    .await;
    crate::csv_export::matches_the_report(&app, &officer, &other_officer, &city, &vars, &days).await;
    crate::small_counts::officers_get_small_counts_withheld(&app, &officer, &head_aoba, &vars, &days).await;
}

/// Six families report the same illness at the same moment: every report is saved, and the
/// cluster they make is alerted exactly once.
async fn simultaneous_reports_raise_one_alert(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = &app.admin;
    let city = municipality(admin, "つなぐ市", "999003").await;
    let aoba = nursery(admin, &city, "あおば保育園").await;
    let usagi = classroom(admin, &aoba, "うさぎ組", 2).await;
    let long_ago = (today_jst() - Duration::days(60)).to_string();
    let mut kids = Vec::new();
    for i in 0..6 {
        kids.push(kid(&app, &aoba, &usagi, &format!("兎田 {i}"), &long_ago, 40 + i).await);
    }
    let officer = make_user(&app, admin, "officer@oversight.test", "MUNICIPAL_OFFICER", Some(&city)).await;
    let mut officer_alerts = alerts(&officer, &city).await;
    let today = today_jst().to_string();
    let reports = kids
        .iter()
        .map(|k| report_absence(&k.guardian, &k.id, "ABSENCE", &today, &["VOMITING"]));
    futures::future::join_all(reports).await;

    let alert = officer_alerts
        .next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .expect("one alert")["infectionAlerts"]
        .clone();
    assert_eq!(alert["symptom"], "VOMITING");
    if let Some(message) = officer_alerts.next(SILENCE_WAIT).await.unwrap() {
        panic!("a second alert for the same cluster: {message:?}");
    }
    let kept = officer
        .ok(
            "query($m: ID!, $d: Date!) { infectionAlerts(municipalityId: $m, from: $d, to: $d) { children } }",
            json!({"m": city, "d": today}),
        )
        .await
        .unwrap();
    assert_eq!(
        kept["infectionAlerts"],
        json!([{"children": 6}]),
        "one alert, grown to all six children"
    );
}
