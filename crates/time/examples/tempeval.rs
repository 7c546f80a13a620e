//! Scores the recogniser on a TimeML folder: `cargo run -p newsgraph-time --example tempeval -- DIR [--errors]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/eval/time/tempeval3-platinum/te3-platinum".into());
    let errors = args.any(|a| a == "--errors");
    match newsgraph_time::eval::tempeval(std::path::Path::new(&dir)) {
        Ok(r) => {
            println!("{r}");
            if errors {
                for e in &r.errors {
                    println!("{e}");
                }
            }
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
