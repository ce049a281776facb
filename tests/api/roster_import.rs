//! Importing a roster from CSV over HTTP: a dry run lists every problem by line and writes
//! nothing; a clean 100-child nursery in Excel's Shift_JIS is created in one go with an
//! invitation per guardian, and a guardian's code opens their own children.

use base64::Engine;
use serde_json::{json, Value};

use crate::helpers::*;
use crate::world::*;

crate::on_both_backends!(
    a_dry_run_reports_problems_by_line_and_writes_nothing,
    a_hundred_child_nursery_imports_cleanly
);

const IMPORT: &str = "mutation($n: ID!, $f: String!, $d: Boolean!) {
    importRoster(nurseryId: $n, csvBase64: $f, dryRun: $d) {
        imported classrooms families children guardians
        problems { line column message }
        invitations { email displayName code }
    }
}";

fn encoded(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

async fn import(w: &World, file: &[u8], dry_run: bool) -> Value {
    w.head_a
        .ok(IMPORT, json!({"n": w.nursery_a, "f": encoded(file), "d": dry_run}))
        .await
        .unwrap()["importRoster"]
        .clone()
}

async fn a_dry_run_reports_problems_by_line_and_writes_nothing(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    // UTF-8 with a BOM, as Excel saves "CSV UTF-8".
    let file = "\u{feff}クラス,年齢,家族,氏名,ふりがな,生年月日,保護者氏名,保護者メール
ぱんだ組,3,K1,山田 たろう,やまだ たろう,2022-05-10,山田 花子,hanako@import.test
ぱんだ組,4,K2,山田 じろう,,2022-06-01,山田 一郎,ichiro@import.test
ぱんだ組,3,K3,木村 さき,,2022-02-30,木村 恵,megumi@import.test
ひよこ組,1,K4,林 ゆう,,2024-01-01,林 優子,mother.1@tsunagu.test
";
    let result = import(&w, file.as_bytes(), true).await;
    let problems: Vec<(i64, String)> = result["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["line"].as_i64().unwrap(), p["column"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(
        problems,
        vec![
            (3, "ageBand".to_owned()),
            (4, "birthDate".to_owned()),
            (5, "guardianEmail".to_owned()),
        ],
        "{result}"
    );
    assert_eq!(result["imported"], false);
    // Importing a file with problems writes nothing either.
    let refused = import(&w, file.as_bytes(), false).await;
    assert_eq!(refused["imported"], false);
    let classrooms = w
        .head_a
        .ok(
            "query($n: ID!) { nursery(id: $n) { classrooms { name } } }",
            json!({"n": w.nursery_a}),
        )
        .await
        .unwrap();
    assert_eq!(classrooms["nursery"]["classrooms"], json!([{"name": "ひよこ組"}]));
    // Not base64 at all: the field is named.
    let garbage = w
        .head_a
        .gql(IMPORT, json!({"n": w.nursery_a, "f": "%%%", "d": true}))
        .await
        .unwrap();
    assert_eq!(
        (garbage.code(), garbage.field()),
        (Some("BAD_USER_INPUT"), Some("csvBase64"))
    );
}

/// 100 children in five classrooms, 80 families (siblings share one), two guardians for every
/// fourth family, as Excel's Shift_JIS.
fn hundred_children() -> (Vec<u8>, usize) {
    let rooms = [
        ("ひよこ組", 1),
        ("りす組", 2),
        ("うさぎ組", 3),
        ("ぱんだ組", 4),
        ("きりん組", 5),
    ];
    let mut text = String::from("クラス,年齢,家族,氏名,ふりがな,生年月日,入園日,保護者氏名,保護者メール\r\n");
    let mut guardians = 0;
    for i in 0..100 {
        let (room, band) = rooms[i % 5];
        let family = i % 80;
        let year = 2025 - band;
        let guardian = if i < 80 {
            guardians += 1;
            format!("保護者 {family},parent{family}@import.test")
        } else {
            ",".to_owned()
        };
        text.push_str(&format!(
            "{room},{band},F{family},子ども {i},こども {i},{year}-04-{:02},2025-04-01,{guardian}\r\n",
            1 + i % 28
        ));
    }
    for family in (0..80).step_by(4) {
        guardians += 1;
        text.push_str(&format!(
            ",,F{family},,,,,もう一人 {family},second{family}@import.test\r\n"
        ));
    }
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!unmappable);
    (bytes.into_owned(), guardians)
}

async fn a_hundred_child_nursery_imports_cleanly(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = World::build(&app).await;
    let (file, guardians) = hundred_children();
    let dry = import(&w, &file, true).await;
    assert_eq!(dry["problems"], json!([]), "{dry}");
    assert_eq!(
        (dry["children"].as_i64(), dry["families"].as_i64()),
        (Some(100), Some(80))
    );
    assert_eq!(dry["invitations"], json!([]), "a dry run invites nobody");

    let done = import(&w, &file, false).await;
    assert_eq!(done["imported"], true, "{done}");
    let invitations = done["invitations"].as_array().unwrap();
    assert_eq!(invitations.len(), guardians);
    // The existing ひよこ組 is reused; four classrooms are new.
    let rooms = w
        .head_a
        .ok(
            "query($n: ID!) { nursery(id: $n) { classrooms { name ageBand } } }",
            json!({"n": w.nursery_a}),
        )
        .await
        .unwrap();
    assert_eq!(rooms["nursery"]["classrooms"].as_array().unwrap().len(), 5);
    let roster = w.staff_a.ok("{ me { children { id } } }", json!({})).await.unwrap();
    assert_eq!(
        roster["me"]["children"].as_array().unwrap().len(),
        103,
        "the world's three and a hundred"
    );

    // A parent of family 0 (two children: 0 and 80) activates and sees exactly them.
    let parent = invitations
        .iter()
        .find(|i| i["email"] == "parent0@import.test")
        .unwrap();
    let phone = crate::account_codes::activate(&app, parent["code"].as_str().unwrap(), "violet harbour lantern")
        .await
        .expect("the imported invitation works");
    let mine = phone.ok("{ me { children { name } } }", json!({})).await.unwrap();
    let mut names: Vec<&str> = mine["me"]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["子ども 0", "子ども 80"]);
    // The same file again: parent0 has an account now, and the dry run says so on its line.
    let again = import(&w, &file, true).await;
    assert!(again["problems"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["column"] == "guardianEmail"));
}
