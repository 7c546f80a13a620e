//! Evaluation (filled below).
