//! Group commit for check-ins and check-outs. Requests arriving while a transaction is being
//! written queue up and go together into the next one: a quiet nursery's tablet gets its own
//! transaction at once, and at the morning rush each commit carries many arrivals. Every caller
//! still waits for its own write's answer, after it has committed.

use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};

use crate::domain::AttendanceEvent;
use crate::error::{AppError, AppResult};
use crate::events::EventBus;
use crate::store::{AttendanceWrite, Recorded, Store, StoreResult};

type Job = (AttendanceWrite, oneshot::Sender<StoreResult<Recorded<AttendanceEvent>>>);

#[derive(Clone)]
pub struct AttendanceWriter {
    jobs: mpsc::UnboundedSender<Job>,
}

impl AttendanceWriter {
    /// Starts the writer; after each commit with new events it wakes the event tailer (`bus`)
    /// and the push worker (`push`).
    pub fn start(store: Arc<dyn Store>, bus: EventBus, push: super::push::PushSender) -> Self {
        let (jobs, mut incoming) = mpsc::unbounded_channel::<Job>();
        crate::health::spawn_essential(crate::health::ATTENDANCE_WRITER, async move {
            while let Some(first) = incoming.recv().await {
                let mut group = vec![first];
                while let Ok(job) = incoming.try_recv() {
                    group.push(job);
                }
                metrics::histogram!(crate::metrics::ATTENDANCE_BATCH_SIZE).record(group.len() as f64);
                let (writes, replies): (Vec<AttendanceWrite>, Vec<_>) = group.into_iter().unzip();
                let answers = super::attendance_batch::record_attendances(&*store, writes).await;
                // What piled up while this group committed: the next group's size.
                metrics::gauge!(crate::metrics::ATTENDANCE_QUEUE_DEPTH).set(incoming.len() as f64);
                if answers.iter().any(|a| matches!(a, Ok(recorded) if !recorded.replayed)) {
                    bus.notify_committed();
                    push.wake();
                }
                for (reply, answer) in replies.into_iter().zip(answers) {
                    // A caller that went away (the tablet lost Wi-Fi) finds its write on retry.
                    let _ = reply.send(answer);
                }
            }
        });
        AttendanceWriter { jobs }
    }

    /// Records `write` and returns once it is committed (or refused).
    pub async fn record(&self, write: AttendanceWrite) -> AppResult<Recorded<AttendanceEvent>> {
        let stopped = || AppError::Internal(anyhow::anyhow!("the attendance writer has stopped"));
        let (reply, answer) = oneshot::channel();
        self.jobs.send((write, reply)).map_err(|_| stopped())?;
        Ok(answer.await.map_err(|_| stopped())??)
    }
}
