//! Live delivery through database faults: the server's connections are terminated again and
//! again while a tablet checks a child in and out; the guardian's phone receives every event
//! whole (never with a field missing), exactly once and in order, resuming from its last
//! cursor whenever the server ends its subscription or its socket.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};
use sqlx::{Connection, PgConnection};
use tsunagu_client::{Client, Incoming, Subscriptions};

use crate::helpers::*;
use crate::world::*;

const WRITES: usize = 24;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_event_arrives_whole_through_terminated_connections() {
    let Some(backend) = postgres_backend().await else {
        return;
    };
    let Backend::Postgres { admin_url } = &backend else {
        unreachable!()
    };
    let app = TestApp::start(backend.clone()).await;
    let w = World::build(&app).await;
    let database = app.db.url.rsplit('/').next().unwrap().to_owned();

    let mut phone = Phone::connect(&w.guardian_1).await;

    let stop = Arc::new(AtomicBool::new(false));
    let mut terminator = None;
    // The tablet: each write retried with its idempotency key until it is answered.
    let mut written = Vec::new();
    for n in 0..WRITES {
        let (query, field) = if n % 2 == 0 {
            (CHECK_IN, "checkIn")
        } else {
            (CHECK_OUT, "checkOut")
        };
        let key = format!("fault-{n}");
        let event = loop {
            let answer = w.staff_a.gql(query, json!({"c": w.child_1a, "k": key})).await.unwrap();
            if answer.errors.is_empty() {
                break answer.data[field].clone();
            }
            assert_eq!(answer.code(), Some("UNAVAILABLE"), "{:?}", answer.errors);
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        written.push(event["id"].as_str().unwrap().to_owned());
        // The phone reads along, so deliveries and terminations interleave.
        phone.receive_until(written.len(), &w.guardian_1).await;
        if n == 0 {
            // From here on the phone has a cursor to resume from.
            terminator = Some(start_terminating(admin_url.clone(), database.clone(), stop.clone()));
        }
    }
    stop.store(true, Ordering::Release);
    let rounds = terminator.unwrap().await.unwrap();
    assert!(
        rounds > WRITES,
        "connections were terminated throughout ({rounds} rounds)"
    );
    assert_eq!(phone.received, written, "every event once, in order");
    eprintln!(
        "{rounds} rounds of terminations; the phone resumed {} times",
        phone.resumed
    );
}

/// Terminates every connection to `database`, over and over, until `stop`; returns the rounds.
fn start_terminating(admin_url: String, database: String, stop: Arc<AtomicBool>) -> tokio::task::JoinHandle<usize> {
    tokio::spawn(async move {
        let mut admin = PgConnection::connect(&admin_url).await.unwrap();
        let mut rounds = 0;
        while !stop.load(Ordering::Acquire) {
            sqlx::query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                 WHERE datname = $1 AND pid <> pg_backend_pid()",
            )
            .bind(&database)
            .execute(&mut admin)
            .await
            .unwrap();
            rounds += 1;
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
        rounds
    })
}

/// The guardian's phone: one attendance subscription, resumed from its last cursor.
struct Phone {
    socket: Option<Subscriptions>,
    operation: String,
    cursor: Option<Value>,
    received: Vec<String>,
    resumed: usize,
}

impl Phone {
    async fn connect(guardian: &Client) -> Phone {
        let mut phone = Phone {
            socket: None,
            operation: String::new(),
            cursor: None,
            received: Vec::new(),
            resumed: 0,
        };
        phone.resubscribe(guardian).await;
        phone.resumed = 0;
        phone
    }

    /// Subscribes again after the last cursor received, on a new socket if the old one closed.
    async fn resubscribe(&mut self, guardian: &Client) {
        self.resumed += 1;
        loop {
            if self.socket.is_none() {
                match guardian.subscriptions().await {
                    Ok(socket) => self.socket = Some(socket),
                    Err(_) => {
                        // Refused while the database was away (1011): try again.
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                }
            }
            let socket = self.socket.as_mut().unwrap();
            let variables = json!({"after": self.cursor.clone()});
            match socket.subscribe(ATTENDANCE_SUBSCRIPTION, variables).await {
                Ok(id) => {
                    self.operation = id;
                    return;
                }
                Err(_) => self.socket = None,
            }
        }
    }

    /// Reads until `count` events have arrived; every one must be whole.
    async fn receive_until(&mut self, count: usize, guardian: &Client) {
        while self.received.len() < count {
            let socket = self.socket.as_mut().unwrap();
            let incoming = socket.next(DELIVERY_WAIT).await;
            match incoming {
                Ok(Some(Incoming::Next { id, payload })) if id == self.operation => {
                    assert!(payload.get("errors").is_none(), "an event with errors: {payload}");
                    let event = &payload["data"]["attendanceEvents"];
                    assert!(
                        event["child"]["id"].is_string(),
                        "an event without its child: {payload}"
                    );
                    self.received.push(event["id"].as_str().unwrap().to_owned());
                    self.cursor = Some(event["cursor"].clone());
                }
                // The server ended the subscription (an event it could not answer whole, or a
                // refused start while the database was away): resume from the last cursor.
                Ok(Some(Incoming::Error { id, .. } | Incoming::Complete { id })) if id == self.operation => {
                    self.resubscribe(guardian).await
                }
                Ok(Some(Incoming::Closed { .. })) | Err(_) => {
                    self.socket = None;
                    self.resubscribe(guardian).await;
                }
                Ok(Some(_)) => {}
                Ok(None) => panic!("nothing arrived; received {:?}", self.received),
            }
        }
    }
}
