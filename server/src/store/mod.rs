//! The store: every SQL statement of the service lives below this module. One interface
//! (`Store`), two implementations (`sqlite`, `postgres`) that share their portable SQL
//! (`sql/`) and differ where the databases differ: connection set-up, migrations, write
//! serialisation and the event-log horizon.

pub mod account_work;
mod attendance_work;
mod inputs;
mod nap_work;
mod oversight;
mod pickup;
mod postgres;
mod records;
pub mod roster_work;
mod safety;
mod sqlite;

pub use account_work::{AccountReads, AccountState, AccountWork, SessionInfo};
pub use attendance_work::{AttendanceUnit, EarlierUse, KeyClaims, LockedChild, PickupRules};
pub use inputs::*;
pub use nap_work::NapUnit;
pub use oversight::*;
pub use pickup::*;
pub use records::*;
pub use roster_work::{RosterReads, RosterWork};
pub use safety::*;

pub use postgres::PgStore;
pub use sqlite::SqliteStore;

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use time::Date;

use crate::domain::attendance_day::DayEntry;
use crate::domain::*;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Conflict(String),
    #[error("{message}")]
    BadInput { field: String, message: String },
    /// An optimistic-concurrency check failed: the entity is now at this revision.
    #[error("stale revision; the current revision is {0}")]
    StaleRevision(i64),
    /// The database cannot be reached right now (connection refused or lost, no connection
    /// free in time, the server shutting down): worth retrying, never a bug.
    #[error("the database is unreachable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Database(sqlx::Error),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        if is_connection_fault(&err) {
            StoreError::Unavailable(err.to_string())
        } else {
            StoreError::Database(err)
        }
    }
}

/// Whether starting failed because the database is out of reach (worth waiting for), rather
/// than for a reason waiting will not mend (a failed migration, a bad setting).
pub fn is_unreachable_at_start(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.downcast_ref::<sqlx::Error>().is_some_and(is_connection_fault)
            || matches!(cause.downcast_ref::<StoreError>(), Some(StoreError::Unavailable(_)))
    })
}

/// Whether `err` says the database is out of reach rather than that a statement failed.
pub fn is_connection_fault(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::WorkerCrashed => true,
        // PostgreSQL: connection exceptions (class 08), the server shutting down or starting
        // (57P01–57P03), too many connections (53300).
        sqlx::Error::Database(db) => db.code().is_some_and(|code| {
            code.starts_with("08") || matches!(code.as_ref(), "57P01" | "57P02" | "57P03" | "53300")
        }),
        _ => false,
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// How long a PostgreSQL statement waits for a pooled connection (or for a new one to be
/// made) before the database counts as unreachable, unless configured otherwise.
pub const DEFAULT_ACQUIRE_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(1500);

/// Most connections of each pool (per replica).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolSizes {
    /// PostgreSQL: reads, reports, migrations, LISTEN.
    pub general: u32,
    /// PostgreSQL: the hot path's statements by key, on generic plans.
    pub keyed: u32,
    /// SQLite: read-only connections beside the one writer.
    pub sqlite_readers: u32,
}

impl PoolSizes {
    pub const DEFAULT: PoolSizes = PoolSizes {
        general: 16,
        keyed: 12,
        sqlite_readers: 4,
    };
}

/// How a store connects: the pools' sizes and how long a statement waits for a connection.
#[derive(Clone, Copy, Debug)]
pub struct StoreOptions {
    pub acquire_timeout: std::time::Duration,
    pub pools: PoolSizes,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            acquire_timeout: DEFAULT_ACQUIRE_TIMEOUT,
            pools: PoolSizes::DEFAULT,
        }
    }
}

/// Opens the store named by a `sqlite://` or `postgres://` URL and applies its migrations.
/// Its own stamps (`created_at`, `updated_at`, ...) come from the wall clock.
pub async fn connect(url: &str) -> anyhow::Result<Arc<dyn Store>> {
    connect_with(url, StoreOptions::default(), crate::clock::system()).await
}

/// `connect` with the pools sized and timed by `options`: a PostgreSQL database out of reach
/// is answered quickly with a retryable error instead of holding requests.
/// The store stamps the rows it writes from `clock`, the one the services ask.
pub async fn connect_with(
    url: &str,
    options: StoreOptions,
    clock: Arc<dyn crate::clock::Clock>,
) -> anyhow::Result<Arc<dyn Store>> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::connect(url, options.pools, clock).await?))
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Arc::new(PgStore::connect(url, options, clock).await?))
    } else {
        anyhow::bail!("DATABASE_URL must start with sqlite:// or postgres://")
    }
}

