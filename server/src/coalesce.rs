//! Point reads that many requests make at the same moment, answered together.
//!
//! Every request reads its caller's session, every check-in the child it is about, every
//! delivered event the child it names. At the morning rush these are hundreds of one-row reads
//! a second, and each costs a round trip to the database: a wake-up of its process and of ours,
//! far more than the row itself. A `Coalescer` sends a read at once when the database is idle
//! and otherwise gathers the keys asked for while earlier reads are in flight into the next
//! one (`WHERE key IN (…)`), the way group commit gathers writes. Nothing is cached: every
//! answer is read after it was asked for, so a logout or a move to another classroom is seen
//! by the next request on every replica.

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::Arc;

use futures::future::BoxFuture;
use tokio::sync::{mpsc, oneshot, Semaphore};

use crate::store::{StoreError, StoreResult};

/// Most keys in one read (each is a bound parameter).
const MAX_KEYS: usize = 64;

type Reply<V> = oneshot::Sender<StoreResult<Option<V>>>;
type LoadMany<K, V> = dyn Fn(Vec<K>) -> BoxFuture<'static, StoreResult<HashMap<K, V>>> + Send + Sync;

pub struct Coalescer<K, V> {
    asks: mpsc::UnboundedSender<(K, Reply<V>)>,
}

impl<K, V> Clone for Coalescer<K, V> {
    fn clone(&self) -> Self {
        Coalescer {
            asks: self.asks.clone(),
        }
    }
}

impl<K, V> Coalescer<K, V>
where
    K: Clone + Eq + Hash + Send + Sync + 'static,
    V: Clone + Send + 'static,
{
    /// Starts the coalescer: at most `in_flight` reads at a time, each by `load_many`, which
    /// returns the rows found by key (absent keys are simply missing).
    pub fn start<F, Fut>(in_flight: usize, load_many: F) -> Self
    where
        F: Fn(Vec<K>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = StoreResult<HashMap<K, V>>> + Send + 'static,
    {
        let load_many: Arc<LoadMany<K, V>> = Arc::new(move |keys| Box::pin(load_many(keys)));
        let (asks, mut incoming) = mpsc::unbounded_channel::<(K, Reply<V>)>();
        let slots = Arc::new(Semaphore::new(in_flight.max(1)));
        crate::health::spawn_essential(crate::health::READ_COALESCER, async move {
            while let Some(first) = incoming.recv().await {
                // While every slot is busy, the asks arriving meanwhile join this read.
                let Ok(slot) = slots.clone().acquire_owned().await else {
                    return;
                };
                let mut asked = vec![first];
                while asked.len() < MAX_KEYS {
                    match incoming.try_recv() {
                        Ok(ask) => asked.push(ask),
                        Err(_) => break,
                    }
                }
                let load_many = load_many.clone();
                tokio::spawn(async move {
                    let mut keys: Vec<K> = Vec::with_capacity(asked.len());
                    for (key, _) in &asked {
                        if !keys.contains(key) {
                            keys.push(key.clone());
                        }
                    }
                    let found = load_many(keys).await;
                    drop(slot);
                    answer(asked, found);
                });
            }
        });
        Coalescer { asks }
    }

    /// The value for `key`, `None` when there is none.
    pub async fn load(&self, key: K) -> StoreResult<Option<V>> {
        let stopped = || StoreError::Other(anyhow::anyhow!("the read coalescer has stopped"));
        let (reply, answer) = oneshot::channel();
        self.asks.send((key, reply)).map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

fn answer<K: Eq + Hash, V: Clone>(asked: Vec<(K, Reply<V>)>, found: StoreResult<HashMap<K, V>>) {
    match found {
        Ok(found) => {
            for (key, reply) in asked {
                let _ = reply.send(Ok(found.get(&key).cloned()));
            }
        }
        Err(error) => {
            // Everyone who asked gets the failure; the first gets the error itself.
            let message = error.to_string();
            // A database out of reach stays retryable for every asker.
            let unavailable = matches!(error, StoreError::Unavailable(_));
            let mut error = Some(error);
            for (_, reply) in asked {
                let failure = error.take().unwrap_or_else(|| {
                    if unavailable {
                        StoreError::Unavailable(message.clone())
                    } else {
                        StoreError::Other(anyhow::anyhow!("{message}"))
                    }
                });
                let _ = reply.send(Err(failure));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;

    use super::*;

    /// Asks made while a read is in flight are answered by one later read, each with its
    /// own value; unknown keys are `None`.
    #[tokio::test]
    async fn asks_during_a_read_share_the_next_one() {
        let reads: Arc<Mutex<Vec<Vec<u32>>>> = Arc::default();
        let gate = Arc::new(tokio::sync::Notify::new());
        let coalescer = {
            let (reads, gate) = (reads.clone(), gate.clone());
            Coalescer::start(1, move |keys: Vec<u32>| {
                let (reads, gate) = (reads.clone(), gate.clone());
                async move {
                    reads.lock().unwrap().push(keys.clone());
                    gate.notified().await;
                    Ok(keys.into_iter().filter(|k| k % 2 == 0).map(|k| (k, k * 10)).collect())
                }
            })
        };
        let first = tokio::spawn({
            let c = coalescer.clone();
            async move { c.load(2).await }
        });
        while reads.lock().unwrap().is_empty() {
            tokio::task::yield_now().await;
        }
        let later: Vec<_> = [4, 5, 4, 6]
            .into_iter()
            .map(|k| {
                let c = coalescer.clone();
                tokio::spawn(async move { c.load(k).await })
            })
            .collect();
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        gate.notify_one();
        assert_eq!(first.await.unwrap().unwrap(), Some(20));
        // The second read waits for the gate too.
        while reads.lock().unwrap().len() < 2 {
            tokio::task::yield_now().await;
        }
        gate.notify_one();
        let answers: Vec<Option<u32>> = futures::future::join_all(later)
            .await
            .into_iter()
            .map(|a| a.unwrap().unwrap())
            .collect();
        assert_eq!(answers, vec![Some(40), None, Some(40), Some(60)]);
        assert_eq!(*reads.lock().unwrap(), vec![vec![2], vec![4, 5, 6]]);
    }

    /// A failed read fails every ask it carried, and the next read is tried afresh.
    #[tokio::test]
    async fn a_failed_read_fails_its_asks_only() {
        let calls = Arc::new(AtomicUsize::new(0));
        let coalescer = {
            let calls = calls.clone();
            Coalescer::start(2, move |keys: Vec<u32>| {
                let n = calls.fetch_add(1, Ordering::SeqCst);
                async move {
                    if n == 0 {
                        Err(StoreError::Other(anyhow::anyhow!("connection reset")))
                    } else {
                        Ok(keys.into_iter().map(|k| (k, k)).collect())
                    }
                }
            })
        };
        let failed = coalescer.load(1).await;
        assert!(matches!(failed, Err(StoreError::Other(e)) if e.to_string() == "connection reset"));
        assert_eq!(coalescer.load(1).await.unwrap(), Some(1));
    }
}
