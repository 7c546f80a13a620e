//! Prints tokens and sentences of the text given as arguments (for a quick look).
use newsgraph_core::{Component, Document};
fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let mut doc = Document::new("x", text, None);
    newsgraph_text::Segmenter::new().process(&mut doc);
    for s in &doc.sentences {
        let toks: Vec<&str> = s.tokens.clone().map(|i| doc.token_text(i)).collect();
        println!("[{}]  {}", doc.span_text(s.span), toks.join(" | "));
    }
}
