//! The listener: accepts connections and serves the router on each, within the limits that
//! keep one client from holding the server (`limits::MAX_CONNECTIONS`, the header-read
//! timeout), and stops gracefully, within [`SHUTDOWN_GRACE`], on the shutdown signal.
//!
//! `axum::serve` exposes none of these settings: a connection that sent half a request line
//! and waited was kept forever, 300 of them exhausted the file descriptors, and one of them kept
//! SIGTERM from ever finishing. This is axum's `serve-with-hyper` example with hyper's own
//! settings switched on, nothing hand-written but the loop.
//!
//! HTTP/1.1 only: its header-read timeout is the one that starts as soon as a connection waits
//! for a request, so it bounds a slow request head and an idle keep-alive connection alike
//! (hyper's HTTP/2 has no such timer). A reverse proxy in front may speak HTTP/2 to browsers.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper::Request;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use thb_engine::limits::{MAX_CONNECTIONS, MAX_HEADERS, SHUTDOWN_GRACE};

/// How the listener treats its connections.
#[derive(Debug, Clone, Copy)]
pub struct ServeOptions {
    /// How long a client has to send a request's head, counted from when the connection starts
    /// waiting for one (so an idle keep-alive connection is closed after it too).
    pub header_read_timeout: Duration,
    /// Most connections served at once.
    pub max_connections: usize,
    /// Longest wait for requests in flight after the shutdown signal.
    pub shutdown_grace: Duration,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            header_read_timeout: thb_engine::limits::HEADER_READ_TIMEOUT,
            max_connections: MAX_CONNECTIONS,
            shutdown_grace: SHUTDOWN_GRACE,
        }
    }
}

/// Serves `router` on `listener` until `shutdown` completes, then waits at most
/// `options.shutdown_grace` for the requests in flight. True when they all finished in time.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    options: ServeOptions,
    shutdown: impl Future<Output = ()>,
) -> bool {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(options.header_read_timeout)
        // hyper answers more headers than this itself, with a bare 431; up to it, the request
        // reaches `app::check_request_head`, which answers in the API's JSON error shape.
        .max_headers(MAX_HEADERS * 4);
    let permits = Arc::new(Semaphore::new(options.max_connections));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        // At the cap, wait for a connection to close before accepting: new clients wait in
        // the kernel's backlog instead of the process running out of file descriptors.
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // EMFILE and the like pass; back off instead of spinning on them.
                    tracing::warn!("accept error: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = hyper::service::service_fn({
            let router = router.clone();
            move |request: Request<Incoming>| router.clone().oneshot(request)
        });
        let connection = http.serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that goes away mid-request is its own business, not the server's.
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => true,
        () = tokio::time::sleep(options.shutdown_grace) => {
            tracing::warn!(
                "requests still in flight {} s after the shutdown signal; stopping anyway",
                options.shutdown_grace.as_secs()
            );
            false
        }
    }
}
