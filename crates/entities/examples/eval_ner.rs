//! Development shortcut for `newsgraph eval ner`: `cargo run --release --example eval_ner -- GMB_CSV UNER_IOB2 [LIMIT]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let limit = args.get(3).and_then(|e| e.parse().ok());
    let rec = newsgraph_entities::EntityRecognizer::new();
    let gmb = std::fs::read_to_string(&args[1]).expect("read GMB");
    let uner = std::fs::read_to_string(&args[2]).expect("read UNER");
    let mut r = newsgraph_entities::eval::NerReport::default();
    let dev = std::env::var("GMB_DEV").is_ok();
    r.gmb = Some(newsgraph_entities::eval::eval_gmb_part(&rec, &gmb, dev, limit).unwrap());
    r.uner = Some(newsgraph_entities::eval::eval_uner(&rec, &uner, limit).unwrap());
    print!("{r}");
}
