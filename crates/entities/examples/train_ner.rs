//! Development shortcut for `newsgraph train ner`: `cargo run --release --example train_ner -- GMB_CSV OUT_FILE [EPOCHS]`.
//! Its word clusters come from the GMB training part only (the shipped model's also use
//! EWT and Wikinews text: build that one with `newsgraph train ner`).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("read GMB");
    let epochs = args.get(3).and_then(|e| e.parse().ok()).unwrap_or(8);
    let bytes = newsgraph_entities::ner::train_gmb(&text, &[], epochs, true, |m| eprintln!("{m}")).expect("train");
    std::fs::write(&args[2], bytes).expect("write");
}
