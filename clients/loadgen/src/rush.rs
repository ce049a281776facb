//! The morning rush: a city's guardians hold their apps open while teachers check children in
//! at a set rate. Reports check-in latency, check-in → guardian delivery latency, delivered vs
//! expected events, server memory per open subscription, and the server's maximum check-in
//! rate next to plain PostgreSQL's single-row insert rate (pgbench) on the same machine.
//!
//! Accounts and sessions are written straight into the database: 10,000 argon2 logins would
//! measure password hashing, not the rush. Each guardian's app holds one WebSocket with two
//! subscriptions (attendance and care alerts), as the app does; this machine allows 20,000
//! open files per process, so 20,000 subscriptions ride on 10,000 sockets.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use futures::StreamExt;
use serde_json::json;
use tsunagu_client::{Client, Incoming, ServerProcess, Subscriptions};

use crate::city::{self, Family};
use crate::cpu::CpuMeter;
use crate::server_env;

/// As the app subscribes: arrivals from the cursor it read with the day's first query (so a
/// subscription refused at the burst and started again replays what it missed), care alerts
/// from now.
const SUBSCRIPTIONS: [&str; 2] = [
    "subscription($after: String) { attendanceEvents(after: $after) { child { id } } }",
    "subscription { careAlerts { id } }",
];

pub struct Rush {
    pub nurseries: usize,
    pub children_per_nursery: usize,
    pub rate: usize,
    pub seconds: usize,
    /// Subscriptions per guardian socket: attendance, then care alerts.
    pub per_socket: usize,
}

