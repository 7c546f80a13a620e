//! # newsgraph-time
//!
//! Temporal expressions, recognised and normalised TIMEX3-style against the article date.
//!
//! [`TimeTagger`] (component `"time"`) finds dates ("Sept. 14, 2023", "9/14/2023",
//! "Thursday (September 14)", "last week", "the 1990s", "the third quarter"), times
//! ("Friday afternoon", "3 p.m."), durations ("three years", "the past decade") and sets
//! ("every week") and fills [`Document::times`] with their type and value (`2023-09-14`,
//! `2023-W36`, `199`, `2023-Q3`, `2023-09-15TAF`, `P3Y`, `P1W`, `PAST_REF`, …).
//!
//! Relative expressions are resolved against [`Document::date`] with a tense-aware
//! resolver of our own: "on Wednesday" in a past-tense clause is the last Wednesday on or
//! before the article date, in a future clause ("will", "would", "is to", "plans to") the
//! next one; year-less months and dates follow the same rule; "three years later" and
//! "the next day" are anchored on the previous resolved expression. Tense comes from the
//! syntax layer's Penn tags when present, else from word cues in the sentence. Without an
//! article date, relative expressions get no value, absolute ones still resolve.
//!
//! [`governing_date`] tells later components (quotes, events) which date governs a clause.
//! [`eval::tempeval`] scores the recogniser on TempEval-3 TimeML.
//!
//! Layout: `lex` (a tokenizer of its own, so that the component works on raw text and
//! sentence spans alone), `rules` (patterns → meanings), `tense` (clause tense from word
//! cues or Penn tags), `resolve` (meanings → TIMEX3 values). No data files: the word lists
//! live in the code. `newsgraph eval time --tml DIR` prints the TempEval-3 figures; the
//! examples `tempeval` (with `--errors`) and `jsonl` (lists what is found in a JSON Lines
//! file of dated articles) help when changing the rules.

use chrono::NaiveDate;
use newsgraph_core::{Component, DateSource, Document, Span, TimeExpr, TimeType};

pub mod eval;
mod lex;
mod resolve;
mod rules;
mod tense;

pub(crate) use newsgraph_core::TimeType as TimeKind;

/// The time-expression component.
#[derive(Debug, Default, Clone)]
pub struct TimeTagger {}

impl TimeTagger {
    pub fn new() -> Self {
        TimeTagger {}
    }

    /// Finds and normalises the time expressions of `text` against `date`. Sentence spans
    /// (byte ranges) limit the tense search; when empty, sentences are split simply.
    pub fn tag_text(
        &self,
        text: &str,
        date: Option<NaiveDate>,
        sentences: &[Span],
    ) -> Vec<TimeExpr> {
        self.tag_with(text, date, sentences, None)
    }

    fn tag_with(
        &self,
        text: &str,
        date: Option<NaiveDate>,
        sentences: &[Span],
        doc_tokens: Option<&[newsgraph_core::Token]>,
    ) -> Vec<TimeExpr> {
        let toks = lex::tokenize(text);
        if toks.is_empty() {
            return Vec::new();
        }
        // sentence spans
        let sents: Vec<(usize, usize)> = if sentences.is_empty() {
            lex::simple_sentences(text)
        } else {
            sentences.iter().map(|s| (s.start, s.end)).collect()
        };
        // map syntax tags onto our tokens (by start offset)
        let tags: Option<Vec<tense::Tag>> = doc_tokens
            .filter(|dt| dt.iter().any(|t| !t.xpos.is_empty()))
            .map(|dt| {
                let mut v = vec![tense::Tag::default(); toks.len()];
                let mut j = 0;
                for (i, t) in toks.iter().enumerate() {
                    while j < dt.len() && dt[j].span.start < t.start {
                        j += 1;
                    }
                    if j < dt.len() && dt[j].span.start == t.start {
                        v[i] = tense::Tag {
                            xpos: dt[j].xpos.clone(),
                            lemma: dt[j].lemma.clone(),
                        };
                    }
                }
                v
            });
        let mut cues = tense::cues(&toks, tags.as_deref());
        if let Some(tg) = tags.as_deref() {
            tense::headline_future(text, &toks, tg, &sents, &mut cues);
        }
        let cands = rules::find(text, &toks);
        let cand_years: Vec<(usize, i32)> = cands
            .iter()
            .filter_map(|c| match c.sem {
                rules::Sem::Year(y) | rules::Sem::Cal { y: Some(y), .. } => {
                    Some((toks[c.s].start, y))
                }
                _ => None,
            })
            .collect();
        let mut out = Vec::with_capacity(cands.len());
        let mut anchor: Option<resolve::Point> = None;
        for c in cands {
            let (start, end) = (toks[c.s].start, toks[c.e - 1].end);
            // sentence token range
            let (lo, hi) = match sents.iter().find(|&&(a, b)| a <= start && start < b) {
                Some(&(a, b)) => {
                    let lo = toks.partition_point(|t| t.start < a);
                    let hi = toks.partition_point(|t| t.start < b);
                    (lo, hi)
                }
                None => (0, toks.len()),
            };
            let mut tn = tense::tense_at(&toks, &cues, c.s, c.e, lo, hi);
            // "extended the lockdown until May 1": an end point is not in the past
            let prev = if c.s > 0 {
                toks[c.s - 1].low.as_str()
            } else {
                ""
            };
            let endpoint = match c.sem {
                rules::Sem::Cal { .. } => {
                    matches!(
                        prev,
                        "until"
                            | "till"
                            | "through"
                            | "to"
                            | "by"
                            | "into"
                            | "from"
                            | "starting"
                            | "effective"
                            | "beginning"
                    )
                }
                rules::Sem::Weekday { .. }
                | rules::Sem::PartOfDay { .. }
                | rules::Sem::Clock { .. } => {
                    matches!(prev, "until" | "till" | "through" | "into" | "by")
                }
                _ => false,
            };
            if matches!(tn, tense::Tense::Past | tense::Tense::None) && endpoint {
                tn = tense::Tense::Present;
            }
            // an explicit year in the same sentence fixes year-less months and dates
            // (kept for reference: an explicit year elsewhere in the sentence proved a poor
            // guide for year-less months, so it is not used)
            let _sent_year: Option<i32> = cand_years
                .iter()
                .find(|&&(k, _)| {
                    k >= toks[lo.min(toks.len() - 1)].start
                        && k < toks.get(hi).map_or(usize::MAX, |t| t.start)
                })
                .map(|&(_, y)| y);
            let ctx = resolve::Ctx {
                dct: date,
                tense: tn,
                anchor,
                sent_year: None,
            };
            let r = resolve::resolve(&c.sem, &ctx);
            if let Some(p) = r.point {
                anchor = Some(p);
            }
            out.push(TimeExpr {
                span: Span::new(start, end),
                ttype: r.ttype,
                value: r.value,
            });
        }
        out.sort_by_key(|t| (t.span.start, t.span.end));
        out
    }
}

