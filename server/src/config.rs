//! Configuration, from the command line or the environment (the names the client contract
//! documents). Every setting has a default that works on a fresh checkout.

use std::net::SocketAddr;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "tsunagu", version, about = "Keeps nurseries and families in sync")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub config: Config,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API (the default).
    Serve,
    /// Fill the database with a realistic demo city and print its logins.
    SeedDemo {
        /// Children per nursery.
        #[arg(long, default_value_t = 100)]
        children_per_nursery: usize,
    },
    /// Fill the database with a city-sized year of past records (nurseries × children × open
    /// days) for the reporting benchmark, and print the officer's login.
    SeedCity {
        #[arg(long, default_value_t = 60)]
        nurseries: usize,
        #[arg(long, default_value_t = 100)]
        children_per_nursery: usize,
        /// Open days (weekdays) going back from yesterday.
        #[arg(long, default_value_t = 250)]
        days: usize,
    },
    /// Print the GraphQL schema (SDL) the server serves.
    PrintSchema,
}

#[derive(Clone, Debug, Args)]
pub struct Config {
    /// `sqlite://PATH` (created if missing) or `postgres://...`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/tsunagu.db")]
    pub database_url: String,

    /// Port 0 picks a free port; the bound address is printed on stdout.
    #[arg(long, env = "LISTEN_ADDR", default_value = "127.0.0.1:8080")]
    pub listen_addr: SocketAddr,

    #[arg(long, env = "BOOTSTRAP_ADMIN_EMAIL")]
    pub bootstrap_admin_email: Option<String>,

    #[arg(long, env = "BOOTSTRAP_ADMIN_PASSWORD", hide_env_values = true)]
    pub bootstrap_admin_password: Option<Secret>,

    /// How long a login stays valid, in hours.
    #[arg(long, env = "SESSION_TTL_HOURS", default_value_t = 24 * 30)]
    pub session_ttl_hours: u32,

    /// Login attempts per minute allowed for one account from one client address.
    #[arg(long, env = "LOGIN_LIMIT_PER_ACCOUNT", default_value_t = 10)]
    pub login_limit_per_account: u32,

    /// Login attempts per minute allowed from one client address, whatever the account.
    #[arg(long, env = "LOGIN_LIMIT_PER_ADDRESS", default_value_t = 60)]
    pub login_limit_per_address: u32,

    /// Login attempts per hour for one account from addresses it has not logged in from: the
    /// backstop against guessing from many addresses, which never locks out a known address.
    #[arg(long, env = "LOGIN_LIMIT_PER_ACCOUNT_HOURLY", default_value_t = 100)]
    pub login_limit_per_account_hourly: u32,

    /// Days an invitation or password-reset code stays usable.
    #[arg(long, env = "ACCOUNT_CODE_TTL_DAYS", default_value_t = crate::domain::accounts::DEFAULT_CODE_TTL_DAYS)]
    pub account_code_ttl_days: u32,

    /// Where invitation and reset codes are also e-mailed: `smtp://host:port` (plain),
    /// `smtps://user:pass@host` or `smtp://…?tls=required` (lettre's URL form). Unset: codes are
    /// only handed over on paper.
    #[arg(long, env = "SMTP_URL")]
    pub smtp_url: Option<Secret>,

    /// The sender of those e-mails.
    #[arg(long, env = "SMTP_FROM", default_value = "Tsunagu <no-reply@tsunagu.example>")]
    pub smtp_from: String,

    /// Activation attempts (invitation and reset codes) per minute from one client address;
    /// per hour from one address, ten times as many.
    #[arg(long, env = "ACTIVATION_LIMIT_PER_ADDRESS", default_value_t = 10)]
    pub activation_limit_per_address: u32,

    /// Reverse proxies (CIDR list, e.g. `10.0.0.5/32,fd00::/64`) whose X-Forwarded-For is
    /// believed; the client is the right-most address not among them. Empty: the peer.
    #[arg(long, env = "TRUSTED_PROXIES", value_delimiter = ',', value_parser = crate::auth::client_address::parse_cidr)]
    pub trusted_proxies: Vec<ipnet::IpNet>,

    /// Counts below this in officers' age-band and classroom breakdowns are withheld.
    #[arg(long, env = "SMALL_COUNT_THRESHOLD", default_value_t = 3)]
    pub small_count_threshold: i64,

    /// How often the event tailer looks for entries written by other replicas, in ms.
    #[arg(long, env = "EVENT_POLL_INTERVAL_MS", default_value_t = 250)]
    pub event_poll_interval_ms: u64,

