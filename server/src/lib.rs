//! Tsunagu (つなぐ): keeps Japanese nurseries (保育所) and families in sync.
//!
//! Layers, outside in: `http` (transport) → `graphql` (the API schema) → `service` (what each
//! operation does, with `policy` deciding who may) → `store` (all SQL, SQLite or PostgreSQL).
//! `events` carries committed changes to live subscribers.

pub mod audit;
pub mod auth;
pub mod clock;
pub mod coalesce;
pub mod config;
pub mod domain;
pub mod error;
pub mod events;
pub mod graphql;
pub mod health;
pub mod http;
pub mod metrics;
pub mod policy;
pub mod seed;
pub mod service;
pub mod store;
