//! `newsgraph eval time`: TempEval-3 span and value F1.

use newsgraph_core::Component;
use std::path::PathBuf;

/// Scores the time-expression recogniser on TimeML files (TempEval-3 platinum).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  newsgraph eval time --tml ../shared/eval/time/tempeval3-platinum/te3-platinum --json"
)]
pub struct Args {
    /// Folder of TimeML `.tml` files (e.g. ../shared/eval/time/tempeval3-platinum/te3-platinum).
    #[arg(long, value_name = "DIR")]
    pub tml: PathBuf,
    /// Print one JSON object instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Run segmentation, tagging and parsing first, so that tense comes from the tagger
    /// (the default scores the recogniser on raw text with its own word cues).
    #[arg(long)]
    pub syntax: bool,
    /// Also list every missed, spurious, differently bounded and wrongly valued expression
    /// (on standard error).
    #[arg(long)]
    pub errors: bool,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    if !args.tml.is_dir() {
        return Err(crate::util::input_error(format!(
            "{}: not a folder of .tml files",
            args.tml.display()
        )));
    }
    let report = if args.syntax {
        let segmenter = newsgraph_text::Segmenter::new();
        let tagger = newsgraph_syntax::Tagger::embedded();
        let parser = newsgraph_syntax::Parser::embedded();
        newsgraph_time::eval::tempeval_with(&args.tml, &|doc| {
            segmenter.process(doc);
            tagger.process(doc);
            parser.process(doc);
        })
    } else {
        newsgraph_time::eval::tempeval(&args.tml)
    }
    .map_err(crate::util::input_error)?;
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!("{report}");
    }
    if args.errors {
        for e in &report.errors {
            eprintln!("{e}");
        }
    }
    Ok(())
}