    /// How often the server looks for overdue nap checks, in ms.
    #[arg(long, env = "NAP_WATCH_INTERVAL_MS", default_value_t = 1000)]
    pub nap_watch_interval_ms: u64,

    /// How often the server runs the due not-yet-arrived checks (登園確認) and ends those an
    /// arrival or a report has answered, in ms. 0 turns the watch off on this replica (the
    /// test suites do, except where they test it, so a run during a Japanese morning does not
    /// add checks to unrelated tests).
    #[arg(long, env = "ARRIVAL_WATCH_INTERVAL_MS", default_value_t = 2000)]
    pub arrival_watch_interval_ms: u64,

    /// After the nursery's closing time, how often a child still checked in is alerted again
    /// to its staff and head (降園確認), in seconds. The same watch raises the first alert.
    #[arg(long, env = "LEFT_BEHIND_REPEAT_SECONDS", default_value_t = 900)]
    pub left_behind_repeat_seconds: u64,

    /// VAPID key pair (base64url raw private key and uncompressed public key). When absent, one
    /// is generated at first start and kept in the database for every replica.
    #[arg(long, env = "VAPID_PRIVATE_KEY", hide_env_values = true)]
    pub vapid_private_key: Option<Secret>,

    #[arg(long, env = "VAPID_PUBLIC_KEY")]
    pub vapid_public_key: Option<String>,

    /// Contact for push services (RFC 8292 `sub`).
    #[arg(long, env = "VAPID_SUBJECT", default_value = "mailto:admin@tsunagu.example")]
    pub vapid_subject: String,

    /// How long a worker holds a push it is sending before another may retry it, in seconds.
    #[arg(long, env = "PUSH_LEASE_SECONDS", default_value_t = 60)]
    pub push_lease_seconds: u64,

    #[arg(long, env = "PUSH_POLL_INTERVAL_MS", default_value_t = 500)]
    pub push_poll_interval_ms: u64,

    /// Push sending loops in this process; 0 leaves sending to other replicas.
    #[arg(long, env = "PUSH_WORKERS", default_value_t = 1)]
    pub push_workers: usize,

    /// Attempts before a push is kept as failed.
    #[arg(long, env = "PUSH_MAX_ATTEMPTS", default_value_t = 6)]
    pub push_max_attempts: u32,

    /// Accept http:// push endpoints (development only; every other endpoint rule still holds).
    #[arg(long, env = "PUSH_ALLOW_INSECURE_ENDPOINTS", default_value_t = false)]
    pub push_allow_insecure_endpoints: bool,

    /// Push-service hosts the server sends to, comma-separated: `name` exactly, `*.name` any
    /// name below it, `*` any host (still public addresses only). Default: the browser vendors'.
    #[arg(long, env = "PUSH_ALLOWED_HOSTS", default_value = crate::domain::endpoint::DEFAULT_PUSH_HOSTS)]
    pub push_allowed_hosts: String,

    /// Host names (exact, also in PUSH_ALLOWED_HOSTS) that may resolve to loopback addresses:
    /// a push service on this machine, for development and tests only. Empty in production.
    #[arg(long, env = "PUSH_ALLOW_LOOPBACK_HOSTS", default_value = "")]
    pub push_allow_loopback_hosts: String,

    /// A PEM file of root certificates trusted for push services besides the built-in ones.
    #[arg(long, env = "PUSH_EXTRA_ROOT_CERT")]
    pub push_extra_root_cert: Option<std::path::PathBuf>,

    /// Serve the web app from this directory instead of the copy built into the binary
    /// (development: point it at clients/web/dist and rebuild with Vite).
    #[arg(long, env = "WEB_DIR")]
    pub web_dir: Option<std::path::PathBuf>,

    /// Largest request body accepted, in bytes.
    #[arg(long, env = "MAX_BODY_BYTES", default_value_t = 64 * 1024)]
    pub max_body_bytes: usize,

    /// Deepest query accepted.
    /// (16: the standard introspection query of graphql-js reaches 13.)
    #[arg(long, env = "GRAPHQL_MAX_DEPTH", default_value_t = 16)]
    pub graphql_max_depth: usize,

    /// Most expensive query accepted (async-graphql complexity units).
    #[arg(long, env = "GRAPHQL_MAX_COMPLEXITY", default_value_t = 500)]
    pub graphql_max_complexity: usize,

