//! The news tokenizer: UD English EWT conventions, byte spans, no allocation per token.
//!
//! Text is first cut at whitespace (and control characters, zero-width spaces) into
//! *chunks*; each chunk is then split by three passes, in the manner of spaCy's tokenizer:
//!
//! 1. **prefixes**: opening brackets and quotes, currency signs, leading dashes and ellipses;
//! 2. **suffixes**: closing brackets and quotes, `, ; : ! ? %`, ellipses, a final period
//!    unless the word is an abbreviation (`U.S.`, `Dr.`, `Sept.`, initials `J.`), and the
//!    clitics `n't 's 'm 'd 'll 're 've` (straight or curly apostrophe), plus the EWT
//!    splits of `cannot`, `gonna`, `wanna`, `gotta` and apostrophe-less `dont`, `didnt` …;
//! 3. **infixes** inside what is left: hyphens between words (`Russia-DPRK` →
//!    `Russia - DPRK`) except after common prefixes (`e-mail`, `co-workers`, `pre-war`),
//!    in model names (`F-35`, `AK-47`, `COVID-19`) and in phone numbers and dates;
//!    dashes (`--`, `—`, `–`), ellipses, commas between letters, slashes between words
//!    (`and/or`), brackets and quotes.
//!
//! URLs (`http://…`, `www.…`), e-mail addresses, hashtags (`#MeToo`), @handles and simple
//! emoticons stay single tokens. Numbers keep their inner commas and periods (`1,000`,
//! `3.5`); `$5` is `$` + `5`, `3.5%` is `3.5` + `%`.
//!
//! Deviation from EWT, on purpose: model names such as `F-35` are one token (EWT writes
//! `F - 35`), because downstream extractors treat them as one name.

use newsgraph_core::Span;

/// True for characters that separate chunks: whitespace, control characters and
/// zero-width spaces / byte-order marks.
#[inline]
pub fn is_sep(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

#[inline]
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{0300}'..='\u{036F}')
}

#[inline]
fn is_open(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '"' | '“' | '‘' | '«' | '‹' | '„' | '`' | '¿' | '¡' | '<' | '*' | '\''
    )
}

#[inline]
fn is_close(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '"' | '”' | '’' | '»' | '›' | ',' | ';' | ':' | '\'' | '>' | '*' | '`'
    )
}

#[inline]
fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹' | '₩' | '₽' | '¢')
}

#[inline]
fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―' | '‒' | '−')
}

/// Abbreviations that keep their final period (compared case-insensitively, without the
/// period). Dotted acronyms (`U.S.`, `a.m.`, `Ph.D.`) and single-letter initials are
/// recognised by shape and need no entry.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpl", "maj",
    "adm", "cmdr", "cdr", "gov", "sen", "rep", "reps", "rev", "hon", "pres", "supt", "insp", "st",
    "jr", "sr", "inc", "corp", "co", "ltd", "llc", "bros", "dept", "univ", "assn", "govt", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "etc", "vs", "vol", "fig", "approx",
    "est", "ft", "mt", "ave", "blvd", "cf", "al", "ibid", "pp", "esp", "ala", "ariz", "ark",
    "calif", "colo", "conn", "fla", "ga", "ida", "ind", "kan", "kans", "ky", "la", "md", "mich",
    "minn", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt",
    "wis", "wyo", "mass", "wash", "del", "ill", "miss", "attn", "ext", "tel", "dist", "div", "mgr",
    "asst", "intl", "natl", "sq", "yr", "yrs", "min", "hrs", "hr", "lbs", "oz", "pt", "pts",
];

/// Abbreviations that are honorifics or titles: a name nearly always follows, so they
/// never end a sentence.
pub const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpl", "maj",
    "adm", "cmdr", "cdr", "gov", "sen", "rep", "reps", "rev", "hon", "pres", "supt", "insp", "st",
    "mt", "ft",
];

