//! `newsgraph train tagger|parser`: rebuild the syntax models from the corpora
//! (deterministic: fixed seeds).

use crate::util::input_error;
use newsgraph_syntax::{
    evaluate_parser, evaluate_tagger, gmb_split, jackknife_tags, parse_gmb, read_conllu, train_parser, train_tagger,
    ParserOptions, TaggerOptions,
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
            let tagged = if args.folds >= 2 { jackknife_tags(&train, args.folds, &topts) } else { train.clone() };
            let mut opts = ParserOptions { verbose: true, ..Default::default() };
            if let Some(e) = args.epochs {
                opts.epochs = e;
            }
            let p = train_parser(&tagged, &[], &opts);
            let a = evaluate_parser(&p, &dev);
            eprintln!("dev (gold tags): uas {:.4} las {:.4}", a.uas, a.las);
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
