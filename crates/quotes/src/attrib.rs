//! Cue finding and speaker phrases: the surface patterns of attribution.
//!
//! All functions work on one paragraph's tokens ([`Para`]); token ranges are half-open
//! `[a, b)` indices into `Para::toks`.

use crate::lexicon::{Frame, Lexicon};
use crate::scan::{Kind, Para, Tok};
use newsgraph_core::Upos;

pub const PRON_SUBJ: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];

/// Words that never sit inside a speaker noun phrase.
const STOP: &[&str] = &[
    "that",
    "and",
    "but",
    "or",
    "nor",
    "while",
    "when",
    "whereas",
    "as",
    "because",
    "since",
    "if",
    "after",
    "before",
    "though",
    "although",
    "where",
    "which",
    "who",
    "whom",
    "whose",
    "so",
    "than",
    "then",
    "to",
    "with",
    "by",
    "on",
    "into",
    "onto",
    "about",
    "over",
    "under",
    "during",
    "without",
    "against",
    "between",
    "among",
    "through",
    "via",
    "per",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "having",
    "will",
    "would",
    "can",
    "could",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "not",
    "n't",
    "did",
    "does",
    "do",
    "also",
    "however",
    "meanwhile",
    "there",
    "here",
    "yet",
    "still",
    "just",
    "only",
    "even",
    "now",
    "already",
    "later",
    "earlier",
    "today",
    "yesterday",
    "tonight",
    "him",
    "them",
    "us",
    "me",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "this",
    "what",
    "how",
    "why",
    "all",
    "again",
    "once",
    "up",
    "out",
    "down",
    "off",
    "too",
    "very",
    "never",
    "reportedly",
    "previously",
    "further",
    "quoted",
    // frequent irregular verb forms (no -ed) that end a subject when there are no POS tags
    "gave",
    "made",
    "took",
    "went",
    "came",
    "held",
    "met",
    "left",
    "sent",
    "saw",
    "won",
    "lost",
    "began",
    "became",
    "led",
    "put",
    "set",
    "got",
    "ran",
    "brought",
    "bought",
    "spoke",
    "chose",
    "drew",
    "fell",
    "felt",
    "found",
    "heard",
    "kept",
    "knew",
    "paid",
    "rose",
    "sat",
    "sold",
    "stood",
    "struck",
    "thought",
    "threw",
    "understood",
    "wore",
    "shot",
    "hit",
    "cut",
    "let",
    "gives",
    "makes",
    "takes",
    "goes",
    "comes",
    "holds",
    "meets",
    "sees",
    "wins",
    "leads",
    "gets",
    "seems",
    "seemed",
    "appears",
    "remains",
    "wants",
    "needs",
    "faces",
    "plans",
    "hopes",
    "believes",
    "expects",
    "feels",
    "thinks",
    "knows",
    "read",
    "reads",
];

/// Prepositions allowed inside a speaker phrase ("a spokesman for the ministry").
const NP_PREP: &[&str] = &["of", "for", "from", "at", "in"];

pub const DETS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those", "some",
    "many", "several", "most", "both", "each", "another", "other", "two", "three", "four", "five",
    "six", "any", "no", "one",
];

/// Adverbs and auxiliaries between a subject and its speech verb ("Kim has also said").
const ADV_SKIP: &[&str] = &[
    "also",
    "later",
    "earlier",
    "previously",
    "again",
    "then",
    "once",
    "further",
    "repeatedly",
    "recently",
    "reportedly",
    "just",
    "only",
    "still",
    "even",
    "today",
    "yesterday",
    "tonight",
    "never",
    "not",
    "n't",
    "already",
    "quoted",
    "as",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "did",
    "does",
    "do",
    "been",
    "be",
    "being",
    "however",
    "too",
    "separately",
    "subsequently",
    "immediately",
    "publicly",
    "privately",
    "flatly",
    "firmly",
    "openly",
    "reportedly",
];

