//! `newsgraph eval tagger|lemma|parser`: accuracy of the syntax models on CoNLL-U, with gold
//! tokenization (the parser runs on the tagger's predicted tags).

use crate::util::input_error;
use newsgraph_syntax::{
    evaluate_parser, evaluate_tagger, evaluate_xpos, gmb_split, parse_conllu, parse_gmb, Parser,
    Tagger,
};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph eval tagger --conllu ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu\n  \
                        newsgraph eval tagger --gmb ../shared/corpora/gmb-ner/ner_dataset.csv --json\n  \
                        newsgraph eval parser --conllu en_ewt-ud-test.conllu --json"
)]
pub struct Args {
    /// CoNLL-U file with gold tags, lemmas and trees.
    #[arg(long)]
    pub conllu: Option<PathBuf>,
    /// GMB NER table (`ner_dataset.csv`): XPOS accuracy on its test part (last 10% of sentences),
    /// in its Penn Treebank notation (`gmb_xpos`) and as tagged in EWT notation (`gmb_xpos_raw`).
    #[arg(long)]
    pub gmb: Option<PathBuf>,
    /// Only the first N sentences of the CoNLL-U file.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Parser: evaluate this parser.bin instead of the embedded model.
    #[arg(long)]
    pub parser_model: Option<PathBuf>,
    /// Evaluate this tagger.bin (with the lemma.bin beside it) instead of the embedded
    /// models (for experiments; the parser then runs on its tags).
    #[arg(long)]
    pub tagger_model: Option<PathBuf>,
    /// GMB: score the dev part (next 10% after the training 80%) instead of the test part.
    #[arg(long)]
    pub gmb_dev: bool,
    /// Parser: also write the predicted tags and trees to this CoNLL-U file (for error
    /// analysis).
    #[arg(long)]
    pub write: Option<PathBuf>,
    /// Parser: also score the combination of the parser with these parser.bin files
    /// (comma-separated): the projective tree with the most votes (`combined_uas`,
    /// `combined_las`).
    #[arg(long, value_delimiter = ',')]
    pub combine: Vec<PathBuf>,
}

