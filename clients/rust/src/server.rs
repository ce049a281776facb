//! Starts the real `tsunagu` binary on port 0 and finds the address it printed.

use std::collections::HashMap;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context as _};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

pub struct ServerProcess {
    child: Child,
    pub base_url: String,
    /// From spawn to the "listening on" line.
    pub start_time: Duration,
}

impl ServerProcess {
    /// Spawns `binary` with `env` (plus `LISTEN_ADDR=127.0.0.1:0` unless given) and waits for
    /// it to print `listening on http://…`.
    pub async fn spawn(binary: &Path, env: &HashMap<String, String>) -> anyhow::Result<Self> {
        let started = Instant::now();
        let mut command = Command::new(binary);
        command
            .env("LISTEN_ADDR", "127.0.0.1:0")
            .envs(env)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        let mut child = command
            .spawn()
            .with_context(|| format!("starting {}", binary.display()))?;
        let stdout = child.stdout.take().ok_or_else(|| anyhow!("no stdout"))?;
        let mut lines = BufReader::new(stdout).lines();
        let base_url = tokio::time::timeout(Duration::from_secs(60), async {
            while let Some(line) = lines.next_line().await? {
                if let Some(rest) = line.split("listening on ").nth(1) {
                    return Ok(rest.trim().to_owned());
                }
            }
            bail!("the server exited before listening")
        })
        .await
        .map_err(|_| anyhow!("the server did not start listening within 60 s"))??;
        // Keep draining stdout so the server never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Ok(ServerProcess {
            child,
            base_url,
            start_time: started.elapsed(),
        })
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// Resident memory of the server process in KiB (Linux).
    pub fn rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()?)).ok()?;
        status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    }

    /// Sends SIGTERM and waits for the process to exit; returns whether it exited cleanly.
    pub async fn terminate(mut self) -> anyhow::Result<bool> {
        if let Some(pid) = self.child.id() {
            Command::new("kill").arg("-TERM").arg(pid.to_string()).status().await?;
        }
        let status = tokio::time::timeout(Duration::from_secs(30), self.child.wait())
            .await
            .map_err(|_| anyhow!("the server did not stop within 30 s of SIGTERM"))??;
        Ok(status.success())
    }
}
