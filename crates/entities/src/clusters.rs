//! Word clusters for the NER tagger, computed from unlabeled text by `newsgraph train ner`
//! and stored inside the model file (see [`crate::ner`]).
//!
//! Each word (lower case, digits folded to `0`) seen at least [`MIN_COUNT`] times gets a
//! context vector: the counts of its left and right neighbours among the most frequent
//! words, square-rooted and length-normalised. Spherical k-means then groups the words
//! twice, into [`COARSE`] and [`FINE`] clusters. Everything is deterministic: the centroids
//! start from the vectors of evenly spaced words in frequency order and the iterations are
//! fixed. Words that share a cluster appear in similar contexts ("Fresno" and "Tulsa";
//! "Vince" and "Traci"), so the tagger can generalise from a word seen in training to one
//! that was not.
//!
//! The same unlabeled text also gives each word its capitalisation propensity
//! ([`Clusters::count_caps`]): how often the word is written with a capital letter where
//! the position does not call for one (not at the start of a sentence, not after a quote
//! mark or bracket, not in a line of capitalised words), as one of [`CAP_BINS`] buckets.
//! The clusters are keyed on lower-cased words, so without it the tagger cannot tell a
//! word that is almost always a name ("tampa") from one that is almost never one
//! ("according").

use std::collections::HashMap;

/// Minimum count of a word to get a cluster.
pub const MIN_COUNT: usize = 3;
/// Number of coarse clusters.
pub const COARSE: usize = 64;
/// Number of fine clusters.
pub const FINE: usize = 400;
/// Context words: the most frequent words on each side.
const CONTEXT: usize = 1200;
const ITERATIONS: usize = 12;

/// Number of capitalisation-propensity buckets ([`cap_bucket`]).
pub const CAP_BINS: u8 = 5;
/// A word's capitalisation propensity is kept when it was seen at least this often in a
/// position that does not call for a capital.
pub const CAP_MIN: u32 = 2;

/// Word → (coarse, fine) cluster.
#[derive(Debug, Default, Clone)]
pub struct Clusters {
    pub map: HashMap<String, (u16, u16)>,
    /// Word (same key as `map`) → capitalisation-propensity bucket, 0 (always lower
    /// case) to `CAP_BINS - 1` (always capitalised); empty for models without it.
    pub cap: HashMap<String, u8>,
}

/// The bucket of a share of capitalised occurrences: below 2%, below 25%, below 75%,
/// below 98%, else.
pub fn cap_bucket(capitalised: u32, lower: u32) -> u8 {
    let r = capitalised as f64 / (capitalised + lower).max(1) as f64;
    match r {
        r if r < 0.02 => 0,
        r if r < 0.25 => 1,
        r if r < 0.75 => 2,
        r if r < 0.98 => 3,
        _ => 4,
    }
}

/// The key under which a word is clustered: lower case, digits folded to `0`.
pub fn norm(w: &str) -> String {
    w.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).flat_map(char::to_lowercase).collect()
}

impl Clusters {
    /// (coarse, fine) cluster of a word, if it has one.
    pub fn get(&self, w: &str) -> Option<(u16, u16)> {
        self.map.get(&norm(w)).copied()
    }

    /// The capitalisation-propensity bucket of a word (None: not seen often enough, or a
    /// model without them).
    pub fn cap_of(&self, w: &str) -> Option<u8> {
        if self.cap.is_empty() {
            return None;
        }
        self.cap.get(&norm(w)).copied()
    }

