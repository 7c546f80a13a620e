//! Lemmatizer learned from EWT: an exception table keyed by (form, XPOS) and suffix rules
//! per XPOS for every other word ("accepted"/VBD → strip "ed" → "accept").
//!
//! Lemmas are lower case except for proper nouns (NNP, NNPS), whose lemma keeps the case of
//! the form, as in EWT.
//!
//! ## Binary format (little-endian, strings are u32 length + UTF-8)
//! ```text
//! magic b"NGLM", version u32 = 1
//! nrules u32, then per rule: xpos str, suffix str, strip u8, add str
//! nexc u32, then per exception: form str, xpos str, lemma str
//! ```

use crate::hash::{hash_str, IdBuild, IdMap};
use crate::perceptron::{put_string, Reader};
use std::collections::HashMap;

/// The longest form suffix a rule looks at.
const MAX_SUFFIX: usize = 5;

#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// (xpos, suffix) → (chars to strip, string to add).
    rules: HashMap<(String, String), (u8, String)>,
    /// (form, xpos) → lemma, where the rules get it wrong.
    exceptions: HashMap<(String, String), String>,
    /// The same two tables keyed by hashes, for allocation-free lookups.
    rule_h: IdMap<(u8, String)>,
    exc_h: IdMap<String>,
}

fn key2(a: &str, b: &str) -> u64 {
    crate::hash::finish(crate::hash::mix(hash_str(a), hash_str(b)))
}

fn is_proper(xpos: &str) -> bool {
    xpos == "NNP" || xpos == "NNPS"
}

fn normal_form(form: &str, xpos: &str) -> String {
    if is_proper(xpos) {
        form.to_string()
    } else {
        form.to_lowercase()
    }
}

/// The last `n` chars of `s` (or `None` when shorter).
fn suffix(s: &str, n: usize) -> Option<&str> {
    if n == 0 {
        return Some("");
    }
    let mut it = s.char_indices().rev();
    let mut idx = None;
    for _ in 0..n {
        idx = Some(it.next()?.0);
    }
    idx.map(|i| &s[i..])
}

/// The rule turning `form` into `lemma`: (chars stripped, string added).
fn rule_of(form: &str, lemma: &str) -> (usize, String) {
    let f: Vec<char> = form.chars().collect();
    let l: Vec<char> = lemma.chars().collect();
    let mut p = 0;
    while p < f.len() && p < l.len() && f[p] == l[p] {
        p += 1;
    }
    (f.len() - p, l[p..].iter().collect())
}

fn apply(form: &str, strip: usize, add: &str) -> String {
    let n = form.chars().count();
    if strip >= n {
        return form.to_string();
    }
    let cut: String = form.chars().take(n - strip).collect();
    cut + add
}

