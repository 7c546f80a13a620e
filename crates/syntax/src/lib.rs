//! # newsgraph-syntax
//!
//! POS tagger, lemmatizer and dependency parser.
