//! The named-entity tagger: a first-order structured averaged perceptron (Viterbi training
//! and decoding; older greedy left-to-right models still load) over BILOU labels (older
//! models: BIO), with word, shape, affix, context, previous-label, gazetteer (the knowledge
//! base), given-name (`data/ner/first-names.txt`), word-cluster ([`crate::clusters`])
//! and document-memory ([`History`]: the types the tagger gave a word in the document's
//! previous sentences; [`Model::tag_document`]) features. Trained on the GMB corpus (`newsgraph train ner`); the model is a compact
//! binary file (`models/ner.bin`, format below) embedded in the binary. Whatever the
//! model's encoding, [`Model::tag`] returns BIO label indices ([`labels`]).
//!
//! Training ([`train`]) is the structured perceptron by default; [`Update`] selects the
//! variants measured in `models/README.md` (passive-aggressive steps, cost-augmented
//! decoding, a feature count cut-off, feature dropout).
//!
//! Model file format (little endian): magic `NGNER5\0\0` (first-order, BILOU labels,
//! document memory; followed by the u32 number of sentences remembered),
//! `NGNER3\0\0` (first-order, BILOU labels),
//! `NGNER4\0\0` (first-order, BILOU plus a `TIM` label read as `O`: [`Scheme::BilouTim`]),
//! `NGNER2\0\0` (first-order, BIO) or `NGNER1\0\0` (greedy, BIO); u32 number of labels;
//! for each label a u8 length and its UTF-8 name; f32 scale; u32 number of features; then
//! for each feature (sorted by key): u32 feature hash, a bit mask of the labels with a
//! non-zero weight (u16 when there are at most 16 labels, else u32), and one i16 weight per
//! set bit. A weight is `i16 / scale`. Then (optional) the lower-case vocabulary: u32
//! count, then per word a u8 length and its bytes. Then (optional) the word clusters
//! ([`crate::clusters`]): u32 count, then per word a u8 length, its bytes, u16 coarse and
//! u16 fine cluster. Then (optional) the capitalisation-propensity buckets
//! ([`Clusters::count_caps`]): u32 count, then per word a u8 length, its bytes and a u8
//! bucket. Models without the buckets give no capitalisation features.

use crate::clusters::Clusters;
use crate::gazetteer::Gazetteer;
use crate::kb::{Kb, NameRef};
use newsgraph_core::EntityType;
use std::collections::{HashMap, HashSet};

/// GMB-style label set (B/I × type, plus O).
pub const TYPES: [&str; 7] = ["PER", "ORG", "GEO", "GPE", "EVE", "ART", "NAT"];

/// The BIO labels: `O`, then `B-T`, `I-T` for each of [`TYPES`] (index `1 + 2t` and `2 + 2t`).
pub fn labels() -> Vec<String> {
    Scheme::Bio.labels()
}

/// Number of BIO labels.
pub const NL: usize = 15;

/// Largest number of labels of any encoding (BILOU with a time label: 1 + 4 × 7 + 1).
pub const MAXL: usize = 30;

/// Document memory (`Update::history`): the tags a word can carry from the tagger's
/// labels of it in the document's previous sentences: `-` (not seen, or not capitalised),
/// `O` (seen outside any name), or the type it mostly had.
pub const HIST_TAGS: [&str; 9] = ["-", "O", "PER", "ORG", "GEO", "GPE", "EVE", "ART", "NAT"];

/// What the tagger said of the capitalised words of the last `k` sentences of a document
/// (Ratinov and Roth 2009's "extended prediction history"): a name typed PER in one
/// sentence is likely PER again two sentences later. Fed the tagger's own labels
/// ([`History::push`]) sentence by sentence; [`SentFeats::set_history`] reads it.
#[derive(Debug, Clone, Default)]
pub struct History {
    k: usize,
    /// Per remembered sentence: (capitalised word, 0 for O or 1 + type index).
    sents: std::collections::VecDeque<Vec<(String, u8)>>,
}

impl History {
    /// A memory of the last `k` sentences (0: remembers nothing).
    pub fn new(k: usize) -> History {
        History {
            k,
            sents: std::collections::VecDeque::new(),
        }
    }

    /// The memory tag ([`HIST_TAGS`]) of each word: the type it had most often in the
    /// remembered sentences (ties: the later sentence's), `O` when only outside names.
    pub fn tags<S: AsRef<str>>(&self, words: &[S]) -> Vec<&'static str> {
        words
            .iter()
            .map(|w| {
                let w = w.as_ref();
                if self.sents.is_empty() || !w.chars().next().is_some_and(char::is_uppercase) {
                    return HIST_TAGS[0];
                }
                let mut counts = [0u32; 8];
                let mut last = None;
                for s in &self.sents {
                    for (x, t) in s {
                        if x == w {
                            counts[*t as usize] += 1;
                            last = Some(*t as usize);
                        }
                    }
                }
                let Some(last) = last else {
                    return HIST_TAGS[0];
                };
                let mut best = last;
                for (t, &c) in counts.iter().enumerate() {
                    if c > counts[best] {
                        best = t;
                    }
                }
                HIST_TAGS[1 + best]
            })
            .collect()
    }

    /// Remembers a tagged sentence (BIO labels, [`labels`]), forgetting the oldest beyond `k`.
    pub fn push<S: AsRef<str>>(&mut self, words: &[S], bio: &[usize]) {
        if self.k == 0 {
            return;
        }
        let mut s = Vec::new();
        for (w, &l) in words.iter().zip(bio) {
            let w = w.as_ref();
            if w.chars().next().is_some_and(char::is_uppercase) {
                let t = if l == 0 || l > 2 * TYPES.len() {
                    0
                } else {
                    1 + (l - 1) / 2
                };
                s.push((w.to_string(), t as u8));
            }
        }
        self.sents.push_back(s);
        while self.sents.len() > self.k {
            self.sents.pop_front();
        }
    }
}

/// The BIO label index given to GMB `tim` words in training samples (see
/// [`Scheme::BilouTim`]); every other encoding reads it as `O`.
pub const TIM_BIO: usize = NL;

/// The label encoding of a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// `O`, `B-T`, `I-T`.
    Bio,
    /// `O`, `B-T` (first of several), `I-T` (inside), `L-T` (last), `U-T` (a one-word
    /// name): Ratinov and Roth (2009).
    Bilou,
    /// [`Scheme::Bilou`] plus one label `TIM` (index 29) for the words of GMB time
    /// expressions, which the tagger outputs as `O` (times are the time component's job):
    /// the model learns them as a class of their own instead of lumping them with other
    /// words.
    BilouTim,
}

impl Scheme {
    fn per_type(self) -> usize {
        match self {
            Scheme::Bio => 2,
            Scheme::Bilou | Scheme::BilouTim => 4,
        }
    }

    /// Number of labels.
    pub fn len(self) -> usize {
        1 + self.per_type() * TYPES.len() + usize::from(self == Scheme::BilouTim)
    }

    /// The index of the `TIM` label, if the scheme has one.
    fn tim(self) -> Option<usize> {
        (self == Scheme::BilouTim).then_some(1 + 4 * TYPES.len())
    }

    /// The label names, `O` first.
    pub fn labels(self) -> Vec<String> {
        let mut v = vec!["O".to_string()];
        let pre: &[&str] = match self {
            Scheme::Bio => &["B", "I"],
            Scheme::Bilou | Scheme::BilouTim => &["B", "I", "L", "U"],
        };
        for t in TYPES {
            for p in pre {
                v.push(format!("{p}-{t}"));
            }
        }
        if self.tim().is_some() {
            v.push("TIM".to_string());
        }
        v
    }

    /// Type index and position (0 B, 1 I, 2 L, 3 U) of a label; None for `O`.
    fn parts(self, l: usize) -> Option<(usize, usize)> {
        (l != 0 && Some(l) != self.tim())
            .then(|| ((l - 1) / self.per_type(), (l - 1) % self.per_type()))
    }

    /// Whether the label continues a name (I, L).
    fn continues(self, l: usize) -> bool {
        matches!(self.parts(l), Some((_, 1 | 2)))
    }

    /// Whether a name is still open after this label (B, I): only I or L may follow.
    fn open(self, l: usize) -> bool {
        match self {
            Scheme::Bio => false,
            Scheme::Bilou | Scheme::BilouTim => matches!(self.parts(l), Some((_, 0 | 1))),
        }
    }

    /// Whether label `l` may follow `prev` (None: the sentence start). BIO: I-X only after
    /// B-X or I-X. BILOU: I-X and L-X only after B-X or I-X, and after B-X or I-X only
    /// I-X or L-X.
    pub fn allowed(self, l: usize, prev: Option<usize>) -> bool {
        let prev_open = prev.is_some_and(|p| self.open(p));
        if !self.continues(l) {
            return !prev_open;
        }
        let Some(p) = prev else { return false };
        let (t, _) = self.parts(l).unwrap_or((usize::MAX, 0));
        match (self, self.parts(p)) {
            (Scheme::Bio, Some((tp, _))) => tp == t,
            (Scheme::Bilou | Scheme::BilouTim, Some((tp, 0 | 1))) => tp == t,
            _ => false,
        }
    }

    /// Whether a sentence may end with label `l` (BILOU: not inside an open name).
    pub fn may_end(self, l: usize) -> bool {
        !self.open(l)
    }

    /// The BIO label index of a label of this scheme (B and U → B, I and L → I).
    pub fn to_bio(self, l: usize) -> usize {
        match self.parts(l) {
            None => 0,
            Some((t, p)) => 1 + 2 * t + usize::from(p == 1 || p == 2),
        }
    }

