//! Transition-based dependency parser: arc-hybrid transitions (SHIFT, LEFT-l, RIGHT-l) with the
//! root at the end of the buffer, greedy decoding, an averaged perceptron over hashed feature
//! templates in the style of Zhang & Nivre (2011), trained with the dynamic oracle of Goldberg
//! & Nivre (2013) on predicted tags. Besides words, tags and suffixes, the templates see
//! distributional word clusters (coarse and fine, [`crate::clusters`]) of S0, S1, B0 and B1
//! and pairs of them, computed by the train command from unlabeled text. When parsing, the scores of the templates that depend on
//! one word alone (S0, S1, the buffer front) are cached per word, with those of S0 and S1 that
//! also depend on the word's left children (all attached before the word reaches the stack),
//! and steps with SHIFT as the only legal move are not scored.
//!
//! A parser can also carry a supertagger (an option of `train parser`, not in the shipped
//! model): a [`crate::Tagger`] whose classes are each word's relation and head side
//! ([`supertags_of`]); its tags are then features of S0, S1, B0-B2 and their pairs.
//!
//! A parser can also be trained on reversed sentences (it then reads right to left and maps
//! its heads back), and [`combine_parses`] merges several parsers' trees into the projective
//! tree with the most votes; both are for experiments (see `models/README.md`), the shipped
//! parser reads left to right alone.
//!
//! ## Binary format (little-endian, strings are u32 length + UTF-8)
//! ```text
//! magic b"NGPR", version u32 = 2 (1: no clusters; 3: with flags; 4: with a supertagger)
//! flags u32                                   (versions 3 and 4; bit 0: reads right to left,
//!                                              bit 1: a supertagger, bit 2: it makes one pass,
//!                                              bit 3: no state templates on supertags and
//!                                              clusters)
//! nlabel u32, nlabel times: label str        (class 0 = SHIFT, 1+2l = LEFT-l, 2+2l = RIGHT-l)
//! model (perceptron format), u32 length-prefixed
//! clusters (format of crate::clusters)        (versions 2 to 4)
//! supertagger: tagger.bin, lemma.bin, each u32 length-prefixed   (version 4)
//! ```
//!
//! A parser without clusters is written as version 1 (and reads the same as before clusters
//! existed), a left-to-right one with clusters as version 2.

use crate::clusters::Clusters;
use crate::conllu::ConllSentence;
use crate::hash::{f1, f2, f3, hash_str};
use crate::perceptron::{put_string, Model, Reader, Trainer};
use crate::tagger::{norm_lower, Rng};

const NONE: usize = usize::MAX;
const PAD: u64 = 0x5eed;

/// One head assignment: `head` is the sentence-local 0-based index of the head (None for the
/// root), `deprel` the UD relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arc {
    pub head: Option<usize>,
    pub deprel: String,
}

/// Per-token static hashes.
#[derive(Clone, Copy)]
struct Tok {
    w: u64,
    /// Last three characters of the lower-cased word.
    s: u64,
    /// Commas/colons/dashes up to and including this token.
    pc: u32,
    /// Verbs and modals up to and including this token.
    vc: u32,
    p: u64,
    u: u64,
    /// Coarse and fine word cluster.
    c: u64,
    f: u64,
    /// Supertag (the word's relation and the side of its head, from the parser's
    /// supertagger; 0 without one).
    t: u64,
}

/// A parser configuration.
struct State {
    n: usize,
    stack: Vec<usize>,
    b: usize,
    head: Vec<usize>,
    label: Vec<u16>,
    lc1: Vec<usize>,
    lc2: Vec<usize>,
    rc1: Vec<usize>,
    rc2: Vec<usize>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            b: 0,
            head: vec![NONE; n + 1],
            label: vec![u16::MAX; n + 1],
            lc1: vec![NONE; n + 1],
            lc2: vec![NONE; n + 1],
            rc1: vec![NONE; n + 1],
            rc2: vec![NONE; n + 1],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
            lset: vec![0; n + 1],
            rset: vec![0; n + 1],
        }
    }
    fn terminal(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }
    fn s(&self, k: usize) -> usize {
        if self.stack.len() > k {
            self.stack[self.stack.len() - 1 - k]
        } else {
            NONE
        }
    }
    fn can_shift(&self) -> bool {
        self.b < self.n
    }
    fn can_left(&self) -> bool {
        !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1)
    }
    fn can_right(&self) -> bool {
        self.stack.len() >= 2
    }
    fn add_arc(&mut self, h: usize, d: usize, l: u16) {
        self.head[d] = h;
        self.label[d] = l;
        let bit = 1u64 << (l % 64);
        if d < h {
            self.lc2[h] = self.lc1[h];
            self.lc1[h] = d;
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= bit;
        } else {
            self.rc2[h] = self.rc1[h];
            self.rc1[h] = d;
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= bit;
        }
    }
    fn apply(&mut self, class: usize) {
        if class == 0 {
            self.stack.push(self.b);
            self.b += 1;
        } else if class % 2 == 1 {
            if let Some(s0) = self.stack.pop() {
                self.add_arc(self.b, s0, ((class - 1) / 2) as u16);
            }
        } else if let Some(s0) = self.stack.pop() {
            if let Some(&s1) = self.stack.last() {
                self.add_arc(s1, s0, ((class - 2) / 2) as u16);
            }
        }
    }
}

fn dist_bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=9 => 5,
        _ => 6,
    }
}

/// Word, tag, UPOS and suffix hashes of token `i` (padding for none, fixed values for the
/// root at `n`).
#[inline]
fn tok_hashes(toks: &[Tok], n: usize, i: usize) -> (u64, u64, u64, u64) {
    if i == NONE {
        (PAD, PAD, PAD, PAD)
    } else if i >= n {
        (0xA001, 0xA002, 0xA003, 0xA004)
    } else {
        let t = &toks[i];
        (t.w, t.p, t.u, t.s)
    }
}

/// Coarse and fine cluster hashes of token `i` (padding for none, fixed values for the root).
#[inline]
fn tok_clusters(toks: &[Tok], n: usize, i: usize) -> (u64, u64) {
    if i == NONE {
        (PAD, PAD)
    } else if i >= n {
        (0xA005, 0xA006)
    } else {
        (toks[i].c, toks[i].f)
    }
}

/// Supertag hash of token `i` (padding for none, a fixed value for the root).
#[inline]
fn tok_st(toks: &[Tok], n: usize, i: usize) -> u64 {
    if i == NONE {
        PAD
    } else if i >= n {
        0xA007
    } else {
        toks[i].t
    }
}

/// Whether the tokens carry supertags.
#[inline]
fn has_st(toks: &[Tok]) -> bool {
    toks.first().is_some_and(|t| t.t != 0)
}

/// Template ids of the word-only templates of S0 and S1.
const S0_IDS: [u64; 7] = [1, 2, 3, 16, 130, 170, 171];
const S1_IDS: [u64; 7] = [13, 14, 15, 18, 132, 172, 173];

/// Templates of a stack word that depend on that word alone (so the parser can cache their
/// scores per word), appended to `out`. The cluster templates are left out for a parser
/// without clusters (`clusters` false).
fn stack_word_feats(
    toks: &[Tok],
    n: usize,
    i: usize,
    ids: [u64; 7],
    clusters: bool,
    out: &mut Vec<u64>,
) {
    let (w, p, u, sf) = tok_hashes(toks, n, i);
    out.push(f2(ids[0], w, p));
    out.push(f1(ids[1], w));
    out.push(f1(ids[2], p));
    out.push(f1(ids[3], u));
    out.push(f1(ids[4], sf));
    if clusters {
        let (c, f) = tok_clusters(toks, n, i);
        out.push(f1(ids[5], f));
        out.push(f2(ids[6], c, p));
    }
    if has_st(toks) {
        let t = tok_st(toks, n, i);
        let base = if ids[0] == S0_IDS[0] { 190 } else { 193 };
        out.push(f1(base, t));
        out.push(f2(base + 1, t, p));
        out.push(f2(base + 2, t, w));
    }
}