const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "sep.",
    "oct.",
    "nov.",
    "dec.",
    "today",
    "yesterday",
    "tonight",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "month",
    "year",
    "weekend",
];

const TIME_PREP: &[&str] = &[
    "on", "in", "at", "by", "last", "this", "next", "early", "late", "earlier", "later", "on",
    "during",
];

const AUX_MODAL: &[&str] = &[
    "is", "was", "were", "are", "will", "would", "had", "has", "have", "could", "can", "should",
    "must", "may", "might", "did", "does", "do", "shall", "won't", "wouldn't", "isn't", "wasn't",
    "hasn't", "hadn't", "can't", "couldn't", "didn't", "doesn't", "don't", "aren't", "weren't",
    "'s", "be",
];

const ED_ADJ: &[&str] = &[
    "armed",
    "retired",
    "elected",
    "united",
    "unnamed",
    "detained",
    "jailed",
    "exiled",
    "indicted",
    "embattled",
    "veteran",
];

const LY_NOT_ADV: &[&str] = &[
    "family",
    "assembly",
    "anomaly",
    "supply",
    "rally",
    "ally",
    "italy",
    "july",
    "monopoly",
    "bully",
    "belly",
    "jelly",
    "lily",
    "tally",
    "folly",
    "holly",
    "reply",
    "apply",
    "comply",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "yearly",
    "elderly",
    "friendly",
    "early",
    "only",
    "kelly",
    "emily",
    "sally",
    "molly",
    "billy",
];

/// An adverb in -ly ("reportedly", "flatly"); by POS when tagged.
pub fn ly_adverb(t: &Tok) -> bool {
    if let Some(u) = t.upos {
        return u == Upos::ADV;
    }
    let w = t.lower.as_str();
    w.len() > 5 && w.ends_with("ly") && !LY_NOT_ADV.contains(&w)
}

/// An attribution: cue token and speaker phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr {
    pub cue: usize,
    /// Width of the cue in tokens ("according to": 2).
    pub cue_len: usize,
    pub speaker: Option<(usize, usize)>,
}

/// Speech-verb context for one paragraph.
pub struct Ctx<'a> {
    pub p: &'a Para,
    pub lex: &'a Lexicon,
    /// Attributions found so far in this paragraph, for `, adding that …`.
    pub attrs: Vec<Attr>,
}

fn is_end_punct(t: &Tok) -> bool {
    t.kind == Kind::Punct && matches!(t.lower.as_str(), "." | "!" | "?" | ";")
}

