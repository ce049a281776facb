//! The pickup plan's operations (お迎え) in the authorization matrix (`authorization.rs`): the
//! family's list, the day's plans and the warnings, each by every caller. Guardians act on
//! their own family, staff and the head in their nursery, officers and SYSTEM_ADMIN on none of
//! it (a child's data).

use serde_json::json;

use crate::authorization::Op;
use crate::pickup::{add_person, open_today, ADD_PERSON, CONFIRM_PERSON, LIST, SET_PLAN};
use crate::world::*;

/// What the operations act on.
pub(crate) struct Ids {
    /// Family 1's grandmother, on the list and not yet confirmed.
    pub grandma: String,
    /// Family 1's person to take off the list.
    pub to_remove: String,
}

/// Nursery A open today; family 1's list of two, and a one-off person planned for child 1b.
pub(crate) async fn prepare(w: &World) -> Ids {
    open_today(&w.head_a, &w.nursery_a).await;
    let grandma = add_person(&w.guardian_1, &w.family_1, "佐藤 花子", "祖母").await;
    let to_remove = add_person(&w.guardian_1, &w.family_1, "佐藤 次郎", "おじ").await;
    w.guardian_1
        .ok(
            SET_PLAN,
            json!({"c": w.child_1b, "d": crate::helpers::today_jst().to_string(), "t": "17:00",
                "o": {"name": "田中 三郎", "relation": "知人", "phone": "080-1111-2222"}}),
        )
        .await
        .unwrap();
    Ids { grandma, to_remove }
}

pub(crate) fn ops() -> Vec<Op> {
    vec![
        Op {
            name: "pickupPeople",
            query: LIST,
            vars: |w, _, _| json!({"f": w.family_1}),
            expect: "UNNAAANNN",
        },
        Op {
            name: "Child.pickupPlan",
            query: "query($c: ID!) { child(id: $c) { pickupPlan { time } } }",
            vars: |w, _, _| json!({"c": w.child_1b}),
            expect: "UNNAAANNN",
        },
        Op {
            name: "unconfirmedPickupPeople",
            query: "query($n: ID!) { unconfirmedPickupPeople(nurseryId: $n) { id } }",
            vars: |w, _, _| json!({"n": w.nursery_a}),
            expect: "UFFAANNNN",
        },
        Op {
            name: "pickupPlans",
            query: "query($n: ID!) { pickupPlans(nurseryId: $n) { time } }",
            vars: |w, _, _| json!({"n": w.nursery_a}),
            expect: "UFFAANNNN",
        },
        Op {
            name: "pickupWarnings",
            query: "query($n: ID!) { pickupWarnings(nurseryId: $n) { id } }",
            vars: |w, _, _| json!({"n": w.nursery_a}),
            expect: "UFFAANNNN",
        },
        Op {
            name: "addPickupPerson",
            query: ADD_PERSON,
            vars: |w, _, n| json!({"f": w.family_1, "n": format!("追加 {n}"), "r": "祖父", "p": "090-1234-5678"}),
            expect: "UNNFFANNN",
        },
        Op {
            name: "removePickupPerson",
            query: "mutation($id: ID!) { removePickupPerson(id: $id) { id } }",
            vars: |_, c, _| json!({"id": c.pickup.to_remove}),
            expect: "UNNFFANNN",
        },
        Op {
            name: "confirmPickupPerson",
            query: CONFIRM_PERSON,
            vars: |_, c, _| json!({"id": c.pickup.grandma}),
            expect: "UNNAAFNNN",
        },
        Op {
            name: "setPickupPlan",
            query: SET_PLAN,
            vars: |w, c, _| json!({"c": w.child_1a, "d": c.today, "t": "17:00", "p": c.pickup.grandma}),
            expect: "UNNAAANNN",
        },
        Op {
            name: "confirmPickupPlan",
            query: "mutation($c: ID!, $d: Date!) { confirmPickupPlan(childId: $c, date: $d) { confirmed } }",
            vars: |w, c, _| json!({"c": w.child_1b, "d": c.today}),
            expect: "UNNAAFNNN",
        },
        Op {
            name: "clearPickupPlan",
            query: "mutation($c: ID!, $d: Date!) { clearPickupPlan(childId: $c, date: $d) }",
            vars: |w, c, _| json!({"c": w.child_1a, "d": c.today}),
            expect: "UNNAAANNN",
        },
    ]
}
