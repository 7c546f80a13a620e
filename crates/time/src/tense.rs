//! Tense of the clause around a time expression, from verb cues: Penn tags (`VBD`, `MD`,
//! `VBZ`) and lemmas when the syntax layer filled them, else word cues (was/did/-ed verbs,
//! will/would/plans to, is/are + -ing). The cue nearest to the expression wins, clause
//! boundaries (`;`, `:`, quotation marks, brackets) counting as extra distance.

use crate::lex::{Kind, Tok};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    /// "would", "was to", "was expected to": ahead of a past moment, often close to the
    /// article date on either side.
    FutureInPast,
    /// A cue that only reaches the few words after it (reduced clauses); resolved as
    /// [`Tense::FutureInPast`].
    LocalFutureInPast,
    None,
}

/// Tags from the syntax layer for one of our tokens.
#[derive(Debug, Clone, Default)]
pub struct Tag {
    pub xpos: String,
    pub lemma: String,
}

const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "went",
    "came",
    "met",
    "made",
    "took",
    "gave",
    "held",
    "left",
    "began",
    "saw",
    "found",
    "got",
    "sent",
    "spoke",
    "wrote",
    "became",
    "brought",
    "thought",
    "knew",
    "led",
    "ran",
    "won",
    "lost",
    "paid",
    "sold",
    "bought",
    "built",
    "fell",
    "rose",
    "struck",
    "fled",
    "flew",
    "drove",
    "chose",
    "broke",
    "kept",
    "heard",
    "felt",
    "meant",
    "stood",
    "sat",
    "taught",
    "caught",
    "fought",
    "sought",
    "shot",
    "sank",
    "grew",
    "threw",
    "drew",
    "spent",
    "lent",
    "ate",
    "swore",
    "woke",
    "wore",
    "tore",
    "stole",
    "froze",
    "hid",
    "bit",
    "shook",
    "slept",
    "swept",
    "dealt",
    "underwent",
    "overtook",
    "withdrew",
    "undertook",
    "forgave",
    "arose",
    "awoke",
    "began",
    "sang",
    "rang",
    "sprang",
    "swam",
    "forbade",
    "forgot",
    "understood",
    "withheld",
    "upheld",
    "overcame",
    "became",
];

const NOT_ED_VERBS: &[&str] = &[
    "need",
    "speed",
    "indeed",
    "seed",
    "feed",
    "bleed",
    "breed",
    "proceed",
    "exceed",
    "succeed",
    "red",
    "bed",
    "shed",
    "hundred",
    "united",
    "wed",
    "weed",
    "greed",
    "deed",
    "creed",
    "steed",
    "tweed",
    "naked",
    "sacred",
    "wicked",
    "kindred",
    "rugged",
    "ragged",
    "jagged",
    "wretched",
    "beloved",
    "aged",
    "alleged",
    "supposed",
    "interested",
    "limited",
    "skilled",
    "experienced",
    "armed",
    "based",
    "related",
    "unprecedented",
    "unexpected",
    "varied",
    "talented",
    "dedicated",
];

/// "X to …" looking ahead on its own: "plans to", "hopes to", "likely to".
const FUTURE_TO: &[&str] = &[
    "plans",
    "plan",
    "planning",
    "expects",
    "going",
    "aims",
    "intends",
    "hopes",
    "wants",
    "preparing",
    "prepares",
    "poised",
    "likely",
    "intend",
    "aim",
    "hope",
    "want",
    "seeks",
    "seek",
    "seeking",
    "promises",
    "vows",
    "threatens",
    "pledges",
    "scheduled",
    "slated",
];

/// Past verbs of asking, urging and promising whose "to" clause comes after them ("urged
/// supporters to stay home on Friday"). Not verbs of deciding ("agreed", "decided",
/// "voted"): "BP agreed to sell its stake in October" dates the agreement.
const DIRECTIVE_PAST: &[&str] = &[
    "urged",
    "asked",
    "called",
    "pressed",
    "encouraged",
    "invited",
    "instructed",
    "appealed",
    "begged",
    "implored",
    "promised",
    "vowed",
    "pledged",
];

/// "is/was X to …": "is expected to", "was set to", "is due to".
const FUTURE_TO_BE: &[&str] = &[
    "expected",
    "scheduled",
    "set",
    "due",
    "going",
    "slated",
    "poised",
    "likely",
    "about",
    "supposed",
    "forecast",
    "predicted",
    "projected",
    "tipped",
    "planning",
    "preparing",
    "hoping",
    "aiming",
    "unlikely",
];

