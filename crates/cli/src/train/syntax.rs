//! `newsgraph train tagger|parser`: rebuild the syntax models from the corpora
//! (deterministic: fixed seeds). Optional word clusters (`--clusters` for the parser,
//! `--tagger-clusters` for the tagger; not in the shipped models) are computed from unlabeled
//! text: the words of EWT train, of GMB's first 80% (`--gmb`) and of the wikinews articles
//! (`--wikinews`, segmented by newsgraph's own tokenizer).

use crate::util::input_error;
use newsgraph_syntax::{
    evaluate_parser, evaluate_tagger, gmb_split, jackknife_tags_extra, parse_gmb, read_conllu,
    train_parser_with_clusters, train_tagger, Clusters, ConllSentence, ParserOptions,
    TaggerOptions,
};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph train tagger --ewt ../shared/corpora/ud-english-ewt \
                        --gmb ../shared/corpora/gmb-ner/ner_dataset.csv --out crates/syntax/models\n  \
                        newsgraph train parser --ewt ../shared/corpora/ud-english-ewt --out crates/syntax/models\n  \
                        newsgraph train parser --ewt ../shared/corpora/ud-english-ewt --clusters \
                        --gmb ../shared/corpora/gmb-ner/ner_dataset.csv \
                        --wikinews ../shared/corpora/wikinews/articles.jsonl --out /tmp/parser-clusters"
)]
pub struct Args {
    /// Folder with en_ewt-ud-{train,dev}.conllu.
    #[arg(long)]
    pub ewt: PathBuf,
    /// GMB NER table; its first 80% of sentences add Penn tags (tagger) and unlabeled text for
    /// the word clusters (`--clusters`, `--tagger-clusters`).
    #[arg(long)]
    pub gmb: Option<PathBuf>,
    /// Articles (any input `analyze` reads, e.g. wikinews articles.jsonl): unlabeled text for
    /// the word clusters (`--clusters`, `--tagger-clusters`).
    #[arg(long)]
    pub wikinews: Option<PathBuf>,
    /// Parser: word-cluster features (clusters from the words of EWT train, `--gmb` and
    /// `--wikinews`, stored in a version-2 parser.bin). Off by default: not in the shipped
    /// parser (see crates/syntax/models/README.md).
    #[arg(long)]
    pub clusters: bool,
    /// Tagger: word-cluster features (same clusters; version-2 tagger.bin); parser: the
    /// jackknife fold taggers use them too. Off by default: not in the shipped tagger.
    #[arg(long)]
    pub tagger_clusters: bool,
    /// Parser: the jackknife fold taggers also learn from GMB's first 80% (`--gmb`), as the
    /// shipped tagger does (off by default).
    #[arg(long)]
    pub jackknife_gmb: bool,
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
    /// Parser: read sentences right to left (trained on reversed sentences; a version-3
    /// parser.bin). Off by default.
    #[arg(long)]
    pub reverse: bool,

