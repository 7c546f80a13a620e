//! `newsgraph eval quotes`: quote detection and attribution against gold annotations.

use std::path::PathBuf;

/// Quote detection (direct, partial, reported speech), speaker attribution and anchored
/// time values against hand annotations in the seed's gold format.
///
/// Each gold file names its article in `document` (a dated text next to it); the article is
/// analysed by the full pipeline. Quotes match by text (whitespace, marks and surrounding
/// punctuation normalised); reported speech by content overlap.
///
/// Example: `newsgraph eval quotes --gold ../shared/seed/000_1b385efb04788e90.gold.json`
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  newsgraph eval quotes --gold ../shared/seed/000_1b385efb04788e90.gold.json"
)]
pub struct Args {
    /// Gold annotation files (`*.gold.json`).
    #[arg(long, value_name = "FILE", num_args = 1.., required = true)]
    pub gold: Vec<PathBuf>,
    /// Print one JSON object instead of the human-readable figures.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let pipeline = newsgraph_pipeline::Pipeline::new();
    let report = newsgraph_quotes::eval::eval_gold(&args.gold, |id, raw| {
        let mut doc = newsgraph_read::parse_text(id, raw, None).map_err(|e| e.to_string())?;
        pipeline.analyze(&mut doc);
        Ok(doc)
    })
    .map_err(crate::util::input_error)?;
    if args.json {
        println!("{}", serde_json::to_string(&report.to_json())?);
    } else {
        print!("{}", report.to_text());
    }
    Ok(())
}
