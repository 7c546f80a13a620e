//! # newsgraph-text
//!
//! Tokenizer, sentence splitter, tagger, lemmatizer and parser.
