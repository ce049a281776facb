//! The oversight city's reports against its figures worked out by hand (`oversight.rs` builds
//! the city): nursery-day rows by age band, the period summary and the surveillance rows.

use std::collections::BTreeMap;

use serde_json::{json, Value};
use tsunagu_client::Client;

pub(crate) const DAY_SUMMARIES: &str = "query($m: ID!, $f: Date!, $t: Date!) {
    nurseryDaySummaries(municipalityId: $m, from: $f, to: $t) {
        nursery { id name classrooms { name children { id name } } }
        date enrolled present absent late attendanceRate
        absencesBySymptom { symptom count }
        ageBands { ageBand enrolled present absent late }
        napChecksRequired napChecksOnTime classrooms diariesApproved
    }
}";

pub(crate) const PERIOD_SUMMARIES: &str = "query($m: ID!, $f: Date!, $t: Date!) {
    nurseryPeriodSummaries(municipalityId: $m, from: $f, to: $t) {
        nursery { name } openDays enrolledChildDays presentChildDays absentChildDays lateArrivals attendanceRate
        absencesBySymptom { symptom count } classroomDays diariesApproved diaryApprovalRate napChecksRequired
    }
}";

pub(crate) const SYMPTOM_ABSENCES: &str = "query($m: ID!, $f: Date!, $t: Date!) {
    classroomSymptomAbsences(municipalityId: $m, from: $f, to: $t) { nursery { name } classroomName ageBand date symptom children }
}";

