//! `newsgraph explain`: tokens, parse, entities and why each event got its code.

/// Arguments (to be filled in by the owner of this command).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input paths.
    pub paths: Vec<std::path::PathBuf>,
}

pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("this command is not implemented yet")
}
