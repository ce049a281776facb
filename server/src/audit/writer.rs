//! Writes read entries of the audit trail in groups: every caller waits until its entries are
//! committed (no child-level data leaves before its trail), but callers arriving together
//! share one transaction. A morning's thousands of phones subscribing at once then cost a few
//! commits instead of one each — which on SQLite's single writer would starve the check-ins.

use tokio::sync::{mpsc, oneshot};

use crate::audit::NewAuditEntry;
use crate::error::{AppError, AppResult};
use crate::store::Store;

/// Most entries written in one transaction.
const GROUP_LIMIT: usize = 2000;

type Job = (Vec<NewAuditEntry>, oneshot::Sender<Result<(), String>>);

#[derive(Clone)]
pub struct AuditWriter {
    jobs: mpsc::UnboundedSender<Job>,
}

impl AuditWriter {
    pub fn start(store: std::sync::Arc<dyn Store>) -> Self {
        let (jobs, mut incoming) = mpsc::unbounded_channel::<Job>();
        crate::health::spawn_essential(crate::health::AUDIT_WRITER, async move {
            while let Some(first) = incoming.recv().await {
                let mut group = vec![first];
                let mut count = group[0].0.len();
                while count < GROUP_LIMIT {
                    match incoming.try_recv() {
                        Ok(job) => {
                            count += job.0.len();
                            group.push(job);
                        }
                        Err(_) => break,
                    }
                }
                let entries: Vec<NewAuditEntry> = group.iter().flat_map(|(e, _)| e.iter().cloned()).collect();
                let result = store.append_audit(&entries).await.map_err(|e| e.to_string());
                for (_, ack) in group {
                    let _ = ack.send(result.clone());
                }
            }
        });
        AuditWriter { jobs }
    }

    /// Returns once `entries` are committed.
    pub async fn record(&self, entries: Vec<NewAuditEntry>) -> AppResult<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let (ack, done) = oneshot::channel();
        self.jobs
            .send((entries, ack))
            .map_err(|_| AppError::Internal(anyhow::anyhow!("the audit writer has stopped")))?;
        match done.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(message)) => Err(AppError::Internal(anyhow::anyhow!(
                "recording the audit trail: {message}"
            ))),
            Err(_) => Err(AppError::Internal(anyhow::anyhow!("the audit writer has stopped"))),
        }
    }
}
