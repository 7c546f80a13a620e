use newsgraph_core::Document;
fn main() {
    let text = std::env::args().nth(1).unwrap();
    let doc = Document::new("t", text, None);
    for sv in newsgraph_events::view::sentences(&doc) {
        for t in &sv.toks { print!("{}{:?} ", t.text, t.lemmas); }
        println!();
    }
    for (e, x) in newsgraph_events::EventCoder::new().code(&doc) {
        println!("{} {} {:?} -> {:?} {:?}", e.rule, e.cameo, e.source.code, e.target.as_ref().and_then(|t| t.code.clone()), x);
    }
}
