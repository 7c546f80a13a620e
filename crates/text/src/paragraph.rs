//! Paragraphs and headings.
//!
//! Paragraphs are separated by blank lines (lines holding only whitespace). Inside a block
//! of non-blank lines, single line breaks are kept as soft wraps when the block looks
//! hard-wrapped (most lines about the same length), and otherwise start a new paragraph
//! when the previous line ends a sentence. A short line without final punctuation that
//! stands before another paragraph ("US criticises the meeting") is a heading.

use crate::tokenize::is_sep;
use newsgraph_core::{Paragraph, Span};

/// Maximum length (bytes) and word count of a heading.
const HEADING_MAX_BYTES: usize = 120;
const HEADING_MAX_WORDS: usize = 14;

#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    chars: usize,
}

/// Splits `text` into paragraphs (spans exclude surrounding whitespace) and marks headings.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out: Vec<Span> = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    let mut pos = 0usize;
    let bytes = text.as_bytes();
    while pos <= text.len() {
        let nl = memchr_nl(&bytes[pos..])
            .map(|k| pos + k)
            .unwrap_or(text.len());
        let (s, e) = trim(text, pos, nl);
        if s >= e {
            flush(text, &mut block, &mut out);
        } else {
            block.push(Line {
                start: s,
                end: e,
                chars: text[s..e].chars().count(),
            });
        }
        if nl >= text.len() {
            break;
        }
        pos = nl + 1;
    }
    flush(text, &mut block, &mut out);
    let n = out.len();
    out.iter()
        .enumerate()
        .map(|(i, sp)| Paragraph {
            span: *sp,
            heading: i + 1 < n && is_heading_line(&text[sp.range()]),
        })
        .collect()
}

fn memchr_nl(b: &[u8]) -> Option<usize> {
    b.iter().position(|&x| x == b'\n')
}

fn trim(text: &str, s: usize, e: usize) -> (usize, usize) {
    let sl = &text[s..e];
    let a = sl.len() - sl.trim_start_matches(is_sep).len();
    let b = sl.trim_end_matches(is_sep).len();
    if b <= a {
        (s, s)
    } else {
        (s + a, s + b)
    }
}

/// Does the line end like a sentence (or a paragraph)?
fn ends_terminal(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    matches!(t.chars().next_back(), Some('.' | '!' | '?' | '…' | ':'))
}

fn starts_new(line: &str) -> bool {
    match line.chars().next() {
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(
                    c,
                    '"' | '“' | '‘' | '\'' | '(' | '[' | '-' | '*' | '•' | '–' | '—' | '#' | '>'
                )
        }
        None => false,
    }
}

/// A short line without final punctuation that starts with a capital or digit.
pub fn is_heading_line(line: &str) -> bool {
    if line.len() > HEADING_MAX_BYTES || line.contains('\n') {
        return false;
    }
    let first = match line.chars().next() {
        Some(c) => c,
        None => return false,
    };
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    let last = line.chars().next_back().unwrap_or(' ');
    if matches!(
        last,
        '.' | '!'
            | '?'
            | ':'
            | ';'
            | ','
            | '"'
            | '”'
            | '’'
            | '\''
            | ')'
            | ']'
            | '…'
            | '-'
            | '—'
            | '–'
    ) {
        return false;
    }
    let words = line.split_whitespace().count();
    words <= HEADING_MAX_WORDS && line.chars().any(|c| c.is_alphabetic())
}

fn flush(text: &str, block: &mut Vec<Line>, out: &mut Vec<Span>) {
    if block.is_empty() {
        return;
    }
    let n = block.len();
    let maxlen = block.iter().map(|l| l.chars).max().unwrap_or(0);
    let long = block[..n - 1]
        .iter()
        .filter(|l| l.chars * 10 >= maxlen * 7)
        .count();
    let wrapped = n >= 3 && (50..=160).contains(&maxlen) && long * 10 >= (n - 1) * 6;
    let mut start = block[0].start;
    for i in 0..n - 1 {
        let prev = &text[block[i].start..block[i].end];
        let next = &text[block[i + 1].start..block[i + 1].end];
        let heading = is_heading_line(prev)
            && starts_new(next)
            && (!wrapped || block[i].chars * 10 < maxlen * 7);
        let split = heading
            || if wrapped {
                ends_terminal(prev) && block[i].chars * 10 < maxlen * 7 && starts_new(next)
            } else {
                ends_terminal(prev) && starts_new(next)
            };
        if split {
            out.push(Span::new(start, block[i].end));
            start = block[i + 1].start;
        }
    }
    out.push(Span::new(start, block[n - 1].end));
    block.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(t: &str) -> Vec<(&str, bool)> {
        paragraphs(t)
            .into_iter()
            .map(|p| (&t[p.span.range()], p.heading))
            .collect()
    }

    #[test]
    fn blank_lines_and_headings() {
        let t = "  First paragraph here.\n\n  \t\nThe rebels advance\n\nSecond one, with text.  \n\n(With inputs from agencies)\n";
        assert_eq!(
            paras(t),
            [
                ("First paragraph here.", false),
                ("The rebels advance", true),
                ("Second one, with text.", false),
                ("(With inputs from agencies)", false)
            ]
        );
    }

    #[test]
    fn a_final_short_line_is_not_a_heading() {
        assert_eq!(
            paras("Text here.\n\nReuters"),
            [("Text here.", false), ("Reuters", false)]
        );
    }

    #[test]
    fn single_line_breaks() {
        // one paragraph per line
        let t = "The talks ended on Friday.\nBoth sides claimed victory.\nSanctions stay\nOfficials said the deal was dead.";
        assert_eq!(
            paras(t),
            [
                ("The talks ended on Friday.", false),
                ("Both sides claimed victory.", false),
                ("Sanctions stay", true),
                ("Officials said the deal was dead.", false)
            ]
        );
        // hard-wrapped text stays together, a short final line ends the paragraph
        let w = "The minister said on Tuesday that the talks would go\non until a deal was reached. Others were less sure\nof the outcome and left.\nA new paragraph starts here and it is also long enough\nto wrap.";
        let p = paras(w);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].0.ends_with("left."));
    }

    #[test]
    fn empty_and_blank() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs(" \n\t\r\n ").is_empty());
        assert_eq!(
            paras("\r\nA line.\r\n\r\nB line.\r\n"),
            [("A line.", false), ("B line.", false)]
        );
    }
}
