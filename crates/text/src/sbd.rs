//! Learned sentence boundaries: an averaged perceptron over token gaps.
//!
//! Every gap between two tokens of a paragraph is a candidate. Its features are hashed
//! combinations of the lower-cased words, word shapes (`Xxxx` → `Xx`, `3.5` → `d.d`) and
//! punctuation classes of the tokens around the gap, the length of the sentence so far and
//! the distance to the paragraph end. The model is trained on the raw text of UD English
//! EWT train (rebuilt as in [`crate::eval`], tokenised by this crate's tokenizer, labels
//! from the gold sentence ends) with [`train`], deterministically (fixed shuffling seed).
//!
//! ## File format (`data/sbd.bin`)
//! All integers little-endian:
//! * magic `NGSBD1\0\0` (8 bytes);
//! * `u32` hash bits `B` (the weight table has `2^B` entries);
//! * `u32` count `N` of non-zero weights;
//! * `N` × (`u32` index, `f32` weight), indices strictly increasing;
//! * `u32` count `M` of common lower-case words;
//! * `M` × `u64` hash of the word (FNV-1a 64 of its ASCII-lower-cased bytes, at most 32),
//!   sorted: words seen at least 3 times in EWT train, at least 70% of them in lower case
//!   (a capitalised common word after a gap hints at a sentence start).
//!
//! Rebuild with `cargo run --release -p newsgraph-text --example train_sbd -- \
//! ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu crates/text/data/sbd.bin`.

use crate::eval::gold_from_conllu;
use crate::sentence::{term_class, Term};
use crate::tokenize::{is_sep, tokenize_into};
use newsgraph_core::Span;
use std::collections::HashSet;
use std::path::Path;

const MAGIC: &[u8; 8] = b"NGSBD1\0\0";
/// Default number of hash bits.
pub const BITS: u32 = 20;

/// Per-token facts the features are built from.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokInfo {
    word: u64,
    shape: u64,
    class: u8,
    /// 0 upper-case letter, 1 lower-case letter, 2 digit, 3 other
    first: u8,
    space_after: bool,
    quote: bool,
    /// bucketed distance (tokens) to the next sentence-final punctuation in the paragraph
    next_term: u8,
    /// bucketed distance back to the previous sentence-final punctuation
    prev_term: u8,
    /// the word (lower-cased) is a common lower-case word, so a capital means a sentence
    /// start rather than a name
    common: bool,
}

fn dist_bucket(d: usize) -> u8 {
    match d {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=4 => 3,
        5..=8 => 4,
        9..=16 => 5,
        17..=40 => 6,
        _ => 7,
    }
}

#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29)
}

fn hash_lower(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes().iter().take(32) {
        h = (h ^ b.to_ascii_lowercase() as u64).wrapping_mul(0x100_0000_01b3);
    }
    h
}

fn shape_hash(s: &str) -> u64 {
    let mut h: u64 = 0x8422_2325_cbf2_9ce4;
    let mut last = 0u8;
    let mut n = 0;
    for c in s.chars() {
        let k = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_alphabetic() {
            b'a'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'o'
        };
        if k != last {
            h = (h ^ k as u64).wrapping_mul(0x100_0000_01b3);
            last = k;
            n += 1;
            if n >= 5 {
                break;
            }
        }
    }
    h
}

fn class_id(t: Term) -> u8 {
    match t {
        Term::Period => 1,
        Term::Bang => 2,
        Term::Ellipsis => 3,
        Term::Abbrev => 4,
        Term::Title => 5,
        Term::None => 0,
    }
}

