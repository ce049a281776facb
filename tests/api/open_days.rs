//! The reports' open days follow the calendar: a past day the head marks open counts its
//! enrolled children though nobody came (attendance 0 %), and a day marked closed on which
//! nothing happened is no open day at all.

use serde_json::json;

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(an_open_day_nobody_came_to_counts_in_the_reports);

async fn an_open_day_nobody_came_to_counts_in_the_reports(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    // A child enrolled since April 2024 (the world's children start today).
    let family = family(&app.admin, &w.nursery_a).await;
    create(
        &app.admin,
        "mutation($f: ID!, $c: ID!) { enrollChild(familyId: $f, classroomId: $c, name: \"伊藤 れん\", birthDate: \"2021-06-01\", enrolledOn: \"2024-04-01\") { id } }",
        json!({"f": family, "c": w.classroom_a}),
        "enrollChild",
    )
    .await;
    let yesterday = (today_jst() - time::Duration::days(1)).to_string();
    let before = (today_jst() - time::Duration::days(2)).to_string();
    let set_day = |date: String, open: bool| {
        let head = &w.head_a;
        let nursery = w.nursery_a.clone();
        async move {
            head.ok(
                "mutation($n: ID!, $d: Date!, $o: Boolean!) { setCalendarDay(nurseryId: $n, date: $d, open: $o, note: \"テスト\") { open } }",
                json!({"n": nursery, "d": date, "o": open}),
            )
            .await
            .unwrap();
        }
    };
    set_day(yesterday.clone(), true).await;
    set_day(before.clone(), false).await;

    let summaries = w
        .head_a
        .ok(
            "query($m: ID!, $n: ID!, $from: Date!, $to: Date!) {
                nurseryDaySummaries(municipalityId: $m, nurseryId: $n, from: $from, to: $to) { date enrolled present attendanceRate } }",
            json!({"m": w.municipality, "n": w.nursery_a, "from": before, "to": yesterday}),
        )
        .await
        .unwrap();
    assert_eq!(
        summaries["nurseryDaySummaries"],
        json!([{"date": yesterday, "enrolled": 1, "present": 0, "attendanceRate": 0.0}]),
        "yesterday, open, counts; the day before, closed and empty, does not"
    );

    // The head corrects yesterday to closed: it no longer counts.
    set_day(yesterday.clone(), false).await;
    let after = w
        .head_a
        .ok(
            "query($m: ID!, $n: ID!, $d: Date!) { nurseryDaySummaries(municipalityId: $m, nurseryId: $n, from: $d, to: $d) { date } }",
            json!({"m": w.municipality, "n": w.nursery_a, "d": yesterday}),
        )
        .await
        .unwrap();
    assert_eq!(after["nurseryDaySummaries"], json!([]));
}