    /// Parser: teacher parsers (parser.bin files, comma-separated) for up-training: sentences
    /// of GMB's first 80% (`--gmb`), tagged by the shipped tagger and parsed by the teachers'
    /// combination (the projective tree with the most votes), are added to the training data.
    #[arg(long, value_delimiter = ',')]
    pub teachers: Vec<PathBuf>,
    /// Parser: supertag features. A supertagger (each word's relation and the side of its
    /// head) is trained on EWT train and kept in the parser.bin (version 4); the parser's
    /// training supertags are jackknifed over the same folds as its tags.
    #[arg(long)]
    pub supertags: bool,
    /// Parser: no state templates on supertags and clusters, only their word templates
    /// (fewer lookups per transition: faster). Off by default
    #[arg(long)]
    pub lean_templates: bool,
    /// Parser: passes of the supertagger (1 or 2; see `train tagger`).
    #[arg(long, default_value_t = 2)]
    pub st_passes: usize,
    /// Parser: drop the supertagger's weights below this many quantisation units (0: keep
    /// all).
    #[arg(long, default_value_t = 0)]
    pub st_prune: i16,
    /// Parser: drop the supertagger's features updated fewer times than this.
    #[arg(long, default_value_t = 1)]
    pub st_min_count: u32,
    /// Parser: how many GMB sentences the teachers parse (evenly spread over GMB's first 80%).
    #[arg(long, default_value_t = 10000)]
    pub silver: usize,
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
                    let text = std::fs::read_to_string(p)
                        .map_err(|e| input_error(format!("{}: cannot read: {e}", p.display())))?;
                    let all = parse_gmb(&text);
                    gmb_split(&all).0.to_vec()
                }
                None => Vec::new(),
            };
            let mut opts = TaggerOptions {
                verbose: true,
                ..Default::default()
            };
            if let Some(e) = args.epochs {
                opts.epochs = e;
            }
            if args.tagger_clusters {
                opts.clusters = build_clusters(&args, &train)?;
            }
            let t = train_tagger(&train, &gmb, &[], &opts);
            let a = evaluate_tagger(&t, &dev);
            eprintln!(
                "dev: upos {:.4} xpos {:.4} lemma {:.4}",
                a.upos, a.xpos, a.lemma
            );
            let (tb, lb) = t.to_bytes();
            std::fs::write(args.out.join("tagger.bin"), &tb)?;
            std::fs::write(args.out.join("lemma.bin"), &lb)?;
            eprintln!(
                "wrote tagger.bin ({} bytes), lemma.bin ({} bytes) in {:.0?}",
                tb.len(),
                lb.len(),
                t0.elapsed()
            );
        }
        Which::Parser => {
            // Word clusters from unlabeled text (parser features; fold taggers' features with
            // --tagger-clusters).
            let clusters = if args.clusters || args.tagger_clusters {
                build_clusters(&args, &train)?
            } else {
                Clusters::default()
            };
            let mut topts = TaggerOptions {
                verbose: true,
                ..Default::default()
            };
            if args.tagger_clusters {
                topts.clusters = clusters.clone();
            }
            let clusters = if args.clusters {
                clusters
            } else {
                Clusters::default()
            };
            let cached = args.tags_cache.as_ref().and_then(|p| load_tags(p, &train));
            let tagged = match cached {
                Some(t) => t,
                None if args.folds >= 2 => {
                    let extra = match (&args.gmb, args.jackknife_gmb) {
                        (Some(p), true) => {
                            let text = std::fs::read_to_string(p).map_err(|e| {
                                input_error(format!("{}: cannot read: {e}", p.display()))
                            })?;
                            gmb_split(&parse_gmb(&text)).0.to_vec()
                        }
                        _ => Vec::new(),
                    };
                    let t = jackknife_tags_extra(
                        &train,
                        &extra,
                        args.folds,
                        !args.interleaved_folds,
                        &topts,
                    );
                    if let Some(p) = &args.tags_cache {
                        std::fs::write(p, save_tags(&t))?;
                    }
                    t
                }
                None => train.clone(),
            };
            let mut tagged = tagged;
            let mut supertagger = None;
            if args.supertags {
                // Supertag sentences: the class is (X, relation and side of the head).
                let st_sents = |src: &[ConllSentence]| -> Vec<ConllSentence> {
                    src.iter()
                        .map(|s| {
                            let mut s = s.clone();
                            let tags = newsgraph_syntax::supertags_of(&s);
                            for (w, t) in s.words.iter_mut().zip(tags) {
                                w.upos = "X".into();
                                w.xpos = t;
                            }
                            s
                        })
                        .collect()
                };
                let st_train = st_sents(&train);
                let st_dev = st_sents(&dev);
                let sopts = TaggerOptions {
                    verbose: false,
                    min_count: args.st_min_count,
                    no_lemmas: true,
                    one_pass: args.st_passes == 1,
                    prune: args.st_prune,
                    ..Default::default()
                };
                // Jackknifed supertags over contiguous folds (the xpos of `jk`).
                let jk = newsgraph_syntax::jackknife_tags_split(
                    &st_train,
                    args.folds.max(2),
                    true,
                    &sopts,
                );
                let (mut ok, mut tot) = (0usize, 0usize);
                for ((s, j), g) in tagged.iter_mut().zip(jk).zip(&st_train) {
                    for ((w, jw), gw) in s.words.iter_mut().zip(j.words).zip(&g.words) {
                        ok += (jw.xpos == gw.xpos) as usize;
                        tot += 1;
                        w.lemma = jw.xpos;
                    }
                }
                eprintln!(
                    "jackknifed supertags on train: {:.4}",
                    ok as f64 / tot.max(1) as f64
                );
                let sg = train_tagger(&st_train, &[], &[], &sopts);
                let a = evaluate_tagger(&sg, &st_dev);
                let (tb, lb) = sg.to_bytes();
                eprintln!(
                    "supertagger dev accuracy {:.4} ({} + {} bytes)",
                    a.xpos,
                    tb.len(),
                    lb.len()
                );
                supertagger = Some(sg);
            }
            if !args.teachers.is_empty() {
                tagged.extend(silver_sentences(&args)?);
            }
            let mut opts = ParserOptions {
                verbose: true,
                ..Default::default()
            };
            if let Some(e) = args.epochs {
                opts.epochs = e;
            }
            opts.members = args.members.max(1);
            if let Some(s) = args.seed {
                opts.seed = s;
            }
            opts.reverse = args.reverse;
            opts.supertags = args.supertags;
            opts.lean = args.lean_templates;
            let mut p = train_parser_with_clusters(&tagged, &[], clusters, &opts);
            if let Some(sg) = supertagger {
                p = p.with_supertagger(sg);
            }
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
            eprintln!(
                "wrote parser.bin ({} bytes) in {:.0?}",
                b.len(),
                t0.elapsed()
            );
        }
    }
    Ok(())
}