pub(crate) fn tok_infos(text: &str, toks: &[Span], common: &[u64], out: &mut Vec<TokInfo>) {
    out.clear();
    for sp in toks {
        let t = &text[sp.range()];
        let c = t.chars().next().unwrap_or(' ');
        let first = if c.is_uppercase() {
            0
        } else if c.is_lowercase() {
            1
        } else if c.is_numeric() {
            2
        } else {
            3
        };
        let mut class = class_id(term_class(t));
        if class == 0 {
            class = match t {
                ":" => 6,
                ";" => 7,
                "," => 8,
                "\"" | "“" | "”" | "'" | "‘" | "’" | "''" | "``" => 9,
                ")" | "]" | "}" => 10,
                "(" | "[" | "{" => 11,
                "-" | "--" | "—" | "–" => 12,
                _ => 0,
            };
        }
        let word = hash_lower(t);
        out.push(TokInfo {
            common: first <= 1 && common.binary_search(&word).is_ok(),
            word,
            shape: shape_hash(t),
            class,
            first,
            space_after: text[sp.end..].chars().next().is_none_or(is_sep),
            quote: class == 9,
            next_term: 8,
            prev_term: 8,
        });
    }
    let n = out.len();
    let mut last: Option<usize> = None;
    for i in (0..n).rev() {
        out[i].next_term = last.map_or(8, |l| dist_bucket(l - i));
        if matches!(out[i].class, 1..=3) {
            last = Some(i);
        }
    }
    let mut last: Option<usize> = None;
    for (i, info) in out.iter_mut().enumerate() {
        info.prev_term = last.map_or(8, |l| dist_bucket(i - l));
        if matches!(info.class, 1..=3) {
            last = Some(i);
        }
    }
}

/// Feature indices of the gap after token `i`.
#[inline]
fn features(
    infos: &[TokInfo],
    i: usize,
    sent_len: usize,
    quote_open: bool,
    bits: u32,
    out: &mut [u32; NF],
) {
    let n = infos.len();
    let none = TokInfo {
        word: 1,
        shape: 1,
        class: 15,
        first: 4,
        space_after: true,
        quote: false,
        next_term: 9,
        prev_term: 9,
        common: false,
    };
    let t0 = infos[i];
    let t1 = if i + 1 < n { infos[i + 1] } else { none };
    let t2 = if i + 2 < n { infos[i + 2] } else { none };
    let tm = if i > 0 { infos[i - 1] } else { none };
    let tm2 = if i > 1 { infos[i - 2] } else { none };
    let lb = match sent_len {
        0..=1 => 0u64,
        2 => 1,
        3 => 2,
        4..=5 => 3,
        6..=10 => 4,
        11..=20 => 5,
        _ => 6,
    };
    let rem = match n - 1 - i {
        0..=1 => 0u64,
        2 => 1,
        3 => 2,
        4..=6 => 3,
        _ => 4,
    };
    let c0 = t0.class as u64;
    let sp = t0.space_after as u64;
    let f1 = t1.first as u64;
    let raw: [u64; NF] = [
        mix(1, 0),
        mix(2, c0 << 1 | sp),
        mix(3, t0.word),
        mix(4, t1.word),
        mix(5, tm.word),
        mix(6, t0.shape),
        mix(7, t1.shape),
        mix(mix(8, tm.shape), t0.shape),
        mix(mix(9, t0.word), t1.word),
        mix(mix(10, c0), t1.shape),
        mix(11, c0 << 8 | f1 << 4 | sp << 1 | quote_open as u64),
        mix(mix(12, t0.word), t1.shape),
        mix(mix(13, t0.shape), t1.word),
        mix(14, t2.word),
        mix(mix(15, t1.shape), t2.shape),
        mix(16, lb << 8 | c0),
        mix(17, rem << 8 | c0 << 3 | f1),
        mix(mix(18, tm.word), t0.word),
        mix(mix(mix(19, tm.shape), t0.shape), t1.shape),
        mix(mix(20, t1.word), t2.word),
        mix(21, c0 << 8 | (tm.class as u64) << 3 | f1),
        mix(22, lb << 8 | f1 << 4 | t0.first as u64),
        mix(mix(23, t1.word), f1),
        mix(mix(24, t0.word), t0.first as u64),
        mix(
            25,
            c0 << 12 | (tm.first as u64) << 8 | (t0.first as u64) << 4 | f1,
        ),
        mix(
            26,
            c0 << 12 | (t2.first as u64) << 8 | (t2.class as u64) << 4 | f1,
        ),
        mix(mix(mix(27, t0.shape), t1.shape), f1),
        mix(28, (t0.next_term as u64) << 8 | c0 << 4 | f1),
        mix(29, (t0.prev_term as u64) << 8 | c0 << 4 | f1),
        mix(
            30,
            (t0.prev_term as u64) << 12 | (t0.next_term as u64) << 8 | c0 << 4 | f1,
        ),
        mix(31, rem << 8 | lb << 4 | f1),
        mix(32, (t1.common as u64) << 12 | c0 << 4 | f1),
        mix(
            33,
            (t0.common as u64) << 12 | (t0.first as u64) << 8 | (t1.common as u64) << 4 | f1,
        ),
        mix(
            34,
            (t1.common as u64) << 12 | f1 << 8 | (t2.first as u64) << 4 | t2.common as u64,
        ),
        mix(
            mix(35, tm2.word),
            (tm.class as u64) << 8 | (t0.first as u64) << 4 | f1,
        ),
        mix(mix(36, tm.word), (t0.first as u64) << 4 | f1),
        mix(mix(37, t0.word), f1 << 4 | t1.common as u64),
        mix(38, (dist_bucket(i) as u64) << 8 | c0 << 4 | f1),
        mix(
            39,
            (dist_bucket(n) as u64) << 8 | (t0.next_term as u64) << 4 | f1,
        ),
    ];
    let shift = 64 - bits;
    for k in 0..NF {
        out[k] = (raw[k] >> shift) as u32;
    }
}

