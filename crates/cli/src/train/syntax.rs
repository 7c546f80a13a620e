//! `newsgraph train tagger|parser`: rebuild the syntax models from the corpora.

/// Arguments (to be filled in by the owner of this command).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input paths.
    pub paths: Vec<std::path::PathBuf>,
}

pub fn run(_which: Which, _args: Args) -> anyhow::Result<()> {
    anyhow::bail!("this command is not implemented yet")
}

/// Which model `run` trains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Tagger,
    Parser,
}
