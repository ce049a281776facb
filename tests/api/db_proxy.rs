//! A TCP relay between the server and PostgreSQL that a test can cut and restore: the
//! database "goes away" (every connection through it drops, new ones are refused) and "comes
//! back", without touching the shared PostgreSQL server itself.

use std::sync::{Arc, Mutex};

use tokio::net::{TcpSocket, TcpStream};
use tokio::task::AbortHandle;

pub struct DbProxy {
    port: u16,
    target: String,
    /// The accept loop and every relayed connection, while open.
    tasks: Arc<Mutex<Vec<AbortHandle>>>,
}

impl DbProxy {
    /// A relay to the PostgreSQL server of `db_url`, on a free port, closed for now.
    pub async fn new(db_url: &str) -> DbProxy {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = probe.local_addr().unwrap().port();
        drop(probe);
        DbProxy {
            port,
            target: authority(db_url).to_owned(),
            tasks: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// `db_url` with its host and port replaced by the relay's.
    pub fn url(&self, db_url: &str) -> String {
        db_url.replacen(authority(db_url), &format!("127.0.0.1:{}", self.port), 1)
    }

    /// Accepts connections and relays them to the database.
    pub async fn open(&self) {
        let socket = TcpSocket::new_v4().unwrap();
        socket.set_reuseaddr(true).unwrap();
        socket.bind(([127, 0, 0, 1], self.port).into()).unwrap();
        let listener = socket.listen(128).unwrap();
        let (target, tasks) = (self.target.clone(), self.tasks.clone());
        let accepting = tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                let target = target.clone();
                let relay = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(&target).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                tasks.lock().unwrap().push(relay.abort_handle());
            }
        });
        self.tasks.lock().unwrap().push(accepting.abort_handle());
    }

    /// Drops every relayed connection and refuses new ones.
    pub fn cut(&self) {
        for task in self.tasks.lock().unwrap().drain(..) {
            task.abort();
        }
    }
}

impl Drop for DbProxy {
    fn drop(&mut self) {
        self.cut();
    }
}

/// `host:port` of a `postgres://user@host:port/db` URL.
fn authority(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.split_once('@').map_or(rest, |(_, rest)| rest);
    rest.split(['/', '?']).next().unwrap_or(rest)
}
