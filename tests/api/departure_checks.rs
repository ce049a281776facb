//! Nobody left behind (降園確認), with the nursery's closing time set just after midnight
//! through the API so that "after closing" is now: a child checked in and not checked out is
//! alerted to the nursery's staff and head, live and by push, again at the set interval, until
//! the check-out ends it or staff explain it; never on a closed day, never to families.

use serde_json::{json, Value};
use tsunagu_client::{Client, Incoming, Subscriptions};

use crate::helpers::*;
use crate::push_service::{env_pairs, PushService};
use crate::world::*;

crate::on_both_backends!(
    alerted_until_the_check_out_and_repeated_meanwhile,
    explained_by_staff_and_never_on_a_closed_day,
);

const DEPARTURE_UPDATES: &str =
    "subscription { departureCheckUpdates { id open alerts resolution note child { id } } }";
const DEPARTURE_CHECKS: &str =
    "query($n: ID!) { departureChecks(nurseryId: $n) { id open alerts resolution note child { id name } } }";

/// Closes the nursery today, whatever the weekday or the hour, so that nothing is raised while
/// a test sets up its day (the default hours would put an evening run after closing).
async fn closed_today(head: &Client, nursery: &str) {
    set_today(head, nursery, false).await;
}

/// Opens the nursery today, its closing time two seconds after midnight: the rest of the day is
/// after closing, and the check is due at once.
async fn open_and_past_closing(head: &Client, nursery: &str) {
    closing_at_midnight(head, nursery).await;
    set_today(head, nursery, true).await;
}

async fn set_today(head: &Client, nursery: &str, open: bool) {
    head.ok(
        "mutation($n: ID!, $d: Date!, $o: Boolean!) { setCalendarDay(nurseryId: $n, date: $d, open: $o, note: \"テスト\") { open } }",
        json!({"n": nursery, "d": today_jst().to_string(), "o": open}),
    )
    .await
    .unwrap();
}

async fn closing_at_midnight(head: &Client, nursery: &str) {
    head.ok(
        "mutation($n: ID!) { setNurseryHours(nurseryId: $n, input: {openWeekdays: [1,2,3,4,5,6,7],
            opensAt: \"00:00\", closesAt: \"00:00:02\", arrivalCheckAt: \"00:00:01\", lateGraceMinutes: 30}) { closesAt } }",
        json!({"n": nursery}),
    )
    .await
    .unwrap();
}

async fn subscribed(client: &Client) -> Subscriptions {
    let mut subs = client.subscriptions().await.unwrap();
    subs.subscribe(DEPARTURE_UPDATES, json!({})).await.unwrap();
    subs
}

async fn next_check(subs: &mut Subscriptions) -> Value {
    subs.next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .expect("a departure check update")["departureCheckUpdates"]
        .clone()
}

async fn alerted_until_the_check_out_and_repeated_meanwhile(backend: Backend) {
    let service = PushService::start().await;
    let mut env = service.server_env();
    env.push(("PUSH_POLL_INTERVAL_MS", "100".to_owned()));
    env.push(("ARRIVAL_WATCH_INTERVAL_MS", "100".to_owned()));
    env.push(("LEFT_BEHIND_REPEAT_SECONDS", "2".to_owned()));
    let app = TestApp::start_with(backend, &env_pairs(&env)).await;
    let w = World::build(&app).await;
    closed_today(&w.head_a, &w.nursery_a).await;
    let tablet = service.device("tablet", &[]);
    let mother_phone = service.device("mother", &[]);
    for (user, device) in [(&w.staff_a, &tablet), (&w.guardian_1, &mother_phone)] {
        user.ok(
            "mutation($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) }",
            json!({"i": device.input()}),
        )
        .await
        .unwrap();
    }
    // はると stays; さくら (child_2) is collected before closing (by a guardian: no name given).
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_2})).await.unwrap();
    w.staff_a.ok(CHECK_OUT, json!({"c": w.child_2})).await.unwrap();
    let mut staff_live = subscribed(&w.staff_a).await;
    let mut head_live = subscribed(&w.head_a).await;
    // Families are not told: the check-out itself is their news.
    let mut guardian = w.guardian_1.subscriptions().await.unwrap();
    guardian.subscribe(DEPARTURE_UPDATES, json!({})).await.unwrap();
    match guardian.next(DELIVERY_WAIT).await.unwrap() {
        Some(Incoming::Error { payload, .. }) => assert_eq!(payload[0]["extensions"]["code"], "FORBIDDEN", "{payload}"),
        other => panic!("a guardian may not follow the staff's checks: {other:?}"),
    }

    open_and_past_closing(&w.head_a, &w.nursery_a).await;
    let raised = next_check(&mut staff_live).await;
    assert_eq!(
        (
            raised["child"]["id"].as_str(),
            raised["open"].clone(),
            raised["alerts"].clone()
        ),
        (Some(w.child_1a.as_str()), json!(true), json!(1))
    );
    assert_eq!(next_check(&mut head_live).await["id"], raised["id"]);
    let pushed = service.wait_for(&tablet, 1, DELIVERY_WAIT).await;
    assert_eq!(pushed[0].payload["kind"], "LEFT_BEHIND");
    let body = pushed[0].payload["body"].as_str().unwrap();
    assert!(body.starts_with("はるとちゃんがまだ降園していません（"), "{body}");

    // Again after the interval, to staff live and by push.
    let repeated = next_check(&mut staff_live).await;
    assert_eq!(
        (repeated["id"].clone(), repeated["alerts"].clone()),
        (raised["id"].clone(), json!(2))
    );
    service.wait_for(&tablet, 2, DELIVERY_WAIT).await;

    // The check-out ends it; the list shows it ended.
    w.staff_a.ok(CHECK_OUT, json!({"c": w.child_1a})).await.unwrap();
    let ended = loop {
        let update = next_check(&mut staff_live).await;
        if update["open"] == false {
            break update;
        }
    };
    assert_eq!(
        (ended["id"].clone(), ended["resolution"].clone()),
        (raised["id"].clone(), json!("CHECKED_OUT"))
    );
    let list = w.staff_a.ok(DEPARTURE_CHECKS, json!({"n": w.nursery_a})).await.unwrap();
    let list = list["departureChecks"].as_array().unwrap();
    assert_eq!(list.len(), 1, "one check, for the child who stayed: {list:?}");
    assert_eq!(list[0]["resolution"], "CHECKED_OUT");
    // The guardian's phone heard of arrivals and departures only.
    let received = service.delivered(&mother_phone);
    assert!(
        received.iter().all(|r| r.payload["kind"] != "LEFT_BEHIND"),
        "{:?}",
        received.iter().map(|r| r.payload["kind"].clone()).collect::<Vec<_>>()
    );
}

