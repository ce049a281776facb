//! The safety of the day's operations in the authorization matrix (`authorization.rs`): the
//! calendar, corrections, the not-yet-arrived and the left-behind lists, each by every caller.

use serde_json::json;

use crate::arrival_checks::{check_due_now, checks_until};
use crate::authorization::Op;
use crate::world::*;

/// What the operations act on.
pub(crate) struct Ids {
    /// Staff's check-in of child 1b, to be corrected.
    pub check_in: String,
    /// The not-yet-arrived check of child 1a, to be closed.
    pub arrival_check: String,
    /// The left-behind check of child 1b (checked in), to be explained.
    pub departure_check: String,
}

/// Nursery A open today with its check due: child 1a, not heard of, gets a check; then its
/// closing time moves to just after midnight: child 1b, checked in, gets a left-behind check.
pub(crate) async fn prepare(w: &World) -> Ids {
    let check_in = w.staff_a.ok(CHECK_IN, json!({"c": w.child_1b})).await.unwrap()["checkIn"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    check_due_now(&w.head_a, &w.nursery_a, 30).await;
    let checks = checks_until(&w.staff_a, &w.nursery_a, |c| {
        c.iter().any(|c| c["child"]["id"] == w.child_1a.as_str())
    })
    .await;
    let arrival_check = checks.iter().find(|c| c["child"]["id"] == w.child_1a.as_str()).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    w.head_a
        .ok(
            "mutation($n: ID!) { setNurseryHours(nurseryId: $n, input: {openWeekdays: [1,2,3,4,5,6,7],
                opensAt: \"00:00\", closesAt: \"00:00:02\", arrivalCheckAt: \"00:00:01\", lateGraceMinutes: 30}) { closesAt } }",
            json!({"n": w.nursery_a}),
        )
        .await
        .unwrap();
    let departure_check = loop {
        let data = w
            .staff_a
            .ok(
                "query($n: ID!) { departureChecks(nurseryId: $n) { id child { id } } }",
                json!({"n": w.nursery_a}),
            )
            .await
            .unwrap();
        if let Some(check) = data["departureChecks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["child"]["id"] == w.child_1b.as_str())
        {
            break check["id"].as_str().unwrap().to_owned();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    // Open all day again, for the operations that follow (a pickup time must be within hours);
    // the check raised stays open.
    w.head_a.ok(HOURS, json!({"n": w.nursery_a})).await.unwrap();
    Ids {
        check_in,
        arrival_check,
        departure_check,
    }
}

const HOURS: &str = "mutation($n: ID!) { setNurseryHours(nurseryId: $n, input: {openWeekdays: [1,2,3,4,5,6,7],
    opensAt: \"00:00\", closesAt: \"23:59:59\", arrivalCheckAt: \"00:00\", lateGraceMinutes: 30}) { opensAt } }";

pub(crate) fn ops() -> Vec<Op> {
    vec![
        Op {
            name: "nurseryCalendar",
            query: "query($n: ID!, $d: Date!) { nurseryCalendar(nurseryId: $n, from: $d, to: $d) { days { open } } }",
            vars: |w, c, _| json!({"n": w.nursery_a, "d": c.today}),
            expect: "UAFAANNNN",
        },
        Op { name: "setNurseryHours", query: HOURS, vars: |w, _, _| json!({"n": w.nursery_a}), expect: "UAFAFNNNN" },
        Op {
            name: "setCalendarDay",
            query: "mutation($n: ID!, $d: Date!) { setCalendarDay(nurseryId: $n, date: $d, open: false, note: \"運動会の振替\") { open } }",
            vars: |w, _, _| json!({"n": w.nursery_a, "d": (crate::helpers::today_jst() + time::Duration::days(60)).to_string()}),
            expect: "UAFAFNNNN",
        },
        Op {
            name: "correctAttendance",
            query: "mutation($id: ID!) { correctAttendance(attendanceId: $id, reason: \"別の子と間違えた\") { id } }",
            vars: |_, c, _| json!({"id": c.safety.check_in}),
            expect: "UNNAAFNNN",
        },
        Op {
            name: "arrivalChecks",
            query: "query($n: ID!) { arrivalChecks(nurseryId: $n) { id } }",
            vars: |w, _, _| json!({"n": w.nursery_a}),
            expect: "UFFAANNNN",
        },
        Op {
            name: "closeArrivalCheck",
            query: "mutation($id: ID!) { closeArrivalCheck(id: $id, note: \"電話で確認\") { id } }",
            vars: |_, c, _| json!({"id": c.safety.arrival_check}),
            expect: "UNNAAFNNN",
        },
        Op {
            name: "departureChecks",
            query: "query($n: ID!) { departureChecks(nurseryId: $n) { id } }",
            vars: |w, _, _| json!({"n": w.nursery_a}),
            expect: "UFFAANNNN",
        },
        Op {
            name: "explainDepartureCheck",
            query: "mutation($id: ID!) { explainDepartureCheck(id: $id, note: \"延長保育\") { id } }",
            vars: |_, c, _| json!({"id": c.safety.departure_check}),
            expect: "UNNAAFNNN",
        },
    ]
}
