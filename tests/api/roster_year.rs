//! Children through the year over HTTP: a move to another classroom from a date (reports count
//! each day by the classroom of that day), withdrawal (off the roster and the day's lists,
//! nothing more recorded, reports stop counting the child), the April move-up previewed then
//! applied, and corrections and renames on the audit trail.

use serde_json::{json, Value};
use time::Duration;

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(
    a_moved_and_withdrawn_child_counts_by_the_day,
    the_april_move_up_is_previewed_then_applied
);

const SUMMARIES: &str = "query($m: ID!, $n: ID!, $f: Date!, $t: Date!) {
    nurseryDaySummaries(municipalityId: $m, nurseryId: $n, from: $f, to: $t) { date enrolled ageBands { ageBand enrolled } }
}";

/// Enrolled per age band on `date`, as the head (exact figures) reads them.
async fn enrolled_by_band(w: &World, date: &str) -> Vec<(i64, i64)> {
    let data = w
        .head_a
        .ok(
            SUMMARIES,
            json!({"m": w.municipality, "n": w.nursery_a, "f": date, "t": date}),
        )
        .await
        .unwrap();
    let day = &data["nurseryDaySummaries"][0];
    assert_eq!(day["date"], date, "an open day: {data}");
    let mut bands: Vec<(i64, i64)> = day["ageBands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["ageBand"].as_i64().unwrap(), b["enrolled"].as_i64().unwrap_or(0)))
        .filter(|(_, n)| *n > 0)
        .collect();
    bands.sort();
    bands
}

async fn open_day(w: &World, child: &str, date: &str) {
    // A report makes the day an open day of the nursery (as any arrival would).
    w.guardian_1
        .ok(
            "mutation($c: ID!, $d: Date!) { reportAbsence(input: {childId: $c, kind: ABSENCE, date: $d, reason: FAMILY}) { id } }",
            json!({"c": child, "d": date}),
        )
        .await
        .unwrap();
}

fn day(offset: i64) -> String {
    (today_jst() + Duration::days(offset)).to_string()
}

async fn a_moved_and_withdrawn_child_counts_by_the_day(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let older = classroom(&app.admin, &w.nursery_a, "うさぎ組", 2).await;
    let ren = create(
        &app.admin,
        "mutation($f: ID!, $c: ID!, $e: Date!) { enrollChild(familyId: $f, classroomId: $c, name: \"佐藤 れん\", birthDate: \"2023-01-10\", enrolledOn: $e) { id } }",
        json!({"f": w.family_1, "c": w.classroom_a, "e": day(-20)}),
        "enrollChild",
    )
    .await;
    for offset in [-10, -2] {
        open_day(&w, &ren, &day(offset)).await;
    }
    // The world's children were enrolled today: ten days ago only れん, in the 1-year-olds'.
    assert_eq!(enrolled_by_band(&w, &day(-10)).await, vec![(1, 1)]);

    // Moved to the 2-year-olds' classroom from five days ago: the days before keep band 1.
    let moved = w
        .head_a
        .ok(
            "mutation($c: ID!, $r: ID!, $f: Date!) { moveChild(childId: $c, classroomId: $r, from: $f) { classroom { id } } }",
            json!({"c": ren, "r": older, "f": day(-5)}),
        )
        .await
        .unwrap();
    assert_eq!(moved["moveChild"]["classroom"]["id"], older);
    assert_eq!(enrolled_by_band(&w, &day(-10)).await, vec![(1, 1)], "before the move");
    assert_eq!(enrolled_by_band(&w, &day(-2)).await, vec![(2, 1)], "after the move");
    // A move before the last one is refused: history is not rewritten.
    let back = w
        .head_a
        .gql(
            "mutation($c: ID!, $r: ID!, $f: Date!) { moveChild(childId: $c, classroomId: $r, from: $f) { id } }",
            json!({"c": ren, "r": w.classroom_a, "f": day(-7)}),
        )
        .await
        .unwrap();
    assert_eq!((back.code(), back.field()), (Some("BAD_USER_INPUT"), Some("from")));

    // Withdrawn from today: off the roster now, nothing more recorded; yesterday still counts.
    w.staff_a.ok(CHECK_IN, json!({"c": ren})).await.unwrap();
    w.head_a
        .ok(
            "mutation($c: ID!, $d: Date!) { withdrawChild(childId: $c, date: $d) { withdrawnOn } }",
            json!({"c": ren, "d": day(0)}),
        )
        .await
        .unwrap();
    let roster = w.staff_a.ok("{ me { children { id } } }", json!({})).await.unwrap();
    assert!(
        !roster["me"]["children"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == ren.as_str()),
        "off the roster: {roster}"
    );
    let refused = w.staff_a.gql(CHECK_OUT, json!({"c": ren})).await.unwrap();
    assert_eq!(
        (refused.code(), refused.field()),
        (Some("BAD_USER_INPUT"), Some("childId"))
    );
    assert_eq!(
        enrolled_by_band(&w, &day(0)).await,
        vec![(1, 3)],
        "not counted from the withdrawal"
    );
    assert_eq!(enrolled_by_band(&w, &day(-2)).await, vec![(2, 1)], "history kept");
    // The family still reads the child's history.
    let history = w
        .guardian_1
        .ok("query($c: ID!) { child(id: $c) { withdrawnOn } }", json!({"c": ren}))
        .await
        .unwrap();
    assert_eq!(history["child"]["withdrawnOn"], day(0));

    // Corrections and renames are audited.
    w.head_a
        .ok(
            "mutation($c: ID!) { updateChild(childId: $c, input: {nameKana: \"さとう はると\"}) { nameKana } }",
            json!({"c": w.child_1a}),
        )
        .await
        .unwrap();
    w.head_a
        .ok(
            "mutation($r: ID!) { renameClassroom(classroomId: $r, name: \"ひよこぐみ\") { name } }",
            json!({"r": w.classroom_a}),
        )
        .await
        .unwrap();
    let trail = w
        .head_a
        .ok(
            "query($n: ID!) { auditLog(nurseryId: $n, first: 50) { entries { operation } } }",
            json!({"n": w.nursery_a}),
        )
        .await
        .unwrap();
    let operations: Vec<&str> = trail["auditLog"]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["operation"].as_str())
        .collect();
    for expected in ["moveChild", "withdrawChild", "updateChild", "renameClassroom"] {
        assert!(operations.contains(&expected), "{expected} in {operations:?}");
    }
}