    /// A BIO label sequence in this scheme ([`TIM_BIO`] becomes `TIM` or `O`).
    pub fn from_bio(self, bio: &[usize]) -> Vec<usize> {
        if self == Scheme::Bio {
            return bio
                .iter()
                .map(|&l| if l == TIM_BIO { 0 } else { l })
                .collect();
        }
        let mut out = Vec::with_capacity(bio.len());
        for (i, &l) in bio.iter().enumerate() {
            if l == 0 || l == TIM_BIO {
                out.push(if l == TIM_BIO {
                    self.tim().unwrap_or(0)
                } else {
                    0
                });
                continue;
            }
            let t = (l - 1) / 2;
            // A name starts at B-X, or at an I-X not after X.
            let starts = l % 2 == 1 || i == 0 || bio[i - 1] == 0 || (bio[i - 1] - 1) / 2 != t;
            let ends = bio
                .get(i + 1)
                .is_none_or(|&n| n == 0 || n % 2 == 1 || (n - 1) / 2 != t);
            let pos = match (starts, ends) {
                (true, true) => 3,
                (true, false) => 0,
                (false, false) => 1,
                (false, true) => 2,
            };
            out.push(1 + 4 * t + pos);
        }
        out
    }
}

/// A span found by the tagger: token range in the sentence/view and its type.
#[derive(Debug, Clone, PartialEq)]
pub struct NerSpan {
    pub toks: std::ops::Range<usize>,
    pub etype: EntityType,
    /// The GMB label ("PER", "GEO", ...).
    pub label: &'static str,
}

/// Maps a GMB type to an output entity type; geo becomes GPE or LOC by form.
pub fn gmb_to_etype(t: &str, words: &[&str]) -> Option<EntityType> {
    Some(match t {
        "PER" => EntityType::Person,
        "ORG" => EntityType::Org,
        "GEO" => {
            let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
            if matches!(
                last.as_str(),
                "river"
                    | "mountains"
                    | "mountain"
                    | "sea"
                    | "ocean"
                    | "gulf"
                    | "valley"
                    | "strait"
                    | "straits"
                    | "peninsula"
                    | "desert"
                    | "island"
                    | "islands"
                    | "lake"
                    | "bay"
                    | "region"
                    | "coast"
                    | "canal"
                    | "mount"
                    | "mt."
                    | "range"
                    | "basin"
                    | "plateau"
                    | "east"
                    | "west"
                    | "asia"
                    | "europe"
                    | "africa"
                    | "america"
                    | "pole"
                    | "channel"
            ) {
                EntityType::Loc
            } else {
                EntityType::Gpe
            }
        }
        "GPE" => EntityType::Norp,
        "EVE" => EntityType::Event,
        "ART" => EntityType::Product,
        "NAT" => EntityType::Event,
        _ => return None,
    })
}

// ---------------------------------------------------------------- feature hashing

const FNV_OFFSET: u64 = 0xcbf29ce484222325;
const FNV_PRIME: u64 = 0x100000001b3;

#[inline]
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

#[inline]
fn feat(tid: u8, parts: &[&str]) -> u32 {
    let mut h = fnv(FNV_OFFSET, &[tid]);
    for p in parts {
        h = fnv(h, p.as_bytes());
        h = fnv(h, &[0x1f]);
    }
    (h ^ (h >> 32)) as u32
}

fn shape(w: &str) -> String {
    let mut s = String::new();
    let mut last = ' ';
    let mut n = 0;
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k == last {
            n += 1;
            if n > 1 {
                continue;
            }
        } else {
            n = 0;
        }
        s.push(k);
        last = k;
    }
    s
}

/// One spelling for the bracket tags (GMB writes `LRB`, UD EWT `-LRB-`).
fn norm_pos(p: &str) -> &str {
    match p {
        "LRB" => "-LRB-",
        "RRB" => "-RRB-",
        _ => p,
    }
}

/// Per-token precomputed strings.
pub struct SentFeats {
    words: Vec<String>,
    lower: Vec<String>,
    shapes: Vec<String>,
    gaz: Vec<&'static str>,
    /// Capitalised words that are common lower-case words ("Will", "Great").
    common: Vec<bool>,
    /// Coarse and fine word clusters ("-" when the word has none).
    coarse: Vec<String>,
    fine: Vec<String>,
    /// Capitalised given names (`data/ner/first-names.txt`).
    first: Vec<bool>,
    /// Penn part-of-speech tags, empty when none were given.
    pos: Vec<String>,
    /// Capitalisation-propensity buckets ("0".."4", "-" unseen); empty when the model has
    /// none.
    capb: Vec<String>,
    /// Document-memory tags ([`HIST_TAGS`]); empty when none were set.
    hist: Vec<&'static str>,
}

fn gaz_class(r: NameRef) -> &'static str {
    match r {
        NameRef::Country(_) => "CTRY",
        NameRef::Demonym(_) => "DEM",
        NameRef::Capital(_) => "CAP",
        NameRef::Place(_) => "PLACE",
        NameRef::Org(_) => "ORG",
        NameRef::Person(_) => "PER",
    }
}

const GAZ_TAGS: [&str; 13] = [
    "-", "B-CTRY", "I-CTRY", "B-DEM", "I-DEM", "B-CAP", "I-CAP", "B-PLACE", "I-PLACE", "B-ORG",
    "I-ORG", "B-PER", "I-PER",
];

fn gaz_tag(b: bool, class: &str) -> &'static str {
    let s = format!("{}-{}", if b { "B" } else { "I" }, class);
    GAZ_TAGS.iter().copied().find(|t| *t == s).unwrap_or("-")
}