const NF: usize = 39;

/// A trained boundary model.
#[derive(Debug, Clone)]
pub struct Model {
    bits: u32,
    w: Vec<f32>,
    /// sorted hashes of common lower-case words
    pub(crate) common: Vec<u64>,
}

impl Model {
    /// Reads the binary format described in the module docs.
    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        if b.len() < 16 || &b[..8] != MAGIC {
            return Err("not a newsgraph sentence-boundary model".into());
        }
        let u32_at = |o: usize| u32::from_le_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]);
        let bits = u32_at(8);
        if !(8..=26).contains(&bits) {
            return Err(format!("bad hash bits {bits}"));
        }
        let n = u32_at(12) as usize;
        let wend = 16usize
            .checked_add(n.checked_mul(8).ok_or("bad count")?)
            .ok_or("bad count")?;
        if b.len() < wend + 4 {
            return Err("truncated model".into());
        }
        let m = u32_at(wend) as usize;
        if b.len() != wend + 4 + m * 8 {
            return Err("truncated model".into());
        }
        let mut common: Vec<u64> = (0..m)
            .map(|k| {
                let o = wend + 4 + k * 8;
                let mut a = [0u8; 8];
                a.copy_from_slice(&b[o..o + 8]);
                u64::from_le_bytes(a)
            })
            .collect();
        common.sort_unstable();
        let mut w = vec![0f32; 1 << bits];
        for k in 0..n {
            let o = 16 + k * 8;
            let idx = u32_at(o) as usize;
            let v = f32::from_bits(u32_at(o + 4));
            if idx >= w.len() {
                return Err("index out of range".into());
            }
            w[idx] = v;
        }
        Ok(Model { bits, w, common })
    }

    /// Writes the binary format described in the module docs.
    pub fn to_bytes(&self) -> Vec<u8> {
        let nz: Vec<(usize, f32)> = self
            .w
            .iter()
            .copied()
            .enumerate()
            .filter(|&(_, v)| v != 0.0)
            .collect();
        let mut b = Vec::with_capacity(16 + nz.len() * 8);
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&self.bits.to_le_bytes());
        b.extend_from_slice(&(nz.len() as u32).to_le_bytes());
        for (i, v) in nz {
            b.extend_from_slice(&(i as u32).to_le_bytes());
            b.extend_from_slice(&v.to_bits().to_le_bytes());
        }
        b.extend_from_slice(&(self.common.len() as u32).to_le_bytes());
        for h in &self.common {
            b.extend_from_slice(&h.to_le_bytes());
        }
        b
    }

    #[inline]
    fn score(&self, f: &[u32; NF]) -> f32 {
        f.iter().map(|&k| self.w[k as usize]).sum()
    }

    /// Scores gap after token `i` (positive: boundary).
    pub(crate) fn gap_score(
        &self,
        infos: &[TokInfo],
        i: usize,
        sent_len: usize,
        quote_open: bool,
    ) -> f32 {
        let mut f = [0u32; NF];
        features(infos, i, sent_len, quote_open, self.bits, &mut f);
        self.score(&f)
    }
}