async fn the_april_move_up_is_previewed_then_applied(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let twos = classroom(&app.admin, &w.nursery_a, "うさぎ組", 2).await;
    let fives = classroom(&app.admin, &w.nursery_a, "きりん組", 5).await;
    let graduate = child(&app.admin, &w.family_1, &fives, "佐藤 そら").await;
    const PREVIEW: &str = "query($n: ID!, $f: Date!) { moveUpPreview(nurseryId: $n, from: $f) { moves { childId childName fromClassroom toClassroom } graduating unplacedClassrooms } }";
    let from = day(1);
    let preview = w
        .head_a
        .ok(PREVIEW, json!({"n": w.nursery_a, "f": from}))
        .await
        .unwrap()["moveUpPreview"]
        .clone();
    let moves = preview["moves"].as_array().unwrap();
    assert_eq!(moves.len(), 3, "the three 1-year-olds: {preview}");
    assert!(moves
        .iter()
        .all(|m| m["fromClassroom"] == "ひよこ組" && m["toClassroom"] == "うさぎ組"));
    assert_eq!(preview["graduating"], json!(["佐藤 そら"]));
    // Nothing moved yet.
    let before: Value = w
        .staff_a
        .ok("{ me { children { id classroom { id } } } }", json!({}))
        .await
        .unwrap();
    assert!(before["me"]["children"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["classroom"]["id"] != twos.as_str()));

    let applied = w
        .head_a
        .ok(
            "mutation($n: ID!, $f: Date!) { applyMoveUp(nurseryId: $n, from: $f) { moves { childId } } }",
            json!({"n": w.nursery_a, "f": from}),
        )
        .await
        .unwrap();
    assert_eq!(applied["applyMoveUp"]["moves"].as_array().unwrap().len(), 3);
    // Applying again is refused whole: every child already has its move (nothing twice).
    let again = w
        .head_a
        .gql(
            "mutation($n: ID!, $f: Date!) { applyMoveUp(nurseryId: $n, from: $f) { moves { childId } } }",
            json!({"n": w.nursery_a, "f": from}),
        )
        .await
        .unwrap();
    assert_eq!(again.code(), Some("CONFLICT"), "applied once only");
    let staff = w
        .staff_a
        .ok("{ me { children { id classroom { id } } } }", json!({}))
        .await
        .unwrap();
    let in_twos = staff["me"]["children"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["classroom"]["id"] == twos.as_str())
        .count();
    assert_eq!(in_twos, 0, "tomorrow's move has not happened yet");
    assert!(staff["me"]["children"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == graduate.as_str()));
    // Only the nursery's head (or SYSTEM_ADMIN) may.
    let by_staff = w
        .staff_a
        .gql(PREVIEW, json!({"n": w.nursery_a, "f": from}))
        .await
        .unwrap();
    assert_eq!(by_staff.code(), Some("FORBIDDEN"));
}
