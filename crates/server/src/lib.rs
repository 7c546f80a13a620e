//! # newsgraph-server
//!
//! `newsgraph serve`: a JSON API for programs and a web page for people, over one corpus
//! store (see `newsgraph-store`), from the one binary and offline.
//!
//! * The API (`/api/…`, described by the OpenAPI 3 document at `/api/openapi.json`, kept in
//!   `assets/openapi.json`) answers queries with read-only SQLite connections, one per
//!   request from a small pool, inside `spawn_blocking`; every filter is bound as a parameter
//!   by the store's typed queries. `POST /api/analyze` runs the analysis pipeline on a posted
//!   text and returns its newsgraph/1 analysis without storing it.
//! * Lists are paginated with `limit` (default [`DEFAULT_LIMIT`], capped at [`MAX_LIMIT`])
//!   and `offset`.
//! * Every error is JSON: `{"error":{"status":400,"message":"…"}}` (400 bad parameter, 404
//!   unknown id or route, 405 wrong method, 413 body over [`BODY_LIMIT`], 422 bad date in
//!   an analysis request, 500 internal, 503 request timeout).
//! * The web page (`/`, with `/assets/app.js` and `/assets/app.css`) is plain HTML, CSS and
//!   JavaScript embedded in the binary: no CDN, works offline.

mod api;
mod error;

pub use error::ApiError;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use newsgraph_pipeline::Pipeline;
use newsgraph_store::{Store, StoreError};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// Largest accepted request body (2 MB).
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;
/// Rows per page when `limit` is not given.
pub const DEFAULT_LIMIT: u32 = 50;
/// Largest `limit` honoured; larger values are lowered to it.
pub const MAX_LIMIT: u32 = 500;
/// Largest number of network edges returned.
pub const MAX_EDGES: u32 = 1000;

/// How to run the server.
#[derive(Debug, Clone)]
pub struct Config {
    /// The corpus database (made by `newsgraph ingest`); opened read-only.
    pub db: PathBuf,
    /// Each request is answered within this time, or gets a 503.
    pub request_timeout: Duration,
}

impl Config {
    pub fn new(db: impl Into<PathBuf>) -> Self {
        Config {
            db: db.into(),
            request_timeout: Duration::from_secs(30),
        }
    }
}

/// Idle read-only connections, reused across requests.
pub(crate) struct Pool {
    db: PathBuf,
    idle: Mutex<Vec<Store>>,
}

impl Pool {
    const MAX_IDLE: usize = 8;

    fn take(&self) -> Result<Store, StoreError> {
        if let Some(s) = self.idle.lock().ok().and_then(|mut v| v.pop()) {
            return Ok(s);
        }
        Store::open_read_only(&self.db)
    }

    fn put(&self, store: Store) {
        if let Ok(mut v) = self.idle.lock() {
            if v.len() < Self::MAX_IDLE {
                v.push(store);
            }
        }
    }
}

/// Shared state of the handlers.
#[derive(Clone)]
pub(crate) struct AppState {
    pool: Arc<Pool>,
    pipeline: Arc<OnceLock<Pipeline>>,
}

impl AppState {
    /// Runs `f` with a read-only store connection on the blocking thread pool.
    pub(crate) async fn with_store<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let store = pool.take().map_err(ApiError::from)?;
            let out = f(&store);
            pool.put(store);
            out
        })
        .await
        .map_err(|e| ApiError::internal(format!("query task failed: {e}")))?
    }

    /// The analysis pipeline, built on first use (and warmed up at start).
    pub(crate) fn pipeline(&self) -> &Pipeline {
        self.pipeline.get_or_init(Pipeline::new)
    }
}

