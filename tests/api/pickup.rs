//! The pickup plan (お迎え): the family's list of people allowed to collect the children, which
//! staff confirm; the day's plan set by a guardian and seen live by staff (and the other
//! parent); check-outs by a listed person (nothing more) and by someone not on the list (a
//! warning live to the head and a push to the nursery's staff, once, even when the check-out is
//! replayed with its idempotency key); bad input refused naming the field.

use serde_json::{json, Value};
use tsunagu_client::{Client, Subscriptions};

use crate::helpers::*;
use crate::push_service::{env_pairs, PushService};
use crate::world::*;

crate::on_both_backends!(
    the_family_keeps_its_list_and_the_nursery_confirms_it,
    todays_plan_reaches_the_staff_tablet_live,
    a_check_out_by_someone_not_on_the_list_warns_the_nursery_once,
    bad_input_is_refused_naming_the_field,
);

pub(crate) const ADD_PERSON: &str = "mutation($f: ID!, $n: String!, $r: String!, $p: String!) {
    addPickupPerson(familyId: $f, input: {name: $n, relation: $r, phone: $p}) { id name relation phone confirmed }
}";
pub(crate) const CONFIRM_PERSON: &str = "mutation($id: ID!) { confirmPickupPerson(id: $id) { id confirmed } }";
pub(crate) const LIST: &str = "query($f: ID!) { pickupPeople(familyId: $f) { id name confirmed } }";
pub(crate) const SET_PLAN: &str = "mutation($c: ID!, $d: Date!, $t: String!, $p: ID, $o: PickupPersonInput) {
    setPickupPlan(input: {childId: $c, date: $d, time: $t, personId: $p, oneOff: $o}) { time name confirmed person { id } oneOff { name } }
}";
pub(crate) const PLAN_UPDATES: &str =
    "subscription { pickupPlanUpdates { date child { id } plan { time name confirmed person { id } oneOff { name phone } } } }";
pub(crate) const WARNING_UPDATES: &str =
    "subscription { pickupWarningUpdates { id attendanceId pickupBy child { id } person { id } } }";
const CHECK_OUT_BY: &str = "mutation($c: ID!, $k: String, $p: String, $pp: ID) {
    checkOut(input: {childId: $c, idempotencyKey: $k, pickupBy: $p, pickupPersonId: $pp}) { id pickupBy pickupPersonId }
}";

/// Opens the nursery today whatever the weekday or holiday (plans are for open days).
pub(crate) async fn open_today(head: &Client, nursery: &str) {
    head.ok(
        "mutation($n: ID!, $d: Date!) { setCalendarDay(nurseryId: $n, date: $d, open: true, note: \"テスト\") { open } }",
        json!({"n": nursery, "d": today_jst().to_string()}),
    )
    .await
    .unwrap();
}

pub(crate) async fn add_person(guardian: &Client, family: &str, name: &str, relation: &str) -> String {
    let added = guardian
        .ok(
            ADD_PERSON,
            json!({"f": family, "n": name, "r": relation, "p": "090-1234-5678"}),
        )
        .await
        .unwrap();
    id(&added["addPickupPerson"])
}

async fn subscribed(client: &Client, query: &str) -> Subscriptions {
    let mut subs = client.subscriptions().await.unwrap();
    subs.subscribe(query, json!({})).await.unwrap();
    subs
}

async fn next_field(subs: &mut Subscriptions, field: &str) -> Value {
    subs.next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("a {field} event"))[field]
        .clone()
}

