//! Token and sentence F1 against the raw text of a CoNLL-U file.
//!
//! The raw text is rebuilt from the `# text` lines: the sentences of one paragraph are
//! joined with a single space, and a new paragraph (`# newpar` or `# newdoc`) starts after a
//! blank line. The [`Segmenter`](crate::Segmenter) then runs on that text (including its
//! own paragraph and heading detection) and its tokens and sentences are matched with the
//! gold ones by exact span (byte spans into the rebuilt text; since both sides use the same
//! text, matching by byte span is the same as matching by character span).
//!
//! **Multiword tokens.** EWT writes contractions and possessives as multiword tokens
//! (`don't` = `do` + `n't`, `Bush's` = `Bush` + `'s`, `cannot` = `can` + `not`); the
//! tokenizer splits them the same way, so the gold tokens are the *syntactic words*, each
//! with its sub-span of the surface token, whenever the word forms spell the surface token
//! (case-insensitively); otherwise the whole surface token is one gold token.

use crate::Segmenter;
use newsgraph_core::{Component, Document, Span};
use serde::Serialize;
use std::collections::HashSet;
use std::fmt;
use std::path::Path;
use std::time::Instant;

/// Figures of one segmentation evaluation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SegmentReport {
    pub sentences_gold: usize,
    pub sentences_pred: usize,
    pub sentences_correct: usize,
    pub sentence_precision: f64,
    pub sentence_recall: f64,
    pub sentence_f1: f64,
    pub tokens_gold: usize,
    pub tokens_pred: usize,
    pub tokens_correct: usize,
    pub token_precision: f64,
    pub token_recall: f64,
    pub token_f1: f64,
    /// Whitespace-separated words in the rebuilt text.
    pub words: usize,
    /// Seconds spent in the segmenter (not in reading the file).
    pub seconds: f64,
}

impl fmt::Display for SegmentReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "sentences: P {:.4}  R {:.4}  F1 {:.4}   (gold {}, predicted {}, correct {})",
            self.sentence_precision,
            self.sentence_recall,
            self.sentence_f1,
            self.sentences_gold,
            self.sentences_pred,
            self.sentences_correct
        )?;
        writeln!(
            f,
            "tokens:    P {:.4}  R {:.4}  F1 {:.4}   (gold {}, predicted {}, correct {})",
            self.token_precision,
            self.token_recall,
            self.token_f1,
            self.tokens_gold,
            self.tokens_pred,
            self.tokens_correct
        )?;
        let wps = if self.seconds > 0.0 {
            self.words as f64 / self.seconds
        } else {
            0.0
        };
        write!(
            f,
            "speed:     {} words in {:.3} s ({:.0} words/s)",
            self.words, self.seconds, wps
        )
    }
}

/// The raw text rebuilt from a CoNLL-U file with its gold sentence and token spans.
#[derive(Debug, Clone, Default)]
pub struct GoldText {
    pub text: String,
    pub sentences: Vec<Span>,
    pub tokens: Vec<Span>,
}

