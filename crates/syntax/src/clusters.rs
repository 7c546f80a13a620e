//! Word clusters for the parser and the tagger, computed from unlabeled text by
//! `newsgraph train parser --clusters` / `train tagger --tagger-clusters` and stored inside
//! a version-2 `parser.bin` / `tagger.bin` (see [`crate::parser`], [`crate::tagger`]). The
//! shipped models do not use them (measurements in `models/README.md`).
//!
//! Each word (lower case, digits folded to `0`) seen at least [`MIN_COUNT`] times gets a
//! context vector: the counts of its left and right neighbours among the most frequent
//! words, square-rooted and length-normalised. Spherical k-means then groups the words
//! twice, into [`COARSE`] and [`FINE`] clusters. Everything is deterministic: the centroids
//! start from the vectors of evenly spaced words in frequency order, the iterations are
//! fixed and ties go to the lower cluster. Words that share a cluster appear in similar
//! contexts, so the parser can generalise from a word seen in its treebank to one that was
//! not (or was seen rarely).
//!
//! ## Binary format (inside `parser.bin`, little-endian)
//! ```text
//! nword u32, nword times: len u8, word (UTF-8, normalised), coarse u16, fine u16
//! ```
//! (words sorted by byte order).

use crate::hash::{hash_str, IdMap};
use crate::perceptron::Reader;
use crate::tagger::norm_lower;
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

/// Word → (coarse, fine) cluster.
#[derive(Debug, Default, Clone)]
pub struct Clusters {
    /// Normalised word → (coarse, fine).
    pub words: Vec<(String, (u16, u16))>,
    /// Hash of the normalised word → (coarse, fine), for look-ups.
    by_hash: IdMap<(u16, u16)>,
}

/// The key under which a word is clustered: lower case, digits folded to `0`.
pub fn norm(w: &str) -> String {
    norm_lower(w)
}

impl Clusters {
    /// Clusters from (word, (coarse, fine)) pairs (sorted by word, duplicates dropped).
    pub fn from_words(mut words: Vec<(String, (u16, u16))>) -> Clusters {
        words.sort();
        words.dedup_by(|a, b| a.0 == b.0);
        let by_hash = words.iter().map(|(w, c)| (hash_str(w), *c)).collect();
        Clusters { words, by_hash }
    }

    /// (coarse, fine) cluster of a word, if it has one.
    pub fn get(&self, w: &str) -> Option<(u16, u16)> {
        self.get_normed(&norm(w))
    }

    /// (coarse, fine) cluster of an already normalised word ([`norm`]).
    #[inline]
    pub fn get_normed(&self, w: &str) -> Option<(u16, u16)> {
        self.by_hash.get(&hash_str(w)).copied()
    }

    /// (coarse, fine) cluster of a word by the [`hash_str`] of its normalised form.
    #[inline]
    pub fn get_hashed(&self, h: u64) -> Option<(u16, u16)> {
        self.by_hash.get(&h).copied()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Computes clusters from tokenised sentences.
    pub fn build<S: AsRef<str>>(sents: &[Vec<S>], mut log: impl FnMut(&str)) -> Clusters {
        // Vocabulary by frequency (ties by word, for determinism).
        let mut counts: HashMap<String, usize> = HashMap::new();
        for s in sents {
            for w in s {
                let w = w.as_ref();
                if w.len() < 40 {
                    *counts.entry(norm(w)).or_default() += 1;
                }
            }
        }
        let mut by_freq: Vec<(String, usize)> = counts
            .into_iter()
            .filter(|(_, n)| *n >= MIN_COUNT)
            .collect();
        by_freq.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let index: HashMap<&str, usize> = by_freq
            .iter()
            .enumerate()
            .map(|(i, (w, _))| (w.as_str(), i))
            .collect();
        let nv = by_freq.len();
        log(&format!(
            "clusters: {nv} words with at least {MIN_COUNT} occurrences"
        ));
        if nv == 0 {
            return Clusters::default();
        }
        // Context counts: dims 0..C left word, C..2C right word, 2C/2C+1 rare left/right,
        // 2C+2/2C+3 sentence boundary left/right.
        let c = CONTEXT.min(nv);
        let mut ctx: Vec<HashMap<u32, f32>> = vec![HashMap::new(); nv];
        for s in sents {
            let ids: Vec<Option<usize>> = s
                .iter()
                .map(|w| index.get(norm(w.as_ref()).as_str()).copied())
                .collect();
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
        log("clusters: coarse done");
        let fine = kmeans(&vecs, dims, FINE.min(nv));
        log("clusters: fine done");
        let words = by_freq
            .iter()
            .enumerate()
            .filter(|(_, (w, _))| w.len() < 256)
            .map(|(i, (w, _))| (w.clone(), (coarse[i] as u16, fine[i] as u16)))
            .collect();
        Clusters::from_words(words)
    }

    /// Serialises the clusters (sorted by word).
    pub fn to_bytes(&self, out: &mut Vec<u8>) {
        let words: Vec<&(String, (u16, u16))> =
            self.words.iter().filter(|(w, _)| w.len() < 256).collect();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (w, (a, b)) in words {
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
            out.extend_from_slice(&a.to_le_bytes());
            out.extend_from_slice(&b.to_le_bytes());
        }
    }

    /// Reads what [`Clusters::to_bytes`] wrote.
    pub(crate) fn read(r: &mut Reader) -> Option<Clusters> {
        let n = r.u32()? as usize;
        let mut words = Vec::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            let len = r.take(1)?[0] as usize;
            let w = std::str::from_utf8(r.take(len)?).ok()?.to_string();
            let c = r.take(4)?;
            words.push((
                w,
                (
                    u16::from_le_bytes([c[0], c[1]]),
                    u16::from_le_bytes([c[2], c[3]]),
                ),
            ));
        }
        Some(Clusters::from_words(words))
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
                sents.push(vec!["we", "flew", "to", city, "yesterday"]);
            }
        }
        for food in ["bread", "rice", "soup"] {
            for _ in 0..5 {
                sents.push(vec!["she", "ate", "some", food, "quickly"]);
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
        // Round trip through the binary format.
        let mut b = Vec::new();
        c.to_bytes(&mut b);
        let d = Clusters::read(&mut Reader { b: &b, pos: 0 }).expect("reads back");
        assert_eq!(d.words, c.words);
        assert_eq!(d.get("Omaha"), c.get("Omaha"));
        assert!(Clusters::read(&mut Reader {
            b: &b[..b.len() - 1],
            pos: 0
        })
        .is_none());
    }
}
