//! Exact-case matching of every knowledge-base surface form in a text (longest match,
//! word boundaries), with Aho-Corasick.

use crate::kb::{Kb, NameRef};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use newsgraph_core::Span;

pub struct Gazetteer {
    ac: AhoCorasick,
    patterns: Vec<String>,
}

/// One match: the byte span and the referents of the surface form.
#[derive(Debug, Clone)]
pub struct GazMatch {
    pub span: Span,
    pub refs: Vec<NameRef>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl Gazetteer {
    pub fn new(kb: &Kb) -> Gazetteer {
        let mut patterns: Vec<String> = kb.names.keys().cloned().collect();
        patterns.sort();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("gazetteer automaton");
        Gazetteer { ac, patterns }
    }

    /// All matches at word boundaries, left to right, non-overlapping (longest first).
    pub fn find(&self, kb: &Kb, text: &str) -> Vec<GazMatch> {
        let mut out = Vec::new();
        // LeftmostLongest gives non-overlapping matches; a match failing the boundary test
        // may hide a shorter valid one, so retry from the next char in that case.
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = self
                .ac
                .find(aho_corasick::Input::new(text).span(pos..text.len()))
            else {
                break;
            };
            let (s, e) = (m.start(), m.end());
            let mut before_ok = text[..s].chars().next_back().is_none_or_boundary();
            // "pro-Beijing", "anti-US": a lower-case prefix glued by a hyphen makes an
            // adjective, not a name.
            if before_ok && text[..s].ends_with('-') {
                let pre = text[..s - 1]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<String>();
                if !pre.is_empty() && pre.chars().all(|c| c.is_lowercase()) {
                    before_ok = false;
                }
            }
            let after_ok = text[e..]
                .chars()
                .next()
                .is_none_or_boundary_after(&text[e..]);
            if before_ok && after_ok {
                if let Some(refs) = kb.names.get(&self.patterns[m.pattern().as_usize()]) {
                    out.push(GazMatch {
                        span: Span::new(s, e),
                        refs: refs.clone(),
                    });
                }
                pos = e;
            } else {
                // Skip to the next char boundary after s.
                let step = text[s..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                pos = s + step;
            }
        }
        out
    }
}

trait BoundaryExt {
    fn is_none_or_boundary(&self) -> bool;
    fn is_none_or_boundary_after(&self, rest: &str) -> bool;
}

impl BoundaryExt for Option<char> {
    fn is_none_or_boundary(&self) -> bool {
        match self {
            None => true,
            Some(c) => !is_word_char(*c),
        }
    }
    fn is_none_or_boundary_after(&self, rest: &str) -> bool {
        match self {
            None => true,
            // "U.S." followed by "." is fine; a following letter or digit is not.
            Some(c) => {
                let _ = rest;
                !is_word_char(*c)
            }
        }
    }
}
