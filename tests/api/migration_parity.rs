//! The two migration folders describe one schema: this migrates a fresh SQLite file and a fresh
//! PostgreSQL database the way the server does (`store::connect`) and compares what they hold —
//! tables, columns (type mapped, nullability, default), foreign keys and indexes — failing on
//! any drift, so a migration written for one backend cannot forget the other.

use std::collections::BTreeSet;

use sqlx::{Connection, PgConnection, SqliteConnection};

use crate::helpers::*;

/// One fact about the schema, in a form both backends can be brought to.
type Facts = BTreeSet<String>;

/// The SQLite declared type a PostgreSQL type is stored as.
fn sqlite_type_of(postgres: &str) -> &'static str {
    match postgres {
        "uuid" | "text" | "timestamp with time zone" | "date" => "TEXT",
        "bigint" | "integer" => "INTEGER",
        "double precision" => "REAL",
        "boolean" => "BOOLEAN",
        other => panic!("no SQLite type mapped for PostgreSQL's {other}"),
    }
}

/// A PostgreSQL default without its cast (`'ja-JP'::text` is `'ja-JP'`).
fn plain_default(default: &str) -> String {
    match default.split_once("::") {
        Some((value, _cast)) => value.to_owned(),
        None => default.to_owned(),
    }
}

fn on_delete_of(code: &str) -> &'static str {
    match code {
        "a" => "NO ACTION",
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        other => panic!("unknown foreign key action {other}"),
    }
}

async fn sqlite_facts(url: &str) -> Facts {
    let mut conn = SqliteConnection::connect(url).await.expect("open the SQLite file");
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table'
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let mut facts = Facts::new();
    for table in &tables {
        facts.insert(format!("table {table}"));
        let columns: Vec<(String, String, bool, Option<String>, i64)> =
            sqlx::query_as("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)")
                .bind(table)
                .fetch_all(&mut conn)
                .await
                .unwrap();
        for (name, declared, not_null, default, pk) in columns {
            // Key columns are NOT NULL on PostgreSQL by definition; SQLite only says so for
            // INTEGER keys, and the code never writes a null key.
            let nullable = !(not_null || pk > 0);
            let default = default.unwrap_or_default();
            facts.insert(format!(
                "column {table}.{name} {declared} nullable={nullable} default={default}"
            ));
        }
        let keys: Vec<(i64, String, String, String, String)> = sqlx::query_as(
            "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq",
        )
        .bind(table)
        .fetch_all(&mut conn)
        .await
        .unwrap();
        for (_, target, from, to, on_delete) in keys {
            facts.insert(format!(
                "foreign key {table}.{from} -> {target}.{to} on delete {on_delete}"
            ));
        }
        let indexes: Vec<(String, bool, bool)> =
            sqlx::query_as("SELECT name, \"unique\", partial FROM pragma_index_list(?)")
                .bind(table)
                .fetch_all(&mut conn)
                .await
                .unwrap();
        for (index, unique, partial) in indexes {
            let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_index_info(?) ORDER BY seqno")
                .bind(&index)
                .fetch_all(&mut conn)
                .await
                .unwrap();
            facts.insert(format!(
                "index on {table} ({}) unique={unique} partial={partial}",
                columns.join(", ")
            ));
        }
        // SQLite keeps an INTEGER PRIMARY KEY as the rowid, with no index to list; PostgreSQL
        // indexes every key.
        let rowid_key: Option<String> = sqlx::query_scalar(
            "SELECT name FROM pragma_table_info(?) WHERE pk = 1 AND upper(type) = 'INTEGER'
             AND (SELECT count(*) FROM pragma_table_info(?) WHERE pk > 0) = 1",
        )
        .bind(table)
        .bind(table)
        .fetch_optional(&mut conn)
        .await
        .unwrap();
        if let Some(column) = rowid_key {
            facts.insert(format!("index on {table} ({column}) unique=true partial=false"));
        }
    }
    let _ = conn.close().await;
    facts
}

async fn postgres_facts(url: &str) -> Facts {
    let mut conn = PgConnection::connect(url).await.expect("connect to the test database");
    let mut facts = Facts::new();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    for table in &tables {
        facts.insert(format!("table {table}"));
    }
    let columns: Vec<(String, String, String, String, Option<String>, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text, column_default::text,
                is_identity::text
         FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    for (table, name, data_type, nullable, default, identity) in columns {
        let nullable = nullable == "YES";
        // An identity column is SQLite's INTEGER PRIMARY KEY AUTOINCREMENT: no default there.
        let default = match (identity.as_str(), default) {
            ("YES", _) | (_, None) => String::new(),
            (_, Some(default)) => plain_default(&default),
        };
        let declared = sqlite_type_of(&data_type);
        facts.insert(format!(
            "column {table}.{name} {declared} nullable={nullable} default={default}"
        ));
    }
    let keys: Vec<(String, Vec<String>, String, Vec<String>, String)> = sqlx::query_as(
        "SELECT c.conrelid::regclass::text,
                array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i),
                c.confrelid::regclass::text,
                array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                      JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i),
                c.confdeltype::text
         FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace
         WHERE c.contype = 'f' AND s.nspname = 'public'",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    for (table, from, target, to, on_delete) in keys {
        for (from, to) in from.iter().zip(&to) {
            facts.insert(format!(
                "foreign key {table}.{from} -> {target}.{to} on delete {}",
                on_delete_of(&on_delete)
            ));
        }
    }
    let indexes: Vec<(String, Vec<String>, bool, bool)> = sqlx::query_as(
        "SELECT t.relname::text,
                array(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(n, o)
                      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o),
                i.indisunique, i.indpred IS NOT NULL
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace s ON s.oid = t.relnamespace
         WHERE s.nspname = 'public' AND t.relname <> '_sqlx_migrations'",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    for (table, columns, unique, partial) in indexes {
        facts.insert(format!(
            "index on {table} ({}) unique={unique} partial={partial}",
            columns.join(", ")
        ));
    }
    let _ = conn.close().await;
    facts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_backends_migrate_to_the_same_schema() {
    let Some(postgres) = postgres_backend().await else {
        return;
    };
    let sqlite_db = TestDb::create(&Backend::Sqlite).await;
    let postgres_db = TestDb::create(&postgres).await;
    tsunagu::store::connect(&sqlite_db.url).await.expect("migrate SQLite");
    tsunagu::store::connect(&postgres_db.url)
        .await
        .expect("migrate PostgreSQL");

    let sqlite = sqlite_facts(&sqlite_db.url).await;
    let postgres = postgres_facts(&postgres_db.url).await;
    assert!(
        sqlite.iter().any(|fact| fact.starts_with("table children")),
        "{sqlite:#?}"
    );

    let only_sqlite: Vec<_> = sqlite.difference(&postgres).collect();
    let only_postgres: Vec<_> = postgres.difference(&sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "the migrations have drifted apart\nonly on SQLite: {only_sqlite:#?}\nonly on PostgreSQL: {only_postgres:#?}"
    );
}