/// Templates of the buffer front `b` (B0, B1, B2) that depend on `b` alone, appended to
/// `out`.
fn buffer_feats(toks: &[Tok], n: usize, b: usize, clusters: bool, out: &mut Vec<u64>) {
    let b0 = if b <= n { b } else { NONE };
    let b1 = if b < n { b + 1 } else { NONE };
    let b2 = if b + 1 < n { b + 2 } else { NONE };
    let (b0w, b0p, b0u, b0s) = tok_hashes(toks, n, b0);
    let (b1w, b1p, b1u, b1s) = tok_hashes(toks, n, b1);
    let (b2w, b2p, _, _) = tok_hashes(toks, n, b2);
    out.push(f2(4, b0w, b0p));
    out.push(f1(5, b0w));
    out.push(f1(6, b0p));
    out.push(f2(7, b1w, b1p));
    out.push(f1(8, b1w));
    out.push(f1(9, b1p));
    out.push(f2(10, b2w, b2p));
    out.push(f1(11, b2w));
    out.push(f1(12, b2p));
    out.push(f1(17, b0u));
    out.push(f2(27, b0p, b1p));
    out.push(f3(40, b0p, b1p, b2p));
    out.push(f2(123, b0u, b1u));
    out.push(f1(131, b0s));
    out.push(f1(133, b1s));
    if clusters {
        let (b0c, b0f) = tok_clusters(toks, n, b0);
        let (b1c, b1f) = tok_clusters(toks, n, b1);
        out.push(f1(174, b0f));
        out.push(f2(175, b0c, b0p));
        out.push(f1(176, b1f));
        out.push(f2(177, b1c, b1p));
    }
    if has_st(toks) {
        let (t0, t1, t2) = (
            tok_st(toks, n, b0),
            tok_st(toks, n, b1),
            tok_st(toks, n, b2),
        );
        out.push(f1(196, t0));
        out.push(f1(197, t1));
        out.push(f1(198, t2));
        out.push(f2(199, t0, b0p));
        out.push(f2(209, t0, b0w));
        out.push(f2(210, t0, t1));
        out.push(f3(211, t0, t1, t2));
    }
}

/// Which optional templates a parser reads: the word-cluster templates, and (`lean`) none
/// of the state templates on supertags and clusters (only their word templates, whose
/// scores are cached per word: fewer lookups per transition).
#[derive(Clone, Copy)]
struct Tpl {
    clusters: bool,
    lean: bool,
}

/// All feature templates of a state (as used in training).
fn features(st: &State, toks: &[Tok], tpl: Tpl, out: &mut Vec<u64>) {
    out.clear();
    stack_word_feats(toks, st.n, st.s(0), S0_IDS, tpl.clusters, out);
    stack_word_feats(toks, st.n, st.s(1), S1_IDS, tpl.clusters, out);
    buffer_feats(toks, st.n, st.b, tpl.clusters, out);
    dynamic_feats(st, toks, tpl, out);
}

/// Score rows of the word-only template groups (S0 word, S1 word, buffer front), computed on
/// first use: each word takes each role for about two transitions.
struct WordCache {
    nclass: usize,
    rows: usize,
    scores: Vec<i32>,
    done: Vec<bool>,
    tmp: Vec<u64>,
}

impl WordCache {
    fn new(n: usize, nclass: usize) -> WordCache {
        let rows = n + 1;
        WordCache {
            nclass,
            rows,
            scores: vec![0; 3 * rows * nclass],
            done: vec![false; 3 * rows],
            tmp: Vec::with_capacity(16),
        }
    }
    #[inline]
    fn fill(&mut self, group: usize, i: usize, feats: impl FnOnce(&mut Vec<u64>), model: &Model) {
        let r = group * self.rows + i.min(self.rows - 1);
        if !self.done[r] {
            self.tmp.clear();
            feats(&mut self.tmp);
            // Rows are zero until filled; sums by class rank.
            model.add_scores_ranked(
                &self.tmp,
                &mut self.scores[r * self.nclass..(r + 1) * self.nclass],
            );
            self.done[r] = true;
        }
    }
    #[inline]
    fn row(&self, group: usize, i: usize) -> &[i32] {
        let r = group * self.rows + i.min(self.rows - 1);
        &self.scores[r * self.nclass..(r + 1) * self.nclass]
    }
}

/// How many templates the word-only groups hold (S0, S1, buffer).
#[cfg(test)]
const NSTATIC: usize = 33;

/// Templates that depend on the parser state (everything but [`stack_word_feats`] and
/// [`buffer_feats`]), appended to `out`.
fn dynamic_feats(st: &State, toks: &[Tok], tpl: Tpl, out: &mut Vec<u64>) {
    dynamic_feats_sel(st, toks, true, tpl, out);
}

/// The templates of [`dynamic_feats`] that depend only on S0 and its left children: a
/// word's left children are all attached while it is the buffer front, so these stay fixed
/// while the word is on the stack, and the parser caches their scores with the word's (see
/// [`WordCache`]). Appended to `out`.
fn s0_fixed_feats(st: &State, toks: &[Tok], out: &mut Vec<u64>) {
    let n = st.n;
    let w = |i: usize| {
        if i == NONE {
            PAD
        } else if i == n {
            0xA001
        } else {
            toks[i].w
        }
    };
    let p = |i: usize| {
        if i == NONE {
            PAD
        } else if i == n {
            0xA002
        } else {
            toks[i].p
        }
    };
    let l = |i: usize| if i == NONE { PAD } else { st.label[i] as u64 };
    let lc1 = |i: usize| if i == NONE { NONE } else { st.lc1[i] };
    let lc2 = |i: usize| if i == NONE { NONE } else { st.lc2[i] };
    let vl = |i: usize| if i == NONE { 99 } else { st.nl[i] as u64 };
    let ls = |i: usize| if i == NONE { 0 } else { st.lset[i] };
    let s0 = st.s(0);
    let (s0w, s0p) = (w(s0), p(s0));
    let s0l = lc1(s0);
    let s0l2 = lc2(s0);
    out.push(f2(72, s0w, vl(s0)));
    out.push(f2(73, s0p, vl(s0)));
    out.push(f1(80, w(s0l)));
    out.push(f1(81, p(s0l)));
    out.push(f1(82, l(s0l)));
    out.push(f1(89, w(s0l2)));
    out.push(f1(90, p(s0l2)));
    out.push(f1(91, l(s0l2)));
    out.push(f3(98, s0p, p(s0l), p(s0l2)));
    out.push(f2(112, s0w, ls(s0)));
    out.push(f2(113, s0p, ls(s0)));
}

/// The template of [`dynamic_feats`] on S1 and its left children (fixed for the same
/// reason as [`s0_fixed_feats`]).
fn s1_fixed_feats(st: &State, toks: &[Tok], out: &mut Vec<u64>) {
    let n = st.n;
    let s1 = st.s(1);
    let s1p = if s1 == NONE {
        PAD
    } else if s1 == n {
        0xA002
    } else {
        toks[s1].p
    };
    let s1l = if s1 == NONE { NONE } else { st.lc1[s1] };
    out.push(f2(
        102,
        if s1l == NONE {
            PAD
        } else {
            st.label[s1l] as u64
        },
        s1p,
    ));
}

