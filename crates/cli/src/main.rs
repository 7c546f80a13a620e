//! The `newsgraph` command-line tool: a thin layer over the library crates.
//!
//! Exit codes: 0 success, 1 failure, 2 usage or input error.

mod analyze;
mod bench;
mod eval;
mod explain;
mod parse;
mod serve;
mod store_cmds;
mod train;
mod util;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "newsgraph",
    version,
    about = "Dated news articles in; entities, times, quotes and CAMEO/PLOVER events out.",
    long_about = "newsgraph turns dated news articles into structured, sourced knowledge: who did \
                  what to whom, when, where, and who said what. One binary, offline.",
    after_help = "Examples:\n  newsgraph analyze examples/putin-kim.txt --pretty\n  \
                  newsgraph ingest --db news.db articles.jsonl\n  \
                  newsgraph events --db news.db --actor RUS --format table"
)]
struct Cli {
    /// Log more (-v info, -vv debug); NEWSGRAPH_LOG overrides.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse articles and print newsgraph/1 JSON Lines.
    #[command(
        after_help = "Examples:\n  newsgraph analyze examples/putin-kim.txt --pretty\n  \
                            newsgraph analyze --date 2023-09-14 article.txt\n  \
                            cat articles.jsonl | newsgraph analyze -"
    )]
    Analyze(analyze::Args),
    /// Print tokens, tags, lemmas and dependencies.
    Parse(parse::Args),
    /// Show tokens, parse, entities and why each event got its code.
    Explain(explain::Args),
    /// Analyse articles and store them in a corpus database.
    Ingest(store_cmds::IngestArgs),
    /// Query stored events.
    Events(store_cmds::EventsArgs),
    /// Query stored quotes.
    Quotes(store_cmds::QuotesArgs),
    /// Query stored entities.
    Entities(store_cmds::EntitiesArgs),
    /// Full-text search over stored articles and quotes.
    Search(store_cmds::SearchArgs),
    /// Events of an actor by day.
    Timeline(store_cmds::TimelineArgs),
    /// Counts of what the store holds.
    Stats(store_cmds::StatsArgs),
    /// Export stored events in the conventional event-data layout.
    Export(store_cmds::ExportArgs),
    /// Accuracy of each component on an evaluation set.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Rebuild a model from the training corpora.
    #[command(subcommand)]
    Train(train::TrainCommand),
    /// Speed of the pipeline.
    Bench(bench::Args),
    /// Serve the HTTP API and the web page over a corpus database.
    Serve(serve::Args),
}

fn main() {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    init_logging(cli.verbose);
    util::set_verbose(cli.verbose > 0);
    let result = match cli.command {
        Command::Analyze(a) => analyze::run(a),
        Command::Parse(a) => parse::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Ingest(a) => store_cmds::ingest(a),
        Command::Events(a) => store_cmds::events(a),
        Command::Quotes(a) => store_cmds::quotes(a),
        Command::Entities(a) => store_cmds::entities(a),
        Command::Search(a) => store_cmds::search(a),
        Command::Timeline(a) => store_cmds::timeline(a),
        Command::Stats(a) => store_cmds::stats(a),
        Command::Export(a) => store_cmds::export(a),
        Command::Eval(c) => eval::run(c),
        Command::Train(c) => train::run(c),
        Command::Bench(a) => bench::run(a),
        Command::Serve(a) => serve::run(a),
    };
    if let Err(e) = result {
        // A closed pipe (`newsgraph analyze … | head`) is not an error.
        if e.chain().any(|c| {
            c.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        }) {
            std::process::exit(0);
        }
        eprintln!("newsgraph: error: {e}");
        for cause in e.chain().skip(1) {
            eprintln!("  caused by: {cause}");
        }
        std::process::exit(if util::is_input_error(&e) { 2 } else { 1 });
    }
}

fn init_logging(verbose: u8) {
    use tracing_subscriber::EnvFilter;
    let default = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter =
        EnvFilter::try_from_env("NEWSGRAPH_LOG").unwrap_or_else(|_| EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}
