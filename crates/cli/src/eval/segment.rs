//! `newsgraph eval segment`: token and sentence F1 against CoNLL-U raw text.

use std::path::PathBuf;

/// Token and sentence F1 of the segmenter against the raw text of a CoNLL-U file.
///
/// The text is rebuilt from the `# text` lines (sentences of a paragraph joined by a space,
/// paragraphs by a blank line); tokens and sentences are matched by exact span.
///
/// Example: `newsgraph eval segment --conllu ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu`
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  newsgraph eval segment --conllu ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu --json"
)]
pub struct Args {
    /// The CoNLL-U file with `# text` lines.
    #[arg(long, value_name = "FILE")]
    pub conllu: PathBuf,
    /// Print one JSON object instead of the human-readable figures.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let report =
        newsgraph_text::eval::segment_conllu(&args.conllu).map_err(crate::util::input_error)?;
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!("{report}");
    }
    Ok(())
}