/// [`dynamic_feats`], or (with `fixed` false) all but the templates of [`s0_fixed_feats`] and
/// [`s1_fixed_feats`]; in the order training uses.
fn dynamic_feats_sel(st: &State, toks: &[Tok], fixed: bool, tpl: Tpl, out: &mut Vec<u64>) {
    let n = st.n;
    let w = |i: usize| {
        if i == NONE {
            PAD
        } else if i == n {
            0xA001
        } else {
            toks[i].w
        }
    };
    let p = |i: usize| {
        if i == NONE {
            PAD
        } else if i == n {
            0xA002
        } else {
            toks[i].p
        }
    };
    let u = |i: usize| {
        if i == NONE {
            PAD
        } else if i == n {
            0xA003
        } else {
            toks[i].u
        }
    };
    let l = |i: usize| if i == NONE { PAD } else { st.label[i] as u64 };
    let lc1 = |i: usize| if i == NONE { NONE } else { st.lc1[i] };
    let lc2 = |i: usize| if i == NONE { NONE } else { st.lc2[i] };
    let rc1 = |i: usize| if i == NONE { NONE } else { st.rc1[i] };
    let rc2 = |i: usize| if i == NONE { NONE } else { st.rc2[i] };
    let s0 = st.s(0);
    let s1 = st.s(1);
    let s2 = st.s(2);
    let b0 = if st.b <= n { st.b } else { NONE };
    let b1 = if st.b < n { st.b + 1 } else { NONE };
    let (s0w, s0p, s1w, s1p, s2p, b0w, b0p, b1p) =
        (w(s0), p(s0), w(s1), p(s1), p(s2), w(b0), p(b0), p(b1));
    let s0l = lc1(s0);
    let s0l2 = lc2(s0);
    let s0r = rc1(s0);
    let s0r2 = rc2(s0);
    let b0l = lc1(b0);
    let b0l2 = lc2(b0);
    let s1l = lc1(s1);
    let s1r = rc1(s1);
    let d = if s0 != NONE && b0 != NONE {
        dist_bucket(b0 - s0)
    } else {
        7
    };
    let d01 = if s0 != NONE && s1 != NONE {
        dist_bucket(s0 - s1)
    } else {
        7
    };
    let vl = |i: usize| if i == NONE { 99 } else { st.nl[i] as u64 };
    let vr = |i: usize| if i == NONE { 99 } else { st.nr[i] as u64 };
    let ls = |i: usize| if i == NONE { 0 } else { st.lset[i] };
    let rs = |i: usize| if i == NONE { 0 } else { st.rset[i] };
    // Pairs.
    out.push(f3(20, s0w, s0p, f2(0, b0w, b0p)));
    out.push(f3(21, s0w, s0p, b0w));
    out.push(f3(22, s0w, b0w, b0p));
    out.push(f3(23, s0w, s0p, b0p));
    out.push(f3(24, s0p, b0w, b0p));
    out.push(f2(25, s0w, b0w));
    out.push(f2(26, s0p, b0p));
    out.push(f3(28, s1w, s1p, f2(0, s0w, s0p)));
    out.push(f3(29, s1w, s0w, s0p));
    out.push(f3(30, s1w, s1p, s0p));
    out.push(f2(31, s1w, s0w));
    out.push(f2(32, s1p, s0p));
    out.push(f2(33, s1p, b0p));
    out.push(f2(34, s1w, b0w));
    // Triples.
    out.push(f3(41, s0p, b0p, b1p));
    out.push(f3(42, s1p, s0p, b0p));
    out.push(f3(43, s0p, p(s0l), b0p));
    out.push(f3(44, s0p, p(s0r), b0p));
    out.push(f3(45, s0p, b0p, p(b0l)));
    out.push(f3(46, s2p, s1p, s0p));
    out.push(f3(47, s1p, s0p, p(s0l)));
    out.push(f3(48, s1p, s0p, p(s0r)));
    out.push(f3(49, s1p, p(s1r), s0p));
    out.push(f3(50, s1p, p(s1l), s0p));
    // Distance.
    out.push(f2(60, s0w, d));
    out.push(f2(61, s0p, d));
    out.push(f2(62, b0w, d));
    out.push(f2(63, b0p, d));
    out.push(f3(64, s0w, b0w, d));
    out.push(f3(65, s0p, b0p, d));
    out.push(f3(66, s1p, s0p, d01));
    out.push(f3(67, s1w, s0w, d01));
    // Valency.
    out.push(f2(70, s0w, vr(s0)));
    out.push(f2(71, s0p, vr(s0)));
    if fixed {
        out.push(f2(72, s0w, vl(s0)));
        out.push(f2(73, s0p, vl(s0)));
    }
    out.push(f2(74, b0w, vl(b0)));
    out.push(f2(75, b0p, vl(b0)));
    out.push(f2(76, s1p, vr(s1)));
    // Children.
    if fixed {
        out.push(f1(80, w(s0l)));
        out.push(f1(81, p(s0l)));
        out.push(f1(82, l(s0l)));
    }
    out.push(f1(83, w(s0r)));
    out.push(f1(84, p(s0r)));
    out.push(f1(85, l(s0r)));
    out.push(f1(86, w(b0l)));
    out.push(f1(87, p(b0l)));
    out.push(f1(88, l(b0l)));
    if fixed {
        out.push(f1(89, w(s0l2)));
        out.push(f1(90, p(s0l2)));
        out.push(f1(91, l(s0l2)));
    }
    out.push(f1(92, w(s0r2)));
    out.push(f1(93, p(s0r2)));
    out.push(f1(94, l(s0r2)));
    out.push(f1(95, w(b0l2)));
    out.push(f1(96, p(b0l2)));
    out.push(f1(97, l(b0l2)));
    if fixed {
        out.push(f3(98, s0p, p(s0l), p(s0l2)));
    }
    out.push(f3(99, s0p, p(s0r), p(s0r2)));
    out.push(f3(100, b0p, p(b0l), p(b0l2)));
    out.push(f2(101, l(s1r), s1p));
    if fixed {
        out.push(f2(102, l(s1l), s1p));
    }
    out.push(f2(103, w(s1r), s1p));
    out.push(f3(104, s0p, l(s0l), l(s0r)));
    out.push(f3(105, b0p, l(b0l), s0p));
    // Label sets.
    out.push(f2(110, s0w, rs(s0)));
    out.push(f2(111, s0p, rs(s0)));
    if fixed {
        out.push(f2(112, s0w, ls(s0)));
        out.push(f2(113, s0p, ls(s0)));
    }
    out.push(f2(114, b0w, ls(b0)));
    out.push(f2(115, b0p, ls(b0)));
    out.push(f2(116, s1p, rs(s1)));
    // Lexical pairs with neighbours of S0 in the sentence.
    let s0m1 = if s0 != NONE && s0 > 0 { s0 - 1 } else { NONE };
    let b0m1 = if b0 != NONE && b0 > 0 { b0 - 1 } else { NONE };
    out.push(f3(120, s0p, p(s0m1), b0p));
    out.push(f3(121, s0p, p(b0m1), b0p));
    out.push(f3(
        122,
        s0p,
        p(if s0 != NONE && s0 + 1 < n {
            s0 + 1
        } else {
            NONE
        }),
        b0p,
    ));
    out.push(f3(124, u(s0), u(b0), d));
    out.push(f3(
        125,
        (st.b >= n) as u64,
        s0p,
        st.stack.len().min(3) as u64,
    ));
    // What lies between the two pairs of candidates: commas and verbs.
    let between = |a: usize, b: usize| -> (u64, u64) {
        if a == NONE || b == NONE || a >= b || a >= n {
            return (9, 9);
        }
        let last = (b - 1).min(n - 1);
        if last <= a {
            return (0, 0);
        }
        let p = (toks[last].pc - toks[a].pc).min(2) as u64;
        let v = (toks[last].vc - toks[a].vc).min(2) as u64;
        (p, v)
    };
    let (pb, vb) = between(s0, b0);
    let (p1, v1) = between(s1, s0);
    out.push(f3(150, s0p, b0p, pb));
    out.push(f3(151, s0p, b0p, vb));
    out.push(f3(152, s1p, s0p, p1));
    out.push(f3(153, s1p, s0p, v1));
    out.push(f3(154, pb, vb, d));
    // Suffixes: robustness to tagging errors.
    let sf = |i: usize| {
        if i == NONE {
            PAD
        } else if i == n {
            0xA004
        } else {
            toks[i].s
        }
    };
    out.push(f2(134, sf(s0), sf(b0)));
    out.push(f2(135, sf(s1), sf(s0)));
    out.push(f3(136, sf(s0), b0p, d));
    if tpl.clusters && !tpl.lean {
        // Word clusters: pairs of candidates.
        let (s0c, s0f) = tok_clusters(toks, n, s0);
        let (b0c, b0f) = tok_clusters(toks, n, b0);
        let (_, s1f) = tok_clusters(toks, n, s1);
        out.push(f2(180, s0f, b0f));
        out.push(f3(181, s0c, b0c, d));
        out.push(f2(182, s0f, b0p));
        out.push(f2(183, s0p, b0f));
        out.push(f2(184, s1f, s0f));
    }
    if has_st(toks) && !tpl.lean {
        let (s0t, s1t, b0t) = (
            tok_st(toks, n, s0),
            tok_st(toks, n, s1),
            tok_st(toks, n, b0),
        );
        out.push(f2(200, s0t, b0t));
        out.push(f3(201, s0t, b0t, d));
        out.push(f2(202, s1t, s0t));
        out.push(f3(203, s1t, s0t, b0t));
        out.push(f3(204, s0w, s0t, b0t));
        out.push(f3(205, s0t, b0w, b0t));
        out.push(f3(206, s0p, b0p, f2(0, s0t, b0t)));
        out.push(f3(207, s1t, s0t, d01));
    }
}

