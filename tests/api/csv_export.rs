//! The nursery-day CSV export checked against the GraphQL report it must equal: BOM, the exact
//! Japanese (or English) header, one row per nursery-day, refusals in the API's error shape.

use serde_json::Value;
use tsunagu_client::Client;

use crate::helpers::TestApp;

/// The CSV: BOM, the exact Japanese (or English) header, one row per nursery-day with the
/// GraphQL numbers; refusals in the API's error shape.
pub async fn matches_the_report(
    app: &TestApp,
    officer: &Client,
    other: &Client,
    city: &str,
    vars: &Value,
    days: &Value,
) {
    let http = reqwest::Client::new();
    let url = format!("{}/reports/nursery-days.csv", app.server.base_url);
    let get = |lang: Option<&str>, token: Option<&str>, municipality: &str, from: &str| {
        let mut request = http.get(&url).query(&[
            ("municipalityId", municipality),
            ("from", from),
            ("to", vars["t"].as_str().unwrap()),
        ]);
        if let Some(lang) = lang {
            request = request.query(&[("lang", lang)]);
        }
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    let from = vars["f"].as_str().unwrap();
    let response = get(None, officer.token(), city, from).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    let bytes = response.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte-order mark for Excel");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    let header_ja = "日付,施設ID,施設名,在籍児童数,出席児童数,欠席児童数,遅刻児童数,出席率,\
        欠席(発熱),欠席(咳),欠席(鼻水),欠席(下痢),欠席(嘔吐),欠席(発疹),欠席(結膜炎),欠席(その他),\
        0歳児在籍,0歳児出席,0歳児欠席,0歳児遅刻,1歳児在籍,1歳児出席,1歳児欠席,1歳児遅刻,\
        2歳児在籍,2歳児出席,2歳児欠席,2歳児遅刻,3歳児在籍,3歳児出席,3歳児欠席,3歳児遅刻,\
        4歳児在籍,4歳児出席,4歳児欠席,4歳児遅刻,5歳児在籍,5歳児出席,5歳児欠席,5歳児遅刻,\
        午睡チェック必要回数,午睡チェック適時回数,クラス数,承認済み保育日誌数";
    assert_eq!(lines[0], header_ja);
    let rows = days.as_array().unwrap();
    assert_eq!(lines.len() - 1, rows.len(), "one line per nursery-day");
    for (line, row) in lines[1..].iter().zip(rows) {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells[0], row["date"].as_str().unwrap());
        assert_eq!(cells[1], row["nursery"]["id"].as_str().unwrap());
        assert_eq!(cells[2], row["nursery"]["name"].as_str().unwrap());
        for (i, field) in ["enrolled", "present", "absent", "late"].iter().enumerate() {
            assert_eq!(cells[3 + i], row[field].to_string(), "{field} in {line}");
        }
        assert_eq!(
            cells[7].parse::<f64>().unwrap(),
            row["attendanceRate"].as_f64().unwrap()
        );
        let fever = row["absencesBySymptom"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["symptom"] == "FEVER")
            .map_or(0, |s| s["count"].as_i64().unwrap());
        assert_eq!(cells[8], fever.to_string(), "fever in {line}");
        assert_eq!(cells[cells.len() - 4], row["napChecksRequired"].to_string());
        assert_eq!(cells[cells.len() - 1], row["diariesApproved"].to_string());
    }

    let english = get(Some("en"), officer.token(), city, from)
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let english = std::str::from_utf8(&english[3..]).unwrap();
    assert!(
        english.starts_with("date,nursery_id,nursery_name,enrolled,present,absent,late,attendance_rate,absent_fever,")
    );

    // Refusals: no token, another city's officer, a malformed date.
    let anonymous = get(None, None, city, from).await.unwrap();
    assert_eq!(anonymous.status(), 401);
    let body: Value = anonymous.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
    let outsider = get(None, other.token(), city, from).await.unwrap();
    assert_eq!(outsider.status(), 404);
    let bad_date = get(None, officer.token(), city, "2026-13-01").await.unwrap();
    assert_eq!(bad_date.status(), 400);
    let body: Value = bad_date.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["field"], "from");
}