impl SentFeats {
    /// The features of a sentence. `pos`: the words' Penn part-of-speech tags (XPOS), or
    /// empty when the sentence was not tagged (then no part-of-speech feature fires).
    pub fn new(
        words: &[&str],
        pos: &[&str],
        kb: &Kb,
        gaz: &Gazetteer,
        vocab: &HashSet<String>,
        clusters: &Clusters,
    ) -> SentFeats {
        let cl: Vec<Option<(u16, u16)>> = words.iter().map(|w| clusters.get(w)).collect();
        let coarse = cl
            .iter()
            .map(|c| c.map_or("-".to_string(), |c| c.0.to_string()))
            .collect();
        let fine = cl
            .iter()
            .map(|c| c.map_or("-".to_string(), |c| c.1.to_string()))
            .collect();
        let common = words
            .iter()
            .map(|w| w.chars().any(|c| c.is_uppercase()) && vocab.contains(&w.to_lowercase()))
            .collect();
        let words_s: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let lower = words.iter().map(|w| w.to_lowercase()).collect();
        let shapes = words.iter().map(|w| shape(w)).collect();
        // Gazetteer over the words joined by spaces.
        let mut text = String::new();
        let mut starts = Vec::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            starts.push(text.len());
            text.push_str(w);
        }
        let mut g = vec!["-"; words.len()];
        for m in gaz.find(kb, &text) {
            let Some(r) = m.refs.first() else { continue };
            let class = gaz_class(*r);
            let a = starts.partition_point(|&s| s < m.span.start);
            let b = starts.partition_point(|&s| s < m.span.end);
            for (k, slot) in g.iter_mut().enumerate().take(b).skip(a) {
                *slot = gaz_tag(k == a, class);
            }
        }
        let first: Vec<bool> = words
            .iter()
            .map(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && crate::lexicon::is_first_name(&w.to_lowercase())
            })
            .collect();
        let pos = if pos.len() == words.len() && pos.iter().all(|p| !p.is_empty()) {
            pos.iter().map(|p| norm_pos(p).to_string()).collect()
        } else {
            Vec::new()
        };
        let capb = if clusters.cap.is_empty() {
            Vec::new()
        } else {
            words
                .iter()
                .map(|w| {
                    clusters
                        .cap_of(w)
                        .map_or("-".to_string(), |b| b.to_string())
                })
                .collect()
        };
        SentFeats {
            words: words_s,
            lower,
            shapes,
            gaz: g,
            common,
            coarse,
            fine,
            first,
            pos,
            capb,
            hist: Vec::new(),
        }
    }

    /// Sets the document-memory tags of the words from `h` (for a model trained with
    /// them, [`Model::history`]); capitalised words whose lower-case form is in the
    /// model's vocabulary get none.
    pub fn set_history(&mut self, h: &History) {
        self.hist = h.tags(&self.words);
        // Not for capitalised common words ("President", "Party", "Day"): one wrong reading
        // of a headline's "E.C. President" would spread to every "President" after it.
        for (t, &c) in self.hist.iter_mut().zip(&self.common) {
            if c {
                *t = HIST_TAGS[0];
            }
        }
        if self.hist.iter().all(|t| *t == HIST_TAGS[0]) {
            self.hist.clear();
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Features of token `i` given the two previous labels.
    pub fn features(&self, i: usize, p1: &str, p2: &str, out: &mut Vec<u32>) {
        self.emission(i, out);
        self.transition(i, p1, out);
        out.push(feat(22, &[p2, p1]));
    }

    /// Features of token `i` that depend on the previous label `p1` (appended to `out`).
    pub fn transition(&self, i: usize, p1: &str, out: &mut Vec<u32>) {
        out.push(feat(21, &[p1]));
        out.push(feat(23, &[p1, self.lower[i].as_str()]));
        out.push(feat(24, &[p1, self.shapes[i].as_str()]));
        out.push(feat(28, &[p1, self.gaz[i]]));
        out.push(feat(45, &[p1, self.coarse[i].as_str()]));
    }

    /// Features of token `i` that do not depend on the labels (`out` is cleared first).
    pub fn emission(&self, i: usize, out: &mut Vec<u32>) {
        out.clear();
        let n = self.words.len();
        let w = self.words[i].as_str();
        let lw = self.lower[i].as_str();
        let sh = self.shapes[i].as_str();
        fn get(v: &[String], i: usize, k: isize, n: usize) -> &str {
            let j = i as isize + k;
            if j < 0 {
                "<s>"
            } else if j as usize >= n {
                "</s>"
            } else {
                v[j as usize].as_str()
            }
        }
        let getg = |k: isize| -> &str {
            let j = i as isize + k;
            if j < 0 || j as usize >= n {
                "#"
            } else {
                self.gaz[j as usize]
            }
        };
        out.push(feat(0, &[]));
        out.push(feat(1, &[w]));
        out.push(feat(2, &[lw]));
        out.push(feat(3, &[sh]));
        let chars: Vec<char> = lw.chars().collect();
        for k in 1..=3 {
            if chars.len() >= k {
                let p: String = chars[..k].iter().collect();
                out.push(feat(4 + k as u8, &[&p]));
            }
        }
        for k in 1..=4 {
            if chars.len() >= k {
                let s: String = chars[chars.len() - k..].iter().collect();
                out.push(feat(8 + k as u8, &[&s]));
            }
        }
        let l1 = get(&self.lower, i, -1, n);
        let l2 = get(&self.lower, i, -2, n);
        let r1 = get(&self.lower, i, 1, n);
        let r2 = get(&self.lower, i, 2, n);
        out.push(feat(13, &[l1]));
        out.push(feat(14, &[l2]));
        out.push(feat(15, &[r1]));
        out.push(feat(16, &[r2]));
        out.push(feat(17, &[l1, lw]));
        out.push(feat(18, &[lw, r1]));
        let s1 = get(&self.shapes, i, -1, n);
        let s_1 = get(&self.shapes, i, 1, n);
        out.push(feat(19, &[s1, sh]));
        out.push(feat(20, &[sh, s_1]));
        out.push(feat(25, &[getg(0)]));
        out.push(feat(26, &[getg(-1), getg(0), getg(1)]));
        out.push(feat(27, &[getg(0), sh]));
        if i == 0 {
            out.push(feat(29, &[sh]));
        }
        out.push(feat(30, &[get(&self.words, i, -1, n)]));
        out.push(feat(31, &[get(&self.words, i, 1, n)]));
        out.push(feat(32, &[l1, s_1]));
        out.push(feat(33, &[s1, r1]));
        if w.contains('-') {
            out.push(feat(34, &[]));
        }
        if self.common[i] {
            out.push(feat(35, &[sh]));
            out.push(feat(36, &[if i == 0 { "0" } else { "n" }, l1]));
        }
        // Word clusters.
        let c0 = self.coarse[i].as_str();
        let f0 = self.fine[i].as_str();
        out.push(feat(40, &[c0]));
        out.push(feat(41, &[f0]));
        out.push(feat(42, &[get(&self.fine, i, -1, n)]));
        out.push(feat(43, &[get(&self.fine, i, 1, n)]));
        out.push(feat(44, &[c0, sh]));
        out.push(feat(
            46,
            &[get(&self.coarse, i, -1, n), c0, get(&self.coarse, i, 1, n)],
        ));
        // Given names (data/ner/first-names.txt) at -1, 0, +1: "Ms. Dana Kowalski".
        let fb = |j: isize| -> &str {
            if j < 0 || j as usize >= n {
                "#"
            } else if self.first[j as usize] {
                "1"
            } else {
                "0"
            }
        };
        out.push(feat(
            50,
            &[fb(i as isize - 1), fb(i as isize), fb(i as isize + 1)],
        ));
        // Capitalisation propensity (models with it): this word's, its neighbours', this
        // word's × shape, × sentence start and capital letter.
        if !self.capb.is_empty() {
            let b0 = self.capb[i].as_str();
            out.push(feat(70, &[b0]));
            out.push(feat(71, &[get(&self.capb, i, -1, n)]));
            out.push(feat(72, &[get(&self.capb, i, 1, n)]));
            out.push(feat(73, &[b0, sh]));
            let upper = w.chars().next().is_some_and(char::is_uppercase);
            out.push(feat(
                74,
                &[
                    b0,
                    if i == 0 { "0" } else { "n" },
                    if upper { "X" } else { "x" },
                ],
            ));
        }
        // Document memory (when set): the type the word had in the previous sentences, with
        // its shape, its gazetteer tag and the neighbours' memory.
        if !self.hist.is_empty() && self.hist[i] != HIST_TAGS[0] {
            let h = self.hist[i];
            let hn = |j: isize| -> &str {
                if j < 0 || j as usize >= n {
                    "#"
                } else {
                    self.hist[j as usize]
                }
            };
            out.push(feat(80, &[h]));
            out.push(feat(81, &[h, sh]));
            out.push(feat(82, &[h, self.gaz[i]]));
            out.push(feat(83, &[hn(i as isize - 1), h, hn(i as isize + 1)]));
        }
        // Part of speech (when tagged): this word's, its neighbours', the bigrams.
        if !self.pos.is_empty() {
            let p0 = self.pos[i].as_str();
            let pl = get(&self.pos, i, -1, n);
            let pr = get(&self.pos, i, 1, n);
            out.push(feat(60, &[p0]));
            out.push(feat(61, &[pl]));
            out.push(feat(62, &[pr]));
            out.push(feat(63, &[pl, p0]));
            out.push(feat(64, &[p0, pr]));
            out.push(feat(65, &[p0, sh]));
        }
    }
}

// ---------------------------------------------------------------- model

/// The trained, quantised model.
pub struct Model {
    /// The label names of the model's encoding ([`Scheme::labels`]).
    pub labels: Vec<String>,
    /// The label encoding.
    pub scheme: Scheme,
    /// Words seen in lower case in the training data.
    pub vocab: HashSet<String>,
    /// Word clusters used by the features.
    pub clusters: Clusters,
    /// Trained and decoded as a first-order sequence model (Viterbi), else greedily.
    pub first_order: bool,
    /// Document memory: the number of previous sentences whose labels the model's features
    /// read (0: none; see [`History`] and [`Model::tag_document`]).
    pub history: usize,
    index: HashMap<u32, u32>,
    weights: Vec<[f32; MAXL]>,
}

impl Model {
    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        let mut p = 0usize;
        let take = |p: &mut usize, n: usize| -> Result<&[u8], String> {
            let s = b.get(*p..*p + n).ok_or("model file truncated")?;
            *p += n;
            Ok(s)
        };
        let (first_order, scheme) = match take(&mut p, 8)? {
            b"NGNER1\0\0" => (false, Scheme::Bio),
            b"NGNER2\0\0" => (true, Scheme::Bio),
            b"NGNER3\0\0" => (true, Scheme::Bilou),
            b"NGNER4\0\0" => (true, Scheme::BilouTim),
            b"NGNER5\0\0" => (true, Scheme::Bilou),
            _ => return Err("not a newsgraph NER model".into()),
        };
        let history = if &b[..8] == b"NGNER5\0\0" {
            u32::from_le_bytes(take(&mut p, 4)?.try_into().map_err(|_| "bad")?) as usize
        } else {
            0
        };
        let nl = u32::from_le_bytes(take(&mut p, 4)?.try_into().map_err(|_| "bad")?) as usize;
        if nl != scheme.len() {
            return Err(format!("model has {nl} labels, expected {}", scheme.len()));
        }
        let mut labels = Vec::new();
        for _ in 0..nl {
            let n = take(&mut p, 1)?[0] as usize;
            labels.push(String::from_utf8(take(&mut p, n)?.to_vec()).map_err(|_| "bad label")?);
        }
        let scale = f32::from_le_bytes(take(&mut p, 4)?.try_into().map_err(|_| "bad")?);
        let nf = u32::from_le_bytes(take(&mut p, 4)?.try_into().map_err(|_| "bad")?) as usize;
        let mut keys = Vec::with_capacity(nf);
        let mut weights = Vec::with_capacity(nf);
        for _ in 0..nf {
            let k = u32::from_le_bytes(take(&mut p, 4)?.try_into().map_err(|_| "bad")?);
            let mask = if nl <= 16 {
                u16::from_le_bytes(take(&mut p, 2)?.try_into().map_err(|_| "bad")?) as u32
            } else {
                u32::from_le_bytes(take(&mut p, 4)?.try_into().map_err(|_| "bad")?)
            };
            let mut w = [0f32; MAXL];
            for (l, slot) in w.iter_mut().enumerate().take(nl) {
                if mask & (1 << l) != 0 {
                    let q = i16::from_le_bytes(take(&mut p, 2)?.try_into().map_err(|_| "bad")?);
                    *slot = q as f32 / scale;
                }
            }
            keys.push(k);
            weights.push(w);
        }
        let mut vocab = HashSet::new();
        if p < b.len() {
            let n = u32::from_le_bytes(take(&mut p, 4)?.try_into().map_err(|_| "bad")?) as usize;
            for _ in 0..n {
                let k = take(&mut p, 1)?[0] as usize;
                vocab.insert(String::from_utf8(take(&mut p, k)?.to_vec()).map_err(|_| "bad word")?);
            }
        }
        let mut clusters = Clusters::default();
        if p < b.len() {
            let n = u32::from_le_bytes(take(&mut p, 4)?.try_into().map_err(|_| "bad")?) as usize;
            for _ in 0..n {
                let k = take(&mut p, 1)?[0] as usize;
                let w = String::from_utf8(take(&mut p, k)?.to_vec()).map_err(|_| "bad word")?;
                let a = u16::from_le_bytes(take(&mut p, 2)?.try_into().map_err(|_| "bad")?);
                let c = u16::from_le_bytes(take(&mut p, 2)?.try_into().map_err(|_| "bad")?);
                clusters.map.insert(w, (a, c));
            }
        }
        if p < b.len() {
            let n = u32::from_le_bytes(take(&mut p, 4)?.try_into().map_err(|_| "bad")?) as usize;
            for _ in 0..n {
                let k = take(&mut p, 1)?[0] as usize;
                let w = String::from_utf8(take(&mut p, k)?.to_vec()).map_err(|_| "bad word")?;
                let bucket = take(&mut p, 1)?[0];
                clusters.cap.insert(w, bucket);
            }
        }
        let index = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, i as u32))
            .collect();
        Ok(Model {
            labels,
            scheme,
            vocab,
            clusters,
            first_order,
            history,
            index,
            weights,
        })
    }

    /// The embedded model (None when the crate was built without one). For evaluating a
    /// retrained model without rebuilding, the environment variable `NG_NER_MODEL` may name
    /// a model file to use instead (an unreadable or invalid file falls back to the
    /// embedded one, with a warning on standard error).
    pub fn embedded() -> Option<&'static Model> {
        static M: std::sync::OnceLock<Option<Model>> = std::sync::OnceLock::new();
        M.get_or_init(|| {
            if let Some(path) = std::env::var_os("NG_NER_MODEL") {
                let loaded = std::fs::read(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|b| Model::from_bytes(&b).map_err(|e| e.to_string()));
                match loaded {
                    Ok(m) => return Some(m),
                    // never silent: say why the override was not used
                    Err(e) => eprintln!(
                        "warning: NG_NER_MODEL={}: {e}; using the embedded NER model",
                        path.to_string_lossy()
                    ),
                }
            }
            let bytes: &[u8] = include_bytes!("../models/ner.bin");
            if bytes.is_empty() {
                None
            } else {
                Model::from_bytes(bytes).ok()
            }
        })
        .as_ref()
    }

    fn score(&self, feats: &[u32], out: &mut [f32; MAXL]) {
        *out = [0.0; MAXL];
        for f in feats {
            if let Some(&i) = self.index.get(f) {
                let w = &self.weights[i as usize];
                for l in 0..MAXL {
                    out[l] += w[l];
                }
            }
        }
    }

    /// BIO labels of each sentence of a document (words), in order: with a model trained
    /// with document memory ([`Model::history`]), each sentence reads the labels of the
    /// previous ones; `pos`: each sentence's Penn tags (or empty).
    pub fn tag_document(
        &self,
        sents: &[(Vec<&str>, Vec<&str>)],
        kb: &Kb,
        gaz: &Gazetteer,
    ) -> Vec<Vec<usize>> {
        let mut h = History::new(self.history);
        sents
            .iter()
            .map(|(words, pos)| {
                let mut sf = SentFeats::new(words, pos, kb, gaz, &self.vocab, &self.clusters);
                if self.history > 0 {
                    sf.set_history(&h);
                }
                let labels = self.tag(&sf);
                h.push(words, &labels);
                labels
            })
            .collect()
    }

    /// BIO labels ([`labels`]) for one sentence, with the encoding's constraints: Viterbi
    /// for a first-order model, else greedy.
    pub fn tag(&self, sf: &SentFeats) -> Vec<usize> {
        if self.first_order {
            let raw = viterbi(sf, &self.labels, self.scheme, |f, out| self.score(f, out));
            return raw.into_iter().map(|l| self.scheme.to_bio(l)).collect();
        }
        let mut out = Vec::with_capacity(sf.len());
        let mut feats = Vec::with_capacity(40);
        let mut scores = [0f32; MAXL];
        for i in 0..sf.len() {
            let p1 = out
                .last()
                .map(|&l: &usize| self.labels[l].as_str())
                .unwrap_or("<s>");
            let p2 = if out.len() >= 2 {
                self.labels[out[out.len() - 2]].as_str()
            } else {
                "<s>"
            };
            sf.features(i, p1, p2, &mut feats);
            self.score(&feats, &mut scores);
            let prev = out.last().copied();
            let best = decode_label(&scores, prev);
            out.push(best);
        }
        out
    }
}

