//! The not-yet-arrived check (登園確認), with the nursery's check time set to "now" through the
//! API: raised once for each expected child with no arrival and no report, to the staff's list
//! and live to every guardian (one push each, in their language); ended by the arrival, by a
//! report, or by staff with a note; not raised on a closed day or for a withdrawn child; the
//! late-arrival grace; raised once with two replicas on one database.

use serde_json::{json, Value};
use tsunagu_client::{Client, ServerProcess, Subscriptions};

use crate::helpers::*;
use crate::push_service::{env_pairs, PushService};
use crate::world::*;

crate::on_both_backends!(
    raised_for_the_missing_child_and_ended_by_the_arrival,
    ended_by_a_report_or_by_staff_with_a_note,
    not_raised_on_a_closed_day_or_for_a_withdrawn_child,
    a_late_child_is_missing_once_the_grace_has_passed,
    raised_once_with_two_replicas,
);

pub(crate) const ARRIVAL_UPDATES: &str =
    "subscription { arrivalCheckUpdates { id open resolution note child { id } } }";
pub(crate) const ARRIVAL_CHECKS: &str =
    "query($n: ID!) { arrivalChecks(nurseryId: $n) { id open resolution note child { id name } } }";
const WATCH: [(&str, &str); 1] = [("ARRIVAL_WATCH_INTERVAL_MS", "100")];

/// Opens the nursery today (whatever the weekday or holiday) and makes its check due from now:
/// open all day, the check at midnight, with this grace for late arrivals.
pub(crate) async fn check_due_now(configurer: &Client, nursery: &str, grace_minutes: i32) {
    configurer
        .ok(
            "mutation($n: ID!, $d: Date!) { setCalendarDay(nurseryId: $n, date: $d, open: true, note: \"テスト\") { open } }",
            json!({"n": nursery, "d": today_jst().to_string()}),
        )
        .await
        .unwrap();
    due_hours(configurer, nursery, grace_minutes).await;
}

/// Hours that make the check due all day: open 00:00–23:59:59, the check at midnight.
async fn due_hours(configurer: &Client, nursery: &str, grace_minutes: i32) {
    configurer
        .ok(
            "mutation($n: ID!, $g: Int!) { setNurseryHours(nurseryId: $n, input: {openWeekdays: [1,2,3,4,5,6,7],
                opensAt: \"00:00\", closesAt: \"23:59:59\", arrivalCheckAt: \"00:00\", lateGraceMinutes: $g}) { arrivalCheckAt } }",
            json!({"n": nursery, "g": grace_minutes}),
        )
        .await
        .unwrap();
}