/// A headline's "X to do" ("Court to rule on impeachment on Friday"): in a sentence (byte
/// spans `sents`) without a finite verb, a "to" between a noun and a base verb announces the
/// future.
pub fn headline_future(
    text: &str,
    toks: &[Tok],
    tags: &[Tag],
    sents: &[(usize, usize)],
    cues: &mut [Option<Tense>],
) {
    for &(a, b) in sents {
        let lo = toks.partition_point(|t| t.start < a);
        let hi = toks.partition_point(|t| t.start < b).min(tags.len());
        // (a headline: a line of its own without a full stop, of at most 20 words)
        let line = text.get(a..b).unwrap_or("").trim_end();
        let own_line = text[..a].trim_end_matches([' ', '\t']).is_empty()
            || text[..a].trim_end_matches([' ', '\t']).ends_with('\n');
        if !own_line || line.ends_with(['.', '!', '?', '"', '”']) || hi - lo > 20 {
            continue;
        }
        if lo >= hi
            || tags[lo..hi]
                .iter()
                .any(|t| matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD"))
        {
            continue;
        }
        for i in lo + 1..hi.saturating_sub(1) {
            if toks[i].low == "to"
                && tags[i + 1].xpos == "VB"
                && tags[i - 1].xpos.starts_with("NN")
                && cues[i].is_none()
            {
                cues[i] = Some(Tense::Future);
            }
        }
    }
}

/// One cue per token (None where the token says nothing about tense).
pub fn cues(toks: &[Tok], tags: Option<&[Tag]>) -> Vec<Option<Tense>> {
    let n = toks.len();
    let mut out = vec![None; n];
    let w = |i: usize| -> &str { toks.get(i).map(|t| t.low.as_str()).unwrap_or("") };
    let mut covered_until = 0usize;
    for i in 0..n {
        if i < covered_until {
            continue;
        }
        let t = &toks[i];
        if t.kind != Kind::Word {
            continue;
        }
        let x = tags
            .and_then(|tg| tg.get(i))
            .map(|t| t.xpos.as_str())
            .unwrap_or("");
        let lemma = tags
            .and_then(|tg| tg.get(i))
            .map(|t| t.lemma.as_str())
            .unwrap_or("");
        let low = t.low.as_str();
        // the "to" clause of a past request, order or promise looks ahead of it: "urged
        // supporters to stay home on Friday", "promised to hold the vote on Monday"
        if low == "to"
            && (1..=4).any(|k| i >= k && DIRECTIVE_PAST.contains(&w(i - k)))
            && toks.get(i + 1).is_some_and(|n| {
                n.kind == Kind::Word
                    && tags
                        .and_then(|tg| tg.get(i + 1))
                        .map_or(!n.low.ends_with("ed") && !n.cap, |t| t.xpos == "VB")
            })
        {
            out[i] = Some(Tense::FutureInPast);
            continue;
        }
        // future modals and "going to", "is to", "plans to"
        if low == "would"
            || (x == "MD" && lemma == "would")
            || (low == "d" && i > 0 && w(i - 1) == "'")
        {
            out[i] = Some(Tense::FutureInPast);
            covered_until = i + 4;
            continue;
        }
        let modal_fut = matches!(low, "will" | "shall" | "ll")
            || (low == "wo" && w(i + 1) == "'")
            || (low == "won" && w(i + 1) == "'" && w(i + 2) == "t");
        if modal_fut || (x == "MD" && matches!(lemma, "will" | "shall")) {
            out[i] = Some(Tense::Future);
            covered_until = i + 4;
            continue;
        }
        if matches!(low, "scheduled" | "slated" | "set" | "planned") && w(i + 1) == "for" {
            out[i] = Some(Tense::FutureInPast);
            continue;
        }
        if matches!(low, "is" | "are" | "was" | "were")
            && matches!(w(i + 1), "scheduled" | "slated" | "planned" | "set")
            && w(i + 2) == "for"
        {
            out[i] = Some(if matches!(low, "is" | "are") {
                Tense::Future
            } else {
                Tense::FutureInPast
            });
            covered_until = i + 3;
            continue;
        }
        // "to be held on August 9"
        if low == "to"
            && w(i + 1) == "be"
            && toks.get(i + 2).is_some_and(|t| {
                t.low.ends_with("ed")
                    || IRREGULAR_PAST.contains(&t.low.as_str())
                    || t.low.ends_with("en")
            })
        {
            // only for the words right after it: "the election to be held on August 9"
            out[i] = Some(Tense::LocalFutureInPast);
            covered_until = i + 3;
            continue;
        }
        if matches!(low, "may" | "might") && !t.cap {
            out[i] = Some(if w(i + 1) == "have" {
                Tense::Past
            } else {
                Tense::Future
            });
            covered_until = i + 4;
            continue;
        }
        if FUTURE_TO.contains(&low) && w(i + 1) == "to" {
            out[i] = Some(Tense::Future);
            covered_until = i + 4;
            continue;
        }
        if matches!(low, "is" | "are" | "am") && w(i + 1) == "to" {
            out[i] = Some(Tense::Future);
            covered_until = i + 3;
            continue;
        }
        if matches!(
            low,
            "next"
                | "upcoming"
                | "expected"
                | "expects"
                | "expect"
                | "forecasts"
                | "predicts"
                | "predict"
                | "anticipates"
                | "anticipate"
                | "projects"
                | "plans"
                | "intends"
                | "aims"
                | "hopes"
        ) {
            out[i] = Some(Tense::Future);
            continue;
        }
        if matches!(low, "is" | "are" | "am" | "'s" | "'re")
            && FUTURE_TO_BE.contains(&w(i + 1))
            && w(i + 2) == "to"
        {
            out[i] = Some(Tense::Future);
            covered_until = i + 5;
            continue;
        }
        if matches!(low, "is" | "are" | "am" | "'s" | "'re") {
            // progressive: "is meeting", "are holding" look ahead to an event
            let prog = (1..=2).any(|k| {
                toks.get(i + k)
                    .is_some_and(|t| t.low.ends_with("ing") && t.low.len() > 4 && t.low != "being")
            });
            out[i] = Some(if prog { Tense::Future } else { Tense::Present });
            covered_until = i + 3;
            continue;
        }
        if matches!(low, "has" | "have") {
            // perfect: a past event
            let perf = (1..=3).any(|k| {
                toks.get(i + k).is_some_and(|t| {
                    t.low == "been"
                        || (t.low.ends_with("ed") && t.low.len() > 4)
                        || IRREGULAR_PAST.contains(&t.low.as_str())
                        || t.low.ends_with("en")
                })
            });
            out[i] = Some(if perf { Tense::Past } else { Tense::Present });
            covered_until = i + 4;
            continue;
        }
        if matches!(low, "was" | "were") && FUTURE_TO_BE.contains(&w(i + 1)) && w(i + 2) == "to" {
            out[i] = Some(Tense::FutureInPast);
            covered_until = i + 5;
            continue;
        }
        // with tags: VBD past, VBZ/VBP present; a VBN without an auxiliary (already
        // covered above) is often a finite past the tagger missed, so the word rules decide
        if !x.is_empty() && x != "VBN" {
            match x {
                "VBD" => out[i] = Some(Tense::Past),
                "VBZ" | "VBP" => out[i] = Some(Tense::Present),
                _ => {}
            }
            continue;
        }
        if IRREGULAR_PAST.contains(&low) {
            out[i] = Some(Tense::Past);
            if matches!(low, "was" | "were" | "had" | "did") {
                covered_until = i + 3;
            }
            continue;
        }
        if low.len() >= 4 && low.ends_with("ed") && !t.cap && !NOT_ED_VERBS.contains(&low) {
            let p = if i > 0 { w(i - 1) } else { "" };
            // "followed by": a participle, not a finite past
            if w(i + 1) == "by" {
                continue;
            }
            if !matches!(
                p,
                "the"
                    | "a"
                    | "an"
                    | "-"
                    | "be"
                    | "been"
                    | "being"
                    | "to"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
            ) {
                out[i] = Some(Tense::Past);
            }
            continue;
        }
        if matches!(low, "says" | "does" | "do") {
            out[i] = Some(Tense::Present);
        }
    }
    out
}

fn is_boundary(t: &Tok) -> bool {
    matches!(t.low.as_str(), ";" | ":" | "\"" | "(" | ")" | "'")
}

/// Tense for the expression at tokens [s, e), looking within tokens [lo, hi) (its sentence).
pub fn tense_at(
    toks: &[Tok],
    cues: &[Option<Tense>],
    s: usize,
    e: usize,
    lo: usize,
    hi: usize,
) -> Tense {
    let mut best: Option<(usize, Tense)> = None;
    let mut consider = |score: usize, t: Tense| {
        if best.is_none_or(|(b, _)| score < b) {
            best = Some((score, t));
        }
    };
    // left
    let mut penalty = 0;
    let mut k = s;
    while k > lo {
        k -= 1;
        if is_boundary(&toks[k]) {
            penalty += 6;
        }
        if let Some(t) = cues[k] {
            if t == Tense::LocalFutureInPast {
                if s - k <= 5 {
                    consider(s - k + penalty, Tense::FutureInPast);
                }
                continue;
            }
            consider(s - k + penalty, t);
        }
    }
    penalty = 0;
    for (k, tok) in toks.iter().enumerate().take(hi).skip(e) {
        if is_boundary(tok) {
            penalty += 6;
        }
        if let Some(t) = cues[k] {
            if t == Tense::LocalFutureInPast {
                continue;
            }
            // a cue after the expression is a little less likely to govern it
            consider(k + 1 - e + penalty + 1, t);
        }
    }
    best.map(|b| b.1).unwrap_or(Tense::None)
}