fn eq_ascii_ci_any(word: &str, list: &[&str]) -> bool {
    word.len() <= 8 && list.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Is `core` (a word without its final period) an abbreviation that keeps the period?
fn is_abbrev_core(core: &str, next_is_digit: bool) -> bool {
    if core.is_empty() {
        return false;
    }
    let mut chars = core.chars();
    let first = chars.next().unwrap_or(' ');
    // single-letter initial: "J." (also lower-case list markers "a.")
    if chars.next().is_none() {
        return first.is_alphabetic();
    }
    if eq_ascii_ci_any(core, ABBREVIATIONS) {
        return true;
    }
    if (core == "No" || core == "no" || core == "Nos" || core == "Art" || core == "p")
        && next_is_digit
    {
        return true;
    }
    is_dotted_acronym(core)
}

/// `U.S`, `a.m`, `Ph.D`, `e.g`: groups of one or two letters separated by periods.
fn is_dotted_acronym(core: &str) -> bool {
    let mut groups = 0;
    for g in core.split('.') {
        let n = g.chars().count();
        if n == 0 || n > 2 || !g.chars().all(|c| c.is_alphabetic()) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

/// Does a token (text with its final period) look like an abbreviation?
pub fn is_abbreviation_token(tok: &str) -> bool {
    tok.len() > 1
        && tok.ends_with('.')
        && !tok.ends_with("..")
        && is_abbrev_core(&tok[..tok.len() - 1], false)
}

/// Word prefixes that EWT keeps attached across a hyphen (`e-mail`, `co-workers`).
const HYPHEN_PREFIXES: &[&str] = &[
    "e", "co", "pre", "post", "non", "re", "anti", "ex", "mid", "pro", "multi", "semi", "self",
    "vice", "pseudo", "counter", "inter", "intra", "sub", "super", "ultra", "un", "x", "bi", "tri",
    "neo", "quasi", "mini", "micro", "macro", "mega", "geo", "socio", "euro", "afro", "cyber",
    "hyper", "de", "t", "u", "a", "o", "uh", "mm", "hmm",
];

/// Emoticons kept whole when they form a whole chunk.
const EMOTICONS: &[&str] = &[
    ":)", ":-)", ";)", ";-)", ":(", ":-(", ":D", ":-D", ":P", ":-P", ":p", ":/", ":-/", "<3", ":o",
    ":O", "=)", ":')", "^_^", "xD", "XD",
];

/// Whole words split the EWT way (surface, byte position of the split).
const SPECIAL_SPLITS: &[(&str, usize)] = &[
    ("cannot", 3),
    ("gonna", 3),
    ("wanna", 3),
    ("gotta", 3),
    ("dont", 2),
    ("didnt", 3),
    ("doesnt", 4),
    ("isnt", 2),
    ("wasnt", 3),
    ("werent", 4),
    ("arent", 3),
    ("cant", 2),
    ("wont", 2),
    ("couldnt", 5),
    ("wouldnt", 5),
    ("shouldnt", 6),
    ("hasnt", 3),
    ("havent", 4),
    ("hadnt", 3),
    ("aint", 2),
];

fn special_split(word: &str) -> Option<usize> {
    if word.len() > 8 || !word.is_ascii() {
        return None;
    }
    SPECIAL_SPLITS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, p)| p)
}

/// Length in bytes of a clitic at the end of `word` that EWT splits off, if any.
fn clitic_len(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let n = b.len();
    for apos in [&b"'"[..], "’".as_bytes()] {
        let al = apos.len();
        // n't (needs at least one letter before the n)
        if n > al + 3
            && b[n - 1].eq_ignore_ascii_case(&b't')
            && &b[n - 1 - al..n - 1] == apos
            && b[n - 2 - al].eq_ignore_ascii_case(&b'n')
        {
            return Some(al + 2);
        }
        // 's 'm 'd / 'll 're 've
        for suf_len in [1usize, 2] {
            if n <= al + suf_len {
                continue;
            }
            let start = n - suf_len - al;
            if &b[start..start + al] != apos {
                continue;
            }
            let suf = &b[n - suf_len..];
            let ok = if suf_len == 1 {
                matches!(suf[0].to_ascii_lowercase(), b's' | b'm' | b'd')
            } else {
                [&b"ll"[..], b"re", b"ve"]
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(suf))
            };
            let before = if word.is_char_boundary(start) {
                word[..start].chars().next_back()
            } else {
                None
            };
            let abbrev_before =
                before == Some('.') && is_dotted_acronym(word[..start].trim_end_matches('.'));
            if ok
                && (abbrev_before
                    || before.is_some_and(|c| is_word(c) && !(suf_len == 1 && c.is_ascii_digit())))
            {
                return Some(n - start);
            }
        }
    }
    None
}

