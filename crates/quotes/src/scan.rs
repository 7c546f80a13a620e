//! Low-level text view: paragraphs, the crate's own word tokens, quotation-mark pairing and
//! sentence boundaries. Independent of the segmenter, so quotes are found the same way
//! whatever tokenisation ran before (or none); POS tags are borrowed from `doc.tokens` when
//! a token starts at the same offset.

use newsgraph_core::{Document, Span, Upos};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct,
    /// A double quotation mark (straight, curly, guillemet, low-9).
    QMark,
}

#[derive(Debug, Clone)]
pub struct Tok {
    pub span: Span,
    pub kind: Kind,
    /// Lower-case text.
    pub lower: String,
    /// First character is upper-case.
    pub cap: bool,
    /// POS borrowed from the document's tokens, when tagged.
    pub upos: Option<Upos>,
    /// Inside a quotation (the marks themselves are not).
    pub in_quote: bool,
    /// Covered by a time expression of `doc.times`.
    pub time: bool,
    /// Sentence number within the paragraph.
    pub sent: usize,
}

impl Tok {
    pub fn is_punct(&self, s: &str) -> bool {
        self.kind == Kind::Punct && self.lower == s
    }
}

/// A paired quotation inside one paragraph.
#[derive(Debug, Clone)]
pub struct QSeg {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; None when the quotation runs to the paragraph end.
    pub close: Option<usize>,
    /// Content without the marks, whitespace-trimmed.
    pub content: Span,
}

/// One paragraph, tokenised.
#[derive(Debug, Clone)]
pub struct Para {
    #[allow(dead_code)]
    pub span: Span,
    pub toks: Vec<Tok>,
    pub quotes: Vec<QSeg>,
    /// Starts with an opening quotation mark.
    pub opens_with_quote: bool,
}

const ABBREVS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "st", "prof",
    "jr", "sr", "no", "vs", "maj", "adm", "cmdr", "pres", "rev", "hon", "gen", "brig", "insp",
    "supt", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "inc", "corp", "co", "ltd",
    "dept", "u.s", "u.k", "u.n", "e.g", "i.e",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '$' || c == '%' || c == '€' || c == '£'
}

fn is_open_dq(c: char) -> bool {
    matches!(c, '"' | '“' | '„' | '«' | '‟')
}

fn is_dq(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟')
}

/// The paragraphs of the document: `doc.paragraphs` when segmented, else blank-line blocks
/// (single lines when the text has no blank line).
pub fn paragraph_spans(doc: &Document) -> Vec<Span> {
    if !doc.paragraphs.is_empty() {
        return doc.paragraphs.iter().map(|p| p.span).collect();
    }
    let text = &doc.text;
    let blank_sep = text.contains("\n\n") || text.contains("\n \n") || text.contains("\n\r\n");
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let blank = content.trim().is_empty();
        if blank || !blank_sep {
            if let Some(s) = start.take() {
                out.push(Span::new(s, last_end));
            }
        }
        if !blank {
            let lead = content.len() - content.trim_start().len();
            if start.is_none() {
                start = Some(pos + lead);
            }
            last_end = pos + content.trim_end().len();
            if !blank_sep {
                if let Some(s) = start.take() {
                    out.push(Span::new(s, last_end));
                }
            }
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(Span::new(s, last_end));
    }
    out
}