async fn explained_by_staff_and_never_on_a_closed_day(backend: Backend) {
    let app = TestApp::start_with(
        backend,
        &[
            ("ARRIVAL_WATCH_INTERVAL_MS", "100"),
            ("LEFT_BEHIND_REPEAT_SECONDS", "3600"),
        ],
    )
    .await;
    let w = World::build(&app).await;
    closed_today(&app.admin, &w.nursery_b).await;
    // Nursery B, soon open and past closing, has a child still here.
    let family_b = family(&app.admin, &w.nursery_b).await;
    let classroom_b = classroom(&app.admin, &w.nursery_b, "きりん組", 4).await;
    let staying = create(
        &app.admin,
        "mutation($f: ID!, $c: ID!) { enrollChild(familyId: $f, classroomId: $c, name: \"伊藤 れん\", birthDate: \"2021-06-01\", enrolledOn: \"2024-04-01\") { id } }",
        json!({"f": family_b, "c": classroom_b}),
        "enrollChild",
    )
    .await;
    w.staff_b.ok(CHECK_IN, json!({"c": staying})).await.unwrap();
    // Nursery A is closed today (its head's closure), though a child is checked in and its
    // hours put now after closing.
    w.head_a
        .ok(
            "mutation($n: ID!, $d: Date!) { setCalendarDay(nurseryId: $n, date: $d, open: false, note: \"臨時休園\") { status } }",
            json!({"n": w.nursery_a, "d": today_jst().to_string()}),
        )
        .await
        .unwrap();
    closing_at_midnight(&w.head_a, &w.nursery_a).await;
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    let mut staff_a_live = subscribed(&w.staff_a).await;
    let mut staff_b_live = subscribed(&w.staff_b).await;
    open_and_past_closing(&app.admin, &w.nursery_b).await;

    // The pass that raised nursery B's child considered both nurseries.
    let raised = next_check(&mut staff_b_live).await;
    assert_eq!(raised["child"]["id"], staying.as_str());
    assert!(
        staff_a_live.next_data(SILENCE_WAIT).await.unwrap().is_none(),
        "nothing on a closed day"
    );
    let a_checks = w.staff_a.ok(DEPARTURE_CHECKS, json!({"n": w.nursery_a})).await.unwrap();
    assert_eq!(a_checks["departureChecks"], json!([]));

    // Staff explain it: it ends, with their note, and is not raised again that day.
    let blank = w
        .staff_b
        .gql(
            "mutation($id: ID!) { explainDepartureCheck(id: $id, note: \"  \") { id } }",
            json!({"id": raised["id"]}),
        )
        .await
        .unwrap();
    assert_eq!((blank.code(), blank.field()), (Some("BAD_USER_INPUT"), Some("note")));
    let outsider = w
        .staff_a
        .gql(
            "mutation($id: ID!) { explainDepartureCheck(id: $id, note: \"延長保育\") { id } }",
            json!({"id": raised["id"]}),
        )
        .await
        .unwrap();
    assert_eq!(outsider.code(), Some("NOT_FOUND"));
    let explained = w
        .staff_b
        .ok(
            "mutation($id: ID!) { explainDepartureCheck(id: $id, note: \"延長保育（20時まで）\") { open resolution note } }",
            json!({"id": raised["id"]}),
        )
        .await
        .unwrap();
    assert_eq!(
        explained["explainDepartureCheck"],
        json!({"open": false, "resolution": "EXPLAINED", "note": "延長保育（20時まで）"})
    );
    let seen = next_check(&mut staff_b_live).await;
    assert_eq!(
        (seen["id"].clone(), seen["open"].clone()),
        (raised["id"].clone(), json!(false))
    );
    assert!(
        staff_b_live.next_data(SILENCE_WAIT).await.unwrap().is_none(),
        "an explained check is not raised again"
    );
    let again = w
        .staff_b
        .gql(
            "mutation($id: ID!) { explainDepartureCheck(id: $id, note: \"もう一度\") { id } }",
            json!({"id": raised["id"]}),
        )
        .await
        .unwrap();
    assert_eq!(again.code(), Some("CONFLICT"));
}
