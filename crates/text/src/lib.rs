//! # newsgraph-text
//!
//! The first stage of the newsgraph pipeline: paragraphs, tokens and sentences.
//!
//! * [`paragraphs`] cuts a text at blank lines and marks headings (short lines without
//!   final punctuation standing before more text, such as "US criticises the meeting").
//! * [`tokenize`] / [`tokenize_into`] is a news tokenizer following the UD English EWT
//!   conventions (`n't`, `'s`, `’m` split off; `U.S.`, `Dr.`, `Sept.` keep their period;
//!   `Russia-DPRK` → `Russia - DPRK` but `F-35` and `e-mail` whole; `$5` → `$ 5`;
//!   URLs, e-mail addresses, hashtags and @handles whole). It returns byte spans and
//!   allocates nothing per token.
//! * The sentence splitter ([`sentence`]) combines abbreviation-aware rules with a small
//!   averaged perceptron learned from EWT ([`sbd`]); paragraph breaks and headings are hard
//!   boundaries, sentences may end inside closing quotation marks, colons never split.
//! * [`Segmenter`] is the pipeline [`Component`] "segment" that fills
//!   `doc.paragraphs` (when empty), `doc.tokens` and `doc.sentences`.
//! * [`eval`] measures token and sentence F1 against the raw text of a CoNLL-U file.
//!
//! ## Figures (UD English EWT 2.16, raw text rebuilt from `# text`, see [`eval`])
//!
//! | set  | sentence P / R / F1     | token F1 |
//! |------|-------------------------|----------|
//! | dev  | 0.927 / 0.889 / 0.907   | 0.989    |
//! | test | 0.930 / 0.876 / 0.902   | 0.991    |
//!
//! Speed (release, one thread, CPU time, Wikinews articles): about 2.5 M words/s for
//! paragraphs + tokens + sentences, about 12 M words/s for the tokenizer alone
//! (`cargo run --release -p newsgraph-text --example bench_segment -- FILE.jsonl`).
//!
//! Deliberate departures from EWT, for news: model names (`F-35`) are one token; a colon
//! never ends a sentence (EWT ends 19 test sentences at a colon); a closing quote or bracket
//! ends a sentence only after sentence-final punctuation or a bracketed unit after a
//! sentence end; an acronym before an organisation word (`NBC News`) never ends one.
//!
//! The boundary model (`data/sbd.bin`, ~0.5 MB) is rebuilt deterministically with
//! `cargo run --release -p newsgraph-text --example train_sbd -- \
//! ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu crates/text/data/sbd.bin`.

pub mod eval;
pub mod paragraph;
pub mod sbd;
pub mod sentence;
pub mod tokenize;

use newsgraph_core::{Component, Document, Paragraph, Sentence, Span, Token};

pub use paragraph::paragraphs;
pub use tokenize::{tokenize, tokenize_into};

/// The segmentation component: paragraphs, tokens (with `space_after`) and sentences.
#[derive(Debug, Clone)]
pub struct Segmenter {
    bias: f32,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

impl Segmenter {
    /// The segmenter with the embedded sentence-boundary model.
    pub fn new() -> Self {
        Segmenter { bias: DEFAULT_BIAS }
    }

    /// The segmenter with another bias added to the boundary score of gaps (positive:
    /// more sentences). For tuning.
    #[doc(hidden)]
    pub fn with_bias(bias: f32) -> Self {
        Segmenter { bias }
    }

    /// Segments `text` given its paragraphs: returns tokens and sentences. Paragraph spans
    /// that are out of range, not on char boundaries or overlapping earlier ones are
    /// clipped or skipped.
    pub fn segment(&self, text: &str, paras: &[Paragraph]) -> (Vec<Token>, Vec<Sentence>) {
        let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
        let mut sentences: Vec<Sentence> = Vec::with_capacity(text.len() / 100 + 1);
        let mut spans: Vec<Span> = Vec::new();
        let mut infos = Vec::new();
        let mut ends = Vec::new();
        let mut done = 0usize; // text before this offset is already tokenised
        for (pi, p) in paras.iter().enumerate() {
            let mut s = p.span.start.max(done);
            let e = p.span.end.min(text.len());
            if s >= e {
                continue;
            }
            while s < e && !text.is_char_boundary(s) {
                s += 1;
            }
            let mut e2 = e;
            while e2 > s && !text.is_char_boundary(e2) {
                e2 -= 1;
            }
            if s >= e2 {
                continue;
            }
            spans.clear();
            tokenize_into(text, s, e2, &mut spans);
            done = e2;
            if spans.is_empty() {
                continue;
            }
            match model() {
                Some(m) => {
                    sbd::tok_infos(text, &spans, &m.common, &mut infos);
                    sbd::decode(m, self.bias, text, &spans, &infos, &mut ends);
                }
                None => ends = sentence::rule_boundaries(text, &spans),
            }
            let mut first = 0usize;
            for &end in &ends {
                if end <= first || end > spans.len() {
                    continue;
                }
                let t_first = tokens.len();
                for (k, sp) in spans[first..end].iter().enumerate() {
                    let space_after = text[sp.end..].chars().next().is_some_and(tokenize::is_sep);
                    let last = first + k + 1 == end;
                    if last
                        && sp.len() > 2
                        && sentence::term_class(&text[sp.range()]) == sentence::Term::Abbrev
                    {
                        // EWT: a sentence-final abbreviation gives its period to the sentence
                        // ("in the U.S." → "U.S" + ".")
                        let cut = sp.end - 1;
                        tokens.push(Token {
                            span: Span::new(sp.start, cut),
                            space_after: false,
                            ..Default::default()
                        });
                        tokens.push(Token {
                            span: Span::new(cut, sp.end),
                            space_after,
                            ..Default::default()
                        });
                    } else {
                        tokens.push(Token {
                            span: *sp,
                            space_after,
                            ..Default::default()
                        });
                    }
                }
                sentences.push(Sentence {
                    span: Span::new(spans[first].start, spans[end - 1].end),
                    paragraph: pi,
                    tokens: t_first..tokens.len(),
                });
                first = end;
            }
        }
        (tokens, sentences)
    }
}

/// Bias added to the model's boundary scores (tuned on EWT dev).
const DEFAULT_BIAS: f32 = 0.0;

static MODEL_BYTES: &[u8] = include_bytes!("../data/sbd.bin");

/// The embedded sentence-boundary model (parsed once).
fn model() -> Option<&'static sbd::Model> {
    static M: std::sync::OnceLock<Option<sbd::Model>> = std::sync::OnceLock::new();
    M.get_or_init(|| sbd::Model::from_bytes(MODEL_BYTES).ok())
        .as_ref()
}

impl Component for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn process(&self, doc: &mut Document) {
        if doc.paragraphs.is_empty() {
            doc.paragraphs = paragraphs(&doc.text);
        }
        let (tokens, sentences) = self.segment(&doc.text, &doc.paragraphs);
        doc.tokens = tokens;
        doc.sentences = sentences;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_model_loads() {
        let m = super::model().expect("the embedded sentence-boundary model parses");
        assert!(!m.common.is_empty());
    }
}