/// Whether label `l` may follow `prev` in the first-order model: the encoding's
/// constraints ([`Scheme::allowed`]), and no new name right after a name of the same type
/// (two names of one type back to back are almost never separate entities in GMB).
fn allowed_first_order(scheme: Scheme, l: usize, prev: Option<usize>) -> bool {
    if !scheme.allowed(l, prev) {
        return false;
    }
    if scheme.continues(l) {
        return true;
    }
    let (Some((t, _)), Some(Some((tp, _)))) = (scheme.parts(l), prev.map(|p| scheme.parts(p)))
    else {
        return true;
    };
    t != tp
}

/// Best label sequence (in the scheme's labels) under a first-order model; `score` sums
/// the weights of features.
fn viterbi(
    sf: &SentFeats,
    labels: &[String],
    scheme: Scheme,
    score: impl FnMut(&[u32], &mut [f32; MAXL]),
) -> Vec<usize> {
    viterbi_cost(sf, labels, scheme, score, None)
}

/// [`viterbi`], optionally cost-augmented (training only): `cost = Some((gold, rho))` adds
/// `rho` to the score of every label that differs from the gold label of its token, so
/// the decoder looks for the sequence that is both high-scoring and wrong (loss-augmented
/// inference, Hamming loss).
fn viterbi_cost(
    sf: &SentFeats,
    labels: &[String],
    scheme: Scheme,
    mut score: impl FnMut(&[u32], &mut [f32; MAXL]),
    cost: Option<(&[usize], f32)>,
) -> Vec<usize> {
    let n = sf.len();
    let nl = labels.len().min(MAXL);
    if n == 0 {
        return Vec::new();
    }
    let mut feats = Vec::with_capacity(48);
    let mut em = [0f32; MAXL];
    let mut tr = [0f32; MAXL];
    let mut delta = vec![[f32::NEG_INFINITY; MAXL]; n];
    let mut back = vec![[0u8; MAXL]; n];
    for i in 0..n {
        sf.emission(i, &mut feats);
        score(&feats, &mut em);
        if let Some((gold, rho)) = cost {
            for (l, e) in em.iter_mut().enumerate().take(nl) {
                if gold.get(i) != Some(&l) {
                    *e += rho;
                }
            }
        }
        if i == 0 {
            feats.clear();
            sf.transition(0, "<s>", &mut feats);
            score(&feats, &mut tr);
            for l in 0..nl {
                if allowed_first_order(scheme, l, None) {
                    delta[0][l] = em[l] + tr[l];
                }
            }
            continue;
        }
        for p in 0..nl {
            let dp = delta[i - 1][p];
            if dp == f32::NEG_INFINITY {
                continue;
            }
            feats.clear();
            sf.transition(i, &labels[p], &mut feats);
            score(&feats, &mut tr);
            for l in 0..nl {
                if !allowed_first_order(scheme, l, Some(p)) {
                    continue;
                }
                let v = dp + tr[l] + em[l];
                if v > delta[i][l] {
                    delta[i][l] = v;
                    back[i][l] = p as u8;
                }
            }
        }
    }
    let mut best = 0;
    for l in 0..nl {
        if scheme.may_end(l) && delta[n - 1][l] > delta[n - 1][best] {
            best = l;
        }
    }
    let mut out = vec![0usize; n];
    out[n - 1] = best;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i]] as usize;
    }
    out
}

/// The best allowed label (greedy BIO tagger). Two names of one type back to back are
/// almost never separate entities in the training data (B-X after X: 9 of 135,000
/// entities in GMB); the greedy tagger still sometimes starts a new one
/// ("Kathy/B-PER Mayfield/B-PER"): it continues the current one instead.
fn decode_label(scores: &[f32; MAXL], prev: Option<usize>) -> usize {
    let best = best_label(scores, prev);
    if best != 0 && best % 2 == 1 && prev.is_some_and(|p| p != 0 && (p + 1) / 2 == (best + 1) / 2) {
        best + 1
    } else {
        best
    }
}

fn best_label(scores: &[f32; MAXL], prev: Option<usize>) -> usize {
    let mut best = 0;
    let mut bs = f32::NEG_INFINITY;
    for (l, &s) in scores.iter().enumerate().take(NL) {
        if Scheme::Bio.allowed(l, prev) && s > bs {
            bs = s;
            best = l;
        }
    }
    best
}

/// Spans from a label sequence: (start, end, type index into TYPES).
pub fn spans_of(labels: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let l = labels[i];
        if l == 0 {
            i += 1;
            continue;
        }
        let t = (l - 1) / 2;
        let mut j = i + 1;
        while j < labels.len() && labels[j] == 2 + 2 * t {
            j += 1;
        }
        out.push((i, j, t));
        i = j;
    }
    out
}

/// Label index of a BIO string ("B-PER"), mapping GMB lower-case tags; tim → O.
pub fn label_index(tag: &str) -> usize {
    if tag == "O" || tag.len() < 3 {
        return 0;
    }
    let (bi, t) = tag.split_at(2);
    let t = t.to_uppercase();
    match TYPES.iter().position(|x| *x == t) {
        Some(k) => 1 + 2 * k + usize::from(bi.starts_with('I')),
        None => 0,
    }
}

// ---------------------------------------------------------------- training

/// A training sentence: words and gold label indices.
#[derive(Clone)]
pub struct Sample {
    pub words: Vec<String>,
    /// Penn part-of-speech tags (empty: none).
    pub pos: Vec<String>,
    pub labels: Vec<usize>,
}

struct Acc {
    w: [f32; MAXL],
    tot: [f64; MAXL],
    ts: [u32; MAXL],
}

/// The update rule of the first-order trainer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Update {
    /// 0: the plain perceptron step (every differing feature moves by 1). Above 0: a
    /// structured passive-aggressive step (PA-I, Crammer et al. 2006): the gold and
    /// predicted feature vectors are moved apart by
    /// `tau = min(pa_c, (loss - margin) / |diff|^2)`, where `loss` is the number of wrongly
    /// labelled tokens and `margin` the score of the gold sequence minus that of the
    /// prediction.
    pub pa_c: f32,
    /// Cost-augmented decoding during training: every wrong label of a token gets this much
    /// extra score (0: plain Viterbi).
    pub cost: f32,
    /// Label-independent features seen on fewer training words than this are never
    /// learned (0 or 1: all are).
    pub min_count: u32,
    /// Feature dropout (perceptron step only): the share of features left out of the
    /// decoding and update of each training sentence, drawn afresh for every sentence
    /// from a fixed hash (0: none).
    pub dropout: f32,
    /// Document memory (first-order BILOU models only): features of the labels a word had
    /// in the previous `history` sentences ([`History`]; 0: none). The training sentences'
    /// memory comes from 4-fold jackknifed labels over contiguous blocks of the (ordered)
    /// training sentences, as noisy as the tagger's own labels at run time.
    pub history: usize,
}