fn looks_like_url(s: &str) -> bool {
    let b = s.as_bytes();
    let starts = |p: &str| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if starts("http://")
        || starts("https://")
        || starts("ftp://")
        || starts("www.")
        || starts("mailto:")
    {
        return true;
    }
    // e-mail: word chars, '@', then a dotted domain
    if let Some(at) = s.find('@') {
        if at > 0 {
            let dom = &s[at + 1..];
            if let Some(dot) = dom.find('.') {
                return dot > 0
                    && dot + 1 < dom.len()
                    && dom[dot + 1..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_alphabetic());
            }
        }
    }
    false
}

/// Maximum number of suffix tokens peeled off one chunk before the rest is treated as the
/// middle part (keeps the work linear and the buffer fixed).
const MAX_SUFFIXES: usize = 12;

/// Tokenizes `text[start..end]` and appends the token spans (byte offsets into `text`)
/// to `out`. `start` and `end` must be char boundaries; invalid ranges are ignored.
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    if start >= end
        || end > text.len()
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
    {
        return;
    }
    let mut i = start;
    let region = &text[..end];
    while i < end {
        // skip separators
        let mut it = region[i..].char_indices();
        let mut chunk_start = end;
        for (k, c) in it.by_ref() {
            if !is_sep(c) {
                chunk_start = i + k;
                break;
            }
        }
        if chunk_start >= end {
            break;
        }
        let mut chunk_end = end;
        for (k, c) in region[chunk_start..].char_indices() {
            if is_sep(c) {
                chunk_end = chunk_start + k;
                break;
            }
        }
        let next_is_digit = region[chunk_end..]
            .trim_start_matches(is_sep)
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit());
        tokenize_chunk(text, chunk_start, chunk_end, next_is_digit, out);
        i = chunk_end;
    }
}

/// Tokenizes a whole text.
pub fn tokenize(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, 0, text.len(), &mut out);
    out
}

#[inline]
fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}
#[inline]
fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

