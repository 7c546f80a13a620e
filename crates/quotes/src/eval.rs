//! Scoring quotes, reported speech and anchored times against hand annotations in the
//! seed's gold format (`*.gold.json` next to the article it names in `document`):
//!
//! ```json
//! { "document": "000_x.txt", "date": "2023-09-14",
//!   "times":  [{"text": "Wednesday", "value": "2023-09-13", "context": "…", "accept_text": […], "optional": false}],
//!   "quotes": [{"text": "…", "kind": "direct|partial", "speaker": "Kim Jong Un", "cue": "said"}],
//!   "reported_speech": [{"content": "…", "speaker": "KCNA", "cue": "informed", "optional": false}] }
//! ```
//!
//! - **Quotes** (direct and partial) match by text, after normalising whitespace, quotation
//!   marks, apostrophes and surrounding punctuation (a token F1 of at least 0.8 also
//!   matches); precision, recall and F1 overall and per kind (a per-kind match also needs
//!   the same kind).
//! - **Reported speech** (kind `indirect`) matches when the system content covers at least
//!   half of the gold content's words and the cue is the same, or covers 70% of them (gold
//!   contents may be paraphrased).
//! - **Speakers**: share of matched items whose speaker entity's canonical name, or speaker
//!   text, equals the gold speaker (leading "the" and case ignored).
//! - **Times**: for each non-optional gold time, whether a time expression with that text
//!   (or an `accept_text`) was found (inside its `context` when given) and whether its value
//!   is right.
//!
//! Optional gold items never count as misses, and system items matching them never count
//! as false alarms.

use newsgraph_core::{Document, Quote, QuoteKind};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Counts for precision / recall / F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    fn json(&self) -> Value {
        serde_json::json!({"tp": self.tp, "fp": self.fp, "fn": self.fn_,
            "precision": round(self.precision()), "recall": round(self.recall()), "f1": round(self.f1())})
    }
}

/// `right` out of `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Ratio {
    pub right: usize,
    pub total: usize,
}

impl Ratio {
    pub fn value(&self) -> f64 {
        ratio(self.right, self.total)
    }
    fn add(&mut self, o: Ratio) {
        self.right += o.right;
        self.total += o.total;
    }
    fn json(&self) -> Value {
        serde_json::json!({"right": self.right, "total": self.total, "accuracy": round(self.value())})
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn round(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

/// The figures of an evaluation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteReport {
    pub documents: usize,
    /// Direct and partial quotes, matched by text whatever the kind.
    pub quotes: Prf,
    /// Per kind: "direct", "partial" (text and kind match), "indirect" (reported speech).
    pub by_kind: BTreeMap<String, Prf>,
    /// Matched quotes (direct + partial) with the right speaker.
    pub speaker: Ratio,
    /// Matched reported speech with the right speaker.
    pub reported_speaker: Ratio,
    /// Gold times found (text, in context).
    pub times_found: Ratio,
    /// Gold times with the right value.
    pub time_values: Ratio,
    /// One line per miss, false alarm or wrong speaker, for reading.
    pub notes: Vec<String>,
}

impl QuoteReport {
    /// Adds another report's counts.
    pub fn merge(&mut self, o: QuoteReport) {
        self.documents += o.documents;
        self.quotes.add(o.quotes);
        for (k, v) in o.by_kind {
            self.by_kind.entry(k).or_default().add(v);
        }
        self.speaker.add(o.speaker);
        self.reported_speaker.add(o.reported_speaker);
        self.times_found.add(o.times_found);
        self.time_values.add(o.time_values);
        self.notes.extend(o.notes);
    }

    /// One JSON object with all figures.
    pub fn to_json(&self) -> Value {
        let kinds: serde_json::Map<String, Value> = self
            .by_kind
            .iter()
            .map(|(k, v)| (k.clone(), v.json()))
            .collect();
        serde_json::json!({
            "documents": self.documents,
            "quotes": self.quotes.json(),
            "by_kind": kinds,
            "speaker": self.speaker.json(),
            "reported_speaker": self.reported_speaker.json(),
            "times_found": self.times_found.json(),
            "time_values": self.time_values.json(),
            "notes": self.notes,
        })
    }

    /// Human-readable figures.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let line = |name: &str, p: &Prf| {
            format!(
                "{name:<22} P {:.3}  R {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})\n",
                p.precision(),
                p.recall(),
                p.f1(),
                p.tp,
                p.fp,
                p.fn_
            )
        };
        s.push_str(&format!("documents: {}\n", self.documents));
        s.push_str(&line("quotes (direct+partial)", &self.quotes));
        for (k, v) in &self.by_kind {
            s.push_str(&line(&format!("  {k}"), v));
        }
        let r = |name: &str, x: &Ratio| {
            format!("{name:<22} {}/{} = {:.3}\n", x.right, x.total, x.value())
        };
        s.push_str(&r("quote speakers", &self.speaker));
        s.push_str(&r("reported speakers", &self.reported_speaker));
        s.push_str(&r("times found", &self.times_found));
        s.push_str(&r("time values", &self.time_values));
        if !self.notes.is_empty() {
            s.push_str("notes:\n");
            for n in &self.notes {
                s.push_str(&format!("  {n}\n"));
            }
        }
        s
    }
}

