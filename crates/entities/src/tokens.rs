//! A light view of the document's tokens and sentences. Uses `doc.tokens` and
//! `doc.sentences` when the segmenter filled them, else a simple fallback tokenizer so that
//! the component works on a bare document too.

use newsgraph_core::{Document, Span};

#[derive(Debug, Clone)]
pub struct Tok {
    pub span: Span,
    /// Penn tag when the tagger ran, else empty.
    pub xpos: String,
}

#[derive(Debug, Clone)]
pub struct Sent {
    pub span: Span,
    /// Indices into the token view.
    pub toks: std::ops::Range<usize>,
}

pub struct View {
    pub toks: Vec<Tok>,
    pub sents: Vec<Sent>,
}

impl View {
    pub fn new(doc: &Document) -> View {
        if !doc.tokens.is_empty() && !doc.sentences.is_empty() {
            let toks = doc
                .tokens
                .iter()
                .map(|t| Tok {
                    span: t.span,
                    xpos: t.xpos.clone(),
                })
                .collect();
            let sents = doc
                .sentences
                .iter()
                .map(|s| Sent {
                    span: s.span,
                    toks: s.tokens.clone(),
                })
                .collect();
            return View { toks, sents };
        }
        let spans = tokenize(&doc.text);
        let toks: Vec<Tok> = spans
            .iter()
            .map(|&s| Tok {
                span: s,
                xpos: String::new(),
            })
            .collect();
        let sents = split_sentences(&doc.text, &spans);
        View { toks, sents }
    }

    /// Index of the sentence containing token `i`.
    pub fn sent_of(&self, i: usize) -> usize {
        self.sents
            .partition_point(|s| s.toks.end <= i)
            .min(self.sents.len().saturating_sub(1))
    }
}

fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

const ABBREV: [&str; 22] = [
    "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Lt.", "Col.", "Sgt.", "Capt.", "Sen.", "Rep.", "Gov.",
    "St.", "Jr.", "Sr.", "Prof.", "U.S.", "U.N.", "U.K.", "E.U.", "No.", "Inc.",
];

/// Simple tokenizer: whitespace, then punctuation split off words (keeping "U.S.",
/// abbreviations, "'s", "n't", hyphenated words and numbers with , and . inside).
pub fn tokenize(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    let bytes = text.len();
    while i < bytes {
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        // A whitespace-delimited chunk.
        let end = text[i..]
            .find(char::is_whitespace)
            .map(|x| i + x)
            .unwrap_or(bytes);
        split_chunk(text, i, end, &mut out);
        i = end;
    }
    out
}

fn split_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let chunk = &text[start..end];
    if ABBREV.contains(&chunk) || is_initials(chunk) {
        out.push(Span::new(start, end));
        return;
    }
    // Leading punctuation.
    let mut s = start;
    while s < end {
        let c = text[s..end].chars().next().unwrap_or(' ');
        if is_punct(c) {
            out.push(Span::new(s, s + c.len_utf8()));
            s += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation (collected in reverse).
    let mut e = end;
    let mut trail = Vec::new();
    while e > s {
        let c = text[s..e].chars().next_back().unwrap_or(' ');
        if is_punct(c) {
            let w = &text[s..e];
            if ABBREV.contains(&w) || (c == '.' && is_initials(w)) {
                break;
            }
            trail.push(Span::new(e - c.len_utf8(), e));
            e -= c.len_utf8();
        } else {
            break;
        }
    }
    if e > s {
        let w = &text[s..e];
        // Clitics.
        let lower = w.to_lowercase();
        let mut cut = None;
        for cl in [
            "'s", "’s", "n't", "n’t", "'re", "'ve", "'ll", "'d", "'m", "’re", "’ve", "’ll", "’d",
            "’m",
        ] {
            if lower.ends_with(cl) && w.len() > cl.len() {
                cut = Some(e - cl.len());
                break;
            }
        }
        match cut {
            Some(c) if w.is_char_boundary(c - s) => {
                out.push(Span::new(s, c));
                out.push(Span::new(c, e));
            }
            _ => out.push(Span::new(s, e)),
        }
    }
    out.extend(trail.into_iter().rev());
}

fn is_initials(w: &str) -> bool {
    // "U.S.", "D.P.R.K."
    let parts: Vec<&str> = w.split('.').collect();
    parts.len() >= 3
        && parts.last() == Some(&"")
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// Sentence split on . ! ? (not after abbreviations) and on blank lines.
pub fn split_sentences(text: &str, toks: &[Span]) -> Vec<Sent> {
    let mut out = Vec::new();
    let mut first = 0;
    for i in 0..toks.len() {
        let t = &text[toks[i].range()];
        let next_gap_newlines = if i + 1 < toks.len() {
            text[toks[i].end..toks[i + 1].start].matches('\n').count()
        } else {
            0
        };
        let end_punct = matches!(t, "." | "!" | "?");
        let closing_quote_after = i + 1 < toks.len()
            && matches!(&text[toks[i + 1].range()], "\"" | "”" | "’" | "'")
            && toks[i + 1].start == toks[i].end;
        let boundary = (end_punct && !closing_quote_after)
            || next_gap_newlines >= 1
            || (matches!(t, "\"" | "”")
                && i > 0
                && matches!(&text[toks[i - 1].range()], "." | "!" | "?"));
        if boundary || i + 1 == toks.len() {
            out.push(Sent {
                span: Span::new(toks[first].start, toks[i].end),
                toks: first..i + 1,
            });
            first = i + 1;
        }
    }
    out
}
