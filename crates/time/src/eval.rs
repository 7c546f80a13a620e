//! TempEval-3 style evaluation on TimeML (`*.tml`) files.
//!
//! Each file's document creation time (the TIMEX3 with `functionInDocument="CREATION_TIME"`)
//! is the article date and is not scored. The `<TEXT>` element, stripped of its tags
//! (`EVENT`, `SIGNAL`, `TIMEX3`) and with XML entities decoded, is the text analysed; the
//! TIMEX3 elements inside it are the reference. Scores follow the official TempEval-3
//! scorer: strict (identical span) and relaxed (overlapping span, one-to-one) precision,
//! recall and F1; value and type accuracy over relaxed matches, and attribute F1 = relaxed
//! F1 × accuracy.

use crate::TimeTagger;
use chrono::NaiveDate;
use newsgraph_core::{Component, Document, Span, TimeType};
use serde::Serialize;
use std::fmt;
use std::path::Path;

/// One reference expression.
#[derive(Debug, Clone)]
pub struct GoldTimex {
    pub span: Span,
    pub ttype: String,
    pub value: String,
}

/// A TimeML document: creation date, plain text, reference expressions.
#[derive(Debug, Clone)]
pub struct TmlDoc {
    pub name: String,
    pub dct: Option<NaiveDate>,
    pub text: String,
    pub gold: Vec<GoldTimex>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct TimeReport {
    pub documents: usize,
    pub gold: usize,
    pub system: usize,
    pub strict_precision: f64,
    pub strict_recall: f64,
    pub strict_f1: f64,
    pub relaxed_precision: f64,
    pub relaxed_recall: f64,
    pub relaxed_f1: f64,
    /// Share of relaxed matches with the reference value.
    pub value_accuracy: f64,
    /// Relaxed F1 × value accuracy.
    pub value_f1: f64,
    pub type_accuracy: f64,
    pub type_f1: f64,
    /// Mismatches, one line each (missed, spurious, wrong value), for inspection.
    #[serde(skip)]
    pub errors: Vec<String>,
}

impl fmt::Display for TimeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "TempEval-3 temporal expressions: {} documents, {} reference, {} found",
            self.documents, self.gold, self.system
        )?;
        writeln!(
            f,
            "  strict span   P {:.3}  R {:.3}  F1 {:.3}",
            self.strict_precision, self.strict_recall, self.strict_f1
        )?;
        writeln!(
            f,
            "  relaxed span  P {:.3}  R {:.3}  F1 {:.3}",
            self.relaxed_precision, self.relaxed_recall, self.relaxed_f1
        )?;
        writeln!(
            f,
            "  value         accuracy {:.3}  F1 {:.3}",
            self.value_accuracy, self.value_f1
        )?;
        write!(
            f,
            "  type          accuracy {:.3}  F1 {:.3}",
            self.type_accuracy, self.type_f1
        )
    }
}

