//! Segmentation speed on a JSON Lines corpus (`text` field), single thread:
//! `cargo run --release -p newsgraph-text --example bench_segment -- ../shared/corpora/wikinews/articles.jsonl`.

use newsgraph_core::{Component, Document};
use newsgraph_text::Segmenter;
use std::time::Instant;

/// CPU seconds of this thread (the machine may be shared: wall time can mislead).
fn cpu_seconds() -> f64 {
    let s = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let after = s.rsplit_once(')').map(|x| x.1).unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = f.get(11).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0)
        + f.get(12).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    ticks / 100.0
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: bench_segment FILE.jsonl");
    let src = std::fs::read_to_string(&path).expect("read");
    let texts: Vec<String> = src
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(String::from))
        .collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let seg = Segmenter::new();
    // warm-up (model load)
    let mut d = Document::new("w", "Warm up.", None);
    seg.process(&mut d);
    let rounds = 30;
    let (mut ntok, mut nsent) = (0usize, 0usize);
    let t0 = Instant::now();
    let c0 = cpu_seconds();
    for _ in 0..rounds {
        for t in &texts {
            let mut doc = Document::new("b", t.as_str(), None);
            seg.process(&mut doc);
            ntok += doc.tokens.len();
            nsent += doc.sentences.len();
        }
    }
    let s = t0.elapsed().as_secs_f64();
    let cs = cpu_seconds() - c0;
    let c1 = cpu_seconds();
    let tw = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for t in &texts {
            n += newsgraph_text::tokenize(t).len();
        }
    }
    let st = tw.elapsed().as_secs_f64();
    let cst = cpu_seconds() - c1;
    println!(
        "CPU time: segment {:.2} s = {:.0} words/s; tokenize only {:.2} s = {:.0} words/s",
        cs,
        (words * rounds) as f64 / cs,
        cst,
        (words * rounds) as f64 / cst
    );
    println!(
        "{} docs, {} words x{rounds}: segment {:.3} s = {:.0} words/s, {:.0} tokens/s ({} sentences); tokenize only {:.0} words/s ({} tokens)",
        texts.len(),
        words,
        s,
        (words * rounds) as f64 / s,
        ntok as f64 / s,
        nsent / rounds,
        (words * rounds) as f64 / st,
        n / rounds
    );
}
