//! `newsgraph train tagger|parser`: rebuild the syntax models from the corpora
//! (deterministic: fixed seeds). The parser's word clusters are computed from unlabeled text:
//! the words of EWT train, of GMB's first 80% (`--gmb`) and of the wikinews articles
//! (`--wikinews`, segmented by newsgraph's own tokenizer).

use crate::util::input_error;
use newsgraph_syntax::{
    evaluate_parser, evaluate_tagger, gmb_split, jackknife_tags, parse_gmb, read_conllu, train_parser_with_clusters,
    train_tagger, Clusters, ConllSentence, ParserOptions, TaggerOptions,
};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  newsgraph train tagger --ewt ../shared/corpora/ud-english-ewt \
                        --gmb ../shared/corpora/gmb-ner/ner_dataset.csv --out crates/syntax/models\n  \
                        newsgraph train parser --ewt ../shared/corpora/ud-english-ewt \
                        --gmb ../shared/corpora/gmb-ner/ner_dataset.csv \
                        --wikinews ../shared/corpora/wikinews/articles.jsonl --out crates/syntax/models")]
pub struct Args {
    /// Folder with en_ewt-ud-{train,dev}.conllu.
    #[arg(long)]
    pub ewt: PathBuf,
    /// GMB NER table; its first 80% of sentences add Penn tags (tagger) or unlabeled text for
    /// the word clusters (parser).
    #[arg(long)]
    pub gmb: Option<PathBuf>,
    /// Articles (any input `analyze` reads, e.g. wikinews articles.jsonl): unlabeled text for
    /// the parser's word clusters.
    #[arg(long)]
    pub wikinews: Option<PathBuf>,
    /// Parser: file caching the jackknifed training tags (read if it exists and matches EWT
    /// train, else computed and written), to save time on repeated runs.
    #[arg(long)]
    pub tags_cache: Option<PathBuf>,
    /// Parser: train without word clusters (ablation).
    #[arg(long)]
    pub no_clusters: bool,
    /// Output folder (tagger.bin + lemma.bin, or parser.bin).
    #[arg(long)]
    pub out: PathBuf,
    /// Training epochs (default: 10 for the tagger, 18 for the parser).
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Jackknife folds for the parser's training tags (0: gold tags).
    #[arg(long, default_value_t = 4)]
    pub folds: usize,
}

