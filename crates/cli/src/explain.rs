//! `newsgraph explain`: tokens, parse, entities and why each event got its code.

use newsgraph_core::{Component, Document};
use std::path::PathBuf;

/// Shows how newsgraph reads a text: tokens with POS, lemma, head and relation; entities
/// with their actor codes; time expressions; quotes; and for each event the pattern that
/// fired, its trigger, the arguments it took and the modality cues it found.
///
/// Examples: `newsgraph explain "Russia imposed sanctions on Japan on Monday." --date 2024-03-01`,
/// `newsgraph explain article.txt`
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph explain \"Russia imposed sanctions on Japan on Monday.\" --date 2024-03-01\n  newsgraph explain examples/putin-kim.txt"
)]
pub struct Args {
    /// A text, or a file (dated text: first line `date YYYY-MM-DD`), or `-` for stdin.
    pub input: String,
    /// Article date for relative times (a dated text's own date wins).
    #[arg(long, value_parser = crate::util::parse_date_arg)]
    pub date: Option<chrono::NaiveDate>,
    /// Extra event patterns (same syntax as the built-in dictionary).
    #[arg(long, value_name = "FILE")]
    pub patterns: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let raw = if args.input == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)?;
        s
    } else if std::path::Path::new(&args.input).is_file() {
        std::fs::read_to_string(&args.input)
            .map_err(|e| crate::util::input_error(format!("{}: {e}", args.input)))?
    } else {
        args.input.clone()
    };
    let mut doc = newsgraph_read::parse_text("explain", &raw, args.date)?;
    // Every layer the events coder reads; the coder runs below, once, with its explanations.
    newsgraph_pipeline::Pipeline::new()
        .until("events")
        .analyze(&mut doc);
    let coder = match &args.patterns {
        Some(p) => {
            newsgraph_events::EventCoder::with_patterns_file(p).map_err(crate::util::input_error)?
        }
        None => newsgraph_events::EventCoder::new(),
    };
    let coded = coder.code(&doc);
    coder.process(&mut doc);
    print_doc(&doc, &coded);
    Ok(())
}

fn print_doc(doc: &Document, coded: &[(newsgraph_core::Event, newsgraph_events::Explanation)]) {
    println!(
        "date: {}",
        doc.date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "(none)".into())
    );
    for w in &doc.warnings {
        println!("warning: {w}");
    }
    for (si, s) in doc.sentences.iter().enumerate() {
        println!("\n## sentence {si}: {}", doc.span_text(s.span));
        println!("     # token              upos   xpos  lemma          head deprel");
        for ti in s.tokens.clone() {
            let t = &doc.tokens[ti];
            println!(
                "  {:>4} {:<18} {:<6} {:<5} {:<14} {:>4} {}",
                ti,
                doc.token_text(ti),
                t.upos.as_str(),
                t.xpos,
                t.lemma,
                t.head.map(|h| h.to_string()).unwrap_or_else(|| "-".into()),
                t.deprel
            );
        }
    }
    println!("\n## entities");
    for (i, e) in doc.entities.iter().enumerate() {
        let ms: Vec<&str> = e.mentions.iter().map(|m| doc.span_text(m.span)).collect();
        println!(
            "  [{i}] {} {} actor={} role={} mentions={:?}",
            e.name,
            e.etype.as_str(),
            e.actor.as_deref().unwrap_or("-"),
            e.role.as_deref().unwrap_or("-"),
            ms
        );
    }
    println!("\n## times");
    for t in &doc.times {
        println!(
            "  {:?} {} {}",
            doc.span_text(t.span),
            t.ttype.as_str(),
            t.value.as_deref().unwrap_or("-")
        );
    }
    println!("\n## quotes");
    for q in &doc.quotes {
        let who = q
            .speaker
            .and_then(|i| doc.entities.get(i))
            .map(|e| e.name.as_str())
            .unwrap_or("-");
        println!(
            "  {} by {}: {:?}",
            q.kind.as_str(),
            who,
            doc.span_text(q.span)
        );
    }
    println!("\n## events");
    for (e, x) in coded {
        if !doc.events.contains(e) {
            continue;
        }
        let tgt = e
            .target
            .as_ref()
            .map(|t| {
                format!(
                    "{} ({})",
                    doc.span_text(t.span),
                    t.code.as_deref().unwrap_or("-")
                )
            })
            .unwrap_or_else(|| "-".into());
        println!(
            "  [sentence {}] {} {} → {}  CAMEO {} {} (root {}, quad {}, Goldstein {}) PLOVER {}{}",
            e.sentence,
            doc.span_text(e.source.span),
            e.source.code.as_deref().unwrap_or("-"),
            tgt,
            e.cameo,
            e.cameo_name,
            e.root,
            e.quad_class,
            e.goldstein,
            e.plover.as_deref().unwrap_or("-"),
            e.plover_mode
                .as_deref()
                .map(|m| format!("/{m}"))
                .unwrap_or_default()
        );
        println!(
            "      rule {} ({}), pattern code {}, trigger {:?}",
            x.rule, x.origin, x.pattern_code, x.trigger
        );
        println!(
            "      arguments: source {:?}{}; {}",
            x.source,
            x.target
                .as_ref()
                .map(|t| format!(
                    ", target {:?} from slot {}",
                    t,
                    x.target_slot.as_deref().unwrap_or("?")
                ))
                .unwrap_or_default(),
            if x.parsed {
                "from the dependency parse"
            } else {
                "from token order (no parse)"
            }
        );
        let claimed = e
            .claimed_by
            .and_then(|i| doc.entities.get(i))
            .map(|en| format!(", claimed by {}", en.name))
            .unwrap_or_default();
        println!(
            "      modality {}{}; date {} ({:?}){}",
            e.modality.as_str(),
            if x.cues.is_empty() {
                String::new()
            } else {
                format!(" [{}]", x.cues.join("; "))
            },
            e.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
            e.date_source,
            claimed
        );
    }
}
