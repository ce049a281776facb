//! The PostgreSQL backend: for production, several server replicas on one database.
//!
//! Log entries carry the id of the transaction that wrote them. Transactions commit out of
//! order, so a sequence number alone could be passed by a reader before a smaller one commits;
//! instead readers only take entries below a horizon under which every transaction that could
//! write our log has ended, in `(tx_id, seq)` order. No lock serialises writers to get there.
//! (See `HORIZON_SQL` for why transactions of other databases do not count.)

use std::time::Duration;

use async_trait::async_trait;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Pool, Postgres, QueryBuilder};
use time::Date;

use super::*;
use crate::clock::Clock;

type Db = Postgres;
type DbStore = PgStore;

/// The NOTIFY channel replicas wake each other's event tailers on.
const LOG_CHANNEL: &str = "tsunagu_log";
const TX_ID_EXPR: &str = "pg_current_xact_id()::text::bigint";
/// Below which transaction id every entry that will ever exist is in the statement's snapshot.
///
/// The snapshot's `xmin` would do, but it is the whole cluster's: a transaction left open in
/// another database (another tenant, a backup, a long report) would hold back every event.
/// So: the oldest transaction in progress at the snapshot (`xip`) that is not known to belong
/// to another database, else the snapshot's `xmax`. A transaction is known to belong to
/// another database when, read after the snapshot was taken, a backend connected to another
/// database holds that transaction id: ids are never reused while in progress, and a
/// transaction never writes outside its database. Everything else counts, conservatively: a
/// transaction that ended between the snapshot and the read (it waits one poll), a prepared
/// transaction, a backend whose status we may not see. Read-only transactions have no id and
/// never count. Backend status carries 32-bit ids; in-progress ids span far less than 2^32, so
/// the low 32 bits identify one. `pg_stat_get_activity` is the function behind
/// `pg_stat_activity`, without the view's joins.
const HORIZON_SQL: &str = "SELECT coalesce(
    (SELECT min(x::text::bigint) FROM pg_snapshot_xip(pg_current_snapshot()) AS x
     WHERE x::text::bigint % 4294967296 NOT IN (
         SELECT a.backend_xid::text::bigint FROM pg_stat_get_activity(NULL) AS a
         WHERE a.backend_xid IS NOT NULL
           AND a.datid <> (SELECT oid FROM pg_database WHERE datname = current_database()))),
    pg_snapshot_xmax(pg_current_snapshot())::text::bigint)";
/// The oldest backend of this database holding a transaction id: what holds entries back.
const HELD_BACK_BY_SQL: &str = "SELECT pid, extract(epoch FROM now() - xact_start)::float8
    FROM pg_stat_activity
    WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()
    ORDER BY age(backend_xid) DESC LIMIT 1";
/// Locks the child's row so concurrent check-ins of one child are decided one after another.
const FOR_UPDATE: &str = " FOR UPDATE";
/// Locks the rows of `children` (aliased `c`) a joined query reads.
const FOR_UPDATE_OF_CHILDREN: &str = " FOR UPDATE OF c";
/// Serialises decisions about a row's dependants (a classroom's clusters) without blocking the
/// key-share locks that inserting those dependants takes, so it cannot deadlock with them.
const FOR_NO_KEY_UPDATE: &str = " FOR NO KEY UPDATE";
/// Replicas claiming pushes at once each take different rows instead of waiting.
const SKIP_LOCKED: &str = " FOR UPDATE SKIP LOCKED";

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

/// Log entries of `alias` after `after`: a row comparison, which seeks the position index.
fn push_log_after(query: &mut QueryBuilder<'_, Db>, alias: &str, after: Position) {
    query.push(format!("({alias}.tx_id, {alias}.seq) > ("));
    query.push_bind(after.tx).push(", ").push_bind(after.seq).push(")");
}

/// Log entries of `alias` up to and including `upto`.
fn push_log_upto(query: &mut QueryBuilder<'_, Db>, alias: &str, upto: Position) {
    query.push(format!("({alias}.tx_id, {alias}.seq) <= ("));
    query.push_bind(upto.tx).push(", ").push_bind(upto.seq).push(")");
}

pub struct PgStore {
    pool: Pool<Postgres>,
    /// The hot path's statements, all short and keyed by id: write transactions, the event
    /// tailer and the coalesced session and child lookups. They run on plans made once per
    /// connection (`plan_cache_mode = force_generic_plan`): PostgreSQL would otherwise plan
    /// them afresh on most executions (a group commit's statements, one shape per batch size;
    /// the tailer's, whose custom plan it kept choosing), which at the morning rush cost it
    /// more than running them.
    keyed: Pool<Postgres>,
    /// Stamps what the store writes on its own account (`created_at` and the like).
    clock: Arc<dyn Clock>,
}

/// Waits between attempts to LISTEN again, doubling from the first to the most.
const LISTEN_RETRY_FIRST: Duration = Duration::from_millis(100);
const LISTEN_RETRY_MOST: Duration = Duration::from_secs(5);