/// One gold annotation file.
#[derive(Debug, Clone)]
pub struct Gold {
    /// The article file named by `document`, next to the gold file.
    pub document: PathBuf,
    pub json: Value,
}

/// Reads a gold file.
pub fn load_gold(path: &Path) -> Result<Gold, String> {
    let src = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let json: Value =
        serde_json::from_str(&src).map_err(|e| format!("{}: invalid JSON: {e}", path.display()))?;
    let doc = json
        .get("document")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{}: missing field `document`", path.display()))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    Ok(Gold {
        document: dir.join(doc),
        json,
    })
}

/// Evaluates gold files: for each, reads the article it names and analyses it with
/// `analyze(id, raw_text)` (raw text in the dated-text form), then scores it.
pub fn eval_gold(
    files: &[PathBuf],
    analyze: impl Fn(&str, &str) -> Result<Document, String>,
) -> Result<QuoteReport, String> {
    let mut total = QuoteReport::default();
    for f in files {
        let gold = load_gold(f)?;
        let raw = std::fs::read_to_string(&gold.document).map_err(|e| {
            format!(
                "{}: cannot read article {}: {e}",
                f.display(),
                gold.document.display()
            )
        })?;
        let id = gold
            .document
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("document")
            .to_string();
        let doc = analyze(&id, &raw)?;
        total.merge(score(&doc, &gold.json));
    }
    Ok(total)
}

/// Normalises a quote for matching: straight marks, single spaces, no surrounding
/// punctuation or marks, lower case.
pub fn normalize(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' | '´' => '\'',
            '“' | '”' | '„' | '«' | '»' => '"',
            c => c,
        })
        .collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim_matches(|c: char| c.is_whitespace() || ",.;:!?\"'()[]—–-…".contains(c))
        .to_lowercase()
}