fn tokenize_chunk(
    text: &str,
    mut s: usize,
    mut e: usize,
    next_is_digit: bool,
    out: &mut Vec<Span>,
) {
    let chunk = &text[s..e];
    if chunk.len() <= 4 && EMOTICONS.contains(&chunk) {
        out.push(Span::new(s, e));
        return;
    }
    // ---- prefixes
    while s < e {
        let rest = &text[s..e];
        let c = match first_char(rest) {
            Some(c) => c,
            None => break,
        };
        let cl = c.len_utf8();
        if rest.len() == cl {
            break; // a single char: leave it for the middle pass
        }
        if c == '\'' || c == '’' {
            // keep a clitic chunk ("'s"), decades ("'90s") and "'em"
            let after = &rest[cl..];
            let nc = first_char(after).unwrap_or(' ');
            if nc.is_ascii_digit() || clitic_len(rest).is_some_and(|l| l == rest.len()) {
                break;
            }
            if ["s", "m", "d", "ll", "re", "ve", "em", "til", "cause", "n"]
                .iter()
                .any(|x| x.eq_ignore_ascii_case(after))
            {
                break; // a clitic or elision written alone: "'s", "'em"
            }
            out.push(Span::new(s, s + cl));
            s += cl;
            continue;
        }
        if c == '#' || c == '@' {
            // hashtag / handle: keep attached when a letter follows
            if first_char(&rest[1..]).is_some_and(|x| x.is_alphabetic() || x == '_') {
                break;
            }
            out.push(Span::new(s, s + 1));
            s += 1;
            continue;
        }
        if is_open(c) || is_currency(c) {
            let run = if is_run_char(c) { run_of(rest, c) } else { cl };
            if run == rest.len() {
                break; // the whole chunk is a run: one token
            }
            out.push(Span::new(s, s + run));
            s += run;
            continue;
        }
        if c == '.' || c == '-' || is_dash(c) || c == '…' {
            // runs of dots / hyphens / dashes
            let run_end = run_of(rest, c);
            if c == '-'
                && run_end == 1
                && first_char(&rest[1..]).is_some_and(|x| x.is_ascii_digit())
            {
                break; // negative number "-5"
            }
            if c == '.'
                && run_end == 1
                && first_char(&rest[1..]).is_some_and(|x| x.is_ascii_digit())
            {
                break; // ".5"
            }
            if c == '.' && run_end == 1 {
                // ".NET", ".com": keep
                break;
            }
            out.push(Span::new(s, s + run_end));
            s += run_end;
            continue;
        }
        break;
    }
    if s >= e {
        return;
    }
    // ---- URL / e-mail
    let rest = &text[s..e];
    if looks_like_url(rest) {
        let mut ue = e;
        let has_open_paren = rest.contains('(');
        while ue > s {
            let c = last_char(&text[s..ue]).unwrap_or(' ');
            if matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '”' | '’' | ']' | '}' | '>' | '»'
            ) || (c == ')' && !has_open_paren)
            {
                ue -= c.len_utf8();
            } else {
                break;
            }
        }
        if ue > s {
            out.push(Span::new(s, ue));
            middle(text, ue, e, out);
            return;
        }
    }
    // ---- suffixes
    let mut suf: [Span; MAX_SUFFIXES] = [Span::new(0, 0); MAX_SUFFIXES];
    let mut ns = 0usize;
    let mut clitic_done = false;
    while s < e && ns < MAX_SUFFIXES {
        let rest = &text[s..e];
        let c = match last_char(rest) {
            Some(c) => c,
            None => break,
        };
        let cl = c.len_utf8();
        if rest.len() == cl {
            break;
        }
        if c == '.' {
            let run = run_back(rest, '.');
            if run >= 2 {
                suf[ns] = Span::new(e - run, e);
                ns += 1;
                e -= run;
                continue;
            }
            let core = &rest[..rest.len() - 1];
            // "ESBL-E.": the part after the last hyphen decides
            let last_part = core.rsplit('-').next().unwrap_or(core);
            if is_abbrev_core(core, next_is_digit)
                || (last_part.len() < core.len()
                    && !last_part.is_empty()
                    && is_abbrev_core(last_part, next_is_digit))
            {
                break; // the period belongs to the word
            }
            suf[ns] = Span::new(e - 1, e);
            ns += 1;
            e -= 1;
            continue;
        }
        if c == '!' || c == '?' {
            let mut k = rest.len();
            let rb = rest.as_bytes();
            while k > 0
                && (matches!(rb[k - 1], b'!' | b'?')
                    || (rb[k - 1] == b'.' && (k < 2 || rb[k - 2] != b'.')))
            {
                k -= 1;
            }
            if k == 0 {
                break;
            }
            suf[ns] = Span::new(s + k, e);
            ns += 1;
            e = s + k;
            continue;
        }
        if c == '…' || is_dash(c) {
            suf[ns] = Span::new(e - cl, e);
            ns += 1;
            e -= cl;
            continue;
        }
        if c == '%' || c == '‰' {
            suf[ns] = Span::new(e - cl, e);
            ns += 1;
            e -= cl;
            continue;
        }
        if c == '-' {
            let run = run_back(rest, '-');
            if run == rest.len() {
                break;
            }
            suf[ns] = Span::new(e - run, e);
            ns += 1;
            e -= run;
            continue;
        }
        if c == ')' && rest.contains('(') && !rest.starts_with('(') {
            // "friend(s)", "f(x)": keep
            break;
        }
        if is_close(c) {
            let run = if is_run_char(c) {
                run_back(rest, c)
            } else {
                cl
            };
            if run == rest.len() {
                break;
            }
            suf[ns] = Span::new(e - run, e);
            ns += 1;
            e -= run;
            continue;
        }
        if !clitic_done {
            clitic_done = true;
            if let Some(l) = clitic_len(rest) {
                suf[ns] = Span::new(e - l, e);
                ns += 1;
                e -= l;
                continue;
            }
            if let Some(p) = special_split(rest) {
                suf[ns] = Span::new(s + p, e);
                ns += 1;
                e = s + p;
                continue;
            }
        }
        break;
    }
    middle(text, s, e, out);
    while ns > 0 {
        ns -= 1;
        out.push(suf[ns]);
    }
}

