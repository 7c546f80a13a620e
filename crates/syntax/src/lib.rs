//! # newsgraph-syntax
//!
//! newsgraph's own POS tagger, lemmatizer and dependency parser, in pure Rust, trained from
//! UD English EWT (CC BY-SA 4.0) and, for Penn tags, GMB news sentences:
//!
//! - [`conllu`]: a CoNLL-U reader (and a reader for the GMB NER table);
//! - [`Tagger`]: two-pass averaged perceptron predicting UPOS and Penn XPOS jointly, with a
//!   lemmatizer learned from EWT (exception table + suffix rules);
//! - [`Parser`]: transition-based (arc-hybrid) dependency parser with a dynamic oracle and an
//!   averaged perceptron over hashed Zhang & Nivre (2011) style features, producing UD
//!   relations with subtypes; optionally (`train parser --clusters`, not in the shipped
//!   model) with distributional word [`clusters`] computed from unlabeled text, which the
//!   tagger can use too.
//!
//! The models are compact binary files in `models/`, embedded in the binary and loaded once,
//! on first use ([`Tagger::embedded`], [`Parser::embedded`]). Both implement
//! [`newsgraph_core::Component`] ("tag" fills `upos`, `xpos`, `lemma`; "parse" fills `head`
//! — a document token index — and `deprel`). [`train_tagger`] and [`train_parser`] rebuild
//! them deterministically.

pub mod clusters;
pub mod conllu;
pub mod hash;
pub mod lemma;
pub mod parser;
pub mod perceptron;
pub mod tagger;

pub use clusters::Clusters;
pub use conllu::{parse_conllu, parse_gmb, read_conllu, ConllSentence, ConllWord};
pub use lemma::Lemmatizer;
pub use parser::{
    combine_parses, evaluate_parser, evaluate_parses, parse_combined, supertags_of, train_parser,
    train_parser_with_clusters, Arc, ParseAccuracy, Parser, ParserOptions,
};
pub use tagger::{
    evaluate_tagger, evaluate_xpos, gmb_split, jackknife_tags, jackknife_tags_extra,
    jackknife_tags_split, ptb_notation, train_tagger, TagAccuracy, Tagged, Tagger, TaggerOptions,
    XposAccuracy,
};

use newsgraph_core::{Component, Document};

/// How many leading tokens of sentence `si` form a news dateline ("KADUNA, Nigeria, Jan 28
/// (Reuters) -", see [`newsgraph_core::dateline_len`]); 0 when there is none or nothing
/// follows it. The tagger and the parser treat the dateline and the rest of the sentence as
/// two units: the word after the dash starts a sentence ("Gunmen kidnapped …" is no proper
/// name), and the dateline's own tree hangs on the main clause's root as `dep`.
fn dateline_tokens(doc: &Document, si: usize) -> usize {
    let s = &doc.sentences[si];
    let Some(text) = doc.text.get(s.span.start..) else {
        return 0;
    };
    let len = newsgraph_core::dateline_len(text);
    if len == 0 {
        return 0;
    }
    let end = s.span.start + len;
    let k = doc.tokens[s.tokens.clone()]
        .iter()
        .take_while(|t| t.span.end <= end)
        .count();
    if k == 0 || k >= s.tokens.len() {
        0
    } else {
        k
    }
}

impl Component for Tagger {
    fn name(&self) -> &'static str {
        "tag"
    }
    fn process(&self, doc: &mut Document) {
        for si in 0..doc.sentences.len() {
            let range = doc.sentences[si].tokens.clone();
            if range.start >= range.end || range.end > doc.tokens.len() {
                continue;
            }
            let k = dateline_tokens(doc, si);
            let words: Vec<&str> = doc.tokens[range.clone()]
                .iter()
                .map(|t| doc.text.get(t.span.range()).unwrap_or(""))
                .collect();
            let mut tags = if k > 0 {
                self.tag(&words[..k])
            } else {
                Vec::new()
            };
            tags.extend(self.tag(&words[k..]));
            drop(words);
            for (t, tag) in doc.tokens[range].iter_mut().zip(tags) {
                t.upos = tag.upos;
                t.xpos = tag.xpos;
                t.lemma = tag.lemma;
            }
        }
    }
}

impl Component for Parser {
    fn name(&self) -> &'static str {
        "parse"
    }
    fn process(&self, doc: &mut Document) {
        for si in 0..doc.sentences.len() {
            let range = doc.sentences[si].tokens.clone();
            if range.start >= range.end || range.end > doc.tokens.len() {
                continue;
            }
            let k = dateline_tokens(doc, si);
            let words: Vec<&str> = doc.tokens[range.clone()]
                .iter()
                .map(|t| doc.text.get(t.span.range()).unwrap_or(""))
                .collect();
            let tags: Vec<&str> = doc.tokens[range.clone()]
                .iter()
                .map(|t| t.xpos.as_str())
                .collect();
            let upos: Vec<&str> = doc.tokens[range.clone()]
                .iter()
                .map(|t| t.upos.as_str())
                .collect();
            let mut arcs = self.parse(&words[k..], &upos[k..], &tags[k..]);
            for a in arcs.iter_mut() {
                a.head = a.head.map(|h| h + k);
            }
            if k > 0 {
                // the dateline's own tree, its root a `dep` of the main clause's root
                let main_root = arcs.iter().position(|a| a.head.is_none()).map(|r| r + k);
                let mut head_arcs = self.parse(&words[..k], &upos[..k], &tags[..k]);
                for a in head_arcs.iter_mut() {
                    if a.head.is_none() {
                        if let Some(r) = main_root {
                            a.head = Some(r);
                            a.deprel = "dep".to_string();
                        }
                    }
                }
                head_arcs.extend(arcs);
                arcs = head_arcs;
            }
            drop(words);
            drop(tags);
            let off = range.start;
            for (t, a) in doc.tokens[range].iter_mut().zip(arcs) {
                t.head = a.head.map(|h| h + off);
                t.deprel = a.deprel;
            }
        }
    }
}