async fn the_family_keeps_its_list_and_the_nursery_confirms_it(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let added = w
        .guardian_1
        .ok(
            ADD_PERSON,
            json!({"f": w.family_1, "n": "佐藤 花子", "r": "祖母", "p": "090-1234-5678"}),
        )
        .await
        .unwrap()["addPickupPerson"]
        .clone();
    assert_eq!(
        (
            added["relation"].as_str(),
            added["phone"].as_str(),
            added["confirmed"].as_bool()
        ),
        (Some("祖母"), Some("090-1234-5678"), Some(false))
    );
    let grandma = id(&added);

    // Staff see who is still to confirm, and the family's list through the child.
    let pending = w
        .staff_a
        .ok(
            "query($n: ID!) { unconfirmedPickupPeople(nurseryId: $n) { id family { id } } }",
            json!({"n": w.nursery_a}),
        )
        .await
        .unwrap();
    assert_eq!(pending["unconfirmedPickupPeople"][0]["id"], grandma.as_str());
    assert_eq!(
        pending["unconfirmedPickupPeople"][0]["family"]["id"],
        w.family_1.as_str()
    );
    let confirmed = w.staff_a.ok(CONFIRM_PERSON, json!({"id": grandma})).await.unwrap();
    assert_eq!(confirmed["confirmPickupPerson"]["confirmed"], true);
    let through_child = w
        .guardian_1b
        .ok(
            "query($c: ID!) { child(id: $c) { family { pickupPeople { id confirmed confirmedBy { id } } } } }",
            json!({"c": w.child_1b}),
        )
        .await
        .unwrap();
    let people = &through_child["child"]["family"]["pickupPeople"];
    assert_eq!(people.as_array().unwrap().len(), 1);
    assert_eq!(people[0]["confirmed"], true);
    assert!(people[0]["confirmedBy"]["id"].is_string());
    let pending = w
        .staff_a
        .ok(
            "query($n: ID!) { unconfirmedPickupPeople(nurseryId: $n) { id } }",
            json!({"n": w.nursery_a}),
        )
        .await
        .unwrap();
    assert_eq!(pending["unconfirmedPickupPeople"], json!([]));

    // Another family's guardian learns nothing of it.
    let other = w.guardian_2.gql(LIST, json!({"f": w.family_1})).await.unwrap();
    assert_eq!(other.code(), Some("NOT_FOUND"));

    // Removed: off the list, the record kept (the removal answers with it).
    let removed = w
        .guardian_1
        .ok(
            "mutation($id: ID!) { removePickupPerson(id: $id) { id removed confirmed } }",
            json!({"id": grandma}),
        )
        .await
        .unwrap();
    assert_eq!(removed["removePickupPerson"]["removed"], true);
    assert_eq!(removed["removePickupPerson"]["confirmed"], false);
    let list = w.guardian_1.ok(LIST, json!({"f": w.family_1})).await.unwrap();
    assert_eq!(list["pickupPeople"], json!([]));
    let again = w.staff_a.gql(CONFIRM_PERSON, json!({"id": grandma})).await.unwrap();
    assert_eq!(again.code(), Some("CONFLICT"), "{:?}", again.errors);
}

