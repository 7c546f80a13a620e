//! Every pattern's example sentence must code as the pattern declares.

use newsgraph_core::{Component, Document};
use newsgraph_events::{builtin_patterns, EventCoder};

fn analyze(text: &str) -> Document {
    let mut doc = Document::new("t", text, chrono::NaiveDate::from_ymd_opt(2024, 3, 1));
    EventCoder::new().process(&mut doc);
    doc
}

#[test]
fn examples_code_as_declared() {
    let pats = builtin_patterns();
    let mut fails = Vec::new();
    for p in &pats {
        assert!(!p.example.is_empty(), "{} has no example", p.id);
        let doc = analyze(&p.example);
        let ok = doc.events.iter().any(|e| e.cameo == p.code && e.rule == p.id);
        if !ok {
            let got: Vec<String> = doc.events.iter().map(|e| format!("{}:{}", e.rule, e.cameo)).collect();
            fails.push(format!("{} ({}) {:?} -> {:?}", p.id, p.code, p.example, got));
        }
    }
    let rate = 1.0 - fails.len() as f64 / pats.len() as f64;
    eprintln!("{} patterns, {} failing (pass rate {:.3})", pats.len(), fails.len(), rate);
    for f in &fails {
        eprintln!("FAIL {f}");
    }
    assert!(rate >= 0.9, "pass rate {rate:.3} below 0.9");
}
