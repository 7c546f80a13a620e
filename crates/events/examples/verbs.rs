//! Frequent verbs with a coded-entity subject that no pattern codes, over a JSON Lines
//! corpus of articles (for growing the dictionary from unlabelled news).
#[path = "../tests/common/mod.rs"]
mod common;
use newsgraph_core::{Component, Document};
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let coder = newsgraph_events::EventCoder::new();
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let mut doc = Document::new("d", v["text"].as_str().unwrap_or("").to_string(), None);
        common::upstream(&mut doc);
        coder.process(&mut doc);
        let trig: std::collections::HashSet<usize> = doc
            .events
            .iter()
            .filter_map(|e| doc.token_at(e.trigger.start))
            .collect();
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.upos != newsgraph_core::Upos::VERB || trig.contains(&i) {
                continue;
            }
            let subj = doc
                .tokens
                .iter()
                .enumerate()
                .find(|(_, c)| c.head == Some(i) && c.deprel == "nsubj");
            if let Some((j, _)) = subj {
                let sp = doc.tokens[j].span;
                if doc
                    .entities
                    .iter()
                    .any(|e| e.actor.is_some() && e.mentions.iter().any(|m| m.span.contains(sp)))
                {
                    *counts.entry(t.lemma.to_lowercase()).or_default() += 1;
                }
            }
        }
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    for (l, n) in v.iter().take(120) {
        print!("{l}:{n} ");
    }
    println!();
}
