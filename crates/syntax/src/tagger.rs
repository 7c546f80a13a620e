//! Averaged-perceptron POS tagger predicting a joint (UPOS, Penn XPOS) tag, greedy left to
//! right, in two passes: the second pass also sees the first pass's tags of the words to the
//! right. Frequent unambiguous words are tagged from a tag dictionary, and words whose
//! first-pass margin reaches [`SKIP_MARGIN`] keep their first-pass tag. A tagger trained with
//! distributional word clusters ([`crate::clusters`], [`TaggerOptions::clusters`]) also sees
//! the clusters of the word and its neighbours.
//!
//! ## Binary format (little-endian, strings are u32 length + UTF-8)
//! ```text
//! magic b"NGTG", version u32 = 1, or 2 with word clusters
//! nclass u32, nclass times: upos str, xpos str
//! ndict u32, ndict times: word-hash u64, class u16      (unambiguous frequent words)
//! namb u32,  namb times: word-hash u64, ambiguity u64  (hash of the tag set seen in training)
//! pass-1 model (perceptron format), pass-2 model (perceptron format), each u32 length-prefixed
//! clusters (format of crate::clusters)                  (version 2 only)
//! ```

use crate::clusters::Clusters;
use crate::conllu::ConllSentence;
use crate::hash::{f1, f2, f3, hash_str, IdBuild, IdMap};
use crate::lemma::Lemmatizer;
use crate::perceptron::{put_string, Model, Reader, Trainer};
use newsgraph_core::Upos;
use std::collections::HashMap;

/// Precomputed per-word hashes.
#[derive(Clone, Copy, Default)]
struct Lex {
    form: u64,
    lower: u64,
    pre1: u64,
    pre2: u64,
    pre3: u64,
    suf1: u64,
    suf2: u64,
    suf3: u64,
    suf4: u64,
    shape: u64,
    amb: u64,
    flags: u64,
    /// How often the word is capitalised in training away from sentence starts (bucket).
    capr: u64,
    /// Headline-case bucket of the whole sentence.
    title: u64,
    /// Coarse and fine word cluster (0 without clusters).
    cc: u64,
    cf: u64,
}

const PAD_L: u64 = 0x1111;
const PAD_R: u64 = 0x2222;

/// Lower-case form with digits folded to `0` (so numbers share features).
pub(crate) fn norm_lower(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    for c in w.chars() {
        if c.is_ascii_digit() {
            s.push('0');
        } else if c.is_ascii() {
            s.push(c.to_ascii_lowercase());
        } else {
            s.extend(c.to_lowercase());
        }
    }
    s
}

pub(crate) fn shape(w: &str) -> String {
    let mut s = String::new();
    let mut last = ' ';
    let mut run = 0;
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            run = 1;
            last = k;
        }
        s.push(k);
        if s.len() > 12 {
            break;
        }
    }
    s
}

fn affixes(lower: &str) -> ([u64; 3], [u64; 4]) {
    let chars: Vec<(usize, char)> = lower.char_indices().collect();
    let n = chars.len();
    let mut pre = [0u64; 3];
    let mut suf = [0u64; 4];
    for k in 1..=3 {
        let end = if k < n { chars[k].0 } else { lower.len() };
        pre[k - 1] = hash_str(&lower[..end]) ^ k as u64;
    }
    for k in 1..=4 {
        let start = if k <= n { chars[n - k].0 } else { 0 };
        suf[k - 1] = hash_str(&lower[start..]) ^ (k as u64) << 8;
    }
    (pre, suf)
}

fn lex_of(w: &str, amb: &IdMap<u64>, capr: &IdMap<u8>, cl: &Clusters) -> Lex {
    let lower = norm_lower(w);
    let (pre, suf) = affixes(&lower);
    let lh = hash_str(&lower);
    let (cc, cf) = if cl.is_empty() {
        (0, 0)
    } else {
        match cl.get_hashed(lh) {
            Some((c, f)) => (c as u64 + 1, f as u64 + 1),
            None => (0xCC00, 0xCC01),
        }
    };
    let mut flags = 0u64;
    if w.chars().next().is_some_and(|c| c.is_uppercase()) {
        flags |= 1;
    }
    if w.chars().all(|c| !c.is_lowercase()) {
        flags |= 2;
    }
    if w.contains('-') {
        flags |= 4;
    }
    if w.chars().any(|c| c.is_numeric()) {
        flags |= 8;
    }
    Lex {
        form: hash_str(w),
        lower: lh,
        pre1: pre[0],
        pre2: pre[1],
        pre3: pre[2],
        suf1: suf[0],
        suf2: suf[1],
        suf3: suf[2],
        suf4: suf[3],
        shape: hash_str(&shape(w)),
        amb: amb.get(&lh).copied().unwrap_or(0),
        flags,
        capr: capr.get(&lh).copied().unwrap_or(9) as u64,
        title: 0,
        cc,
        cf,
    }
}

/// Share of capitalised words in the sentence (headline case), bucketed.
fn set_title(lex: &mut [Lex]) {
    let t = title_bucket(lex);
    lex.iter_mut().for_each(|l| l.title = t);
}