    /// Counts, over tokenised sentences, how often each word is capitalised where the
    /// position does not call for a capital, and keeps the bucket ([`cap_bucket`]) of each
    /// word seen at least [`CAP_MIN`] times. Counted: a word starting with a letter, after
    /// a word or a comma (not the first word of a sentence, nor the one after a quote mark,
    /// bracket, colon or dash), in a sentence where at most half of the words are
    /// capitalised (headlines and title-case lines are left out).
    pub fn count_caps(&mut self, sents: &[Vec<String>]) {
        let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
        let upper_first = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        for s in sents {
            let words = s.iter().filter(|w| w.chars().next().is_some_and(char::is_alphabetic)).count();
            let caps = s.iter().filter(|w| upper_first(w)).count();
            if words == 0 || caps * 2 > words {
                continue;
            }
            for i in 1..s.len() {
                let w = &s[i];
                let prev = &s[i - 1];
                if w.len() >= 40 || !(prev == "," || prev.chars().next().is_some_and(char::is_alphanumeric)) {
                    continue;
                }
                let Some(c) = w.chars().next() else { continue };
                if !c.is_alphabetic() {
                    continue;
                }
                let e = counts.entry(norm(w)).or_default();
                if c.is_uppercase() {
                    e.0 += 1;
                } else if c.is_lowercase() {
                    e.1 += 1;
                }
            }
        }
        self.cap = counts.into_iter().filter(|(_, (a, b))| a + b >= CAP_MIN).map(|(w, (a, b))| (w, cap_bucket(a, b))).collect();
    }

    /// Serialises the capitalisation buckets (sorted by word) for the model file: u32
    /// count, then per word a u8 length, its bytes and the u8 bucket.
    pub fn caps_to_bytes(&self, out: &mut Vec<u8>) {
        let mut words: Vec<(&String, &u8)> = self.cap.iter().filter(|(w, _)| w.len() < 256).collect();
        words.sort();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (w, b) in words {
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
            out.push(*b);
        }
    }

    /// Computes clusters from tokenised sentences.
    pub fn build(sents: &[Vec<String>], mut log: impl FnMut(&str)) -> Clusters {
        // Vocabulary by frequency (ties by word, for determinism).
        let mut counts: HashMap<String, usize> = HashMap::new();
        for s in sents {
            for w in s {
                if w.len() < 40 {
                    *counts.entry(norm(w)).or_default() += 1;
                }
            }
        }
        let mut by_freq: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n >= MIN_COUNT).collect();
        by_freq.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let index: HashMap<&str, usize> = by_freq.iter().enumerate().map(|(i, (w, _))| (w.as_str(), i)).collect();
        let nv = by_freq.len();
        log(&format!("clusters: {nv} words with at least {MIN_COUNT} occurrences"));
        if nv == 0 {
            return Clusters::default();
        }
        // Context counts: dims 0..C left word, C..2C right word, 2C/2C+1 rare left/right,
        // 2C+2/2C+3 sentence boundary left/right.
        let c = CONTEXT.min(nv);
        let mut ctx: Vec<HashMap<u32, f32>> = vec![HashMap::new(); nv];
        for s in sents {
            let ids: Vec<Option<usize>> = s.iter().map(|w| index.get(norm(w).as_str()).copied()).collect();
            for (i, id) in ids.iter().enumerate() {
                let Some(id) = *id else { continue };
                let left = if i == 0 {
                    2 * c as u32 + 2
                } else {
                    match ids[i - 1] {
                        Some(j) if j < c => j as u32,
                        _ => 2 * c as u32,
                    }
                };
                let right = if i + 1 == ids.len() {
                    2 * c as u32 + 3
                } else {
                    match ids[i + 1] {
                        Some(j) if j < c => (c + j) as u32,
                        _ => 2 * c as u32 + 1,
                    }
                };
                *ctx[id].entry(left).or_default() += 1.0;
                *ctx[id].entry(right).or_default() += 1.0;
            }
        }
        let dims = 2 * c + 4;
        let vecs: Vec<Vec<(u32, f32)>> = ctx
            .into_iter()
            .map(|m| {
                let mut v: Vec<(u32, f32)> = m.into_iter().map(|(k, x)| (k, x.sqrt())).collect();
                v.sort_by_key(|x| x.0);
                let n = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-9);
                for x in v.iter_mut() {
                    x.1 /= n;
                }
                v
            })
            .collect();
        let coarse = kmeans(&vecs, dims, COARSE.min(nv));
        let fine = kmeans(&vecs, dims, FINE.min(nv));
        let map = by_freq
            .iter()
            .enumerate()
            .map(|(i, (w, _))| (w.clone(), (coarse[i] as u16, fine[i] as u16)))
            .collect();
        Clusters { map, cap: HashMap::new() }
    }

    /// Serialises the clusters (sorted by word) for the model file.
    pub fn to_bytes(&self, out: &mut Vec<u8>) {
        let mut words: Vec<(&String, &(u16, u16))> = self.map.iter().filter(|(w, _)| w.len() < 256).collect();
        words.sort();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (w, (a, b)) in words {
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
            out.extend_from_slice(&a.to_le_bytes());
            out.extend_from_slice(&b.to_le_bytes());
        }
    }
}