/// Hard constraints that hold whatever the model says: returns `Some(false)` where a
/// boundary is forbidden.
#[inline]
pub(crate) fn forbidden(text: &str, toks: &[Span], infos: &[TokInfo], i: usize) -> bool {
    let t0 = infos[i];
    if platform_x(text, toks, infos, i) {
        return false;
    }
    // colons and semicolons never split; titles and initials never end a sentence
    if (t0.class == 6 && !colon_ok(infos, i)) || t0.class == 7 || t0.class == 5 {
        return true;
    }
    // after closing quotes/brackets only when sentence-final punctuation precedes them
    // ("…end.)" / "…end.”"), not after "Lands'" or "[former CEO]"
    if t0.class == 9 || t0.class == 10 {
        let mut k = i;
        while k > 0 && matches!(infos[k].class, 9 | 10) {
            k -= 1;
        }
        if !(matches!(infos[k].class, 1..=4) || t0.class == 10 && bracket_after_end(infos, i)) {
            return true;
        }
    }
    // "NBC News", "HDT Limited": an acronym before an organisation word is one name
    if i + 1 < infos.len() && t0.class == 0 {
        let w0 = &text[toks[i].range()];
        let w1 = &text[toks[i + 1].range()];
        if (2..=5).contains(&w0.len())
            && w0.bytes().all(|b| b.is_ascii_uppercase())
            && !matches!(w0, "AM" | "PM")
            && ORG_WORDS.contains(&w1)
        {
            return true;
        }
    }
    if i + 1 < infos.len() && !t0.space_after {
        // no space: only "end.Next"
        let t1 = infos[i + 1];
        let terminal = matches!(t0.class, 1 | 2 | 3 | 9 | 10);
        if !(terminal && t1.first == 0) {
            return true;
        }
    }
    false
}

/// "… wrote on X. Congress leader …": the platform X after "on", not an initial, ends the
/// sentence when a capital follows.
#[inline]
fn platform_x(text: &str, toks: &[Span], infos: &[TokInfo], i: usize) -> bool {
    i > 0
        && i + 1 < toks.len()
        && &text[toks[i].range()] == "X."
        && matches!(&text[toks[i - 1].range()], "on" | "On")
        && infos[i].space_after
        && infos[i + 1].first == 0
}