/// Tokenises `span` of `text` into words, punctuation and quotation marks.
pub fn tokenize(text: &str, span: Span) -> Vec<Tok> {
    let mut toks = Vec::new();
    let Some(s) = text.get(span.range()) else {
        return toks;
    };
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    let n = chars.len();
    let push = |toks: &mut Vec<Tok>, a: usize, b: usize, kind: Kind| {
        let t = &s[a..b];
        toks.push(Tok {
            span: Span::new(span.start + a, span.start + b),
            kind,
            lower: t.to_lowercase(),
            cap: t.chars().next().is_some_and(|c| c.is_uppercase()),
            upos: None,
            in_quote: false,
            time: false,
            sent: 0,
        });
    };
    while i < n {
        let (a, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_word_char(c) {
            let mut j = i + 1;
            while j < n {
                let cj = chars[j].1;
                if is_word_char(cj) {
                    j += 1;
                } else if matches!(cj, '\'' | '’' | '-' | '–' | '.' | '&' | ',' | '/')
                    && j + 1 < n
                    && is_word_char(chars[j + 1].1)
                {
                    // internal apostrophe, hyphen, decimal point, abbreviation dots ("U.S"),
                    // thousands separators ("5,000": only between digits)
                    if cj == ','
                        && !(chars[j - 1].1.is_ascii_digit() && chars[j + 1].1.is_ascii_digit())
                    {
                        break;
                    }
                    if cj == '–' {
                        break;
                    }
                    j += 2;
                } else {
                    break;
                }
            }
            let mut b = if j < n { chars[j].0 } else { s.len() };
            // abbreviation period: "Mr.", "U.S."
            if j < n && chars[j].1 == '.' {
                let w = s[a..b].to_lowercase();
                if ABBREVS.contains(&w.as_str()) || (w.contains('.') && w.len() <= 5) {
                    b = chars[j].0 + 1;
                    j += 1;
                }
            }
            push(&mut toks, a, b, Kind::Word);
            i = j;
            continue;
        }
        let b = if i + 1 < n { chars[i + 1].0 } else { s.len() };
        let kind = if is_dq(c) { Kind::QMark } else { Kind::Punct };
        push(&mut toks, a, b, kind);
        i += 1;
    }
    toks
}

/// Pairs the double quotation marks of a paragraph. An opening mark with no closing mark
/// runs to the paragraph end. Straight marks alternate; curly marks nest.
fn pair_quotes(text: &str, toks: &mut [Tok]) -> Vec<QSeg> {
    let mut segs = Vec::new();
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if toks[i].kind != Kind::QMark {
            i += 1;
            continue;
        }
        let c = toks[i].lower.chars().next().unwrap_or('"');
        // a stray closing mark or an inch mark (5'10") is not an opener
        let prev_digit = i > 0
            && toks[i - 1].span.end == toks[i].span.start
            && toks[i - 1].lower.ends_with(|ch: char| ch.is_ascii_digit());
        if !is_open_dq(c) || prev_digit {
            i += 1;
            continue;
        }
        let curly = c != '"';
        let mut depth = 0;
        let mut close = None;
        let mut j = i + 1;
        while j < n {
            if toks[j].kind == Kind::QMark {
                let cj = toks[j].lower.chars().next().unwrap_or('"');
                if curly && (cj == '“' || cj == '„' || cj == '«') {
                    depth += 1;
                } else if curly && (cj == '”' || cj == '»') {
                    if depth == 0 {
                        close = Some(j);
                        break;
                    }
                    depth -= 1;
                } else if cj == '"' || cj == '”' || cj == '»' {
                    // straight mark: closes a straight quote; inside a curly one it is
                    // nested unless it looks like a closer at the top level.
                    if !curly {
                        close = Some(j);
                        break;
                    }
                }
            }
            j += 1;
        }
        let cstart = toks[i].span.end;
        let cend = match close {
            Some(c) => toks[c].span.start,
            None => toks[n - 1].span.end,
        };
        let content = trim_span(text, Span::new(cstart, cend.max(cstart)));
        for t in toks.iter_mut().take(close.unwrap_or(n)).skip(i + 1) {
            t.in_quote = true;
        }
        if !content.is_empty() {
            segs.push(QSeg {
                open: i,
                close,
                content,
            });
        }
        i = close.map(|c| c + 1).unwrap_or(n);
    }
    segs
}

/// Trims whitespace from both ends of a span.
pub fn trim_span(text: &str, span: Span) -> Span {
    let Some(s) = text.get(span.range()) else {
        return span;
    };
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    Span::new(span.start + lead, span.start + lead + t.len())
}