/// The whole store interface, in parts by subject.
#[async_trait]
pub trait Store:
    AccountStore
    + AccountReads
    + RosterReads
    + OrgStore
    + AttendanceStore
    + CareStore
    + NapStore
    + JournalStore
    + PushStore
    + EventStore
    + ReportStore
    + SurveillanceStore
    + AuditStore
    + HistoryStore
    + SafetyStore
    + PickupStore
    + Send
    + Sync
{
    fn backend_name(&self) -> &'static str;
    /// The clock the store stamps its rows by (the services' clock), for work that is given
    /// only the store, such as the attendance group commit.
    fn clock(&self) -> &Arc<dyn crate::clock::Clock>;
    /// Each connection pool's connections: (pool, open, idle, most).
    fn pool_usage(&self) -> Vec<(&'static str, u32, usize, u32)>;
    /// Succeeds when the database answers.
    async fn ping(&self) -> StoreResult<()>;
    /// Tells other replicas on this database that log entries were committed. Called after
    /// the commit, never inside the write transaction.
    async fn announce_commits(&self) -> StoreResult<()>;
    /// Other replicas' announcements, when the backend can carry them (PostgreSQL); without
    /// them the event tailer relies on polling alone. The stream never ends: a lost
    /// connection is reported and made again, with backoff.
    async fn commit_announcements(&self) -> StoreResult<Option<futures::stream::BoxStream<'static, Announcement>>>;
}

/// What the commit-announcement stream reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Announcement {
    /// Listening (again): announcements made while not listening were missed, so look.
    Listening,
    /// Another replica (or this one) committed log entries.
    Committed,
    /// The listening connection is lost (or could not be made); retrying.
    Lost,
}

#[async_trait]
pub trait AccountStore {
    async fn create_user(&self, user: NewUser) -> StoreResult<User>;
    async fn user(&self, id: Id) -> StoreResult<Option<User>>;
    /// The user and their password hash, for login.
    async fn user_credentials(&self, email: &str) -> StoreResult<Option<(User, String)>>;
    async fn grants(&self, user_id: Id) -> StoreResult<Vec<RoleGrant>>;
    async fn system_admin_exists(&self) -> StoreResult<bool>;
    async fn create_session(&self, token_hash: &str, user_id: Id, expires_at: Timestamp) -> StoreResult<()>;
    /// The live sessions among `token_hashes` with their users and grants, in one round trip
    /// (every request asks, many at once); unknown and expired tokens are missing.
    async fn session_actors(
        &self,
        token_hashes: &[String],
        now: Timestamp,
    ) -> StoreResult<HashMap<String, (User, Vec<RoleGrant>)>>;
    async fn delete_session(&self, token_hash: &str) -> StoreResult<bool>;
    /// Notes the sessions as last used at `at` (those that still exist).
    async fn record_session_use(&self, token_hashes: &[String], at: Timestamp) -> StoreResult<()>;
    /// The user with their new language; None when there is no such user.
    async fn set_user_locale(&self, user_id: Id, locale: &str) -> StoreResult<Option<User>>;
    async fn guardians_of_family(&self, family_id: Id) -> StoreResult<Vec<User>>;
}

#[async_trait]
pub trait OrgStore {
    async fn scope_of(&self, entity: EntityRef) -> StoreResult<Option<Scope>>;
    async fn create_municipality(&self, name: &str, code: &str) -> StoreResult<Municipality>;
    async fn municipality(&self, id: Id) -> StoreResult<Option<Municipality>>;
    async fn create_nursery(&self, municipality_id: Id, name: &str) -> StoreResult<Nursery>;
    async fn nursery(&self, id: Id) -> StoreResult<Option<Nursery>>;
    async fn nurseries_of_municipality(&self, municipality_id: Id) -> StoreResult<Vec<Nursery>>;
    /// The municipality's nurseries, `only` those of the filter's nurseries and families when
    /// given (what the policy lets the caller list).
    async fn nurseries_listed(&self, municipality_id: Id, only: Option<&ChildFilter>) -> StoreResult<Vec<Nursery>>;
    async fn create_classroom(&self, nursery_id: Id, name: &str, age_band: i32) -> StoreResult<Classroom>;
    async fn classroom(&self, id: Id) -> StoreResult<Option<Classroom>>;
    async fn classrooms_of_nursery(&self, nursery_id: Id) -> StoreResult<Vec<Classroom>>;
    async fn create_family(&self, nursery_id: Id) -> StoreResult<Family>;
    async fn family(&self, id: Id) -> StoreResult<Option<Family>>;
    async fn enroll_child(&self, child: Child) -> StoreResult<Child>;
    async fn child(&self, id: Id) -> StoreResult<Option<Child>>;
    /// The children among `ids`, each with what a write about them needs: their scope for the
    /// policy and their nursery's clock. Unknown ids are missing.
    async fn placed_children(&self, ids: &[Id]) -> StoreResult<HashMap<Id, PlacedChild>>;
    /// Children visible through `filter`, optionally narrowed to a classroom or family.
    async fn children(
        &self,
        filter: &ChildFilter,
        classroom: Option<Id>,
        family: Option<Id>,
    ) -> StoreResult<Vec<Child>>;
}

