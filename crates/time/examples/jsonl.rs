//! Lists the time expressions found in a JSON Lines file of dated articles (`id`, `date`,
//! `text`): `cargo run -p newsgraph-time --example jsonl -- FILE [N [SKIP [--json]]]`.
use newsgraph_core::Component;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("FILE");
    let n: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(usize::MAX);
    let skip: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let json = args.next().as_deref() == Some("--json");
    let data = std::fs::read_to_string(path).expect("readable file");
    let tagger = newsgraph_time::TimeTagger::new();
    for line in data.lines().skip(skip).take(n) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let text = v["text"].as_str().unwrap_or("").to_string();
        let date = v["date"]
            .as_str()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let mut doc = newsgraph_core::Document {
            text,
            date,
            ..Default::default()
        };
        tagger.process(&mut doc);
        if json {
            let times: Vec<serde_json::Value> = doc
                .times
                .iter()
                .map(|t| serde_json::json!([t.span.start, t.span.end, t.ttype.as_str(), t.value]))
                .collect();
            println!("{}", serde_json::json!({"id": v["id"], "times": times}));
            continue;
        }
        println!("## {} {:?}", v["id"], date);
        for t in &doc.times {
            let a = doc.text[..t.span.start]
                .char_indices()
                .rev()
                .nth(50)
                .map(|x| x.0)
                .unwrap_or(0);
            let b = doc.text[t.span.end..]
                .char_indices()
                .nth(30)
                .map(|x| x.0 + t.span.end)
                .unwrap_or(doc.text.len());
            println!(
                "{:<28} {:<9} {:<16} | {}[{}]{}",
                &doc.text[t.span.range()],
                t.ttype.as_str(),
                t.value.as_deref().unwrap_or("-"),
                doc.text[a..t.span.start].replace('\n', " "),
                &doc.text[t.span.range()],
                doc.text[t.span.end..b].replace('\n', " ")
            );
        }
    }
}
