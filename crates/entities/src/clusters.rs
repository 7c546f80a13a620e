//! Word clusters for the NER tagger, computed from unlabeled text by `newsgraph train ner`
//! and stored inside the model file (see [`crate::ner`]).
//!
//! The clustering itself is the syntax crate's ([`newsgraph_syntax::clusters`]): each word
//! (lower case, digits folded to `0`) seen at least [`MIN_COUNT`] times gets a context
//! vector of its left and right neighbours, and deterministic spherical k-means groups the
//! words twice, into [`COARSE`] and [`FINE`] clusters. Words that share a cluster appear in
//! similar contexts ("Fresno" and "Tulsa"; "Vince" and "Traci"), so the tagger can
//! generalise from a word seen in training to one that was not.
//!
//! The same unlabeled text also gives each word its capitalisation propensity
//! ([`Clusters::count_caps`]): how often the word is written with a capital letter where
//! the position does not call for one (not at the start of a sentence, not after a quote
//! mark or bracket, not in a line of capitalised words), as one of [`CAP_BINS`] buckets.
//! The clusters are keyed on lower-cased words, so without it the tagger cannot tell a
//! word that is almost always a name ("tampa") from one that is almost never one
//! ("according").

use std::collections::HashMap;

pub use newsgraph_syntax::clusters::{norm, COARSE, FINE, MIN_COUNT};

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
            let words = s
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
                .count();
            let caps = s.iter().filter(|w| upper_first(w)).count();
            if words == 0 || caps * 2 > words {
                continue;
            }
            for i in 1..s.len() {
                let w = &s[i];
                let prev = &s[i - 1];
                if w.len() >= 40
                    || !(prev == "," || prev.chars().next().is_some_and(char::is_alphanumeric))
                {
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
        self.cap = counts
            .into_iter()
            .filter(|(_, (a, b))| a + b >= CAP_MIN)
            .map(|(w, (a, b))| (w, cap_bucket(a, b)))
            .collect();
    }

    /// Serialises the capitalisation buckets (sorted by word) for the model file: u32
    /// count, then per word a u8 length, its bytes and the u8 bucket.
    pub fn caps_to_bytes(&self, out: &mut Vec<u8>) {
        let mut words: Vec<(&String, &u8)> =
            self.cap.iter().filter(|(w, _)| w.len() < 256).collect();
        words.sort();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (w, b) in words {
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
            out.push(*b);
        }
    }

    /// Computes clusters from tokenised sentences (with the syntax crate's clustering).
    pub fn build(sents: &[Vec<String>], log: impl FnMut(&str)) -> Clusters {
        let c = newsgraph_syntax::clusters::Clusters::build(sents, log);
        Clusters {
            map: c.words.into_iter().collect(),
            cap: HashMap::new(),
        }
    }

    /// Serialises the clusters (sorted by word) for the model file, in the syntax crate's
    /// format.
    pub fn to_bytes(&self, out: &mut Vec<u8>) {
        let words = self.map.iter().map(|(w, c)| (w.clone(), *c)).collect();
        newsgraph_syntax::clusters::Clusters::from_words(words).to_bytes(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_gives_the_syntax_crates_clusters_by_lower_case_word() {
        let s = |t: &str| t.split(' ').map(String::from).collect::<Vec<String>>();
        let mut sents = Vec::new();
        for city in ["Ottawa", "Lima", "Hanoi"] {
            for _ in 0..4 {
                sents.push(s(&format!("the embassy in {city} opened today")));
            }
        }
        for verb in ["said", "added", "noted"] {
            for _ in 0..4 {
                sents.push(s(&format!("the minister {verb} that talks went well")));
            }
        }
        let c = Clusters::build(&sents, |_| {});
        let syn = newsgraph_syntax::clusters::Clusters::build(&sents, |_| {});
        assert_eq!(c.map.len(), syn.len());
        for w in ["Ottawa", "LIMA", "said", "noted", "embassy"] {
            assert_eq!(c.get(w), syn.get(w), "{w}");
        }
        let fine = |w: &str| c.get(w).map(|x| x.1);
        assert!(fine("ottawa").is_some());
        assert_eq!(fine("ottawa"), fine("Hanoi"));
        assert_eq!(fine("said"), fine("added"));
        assert_ne!(fine("Lima"), fine("noted"));
        assert_eq!(c.get("Quito"), None);
        assert!(c.cap.is_empty());
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
        assert_eq!(
            u32::from_le_bytes(b[..4].try_into().unwrap()) as usize,
            c.cap.len()
        );
    }
}
