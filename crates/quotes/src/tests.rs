//! Unit tests on sentences written for them, and the seed article.

use super::*;
use newsgraph_core::{Entity, EntityType, Mention, MentionKind};

/// Entities with mentions at every whole-word occurrence of the given strings.
pub(crate) fn with_entities(mut doc: Document, ents: &[(&str, EntityType, &[(&str, MentionKind)])]) -> Document {
    for (name, etype, ments) in ents {
        let mut mentions = Vec::new();
        for (m, kind) in ments.iter() {
            for (i, _) in doc.text.match_indices(m) {
                let before = doc.text[..i].chars().next_back();
                let after = doc.text[i + m.len()..].chars().next();
                if before.is_some_and(|c| c.is_alphanumeric()) || after.is_some_and(|c| c.is_alphanumeric()) {
                    continue;
                }
                // a shorter name inside a longer mention already taken
                let sp = Span::new(i, i + m.len());
                if mentions.iter().any(|x: &Mention| x.span.overlaps(sp)) {
                    continue;
                }
                mentions.push(Mention { span: sp, kind: *kind });
            }
        }
        mentions.sort_by_key(|m| m.span);
        doc.entities.push(Entity { name: name.to_string(), etype: *etype, actor: None, role: None, mentions });
    }
    doc
}

pub(crate) fn find(text: &str) -> (Document, Vec<Quote>) {
    let doc = Document::new("t", text, None);
    let q = QuoteFinder::new().find(&doc);
    (doc, q)
}

pub(crate) fn show(doc: &Document, q: &Quote) -> String {
    let s = |sp: Option<Span>| sp.map(|x| doc.text[x.range()].to_string()).unwrap_or_default();
    format!("{} [{}] <{}> ({})", q.kind.as_str(), doc.text[q.span.range()].to_string(), s(q.speaker_span), s(q.cue))
}

#[test]
fn debug_seed() {
    let raw = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seed/000_1b385efb04788e90.txt")).unwrap();
    let body = raw.trim_start().strip_prefix("date 2023-09-14").unwrap().trim();
    let (doc, qs) = find(body);
    for q in &qs {
        eprintln!("{}", show(&doc, q));
    }
}