/// Whether feature `f` takes part in the training step with dropout seed `seed`.
fn keep_feat(f: u32, seed: u64, p: f32) -> bool {
    if p <= 0.0 {
        return true;
    }
    let mut h = (f as u64) ^ seed;
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51afd7ed558ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ceb9fe1a85ec53);
    h ^= h >> 33;
    ((h >> 40) as f32) / ((1u64 << 24) as f32) >= p
}

impl Default for Update {
    fn default() -> Self {
        Update {
            pa_c: 0.0,
            cost: 0.0,
            min_count: 0,
            dropout: 0.0,
            history: 0,
        }
    }
}

/// Trains an averaged perceptron; deterministic (fixed shuffling seed).
///
/// `first_order`: a structured perceptron (Collins 2002): each sentence is decoded with
/// Viterbi over the current weights and, where it differs from the gold sequence, the
/// features of the gold labels are rewarded and those of the predicted ones penalised; the
/// model is then decoded with Viterbi too, over the labels of `scheme` (the samples' BIO
/// labels are converted). Else a greedy BIO tagger trained on its own history.
///
/// `rule`: the first-order update ([`Update`]; the default is the plain perceptron).
#[allow(clippy::too_many_arguments)]
pub fn train(
    samples: &[Sample],
    epochs: usize,
    runs: usize,
    kb: &Kb,
    gaz: &Gazetteer,
    clusters: &Clusters,
    first_order: bool,
    scheme: Scheme,
    rule: Update,
    mut log: impl FnMut(&str),
) -> Vec<u8> {
    train_dyn(
        samples,
        epochs,
        runs,
        kb,
        gaz,
        clusters,
        first_order,
        scheme,
        rule,
        &mut log,
    )
}

#[allow(clippy::too_many_arguments)]
fn train_dyn(
    samples: &[Sample],
    epochs: usize,
    runs: usize,
    kb: &Kb,
    gaz: &Gazetteer,
    clusters: &Clusters,
    first_order: bool,
    scheme: Scheme,
    rule: Update,
    log: &mut dyn FnMut(&str),
) -> Vec<u8> {
    let scheme = if first_order { scheme } else { Scheme::Bio };
    let nl = scheme.len();
    let golds: Vec<Vec<usize>> = samples.iter().map(|s| scheme.from_bio(&s.labels)).collect();
    // Lower-case vocabulary: words seen at least 3 times in lower case.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for s in samples {
        for w in &s.words {
            if w.len() < 40
                && w.chars().any(|c| c.is_alphabetic())
                && !w.chars().any(|c| c.is_uppercase())
            {
                *counts.entry(w.as_str()).or_default() += 1;
            }
        }
    }
    let mut vocab_list: Vec<String> = counts
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .map(|(w, _)| w.to_string())
        .collect();
    vocab_list.sort();
    let vocab: HashSet<String> = vocab_list.iter().cloned().collect();
    let mut feats: Vec<SentFeats> = samples
        .iter()
        .map(|s| {
            let w: Vec<&str> = s.words.iter().map(|x| x.as_str()).collect();
            let p: Vec<&str> = s.pos.iter().map(|x| x.as_str()).collect();
            SentFeats::new(&w, &p, kb, gaz, &vocab, clusters)
        })
        .collect();
    let history = if first_order && scheme == Scheme::Bilou {
        rule.history
    } else {
        0
    };
    if history > 0 {
        let jk = jackknife_labels(samples, epochs, kb, gaz, clusters, scheme, rule, log);
        let mut h = History::new(history);
        for ((sf, s), labels) in feats.iter_mut().zip(samples).zip(&jk) {
            sf.set_history(&h);
            h.push(&s.words, labels);
        }
    }
    let labels = scheme.labels();
    // Feature count cut-off (emission features only).
    let mut fv = Vec::with_capacity(48);
    let keep: Option<HashSet<u32>> = (rule.min_count > 1).then(|| {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for sf in &feats {
            for i in 0..sf.len() {
                sf.emission(i, &mut fv);
                for f in &fv {
                    *counts.entry(*f).or_default() += 1;
                }
            }
        }
        let keep: HashSet<u32> = counts
            .iter()
            .filter(|(_, &n)| n >= rule.min_count)
            .map(|(f, _)| *f)
            .collect();
        log(&format!(
            "{} of {} word features seen at least {} times",
            keep.len(),
            counts.len(),
            rule.min_count
        ));
        keep
    });
    // `runs` perceptrons trained with different shuffling seeds; their averaged weights are
    // averaged again (the same as summing their scores: the model is linear).
    let mut sum: HashMap<u32, [f32; MAXL]> = HashMap::new();
    for run in 0..runs.max(1) {
        let mut table: HashMap<u32, Acc> = HashMap::new();
        let mut t: u32 = 0;
        let mut order: Vec<usize> = (0..samples.len()).collect();
        let mut rng: u64 = 0x9e3779b97f4a7c15 ^ (run as u64).wrapping_mul(0x2545f4914f6cdd1d);
        let mut fv = Vec::with_capacity(40);
        for ep in 0..epochs {
            // Fisher-Yates with a fixed xorshift generator.
            for i in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                let j = (rng % (i as u64 + 1)) as usize;
                order.swap(i, j);
            }
            let mut correct = 0usize;
            let mut total = 0usize;
            for &si in &order {
                let sf = &feats[si];
                let gold = &golds[si];
                if first_order {
                    let cost = (rule.cost > 0.0).then_some((gold.as_slice(), rule.cost));
                    let dseed = (t as u64 + 1).wrapping_mul(0x9e3779b97f4a7c15)
                        ^ (run as u64).wrapping_mul(0xd1b54a32d192ed03);
                    let dp = if rule.pa_c > 0.0 { 0.0 } else { rule.dropout };
                    let pred = viterbi_cost(
                        sf,
                        &labels,
                        scheme,
                        |f, out| {
                            *out = [0.0; MAXL];
                            for k in f {
                                if !keep_feat(*k, dseed, dp) {
                                    continue;
                                }
                                if let Some(a) = table.get(k) {
                                    for l in 0..nl {
                                        out[l] += a.w[l];
                                    }
                                }
                            }
                        },
                        cost,
                    );
                    t += 1;
                    if rule.pa_c > 0.0 {
                        // Passive-aggressive: collect gold minus predicted features,
                        // merged per (feature, label) in a fixed order.
                        let mut diff: Vec<(u32, u8, f32)> = Vec::new();
                        let mut loss = 0usize;
                        for i in 0..sf.len() {
                            total += 1;
                            let (g, p) = (gold[i], pred[i]);
                            let gp = if i == 0 { None } else { Some(gold[i - 1]) };
                            let pp = if i == 0 { None } else { Some(pred[i - 1]) };
                            if g == p {
                                correct += 1;
                                if gp == pp {
                                    continue;
                                }
                            } else {
                                loss += 1;
                                sf.emission(i, &mut fv);
                                if let Some(k) = &keep {
                                    fv.retain(|f| k.contains(f));
                                }
                                for f in &fv {
                                    diff.push((*f, g as u8, 1.0));
                                    diff.push((*f, p as u8, -1.0));
                                }
                            }
                            fv.clear();
                            sf.transition(i, gp.map_or("<s>", |x| labels[x].as_str()), &mut fv);
                            diff.extend(fv.iter().map(|f| (*f, g as u8, 1.0)));
                            fv.clear();
                            sf.transition(i, pp.map_or("<s>", |x| labels[x].as_str()), &mut fv);
                            diff.extend(fv.iter().map(|f| (*f, p as u8, -1.0)));
                        }
                        if loss == 0 {
                            continue;
                        }
                        diff.sort_by_key(|x| (x.0, x.1));
                        let mut merged: Vec<(u32, u8, f32)> = Vec::with_capacity(diff.len());
                        for (f, l, d) in diff {
                            match merged.last_mut() {
                                Some(m) if m.0 == f && m.1 == l => m.2 += d,
                                _ => merged.push((f, l, d)),
                            }
                        }
                        merged.retain(|m| m.2 != 0.0);
                        let mut margin = 0f64;
                        let mut norm2 = 0f64;
                        for &(f, l, d) in &merged {
                            norm2 += (d * d) as f64;
                            if let Some(a) = table.get(&f) {
                                margin += (d * a.w[l as usize]) as f64;
                            }
                        }
                        if norm2 == 0.0 {
                            continue;
                        }
                        let tau =
                            ((loss as f64 - margin) / norm2).clamp(0.0, rule.pa_c as f64) as f32;
                        if tau == 0.0 {
                            continue;
                        }
                        for (f, l, d) in merged {
                            let l = l as usize;
                            let a = table.entry(f).or_insert(Acc {
                                w: [0.0; MAXL],
                                tot: [0.0; MAXL],
                                ts: [0; MAXL],
                            });
                            a.tot[l] += (t - a.ts[l]) as f64 * a.w[l] as f64;
                            a.ts[l] = t;
                            a.w[l] += tau * d;
                        }
                        continue;
                    }
                    for i in 0..sf.len() {
                        total += 1;
                        let (g, p) = (gold[i], pred[i]);
                        let gp = if i == 0 { None } else { Some(gold[i - 1]) };
                        let pp = if i == 0 { None } else { Some(pred[i - 1]) };
                        if g == p && gp == pp {
                            correct += 1;
                            continue;
                        }
                        if g == p {
                            correct += 1;
                        }
                        let mut upd = |fv: &[u32], l: usize, d: f32| {
                            for f in fv.iter().filter(|f| keep_feat(**f, dseed, dp)) {
                                let a = table.entry(*f).or_insert(Acc {
                                    w: [0.0; MAXL],
                                    tot: [0.0; MAXL],
                                    ts: [0; MAXL],
                                });
                                a.tot[l] += (t - a.ts[l]) as f64 * a.w[l] as f64;
                                a.ts[l] = t;
                                a.w[l] += d;
                            }
                        };
                        if g != p {
                            sf.emission(i, &mut fv);
                            if let Some(k) = &keep {
                                fv.retain(|f| k.contains(f));
                            }
                            upd(&fv, g, 1.0);
                            upd(&fv, p, -1.0);
                        }
                        fv.clear();
                        sf.transition(i, gp.map_or("<s>", |x| labels[x].as_str()), &mut fv);
                        upd(&fv, g, 1.0);
                        fv.clear();
                        sf.transition(i, pp.map_or("<s>", |x| labels[x].as_str()), &mut fv);
                        upd(&fv, p, -1.0);
                    }
                    continue;
                }
                let mut pred: Vec<usize> = Vec::with_capacity(gold.len());
                for i in 0..sf.len() {
                    let p1 = pred.last().map(|&l| labels[l].as_str()).unwrap_or("<s>");
                    let p2 = if pred.len() >= 2 {
                        labels[pred[pred.len() - 2]].as_str()
                    } else {
                        "<s>"
                    };
                    sf.features(i, p1, p2, &mut fv);
                    let mut scores = [0f32; MAXL];
                    for f in &fv {
                        if let Some(a) = table.get(f) {
                            for l in 0..nl {
                                scores[l] += a.w[l];
                            }
                        }
                    }
                    // Training keeps the plain best label (continuing same-type names here
                    // too measured worse on the GMB dev part).
                    let guess = best_label(&scores, pred.last().copied());
                    let g = gold[i];
                    t += 1;
                    if guess != g {
                        for f in &fv {
                            let a = table.entry(*f).or_insert(Acc {
                                w: [0.0; MAXL],
                                tot: [0.0; MAXL],
                                ts: [0; MAXL],
                            });
                            for (l, d) in [(g, 1.0f32), (guess, -1.0f32)] {
                                a.tot[l] += (t - a.ts[l]) as f64 * a.w[l] as f64;
                                a.ts[l] = t;
                                a.w[l] += d;
                            }
                        }
                    } else {
                        correct += 1;
                    }
                    total += 1;
                    // Train on the predicted history (greedy decoding at test time).
                    pred.push(guess);
                }
            }
            log(&format!(
                "run {} epoch {}: token accuracy {:.4}",
                run + 1,
                ep + 1,
                correct as f64 / total.max(1) as f64
            ));
        }
        // Average.
        for (k, a) in table.iter_mut() {
            let w = sum.entry(*k).or_insert([0f32; MAXL]);
            for l in 0..nl {
                let tot = a.tot[l] + (t - a.ts[l]) as f64 * a.w[l] as f64;
                w[l] += (tot / t as f64) as f32 / runs.max(1) as f32;
            }
        }
    }
    let mut avg: Vec<(u32, [f32; MAXL])> = sum.into_iter().collect();
    avg.sort_by_key(|x| x.0);
    // Quantise.
    let maxw = avg
        .iter()
        .flat_map(|(_, w)| w.iter())
        .fold(0f32, |m, x| m.max(x.abs()));
    let scale = if maxw > 0.0 { 32000.0 / maxw } else { 1.0 };
    let mut out = Vec::new();
    out.extend_from_slice(match (first_order, scheme) {
        (false, _) => b"NGNER1\0\0",
        (true, Scheme::Bio) => b"NGNER2\0\0",
        (true, Scheme::Bilou) if history > 0 => b"NGNER5\0\0",
        (true, Scheme::Bilou) => b"NGNER3\0\0",
        (true, Scheme::BilouTim) => b"NGNER4\0\0",
    });
    if history > 0 {
        out.extend_from_slice(&(history as u32).to_le_bytes());
    }
    out.extend_from_slice(&(nl as u32).to_le_bytes());
    for l in &labels {
        out.push(l.len() as u8);
        out.extend_from_slice(l.as_bytes());
    }
    out.extend_from_slice(&scale.to_le_bytes());
    let mut body = Vec::new();
    let mut nf = 0u32;
    // Drop weights whose quantised magnitude is tiny.
    let min_q: i32 = 1;
    for (k, w) in &avg {
        let q: Vec<i32> = w
            .iter()
            .take(nl)
            .map(|x| (x * scale).round() as i32)
            .collect();
        let mut mask = 0u32;
        for (l, &v) in q.iter().enumerate() {
            if v.abs() >= min_q {
                mask |= 1 << l;
            }
        }
        if mask == 0 {
            continue;
        }
        nf += 1;
        body.extend_from_slice(&k.to_le_bytes());
        if nl <= 16 {
            body.extend_from_slice(&(mask as u16).to_le_bytes());
        } else {
            body.extend_from_slice(&mask.to_le_bytes());
        }
        for (l, &v) in q.iter().enumerate() {
            if mask & (1 << l) != 0 {
                body.extend_from_slice(&(v.clamp(-32767, 32767) as i16).to_le_bytes());
            }
        }
    }
    out.extend_from_slice(&nf.to_le_bytes());
    out.extend_from_slice(&body);
    let vocab_list: Vec<&String> = vocab_list.iter().filter(|w| w.len() < 256).collect();
    out.extend_from_slice(&(vocab_list.len() as u32).to_le_bytes());
    for w in vocab_list {
        out.push(w.len() as u8);
        out.extend_from_slice(w.as_bytes());
    }
    clusters.to_bytes(&mut out);
    if !clusters.cap.is_empty() {
        clusters.caps_to_bytes(&mut out);
    }
    log(&format!(
        "{} features kept of {}; model {} bytes",
        nf,
        avg.len(),
        out.len()
    ));
    out
}

