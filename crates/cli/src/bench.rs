//! `newsgraph bench`: speed of the linguistic stages (tokenization + sentences, tagging with
//! lemmas, parsing) on one core, and peak memory.

use crate::util::input_error;
use newsgraph_core::{Component, Document};
use newsgraph_read::{read_paths, ReadOptions};
use newsgraph_syntax::{Parser, Tagger};
use newsgraph_text::Segmenter;
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph bench\n  newsgraph bench --input ../shared/corpora/wikinews/articles.jsonl --json"
)]
pub struct Args {
    /// Articles to run over (any input `analyze` reads); default
    /// ../shared/corpora/wikinews/articles.jsonl.
    #[arg(long)]
    pub input: Option<PathBuf>,
    /// Passes over the input (the figures are totals over all passes).
    #[arg(long, default_value_t = 3)]
    pub repeat: usize,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// On-CPU time of the calling thread (from /proc/thread-self/schedstat, nanoseconds), so that
/// figures stay meaningful on a busy machine; falls back to wall time.
fn cpu_now() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// A stopwatch over thread CPU time (or wall time where that is unavailable).
struct Clock {
    wall: Instant,
    cpu: Option<Duration>,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: cpu_now(),
        }
    }
    fn elapsed(&self) -> Duration {
        match (self.cpu, cpu_now()) {
            (Some(a), Some(b)) if b >= a => b - a,
            _ => self.wall.elapsed(),
        }
    }
}

/// Peak resident set size in bytes (VmHWM), if the platform reports it.
pub fn peak_rss() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let input = args.input.clone().unwrap_or_else(|| {
        let local = PathBuf::from("../shared/corpora/wikinews/articles.jsonl");
        if local.exists() {
            local
        } else {
            PathBuf::from("/work/shared/corpora/wikinews/articles.jsonl")
        }
    });
    if !input.exists() {
        return Err(input_error(format!(
            "{}: no such file (give --input FILE)",
            input.display()
        )));
    }
    let mut docs: Vec<Document> = Vec::new();
    for d in read_paths(&[input.clone()], &ReadOptions::default()) {
        match d {
            Ok(d) => docs.push(d),
            Err(e) => eprintln!("newsgraph: skipped: {e}"),
        }
    }
    if docs.is_empty() {
        return Err(input_error(format!("{}: no articles", input.display())));
    }
    // Load the models before timing.
    let t_load = Instant::now();
    let tagger = Tagger::embedded();
    let parser = Parser::embedded();
    let load = t_load.elapsed();
    let seg = Segmenter::new();
    let words_per_pass: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let (mut t_seg, mut t_tag, mut t_parse) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let mut tokens = 0usize;
    let mut sentences = 0usize;
    for _ in 0..args.repeat.max(1) {
        for d in &docs {
            let mut doc = d.clone();
            let t = Clock::start();
            seg.process(&mut doc);
            t_seg += t.elapsed();
            let t = Clock::start();
            tagger.process(&mut doc);
            t_tag += t.elapsed();
            let t = Clock::start();
            parser.process(&mut doc);
            t_parse += t.elapsed();
            tokens += doc.tokens.len();
            sentences += doc.sentences.len();
        }
    }
    let words = words_per_pass * args.repeat.max(1);
    let rate = |n: usize, t: Duration| n as f64 / t.as_secs_f64().max(1e-9);
    let total = t_seg + t_tag + t_parse;
    let rss = peak_rss();
    let v = serde_json::json!({
        "input": input.display().to_string(),
        "articles": docs.len(),
        "passes": args.repeat.max(1),
        "words": words,
        "tokens": tokens,
        "sentences": sentences,
        "model_load_s": load.as_secs_f64(),
        "tokenize": {"words_per_s": rate(words, t_seg).round(), "tokens_per_s": rate(tokens, t_seg).round()},
        "tag": {"words_per_s": rate(words, t_tag).round(), "tokens_per_s": rate(tokens, t_tag).round()},
        "parse": {"words_per_s": rate(words, t_parse).round(), "tokens_per_s": rate(tokens, t_parse).round()},
        "total": {"words_per_s": rate(words, total).round(), "tokens_per_s": rate(tokens, total).round()},
        "peak_rss_mb": rss.map(|b| (b as f64 / 1048576.0 * 10.0).round() / 10.0),
    });
    if args.json {
        println!("{v}");
    } else {
        println!("{} articles x {} passes: {words} words, {tokens} tokens, {sentences} sentences (one core, thread CPU time)", docs.len(), args.repeat.max(1));
        println!("model load: {:.3} s", load.as_secs_f64());
        for (name, t) in [
            ("tokenize+split", t_seg),
            ("tag+lemma", t_tag),
            ("parse", t_parse),
            ("total", total),
        ] {
            println!(
                "{name:>15}: {:>10.0} words/s {:>10.0} tokens/s",
                rate(words, t),
                rate(tokens, t)
            );
        }
        match rss {
            Some(b) => println!("peak RSS: {:.1} MB", b as f64 / 1048576.0),
            None => println!("peak RSS: unknown"),
        }
    }
    Ok(())
}
