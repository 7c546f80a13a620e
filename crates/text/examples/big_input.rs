//! Segments a synthetic 50 MB article (robustness and memory check).
use newsgraph_core::{Component, Document};
fn main() {
    let para = "Russian President Vladimir Putin on Thursday (September 14) accepted the invitation, said KCNA. \"It's fine,\" he said.\n\n";
    let mut t = String::new();
    while t.len() < 50_000_000 {
        t.push_str(para);
    }
    let mut junk = String::new();
    while junk.len() < 5_000_000 {
        junk.push_str("abc-def/ghi...jkl");
    }
    t.push_str(&junk);
    let start = std::time::Instant::now();
    let mut doc = Document::new("big", t, None);
    newsgraph_text::Segmenter::new().process(&mut doc);
    println!(
        "{} bytes: {} paragraphs, {} sentences, {} tokens in {:.2} s",
        doc.text.len(),
        doc.paragraphs.len(),
        doc.sentences.len(),
        doc.tokens.len(),
        start.elapsed().as_secs_f64()
    );
}
