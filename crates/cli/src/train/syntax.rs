//! `newsgraph train tagger|parser`: rebuild the syntax models from the corpora
//! (deterministic: fixed seeds).

use crate::util::input_error;
use newsgraph_syntax::{
    evaluate_parser, evaluate_tagger, gmb_split, jackknife_tags_split, parse_gmb, read_conllu,
    train_parser, train_tagger, ConllSentence, ParserOptions, TaggerOptions,
};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  newsgraph train tagger --ewt ../shared/corpora/ud-english-ewt \
                        --gmb ../shared/corpora/gmb-ner/ner_dataset.csv --out crates/syntax/models\n  \
                        newsgraph train parser --ewt ../shared/corpora/ud-english-ewt --out crates/syntax/models")]
pub struct Args {
    /// Folder with en_ewt-ud-{train,dev}.conllu.
    #[arg(long)]
    pub ewt: PathBuf,
    /// GMB NER table; its first 80% of sentences add Penn tags (tagger only).
    #[arg(long)]
    pub gmb: Option<PathBuf>,
    /// Output folder (tagger.bin + lemma.bin, or parser.bin).
    #[arg(long)]
    pub out: PathBuf,
    /// Training epochs (default: 10 for the tagger, 12 for the parser).
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Jackknife folds for the parser's training tags (0: gold tags).
    #[arg(long, default_value_t = 4)]
    pub folds: usize,
    /// Parser: jackknife folds of every k-th sentence instead of contiguous blocks of
    /// sentences (the default: blocks keep a document's sentences in one fold, so the fold
    /// taggers' errors on the parser's training data are as frequent as on new text).
    #[arg(long)]
    pub interleaved_folds: bool,
    /// Parser: file caching the jackknifed training tags (read if it exists and matches EWT
    /// train, else computed and written), to save time on repeated runs.
    #[arg(long)]
    pub tags_cache: Option<PathBuf>,
    /// Parser: members of the weight-averaged ensemble (perceptrons trained with seeds
    /// `seed`, `seed + 1`, ... whose weights are averaged into one model).
    #[arg(long, default_value_t = 6)]
    pub members: usize,
    /// Parser: seed of the first member (default: ParserOptions's).
    #[arg(long)]
    pub seed: Option<u64>,
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
                    let t = jackknife_tags_split(&train, args.folds, !args.interleaved_folds, &topts);
                    if let Some(p) = &args.tags_cache {
                        std::fs::write(p, save_tags(&t))?;
                    }
                    t
                }
                None => train.clone(),
            };
            let mut opts = ParserOptions { verbose: true, ..Default::default() };
            if let Some(e) = args.epochs {
                opts.epochs = e;
            }
            opts.members = args.members.max(1);
            if let Some(s) = args.seed {
                opts.seed = s;
            }
            let p = train_parser(&tagged, &[], &opts);
            // Dev with the shipped tagger's tags, as `newsgraph eval parser` scores it.
            let mut dev = dev;
            let tagger = newsgraph_syntax::Tagger::embedded();
            for s in dev.iter_mut() {
                let tags = tagger.tag(&s.forms());
                for (w, t) in s.words.iter_mut().zip(tags) {
                    w.upos = t.upos.as_str().to_string();
                    w.xpos = t.xpos;
                }
            }
            let a = evaluate_parser(&p, &dev);
            eprintln!("dev (predicted tags): uas {:.4} las {:.4}", a.uas, a.las);
            let b = p.to_bytes();
            std::fs::write(args.out.join("parser.bin"), &b)?;
            eprintln!("wrote parser.bin ({} bytes) in {:.0?}", b.len(), t0.elapsed());
        }
    }
    Ok(())
}

/// Which model `run` trains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Tagger,
    Parser,
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
    for (s, line) in out.iter_mut().zip(&lines) {
        let tags: Vec<&str> = if line.is_empty() { Vec::new() } else { line.split('\t').collect() };
        if tags.len() != s.words.len() {
            return None;
        }
        for (w, t) in s.words.iter_mut().zip(tags) {
            let (u, x) = t.split_once(' ')?;
            w.upos = u.to_string();
            w.xpos = x.to_string();
        }
    }
    Some(out)
}