fn title_bucket(lex: &[Lex]) -> u64 {
    let caps = lex.iter().filter(|l| l.flags & 1 != 0).count();
    if lex.len() < 3 {
        return 5;
    }
    (caps * 4 / lex.len()) as u64
}

/// Feature extraction for position `i`; `tags` holds class ids (+1; 0 = none) of this pass,
/// `right` the first pass's tags (None in pass 1); `clusters`: add the word-cluster templates.
fn features(
    lex: &[Lex],
    i: usize,
    tags: &[u64],
    right: Option<&[u64]>,
    clusters: bool,
    out: &mut Vec<u64>,
) {
    out.clear();
    let n = lex.len();
    let get = |j: isize| -> Option<&Lex> {
        if j < 0 || j as usize >= n {
            None
        } else {
            Some(&lex[j as usize])
        }
    };
    let ii = i as isize;
    let w = &lex[i];
    let lw = |j: isize| {
        get(j)
            .map(|l| l.lower)
            .unwrap_or(if j < 0 { PAD_L } else { PAD_R })
    };
    let t = |j: isize| -> u64 {
        if j < 0 {
            PAD_L
        } else {
            tags[j as usize]
        }
    };
    let p1 = t(ii - 1);
    let p2 = t(ii - 2);
    out.push(f1(0, 0));
    out.push(f1(1, w.lower));
    out.push(f1(2, w.form));
    out.push(f1(3, w.suf1));
    out.push(f1(4, w.suf2));
    out.push(f1(5, w.suf3));
    out.push(f1(6, w.suf4));
    out.push(f1(7, w.pre1));
    out.push(f1(8, w.pre2));
    out.push(f1(9, w.pre3));
    out.push(f1(10, w.shape));
    out.push(f1(11, lw(ii - 1)));
    out.push(f1(12, lw(ii - 2)));
    out.push(f1(13, lw(ii + 1)));
    out.push(f1(14, lw(ii + 2)));
    out.push(f1(15, get(ii - 1).map(|l| l.suf3).unwrap_or(PAD_L)));
    out.push(f1(16, get(ii + 1).map(|l| l.suf3).unwrap_or(PAD_R)));
    out.push(f1(17, p1));
    out.push(f1(18, p2));
    out.push(f2(19, p1, p2));
    out.push(f2(20, p1, w.lower));
    out.push(f2(21, w.lower, lw(ii + 1)));
    out.push(f2(22, lw(ii - 1), w.lower));
    out.push(f1(23, w.amb));
    out.push(f1(24, get(ii + 1).map(|l| l.amb).unwrap_or(PAD_R)));
    out.push(f2(25, get(ii - 1).map(|l| l.amb).unwrap_or(PAD_L), w.amb));
    out.push(f2(26, p1, w.amb));
    out.push(f1(27, get(ii + 1).map(|l| l.shape).unwrap_or(PAD_R)));
    out.push(f2(28, w.flags, (i == 0) as u64));
    out.push(f2(29, w.shape, (i == 0) as u64));
    out.push(f2(30, p1, w.suf3));
    out.push(f2(31, w.amb, get(ii + 1).map(|l| l.amb).unwrap_or(PAD_R)));
    out.push(f1(32, get(ii - 1).map(|l| l.shape).unwrap_or(PAD_L)));
    out.push(f2(33, w.suf2, lw(ii + 1)));
    out.push(f3(34, w.flags, w.capr, (i == 0) as u64));
    out.push(f3(35, w.flags, w.title, (i == 0) as u64));
    out.push(f2(
        36,
        w.flags,
        get(ii - 1).map(|l| l.flags).unwrap_or(PAD_L),
    ));
    out.push(f2(
        37,
        w.flags,
        get(ii + 1).map(|l| l.flags).unwrap_or(PAD_R),
    ));
    out.push(f3(38, w.capr, p1, w.flags));
    if clusters {
        let cf = |j: isize| {
            get(j)
                .map(|l| l.cf)
                .unwrap_or(if j < 0 { PAD_L } else { PAD_R })
        };
        out.push(f1(50, w.cf));
        out.push(f1(51, w.cc));
        out.push(f2(52, p1, w.cf));
        out.push(f1(53, cf(ii - 1)));
        out.push(f1(54, cf(ii + 1)));
        out.push(f2(55, w.cc, w.suf3));
    }
    if let Some(r) = right {
        let rt = |j: isize| -> u64 {
            if j as usize >= n {
                PAD_R
            } else {
                r[j as usize]
            }
        };
        let n1 = rt(ii + 1);
        let n2 = rt(ii + 2);
        out.push(f1(40, n1));
        out.push(f1(41, n2));
        out.push(f2(42, n1, n2));
        out.push(f2(43, p1, n1));
        out.push(f2(44, n1, w.lower));
        out.push(f3(45, n1, w.amb, p1));
        out.push(f2(46, r[i], w.amb));
        if clusters {
            out.push(f2(56, n1, w.cf));
        }
    }
}

/// A trained tagger and lemmatizer.
pub struct Tagger {
    classes: Vec<(Upos, String)>,
    tagdict: IdMap<u16>,
    amb: IdMap<u64>,
    capr: IdMap<u8>,
    clusters: Clusters,
    pass1: Model,
    pass2: Model,
    lemmatizer: Lemmatizer,
    /// Words whose pass-1 margin (in quantisation units of pass 1) reaches this keep their
    /// pass-1 tag without a second pass.
    skip_margin: i32,
}