/// Boundaries the rules take whatever the model says (news style, rare in EWT): an
/// ellipsis or an abbreviation such as `U.S.` followed by a capitalised sentence starter
/// ("… in the U.S. The talks …", "… in 2023... Then they fell"), and a full stop followed
/// by a title ("… on Jan. 5. Mr. Kim left.").
#[inline]
fn forced(text: &str, toks: &[Span], infos: &[TokInfo], i: usize) -> bool {
    if platform_x(text, toks, infos, i) {
        return true;
    }
    let c0 = infos[i].class;
    if !(1..=4).contains(&c0) || i + 1 >= toks.len() || !infos[i].space_after {
        return false;
    }
    if c0 == 1 || c0 == 2 {
        // a title after a full stop starts a sentence: "… on Jan. 5. Mr. Kim left."
        if infos[i + 1].class == 5 && infos[i + 1].first == 0 {
            return true;
        }
        // an opening quotation mark with a capital behind it: "… on Monday. “Why now?”"
        let q = &text[toks[i + 1].range()];
        let opening = matches!(q, "“" | "‘") || (q == "\"" && !infos[i + 1].space_after);
        return opening && i + 2 < toks.len() && infos[i + 2].first == 0 && infos[i + 2].class != 5;
    }
    let t1 = &text[toks[i + 1].range()];
    infos[i + 1].first == 0 && crate::sentence::is_starter(t1) && t1 != "I"
}

thread_local! {
    /// Training margin: updates happen while the correct side wins by no more than this.
    #[doc(hidden)]
    pub static MARGIN: std::cell::Cell<f32> = const { std::cell::Cell::new(0.0) };
    /// Extra bias for gaps that do not follow sentence-final punctuation (for tuning).
    #[doc(hidden)]
    pub static OTHER_BIAS: std::cell::Cell<f32> = const { std::cell::Cell::new(0.0) };
}

/// Gaps the model need not score (speed): a word followed by a comma, period, colon or
/// closing bracket never ends a sentence.
#[inline]
fn skip(infos: &[TokInfo], i: usize) -> bool {
    let (t0, t1) = (infos[i], infos[i + 1]);
    t0.class == 0 && matches!(t1.class, 1 | 6 | 7 | 8 | 10)
}

/// Words that make an organisation name with an acronym before them.
const ORG_WORDS: &[&str] = &[
    "News",
    "Limited",
    "Ltd",
    "Inc",
    "Corp",
    "Corporation",
    "Group",
    "World",
    "Radio",
    "Television",
    "TV",
    "International",
    "Online",
    "Media",
    "Holdings",
    "Bank",
    "Party",
    "Airlines",
    "Airways",
    "Foundation",
    "Institute",
    "University",
    "Council",
    "Agency",
    "Ministry",
    "Times",
    "Post",
    "Daily",
    "Today",
    "Sports",
    "Network",
    "Company",
    "Photo",
    "Energy",
    "Motors",
    "Records",
    "Studios",
    "Entertainment",
    "Films",
    "Pictures",
    "Capital",
    "Partners",
    "Securities",
    "Systems",
    "Technologies",
    "Labs",
    "Games",
    "Games",
    "Service",
    "Services",
    "Command",
    "Forces",
    "Army",
    "Navy",
    "Force",
    "Mission",
    "Office",
    "Committee",
    "Commission",
    "Assembly",
    "Congress",
    "Parliament",
    "Secretary",
    "Chairman",
    "President",
    "Director",
];

/// A bracketed unit standing after a sentence end ("… said. (BBC)" / "(Laughter)").
fn bracket_after_end(infos: &[TokInfo], i: usize) -> bool {
    let lo = i.saturating_sub(24);
    let mut j = i;
    while j > lo {
        j -= 1;
        match infos[j].class {
            11 => return j == 0 || matches!(infos[j - 1].class, 1..=4),
            10 => return false,
            _ => {}
        }
    }
    false
}

/// Decodes sentence ends (exclusive token indices) of one paragraph.
pub(crate) fn decode(
    model: &Model,
    bias: f32,
    text: &str,
    toks: &[Span],
    infos: &[TokInfo],
    ends: &mut Vec<usize>,
) {
    ends.clear();
    let n = toks.len();
    let mut start = 0usize;
    let mut quote_open = false;
    for i in 0..n.saturating_sub(1) {
        if infos[i].quote {
            quote_open = !quote_open;
        }
        let len = i + 1 - start;
        let split = if forbidden(text, toks, infos, i) {
            false
        } else if forced(text, toks, infos, i) {
            true
        } else if skip(infos, i) {
            false
        } else {
            let b = if matches!(infos[i].class, 1..=4) {
                bias
            } else {
                bias + OTHER_BIAS.with(|x| x.get())
            };
            model.gap_score(infos, i, len, quote_open) + b > 0.0
        };
        if split || len >= crate::sentence::MAX_SENTENCE_TOKENS {
            ends.push(i + 1);
            start = i + 1;
            quote_open = false;
        }
    }
    if n > 0 {
        ends.push(n);
    }
}

