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

type Db = Sqlite;
type DbStore = SqliteStore;

/// With one writer, log sequence order is commit order: every transaction id is 0 and
/// everything below the horizon 1 is final.
const TX_ID_EXPR: &str = "0";
const HORIZON_SQL: &str = "SELECT 1";
/// The single writer already serialises; SQLite has no row locks.
const FOR_UPDATE: &str = "";
/// SQLite's write transaction (BEGIN IMMEDIATE) already excludes other writers.
const FOR_UPDATE_OF_CHILDREN: &str = "";
const SKIP_LOCKED: &str = "";
const FOR_NO_KEY_UPDATE: &str = "";

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");

pub struct SqliteStore {
    read: Pool<Sqlite>,
    write: Pool<Sqlite>,
}

impl SqliteStore {
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
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
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone())
            .await?;
        MIGRATOR.run(&write).await?;
        let read = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options.read_only(true))
            .await?;
        Ok(SqliteStore { read, write })
    }

    fn reader(&self) -> &Pool<Sqlite> {
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

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(self.reader()).await?;
        Ok(())
    }

    /// SQLite serves one process; other processes on the same file are found by polling.
    async fn announce_commits(&self) -> StoreResult<()> {
        Ok(())
    }

    async fn commit_announcements(&self) -> StoreResult<Option<futures::stream::BoxStream<'static, ()>>> {
        Ok(None)
    }
}

include!("sql/accounts.rs");
include!("sql/org.rs");
include!("sql/attendance.rs");
include!("sql/attendance_batch.rs");
include!("sql/attendance_batch_steps.rs");
include!("sql/care.rs");
include!("sql/naps.rs");
include!("sql/journals.rs");
include!("sql/push.rs");
include!("sql/events.rs");
include!("sql/audit.rs");
include!("sql/reports.rs");
include!("sql/surveillance.rs");
include!("sql/history.rs");