pub fn run(which: Which, args: Args) -> anyhow::Result<()> {
    if args.conllu.is_none() && args.gmb.is_none() {
        return Err(input_error(
            "give --conllu FILE (and/or --gmb FILE for the tagger)",
        ));
    }
    let mut out = serde_json::Map::new();
    let loaded_tagger = match &args.tagger_model {
        Some(p) => {
            let lp = p.with_file_name("lemma.bin");
            let b = std::fs::read(p)
                .map_err(|e| input_error(format!("{}: cannot read: {e}", p.display())))?;
            let l = std::fs::read(&lp)
                .map_err(|e| input_error(format!("{}: cannot read: {e}", lp.display())))?;
            Some(
                Tagger::from_bytes(&b, &l)
                    .ok_or_else(|| input_error(format!("{}: not a tagger model", p.display())))?,
            )
        }
        None => None,
    };
    let tagger = loaded_tagger.as_ref().unwrap_or_else(|| Tagger::embedded());
    if let Some(path) = &args.conllu {
        let text = std::fs::read_to_string(path)
            .map_err(|e| input_error(format!("{}: cannot read: {e}", path.display())))?;
        let mut sents = parse_conllu(&text);
        if let Some(n) = args.limit {
            sents.truncate(n);
        }
        if sents.is_empty() {
            return Err(input_error(format!("{}: no sentences", path.display())));
        }
        match which {
            Which::Tagger | Which::Lemma => {
                let a = evaluate_tagger(tagger, &sents);
                if which == Which::Tagger {
                    out.insert("upos".into(), round(a.upos));
                    out.insert("xpos".into(), round(a.xpos));
                }
                out.insert("lemma".into(), round(a.lemma));
                out.insert("tokens".into(), a.tokens.into());
            }
            Which::Parser => {
                // Replace gold tags by predicted ones.
                for s in sents.iter_mut() {
                    let tags = tagger.tag(&s.forms());
                    for (w, t) in s.words.iter_mut().zip(tags) {
                        w.upos = t.upos.as_str().to_string();
                        w.xpos = t.xpos;
                    }
                }
                let loaded = match &args.parser_model {
                    Some(p) => {
                        let b = std::fs::read(p).map_err(|e| {
                            input_error(format!("{}: cannot read: {e}", p.display()))
                        })?;
                        Some(Parser::from_bytes(&b).ok_or_else(|| {
                            input_error(format!("{}: not a parser model", p.display()))
                        })?)
                    }
                    None => None,
                };
                let parser = loaded.as_ref().unwrap_or_else(|| Parser::embedded());
                let a = evaluate_parser(parser, &sents);
                if let Some(path) = &args.write {
                    std::fs::write(path, predicted_conllu(parser, &sents))?;
                }
                out.insert("uas".into(), round(a.uas));
                out.insert("las".into(), round(a.las));
                out.insert("las_full".into(), round(a.las_full));
                out.insert("tokens".into(), a.tokens.into());
                if !args.combine.is_empty() {
                    let mut others = Vec::new();
                    for p in &args.combine {
                        let b = std::fs::read(p).map_err(|e| {
                            input_error(format!("{}: cannot read: {e}", p.display()))
                        })?;
                        others.push(Parser::from_bytes(&b).ok_or_else(|| {
                            input_error(format!("{}: not a parser model", p.display()))
                        })?);
                    }
                    let mut all: Vec<&Parser> = vec![parser];
                    all.extend(others.iter());
                    let c = newsgraph_syntax::evaluate_parses(&sents, |w, u, x| {
                        newsgraph_syntax::parse_combined(&all, w, u, x)
                    });
                    out.insert("combined_uas".into(), round(c.uas));
                    out.insert("combined_las".into(), round(c.las));
                    out.insert("combined_las_full".into(), round(c.las_full));
                }
            }
        }
        out.insert("sentences".into(), sents.len().into());
    }
    if let Some(path) = &args.gmb {
        let text = std::fs::read_to_string(path)
            .map_err(|e| input_error(format!("{}: cannot read: {e}", path.display())))?;
        let all = parse_gmb(&text);
        let (_, dev, test) = gmb_split(&all);
        let test = if args.gmb_dev { dev } else { test };
        // Scored in the table's Penn Treebank notation (prepositional "to" is TO, every
        // straight double quote ``); `gmb_xpos_raw` compares the EWT-notation tags as they are.
        let a = evaluate_xpos(tagger, test);
        out.insert("gmb_xpos".into(), round(a.ptb));
        out.insert("gmb_xpos_raw".into(), round(a.raw));
        out.insert("gmb_tokens".into(), a.tokens.into());
    }
    if args.json {
        println!("{}", serde_json::Value::Object(out));
    } else {
        for (k, v) in &out {
            match v.as_f64() {
                Some(f) if !k.contains("tokens") && k != "sentences" => {
                    println!("{k:>10}: {:.2}%", f * 100.0)
                }
                _ => println!("{k:>10}: {v}"),
            }
        }
    }
    Ok(())
}

/// `sents` (with their predicted tags) parsed by `parser`, as CoNLL-U: ID, FORM, LEMMA (gold),
/// UPOS, XPOS, FEATS `_`, predicted HEAD and DEPREL, then the gold head and relation in DEPS
/// and MISC.
fn predicted_conllu(parser: &Parser, sents: &[newsgraph_syntax::ConllSentence]) -> String {
    let mut out = String::new();
    for s in sents {
        let words = s.forms();
        let up: Vec<&str> = s.words.iter().map(|w| w.upos.as_str()).collect();
        let xp: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
        let arcs = parser.parse(&words, &up, &xp);
        for (i, (w, a)) in s.words.iter().zip(&arcs).enumerate() {
            let h = a.head.map(|h| h + 1).unwrap_or(0);
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t{}\t{}\n",
                i + 1,
                w.form,
                w.lemma,
                w.upos,
                w.xpos,
                h,
                a.deprel,
                w.head,
                w.deprel
            ));
        }
        out.push('\n');
    }
    out
}

fn round(x: f64) -> serde_json::Value {
    serde_json::json!((x * 10000.0).round() / 10000.0)
}

/// Which figure `run` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Tagger,
    Lemma,
    Parser,
}
