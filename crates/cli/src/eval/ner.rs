//! `newsgraph eval ner`: exact-span entity F1 on the GMB test part (the tagger, GMB labels
//! without tim) and on UNER English EWT test (the whole recognizer, PER/ORG/LOC).

use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph eval ner --gmb ../shared/corpora/gmb-ner/ner_dataset.csv\n  newsgraph eval ner --uner ../shared/corpora/uner-english-ewt/en_ewt-ud-test.iob2 --json"
)]
pub struct Args {
    /// The GMB table (`ner_dataset.csv`); its last 10% of sentences are the test part.
    #[arg(long)]
    pub gmb: Option<PathBuf>,
    /// A UNER IOB2 file (e.g. `en_ewt-ud-test.iob2`).
    #[arg(long)]
    pub uner: Option<PathBuf>,
    /// Only the first N sentences of each test set.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Score the GMB dev part (next 10% after the training part) instead of its test part.
    #[arg(long)]
    pub gmb_dev: bool,
    /// Do not give the recognizer part-of-speech tags (by default the words are tagged by
    /// the pipeline's tagger first, as at run time).
    #[arg(long)]
    pub no_pos: bool,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

const DEFAULT_GMB: &str = "../shared/corpora/gmb-ner/ner_dataset.csv";
const DEFAULT_UNER: &str = "../shared/corpora/uner-english-ewt/en_ewt-ud-test.iob2";

pub fn run(args: Args) -> anyhow::Result<()> {
    let (gmb, uner) = match (args.gmb, args.uner) {
        (None, None) => (
            Some(PathBuf::from(DEFAULT_GMB)),
            Some(PathBuf::from(DEFAULT_UNER)),
        ),
        x => x,
    };
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p)
            .map_err(|e| crate::util::input_error(format!("{}: {e}", p.display())))
    };
    let rec = newsgraph_entities::EntityRecognizer::new();
    // The pipeline's part-of-speech tagger, as at run time.
    let tagger = newsgraph_syntax::Tagger::embedded();
    let tag =
        |words: &[&str]| -> Vec<String> { tagger.tag(words).into_iter().map(|t| t.xpos).collect() };
    let pos: Option<newsgraph_entities::eval::PosTagger> =
        if args.no_pos { None } else { Some(&tag) };
    let mut report = newsgraph_entities::eval::NerReport::default();
    if let Some(p) = &gmb {
        let text = read(p)?;
        report.gmb = Some(
            newsgraph_entities::eval::eval_gmb_part(&rec, &text, args.gmb_dev, args.limit, pos)
                .map_err(|e| crate::util::input_error(format!("{}: {e}", p.display())))?,
        );
    }
    if let Some(p) = &uner {
        let text = read(p)?;
        report.uner = Some(
            newsgraph_entities::eval::eval_uner(&rec, &text, args.limit, pos)
                .map_err(|e| crate::util::input_error(format!("{}: {e}", p.display())))?,
        );
    }
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        print!("{report}");
    }
    Ok(())
}
