//! The background tasks the server cannot work without, watched by name: the attendance
//! writer, the event tailer, the push workers, the nap watcher, commit announcements, the
//! read coalescers. A task
//! that panics takes the process down so its supervisor (systemd, docker) restarts it whole,
//! instead of leaving a server that answers but no longer records or delivers; readiness
//! (`/readyz`) reports any expected task that is not running.

use std::collections::BTreeMap;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Mutex;

use futures::FutureExt;

pub const ATTENDANCE_WRITER: &str = "attendance writer";
pub const AUDIT_WRITER: &str = "audit writer";
pub const EVENT_TAILER: &str = "event tailer";
pub const COMMIT_ANNOUNCEMENTS: &str = "commit announcements";
pub const COMMIT_RELAY: &str = "commit relay";
pub const PUSH_WORKER: &str = "push worker";
pub const NAP_WATCHER: &str = "nap watcher";
pub const ARRIVAL_WATCHER: &str = "arrival watcher";
pub const SESSION_WATCH: &str = "session watch";
pub const READ_COALESCER: &str = "read coalescer";

/// Exit status when an essential task failed (EX_SOFTWARE).
const TASK_FAILED_EXIT: i32 = 70;

/// Running tasks by name (a name may run several times: push workers).
static RUNNING: Mutex<BTreeMap<&'static str, usize>> = Mutex::new(BTreeMap::new());

/// Spawns `task` as the essential task `name`. While it runs it counts as alive; if it
/// panics, the process exits. A task that returns (its owner was dropped) simply stops
/// counting.
pub fn spawn_essential<F>(name: &'static str, task: F) -> tokio::task::JoinHandle<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(async move {
        let _running = Running::start(name);
        if AssertUnwindSafe(task).catch_unwind().await.is_err() {
            tracing::error!(
                task = name,
                "a background task failed; exiting so the supervisor restarts the server whole"
            );
            std::process::exit(TASK_FAILED_EXIT);
        }
    })
}

/// How many instances of task `name` are running.
pub fn running(name: &str) -> usize {
    RUNNING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .get(name)
        .copied()
        .unwrap_or(0)
}

/// The tasks of `expected` (name, instances wanted) with fewer instances running.
pub fn missing(expected: &[(&'static str, usize)]) -> Vec<&'static str> {
    expected
        .iter()
        .filter(|(name, wanted)| running(name) < *wanted)
        .map(|(name, _)| *name)
        .collect()
}

/// Counts a task as running for as long as it lives (also when cancelled or unwinding).
struct Running(&'static str);

impl Running {
    fn start(name: &'static str) -> Self {
        *RUNNING
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .entry(name)
            .or_default() += 1;
        Running(name)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let mut running = RUNNING.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(count) = running.get_mut(self.0) {
            *count = count.saturating_sub(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A task counts while it runs and stops counting when it returns.
    #[tokio::test]
    async fn a_task_counts_while_it_runs() {
        const NAME: &str = "test task";
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let handle = spawn_essential(NAME, async move {
            let _ = stopped.await;
        });
        while running(NAME) == 0 {
            tokio::task::yield_now().await;
        }
        assert_eq!(missing(&[(NAME, 1)]), Vec::<&str>::new());
        assert_eq!(missing(&[(NAME, 2)]), vec![NAME]);
        stop.send(()).unwrap();
        handle.await.unwrap();
        assert_eq!(running(NAME), 0);
        assert_eq!(missing(&[(NAME, 1)]), vec![NAME]);
    }

    /// Set in the child process of `a_failing_task_ends_the_process`.
    const FAIL_A_TASK: &str = "TSUNAGU_TEST_FAIL_A_TASK";

    /// An essential task that panics takes the whole process down with EX_SOFTWARE, so the
    /// supervisor restarts it, instead of leaving it answering without, say, its writer. The
    /// process under test is this test binary run again with `FAIL_A_TASK` set.
    #[test]
    fn a_failing_task_ends_the_process() {
        if std::env::var_os(FAIL_A_TASK).is_some() {
            let runtime = tokio::runtime::Runtime::new().unwrap();
            runtime.block_on(async {
                spawn_essential(ATTENDANCE_WRITER, async { panic!("the writer failed") });
                // Had the process survived, this returns and the exit status says so.
                tokio::time::sleep(std::time::Duration::from_secs(30)).await;
            });
            std::process::exit(0);
        }
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "health::tests::a_failing_task_ends_the_process",
                "--nocapture",
            ])
            .env(FAIL_A_TASK, "1")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(TASK_FAILED_EXIT), "{status}");
    }
}