async fn todays_plan_reaches_the_staff_tablet_live(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    open_today(&w.head_a, &w.nursery_a).await;
    let today = today_jst().to_string();
    let grandma = add_person(&w.guardian_1, &w.family_1, "佐藤 花子", "祖母").await;
    let mut tablet = subscribed(&w.staff_a, PLAN_UPDATES).await;
    let mut father = subscribed(&w.guardian_1b, PLAN_UPDATES).await;
    let mut other_family = subscribed(&w.guardian_2, PLAN_UPDATES).await;

    // The morning's plan: grandma at 17:30, not yet confirmed by the nursery.
    let set = w
        .guardian_1
        .ok(
            SET_PLAN,
            json!({"c": w.child_1a, "d": today, "t": "17:30", "p": grandma}),
        )
        .await
        .unwrap();
    assert_eq!(set["setPickupPlan"]["confirmed"], false);
    for live in [&mut tablet, &mut father] {
        let update = next_field(live, "pickupPlanUpdates").await;
        assert_eq!(update["child"]["id"], w.child_1a.as_str());
        assert_eq!(update["date"], today.as_str());
        assert_eq!(update["plan"]["time"], "17:30");
        assert_eq!(update["plan"]["name"], "佐藤 花子");
        assert_eq!(update["plan"]["person"]["id"], grandma.as_str());
        assert_eq!(update["plan"]["confirmed"], false);
    }

    // The nursery confirms grandma: the plan naming her is confirmed, on every screen.
    w.staff_a.ok(CONFIRM_PERSON, json!({"id": grandma})).await.unwrap();
    for live in [&mut tablet, &mut father] {
        let update = next_field(live, "pickupPlanUpdates").await;
        assert_eq!(
            (update["plan"]["name"].as_str(), update["plan"]["confirmed"].as_bool()),
            (Some("佐藤 花子"), Some(true))
        );
    }

    // Changed during the day: an uncle, once, at 18:00. The tablet sees it at once.
    w.guardian_1
        .ok(
            SET_PLAN,
            json!({"c": w.child_1a, "d": today, "t": "18:00",
                "o": {"name": "佐藤 次郎", "relation": "おじ", "phone": "080-2222-3333"}}),
        )
        .await
        .unwrap();
    let update = next_field(&mut tablet, "pickupPlanUpdates").await;
    assert_eq!(update["plan"]["time"], "18:00");
    assert_eq!(update["plan"]["oneOff"]["name"], "佐藤 次郎");
    assert_eq!(update["plan"]["oneOff"]["phone"], "080-2222-3333");
    assert_eq!(update["plan"]["confirmed"], false);
    next_field(&mut father, "pickupPlanUpdates").await;

    // Staff confirm the one-off person (by phone); the roster of the day shows the plan.
    let confirmed = w
        .staff_a
        .ok(
            "mutation($c: ID!, $d: Date!) { confirmPickupPlan(childId: $c, date: $d) { confirmed oneOff { confirmed } } }",
            json!({"c": w.child_1a, "d": today}),
        )
        .await
        .unwrap();
    assert_eq!(confirmed["confirmPickupPlan"]["oneOff"]["confirmed"], true);
    assert_eq!(
        next_field(&mut tablet, "pickupPlanUpdates").await["plan"]["confirmed"],
        true
    );
    let roster = w
        .staff_a
        .ok(
            "query($n: ID!) { pickupPlans(nurseryId: $n) { time name confirmed child { id } } }",
            json!({"n": w.nursery_a}),
        )
        .await
        .unwrap();
    assert_eq!(
        roster["pickupPlans"],
        json!([{"time": "18:00", "name": "佐藤 次郎", "confirmed": true, "child": {"id": w.child_1a}}])
    );
    // Only the time changes: the nursery's confirmation of the same person stands.
    w.guardian_1
        .ok(
            SET_PLAN,
            json!({"c": w.child_1a, "d": today, "t": "18:15",
                "o": {"name": "佐藤 次郎", "relation": "おじ", "phone": "080-2222-3333"}}),
        )
        .await
        .unwrap();
    assert_eq!(
        next_field(&mut tablet, "pickupPlanUpdates").await["plan"]["confirmed"],
        true
    );
    let seen_at_home = w
        .guardian_1b
        .ok(
            "query($c: ID!) { child(id: $c) { pickupPlan { time confirmed } } }",
            json!({"c": w.child_1a}),
        )
        .await
        .unwrap();
    assert_eq!(
        seen_at_home["child"]["pickupPlan"],
        json!({"time": "18:15", "confirmed": true})
    );

    // Cleared: the tablet hears the plan is gone.
    let cleared = w
        .guardian_1
        .ok(
            "mutation($c: ID!, $d: Date!) { clearPickupPlan(childId: $c, date: $d) }",
            json!({"c": w.child_1a, "d": today}),
        )
        .await
        .unwrap();
    assert_eq!(cleared["clearPickupPlan"], true);
    let update = next_field(&mut tablet, "pickupPlanUpdates").await;
    assert_eq!(
        (update["child"]["id"].as_str(), &update["plan"]),
        (Some(w.child_1a.as_str()), &Value::Null)
    );

    // Another family's phone heard none of it.
    assert_eq!(other_family.next_data(SILENCE_WAIT).await.unwrap(), None);
}

