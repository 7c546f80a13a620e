//! Rebuilds the embedded sentence-boundary model:
//! `cargo run --release -p newsgraph-text --example train_sbd -- TRAIN.conllu OUT.bin [EPOCHS]`.

fn main() {
    if let Some(b) = std::env::var("MARGIN").ok().and_then(|b| b.parse().ok()) {
        newsgraph_text::sbd::MARGIN.with(|x| x.set(b));
    }
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: train_sbd TRAIN.conllu OUT.bin [EPOCHS]");
        std::process::exit(2);
    }
    let epochs: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(8);
    let m = newsgraph_text::sbd::train(
        std::path::Path::new(&args[1]),
        epochs,
        newsgraph_text::sbd::BITS,
    )
    .unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let b = m.to_bytes();
    std::fs::write(&args[2], &b).expect("write model");
    eprintln!("wrote {} ({} bytes)", args[2], b.len());
}