/// Spherical k-means over sparse unit vectors; returns the cluster of each vector.
fn kmeans(vecs: &[Vec<(u32, f32)>], dims: usize, k: usize) -> Vec<usize> {
    let n = vecs.len();
    // Start from evenly spaced words in frequency order.
    let mut cent: Vec<Vec<f32>> = (0..k)
        .map(|j| {
            let mut c = vec![0f32; dims];
            for &(d, x) in &vecs[j * n / k] {
                c[d as usize] = x;
            }
            c
        })
        .collect();
    let mut assign = vec![0usize; n];
    for _ in 0..ITERATIONS {
        for (i, v) in vecs.iter().enumerate() {
            let mut best = 0;
            let mut bs = f32::NEG_INFINITY;
            for (j, c) in cent.iter().enumerate() {
                let s: f32 = v.iter().map(|&(d, x)| x * c[d as usize]).sum();
                if s > bs {
                    bs = s;
                    best = j;
                }
            }
            assign[i] = best;
        }
        for c in cent.iter_mut() {
            c.iter_mut().for_each(|x| *x = 0.0);
        }
        for (i, v) in vecs.iter().enumerate() {
            for &(d, x) in v {
                cent[assign[i]][d as usize] += x;
            }
        }
        for c in cent.iter_mut() {
            let nrm = c.iter().map(|x| x * x).sum::<f32>().sqrt();
            if nrm > 0.0 {
                c.iter_mut().for_each(|x| *x /= nrm);
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let mut sents = Vec::new();
        for city in ["Fresno", "Tulsa", "Omaha"] {
            for _ in 0..5 {
                sents.push(vec!["we".to_string(), "flew".into(), "to".into(), city.into(), "yesterday".into()]);
            }
        }
        for food in ["bread", "rice", "soup"] {
            for _ in 0..5 {
                sents.push(vec!["she".to_string(), "ate".into(), "some".into(), food.into(), "quickly".into()]);
            }
        }
        let c = Clusters::build(&sents, |_| {});
        let f = |w: &str| c.get(w).map(|x| x.1);
        assert!(f("Fresno").is_some());
        assert_eq!(f("fresno"), f("TULSA"));
        assert_eq!(f("Tulsa"), f("omaha"));
        assert_eq!(f("bread"), f("soup"));
        assert_ne!(f("bread"), f("Tulsa"));
        assert_eq!(c.get("Paris"), None);
    }

    #[test]
    fn capitalisation_propensity_counts_mid_sentence_words() {
        let s = |t: &str| t.split(' ').map(String::from).collect::<Vec<String>>();
        let sents = vec![
            s("we drove to Fresno on a sunny day"),
            s("they said Fresno was hot , and the day was long"),
            s("the fresno office is closed"),
            s("a long day in the Capitol , said a clerk"),
            // Sentence-initial and title-case words are not counted.
            s("Day after day , we waited"),
            s("A Long Day In Fresno"),
            s("\" Day one was fine"),
        ];
        let mut c = Clusters::default();
        assert_eq!(c.cap_of("fresno"), None, "no buckets: no feature");
        c.count_caps(&sents);
        // fresno: 2 capitalised, 1 lower case; day: 3 lower case; capitol: once only.
        assert_eq!(c.cap_of("FRESNO"), Some(2));
        assert_eq!(c.cap_of("Day"), Some(0));
        assert_eq!(c.cap_of("capitol"), None);
        assert_eq!(cap_bucket(50, 0), 4);
        assert_eq!(cap_bucket(97, 3), 3);
        assert_eq!(cap_bucket(1, 99), 0);
        assert_eq!(cap_bucket(1, 9), 1);
        let mut b = Vec::new();
        c.caps_to_bytes(&mut b);
        assert_eq!(u32::from_le_bytes(b[..4].try_into().unwrap()) as usize, c.cap.len());
    }
}
