//! Exact-span entity F1: the tagger on the GMB test part (GMB labels), the whole
//! recognizer on UNER English EWT (PER, ORG, LOC), one document (`# newdoc`) at a time.
//! Both can be given a part-of-speech tagger ([`PosTagger`]) so that the recognizer sees
//! Penn tags as in the pipeline. With the environment variable `NG_NER_DEBUG` set, the
//! evaluations print their misses (FN) and false alarms (FP) to standard error; with
//! `NG_NER_MODEL` naming a model file, that model is evaluated instead of the embedded one
//! ([`crate::ner::Model::embedded`]).

use crate::ner;
use crate::EntityRecognizer;
use newsgraph_core::{Document, EntityType, Sentence, Span, Token};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// Precision, recall and F1 of one evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Scores {
    pub sentences: usize,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Per type: (gold, predicted, correct, f1).
    pub per_type: BTreeMap<String, TypeScores>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct TypeScores {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
    pub f1: f64,
}

fn f1(c: usize, g: usize, p: usize) -> (f64, f64, f64) {
    let pr = if p == 0 { 0.0 } else { c as f64 / p as f64 };
    let rc = if g == 0 { 0.0 } else { c as f64 / g as f64 };
    let f = if pr + rc == 0.0 {
        0.0
    } else {
        2.0 * pr * rc / (pr + rc)
    };
    (pr, rc, f)
}

impl Scores {
    fn add(&mut self, gold: &[(usize, usize, String)], pred: &[(usize, usize, String)]) {
        self.sentences += 1;
        self.gold += gold.len();
        self.predicted += pred.len();
        for g in gold {
            self.per_type.entry(g.2.clone()).or_default().gold += 1;
        }
        for p in pred {
            self.per_type.entry(p.2.clone()).or_default().predicted += 1;
            if gold.contains(p) {
                self.correct += 1;
                self.per_type.entry(p.2.clone()).or_default().correct += 1;
            }
        }
    }
    fn finish(&mut self) {
        let (p, r, f) = f1(self.correct, self.gold, self.predicted);
        self.precision = p;
        self.recall = r;
        self.f1 = f;
        for t in self.per_type.values_mut() {
            t.f1 = f1(t.correct, t.gold, t.predicted).2;
        }
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "  {} sentences, {} gold, {} predicted, {} correct: P {:.4} R {:.4} F1 {:.4}",
            self.sentences,
            self.gold,
            self.predicted,
            self.correct,
            self.precision,
            self.recall,
            self.f1
        )?;
        for (t, s) in &self.per_type {
            writeln!(
                f,
                "    {:<8} gold {:>6} pred {:>6} correct {:>6} F1 {:.4}",
                t, s.gold, s.predicted, s.correct, s.f1
            )?;
        }
        Ok(())
    }
}

/// The report of `newsgraph eval ner`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NerReport {
    /// The tagger alone on the GMB test part (last 10% of sentences), GMB labels without tim.
    pub gmb: Option<Scores>,
    /// The recognizer on UNER English EWT (PER, ORG, LOC).
    pub uner: Option<Scores>,
}

impl fmt::Display for NerReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(g) = &self.gmb {
            writeln!(f, "GMB test (tagger, exact span and type, tim excluded):")?;
            write!(f, "{g}")?;
        }
        if let Some(u) = &self.uner {
            writeln!(
                f,
                "UNER English EWT (recognizer, PER/ORG/LOC, exact span and type):"
            )?;
            write!(f, "{u}")?;
        }
        Ok(())
    }
}

/// A part-of-speech tagger for the evaluations: Penn tags (XPOS) of a sentence's words, as
/// the pipeline's tagger gives them to the recognizer.
pub type PosTagger<'a> = &'a dyn Fn(&[&str]) -> Vec<String>;

/// Scores the tagger on the GMB test part, without part-of-speech tags. `limit` takes
/// only the first sentences of it.
pub fn eval_gmb(
    rec: &EntityRecognizer,
    gmb_csv: &str,
    limit: Option<usize>,
) -> Result<Scores, String> {
    eval_gmb_part(rec, gmb_csv, false, limit, None)
}

