//! The seed article against its hand-made reference events.

mod common;
use newsgraph_events::eval::{read_gold, score_gold};

const SEED_TXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/000_1b385efb04788e90.txt"
));
const SEED_GOLD: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/000_1b385efb04788e90.gold.json"
));

fn seed_doc() -> newsgraph_core::Document {
    let t = SEED_TXT.trim_start();
    let rest = t.strip_prefix("date ").expect("seed starts with its date");
    let date = chrono::NaiveDate::parse_from_str(&rest[..10], "%Y-%m-%d").ok();
    let text = rest[10..].trim_start();
    let coder = newsgraph_events::EventCoder::new();
    common::analyze_with(&coder, text, date)
}

#[test]
fn seed_floors() {
    let doc = seed_doc();
    let gold = read_gold(SEED_GOLD).unwrap();
    let s = score_gold(&gold.events, &doc.events);
    for e in &doc.events {
        eprintln!(
            "EVENT {} {:?} -> {:?} {} {:?} {:?} {}",
            e.rule,
            e.source.code,
            e.target.as_ref().and_then(|t| t.code.clone()),
            e.cameo,
            e.modality,
            e.date,
            doc.span_text(e.trigger)
        );
    }
    for o in &s.outcomes {
        eprintln!(
            "GOLD {} {} lenient={} date_ok={:?} {:?}",
            o.id, o.status, o.lenient_target, o.date_ok, o.matched
        );
    }
    eprintln!(
        "required {}: root {} (lenient {}), exact/accepted {} (lenient {}), preferred {}; precision root {:.2}; dates {:.2}",
        s.required_events, s.required_root, s.required_root_lenient, s.required_exact, s.required_exact_lenient, s.required_preferred, s.precision_root, s.date_accuracy
    );
    // issue floors: 9 of the 10 required events at root level with the right actors, 7 with
    // the code (measured: 9 strict, 10 when a missing target is not held against an event;
    // 9 with the code or an accepted one, 8 with the preferred code; precision 0.69)
    assert!(
        s.required_root_lenient >= 9,
        "root-level (lenient targets) {}",
        s.required_root_lenient
    );
    assert!(
        s.required_root >= 9,
        "root-level (strict targets) {}",
        s.required_root
    );
    assert!(
        s.required_exact >= 8,
        "exact or accepted code (strict targets) {}",
        s.required_exact
    );
    assert!(
        s.required_preferred >= 7,
        "preferred code {}",
        s.required_preferred
    );
    assert!(s.precision_root >= 0.6, "precision {}", s.precision_root);
    assert!(s.date_accuracy >= 0.8, "dates {}", s.date_accuracy);
}

#[test]
fn seed_modality_and_provenance() {
    let doc = seed_doc();
    // "we won't hesitate to impose additional sanctions": a threat, claimed by the spokesman
    let threat = doc
        .events
        .iter()
        .find(|e| e.cameo == "1312")
        .expect("1312 coded");
    assert_eq!(threat.modality, newsgraph_core::Modality::Threat);
    let speaker = threat.claimed_by.map(|i| doc.entities[i].name.clone());
    assert_eq!(speaker.as_deref(), Some("Matthew Miller"));
    // "Moscow would help North Korea build satellites": intent
    let help = doc.events.iter().find(|e| {
        e.root == "03"
            && e.source.code.as_deref() == Some("RUSGOV")
            && e.modality == newsgraph_core::Modality::Intent
    });
    assert!(help.is_some());
    for e in &doc.events {
        assert!(!e.rule.is_empty());
        assert!(doc.sentences[e.sentence].span.contains(e.trigger));
        assert!(e.source.code.is_some());
    }
}