/// Characters whose runs form one token (`**`, `>>`, `''`, `!!!`).
#[inline]
fn is_run_char(c: char) -> bool {
    matches!(
        c,
        '*' | '<' | '>' | '=' | '\'' | '’' | '!' | '?' | '~' | '_' | '+' | '|' | '^'
    )
}

/// Length in bytes of the run of `c` at the start of `s`.
fn run_of(s: &str, c: char) -> usize {
    s.char_indices()
        .find(|&(_, x)| x != c)
        .map(|(k, _)| k)
        .unwrap_or(s.len())
}

/// Length in bytes of the run of `c` at the end of `s`.
fn run_back(s: &str, c: char) -> usize {
    let mut n = 0;
    for x in s.chars().rev() {
        if x != c {
            break;
        }
        n += x.len_utf8();
    }
    n
}

/// Infix pass over `text[s..e]`.
fn middle(text: &str, s: usize, e: usize, out: &mut Vec<Span>) {
    if s >= e {
        return;
    }
    let part = &text[s..e];
    // fast path: plain word
    if !part.as_bytes()[0].is_ascii_digit() && part.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push(Span::new(s, e));
        return;
    }
    if looks_like_url(part) || part.starts_with('#') || part.starts_with('@') {
        // hashtags/handles: split only trailing junk already removed
        if !part.starts_with('#') && !part.starts_with('@')
            || part[1..].chars().all(|c| is_word(c) || c == '_')
        {
            out.push(Span::new(s, e));
            return;
        }
    }
    let bytes = part.as_bytes();
    let mut piece = 0usize; // start of the current token (relative)
    let mut seg = 0usize; // start of the current hyphen part (relative)
    let mut keep_hyphens_until = 0usize; // numeric compound kept whole up to here
    let mut prev: char = '\0';
    let mut iter = part.char_indices().peekable();
    while let Some((k, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let cl = c.len_utf8();
        let split_single = |out: &mut Vec<Span>, piece: &mut usize, seg: &mut usize| {
            if *piece < k {
                out.push(Span::new(s + *piece, s + k));
            }
            out.push(Span::new(s + k, s + k + cl));
            *piece = k + cl;
            *seg = k + cl;
        };
        match c {
            '-' => {
                let run = run_of(&part[k..], '-');
                if run >= 2 {
                    if piece < k {
                        out.push(Span::new(s + piece, s + k));
                    }
                    out.push(Span::new(s + k, s + k + run));
                    // skip the rest of the run
                    for _ in 1..run {
                        iter.next();
                    }
                    piece = k + run;
                    seg = piece;
                    prev = '-';
                    continue;
                }
                let nx = next.unwrap_or(' ');
                if is_word(prev) && is_word(nx) && k > piece {
                    if k < keep_hyphens_until {
                        // inside a phone number / date kept whole
                    } else if keep_hyphen(part, piece, seg, k, &mut keep_hyphens_until) {
                        // keep
                    } else {
                        split_single(out, &mut piece, &mut seg);
                    }
                    seg = k + 1;
                } else if k == piece && next.is_some_and(|x| x.is_ascii_digit()) {
                    // "-5" after a split
                } else {
                    split_single(out, &mut piece, &mut seg);
                }
            }
            c if is_dash(c) || c == '…' => split_single(out, &mut piece, &mut seg),
            '.' => {
                let run = run_of(&part[k..], '.');
                if run >= 2 {
                    if piece < k {
                        out.push(Span::new(s + piece, s + k));
                    }
                    out.push(Span::new(s + k, s + k + run));
                    for _ in 1..run {
                        iter.next();
                    }
                    piece = k + run;
                    seg = piece;
                    prev = '.';
                    continue;
                }
            }
            ',' => {
                let nx = next.unwrap_or(' ');
                if !(prev.is_ascii_digit() && nx.is_ascii_digit()) {
                    split_single(out, &mut piece, &mut seg);
                }
            }
            '/' => {
                let nx = next.unwrap_or(' ');
                let numeric = prev.is_ascii_digit() && nx.is_ascii_digit();
                let left = &part[seg..k];
                let right_len = part[k + 1..].chars().take_while(|&x| is_word(x)).count();
                let short = left.chars().count() <= 1 && right_len <= 1;
                let between_words = is_word(prev) && is_word(nx);
                if (between_words && !(numeric || short))
                    || (!between_words && !numeric && k > piece && next.is_some())
                {
                    split_single(out, &mut piece, &mut seg);
                }
                seg = k + 1;
            }
            '!' | '?' | '*' | '<' | '>' | '=' => {
                let run = run_of(&part[k..], c);
                if piece < k {
                    out.push(Span::new(s + piece, s + k));
                }
                out.push(Span::new(s + k, s + k + run));
                for _ in 1..run {
                    iter.next();
                }
                piece = k + run;
                seg = piece;
                prev = c;
                continue;
            }
            c if c.is_ascii_alphabetic() && prev.is_ascii_digit() && unit_split(part, piece, k) => {
                out.push(Span::new(s + piece, s + k));
                piece = k;
                seg = k;
            }
            '"' | '“' | '”' | '(' | ')' | '[' | ']' | '{' | '}' | ';' | '«' | '»' => {
                if c == '('
                    && next.is_some_and(is_word)
                    && part[k..].contains(')')
                    && k > piece
                    && is_word(prev)
                {
                    // "friend(s)"
                } else if c == ')' && part[piece..k].contains('(') {
                } else {
                    split_single(out, &mut piece, &mut seg);
                }
            }
            _ => {}
        }
        prev = c;
    }
    if piece < bytes.len() {
        out.push(Span::new(s + piece, e));
    }
}