/// Rebuilds the raw text and gold spans from CoNLL-U source. At most `max_sentences`
/// sentences are read (all when `None`).
pub fn gold_from_conllu(src: &str, max_sentences: Option<usize>) -> Result<GoldText, String> {
    let mut g = GoldText::default();
    let mut newpar = true;
    let mut sent_text: Option<String> = None;
    // (surface form, word forms) per surface unit
    let mut units: Vec<(String, Vec<String>)> = Vec::new();
    let mut mwt_end = 0usize;
    let mut count = 0usize;
    let limit = max_sentences.unwrap_or(usize::MAX);
    let mut lines = src.lines().enumerate().peekable();
    loop {
        let next = lines.next();
        let (lineno, line) = match next {
            Some((n, l)) => (n + 1, l.trim_end_matches('\r')),
            None => (0, ""),
        };
        if line.trim().is_empty() {
            if let Some(t) = sent_text.take() {
                add_sentence(&mut g, &t, &units, newpar);
                newpar = false;
                count += 1;
                units.clear();
                mwt_end = 0;
                if count >= limit {
                    break;
                }
            } else if !units.is_empty() {
                return Err(format!("line {lineno}: sentence without a `# text` line"));
            }
            if next.is_none() {
                break;
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if c.starts_with("newpar") || c.starts_with("newdoc") {
                newpar = true;
            } else if let Some(t) = c.strip_prefix("text =") {
                sent_text = Some(t.trim().to_string());
            } else if let Some(t) = c.strip_prefix("text=") {
                sent_text = Some(t.trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            return Err(format!("line {lineno}: not a CoNLL-U token line"));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node
        }
        if let Some((a, b)) = id.split_once('-') {
            let b: usize = b
                .parse()
                .map_err(|_| format!("line {lineno}: bad range id {id}"))?;
            let _a: usize = a
                .parse()
                .map_err(|_| format!("line {lineno}: bad range id {id}"))?;
            mwt_end = b;
            units.push((cols[1].to_string(), Vec::new()));
            continue;
        }
        let n: usize = id
            .parse()
            .map_err(|_| format!("line {lineno}: bad id {id}"))?;
        if n <= mwt_end {
            if let Some(u) = units.last_mut() {
                u.1.push(cols[1].to_string());
            }
        } else {
            units.push((cols[1].to_string(), Vec::new()));
        }
    }
    Ok(g)
}

fn add_sentence(g: &mut GoldText, t: &str, units: &[(String, Vec<String>)], newpar: bool) {
    if !g.text.is_empty() {
        g.text.push_str(if newpar { "\n\n" } else { " " });
    }
    let base = g.text.len();
    g.text.push_str(t);
    g.sentences.push(Span::new(base, base + t.len()));
    let mut cur = 0usize;
    for (surface, words) in units {
        let rest = &t[cur..];
        let off = match rest.find(surface.as_str()) {
            Some(o) => o,
            None => continue, // form not in text (rare annotation quirk): skip
        };
        let s = cur + off;
        let e = s + surface.len();
        cur = e;
        let joined: String = words.concat();
        if !words.is_empty()
            && joined.len() == surface.len()
            && joined.eq_ignore_ascii_case(surface)
        {
            let mut p = s;
            for w in words {
                g.tokens.push(Span::new(base + p, base + p + w.len()));
                p += w.len();
            }
        } else {
            g.tokens.push(Span::new(base + s, base + e));
        }
    }
}

fn prf(correct: usize, gold: usize, pred: usize) -> (f64, f64, f64) {
    let p = if pred > 0 {
        correct as f64 / pred as f64
    } else {
        0.0
    };
    let r = if gold > 0 {
        correct as f64 / gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Evaluates the segmenter on rebuilt gold text.
pub fn evaluate(g: &GoldText, seg: &Segmenter) -> SegmentReport {
    // load the embedded model before timing
    seg.process(&mut Document::new("warm-up", "Warm up.", None));
    let mut doc = Document::new("eval", g.text.clone(), None);
    let t0 = Instant::now();
    seg.process(&mut doc);
    let seconds = t0.elapsed().as_secs_f64();
    let gold_s: HashSet<Span> = g.sentences.iter().copied().collect();
    let gold_t: HashSet<Span> = g.tokens.iter().copied().collect();
    let sc = doc
        .sentences
        .iter()
        .filter(|s| gold_s.contains(&s.span))
        .count();
    let tc = doc
        .tokens
        .iter()
        .filter(|t| gold_t.contains(&t.span))
        .count();
    let (sp, sr, sf) = prf(sc, g.sentences.len(), doc.sentences.len());
    let (tp, tr, tf) = prf(tc, g.tokens.len(), doc.tokens.len());
    SegmentReport {
        sentences_gold: g.sentences.len(),
        sentences_pred: doc.sentences.len(),
        sentences_correct: sc,
        sentence_precision: sp,
        sentence_recall: sr,
        sentence_f1: sf,
        tokens_gold: g.tokens.len(),
        tokens_pred: doc.tokens.len(),
        tokens_correct: tc,
        token_precision: tp,
        token_recall: tr,
        token_f1: tf,
        words: g.text.split_whitespace().count(),
        seconds,
    }
}

/// Token and sentence F1 of the [`Segmenter`] on the raw text of a CoNLL-U file.
pub fn segment_conllu(path: &Path) -> Result<SegmentReport, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let g = gold_from_conllu(&src, None).map_err(|e| format!("{}: {e}", path.display()))?;
    if g.sentences.is_empty() {
        return Err(format!(
            "{}: no sentences with `# text` found",
            path.display()
        ));
    }
    Ok(evaluate(&g, &Segmenter::new()))
}