/// GMB sentences tagged by the shipped tagger and parsed by the combination of `--teachers`.
fn silver_sentences(args: &Args) -> anyhow::Result<Vec<ConllSentence>> {
    let Some(p) = &args.gmb else {
        return Err(input_error(
            "--teachers needs --gmb (the sentences the teachers parse)",
        ));
    };
    let text = std::fs::read_to_string(p)
        .map_err(|e| input_error(format!("{}: cannot read: {e}", p.display())))?;
    let all = parse_gmb(&text);
    let train_part = gmb_split(&all).0;
    let mut teachers = Vec::new();
    for t in &args.teachers {
        let b = std::fs::read(t)
            .map_err(|e| input_error(format!("{}: cannot read: {e}", t.display())))?;
        teachers.push(
            newsgraph_syntax::Parser::from_bytes(&b)
                .ok_or_else(|| input_error(format!("{}: not a parser model", t.display())))?,
        );
    }
    let teachers: Vec<&newsgraph_syntax::Parser> = teachers.iter().collect();
    let tagger = newsgraph_syntax::Tagger::embedded();
    let want = args.silver.min(train_part.len());
    let mut out = Vec::with_capacity(want);
    for k in 0..want {
        let s = &train_part[k * train_part.len() / want.max(1)];
        let words: Vec<&str> = s.iter().map(|(w, _)| w.as_str()).collect();
        if words.is_empty() {
            continue;
        }
        let tags = tagger.tag(&words);
        let up: Vec<&str> = tags.iter().map(|t| t.upos.as_str()).collect();
        let xp: Vec<&str> = tags.iter().map(|t| t.xpos.as_str()).collect();
        let arcs = newsgraph_syntax::parse_combined(&teachers, &words, &up, &xp);
        let conll_words = words
            .iter()
            .zip(&tags)
            .zip(&arcs)
            .map(|((w, t), a)| newsgraph_syntax::ConllWord {
                form: w.to_string(),
                lemma: t.lemma.clone(),
                upos: t.upos.as_str().to_string(),
                xpos: t.xpos.clone(),
                head: a.head.map_or(0, |h| h + 1),
                deprel: a.deprel.clone(),
                space_after: true,
            })
            .collect();
        out.push(ConllSentence {
            words: conll_words,
            text: None,
        });
    }
    eprintln!(
        "silver: {} GMB sentences parsed by {} teachers",
        out.len(),
        teachers.len()
    );
    Ok(out)
}

/// Word clusters over unlabeled text: the words of EWT train, of GMB's first 80% (`--gmb`)
/// and of the `--wikinews` articles.
fn build_clusters(args: &Args, train: &[ConllSentence]) -> anyhow::Result<Clusters> {
    let mut text: Vec<Vec<String>> = train
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.clone()).collect())
        .collect();
    if let Some(p) = &args.gmb {
        let t = std::fs::read_to_string(p)
            .map_err(|e| input_error(format!("{}: cannot read: {e}", p.display())))?;
        let all = parse_gmb(&t);
        text.extend(
            gmb_split(&all)
                .0
                .iter()
                .map(|s| s.iter().map(|(w, _)| w.clone()).collect::<Vec<String>>()),
        );
    }
    if let Some(p) = &args.wikinews {
        text.extend(article_sentences(p)?);
    }
    Ok(Clusters::build(&text, |m| eprintln!("{m}")))
}

/// Tokenised sentences of the articles in `path` (newsgraph's own segmenter).
fn article_sentences(path: &std::path::Path) -> anyhow::Result<Vec<Vec<String>>> {
    use newsgraph_core::Component;
    let seg = newsgraph_text::Segmenter::new();
    let mut out = Vec::new();
    for d in newsgraph_read::read_paths(
        &[path.to_path_buf()],
        &newsgraph_read::ReadOptions::default(),
    ) {
        let mut doc = d.map_err(|e| input_error(format!("{}: {e}", path.display())))?;
        seg.process(&mut doc);
        for s in &doc.sentences {
            let Some(toks) = doc.tokens.get(s.tokens.clone()) else {
                continue;
            };
            out.push(
                toks.iter()
                    .map(|t| doc.text.get(t.span.range()).unwrap_or("").to_string())
                    .collect(),
            );
        }
    }
    Ok(out)
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
        let words: Vec<String> = sent
            .words
            .iter()
            .map(|w| format!("{} {}", w.upos, w.xpos))
            .collect();
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
        let tags: Vec<&str> = if line.is_empty() {
            Vec::new()
        } else {
            line.split('\t').collect()
        };
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
