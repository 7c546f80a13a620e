//! # newsgraph-events
//!
//! Event coding.