/// The nursery's checks of today, waiting until `done` is satisfied.
pub(crate) async fn checks_until(staff: &Client, nursery: &str, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
    let deadline = tokio::time::Instant::now() + DELIVERY_WAIT;
    loop {
        let data = staff.ok(ARRIVAL_CHECKS, json!({"n": nursery})).await.unwrap();
        let checks = data["arrivalChecks"].as_array().unwrap().clone();
        if done(&checks) {
            return checks;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "checks never became as expected: {checks:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

pub(crate) async fn next_check(subs: &mut Subscriptions) -> Value {
    subs.next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .expect("an arrival check update")["arrivalCheckUpdates"]
        .clone()
}

async fn subscribed(client: &Client) -> Subscriptions {
    let mut subs = client.subscriptions().await.unwrap();
    subs.subscribe(ARRIVAL_UPDATES, json!({})).await.unwrap();
    subs
}

async fn raised_for_the_missing_child_and_ended_by_the_arrival(backend: Backend) {
    let service = PushService::start().await;
    let mut env = service.server_env();
    env.push(("PUSH_POLL_INTERVAL_MS", "100".to_owned()));
    env.push(("ARRIVAL_WATCH_INTERVAL_MS", "100".to_owned()));
    let app = TestApp::start_with(backend, &env_pairs(&env)).await;
    let w = World::build(&app).await;
    let mother_phone = service.device("mother", &[]);
    let father_phone = service.device("father", &[]);
    for (guardian, device) in [(&w.guardian_1, &mother_phone), (&w.guardian_1b, &father_phone)] {
        guardian
            .ok(
                "mutation($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) }",
                json!({"i": device.input()}),
            )
            .await
            .unwrap();
    }
    w.guardian_1b
        .ok("mutation { setLocale(locale: \"en\") { id } }", json!({}))
        .await
        .unwrap();
    // Of nursery A's three children: one arrived, one reported absent, one not heard of.
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_2})).await.unwrap();
    w.guardian_1
        .ok(
            "mutation($c: ID!, $d: Date!) { reportAbsence(input: {childId: $c, kind: ABSENCE, date: $d, reason: FAMILY}) { id } }",
            json!({"c": w.child_1b, "d": today_jst().to_string()}),
        )
        .await
        .unwrap();
    let mut staff_live = subscribed(&w.staff_a).await;
    let mut mother_live = subscribed(&w.guardian_1).await;
    let mut father_live = subscribed(&w.guardian_1b).await;

    check_due_now(&w.head_a, &w.nursery_a, 30).await;
    let raised = next_check(&mut staff_live).await;
    assert_eq!(raised["child"]["id"], w.child_1a.as_str());
    assert_eq!(raised["open"], true);
    for live in [&mut mother_live, &mut father_live] {
        let seen = next_check(live).await;
        assert_eq!(
            (seen["id"].clone(), seen["open"].clone()),
            (raised["id"].clone(), json!(true))
        );
    }
    let list = checks_until(&w.staff_a, &w.nursery_a, |c| !c.is_empty()).await;
    assert_eq!(list.len(), 1, "only the child not heard of: {list:?}");

    // One push to each guardian, in their language, naming the child and nothing else.
    let ja = service.wait_for(&mother_phone, 1, DELIVERY_WAIT).await;
    assert_eq!(ja[0].payload["kind"], "ARRIVAL_CHECK");
    assert_eq!(
        ja[0].payload["body"],
        "はるとちゃんの登園がまだ確認できていません。お休みの場合はご連絡ください"
    );
    let en = service.wait_for(&father_phone, 1, DELIVERY_WAIT).await;
    let body = en[0].payload["body"].as_str().unwrap();
    assert!(body.contains("はると") && body.contains("let us know"), "{body}");
    assert!(!body.contains("佐藤"), "the given name only");

    // The arrival ends it, live for staff and both guardians.
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    for live in [&mut staff_live, &mut mother_live, &mut father_live] {
        let ended = next_check(live).await;
        assert_eq!(ended["id"], raised["id"]);
        assert_eq!(
            (ended["open"].clone(), ended["resolution"].clone()),
            (json!(false), json!("ARRIVED"))
        );
    }
    // Raised once: later ticks found it already there, and no second push was sent.
    assert!(mother_live.next_data(SILENCE_WAIT).await.unwrap().is_none());
    let checks_pushed = service.wait_for(&mother_phone, 2, DELIVERY_WAIT).await;
    let kinds: Vec<&Value> = checks_pushed.iter().map(|p| &p.payload["kind"]).collect();
    assert_eq!(
        kinds,
        [&json!("ARRIVAL_CHECK"), &json!("ARRIVAL")],
        "one check push, then the arrival's"
    );
    let list = checks_until(&w.staff_a, &w.nursery_a, |_| true).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["resolution"], "ARRIVED");
}

