//! `newsgraph eval events`: CAMEO/PLOVER coding accuracy.

use newsgraph_core::{Component, Document};
use newsgraph_events::eval::{
    read_cameo_jsonl, read_gold, score_cameo, score_gold, sentence_failures, GoldScores,
};
use std::path::{Path, PathBuf};

/// CAMEO/PLOVER event coding against reference sentences or gold annotations.
///
/// `--cameo FILE`: JSON Lines, one sentence a line with its PLOVER type, CAMEO code(s) and
/// source/target countries (e.g. `../shared/eval/events/cameo_manual.jsonl`); prints the
/// share of sentences where some event has the right PLOVER type, CAMEO root, exact CAMEO
/// code, source country and target country.
///
/// `--gold FILE...`: annotations in the seed's format (each names its dated article in
/// `document`, a file next to it); prints precision and recall of events matched by source,
/// target and CAMEO code (exact and root level) and date accuracy.
///
/// Example: `newsgraph eval events --gold ../shared/seed/000_1b385efb04788e90.gold.json`
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph eval events --gold ../shared/seed/000_1b385efb04788e90.gold.json\n  newsgraph eval events --cameo ../shared/eval/events/cameo_manual.jsonl --json"
)]
pub struct Args {
    /// Reference sentences (JSON Lines).
    #[arg(long, value_name = "FILE")]
    pub cameo: Option<PathBuf>,
    /// Gold annotation files (`*.gold.json`).
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub gold: Vec<PathBuf>,
    /// Extra event patterns (same syntax as the built-in dictionary).
    #[arg(long, value_name = "FILE")]
    pub patterns: Option<PathBuf>,
    /// List the sentences (or gold events) that were missed.
    #[arg(long)]
    pub errors: bool,
    /// Print one JSON object instead of the human-readable figures.
    #[arg(long)]
    pub json: bool,
}

/// Analyses documents with the full pipeline (and the user's patterns, when given).
struct Analyzer {
    pipeline: newsgraph_pipeline::Pipeline,
    coder: Option<newsgraph_events::EventCoder>,
}

impl Analyzer {
    fn new(patterns: Option<&Path>) -> anyhow::Result<Self> {
        let pipeline = newsgraph_pipeline::Pipeline::new();
        let has_events = pipeline.component_names().contains(&"events");
        let coder = match patterns {
            Some(p) => Some(
                newsgraph_events::EventCoder::with_patterns_file(p)
                    .map_err(crate::util::input_error)?,
            ),
            None if !has_events => Some(newsgraph_events::EventCoder::new()),
            None => None,
        };
        Ok(Analyzer { pipeline, coder })
    }