    /// Most selections a document may have with its fragments written out, counted before
    /// anything is expanded (fragment fan-outs, alias floods).
    #[arg(long, env = "GRAPHQL_MAX_EXPANDED_SELECTIONS", default_value_t = 2000)]
    pub graphql_max_expanded_selections: usize,

    /// Children of one classroom absent with the same symptom that make a cluster, for
    /// municipalities that have not set their own rule.
    #[arg(long, env = "INFECTION_MIN_CHILDREN", default_value_t = 3)]
    pub infection_min_children: i64,

    /// Consecutive days a cluster must fall within, for municipalities without their own rule.
    #[arg(long, env = "INFECTION_WINDOW_DAYS", default_value_t = 3)]
    pub infection_window_days: i64,

    /// How long audit entries are kept, in days (Japanese childcare records: five years).
    #[arg(long, env = "AUDIT_RETENTION_DAYS", default_value_t = 5 * 366)]
    pub audit_retention_days: u32,

    /// How long in-flight requests may take to finish at shutdown, in seconds.
    #[arg(long, env = "SHUTDOWN_GRACE_SECONDS", default_value_t = 10)]
    pub shutdown_grace_seconds: u64,

    /// Seconds a new WebSocket has to send `connection_init` (else closed with 4408).
    #[arg(long, env = "WS_INIT_TIMEOUT_SECONDS", default_value_t = 10)]
    pub ws_init_timeout_seconds: u64,

    /// Seconds between the server's keep-alive pings on a WebSocket.
    #[arg(long, env = "WS_KEEPALIVE_SECONDS", default_value_t = 30)]
    pub ws_keepalive_seconds: u64,

    /// Seconds without a frame (not even a pong) after which a WebSocket is closed.
    #[arg(long, env = "WS_IDLE_TIMEOUT_SECONDS", default_value_t = 90)]
    pub ws_idle_timeout_seconds: u64,

    /// Operations (subscriptions, queries) running at once on one WebSocket.
    #[arg(long, env = "WS_MAX_OPERATIONS", default_value_t = 32)]
    pub ws_max_operations: usize,

    /// WebSockets one account may hold open on one replica.
    #[arg(long, env = "WS_MAX_SOCKETS_PER_USER", default_value_t = 10)]
    pub ws_max_sockets_per_user: usize,

    /// Seconds a client has to send a request's headers (also an idle keep-alive connection's
    /// limit); slow or silent clients are cut off instead of holding a connection.
    #[arg(long, env = "HTTP_HEADER_READ_TIMEOUT_SECONDS", default_value_t = 10)]
    pub http_header_read_timeout_seconds: u64,

    /// Origins allowed to call the API from a browser (CORS), comma-separated, e.g.
    /// `https://portal.city.example,http://localhost:5173`; none by default.
    #[arg(long, env = "CORS_ALLOWED_ORIGINS", value_delimiter = ',', default_value = "")]
    pub cors_allowed_origins: Vec<String>,

    /// A manifest of the app's own operations (JSON: `{hash: document}` or a list of
    /// documents); when set, the server runs only those.
    #[arg(long, env = "TRUSTED_DOCUMENTS")]
    pub trusted_documents: Option<std::path::PathBuf>,

    /// Answer introspection and suggest field names in errors; off hides the schema in production.
    #[arg(long, env = "GRAPHQL_INTROSPECTION", default_value_t = true, action = clap::ArgAction::Set)]
    pub graphql_introspection: bool,

    /// Serve GraphiQL, the in-browser IDE, at `GET /graphql`.
    #[arg(long, env = "GRAPHIQL", default_value_t = true, action = clap::ArgAction::Set)]
    pub graphiql: bool,

    /// `Strict-Transport-Security` max-age when the server is reached over https (behind a
    /// TLS-terminating proxy); 0 sends no HSTS header.
    #[arg(long, env = "HSTS_MAX_AGE_SECONDS", default_value_t = 0)]
    pub hsts_max_age_seconds: u64,

    /// How often open WebSockets' sessions are read again (logout elsewhere, expiry, grants), in ms.
    #[arg(long, env = "SESSION_REVALIDATE_MS", default_value_t = 1000)]
    pub session_revalidate_ms: u64,

    /// How often the sessions used since are written as "last used" (the account's list of
    /// sessions), in seconds: one statement per interval, none per request.
    #[arg(long, env = "SESSION_USE_FLUSH_SECONDS", default_value_t = 60)]
    pub session_use_flush_seconds: u64,

    /// How long a statement waits for a PostgreSQL connection before the database counts as
    /// unreachable (answered 503 UNAVAILABLE), in ms.
    #[arg(long, env = "DATABASE_ACQUIRE_TIMEOUT_MS", default_value_t = 1500)]
    pub database_acquire_timeout_ms: u64,