async fn ended_by_a_report_or_by_staff_with_a_note(backend: Backend) {
    let app = TestApp::start_with(backend, &WATCH).await;
    let w = World::build(&app).await;
    let mut staff_live = subscribed(&w.staff_a).await;
    let mut mother_live = subscribed(&w.guardian_1).await;
    check_due_now(&w.head_a, &w.nursery_a, 30).await;
    let open = checks_until(&w.staff_a, &w.nursery_a, |c| c.len() == 3).await;
    for _ in 0..3 {
        next_check(&mut staff_live).await;
    }
    let check_of = |child: &str| open.iter().find(|c| c["child"]["id"] == child).unwrap()["id"].clone();

    // A report ends it by itself.
    w.guardian_2
        .ok(
            "mutation($c: ID!, $d: Date!) { reportAbsence(input: {childId: $c, kind: ABSENCE, date: $d, reason: ILLNESS, symptoms: [COUGH]}) { id } }",
            json!({"c": w.child_2, "d": today_jst().to_string()}),
        )
        .await
        .unwrap();
    let ended = next_check(&mut staff_live).await;
    assert_eq!(
        (ended["id"].clone(), ended["resolution"].clone()),
        (check_of(&w.child_2), json!("REPORTED"))
    );

    // Staff close one with a note, which guardians do not read.
    let refused = w
        .staff_a
        .gql(
            "mutation($id: ID!) { closeArrivalCheck(id: $id, note: \" \") { id } }",
            json!({"id": check_of(&w.child_1a)}),
        )
        .await
        .unwrap();
    assert_eq!(
        (refused.code(), refused.field()),
        (Some("BAD_USER_INPUT"), Some("note"))
    );
    let closed = w
        .staff_a
        .ok(
            "mutation($id: ID!) { closeArrivalCheck(id: $id, note: \"母に電話: 通院のため10時に登園\") { resolution note } }",
            json!({"id": check_of(&w.child_1a)}),
        )
        .await
        .unwrap();
    assert_eq!(closed["closeArrivalCheck"]["resolution"], "CLOSED_BY_STAFF");
    assert_eq!(
        next_check(&mut staff_live).await["note"],
        "母に電話: 通院のため10時に登園"
    );
    let mut seen = Vec::new();
    for _ in 0..3 {
        seen.push(next_check(&mut mother_live).await);
    }
    let closed_seen = seen
        .iter()
        .find(|c| c["id"] == check_of(&w.child_1a) && c["open"] == false)
        .unwrap();
    assert_eq!(
        closed_seen["note"],
        Value::Null,
        "the staff's note stays with the nursery"
    );
    let again = w
        .staff_a
        .gql(
            "mutation($id: ID!) { closeArrivalCheck(id: $id, note: \"again\") { id } }",
            json!({"id": check_of(&w.child_1a)}),
        )
        .await
        .unwrap();
    assert_eq!(again.code(), Some("CONFLICT"));
    // Closed is closed: the later arrival does not reopen or change it.
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    let list = checks_until(&w.staff_a, &w.nursery_a, |c| {
        c.iter().filter(|c| c["open"] == true).count() == 1
    })
    .await;
    let still = list.iter().find(|c| c["child"]["id"] == w.child_1a.as_str()).unwrap();
    assert_eq!(still["resolution"], "CLOSED_BY_STAFF");
}

async fn not_raised_on_a_closed_day_or_for_a_withdrawn_child(backend: Backend) {
    let app = TestApp::start_with(backend, &WATCH).await;
    let w = World::build(&app).await;
    // Nursery B: a child who left yesterday, and one who is expected.
    let family_b = family(&app.admin, &w.nursery_b).await;
    let classroom_b = classroom(&app.admin, &w.nursery_b, "きりん組", 4).await;
    let left = app
        .admin
        .ok(
            "mutation($f: ID!, $c: ID!) { enrollChild(familyId: $f, classroomId: $c, name: \"伊藤 れん\", birthDate: \"2021-06-01\", enrolledOn: \"2024-04-01\") { id } }",
            json!({"f": family_b, "c": classroom_b}),
        )
        .await
        .unwrap()["enrollChild"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Withdrawn from today: today is the first day no longer at the nursery.
    app.admin
        .ok(
            "mutation($c: ID!, $d: Date!) { withdrawChild(childId: $c, date: $d) { id } }",
            json!({"c": left, "d": today_jst().to_string()}),
        )
        .await
        .unwrap();
    // Nursery A is closed today (its head's closure), though its hours make the check due.
    w.head_a
        .ok(
            "mutation($n: ID!, $d: Date!) { setCalendarDay(nurseryId: $n, date: $d, open: false, note: \"臨時休園\") { status } }",
            json!({"n": w.nursery_a, "d": today_jst().to_string()}),
        )
        .await
        .unwrap();
    due_hours(&w.head_a, &w.nursery_a, 30).await;
    let mut staff_b_live = subscribed(&w.staff_b).await;
    let mut staff_a_live = subscribed(&w.staff_a).await;
    check_due_now(&app.admin, &w.nursery_b, 30).await;

    // The pass that raised nursery B's expected child considered both nurseries.
    let raised = next_check(&mut staff_b_live).await;
    assert_ne!(raised["child"]["id"], left.as_str());
    let b_checks = checks_until(&w.staff_b, &w.nursery_b, |c| !c.is_empty()).await;
    assert_eq!(b_checks.len(), 1, "not the withdrawn child: {b_checks:?}");
    assert!(
        staff_a_live.next_data(SILENCE_WAIT).await.unwrap().is_none(),
        "nothing on a closed day"
    );
    let a_checks = w.staff_a.ok(ARRIVAL_CHECKS, json!({"n": w.nursery_a})).await.unwrap();
    assert_eq!(a_checks["arrivalChecks"], json!([]));
    let calendar = w
        .staff_a
        .ok(
            "query($n: ID!, $d: Date!) { nurseryCalendar(nurseryId: $n, from: $d, to: $d) { days { open status note } } }",
            json!({"n": w.nursery_a, "d": today_jst().to_string()}),
        )
        .await
        .unwrap();
    assert_eq!(
        calendar["nurseryCalendar"]["days"][0],
        json!({"open": false, "status": "CLOSURE", "note": "臨時休園"})
    );
}

async fn a_late_child_is_missing_once_the_grace_has_passed(backend: Backend) {
    let app = TestApp::start_with(backend, &WATCH).await;
    let w = World::build(&app).await;
    let today = today_jst().to_string();
    let now = time::OffsetDateTime::now_utc();
    let report_late = |client: Client, child: String, expected: time::OffsetDateTime| {
        let today = today.clone();
        async move {
            client
                .ok(
                    "mutation($c: ID!, $d: Date!, $t: DateTime!) { reportAbsence(input: {childId: $c, kind: LATE, date: $d, reason: FAMILY, expectedArrival: $t}) { id } }",
                    json!({"c": child, "d": today, "t": crate::care::rfc3339(expected)}),
                )
                .await
                .unwrap();
        }
    };
    // Both said they would be late. One's time (with no grace) has passed; the other's has
    // not, nor will it during the test.
    let passed = (now - time::Duration::seconds(1)).max(midnight_jst());
    report_late(w.guardian_1.clone(), w.child_1a.clone(), passed).await;
    let ahead = (now + time::Duration::hours(3)).min(midnight_jst() + time::Duration::seconds(86_399));
    report_late(w.guardian_1.clone(), w.child_1b.clone(), ahead).await;
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_2})).await.unwrap();
    let mut staff_live = subscribed(&w.staff_a).await;
    check_due_now(&w.head_a, &w.nursery_a, 0).await;
    let raised = next_check(&mut staff_live).await;
    assert_eq!(raised["child"]["id"], w.child_1a.as_str());
    assert!(
        staff_live.next_data(SILENCE_WAIT).await.unwrap().is_none(),
        "the other is within their time"
    );
    let list = w.staff_a.ok(ARRIVAL_CHECKS, json!({"n": w.nursery_a})).await.unwrap();
    assert_eq!(list["arrivalChecks"].as_array().unwrap().len(), 1);
}