/// A trained dependency parser.
pub struct Parser {
    labels: Vec<String>,
    root_label: u16,
    model: Model,
    clusters: Clusters,
    /// Reads the sentence right to left (a parser trained on reversed sentences).
    reverse: bool,
    /// Tags each word with its relation and the side of its head before parsing; its tags
    /// are features (see [`supertags_of`]).
    supertagger: Option<Box<crate::tagger::Tagger>>,
    /// Reads no state templates on supertags and clusters ([`ParserOptions::lean`]).
    lean: bool,
}

/// The hash the templates see for a supertag (nonzero).
fn st_hash(tag: &str) -> u64 {
    hash_str(tag) ^ 0x7777 | 1
}

/// A sentence's gold supertags for training the parser's supertagger: each word's universal
/// relation and the side its head is on (`nsubj>`: the head is to the right; `root`).
pub fn supertags_of(s: &ConllSentence) -> Vec<String> {
    s.words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let rel = w.deprel.split(':').next().unwrap_or("");
            if w.head == 0 {
                "root".to_string()
            } else if w.head - 1 < i {
                format!("{rel}<")
            } else {
                format!("{rel}>")
            }
        })
        .collect()
}

/// Sets the supertag hashes of `toks` from `st` (one tag per token).
fn set_supertags(toks: &mut [Tok], st: &[&str]) {
    for (t, s) in toks.iter_mut().zip(st) {
        t.t = st_hash(s);
    }
}

static PARSER_BYTES: &[u8] = include_bytes!("../models/parser.bin");
static PARSER: std::sync::OnceLock<Parser> = std::sync::OnceLock::new();

fn tokens_of(words: &[&str], upos: &[&str], xpos: &[&str], cl: &Clusters) -> Vec<Tok> {
    let mut toks = tokens_of0(words, upos, xpos, cl);
    let (mut pc, mut vc) = (0u32, 0u32);
    for (i, t) in toks.iter_mut().enumerate() {
        let x = xpos.get(i).copied().unwrap_or("");
        if matches!(x, "," | ":" | "HYPH") {
            pc += 1;
        }
        if x.starts_with("VB") || x == "MD" {
            vc += 1;
        }
        t.pc = pc;
        t.vc = vc;
    }
    toks
}

fn tokens_of0(words: &[&str], upos: &[&str], xpos: &[&str], cl: &Clusters) -> Vec<Tok> {
    words
        .iter()
        .enumerate()
        .map(|(i, wd)| {
            let lw = norm_lower(wd);
            let cut = lw.char_indices().rev().nth(2).map(|(b, _)| b).unwrap_or(0);
            let w = hash_str(&lw);
            // (no look-up for a parser without clusters: its templates do not read them)
            let (c, f) = match if cl.is_empty() {
                None
            } else {
                cl.get_hashed(w)
            } {
                Some((c, f)) => (c as u64 + 1, f as u64 + 1),
                None => (0xCC00, 0xCC01),
            };
            Tok {
                c,
                f,
                t: 0,
                pc: 0,
                vc: 0,
                s: hash_str(&lw[cut..]) ^ 0x5f5f,
                w,
                p: hash_str(xpos.get(i).copied().unwrap_or("")) ^ 0x1234,
                u: hash_str(upos.get(i).copied().unwrap_or("")) ^ 0x4321,
            }
        })
        .collect()
}

/// The best legal class (`usize::MAX` if none): the first of the highest-scoring ones.
fn best_legal(st: &State, scores: &[i32], root: u16) -> usize {
    // Legality as in `legal`, with the state tests hoisted out of the class loop: class 0 is
    // SHIFT, odd classes LEFT-l and even ones RIGHT-l with l = (class - 1) / 2.
    let shift = st.can_shift();
    let left = st.can_left();
    let right = st.can_right();
    let at_end = st.b == st.n;
    let root_left = 1 + 2 * root as usize;
    let root_right = 2 + 2 * root as usize;
    // Illegal classes masked to the minimum (no sum of weights reaches it), then the first
    // class with the maximum: two branch-free passes instead of a compare-and-branch per class.
    let mut masked = [i32::MIN; 256];
    let mut any = false;
    for (c, (m, &v)) in masked.iter_mut().zip(scores).enumerate() {
        let ok = (c == 0 && shift)
            | (c % 2 == 1 && left && (at_end == (c == root_left)))
            | (c != 0 && c % 2 == 0 && right && c != root_right);
        any |= ok;
        *m = if ok { v } else { i32::MIN };
    }
    if !any {
        return usize::MAX;
    }
    let top = masked.iter().copied().max().unwrap_or(i32::MIN);
    masked.iter().position(|&v| v == top).unwrap_or(usize::MAX)
}

fn legal(st: &State, class: usize, root: u16) -> bool {
    if class == 0 {
        return st.can_shift();
    }
    let lab = ((class - 1) / 2) as u16;
    if class % 2 == 1 {
        st.can_left() && ((st.b == st.n) == (lab == root))
    } else {
        st.can_right() && lab != root
    }
}

