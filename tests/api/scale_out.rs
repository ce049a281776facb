//! Several replicas on one PostgreSQL database: a phone subscribed on one replica gets what a
//! tablet wrote on another, resumes its cursor on any replica, and every push is sent once
//! although every replica runs a push worker. Also checks the deployment file's structure.

use std::collections::HashSet;
use std::time::Duration;

use serde_json::json;
use tsunagu_client::{Client, ServerProcess};

use crate::helpers::*;
use crate::push_service::{env_pairs, PushService};
use crate::world::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_replicas_share_live_events_and_pushes() {
    let Some(backend) = postgres_backend().await else {
        return;
    };
    let service = PushService::start().await;
    let mut push_env = service.server_env();
    push_env.push(("PUSH_POLL_INTERVAL_MS", "100".to_owned()));
    let app = TestApp::start_with(backend, &env_pairs(&push_env)).await;
    let w = World::build(&app).await;
    let mut env = server_env(&app.db);
    for (key, value) in push_env {
        env.insert(key.to_owned(), value);
    }
    // Polling so slow that only the replicas' NOTIFY can deliver within the test's wait.
    env.insert("EVENT_POLL_INTERVAL_MS".into(), "600000".into());
    let replica_b = ServerProcess::spawn(&binary(), &env).await.expect("second replica");
    let on_b = |client: &Client| Client::new(&replica_b.base_url).with_token(client.token().map(str::to_owned));

    let phone = service.device("phone", &[]);
    w.guardian_1
        .ok(
            "mutation($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) }",
            json!({"i": phone.input()}),
        )
        .await
        .unwrap();

    // Subscribed on B, written on A.
    let mut subs = on_b(&w.guardian_1).subscriptions().await.unwrap();
    subs.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();
    let checked_in = w.staff_a.ok(CHECK_IN, json!({"c": w.child_1a})).await.unwrap()["checkIn"].clone();
    let live = subs
        .next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .expect("delivered across replicas");
    assert_eq!(live["attendanceEvents"]["id"], checked_in["id"]);
    subs.close().await.unwrap();

    // Written on B while the phone is away; resumed on A from the cursor.
    let checked_out = on_b(&w.staff_a).ok(CHECK_OUT, json!({"c": w.child_1a})).await.unwrap()["checkOut"].clone();
    let mut resumed = w.guardian_1.subscriptions().await.unwrap();
    resumed
        .subscribe(ATTENDANCE_SUBSCRIPTION, json!({"after": checked_in["cursor"]}))
        .await
        .unwrap();
    let missed = resumed
        .next_data(DELIVERY_WAIT)
        .await
        .unwrap()
        .expect("the missed check-out");
    assert_eq!(missed["attendanceEvents"]["id"], checked_out["id"]);

    // A burst on both replicas: every push exactly once, though both replicas send.
    let mut expected: HashSet<String> = [&checked_in, &checked_out]
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    for round in 0..5 {
        let tablet = if round % 2 == 0 {
            w.staff_a.clone()
        } else {
            on_b(&w.staff_a)
        };
        for (query, field) in [(CHECK_IN, "checkIn"), (CHECK_OUT, "checkOut")] {
            let event = tablet.ok(query, json!({"c": w.child_1b})).await.unwrap();
            expected.insert(event[field]["id"].as_str().unwrap().to_owned());
        }
    }
    let got = service.wait_for(&phone, expected.len(), Duration::from_secs(20)).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let got_now = service.delivered(&phone);
    let ids: Vec<String> = got_now
        .iter()
        .map(|r| r.payload["eventId"].as_str().unwrap().to_owned())
        .collect();
    let unique: HashSet<String> = ids.iter().cloned().collect();
    assert_eq!(got.len(), expected.len(), "all pushes arrived");
    assert_eq!(ids.len(), unique.len(), "no push twice: {ids:?}");
    assert_eq!(unique, expected);
    replica_b.terminate().await.unwrap();
}

/// CI has no Docker engine: check the compose file's structure instead.
#[test]
fn docker_compose_runs_two_replicas_behind_a_websocket_proxy() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned();
    let text = std::fs::read_to_string(root.join("docker-compose.yml")).expect("docker-compose.yml");
    let compose: serde_json::Value = serde_yaml_ng::from_str(&text).expect("valid YAML");
    let services = compose["services"].as_object().expect("services");

    let db = &services["postgres"];
    assert!(db["image"].as_str().unwrap().starts_with("postgres:"));
    assert!(
        db["healthcheck"]["test"].to_string().contains("pg_isready"),
        "database health check"
    );
    assert!(
        db["volumes"].to_string().contains("/var/lib/postgresql/data"),
        "data on a volume"
    );
    assert!(
        compose["volumes"].as_object().is_some_and(|v| !v.is_empty()),
        "named volume declared"
    );

    let replicas: Vec<&String> = services.keys().filter(|k| k.starts_with("tsunagu")).collect();
    assert!(replicas.len() >= 2, "at least two replicas: {replicas:?}");
    for name in &replicas {
        let replica = &services[name.as_str()];
        let env = replica["environment"].to_string();
        assert!(
            env.contains("DATABASE_URL") && env.contains("postgres://"),
            "{name}: DATABASE_URL"
        );
        assert!(env.contains("LISTEN_ADDR"), "{name}: LISTEN_ADDR");
        assert!(
            env.contains("TRUSTED_PROXIES"),
            "{name}: client addresses from the proxy"
        );
        assert_eq!(
            replica["depends_on"]["postgres"]["condition"], "service_healthy",
            "{name}"
        );
        assert!(
            replica["healthcheck"]["test"].to_string().contains("/healthz"),
            "{name}: health check"
        );
    }

    let proxy = &services["proxy"];
    let proxy_address = proxy["networks"]["default"]["ipv4_address"]
        .as_str()
        .expect("nginx has a fixed address");
    for name in &replicas {
        let trusted = services[name.as_str()]["environment"]["TRUSTED_PROXIES"]
            .as_str()
            .unwrap_or_default();
        assert_eq!(trusted, format!("{proxy_address}/32"), "{name} believes nginx alone");
    }
    let config_mount = proxy["volumes"].to_string();
    assert!(config_mount.contains("nginx.conf"), "proxy configuration mounted");
    let nginx = std::fs::read_to_string(root.join("deploy/nginx.conf")).expect("deploy/nginx.conf");
    for replica in &replicas {
        assert!(nginx.contains(&format!("server {replica}:8080")), "upstream {replica}");
    }
    assert!(
        nginx.contains("proxy_set_header Upgrade $http_upgrade"),
        "WebSocket upgrades pass"
    );
    assert!(nginx.contains("proxy_set_header Connection $connection_upgrade"));
    assert!(nginx.contains("X-Forwarded-For"));
    assert!(nginx.contains("proxy_read_timeout"), "idle subscriptions are not cut");
}