async fn raised_once_with_two_replicas(backend: Backend) {
    let service = PushService::start().await;
    let mut env_list = service.server_env();
    env_list.push(("PUSH_POLL_INTERVAL_MS", "100".to_owned()));
    env_list.push(("ARRIVAL_WATCH_INTERVAL_MS", "50".to_owned()));
    let app = TestApp::start_with(backend, &env_pairs(&env_list)).await;
    let w = World::build(&app).await;
    let mut env = server_env(&app.db);
    for (key, value) in env_list {
        env.insert(key.to_owned(), value);
    }
    let replica_b = ServerProcess::spawn(&binary(), &env).await.expect("second replica");
    let phone = service.device("phone", &[]);
    w.guardian_2
        .ok(
            "mutation($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) }",
            json!({"i": phone.input()}),
        )
        .await
        .unwrap();
    let on_b = Client::new(&replica_b.base_url).with_token(w.guardian_2.token().map(str::to_owned));
    let mut on_a_live = subscribed(&w.guardian_2).await;
    let mut on_b_live = subscribed(&on_b).await;
    check_due_now(&w.head_a, &w.nursery_a, 30).await;
    for live in [&mut on_a_live, &mut on_b_live] {
        let raised = next_check(live).await;
        assert_eq!(raised["child"]["id"], w.child_2.as_str());
        assert!(live.next_data(SILENCE_WAIT).await.unwrap().is_none(), "raised once");
    }
    assert_eq!(service.wait_for(&phone, 1, DELIVERY_WAIT).await.len(), 1);
    tokio::time::sleep(SILENCE_WAIT).await;
    assert_eq!(service.delivered(&phone).len(), 1, "one push across both replicas");
    replica_b.terminate().await.unwrap();
}

/// Midnight today in Japan, as an instant.
fn midnight_jst() -> time::OffsetDateTime {
    let jst = time::UtcOffset::from_hms(9, 0, 0).unwrap();
    time::OffsetDateTime::new_in_offset(today_jst(), time::Time::MIDNIGHT, jst)
}
