//! The event log's read side on PostgreSQL, where transactions commit out of order: an entry
//! committed while an earlier transaction is still open is held back until that one ends, and
//! then both are read, in log order. (On SQLite one writer at a time commits in order.) Only
//! transactions that could write this database's log hold entries back: one open in another
//! database, or a read-only one in ours (a backup, a long report), delays nothing.
//!
//! Entries are awaited ("read within seconds"), while what must never happen (an entry read
//! past an open earlier transaction) is checked outright.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;
use sqlx::{Connection, PgConnection};
use tsunagu::domain::*;
use tsunagu::service::attendance_batch::record_attendances;
use tsunagu::store::Store;

use crate::helpers::*;
use crate::store_batch::{nursery, write};
use crate::world::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transactions_that_cannot_write_our_log_delay_nothing() {
    let Some(backend) = postgres_backend().await else {
        return;
    };
    let app = TestApp::start(backend.clone()).await;
    let w = World::build(&app).await;
    let mut subs = w.guardian_1.subscriptions().await.unwrap();
    subs.subscribe(ATTENDANCE_SUBSCRIPTION, json!({})).await.unwrap();

    // Another tenant of the cluster: a transaction holding a transaction id, left open in
    // another database.
    let elsewhere = TestDb::create(&backend).await;
    let mut tenant = PgConnection::connect(&elsewhere.url).await.unwrap();
    sqlx::query("BEGIN").execute(&mut tenant).await.unwrap();
    let (tenant_tx,): (i64,) = sqlx::query_as("SELECT pg_current_xact_id()::text::bigint")
        .fetch_one(&mut tenant)
        .await
        .unwrap();
    // A long report (or pg_dump) in ours: read-only, one snapshot throughout.
    let mut report = PgConnection::connect(&app.db.url).await.unwrap();
    sqlx::query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        .execute(&mut report)
        .await
        .unwrap();
    sqlx::query("SELECT count(*) FROM event_log")
        .execute(&mut report)
        .await
        .unwrap();

    for (query, field) in [(CHECK_IN, "checkIn"), (CHECK_OUT, "checkOut")] {
        let written = w.staff_a.ok(query, json!({"c": w.child_1a})).await.unwrap()[field].clone();
        assert!(
            cursor_tx(&written["cursor"]) > tenant_tx,
            "the check-in's transaction began after the other database's"
        );
        let live = subs
            .next_data(DELIVERY_WAIT)
            .await
            .unwrap()
            .expect("delivered while the other transactions are open");
        assert_eq!(live["attendanceEvents"]["id"], written["id"]);
    }
    sqlx::query("COMMIT").execute(&mut tenant).await.unwrap();
    sqlx::query("COMMIT").execute(&mut report).await.unwrap();
}

/// The transaction id in an attendance cursor (`v1:<tx>:<seq>`, base64url).
fn cursor_tx(cursor: &serde_json::Value) -> i64 {
    use base64::Engine;
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor.as_str().unwrap())
        .unwrap();
    let text = String::from_utf8(raw).unwrap();
    text.split(':').nth(1).unwrap().parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entry_committed_out_of_order_waits_for_the_earlier_transaction() {
    let Some(backend) = postgres_backend().await else {
        return;
    };
    let db = TestDb::create(&backend).await;
    let store = tsunagu::store::connect(&db.url).await.unwrap();
    let n = nursery(&store).await;
    let [haruto, yui, _] = [&n.children[0], &n.children[1], &n.children[2]];

    let first = record_attendances(&*store, vec![write(&n, haruto, AttendanceKind::CheckIn, None)]).await;
    let first = first.into_iter().next().unwrap().unwrap().value;
    let read = read_until(&store, Position::default(), 1).await;
    assert_eq!(read.last().copied(), Some(first.position));

    // A slow writer: its transaction has an id before the next check-in's and writes a log
    // entry (a copy of the first one's) that it has not committed yet.
    let mut slow = PgConnection::connect(&db.url).await.unwrap();
    sqlx::query("BEGIN").execute(&mut slow).await.unwrap();
    let (slow_tx,): (i64,) = sqlx::query_as(
        "INSERT INTO event_log (tx_id, kind, nursery_id, family_id, entity_id, payload, created_at)
         SELECT pg_current_xact_id()::text::bigint, kind, nursery_id, family_id, entity_id, payload, created_at
         FROM event_log WHERE tx_id = $1 AND seq = $2 RETURNING tx_id",
    )
    .bind(first.position.tx)
    .bind(first.position.seq)
    .fetch_one(&mut slow)
    .await
    .unwrap();

    let second = record_attendances(&*store, vec![write(&n, yui, AttendanceKind::CheckIn, None)]).await;
    let second = second.into_iter().next().unwrap().unwrap().value;
    assert!(
        second.position.tx > slow_tx,
        "the check-in's transaction began after the slow one"
    );

    // Committed, yet held back: reading it now could skip the slow writer's entry for good.
    let (read, held_back) = store.tail_log(first.position, 100).await.unwrap();
    assert!(read.is_empty(), "nothing past an open transaction: {read:?}");
    assert!(held_back, "the reader is told to come back");

    sqlx::query("COMMIT").execute(&mut slow).await.unwrap();
    let positions = read_until(&store, first.position, 2).await;
    assert_eq!(positions.len(), 2, "{positions:?}");
    assert_eq!(positions[0].tx, slow_tx, "the slow writer's entry first");
    assert_eq!(positions[1], second.position);

    // Each call reads at most `limit` entries, from where the last one stopped.
    let started = Instant::now();
    let page = loop {
        let (page, _) = store.tail_log(first.position, 1).await.unwrap();
        if !page.is_empty() || started.elapsed() > Duration::from_secs(10) {
            break page;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(page.iter().map(|e| e.position).collect::<Vec<_>>(), positions[..1]);
}

/// The positions read after `after`, once there are `count` of them (or after ten seconds).
async fn read_until(store: &Arc<dyn Store>, after: Position, count: usize) -> Vec<Position> {
    let started = Instant::now();
    loop {
        let (read, _) = store.tail_log(after, 100).await.unwrap();
        if read.len() >= count || started.elapsed() > Duration::from_secs(10) {
            return read.iter().map(|e| e.position).collect();
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