/// Group commit writes statements of several shapes (one per batch size); keep them all
/// prepared.
const KEYED_STATEMENT_CACHE: usize = 512;

impl PgStore {
    pub async fn connect(url: &str, store_options: super::StoreOptions, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        let acquire_timeout = store_options.acquire_timeout;
        let options: PgConnectOptions = url.parse()?;
        // A first connection of its own says why the database is out of reach (refused, no
        // such database, authentication) where the pool would only say it timed out.
        match tokio::time::timeout(
            acquire_timeout,
            <sqlx::PgConnection as sqlx::Connection>::connect_with(&options),
        )
        .await
        {
            Ok(Ok(connection)) => sqlx::Connection::close(connection).await?,
            Ok(Err(err)) => return Err(err.into()),
            Err(_) => {
                let silence = std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    format!("no answer from the database within {acquire_timeout:?}"),
                );
                return Err(sqlx::Error::Io(silence).into());
            }
        }
        let pool = PgPoolOptions::new()
            .max_connections(store_options.pools.general)
            .acquire_timeout(acquire_timeout)
            .connect_with(options.clone())
            .await?;
        MIGRATOR.run(&pool).await?;
        let keyed = PgPoolOptions::new()
            .max_connections(store_options.pools.keyed)
            .acquire_timeout(acquire_timeout)
            .connect_with(
                options
                    .options([("plan_cache_mode", "force_generic_plan")])
                    .statement_cache_capacity(KEYED_STATEMENT_CACHE),
            )
            .await?;
        Ok(PgStore { pool, keyed, clock })
    }

    fn reader(&self) -> &Pool<Postgres> {
        &self.pool
    }

    /// For the hot path's reads by key (see `keyed`).
    fn keyed_reader(&self) -> &Pool<Postgres> {
        &self.keyed
    }

    async fn begin_write(&self) -> StoreResult<sqlx::Transaction<'static, Postgres>> {
        Ok(self.keyed.begin().await?)
    }
}

#[async_trait]
impl Store for DbStore {
    fn backend_name(&self) -> &'static str {
        "postgres"
    }

    fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    fn pool_usage(&self) -> Vec<(&'static str, u32, usize, u32)> {
        [("general", &self.pool), ("keyed", &self.keyed)]
            .into_iter()
            .map(|(name, pool)| (name, pool.size(), pool.num_idle(), pool.options().get_max_connections()))
            .collect()
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(self.reader()).await?;
        Ok(())
    }

    /// NOTIFY in a transaction of its own: a NOTIFY inside the write transaction would take
    /// the global notify lock at every commit and serialise all writers.
    async fn announce_commits(&self) -> StoreResult<()> {
        sqlx::query("SELECT pg_notify($1, '')")
            .bind(LOG_CHANNEL)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// LISTEN on a connection of its own, made again (with backoff) whenever it is lost, for
    /// as long as the stream is held. (`PgListener`'s own stream ends at the first failed
    /// reconnection, which had left replicas polling until restarted.)
    async fn commit_announcements(&self) -> StoreResult<Option<futures::stream::BoxStream<'static, Announcement>>> {
        use futures::StreamExt;
        let pool = self.pool.clone();
        let stream = async_stream::stream! {
            let mut wait = LISTEN_RETRY_FIRST;
            loop {
                let listening = async {
                    let mut listener = sqlx::postgres::PgListener::connect_with(&pool).await?;
                    listener.listen(LOG_CHANNEL).await?;
                    Ok::<_, sqlx::Error>(listener)
                };
                match listening.await {
                    Ok(mut listener) => {
                        wait = LISTEN_RETRY_FIRST;
                        yield Announcement::Listening;
                        // `Ok(None)`: the connection was lost; make a new one below.
                        while let Ok(Some(_)) = listener.try_recv().await {
                            yield Announcement::Committed;
                        }
                        yield Announcement::Lost;
                        tokio::time::sleep(LISTEN_RETRY_FIRST).await;
                    }
                    Err(err) => {
                        tracing::debug!(error = %err, "LISTEN failed");
                        yield Announcement::Lost;
                        tokio::time::sleep(wait).await;
                        wait = (wait * 2).min(LISTEN_RETRY_MOST);
                    }
                }
            }
        };
        Ok(Some(stream.boxed()))
    }
}

include!("sql/accounts.rs");
include!("sql/account_work.rs");
include!("sql/account_reads.rs");
include!("sql/roster_work.rs");
include!("sql/org.rs");
include!("sql/attendance.rs");
include!("sql/attendance_unit.rs");
include!("sql/care.rs");
include!("sql/naps.rs");
include!("sql/nap_unit.rs");
include!("sql/journals.rs");
include!("sql/push.rs");
include!("sql/events.rs");
include!("sql/audit.rs");
include!("sql/reports.rs");
include!("sql/surveillance.rs");
include!("sql/history.rs");
include!("sql/safety_unit.rs");
include!("sql/safety_reads.rs");
include!("sql/departure_checks.rs");
include!("sql/absence_changes.rs");
include!("sql/pickup.rs");