#[async_trait]
pub trait AttendanceStore {
    /// Opens the unit of work of a group commit (`AttendanceUnit`; the service
    /// `attendance_batch` decides and commits it).
    async fn begin_attendance_unit(&self) -> StoreResult<Box<dyn AttendanceUnit>>;
    /// A recorded check-in or check-out by id (the earlier result of a replayed write).
    async fn recorded_attendance(&self, id: Id) -> StoreResult<AttendanceEvent>;

    async fn attendance_of_child(
        &self,
        child_id: Id,
        from: Timestamp,
        to: Timestamp,
    ) -> StoreResult<Vec<AttendanceEvent>>;
    /// Files a report (in the child's current classroom) and its log entry; with
    /// `surveillance`, raises any infection cluster it completes in the same transaction.
    async fn create_absence(
        &self,
        report: AbsenceReport,
        key: Option<IdempotencyKey>,
        context: AbsenceContext,
    ) -> StoreResult<Recorded<AbsenceReport>>;
    async fn acknowledge_absence(&self, id: Id, by: Id, at: Timestamp) -> StoreResult<AbsenceReport>;
    async fn absence(&self, id: Id) -> StoreResult<Option<AbsenceReport>>;
    async fn absences_of_child(&self, child_id: Id, from: Date, to: Date) -> StoreResult<Vec<AbsenceReport>>;
    async fn absences_of_nursery(&self, nursery_id: Id, date: Date) -> StoreResult<Vec<AbsenceReport>>;
}

#[async_trait]
pub trait CareStore {
    async fn set_fever_threshold(&self, nursery_id: Id, celsius: f64) -> StoreResult<()>;
    async fn set_allergies(&self, child_id: Id, allergens: &[String]) -> StoreResult<()>;
    async fn allergies(&self, child_id: Id) -> StoreResult<Vec<String>>;
    /// Records a health check, its event for the staff's screens and, for a fever, its alert
    /// in the same transaction.
    async fn record_health_check(
        &self,
        check: HealthCheck,
        recorded: CareRecorded,
        alert: Option<CareAlert>,
        key: Option<IdempotencyKey>,
    ) -> StoreResult<Recorded<HealthCheck>>;
    async fn health_checks_of_child(
        &self,
        child_id: Id,
        from: Timestamp,
        to: Timestamp,
    ) -> StoreResult<Vec<HealthCheck>>;
    /// Records a meal and its event; an earlier record of the same meal that day is kept,
    /// marked replaced.
    async fn record_meal(
        &self,
        meal: MealRecord,
        recorded: CareRecorded,
        key: Option<IdempotencyKey>,
    ) -> StoreResult<Recorded<MealRecord>>;
    /// Current (not replaced) meal records for dates `from..=to`.
    async fn meals_of_child(&self, child_id: Id, from: Date, to: Date) -> StoreResult<Vec<MealRecord>>;
    async fn record_growth(
        &self,
        record: GrowthRecord,
        key: Option<IdempotencyKey>,
    ) -> StoreResult<Recorded<GrowthRecord>>;
    /// Current growth records, oldest first.
    async fn growth_of_child(&self, child_id: Id) -> StoreResult<Vec<GrowthRecord>>;
    async fn classroom_day(
        &self,
        classroom_id: Id,
        date: Date,
        day: (Timestamp, Timestamp),
    ) -> StoreResult<ClassroomDay>;
}

