//! The upstream chain the coder runs after in the pipeline: segment, tag, parse, time,
//! entities, quotes.
#![allow(dead_code)]

use newsgraph_core::{Component, Document};
use newsgraph_events::EventCoder;

pub fn upstream(doc: &mut Document) {
    newsgraph_text::Segmenter::new().process(doc);
    newsgraph_syntax::Tagger::embedded().process(doc);
    newsgraph_syntax::Parser::embedded().process(doc);
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
    analyze_with(
        &EventCoder::new(),
        text,
        chrono::NaiveDate::from_ymd_opt(2024, 3, 1),
    )
}

/// (source code, target code, CAMEO code) of every event coded in `text`.
pub fn codes(text: &str) -> Vec<(String, String, String)> {
    analyze(text)
        .events
        .iter()
        .map(|e| {
            (
                e.source.code.clone().unwrap_or_default(),
                e.target
                    .as_ref()
                    .and_then(|t| t.code.clone())
                    .unwrap_or_default(),
                e.cameo.clone(),
            )
        })
        .collect()
}