pub fn run(which: Which, args: Args) -> anyhow::Result<()> {
    let read = |name: &str| {
        let p = args.ewt.join(name);
        read_conllu(&p).map_err(|e| input_error(format!("{}: cannot read: {e}", p.display())))
    };
    let train = read("en_ewt-ud-train.conllu")?;
    let dev = read("en_ewt-ud-dev.conllu")?;
    std::fs::create_dir_all(&args.out)?;
    let t0 = std::time::Instant::now();
    match which {
        Which::Tagger => {
            let gmb = match &args.gmb {
                Some(p) => {
                    let text = std::fs::read_to_string(p).map_err(|e| input_error(format!("{}: cannot read: {e}", p.display())))?;
                    let all = parse_gmb(&text);
                    gmb_split(&all).0.to_vec()
                }
                None => Vec::new(),
            };
            let mut opts = TaggerOptions { verbose: true, ..Default::default() };
            if let Some(e) = args.epochs {
                opts.epochs = e;
            }
            let t = train_tagger(&train, &gmb, &[], &opts);
            let a = evaluate_tagger(&t, &dev);
            eprintln!("dev: upos {:.4} xpos {:.4} lemma {:.4}", a.upos, a.xpos, a.lemma);
            let (tb, lb) = t.to_bytes();
            std::fs::write(args.out.join("tagger.bin"), &tb)?;
            std::fs::write(args.out.join("lemma.bin"), &lb)?;
            eprintln!("wrote tagger.bin ({} bytes), lemma.bin ({} bytes) in {:.0?}", tb.len(), lb.len(), t0.elapsed());
        }
        Which::Parser => {
            let topts = TaggerOptions { verbose: true, ..Default::default() };
            let cached = args.tags_cache.as_ref().and_then(|p| load_tags(p, &train));
            let tagged = match cached {
                Some(t) => t,
                None if args.folds >= 2 => {
                    let t = jackknife_tags(&train, args.folds, &topts);
                    if let Some(p) = &args.tags_cache {
                        std::fs::write(p, save_tags(&t))?;
                    }
                    t
                }
                None => train.clone(),
            };
            // Unlabeled text for the word clusters.
            let mut text: Vec<Vec<String>> =
                train.iter().map(|s| s.words.iter().map(|w| w.form.clone()).collect()).collect();
            if let Some(p) = &args.gmb {
                let t = std::fs::read_to_string(p).map_err(|e| input_error(format!("{}: cannot read: {e}", p.display())))?;
                let all = parse_gmb(&t);
                text.extend(gmb_split(&all).0.iter().map(|s| s.iter().map(|(w, _)| w.clone()).collect::<Vec<String>>()));
            }
            if let Some(p) = &args.wikinews {
                text.extend(article_sentences(p)?);
            }
            let clusters = if args.no_clusters { Clusters::default() } else { Clusters::build(&text, |m| eprintln!("{m}")) };
            drop(text);
            let mut opts = ParserOptions { verbose: true, ..Default::default() };
            if let Some(e) = args.epochs {
                opts.epochs = e;
            }
            // Dev with the shipped tagger's tags (as `newsgraph eval parser` does), for the
            // figures printed every 3 epochs and at the end.
            let mut dev = dev;
            let tagger = newsgraph_syntax::Tagger::embedded();
            for s in dev.iter_mut() {
                let tags = tagger.tag(&s.forms());
                for (w, t) in s.words.iter_mut().zip(tags) {
                    w.upos = t.upos.as_str().to_string();
                    w.xpos = t.xpos;
                }
            }
            let p = train_parser_with_clusters(&tagged, &dev, clusters, &opts);
            let a = evaluate_parser(&p, &dev);
            eprintln!("dev (predicted tags): uas {:.4} las {:.4}", a.uas, a.las);
            let b = p.to_bytes();
            std::fs::write(args.out.join("parser.bin"), &b)?;
            eprintln!("wrote parser.bin ({} bytes) in {:.0?}", b.len(), t0.elapsed());
        }
    }
    Ok(())
}

/// Tokenised sentences of the articles in `path` (newsgraph's own segmenter).
fn article_sentences(path: &std::path::Path) -> anyhow::Result<Vec<Vec<String>>> {
    use newsgraph_core::Component;
    let seg = newsgraph_text::Segmenter::new();
    let mut out = Vec::new();
    for d in newsgraph_read::read_paths(&[path.to_path_buf()], &newsgraph_read::ReadOptions::default()) {
        let mut doc = d.map_err(|e| input_error(format!("{}: {e}", path.display())))?;
        seg.process(&mut doc);
        for s in &doc.sentences {
            let Some(toks) = doc.tokens.get(s.tokens.clone()) else { continue };
            out.push(toks.iter().map(|t| doc.text.get(t.span.range()).unwrap_or("").to_string()).collect());
        }
    }
    Ok(out)
}

/// The tags of `tagged` as text: one line per sentence, `UPOS XPOS` per word, tab-separated.
fn save_tags(tagged: &[ConllSentence]) -> String {
    let mut s = String::new();
    for sent in tagged {
        let words: Vec<String> = sent.words.iter().map(|w| format!("{} {}", w.upos, w.xpos)).collect();
        s.push_str(&words.join("\t"));
        s.push('\n');
    }
    s
}

/// `train` with the tags of a file written by [`save_tags`], if it matches `train`.
fn load_tags(path: &std::path::Path, train: &[ConllSentence]) -> Option<Vec<ConllSentence>> {
    let text = std::fs::read_to_string(path).ok()?;
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() != train.len() {
        return None;
    }
    let mut out = train.to_vec();
    for (sent, line) in out.iter_mut().zip(lines) {
        let tags: Vec<&str> = line.split('\t').collect();
        if tags.len() != sent.words.len() {
            return None;
        }
        for (w, t) in sent.words.iter_mut().zip(tags) {
            let (u, x) = t.split_once(' ')?;
            w.upos = u.to_string();
            w.xpos = x.to_string();
        }
    }
    eprintln!("jackknifed tags read from {}", path.display());
    Some(out)
}

/// Which model `run` trains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Tagger,
    Parser,
}
