//! A small city built through the API, as an administrator would: one municipality with two
//! nurseries, a second municipality, families, children and every kind of user.

use serde_json::{json, Value};
use tsunagu_client::Client;

use crate::helpers::{TestApp, PASSWORD};

pub struct World {
    pub municipality: String,
    pub nursery_a: String,
    pub nursery_b: String,
    pub classroom_a: String,
    pub classroom_b: String,
    pub family_1: String,
    pub family_2: String,
    /// Siblings in family 1.
    pub child_1a: String,
    pub child_1b: String,
    pub child_2: String,
    pub head_a: Client,
    pub staff_a: Client,
    pub staff_b: Client,
    pub guardian_1: Client,
    /// The second guardian on family 1's account.
    pub guardian_1b: Client,
    pub guardian_2: Client,
    pub guardian_b: Client,
    pub officer: Client,
    pub other_officer: Client,
}

pub fn id(value: &Value) -> String {
    value["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no id in {value}"))
        .to_owned()
}

pub async fn make_user(app: &TestApp, admin: &Client, email: &str, role: &str, scope: Option<&str>) -> Client {
    admin
        .ok(
            "mutation($e: String!, $p: String!, $n: String!, $r: Role!, $s: ID) {
                createUser(email: $e, password: $p, displayName: $n, role: $r, scopeId: $s) { id }
            }",
            json!({"e": email, "p": PASSWORD, "n": format!("{role} {email}"), "r": role, "s": scope}),
        )
        .await
        .unwrap_or_else(|e| panic!("create {email}: {e}"));
    app.anonymous.login(email, PASSWORD).await.expect("new user logs in")
}

pub async fn create(client: &Client, query: &str, variables: Value, field: &str) -> String {
    let data = client
        .ok(query, variables)
        .await
        .unwrap_or_else(|e| panic!("{field}: {e}"));
    id(&data[field])
}

pub async fn municipality(client: &Client, name: &str, code: &str) -> String {
    create(
        client,
        "mutation($n: String!, $c: String!) { createMunicipality(name: $n, code: $c) { id } }",
        json!({"n": name, "c": code}),
        "createMunicipality",
    )
    .await
}

pub async fn nursery(client: &Client, municipality: &str, name: &str) -> String {
    create(
        client,
        "mutation($m: ID!, $n: String!) { createNursery(municipalityId: $m, name: $n) { id } }",
        json!({"m": municipality, "n": name}),
        "createNursery",
    )
    .await
}

pub async fn classroom(client: &Client, nursery: &str, name: &str, age_band: i32) -> String {
    create(client, "mutation($n: ID!, $name: String!, $a: Int!) { createClassroom(nurseryId: $n, name: $name, ageBand: $a) { id } }", json!({"n": nursery, "name": name, "a": age_band}), "createClassroom").await
}

pub async fn family(client: &Client, nursery: &str) -> String {
    create(
        client,
        "mutation($n: ID!) { createFamily(nurseryId: $n) { id } }",
        json!({"n": nursery}),
        "createFamily",
    )
    .await
}

pub async fn child(client: &Client, family: &str, classroom: &str, name: &str) -> String {
    create(
        client,
        "mutation($f: ID!, $c: ID!, $n: String!, $k: String) {
            enrollChild(familyId: $f, classroomId: $c, name: $n, nameKana: $k, birthDate: \"2023-05-10\") { id }
        }",
        json!({"f": family, "c": classroom, "n": name, "k": "テスト"}),
        "enrollChild",
    )
    .await
}

impl World {
    pub async fn build(app: &TestApp) -> World {
        let admin = &app.admin;
        let municipality = municipality(admin, "いわき市", "072044").await;
        let other_municipality = municipality_other(admin).await;
        let nursery_a = nursery(admin, &municipality, "白土保育所").await;
        let nursery_b = nursery(admin, &municipality, "下川保育所").await;
        let classroom_a = classroom(admin, &nursery_a, "ひよこ組", 1).await;
        let classroom_b = classroom(admin, &nursery_b, "うさぎ組", 2).await;
        let family_1 = family(admin, &nursery_a).await;
        let family_2 = family(admin, &nursery_a).await;
        let family_b = family(admin, &nursery_b).await;
        let child_1a = child(admin, &family_1, &classroom_a, "佐藤 はると").await;
        let child_1b = child(admin, &family_1, &classroom_a, "佐藤 ゆい").await;
        let child_2 = child(admin, &family_2, &classroom_a, "鈴木 そうた").await;
        // Nursery B has a family and child of its own, so its staff and guardian have a scope.
        child(admin, &family_b, &classroom_b, "高橋 めい").await;
        World {
            head_a: make_user(app, admin, "head.a@tsunagu.test", "NURSERY_ADMIN", Some(&nursery_a)).await,
            staff_a: make_user(app, admin, "staff.a@tsunagu.test", "STAFF", Some(&nursery_a)).await,
            staff_b: make_user(app, admin, "staff.b@tsunagu.test", "STAFF", Some(&nursery_b)).await,
            guardian_1: make_user(app, admin, "mother.1@tsunagu.test", "GUARDIAN", Some(&family_1)).await,
            guardian_1b: make_user(app, admin, "father.1@tsunagu.test", "GUARDIAN", Some(&family_1)).await,
            guardian_2: make_user(app, admin, "mother.2@tsunagu.test", "GUARDIAN", Some(&family_2)).await,
            guardian_b: make_user(app, admin, "mother.b@tsunagu.test", "GUARDIAN", Some(&family_b)).await,
            officer: make_user(
                app,
                admin,
                "officer@tsunagu.test",
                "MUNICIPAL_OFFICER",
                Some(&municipality),
            )
            .await,
            other_officer: make_user(
                app,
                admin,
                "officer@other.test",
                "MUNICIPAL_OFFICER",
                Some(&other_municipality),
            )
            .await,
            municipality,
            nursery_a,
            nursery_b,
            classroom_a,
            classroom_b,
            family_1,
            family_2,
            child_1a,
            child_1b,
            child_2,
        }
    }
}

async fn municipality_other(admin: &Client) -> String {
    municipality(admin, "郡山市", "072036").await
}

pub const CHECK_IN: &str = "mutation($c: ID!, $k: String) {
    checkIn(input: {childId: $c, idempotencyKey: $k}) { id cursor kind child { id name } recordedBy { id } }
}";

pub const CHECK_OUT: &str = "mutation($c: ID!, $k: String, $p: String) {
    checkOut(input: {childId: $c, idempotencyKey: $k, pickupBy: $p}) { id cursor kind pickupBy child { id } }
}";

pub const ATTENDANCE_SUBSCRIPTION: &str = "subscription($after: String) {
    attendanceEvents(after: $after) { id cursor kind occurredAt pickupBy child { id name } }
}";

pub const ABSENCE_SUBSCRIPTION: &str = "subscription {
    absenceReports { id kind date reason symptoms note child { id } reportedBy { id } }
}";
