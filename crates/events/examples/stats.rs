//! Aggregate diagnostics over a JSON Lines sentence file: how many sentences have a
//! trigger, a coded actor, an event (no sentence is printed).
#[path = "../tests/common/mod.rs"]
mod common;
use newsgraph_core::{Component, Document};
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).unwrap();
    let recs = newsgraph_events::eval::read_cameo_jsonl(&text).unwrap();
    let coder = newsgraph_events::EventCoder::new();
    let mut docs = Vec::new();
    let mut trig_no_event = 0;
    let (mut trig, mut actor, mut two_actors, mut ev, mut parsed) = (0, 0, 0, 0, 0);
    for r in &recs {
        let mut doc = Document::new("s", r.text.clone(), None);
        common::upstream(&mut doc);
        if doc.tokens.iter().any(|t| !t.deprel.is_empty()) {
            parsed += 1;
        }
        let has_trig = !coder.triggers(&doc).is_empty();
        if has_trig {
            trig += 1;
        }
        let coded = doc.entities.iter().filter(|e| e.actor.is_some()).count();
        if coded > 0 {
            actor += 1;
        }
        if coded > 1 {
            two_actors += 1;
        }
        coder.process(&mut doc);
        if !doc.events.is_empty() {
            ev += 1;
        } else if has_trig {
            trig_no_event += 1;
        }
        docs.push(doc);
    }
    let mut conf: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for (r, d) in recs.iter().zip(&docs) {
        let Some(g) = r.cameo.first() else { continue };
        let gr = g[..2].to_string();
        if d.events.iter().any(|e| e.root == gr) {
            continue;
        }
        let pr = if d.events.is_empty() {
            "none".to_string()
        } else {
            d.events
                .iter()
                .map(|e| e.root.clone())
                .collect::<Vec<_>>()
                .join("+")
        };
        *conf.entry((gr, pr)).or_default() += 1;
    }
    let (mut sector_only, mut wrong_country, mut noev) = (0, 0, 0);
    for (r, d) in recs.iter().zip(&docs) {
        let Some(src) = r.source.as_ref().filter(|v| !v.is_empty()) else {
            continue;
        };
        if d.events.is_empty() {
            noev += 1;
            continue;
        }
        let ok = d.events.iter().any(|e| {
            e.source
                .code
                .as_deref()
                .is_some_and(|c| src.iter().any(|a| a.country == c.get(..3).unwrap_or(c)))
        });
        if ok {
            continue;
        }
        if d.events.iter().all(|e| {
            e.source
                .code
                .as_deref()
                .is_some_and(|c| c.len() == 3 && !src.iter().any(|a| a.country == c))
        }) {
            sector_only += 1;
        } else {
            wrong_country += 1;
        }
    }
    println!(
        "source misses: no event {noev}, three-letter code {sector_only}, other {wrong_country}"
    );
    let mut rows: Vec<_> = conf.into_iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    for ((g, p), n) in rows.iter().take(40) {
        print!("{g}->{p}:{n}  ");
    }
    println!();
    // NEWSGRAPH_PER_SENTENCE=FILE: one line per sentence (id, failed measures, events), to
    // compare two versions of the coder
    if let Ok(out) = std::env::var("NEWSGRAPH_PER_SENTENCE") {
        let mut lines = String::new();
        for (r, d) in recs.iter().zip(&docs) {
            let evs: Vec<String> = d
                .events
                .iter()
                .map(|e| {
                    format!(
                        "{}:{}:{}>{}",
                        e.rule,
                        e.cameo,
                        e.source.code.clone().unwrap_or_default(),
                        e.target
                            .as_ref()
                            .and_then(|t| t.code.clone())
                            .unwrap_or_default()
                    )
                })
                .collect();
            lines.push_str(&format!(
                "{}\t{}\t{}\n",
                r.id,
                newsgraph_events::eval::sentence_failures(r, d),
                evs.join(" ")
            ));
        }
        std::fs::write(out, lines).expect("writable file");
    }
    let s = newsgraph_events::eval::score_cameo(&recs, &docs);
    println!(
        "plover {:.3} root {:.3} exact {:.3} src {:.3} tgt {:.3}",
        s.plover.rate, s.root.rate, s.exact.rate, s.source_country.rate, s.target_country.rate
    );
    println!("trigger but no event: {trig_no_event}");
    println!("{} sentences: parsed {parsed}, trigger {trig}, coded entity {actor}, two coded entities {two_actors}, event {ev}", recs.len());
}
