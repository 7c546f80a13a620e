//! Development driver: `cargo run --release --example train_syntax -- tagger|parser EWT_DIR OUT_DIR`.
use newsgraph_syntax::*;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map(String::as_str).unwrap_or("tagger");
    let dir = Path::new(args.get(2).map(String::as_str).unwrap_or("/work/shared/corpora/ud-english-ewt"));
    let out = Path::new(args.get(3).map(String::as_str).unwrap_or("models"));
    let train = read_conllu(&dir.join("en_ewt-ud-train.conllu")).unwrap();
    let dev = read_conllu(&dir.join("en_ewt-ud-dev.conllu")).unwrap();
    let t0 = std::time::Instant::now();
    match which {
        "tagger" => {
            let t = train_tagger(&train, &dev, &TaggerOptions { verbose: true, ..Default::default() });
            let (a, b) = t.to_bytes();
            std::fs::write(out.join("tagger.bin"), a).unwrap();
            std::fs::write(out.join("lemma.bin"), b).unwrap();
        }
        _ => {
            let p = train_parser(&train, &dev, &ParserOptions { verbose: true, ..Default::default() });
            std::fs::write(out.join("parser.bin"), p.to_bytes()).unwrap();
        }
    }
    eprintln!("trained in {:?}", t0.elapsed());
}
