//! Speed of the store alone, without analysis: ingests newsgraph/1 JSON Lines (the output of
//! `newsgraph analyze`) into a fresh database, twice (the second pass is the no-op re-ingest),
//! and runs a few queries.
//!
//! ```text
//! newsgraph analyze articles.jsonl > analysed.jsonl
//! cargo run --release -p newsgraph-store --example store_bench -- analysed.jsonl
//! ```

use newsgraph_core::schema::DocumentOut;
use newsgraph_store::*;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: store_bench ANALYSED.jsonl")?;
    let text = std::fs::read_to_string(&path)?;
    let docs: Vec<DocumentOut> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let hashes: Vec<String> = docs
        .iter()
        .map(|d| content_hash(&d.text, d.date.as_deref(), d.title.as_deref()))
        .collect();
    let dir = std::env::temp_dir().join(format!("newsgraph-store-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let db = dir.join("bench.db");
    let mut store = Store::open(&db)?;
    for pass in ["first ingest", "re-ingest"] {
        let t = Instant::now();
        for (d, h) in docs.iter().zip(&hashes) {
            store.ingest(d, h)?;
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{pass}: {} documents in {s:.3} s ({:.0} docs/s)",
            docs.len(),
            docs.len() as f64 / s
        );
    }
    let t = Instant::now();
    let events = store
        .events(&EventFilter {
            actor: Some("USA".into()),
            ..Default::default()
        })?
        .len();
    let hits = store.search(&SearchQuery::new("president"))?.len();
    let edges = store.network(&NetworkFilter::default())?.len();
    println!(
        "queries: {events} USA events, {hits} search hits, {edges} edges in {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    println!("stats: {}", serde_json::to_string(&store.stats()?)?);
    drop(store);
    println!(
        "database size: {} KiB",
        std::fs::metadata(&db)?.len() / 1024
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