/// `5pm`, `10km`, `3.5bn`, `9:30am`: a number followed by a unit or time suffix is split
/// (EWT), but ordinals (`9th`), decades (`1990s`) and codes (`A4b2`) are not.
fn unit_split(part: &str, piece: usize, k: usize) -> bool {
    let num = &part[piece..k];
    if !num
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b':'))
        || !num.as_bytes()[0].is_ascii_digit()
    {
        return false;
    }
    let unit_end = part[k..]
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .map(|j| k + j)
        .unwrap_or(part.len());
    let unit = &part[k..unit_end];
    if unit_end != part.len() && part.as_bytes()[unit_end].is_ascii_digit() {
        return false;
    }
    const UNITS: &[&str] = &[
        "am", "pm", "m", "k", "b", "bn", "mn", "mm", "cm", "km", "kms", "ft", "kg", "kgs", "g",
        "lb", "lbs", "mb", "gb", "tb", "kb", "mph", "kph", "hrs", "hr", "h", "min", "mins", "yrs",
        "x", "mg", "ml", "oz", "in", "sec", "secs", "w", "kw", "mw", "gw", "mw", "v", "hz", "ghz",
        "mhz", "c", "f", "yr", "yo",
    ];
    unit.len() <= 4 && UNITS.iter().any(|u| u.eq_ignore_ascii_case(unit))
}