/// Naps and 午睡チェック: open naps, checks, the overdue watch and daily compliance.
#[async_trait]
pub trait NapStore {
    /// The configured seconds between nap checks for an age band: the nursery's setting, else
    /// the municipality's; `None` when neither configured it (`Some(None)`: explicitly none).
    async fn nap_interval(
        &self,
        nursery_id: Id,
        municipality_id: Id,
        age_band: i32,
    ) -> StoreResult<Option<Option<i64>>>;
    async fn set_nap_interval(&self, scope_id: Id, age_band: i32, seconds: Option<i64>) -> StoreResult<()>;
    /// Opens the unit of work of a nap's start, check or end (`NapUnit`).
    async fn begin_nap_unit(&self) -> StoreResult<Box<dyn NapUnit>>;
    /// A nap check by id (the earlier result of a replayed check).
    async fn nap_check(&self, id: Id) -> StoreResult<NapCheck>;
    async fn naps_of_child(&self, child_id: Id, from: Timestamp, to: Timestamp) -> StoreResult<Vec<Nap>>;
    async fn nap_checks_of_child(&self, child_id: Id, from: Timestamp, to: Timestamp) -> StoreResult<Vec<NapCheck>>;
    async fn nap_compliance(&self, child_id: Id, date: Date) -> StoreResult<NapCompliance>;
    /// Writes one alert for every open nap whose next check is overdue at `now` and has not
    /// been alerted for that due time; returns how many it wrote. Safe across replicas.
    async fn raise_overdue_nap_alerts(&self, now: Timestamp) -> StoreResult<usize>;
}

#[async_trait]
pub trait JournalStore {
    /// Creates a journal at revision 1; CONFLICT when its page (child or classroom day) exists.
    async fn create_journal(&self, journal: Journal, actor: Id) -> StoreResult<Journal>;
    async fn journal(&self, id: Id) -> StoreResult<Option<Journal>>;
    /// Applies `change` if the journal is still at `expected_revision` (else StaleRevision),
    /// with the alert (if any) in the same transaction.
    async fn change_journal(
        &self,
        id: Id,
        expected_revision: i64,
        change: JournalChange,
        alert: Option<CareAlert>,
    ) -> StoreResult<Journal>;
    async fn journals(&self, filter: &JournalFilter, limit: i64) -> StoreResult<Vec<Journal>>;
    async fn journal_revisions(&self, id: Id) -> StoreResult<Vec<JournalRevision>>;
}

#[async_trait]
pub trait PushStore {
    /// Pushes waiting to be sent (or retried): the outbox's depth.
    async fn pending_push_count(&self) -> StoreResult<i64>;
    /// The VAPID key pair every replica signs with: the stored one, or `generated` stored now.
    async fn vapid_keys(&self, generated: (String, String)) -> StoreResult<(String, String)>;
    /// Registers a device for `user` (re-registering an endpoint moves it to this user).
    async fn register_push_subscription(
        &self,
        user_id: Id,
        endpoint: &str,
        p256dh: &str,
        auth: &str,
    ) -> StoreResult<()>;
    /// Removes the user's device; its pending notifications are dropped.
    async fn unregister_push_subscription(&self, user_id: Id, endpoint: &str) -> StoreResult<bool>;
    async fn set_push_preference(&self, user_id: Id, kind: PushKind, enabled: bool) -> StoreResult<()>;
    /// The kinds the user switched off.
    async fn disabled_push_kinds(&self, user_id: Id) -> StoreResult<Vec<PushKind>>;
    /// Leases up to `limit` due notifications until `lease_until`; each attempt is counted.
    async fn claim_pushes(&self, now: Timestamp, lease_until: Timestamp, limit: i64) -> StoreResult<Vec<PushJob>>;
    async fn finish_push(&self, job: &PushJob, outcome: PushOutcome) -> StoreResult<()>;
    async fn push_deliveries(
        &self,
        status: Option<PushStatus>,
        user_id: Option<Id>,
        limit: i64,
    ) -> StoreResult<Vec<PushDelivery>>;
}

/// The ordered event log behind live subscriptions. Positions order entries so that once the
/// log has been read up to a position, no entry at or before it can still appear.
#[async_trait]
pub trait EventStore {
    /// The newest position before which every entry is final: where a tailer starts.
    async fn log_start_position(&self) -> StoreResult<Position>;
    /// Entries after `after` that are final (no earlier transaction can still commit one),
    /// oldest first, at most `limit`; and whether newer entries exist that are held back.
    async fn tail_log(&self, after: Position, limit: i64) -> StoreResult<(Vec<LogEntry>, bool)>;
    /// The oldest transaction of this database that can still write log entries, as its
    /// backend's process id and age in seconds (for the warning when entries are held back).
    async fn log_held_back_by(&self) -> StoreResult<Option<(i32, f64)>>;
    /// Entries in `(after, upto]` that match `filter`, oldest first, at most `limit`.
    async fn log_between(
        &self,
        after: Position,
        upto: Position,
        filter: &EventFilter,
        limit: i64,
    ) -> StoreResult<Vec<LogEntry>>;
}

/// Turns a unique-constraint violation into a CONFLICT with a message for the user.
fn unique_violation_as(err: sqlx::Error, message: &str) -> StoreError {
    match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict(message.to_owned()),
        _ => err.into(),
    }
}
