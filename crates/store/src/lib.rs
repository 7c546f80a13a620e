//! # newsgraph-store
//!
//! The corpus store: analysed documents (newsgraph/1) kept in one SQLite file, and the queries
//! that the `newsgraph` query commands and the HTTP API run over it.
//!
//! * [`Store::open`] creates or upgrades the schema (versioned migrations, see
//!   `src/schema.sql`), in WAL mode with foreign keys on.
//! * [`Store::open_read_only`] opens an existing store for queries only.
//! * [`Store::ingest`] stores one document in one transaction: a crash at any moment leaves
//!   every document either fully stored or absent. A [`content_hash`] makes re-ingesting
//!   identical content by the same newsgraph version a no-op; changed content (or an analysis
//!   by another newsgraph version) under the same id replaces the old analysis atomically.
//! * Queries ([`Store::events`], [`Store::quotes`], [`Store::entities`], [`Store::search`],
//!   [`Store::timeline`], [`Store::network`], [`Store::stats`], [`Store::documents`],
//!   [`Store::document_json`]) return typed, serialisable rows. Every value from the user is
//!   bound as a parameter; no SQL is built from user strings.
//!
//! Tables: `documents` (with the full JSON of each analysis), `entities`, `mentions`, `times`,
//! `quotes`, `events`, and the FTS5 indexes `documents_fts` (title, text) and `quotes_fts`.

mod ingest;
mod query;

pub use ingest::{content_hash, IngestOutcome};
pub use query::*;

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// Schema migrations: migration `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[include_str!("schema.sql")];

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file does not exist (read-only opening never creates one).
    #[error("no corpus database at {0} (create one with `newsgraph ingest --db {0} …`)")]
    NotFound(PathBuf),
    /// The file cannot be opened or created (a missing folder, a folder, no permission).
    #[error("cannot open corpus database {path}: {reason}")]
    CannotOpen { path: PathBuf, reason: String },
    /// The file exists but is not a newsgraph store.
    #[error("{path} is not a newsgraph corpus database: {reason}")]
    NotAStore { path: PathBuf, reason: String },
    /// The store was written by a newer newsgraph with a newer schema.
    #[error("{path} has store schema version {found}, this newsgraph supports up to {supported}: upgrade newsgraph")]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// A bad query parameter from the user (FTS syntax, prefix, …).
    #[error("{0}")]
    BadQuery(String),
    /// A document that cannot be stored as given (e.g. an empty id).
    #[error("document {id:?}: {reason}")]
    BadDocument { id: String, reason: String },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("JSON error: {0}")]
    Json(#[from] serde_json::Error),
}

impl StoreError {
    /// True when the error is the user's fault (a missing file, a bad parameter): the CLI
    /// exits with 2, the API answers 400.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            StoreError::NotFound(_)
                | StoreError::CannotOpen { .. }
                | StoreError::NotAStore { .. }
                | StoreError::TooNew { .. }
                | StoreError::BadQuery(_)
                | StoreError::BadDocument { .. }
        )
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A corpus store: one SQLite connection. `Store` is `Send` but not `Sync`; a server keeps one
/// per worker or behind a mutex (read-only connections are cheap to open).
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish()
    }
}

impl Store {
    /// Opens the store at `path` for reading and writing, creating the file and the schema if
    /// needed and applying pending migrations.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open(&path).map_err(|e| not_a_store(&path, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // journal_mode returns a row; the first statement also detects non-database files.
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| not_a_store(&path, e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::NotAStore {
                path,
                reason: format!("cannot use WAL mode (got {mode})"),
            });
        }
        // NORMAL is durable across process crashes in WAL mode; only a power loss may drop the
        // last transactions, never tear one.
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")?;
        let mut store = Store {
            conn,
            path,
            read_only: false,
        };
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing store for queries only. A missing file is [`StoreError::NotFound`];
    /// nothing is ever created.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if !path.is_file() {
            return Err(StoreError::NotFound(path));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(&path, flags).map_err(|e| not_a_store(&path, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let store = Store {
            conn,
            path,
            read_only: true,
        };
        let version = store.schema_version()?;
        if version == 0 {
            return Err(StoreError::NotAStore {
                path: store.path,
                reason: "no newsgraph schema".into(),
            });
        }
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: store.path,
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(store)
    }

    /// The path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection, for checks such as `PRAGMA integrity_check`.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Refreshes the query planner's statistics (`PRAGMA optimize`); cheap, run after an ingest.
    pub fn optimize(&self) -> Result<()> {
        self.conn.execute_batch("PRAGMA optimize")?;
        Ok(())
    }

    /// A handle that aborts the query running on this connection from another thread (for
    /// per-request timeouts); the interrupted call returns a database error.
    pub fn interrupt_handle(&self) -> rusqlite::InterruptHandle {
        self.conn.get_interrupt_handle()
    }

    /// The schema version of the open database (0 for an empty file).
    pub fn schema_version(&self) -> Result<i64> {
        let has_table: bool = self
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
                [],
                |r| r.get::<_, i64>(0).map(|n| n > 0),
            )
            .map_err(|e| not_a_store(&self.path, e))?;
        if !has_table {
            let tables: i64 =
                self.conn
                    .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
            if tables > 0 {
                return Err(StoreError::NotAStore {
                    path: self.path.clone(),
                    reason: "an SQLite database without a newsgraph schema".into(),
                });
            }
            return Ok(0);
        }
        Ok(self.conn.query_row(
            "SELECT coalesce(max(version), 0) FROM schema_version",
            [],
            |r| r.get(0),
        )?)
    }

    fn migrate(&mut self) -> Result<()> {
        let current = self.schema_version()?;
        if current > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found: current,
                supported: SCHEMA_VERSION,
            });
        }
        if current == SCHEMA_VERSION {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Re-check inside the write lock: another process may have migrated meanwhile.
        let has_table: i64 = tx.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
            [],
            |r| r.get(0),
        )?;
        if has_table == 0 {
            tx.execute_batch(
                "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
            )?;
        }
        let current: i64 = tx.query_row(
            "SELECT coalesce(max(version), 0) FROM schema_version",
            [],
            |r| r.get(0),
        )?;
        for (i, sql) in MIGRATIONS.iter().enumerate() {
            let version = i as i64 + 1;
            if version <= current {
                continue;
            }
            tx.execute_batch(sql)?;
            tx.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (?1, ?2)",
                rusqlite::params![version, now_utc()],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

fn not_a_store(path: &Path, e: rusqlite::Error) -> StoreError {
    match &e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            StoreError::NotAStore {
                path: path.to_path_buf(),
                reason: e.to_string(),
            }
        }
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(
                f.code,
                rusqlite::ErrorCode::CannotOpen
                    | rusqlite::ErrorCode::PermissionDenied
                    | rusqlite::ErrorCode::ReadOnly
            ) =>
        {
            let reason = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() && !p.is_dir() => {
                    format!("folder {} does not exist", p.display())
                }
                _ if path.is_dir() => "it is a folder".to_string(),
                _ => e.to_string(),
            };
            StoreError::CannotOpen {
                path: path.to_path_buf(),
                reason,
            }
        }
        _ => StoreError::Sqlite(e),
    }
}

pub(crate) fn now_utc() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
