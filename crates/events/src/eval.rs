//! Evaluation of the coder: against the CAMEO-manual sentence set (one sentence a line,
//! with PLOVER type, CAMEO code(s), source and target countries) and against annotations
//! in the seed's gold format (events with source, target, code, accepted alternatives,
//! date). Analysis is left to the caller (a closure), so that these functions do not
//! depend on the pipeline.

use crate::actors::country_of;
use chrono::NaiveDate;
use newsgraph_core::{Document, Event};
use serde::{Deserialize, Serialize};

/// One actor of a CAMEO-manual record.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct RefActor {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub sector: String,
}

/// One line of `cameo_manual.jsonl`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct CameoRecord {
    #[serde(default)]
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub plover: Option<String>,
    #[serde(default)]
    pub cameo: Vec<String>,
    #[serde(default)]
    pub source: Option<Vec<RefActor>>,
    #[serde(default)]
    pub target: Option<Vec<RefActor>>,
}

/// Reads a JSON Lines file of [`CameoRecord`]s. Errors name the line.
pub fn read_cameo_jsonl(text: &str) -> Result<Vec<CameoRecord>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: CameoRecord =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        out.push(r);
    }
    Ok(out)
}

/// hits / total.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Share {
    pub hits: usize,
    pub total: usize,
    pub rate: f64,
}

impl Share {
    fn add(&mut self, hit: bool) {
        self.total += 1;
        if hit {
            self.hits += 1;
        }
        self.rate = if self.total == 0 {
            0.0
        } else {
            self.hits as f64 / self.total as f64
        };
    }
}

/// Scores on the CAMEO-manual set: share of sentences where some event has the right value.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct CameoScores {
    pub sentences: usize,
    /// Sentences with at least one coded event.
    pub with_event: usize,
    pub plover: Share,
    pub root: Share,
    pub exact: Share,
    pub source_country: Share,
    pub target_country: Share,
}

/// The country part of an actor code ("IGOUNO" → "IGO", "RUSMIL" → "RUS").
fn country(code: &str) -> String {
    normal_country(country_of(code))
}

/// Reference files written with older CAMEO/KEDS country codes ("JAP", "ITL") are compared
/// in ISO 3166 alpha-3, as the coder writes them.
fn normal_country(c: &str) -> String {
    match c {
        "JAP" => "JPN",
        "ITL" => "ITA",
        "VTN" => "VNM",
        "UK" | "UKG" => "GBR",
        "GMY" => "DEU",
        other => other,
    }
    .to_string()
}

/// Which measures one analysed sentence meets: `None` where the record gives no reference
/// value for that measure.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SentenceHits {
    pub plover: Option<bool>,
    pub root: Option<bool>,
    pub exact: Option<bool>,
    pub source_country: Option<bool>,
    pub target_country: Option<bool>,
}

/// Scores one analysed sentence against its record.
pub fn sentence_hits(r: &CameoRecord, d: &Document) -> SentenceHits {
    let evs = &d.events;
    let mut h = SentenceHits::default();
    if let Some(p) = &r.plover {
        h.plover = Some(evs.iter().any(|e| e.plover.as_deref() == Some(p.as_str())));
    }
    if !r.cameo.is_empty() {
        h.root = Some(
            evs.iter()
                .any(|e| r.cameo.iter().any(|c| c.get(..2) == Some(e.root.as_str()))),
        );
        h.exact = Some(evs.iter().any(|e| r.cameo.contains(&e.cameo)));
    }
    let wants =
        |v: &[RefActor], c: &str| v.iter().any(|a| normal_country(&a.country) == country(c));
    if let Some(src) = r
        .source
        .as_ref()
        .filter(|v| v.iter().any(|a| !a.country.is_empty()))
    {
        h.source_country = Some(
            evs.iter()
                .any(|e| e.source.code.as_deref().is_some_and(|c| wants(src, c))),
        );
    }
    if let Some(tgt) = r
        .target
        .as_ref()
        .filter(|v| v.iter().any(|a| !a.country.is_empty()))
    {
        h.target_country = Some(evs.iter().any(|e| {
            e.target
                .as_ref()
                .and_then(|t| t.code.as_deref())
                .is_some_and(|c| wants(tgt, c))
        }));
    }
    h
}

/// The measures a sentence fails, as letters: P (PLOVER type), R (CAMEO root), S (source
/// country), T (target country); empty when it fails none.
pub fn sentence_failures(r: &CameoRecord, d: &Document) -> String {
    let h = sentence_hits(r, d);
    let mut out = String::new();
    for (c, v) in [
        ('P', h.plover),
        ('R', h.root),
        ('S', h.source_country),
        ('T', h.target_country),
    ] {
        if v == Some(false) {
            out.push(c);
        }
    }
    out
}

