//! Where the CPU goes during a benchmark phase (Linux `/proc`): the server, PostgreSQL's
//! processes and the load generator itself, so a rate can be read as "this much CPU per
//! check-in, spent here".

use std::time::Instant;

/// CPU seconds (user + system) used so far by each party, and the machine's busy time.
#[derive(Clone, Copy, Default)]
pub struct CpuSample {
    server: f64,
    postgres: f64,
    loadgen: f64,
    machine_busy: f64,
}

pub struct CpuMeter {
    server_pid: Option<u32>,
    /// Whether the server runs on PostgreSQL (on SQLite the database is inside the server).
    on_postgres: bool,
    started: Instant,
    start: CpuSample,
}

impl CpuMeter {
    pub fn start(server_pid: Option<u32>, on_postgres: bool) -> Self {
        CpuMeter {
            server_pid,
            on_postgres,
            started: Instant::now(),
            start: sample(server_pid),
        }
    }

    /// "server 310 µs, PostgreSQL 120 µs, load generator 200 µs per check-in; machine 97 % busy".
    pub fn report(&self, operations: usize) -> String {
        let end = sample(self.server_pid);
        let wall = self.started.elapsed().as_secs_f64();
        let per = |a: f64, b: f64| (a - b) / operations.max(1) as f64 * 1e6;
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
        let postgres = if self.on_postgres {
            format!("PostgreSQL {:.0} µs, ", per(end.postgres, self.start.postgres))
        } else {
            String::new()
        };
        format!(
            "server {:.0} µs, {postgres}load generator {:.0} µs of CPU per check-in; machine {:.0} % busy",
            per(end.server, self.start.server),
            per(end.loadgen, self.start.loadgen),
            (end.machine_busy - self.start.machine_busy) / (wall * cores) * 100.0,
        )
    }
}

fn sample(server_pid: Option<u32>) -> CpuSample {
    let mut postgres = 0.0;
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
                continue;
            };
            if let Some((comm, seconds)) = process_cpu(pid) {
                if comm.starts_with("postgres") {
                    postgres += seconds;
                }
            }
        }
    }
    CpuSample {
        server: server_pid.and_then(process_cpu).map_or(0.0, |(_, s)| s),
        postgres,
        loadgen: process_cpu(std::process::id()).map_or(0.0, |(_, s)| s),
        machine_busy: machine_busy(),
    }
}

/// CPU seconds (user + system) process `pid` has used so far.
pub fn process_seconds(pid: u32) -> Option<f64> {
    process_cpu(pid).map(|(_, seconds)| seconds)
}

/// Clock ticks per second as `/proc` counts them (`USER_HZ`, 100 on Linux).
const TICKS: f64 = 100.0;

/// The process's name and its user + system CPU seconds.
fn process_cpu(pid: u32) -> Option<(String, f64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The name is in parentheses and may hold spaces; the fields after it are space-separated.
    let (head, rest) = stat.rsplit_once(')')?;
    let comm = head.split_once('(')?.1.to_owned();
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((comm, (utime + stime) / TICKS))
}

/// Seconds the machine's cores spent not idle (`/proc/stat`'s first line).
fn machine_busy() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/stat") else {
        return 0.0;
    };
    let Some(line) = stat.lines().next() else { return 0.0 };
    let ticks: Vec<f64> = line.split_whitespace().skip(1).filter_map(|f| f.parse().ok()).collect();
    // user nice system idle iowait irq softirq steal ...: idle and iowait are not busy.
    let total: f64 = ticks.iter().take(8).sum();
    let idle = ticks.get(3).copied().unwrap_or(0.0) + ticks.get(4).copied().unwrap_or(0.0);
    (total - idle) / TICKS
}