pub async fn run(url: &str, binary: &Path, rush: Rush) -> anyhow::Result<()> {
    let mut env = server_env(url);
    if std::env::var_os("LOADGEN_SERVER_LOG").is_none() {
        env.insert("RUST_LOG".into(), "error".into());
    }
    let server = ServerProcess::spawn(binary, &env).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rss_before = server.rss_kib().unwrap_or(0);
    let store = tsunagu::store::connect(url).await?;
    println!("backend: {}", store.backend_name());
    let on_postgres = store.backend_name() == "postgres";
    let started = Instant::now();
    let (staff_tokens, mut families) = city::populate(&store, rush.nurseries, rush.children_per_nursery).await?;
    let history = city::yesterday(&store, &families).await?;
    crate::gather_statistics(url).await?;
    // A city's morning interleaves its nurseries: arrivals come from all of them at once, not
    // one nursery's whole roll before the next one's.
    let mut rank_in_nursery = HashMap::<usize, usize>::new();
    let mut ranked: Vec<(usize, Family)> = families
        .drain(..)
        .map(|family| {
            let rank = rank_in_nursery.entry(family.nursery).or_default();
            *rank += 1;
            (*rank, family)
        })
        .collect();
    ranked.sort_by_key(|(rank, family)| (*rank, family.nursery));
    let families: Vec<Family> = ranked.into_iter().map(|(_, family)| family).collect();
    println!(
        "populated {} children and guardians, and yesterday's {history} arrivals and departures, in {:.1} s",
        families.len(),
        started.elapsed().as_secs_f64()
    );

    // Idle memory: every guardian's app open, nothing happening, over the idle server's. Soon
    // after start the server may still hold the bootstrap admin's argon2 working memory
    // (19 MiB a hash) until the allocator returns it, which flatters the difference; so the
    // whole server's RSS per subscription is printed too, a bound that cannot flatter.
    let sent_at: Arc<Mutex<HashMap<String, Instant>>> = Arc::default();
    let delivered: Arc<Mutex<Vec<Duration>>> = Arc::default();
    let ws_url = Client::new(&server.base_url).ws_url();
    // Where every phone's feed starts, read as the app reads it before subscribing.
    let cursor = Client::new(&server.base_url)
        .with_token(staff_tokens.first().cloned())
        .ok("{ liveCursor }", json!({}))
        .await?["liveCursor"]
        .as_str()
        .context("no liveCursor")?
        .to_owned();
    let connect_started = Instant::now();
    let per_socket = rush.per_socket.min(SUBSCRIPTIONS.len());
    // Sockets the server closed, by close code: none is expected.
    let closed: Arc<Mutex<BTreeMap<u16, usize>>> = Arc::default();
    // Subscriptions refused (the server shedding load: UNAVAILABLE, RATE_LIMITED) and started
    // again, as the app does.
    let refused: Arc<Mutex<BTreeMap<String, usize>>> = Arc::default();
    // Each phone reads its socket from the moment it has subscribed, as a browser does: one that
    // did not would leave the server's keep-alive pings unanswered and be closed as idle.
    let connections = futures::stream::iter(families.iter().map(|f| f.guardian_token.clone()))
        .map(|token| {
            let ws_url = ws_url.clone();
            let (sent_at, delivered) = (sent_at.clone(), delivered.clone());
            let (closed, refused) = (closed.clone(), refused.clone());
            let variables = json!({ "after": cursor });
            async move {
                let mut subs = Subscriptions::connect(&ws_url, Some(&token)).await?;
                let mut queries = HashMap::new();
                for query in SUBSCRIPTIONS.iter().take(per_socket) {
                    let variables = if query.contains("$after") {
                        variables.clone()
                    } else {
                        json!({})
                    };
                    queries.insert(subs.subscribe(query, variables.clone()).await?, (*query, variables));
                }
                let feed = Feed {
                    sent_at,
                    delivered,
                    closed,
                    refused,
                };
                tokio::spawn(read_deliveries(subs, queries, feed));
                anyhow::Ok(())
            }
        })
        .buffer_unordered(200);
    futures::pin_mut!(connections);
    let mut sockets = 0;
    while let Some(opened) = connections.next().await {
        opened.context("opening a guardian's subscriptions")?;
        sockets += 1;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let rss_idle = server.rss_kib().unwrap_or(0);
    let subscriptions = sockets * per_socket;
    println!(
        "{sockets} sockets, {subscriptions} subscriptions open in {:.1} s; server RSS {rss_before} KiB → {rss_idle} KiB: \
         {:.2} KiB per subscription ({:.2} KiB counting the whole server)",
        connect_started.elapsed().as_secs_f64(),
        rss_idle.saturating_sub(rss_before) as f64 / subscriptions.max(1) as f64,
        rss_idle as f64 / subscriptions.max(1) as f64
    );

    // The rush: check-ins at a fixed rate, open loop, from the nurseries' tablets.
    // One check-in per child: a city of N children gives at most N.
    let total = (rush.rate * rush.seconds).min(families.len());
    let interval = Duration::from_secs_f64(1.0 / rush.rate as f64);
    let tablets: Vec<Client> = staff_tokens
        .iter()
        .map(|t| Client::new(&server.base_url).with_token(Some(t.clone())))
        .collect();
    let latencies: Arc<Mutex<Vec<Duration>>> = Arc::default();
    let errors = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let rush_started = tokio::time::Instant::now();
    let cpu = CpuMeter::start(server.pid(), on_postgres);
    let mut handles = Vec::with_capacity(total);
    for (i, family) in families.iter().take(total).enumerate() {
        tokio::time::sleep_until(rush_started + interval * i as u32).await;
        let tablet = tablets[family.nursery].clone();
        let child = family.child.to_string();
        let (sent_at, latencies, errors) = (sent_at.clone(), latencies.clone(), errors.clone());
        handles.push(tokio::spawn(async move {
            let sent = Instant::now();
            sent_at.lock().unwrap().insert(child.clone(), sent);
            let result = tablet
                .ok(
                    "mutation($c: ID!) { checkIn(input: {childId: $c}) { id } }",
                    json!({"c": child}),
                )
                .await;
            match result {
                Ok(_) => latencies.lock().unwrap().push(sent.elapsed()),
                Err(_) => {
                    errors.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
            }
        }));
    }
    for handle in handles {
        handle.await?;
    }
    let achieved = total as f64 / rush_started.elapsed().as_secs_f64();
    let rush_cpu = cpu.report(total);
    tokio::time::sleep(Duration::from_secs(3)).await;
    let rss_after = server.rss_kib().unwrap_or(0);
    let expected = total - errors.load(std::sync::atomic::Ordering::Relaxed);
    let latencies = latencies.lock().unwrap().clone();
    let deliveries = delivered.lock().unwrap().clone();
    println!(
        "check-ins: {total} at {:.0}/s requested, {achieved:.0}/s achieved, {} errors",
        rush.rate,
        errors.load(std::sync::atomic::Ordering::Relaxed)
    );
    println!("  {rush_cpu}");
    println!(
        "check-in latency: {}",
        crate::stats::Latencies::of(&latencies).summary()
    );
    println!(
        "check-in → guardian delivery: {}",
        crate::stats::Latencies::of(&deliveries).summary()
    );
    println!(
        "delivered {} of {expected} expected events; server RSS after the rush {rss_after} KiB",
        deliveries.len()
    );
    let closed = closed.lock().unwrap().clone();
    if !closed.is_empty() {
        println!("sockets closed by the server (close code: count): {closed:?}");
    }
    let refused = refused.lock().unwrap().clone();
    if !refused.is_empty() {
        println!("subscriptions refused and started again (code: count): {refused:?}");
    }

    // The ceiling: closed-loop arrivals and departures from 32 clients for 10 s, with the city
    // still subscribed. The children the rush checked in leave while the others arrive, in turn,
    // and each child then goes on alternating, so the ceiling runs its full length at any city size.
    let mut checked_in = families
        .iter()
        .take(total)
        .map(|f| (f.nursery, f.child.to_string(), Move::Out));
    let mut not_yet = families
        .iter()
        .skip(total)
        .map(|f| (f.nursery, f.child.to_string(), Move::In));
    let mut moves = VecDeque::with_capacity(families.len());
    loop {
        let (out, arrival) = (checked_in.next(), not_yet.next());
        if out.is_none() && arrival.is_none() {
            break;
        }
        moves.extend(out.into_iter().chain(arrival));
    }
    let cpu = CpuMeter::start(server.pid(), on_postgres);
    let (done, max_rate) = closed_loop(&tablets, moves, 32, Duration::from_secs(10)).await;
    println!("maximum check-in rate (32 clients, closed loop, arrivals and departures): {max_rate:.0}/s");
    println!("  {}", cpu.report(done));
    server.terminate().await?;
    Ok(())
}

/// What the phones' readers share.
struct Feed {
    sent_at: Arc<Mutex<HashMap<String, Instant>>>,
    delivered: Arc<Mutex<Vec<Duration>>>,
    closed: Arc<Mutex<BTreeMap<u16, usize>>>,
    refused: Arc<Mutex<BTreeMap<String, usize>>>,
}

/// Reads one phone's socket until it closes, noting when each child's arrival reached it. A
/// refused subscription is started again after a backoff, as the app does.
async fn read_deliveries(
    mut subs: Subscriptions,
    mut queries: HashMap<String, (&'static str, serde_json::Value)>,
    feed: Feed,
) {
    // As the app (`clients/web/src/api/live.ts`): 1 s, doubling to 15 s, here with jitter so a
    // city's phones refused at once do not come back at once.
    let mut backoff = Duration::from_secs(1);
    while let Ok(Some(message)) = subs.next(Duration::from_secs(3600)).await {
        match message {
            Incoming::Closed { code, .. } => {
                *feed.closed.lock().unwrap().entry(code).or_default() += 1;
                return;
            }
            Incoming::Error { id, payload } => {
                let code = payload[0]["extensions"]["code"].as_str().unwrap_or("?").to_owned();
                *feed.refused.lock().unwrap().entry(code).or_default() += 1;
                let Some((query, variables)) = queries.remove(&id) else {
                    continue;
                };
                // 0.5–1.5 × the backoff; `RandomState` is a random source std already has.
                let random = std::hash::BuildHasher::hash_one(&std::collections::hash_map::RandomState::new(), 0u8);
                let jitter = 0.5 + (random % 1000) as f64 / 1000.0;
                tokio::time::sleep(backoff.mul_f64(jitter)).await;
                backoff = (backoff * 2).min(Duration::from_secs(15));
                match subs.subscribe(query, variables.clone()).await {
                    Ok(again) => {
                        queries.insert(again, (query, variables));
                    }
                    Err(_) => return,
                }
            }
            Incoming::Next { payload, .. } => {
                backoff = Duration::from_secs(1);
                let Some(child) = payload["data"]["attendanceEvents"]["child"]["id"].as_str() else {
                    continue;
                };
                let sent = feed.sent_at.lock().unwrap().get(child).copied();
                if let Some(sent) = sent {
                    feed.delivered.lock().unwrap().push(sent.elapsed());
                }
            }
            Incoming::Complete { .. } => {}
        }
    }
}

/// An arrival or a departure, for the ceiling.
#[derive(Clone, Copy)]
enum Move {
    In,
    Out,
}

/// Moves made and their rate. After each move the child's next one (the other kind) goes to
/// the back of the queue.
async fn closed_loop(
    tablets: &[Client],
    moves: VecDeque<(usize, String, Move)>,
    clients: usize,
    length: Duration,
) -> (usize, f64) {
    let queue = Arc::new(Mutex::new(moves));
    let done = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|_| {
            let (tablets, queue, done) = (tablets.to_vec(), queue.clone(), done.clone());
            tokio::spawn(async move {
                while started.elapsed() < length {
                    let Some((nursery, child, kind)) = queue.lock().unwrap().pop_front() else {
                        return;
                    };
                    let (mutation, next) = match kind {
                        Move::In => ("mutation($c: ID!) { checkIn(input: {childId: $c}) { id } }", Move::Out),
                        Move::Out => ("mutation($c: ID!) { checkOut(input: {childId: $c}) { id } }", Move::In),
                    };
                    if tablets[nursery].ok(mutation, json!({"c": child})).await.is_ok() {
                        done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        queue.lock().unwrap().push_back((nursery, child, next));
                    }
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.await;
    }
    let done = done.load(std::sync::atomic::Ordering::Relaxed);
    (done, done as f64 / started.elapsed().as_secs_f64())
}
