//! Store commands: `ingest`, `events`, `quotes`, `entities`, `search`, `timeline`, `stats`,
//! `export`.

#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    pub paths: Vec<std::path::PathBuf>,
}
#[derive(Debug, clap::Args)]
pub struct QueryArgs {
    pub rest: Vec<String>,
}

pub fn ingest(_args: IngestArgs) -> anyhow::Result<()> {
    anyhow::bail!("this command is not implemented yet")
}
pub fn query(_what: &str, _args: QueryArgs) -> anyhow::Result<()> {
    anyhow::bail!("this command is not implemented yet")
}