/// One training paragraph: its tokens and gold boundary flags per gap.
struct Example {
    infos: Vec<TokInfo>,
    gold: Vec<bool>,
    allowed: Vec<bool>,
}

/// Hashes of words seen at least 3 times, at least 70% of them in lower case.
fn common_words(text: &str) -> Vec<u64> {
    let mut counts: std::collections::HashMap<u64, (u32, u32)> = std::collections::HashMap::new();
    for sp in crate::tokenize::tokenize(text) {
        let t = &text[sp.range()];
        let c = match t.chars().next() {
            Some(c) if c.is_alphabetic() => c,
            _ => continue,
        };
        let e = counts.entry(hash_lower(t)).or_default();
        e.0 += 1;
        if c.is_lowercase() {
            e.1 += 1;
        }
    }
    let mut v: Vec<u64> = counts
        .into_iter()
        .filter(|&(_, (n, l))| n >= 3 && l * 10 >= n * 7)
        .map(|(h, _)| h)
        .collect();
    v.sort_unstable();
    v
}

fn examples_from(src: &str) -> Result<(Vec<Example>, Vec<u64>), String> {
    let g = gold_from_conllu(src, None)?;
    let common = common_words(&g.text);
    let mut out = Vec::new();
    push_examples(&g, &common, &HashSet::new(), &mut out);
    // augmentation: the same documents with paragraph breaks turned into plain spaces, so
    // that the many unpunctuated paragraph ends of EWT (e-mail headers, "Thanks," lines, file
    // lists) teach unpunctuated sentence ends; former paragraph ends after a capitalised word
    // or before a name ("… Debra Perlingiere || Kathleen, …") are left out, since they teach
    // splitting before names, which news text cannot afford
    let flat: String = src
        .lines()
        .filter(|l| !l.starts_with("# newpar"))
        .map(|l| format!("{l}\n"))
        .collect();
    let gf = gold_from_conllu(&flat, None)?;
    let mut skip_ends = HashSet::new();
    for k in 0..g.sentences.len().saturating_sub(1) {
        let between = &g.text[g.sentences[k].end..g.sentences[k + 1].start];
        if between.contains('\n') && k < gf.sentences.len() {
            let last = g.text[g.sentences[k].range()]
                .split_whitespace()
                .next_back()
                .unwrap_or("");
            let next = g.text[g.sentences[k + 1].range()]
                .split_whitespace()
                .next()
                .unwrap_or("");
            let name_like = |w: &str| {
                w.chars().next().is_some_and(|c| c.is_uppercase())
                    && w.chars().all(|c| c.is_alphabetic())
                    && common.binary_search(&hash_lower(w)).is_err()
            };
            if name_like(last)
                || name_like(next)
                || last.chars().all(|c| c.is_alphabetic())
                    && last.chars().next().is_some_and(|c| c.is_uppercase())
            {
                skip_ends.insert(gf.sentences[k].end);
            }
        }
    }
    push_examples(&gf, &common, &skip_ends, &mut out);
    Ok((out, common))
}

