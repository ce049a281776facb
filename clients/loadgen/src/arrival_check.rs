//! `arrival-check`: the cost of the 9:30 not-yet-arrived check (登園確認) for a city. Seeds a
//! scratch database with `tsunagu seed-city`, records today's arrivals for a share of the
//! children through the store (as the tablets' writer would), makes every nursery's check due
//! now, and times the watcher's own pass (`service::safety::arrival_watch::run_once`, the code
//! the server runs each tick) when it raises the day's checks, then an idle pass afterwards;
//! then the same at closing for the left-behind check (`departure_watch::run_once`).

use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context as _};
use clap::Parser;
use tsunagu::domain::calendar::{offset_from_minutes, LocalDay};
use tsunagu::domain::safety::opening::NurseryHours;
use tsunagu::domain::{AttendanceEvent, AttendanceKind, Id, Position};
use tsunagu::service::safety::arrival_watch::run_once;
use tsunagu::service::safety::departure_watch;
use tsunagu::store::{AttendanceWrite, ChildFilter};

pub struct ArrivalBench {
    pub nurseries: usize,
    pub children_per_nursery: usize,
    /// Share of the children who arrived before the check, in percent.
    pub arrived_percent: u32,
}

pub async fn run(url: &str, binary: &Path, bench: ArrivalBench) -> anyhow::Result<()> {
    let output = std::process::Command::new(binary)
        .args([
            "seed-city",
            "--nurseries",
            &bench.nurseries.to_string(),
            "--children-per-nursery",
            &bench.children_per_nursery.to_string(),
            "--days",
            "5",
        ])
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .stderr(std::process::Stdio::inherit())
        .output()
        .context("running seed-city")?;
    if !output.status.success() {
        bail!("seed-city failed: {}", String::from_utf8_lossy(&output.stdout));
    }
    // Arrivals are recorded in the officer's name: any real account will do for the benchmark.
    let printed = String::from_utf8(output.stdout)?;
    let officer = printed
        .lines()
        .find_map(|l| l.strip_prefix("municipal officer"))
        .map(|rest| rest.trim().to_owned())
        .context("seed-city printed no officer")?;
    // The service in this process, its own watch off: each pass below is one we time.
    let cli = tsunagu::config::Cli::parse_from(["tsunagu", "--database-url", url, "--arrival-watch-interval-ms", "0"]);
    let svc = tsunagu::service::Services::start(cli.config).await?;
    let nurseries = svc.store.watched_nurseries().await?;
    let children = svc
        .store
        .children(
            &ChildFilter {
                nurseries: nurseries.iter().map(|n| n.id).collect(),
                families: Vec::new(),
            },
            None,
            None,
        )
        .await?;

    // Today's arrivals before the check, through the store's batched writer.
    let now = svc.clock.now();
    let arrived: Vec<_> = children
        .iter()
        .enumerate()
        .filter(|(i, _)| (*i as u32 * 100 / children.len().max(1) as u32) < bench.arrived_percent)
        .map(|(_, c)| c)
        .collect();
    let offset = offset_from_minutes(nurseries.first().map_or(540, |n| n.utc_offset_minutes));
    let day = LocalDay::new(now.local_date(offset), offset);
    let (recorder, _) = svc
        .store
        .user_credentials(&officer)
        .await?
        .context("the officer's account")?;
    let staff = recorder.id;
    let writes: Vec<AttendanceWrite> = arrived
        .iter()
        .map(|child| AttendanceWrite {
            event: AttendanceEvent {
                id: Id::new(),
                child_id: child.id,
                nursery_id: child.nursery_id,
                family_id: child.family_id,
                kind: AttendanceKind::CheckIn,
                occurred_at: now,
                recorded_by: staff,
                pickup_by: None,
                pickup_person_id: None,
                position: Position::default(),
                corrects: None,
                correction_reason: None,
            },
            day,
            key: None,
            trail: None,
        })
        .collect();
    let mut written = 0;
    for chunk in writes.chunks(64) {
        for answer in tsunagu::service::attendance_batch::record_attendances(&*svc.store, chunk.to_vec()).await {
            answer.context("recording an arrival")?;
            written += 1;
        }
    }

    // Every nursery open today with its check due from midnight.
    let hours = NurseryHours {
        open_weekdays: 0b111_1111,
        opens_at: 0,
        closes_at: 86_399,
        arrival_check_at: 0,
        late_grace: 1800,
    };
    let mut unit = svc.store.begin_unit().await?;
    for nursery in &nurseries {
        unit.put_hours(nursery.id, &hours).await?;
        unit.put_calendar_day(nursery.id, day.date, Some((true, None))).await?;
    }
    unit.commit().await?;

    println!(
        "backend: {}; city: {} nurseries, {} children; {written} arrived before the check ({}%)",
        svc.store.backend_name(),
        nurseries.len(),
        children.len(),
        bench.arrived_percent
    );
    let started = Instant::now();
    let sweep = run_once(&svc, svc.clock.now()).await?;
    let sweep_time = started.elapsed();
    println!(
        "arrival check at 9:30: {} checks raised (each a row, a live event and the guardians' push rows) across {} nurseries in {:.1} ms ({:.3} ms per check)",
        sweep.raised,
        sweep.due_nurseries,
        sweep_time.as_secs_f64() * 1e3,
        sweep_time.as_secs_f64() * 1e3 / sweep.raised.max(1) as f64
    );
    let mut idle = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let outcome = run_once(&svc, svc.clock.now()).await?;
        idle.push(t.elapsed());
        if outcome.raised > 0 {
            bail!("an idle pass raised {} checks again", outcome.raised);
        }
    }
    println!(
        "each later tick (nothing new to raise or end): {:.2} ms (median of 20)",
        crate::stats::Latencies::of(&idle).ms(0.5)
    );
    left_behind(&svc, &nurseries, day.date).await
}

/// The same city at closing (降園確認): every child who arrived is still checked in.
async fn left_behind(
    svc: &tsunagu::service::Services,
    nurseries: &[tsunagu::store::WatchedNursery],
    date: time::Date,
) -> anyhow::Result<()> {
    // Closed one second after midnight: the rest of the day is after closing.
    let hours = NurseryHours {
        open_weekdays: 0b111_1111,
        opens_at: 0,
        closes_at: 1,
        arrival_check_at: 0,
        late_grace: 1800,
    };
    let mut unit = svc.store.begin_unit().await?;
    for nursery in nurseries {
        unit.put_hours(nursery.id, &hours).await?;
    }
    unit.commit().await?;
    let started = Instant::now();
    let sweep = departure_watch::run_once(svc, svc.clock.now()).await?;
    let sweep_time = started.elapsed();
    println!(
        "left-behind check at closing: {} checks raised (each a row, a live event and the staff's push rows) in {:.1} ms ({:.3} ms per check)",
        sweep.raised,
        sweep_time.as_secs_f64() * 1e3,
        sweep_time.as_secs_f64() * 1e3 / sweep.raised.max(1) as f64
    );
    let mut idle = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let outcome = departure_watch::run_once(svc, svc.clock.now()).await?;
        idle.push(t.elapsed());
        if outcome.raised > 0 {
            bail!("an idle pass raised {} left-behind checks again", outcome.raised);
        }
    }
    println!(
        "each later tick after closing (nothing to raise, repeat or end): {:.2} ms (median of 20); date {date}",
        crate::stats::Latencies::of(&idle).ms(0.5)
    );
    Ok(())
}