impl Parser {
    /// The parser shipped in the binary (loaded once, on first use).
    pub fn embedded() -> &'static Parser {
        PARSER.get_or_init(|| {
            Parser::from_bytes(PARSER_BYTES).expect("embedded parser model is malformed")
        })
    }

    /// Parses one sentence given its words and (predicted) UPOS and XPOS tags.
    pub fn parse(&self, words: &[&str], upos: &[&str], xpos: &[&str]) -> Vec<Arc> {
        if !self.reverse {
            return self.parse_forward(words, upos, xpos);
        }
        let n = words.len();
        fn rev<'a>(v: &[&'a str]) -> Vec<&'a str> {
            v.iter().rev().copied().collect()
        }
        let mut arcs = self.parse_forward(&rev(words), &rev(upos), &rev(xpos));
        arcs.reverse();
        for a in arcs.iter_mut() {
            a.head = a.head.map(|h| n - 1 - h);
        }
        arcs
    }

    /// Whether the parser reads sentences right to left.
    pub fn is_reverse(&self) -> bool {
        self.reverse
    }

    fn parse_forward(&self, words: &[&str], upos: &[&str], xpos: &[&str]) -> Vec<Arc> {
        let n = words.len();
        if n == 0 {
            return Vec::new();
        }
        let mut toks = tokens_of(words, upos, xpos, &self.clusters);
        if let Some(sg) = &self.supertagger {
            for (t, c) in toks.iter_mut().zip(sg.tag_ids(words)) {
                t.t = st_hash(sg.class(c).1);
            }
        }
        let cl = !self.clusters.is_empty();
        let mut st = State::new(n);
        let nclass = self.model.nclass;
        let mut feats = Vec::with_capacity(128);
        let mut scores = vec![0i32; nclass];
        // Indexed by a `u8` rank: no bounds checks when putting the sums in class order.
        let mut ranked = [0i32; 256];
        let rank = self.model.rank();
        // Scores of the word-only templates, cached per S0 word, S1 word and buffer front
        // (row n: none, or the root).
        let mut cache = WordCache::new(n, nclass);
        let mut steps = 0;
        while !st.terminal() && steps < 4 * n + 4 {
            steps += 1;
            if st.stack.is_empty() {
                // SHIFT is the only legal transition: no need to score.
                st.apply(0);
                continue;
            }
            let (s0, s1, b) = (st.s(0), st.s(1), st.b.min(n));
            cache.fill(
                0,
                s0.min(n),
                |out| {
                    stack_word_feats(&toks, n, s0, S0_IDS, cl, out);
                    s0_fixed_feats(&st, &toks, out);
                },
                &self.model,
            );
            cache.fill(
                1,
                s1.min(n),
                |out| {
                    stack_word_feats(&toks, n, s1, S1_IDS, cl, out);
                    s1_fixed_feats(&st, &toks, out);
                },
                &self.model,
            );
            cache.fill(2, b, |out| buffer_feats(&toks, n, b, cl, out), &self.model);
            let (r0, r1, r2) = (
                cache.row(0, s0.min(n)),
                cache.row(1, s1.min(n)),
                cache.row(2, b),
            );
            for (((sc, &a), &b), &c) in ranked.iter_mut().zip(r0).zip(r1).zip(r2) {
                *sc = a + b + c;
            }
            feats.clear();
            dynamic_feats_sel(
                &st,
                &toks,
                false,
                Tpl {
                    clusters: cl,
                    lean: self.lean,
                },
                &mut feats,
            );
            self.model.add_scores_ranked(&feats, &mut ranked[..nclass]);
            // By class rank so far; in class order once per step.
            for (sc, &r) in scores.iter_mut().zip(rank.iter()) {
                *sc = ranked[r as usize];
            }
            let best = best_legal(&st, &scores, self.root_label);
            if best == usize::MAX {
                break;
            }
            st.apply(best);
        }
        (0..n)
            .map(|i| {
                let h = st.head[i];
                if h == NONE || h >= n {
                    Arc {
                        head: None,
                        deprel: "root".to_string(),
                    }
                } else {
                    let l = st.label[i] as usize;
                    Arc {
                        head: Some(h),
                        deprel: self.labels.get(l).cloned().unwrap_or_else(|| "dep".into()),
                    }
                }
            })
            .collect()
    }

    pub fn from_bytes(b: &[u8]) -> Option<Parser> {
        let mut r = Reader { b, pos: 0 };
        if r.take(4)? != b"NGPR" {
            return None;
        }
        let version = r.u32()?;
        if !(1..=4).contains(&version) {
            return None;
        }
        let flags = if version >= 3 { r.u32()? } else { 0 };
        let n = r.u32()? as usize;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(r.string()?);
        }
        let len = r.u32()? as usize;
        let model = Model::from_bytes(r.take(len)?)?;
        let clusters = if version >= 2 {
            Clusters::read(&mut r)?
        } else {
            Clusters::default()
        };
        let supertagger = if flags & 2 != 0 {
            let tl = r.u32()? as usize;
            let tb = r.take(tl)?;
            let ll = r.u32()? as usize;
            let lb = r.take(ll)?;
            let mut t = crate::tagger::Tagger::from_bytes(tb, lb)?;
            if flags & 4 != 0 {
                // A one-pass supertagger: every word keeps its first-pass tag.
                t.set_skip_margin(i32::MIN);
            }
            Some(Box::new(t))
        } else {
            None
        };
        let root_label = labels.iter().position(|l| l == "root")? as u16;
        if model.nclass != 1 + 2 * labels.len() {
            return None;
        }
        Some(Parser {
            labels,
            root_label,
            model,
            clusters,
            reverse: flags & 1 != 0,
            supertagger,
            lean: flags & 8 != 0,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(b"NGPR");
        let version: u32 = if self.supertagger.is_some() {
            4
        } else if self.reverse || self.lean {
            3
        } else if self.clusters.is_empty() {
            1
        } else {
            2
        };
        out.extend_from_slice(&version.to_le_bytes());
        if version >= 3 {
            let one_pass = self
                .supertagger
                .as_ref()
                .is_some_and(|t| t.skip_margin() == i32::MIN);
            let flags = self.reverse as u32
                | (self.supertagger.is_some() as u32) << 1
                | (one_pass as u32) << 2
                | (self.lean as u32) << 3;
            out.extend_from_slice(&flags.to_le_bytes());
        }
        out.extend_from_slice(&(self.labels.len() as u32).to_le_bytes());
        for l in &self.labels {
            put_string(&mut out, l);
        }
        let m = self.model.to_bytes();
        out.extend_from_slice(&(m.len() as u32).to_le_bytes());
        out.extend_from_slice(&m);
        if version >= 2 {
            self.clusters.to_bytes(&mut out);
        }
        if let Some(sg) = &self.supertagger {
            let (tb, lb) = sg.to_bytes();
            out.extend_from_slice(&(tb.len() as u32).to_le_bytes());
            out.extend_from_slice(&tb);
            out.extend_from_slice(&(lb.len() as u32).to_le_bytes());
            out.extend_from_slice(&lb);
        }
        out
    }

    /// This parser with `sg` as its supertagger (the parser must have been trained with
    /// supertags from such a tagger, see [`ParserOptions::supertags`]).
    pub fn with_supertagger(mut self, sg: crate::tagger::Tagger) -> Parser {
        self.supertagger = Some(Box::new(sg));
        self
    }

    /// A copy with weights below `min_q` quantisation units removed (smaller and faster).
    pub fn pruned(&self, min_q: i16) -> Parser {
        Parser {
            labels: self.labels.clone(),
            root_label: self.root_label,
            model: self.model.pruned(min_q),
            clusters: self.clusters.clone(),
            reverse: self.reverse,
            lean: self.lean,
            supertagger: self.supertagger.as_ref().map(|t| Box::new(t.pruned(0))),
        }
    }

    pub fn nfeat(&self) -> usize {
        self.model.nfeat()
    }

    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The word clusters the parser's features use (empty for a model without them).
    pub fn clusters(&self) -> &Clusters {
        &self.clusters
    }
}

/// Options of [`train_parser`].
#[derive(Debug, Clone)]
pub struct ParserOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Follow the model's own (possibly wrong) transitions from this epoch on.
    pub explore_from: usize,
    /// Drop features updated fewer times than this.
    pub min_count: u32,
    /// Drop weights below this fraction of the largest.
    pub min_weight: f32,
    /// Members of the weight-averaged ensemble: perceptrons trained with seeds `seed`,
    /// `seed + 1`, ... whose averaged weights are averaged into one model (1: a single one).
    pub members: usize,
    /// Train on reversed sentences: the parser reads right to left.
    pub reverse: bool,
    /// Supertag features: the training sentences carry each word's (predicted) supertag in
    /// their lemma column.
    pub supertags: bool,
    /// No state templates on supertags and clusters, only their word templates (fewer
    /// lookups per transition; a version-3 or -4 parser.bin with flag bit 3).
    pub lean: bool,
    pub verbose: bool,
}

impl Default for ParserOptions {
    fn default() -> Self {
        ParserOptions {
            epochs: 12,
            seed: 11,
            explore_from: 1,
            min_count: 3,
            min_weight: 0.01,
            members: 1,
            reverse: false,
            supertags: false,
            lean: false,
            verbose: false,
        }
    }
}

/// Dynamic-oracle cost of `class` in `st` against the gold heads (`n` = root) and labels.
fn cost(st: &State, class: usize, gh: &[usize], gl: &[u16]) -> u32 {
    let n = st.n;
    let s0 = st.s(0);
    let s1 = st.s(1);
    let b = st.b;
    let deps_in_buffer = |x: usize| (b..n).filter(|&d| gh[d] == x).count() as u32;
    if class == 0 {
        let mut c = 0;
        for (k, &s) in st.stack.iter().enumerate() {
            if gh[s] == b {
                c += 1;
            }
            if k + 1 < st.stack.len() && gh[b] == s {
                c += 1;
            }
        }
        return c;
    }
    let lab = ((class - 1) / 2) as u16;
    if class % 2 == 1 {
        let mut c = deps_in_buffer(s0);
        let h = gh[s0];
        if h != b && (h == s1 || (h > b && h <= n)) {
            c += 1;
        }
        if h == b && gl[s0] != lab {
            c += 1;
        }
        c
    } else {
        let mut c = deps_in_buffer(s0);
        let h = gh[s0];
        if h >= b && h <= n {
            c += 1;
        }
        if h == s1 && gl[s0] != lab {
            c += 1;
        }
        c
    }
}