/// Scores analysed documents (one per record, same order) against the records.
pub fn score_cameo(records: &[CameoRecord], docs: &[Document]) -> CameoScores {
    let mut s = CameoScores {
        sentences: records.len(),
        ..Default::default()
    };
    for (r, d) in records.iter().zip(docs) {
        if !d.events.is_empty() {
            s.with_event += 1;
        }
        let h = sentence_hits(r, d);
        for (share, v) in [
            (&mut s.plover, h.plover),
            (&mut s.root, h.root),
            (&mut s.exact, h.exact),
            (&mut s.source_country, h.source_country),
            (&mut s.target_country, h.target_country),
        ] {
            if let Some(v) = v {
                share.add(v);
            }
        }
    }
    s
}

/// One event of a gold annotation (seed format).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct GoldEvent {
    #[serde(default)]
    pub id: String,
    pub source: String,
    #[serde(default)]
    pub target: Option<String>,
    pub code: String,
    /// Other codes a careful coder could defend.
    #[serde(default)]
    pub accept: Vec<String>,
    #[serde(default)]
    pub plover: Option<String>,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub accept_date: Vec<NaiveDate>,
    #[serde(default)]
    pub modality: Option<String>,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub optional_target: bool,
    #[serde(default)]
    pub accept_target: Vec<String>,
    #[serde(default)]
    pub symmetric: bool,
}

/// A gold annotation file: the document it annotates and its events.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct GoldFile {
    #[serde(default)]
    pub document: Option<String>,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
}

pub fn read_gold(json: &str) -> Result<GoldFile, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// How one gold event fared.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct GoldOutcome {
    pub id: String,
    pub optional: bool,
    /// "exact", "accepted" (a code of `accept`), "root", or "missed".
    pub status: String,
    /// True when the match needed the lenient target rule (no predicted target).
    pub lenient_target: bool,
    pub date_ok: Option<bool>,
    /// The matching event, "SRC TGT CODE (rule)".
    pub matched: Option<String>,
}

/// Precision/recall figures on gold annotations.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct GoldScores {
    pub documents: usize,
    pub gold_events: usize,
    pub required_events: usize,
    pub predicted_events: usize,
    /// Required gold events matched at root level with the right actors (strict targets).
    pub required_root: usize,
    /// … with the code or an accepted alternative.
    pub required_exact: usize,
    /// … with exactly the preferred code.
    pub required_preferred: usize,
    /// Same, when a missing predicted target is not held against the event.
    pub required_root_lenient: usize,
    pub required_exact_lenient: usize,
    pub precision_root: f64,
    pub recall_root: f64,
    pub precision_exact: f64,
    pub recall_exact: f64,
    /// Share of root-matched events whose date is the gold date or an accepted one.
    pub date_accuracy: f64,
    pub outcomes: Vec<GoldOutcome>,
    /// (matched predicted at root level, matched predicted exact, dated matches, right dates)
    #[serde(skip)]
    pub raw: (usize, usize, usize, usize),
}

/// Do two actor codes name the same actor? Equal, or same country where one of them is a
/// bare country ("USA" ~ "USAGOV").
pub fn actor_match(pred: &str, gold: &str) -> bool {
    pred == gold || (country_of(pred) == country_of(gold) && (pred.len() == 3 || gold.len() == 3))
}

fn code_level(e: &Event, g: &GoldEvent) -> Option<u8> {
    if e.cameo == g.code {
        return Some(3);
    }
    if g.accept.contains(&e.cameo) {
        return Some(2);
    }
    let roots: Vec<&str> = std::iter::once(&g.code)
        .chain(&g.accept)
        .filter_map(|c| c.get(..2))
        .collect();
    roots.contains(&e.root.as_str()).then_some(1)
}

/// Actor agreement: Some(false) strict match, Some(true) match only leniently (no predicted
/// target), None no match.
fn actors_level(e: &Event, g: &GoldEvent) -> Option<bool> {
    let src = e.source.code.as_deref()?;
    let tgt = e.target.as_ref().and_then(|t| t.code.as_deref());
    let gold_targets: Vec<&str> = g
        .target
        .iter()
        .map(String::as_str)
        .chain(g.accept_target.iter().map(String::as_str))
        .collect();
    let check = |s: &str, gsrc: &str, t: Option<&str>, gt: &[&str]| -> Option<bool> {
        if !actor_match(s, gsrc) {
            return None;
        }
        match t {
            Some(t) if gt.iter().any(|g| actor_match(t, g)) => Some(false),
            Some(_) if g.optional_target => Some(false),
            Some(_) => None,
            None if gt.is_empty() || g.optional_target => Some(false),
            None => Some(true),
        }
    };
    let direct = check(src, &g.source, tgt, &gold_targets);
    if direct.is_some() || !g.symmetric {
        return direct;
    }
    let gt = g.target.as_deref()?;
    check(src, gt, tgt, &[g.source.as_str()])
}

