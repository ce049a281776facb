//! Daily care over the API: health checks from home and nursery with live fever alerts, meals
//! with corrections and allergies, growth with the Kaup index and review flags, nap checks with
//! the server noticing an overdue check by itself, and nap-check compliance.

use std::time::Duration;

use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use tsunagu_client::{Client, Incoming, Subscriptions};

use crate::helpers::*;
use crate::nap_days::half_hour_nap;
use crate::world::*;

crate::on_both_backends!(health_meals_and_growth, naps_are_watched_by_the_server);

pub const CARE_ALERTS: &str = "subscription { careAlerts { id kind message temperatureC journalId child { id } } }";

const HEALTH: &str =
    "mutation($i: HealthCheckInput!) { recordHealthCheck(input: $i) { id fever source temperatureC symptoms } }";
const MEAL: &str = "mutation($i: MealInput!) { recordMeal(input: $i) { id meal amount allergies } }";
const GROWTH: &str = "mutation($i: GrowthInput!) { recordGrowth(input: $i) { id kaupIndex flaggedForReview } }";
pub(crate) const NAP_CHECK: &str =
    "mutation($i: NapCheckInput!) { recordNapCheck(input: $i) { id position breathingOk napId } }";

pub async fn alerts(client: &Client) -> Subscriptions {
    let mut subs = client.subscriptions().await.unwrap();
    subs.subscribe(CARE_ALERTS, json!({})).await.unwrap();
    subs
}

pub async fn next_alert(subs: &mut Subscriptions, who: &str) -> Value {
    subs.next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{who}: no alert"))["careAlerts"]
        .clone()
}

pub(crate) fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap()
}

async fn expect_bad(client: &Client, query: &str, variables: Value, field: &str) {
    let response = client.gql(query, variables).await.unwrap();
    assert_eq!(
        (response.code(), response.field()),
        (Some("BAD_USER_INPUT"), Some(field)),
        "{:?}",
        response.errors
    );
}