fn decode_entities(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let after = &rest[p..];
        let ent = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ]
        .iter()
        .find(|(e, _)| after.starts_with(e));
        match ent {
            Some((e, c)) => {
                out.push(*c);
                rest = &after[e.len()..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let pat = format!("{name}=\"");
    let mut from = 0;
    while let Some(p) = tag[from..].find(&pat) {
        let p = from + p;
        let ok = p == 0 || tag.as_bytes()[p - 1].is_ascii_whitespace();
        let start = p + pat.len();
        let end = start + tag[start..].find('"')?;
        if ok {
            return Some(tag[start..end].to_string());
        }
        from = end;
    }
    None
}

/// Parses one TimeML document.
pub fn parse_tml(name: &str, xml: &str) -> Result<TmlDoc, String> {
    // document creation time
    let mut dct = None;
    let mut from = 0;
    while let Some(p) = xml[from..].find("<TIMEX3") {
        let p = from + p;
        let end = p + xml[p..]
            .find('>')
            .ok_or_else(|| format!("{name}: unclosed TIMEX3 tag"))?;
        let tag = &xml[p..end];
        if attr(tag, "functionInDocument").as_deref() == Some("CREATION_TIME") {
            let v = attr(tag, "value").unwrap_or_default();
            dct = v
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            break;
        }
        from = end;
    }
    let ts = xml
        .find("<TEXT>")
        .ok_or_else(|| format!("{name}: no <TEXT> element"))?
        + "<TEXT>".len();
    let te = ts
        + xml[ts..]
            .find("</TEXT>")
            .ok_or_else(|| format!("{name}: no </TEXT>"))?;
    let body = &xml[ts..te];
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(p) = rest.find('<') {
        decode_entities(&rest[..p], &mut text);
        let close = rest[p..]
            .find('>')
            .ok_or_else(|| format!("{name}: unclosed tag"))?
            + p;
        let tag = &rest[p + 1..close];
        if tag.starts_with("TIMEX3") {
            let ttype = attr(tag, "type").unwrap_or_default();
            let value = attr(tag, "value").unwrap_or_default();
            if tag.ends_with('/') {
                // empty (non-consuming) expression: not scored
            } else {
                open = Some((text.len(), ttype, value));
            }
        } else if tag.starts_with("/TIMEX3") {
            if let Some((s, ttype, value)) = open.take() {
                if text.len() > s {
                    gold.push(GoldTimex {
                        span: Span::new(s, text.len()),
                        ttype,
                        value,
                    });
                }
            }
        }
        rest = &rest[close + 1..];
    }
    decode_entities(rest, &mut text);
    Ok(TmlDoc {
        name: name.to_string(),
        dct,
        text,
        gold,
    })
}

fn prf(matched_p: usize, sys: usize, matched_r: usize, gold: usize) -> (f64, f64, f64) {
    let p = if sys == 0 {
        0.0
    } else {
        matched_p as f64 / sys as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        matched_r as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Scores a set of parsed documents on their raw text.
pub fn score(docs: &[TmlDoc]) -> TimeReport {
    score_with(docs, &|_| {})
}

/// Scores a set of parsed documents, running `prepare` (e.g. segmentation, tagging and
/// parsing) on each document before the time tagger.
pub fn score_with(docs: &[TmlDoc], prepare: &dyn Fn(&mut Document)) -> TimeReport {
    let tagger = TimeTagger::new();
    let mut rep = TimeReport {
        documents: docs.len(),
        ..Default::default()
    };
    let (mut strict, mut relaxed, mut val_ok, mut type_ok) = (0usize, 0usize, 0usize, 0usize);
    for d in docs {
        let mut doc = Document {
            id: d.name.clone(),
            date: d.dct,
            text: d.text.clone(),
            ..Default::default()
        };
        prepare(&mut doc);
        tagger.process(&mut doc);
        let sys = doc.times;
        rep.gold += d.gold.len();
        rep.system += sys.len();
        let mut used = vec![false; sys.len()];
        for g in &d.gold {
            if sys.iter().any(|s| s.span == g.span) {
                strict += 1;
            }
            let m = (0..sys.len()).find(|&k| !used[k] && sys[k].span.overlaps(g.span));
            let gtext = d.text.get(g.span.range()).unwrap_or("");
            match m {
                Some(k) => {
                    used[k] = true;
                    relaxed += 1;
                    if sys[k].span != g.span {
                        rep.errors.push(format!(
                            "{}\tSPAN\t{:?} | sys {:?}",
                            d.name,
                            gtext,
                            d.text.get(sys[k].span.range()).unwrap_or("")
                        ));
                    }
                    let sv = sys[k].value.clone().unwrap_or_default();
                    if sv == g.value {
                        val_ok += 1;
                    } else {
                        rep.errors.push(format!(
                            "{}\tVALUE\t{:?} gold {} | sys {:?} {}",
                            d.name,
                            gtext,
                            g.value,
                            d.text.get(sys[k].span.range()).unwrap_or(""),
                            sv
                        ));
                    }
                    if sys[k].ttype.as_str() == g.ttype {
                        type_ok += 1;
                    }
                }
                None => {
                    let ctx_s = g.span.start.saturating_sub(40);
                    let ctx = d
                        .text
                        .get(
                            floor(&d.text, ctx_s)
                                ..ceil(&d.text, (g.span.end + 30).min(d.text.len())),
                        )
                        .unwrap_or("");
                    rep.errors.push(format!(
                        "{}\tMISSED\t{:?} {} {}\t| {}",
                        d.name,
                        gtext,
                        g.ttype,
                        g.value,
                        ctx.replace('\n', " ")
                    ));
                }
            }
        }
        for (k, s) in sys.iter().enumerate() {
            if !used[k] {
                let ctx_s = s.span.start.saturating_sub(40);
                let ctx = d
                    .text
                    .get(floor(&d.text, ctx_s)..ceil(&d.text, (s.span.end + 30).min(d.text.len())))
                    .unwrap_or("");
                rep.errors.push(format!(
                    "{}\tSPURIOUS\t{:?} {} {:?}\t| {}",
                    d.name,
                    d.text.get(s.span.range()).unwrap_or(""),
                    s.ttype.as_str(),
                    s.value,
                    ctx.replace('\n', " ")
                ));
            }
        }
    }
    let (p, r, f) = prf(strict, rep.system, strict, rep.gold);
    rep.strict_precision = p;
    rep.strict_recall = r;
    rep.strict_f1 = f;
    let (p, r, f) = prf(relaxed, rep.system, relaxed, rep.gold);
    rep.relaxed_precision = p;
    rep.relaxed_recall = r;
    rep.relaxed_f1 = f;
    if relaxed > 0 {
        rep.value_accuracy = val_ok as f64 / relaxed as f64;
        rep.type_accuracy = type_ok as f64 / relaxed as f64;
    }
    rep.value_f1 = f * rep.value_accuracy;
    rep.type_f1 = f * rep.type_accuracy;
    let _ = TimeType::Date;
    rep
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Reads every `*.tml` file of `dir` (sorted by name).
pub fn read_dir(dir: &Path) -> Result<Vec<TmlDoc>, String> {
    let rd = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<_> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(format!("{}: no .tml files", dir.display()));
    }
    let mut docs = Vec::new();
    for p in paths {
        let xml = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        docs.push(parse_tml(&name, &xml)?);
    }
    Ok(docs)
}

/// Scores the recogniser on the TimeML files of `dir` (TempEval-3 platinum layout).
pub fn tempeval(dir: &Path) -> Result<TimeReport, String> {
    Ok(score(&read_dir(dir)?))
}

/// [`tempeval`] with a preparation step run on each document before the time tagger.
pub fn tempeval_with(dir: &Path, prepare: &dyn Fn(&mut Document)) -> Result<TimeReport, String> {
    Ok(score_with(&read_dir(dir)?, prepare))
}
