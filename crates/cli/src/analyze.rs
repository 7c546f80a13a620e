//! `newsgraph analyze`: articles in, newsgraph/1 JSON Lines out.

#[derive(Debug, clap::Args)]
pub struct Args {
    pub paths: Vec<std::path::PathBuf>,
}

pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("this command is not implemented yet")
}
