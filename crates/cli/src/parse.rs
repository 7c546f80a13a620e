//! `newsgraph parse`: tokens, tags, lemmas and dependencies as CoNLL-U or JSON Lines.
//!
//! Offsets are in characters (Unicode scalar values) of the analysed text, as in newsgraph/1:
//! CoNLL-U carries them in the MISC column (`TokenRange=start:end`), JSON Lines in
//! `start`/`end`. Heads in JSON Lines are document token indices (null for the root); in
//! CoNLL-U they are the usual 1-based sentence-local ids (0 for the root).

use crate::util::input_error;
use newsgraph_core::{CharMap, Component, Document};
use newsgraph_read::{read_paths, ReadOptions};
use newsgraph_syntax::{Parser, Tagger};
use newsgraph_text::Segmenter;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Conllu,
    Jsonl,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  newsgraph parse examples/putin-kim.txt\n  \
                        echo 'Putin accepted the invitation.' | newsgraph parse - --format jsonl")]
pub struct Args {
    /// Input files or folders (.txt dated or plain text, .jsonl); `-` reads stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Conllu)]
    pub format: Format,
    /// Go on past unreadable inputs (reported on stderr).
    #[arg(long)]
    pub skip_bad: bool,
}

/// Segments, tags and parses one document.
pub fn analyze_syntax(doc: &mut Document) {
    Segmenter::new().process(doc);
    Tagger::embedded().process(doc);
    Parser::embedded().process(doc);
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let opts = ReadOptions {
        date: None,
        skip_bad: args.skip_bad,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for item in read_paths(&args.paths, &opts) {
        let mut doc = match item {
            Ok(d) => d,
            Err(e) if args.skip_bad => {
                eprintln!("newsgraph: skipped: {e}");
                continue;
            }
            Err(e) => return Err(anyhow::Error::new(e)),
        };
        analyze_syntax(&mut doc);
        match args.format {
            Format::Conllu => write_conllu(&mut out, &doc)?,
            Format::Jsonl => {
                serde_json::to_writer(&mut out, &to_json(&doc))?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    if args.paths.is_empty() {
        return Err(input_error("no input"));
    }
    Ok(())
}

fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn write_conllu(out: &mut impl Write, doc: &Document) -> std::io::Result<()> {
    let cm = CharMap::new(&doc.text);
    writeln!(out, "# newdoc id = {}", clean(&doc.id))?;
    for (si, s) in doc.sentences.iter().enumerate() {
        writeln!(out, "# sent_id = {}-{}", clean(&doc.id), si + 1)?;
        writeln!(
            out,
            "# text = {}",
            clean(doc.text.get(s.span.range()).unwrap_or(""))
        )?;
        let Some(toks) = doc.tokens.get(s.tokens.clone()) else {
            continue;
        };
        for (i, t) in toks.iter().enumerate() {
            let form = clean(doc.text.get(t.span.range()).unwrap_or("_"));
            let head = match t.head {
                Some(h) if h >= s.tokens.start && h < s.tokens.end => h - s.tokens.start + 1,
                _ => 0,
            };
            let mut misc = format!(
                "TokenRange={}:{}",
                cm.char_of(t.span.start),
                cm.char_of(t.span.end)
            );
            if !t.space_after {
                misc.push_str("|SpaceAfter=No");
            }
            let or = |x: &str| {
                if x.is_empty() {
                    "_".to_string()
                } else {
                    clean(x)
                }
            };
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                i + 1,
                if form.is_empty() { "_".into() } else { form },
                or(&t.lemma),
                t.upos.as_str(),
                or(&t.xpos),
                head,
                or(&t.deprel),
                misc
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn to_json(doc: &Document) -> serde_json::Value {
    let cm = CharMap::new(&doc.text);
    let sentences: Vec<serde_json::Value> = doc
        .sentences
        .iter()
        .map(|s| {
            let toks: Vec<serde_json::Value> = s
                .tokens
                .clone()
                .filter_map(|i| doc.tokens.get(i).map(|t| (i, t)))
                .map(|(i, t)| {
                    serde_json::json!({
                        "i": i,
                        "text": doc.text.get(t.span.range()).unwrap_or(""),
                        "start": cm.char_of(t.span.start),
                        "end": cm.char_of(t.span.end),
                        "upos": t.upos.as_str(),
                        "xpos": t.xpos,
                        "lemma": t.lemma,
                        "head": t.head,
                        "deprel": t.deprel,
                    })
                })
                .collect();
            serde_json::json!({
                "start": cm.char_of(s.span.start),
                "end": cm.char_of(s.span.end),
                "text": doc.text.get(s.span.range()).unwrap_or(""),
                "tokens": toks,
            })
        })
        .collect();
    serde_json::json!({ "id": doc.id, "date": doc.date, "sentences": sentences })
}