/// Default of [`Tagger::set_skip_margin`], tuned on EWT dev (margins 6000-12000 tried: at
/// 10000 UPOS is unchanged, XPOS +0.03, GMB dev XPOS +0.01; the second pass runs for
/// fewer than half of the words).
pub const SKIP_MARGIN: i32 = 10_000;

/// One tagged word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged {
    pub upos: Upos,
    pub xpos: String,
    pub lemma: String,
}

static TAGGER_BYTES: &[u8] = include_bytes!("../models/tagger.bin");
static LEMMA_BYTES: &[u8] = include_bytes!("../models/lemma.bin");
static TAGGER: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();

impl Tagger {
    /// The tagger shipped in the binary (loaded once, on first use).
    pub fn embedded() -> &'static Tagger {
        TAGGER.get_or_init(|| {
            Tagger::from_bytes(TAGGER_BYTES, LEMMA_BYTES)
                .expect("embedded tagger model is malformed")
        })
    }

    /// Class ids (index into the class table) for each word.
    pub fn tag_ids(&self, words: &[&str]) -> Vec<usize> {
        let mut lex: Vec<Lex> = words
            .iter()
            .map(|w| lex_of(w, &self.amb, &self.capr, &self.clusters))
            .collect();
        let cl = !self.clusters.is_empty();
        set_title(&mut lex);
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0i32; self.classes.len()];
        let mut first = vec![0u64; words.len()];
        let mut ids = vec![0usize; words.len()];
        // Pass-1 margin (best minus second-best score) of each word; `i32::MAX` for words
        // tagged from the dictionary.
        let mut margin = vec![i32::MAX; words.len()];
        for pass in 0..2 {
            let mut tags = vec![0u64; words.len()];
            for i in 0..words.len() {
                let c = if let Some(&c) = self.tagdict.get(&lex[i].form) {
                    c as usize
                } else if pass == 1 && margin[i] >= self.skip_margin {
                    // Confident in pass 1: pass 2 would almost never change the tag.
                    ids[i]
                } else {
                    let (model, right) = if pass == 0 {
                        (&self.pass1, None)
                    } else {
                        (&self.pass2, Some(&first[..]))
                    };
                    features(&lex, i, &tags, right, cl, &mut feats);
                    model.score(&feats, &mut scores);
                    let (best, m) = argmax_margin(&scores);
                    if pass == 0 {
                        margin[i] = m;
                    }
                    best
                };
                tags[i] = c as u64 + 1;
                ids[i] = c;
            }
            first = tags;
        }
        ids
    }

    /// UPOS, XPOS and lemma of each word.
    pub fn tag(&self, words: &[&str]) -> Vec<Tagged> {
        let mut out: Vec<Tagged> = self
            .tag_ids(words)
            .into_iter()
            .zip(words)
            .map(|(c, w)| {
                let (upos, xpos) = &self.classes[c];
                Tagged {
                    upos: *upos,
                    xpos: xpos.clone(),
                    lemma: self.lemmatizer.lemma(w, xpos),
                }
            })
            .collect();
        repair_main_verb(words, &mut out);
        out
    }

    /// A copy with weights below `min_q` quantisation units removed (smaller and faster).
    pub fn pruned(&self, min_q: i16) -> Tagger {
        Tagger {
            classes: self.classes.clone(),
            tagdict: self.tagdict.clone(),
            amb: self.amb.clone(),
            capr: self.capr.clone(),
            clusters: self.clusters.clone(),
            pass1: self.pass1.pruned(min_q),
            pass2: self.pass2.pruned(min_q),
            lemmatizer: self.lemmatizer.clone(),
            skip_margin: self.skip_margin,
        }
    }

    /// The pass-1 margin from which a word keeps its pass-1 tag (`i32::MIN`: the tagger
    /// makes one pass).
    pub fn skip_margin(&self) -> i32 {
        self.skip_margin
    }

    /// This tagger without a lemmatizer (for a tagger of other tags than parts of speech).
    pub fn without_lemmas(mut self) -> Tagger {
        self.lemmatizer = Lemmatizer::train(std::iter::empty());
        self
    }

    /// This tagger making one pass only: its second-pass model is dropped.
    pub fn one_pass(mut self) -> Tagger {
        self.pass2 = self.pass2.pruned(i16::MAX);
        self.skip_margin = i32::MIN;
        self
    }

    /// Words whose first-pass margin (best minus second-best score, in the first pass's
    /// quantisation units) reaches `m` skip the second pass (`i32::MAX`: none skips).
    pub fn set_skip_margin(&mut self, m: i32) {
        self.skip_margin = m;
    }

    /// The lemma of a word with a given Penn tag.
    pub fn lemma(&self, word: &str, xpos: &str) -> String {
        self.lemmatizer.lemma(word, xpos)
    }

    pub fn class(&self, id: usize) -> (Upos, &str) {
        let (u, x) = &self.classes[id];
        (*u, x.as_str())
    }

    pub fn from_bytes(tagger: &[u8], lemma: &[u8]) -> Option<Tagger> {
        let mut r = Reader { b: tagger, pos: 0 };
        if r.take(4)? != b"NGTG" {
            return None;
        }
        let version = r.u32()?;
        if version != 1 && version != 2 {
            return None;
        }
        let n = r.u32()? as usize;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let u = Upos::parse(&r.string()?).unwrap_or(Upos::X);
            classes.push((u, r.string()?));
        }
        let n = r.u32()? as usize;
        let mut tagdict = IdMap::with_hasher(IdBuild::default());
        for _ in 0..n {
            let k = r.u64()?;
            let c = u16::from_le_bytes(r.take(2)?.try_into().ok()?);
            if c as usize >= classes.len() {
                return None;
            }
            tagdict.insert(k, c);
        }
        let n = r.u32()? as usize;
        let mut amb = IdMap::with_hasher(IdBuild::default());
        for _ in 0..n {
            let k = r.u64()?;
            amb.insert(k, r.u64()?);
        }
        let n = r.u32()? as usize;
        let mut capr = IdMap::with_hasher(IdBuild::default());
        for _ in 0..n {
            let k = r.u64()?;
            capr.insert(k, r.take(1)?[0]);
        }
        let l1 = r.u32()? as usize;
        let pass1 = Model::from_bytes(r.take(l1)?)?;
        let l2 = r.u32()? as usize;
        let pass2 = Model::from_bytes(r.take(l2)?)?;
        let clusters = if version >= 2 {
            Clusters::read(&mut r)?
        } else {
            Clusters::default()
        };
        if pass1.nclass != classes.len() || pass2.nclass != classes.len() {
            return None;
        }
        Some(Tagger {
            classes,
            tagdict,
            amb,
            capr,
            clusters,
            pass1,
            pass2,
            lemmatizer: Lemmatizer::from_bytes(lemma)?,
            skip_margin: SKIP_MARGIN,
        })
    }

    /// Serialises the tagger (format in the module docs) and, separately, the lemmatizer.
    pub fn to_bytes(&self) -> (Vec<u8>, Vec<u8>) {
        let mut out = Vec::new();
        out.extend_from_slice(b"NGTG");
        let version: u32 = if self.clusters.is_empty() { 1 } else { 2 };
        out.extend_from_slice(&version.to_le_bytes());
        out.extend_from_slice(&(self.classes.len() as u32).to_le_bytes());
        for (u, x) in &self.classes {
            put_string(&mut out, u.as_str());
            put_string(&mut out, x);
        }
        let mut d: Vec<_> = self.tagdict.iter().collect();
        d.sort();
        out.extend_from_slice(&(d.len() as u32).to_le_bytes());
        for (k, c) in d {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&c.to_le_bytes());
        }
        let mut a: Vec<_> = self.amb.iter().collect();
        a.sort();
        out.extend_from_slice(&(a.len() as u32).to_le_bytes());
        for (k, v) in a {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&v.to_le_bytes());
        }
        let mut c: Vec<_> = self.capr.iter().collect();
        c.sort();
        out.extend_from_slice(&(c.len() as u32).to_le_bytes());
        for (k, v) in c {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(*v);
        }
        for m in [&self.pass1, &self.pass2] {
            let b = m.to_bytes();
            out.extend_from_slice(&(b.len() as u32).to_le_bytes());
            out.extend_from_slice(&b);
        }
        if version == 2 {
            self.clusters.to_bytes(&mut out);
        }
        (out, self.lemmatizer.to_bytes())
    }
}