async fn health_meals_and_growth(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let today = today_jst().to_string();
    let mut staff_alerts = alerts(&w.staff_a).await;
    let mut family_alerts = alerts(&w.guardian_1).await;
    let mut other_family = alerts(&w.guardian_2).await;

    // The morning temperature from home: recorded, no alert.
    let home = w
        .guardian_1
        .ok(HEALTH, json!({"i": {"childId": w.child_1a, "temperatureC": 36.84}}))
        .await
        .unwrap();
    assert_eq!(home["recordHealthCheck"]["source"], "HOME");
    assert_eq!(home["recordHealthCheck"]["temperatureC"], 36.8);
    assert_eq!(home["recordHealthCheck"]["fever"], false);

    // A fever at the nursery: staff see the value, the family a request to call, nobody else.
    let fever = w
        .staff_a
        .ok(HEALTH, json!({"i": {"childId": w.child_1a, "temperatureC": 38.2, "symptoms": ["COUGH"], "idempotencyKey": "hc-1"}}))
        .await
        .unwrap();
    assert_eq!(fever["recordHealthCheck"]["fever"], true);
    assert_eq!(fever["recordHealthCheck"]["source"], "NURSERY");
    let to_staff = next_alert(&mut staff_alerts, "staff").await;
    assert_eq!(
        (to_staff["kind"].clone(), to_staff["temperatureC"].clone()),
        (json!("FEVER"), json!(38.2))
    );
    let to_family = next_alert(&mut family_alerts, "family").await;
    assert_eq!(to_family["kind"], "FEVER");
    assert_eq!(to_family["temperatureC"], Value::Null);
    assert!(
        !to_family["message"].as_str().unwrap().contains("38"),
        "no temperature for the lock screen"
    );
    assert!(other_family.next(SILENCE_WAIT).await.unwrap().is_none());
    let replay = w
        .staff_a
        .ok(HEALTH, json!({"i": {"childId": w.child_1a, "temperatureC": 38.2, "symptoms": ["COUGH"], "idempotencyKey": "hc-1"}}))
        .await
        .unwrap();
    assert_eq!(replay["recordHealthCheck"]["id"], fever["recordHealthCheck"]["id"]);
    assert!(
        staff_alerts.next(SILENCE_WAIT).await.unwrap().is_none(),
        "a replay alerts nobody again"
    );
    let history = w
        .guardian_1
        .ok(
            "query($c: ID!, $d: Date!) { child(id: $c) { healthChecks(from: $d, to: $d) { temperatureC fever } } }",
            json!({"c": w.child_1a, "d": today}),
        )
        .await
        .unwrap();
    assert_eq!(history["child"]["healthChecks"].as_array().unwrap().len(), 2);

    // Meals: breakfast from home, lunch at the nursery, corrected once; allergies shown.
    w.staff_a
        .ok(
            "mutation($c: ID!) { setChildAllergies(childId: $c, allergens: [\"卵\", \"乳\", \"卵\"]) { id } }",
            json!({"c": w.child_1a}),
        )
        .await
        .unwrap();
    let breakfast = w
        .guardian_1
        .ok(
            MEAL,
            json!({"i": {"childId": w.child_1a, "date": today, "meal": "BREAKFAST", "amount": "MOST"}}),
        )
        .await
        .unwrap();
    assert_eq!(breakfast["recordMeal"]["allergies"], json!(["乳", "卵"]));
    let lunch_by_parent = w
        .guardian_1
        .gql(
            MEAL,
            json!({"i": {"childId": w.child_1a, "date": today, "meal": "LUNCH", "amount": "ALL"}}),
        )
        .await
        .unwrap();
    assert_eq!(lunch_by_parent.code(), Some("FORBIDDEN"));
    w.staff_a
        .ok(
            MEAL,
            json!({"i": {"childId": w.child_1a, "date": today, "meal": "LUNCH", "amount": "HALF"}}),
        )
        .await
        .unwrap();
    w.staff_a
        .ok(
            MEAL,
            json!({"i": {"childId": w.child_1a, "date": today, "meal": "LUNCH", "amount": "ALL", "note": "おかわり"}}),
        )
        .await
        .unwrap();
    let meals = w
        .guardian_1
        .ok(
            "query($c: ID!, $d: Date!) { child(id: $c) { meals(from: $d, to: $d) { meal amount note } } }",
            json!({"c": w.child_1a, "d": today}),
        )
        .await
        .unwrap();
    assert_eq!(
        meals["child"]["meals"],
        json!([{"meal": "BREAKFAST", "amount": "MOST", "note": null}, {"meal": "LUNCH", "amount": "ALL", "note": "おかわり"}])
    );

    // Growth: the Kaup index, a series, and an implausible jump flagged but kept.
    let first = w
        .staff_a
        .ok(
            GROWTH,
            json!({"i": {"childId": w.child_1a, "measuredOn": "2025-10-01", "heightCm": 85.0, "weightKg": 11.5, "idempotencyKey": "gr-1"}}),
        )
        .await
        .unwrap();
    assert_eq!(first["recordGrowth"]["kaupIndex"], 15.9);
    assert_eq!(first["recordGrowth"]["flaggedForReview"], false);
    let jump = w
        .staff_a
        .ok(
            GROWTH,
            json!({"i": {"childId": w.child_1a, "measuredOn": "2025-11-01", "heightCm": 86.0, "weightKg": 21.5}}),
        )
        .await
        .unwrap();
    assert_eq!(jump["recordGrowth"]["flaggedForReview"], true);
    // The tablet's queue replays a measurement whose answer it never got: the first record
    // comes back and nothing is recorded again (the series below has each measurement once).
    let replay = w
        .staff_a
        .ok(
            GROWTH,
            json!({"i": {"childId": w.child_1a, "measuredOn": "2025-10-01", "heightCm": 85.0, "weightKg": 11.5, "idempotencyKey": "gr-1"}}),
        )
        .await
        .unwrap();
    assert_eq!(replay["recordGrowth"]["id"], first["recordGrowth"]["id"]);
    let series = w
        .guardian_1
        .ok(
            "query($c: ID!) { child(id: $c) { growth { measuredOn weightKg } } }",
            json!({"c": w.child_1a}),
        )
        .await
        .unwrap();
    assert_eq!(
        series["child"]["growth"],
        json!([{"measuredOn": "2025-10-01", "weightKg": 11.5}, {"measuredOn": "2025-11-01", "weightKg": 21.5}])
    );

    // Validation names the field.
    let s = &w.staff_a;
    expect_bad(
        s,
        HEALTH,
        json!({"i": {"childId": w.child_1a, "temperatureC": 33.0}}),
        "temperatureC",
    )
    .await;
    expect_bad(
        s,
        HEALTH,
        json!({"i": {"childId": w.child_1a, "temperatureC": 42.6}}),
        "temperatureC",
    )
    .await;
    expect_bad(s, HEALTH, json!({"i": {"childId": w.child_1a}}), "temperatureC").await;
    let tomorrow = rfc3339(OffsetDateTime::now_utc() + time::Duration::days(1));
    expect_bad(
        s,
        HEALTH,
        json!({"i": {"childId": w.child_1a, "temperatureC": 37.0, "recordedAt": tomorrow}}),
        "recordedAt",
    )
    .await;
    expect_bad(
        s,
        MEAL,
        json!({"i": {"childId": w.child_1a, "date": today, "meal": "DINNER", "amount": "ALL"}}),
        "meal",
    )
    .await;
    expect_bad(
        s,
        MEAL,
        json!({"i": {"childId": w.child_1a, "date": today, "meal": "LUNCH", "amount": "LOTS"}}),
        "amount",
    )
    .await;
    expect_bad(
        s,
        GROWTH,
        json!({"i": {"childId": w.child_1a, "measuredOn": "2025-12-01", "heightCm": 200.0}}),
        "heightCm",
    )
    .await;
    expect_bad(
        s,
        GROWTH,
        json!({"i": {"childId": w.child_1a, "measuredOn": "2025-12-01", "weightKg": 0.5}}),
        "weightKg",
    )
    .await;
    expect_bad(
        s,
        GROWTH,
        json!({"i": {"childId": w.child_1a, "measuredOn": "2025-12-01"}}),
        "heightCm",
    )
    .await;
    expect_bad(
        s,
        GROWTH,
        json!({"i": {"childId": w.child_1a, "measuredOn": "2099-01-01", "heightCm": 90.0}}),
        "measuredOn",
    )
    .await;
    expect_bad(
        s,
        NAP_CHECK,
        json!({"i": {"childId": w.child_1a, "position": "UPSIDE_DOWN", "breathingOk": true}}),
        "position",
    )
    .await;
}

