//! Small counts withheld from officers (issue 12, item 9): the oversight city served again by a
//! second server on the same database with the default SMALL_COUNT_THRESHOLD (3), its
//! figures compared with the exact ones the first server (threshold 1) gave.

use serde_json::{json, Value};
use tsunagu_client::{Client, ServerProcess};

use crate::helpers::{binary, server_env, TestApp};
use crate::oversight_figures::{DAY_SUMMARIES, SYMPTOM_ABSENCES};

const BANDS: &str = "query($m: ID!, $f: Date!, $t: Date!) {
    nurseryDaySummaries(municipalityId: $m, from: $f, to: $t) {
        nursery { name } date enrolled present absent late
        ageBands { ageBand enrolled present absent late attendanceRate suppressed }
    }
    nurseryPeriodSummaries(municipalityId: $m, from: $f, to: $t) {
        nursery { name } enrolledChildDays ageBands { ageBand enrolled present absent late suppressed }
    }
    classroomSymptomAbsences(municipalityId: $m, from: $f, to: $t) {
        nursery { name } classroomName date symptom children suppressed
    }
    infectionAlerts(municipalityId: $m, from: $f, to: $t) { classroomName symptom children }
}";

const COLUMNS: [&str; 4] = ["enrolled", "present", "absent", "late"];

/// `exact_days`: the officer's day rows at threshold 1 (every count exact).
pub async fn officers_get_small_counts_withheld(
    app: &TestApp,
    officer: &Client,
    head_aoba: &Client,
    vars: &Value,
    exact_days: &Value,
) {
    let server = ServerProcess::spawn(&binary(), &server_env(&app.db))
        .await
        .expect("second server");
    let on_second = |client: &Client| Client::new(&server.base_url).with_token(client.token().map(str::to_owned));
    let (officer, head) = (on_second(officer), on_second(head_aoba));

    let seen = officer.ok(BANDS, vars.clone()).await.unwrap();
    let days = seen["nurseryDaySummaries"].as_array().unwrap();
    assert_eq!(days.len(), exact_days.as_array().unwrap().len());
    for (row, exact) in days.iter().zip(exact_days.as_array().unwrap()) {
        let what = format!("{} {}", row["nursery"]["name"], row["date"]);
        for total in COLUMNS {
            assert_eq!(row[total], exact[total], "{what}: nursery totals remain");
        }
        let (bands, exact_bands) = (
            row["ageBands"].as_array().unwrap(),
            exact["ageBands"].as_array().unwrap(),
        );
        assert_eq!(
            bands.len(),
            exact_bands.len(),
            "{what}: a withheld band is still listed"
        );
        for (band, exact_band) in bands.iter().zip(exact_bands) {
            for column in COLUMNS {
                let truth = exact_band[column].as_i64().unwrap();
                match band[column].as_i64() {
                    Some(shown) => assert_eq!(shown, truth, "{what} {column}: shown means exact"),
                    None => assert_eq!(band["suppressed"], true, "{what} {column}: null is marked"),
                }
                if (1..3).contains(&truth) {
                    assert!(
                        band[column].is_null(),
                        "{what} band {} {column}={truth} shown",
                        band["ageBand"]
                    );
                }
            }
            if band["suppressed"] == true {
                assert!(band["attendanceRate"].is_null() || !band["present"].is_null());
            }
        }
    }
    // The case: あおば's 0歳児 on day 1, two enrolled and one absent, withheld whole.
    let day_1 = days
        .iter()
        .find(|r| r["nursery"]["name"] == "あおば保育園" && r["date"] == vars["f"])
        .unwrap();
    assert_eq!(
        day_1["ageBands"][0],
        json!({"ageBand": 0, "enrolled": null, "present": null, "absent": null, "late": null, "attendanceRate": null, "suppressed": true})
    );
    // Over the period the totals stay and some band cells are still withheld.
    let aoba_period = seen["nurseryPeriodSummaries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["nursery"]["name"] == "あおば保育園")
        .unwrap();
    assert_eq!(aoba_period["enrolledChildDays"], 19);
    assert!(aoba_period["ageBands"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["suppressed"] == true));

    // Every classroom row of this small city is below three children: listed, count withheld.
    let rows = seen["classroomSymptomAbsences"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    assert!(
        rows.iter().all(|r| r["children"].is_null() && r["suppressed"] == true),
        "{rows:?}"
    );
    // Infection alerts keep their classroom and count: the health centre must act on them.
    let alerts = &seen["infectionAlerts"];
    assert_eq!(
        alerts[0],
        json!({"classroomName": "ぞう組", "symptom": "RASH", "children": 2})
    );

    // The head of あおば reads their own nursery exactly, and nothing is marked.
    let own = head.ok(BANDS, vars.clone()).await.unwrap();
    let own_days: Vec<&Value> = exact_days
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["nursery"]["name"] == "あおば保育園")
        .collect();
    let head_days = own["nurseryDaySummaries"].as_array().unwrap();
    assert_eq!(head_days.len(), own_days.len());
    for (row, exact) in head_days.iter().zip(own_days) {
        for (band, exact_band) in row["ageBands"]
            .as_array()
            .unwrap()
            .iter()
            .zip(exact["ageBands"].as_array().unwrap())
        {
            assert_eq!(band["suppressed"], false);
            for column in COLUMNS {
                assert_eq!(band[column], exact_band[column]);
            }
        }
    }
    let head_rows = head.ok(SYMPTOM_ABSENCES, vars.clone()).await.unwrap()["classroomSymptomAbsences"].clone();
    let counts: Vec<i64> = head_rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["children"].as_i64().unwrap())
        .collect();
    assert_eq!(counts.iter().sum::<i64>(), 5, "あおば's rows exactly: {head_rows}");

    // The CSV follows the same rule: `x` where the report has null, never 0.
    let csv = reqwest::Client::new()
        .get(format!("{}/reports/nursery-days.csv", server.base_url))
        .query(&[
            ("municipalityId", vars["m"].as_str().unwrap()),
            ("from", vars["f"].as_str().unwrap()),
            ("to", vars["t"].as_str().unwrap()),
            ("lang", "en"),
        ])
        .bearer_auth(officer.token().unwrap())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let released_rows = officer.ok(DAY_SUMMARIES, vars.clone()).await.unwrap()["nurseryDaySummaries"].clone();
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    let header: Vec<&str> = lines[0].split(',').collect();
    for (line, row) in lines[1..].iter().zip(released_rows.as_array().unwrap()) {
        let cells: Vec<&str> = line.split(',').collect();
        for band in row["ageBands"].as_array().unwrap() {
            for column in COLUMNS {
                let name = format!("age{}_{column}", band["ageBand"]);
                let at = header.iter().position(|h| *h == name).unwrap();
                let want = band[column].as_i64().map_or("x".to_owned(), |v| v.to_string());
                assert_eq!(cells[at], want, "{name} in {line}");
            }
        }
    }
    assert!(csv.contains(",x,"), "withheld cells are marked in the CSV");
    server.terminate().await.unwrap();
}
