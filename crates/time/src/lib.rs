//! # newsgraph-time
//!
//! Temporal expressions.