/// Checks the officer's day, period and surveillance reports over `[day 1, day 2, today]`;
/// returns the day rows (the CSV export is compared with them).
pub async fn match_the_city(officer: &Client, vars: &Value, dates: [&String; 3], nap_day: &str) -> Value {
    let [d1_s, d2_s, t_s] = dates;
    let days = officer.ok(DAY_SUMMARIES, vars.clone()).await.unwrap()["nurseryDaySummaries"].clone();
    let mut got = BTreeMap::new();
    for row in days.as_array().unwrap() {
        let name = row["nursery"]["name"].as_str().unwrap().to_owned();
        got.insert((row["date"].as_str().unwrap().to_owned(), name), row.clone());
    }
    let nap = |date: &str| if date == nap_day { (3, 2) } else { (0, 0) };
    // (date, nursery) → enrolled, present, absent, late, symptoms, bands, diaries approved
    #[allow(clippy::type_complexity)]
    let expected: Vec<(&str, &str, [i64; 4], Value, Value, i64)> = vec![
        (
            d1_s,
            "あおば保育園",
            [6, 0, 3, 0],
            json!([{"symptom": "FEVER", "count": 2}, {"symptom": "COUGH", "count": 1}]),
            json!([{"ageBand": 0, "enrolled": 2, "present": 0, "absent": 1, "late": 0}, {"ageBand": 2, "enrolled": 4, "present": 0, "absent": 2, "late": 0}]),
            0,
        ),
        (
            d2_s,
            "あおば保育園",
            [6, 0, 1, 0],
            json!([{"symptom": "FEVER", "count": 1}]),
            json!([{"ageBand": 0, "enrolled": 2, "present": 0, "absent": 0, "late": 0}, {"ageBand": 2, "enrolled": 4, "present": 0, "absent": 1, "late": 0}]),
            0,
        ),
        (
            d2_s,
            "みどり保育園",
            [2, 0, 2, 0],
            json!([{"symptom": "RASH", "count": 2}]),
            json!([{"ageBand": 4, "enrolled": 2, "present": 0, "absent": 2, "late": 0}]),
            0,
        ),
        (
            t_s,
            "あおば保育園",
            [7, 6, 1, 1],
            json!([{"symptom": "FEVER", "count": 1}]),
            json!([{"ageBand": 0, "enrolled": 3, "present": 3, "absent": 0, "late": 0}, {"ageBand": 2, "enrolled": 4, "present": 3, "absent": 1, "late": 1}]),
            1,
        ),
        (
            t_s,
            "みどり保育園",
            [2, 1, 0, 0],
            json!([]),
            json!([{"ageBand": 4, "enrolled": 2, "present": 1, "absent": 0, "late": 0}]),
            0,
        ),
    ];
    assert_eq!(got.len(), expected.len(), "one row per open nursery-day: {days}");
    for (date, name, [enrolled, present, absent, late], symptoms, bands, diaries) in &expected {
        let row = &got[&(date.to_string(), name.to_string())];
        let what = format!("{name} {date}");
        assert_eq!(
            [&row["enrolled"], &row["present"], &row["absent"], &row["late"]],
            [&json!(enrolled), &json!(present), &json!(absent), &json!(late)],
            "{what}"
        );
        let mut symptoms_got = row["absencesBySymptom"].as_array().unwrap().clone();
        let mut symptoms_want = symptoms.as_array().unwrap().clone();
        let by_name = |v: &Value| v["symptom"].as_str().unwrap().to_owned();
        symptoms_got.sort_by_key(by_name);
        symptoms_want.sort_by_key(by_name);
        assert_eq!(symptoms_got, symptoms_want, "{what}");
        assert_eq!(&row["ageBands"], bands, "{what}");
        assert_eq!(row["diariesApproved"], json!(diaries), "{what}");
        let classrooms = if *name == "あおば保育園" { 2 } else { 1 };
        assert_eq!(row["classrooms"], json!(classrooms), "{what}");
        let (required, on_time) = if *name == "あおば保育園" {
            nap(date)
        } else {
            (0, 0)
        };
        assert_eq!(
            [&row["napChecksRequired"], &row["napChecksOnTime"]],
            [&json!(required), &json!(on_time)],
            "{what}"
        );
        let rate = row["attendanceRate"].as_f64().unwrap();
        assert!(
            (rate - *present as f64 / *enrolled as f64).abs() < 1e-12,
            "{what}: {rate}"
        );
    }

    // Over the period: あおば 3 open days, 19 child-days enrolled, 6 present, 5 absent, 1 late.
    let periods = officer.ok(PERIOD_SUMMARIES, vars.clone()).await.unwrap()["nurseryPeriodSummaries"].clone();
    let aoba_period = periods
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["nursery"]["name"] == "あおば保育園")
        .expect("あおば's period")
        .clone();
    assert_eq!(
        [
            &aoba_period["openDays"],
            &aoba_period["enrolledChildDays"],
            &aoba_period["presentChildDays"],
            &aoba_period["absentChildDays"],
            &aoba_period["lateArrivals"]
        ],
        [&json!(3), &json!(19), &json!(6), &json!(5), &json!(1)]
    );
    assert!((aoba_period["attendanceRate"].as_f64().unwrap() - 6.0 / 19.0).abs() < 1e-12);
    assert_eq!(aoba_period["classroomDays"], json!(6));
    assert_eq!(aoba_period["diariesApproved"], json!(1));
    assert_eq!(aoba_period["napChecksRequired"], json!(3));
    assert_eq!(
        periods.as_array().unwrap().len(),
        2,
        "both of the city's nurseries, not the other city's"
    );

    // Surveillance rows: per classroom, day and symptom.
    let symptoms = officer.ok(SYMPTOM_ABSENCES, vars.clone()).await.unwrap()["classroomSymptomAbsences"].clone();
    let rows: Vec<(String, String, String, i64)> = symptoms
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["date"].as_str().unwrap().to_owned(),
                r["classroomName"].as_str().unwrap().to_owned(),
                r["symptom"].as_str().unwrap().to_owned(),
                r["children"].as_i64().unwrap(),
            )
        })
        .collect();
    let want = |d: &str, c: &str, s: &str, n: i64| (d.to_owned(), c.to_owned(), s.to_owned(), n);
    let mut rows_sorted = rows.clone();
    rows_sorted.sort();
    let mut want_rows = vec![
        want(d1_s, "うさぎ組", "FEVER", 2),
        want(d1_s, "うさぎ組", "COUGH", 1),
        want(d2_s, "うさぎ組", "FEVER", 1),
        want(d2_s, "ぞう組", "RASH", 2),
        want(t_s, "うさぎ組", "FEVER", 1),
    ];
    want_rows.sort();
    assert_eq!(rows_sorted, want_rows);
    days
}
