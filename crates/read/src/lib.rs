//! # newsgraph-read
//!
//! Reads articles into newsgraph documents.

/// An error reading input, naming the file (and line or byte offset).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ReadError(pub String);
