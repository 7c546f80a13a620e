//! Store commands: `ingest`, `events`, `quotes`, `entities`, `search`, `timeline`, `stats`,
//! `export`. A thin layer over `newsgraph_store`: argument parsing, output formats
//! (`table`, `csv`, `jsonl`) and the ingest loop (read → analyse in parallel batches → store
//! each document in its own transaction).

use crate::util::{input_error, parse_date_arg, PipelineArgs, Progress};
use anyhow::Context;
use chrono::NaiveDate;
use newsgraph_core::schema::{to_schema, SchemaOptions};
use newsgraph_read::{read_paths, ReadOptions};
use newsgraph_store::{
    content_hash, EntityFilter, EventFilter, EventRow, IngestOutcome, QuoteFilter, SearchQuery,
    Store, StoreError, TimelineFilter,
};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

const DEFAULT_DB: &str = "newsgraph.db";

/// Documents analysed per parallel batch: keeps every core busy and memory flat.
const BATCH: usize = 64;

// ---------------------------------------------------------------------------------------------
// Arguments

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph ingest --db news.db articles.jsonl\n  \
                        newsgraph ingest --db news.db --date 2023-09-14 article.txt folder/\n  \
                        cat articles.jsonl | newsgraph ingest --db news.db -"
)]
pub struct IngestArgs {
    /// Corpus database (SQLite); created when missing.
    #[arg(long, value_name = "FILE", default_value = DEFAULT_DB)]
    pub db: PathBuf,
    /// Articles: dated text files, plain text, .jsonl files, folders (recursively), or `-`.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Date of articles that carry none (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Go on past bad records and report how many were skipped.
    #[arg(long)]
    pub skip_bad: bool,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

/// The database of a query command.
#[derive(Debug, clap::Args)]
pub struct DbArg {
    /// Corpus database written by `newsgraph ingest`.
    #[arg(long, value_name = "FILE", default_value = DEFAULT_DB)]
    pub db: PathBuf,
}

/// Output format of the query commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for reading (long texts shortened).
    Table,
    /// Comma-separated values with a header row, every field.
    Csv,
    /// One JSON object a line, every field.
    Jsonl,
}

/// Paging of the query commands.
#[derive(Debug, clap::Args)]
pub struct PageArgs {
    /// At most this many rows (0: all).
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: u32,
    /// Skip this many rows first.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: u32,
}

impl PageArgs {
    fn limit(&self) -> Option<u32> {
        (self.limit > 0).then_some(self.limit)
    }
}

/// Event filters shared by `events` and `export`.
#[derive(Debug, clap::Args)]
pub struct EventFilterArgs {
    /// Source or target actor code prefix (RUS matches RUS, RUSGOV, RUSMIL).
    #[arg(long, value_name = "CODE")]
    pub actor: Option<String>,
    /// Source actor code prefix.
    #[arg(long, value_name = "CODE")]
    pub source: Option<String>,
    /// Target actor code prefix.
    #[arg(long, value_name = "CODE")]
    pub target: Option<String>,
    /// CAMEO code prefix (03 = the whole root, 036 exactly).
    #[arg(long, value_name = "CAMEO")]
    pub code: Option<String>,
    /// PLOVER event type (AGREE, CONSULT, ACCUSE, SANCTION, …).
    #[arg(long, value_name = "TYPE")]
    pub plover: Option<String>,
    /// Modality: asserted, intent, threat, negated, hypothetical.
    #[arg(long, value_name = "M")]
    pub modality: Option<String>,
    /// Events on or after this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub from: Option<NaiveDate>,
    /// Events on or before this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub to: Option<NaiveDate>,
    /// Only events of this document id.
    #[arg(long, value_name = "ID")]
    pub document: Option<String>,
}