/// The best class and its margin over the second best.
fn argmax_margin(s: &[i32]) -> (usize, i32) {
    let mut best = 0;
    let mut second = i32::MIN;
    for (i, &v) in s.iter().enumerate() {
        if v > s[best] {
            second = s[best];
            best = i;
        } else if i != best && v > second {
            second = v;
        }
    }
    (
        best,
        s.get(best).copied().unwrap_or(0).saturating_sub(second),
    )
}

fn argmax_f(s: &[f32]) -> usize {
    let mut best = 0;
    for (i, &v) in s.iter().enumerate() {
        if v > s[best] {
            best = i;
        }
    }
    best
}

/// A small deterministic PRNG (xorshift64*) for shuffling.
pub(crate) struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Domain adaptation for the Penn-only extra corpus (Daumé 2007, one-sided): its instances
/// also fire a domain-specific copy of every feature, which absorbs that corpus's own tagging
/// conventions; the shared features, the only ones used at run time, keep EWT's.
fn add_domain_copies(feats: &mut Vec<u64>) {
    let n = feats.len();
    for k in 0..n {
        let f = feats[k];
        feats.push(crate::hash::finish(f ^ 0xD0_3A1A));
    }
}

/// Options of [`train_tagger`].
#[derive(Debug, Clone)]
pub struct TaggerOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Print progress to stderr.
    pub verbose: bool,
    /// Word clusters (e.g. [`Clusters::build`] over unlabeled text) the tagger keeps and
    /// uses as features; empty: none.
    pub clusters: Clusters,
    /// Drop features updated fewer times than this (1: keep all).
    pub min_count: u32,
    /// A tagger of other tags than parts of speech (e.g. the parser's supertags): no
    /// lemmatizer ([`Tagger::without_lemmas`]).
    pub no_lemmas: bool,
    /// One pass only ([`Tagger::one_pass`]).
    pub one_pass: bool,
    /// Drop weights below this many quantisation units ([`Tagger::pruned`]; 0: keep all).
    pub prune: i16,
}