impl Lemmatizer {
    /// Learns rules and exceptions from (form, xpos, lemma) triples.
    pub fn train<'a>(data: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Lemmatizer {
        let mut triples: HashMap<(String, String, String), u32> = HashMap::new();
        for (form, xpos, lemma) in data {
            if lemma == "_" || form.is_empty() {
                continue;
            }
            let nf = normal_form(form, xpos);
            let nl = lemma.to_string();
            *triples.entry((nf, xpos.to_string(), nl)).or_default() += 1;
        }
        // Rule counts per (xpos, suffix).
        let mut counts: HashMap<(String, String), HashMap<(u8, String), u32>> = HashMap::new();
        for ((form, xpos, lemma), c) in &triples {
            let (strip, add) = rule_of(form, lemma);
            if strip > 255 {
                continue;
            }
            // Count each distinct word type once (types generalise better than tokens), and
            // a little extra for frequent ones.
            let w = 1 + (*c).min(3);
            for n in 0..=MAX_SUFFIX {
                let Some(suf) = suffix(form, n) else { break };
                if n < strip {
                    continue; // a rule must see the whole part it strips
                }
                *counts
                    .entry((xpos.clone(), suf.to_string()))
                    .or_default()
                    .entry((strip as u8, add.clone()))
                    .or_default() += w;
            }
        }
        let mut rules = HashMap::new();
        for (key, m) in counts {
            let total: u32 = m.values().sum();
            let best = m
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)));
            if let Some((rule, c)) = best {
                if key.1.is_empty() || total >= 2 || rule.0 > 0 {
                    let _ = c;
                    rules.insert(key, rule);
                }
            }
        }
        let mut lem = Lemmatizer::from_tables(rules, HashMap::new());
        // Exceptions: the most frequent lemma per (form, xpos) where the rules disagree.
        let mut best: HashMap<(String, String), (String, u32)> = HashMap::new();
        for ((form, xpos, lemma), c) in triples {
            let e = best.entry((form, xpos)).or_insert((String::new(), 0));
            if c > e.1 || (c == e.1 && lemma < e.0) {
                *e = (lemma, c);
            }
        }
        let mut exc = HashMap::new();
        for ((form, xpos), (lemma, _)) in best {
            if lem.by_rule(&form, &xpos) != lemma {
                exc.insert((form, xpos), lemma);
            }
        }
        Lemmatizer::from_tables(std::mem::take(&mut lem.rules), exc)
    }

    fn from_tables(
        rules: HashMap<(String, String), (u8, String)>,
        exceptions: HashMap<(String, String), String>,
    ) -> Lemmatizer {
        let mut rule_h = IdMap::with_hasher(IdBuild::default());
        for ((x, suf), r) in &rules {
            rule_h.insert(key2(x, suf), r.clone());
        }
        let mut exc_h = IdMap::with_hasher(IdBuild::default());
        for ((f, x), l) in &exceptions {
            exc_h.insert(key2(f, x), l.clone());
        }
        Lemmatizer {
            rules,
            exceptions,
            rule_h,
            exc_h,
        }
    }

    /// The rule of the longest suffix of `nf` known for `xpos`: (suffix length, strip, add).
    fn rule_match(&self, nf: &str, xpos: &str) -> Option<(usize, u8, &str)> {
        // Past tense and past participle share their regular forms: a suffix seen with
        // either tag speaks for both ("outlined"/VBN teaches "declined"/VBD), the longest
        // suffix first, the word's own tag first at equal length.
        let twin = match xpos {
            "VBD" => Some("VBN"),
            "VBN" => Some("VBD"),
            _ => None,
        };
        for n in (0..=MAX_SUFFIX).rev() {
            let Some(suf) = suffix(nf, n) else { continue };
            if let Some((strip, add)) = self.rule_h.get(&key2(xpos, suf)) {
                return Some((n, *strip, add.as_str()));
            }
            if let Some(t) = twin.filter(|_| n >= 3) {
                if let Some((strip, add)) = self.rule_h.get(&key2(t, suf)) {
                    return Some((n, *strip, add.as_str()));
                }
            }
        }
        None
    }

    fn by_rule(&self, nf: &str, xpos: &str) -> String {
        if xpos == "NNP" {
            return nf.to_string();
        }
        let own = self.rule_match(nf, xpos);
        // A present participle has the stem of its "-ed" form: when the "-ed" form's rule
        // sees more of the stem ("declined": "lined", three letters before "ed") than the
        // "-ing" form's own rule ("declining": "ining", two before "ing"), it decides.
        if xpos == "VBG" {
            // (a stem ending in a consonant: "trying" has no "tryed" to learn from)
            let consonant = |s: &str| {
                s.chars()
                    .last()
                    .is_some_and(|c| c.is_ascii_alphabetic() && !"aeiouy".contains(c))
            };
            if let Some(stem) = nf
                .strip_suffix("ing")
                .filter(|s| s.chars().count() >= 2 && consonant(s))
            {
                let ed = format!("{stem}ed");
                if let Some((n2, strip, add)) = self.rule_match(&ed, "VBD") {
                    let own_ctx = own.map_or(0, |(n, _, _)| n.saturating_sub(3));
                    if n2.saturating_sub(2) > own_ctx && strip >= 1 {
                        return apply(&ed, strip as usize, add);
                    }
                }
            }
        }
        match own {
            Some((_, strip, add)) => apply(nf, strip as usize, add),
            None => nf.to_string(),
        }
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        let nf = normal_form(form, xpos);
        if let Some(l) = self.exc_h.get(&key2(&nf, xpos)) {
            return l.clone();
        }
        let l = self.by_rule(&nf, xpos);
        if xpos.starts_with("VB") {
            if let Some(l) = double_l_stem(&nf, &l) {
                return l;
            }
        }
        l
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(b"NGLM");
        out.extend_from_slice(&1u32.to_le_bytes());
        let mut rules: Vec<_> = self.rules.iter().collect();
        rules.sort();
        out.extend_from_slice(&(rules.len() as u32).to_le_bytes());
        for ((x, s), (strip, add)) in rules {
            put_string(&mut out, x);
            put_string(&mut out, s);
            out.push(*strip);
            put_string(&mut out, add);
        }
        let mut exc: Vec<_> = self.exceptions.iter().collect();
        exc.sort();
        out.extend_from_slice(&(exc.len() as u32).to_le_bytes());
        for ((f, x), l) in exc {
            put_string(&mut out, f);
            put_string(&mut out, x);
            put_string(&mut out, l);
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Option<Lemmatizer> {
        let mut r = Reader { b, pos: 0 };
        if r.take(4)? != b"NGLM" || r.u32()? != 1 {
            return None;
        }
        let n = r.u32()? as usize;
        let mut rules = HashMap::with_capacity(n);
        for _ in 0..n {
            let x = r.string()?;
            let s = r.string()?;
            let strip = r.take(1)?[0];
            let add = r.string()?;
            rules.insert((x, s), (strip, add));
        }
        let n = r.u32()? as usize;
        let mut exceptions = HashMap::with_capacity(n);
        for _ in 0..n {
            let f = r.string()?;
            let x = r.string()?;
            let l = r.string()?;
            exceptions.insert((f, x), l);
        }
        Some(Lemmatizer::from_tables(rules, exceptions))
    }
}

/// The stem of a verb form in "-elled" / "-elling": a final "l" is doubled after an
/// unstressed or final-stressed syllable of a longer stem ("cancelled", "travelling",
/// "repelled": cancel, travel, repel) but belongs to a one-syllable stem ("shelled",
/// "spelled", "quelled": shell, spell, quell). The suffix rules learned from the treebank
/// cannot tell the two apart; `rule` is what they gave. None when the form is not such.
fn double_l_stem(nf: &str, rule: &str) -> Option<String> {
    let stem_ll = nf
        .strip_suffix("ed")
        .or_else(|| nf.strip_suffix("ing"))
        .filter(|s| s.ends_with("ell"))?;
    if rule != stem_ll && rule.len() + 1 != stem_ll.len() {
        return None;
    }
    let stem_l = &stem_ll[..stem_ll.len() - 1];
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let mut groups = 0;
    let mut prev = false;
    for c in stem_l.chars() {
        let v = vowel(c);
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    Some(if groups <= 1 {
        stem_ll.to_string()
    } else {
        stem_l.to_string()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn doubled_l_belongs_to_one_syllable_stems_only() {
        for (form, lemma) in [
            ("shelled", "shell"),
            ("spelled", "spell"),
            ("quelling", "quell"),
            ("cancelled", "cancel"),
            ("travelling", "travel"),
            ("repelled", "repel"),
            ("excelled", "excel"),
        ] {
            let guess = if lemma.ends_with("ll") {
                &lemma[..lemma.len() - 1]
            } else {
                lemma
            };
            assert_eq!(
                super::double_l_stem(form, guess).as_deref(),
                Some(lemma),
                "{form}"
            );
        }
        assert_eq!(super::double_l_stem("killed", "kill"), None);
    }

    use super::*;

    #[test]
    fn past_forms_share_rules_and_participles_follow_them() {
        // "-lined" is seen only as a participle (VBN), "-ined" as a past tense that strips
        // "ed" (joined); the longest suffix of either tag decides for both, and the "-ing"
        // form follows its "-ed" form when that one sees more of the stem.
        let data = [
            ("outlined", "VBN", "outline"),
            ("underlined", "VBN", "underline"),
            ("joined", "VBD", "join"),
            ("explained", "VBD", "explain"),
            ("gained", "VBD", "gain"),
            ("joining", "VBG", "join"),
            ("explaining", "VBG", "explain"),
            ("trying", "VBG", "try"),
        ];
        let l = Lemmatizer::train(data.iter().copied());
        assert_eq!(l.lemma("declined", "VBD"), "decline");
        assert_eq!(l.lemma("declined", "VBN"), "decline");
        assert_eq!(l.lemma("remained", "VBD"), "remain");
        assert_eq!(l.lemma("declining", "VBG"), "decline");
        assert_eq!(l.lemma("remaining", "VBG"), "remain");
    }

    #[test]
    fn learns_suffix_rules() {
        let data = [
            ("walked", "VBD", "walk"),
            ("talked", "VBD", "talk"),
            ("jumped", "VBD", "jump"),
            ("went", "VBD", "go"),
            ("dogs", "NNS", "dog"),
            ("cats", "NNS", "cat"),
            ("Paris", "NNP", "Paris"),
        ];
        let l = Lemmatizer::train(data.iter().copied());
        assert_eq!(l.lemma("accepted", "VBD"), "accept");
        assert_eq!(l.lemma("went", "VBD"), "go");
        assert_eq!(l.lemma("Birds", "NNS"), "bird");
        assert_eq!(l.lemma("Athens", "NNP"), "Athens");
        let l2 = Lemmatizer::from_bytes(&l.to_bytes()).unwrap();
        assert_eq!(l2.lemma("accepted", "VBD"), "accept");
    }
}
