//! Prints sentences of a JSON Lines corpus that end without final punctuation or start in
//! lower case (to inspect the splitter on news): `news_check FILE.jsonl`.

use newsgraph_core::{Component, Document};
use newsgraph_text::Segmenter;

fn main() {
    if let Some(b) = std::env::var("OTHER_BIAS")
        .ok()
        .and_then(|b| b.parse().ok())
    {
        newsgraph_text::sbd::OTHER_BIAS.with(|x| x.set(b));
    }
    let path = std::env::args()
        .nth(1)
        .expect("usage: news_check FILE.jsonl");
    let src = std::fs::read_to_string(&path).expect("read");
    let seg = Segmenter::new();
    for l in src.lines() {
        let v: serde_json::Value = match serde_json::from_str(l) {
            Ok(v) => v,
            Err(_) => continue,
        };
        let text = format!(
            "{}\n\n{}",
            v["title"].as_str().unwrap_or(""),
            v["text"].as_str().unwrap_or("")
        );
        let mut doc = Document::new("x", text, None);
        seg.process(&mut doc);
        for (k, s) in doc.sentences.iter().enumerate() {
            let t = doc.span_text(s.span);
            let p = &doc.paragraphs[s.paragraph];
            let last_in_par =
                k + 1 == doc.sentences.len() || doc.sentences[k + 1].paragraph != s.paragraph;
            let end_ok = t
                .trim_end_matches(|c| "\"'”’)".contains(c))
                .ends_with(|c| ".!?:…".contains(c));
            if (!end_ok && !last_in_par) || t.starts_with(|c: char| c.is_lowercase()) {
                let next = doc
                    .sentences
                    .get(k + 1)
                    .map(|n| doc.span_text(n.span))
                    .unwrap_or("");
                println!(
                    "[{}] {} ||| {}",
                    if p.heading { "H" } else { " " },
                    t,
                    &next[..next.len().min(60)]
                );
            }
        }
    }
}
