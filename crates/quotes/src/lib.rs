//! # newsgraph-quotes
//!
//! Quotes and their speakers.