async fn naps_are_watched_by_the_server(backend: Backend) {
    let app = TestApp::start_with(backend, &[("NAP_WATCH_INTERVAL_MS", "100")]).await;
    let w = World::build(&app).await;
    let mut staff_alerts = alerts(&w.staff_a).await;
    let mut family_alerts = alerts(&w.guardian_1).await;

    // Short intervals by configuration: the nursery's setting for 1-year-olds wins over the
    // municipality's.
    w.officer
        .ok(
            "mutation($s: ID!) { setNapCheckInterval(scopeId: $s, ageBand: 1, seconds: 600) }",
            json!({"s": w.municipality}),
        )
        .await
        .unwrap();
    w.head_a
        .ok(
            "mutation($s: ID!) { setNapCheckInterval(scopeId: $s, ageBand: 1, seconds: 3) }",
            json!({"s": w.nursery_a}),
        )
        .await
        .unwrap();

    // The first check starts the nap; nobody checks again; the server notices by itself.
    let first = w
        .staff_a
        .ok(
            NAP_CHECK,
            json!({"i": {"childId": w.child_1a, "position": "BACK", "breathingOk": true}}),
        )
        .await
        .unwrap();
    let nap = first["recordNapCheck"]["napId"].clone();
    assert!(
        staff_alerts.next(Duration::from_millis(1_000)).await.unwrap().is_none(),
        "not due yet"
    );
    let overdue = next_alert(&mut staff_alerts, "staff").await;
    assert_eq!(overdue["kind"], "NAP_CHECK_OVERDUE");
    assert_eq!(overdue["child"]["id"], json!(w.child_1a));
    assert!(
        staff_alerts.next(Duration::from_millis(1_000)).await.unwrap().is_none(),
        "one alert per missed check"
    );

    // Danger is alerted at once.
    let prone = w
        .staff_a
        .ok(
            NAP_CHECK,
            json!({"i": {"childId": w.child_1a, "position": "FRONT", "breathingOk": true}}),
        )
        .await
        .unwrap();
    assert_eq!(prone["recordNapCheck"]["napId"], nap, "the same nap goes on");
    assert_eq!(next_alert(&mut staff_alerts, "staff").await["kind"], "NAP_POSITION");
    w.staff_a
        .ok(
            NAP_CHECK,
            json!({"i": {"childId": w.child_1a, "position": "BACK", "breathingOk": false}}),
        )
        .await
        .unwrap();
    assert_eq!(next_alert(&mut staff_alerts, "staff").await["kind"], "NAP_BREATHING");
    match family_alerts.next(SILENCE_WAIT).await.unwrap() {
        None => {}
        Some(Incoming::Next { payload, .. }) => panic!("families are not sent nap alerts: {payload}"),
        Some(other) => panic!("{other:?}"),
    }
    let ended = w
        .staff_a
        .ok(
            "mutation($c: ID!) { endNap(childId: $c) { endedAt } }",
            json!({"c": w.child_1a}),
        )
        .await
        .unwrap();
    assert!(ended["endNap"]["endedAt"].is_string());
    assert!(
        staff_alerts.next(Duration::from_millis(2_500)).await.unwrap().is_none(),
        "an ended nap is not watched"
    );
    let again = w
        .staff_a
        .gql(
            "mutation($c: ID!) { endNap(childId: $c) { endedAt } }",
            json!({"c": w.child_1a}),
        )
        .await
        .unwrap();
    assert_eq!(again.code(), Some("CONFLICT"));

    // Compliance for a nap entered with times: 10-minute interval (the default for
    // 1–2-year-olds, in another classroom), 30 minutes asleep, checks after 5, 9 and 12 minutes.
    let toddlers = classroom(&app.admin, &w.nursery_a, "うさぎ組", 2).await;
    let family = family(&app.admin, &w.nursery_a).await;
    let toddler = child(&app.admin, &family, &toddlers, "田中 りつ").await;
    let start = OffsetDateTime::now_utc() - time::Duration::minutes(40);
    half_hour_nap(&w.staff_a, &toddler, start).await;
    let nap_day = (start + time::Duration::hours(9)).date().to_string();
    let compliance = w
        .staff_a
        .ok("query($c: ID!, $d: Date!) { child(id: $c) { napCompliance(date: $d) { requiredChecks onTimeChecks } naps(from: $d, to: $d) { checkIntervalSeconds } } }", json!({"c": toddler, "d": nap_day}))
        .await
        .unwrap();
    assert_eq!(
        compliance["child"]["napCompliance"],
        json!({"requiredChecks": 3, "onTimeChecks": 2})
    );
    assert_eq!(compliance["child"]["naps"], json!([{"checkIntervalSeconds": 600}]));
}