fn content_words(s: &str) -> Vec<String> {
    normalize(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn token_f1(a: &str, b: &str) -> f64 {
    let wa = content_words(a);
    let wb = content_words(b);
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let mut pool = wb.clone();
    let mut common = 0;
    for w in &wa {
        if let Some(i) = pool.iter().position(|x| x == w) {
            pool.swap_remove(i);
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / wa.len() as f64;
    let r = common as f64 / wb.len() as f64;
    2.0 * p * r / (p + r)
}

/// Share of `gold`'s words found in `sys`.
fn coverage(gold: &str, sys: &str) -> f64 {
    let g = content_words(gold);
    let mut pool = content_words(sys);
    if g.is_empty() {
        return 0.0;
    }
    let mut common = 0;
    for w in &g {
        if let Some(i) = pool.iter().position(|x| x == w) {
            pool.swap_remove(i);
            common += 1;
        }
    }
    common as f64 / g.len() as f64
}

fn norm_name(s: &str) -> String {
    let n = normalize(s);
    n.strip_prefix("the ").unwrap_or(&n).to_string()
}

fn speaker_right(doc: &Document, q: &Quote, gold: &str) -> bool {
    let g = norm_name(gold);
    if g.is_empty() {
        return false;
    }
    let by_entity = q
        .speaker
        .and_then(|e| doc.entities.get(e))
        .is_some_and(|e| norm_name(&e.name) == g);
    let by_text = q
        .speaker_span
        .and_then(|s| doc.text.get(s.range()))
        .is_some_and(|t| norm_name(t) == g);
    by_entity || by_text
}

fn speaker_desc(doc: &Document, q: &Quote) -> String {
    let text = q
        .speaker_span
        .and_then(|s| doc.text.get(s.range()))
        .unwrap_or("-");
    match q.speaker.and_then(|e| doc.entities.get(e)) {
        Some(e) => format!("{text} → {}", e.name),
        None => text.to_string(),
    }
}

fn gstr<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

fn optional(v: &Value) -> bool {
    v.get("optional").and_then(Value::as_bool).unwrap_or(false)
}

/// Scores one analysed document against one gold annotation (the parsed JSON).
pub fn score(doc: &Document, gold: &Value) -> QuoteReport {
    let mut r = QuoteReport {
        documents: 1,
        ..Default::default()
    };
    let empty = Vec::new();
    let id = &doc.id;
    let qtext = |q: &Quote| doc.text.get(q.span.range()).unwrap_or("").to_string();
    let cue_text = |q: &Quote| {
        q.cue
            .and_then(|c| doc.text.get(c.range()))
            .unwrap_or("")
            .to_lowercase()
    };

    // direct + partial
    let gq = gold
        .get("quotes")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let sys: Vec<&Quote> = doc
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .collect();
    let mut sys_used = vec![false; sys.len()];
    for kind in ["direct", "partial"] {
        r.by_kind.insert(kind.to_string(), Prf::default());
    }
    for g in gq {
        let gt = gstr(g, "text");
        let gk = gstr(g, "kind");
        let gn = normalize(gt);
        let m = (0..sys.len())
            .filter(|&i| !sys_used[i])
            .find(|&i| normalize(&qtext(sys[i])) == gn)
            .or_else(|| {
                (0..sys.len())
                    .filter(|&i| !sys_used[i])
                    .find(|&i| token_f1(&qtext(sys[i]), gt) >= 0.8)
            });
        match m {
            Some(i) => {
                sys_used[i] = true;
                r.quotes.tp += 1;
                let sk = sys[i].kind.as_str();
                if sk == gk {
                    r.by_kind.entry(gk.to_string()).or_default().tp += 1;
                } else {
                    r.by_kind.entry(gk.to_string()).or_default().fn_ += 1;
                    r.by_kind.entry(sk.to_string()).or_default().fp += 1;
                    r.notes.push(format!("{id}: kind {sk}, gold {gk}: {gt:?}"));
                }
                r.speaker.total += 1;
                if speaker_right(doc, sys[i], gstr(g, "speaker")) {
                    r.speaker.right += 1;
                } else {
                    r.notes.push(format!(
                        "{id}: speaker {:?}, gold {:?}: {gt:?}",
                        speaker_desc(doc, sys[i]),
                        gstr(g, "speaker")
                    ));
                }
            }
            None => {
                if !optional(g) {
                    r.quotes.fn_ += 1;
                    r.by_kind.entry(gk.to_string()).or_default().fn_ += 1;
                    r.notes.push(format!("{id}: missed {gk} quote {gt:?}"));
                }
            }
        }
    }
    for (i, q) in sys.iter().enumerate() {
        if !sys_used[i] {
            r.quotes.fp += 1;
            r.by_kind.entry(q.kind.as_str().to_string()).or_default().fp += 1;
            r.notes.push(format!(
                "{id}: false {} quote {:?}",
                q.kind.as_str(),
                qtext(q)
            ));
        }
    }

    // reported speech
    let gr = gold
        .get("reported_speech")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let ind: Vec<&Quote> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .collect();
    let mut used = vec![false; ind.len()];
    let mut prf = Prf::default();
    for g in gr {
        let gc = gstr(g, "content");
        let gcue = gstr(g, "cue").to_lowercase();
        let best = (0..ind.len())
            .filter(|&i| !used[i])
            .map(|i| (i, coverage(gc, &qtext(ind[i]))))
            .filter(|&(i, c)| c >= 0.7 || (c >= 0.5 && cue_text(ind[i]) == gcue))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((i, _)) => {
                used[i] = true;
                if !optional(g) {
                    prf.tp += 1;
                }
                r.reported_speaker.total += 1;
                if speaker_right(doc, ind[i], gstr(g, "speaker")) {
                    r.reported_speaker.right += 1;
                } else {
                    r.notes.push(format!(
                        "{id}: reported speaker {:?}, gold {:?}: {gc:?}",
                        speaker_desc(doc, ind[i]),
                        gstr(g, "speaker")
                    ));
                }
            }
            None => {
                if !optional(g) {
                    prf.fn_ += 1;
                    r.notes
                        .push(format!("{id}: missed reported speech ({gcue}) {gc:?}"));
                }
            }
        }
    }
    for (i, q) in ind.iter().enumerate() {
        if !used[i] {
            prf.fp += 1;
            r.notes.push(format!(
                "{id}: false reported speech ({}) {:?}",
                cue_text(q),
                qtext(q)
            ));
        }
    }
    r.by_kind.insert("indirect".to_string(), prf);

    // times
    let gt = gold
        .get("times")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let mut taken = vec![false; doc.times.len()];
    for g in gt.iter().filter(|g| !optional(g)) {
        let mut texts = vec![normalize(gstr(g, "text"))];
        if let Some(a) = g.get("accept_text").and_then(Value::as_array) {
            texts.extend(a.iter().filter_map(Value::as_str).map(normalize));
        }
        let ctx_spans: Vec<(usize, usize)> = match g.get("context").and_then(Value::as_str) {
            Some(c) if !c.is_empty() => doc
                .text
                .match_indices(c)
                .map(|(i, m)| (i, i + m.len()))
                .collect(),
            _ => vec![(0, doc.text.len())],
        };
        r.times_found.total += 1;
        r.time_values.total += 1;
        let m = (0..doc.times.len()).find(|&i| {
            let t = &doc.times[i];
            !taken[i]
                && texts.contains(&normalize(doc.text.get(t.span.range()).unwrap_or("")))
                && ctx_spans
                    .iter()
                    .any(|&(a, b)| a <= t.span.start && t.span.end <= b)
        });
        match m {
            Some(i) => {
                taken[i] = true;
                r.times_found.right += 1;
                let want = gstr(g, "value");
                if doc.times[i].value.as_deref() == Some(want) {
                    r.time_values.right += 1;
                } else {
                    r.notes.push(format!(
                        "{id}: time {:?} value {:?}, gold {want:?}",
                        gstr(g, "text"),
                        doc.times[i].value
                    ));
                }
            }
            None => r
                .notes
                .push(format!("{id}: missed time {:?}", gstr(g, "text"))),
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_ignores_marks_and_edges() {
        assert_eq!(normalize("  I’m  here, "), "i'm here");
        assert_eq!(normalize("\u{201c}Yes.\u{201d}"), "yes");
    }

    #[test]
    fn prf_figures() {
        let p = Prf {
            tp: 6,
            fp: 2,
            fn_: 1,
        };
        assert!((p.precision() - 0.75).abs() < 1e-9);
        assert!((p.recall() - 6.0 / 7.0).abs() < 1e-9);
        assert_eq!(Prf::default().f1(), 0.0);
    }

    #[test]
    fn coverage_allows_paraphrase() {
        let g = "Putin accepted the invitation";
        assert!(
            coverage(
                g,
                "Russian President Putin on Monday accepted the invitation by Kim"
            ) >= 0.99
        );
        assert!(coverage(g, "Kim left") < 0.3);
    }
}
