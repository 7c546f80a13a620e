//! Prints the entities of the first N Wikinews articles (development aid):
//! `cargo run --release --example show -- ARTICLES_JSONL N`.
use newsgraph_core::Component;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).unwrap();
    let n: usize = args.get(2).and_then(|x| x.parse().ok()).unwrap_or(2);
    let skip: usize = args.get(3).and_then(|x| x.parse().ok()).unwrap_or(0);
    let rec = newsgraph_entities::EntityRecognizer::new();
    let t0 = std::time::Instant::now();
    let mut chars = 0;
    for line in text.lines().skip(skip).take(n) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let date =
            chrono::NaiveDate::parse_from_str(v["date"].as_str().unwrap_or(""), "%Y-%m-%d").ok();
        let body = format!(
            "{}\n\n{}",
            v["title"].as_str().unwrap_or(""),
            v["text"].as_str().unwrap_or("")
        );
        chars += body.len();
        let mut doc = newsgraph_core::Document::new("w", body, date);
        newsgraph_text::Segmenter::new().process(&mut doc);
        if std::env::var("NO_REC").is_err() {
            rec.process(&mut doc);
        }
        if n <= 5 {
            println!("=== {} {:?}", v["title"], date);
            for e in &doc.entities {
                let ms: Vec<String> = e
                    .mentions
                    .iter()
                    .map(|m| format!("{}", doc.span_text(m.span)))
                    .collect();
                println!(
                    "{:<7} {:<28} {:<8} {:<30} {}",
                    e.etype.as_str(),
                    e.name,
                    e.actor.as_deref().unwrap_or("-"),
                    e.role.as_deref().unwrap_or("-"),
                    ms.join(" | ")
                );
            }
        }
    }
    eprintln!("{} bytes in {:?}", chars, t0.elapsed());
}
