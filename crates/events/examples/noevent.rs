//! Diagnostics over a JSON Lines sentence file: for each sentence without an event, the
//! triggers that matched (pattern ids), so that source/target gaps can be told from
//! dictionary gaps. `cargo run -p newsgraph-events --example noevent -- FILE`
#[path = "../tests/common/mod.rs"]
mod common;
use newsgraph_core::{Component, Document};
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).expect("readable file");
    let recs = newsgraph_events::eval::read_cameo_jsonl(&text).expect("JSON Lines");
    let coder = newsgraph_events::EventCoder::new();
    for r in &recs {
        let mut doc = Document::new("s", r.text.clone(), None);
        common::upstream(&mut doc);
        coder.process(&mut doc);
        if doc.events.is_empty() {
            let t: Vec<String> = coder.triggers(&doc).into_iter().map(|(_, id)| id).collect();
            println!("{}\t{:?}", r.id, t);
        }
    }
}
