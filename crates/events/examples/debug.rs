//! Debug helper: `cargo run -p newsgraph-events --example debug -- FILE|TEXT` prints the
//! events of a text (dated text files: "date YYYY-MM-DD" first).
use newsgraph_core::{Component, Document};
fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    let raw = std::fs::read_to_string(&arg).unwrap_or(arg);
    let t = raw.trim_start();
    let (date, text) = match t.strip_prefix("date ") {
        Some(rest) => {
            let d = rest.get(..10).and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
            (d, rest.get(10..).unwrap_or("").trim_start().to_string())
        }
        None => (None, t.to_string()),
    };
    let mut doc = Document::new("t", text, date);
    newsgraph_text::Segmenter::new().process(&mut doc);
    if std::env::var("NOSYNTAX").is_err() {
        newsgraph_syntax::Tagger::embedded().process(&mut doc);
        newsgraph_syntax::Parser::embedded().process(&mut doc);
    }
    newsgraph_time::TimeTagger::new().process(&mut doc);
    newsgraph_entities::EntityRecognizer::new().process(&mut doc);
    newsgraph_quotes::QuoteFinder::new().process(&mut doc);
    if std::env::var("PARSE").is_ok() {
        for (i, t) in doc.tokens.iter().enumerate() {
            println!("{i} {} {:?} {} {:?} {}", doc.token_text(i), t.upos, t.lemma, t.head, t.deprel);
        }
    }
    if std::env::var("ENTS").is_ok() {
        for e in &doc.entities {
            println!("ENT {} {:?} {:?} {:?}", e.name, e.etype, e.actor, e.mentions.iter().map(|m| doc.span_text(m.span)).collect::<Vec<_>>());
        }
        for q in &doc.quotes {
            println!("QUOTE {:?} speaker={:?} {:?}", q.kind, q.speaker, doc.span_text(q.span));
        }
    }
    for (e, x) in newsgraph_events::EventCoder::new().code(&doc) {
        println!(
            "[{}] {} {} {:?} -> {:?} {:?} {:?} claimed={:?} | {} -> {:?} cues={:?}",
            e.sentence, e.rule, e.cameo, e.source.code, e.target.as_ref().and_then(|t| t.code.clone()), e.modality, e.date, e.claimed_by, x.source, x.target, x.cues
        );
    }
}