impl Default for TaggerOptions {
    fn default() -> Self {
        TaggerOptions {
            epochs: 10,
            seed: 7,
            verbose: false,
            clusters: Clusters::default(),
            min_count: 1,
            no_lemmas: false,
            one_pass: false,
            prune: 0,
        }
    }
}

/// Trains the tagger (both passes) and the lemmatizer on EWT training sentences.
/// `dev` (may be empty) is only used to print accuracy per epoch when verbose.
///
/// `extra` holds sentences with Penn tags only (e.g. the GMB training part): for them the
/// perceptron treats every class with the right XPOS as correct and moves weight towards the
/// best-scoring one (learning from partial labels).
pub fn train_tagger(
    train: &[ConllSentence],
    extra: &[Vec<(String, String)>],
    dev: &[ConllSentence],
    opts: &TaggerOptions,
) -> Tagger {
    // Classes.
    let mut class_ix: HashMap<(String, String), usize> = HashMap::new();
    let mut classes: Vec<(Upos, String)> = Vec::new();
    let mut sents: Vec<(Vec<&str>, Vec<usize>)> = Vec::new();
    for s in train {
        let mut ids = Vec::new();
        for w in &s.words {
            let key = (w.upos.clone(), w.xpos.clone());
            let next = class_ix.len();
            let id = *class_ix.entry(key).or_insert(next);
            if id == classes.len() {
                classes.push((Upos::parse(&w.upos).unwrap_or(Upos::X), w.xpos.clone()));
            }
            ids.push(id);
        }
        sents.push((s.forms(), ids));
    }
    // Word statistics for the tag dictionary and ambiguity classes.
    let mut stats: HashMap<String, HashMap<usize, u32>> = HashMap::new();
    let mut form_stats: HashMap<&str, HashMap<usize, u32>> = HashMap::new();
    for (ws, ids) in &sents[..] {
        for (w, &c) in ws.iter().zip(ids) {
            *stats
                .entry(norm_lower(w))
                .or_default()
                .entry(c)
                .or_default() += 1;
            *form_stats.entry(w).or_default().entry(c).or_default() += 1;
        }
    }
    let mut amb = IdMap::with_hasher(IdBuild::default());
    for (w, m) in &stats {
        let total: u32 = m.values().sum();
        if total >= 3 {
            let mut tags: Vec<usize> = m
                .iter()
                .filter(|(_, &c)| c * 20 >= total || c >= 3)
                .map(|(&k, _)| k)
                .collect();
            tags.sort();
            let mut h = 0x77u64;
            for t in tags {
                h = crate::hash::mix(h, t as u64 + 1);
            }
            amb.insert(hash_str(w), crate::hash::finish(h));
        }
    }
    let mut tagdict = IdMap::with_hasher(IdBuild::default());
    for (w, m) in &form_stats {
        let total: u32 = m.values().sum();
        let (best, c) = m
            .iter()
            .max_by_key(|(k, c)| (**c, std::cmp::Reverse(**k)))
            .map(|(k, c)| (*k, *c))
            .unwrap_or((0, 0));
        if total >= 20 && c as f64 / total as f64 >= 0.995 {
            tagdict.insert(hash_str(w), best as u16);
        }
    }
    // Capitalisation ratio of each lower-cased word away from sentence starts.
    let mut capc: HashMap<String, (u32, u32)> = HashMap::new();
    for (ws, _) in &sents {
        for w in ws.iter().skip(1) {
            let e = capc.entry(norm_lower(w)).or_default();
            e.1 += 1;
            if w.chars().next().is_some_and(|c| c.is_uppercase()) {
                e.0 += 1;
            }
        }
    }
    let mut capr = IdMap::with_hasher(IdBuild::default());
    for (w, (c, t)) in capc {
        if t >= 2 {
            capr.insert(
                hash_str(&w),
                (c * 4 / t).min(4) as u8 + if t >= 10 { 0 } else { 5 },
            );
        }
    }
    let nclass = classes.len();
    // Partially labelled sentences: gold is a set of classes (all with the given XPOS).
    let mut by_xpos: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (_, x)) in classes.iter().enumerate() {
        by_xpos.entry(x.as_str()).or_default().push(i);
    }
    let empty: Vec<usize> = Vec::new();
    let n_main = sents.len();
    let mut cands: Vec<Vec<&Vec<usize>>> = vec![Vec::new(); n_main];
    for s in extra {
        sents.push((
            s.iter().map(|(w, _)| w.as_str()).collect(),
            vec![usize::MAX; s.len()],
        ));
        cands.push(
            s.iter()
                .map(|(_, x)| by_xpos.get(x.as_str()).unwrap_or(&empty))
                .collect(),
        );
    }
    let lex: Vec<Vec<Lex>> = sents
        .iter()
        .map(|(ws, _)| {
            let mut l: Vec<Lex> = ws
                .iter()
                .map(|w| lex_of(w, &amb, &capr, &opts.clusters))
                .collect();
            set_title(&mut l);
            l
        })
        .collect();
    let cl = !opts.clusters.is_empty();
    let mut rng = Rng(opts.seed);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut feats = Vec::with_capacity(64);
    let mut scores = vec![0f32; nclass];
    let mut models = Vec::new();
    // Pass 1 predictions on the training data for pass 2 (from the pass-1 model being trained
    // in the same epoch, so they carry realistic errors).
    let mut t1 = Trainer::new(nclass);
    let mut t2 = Trainer::new(nclass);
    let mut first_preds: Vec<Vec<u64>> = sents.iter().map(|(ws, _)| vec![0; ws.len()]).collect();
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let mut correct = 0usize;
        let mut total = 0usize;
        for &si in &order {
            let (_, gold) = &sents[si];
            let lx = &lex[si];
            let cand = &cands[si];
            let truth = |i: usize, scores: &[f32]| -> Option<usize> {
                if gold[i] != usize::MAX {
                    return Some(gold[i]);
                }
                cand[i]
                    .iter()
                    .copied()
                    .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
            };
            let mut tags = vec![0u64; gold.len()];
            for i in 0..gold.len() {
                features(lx, i, &tags, None, cl, &mut feats);
                if si >= n_main {
                    let n0 = feats.len();
                    add_domain_copies(&mut feats);
                    for &f in &feats[n0..] {
                        t1.skip.insert(f, ());
                    }
                }
                t1.score(&feats, &mut scores);
                let g = argmax_f(&scores);
                if let Some(tr) = truth(i, &scores) {
                    t1.update(&feats, tr, g, 1.0);
                }
                t1.tick();
                tags[i] = g as u64 + 1;
            }
            first_preds[si] = tags;
            let right = &first_preds[si];
            let mut tags = vec![0u64; gold.len()];
            for i in 0..gold.len() {
                features(lx, i, &tags, Some(right), cl, &mut feats);
                if si >= n_main {
                    let n0 = feats.len();
                    add_domain_copies(&mut feats);
                    for &f in &feats[n0..] {
                        t2.skip.insert(f, ());
                    }
                }
                t2.score(&feats, &mut scores);
                let g = argmax_f(&scores);
                let tr = truth(i, &scores);
                if let Some(tr) = tr {
                    t2.update(&feats, tr, g, 1.0);
                }
                t2.tick();
                tags[i] = g as u64 + 1;
                correct += (Some(g) == tr) as usize;
                total += 1;
            }
        }
        if opts.verbose {
            eprintln!(
                "tagger epoch {epoch}: train acc {:.4}, feats {}/{}",
                correct as f64 / total.max(1) as f64,
                t1.nfeat(),
                t2.nfeat()
            );
        }
    }
    models.push(t1.finish(opts.min_count, TAGGER_MIN_WEIGHT));
    models.push(t2.finish(opts.min_count, TAGGER_MIN_WEIGHT));
    let pass2 = models
        .pop()
        .unwrap_or_else(|| Trainer::new(nclass).finish(1, 0.0));
    let pass1 = models
        .pop()
        .unwrap_or_else(|| Trainer::new(nclass).finish(1, 0.0));
    let lemmatizer = Lemmatizer::train(train.iter().flat_map(|s| {
        s.words
            .iter()
            .map(|w| (w.form.as_str(), w.xpos.as_str(), w.lemma.as_str()))
    }));
    let clusters = opts.clusters.clone();
    let mut tagger = Tagger {
        classes,
        tagdict,
        amb,
        capr,
        clusters,
        pass1,
        pass2,
        lemmatizer,
        skip_margin: SKIP_MARGIN,
    };
    if opts.no_lemmas {
        tagger = tagger.without_lemmas();
    }
    if opts.one_pass {
        tagger = tagger.one_pass();
    }
    if opts.prune > 0 {
        tagger = tagger.pruned(opts.prune);
    }
    if opts.verbose && !dev.is_empty() {
        let acc = evaluate_tagger(&tagger, dev);
        eprintln!(
            "dev: upos {:.4} xpos {:.4} lemma {:.4}",
            acc.upos, acc.xpos, acc.lemma
        );
    }
    tagger
}

