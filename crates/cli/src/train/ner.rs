//! `newsgraph train ner`: rebuild the NER model from the GMB corpus (first 80% of its
//! sentences), with word clusters computed from that part plus unlabeled text (the UD EWT
//! train sentences and the Wikinews articles; no labels of either are used). By default a
//! first-order BILOU model, the average of five perceptrons trained with different
//! shuffling seeds. Deterministic: the same corpora, knowledge base and options give the
//! same `ner.bin`.

use anyhow::Context;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  newsgraph train ner --gmb ../shared/corpora/gmb-ner/ner_dataset.csv --out crates/entities/models"
)]
pub struct Args {
    /// The GMB table (`ner_dataset.csv`).
    #[arg(long, default_value = "../shared/corpora/gmb-ner/ner_dataset.csv")]
    pub gmb: PathBuf,
    /// UD English EWT train CoNLL-U: its word forms are unlabeled text for the clusters.
    #[arg(
        long,
        default_value = "../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu"
    )]
    pub ewt: PathBuf,
    /// Wikinews JSON Lines (`text` field): unlabeled text for the clusters.
    #[arg(long, default_value = "../shared/corpora/wikinews/articles.jsonl")]
    pub wikinews: PathBuf,
    /// Output folder; the model is written as `ner.bin` (copy it to
    /// `crates/entities/models/` to embed it).
    #[arg(long, default_value = "crates/entities/models")]
    pub out: PathBuf,
    /// Train a greedy left-to-right tagger instead of the first-order (Viterbi) one.
    #[arg(long)]
    pub greedy: bool,
    /// Train the first-order tagger on BIO labels instead of BILOU (the greedy tagger is
    /// always BIO).
    #[arg(long)]
    pub bio: bool,
    /// A label of its own for the words of GMB time expressions (output as O). Measured
    /// worse on the GMB dev part (`crates/entities/models/README.md`); off by default.
    #[arg(long, conflicts_with = "bio")]
    pub tim: bool,
    /// Perceptrons trained with different shuffling seeds whose weights are averaged into
    /// the model.
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
    /// Part-of-speech features, trained on the GMB table's own Penn tags (at run time the
    /// pipeline's tagger gives them). Measured worse on the GMB dev part; off by default.
    #[arg(long)]
    pub pos: bool,
    /// Part-of-speech features trained on the pipeline tagger's Penn tags of the training
    /// sentences. Measured worse on both dev sets; off by default.
    #[arg(long, conflicts_with = "pos")]
    pub tagged_pos: bool,
    /// Passive-aggressive updates (PA-I) with this aggressiveness C instead of the plain
    /// perceptron step (0: perceptron). Measured worse on the GMB dev part.
    #[arg(long, default_value_t = 0.0)]
    pub pa_c: f32,
    /// Cost-augmented decoding in training: extra score of every wrong label (0: none).
    /// Measured worse on the GMB dev part.
    #[arg(long, default_value_t = 0.0)]
    pub cost: f32,
    /// Word features seen on fewer training words than this are not learned (0: all are).
    /// 2 gave a smaller model with no real gain on the GMB dev part.
    #[arg(long, default_value_t = 0)]
    pub min_count: u32,
    /// Feature dropout in training: the share of features left out of each sentence's
    /// perceptron step (0: none). 0.2 measured within the noise on the GMB dev part.
    #[arg(long, default_value_t = 0.0)]
    pub dropout: f32,
    /// Capitalisation-propensity features: from the same unlabeled text as the clusters,
    /// how often each word is capitalised mid-sentence (stored in the model). Measured
    /// within the noise on the GMB dev part and lower on UNER dev; off by default.
    #[arg(long)]
    pub caps: bool,
    /// Document memory: features of the labels a capitalised word had in the previous N
    /// sentences of its document (the training part's in GMB order, with 4-fold jackknifed
    /// labels; at run time the tagger's own). 0: none (the older model format).
    #[arg(long, default_value_t = 5)]
    pub history: usize,
    /// Training epochs (per perceptron). 5 measured best on the GMB dev part with 5 runs.
    #[arg(long, default_value_t = 5)]
    pub epochs: usize,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&args.gmb)
        .map_err(|e| crate::util::input_error(format!("{}: {e}", args.gmb.display())))?;
    if args.epochs == 0 {
        return Err(crate::util::input_error("--epochs must be at least 1"));
    }
    if !(0.0..1.0).contains(&args.dropout) || args.pa_c < 0.0 || args.cost < 0.0 {
        return Err(crate::util::input_error(
            "--dropout must be in [0, 1); --pa-c and --cost must not be negative",
        ));
    }
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p)
            .map_err(|e| crate::util::input_error(format!("{}: {e}", p.display())))
    };
    let mut unlabeled: Vec<Vec<String>> = Vec::new();
    for line in read(&args.ewt)?.lines() {
        if line.is_empty() {
            unlabeled.push(Vec::new());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        // Word lines only (not multiword ranges "3-4" or empty nodes "3.1").
        if f.len() > 1 && f[0].chars().all(|c| c.is_ascii_digit()) {
            if let Some(s) = unlabeled.last_mut() {
                s.push(f[1].to_string());
            } else {
                unlabeled.push(vec![f[1].to_string()]);
            }
        }
    }
    unlabeled.retain(|s| !s.is_empty());
    for line in read(&args.wikinews)?.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(t) = v.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let spans = newsgraph_entities::tokens::tokenize(t);
        for s in newsgraph_entities::tokens::split_sentences(t, &spans) {
            unlabeled.push(
                spans[s.toks]
                    .iter()
                    .map(|sp| t[sp.range()].to_string())
                    .collect(),
            );
        }
    }
    eprintln!(
        "{} unlabeled sentences for the word clusters",
        unlabeled.len()
    );
    let syntax_tagger = newsgraph_syntax::Tagger::embedded();
    let tag = |words: &[&str]| -> Vec<String> {
        syntax_tagger
            .tag(words)
            .into_iter()
            .map(|t| t.xpos)
            .collect()
    };
    let tagger: Option<newsgraph_entities::eval::PosTagger> =
        if args.tagged_pos { Some(&tag) } else { None };
    let scheme = match (args.bio, args.tim) {
        (true, _) => newsgraph_entities::ner::Scheme::Bio,
        (false, true) => newsgraph_entities::ner::Scheme::BilouTim,
        (false, false) => newsgraph_entities::ner::Scheme::Bilou,
    };
    let bytes = newsgraph_entities::ner::train_gmb(
        &text,
        &unlabeled,
        args.epochs,
        args.runs,
        !args.greedy,
        scheme,
        newsgraph_entities::ner::Update {
            pa_c: args.pa_c,
            cost: args.cost,
            min_count: args.min_count,
            dropout: args.dropout,
            history: args.history,
        },
        args.pos || args.tagged_pos,
        args.caps,
        tagger,
        |m| eprintln!("{m}"),
    )
    .map_err(|e| crate::util::input_error(format!("{}: {e}", args.gmb.display())))?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let path = args.out.join("ner.bin");
    std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
    eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    Ok(())
}