/// Trains the parser. The tags of `train` should be predicted ones (e.g. jackknifed) so that
/// the parser learns to live with tagging errors; `dev` (may be empty) is only used to print
/// the attachment scores per epoch when verbose.
pub fn train_parser(
    train: &[ConllSentence],
    dev: &[ConllSentence],
    opts: &ParserOptions,
) -> Parser {
    train_parser_with_clusters(train, dev, Clusters::default(), opts)
}

/// [`train_parser`] with word clusters (e.g. from [`Clusters::build`] over unlabeled text),
/// which the parser keeps and uses as features (none if `clusters` is empty).
pub fn train_parser_with_clusters(
    train: &[ConllSentence],
    dev: &[ConllSentence],
    clusters: Clusters,
    opts: &ParserOptions,
) -> Parser {
    let members = opts.members.max(1);
    let cl = &clusters;
    if members == 1 {
        let (t, labels) = train_member(train, dev, cl, opts, opts.seed);
        let model = t.finish(opts.min_count, opts.min_weight);
        return Parser {
            labels,
            root_label: 0,
            model,
            clusters,
            reverse: opts.reverse,
            supertagger: None,
            lean: opts.lean,
        };
    }
    // Members are trained two at a time and added to the sum in seed order (deterministic).
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 2);
    let mut acc: Option<(Trainer, Vec<String>)> = None;
    let mut m0 = 0;
    while m0 < members {
        let m1 = (m0 + threads).min(members);
        let trained: Vec<(Trainer, Vec<String>)> = std::thread::scope(|sc| {
            let handles: Vec<_> = (m0..m1)
                .map(|m| {
                    sc.spawn(move || {
                        train_member(train, dev, cl, opts, opts.seed.wrapping_add(m as u64))
                    })
                })
                .collect();
            // (a member that panicked is not silently left out of the average)
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for (t, labels) in trained {
            let (a, _) = acc.get_or_insert_with(|| (Trainer::new(t.nclass), labels));
            t.add_average_to(a, 1.0 / members as f32);
        }
        if opts.verbose {
            eprintln!(
                "ensemble: {m1} of {members} members, {} features",
                acc.as_ref().map_or(0, |a| a.0.nfeat())
            );
        }
        m0 = m1;
    }
    let (a, labels) = acc.unwrap_or_else(|| (Trainer::new(1), vec!["root".to_string()]));
    let model = a.finish(opts.min_count, opts.min_weight);
    Parser {
        labels,
        root_label: 0,
        model,
        clusters,
        reverse: opts.reverse,
        supertagger: None,
        lean: opts.lean,
    }
}

/// One perceptron of [`train_parser`], trained with `seed`; with its labels.
fn train_member(
    train: &[ConllSentence],
    dev: &[ConllSentence],
    clusters: &Clusters,
    opts: &ParserOptions,
    seed: u64,
) -> (Trainer, Vec<String>) {
    let cl = !clusters.is_empty();
    let mut labels: Vec<String> = vec!["root".to_string()];
    for s in train {
        for w in &s.words {
            if !labels.contains(&w.deprel) {
                labels.push(w.deprel.clone());
            }
        }
    }
    labels.truncate(127);
    let lab_ix = |l: &str| labels.iter().position(|x| x == l).unwrap_or(0) as u16;
    let nclass = 1 + 2 * labels.len();
    struct Ex {
        toks: Vec<Tok>,
        gh: Vec<usize>,
        gl: Vec<u16>,
    }
    let exs: Vec<Ex> = train
        .iter()
        .filter(|s| !s.words.is_empty())
        .map(|s| {
            let n = s.words.len();
            let mut words = s.forms();
            let mut up: Vec<&str> = s.words.iter().map(|w| w.upos.as_str()).collect();
            let mut xp: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
            let mut gh: Vec<usize> = s
                .words
                .iter()
                .map(|w| {
                    if w.head == 0 || w.head > n {
                        n
                    } else {
                        w.head - 1
                    }
                })
                .collect();
            let mut gl: Vec<u16> = s
                .words
                .iter()
                .map(|w| if w.head == 0 { 0 } else { lab_ix(&w.deprel) })
                .collect();
            if opts.reverse {
                words.reverse();
                up.reverse();
                xp.reverse();
                gl.reverse();
                gh.reverse();
                for h in gh.iter_mut() {
                    if *h < n {
                        *h = n - 1 - *h;
                    }
                }
            }
            let mut toks = tokens_of(&words, &up, &xp, clusters);
            if opts.supertags {
                let mut st: Vec<&str> = s.words.iter().map(|w| w.lemma.as_str()).collect();
                if opts.reverse {
                    st.reverse();
                }
                set_supertags(&mut toks, &st);
            }
            Ex { toks, gh, gl }
        })
        .collect();
    let mut t = Trainer::new(nclass);
    let mut rng = Rng(seed);
    let mut order: Vec<usize> = (0..exs.len()).collect();
    let mut feats = Vec::with_capacity(128);
    let mut scores = vec![0f32; nclass];
    let mut costs = vec![0u32; nclass];
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let (mut ok, mut tot) = (0usize, 0usize);
        for &ei in &order {
            let ex = &exs[ei];
            let n = ex.toks.len();
            let mut st = State::new(n);
            let mut steps = 0;
            while !st.terminal() && steps < 4 * n + 4 {
                steps += 1;
                features(
                    &st,
                    &ex.toks,
                    Tpl {
                        clusters: cl,
                        lean: opts.lean,
                    },
                    &mut feats,
                );
                t.score(&feats, &mut scores);
                let mut minc = u32::MAX;
                for c in 0..nclass {
                    costs[c] = if legal(&st, c, 0) {
                        cost(&st, c, &ex.gh, &ex.gl)
                    } else {
                        u32::MAX
                    };
                    minc = minc.min(costs[c]);
                }
                if minc == u32::MAX {
                    break;
                }
                let mut pred = usize::MAX;
                let mut gold = usize::MAX;
                for c in 0..nclass {
                    if costs[c] == u32::MAX {
                        continue;
                    }
                    if pred == usize::MAX || scores[c] > scores[pred] {
                        pred = c;
                    }
                    if costs[c] == minc && (gold == usize::MAX || scores[c] > scores[gold]) {
                        gold = c;
                    }
                }
                tot += 1;
                if costs[pred] > minc {
                    t.update(&feats, gold, pred, 1.0);
                } else {
                    ok += 1;
                }
                t.tick();
                let follow = if epoch >= opts.explore_from && rng.next() % 10 != 0 {
                    pred
                } else {
                    gold
                };
                st.apply(follow);
            }
        }
        if opts.verbose {
            eprintln!(
                "parser epoch {epoch}: oracle agreement {:.4}, feats {}",
                ok as f64 / tot.max(1) as f64,
                t.nfeat()
            );
            if !dev.is_empty() && (epoch + 1) % 3 == 0 {
                let p = Parser {
                    labels: labels.clone(),
                    root_label: 0,
                    model: t.finish(1, 0.0),
                    clusters: clusters.clone(),
                    reverse: opts.reverse,
                    supertagger: None,
                    lean: opts.lean,
                };
                let a = evaluate_parser(&p, dev);
                eprintln!("  dev uas {:.4} las {:.4}", a.uas, a.las);
            }
        }
    }
    (t, labels)
}