/// Accuracy figures of the tagger on gold-tokenized sentences.
#[derive(Debug, Clone, Copy, Default)]
pub struct TagAccuracy {
    pub upos: f64,
    pub xpos: f64,
    pub lemma: f64,
    pub tokens: usize,
}

/// Time words that follow a subject in news ("The EU on Monday imposed …") or follow a
/// participle as its adjunct ("The sanctions, announced last week, …").
fn is_time_word(w: &str) -> bool {
    const TIME_WORDS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "tonight",
        "last",
        "next",
        "this",
        "earlier",
        "later",
        "overnight",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    TIME_WORDS.iter().any(|t| t.eq_ignore_ascii_case(w))
}

/// The past tense a news sentence needs for its main verb, where the tagger read a past
/// participle: "The European Union on Monday imposed sanctions …", "Russia, which has bought
/// drones, rejected accusations …". A `VBN` becomes `VBD` when no finite verb or auxiliary
/// precedes it outside relative clauses (", which … ,"), a subject noun or pronoun does, the
/// word before it is a comma or a time word, and a noun phrase (not a time word, not
/// "by") follows it as its object, with no comma and finite verb after that phrase (the
/// participle of an apposition, "Hamas, designated a terrorist group by the EU, said …",
/// stays).
fn repair_main_verb(words: &[&str], tags: &mut [Tagged]) {
    let n = words.len();
    // a present-tense verb right after a possessive or an article, adverbs and adjectives
    // between, is a noun: "in his nightly address", "the attacks"
    for i in 1..n {
        if !matches!(tags[i].xpos.as_str(), "VBP" | "VB" | "VBZ") {
            continue;
        }
        let mut j = i;
        while j > 0 && matches!(tags[j - 1].xpos.as_str(), "RB" | "JJ" | "JJR" | "JJS") {
            j -= 1;
        }
        if j == 0 {
            continue;
        }
        let det = tags[j - 1].xpos == "PRP$"
            || ["the", "a", "an"]
                .iter()
                .any(|d| d.eq_ignore_ascii_case(words[j - 1]));
        if det {
            tags[i].xpos = if tags[i].xpos == "VBZ" { "NNS" } else { "NN" }.to_string();
            tags[i].upos = Upos::NOUN;
        }
    }
    let finite = |x: &str| matches!(x, "VBD" | "VBZ" | "VBP" | "MD");
    for i in 1..n.saturating_sub(1) {
        if tags[i].xpos != "VBN" || tags[i].upos != Upos::VERB {
            continue;
        }
        let prev = words[i - 1];
        // (right after its subject only when the sentence has no other verb that could be
        // its main one: "Bangladeshi police used tear gas to disperse crowds")
        let after_noun = matches!(tags[i - 1].xpos.as_str(), "NN" | "NNS" | "NNP" | "NNPS")
            && !(0..n)
                .any(|j| j != i && (finite(tags[j].xpos.as_str()) || tags[j].upos == Upos::AUX));
        if !(prev == "," || is_time_word(prev) || after_noun) {
            continue;
        }
        let next = &tags[i + 1];
        if !matches!(
            next.xpos.as_str(),
            "DT" | "PRP$" | "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "PRP"
        ) || is_time_word(words[i + 1])
        {
            continue;
        }
        // the words before, relative clauses left out
        let mut subject = false;
        let mut blocked = false;
        let mut in_rel = false;
        for j in 0..i {
            let relative = ["which", "who", "whose"]
                .iter()
                .any(|r| r.eq_ignore_ascii_case(words[j]));
            if j > 0 && words[j - 1] == "," && relative {
                in_rel = true;
                continue;
            }
            if words[j] == "," {
                in_rel = false;
                continue;
            }
            if in_rel {
                continue;
            }
            let x = tags[j].xpos.as_str();
            if finite(x)
                || tags[j].upos == Upos::AUX
                || tags[j].upos == Upos::SCONJ
                || x == "VBN"
                || x == "VBG"
                || x == "VB"
            {
                blocked = true;
                break;
            }
            if matches!(x, "NN" | "NNS" | "NNP" | "NNPS" | "PRP") {
                subject = true;
            }
        }
        if blocked || !subject {
            continue;
        }
        // an apposition's participle: "by" or a comma and a finite verb further on
        let seg_end = (i + 1..n).find(|&j| words[j] == ",").unwrap_or(n);
        let rest_apposition = (i + 1..seg_end).any(|j| words[j].eq_ignore_ascii_case("by"))
            || (i + 1..n.saturating_sub(1))
                .any(|j| words[j] == "," && finite(tags[j + 1].xpos.as_str()));
        if rest_apposition {
            continue;
        }
        tags[i].xpos = "VBD".to_string();
    }
}

