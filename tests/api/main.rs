//! Black-box acceptance tests: each starts the real `tsunagu` binary on port 0 against a fresh
//! database and talks to it over HTTP and WebSocket, as the apps do. Every scenario runs on
//! SQLite and on PostgreSQL (skipped, and said so, when no PostgreSQL is reachable, unless
//! REQUIRE_POSTGRES=1).

mod absence_updates;
mod audit;
mod helpers;
mod hostile_input;
mod http_surface;
mod journals;
mod world;

mod account_access;
mod account_codes;
mod account_mail;
mod arrival_checks;
mod authorization;
mod authorization_accounts;
mod authorization_pickup;
mod authorization_safety;
mod bad_input;
mod care;
mod care_records;
mod coalesced_reads;
mod concurrency;
mod corrections;
mod csv_export;
mod db_proxy;
mod fault_delivery;
mod graphql_over_http;
mod group_commit;
mod lifecycle;
mod live;
mod log_horizon;
mod login_throttle;
mod migration_parity;
mod nap_days;
mod operations;
mod oversight;
mod oversight_figures;
mod pickup;
mod push;
mod push_service;
mod push_ssrf;
mod roster_import;
mod roster_year;
mod scale_out;
mod schema;
mod small_counts;
mod socket_rush;
mod sockets;
mod store_batch;
mod story;
mod visibility;
mod web_app;