async fn a_check_out_by_someone_not_on_the_list_warns_the_nursery_once(backend: Backend) {
    let service = PushService::start().await;
    let mut env = service.server_env();
    env.push(("PUSH_POLL_INTERVAL_MS", "100".to_owned()));
    let app = TestApp::start_with(backend, &env_pairs(&env)).await;
    let w = World::build(&app).await;
    open_today(&w.head_a, &w.nursery_a).await;
    let head_phone = service.device("head", &[]);
    w.head_a
        .ok(
            "mutation($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) }",
            json!({"i": head_phone.input()}),
        )
        .await
        .unwrap();
    let grandma = add_person(&w.guardian_1, &w.family_1, "佐藤 花子", "祖母").await;
    w.staff_a.ok(CONFIRM_PERSON, json!({"id": grandma})).await.unwrap();
    let uncle = add_person(&w.guardian_1, &w.family_1, "佐藤 次郎", "おじ").await;
    let mut head_live = subscribed(&w.head_a, WARNING_UPDATES).await;
    for child in [&w.child_1a, &w.child_1b, &w.child_2] {
        w.staff_a.ok(CHECK_IN, json!({"c": child})).await.unwrap();
    }

    // Grandma, confirmed, chosen from the list: recorded under her name, nothing to warn.
    let out = w
        .staff_a
        .ok(CHECK_OUT_BY, json!({"c": w.child_1a, "pp": grandma}))
        .await
        .unwrap();
    assert_eq!(out["checkOut"]["pickupBy"], "佐藤 花子");
    assert_eq!(out["checkOut"]["pickupPersonId"], grandma.as_str());
    // Someone not on the list, typed in: recorded all the same (the child goes home), warned.
    let key = "tablet-1:checkout:1b";
    let stranger = w
        .staff_a
        .ok(CHECK_OUT_BY, json!({"c": w.child_1b, "k": key, "p": "山田 太郎"}))
        .await
        .unwrap();
    let warning = next_field(&mut head_live, "pickupWarningUpdates").await;
    assert_eq!(warning["child"]["id"], w.child_1b.as_str());
    assert_eq!(warning["attendanceId"], stranger["checkOut"]["id"]);
    assert_eq!(warning["pickupBy"], "山田 太郎");
    let pushed = service.wait_for(&head_phone, 1, DELIVERY_WAIT).await;
    assert_eq!(pushed[0].payload["kind"], "PICKUP_WARNING");
    assert_eq!(pushed[0].payload["childId"], w.child_1b.as_str());
    let text = pushed[0].payload.to_string();
    assert!(
        text.contains("ゆい") && !text.contains("山田"),
        "the child's given name only: {text}"
    );

    // The tablet retries the same check-out (Wi-Fi dropped): the same answer, no second warning.
    let replay = w
        .staff_a
        .ok(CHECK_OUT_BY, json!({"c": w.child_1b, "k": key, "p": "山田 太郎"}))
        .await
        .unwrap();
    assert_eq!(replay["checkOut"]["id"], stranger["checkOut"]["id"]);

    // Another family's child collected by someone not on its list: warned in turn (the next
    // warning on the feed is this one: the replay raised nothing).
    let out = w
        .staff_a
        .ok(CHECK_OUT_BY, json!({"c": w.child_2, "p": "鈴木 ひろし"}))
        .await
        .unwrap();
    let second = next_field(&mut head_live, "pickupWarningUpdates").await;
    assert_eq!(
        second["attendanceId"], out["checkOut"]["id"],
        "the replay raised nothing"
    );
    assert_eq!(head_live.next_data(SILENCE_WAIT).await.unwrap(), None);
    // On the list but not yet confirmed by the nursery: warned too, naming the person.
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap();
    w.staff_a
        .ok(CHECK_OUT_BY, json!({"c": w.child_1a, "pp": uncle}))
        .await
        .unwrap();
    let third = next_field(&mut head_live, "pickupWarningUpdates").await;
    assert_eq!(third["person"]["id"], uncle.as_str());

    let listed = w
        .head_a
        .ok(
            "query($n: ID!) { pickupWarnings(nurseryId: $n) { attendanceId child { id } } }",
            json!({"n": w.nursery_a}),
        )
        .await
        .unwrap();
    assert_eq!(listed["pickupWarnings"].as_array().unwrap().len(), 3, "{listed}");
    assert_eq!(service.wait_for(&head_phone, 3, DELIVERY_WAIT).await.len(), 3);
    tokio::time::sleep(SILENCE_WAIT).await;
    assert_eq!(
        service.delivered(&head_phone).len(),
        3,
        "one push per warning, none for the replay"
    );
}