impl EventFilterArgs {
    fn filter(&self, limit: Option<u32>, offset: u32) -> EventFilter {
        EventFilter {
            actor: self.actor.clone(),
            source: self.source.clone(),
            target: self.target.clone(),
            code: self.code.clone(),
            plover: self.plover.clone(),
            modality: self.modality.clone(),
            from: self.from,
            to: self.to,
            document: self.document.clone(),
            limit,
            offset,
        }
    }
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph events --db news.db --actor RUS\n  \
                        newsgraph events --db news.db --source USA --code 16 --from 2023-01-01 --format csv\n  \
                        newsgraph events --db news.db --plover THREATEN --modality threat --format jsonl"
)]
pub struct EventsArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub filter: EventFilterArgs,
    #[command(flatten)]
    pub page: PageArgs,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph quotes --db news.db --speaker Putin\n  \
                        newsgraph quotes --db news.db --search \"sanctions\" --format jsonl"
)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Speaker name or the speaker as written (case-insensitive substring).
    #[arg(long, value_name = "TEXT")]
    pub speaker: Option<String>,
    /// Words the quote must contain (full-text search, stemmed).
    #[arg(long, value_name = "WORDS")]
    pub search: Option<String>,
    /// direct, partial or indirect.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub from: Option<NaiveDate>,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub to: Option<NaiveDate>,
    #[command(flatten)]
    pub page: PageArgs,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph entities --db news.db --type PERSON\n  \
                        newsgraph entities --db news.db --name korea --format csv"
)]
pub struct EntitiesArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Entity type: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, LAW, PRODUCT, MONEY.
    #[arg(long = "type", value_name = "TYPE")]
    pub etype: Option<String>,
    /// Case-insensitive substring of the name.
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    /// Actor code prefix.
    #[arg(long, value_name = "CODE")]
    pub actor: Option<String>,
    #[command(flatten)]
    pub page: PageArgs,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph search --db news.db nuclear talks\n  \
                        newsgraph search --db news.db --raw '\"peace talks\" OR ceasefire' --format jsonl"
)]
pub struct SearchArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Words to find (all required, stemmed; a trailing * makes a prefix).
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
    /// Take TEXT as SQLite FTS5 query syntax (phrases in quotes, OR, NOT, NEAR).
    #[arg(long)]
    pub raw: bool,
    /// Search only the articles.
    #[arg(long, conflicts_with = "quotes_only")]
    pub articles_only: bool,
    /// Search only the quotes.
    #[arg(long)]
    pub quotes_only: bool,
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: u32,
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: u32,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph timeline --db news.db --actor RUS\n  \
                        newsgraph timeline --db news.db --actor PRK --with USA --from 2023-01-01 --format csv"
)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Actor code prefix, as source or target.
    #[arg(long, value_name = "CODE")]
    pub actor: String,
    /// Only events between --actor and this actor (either direction).
    #[arg(long = "with", value_name = "CODE")]
    pub other: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub from: Option<NaiveDate>,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub to: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph stats --db news.db\n  newsgraph stats --db news.db --json"
)]
pub struct StatsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Print one JSON object: {"documents":…,"entities":…,"times":…,"quotes":…,"events":…}.
    #[arg(long)]
    pub json: bool,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Jsonl,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Columns: date, source_actor, source_name, cameo, root, quad_class, goldstein, plover, \
                        target_actor, target_name, modality, doc_id, event_id, url, sentence.\n\n\
                        Examples:\n  newsgraph export --db news.db --format csv --out events.csv\n  \
                        newsgraph export --db news.db --format jsonl --actor RUS --from 2023-09-01 --out rus.jsonl"
)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Output file (`-` or none: standard output).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub filter: EventFilterArgs,
}

// ---------------------------------------------------------------------------------------------
// Helpers

/// Maps store errors: the user's fault exits with 2.
fn store_err(e: StoreError) -> anyhow::Error {
    if e.is_user_error() {
        input_error(e.to_string())
    } else {
        anyhow::Error::new(e)
    }
}

fn open_query(db: &Path) -> anyhow::Result<Store> {
    Store::open_read_only(db).map_err(store_err)
}

/// CSV errors carrying an I/O error become that I/O error (so a closed pipe exits quietly).
fn csv_err(e: csv::Error) -> anyhow::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => anyhow::Error::new(io),
        other => anyhow::anyhow!("CSV output: {other:?}"),
    }
}

fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}