/// Scores the tagger on the GMB dev part (`dev`) or test part; `pos` tags the words (the
/// table's own tags are not used: at run time the tags are predicted).
pub fn eval_gmb_part(
    rec: &EntityRecognizer,
    gmb_csv: &str,
    dev: bool,
    limit: Option<usize>,
    pos: Option<PosTagger>,
) -> Result<Scores, String> {
    let model = ner::Model::embedded().ok_or("no NER model embedded")?;
    let sents = ner::read_gmb(gmb_csv);
    if sents.len() < 10 {
        return Err("the GMB file has too few sentences".into());
    }
    let (_, dev_r, test_r) = ner::gmb_split(sents.len());
    let test = if dev { dev_r } else { test_r };
    let mut sc = Scores::default();
    let part: Vec<&Vec<(String, String)>> = sents[test]
        .iter()
        .take(limit.unwrap_or(usize::MAX))
        .collect();
    let tagged_pos: Vec<Vec<String>> = part
        .iter()
        .map(|s| {
            pos.map(|p| p(&s.iter().map(|x| x.0.as_str()).collect::<Vec<_>>()))
                .unwrap_or_default()
        })
        .collect();
    let input: Vec<(Vec<&str>, Vec<&str>)> = part
        .iter()
        .zip(&tagged_pos)
        .map(|(s, tp)| {
            (
                s.iter().map(|x| x.0.as_str()).collect(),
                tp.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    // The part's sentences are read in order as one document (GMB keeps a document's
    // sentences together; a model with document memory reads the previous ones' labels).
    let tagged = model.tag_document(&input, rec.kb(), rec.gaz());
    for ((s, (words, _)), labels) in part.iter().zip(&input).zip(&tagged) {
        let tags: Vec<String> = s
            .iter()
            .map(|x| {
                if x.1.ends_with("tim") {
                    "O".to_string()
                } else {
                    x.1.clone()
                }
            })
            .collect();
        let gold = ner::bio_spans(&tags);
        let pred: Vec<(usize, usize, String)> = ner::spans_of(labels)
            .into_iter()
            .map(|(a, b, t)| (a, b, ner::TYPES[t].to_string()))
            .collect();
        debug_errors(&gold, &pred, words);
        sc.add(&gold, &pred);
    }
    sc.finish();
    Ok(sc)
}

/// A document of pre-tokenised sentences (one paragraph each, words joined by spaces,
/// sentences by newlines), with the first token index of each sentence.
fn doc_of_sentences(sents: &[Vec<&str>], pos: Option<PosTagger>) -> (Document, Vec<usize>) {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    let mut paragraphs = Vec::new();
    let mut firsts = Vec::new();
    for words in sents {
        if !text.is_empty() {
            text.push('\n');
        }
        let start = text.len();
        let t0 = tokens.len();
        firsts.push(t0);
        let tags = pos.map(|p| p(words)).unwrap_or_default();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let s = text.len();
            text.push_str(w);
            let xpos = tags.get(i).cloned().unwrap_or_default();
            tokens.push(Token {
                span: Span::new(s, text.len()),
                space_after: true,
                xpos,
                ..Default::default()
            });
        }
        let span = Span::new(start, text.len());
        sentences.push(Sentence {
            span,
            paragraph: paragraphs.len(),
            tokens: t0..tokens.len(),
        });
        paragraphs.push(newsgraph_core::Paragraph {
            span,
            heading: false,
        });
    }
    let mut d = Document::new("eval", text, None);
    d.tokens = tokens;
    d.sentences = sentences;
    d.paragraphs = paragraphs;
    (d, firsts)
}

/// Scores the recognizer on a UNER IOB2 file. The sentences of one document (`# newdoc`
/// comment lines) are analysed together, as the product analyses an article; `pos` gives
/// the tokens their Penn tags, as the pipeline's tagger does.
pub fn eval_uner(
    rec: &EntityRecognizer,
    iob2: &str,
    limit: Option<usize>,
    pos: Option<PosTagger>,
) -> Result<Scores, String> {
    let docs = ner::read_iob2_docs(iob2);
    if docs.iter().all(|d| d.is_empty()) {
        return Err("no sentences in the UNER file".into());
    }
    let mut sc = Scores::default();
    let mut left = limit.unwrap_or(usize::MAX);
    for d in &docs {
        if left == 0 {
            break;
        }
        let d = &d[..d.len().min(left)];
        left -= d.len();
        let words: Vec<Vec<&str>> = d
            .iter()
            .map(|s| s.iter().map(|x| x.0.as_str()).collect())
            .collect();
        let (doc, firsts) = doc_of_sentences(&words, pos);
        let mut preds: Vec<Vec<(usize, usize, String)>> = vec![Vec::new(); d.len()];
        for (span, t) in rec.names(&doc) {
            let ty = match t {
                EntityType::Person => "PER",
                EntityType::Org => "ORG",
                EntityType::Gpe | EntityType::Loc | EntityType::Fac => "LOC",
                _ => continue,
            };
            let a = doc.tokens.partition_point(|x| x.span.end <= span.start);
            let b = doc.tokens.partition_point(|x| x.span.start < span.end);
            // Only spans on token boundaries, within one sentence, count.
            if a < b
                && doc.tokens[a].span.start == span.start
                && doc.tokens[b - 1].span.end == span.end
            {
                let si = firsts.partition_point(|&f| f <= a).saturating_sub(1);
                let f = firsts[si];
                if b <= f + words[si].len() {
                    preds[si].push((a - f, b - f, ty.to_string()));
                }
            }
        }
        for (si, s) in d.iter().enumerate() {
            let tags: Vec<String> = s.iter().map(|x| x.1.clone()).collect();
            let gold: Vec<(usize, usize, String)> = ner::bio_spans(&tags)
                .into_iter()
                .filter(|g| matches!(g.2.as_str(), "PER" | "ORG" | "LOC"))
                .collect();
            let pred = &mut preds[si];
            pred.sort();
            pred.dedup();
            debug_errors(&gold, pred, &words[si]);
            sc.add(&gold, pred);
        }
    }
    sc.finish();
    Ok(sc)
}

/// With `NG_NER_DEBUG` set, lists a sentence's missed (FN) and spurious (FP) spans on stderr.
fn debug_errors<W: AsRef<str>>(
    gold: &[(usize, usize, String)],
    pred: &[(usize, usize, String)],
    words: &[W],
) {
    if std::env::var_os("NG_NER_DEBUG").is_none() {
        return;
    }
    let join = |a: usize, b: usize| {
        words[a..b]
            .iter()
            .map(|w| w.as_ref())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for (tag, xs, ys) in [("FN", gold, pred), ("FP", pred, gold)] {
        for x in xs.iter().filter(|x| !ys.contains(x)) {
            eprintln!(
                "{tag} {:<4} {:<30} | {}",
                x.2,
                join(x.0, x.1),
                join(0, words.len())
            );
        }
    }
}
