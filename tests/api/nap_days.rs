//! A nap belongs to the day it began: one from 23:45 to 00:15 counts in the compliance of the
//! day it started, not of the day it ended, whatever the time the test runs at (the times are
//! set two nights back, on the nursery's calendar).

use serde_json::json;
use time::{OffsetDateTime, Time, UtcOffset};
use tsunagu_client::Client;

use crate::care::{rfc3339, NAP_CHECK};
use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(a_nap_across_midnight_counts_on_the_day_it_began);

async fn a_nap_across_midnight_counts_on_the_day_it_began(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    // A 1-year-olds' classroom: a check every 10 minutes.
    let toddlers = classroom(&app.admin, &w.nursery_a, "うさぎ組", 1).await;
    let family = family(&app.admin, &w.nursery_a).await;
    let toddler = child(&app.admin, &family, &toddlers, "田中 りつ").await;

    let jst = UtcOffset::from_hms(9, 0, 0).unwrap();
    let yesterday = today_jst() - time::Duration::days(1);
    let midnight = OffsetDateTime::new_in_offset(yesterday, Time::MIDNIGHT, jst);
    let start = midnight - time::Duration::minutes(15);
    half_hour_nap(&w.staff_a, &toddler, start).await;

    let compliance = |date: time::Date| {
        let (staff, toddler) = (w.staff_a.clone(), toddler.clone());
        async move {
            staff
                .ok(
                    "query($c: ID!, $d: Date!) { child(id: $c) { napCompliance(date: $d) { requiredChecks onTimeChecks } } }",
                    json!({"c": toddler, "d": date.to_string()}),
                )
                .await
                .unwrap()["child"]["napCompliance"]
                .clone()
        }
    };
    let began = start.to_offset(jst).date();
    assert_eq!(began, yesterday - time::Duration::days(1));
    assert_eq!(
        compliance(began).await,
        json!({"requiredChecks": 3, "onTimeChecks": 2}),
        "the nap's checks count on the day it began"
    );
    assert_eq!(
        compliance(yesterday).await,
        json!({"requiredChecks": 0, "onTimeChecks": 0}),
        "and not on the day it ended"
    );
}

/// A nap entered with times: asleep from `start` for 30 minutes, checked 5, 14 and 26 minutes
/// in (gaps of 5, 9 and 12 minutes: with a 10-minute interval, 3 checks required, 2 on time).
pub(crate) async fn half_hour_nap(staff: &Client, child: &str, start: OffsetDateTime) {
    let at = |minutes: i64| rfc3339(start + time::Duration::minutes(minutes));
    staff
        .ok(
            "mutation($c: ID!, $t: DateTime) { startNap(childId: $c, startedAt: $t) { id } }",
            json!({"c": child, "t": at(0)}),
        )
        .await
        .unwrap();
    for (minute, position) in [(5, "BACK"), (14, "SIDE"), (26, "BACK")] {
        staff
            .ok(
                NAP_CHECK,
                json!({"i": {"childId": child, "checkedAt": at(minute), "position": position, "breathingOk": true}}),
            )
            .await
            .unwrap();
    }
    staff
        .ok(
            "mutation($c: ID!, $t: DateTime) { endNap(childId: $c, endedAt: $t) { id } }",
            json!({"c": child, "t": at(30)}),
        )
        .await
        .unwrap();
}
