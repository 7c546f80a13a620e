//! A small tokenizer of its own, tuned for temporal expressions: numbers keep their
//! internal `/`, `:`, `.` and `,` (`9/14/2023`, `15:00`, `1,000`), ISO dates stay whole
//! (`2023-09-14`), `a.m.`/`p.m.` are one word, and every other punctuation mark (hyphen,
//! apostrophe, brackets) is a token of its own. Offsets are byte offsets into the text.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// Lower-cased text.
    pub low: String,
    pub kind: Kind,
    /// First character is upper case.
    pub cap: bool,
}

fn is_iso_date_at(b: &[u8], i: usize) -> bool {
    // dddd-dd-dd starting at i
    if i + 10 > b.len() {
        return false;
    }
    let s = &b[i..i + 10];
    s[..4].iter().all(u8::is_ascii_digit)
        && s[4] == b'-'
        && s[5..7].iter().all(u8::is_ascii_digit)
        && s[7] == b'-'
        && s[8..10].iter().all(u8::is_ascii_digit)
        && (i + 10 == b.len() || !b[i + 10].is_ascii_digit())
}

pub fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = i + 1;
            if is_iso_date_at(b, i) {
                end = i + 10;
            }
            loop {
                if end >= b.len() {
                    break;
                }
                let ch = b[end];
                if ch.is_ascii_alphanumeric() {
                    end += 1;
                } else if matches!(ch, b'/' | b':' | b'.' | b',')
                    && end + 1 < b.len()
                    && b[end + 1].is_ascii_digit()
                {
                    end += 2;
                } else {
                    break;
                }
            }
            while let Some(&(j, _)) = it.peek() {
                if j < end {
                    it.next();
                } else {
                    break;
                }
            }
            let s = &text[i..end];
            out.push(Tok {
                start: i,
                end,
                low: s.to_ascii_lowercase(),
                kind: Kind::Num,
                cap: false,
            });
            continue;
        }
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, ch)) = it.peek() {
                if ch.is_alphanumeric() {
                    end = j + ch.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let mut low = text[i..end].to_lowercase();
            // a.m. / p.m.
            if (low == "a" || low == "p") && text[end..].len() >= 3 {
                let rest = &b[end..];
                if rest.len() >= 3
                    && rest[0] == b'.'
                    && (rest[1] == b'm' || rest[1] == b'M')
                    && rest[2] == b'.'
                {
                    let e2 = end + 3;
                    while let Some(&(j, _)) = it.peek() {
                        if j < e2 {
                            it.next();
                        } else {
                            break;
                        }
                    }
                    low = format!("{}.m.", low);
                    end = e2;
                }
            }
            out.push(Tok {
                start: i,
                end,
                low,
                kind: Kind::Word,
                cap: c.is_uppercase(),
            });
            continue;
        }
        let end = i + c.len_utf8();
        let low = match c {
            '\u{2019}' | '\u{2018}' | '`' => "'".to_string(),
            '\u{201c}' | '\u{201d}' => "\"".to_string(),
            '\u{2013}' | '\u{2014}' => "-".to_string(),
            _ => c.to_string(),
        };
        out.push(Tok {
            start: i,
            end,
            low,
            kind: Kind::Punct,
            cap: false,
        });
    }
    out
}

/// Sentence spans by a simple rule (sentence punctuation followed by a space and an
/// upper-case letter, digit or quote, and blank lines / line breaks), for documents that
/// were not segmented.
pub fn simple_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut k = 0;
    while k < n {
        let (i, c) = chars[k];
        let mut cut: Option<usize> = None;
        if c == '\n' {
            cut = Some(i);
        } else if matches!(c, '.' | '!' | '?') {
            // look past closing quotes/brackets
            let mut m = k + 1;
            while m < n && matches!(chars[m].1, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')') {
                m += 1;
            }
            if m < n && chars[m].1.is_whitespace() {
                let mut q = m;
                while q < n && chars[q].1.is_whitespace() {
                    q += 1;
                }
                if q >= n
                    || chars[q].1.is_uppercase()
                    || chars[q].1.is_ascii_digit()
                    || matches!(chars[q].1, '"' | '\u{201c}')
                {
                    // avoid common abbreviations: a single capital letter, Mr., Dr., months
                    let word_start = text[..i]
                        .char_indices()
                        .rev()
                        .find(|&(_, ch)| !ch.is_alphabetic())
                        .map(|(p, ch)| p + ch.len_utf8())
                        .unwrap_or(0);
                    let w = &text[word_start..i];
                    let abbr = c == '.'
                        && (w.len() == 1
                            || matches!(
                                w,
                                "Mr" | "Mrs"
                                    | "Ms"
                                    | "Dr"
                                    | "St"
                                    | "Gen"
                                    | "Sen"
                                    | "Rep"
                                    | "Gov"
                                    | "Lt"
                                    | "Col"
                                    | "Jan"
                                    | "Feb"
                                    | "Aug"
                                    | "Sept"
                                    | "Sep"
                                    | "Oct"
                                    | "Nov"
                                    | "Dec"
                                    | "Jr"
                                    | "Sr"
                                    | "No"
                                    | "Prof"
                                    | "Capt"
                                    | "Sgt"
                                    | "Inc"
                                    | "Corp"
                                    | "Co"
                            ));
                    if !abbr {
                        cut = Some(if m < n { chars[m].0 } else { text.len() });
                    }
                }
            }
        }
        if let Some(e) = cut {
            if !text[start..e].trim().is_empty() {
                out.push((start, e));
            }
            start = e;
        }
        k += 1;
    }
    if !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn numbers_and_dates_stay_whole() {
        let t = tokenize("On 9/14/2023 at 3 p.m., 2023-09-14 and 2009-2010 (15:00) 1,000");
        let lows: Vec<&str> = t.iter().map(|t| t.low.as_str()).collect();
        assert_eq!(
            lows,
            vec![
                "on",
                "9/14/2023",
                "at",
                "3",
                "p.m.",
                ",",
                "2023-09-14",
                "and",
                "2009",
                "-",
                "2010",
                "(",
                "15:00",
                ")",
                "1,000"
            ]
        );
    }
    #[test]
    fn sentences_split_simply() {
        let s = simple_sentences("He met Mr. Kim on Sept. 14. They talked. \"Yes.\" Then");
        assert_eq!(s.len(), 4);
    }
}