/// Scores one document's events against its gold events; sums over documents with
/// [`GoldScores::merge`].
pub fn score_gold(gold: &[GoldEvent], events: &[Event]) -> GoldScores {
    let mut s = GoldScores {
        documents: 1,
        gold_events: gold.len(),
        predicted_events: events.len(),
        ..Default::default()
    };
    if gold.is_empty() && events.is_empty() {
        s.documents = 1;
    }
    s.required_events = gold.iter().filter(|g| !g.optional).count();
    // best candidate per gold event, one-to-one, strict before lenient, exact before root
    let mut used = vec![false; events.len()];
    let mut order: Vec<(u8, bool, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (ei, e) in events.iter().enumerate() {
            if let (Some(cl), Some(len)) = (code_level(e, g), actors_level(e, g)) {
                order.push((cl, len, gi, ei));
            }
        }
    }
    order.sort_by_key(|a| (a.1, std::cmp::Reverse(a.0)));
    let mut done: Vec<Option<(u8, bool, usize)>> = vec![None; gold.len()];
    for (cl, len, gi, ei) in order {
        if done[gi].is_some() || used[ei] {
            continue;
        }
        done[gi] = Some((cl, len, ei));
        used[ei] = true;
    }
    let (mut pred_root, mut pred_exact, mut dates, mut dates_ok) = (0, 0, 0, 0);
    for (gi, g) in gold.iter().enumerate() {
        let mut o = GoldOutcome {
            id: g.id.clone(),
            optional: g.optional,
            status: "missed".into(),
            lenient_target: false,
            date_ok: None,
            matched: None,
        };
        if let Some((cl, len, ei)) = done[gi] {
            let e = &events[ei];
            o.status = match cl {
                3 => "exact",
                2 => "accepted",
                _ => "root",
            }
            .into();
            o.lenient_target = len;
            o.matched = Some(format!(
                "{} {} {} ({})",
                e.source.code.as_deref().unwrap_or("-"),
                e.target
                    .as_ref()
                    .and_then(|t| t.code.as_deref())
                    .unwrap_or("-"),
                e.cameo,
                e.rule
            ));
            if let Some(gd) = g.date {
                let ok = e.date == Some(gd) || e.date.is_some_and(|d| g.accept_date.contains(&d));
                o.date_ok = Some(ok);
                dates += 1;
                if ok {
                    dates_ok += 1;
                }
            }
            if !len {
                pred_root += 1;
                if cl >= 2 {
                    pred_exact += 1;
                }
            }
            if !g.optional {
                s.required_root_lenient += 1;
                if cl >= 2 {
                    s.required_exact_lenient += 1;
                }
                if !len {
                    s.required_root += 1;
                    if cl >= 2 {
                        s.required_exact += 1;
                    }
                    if cl == 3 {
                        s.required_preferred += 1;
                    }
                }
            }
        }
        s.outcomes.push(o);
    }
    s.finish(pred_root, pred_exact, dates, dates_ok);
    s
}

impl GoldScores {
    fn finish(&mut self, pred_root: usize, pred_exact: usize, dates: usize, dates_ok: usize) {
        let div = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        self.precision_root = div(pred_root, self.predicted_events);
        self.precision_exact = div(pred_exact, self.predicted_events);
        self.recall_root = div(self.required_root, self.required_events);
        self.recall_exact = div(self.required_exact, self.required_events);
        self.date_accuracy = div(dates_ok, dates);
        // keep the raw counts for merging
        self.raw = (pred_root, pred_exact, dates, dates_ok);
    }

    /// Adds another document's scores.
    pub fn merge(&mut self, o: &GoldScores) {
        self.documents += o.documents;
        self.gold_events += o.gold_events;
        self.required_events += o.required_events;
        self.predicted_events += o.predicted_events;
        self.required_root += o.required_root;
        self.required_exact += o.required_exact;
        self.required_preferred += o.required_preferred;
        self.required_root_lenient += o.required_root_lenient;
        self.required_exact_lenient += o.required_exact_lenient;
        self.outcomes.extend(o.outcomes.iter().cloned());
        let r = (
            self.raw.0 + o.raw.0,
            self.raw.1 + o.raw.1,
            self.raw.2 + o.raw.2,
            self.raw.3 + o.raw.3,
        );
        self.finish(r.0, r.1, r.2, r.3);
    }
}