/// Tags gold-tokenized sentences and compares UPOS, XPOS and lemma with the gold ones.
pub fn evaluate_tagger(t: &Tagger, sents: &[ConllSentence]) -> TagAccuracy {
    let (mut u, mut x, mut l, mut n) = (0usize, 0usize, 0usize, 0usize);
    for s in sents {
        let out = t.tag(&s.forms());
        for (o, w) in out.iter().zip(&s.words) {
            n += 1;
            u += (o.upos.as_str() == w.upos) as usize;
            x += (o.xpos == w.xpos) as usize;
            l += (o.lemma == w.lemma) as usize;
        }
    }
    let d = n.max(1) as f64;
    TagAccuracy {
        upos: u as f64 / d,
        xpos: x as f64 / d,
        lemma: l as f64 / d,
        tokens: n,
    }
}

/// A predicted XPOS in the Penn Treebank notation of the GMB table. newsgraph's XPOS follows
/// UD English EWT, which departs from that notation on two tokens: EWT tags a prepositional
/// "to" `IN` where the Penn Treebank tags every "to" `TO`, and GMB writes every straight double
/// quote `"` as `` `` `` (opening or closing), where EWT tells `` `` `` from `''`. Every other tag is
/// returned unchanged.
pub fn ptb_notation<'a>(word: &str, xpos: &'a str) -> &'a str {
    if xpos == "IN" && word.eq_ignore_ascii_case("to") {
        "TO"
    } else if xpos == "''" && word == "\"" {
        "``"
    } else {
        xpos
    }
}

