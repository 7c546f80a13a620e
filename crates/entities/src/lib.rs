//! # newsgraph-entities
//!
//! Named entities and actor codes.