impl<'a> Ctx<'a> {
    pub fn toks(&self) -> &'a [Tok] {
        &self.p.toks
    }

    /// The speech verb at token `i` (lower-case word outside quotations).
    pub fn verb(&self, i: usize) -> Option<Frame> {
        let t = self.toks().get(i)?;
        if t.kind != Kind::Word || t.cap || t.in_quote {
            return None;
        }
        if let Some(u) = t.upos {
            if matches!(u, Upos::NOUN | Upos::PROPN | Upos::ADJ) {
                return None;
            }
        } else if i > 0
            && DETS.contains(&self.toks()[i - 1].lower.as_str())
            && !matches!(
                self.toks()[i - 1].lower.as_str(),
                "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "one"
                    | "both"
                    | "many"
                    | "several"
                    | "some"
                    | "most"
            )
        {
            // "the state broadcaster", "his claims"
            return None;
        }
        let v = self.lex.lookup(&t.lower)?;
        if t.upos.is_none() && t.lower == v.lemma && !self.bare_verb_ok(i) {
            // the base form is often a noun: "the report", "a Zeitgeist report"
            return None;
        }
        Some(v.frame)
    }

    /// A base form ("say", "report") reads as a verb after a modal, "to", a pronoun or a
    /// plural subject ("officials say").
    fn bare_verb_ok(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).map(|j| &self.toks()[j]) else {
            return false;
        };
        if self.toks().get(i + 1).is_some_and(|n| n.is_punct(":")) {
            return true;
        }
        let w = p.lower.as_str();
        matches!(
            w,
            "will"
                | "would"
                | "can"
                | "could"
                | "should"
                | "may"
                | "might"
                | "must"
                | "to"
                | "did"
                | "do"
                | "does"
                | "not"
                | "n't"
                | "didn't"
                | "don't"
                | "doesn't"
                | "won't"
                | "they"
                | "we"
                | "i"
                | "you"
                | "also"
                | "often"
                | "now"
                | "still"
                | "who"
        ) || (p.kind == Kind::Word
            && w.ends_with('s')
            && !w.ends_with("'s")
            && !w.ends_with("’s")
            && w.len() > 3)
    }

    /// "according to" at `i`.
    pub fn according(&self, i: usize) -> bool {
        let t = self.toks();
        i + 1 < t.len() && !t[i].in_quote && t[i].lower == "according" && t[i + 1].lower == "to"
    }

    /// A cue at `i`: speech verb or "according to".
    pub fn is_cue(&self, i: usize) -> bool {
        self.verb(i).is_some() || self.according(i)
    }

    /// -ing form of a speech verb ("saying", "adding").
    pub fn gerund(&self, i: usize) -> bool {
        self.verb(i).is_some() && self.toks()[i].lower.ends_with("ing")
    }

    fn np_ok(&self, i: usize, right: bool) -> bool {
        let t = &self.toks()[i];
        if t.kind == Kind::QMark || t.in_quote {
            return false;
        }
        // (the possessive apostrophe of a plural, "the Houthis' spokesman", is part of it)
        let plural_possessive = matches!(t.lower.as_str(), "'" | "’") && t.upos == Some(Upos::PART);
        if t.kind == Kind::Punct {
            return t.lower == "&" || plural_possessive;
        }
        let w = t.lower.as_str();
        if t.time && !t.cap {
            return false;
        }
        if right && (w == "in" || w == "at") {
            return false;
        }
        if let Some(u) = t.upos {
            return match u {
                Upos::PROPN | Upos::NUM => true,
                Upos::NOUN | Upos::ADJ => !STOP.contains(&w),
                Upos::DET => DETS.contains(&w) || w == "this",
                Upos::ADP => NP_PREP.contains(&w),
                Upos::PART => w == "'s" || w == "’s" || plural_possessive,
                _ => t.cap && !STOP.contains(&w),
            };
        }
        if TIME_WORDS.contains(&w) && w != "may" {
            return false;
        }
        if t.cap {
            return w == "the"
                || !matches!(
                    w,
                    "but"
                        | "and"
                        | "meanwhile"
                        | "however"
                        | "while"
                        | "after"
                        | "when"
                        | "as"
                        | "in"
                        | "on"
                        | "at"
                        | "during"
                        | "it"
                        | "he"
                        | "she"
                        | "they"
                        | "we"
                        | "i"
                        | "this"
                        | "that"
                        | "if"
                        | "although"
                        | "though"
                        | "because"
                        | "since"
                        | "notably"
                        | "also"
                        | "still"
                        | "yet"
                );
        }
        if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return true;
        }
        if STOP.contains(&w) || self.verb(i).is_some() {
            return false;
        }
        if NP_PREP.contains(&w) || DETS.contains(&w) {
            return true;
        }
        if (w.ends_with("ed") || w.ends_with("ing")) && !w.contains('-') && !ED_ADJ.contains(&w) {
            return false;
        }
        w.chars().any(|c| c.is_alphabetic())
    }

    fn is_timeish(&self, t: &Tok) -> bool {
        t.time || TIME_WORDS.contains(&t.lower.as_str())
    }

    /// Moves left over adverbs, auxiliaries, parentheses and time phrases before index `i`.
    fn skip_left(&self, mut i: usize, lo: usize) -> usize {
        let t = self.toks();
        while i > lo {
            let x = &t[i - 1];
            let w = x.lower.as_str();
            if x.kind == Kind::Word && !x.cap && (ADV_SKIP.contains(&w) || ly_adverb(x)) {
                i -= 1;
            } else if x.is_punct(")") {
                match (lo..i - 1).rev().find(|&j| t[j].is_punct("(")) {
                    Some(j) => i = j,
                    None => break,
                }
            } else if self.is_timeish(x) || (x.time && x.cap) {
                i -= 1;
                while i > lo
                    && (self.is_timeish(&t[i - 1])
                        || t[i - 1]
                            .lower
                            .chars()
                            .all(|c| c.is_ascii_digit() || c == ','))
                {
                    i -= 1;
                }
                if i > lo && TIME_PREP.contains(&t[i - 1].lower.as_str()) {
                    i -= 1;
                }
            } else {
                break;
            }
        }
        i
    }

    /// The subject phrase that ends right before the cue at `k`, not reaching left of `lo`.
    pub fn left_np(&self, k: usize, lo: usize) -> Option<(usize, usize)> {
        let t = self.toks();
        let mut end = self.skip_left(k, lo);
        // "X, who …, said" / "X, a spokesman, said" / "X, however, said"
        if end > lo && t[end - 1].is_punct(",") {
            let c2 = end - 1;
            let j = (lo..c2)
                .rev()
                .find(|&j| t[j].is_punct(",") || t[j].kind == Kind::QMark || is_end_punct(&t[j]))?;
            if !t[j].is_punct(",") || j + 1 >= c2 {
                return None;
            }
            let first = &t[j + 1];
            let f = first.lower.as_str();
            let rel = matches!(f, "who" | "which" | "whose" | "whom" | "where");
            let adv = c2 - (j + 1) <= 2
                && t[j + 1..c2].iter().all(|x| {
                    ADV_SKIP.contains(&x.lower.as_str())
                        || ly_adverb(x)
                        || matches!(
                            x.lower.as_str(),
                            "though" | "meanwhile" | "too" | "in" | "turn"
                        )
                });
            let appos = (DETS.contains(&f) || first.cap)
                && c2 - (j + 1) <= 8
                && (j + 1..c2).all(|x| self.np_ok(x, false));
            let long_appos = !(rel || adv || appos)
                && c2 - (j + 1) <= 24
                && !(j + 1..c2).any(|x| self.verb(x).is_some());
            if !(rel || adv || appos || long_appos) {
                return None;
            }
            end = self.skip_left(j, lo);
            if long_appos {
                // `Professor X, Director General of the institute that ran the trial, said`:
                // only when the name before the first comma opens the clause
                let mut a = end;
                while a > lo && end - a < 9 && self.np_ok(a - 1, false) {
                    a -= 1;
                }
                return (a == lo && a < end && t[a].cap).then_some((a, end));
            }
        }
        if end <= lo {
            return None;
        }
        if PRON_SUBJ.contains(&t[end - 1].lower.as_str()) && t[end - 1].kind == Kind::Word {
            return Some((end - 1, end));
        }
        let mut a = end;
        while a > lo && end - a < 9 && self.np_ok(a - 1, false) {
            a -= 1;
        }
        // "Kim and Putin said"
        if a >= lo + 2 && t[a - 1].lower == "and" && t[a - 2].cap && t[a].cap {
            a -= 2;
            while a > lo && end - a < 9 && t[a - 1].cap && self.np_ok(a - 1, false) {
                a -= 1;
            }
        }
        while a < end && NP_PREP.contains(&t[a].lower.as_str()) {
            a += 1;
        }
        if a >= end {
            return None;
        }
        let last = t[end - 1].lower.as_str();
        // a determiner ends no phrase, but a number or "both" used alone does ("the two
        // said", "Both said")
        let alone = matches!(last, "two" | "three" | "both") && end - a <= 2;
        if (DETS.contains(&last) && !alone) || NP_PREP.contains(&last) {
            return None;
        }
        Some((a, end))
    }

    /// The phrase starting at `a` (inverted order: `said spokesman John Smith`), before `hi`.
    pub fn right_np(&self, a: usize, hi: usize) -> Option<(usize, usize)> {
        let t = self.toks();
        if a >= hi {
            return None;
        }
        if PRON_SUBJ.contains(&t[a].lower.as_str()) && t[a].kind == Kind::Word {
            return Some((a, a + 1));
        }
        let mut b = a;
        while b < hi && b - a < 10 && self.np_ok(b, true) {
            b += 1;
        }
        while b > a
            && (NP_PREP.contains(&t[b - 1].lower.as_str())
                || DETS.contains(&t[b - 1].lower.as_str()))
        {
            b -= 1;
        }
        (b > a).then_some((a, b))
    }

    /// First token of the clause around `k`: back to a sentence end, a quotation mark or
    /// the paragraph start.
    pub fn clause_lo(&self, k: usize) -> usize {
        let t = self.toks();
        let mut i = k;
        while i > 0 {
            let x = &t[i - 1];
            if x.kind == Kind::QMark || x.in_quote || is_end_punct(x) || x.sent != t[k].sent {
                break;
            }
            i -= 1;
        }
        i
    }

    /// End (exclusive) of the clause around `k`: a sentence end, a quotation mark or the
    /// paragraph end.
    pub fn clause_hi(&self, k: usize) -> usize {
        let t = self.toks();
        let mut i = k;
        while i < t.len() {
            let x = &t[i];
            if x.kind == Kind::QMark || x.in_quote || is_end_punct(x) || x.sent != t[k].sent {
                break;
            }
            i += 1;
        }
        i
    }

    /// The subject of the main clause for a participial cue (`X released a statement,
    /// saying …`): the speaker of an earlier attribution in the sentence, else the leading
    /// phrase of the nearest comma-separated segment that has a verb after its subject.
    pub fn clause_subject(&self, k: usize) -> Option<(usize, usize)> {
        let t = self.toks();
        let sent = t[k].sent;
        if let Some(a) = self
            .attrs
            .iter()
            .rev()
            .find(|a| a.cue < k && t[a.cue].sent == sent && a.speaker.is_some())
        {
            return a.speaker;
        }
        let lo = {
            let mut i = k;
            while i > 0 && t[i - 1].sent == sent && !is_end_punct(&t[i - 1]) {
                i -= 1;
            }
            i
        };
        let mut seg_end = k.saturating_sub(1);
        while seg_end > lo {
            let seg_start = (lo..seg_end)
                .rev()
                .find(|&j| t[j].is_punct(",") || t[j].kind == Kind::QMark)
                .map(|j| j + 1)
                .unwrap_or(lo);
            if let Some((a, b)) = self.right_np(seg_start, seg_end) {
                // (not a possessor: "Taiwan's most important backer" names someone else)
                let possessive = t[b - 1].lower.ends_with("'s") || t[b - 1].lower.ends_with("’s");
                if b < seg_end
                    && t[b].kind == Kind::Word
                    && !t[b].cap
                    && !NP_PREP.contains(&t[b].lower.as_str())
                    && !possessive
                {
                    return Some((a, b));
                }
            }
            if seg_start == lo {
                break;
            }
            seg_end = seg_start - 1;
        }
        // a name that opens the sentence and is closed by the comma of an apposition ("The
        // United States, Taiwan's most important backer, urged …")
        let c = (lo..k).find(|&j| t[j].is_punct(","))?;
        let (a, b) = self.right_np(lo, c)?;
        let next = t.get(c + 1)?;
        let appos = DETS.contains(&next.lower.as_str())
            || next.lower.ends_with("'s")
            || next.lower.ends_with("’s")
            || t.get(c + 2)
                .is_some_and(|x| matches!(x.lower.as_str(), "'s" | "’s"));
        (a == lo && b == c && t[a..b].iter().any(|x| x.cap) && appos).then_some((a, b))
    }

    /// The speaker of a cue found in running text.
    pub fn speaker_for_cue(&self, k: usize) -> Option<(usize, usize)> {
        let hi = self.clause_hi(k);
        if self.according(k) {
            let hi2 = (k + 2..hi)
                .find(|&j| self.toks()[j].is_punct(","))
                .unwrap_or(hi);
            return self.right_np(k + 2, hi2);
        }
        if self.gerund(k) && k > 0 && self.toks()[k - 1].is_punct(",") {
            return self.clause_subject(k);
        }
        let lo = self.clause_lo(k);
        // a verb coordinated with the clause's first ("X welcomed the decision but said
        // ..."): X
        if k > lo
            && matches!(self.toks()[k - 1].lower.as_str(), "and" | "but")
            && self.left_np(k, lo).is_none()
        {
            return self.clause_subject(k - 1);
        }
        self.left_np(k, lo).or_else(|| {
            // inverted: `…, said X` or `said X:`
            let h = (k + 1..hi)
                .find(|&j| self.toks()[j].kind == Kind::Punct)
                .unwrap_or(hi);
            if k > lo && self.toks()[k - 1].is_punct(",") || h < hi && self.toks()[h].is_punct(":")
            {
                self.right_np(k + 1, h)
            } else {
                None
            }
        })
    }

    /// Where reported content really starts in `[a, b)`: past a leading time phrase ("on
    /// Sunday, the …"); None when it cannot be a reported clause (starts with punctuation,
    /// a preposition, "to" or an auxiliary: `claims to have …`, `confirmed for …`).
    pub fn content_begin(&self, a: usize, b: usize) -> Option<usize> {
        let t = self.toks();
        let mut a = a;
        if a + 1 < b && TIME_PREP.contains(&t[a].lower.as_str()) && self.is_timeish(&t[a + 1]) {
            a += 1;
            while a < b
                && (self.is_timeish(&t[a]) || t[a].lower.chars().all(|c| c.is_ascii_digit()))
            {
                a += 1;
            }
            if a < b && t[a].is_punct(",") {
                a += 1;
            }
            // "said on Friday that her government would ...": the complementizer too
            if a + 1 < b && t[a].lower == "that" {
                a += 1;
            }
        }
        let x = t.get(a)?;
        if a >= b || x.kind != Kind::Word {
            return None;
        }
        let w = x.lower.as_str();
        if AUX_MODAL.contains(&w)
            || matches!(
                w,
                "to" | "for"
                    | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "with"
                    | "as"
                    | "about"
                    | "of"
                    | "from"
                    | "into"
                    | "over"
                    | "against"
                    | "during"
                    | "after"
                    | "before"
                    | "since"
                    | "until"
                    | "and"
                    | "or"
                    | "but"
                    | "so"
                    | "nothing"
                    | "something"
                    | "anything"
                    | "yes"
                    | "no"
            )
        {
            return None;
        }
        Some(a)
    }

    /// An apposition after "according to X, …" (`According to Ann Lee, the mayor's
    /// spokeswoman, the road …`): the index after its closing comma.
    pub fn skip_apposition(&self, a: usize, b: usize) -> usize {
        let t = self.toks();
        let Some(c) = (a..b.min(a + 9)).find(|&j| t[j].is_punct(",")) else {
            return a;
        };
        let Some(first) = t.get(a) else { return a };
        let f = first.lower.as_str();
        let starts = DETS.contains(&f) || f.ends_with("'s") || f.ends_with("’s");
        if starts && c > a && (a..c).all(|j| self.np_ok(j, false)) {
            c + 1
        } else {
            a
        }
    }

    /// True when `[a, b)` reads as a clause (a verb near its start), for reported speech.
    pub fn is_clause(&self, a: usize, b: usize) -> bool {
        let t = self.toks();
        if b < a + 2 {
            return false;
        }
        let w0 = t[a].lower.as_str();
        // ("it" and "you" can be objects: "he declared it in a television address" reports
        // nothing; as subjects a verb follows, "said it would")
        let object_pron = matches!(w0, "it" | "you")
            && t[a].upos.is_some()
            && !t[a + 1..b.min(a + 4)]
                .iter()
                .any(|x| matches!(x.upos, Some(Upos::VERB | Upos::AUX)));
        if (PRON_SUBJ.contains(&w0) || w0 == "there") && !object_pron {
            return true;
        }
        if object_pron {
            return false;
        }
        // the verb must come before a comma, a relative pronoun or a coordination:
        // `claimed victory in the vote, which was marred …` is no clause
        // (an "and" before a determiner joins two subjects: "negotiations on a ceasefire and
        // the release of hostages had made progress")
        let lim = (a + 1..b.min(a + 12))
            .find(|&j| {
                t[j].is_punct(",")
                    || matches!(
                        t[j].lower.as_str(),
                        "which" | "who" | "whose" | "but" | "while"
                    )
                    || (t[j].lower == "and"
                        && !t.get(j + 1).is_some_and(|x| {
                            x.upos == Some(Upos::DET)
                                || matches!(x.lower.as_str(), "the" | "a" | "an" | "its" | "their")
                        }))
            })
            .unwrap_or(b.min(a + 12));
        // an adverb or adjective whose verb comes only in a subordinate clause is no
        // reported clause ("Tehran would respond more forcefully if Israel retaliated")
        if matches!(t[a].upos, Some(Upos::ADV | Upos::ADJ)) {
            let verb = (a + 1..lim).find(|&j| matches!(t[j].upos, Some(Upos::VERB | Upos::AUX)));
            // ("few if any firms use it", "rarely if ever": no condition)
            let sub = (a + 1..lim).find(|&j| {
                matches!(
                    t[j].lower.as_str(),
                    "if" | "when" | "unless" | "because" | "after" | "before" | "until" | "once"
                ) && !t.get(j + 1).is_some_and(|x| {
                    matches!(
                        x.lower.as_str(),
                        "any" | "ever" | "not" | "anything" | "anyone"
                    )
                })
            });
            if let (Some(s), Some(v)) = (sub, verb) {
                if s < v {
                    return false;
                }
            }
        }
        if t[a].upos.is_some() {
            return t[a + 1..lim].iter().any(|x| {
                matches!(x.upos, Some(Upos::VERB | Upos::AUX)) && !x.lower.ends_with("ing")
            });
        }
        (a + 1..lim).any(|j| {
            let x = &t[j];
            let w = x.lower.as_str();
            x.kind == Kind::Word
                && !x.cap
                && (AUX_MODAL.contains(&w)
                    || (w.len() > 4
                        && w.ends_with("ed")
                        && !ED_ADJ.contains(&w)
                        && !DETS.contains(&t[j - 1].lower.as_str())))
        })
    }
}

/// True when the content of a quotation reads as the name of a thing (a title, a
/// nickname): short, capitalised words, no sentence punctuation.
pub fn name_like(content: &str) -> bool {
    let words: Vec<&str> = content.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    if content.contains(['.', ',', '!', '?', ';', ':']) {
        return false;
    }
    const MINOR: &[&str] = &[
        "of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "or", "by",
    ];
    words.iter().enumerate().all(|(i, w)| {
        let c = w.chars().find(|c| c.is_alphanumeric());
        match c {
            None => true,
            Some(c) => {
                c.is_uppercase()
                    || c.is_numeric()
                    || (i > 0 && MINOR.contains(&w.to_lowercase().as_str()))
            }
        }
    })
}
