//! # newsgraph-read
//!
//! Reads articles into newsgraph documents.
