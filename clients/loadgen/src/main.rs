//! Benchmarks for Tsunagu, run against the real server binary on a fresh database.
//!
//! `delivery`: server start time; check-in → guardian delivery latency (median, p99) measured
//! one event at a time; server RSS before and after opening idle subscriptions.
//! `naps`: the nap watcher's cost with many open naps: one tick of the server's own code
//! (`raise_overdue_nap_alerts`) timed against the same database.
//! `arrival-check`: the cost of the 9:30 not-yet-arrived check for a city (see
//! `arrival_check.rs`).
//! `hostile`: server CPU per request for a corpus of hostile documents (see `hostile.rs`).
//! `rush`: the morning rush (see `rush.rs`). `reports`: municipal reports over a city-sized
//! year (see `reports.rs`).

mod arrival_check;
mod city;
mod cpu;
mod hostile;
mod naps;
mod reports;
mod rush;
mod stats;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};
use clap::{Parser, Subcommand};
use serde_json::json;
use sqlx::{Connection, PgConnection};
use tsunagu_client::{Client, ServerProcess, Subscriptions};

#[derive(Parser)]
#[command(about = "Tsunagu benchmarks")]
struct Cli {
    #[command(subcommand)]
    command: Bench,
}

#[derive(Subcommand)]
enum Bench {
    /// Start time, delivery latency and memory per idle subscription.
    Delivery {
        /// `sqlite` (a temporary file) or a PostgreSQL URL to create a scratch database on.
        #[arg(long, default_value = "sqlite")]
        database: String,
        /// The server binary (build it with `cargo build --release`).
        #[arg(long, default_value = "target/release/tsunagu")]
        binary: PathBuf,
        /// Check-ins and check-outs to time.
        #[arg(long, default_value_t = 200)]
        events: usize,
        /// Idle subscriptions to hold open for the memory figure.
        #[arg(long, default_value_t = 1000)]
        idle: usize,
    },
    /// The morning rush: many open guardian apps, check-ins at a set rate.
    Rush {
        #[arg(long, default_value = "sqlite")]
        database: String,
        #[arg(long, default_value = "target/release/tsunagu")]
        binary: PathBuf,
        #[arg(long, default_value_t = 100)]
        nurseries: usize,
        #[arg(long, default_value_t = 100)]
        children_per_nursery: usize,
        /// Check-ins per second.
        #[arg(long, default_value_t = 200)]
        rate: usize,
        #[arg(long, default_value_t = 60)]
        seconds: usize,
        /// Subscriptions each guardian's socket holds (attendance, care alerts).
        #[arg(long, default_value_t = 2)]
        per_socket: usize,
        /// Also run pgbench's single-row insert on this PostgreSQL URL for comparison.
        #[arg(long)]
        pgbench: Option<String>,
    },
    /// Municipal reports over a city-sized year (seeded with `tsunagu seed-city`).
    Reports {
        #[arg(long, default_value = "sqlite")]
        database: String,
        #[arg(long, default_value = "target/release/tsunagu")]
        binary: PathBuf,
        #[arg(long, default_value_t = 60)]
        nurseries: usize,
        #[arg(long, default_value_t = 100)]
        children_per_nursery: usize,
        #[arg(long, default_value_t = 250)]
        days: usize,
        /// Times each report is fetched.
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
    /// Server CPU per request for hostile documents (fragment fan-outs, floods, nesting).
    Hostile {
        #[arg(long, default_value = "sqlite")]
        database: String,
        #[arg(long, default_value = "target/release/tsunagu")]
        binary: PathBuf,
    },
    /// Cost of the 9:30 not-yet-arrived check (登園確認) for a city seeded with seed-city.
    ArrivalCheck {
        #[arg(long, default_value = "sqlite")]
        database: String,
        #[arg(long, default_value = "target/release/tsunagu")]
        binary: PathBuf,
        #[arg(long, default_value_t = 100)]
        nurseries: usize,
        #[arg(long, default_value_t = 100)]
        children_per_nursery: usize,
        /// Children who arrived before the check, in percent.
        #[arg(long, default_value_t = 90)]
        arrived_percent: u32,
    },
    /// Cost of the nap watcher's tick with many open naps.
    Naps {
        #[arg(long, default_value = "sqlite")]
        database: String,
        #[arg(long, default_value = "target/release/tsunagu")]
        binary: PathBuf,
        #[arg(long, default_value_t = 1000)]
        naps: usize,
    },
}

pub(crate) const PASSWORD: &str = "benchmark password";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Bench::Delivery {
            database,
            binary,
            events,
            idle,
        } => {
            let db = ScratchDb::create(&database).await?;
            let result = delivery(&db.url, &binary, events, idle).await;
            db.drop().await;
            result
        }
        Bench::Rush {
            database,
            binary,
            nurseries,
            children_per_nursery,
            rate,
            seconds,
            per_socket,
            pgbench,
        } => {
            if let Some(url) = pgbench {
                pgbench_insert_rate(&url)?;
            }
            let db = ScratchDb::create(&database).await?;
            let rush = rush::Rush {
                nurseries,
                children_per_nursery,
                rate,
                seconds,
                per_socket,
            };
            let result = rush::run(&db.url, &binary, rush).await;
            db.drop().await;
            result
        }
        Bench::Reports {
            database,
            binary,
            nurseries,
            children_per_nursery,
            days,
            runs,
        } => {
            let db = ScratchDb::create(&database).await?;
            let bench = reports::ReportBench {
                nurseries,
                children_per_nursery,
                days,
                runs: runs.max(1),
            };
            let result = reports::run(&db.url, &binary, bench).await;
            db.drop().await;
            result
        }
        Bench::Hostile { database, binary } => {
            let db = ScratchDb::create(&database).await?;
            let result = hostile::run(&db.url, &binary).await;
            db.drop().await;
            result
        }
        Bench::ArrivalCheck {
            database,
            binary,
            nurseries,
            children_per_nursery,
            arrived_percent,
        } => {
            let db = ScratchDb::create(&database).await?;
            let bench = arrival_check::ArrivalBench {
                nurseries,
                children_per_nursery,
                arrived_percent: arrived_percent.min(100),
            };
            let result = arrival_check::run(&db.url, &binary, bench).await;
            db.drop().await;
            result
        }
        Bench::Naps { database, binary, naps } => {
            let db = ScratchDb::create(&database).await?;
            let result = naps::run(&db.url, &binary, naps).await;
            db.drop().await;
            result
        }
    }
}

