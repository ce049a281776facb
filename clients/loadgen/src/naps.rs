//! The nap watcher benchmark: open many naps through the API, then time the watcher's tick —
//! the server's own store code — against the same database: idle (nothing due) and when every
//! nap is overdue at once.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::json;
use tsunagu::domain::Timestamp;
use tsunagu_client::{Client, ServerProcess};

use crate::{bench_nursery, server_env, BenchNursery, PASSWORD};

pub async fn run(url: &str, binary: &Path, naps: usize) -> anyhow::Result<()> {
    let server = ServerProcess::spawn(binary, &server_env(url)).await?;
    let admin = Client::new(&server.base_url)
        .login("admin@bench.test", PASSWORD)
        .await?;
    let id = |v: &serde_json::Value, f: &str| v[f]["id"].as_str().unwrap_or_default().to_owned();
    let BenchNursery {
        nursery: n,
        classroom: c,
        family: f,
    } = bench_nursery(&admin).await?;
    admin
        .ok(
            "mutation($n: ID!) { setNapCheckInterval(scopeId: $n, ageBand: 0, seconds: 3600) }",
            json!({"n": n}),
        )
        .await?;
    admin
        .ok("mutation($n: ID!) { createUser(email: \"staff@bench.test\", password: \"benchmark password\", displayName: \"x\", role: STAFF, scopeId: $n) { id } }", json!({"n": n}))
        .await?;
    let staff = admin.login("staff@bench.test", PASSWORD).await?;

    let store = tsunagu::store::connect(url).await?;
    // The wall clock: the server being measured runs on it, and this bench has no `Services`.
    let idle_tick = time_ticks(&store, Timestamp::now(), 200).await?;
    for i in 0..naps {
        let child = id(
            &admin
                .ok(
                    "mutation($f: ID!, $c: ID!, $n: String!) { enrollChild(familyId: $f, classroomId: $c, name: $n, birthDate: \"2025-06-01\") { id } }",
                    json!({"f": f, "c": c, "n": format!("園児{i}")}),
                )
                .await?,
            "enrollChild",
        );
        staff
            .ok(
                "mutation($c: ID!) { recordNapCheck(input: {childId: $c, position: BACK, breathingOk: true}) { id } }",
                json!({"c": child}),
            )
            .await?;
    }
    let busy_tick = time_ticks(&store, Timestamp::now(), 200).await?;
    println!("backend: {}", store.backend_name());
    println!(
        "nap watch tick, nothing due: {:.3} ms with 0 open naps, {:.3} ms with {naps} open naps (median of 200)",
        idle_tick * 1e3,
        busy_tick * 1e3
    );

    let later = Timestamp(time::OffsetDateTime::now_utc() + time::Duration::hours(2));
    let started = Instant::now();
    let mut raised = 0;
    loop {
        let n = store.raise_overdue_nap_alerts(later).await?;
        raised += n;
        if n == 0 {
            break;
        }
    }
    println!(
        "all {naps} naps overdue at once: {raised} alerts written in {:.1} ms ({:.3} ms per alert)",
        started.elapsed().as_secs_f64() * 1e3,
        started.elapsed().as_secs_f64() * 1e3 / raised.max(1) as f64
    );
    server.terminate().await?;
    Ok(())
}

async fn time_ticks(
    store: &std::sync::Arc<dyn tsunagu::store::Store>,
    now: Timestamp,
    n: usize,
) -> anyhow::Result<f64> {
    let mut times: Vec<Duration> = Vec::with_capacity(n);
    for _ in 0..n {
        let started = Instant::now();
        store.raise_overdue_nap_alerts(now).await?;
        times.push(started.elapsed());
    }
    Ok(crate::stats::Latencies::of(&times).median_secs())
}