/// Combines several parses of one sentence of `n` words into the projective tree with the
/// largest total weight of the arcs they propose (Sagae & Lavie 2006 reparsing, with Eisner's
/// algorithm and exactly one word attached to the root). `parses[k]` has weight `weights[k]`;
/// a word's relation is the one its chosen head's proposers give most weight to.
pub fn combine_parses(n: usize, parses: &[&[Arc]], weights: &[f32]) -> Vec<Arc> {
    if n == 0 || parses.is_empty() {
        return Vec::new();
    }
    // score[h * n + d]: weight of h -> d; root[d]: weight of d as the root.
    let mut score = vec![0f32; n * n];
    let mut root = vec![0f32; n];
    for (k, p) in parses.iter().enumerate() {
        let w = weights.get(k).copied().unwrap_or(1.0);
        for (d, a) in p.iter().enumerate().take(n) {
            match a.head {
                Some(h) if h < n && h != d => score[h * n + d] += w,
                _ => root[d] += w,
            }
        }
    }
    const NEG: f32 = f32::NEG_INFINITY;
    let ix = |s: usize, t: usize| s * n + t;
    // Incomplete and complete spans; [0]: head at the right end, [1]: head at the left end.
    let mut inc = [vec![NEG; n * n], vec![NEG; n * n]];
    let mut com = [vec![NEG; n * n], vec![NEG; n * n]];
    let mut inc_r = [vec![0usize; n * n], vec![0usize; n * n]];
    let mut com_r = [vec![0usize; n * n], vec![0usize; n * n]];
    for s in 0..n {
        com[0][ix(s, s)] = 0.0;
        com[1][ix(s, s)] = 0.0;
    }
    for k in 1..n {
        for s in 0..n - k {
            let t = s + k;
            let (mut best, mut arg) = (NEG, s);
            for r in s..t {
                let v = com[1][ix(s, r)] + com[0][ix(r + 1, t)];
                if v > best {
                    best = v;
                    arg = r;
                }
            }
            inc[0][ix(s, t)] = best + score[t * n + s];
            inc[1][ix(s, t)] = best + score[s * n + t];
            inc_r[0][ix(s, t)] = arg;
            inc_r[1][ix(s, t)] = arg;
            let (mut best, mut arg) = (NEG, s);
            for r in s..t {
                let v = com[0][ix(s, r)] + inc[0][ix(r, t)];
                if v > best {
                    best = v;
                    arg = r;
                }
            }
            com[0][ix(s, t)] = best;
            com_r[0][ix(s, t)] = arg;
            let (mut best, mut arg) = (NEG, t);
            for r in s + 1..=t {
                let v = inc[1][ix(s, r)] + com[1][ix(r, t)];
                if v > best {
                    best = v;
                    arg = r;
                }
            }
            com[1][ix(s, t)] = best;
            com_r[1][ix(s, t)] = arg;
        }
    }
    let (mut best, mut top) = (NEG, 0);
    for r in 0..n {
        let v = root[r] + com[0][ix(0, r)] + com[1][ix(r, n - 1)];
        if v > best {
            best = v;
            top = r;
        }
    }
    let mut head = vec![NONE; n];
    // Backtrack: (kind 0 = incomplete / 1 = complete, direction, s, t).
    let mut todo = vec![(1u8, 0usize, 0usize, top), (1u8, 1usize, top, n - 1)];
    while let Some((kind, dir, s, t)) = todo.pop() {
        if s >= t {
            continue;
        }
        if kind == 0 {
            let r = inc_r[dir][ix(s, t)];
            if dir == 0 {
                head[s] = t;
            } else {
                head[t] = s;
            }
            todo.push((1, 1, s, r));
            todo.push((1, 0, r + 1, t));
        } else if dir == 0 {
            let r = com_r[0][ix(s, t)];
            todo.push((1, 0, s, r));
            todo.push((0, 0, r, t));
        } else {
            let r = com_r[1][ix(s, t)];
            todo.push((0, 1, s, r));
            todo.push((1, 1, r, t));
        }
    }
    (0..n)
        .map(|d| {
            let h = if d == top {
                None
            } else {
                Some(head[d]).filter(|&h| h < n)
            };
            // The relation: most weight among the parses that chose this head.
            let mut votes: Vec<(&str, f32)> = Vec::new();
            for (k, p) in parses.iter().enumerate() {
                let Some(a) = p.get(d) else { continue };
                let same = match (a.head, h) {
                    (None, None) => true,
                    (Some(x), Some(y)) => x == y,
                    _ => false,
                };
                if same {
                    let w = weights.get(k).copied().unwrap_or(1.0);
                    match votes.iter_mut().find(|(l, _)| *l == a.deprel) {
                        Some(v) => v.1 += w,
                        None => votes.push((&a.deprel, w)),
                    }
                }
            }
            let mut lab: Option<(&str, f32)> = None;
            for v in votes {
                if lab.is_none_or(|b| v.1 > b.1) {
                    lab = Some(v);
                }
            }
            let deprel = match (lab, h) {
                (Some((l, _)), _) => l.to_string(),
                (None, None) => "root".to_string(),
                (None, Some(_)) => parses[0]
                    .get(d)
                    .map(|a| a.deprel.clone())
                    .filter(|l| l != "root")
                    .unwrap_or_else(|| "dep".into()),
            };
            Arc { head: h, deprel }
        })
        .collect()
}

/// Attachment scores, punctuation included and scored as the CoNLL 2018 shared task's
/// evaluation script does: `las` compares the universal part of the relation (`nmod:poss`
/// counts as `nmod`, `obl:tmod` as `obl`); `las_full` asks for the whole relation, subtype
/// included.
#[derive(Debug, Clone, Copy, Default)]
pub struct ParseAccuracy {
    pub uas: f64,
    pub las: f64,
    pub las_full: f64,
    pub tokens: usize,
}

