//! `newsgraph eval time`: TempEval-3 span and value F1.

use std::path::PathBuf;

/// Scores the time-expression recogniser on TimeML files (TempEval-3 platinum).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of TimeML `.tml` files (e.g. ../shared/eval/time/tempeval3-platinum/te3-platinum).
    #[arg(long, value_name = "DIR")]
    pub tml: PathBuf,
    /// Print one JSON object instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Also list every missed, spurious and wrongly valued expression.
    #[arg(long)]
    pub errors: bool,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    if !args.tml.is_dir() {
        return Err(crate::util::input_error(format!("{}: not a folder of .tml files", args.tml.display())));
    }
    let report = newsgraph_time::eval::tempeval(&args.tml).map_err(crate::util::input_error)?;
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