pub(crate) fn server_env(url: &str) -> HashMap<String, String> {
    HashMap::from([
        ("DATABASE_URL".to_owned(), url.to_owned()),
        ("BOOTSTRAP_ADMIN_EMAIL".to_owned(), "admin@bench.test".to_owned()),
        ("BOOTSTRAP_ADMIN_PASSWORD".to_owned(), PASSWORD.to_owned()),
        ("LOGIN_LIMIT_PER_ADDRESS".to_owned(), "100000".to_owned()),
        // `LOADGEN_SERVER_LOG=debug` to see more of the server under load.
        (
            "RUST_LOG".to_owned(),
            std::env::var("LOADGEN_SERVER_LOG").unwrap_or_else(|_| "warn".to_owned()),
        ),
    ])
}

async fn delivery(url: &str, binary: &std::path::Path, events: usize, idle: usize) -> anyhow::Result<()> {
    let mut env = server_env(url);
    // The idle sockets are all one guardian's here (a stand-in for a city's phones): lift the
    // per-account cap that would refuse them.
    env.insert("WS_MAX_SOCKETS_PER_USER".to_owned(), (idle + 10).to_string());
    let server = ServerProcess::spawn(binary, &env)
        .await
        .with_context(|| format!("starting {}", binary.display()))?;
    println!(
        "backend: {}",
        if url.starts_with("sqlite") {
            "sqlite"
        } else {
            "postgres"
        }
    );
    println!(
        "server start (spawn → listening, fresh database, migrations): {} ms",
        server.start_time.as_millis()
    );

    let admin = Client::new(&server.base_url)
        .login("admin@bench.test", PASSWORD)
        .await?;
    let id = |v: &serde_json::Value, f: &str| v[f]["id"].as_str().unwrap_or_default().to_owned();
    let BenchNursery {
        nursery: n,
        classroom: c,
        family: f,
    } = bench_nursery(&admin).await?;
    let create_user = "mutation($e: String!, $r: Role!, $s: ID) { createUser(email: $e, password: \"benchmark password\", displayName: \"x\", role: $r, scopeId: $s) { id } }";
    admin
        .ok(create_user, json!({"e": "staff@bench.test", "r": "STAFF", "s": n}))
        .await?;
    admin
        .ok(
            create_user,
            json!({"e": "guardian@bench.test", "r": "GUARDIAN", "s": f}),
        )
        .await?;
    let staff = admin.login("staff@bench.test", PASSWORD).await?;
    let guardian = admin.login("guardian@bench.test", PASSWORD).await?;
    let mut children = Vec::new();
    for i in 0..events.div_ceil(2) {
        let data = admin
            .ok(
                "mutation($f: ID!, $c: ID!, $n: String!) { enrollChild(familyId: $f, classroomId: $c, name: $n, birthDate: \"2025-06-01\") { id } }",
                json!({"f": f, "c": c, "n": format!("園児{i}")}),
            )
            .await?;
        children.push(id(&data, "enrollChild"));
    }

    let mut subs = guardian.subscriptions().await?;
    subs.subscribe("subscription { attendanceEvents { id } }", json!({}))
        .await?;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut latencies = Vec::with_capacity(events);
    for i in 0..events {
        let child = &children[i % children.len()];
        let (mutation, field) = if i < children.len() {
            ("checkIn", "checkIn")
        } else {
            ("checkOut", "checkOut")
        };
        let query = format!("mutation($c: ID!) {{ {mutation}(input: {{childId: $c}}) {{ id }} }}");
        let started = Instant::now();
        let written = staff.ok(&query, json!({"c": child})).await?;
        let Some(data) = subs.next_data(Duration::from_secs(10)).await? else {
            bail!("event {i} was not delivered")
        };
        latencies.push(started.elapsed());
        if data["attendanceEvents"]["id"] != written[field]["id"] {
            bail!("delivered {data} for {written}");
        }
    }
    let figures = stats::Latencies::of(&latencies);
    println!(
        "check-in request → guardian delivery over {} events: median {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        figures.len(),
        figures.ms(0.5),
        figures.ms(0.99),
        figures.ms(1.0)
    );

    tokio::time::sleep(Duration::from_millis(300)).await;
    let before = server.rss_kib().unwrap_or(0);
    let mut held = Vec::with_capacity(idle);
    for _ in 0..idle {
        let mut subs = Subscriptions::connect(&guardian.ws_url(), guardian.token()).await?;
        subs.subscribe("subscription { attendanceEvents { id } }", json!({}))
            .await?;
        held.push(subs);
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let after = server.rss_kib().unwrap_or(0);
    println!(
        "server RSS: {before} KiB before, {after} KiB with {idle} idle subscriptions ({:.1} KiB each)",
        (after.saturating_sub(before)) as f64 / idle.max(1) as f64
    );
    drop(held);
    server.terminate().await?;
    Ok(())
}

/// One nursery with a 0-year-olds' classroom and a family, set up through the API.
pub(crate) struct BenchNursery {
    pub nursery: String,
    pub classroom: String,
    pub family: String,
}

pub(crate) async fn bench_nursery(admin: &Client) -> anyhow::Result<BenchNursery> {
    let id = |v: serde_json::Value, field: &str| v[field]["id"].as_str().unwrap_or_default().to_owned();
    let create = "mutation { createMunicipality(name: \"いわき市\", code: \"072044\") { id } }";
    let municipality = id(admin.ok(create, json!({})).await?, "createMunicipality");
    let create = "mutation($m: ID!) { createNursery(municipalityId: $m, name: \"白土保育所\") { id } }";
    let nursery = id(admin.ok(create, json!({"m": municipality})).await?, "createNursery");
    let create = "mutation($n: ID!) { createClassroom(nurseryId: $n, name: \"ひよこ組\", ageBand: 0) { id } }";
    let classroom = id(admin.ok(create, json!({"n": nursery})).await?, "createClassroom");
    let create = "mutation($n: ID!) { createFamily(nurseryId: $n) { id } }";
    let family = id(admin.ok(create, json!({"n": nursery})).await?, "createFamily");
    Ok(BenchNursery {
        nursery,
        classroom,
        family,
    })
}

/// Plain PostgreSQL's rate for a single-row insert and commit, 32 clients for 10 s (pgbench).
fn pgbench_insert_rate(url: &str) -> anyhow::Result<()> {
    let script = std::env::temp_dir().join("tsunagu-pgbench.sql");
    std::fs::write(&script, "INSERT INTO tsunagu_pgbench (at) VALUES (now());\n")?;
    let psql = |sql: &str| std::process::Command::new("psql").args([url, "-qc", sql]).status();
    psql("CREATE TABLE IF NOT EXISTS tsunagu_pgbench (id bigserial PRIMARY KEY, at timestamptz)")?;
    let output = std::process::Command::new("pgbench")
        .args(["-n", "-c", "32", "-j", "2", "-T", "10", "-f"])
        .arg(&script)
        .arg(url)
        .output()?;
    psql("DROP TABLE IF EXISTS tsunagu_pgbench")?;
    let text = String::from_utf8_lossy(&output.stdout);
    let tps = text.lines().find(|l| l.starts_with("tps")).unwrap_or("no tps line");
    println!("pgbench single-row insert + commit, 32 clients: {tps}");
    Ok(())
}

/// Gathers the planner's statistics, as autovacuum does on a production database soon after a
/// bulk load. This machine's PostgreSQL runs with autovacuum off, and without statistics a
/// freshly populated city is planned as if every grant matched every scope (the push fan-out
/// then scans all grants per batch), which would measure a database no city runs.
pub(crate) async fn gather_statistics(url: &str) -> anyhow::Result<()> {
    if url.starts_with("postgres") {
        let mut conn = PgConnection::connect(url).await?;
        sqlx::query("ANALYZE").execute(&mut conn).await?;
    } else {
        let mut conn = sqlx::SqliteConnection::connect(url).await?;
        sqlx::query("ANALYZE").execute(&mut conn).await?;
    }
    Ok(())
}

/// A database that exists for one run.
struct ScratchDb {
    url: String,
    admin_url: Option<(String, String)>,
    file: Option<PathBuf>,
}

impl ScratchDb {
    async fn create(spec: &str) -> anyhow::Result<Self> {
        let tag = uuid::Uuid::new_v4().simple().to_string();
        if spec == "sqlite" {
            let path = std::env::temp_dir().join(format!("tsunagu-bench-{tag}.db"));
            return Ok(ScratchDb {
                url: format!("sqlite://{}", path.display()),
                admin_url: None,
                file: Some(path),
            });
        }
        let name = format!("tsunagu_bench_{tag}");
        let mut conn = PgConnection::connect(spec).await?;
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await?;
        let base = spec.rsplit_once('/').map(|(base, _)| base).unwrap_or(spec);
        Ok(ScratchDb {
            url: format!("{base}/{name}"),
            admin_url: Some((spec.to_owned(), name)),
            file: None,
        })
    }

    async fn drop(self) {
        if let Some((admin_url, name)) = self.admin_url {
            if let Ok(mut conn) = PgConnection::connect(&admin_url).await {
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await;
            }
        }
        if let Some(path) = self.file {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
        }
    }
}