/// The universal part of a UD relation: `nmod:poss` → `nmod`.
fn universal_rel(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Parses sentences with the tags they carry and compares with their gold trees.
pub fn evaluate_parser(p: &Parser, sents: &[ConllSentence]) -> ParseAccuracy {
    evaluate_parses(sents, |w, u, x| p.parse(w, u, x))
}

/// Attachment scores of the trees `parse` gives each sentence (from its words and the tags
/// it carries) against its gold tree.
pub fn evaluate_parses(
    sents: &[ConllSentence],
    parse: impl Fn(&[&str], &[&str], &[&str]) -> Vec<Arc>,
) -> ParseAccuracy {
    let (mut u, mut l, mut lf, mut n) = (0usize, 0usize, 0usize, 0usize);
    for s in sents {
        let words = s.forms();
        let up: Vec<&str> = s.words.iter().map(|w| w.upos.as_str()).collect();
        let xp: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
        let arcs = parse(&words, &up, &xp);
        for (a, w) in arcs.iter().zip(&s.words) {
            n += 1;
            let gh = if w.head == 0 { None } else { Some(w.head - 1) };
            if a.head == gh {
                u += 1;
                if universal_rel(&a.deprel) == universal_rel(&w.deprel) {
                    l += 1;
                }
                if a.deprel == w.deprel {
                    lf += 1;
                }
            }
        }
    }
    let d = n.max(1) as f64;
    ParseAccuracy {
        uas: u as f64 / d,
        las: l as f64 / d,
        las_full: lf as f64 / d,
        tokens: n,
    }
}

/// The sentence parsed by every parser of `parsers` and their trees combined
/// ([`combine_parses`]; the first parser breaks ties).
pub fn parse_combined(
    parsers: &[&Parser],
    words: &[&str],
    upos: &[&str],
    xpos: &[&str],
) -> Vec<Arc> {
    let weights: Vec<f32> = (0..parsers.len())
        .map(|k| if k == 0 { 1.01 } else { 1.0 })
        .collect();
    let parses: Vec<Vec<Arc>> = parsers.iter().map(|p| p.parse(words, upos, xpos)).collect();
    let refs: Vec<&[Arc]> = parses.iter().map(|p| p.as_slice()).collect();
    combine_parses(words.len(), &refs, &weights)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// LAS as the CoNLL 2018 script scores it: a relation is right when its universal part is
    /// (`nmod` for gold `nmod:poss`); `las_full` wants the subtype too.
    #[test]
    fn las_compares_universal_relations() {
        let text = "1\tKim\tKim\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n\
                    2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n\
                    3\tsister\tsister\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n\
                    4\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_\n\n";
        let sents = crate::conllu::parse_conllu(text);
        let a = evaluate_parses(&sents, |_, _, _| {
            let arc = |h: Option<usize>, r: &str| Arc {
                head: h,
                deprel: r.into(),
            };
            vec![
                arc(Some(2), "nmod"),
                arc(Some(0), "case"),
                arc(Some(3), "obj"),
                arc(None, "root"),
            ]
        });
        assert_eq!(a.tokens, 4);
        assert!((a.uas - 1.0).abs() < 1e-9);
        assert!((a.las - 0.75).abs() < 1e-9, "las {}", a.las);
        assert!((a.las_full - 0.5).abs() < 1e-9, "las_full {}", a.las_full);
    }

    /// Greedy parse scoring every template of every state afresh (no word-score cache, no
    /// skipped scoring): the reference the fast path must match.
    fn reference_heads(
        p: &Parser,
        words: &[&str],
        upos: &[&str],
        xpos: &[&str],
    ) -> Vec<(usize, u16)> {
        let n = words.len();
        let toks = tokens_of(words, upos, xpos, &p.clusters);
        let cl = !p.clusters.is_empty();
        let mut st = State::new(n);
        let mut feats = Vec::new();
        let mut scores = vec![0i32; p.model.nclass];
        let mut steps = 0;
        while !st.terminal() && steps < 4 * n + 4 {
            steps += 1;
            features(
                &st,
                &toks,
                Tpl {
                    clusters: cl,
                    lean: p.lean,
                },
                &mut feats,
            );
            p.model.score(&feats, &mut scores);
            let mut best = usize::MAX;
            for c in 0..scores.len() {
                if legal(&st, c, p.root_label) && (best == usize::MAX || scores[c] > scores[best]) {
                    best = c;
                }
            }
            if best == usize::MAX {
                break;
            }
            st.apply(best);
        }
        (0..n).map(|i| (st.head[i], st.label[i])).collect()
    }

    #[test]
    fn cached_word_scores_give_the_reference_parse() {
        let p = Parser::embedded();
        let sents: [(&str, &str, &str); 3] = [
            (
                "The council approved the new budget on Monday .",
                "DET NOUN VERB DET ADJ NOUN ADP PROPN PUNCT",
                "DT NN VBD DT JJ NN IN NNP .",
            ),
            (
                "Rebels said they would not leave the town , officials reported .",
                "NOUN VERB PRON AUX PART VERB DET NOUN PUNCT NOUN VERB PUNCT",
                "NNS VBD PRP MD RB VB DT NN , NNS VBD .",
            ),
            ("Talks", "NOUN", "NNS"),
        ];
        for (w, u, x) in sents {
            let (w, u, x): (Vec<&str>, Vec<&str>, Vec<&str>) = (
                w.split(' ').collect(),
                u.split(' ').collect(),
                x.split(' ').collect(),
            );
            let want = reference_heads(p, &w, &u, &x);
            let got = p.parse(&w, &u, &x);
            assert_eq!(got.len(), want.len());
            for (i, (a, &(h, l))) in got.iter().zip(&want).enumerate() {
                assert_eq!(
                    a.head,
                    if h >= w.len() { None } else { Some(h) },
                    "head of word {i} in {w:?}"
                );
                if h < w.len() {
                    assert_eq!(a.deprel, p.labels[l as usize], "label of word {i}");
                }
            }
        }
        let none = Clusters::default();
        let mut feats = Vec::new();
        features(
            &State::new(3),
            &tokens_of(&["a", "b", "c"], &["X"; 3], &["X"; 3], &none),
            Tpl {
                clusters: true,
                lean: false,
            },
            &mut feats,
        );
        let mut statics = Vec::new();
        stack_word_feats(&[], 0, NONE, S0_IDS, true, &mut statics);
        stack_word_feats(&[], 0, NONE, S1_IDS, true, &mut statics);
        buffer_feats(
            &tokens_of(&["a", "b", "c"], &["X"; 3], &["X"; 3], &none),
            3,
            0,
            true,
            &mut statics,
        );
        assert_eq!(statics.len(), NSTATIC);
        assert_eq!(&feats[..NSTATIC], &statics[..]);
        // The fixed S0/S1 templates and the rest make up the dynamic templates, in states with
        // children on both sides.
        let toks = tokens_of(
            &["a", "b", "c", "d", "e", "f"],
            &["X"; 6],
            &["DT", "NN", "VB", "DT", "NN", "."],
            &none,
        );
        let mut st = State::new(6);
        for class in [0, 0, 1 + 2 * 3, 0, 0, 0, 1 + 2 * 5, 2 + 2 * 4] {
            st.apply(class);
            let (mut all, mut split) = (Vec::new(), Vec::new());
            let tpl = Tpl {
                clusters: true,
                lean: false,
            };
            dynamic_feats(&st, &toks, tpl, &mut all);
            dynamic_feats_sel(&st, &toks, false, tpl, &mut split);
            s0_fixed_feats(&st, &toks, &mut split);
            s1_fixed_feats(&st, &toks, &mut split);
            all.sort_unstable();
            split.sort_unstable();
            assert_eq!(all, split);
        }
    }

    fn arcs(heads: &[usize], labels: &[&str]) -> Vec<Arc> {
        heads
            .iter()
            .zip(labels)
            .map(|(&h, &l)| Arc {
                head: if h == 0 { None } else { Some(h - 1) },
                deprel: l.to_string(),
            })
            .collect()
    }

    #[test]
    fn combination_keeps_a_single_tree_and_follows_the_majority() {
        // "Officials said talks ended": said is the root.
        let a = arcs(&[2, 0, 4, 2], &["nsubj", "root", "nsubj", "ccomp"]);
        assert_eq!(combine_parses(4, &[&a], &[1.0]), a);
        // Two of three parses make "ended" the root; the tree follows them, relations too.
        let b = arcs(&[2, 4, 4, 0], &["nsubj", "parataxis", "nsubj", "root"]);
        let c = arcs(&[2, 4, 4, 0], &["nsubj", "advcl", "nsubj", "root"]);
        let got = combine_parses(4, &[&a, &b, &c], &[1.01, 1.0, 1.0]);
        assert_eq!(
            got.iter().map(|x| x.head).collect::<Vec<_>>(),
            vec![Some(1), Some(3), Some(3), None]
        );
        assert_eq!(got[3].deprel, "root");
        assert_eq!(
            got[1].deprel, "parataxis",
            "a tie between relations goes to the first proposer"
        );
        // Exactly one root, even when every parse has two.
        let d = arcs(&[0, 0], &["root", "root"]);
        let got = combine_parses(2, &[&d], &[1.0]);
        assert_eq!(got.iter().filter(|x| x.head.is_none()).count(), 1);
        // Non-projective votes come out as a projective tree with every word attached.
        let e = arcs(&[3, 4, 0, 3], &["x", "x", "root", "x"]);
        let got = combine_parses(4, &[&e], &[1.0]);
        assert_eq!(got.iter().filter(|x| x.head.is_none()).count(), 1);
        assert!(got.iter().enumerate().all(|(i, x)| x.head != Some(i)));
    }

    #[test]
    fn a_reversed_parser_maps_heads_back_to_the_sentence_order() {
        let p = Parser::embedded();
        let mut r = p.pruned(0);
        r.reverse = true;
        let back = Parser::from_bytes(&r.to_bytes()).expect("version-3 parser reads back");
        assert!(back.is_reverse());
        let w = ["Rebels", "seized", "the", "town", "."];
        let u = ["NOUN", "VERB", "DET", "NOUN", "PUNCT"];
        let x = ["NNS", "VBD", "DT", "NN", "."];
        // The forward model reading reversed input is nonsense, but every head must be a
        // word of the sentence and exactly one word the root.
        let got = back.parse(&w, &u, &x);
        assert_eq!(got.len(), 5);
        assert_eq!(got.iter().filter(|a| a.head.is_none()).count(), 1);
        assert!(got.iter().all(|a| a.head.is_none_or(|h| h < 5)));
    }

    #[test]
    fn the_lean_template_flag_survives_a_round_trip() {
        let mut l = Parser::embedded().pruned(0);
        assert!(!l.lean);
        l.lean = true;
        let back = Parser::from_bytes(&l.to_bytes()).expect("lean parser reads back");
        assert!(back.lean && !back.is_reverse());
        let plain = Parser::from_bytes(&Parser::embedded().pruned(0).to_bytes()).unwrap();
        assert!(!plain.lean);
    }
}