/// The application: API, web page and error handling. Fails when the store cannot be
/// opened read-only (missing file, not a newsgraph store, too new).
pub fn app(config: &Config) -> Result<Router, StoreError> {
    // Open once now so that a bad --db fails at start, not on the first request.
    let first = Store::open_read_only(&config.db)?;
    let pool = Arc::new(Pool {
        db: config.db.clone(),
        idle: Mutex::new(vec![first]),
    });
    let pipeline: Arc<OnceLock<Pipeline>> = Arc::new(OnceLock::new());
    {
        // Build the pipeline (embedded models) in the background so that the first
        // analysis does not pay for it.
        let p = pipeline.clone();
        std::thread::spawn(move || {
            p.get_or_init(Pipeline::new);
        });
    }
    let state = AppState { pool, pipeline };
    let timeout = config.request_timeout;
    let api = Router::new()
        .route("/documents", get(api::documents))
        .route("/documents/{*id}", get(api::document))
        .route("/events", get(api::events))
        .route("/quotes", get(api::quotes))
        .route("/entities", get(api::entities))
        .route("/search", get(api::search))
        .route("/timeline", get(api::timeline))
        .route("/network", get(api::network))
        .route("/stats", get(api::stats))
        .route("/analyze", post(api::analyze))
        .route("/openapi.json", get(openapi));
    Ok(Router::new()
        .route("/", get(index))
        .route("/index.html", get(index))
        .route("/assets/app.js", get(app_js))
        .route("/assets/app.css", get(app_css))
        .nest("/api", api)
        .fallback(not_found)
        .with_state(state)
        .layer(axum::middleware::map_response(error::jsonify))
        .layer(axum::middleware::from_fn(
            move |req, next: axum::middleware::Next| async move {
                match tokio::time::timeout(timeout, next.run(req)).await {
                    Ok(res) => res,
                    Err(_) => ApiError::new(
                        StatusCode::SERVICE_UNAVAILABLE,
                        format!("the request took longer than {} s", timeout.as_secs_f64()),
                    )
                    .into_response(),
                }
            },
        ))
        .layer(axum::middleware::map_response(security_headers)))
}

async fn security_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        ),
    );
    res
}

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");
const OPENAPI_JSON: &str = include_str!("../assets/openapi.json");

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

async fn index() -> Response {
    asset("text/html; charset=utf-8", INDEX_HTML)
}
async fn app_js() -> Response {
    asset("text/javascript; charset=utf-8", APP_JS)
}
async fn app_css() -> Response {
    asset("text/css; charset=utf-8", APP_CSS)
}
async fn openapi() -> Response {
    asset("application/json", OPENAPI_JSON)
}

async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!("no such route: {}", uri.path()),
    )
}

/// Serves `app` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

/// Builds a runtime, binds `addr` and serves until Ctrl-C. `on_bound` is told the bound
/// address (to print it). Errors: the store cannot be opened, or the address cannot be bound.
pub fn run(
    config: &Config,
    addr: SocketAddr,
    on_bound: impl FnOnce(SocketAddr),
) -> Result<(), RunError> {
    let app = app(config).map_err(RunError::Store)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(RunError::Io)?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| RunError::Bind(addr, e))?;
        on_bound(listener.local_addr().map_err(RunError::Io)?);
        serve(listener, app, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(RunError::Io)
    })
}

/// Why [`run`] stopped.
#[derive(Debug)]
pub enum RunError {
    Store(StoreError),
    Bind(SocketAddr, std::io::Error),
    Io(std::io::Error),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Store(e) => write!(f, "{e}"),
            RunError::Bind(a, e) => write!(f, "cannot listen on {a}: {e}"),
            RunError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for RunError {}

impl RunError {
    /// True when the user can fix it (bad --db, address in use or not allowed).
    pub fn is_user_error(&self) -> bool {
        match self {
            RunError::Store(e) => e.is_user_error(),
            RunError::Bind(..) => true,
            RunError::Io(_) => false,
        }
    }
}

/// A server running on its own thread (for tests and embedding); stops when dropped.
pub struct Background {
    addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Background {
    /// Starts serving `config` on `addr` (port 0 picks a free port).
    pub fn start(config: &Config, addr: SocketAddr) -> Result<Background, RunError> {
        let app = app(config).map_err(RunError::Store)?;
        let std_listener =
            std::net::TcpListener::bind(addr).map_err(|e| RunError::Bind(addr, e))?;
        std_listener.set_nonblocking(true).map_err(RunError::Io)?;
        let addr = std_listener.local_addr().map_err(RunError::Io)?;
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(RunError::Io)?;
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            rt.block_on(async move {
                let listener = match tokio::net::TcpListener::from_std(std_listener) {
                    Ok(l) => l,
                    Err(e) => {
                        eprintln!("newsgraph-server: {e}");
                        return;
                    }
                };
                let _ = serve(listener, app, async {
                    let _ = rx.await;
                })
                .await;
            });
        });
        Ok(Background {
            addr,
            shutdown: Some(tx),
            thread: Some(thread),
        })
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        // Not joined: graceful shutdown waits for open keep-alive connections, and a
        // dropped server must not hang its owner.
        drop(self.thread.take());
    }
}