/// Decides whether the hyphen at relative byte `k` of `part` stays inside the word.
/// `piece` is where the current token starts, `seg` where the current hyphen part starts.
fn keep_hyphen(part: &str, _piece: usize, seg: usize, k: usize, keep_until: &mut usize) -> bool {
    let left = &part[seg..k];
    let right_end = part[k + 1..]
        .char_indices()
        .find(|&(_, c)| !is_word(c))
        .map(|(j, _)| k + 1 + j)
        .unwrap_or(part.len());
    let right = &part[k + 1..right_end];
    let all_digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    if all_digits(left) && all_digits(right) {
        // whole compound of digit groups
        let comp_end = part[seg..]
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || c == '-'))
            .map(|(j, _)| seg + j)
            .unwrap_or(part.len());
        let groups: Vec<&str> = part[seg..comp_end].split('-').collect();
        let keep = groups.len() >= 3 && groups.iter().all(|g| !g.is_empty())
            || (groups.len() == 2 && left.len() == 3 && right.len() == 4)
            || (groups.len() == 2 && left.len() == 5 && right.len() == 4);
        if keep {
            *keep_until = comp_end;
        }
        return keep;
    }
    // model names: F-35, AK-47, MiG-29, COVID-19, G-20
    if all_digits(&right[..right.bytes().take_while(|b| b.is_ascii_digit()).count()])
        && left.chars().count() <= 5
        && left.chars().all(|c| c.is_alphabetic())
        && left.chars().next().is_some_and(|c| c.is_uppercase())
    {
        return true;
    }
    // prefixes: e-mail, co-workers, pre-war
    if left.len() <= 7
        && left.is_ascii()
        && HYPHEN_PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(left))
    {
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|sp| &s[sp.range()]).collect()
    }

    #[test]
    fn clitics_straight_and_curly() {
        assert_eq!(toks("I don't know"), ["I", "do", "n't", "know"]);
        assert_eq!(
            toks("She can't, he won't."),
            ["She", "ca", "n't", ",", "he", "wo", "n't", "."]
        );
        assert_eq!(
            toks("I’m sure it’s Kim’s"),
            ["I", "’m", "sure", "it", "’s", "Kim", "’s"]
        );
        assert_eq!(
            toks("We'll see what they've done"),
            ["We", "'ll", "see", "what", "they", "'ve", "done"]
        );
        assert_eq!(toks("the workers' union"), ["the", "workers", "'", "union"]);
        assert_eq!(
            toks("I cannot go, we're gonna stay"),
            ["I", "can", "not", "go", ",", "we", "'re", "gon", "na", "stay"]
        );
        assert_eq!(toks("DON'T"), ["DO", "N'T"]);
        assert_eq!(toks("the U.N.'s job"), ["the", "U.N.", "'s", "job"]);
    }

    #[test]
    fn hyphens() {
        assert_eq!(
            toks("the Russia-DPRK friendship"),
            ["the", "Russia", "-", "DPRK", "friendship"]
        );
        assert_eq!(
            toks("between Kim-Putin,"),
            ["between", "Kim", "-", "Putin", ","]
        );
        assert_eq!(toks("F-35 fighter jets"), ["F-35", "fighter", "jets"]);
        assert_eq!(
            toks("an AK-47 and COVID-19"),
            ["an", "AK-47", "and", "COVID-19"]
        );
        assert_eq!(
            toks("top-of-the-line jets"),
            ["top", "-", "of", "-", "the", "-", "line", "jets"]
        );
        assert_eq!(
            toks("send an e-mail to co-workers"),
            ["send", "an", "e-mail", "to", "co-workers"]
        );
        assert_eq!(toks("a 10-year plan"), ["a", "10", "-", "year", "plan"]);
        assert_eq!(toks("call 713-853-3989"), ["call", "713-853-3989"]);
        assert_eq!(toks("pages 10-20"), ["pages", "10", "-", "20"]);
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            toks("the U.S. and U.N. said"),
            ["the", "U.S.", "and", "U.N.", "said"]
        );
        assert_eq!(
            toks("Dr. Smith and Gen. Lee"),
            ["Dr.", "Smith", "and", "Gen.", "Lee"]
        );
        assert_eq!(
            toks("on Jan. 5 and Sept. 11"),
            ["on", "Jan.", "5", "and", "Sept.", "11"]
        );
        assert_eq!(toks("John F. Kennedy"), ["John", "F.", "Kennedy"]);
        assert_eq!(toks("It ended."), ["It", "ended", "."]);
        assert_eq!(toks("in the U.S."), ["in", "the", "U.S."]);
        assert_eq!(toks("at 5 p.m. today"), ["at", "5", "p.m.", "today"]);
        assert_eq!(toks("ESBL-E. coli"), ["ESBL", "-", "E.", "coli"]);
    }

    #[test]
    fn numbers_and_money() {
        assert_eq!(
            toks("a $5 billion sale"),
            ["a", "$", "5", "billion", "sale"]
        );
        assert_eq!(
            toks("1,000 people, 3.5% more"),
            ["1,000", "people", ",", "3.5", "%", "more"]
        );
        assert_eq!(toks("costs £20."), ["costs", "£", "20", "."]);
        assert_eq!(toks("fell to 4.5."), ["fell", "to", "4.5", "."]);
    }

    #[test]
    fn punctuation_quotes_and_dashes() {
        assert_eq!(
            toks("\"Yes,\" he said."),
            ["\"", "Yes", ",", "\"", "he", "said", "."]
        );
        assert_eq!(
            toks("“Yes,” he said…"),
            ["“", "Yes", ",", "”", "he", "said", "…"]
        );
        assert_eq!(toks("(With inputs)"), ["(", "With", "inputs", ")"]);
        assert_eq!(toks("wait... what?!"), ["wait", "...", "what", "?!"]);
        assert_eq!(
            toks("war—and peace -- again"),
            ["war", "—", "and", "peace", "--", "again"]
        );
        assert_eq!(toks("said: 'no'"), ["said", ":", "'", "no", "'"]);
        assert_eq!(toks("and/or"), ["and", "/", "or"]);
    }

    #[test]
    fn web_things() {
        assert_eq!(
            toks("see http://www.bbc.co.uk/news."),
            ["see", "http://www.bbc.co.uk/news", "."]
        );
        assert_eq!(toks("(www.example.com)"), ["(", "www.example.com", ")"]);
        assert_eq!(
            toks("mail john.doe@example.org, now"),
            ["mail", "john.doe@example.org", ",", "now"]
        );
        assert_eq!(toks("#MeToo by @jack_s!"), ["#MeToo", "by", "@jack_s", "!"]);
        assert_eq!(toks("great :) ok"), ["great", ":)", "ok"]);
    }

    #[test]
    fn spans_are_valid_on_junk() {
        let junk = "\u{0}\u{1}ab\u{7f}--\u{200B}é’’''..—(\u{FEFF})x-\u{301}y-";
        for sp in tokenize(junk) {
            assert!(
                junk.is_char_boundary(sp.start)
                    && junk.is_char_boundary(sp.end)
                    && sp.start < sp.end
            );
        }
    }
}