async fn bad_input_is_refused_naming_the_field(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    open_today(&w.head_a, &w.nursery_a).await;
    let today = today_jst();
    let grandma = add_person(&w.guardian_1, &w.family_1, "佐藤 花子", "祖母").await;
    let other_familys = add_person(&w.guardian_2, &w.family_2, "鈴木 花子", "祖母").await;
    let unknown = uuid::Uuid::now_v7().to_string();
    let one_off = |phone: &str| json!({"name": "田中 三郎", "relation": "おじ", "phone": phone});
    let plan = |t: &str, d: time::Date, p: Option<&str>, o: Option<Value>| json!({"c": w.child_1a, "d": d.to_string(), "t": t, "p": p, "o": o});
    let cases: Vec<(&str, &Client, &str, Value, &str)> = vec![
        (
            "before opening",
            &w.guardian_1,
            SET_PLAN,
            plan("06:30", today, Some(&grandma), None),
            "time",
        ),
        (
            "after closing",
            &w.guardian_1,
            SET_PLAN,
            plan("19:30", today, Some(&grandma), None),
            "time",
        ),
        (
            "not a time",
            &w.guardian_1,
            SET_PLAN,
            plan("5時", today, Some(&grandma), None),
            "time",
        ),
        (
            "yesterday",
            &w.guardian_1,
            SET_PLAN,
            plan("17:00", today - time::Duration::days(1), Some(&grandma), None),
            "date",
        ),
        (
            "an unknown person",
            &w.guardian_1,
            SET_PLAN,
            plan("17:00", today, Some(&unknown), None),
            "personId",
        ),
        (
            "another family's person",
            &w.guardian_1,
            SET_PLAN,
            plan("17:00", today, Some(&other_familys), None),
            "personId",
        ),
        (
            "nobody named",
            &w.guardian_1,
            SET_PLAN,
            plan("17:00", today, None, None),
            "personId",
        ),
        (
            "two people named",
            &w.guardian_1,
            SET_PLAN,
            plan("17:00", today, Some(&grandma), Some(one_off("080-1111-2222"))),
            "personId",
        ),
        (
            "a one-off phone",
            &w.guardian_1,
            SET_PLAN,
            plan("17:00", today, None, Some(one_off("電話なし"))),
            "oneOff.phone",
        ),
        (
            "a short phone",
            &w.guardian_1,
            ADD_PERSON,
            json!({"f": w.family_1, "n": "佐藤 次郎", "r": "おじ", "p": "12"}),
            "phone",
        ),
        (
            "no relation",
            &w.guardian_1,
            ADD_PERSON,
            json!({"f": w.family_1, "n": "佐藤 次郎", "r": " ", "p": "090-1234-5678"}),
            "relation",
        ),
        (
            "clearing a day gone by",
            &w.guardian_1,
            "mutation($c: ID!, $d: Date!) { clearPickupPlan(childId: $c, date: $d) }",
            json!({"c": w.child_1a, "d": (today - time::Duration::days(1)).to_string()}),
            "date",
        ),
        (
            "a check-out by an unknown person",
            &w.staff_a,
            CHECK_OUT_BY,
            json!({"c": w.child_1b, "pp": unknown}),
            "pickupPersonId",
        ),
    ];
    w.staff_a.ok(CHECK_IN, json!({"c": w.child_1b})).await.unwrap();
    let mut failures = Vec::new();
    for (name, client, query, variables, field) in cases {
        let response = client.gql(query, variables).await.unwrap();
        if response.code() != Some("BAD_USER_INPUT") || response.field() != Some(field) {
            failures.push(format!(
                "{name}: expected BAD_USER_INPUT on `{field}`, got {:?}",
                response.errors
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Nothing was planned by the refused requests.
    let plans = w
        .staff_a
        .ok(
            "query($n: ID!) { pickupPlans(nurseryId: $n) { time } }",
            json!({"n": w.nursery_a}),
        )
        .await
        .unwrap();
    assert_eq!(plans["pickupPlans"], json!([]));
}