    fn analyze(&self, doc: &mut Document) {
        if self.pipeline.component_names().is_empty() {
            // the pipeline has no stages yet: run them here
            newsgraph_text::Segmenter::new().process(doc);
            newsgraph_syntax::Tagger::embedded().process(doc);
            newsgraph_syntax::Parser::embedded().process(doc);
            newsgraph_time::TimeTagger::new().process(doc);
            newsgraph_entities::EntityRecognizer::new().process(doc);
            newsgraph_quotes::QuoteFinder::new().process(doc);
        } else {
            self.pipeline.analyze(doc);
        }
        if let Some(c) = &self.coder {
            c.process(doc);
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<()> {
    if args.cameo.is_none() && args.gold.is_empty() {
        return Err(crate::util::input_error(
            "give --cameo FILE and/or --gold FILE...",
        ));
    }
    let an = Analyzer::new(args.patterns.as_deref())?;
    let mut json = serde_json::Map::new();
    if let Some(path) = &args.cameo {
        let text = std::fs::read_to_string(path)
            .map_err(|e| crate::util::input_error(format!("{}: {e}", path.display())))?;
        let records = read_cameo_jsonl(&text)
            .map_err(|e| crate::util::input_error(format!("{}: {e}", path.display())))?;
        let docs: Vec<Document> = {
            use rayon::prelude::*;
            records
                .par_iter()
                .enumerate()
                .map(|(i, r)| {
                    let mut d = Document::new(format!("s{i}"), r.text.clone(), None);
                    an.analyze(&mut d);
                    d
                })
                .collect()
        };
        let s = score_cameo(&records, &docs);
        if args.json {
            json.insert("cameo".into(), serde_json::to_value(&s)?);
        } else {
            println!(
                "CAMEO reference sentences: {} ({} with an event)",
                s.sentences, s.with_event
            );
            for (name, sh) in [
                ("PLOVER type", s.plover),
                ("CAMEO root", s.root),
                ("CAMEO exact", s.exact),
                ("source country", s.source_country),
                ("target country", s.target_country),
            ] {
                println!("  {name:<15} {:.3}  ({}/{})", sh.rate, sh.hits, sh.total);
            }
        }
        if args.errors && !args.json {
            // every sentence that fails some measure, with what failed (P plover, R root,
            // S source country, T target country) and what was coded
            for (r, d) in records.iter().zip(&docs) {
                let f = sentence_failures(r, d);
                if f.is_empty() {
                    continue;
                }
                let actors = |v: &Option<Vec<newsgraph_events::eval::RefActor>>| {
                    v.iter()
                        .flatten()
                        .map(|a| format!("{}{}", a.country, a.sector))
                        .collect::<Vec<_>>()
                        .join(",")
                };
                let got: Vec<String> = d
                    .events
                    .iter()
                    .map(|e| {
                        format!(
                            "{}:{}/{} {}>{}",
                            e.rule,
                            e.cameo,
                            e.plover.as_deref().unwrap_or("-"),
                            e.source.code.as_deref().unwrap_or("-"),
                            e.target
                                .as_ref()
                                .and_then(|t| t.code.as_deref())
                                .unwrap_or("-")
                        )
                    })
                    .collect();
                println!(
                    "  miss[{f}] {} want {}/{:?} {}>{} got {:?}: {}",
                    r.id,
                    r.plover.as_deref().unwrap_or("-"),
                    r.cameo,
                    actors(&r.source),
                    actors(&r.target),
                    got,
                    r.text
                );
            }
        }
    }
    if !args.gold.is_empty() {
        let mut total = GoldScores::default();
        for g in &args.gold {
            let text = std::fs::read_to_string(g)
                .map_err(|e| crate::util::input_error(format!("{}: {e}", g.display())))?;
            let gold = read_gold(&text)
                .map_err(|e| crate::util::input_error(format!("{}: {e}", g.display())))?;
            let Some(docname) = &gold.document else {
                return Err(crate::util::input_error(format!(
                    "{}: no \"document\" field",
                    g.display()
                )));
            };
            let dp = g.parent().unwrap_or(Path::new(".")).join(docname);
            let raw = std::fs::read_to_string(&dp)
                .map_err(|e| crate::util::input_error(format!("{}: {e}", dp.display())))?;
            let mut doc = newsgraph_read::parse_text(docname, &raw, gold.date)?;
            an.analyze(&mut doc);
            let s = score_gold(&gold.events, &doc.events);
            total.merge(&s);
        }
        if args.json {
            json.insert("gold".into(), serde_json::to_value(&total)?);
        } else {
            println!(
                "Gold annotations: {} document(s), {} gold events ({} required), {} predicted",
                total.documents, total.gold_events, total.required_events, total.predicted_events
            );
            println!(
                "  required events matched with the right actors: root {} / exact-or-accepted {} / preferred code {} (of {})",
                total.required_root, total.required_exact, total.required_preferred, total.required_events
            );
            println!(
                "  … not counting a missing predicted target against it: root {} / exact-or-accepted {}",
                total.required_root_lenient, total.required_exact_lenient
            );
            println!(
                "  precision root {:.3}  exact {:.3}",
                total.precision_root, total.precision_exact
            );
            println!(
                "  recall    root {:.3}  exact {:.3}",
                total.recall_root, total.recall_exact
            );
            println!("  date accuracy {:.3}", total.date_accuracy);
            for o in &total.outcomes {
                println!(
                    "  {:<4} {:<8}{}{} {}",
                    o.id,
                    o.status,
                    if o.lenient_target { " (no target)" } else { "" },
                    match o.date_ok {
                        Some(false) => " (wrong date)",
                        _ => "",
                    },
                    o.matched.as_deref().unwrap_or("")
                );
            }
        }
    }
    if args.json {
        println!("{}", serde_json::Value::Object(json));
    }
    Ok(())
}
