//! `newsgraph analyze`: articles in, newsgraph/1 JSON Lines out.

use crate::util::{input_error, Progress};
use anyhow::Context;
use newsgraph_core::schema::{to_schema, SchemaOptions};
use newsgraph_pipeline::Pipeline;
use newsgraph_read::{read_paths, ReadOptions};
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles: dated text files (`date YYYY-MM-DD` first), plain text, .jsonl files,
    /// folders (read recursively), or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Date of articles that carry none (YYYY-MM-DD); relative times resolve against it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::util::parse_date_arg)]
    pub date: Option<chrono::NaiveDate>,
    /// Indent the JSON (one document is then several lines).
    #[arg(long)]
    pub pretty: bool,
    /// Include tokens with POS, lemma and dependencies.
    #[arg(long)]
    pub tokens: bool,
    /// Go on past bad records and report how many were skipped.
    #[arg(long)]
    pub skip_bad: bool,
    #[command(flatten)]
    pub pipeline: crate::util::PipelineArgs,
}

/// Documents analysed per parallel batch: enough to keep every core busy, small enough to
/// stream large corpora in flat memory.
const BATCH: usize = 64;

pub fn run(args: Args) -> anyhow::Result<()> {
    let pipeline = args.pipeline.build()?;
    let opts = ReadOptions {
        date: args.date,
        skip_bad: args.skip_bad,
    };
    let schema_opts = SchemaOptions {
        tokens: args.tokens,
    };
    let started = Instant::now();
    let progress = Progress::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut docs_n, mut events_n, mut skipped) = (0usize, 0usize, 0usize);
    let mut batch = Vec::with_capacity(BATCH);
    let mut inputs = read_paths(&args.paths, &opts);
    loop {
        let next = inputs.next();
        let done = next.is_none();
        match next {
            Some(Ok(doc)) => batch.push(doc),
            Some(Err(e)) => {
                if args.skip_bad {
                    skipped += 1;
                    progress.println(&format!("newsgraph: skipped: {e}"));
                } else {
                    // Finish what was read before the bad record, then stop.
                    flush(
                        &pipeline,
                        std::mem::take(&mut batch),
                        schema_opts,
                        args.pretty,
                        &mut out,
                        &progress,
                        &mut docs_n,
                        &mut events_n,
                    )?;
                    out.flush()?;
                    return Err(anyhow::Error::new(e)
                        .context("bad input (use --skip-bad to go on past bad records)"));
                }
            }
            None => {}
        }
        if batch.len() >= BATCH || (done && !batch.is_empty()) {
            flush(
                &pipeline,
                std::mem::take(&mut batch),
                schema_opts,
                args.pretty,
                &mut out,
                &progress,
                &mut docs_n,
                &mut events_n,
            )?;
        }
        if done {
            break;
        }
    }
    out.flush().context("writing output")?;
    progress.finish();
    if docs_n == 0 && skipped == 0 {
        return Err(input_error(
            "no articles found (expected .txt or .jsonl files, a folder, or -)",
        ));
    }
    let secs = started.elapsed().as_secs_f64();
    if skipped > 0 {
        eprintln!(
            "newsgraph: skipped {skipped} bad record{}",
            if skipped == 1 { "" } else { "s" }
        );
    }
    if progress.is_visible() || crate::util::verbose() {
        eprintln!(
            "analysed {docs_n} documents, {events_n} events in {secs:.2} s ({:.1} documents/s)",
            docs_n as f64 / secs.max(1e-9)
        );
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn flush(
    pipeline: &Pipeline,
    batch: Vec<newsgraph_core::Document>,
    opts: SchemaOptions,
    pretty: bool,
    out: &mut impl Write,
    progress: &Progress,
    docs_n: &mut usize,
    events_n: &mut usize,
) -> anyhow::Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let n = batch.len();
    let docs = pipeline.analyze_all(batch);
    for doc in &docs {
        for w in &doc.warnings {
            progress.println(&format!("newsgraph: warning: {}: {w}", doc.id));
        }
        *events_n += doc.events.len();
        let o = to_schema(doc, opts);
        if pretty {
            serde_json::to_writer_pretty(&mut *out, &o)?;
        } else {
            serde_json::to_writer(&mut *out, &o)?;
        }
        out.write_all(b"\n")?;
    }
    *docs_n += n;
    progress.inc(n as u64);
    Ok(())
}
