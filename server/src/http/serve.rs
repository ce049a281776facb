//! The accept loop: HTTP/1.1 and HTTP/2 connections served by hyper with a deadline for a
//! request's headers (a client that opens a connection and sends nothing, or trickles its
//! headers, is cut off instead of holding a file descriptor for ever), and a graceful stop
//! that lets requests in flight finish. The process's open-file limit is raised at start,
//! since every phone's WebSocket holds a descriptor.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tower::Service;

/// Open files below which a warning is logged: a few thousand phones' sockets.
const OPEN_FILES_WANTED: u64 = 16_384;

/// Serves `app` on `listener` until `stop` resolves, then waits up to `grace` for the
/// connections' requests to finish.
pub(super) async fn serve_connections(
    listener: TcpListener,
    app: Router,
    header_read_timeout: Duration,
    stop: impl Future<Output = ()>,
    grace: Duration,
) {
    let mut make_service = app.into_make_service_with_connect_info::<SocketAddr>();
    let graceful = GracefulShutdown::new();
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(header_read_timeout);
    builder.http2().timer(TokioTimer::new());
    tokio::pin!(stop);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of descriptors, say: wait for some to be released instead of spinning.
                    tracing::warn!(error = %error, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let tower_service = make_service.call(peer).await.unwrap_or_else(|never| match never {});
        let hyper_service = hyper::service::service_fn(move |request: Request<Incoming>| {
            let mut tower_service = tower_service.clone();
            async move { Ok::<_, Infallible>(tower_service.call(request).await.unwrap_or_else(|e| match e {})) }
        });
        let connection = builder
            .serve_connection_with_upgrades(TokioIo::new(stream), hyper_service)
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // Ends with the peer, a timeout or a protocol error: nothing to do but let it go.
            let _ = connection.await;
        });
    }
    drop(listener);
    if tokio::time::timeout(grace, graceful.shutdown()).await.is_err() {
        tracing::warn!("requests still running after the grace period");
    }
}

/// Raises the soft limit on open files to the hard limit, and warns when even that is low.
pub fn raise_open_file_limit() {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit/setrlimit only read and write the struct passed in.
        let current = unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
                return;
            }
            if limit.rlim_cur < limit.rlim_max {
                let raised = libc::rlimit {
                    rlim_cur: limit.rlim_max,
                    rlim_max: limit.rlim_max,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                    limit = raised;
                }
            }
            limit.rlim_cur
        };
        let current = u64::try_from(current).unwrap_or(u64::MAX);
        if current < OPEN_FILES_WANTED {
            tracing::warn!(
                open_files = current,
                wanted = OPEN_FILES_WANTED,
                "the open-file limit is low: each WebSocket holds one; raise it (ulimit -n, LimitNOFILE)"
            );
        } else {
            tracing::info!(open_files = current, "open-file limit");
        }
    }
}