fn push_examples(
    g: &crate::eval::GoldText,
    common: &[u64],
    skip_ends: &HashSet<usize>,
    out: &mut Vec<Example>,
) {
    let ends: HashSet<usize> = g.sentences.iter().map(|s| s.end).collect();
    let mut spans = Vec::new();
    for p in crate::paragraph::paragraphs(&g.text) {
        spans.clear();
        tokenize_into(&g.text, p.span.start, p.span.end, &mut spans);
        if spans.len() < 2 {
            continue;
        }
        let mut infos = Vec::new();
        tok_infos(&g.text, &spans, common, &mut infos);
        let gold: Vec<bool> = spans.iter().map(|s| ends.contains(&s.end)).collect();
        let allowed: Vec<bool> = (0..spans.len())
            .map(|i| !forbidden(&g.text, &spans, &infos, i) && !skip_ends.contains(&spans[i].end))
            .collect();
        out.push(Example {
            infos,
            gold,
            allowed,
        });
    }
}

/// Number of perceptrons (different shuffling seeds) whose averaged weights are averaged
/// again into the shipped model: a cheap ensemble that lowers the perceptron's variance.
pub const BAGS: u64 = 5;

/// Trains the model on the raw text of a CoNLL-U file for `epochs` passes (per bag).
pub fn train(conllu: &Path, epochs: usize, bits: u32) -> Result<Model, String> {
    let src = std::fs::read_to_string(conllu).map_err(|e| format!("{}: {e}", conllu.display()))?;
    let (exs, common) = examples_from(&src)?;
    let size = 1usize << bits;
    let mut sum = vec![0f64; size];
    for bag in 0..BAGS {
        let seed = 0x5eed_1234_abcd_0001u64 ^ bag.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        for (s, v) in sum.iter_mut().zip(train_one(&exs, epochs, bits, seed)) {
            *s += v;
        }
    }
    let avg: Vec<f32> = sum
        .iter()
        .map(|&v| {
            let v = v / BAGS as f64;
            if v.abs() < 1e-3 {
                0.0
            } else {
                v as f32
            }
        })
        .collect();
    Ok(Model {
        bits,
        w: avg,
        common,
    })
}

/// One averaged perceptron; returns its averaged weights.
fn train_one(exs: &[Example], epochs: usize, bits: u32, mut seed: u64) -> Vec<f64> {
    let size = 1usize << bits;
    let mut w = vec![0f32; size];
    let mut acc = vec![0f64; size]; // sum of updates weighted by time
    let mut t: u64 = 1;
    let mut order: Vec<usize> = (0..exs.len()).collect();
    let mut f = [0u32; NF];
    for _ in 0..epochs {
        // Fisher-Yates with a fixed LCG
        for k in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let j = (seed >> 33) as usize % (k + 1);
            order.swap(k, j);
        }
        for &e in &order {
            let ex = &exs[e];
            let n = ex.infos.len();
            let mut start = 0usize;
            let mut quote_open = false;
            for i in 0..n - 1 {
                if ex.infos[i].quote {
                    quote_open = !quote_open;
                }
                let y = ex.gold[i];
                if ex.allowed[i] {
                    features(&ex.infos, i, i + 1 - start, quote_open, bits, &mut f);
                    let s: f32 = f.iter().map(|&k| w[k as usize]).sum();
                    let margin = if y { s } else { -s };
                    if margin <= MARGIN.with(|m| m.get()) {
                        let d = if y { 1.0f32 } else { -1.0 };
                        for &k in &f {
                            w[k as usize] += d;
                            acc[k as usize] += d as f64 * t as f64;
                        }
                    }
                    t += 1;
                }
                if y {
                    start = i + 1;
                    quote_open = false;
                }
            }
        }
    }
    // averaged weights: w - acc / t
    w.iter()
        .zip(&acc)
        .map(|(&wv, &a)| wv as f64 - a / t as f64)
        .collect()
}

/// A colon may end a sentence only before a capitalised word that is not quoted (header
/// lines such as "Participants: Analyst Team 1"), never before a quotation.
#[inline]
fn colon_ok(infos: &[TokInfo], i: usize) -> bool {
    COLON_SPLITS && i + 1 < infos.len() && infos[i + 1].first == 0 && infos[i + 1].class != 9
}

const COLON_SPLITS: bool = false;