    /// Most PostgreSQL connections for reads and reports (per replica).
    #[arg(long, env = "DATABASE_POOL_SIZE", default_value_t = crate::store::PoolSizes::DEFAULT.general)]
    pub database_pool_size: u32,

    /// Most PostgreSQL connections for the hot path (group commits, the event tailer, the
    /// coalesced session and child lookups), per replica.
    #[arg(long, env = "DATABASE_KEYED_POOL_SIZE", default_value_t = crate::store::PoolSizes::DEFAULT.keyed)]
    pub database_keyed_pool_size: u32,

    /// Read-only connections to the SQLite file (writes always use one).
    #[arg(long, env = "SQLITE_READ_CONNECTIONS", default_value_t = crate::store::PoolSizes::DEFAULT.sqlite_readers)]
    pub sqlite_read_connections: u32,

    /// Where to serve Prometheus metrics (`GET /metrics`), e.g. 127.0.0.1:9100; off when unset.
    /// Keep it off the public network.
    #[arg(long, env = "METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,

    /// `text` for people, `json` (one object per line) for log collectors.
    #[arg(long, env = "LOG_FORMAT", default_value = "text", value_parser = ["text", "json"])]
    pub log_format: String,
}

impl Config {
    pub fn session_ttl(&self) -> time::Duration {
        time::Duration::hours(self.session_ttl_hours.into())
    }

    /// `None` when the watch is off on this replica.
    pub fn arrival_watch_interval(&self) -> Option<Duration> {
        (self.arrival_watch_interval_ms > 0).then(|| Duration::from_millis(self.arrival_watch_interval_ms.max(50)))
    }

    pub fn left_behind_repeat(&self) -> time::Duration {
        time::Duration::seconds(self.left_behind_repeat_seconds.clamp(1, 86_400) as i64)
    }

    pub fn nap_watch_interval(&self) -> Duration {
        Duration::from_millis(self.nap_watch_interval_ms.max(50))
    }

    pub fn ws_init_timeout(&self) -> Duration {
        Duration::from_secs(self.ws_init_timeout_seconds.max(1))
    }

    pub fn ws_keepalive(&self) -> Duration {
        Duration::from_secs(self.ws_keepalive_seconds.max(1))
    }

    pub fn ws_idle_timeout(&self) -> Duration {
        Duration::from_secs(self.ws_idle_timeout_seconds.max(self.ws_keepalive_seconds + 1))
    }

    pub fn session_use_flush_interval(&self) -> Duration {
        Duration::from_secs(self.session_use_flush_seconds.max(1))
    }

    pub fn session_revalidate_interval(&self) -> Duration {
        Duration::from_millis(self.session_revalidate_ms.max(50))
    }

    pub fn database_acquire_timeout(&self) -> Duration {
        Duration::from_millis(self.database_acquire_timeout_ms.max(100))
    }

    /// How to size and wait on the database pools.
    pub fn store_options(&self) -> crate::store::StoreOptions {
        crate::store::StoreOptions {
            acquire_timeout: self.database_acquire_timeout(),
            pools: crate::store::PoolSizes {
                general: self.database_pool_size.max(1),
                keyed: self.database_keyed_pool_size.max(1),
                sqlite_readers: self.sqlite_read_connections.max(1),
            },
        }
    }

    pub fn event_poll_interval(&self) -> Duration {
        Duration::from_millis(self.event_poll_interval_ms.max(10))
    }
}

/// A setting that must never appear in logs or in the configuration's `Debug` output (a
/// password, a private key); read it through `Deref`.
#[derive(Clone)]
pub struct Secret(String);

impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(Secret(value.to_owned()))
    }
}

impl std::ops::Deref for Secret {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(redacted)")
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    /// Passwords and private keys are parsed, usable, and never shown by `Debug`.
    #[test]
    fn secrets_are_redacted_in_debug_output() {
        let cli = super::Cli::parse_from([
            "tsunagu",
            "--bootstrap-admin-password",
            "correct horse battery",
            "--vapid-private-key",
            "private-key-material",
        ]);
        assert_eq!(
            cli.config.bootstrap_admin_password.as_deref(),
            Some("correct horse battery")
        );
        let shown = format!("{:?}", cli.config);
        assert!(
            !shown.contains("correct horse") && !shown.contains("private-key-material"),
            "{shown}"
        );
        assert!(shown.contains("redacted"), "{shown}");
    }
}
