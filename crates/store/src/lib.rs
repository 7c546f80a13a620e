//! # newsgraph-store
//!
//! The corpus store.
