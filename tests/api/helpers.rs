//! Test plumbing: fresh databases (an SQLite file, or a uniquely named PostgreSQL database
//! dropped afterwards), the server process, and a macro that runs a scenario on both backends.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use sqlx::{Connection, PgConnection};
use tsunagu_client::{Client, ServerProcess};
use uuid::Uuid;

pub const ADMIN_EMAIL: &str = "admin@tsunagu.test";
pub const PASSWORD: &str = "correct horse battery";
/// How long a live event may take before a test calls it missing. Generous: CI machines stall.
pub const DELIVERY_WAIT: Duration = Duration::from_secs(10);
/// How long to listen to be satisfied that nothing (more) arrives.
pub const SILENCE_WAIT: Duration = Duration::from_millis(700);

#[derive(Clone, Debug)]
pub enum Backend {
    Sqlite,
    Postgres { admin_url: String },
}

/// Runs each named `async fn(Backend)` scenario as two tests: `sqlite::name`, `postgres::name`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    $crate::helpers::clear_of_midnight_in_japan().await;
                    super::$name($crate::helpers::Backend::Sqlite).await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    $crate::helpers::clear_of_midnight_in_japan().await;
                    if let Some(backend) = $crate::helpers::postgres_backend().await {
                        super::$name(backend).await;
                    }
                }
            )+
        }
    };
}

/// The PostgreSQL server to create test databases on, or `None` (with a notice) when none is
/// reachable and REQUIRE_POSTGRES is not set.
pub async fn postgres_backend() -> Option<Backend> {
    let admin_url =
        std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    let required = std::env::var("REQUIRE_POSTGRES").is_ok_and(|v| v == "1" || v == "true");
    let reachable = tokio::time::timeout(Duration::from_secs(5), PgConnection::connect(&admin_url)).await;
    match reachable {
        Ok(Ok(conn)) => {
            let _ = conn.close().await;
            Some(Backend::Postgres { admin_url })
        }
        failure => {
            let why = match failure {
                Ok(Err(err)) => err.to_string(),
                _ => "timed out".to_owned(),
            };
            if required {
                panic!("REQUIRE_POSTGRES is set but PostgreSQL at {admin_url} is unreachable: {why}");
            }
            eprintln!(
                "SKIPPED (PostgreSQL): {admin_url} is unreachable ({why}); set TEST_DATABASE_URL or start PostgreSQL"
            );
            None
        }
    }
}

/// A database that exists for one test.
pub struct TestDb {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(PathBuf),
    Database { admin_url: String, name: String },
}

impl TestDb {
    pub async fn create(backend: &Backend) -> TestDb {
        let tag = Uuid::new_v4().simple().to_string();
        match backend {
            Backend::Sqlite => {
                let path = std::env::temp_dir().join(format!("tsunagu-test-{tag}.db"));
                TestDb {
                    url: format!("sqlite://{}", path.display()),
                    cleanup: Cleanup::File(path),
                }
            }
            Backend::Postgres { admin_url } => {
                let name = format!("tsunagu_test_{tag}");
                let mut conn = PgConnection::connect(admin_url).await.expect("connect to PostgreSQL");
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .await
                    .expect("create database");
                let _ = conn.close().await;
                let url = replace_database(admin_url, &name);
                TestDb {
                    url,
                    cleanup: Cleanup::Database {
                        admin_url: admin_url.clone(),
                        name,
                    },
                }
            }
        }
    }
}

fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let prefix = match base.rfind('/') {
        Some(i) if i > "postgres://".len() => &base[..i],
        _ => base,
    };
    match query {
        Some(query) => format!("{prefix}/{name}?{query}"),
        None => format!("{prefix}/{name}"),
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Database { admin_url, name } => {
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Drop runs inside the test's runtime; a thread of its own can block.
                let _ = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .expect("runtime");
                    runtime.block_on(async {
                        if let Ok(mut conn) = PgConnection::connect(&admin_url).await {
                            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                                .execute(&mut conn)
                                .await;
                        }
                    });
                })
                .join();
            }
        }
    }
}

/// A running server on a fresh database, with its bootstrap admin signed in.
pub struct TestApp {
    pub server: ServerProcess,
    pub db: TestDb,
    pub anonymous: Client,
    pub admin: Client,
}

pub fn server_env(db: &TestDb) -> HashMap<String, String> {
    HashMap::from([
        ("DATABASE_URL".to_owned(), db.url.clone()),
        ("BOOTSTRAP_ADMIN_EMAIL".to_owned(), ADMIN_EMAIL.to_owned()),
        ("BOOTSTRAP_ADMIN_PASSWORD".to_owned(), PASSWORD.to_owned()),
        // Every test client logs in from 127.0.0.1; the per-address limit has its own test.
        ("LOGIN_LIMIT_PER_ADDRESS".to_owned(), "100000".to_owned()),
        ("RUST_LOG".to_owned(), "warn".to_owned()),
        // The not-yet-arrived watch is off unless a test is about it: run on a Japanese
        // weekday morning, it would otherwise check every test's children.
        ("ARRIVAL_WATCH_INTERVAL_MS".to_owned(), "0".to_owned()),
    ])
}

pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_tsunagu"))
}

impl TestApp {
    pub async fn start(backend: Backend) -> TestApp {
        Self::start_with(backend, &[]).await
    }

    pub async fn start_with(backend: Backend, extra_env: &[(&str, &str)]) -> TestApp {
        clear_of_midnight_in_japan().await;
        let db = TestDb::create(&backend).await;
        let mut env = server_env(&db);
        for (key, value) in extra_env {
            env.insert((*key).to_owned(), (*value).to_owned());
        }
        let server = ServerProcess::spawn(&binary(), &env).await.expect("server starts");
        let anonymous = Client::new(&server.base_url);
        let admin = anonymous
            .login(ADMIN_EMAIL, PASSWORD)
            .await
            .expect("bootstrap admin logs in");
        TestApp {
            server,
            db,
            anonymous,
            admin,
        }
    }
}

/// Today in Japan, as the server sees a nursery's "today".
pub fn today_jst() -> time::Date {
    (time::OffsetDateTime::now_utc() + time::Duration::hours(9)).date()
}

/// A scenario starting this close to midnight in Japan (15:00 UTC) waits for the day to turn
/// first. Scenarios read "today" (`today_jst`) and the server reads its own a moment later;
/// across midnight the two differ and a scenario fails for no fault of the server's. Longer
/// than any one scenario takes.
const TURN_OF_DAY_MARGIN: Duration = Duration::from_secs(180);

/// Waits until midnight in Japan has passed when it is less than `TURN_OF_DAY_MARGIN` away,
/// so the scenario that follows runs within one day in Japan.
pub async fn clear_of_midnight_in_japan() {
    let jst = time::UtcOffset::from_hms(9, 0, 0).expect("+09:00");
    let now = time::OffsetDateTime::now_utc().to_offset(jst);
    let Some(tomorrow) = now.date().next_day() else { return };
    let midnight = time::OffsetDateTime::new_in_offset(tomorrow, time::Time::MIDNIGHT, jst);
    let left = Duration::try_from(midnight - now).unwrap_or_default();
    if left < TURN_OF_DAY_MARGIN {
        eprintln!("waiting {left:?} for midnight in Japan to pass before this scenario");
        tokio::time::sleep(left + Duration::from_secs(1)).await;
    }
}
