//! `newsgraph train ner`: rebuild the NER model from the GMB corpus (first 80% of its
//! sentences). Deterministic: the same corpus and epochs give the same `ner.bin`.

use anyhow::Context;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  newsgraph train ner --gmb ../shared/corpora/gmb-ner/ner_dataset.csv --out crates/entities/models")]
pub struct Args {
    /// The GMB table (`ner_dataset.csv`).
    #[arg(long, default_value = "../shared/corpora/gmb-ner/ner_dataset.csv")]
    pub gmb: PathBuf,
    /// Output folder; the model is written as `ner.bin` (copy it to
    /// `crates/entities/models/` to embed it).
    #[arg(long, default_value = "crates/entities/models")]
    pub out: PathBuf,
    /// Training epochs.
    #[arg(long, default_value_t = 8)]
    pub epochs: usize,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&args.gmb)
        .map_err(|e| crate::util::input_error(format!("{}: {e}", args.gmb.display())))?;
    if args.epochs == 0 {
        return Err(crate::util::input_error("--epochs must be at least 1"));
    }
    let bytes = newsgraph_entities::ner::train_gmb(&text, args.epochs, |m| eprintln!("{m}"))
        .map_err(|e| crate::util::input_error(format!("{}: {e}", args.gmb.display())))?;
    std::fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let path = args.out.join("ner.bin");
    std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
    eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    Ok(())
}