/// Writes rows as CSV or JSON Lines (every field), or as a table of chosen columns.
fn write_rows<T: serde::Serialize>(
    format: Format,
    rows: &[T],
    headers: &[&str],
    table_row: impl Fn(&T) -> Vec<String>,
) -> anyhow::Result<()> {
    let mut out = stdout();
    match format {
        Format::Jsonl => {
            for r in rows {
                serde_json::to_writer(&mut out, r)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            for r in rows {
                w.serialize(r).map_err(csv_err)?;
            }
            w.flush()?;
        }
        Format::Table => {
            let cells: Vec<Vec<String>> = rows.iter().map(&table_row).collect();
            write_table(&mut out, headers, &cells)?;
            if rows.is_empty() && std::io::stderr().is_terminal() {
                eprintln!("(no rows)");
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Aligned columns; the last column is not padded.
fn write_table(
    out: &mut impl Write,
    headers: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let n = headers.len();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n) {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 < cells.len() {
                s.push_str(c);
                s.extend(std::iter::repeat_n(' ', widths[i] - c.chars().count() + 2));
            } else {
                s.push_str(c);
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(
        out,
        &headers.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
    )?;
    for r in rows {
        line(out, r)?;
    }
    Ok(())
}

/// One line, at most `max` characters (with an ellipsis when cut).
fn short(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let mut t: String = flat.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "-".into())
}

// ---------------------------------------------------------------------------------------------
// ingest

pub fn ingest(args: IngestArgs) -> anyhow::Result<()> {
    let pipeline = args.pipeline.build()?;
    let mut store = Store::open(&args.db)
        .map_err(store_err)
        .with_context(|| format!("opening corpus database {}", args.db.display()))?;
    let opts = ReadOptions {
        date: args.date,
        skip_bad: args.skip_bad,
    };
    let started = Instant::now();
    let progress = Progress::new();
    let mut counts = Counts::default();
    let mut batch: Vec<(newsgraph_core::Document, String)> = Vec::with_capacity(BATCH);
    // Analysed documents of the previous batch: stored while the next batch is analysed.
    let mut ready: Ready = Vec::new();
    let mut inputs = read_paths(&args.paths, &opts);
    loop {
        let next = inputs.next();
        let done = next.is_none();
        match next {
            Some(Ok(doc)) => {
                let hash = content_hash(
                    &doc.text,
                    doc.date.map(|d| d.to_string()).as_deref(),
                    doc.title.as_deref(),
                );
                // Identical content analysed by this version: skip the analysis altogether.
                match store
                    .current_event_count(&doc.id, &hash)
                    .map_err(store_err)?
                {
                    Some(events) => {
                        counts.unchanged += 1;
                        counts.events += events as usize;
                        progress.inc(1);
                    }
                    None => batch.push((doc, hash)),
                }
            }
            Some(Err(e)) => {
                if args.skip_bad {
                    counts.skipped += 1;
                    progress.println(&format!("newsgraph: skipped: {e}"));
                } else {
                    // Store what was read before the bad record, then stop.
                    store_ready(
                        &mut store,
                        std::mem::take(&mut ready),
                        &progress,
                        &mut counts,
                    )?;
                    let last = analyze_batch(&pipeline, std::mem::take(&mut batch));
                    store_ready(&mut store, last, &progress, &mut counts)?;
                    progress.finish();
                    return Err(anyhow::Error::new(e)
                        .context("bad input (use --skip-bad to go on past bad records)"));
                }
            }
            None => {}
        }
        if batch.len() >= BATCH || (done && !batch.is_empty()) {
            let to_analyze = std::mem::take(&mut batch);
            let to_store = std::mem::take(&mut ready);
            let (analysed, stored) = rayon::join(
                || analyze_batch(&pipeline, to_analyze),
                || store_ready(&mut store, to_store, &progress, &mut counts),
            );
            stored?;
            ready = analysed;
        }
        if done {
            store_ready(
                &mut store,
                std::mem::take(&mut ready),
                &progress,
                &mut counts,
            )?;
            break;
        }
    }
    progress.finish();
    if counts.added + counts.replaced > 0 {
        store.optimize().map_err(store_err)?;
    }
    let secs = started.elapsed().as_secs_f64();
    let docs = counts.added + counts.unchanged + counts.replaced;
    if docs == 0 && counts.skipped == 0 {
        return Err(input_error(
            "no articles found (expected .txt or .jsonl files, a folder, or -)",
        ));
    }
    eprintln!(
        "ingested {docs} documents ({} added, {} unchanged, {} replaced, {} skipped), {} events in {secs:.2} s ({:.1} docs/s)",
        counts.added,
        counts.unchanged,
        counts.replaced,
        counts.skipped,
        counts.events,
        docs as f64 / secs.max(1e-9)
    );
    Ok(())
}

#[derive(Default)]
struct Counts {
    added: usize,
    unchanged: usize,
    replaced: usize,
    skipped: usize,
    events: usize,
}

/// Analysed documents in newsgraph/1 form with their content hashes.
type Ready = Vec<(newsgraph_core::schema::DocumentOut, String)>;

/// Analyses a batch in parallel (input order kept).
fn analyze_batch(
    pipeline: &newsgraph_pipeline::Pipeline,
    batch: Vec<(newsgraph_core::Document, String)>,
) -> Ready {
    use rayon::prelude::*;
    if batch.is_empty() {
        return Vec::new();
    }
    let (docs, hashes): (Vec<_>, Vec<_>) = batch.into_iter().unzip();
    let docs = pipeline.analyze_all(docs);
    let outs: Vec<_> = docs
        .par_iter()
        .map(|d| to_schema(d, SchemaOptions::default()))
        .collect();
    outs.into_iter().zip(hashes).collect()
}

/// Stores analysed documents, each in its own transaction.
fn store_ready(
    store: &mut Store,
    ready: Ready,
    progress: &Progress,
    counts: &mut Counts,
) -> anyhow::Result<()> {
    for (out, hash) in ready {
        if crate::util::verbose() {
            for w in &out.warnings {
                progress.println(&format!("newsgraph: warning: {}: {w}", out.id));
            }
        }
        match store
            .ingest(&out, &hash)
            .map_err(store_err)
            .with_context(|| format!("storing document {}", out.id))?
        {
            IngestOutcome::Added => counts.added += 1,
            IngestOutcome::Unchanged => counts.unchanged += 1,
            IngestOutcome::Replaced => counts.replaced += 1,
        }
        counts.events += out.events.len();
        progress.inc(1);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Queries

pub fn events(a: EventsArgs) -> anyhow::Result<()> {
    let store = open_query(&a.db.db)?;
    let rows = store
        .events(&a.filter.filter(a.page.limit(), a.page.offset))
        .map_err(store_err)?;
    write_rows(
        a.format,
        &rows,
        &[
            "DATE", "SOURCE", "CAMEO", "TARGET", "MODALITY", "DOCUMENT", "SENTENCE",
        ],
        |r: &EventRow| {
            vec![
                opt(&r.date),
                format!(
                    "{} {}",
                    r.source_actor.as_deref().unwrap_or("-"),
                    short(&r.source_name, 24)
                ),
                format!("{} {}", r.cameo, short(&r.cameo_name, 28)),
                match &r.target_actor {
                    None if r.target_name.is_none() => "-".into(),
                    code => format!(
                        "{} {}",
                        code.as_deref().unwrap_or("-"),
                        short(r.target_name.as_deref().unwrap_or(""), 24)
                    ),
                },
                r.modality.clone(),
                format!("{}/{}", short(&r.doc_id, 40), r.event_id),
                short(&r.sentence_text, 80),
            ]
        },
    )
}

pub fn quotes(a: QuotesArgs) -> anyhow::Result<()> {
    let store = open_query(&a.db.db)?;
    let f = QuoteFilter {
        speaker: a.speaker,
        search: a.search,
        kind: a.kind,
        from: a.from,
        to: a.to,
        document: None,
        limit: a.page.limit(),
        offset: a.page.offset,
    };
    let rows = store.quotes(&f).map_err(store_err)?;
    write_rows(
        a.format,
        &rows,
        &["DATE", "SPEAKER", "KIND", "DOCUMENT", "QUOTE"],
        |r| {
            vec![
                opt(&r.date),
                short(
                    r.speaker_name
                        .as_deref()
                        .or(r.speaker_text.as_deref())
                        .unwrap_or("-"),
                    30,
                ),
                r.kind.clone(),
                short(&r.doc_id, 40),
                short(r.snippet.as_deref().unwrap_or(&r.text), 100),
            ]
        },
    )
}

pub fn entities(a: EntitiesArgs) -> anyhow::Result<()> {
    let store = open_query(&a.db.db)?;
    let f = EntityFilter {
        etype: a.etype,
        name: a.name,
        actor: a.actor,
        limit: a.page.limit(),
        offset: a.page.offset,
    };
    let rows = store.entities(&f).map_err(store_err)?;
    write_rows(
        a.format,
        &rows,
        &["NAME", "TYPE", "ACTOR", "ROLE", "DOCUMENTS", "MENTIONS"],
        |r| {
            vec![
                short(&r.name, 40),
                r.etype.clone(),
                opt(&r.actor),
                short(r.role.as_deref().unwrap_or("-"), 30),
                r.documents.to_string(),
                r.mentions.to_string(),
            ]
        },
    )
}

pub fn search(a: SearchArgs) -> anyhow::Result<()> {
    let store = open_query(&a.db.db)?;
    let mut q = SearchQuery::new(a.text.join(" "));
    q.raw = a.raw;
    q.articles = !a.quotes_only;
    q.quotes = !a.articles_only;
    q.limit = (a.limit > 0).then_some(a.limit);
    q.offset = a.offset;
    let rows = store.search(&q).map_err(store_err)?;
    write_rows(
        a.format,
        &rows,
        &["KIND", "DATE", "DOCUMENT", "SNIPPET"],
        |r| {
            let snippet = match &r.speaker {
                Some(s) => format!("{}: {}", short(s, 30), r.snippet),
                None => r.snippet.clone(),
            };
            vec![
                r.kind.clone(),
                opt(&r.date),
                short(&r.doc_id, 50),
                short(&snippet, 110),
            ]
        },
    )
}

pub fn timeline(a: TimelineArgs) -> anyhow::Result<()> {
    let store = open_query(&a.db.db)?;
    let f = TimelineFilter {
        actor: a.actor,
        other: a.other,
        from: a.from,
        to: a.to,
    };
    let rows = store.timeline(&f).map_err(store_err)?;
    write_rows(
        a.format,
        &rows,
        &[
            "DATE",
            "VERBAL_COOP",
            "MATERIAL_COOP",
            "VERBAL_CONFLICT",
            "MATERIAL_CONFLICT",
            "TOTAL",
            "GOLDSTEIN",
        ],
        |r| {
            vec![
                r.date.clone(),
                r.verbal_cooperation.to_string(),
                r.material_cooperation.to_string(),
                r.verbal_conflict.to_string(),
                r.material_conflict.to_string(),
                r.total.to_string(),
                format!("{:+.2}", r.mean_goldstein),
            ]
        },
    )
}

pub fn stats(a: StatsArgs) -> anyhow::Result<()> {
    let store = open_query(&a.db.db)?;
    let s = store.stats().map_err(store_err)?;
    let mut out = stdout();
    if a.json {
        serde_json::to_writer(&mut out, &s)?;
        out.write_all(b"\n")?;
    } else {
        writeln!(out, "database   {}", a.db.db.display())?;
        writeln!(out, "documents  {}", s.documents)?;
        writeln!(out, "entities   {}", s.entities)?;
        writeln!(out, "times      {}", s.times)?;
        writeln!(out, "quotes     {}", s.quotes)?;
        writeln!(out, "events     {}", s.events)?;
    }
    out.flush()?;
    Ok(())
}

/// One row of the export, in the conventional event-data column order.
#[derive(serde::Serialize)]
struct ExportRow<'a> {
    date: Option<&'a str>,
    source_actor: Option<&'a str>,
    source_name: &'a str,
    cameo: &'a str,
    root: &'a str,
    quad_class: u8,
    goldstein: f64,
    plover: Option<&'a str>,
    target_actor: Option<&'a str>,
    target_name: Option<&'a str>,
    modality: &'a str,
    doc_id: &'a str,
    event_id: &'a str,
    url: Option<&'a str>,
    sentence: &'a str,
}

impl<'a> From<&'a EventRow> for ExportRow<'a> {
    fn from(r: &'a EventRow) -> Self {
        ExportRow {
            date: r.date.as_deref(),
            source_actor: r.source_actor.as_deref(),
            source_name: &r.source_name,
            cameo: &r.cameo,
            root: &r.root,
            quad_class: r.quad_class,
            goldstein: r.goldstein,
            plover: r.plover.as_deref(),
            target_actor: r.target_actor.as_deref(),
            target_name: r.target_name.as_deref(),
            modality: &r.modality,
            doc_id: &r.doc_id,
            event_id: &r.event_id,
            url: r.url.as_deref(),
            sentence: &r.sentence_text,
        }
    }
}

const EXPORT_HEADER: [&str; 15] = [
    "date",
    "source_actor",
    "source_name",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "target_actor",
    "target_name",
    "modality",
    "doc_id",
    "event_id",
    "url",
    "sentence",
];

pub fn export(a: ExportArgs) -> anyhow::Result<()> {
    let store = open_query(&a.db.db)?;
    let filter = a.filter.filter(None, 0);
    let to_stdout = a.out.as_ref().is_none_or(|p| p.as_os_str() == "-");
    // Write to a temporary file beside the target and rename at the end: a failed export
    // never leaves a half-written file under the requested name.
    let (sink, tmp): (Box<dyn Write>, Option<(PathBuf, PathBuf)>) = if to_stdout {
        (Box::new(stdout()), None)
    } else {
        let target = a.out.clone().unwrap_or_default();
        let tmp = target.with_file_name(format!(
            ".{}.partial",
            target
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("export")
        ));
        let f = std::fs::File::create(&tmp)
            .map_err(|e| input_error(format!("cannot write {}: {e}", target.display())))?;
        (Box::new(std::io::BufWriter::new(f)), Some((tmp, target)))
    };
    let mut n = 0usize;
    let result = (|| -> anyhow::Result<()> {
        // The first write error, kept whole (a closed pipe must stay an I/O error).
        let mut failure: Option<anyhow::Error> = None;
        let mut fail = |e: anyhow::Error| {
            let msg = e.to_string();
            failure = Some(e);
            StoreError::BadQuery(msg)
        };
        match a.format {
            ExportFormat::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(sink);
                // The header is written even when there are no events.
                w.write_record(EXPORT_HEADER).map_err(csv_err)?;
                let res = store.for_each_event(&filter, |r| {
                    n += 1;
                    w.serialize(ExportRow::from(&r))
                        .map_err(|e| fail(csv_err(e)))
                });
                if let Err(e) = res {
                    return Err(failure.take().unwrap_or_else(|| store_err(e)));
                }
                w.flush()?;
            }
            ExportFormat::Jsonl => {
                let mut w = sink;
                let res = store.for_each_event(&filter, |r| {
                    n += 1;
                    serde_json::to_writer(&mut w, &ExportRow::from(&r))
                        .map_err(std::io::Error::from)
                        .and_then(|_| w.write_all(b"\n"))
                        .map_err(|e| fail(anyhow::Error::new(e)))
                });
                if let Err(e) = res {
                    return Err(failure.take().unwrap_or_else(|| store_err(e)));
                }
                w.flush()?;
            }
        }
        Ok(())
    })();
    match (result, tmp) {
        (Ok(()), Some((tmp, target))) => {
            std::fs::rename(&tmp, &target)
                .with_context(|| format!("moving export into {}", target.display()))?;
            eprintln!("exported {n} events to {}", target.display());
            Ok(())
        }
        (Ok(()), None) => Ok(()),
        (Err(e), Some((tmp, _))) => {
            let _ = std::fs::remove_file(tmp);
            Err(e)
        }
        (Err(e), None) => Err(e),
    }
}
