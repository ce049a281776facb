//! `reports`: the municipal reports over a city-sized year. Seeds a scratch database with
//! `tsunagu seed-city` (N nurseries × M children × D open days), starts the server and times,
//! as the municipal officer over HTTP, the month's and the year's nursery-day report, period
//! summaries, surveillance rows and the CSV export.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};
use serde_json::json;
use tsunagu_client::{Client, ServerProcess};

pub struct ReportBench {
    pub nurseries: usize,
    pub children_per_nursery: usize,
    pub days: usize,
    pub runs: usize,
}

const DAY_SUMMARIES: &str = "query($m: ID!, $f: Date!, $t: Date!) {
    nurseryDaySummaries(municipalityId: $m, from: $f, to: $t) {
        nursery { id name } date enrolled present absent late attendanceRate
        absencesBySymptom { symptom count } ageBands { ageBand enrolled present absent late }
        napChecksRequired napChecksOnTime classrooms diariesApproved
    }
}";
const PERIOD_SUMMARIES: &str = "query($m: ID!, $f: Date!, $t: Date!) {
    nurseryPeriodSummaries(municipalityId: $m, from: $f, to: $t) {
        nursery { name } openDays attendanceRate napCheckCompliance diaryApprovalRate absencesBySymptom { symptom count }
    }
}";
const SYMPTOMS: &str = "query($m: ID!, $f: Date!, $t: Date!) {
    classroomSymptomAbsences(municipalityId: $m, from: $f, to: $t) { classroomName date symptom children }
}";

/// What `seed-city` printed that the benchmark needs.
struct Seeded {
    municipality: String,
    first_day: String,
    last_day: String,
    officer: String,
    password: String,
}

fn parse_seed_output(text: &str) -> anyhow::Result<Seeded> {
    let field = |label: &str| {
        text.lines()
            .find(|l| l.starts_with(label))
            .map(|l| l[label.len()..].trim().to_owned())
            .with_context(|| format!("seed-city printed no {label:?}: {text}"))
    };
    let municipality = field("municipality")?;
    let municipality = municipality.rsplit(' ').next().unwrap_or_default().to_owned();
    let days = field("open days")?;
    let mut parts = days.split_whitespace();
    let first_day = parts.next().unwrap_or_default().to_owned();
    let last_day = parts.nth(1).unwrap_or_default().to_owned();
    Ok(Seeded {
        municipality,
        first_day,
        last_day,
        officer: field("municipal officer")?,
        password: field("password")?,
    })
}

pub async fn run(url: &str, binary: &Path, bench: ReportBench) -> anyhow::Result<()> {
    println!(
        "backend: {}; city: {} nurseries × {} children × {} open days",
        if url.starts_with("sqlite") {
            "sqlite"
        } else {
            "postgres"
        },
        bench.nurseries,
        bench.children_per_nursery,
        bench.days
    );
    let started = Instant::now();
    let output = std::process::Command::new(binary)
        .args([
            "seed-city",
            "--nurseries",
            &bench.nurseries.to_string(),
            "--children-per-nursery",
            &bench.children_per_nursery.to_string(),
            "--days",
            &bench.days.to_string(),
        ])
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .stderr(std::process::Stdio::inherit())
        .output()
        .context("running seed-city")?;
    if !output.status.success() {
        bail!("seed-city failed: {}", String::from_utf8_lossy(&output.stdout));
    }
    let printed = String::from_utf8(output.stdout)?;
    let seeded = parse_seed_output(&printed)?;
    println!("{}", printed.trim_end());
    println!("seeding took {:.1} s", started.elapsed().as_secs_f64());

    let server = ServerProcess::spawn(binary, &crate::server_env(url)).await?;
    let officer = Client::new(&server.base_url)
        .login(&seeded.officer, &seeded.password)
        .await?;
    let last: time::Date = time::Date::parse(
        &seeded.last_day,
        time::macros::format_description!("[year]-[month]-[day]"),
    )?;
    let month_from = (last - time::Duration::days(30)).to_string();
    let periods = [
        ("month", month_from, seeded.last_day.clone()),
        ("year", seeded.first_day.clone(), seeded.last_day.clone()),
    ];
    let http = reqwest::Client::new();
    for (label, from, to) in &periods {
        let vars = json!({"m": seeded.municipality, "f": from, "t": to});
        for (name, query, field) in [
            ("nurseryDaySummaries", DAY_SUMMARIES, "nurseryDaySummaries"),
            ("nurseryPeriodSummaries", PERIOD_SUMMARIES, "nurseryPeriodSummaries"),
            ("classroomSymptomAbsences", SYMPTOMS, "classroomSymptomAbsences"),
        ] {
            let mut times = Vec::new();
            let mut rows = 0;
            for _ in 0..bench.runs {
                let t = Instant::now();
                let data = officer.ok(query, vars.clone()).await?;
                times.push(t.elapsed());
                rows = data[field].as_array().map_or(0, Vec::len);
            }
            report(label, name, &times, &format!("{rows} rows"));
        }
        let mut times = Vec::new();
        let mut bytes = 0;
        for _ in 0..bench.runs {
            let t = Instant::now();
            let response = http
                .get(format!("{}/reports/nursery-days.csv", server.base_url))
                .query(&[
                    ("municipalityId", seeded.municipality.as_str()),
                    ("from", from),
                    ("to", to),
                ])
                .bearer_auth(officer.token().unwrap_or_default())
                .send()
                .await?;
            if !response.status().is_success() {
                bail!("CSV export: {}", response.status());
            }
            bytes = response.bytes().await?.len();
            times.push(t.elapsed());
        }
        report(label, "CSV export", &times, &format!("{} KiB", bytes / 1024));
    }
    server.terminate().await?;
    Ok(())
}

fn report(period: &str, name: &str, times: &[Duration], size: &str) {
    let figures = crate::stats::Latencies::of(times);
    println!(
        "{period:>5} {name:<26} median {:>7.1} ms  max {:>7.1} ms  ({size}, {} runs)",
        figures.ms(0.5),
        figures.ms(1.0),
        figures.len()
    );
}