/// XPOS accuracy on (word, Penn tag) sentences such as the GMB table's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct XposAccuracy {
    /// Share of tokens whose predicted tag, in the table's notation ([`ptb_notation`]), is
    /// the gold tag.
    pub ptb: f64,
    /// Share of tokens whose predicted tag (EWT notation) is the gold tag as it stands.
    pub raw: f64,
    /// Tokens scored.
    pub tokens: usize,
}

/// XPOS accuracy on (word, Penn tag) sentences such as the GMB table's, in the table's
/// notation and raw.
pub fn evaluate_xpos(t: &Tagger, sents: &[Vec<(String, String)>]) -> XposAccuracy {
    let (mut ok, mut raw, mut n) = (0usize, 0usize, 0usize);
    for s in sents {
        let words: Vec<&str> = s.iter().map(|(w, _)| w.as_str()).collect();
        for (c, (word, gold)) in t.tag_ids(&words).into_iter().zip(s) {
            n += 1;
            let p = t.class(c).1;
            raw += (p == gold) as usize;
            ok += (ptb_notation(word, p) == gold) as usize;
        }
    }
    let d = n.max(1) as f64;
    XposAccuracy {
        ptb: ok as f64 / d,
        raw: raw as f64 / d,
        tokens: n,
    }
}

/// The GMB split used throughout newsgraph: first 80% of sentences train, next 10% dev,
/// last 10% test. Returns (train, dev, test) slices.
pub fn gmb_split<T>(sents: &[T]) -> (&[T], &[T], &[T]) {
    let n = sents.len();
    let a = n * 8 / 10;
    let b = n * 9 / 10;
    (&sents[..a], &sents[a..b], &sents[b..])
}

/// Replaces the UPOS and XPOS of every training sentence by those of a tagger trained on the
/// other `folds - 1` folds (jackknifing), so that a parser trained on the result sees tagging
/// errors like those it will meet.
pub fn jackknife_tags(
    train: &[ConllSentence],
    folds: usize,
    opts: &TaggerOptions,
) -> Vec<ConllSentence> {
    jackknife_tags_split(train, folds, false, opts)
}

/// [`jackknife_tags`] with the folds as `folds` contiguous blocks of sentences (`contiguous`)
/// instead of every `folds`-th sentence. EWT keeps a document's sentences together, so with
/// interleaved folds a held-out sentence's neighbours (same names, same topic) train its
/// tagger, and the tags come out cleaner than on unseen text.
pub fn jackknife_tags_split(
    train: &[ConllSentence],
    folds: usize,
    contiguous: bool,
    opts: &TaggerOptions,
) -> Vec<ConllSentence> {
    jackknife_tags_extra(train, &[], folds, contiguous, opts)
}

/// [`jackknife_tags_split`] with fold taggers that also learn from `extra` Penn-tagged
/// sentences (as [`train_tagger`]'s `extra`, e.g. the GMB training part, as the shipped
/// tagger does).
pub fn jackknife_tags_extra(
    train: &[ConllSentence],
    extra: &[Vec<(String, String)>],
    folds: usize,
    contiguous: bool,
    opts: &TaggerOptions,
) -> Vec<ConllSentence> {
    let folds = folds.max(2);
    let len = train.len().max(1);
    let fold_of = move |i: usize| {
        if contiguous {
            i * folds / len
        } else {
            i % folds
        }
    };
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(folds);
    // Tag assignments per fold, computed `threads` folds at a time.
    let mut results: Vec<Vec<(usize, Vec<usize>, Vec<(Upos, String)>)>> = Vec::new();
    let mut k0 = 0;
    while k0 < folds {
        let k1 = (k0 + threads).min(folds);
        let chunk: Vec<_> = std::thread::scope(|sc| {
            let handles: Vec<_> = (k0..k1)
                .map(|k| {
                    sc.spawn(move || {
                        let rest: Vec<ConllSentence> = train
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| fold_of(*i) != k)
                            .map(|(_, s)| s.clone())
                            .collect();
                        let t = train_tagger(
                            &rest,
                            extra,
                            &[],
                            &TaggerOptions {
                                verbose: false,
                                ..opts.clone()
                            },
                        );
                        let mut out = Vec::new();
                        for (i, s) in train.iter().enumerate().filter(|(i, _)| fold_of(*i) == k) {
                            let ids = t.tag_ids(&s.forms());
                            out.push((i, ids, t.classes.clone()));
                        }
                        out
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect::<Vec<_>>()
        });
        results.extend(chunk);
        if opts.verbose {
            eprintln!("jackknife: {k1}/{folds} folds done");
        }
        k0 = k1;
    }
    let mut out: Vec<ConllSentence> = train.to_vec();
    for fold in results {
        for (i, ids, classes) in fold {
            for (w, c) in out[i].words.iter_mut().zip(ids) {
                let (u, x) = &classes[c];
                w.upos = u.as_str().to_string();
                w.xpos = x.clone();
            }
        }
    }
    out
}

/// Weights below this fraction of the largest are pruned from the finished tagger (400
/// quantisation units: a third of the size, no loss on EWT dev).
const TAGGER_MIN_WEIGHT: f32 = 399.5 / 32767.0;