/// Assigns sentence numbers within a paragraph: a boundary after `.`, `!`, `?` outside
/// quotations, and after a closing mark whose content ends a sentence when a capitalised
/// word or another quotation follows.
fn assign_sentences(text: &str, toks: &mut [Tok], segs: &[QSeg]) {
    let mut sent = 0;
    let n = toks.len();
    let mut closers = vec![false; n];
    for q in segs {
        if let Some(c) = q.close {
            let ends = text
                .get(q.content.range())
                .is_some_and(|s| s.ends_with(['.', '!', '?']));
            let next_starts = c + 1 < n && (toks[c + 1].cap || toks[c + 1].kind == Kind::QMark);
            closers[c] = ends && next_starts;
        }
    }
    for i in 0..n {
        toks[i].sent = sent;
        let t = &toks[i];
        let end_punct =
            t.kind == Kind::Punct && !t.in_quote && matches!(t.lower.as_str(), "." | "!" | "?");
        if end_punct || closers[i] {
            // keep a closing quotation mark right after the full stop in the same sentence
            if end_punct
                && i + 1 < n
                && toks[i + 1].kind == Kind::QMark
                && toks[i + 1].span.start == t.span.end
            {
                continue;
            }
            sent += 1;
        }
    }
}

/// Tokenises all paragraphs of a document.
pub fn paragraphs(doc: &Document) -> Vec<Para> {
    let text = &doc.text;
    paragraph_spans(doc)
        .into_iter()
        .filter(|s| {
            s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
        })
        .map(|span| {
            let mut toks = tokenize(text, span);
            // borrow POS tags
            if doc
                .tokens
                .iter()
                .any(|t| !t.xpos.is_empty() || t.upos != Upos::X)
            {
                for t in toks.iter_mut() {
                    let i = doc.tokens.partition_point(|d| d.span.start < t.span.start);
                    if let Some(d) = doc.tokens.get(i) {
                        if d.span.start == t.span.start {
                            t.upos = Some(d.upos);
                        }
                    }
                }
            }
            for t in toks.iter_mut() {
                t.time = doc.times.iter().any(|x| x.span.overlaps(t.span));
            }
            let quotes = pair_quotes(text, &mut toks);
            assign_sentences(text, &mut toks, &quotes);
            let opens_with_quote = toks.first().is_some_and(|t| t.kind == Kind::QMark)
                && quotes.first().is_some_and(|q| q.open == 0);
            Para {
                span,
                toks,
                quotes,
                opens_with_quote,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(s, Span::new(0, s.len()))
            .into_iter()
            .map(|t| t.lower)
            .collect()
    }

    #[test]
    fn tokenizer_keeps_words_and_splits_marks() {
        assert_eq!(
            words("“It’s over,” Mr. Lee said."),
            ["“", "it’s", "over", ",", "”", "mr.", "lee", "said", "."]
        );
        assert_eq!(
            words("U.S. troops cost $5,000."),
            ["u.s.", "troops", "cost", "$5,000", "."]
        );
        assert_eq!(
            words("state-run (Sept. 4)"),
            ["state-run", "(", "sept.", "4", ")"]
        );
    }

    #[test]
    fn blank_line_paragraphs() {
        let d = Document::new("x", "One line.\n\n\"Two\nlines.\"\n\n  Three.", None);
        let p = paragraph_spans(&d);
        assert_eq!(p.len(), 3);
        assert_eq!(p[1].slice(&d.text), "\"Two\nlines.\"");
        assert_eq!(p[2].slice(&d.text), "Three.");
    }

    #[test]
    fn curly_quotes_nest_and_unclosed_run_to_the_end() {
        let d = Document::new(
            "x",
            "“He called it “absurd” twice,” she said. \"And more",
            None,
        );
        let ps = paragraphs(&d);
        let q = &ps[0].quotes;
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].content.slice(&d.text), "He called it “absurd” twice,");
        assert_eq!(q[1].content.slice(&d.text), "And more");
        assert!(q[1].close.is_none());
    }
}
