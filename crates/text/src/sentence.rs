//! Sentence boundaries inside one paragraph.
//!
//! Candidate boundaries come after sentence-final punctuation (`. ! ? … ...`), after an
//! abbreviation that ends in a period (`U.S.`, `Inc.`) and, for the learned model, after
//! any token. A boundary after final punctuation moves past closing quotes and brackets
//! (`…end."` + `Next` splits after the quote), and is not taken when a lower-case word
//! follows (`…," he said` / `…!" she shouted` stay one sentence). Colons and semicolons
//! never end a sentence. Titles (`Mr.`, `Dr.`, `Gen.`) and initials never end one.
//!
//! The rules are combined with a small averaged perceptron trained on UD English EWT
//! (see [`crate::sbd`]) that scores every token gap.

use crate::tokenize::{is_abbreviation_token, TITLES};
use newsgraph_core::Span;

/// Hard cap on sentence length in tokens: a longer stretch without any boundary is cut
/// (keeps downstream parsing linear on junk input).
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Classes of the token before a candidate boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Term {
    /// `.`
    Period,
    /// `!`, `?`, `?!`
    Bang,
    /// `...`, `…`
    Ellipsis,
    /// A word ending in a period that is an abbreviation (`U.S.`, `Inc.`).
    Abbrev,
    /// A title or an initial (`Dr.`, `J.`).
    Title,
    /// Not sentence-final punctuation.
    None,
}

pub(crate) fn term_class(t: &str) -> Term {
    match t {
        "." => Term::Period,
        "…" => Term::Ellipsis,
        _ => {
            let b = t.as_bytes();
            if b.is_empty() {
                return Term::None;
            }
            if b.iter().all(|&x| x == b'!' || x == b'?') {
                return Term::Bang;
            }
            if b.len() >= 2 && b.iter().all(|&x| x == b'.') {
                return Term::Ellipsis;
            }
            if b.len() > 1 && b[b.len() - 1] == b'.' && is_abbreviation_token(t) {
                let core = &t[..t.len() - 1];
                if core.chars().count() == 1
                    || (core.len() <= 8 && TITLES.iter().any(|a| a.eq_ignore_ascii_case(core)))
                {
                    return Term::Title;
                }
                return Term::Abbrev;
            }
            Term::None
        }
    }
}

/// Closing punctuation that stays with the sentence before it.
pub(crate) fn is_closer(t: &str, attached: bool) -> bool {
    match t {
        ")" | "]" | "}" | "”" | "’" | "»" | "›" => true,
        "\"" | "'" | "''" => attached,
        _ => false,
    }
}

/// Words that often start a sentence after an ambiguous abbreviation ("… in the U.S. The
/// talks …").
const STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "and",
    "this",
    "that",
    "these",
    "those",
    "there",
    "in",
    "on",
    "at",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "our",
    "if",
    "when",
    "as",
    "after",
    "while",
    "however",
    "meanwhile",
    "for",
    "so",
    "yet",
    "you",
    "what",
    "why",
    "how",
    "some",
    "many",
    "most",
    "one",
    "no",
    "both",
    "all",
    "then",
    "also",
];

pub(crate) fn is_starter(t: &str) -> bool {
    t.len() <= 9 && STARTERS.iter().any(|s| s.eq_ignore_ascii_case(t))
}

/// What starts a new sentence: an upper-case letter or a digit, possibly after opening
/// quotes or brackets.
fn starts_sentence(text: &str, toks: &[Span], j: usize) -> bool {
    let mut k = j;
    while k < toks.len() && k < j + 3 {
        let t = &text[toks[k].range()];
        let c = t.chars().next().unwrap_or(' ');
        if c.is_uppercase() || c.is_ascii_digit() {
            return true;
        }
        if c.is_lowercase() {
            return false;
        }
        if matches!(
            c,
            '"' | '“'
                | '‘'
                | '\''
                | '('
                | '['
                | '«'
                | '-'
                | '—'
                | '–'
                | '*'
                | '•'
                | '#'
                | '@'
                | '¿'
                | '¡'
        ) {
            k += 1;
            continue;
        }
        return true;
    }
    false
}

/// Rule-based sentence ends in one paragraph: returns the exclusive token index at which
/// each sentence ends (the last one is `toks.len()`).
pub fn rule_boundaries(text: &str, toks: &[Span]) -> Vec<usize> {
    let mut ends = Vec::new();
    let n = toks.len();
    let mut i = 0;
    let mut last = 0;
    while i < n {
        let t = &text[toks[i].range()];
        let class = term_class(t);
        if class == Term::None || class == Term::Title {
            if i + 1 - last >= MAX_SENTENCE_TOKENS && i + 1 < n {
                ends.push(i + 1);
                last = i + 1;
            }
            i += 1;
            continue;
        }
        // absorb closers
        let mut j = i + 1;
        while j < n && is_closer(&text[toks[j].range()], toks[j].start == toks[j - 1].end) {
            j += 1;
        }
        if j >= n {
            break;
        }
        let split = match class {
            Term::Abbrev => {
                let nt = &text[toks[j].range()];
                nt.chars().next().is_some_and(|c| c.is_uppercase()) && is_starter(nt)
            }
            _ => starts_sentence(text, toks, j),
        };
        if split {
            ends.push(j);
            last = j;
        }
        i = j;
    }
    if n > 0 {
        ends.push(n);
    }
    ends
}
