//! Shared helpers of the command-line interface: exit codes and error kinds.

use std::fmt;

/// An error in the user's input or invocation (bad file, bad date, bad flag value): exit
/// code 2. Every other error exits with 1.
#[derive(Debug)]
pub struct InputError(pub String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// Builds an [`InputError`] wrapped in `anyhow::Error`.
pub fn input_error(msg: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(InputError(msg.into()))
}

/// True when the error chain contains an [`InputError`] (or a reading error).
pub fn is_input_error(e: &anyhow::Error) -> bool {
    e.chain()
        .any(|c| c.is::<InputError>() || c.is::<newsgraph_read::ReadError>())
}

/// Parses a `--date` value (clap value parser).
pub fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    newsgraph_read::parse_date(s)
}

static VERBOSE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn set_verbose(v: bool) {
    VERBOSE.store(v, std::sync::atomic::Ordering::Relaxed);
}

/// True when `-v` was given.
pub fn verbose() -> bool {
    VERBOSE.load(std::sync::atomic::Ordering::Relaxed)
}

/// Options that shape the pipeline, shared by every command that analyses text.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PipelineArgs {
    /// Extra or overriding actor dictionary (see crates/entities/data/README.md).
    #[arg(long, value_name = "FILE")]
    pub actors: Option<std::path::PathBuf>,
}

impl PipelineArgs {
    pub fn build(&self) -> anyhow::Result<newsgraph_pipeline::Pipeline> {
        let mut opts = newsgraph_pipeline::Options::default();
        opts.actors = self.actors.clone();
        newsgraph_pipeline::Pipeline::with_options(&opts).map_err(|e| input_error(e))
    }
}

/// A progress bar on stderr, shown only when stderr is a terminal.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    pub fn new() -> Self {
        use std::io::IsTerminal;
        let bar = std::io::stderr().is_terminal().then(|| {
            let b = indicatif::ProgressBar::new_spinner();
            b.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {pos} documents  {per_sec}  {elapsed}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            b.enable_steady_tick(std::time::Duration::from_millis(200));
            b
        });
        Progress { bar }
    }
    pub fn is_visible(&self) -> bool {
        self.bar.is_some()
    }
    pub fn inc(&self, n: u64) {
        if let Some(b) = &self.bar {
            b.inc(n);
        }
    }
    /// Prints a line on stderr without tearing the bar.
    pub fn println(&self, msg: &str) {
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{msg}")),
            None => eprintln!("{msg}"),
        }
    }
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

impl Default for Progress {
    fn default() -> Self {
        Self::new()
    }
}
