//! The seed article: every PERSON and ORG of the hand-made reference, with its actor code
//! and its listed mentions.

use newsgraph_core::{Component, Document, EntityType};
use newsgraph_entities::EntityRecognizer;

const SEED_TXT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/000_1b385efb04788e90.txt"
);
const SEED_GOLD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/000_1b385efb04788e90.gold.json"
);

fn seed_doc() -> Option<Document> {
    let raw = std::fs::read_to_string(SEED_TXT).ok()?;
    // First word `date`, then the ISO date, then the text.
    let raw = raw.trim_start();
    let rest = raw.strip_prefix("date")?.trim_start();
    let (date, text) = rest.split_once(char::is_whitespace)?;
    let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let mut doc = Document::new("seed", text.trim_start().to_string(), Some(date));
    newsgraph_text::Segmenter::new().process(&mut doc);
    EntityRecognizer::new().process(&mut doc);
    Some(doc)
}

#[test]
fn seed_people_and_organisations() {
    let Some(doc) = seed_doc() else {
        eprintln!("seed article not found; skipped");
        return;
    };
    for e in &doc.entities {
        let ms: Vec<String> = e
            .mentions
            .iter()
            .map(|m| format!("{:?}:{}", m.kind, doc.span_text(m.span)))
            .collect();
        eprintln!(
            "{:<8} {:<35} {:<8} {:<40} {}",
            e.etype.as_str(),
            e.name,
            e.actor.as_deref().unwrap_or("-"),
            e.role.as_deref().unwrap_or("-"),
            ms.join(" | ")
        );
    }
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(SEED_GOLD).unwrap()).unwrap();
    let mut failures = Vec::new();
    let mut found = 0;
    let mut total = 0;
    for g in gold["entities"].as_array().unwrap() {
        let ty = g["type"].as_str().unwrap();
        if ty != "PERSON" && ty != "ORG" {
            continue;
        }
        total += 1;
        let canonical = g["canonical"].as_str().unwrap();
        let mentions: Vec<&str> = g["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap())
            .collect();
        // The entity: the one that has the first listed mention.
        let ent = doc.entities.iter().find(|e| {
            e.etype == EntityType::parse(ty).unwrap()
                && e.mentions
                    .iter()
                    .any(|m| doc.span_text(m.span) == mentions[0])
        });
        let Some(ent) = ent else {
            failures.push(format!(
                "{canonical}: no {ty} entity with mention {:?}",
                mentions[0]
            ));
            continue;
        };
        let mut codes = vec![g["actor"].as_str().unwrap().to_string()];
        if let Some(a) = g["accept_actor"].as_array() {
            codes.extend(a.iter().map(|x| x.as_str().unwrap().to_string()));
        }
        if !ent.actor.as_ref().is_some_and(|a| codes.contains(a)) {
            failures.push(format!(
                "{canonical}: actor {:?}, expected one of {codes:?}",
                ent.actor
            ));
            continue;
        }
        let texts: Vec<&str> = ent.mentions.iter().map(|m| doc.span_text(m.span)).collect();
        let missing: Vec<&&str> = mentions.iter().filter(|m| !texts.contains(m)).collect();
        if !missing.is_empty() {
            failures.push(format!(
                "{canonical}: missing mentions {missing:?} (has {texts:?})"
            ));
            continue;
        }
        found += 1;
    }
    eprintln!("seed PERSON/ORG: {found}/{total} fully right");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