/// BIO labels of every sample from models that did not see it: the samples (in document
/// order) are cut into four contiguous blocks, and each block is tagged by a one-run model
/// trained on the other three without document memory (trained two at a time).
#[allow(clippy::too_many_arguments)]
fn jackknife_labels(
    samples: &[Sample],
    epochs: usize,
    kb: &Kb,
    gaz: &Gazetteer,
    clusters: &Clusters,
    scheme: Scheme,
    rule: Update,
    log: &mut dyn FnMut(&str),
) -> Vec<Vec<usize>> {
    const FOLDS: usize = 4;
    let n = samples.len();
    let bounds: Vec<(usize, usize)> = (0..FOLDS)
        .map(|f| (f * n / FOLDS, (f + 1) * n / FOLDS))
        .collect();
    let inner = Update { history: 0, ..rule };
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for pair in bounds.chunks(2) {
        let results: Vec<(usize, Vec<Vec<usize>>)> = std::thread::scope(|sc| {
            let handles: Vec<_> = pair
                .iter()
                .map(|&(a, b)| {
                    sc.spawn(move || {
                        let rest: Vec<Sample> =
                            samples[..a].iter().chain(&samples[b..]).cloned().collect();
                        let bytes = train_dyn(
                            &rest,
                            epochs,
                            1,
                            kb,
                            gaz,
                            clusters,
                            true,
                            scheme,
                            inner,
                            &mut |_| {},
                        );
                        let model =
                            Model::from_bytes(&bytes).expect("a model just trained reads back");
                        let labels = samples[a..b]
                            .iter()
                            .map(|s| {
                                let w: Vec<&str> = s.words.iter().map(|x| x.as_str()).collect();
                                let p: Vec<&str> = s.pos.iter().map(|x| x.as_str()).collect();
                                model.tag(&SentFeats::new(
                                    &w,
                                    &p,
                                    kb,
                                    gaz,
                                    &model.vocab,
                                    &model.clusters,
                                ))
                            })
                            .collect();
                        (a, labels)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("jackknife thread"))
                .collect()
        });
        for (a, labels) in results {
            for (k, l) in labels.into_iter().enumerate() {
                out[a + k] = l;
            }
        }
    }
    let correct: usize = samples
        .iter()
        .zip(&out)
        .map(|(s, l)| {
            s.labels
                .iter()
                .zip(l)
                .filter(|(g, p)| **g == **p || (**g == TIM_BIO && **p == 0))
                .count()
        })
        .sum();
    let total: usize = samples.iter().map(|s| s.labels.len()).sum();
    log(&format!(
        "document memory: {FOLDS}-fold jackknifed labels, token accuracy {:.4}",
        correct as f64 / total.max(1) as f64
    ));
    out
}

// ---------------------------------------------------------------- corpora

/// Reads the GMB table (`Sentence #,Word,POS,Tag`). Returns sentences of (word, tag).
pub fn read_gmb(text: &str) -> Vec<Vec<(String, String)>> {
    read_gmb_pos(text)
        .into_iter()
        .map(|s| s.into_iter().map(|(w, _, t)| (w, t)).collect())
        .collect()
}

/// Reads the GMB table. Returns sentences of (word, Penn POS tag, NER tag).
pub fn read_gmb_pos(text: &str) -> Vec<Vec<(String, String, String)>> {
    let mut out: Vec<Vec<(String, String, String)>> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if i == 0 {
            continue;
        }
        let line = line.trim_end_matches('\r');
        let f = csv_fields(line);
        if f.len() < 4 {
            continue;
        }
        if !f[0].is_empty() || out.is_empty() {
            out.push(Vec::new());
        }
        if let Some(s) = out.last_mut() {
            s.push((f[1].clone(), f[2].clone(), f[3].clone()));
        }
    }
    out
}

fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut inq = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if inq {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    cur.push('"');
                    chars.next();
                } else {
                    inq = false;
                }
            } else {
                cur.push(c);
            }
        } else if c == '"' {
            inq = true;
        } else if c == ',' {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out
}

/// The GMB split: (train, dev, test) sentence index ranges (80/10/10).
pub fn gmb_split(
    n: usize,
) -> (
    std::ops::Range<usize>,
    std::ops::Range<usize>,
    std::ops::Range<usize>,
) {
    let a = n * 8 / 10;
    let b = n * 9 / 10;
    (0..a, a..b, b..n)
}

