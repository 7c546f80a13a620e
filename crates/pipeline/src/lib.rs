//! # newsgraph-pipeline
//!
//! The analysis pipeline.