impl Component for TimeTagger {
    fn name(&self) -> &'static str {
        "time"
    }

    fn process(&self, doc: &mut Document) {
        let spans: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
        let toks = if doc.tokens.is_empty() {
            None
        } else {
            Some(doc.tokens.as_slice())
        };
        let times = self.tag_with(&doc.text, doc.date, &spans, toks);
        if doc.date.is_none() && times.iter().any(|t| t.value.is_none()) {
            doc.warnings
                .push("no article date: relative times left unresolved".to_string());
        }
        doc.times = times;
    }
}

/// The calendar day a TIMEX3 value names, when it names one ("2023-09-14",
/// "2023-09-14TEV", "2023-09-14T15:00"); months, years, weeks and references do not.
pub fn value_day(value: &str) -> Option<NaiveDate> {
    let head = value.get(..10)?;
    if value.len() > 10 && !value[10..].starts_with('T') {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// The date governing the clause of `anchor` (a byte span, e.g. an event trigger or a
/// speech verb) in sentence `sentence`: the day-precision DATE/TIME expression of that
/// sentence attached to the anchor's verb in the dependency parse when there is one, else
/// the nearest one in the same clause (then the same sentence); failing that, the
/// article date with [`DateSource::Document`]. Month or year values do not count.
pub fn governing_date(
    doc: &Document,
    sentence: usize,
    anchor: Span,
) -> (Option<NaiveDate>, DateSource) {
    let fallback = (doc.date, DateSource::Document);
    let Some(sent) = doc.sentences.get(sentence) else {
        return fallback;
    };
    let sspan = sent.span;
    let cands: Vec<(&TimeExpr, NaiveDate)> = doc
        .times
        .iter()
        .filter(|t| {
            sspan.contains(t.span) || (t.span.start >= sspan.start && t.span.start < sspan.end)
        })
        .filter(|t| matches!(t.ttype, TimeType::Date | TimeType::Time))
        .filter_map(|t| t.value.as_deref().and_then(value_day).map(|d| (t, d)))
        .collect();
    if cands.is_empty() {
        return fallback;
    }
    // dependency parse: the time's head chain reaches the anchor's verb
    let toks = &doc.tokens;
    let parsed = !sent.tokens.is_empty()
        && toks
            .get(sent.tokens.clone())
            .is_some_and(|ts| ts.iter().any(|t| !t.deprel.is_empty()));
    if parsed {
        let range = sent.tokens.clone();
        let tok_at = |sp: Span| -> Option<usize> {
            range
                .clone()
                .find(|&k| toks.get(k).is_some_and(|t| t.span.overlaps(sp)))
        };
        // the anchor's verb: climb from the anchor token to the first verb (itself included)
        let verb = tok_at(anchor).map(|mut k| {
            for _ in 0..20 {
                let t = &toks[k];
                if matches!(
                    t.upos,
                    newsgraph_core::Upos::VERB | newsgraph_core::Upos::AUX
                ) || t.head.is_none()
                {
                    break;
                }
                match t.head {
                    Some(h) if h < toks.len() => k = h,
                    _ => break,
                }
            }
            k
        });
        if let Some(v) = verb {
            // the time whose head chain reaches the verb in the fewest steps
            let mut best: Option<(usize, NaiveDate)> = None;
            for (t, d) in &cands {
                // the token of the time expression whose head lies outside it
                let inside: Vec<usize> = range
                    .clone()
                    .filter(|&k| toks.get(k).is_some_and(|x| t.span.contains(x.span)))
                    .collect();
                let Some(&root) = inside
                    .iter()
                    .find(|&&k| !matches!(toks[k].head, Some(h) if inside.contains(&h)))
                    .or(inside.first())
                else {
                    continue;
                };
                let mut k = root;
                for steps in 0..20 {
                    if k == v {
                        if !matches!(best, Some((b, _)) if b <= steps) {
                            best = Some((steps, *d));
                        }
                        break;
                    }
                    // (not through the verb of another clause: "thanked Qatar and said he
                    // had spoken with Netanyahu on Sunday" does not date the thanks)
                    if steps > 0 && is_clause_verb(toks, range.clone(), k) {
                        break;
                    }
                    match toks[k].head {
                        Some(h) if h < toks.len() => k = h,
                        _ => break,
                    }
                }
            }
            if let Some((_, d)) = best {
                return (Some(d), DateSource::Text);
            }
            // A time inside a clause of its own under the anchor's verb ("thanked Qatar and
            // said he had spoken with Netanyahu on Sunday": Sunday is the call's) dates that
            // clause's act, not the anchor's: no candidate below. (A time outside the
            // anchor's clause still may: "X invited Y ..., adding that X extended the
            // invitation on Wednesday".)
            let owned_elsewhere = |t: &TimeExpr| -> bool {
                let Some(mut k) = range
                    .clone()
                    .find(|&k| toks.get(k).is_some_and(|x| t.span.contains(x.span)))
                else {
                    return false;
                };
                let mut through_clause = false;
                for _ in 0..20 {
                    match toks[k].head {
                        Some(h) if h < toks.len() => k = h,
                        _ => return false,
                    }
                    if k == v {
                        return through_clause;
                    }
                    through_clause |= is_clause_verb(toks, range.clone(), k);
                }
                false
            };
            // (nor does a later date date an act told in the past tense: "…, who mediated
            // the talks, told reporters the truce would begin on Thursday")
            let past = matches!(toks[v].xpos.as_str(), "VBD" | "VBN");
            let later = |d: &NaiveDate| past && doc.date.is_some_and(|dd| *d > dd);
            let own: Vec<(&TimeExpr, NaiveDate)> = cands
                .iter()
                .filter(|(t, d)| !owned_elsewhere(t) && !later(d))
                .copied()
                .collect();
            if own.is_empty() {
                return fallback;
            }
            return nearest(doc, anchor, &own).map_or(fallback, |d| (Some(d), DateSource::Text));
        }
    }
    nearest(doc, anchor, &cands).map_or(fallback, |d| (Some(d), DateSource::Text))
}

/// A verb heading a clause of its own under another word (complement, conjunct, adverbial,
/// open complement, relative or subject clause).
/// An adverbial clause of the same time ("when announcing the shutdown on Monday", "while
/// addressing the press yesterday", "by shouting … and holding signs during Monday's
/// session": a participle without a subordinator) is not one of its own.
fn is_clause_verb(toks: &[newsgraph_core::Token], range: std::ops::Range<usize>, k: usize) -> bool {
    let x = &toks[k];
    let rel = |r: &str| {
        x.deprel == r
            || x.deprel
                .strip_prefix(r)
                .is_some_and(|rest| rest.starts_with(':'))
    };
    if !matches!(x.upos, newsgraph_core::Upos::VERB)
        || ![
            "ccomp",
            "conj",
            "advcl",
            "parataxis",
            "xcomp",
            "acl",
            "csubj",
        ]
        .iter()
        .any(|r| rel(r))
    {
        return false;
    }
    if rel("advcl") {
        let mark = range
            .clone()
            .find(|&c| toks[c].head == Some(k) && toks[c].deprel == "mark")
            .map(|c| toks[c].lemma.clone());
        match mark.as_deref() {
            Some("when" | "while" | "as" | "whilst") => return false,
            None if x.xpos == "VBG" => return false,
            _ => {}
        }
    }
    true
}

/// The date of the time expression nearest to `anchor`; crossing clause punctuation costs
/// extra.
fn nearest(doc: &Document, anchor: Span, cands: &[(&TimeExpr, NaiveDate)]) -> Option<NaiveDate> {
    let text = &doc.text;
    let cost = |t: &TimeExpr| -> usize {
        let (a, b) = if t.span.end <= anchor.start {
            (t.span.end, anchor.start)
        } else if anchor.end <= t.span.start {
            (anchor.end, t.span.start)
        } else {
            return 0;
        };
        let between = text.get(a..b).unwrap_or("");
        let bounds = between
            .chars()
            .filter(|c| matches!(c, ';' | ':' | '"' | '\u{201c}' | '\u{201d}'))
            .count();
        let commas = between.matches(", ").count();
        between.len() + bounds * 200 + commas * 15
    };
    cands.iter().min_by_key(|(t, _)| cost(t)).map(|(_, d)| *d)
}

#[cfg(test)]
mod tests;