/// Reads a UNER IOB2 file: sentences of (word, tag).
pub fn read_iob2(text: &str) -> Vec<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut cur: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() >= 3 {
            cur.push((f[1].to_string(), f[2].to_string()));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Reads a UNER IOB2 file by document: a `# newdoc` comment line starts a new document
/// (a file without any is one document); each document is a list of sentences of (word, tag).
pub fn read_iob2_docs(text: &str) -> Vec<Vec<Vec<(String, String)>>> {
    let mut docs: Vec<Vec<Vec<(String, String)>>> = vec![Vec::new()];
    let mut cur: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with("# newdoc") {
            if !cur.is_empty() {
                if let Some(d) = docs.last_mut() {
                    d.push(std::mem::take(&mut cur));
                }
            }
            if line.starts_with("# newdoc") && docs.last().is_some_and(|d| !d.is_empty()) {
                docs.push(Vec::new());
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() >= 3 {
            cur.push((f[1].to_string(), f[2].to_string()));
        }
    }
    if !cur.is_empty() {
        if let Some(d) = docs.last_mut() {
            d.push(cur);
        }
    }
    docs.retain(|d| !d.is_empty());
    docs
}

/// Gold spans from BIO tags: (start, end, type) with the type upper-cased.
pub fn bio_spans(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let t = &tags[i];
        if t.len() > 2 && (t.starts_with("B-") || t.starts_with("I-")) {
            let ty = t[2..].to_uppercase();
            let mut j = i + 1;
            while j < tags.len()
                && tags[j].len() > 2
                && tags[j].starts_with("I-")
                && tags[j][2..].to_uppercase() == ty
            {
                j += 1;
            }
            out.push((i, j, ty));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Trains the tagger on the first 80% of the GMB sentences (the documented split) and
/// returns the model file bytes. Word clusters are computed from the words of that part
/// plus `unlabeled` (tokenised sentences of other text); with `caps`, the same text gives
/// the words' capitalisation propensity ([`Clusters::count_caps`]) and its features.
/// Deterministic.
#[allow(clippy::too_many_arguments)]
pub fn train_gmb(
    gmb_csv: &str,
    unlabeled: &[Vec<String>],
    epochs: usize,
    runs: usize,
    first_order: bool,
    scheme: Scheme,
    rule: Update,
    use_pos: bool,
    caps: bool,
    tagger: Option<crate::eval::PosTagger>,
    mut log: impl FnMut(&str),
) -> Result<Vec<u8>, String> {
    let sents = read_gmb_pos(gmb_csv);
    if sents.len() < 10 {
        return Err("the GMB file has too few sentences".into());
    }
    let (train_r, _, _) = gmb_split(sents.len());
    let mut samples: Vec<Sample> = Vec::new();
    // Deterministic augmentation for other genres, for the greedy tagger only: every third
    // sentence also appears without its final full stop (web text, headings, signatures),
    // every seventh also as a fragment of its first words. The first-order model does
    // better without it (GMB dev 0.849 -> 0.852, UNER dev 0.625 -> 0.624).
    let augment = !first_order;
    for (k, s) in sents[train_r.clone()].iter().enumerate() {
        let words: Vec<String> = s.iter().map(|x| x.0.clone()).collect();
        let pos: Vec<String> = match (use_pos, tagger) {
            (false, _) => Vec::new(),
            (true, None) => s.iter().map(|x| x.1.clone()).collect(),
            (true, Some(t)) => t(&s.iter().map(|x| x.0.as_str()).collect::<Vec<_>>()),
        };
        // Time words get their own label (read as O by every scheme but BilouTim).
        let labels: Vec<usize> = s
            .iter()
            .map(|x| {
                if x.2.ends_with("-tim") {
                    TIM_BIO
                } else {
                    label_index(&x.2)
                }
            })
            .collect();
        if augment && k % 3 == 0 && words.len() > 2 && words.last().is_some_and(|w| w == ".") {
            samples.push(Sample {
                words: words[..words.len() - 1].to_vec(),
                pos: pos[..pos.len().saturating_sub(1)].to_vec(),
                labels: labels[..labels.len() - 1].to_vec(),
            });
        }
        if augment && k % 7 == 0 && words.len() > 6 {
            // Cut after an entity or at a fixed length, never inside an entity.
            let mut cut = 2 + (k / 7) % 5;
            while cut < labels.len() && labels[cut] != 0 && labels[cut] % 2 == 0 {
                cut += 1;
            }
            if cut < words.len() {
                samples.push(Sample {
                    words: words[..cut].to_vec(),
                    pos: pos[..cut.min(pos.len())].to_vec(),
                    labels: labels[..cut].to_vec(),
                });
            }
        }
        samples.push(Sample { words, pos, labels });
    }
    let mut text: Vec<Vec<String>> = sents[train_r.clone()]
        .iter()
        .map(|s| s.iter().map(|x| x.0.clone()).collect())
        .collect();
    text.extend(unlabeled.iter().cloned());
    let mut clusters = Clusters::build(&text, &mut log);
    if caps {
        clusters.count_caps(&text);
        log(&format!(
            "capitalisation propensity of {} words",
            clusters.cap.len()
        ));
    }
    let kb = Kb::builtin();
    let gaz = Gazetteer::new(kb);
    Ok(train(
        &samples,
        epochs,
        runs,
        kb,
        &gaz,
        &clusters,
        first_order,
        scheme,
        rule,
        log,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bio(tags: &[&str]) -> Vec<usize> {
        tags.iter().map(|t| label_index(t)).collect()
    }

    #[test]
    fn bilou_encoding_round_trips() {
        // "Vladimir Putin met Xi in Beijing and Moscow ." with back-to-back names.
        let seq = bio(&[
            "B-per", "I-per", "O", "B-per", "O", "B-geo", "B-geo", "I-geo", "I-geo", "O",
        ]);
        let b = Scheme::Bilou.from_bio(&seq);
        let names: Vec<&str> = b
            .iter()
            .map(|&l| ["O", "B", "I", "L", "U"][if l == 0 { 0 } else { 1 + (l - 1) % 4 }])
            .collect();
        assert_eq!(names, ["B", "L", "O", "U", "O", "U", "B", "I", "L", "O"]);
        let back: Vec<usize> = b.iter().map(|&l| Scheme::Bilou.to_bio(l)).collect();
        assert_eq!(back, seq);
        assert_eq!(
            spans_of(&back),
            vec![(0, 2, 0), (3, 4, 0), (5, 6, 2), (6, 9, 2)]
        );
        // A name opened by I- (ill-formed BIO) still starts a name.
        let odd = bio(&["O", "I-org", "I-org"]);
        let b = Scheme::Bilou.from_bio(&odd);
        assert_eq!(b[1], 1 + 4); // B-ORG
        assert_eq!(b[2], 1 + 4 + 2); // L-ORG
    }

    /// Four sentences written for these tests; `met` is the person met in the third.
    fn tiny_corpus(met: &str) -> Vec<Sample> {
        let third = format!("Officials in Peru met {met} .");
        let raw: [(&str, &[&str]); 4] = [
            (
                "Maria Lopez visited Peru .",
                &["B-per", "I-per", "O", "B-geo", "O"],
            ),
            (
                "Tomas Berg left Chile on Monday .",
                &["B-per", "I-per", "O", "B-geo", "O", "O", "O"],
            ),
            (&third, &["O", "O", "B-geo", "O", "B-per", "I-per", "O"]),
            (
                "Chile and Peru signed a deal .",
                &["B-geo", "O", "B-geo", "O", "O", "O", "O"],
            ),
        ];
        raw.iter()
            .map(|(t, tags)| Sample {
                words: t.split(' ').map(String::from).collect(),
                pos: Vec::new(),
                labels: bio(tags),
            })
            .collect()
    }

    #[test]
    fn bilou_model_trains_saves_loads_and_tags() {
        // A tiny corpus written for this test; two seeds averaged; the u32-mask file format.
        let samples = tiny_corpus("Anna Kowal");
        let kb = Kb::builtin();
        let gaz = Gazetteer::new(kb);
        let clusters = Clusters::default();
        let bytes = train(
            &samples,
            4,
            2,
            kb,
            &gaz,
            &clusters,
            true,
            Scheme::Bilou,
            Update::default(),
            |_| {},
        );
        assert_eq!(&bytes[..8], b"NGNER3\0\0");
        assert_eq!(
            bytes,
            train(
                &samples,
                4,
                2,
                kb,
                &gaz,
                &clusters,
                true,
                Scheme::Bilou,
                Update::default(),
                |_| {}
            ),
            "deterministic"
        );
        let m = Model::from_bytes(&bytes).unwrap();
        assert_eq!(m.scheme, Scheme::Bilou);
        let words = ["Maria", "Lopez", "visited", "Chile", "."];
        let sf = SentFeats::new(&words, &[], kb, &gaz, &m.vocab, &m.clusters);
        let tags = m.tag(&sf);
        assert_eq!(spans_of(&tags), vec![(0, 2, 0), (3, 4, 2)], "{tags:?}");
        // A truncated file is an error, not a panic.
        assert!(Model::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    }

    #[test]
    fn document_memory_remembers_the_types_of_capitalised_words() {
        // Sentences written for this test, labelled as a tagger would have.
        let mut h = History::new(2);
        let w1 = ["Talks", "with", "Anna", "Kowal", "in", "Lima", "."];
        h.push(&w1, &bio(&["O", "O", "B-per", "I-per", "O", "B-geo", "O"]));
        let next = [
            "Kowal", "left", "Lima", "and", "Talks", "ended", "in", "Quito", ".",
        ];
        assert_eq!(
            h.tags(&next),
            ["PER", "-", "GEO", "-", "O", "-", "-", "-", "-"]
        );
        // The type seen most often wins; a tie goes to the later sentence.
        h.push(
            &["Lima", "Group", "met", "in", "Lima"],
            &bio(&["B-org", "I-org", "O", "O", "B-geo"]),
        );
        assert_eq!(h.tags(&["Lima"]), ["GEO"], "GEO twice, ORG once");
        h.push(&["Lima", "Group", "met"], &bio(&["B-org", "I-org", "O"]));
        // Only the last two sentences are remembered: the first is forgotten.
        assert_eq!(
            h.tags(&["Lima", "Kowal"]),
            ["ORG", "-"],
            "GEO once, ORG twice"
        );
        h.push(&["Lima", "is", "cold"], &bio(&["B-geo", "O", "O"]));
        assert_eq!(h.tags(&["Lima"]), ["GEO"], "one each: the later");
        // A feature fires only for remembered words.
        let kb = Kb::builtin();
        let gaz = Gazetteer::new(kb);
        let mut sf = SentFeats::new(
            &["Lima", "said", "no"],
            &[],
            kb,
            &gaz,
            &HashSet::new(),
            &Clusters::default(),
        );
        let mut f = Vec::new();
        sf.emission(0, &mut f);
        assert!(!f.contains(&feat(80, &["GEO"])));
        sf.set_history(&h);
        sf.emission(0, &mut f);
        assert!(
            f.contains(&feat(80, &["GEO"])),
            "memory feature of a remembered name"
        );
        sf.emission(1, &mut f);
        assert!(!f
            .iter()
            .any(|x| *x == feat(80, &["-"]) || *x == feat(80, &["O"])));
        // A capitalised common word is not remembered: one wrong "President" (a headline's
        // "E.C. President" read as a person) must not spread.
        h.push(
            &["E.C.", "President", "Ana", "Kowal"],
            &bio(&["B-per", "I-per", "B-per", "I-per"]),
        );
        let vocab: HashSet<String> = ["president".to_string()].into();
        let mut sf = SentFeats::new(
            &["President", "Kowal", "spoke"],
            &[],
            kb,
            &gaz,
            &vocab,
            &Clusters::default(),
        );
        sf.set_history(&h);
        sf.emission(0, &mut f);
        assert!(!f.contains(&feat(80, &["PER"])));
        sf.emission(1, &mut f);
        assert!(f.contains(&feat(80, &["PER"])));
    }

    #[test]
    fn a_model_with_document_memory_is_written_read_and_tags_documents() {
        let samples = tiny_corpus("Anna Kowal");
        let kb = Kb::builtin();
        let gaz = Gazetteer::new(kb);
        let clusters = Clusters::default();
        let rule = Update {
            history: 3,
            ..Update::default()
        };
        let bytes = train(
            &samples,
            4,
            1,
            kb,
            &gaz,
            &clusters,
            true,
            Scheme::Bilou,
            rule,
            |_| {},
        );
        assert_eq!(&bytes[..8], b"NGNER5\0\0");
        assert_eq!(
            bytes,
            train(
                &samples,
                4,
                1,
                kb,
                &gaz,
                &clusters,
                true,
                Scheme::Bilou,
                rule,
                |_| {}
            ),
            "deterministic"
        );
        let m = Model::from_bytes(&bytes).unwrap();
        assert_eq!((m.scheme, m.history), (Scheme::Bilou, 3));
        let doc: Vec<(Vec<&str>, Vec<&str>)> = vec![
            (
                "Maria Lopez visited Chile .".split(' ').collect(),
                Vec::new(),
            ),
            ("Lopez left Peru .".split(' ').collect(), Vec::new()),
        ];
        let tagged = m.tag_document(&doc, kb, &gaz);
        assert_eq!(
            spans_of(&tagged[0]),
            vec![(0, 2, 0), (3, 4, 2)],
            "{tagged:?}"
        );
        assert_eq!(tagged[1].len(), 4);
        // A model without memory says so and still reads.
        let plain = Model::from_bytes(&train(
            &samples,
            2,
            1,
            kb,
            &gaz,
            &clusters,
            true,
            Scheme::Bilou,
            Update::default(),
            |_| {},
        ))
        .unwrap();
        assert_eq!(plain.history, 0);
        assert!(Model::from_bytes(&bytes[..12]).is_err());
    }

    #[test]
    fn capitalisation_buckets_are_stored_and_give_features() {
        // Clusters with capitalisation buckets counted from sentences written for this test.
        let samples = tiny_corpus("Anna Kowal");
        let kb = Kb::builtin();
        let gaz = Gazetteer::new(kb);
        let text: Vec<Vec<String>> = [
            "we flew to Peru and then to Chile",
            "the peru office is in Lima",
            "she left for Chile on a boat",
        ]
        .iter()
        .map(|t| t.split(' ').map(String::from).collect())
        .collect();
        let mut clusters = Clusters::default();
        clusters.count_caps(&text);
        assert_eq!(clusters.cap_of("Chile"), Some(4));
        let bytes = train(
            &samples,
            4,
            1,
            kb,
            &gaz,
            &clusters,
            true,
            Scheme::Bilou,
            Update::default(),
            |_| {},
        );
        let m = Model::from_bytes(&bytes).unwrap();
        assert_eq!(
            m.clusters.cap, clusters.cap,
            "the buckets round-trip through the file"
        );
        let words = ["Maria", "Lopez", "visited", "Chile", "."];
        let with = SentFeats::new(&words, &[], kb, &gaz, &m.vocab, &m.clusters);
        let mut f = Vec::new();
        with.emission(3, &mut f);
        assert!(
            f.contains(&feat(70, &["4"])),
            "bucket feature of a word always capitalised"
        );
        // A model without buckets gives no capitalisation feature and stores none.
        let plain = train(
            &samples,
            4,
            1,
            kb,
            &gaz,
            &Clusters::default(),
            true,
            Scheme::Bilou,
            Update::default(),
            |_| {},
        );
        let p = Model::from_bytes(&plain).unwrap();
        assert!(p.clusters.cap.is_empty());
        let without = SentFeats::new(&words, &[], kb, &gaz, &p.vocab, &p.clusters);
        let mut g = Vec::new();
        without.emission(3, &mut g);
        assert_eq!(g.len() + 5, f.len());
    }

    #[test]
    fn update_rules_train_deterministically() {
        // Passive-aggressive steps, cost-augmented decoding, the feature cut-off and dropout on a tiny
        // corpus written for this test: each variant is deterministic and learns the names.
        let samples = tiny_corpus("Maria Lopez");
        let kb = Kb::builtin();
        let gaz = Gazetteer::new(kb);
        let clusters = Clusters::default();
        for rule in [
            Update {
                pa_c: 1.0,
                cost: 1.0,
                min_count: 0,
                dropout: 0.0,
                ..Update::default()
            },
            Update {
                pa_c: 0.0,
                cost: 2.0,
                min_count: 2,
                dropout: 0.0,
                ..Update::default()
            },
            Update {
                dropout: 0.2,
                ..Update::default()
            },
        ] {
            let bytes = train(
                &samples,
                6,
                2,
                kb,
                &gaz,
                &clusters,
                true,
                Scheme::Bilou,
                rule,
                |_| {},
            );
            assert_eq!(
                bytes,
                train(
                    &samples,
                    6,
                    2,
                    kb,
                    &gaz,
                    &clusters,
                    true,
                    Scheme::Bilou,
                    rule,
                    |_| {}
                ),
                "deterministic: {rule:?}"
            );
            let m = Model::from_bytes(&bytes).unwrap();
            let words = ["Officials", "in", "Chile", "met", "Maria", "Lopez", "."];
            let sf = SentFeats::new(&words, &[], kb, &gaz, &m.vocab, &m.clusters);
            assert_eq!(
                spans_of(&m.tag(&sf)),
                vec![(2, 3, 2), (4, 6, 0)],
                "{rule:?}"
            );
        }
    }

    #[test]
    fn time_label_is_learned_apart_and_read_as_o() {
        // "Ana Ruiz left Lima on Monday ." with the time word as TIM_BIO.
        let mut seq = bio(&["B-per", "I-per", "O", "B-geo", "O", "O", "O"]);
        seq[5] = TIM_BIO;
        let s = Scheme::BilouTim;
        assert_eq!(s.len(), 30);
        assert_eq!(s.labels()[29], "TIM");
        let enc = s.from_bio(&seq);
        assert_eq!(enc[5], 29);
        assert_eq!(enc[3], 1 + 4 * 2 + 3, "U-GEO before the time word");
        let back: Vec<usize> = enc.iter().map(|&l| s.to_bio(l)).collect();
        assert_eq!(back[5], 0, "TIM is output as O");
        // The other encodings read the time word as O.
        assert_eq!(Scheme::Bilou.from_bio(&seq)[5], 0);
        assert_eq!(Scheme::Bio.from_bio(&seq)[5], 0);
        // TIM closes a name like O and may not interrupt one.
        assert!(!s.allowed(29, Some(1)) && s.allowed(29, Some(4)) && s.may_end(29));
        assert!(!s.allowed(2, Some(29)));
    }

    #[test]
    fn bilou_constraints() {
        let s = Scheme::Bilou;
        let labels = s.labels();
        let ix = |n: &str| labels.iter().position(|l| l == n).unwrap();
        // Inside a name only I or L of its type may follow.
        assert!(s.allowed(ix("I-PER"), Some(ix("B-PER"))));
        assert!(s.allowed(ix("L-PER"), Some(ix("I-PER"))));
        assert!(!s.allowed(ix("O"), Some(ix("B-PER"))));
        assert!(!s.allowed(ix("L-ORG"), Some(ix("B-PER"))));
        assert!(!s.allowed(ix("U-GEO"), Some(ix("I-GEO"))));
        // Continuations never start a sentence or follow O, L, U.
        assert!(!s.allowed(ix("I-PER"), None));
        assert!(!s.allowed(ix("L-PER"), Some(0)));
        assert!(!s.allowed(ix("I-PER"), Some(ix("U-PER"))));
        assert!(s.allowed(ix("U-GEO"), Some(ix("L-PER"))));
        // A sentence cannot end inside a name; no new name of the same type right after one.
        assert!(!s.may_end(ix("B-ORG")) && s.may_end(ix("L-ORG")) && s.may_end(0));
        assert!(!allowed_first_order(s, ix("U-PER"), Some(ix("L-PER"))));
        assert!(allowed_first_order(s, ix("U-GEO"), Some(ix("L-PER"))));
        // BIO keeps its own rules.
        let b = Scheme::Bio;
        assert!(b.allowed(2, Some(1)) && !b.allowed(2, Some(0)) && b.allowed(1, Some(2)));
        assert!(!allowed_first_order(b, 1, Some(2)));
    }
}
