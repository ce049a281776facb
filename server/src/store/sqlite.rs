//! The embedded SQLite backend: zero set-up for a single server. Writes go through a pool of
//! one connection, so they are serialised in-process and commit in the order their log entries
//! are numbered; reads use their own pool and never wait for writers (WAL).

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Pool, QueryBuilder, Sqlite};
use time::Date;

use super::*;
use crate::clock::Clock;

type Db = Sqlite;
type DbStore = SqliteStore;

/// With one writer, log sequence order is commit order: every transaction id is 0 and
/// everything below the horizon 1 is final.
const TX_ID_EXPR: &str = "0";
const HORIZON_SQL: &str = "SELECT 1";
/// Nothing is ever held back.
const HELD_BACK_BY_SQL: &str = "SELECT 0, 0.0 WHERE 1 = 0";
/// The single writer already serialises; SQLite has no row locks.
const FOR_UPDATE: &str = "";
/// SQLite's write transaction (BEGIN IMMEDIATE) already excludes other writers.
const FOR_UPDATE_OF_CHILDREN: &str = "";
const SKIP_LOCKED: &str = "";
const FOR_NO_KEY_UPDATE: &str = "";

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");

/// A position as a bound on `seq`: every entry here has tx_id 0, so an entry `(0, seq)` comes
/// after `position` exactly when `seq` is above this, and at or before it otherwise.
fn seq_bound(position: Position) -> i64 {
    match position.tx {
        tx if tx < 0 => -1,
        0 => position.seq,
        _ => i64::MAX,
    }
}

/// Log entries of `alias` after `after`, compared by `seq` alone (see `seq_bound`). SQLite
/// seeks the position index only with the tx_id equal; a row comparison made it walk every
/// entry of the log on each poll, a cost that grew with the nursery's history.
fn push_log_after(query: &mut QueryBuilder<'_, Db>, alias: &str, after: Position) {
    query.push(format!("{alias}.tx_id = 0 AND {alias}.seq > "));
    query.push_bind(seq_bound(after));
}

/// Log entries of `alias` up to and including `upto`.
fn push_log_upto(query: &mut QueryBuilder<'_, Db>, alias: &str, upto: Position) {
    query.push(format!("{alias}.seq <= "));
    query.push_bind(seq_bound(upto));
}

pub struct SqliteStore {
    read: Pool<Sqlite>,
    write: Pool<Sqlite>,
    /// Stamps what the store writes on its own account (`created_at` and the like).
    clock: Arc<dyn Clock>,
}

impl SqliteStore {
    pub async fn connect(url: &str, pools: super::PoolSizes, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a write acknowledged to a tablet survives a power cut, not just a crash.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        if let Some(parent) = options.get_filename().parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent)?;
            }
        }
        // Migrations run on a connection of their own with foreign keys off, as SQLite's way
        // of rebuilding a table requires (0006); a migration that rebuilds checks the keys
        // itself before it commits.
        let migrating = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone().foreign_keys(false))
            .await?;
        MIGRATOR.run(&migrating).await?;
        migrating.close().await;
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone())
            .await?;
        let read = SqlitePoolOptions::new()
            .max_connections(pools.sqlite_readers)
            .connect_with(options.read_only(true))
            .await?;
        Ok(SqliteStore { read, write, clock })
    }

    fn reader(&self) -> &Pool<Sqlite> {
        &self.read
    }

    /// The hot path's reads by key; SQLite plans them alike on any connection.
    fn keyed_reader(&self) -> &Pool<Sqlite> {
        &self.read
    }

    /// `BEGIN IMMEDIATE` takes the write lock up front, so another process writing the same
    /// file makes us wait (busy timeout) instead of failing halfway through.
    async fn begin_write(&self) -> StoreResult<sqlx::Transaction<'static, Sqlite>> {
        Ok(self.write.begin_with("BEGIN IMMEDIATE").await?)
    }
}

#[async_trait]
impl Store for DbStore {
    fn backend_name(&self) -> &'static str {
        "sqlite"
    }

    fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    fn pool_usage(&self) -> Vec<(&'static str, u32, usize, u32)> {
        [("read", &self.read), ("write", &self.write)]
            .into_iter()
            .map(|(name, pool)| (name, pool.size(), pool.num_idle(), pool.options().get_max_connections()))
            .collect()
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(self.reader()).await?;
        Ok(())
    }

    /// SQLite serves one process; other processes on the same file are found by polling.
    async fn announce_commits(&self) -> StoreResult<()> {
        Ok(())
    }

    async fn commit_announcements(&self) -> StoreResult<Option<futures::stream::BoxStream<'static, Announcement>>> {
        Ok(None)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_bound_seq_as_the_row_comparison_would() {
        // Every SQLite entry is (0, seq): after (0, 7) means seq > 7, after any earlier
        // transaction means every entry, after a later one means none.
        assert_eq!(seq_bound(Position { tx: 0, seq: 7 }), 7);
        assert_eq!(seq_bound(Position { tx: -1, seq: 99 }), -1);
        assert_eq!(seq_bound(Position { tx: 3, seq: -1 }), i64::MAX);
    }
}
