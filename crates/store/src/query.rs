//! Queries over the store. Every filter value is bound as a parameter; the SQL text is
//! assembled only from constant fragments.

use crate::{Result, Store, StoreError};
use chrono::NaiveDate;
use newsgraph_core::schema::DocumentOut;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension, Row};
use serde::Serialize;

// ---------------------------------------------------------------------------------------------
// Filters

/// Filters of [`Store::events`]. Actor and code filters are prefixes: `RUS` matches `RUS`,
/// `RUSGOV`, `RUSMIL`; `03` matches `03`, `036`, `0311`.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Source OR target actor code prefix.
    pub actor: Option<String>,
    /// Source actor code prefix.
    pub source: Option<String>,
    /// Target actor code prefix.
    pub target: Option<String>,
    /// CAMEO code prefix.
    pub code: Option<String>,
    /// PLOVER event type (`AGREE`, `SANCTION`, …), case-insensitive.
    pub plover: Option<String>,
    /// Modality (`asserted`, `intent`, `threat`, `negated`, `hypothetical`), case-insensitive.
    pub modality: Option<String>,
    /// Events on or after this date.
    pub from: Option<NaiveDate>,
    /// Events on or before this date.
    pub to: Option<NaiveDate>,
    /// Only events of this document id.
    pub document: Option<String>,
    /// At most this many rows (None: all).
    pub limit: Option<u32>,
    pub offset: u32,
}

/// Filters of [`Store::quotes`].
#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    /// Case-insensitive substring of the speaker's canonical name or of the speaker as written.
    pub speaker: Option<String>,
    /// Full-text search in the quote text (words, all required; see [`SearchQuery`]).
    pub search: Option<String>,
    /// `direct`, `partial` or `indirect`.
    pub kind: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only quotes of this document id.
    pub document: Option<String>,
    pub limit: Option<u32>,
    pub offset: u32,
}

/// Filters of [`Store::entities`] (entities are grouped across documents by name, type and
/// actor code).
#[derive(Debug, Clone, Default)]
pub struct EntityFilter {
    /// Entity type (`PERSON`, `ORG`, `GPE`, …), case-insensitive.
    pub etype: Option<String>,
    /// Case-insensitive substring of the canonical name.
    pub name: Option<String>,
    /// Actor code prefix.
    pub actor: Option<String>,
    pub limit: Option<u32>,
    pub offset: u32,
}

/// A full-text search over articles (title and text) and quotes.
#[derive(Debug, Clone)]
pub struct SearchQuery {
    /// By default whitespace-separated words, all required, each matched after stemming
    /// ("sanction" finds "sanctions"); a trailing `*` makes a word a prefix. With `raw` the
    /// text is FTS5 query syntax (`"exact phrase"`, `OR`, `NOT`, `NEAR`).
    pub text: String,
    pub raw: bool,
    /// Search articles.
    pub articles: bool,
    /// Search quotes.
    pub quotes: bool,
    /// Markers around matched words in snippets.
    pub mark_start: String,
    pub mark_end: String,
    pub limit: Option<u32>,
    pub offset: u32,
}

impl SearchQuery {
    /// A search of articles and quotes with `[`…`]` as snippet markers.
    pub fn new(text: impl Into<String>) -> Self {
        SearchQuery {
            text: text.into(),
            raw: false,
            articles: true,
            quotes: true,
            mark_start: "[".into(),
            mark_end: "]".into(),
            limit: Some(20),
            offset: 0,
        }
    }
}

/// The events of one actor (or between two actors) by day.
#[derive(Debug, Clone, Default)]
pub struct TimelineFilter {
    /// Actor code prefix, as source or target.
    pub actor: String,
    /// With another actor code prefix: only events between the two, in either direction.
    pub other: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// The actor network of a date range.
#[derive(Debug, Clone, Default)]
pub struct NetworkFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only edges touching an actor with this code prefix.
    pub actor: Option<String>,
    /// Group actors by their first three letters (the country or international actor code).
    pub countries: bool,
    /// Leave out edges with fewer events.
    pub min_count: u32,
    /// At most this many edges, the heaviest first.
    pub limit: Option<u32>,
}

/// Filters of [`Store::documents`].
#[derive(Debug, Clone, Default)]
pub struct DocumentFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub limit: Option<u32>,
    pub offset: u32,
}

// ---------------------------------------------------------------------------------------------
// Rows

/// One stored event with its document's provenance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    pub doc_id: String,
    pub event_id: String,
    pub date: Option<String>,
    pub date_source: String,
    pub source_actor: Option<String>,
    pub source_name: String,
    pub source_text: String,
    pub source_entity: Option<String>,
    pub cameo: String,
    pub cameo_name: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub target_actor: Option<String>,
    pub target_name: Option<String>,
    pub target_text: Option<String>,
    pub target_entity: Option<String>,
    pub modality: String,
    pub claimed_by: Option<String>,
    pub claimed_by_name: Option<String>,
    pub sentence: usize,
    pub sentence_text: String,
    pub trigger_start: usize,
    pub trigger_end: usize,
    pub trigger_text: String,
    pub rule: String,
    pub url: Option<String>,
    pub title: Option<String>,
}

/// One stored quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    pub doc_id: String,
    /// Position of the quote in its document's `quotes`.
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
    pub speaker: Option<String>,
    pub speaker_name: Option<String>,
    pub speaker_text: Option<String>,
    pub cue: Option<String>,
    pub date: Option<String>,
    pub date_source: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// With a text search: the quote with matched words marked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
}

/// An entity grouped across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityRow {
    pub name: String,
    #[serde(rename = "type")]
    pub etype: String,
    pub actor: Option<String>,
    /// A role given in some document ("President").
    pub role: Option<String>,
    /// Number of documents mentioning it.
    pub documents: u64,
    /// Number of mentions in all documents.
    pub mentions: u64,
}

/// A search hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// `article` or `quote`.
    pub kind: String,
    pub doc_id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// For quotes: the quote's position in its document and its speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_index: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    pub snippet: String,
    /// BM25 relevance (lower is better, as in SQLite FTS5).
    pub score: f64,
}

/// Events of one day in a timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineDay {
    pub date: String,
    /// Quad class 1.
    pub verbal_cooperation: u64,
    /// Quad class 2.
    pub material_cooperation: u64,
    /// Quad class 3.
    pub verbal_conflict: u64,
    /// Quad class 4.
    pub material_conflict: u64,
    pub total: u64,
    pub mean_goldstein: f64,
}

/// An edge of the actor network: events from `source` to `target`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetworkEdge {
    pub source: String,
    pub target: String,
    pub count: u64,
    /// Events of quad classes 1–2.
    pub cooperation: u64,
    /// Events of quad classes 3–4.
    pub conflict: u64,
    pub mean_goldstein: f64,
}

/// Counts of what the store holds (`newsgraph stats --json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub documents: u64,
    pub entities: u64,
    pub times: u64,
    pub quotes: u64,
    pub events: u64,
}

/// A stored document without its analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRow {
    pub id: String,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub sentences: u64,
    pub entities: u64,
    pub times: u64,
    pub quotes: u64,
    pub events: u64,
    pub newsgraph_version: String,
    pub ingested_at: String,
}

// ---------------------------------------------------------------------------------------------
// Helpers

/// Conditions and bound values, assembled from constant SQL fragments.
#[derive(Default)]
struct Conditions {
    sql: Vec<&'static str>,
    values: Vec<Value>,
}

impl Conditions {
    fn push(&mut self, sql: &'static str, values: impl IntoIterator<Item = Value>) {
        self.sql.push(sql);
        self.values.extend(values);
    }
    fn where_clause(&self) -> String {
        if self.sql.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.sql.join(" AND "))
        }
    }
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

/// A non-empty, trimmed filter value, or None.
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The half-open text range `[p, p + U+10FFFF)` that holds exactly the strings starting with
/// `p` (codes are compared byte-wise), so that prefix filters use the indexes.
fn prefix_range(p: &str) -> [Value; 2] {
    [text(p), text(format!("{p}\u{10FFFF}"))]
}

/// An actor-code prefix: upper-cased, letters and digits only.
fn actor_prefix(p: &str) -> Result<String> {
    let p = p.trim().to_ascii_uppercase();
    if p.chars().all(|c| c.is_ascii_alphanumeric()) {
        Ok(p)
    } else {
        Err(StoreError::BadQuery(format!(
            "bad actor code prefix {p:?}: letters and digits only (e.g. RUS, USAGOV)"
        )))
    }
}

fn cameo_prefix(p: &str) -> Result<String> {
    let p = p.trim();
    if p.chars().all(|c| c.is_ascii_digit()) && p.len() <= 4 {
        Ok(p.to_string())
    } else {
        Err(StoreError::BadQuery(format!(
            "bad CAMEO code prefix {p:?}: up to four digits (e.g. 03, 036, 1312)"
        )))
    }
}

fn date_value(d: NaiveDate) -> Value {
    text(d.format("%Y-%m-%d").to_string())
}

/// `LIKE` pattern for a case-insensitive substring, with `%`, `_` and `\` escaped.
fn like_pattern(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('%');
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

fn limit_offset(limit: Option<u32>, offset: u32) -> [Value; 2] {
    [
        Value::Integer(limit.map(i64::from).unwrap_or(-1)),
        Value::Integer(offset as i64),
    ]
}

/// Turns the user's words into a safe FTS5 query (each word a quoted string, all required).
pub fn fts_query(text: &str, raw: bool) -> Result<String> {
    if text.trim().is_empty() {
        return Err(StoreError::BadQuery("empty search text".into()));
    }
    if raw {
        return Ok(text.to_string());
    }
    let mut parts = Vec::new();
    for word in text.split_whitespace() {
        let (word, prefix) = match word.strip_suffix('*') {
            Some(w) => (w, true),
            None => (word, false),
        };
        let cleaned: String = word.chars().filter(|&c| c != '"').collect();
        // Words without any letter or digit (punctuation) match nothing: skip them.
        if !cleaned.chars().any(char::is_alphanumeric) {
            continue;
        }
        parts.push(format!("\"{cleaned}\"{}", if prefix { "*" } else { "" }));
    }
    if parts.is_empty() {
        return Err(StoreError::BadQuery(format!(
            "nothing to search for in {text:?}"
        )));
    }
    Ok(parts.join(" "))
}

/// Maps an FTS5 syntax error to a user error.
fn fts_error(e: rusqlite::Error) -> StoreError {
    let msg = e.to_string();
    if msg.contains("fts5") || msg.contains("syntax error") || msg.contains("no such column") {
        StoreError::BadQuery(format!("bad search query: {msg}"))
    } else {
        StoreError::Sqlite(e)
    }
}

fn u64_of(r: &Row, i: usize) -> rusqlite::Result<u64> {
    Ok(r.get::<_, i64>(i)?.max(0) as u64)
}

fn usize_of(r: &Row, i: usize) -> rusqlite::Result<usize> {
    Ok(r.get::<_, i64>(i)?.max(0) as usize)
}

// ---------------------------------------------------------------------------------------------
// Queries

const EVENT_COLUMNS: &str = "d.id, e.event_id, e.date, e.date_source, e.source_actor, e.source_name,
    e.source_text, e.source_entity, e.cameo, e.cameo_name, e.root, e.quad_class, e.goldstein, e.plover,
    e.plover_mode, e.target_actor, e.target_name, e.target_text, e.target_entity, e.modality, e.claimed_by,
    e.claimed_by_name, e.sentence, e.sentence_text, e.trigger_start, e.trigger_end, e.trigger_text, e.rule,
    d.url, d.title";

fn event_row(r: &Row) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        doc_id: r.get(0)?,
        event_id: r.get(1)?,
        date: r.get(2)?,
        date_source: r.get(3)?,
        source_actor: r.get(4)?,
        source_name: r.get(5)?,
        source_text: r.get(6)?,
        source_entity: r.get(7)?,
        cameo: r.get(8)?,
        cameo_name: r.get(9)?,
        root: r.get(10)?,
        quad_class: r.get::<_, i64>(11)?.clamp(0, 255) as u8,
        goldstein: r.get(12)?,
        plover: r.get(13)?,
        plover_mode: r.get(14)?,
        target_actor: r.get(15)?,
        target_name: r.get(16)?,
        target_text: r.get(17)?,
        target_entity: r.get(18)?,
        modality: r.get(19)?,
        claimed_by: r.get(20)?,
        claimed_by_name: r.get(21)?,
        sentence: usize_of(r, 22)?,
        sentence_text: r.get(23)?,
        trigger_start: usize_of(r, 24)?,
        trigger_end: usize_of(r, 25)?,
        trigger_text: r.get(26)?,
        rule: r.get(27)?,
        url: r.get(28)?,
        title: r.get(29)?,
    })
}

/// Conditions matching events where the source or target actor starts with `p`.
fn push_actor_either(c: &mut Conditions, p: &str) {
    let [lo, hi] = prefix_range(p);
    c.push(
        "((e.source_actor >= ? AND e.source_actor < ?) OR (e.target_actor >= ? AND e.target_actor < ?))",
        [lo.clone(), hi.clone(), lo, hi],
    );
}

fn push_dates(
    c: &mut Conditions,
    column_ge: &'static str,
    column_le: &'static str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) {
    if let Some(d) = from {
        c.push(column_ge, [date_value(d)]);
    }
    if let Some(d) = to {
        c.push(column_le, [date_value(d)]);
    }
}

impl Store {
    fn event_conditions(&self, f: &EventFilter) -> Result<Conditions> {
        let mut c = Conditions::default();
        if let Some(p) = given(&f.actor) {
            push_actor_either(&mut c, &actor_prefix(p)?);
        }
        if let Some(p) = given(&f.source) {
            c.push(
                "e.source_actor >= ? AND e.source_actor < ?",
                prefix_range(&actor_prefix(p)?),
            );
        }
        if let Some(p) = given(&f.target) {
            c.push(
                "e.target_actor >= ? AND e.target_actor < ?",
                prefix_range(&actor_prefix(p)?),
            );
        }
        if let Some(p) = given(&f.code) {
            c.push(
                "e.cameo >= ? AND e.cameo < ?",
                prefix_range(&cameo_prefix(p)?),
            );
        }
        if let Some(p) = given(&f.plover) {
            c.push("e.plover = ?", [text(p.to_ascii_uppercase())]);
        }
        if let Some(m) = given(&f.modality) {
            c.push("e.modality = ?", [text(m.to_ascii_lowercase())]);
        }
        push_dates(&mut c, "e.date >= ?", "e.date <= ?", f.from, f.to);
        if let Some(id) = given(&f.document) {
            c.push("d.id = ?", [text(id)]);
        }
        Ok(c)
    }

    /// Calls `each` for every event matching the filter, in date, document and event order,
    /// without holding all rows in memory (used by `export`).
    pub fn for_each_event(
        &self,
        f: &EventFilter,
        mut each: impl FnMut(EventRow) -> Result<()>,
    ) -> Result<()> {
        let c = self.event_conditions(f)?;
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.doc_key = e.doc_key{}
             ORDER BY e.date, d.id, e.event_key LIMIT ? OFFSET ?",
            c.where_clause()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let values = c.values.into_iter().chain(limit_offset(f.limit, f.offset));
        let mut rows = stmt.query(params_from_iter(values))?;
        while let Some(r) = rows.next()? {
            each(event_row(r)?)?;
        }
        Ok(())
    }

    /// Events matching the filter, in date, document and event order.
    pub fn events(&self, f: &EventFilter) -> Result<Vec<EventRow>> {
        let mut out = Vec::new();
        self.for_each_event(f, |r| {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }

    /// The number of events matching the filter (ignoring limit and offset).
    pub fn count_events(&self, f: &EventFilter) -> Result<u64> {
        let c = self.event_conditions(f)?;
        let sql = format!(
            "SELECT count(*) FROM events e JOIN documents d ON d.doc_key = e.doc_key{}",
            c.where_clause()
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(c.values), |r| u64_of(r, 0))?)
    }

    /// Quotes matching the filter; with a text search, the best matches first.
    pub fn quotes(&self, f: &QuoteFilter) -> Result<Vec<QuoteRow>> {
        let mut c = Conditions::default();
        let search = match given(&f.search) {
            Some(s) => Some(fts_query(s, false)?),
            None => None,
        };
        // The FTS condition comes first so that its snippet markers line up.
        let mut values: Vec<Value> = Vec::new();
        let (snippet_col, from_fts, order) = if let Some(q) = &search {
            values.extend([text("["), text("]")]);
            c.push("quotes_fts MATCH ?", [text(q.clone())]);
            (
                "snippet(quotes_fts, 0, ?, ?, '…', 24)",
                " JOIN quotes_fts ON quotes_fts.rowid = q.quote_key",
                "bm25(quotes_fts), d.date, d.id, q.idx",
            )
        } else {
            ("NULL", "", "q.date, d.id, q.idx")
        };
        if let Some(s) = given(&f.speaker) {
            let pat = like_pattern(s);
            c.push(
                "(q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker_text LIKE ? ESCAPE '\\')",
                [text(pat.clone()), text(pat)],
            );
        }
        if let Some(k) = given(&f.kind) {
            c.push("q.kind = ?", [text(k.to_ascii_lowercase())]);
        }
        push_dates(&mut c, "q.date >= ?", "q.date <= ?", f.from, f.to);
        if let Some(id) = given(&f.document) {
            c.push("d.id = ?", [text(id)]);
        }
        let sql = format!(
            "SELECT d.id, q.idx, q.start, q.end, q.text, q.kind, q.speaker, q.speaker_name, q.speaker_text,
                    q.cue, q.date, q.date_source, d.url, d.title, {snippet_col}
             FROM quotes q JOIN documents d ON d.doc_key = q.doc_key{from_fts}{}
             ORDER BY {order} LIMIT ? OFFSET ?",
            c.where_clause()
        );
        values.extend(c.values);
        values.extend(limit_offset(f.limit, f.offset));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(values), |r| {
                Ok(QuoteRow {
                    doc_id: r.get(0)?,
                    index: usize_of(r, 1)?,
                    start: usize_of(r, 2)?,
                    end: usize_of(r, 3)?,
                    text: r.get(4)?,
                    kind: r.get(5)?,
                    speaker: r.get(6)?,
                    speaker_name: r.get(7)?,
                    speaker_text: r.get(8)?,
                    cue: r.get(9)?,
                    date: r.get(10)?,
                    date_source: r.get(11)?,
                    url: r.get(12)?,
                    title: r.get(13)?,
                    snippet: r.get(14)?,
                })
            })
            .map_err(fts_error)?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(fts_error)
    }

    /// Entities grouped by name, type and actor code, the most widely mentioned first.
    pub fn entities(&self, f: &EntityFilter) -> Result<Vec<EntityRow>> {
        let mut c = Conditions::default();
        if let Some(t) = given(&f.etype) {
            c.push("n.type = ?", [text(t.to_ascii_uppercase())]);
        }
        if let Some(s) = given(&f.name) {
            c.push("n.name LIKE ? ESCAPE '\\'", [text(like_pattern(s))]);
        }
        if let Some(p) = given(&f.actor) {
            c.push(
                "n.actor >= ? AND n.actor < ?",
                prefix_range(&actor_prefix(p)?),
            );
        }
        let sql = format!(
            "SELECT n.name, n.type, n.actor, max(n.role), count(DISTINCT n.doc_key), sum(n.n_mentions)
             FROM entities n{}
             GROUP BY n.name, n.type, n.actor
             ORDER BY count(DISTINCT n.doc_key) DESC, sum(n.n_mentions) DESC, n.name
             LIMIT ? OFFSET ?",
            c.where_clause()
        );
        let values = c.values.into_iter().chain(limit_offset(f.limit, f.offset));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), |r| {
            Ok(EntityRow {
                name: r.get(0)?,
                etype: r.get(1)?,
                actor: r.get(2)?,
                role: r.get(3)?,
                documents: u64_of(r, 4)?,
                mentions: u64_of(r, 5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Full-text search over articles and quotes, best matches first, with snippets.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>> {
        let fts = fts_query(&q.text, q.raw)?;
        // Enough rows from each side to fill the requested page after merging.
        let want: i64 = q.limit.map(|l| l as i64 + q.offset as i64).unwrap_or(-1);
        let mut hits = Vec::new();
        if q.articles {
            let mut stmt = self.conn.prepare_cached(
                "SELECT d.id, d.title, d.date, d.url,
                        snippet(documents_fts, -1, ?1, ?2, '…', 20), bm25(documents_fts)
                 FROM documents_fts JOIN documents d ON d.doc_key = documents_fts.rowid
                 WHERE documents_fts MATCH ?3
                 ORDER BY bm25(documents_fts) LIMIT ?4",
            )?;
            let rows = stmt
                .query_map(
                    rusqlite::params![q.mark_start, q.mark_end, fts, want],
                    |r| {
                        Ok(SearchHit {
                            kind: "article".into(),
                            doc_id: r.get(0)?,
                            title: r.get(1)?,
                            date: r.get(2)?,
                            url: r.get(3)?,
                            quote_index: None,
                            speaker: None,
                            snippet: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                            score: r.get(5)?,
                        })
                    },
                )
                .map_err(fts_error)?;
            for h in rows {
                hits.push(h.map_err(fts_error)?);
            }
        }
        if q.quotes {
            let mut stmt = self.conn.prepare_cached(
                "SELECT d.id, d.title, coalesce(qu.date, d.date), d.url, qu.idx,
                        coalesce(qu.speaker_name, qu.speaker_text),
                        snippet(quotes_fts, 0, ?1, ?2, '…', 20), bm25(quotes_fts)
                 FROM quotes_fts JOIN quotes qu ON qu.quote_key = quotes_fts.rowid
                      JOIN documents d ON d.doc_key = qu.doc_key
                 WHERE quotes_fts MATCH ?3
                 ORDER BY bm25(quotes_fts) LIMIT ?4",
            )?;
            let rows = stmt
                .query_map(
                    rusqlite::params![q.mark_start, q.mark_end, fts, want],
                    |r| {
                        Ok(SearchHit {
                            kind: "quote".into(),
                            doc_id: r.get(0)?,
                            title: r.get(1)?,
                            date: r.get(2)?,
                            url: r.get(3)?,
                            quote_index: Some(usize_of(r, 4)?),
                            speaker: r.get(5)?,
                            snippet: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                            score: r.get(7)?,
                        })
                    },
                )
                .map_err(fts_error)?;
            for h in rows {
                hits.push(h.map_err(fts_error)?);
            }
        }
        hits.sort_by(|a, b| {
            a.score
                .total_cmp(&b.score)
                .then_with(|| a.doc_id.cmp(&b.doc_id))
        });
        let hits = hits.into_iter().skip(q.offset as usize);
        Ok(match q.limit {
            Some(l) => hits.take(l as usize).collect(),
            None => hits.collect(),
        })
    }

    /// The events of an actor (or between two actors) per day, split by quad class.
    pub fn timeline(&self, f: &TimelineFilter) -> Result<Vec<TimelineDay>> {
        let actor = actor_prefix(&f.actor)?;
        if actor.is_empty() {
            return Err(StoreError::BadQuery(
                "a timeline needs an actor code (e.g. RUS)".into(),
            ));
        }
        let mut c = Conditions::default();
        c.push("e.date IS NOT NULL", []);
        match given(&f.other) {
            Some(o) => {
                let [a_lo, a_hi] = prefix_range(&actor);
                let [b_lo, b_hi] = prefix_range(&actor_prefix(o)?);
                c.push(
                    "((e.source_actor >= ? AND e.source_actor < ? AND e.target_actor >= ? AND e.target_actor < ?)
                      OR (e.source_actor >= ? AND e.source_actor < ? AND e.target_actor >= ? AND e.target_actor < ?))",
                    [a_lo.clone(), a_hi.clone(), b_lo.clone(), b_hi.clone(), b_lo, b_hi, a_lo, a_hi],
                );
            }
            None => push_actor_either(&mut c, &actor),
        }
        push_dates(&mut c, "e.date >= ?", "e.date <= ?", f.from, f.to);
        let sql = format!(
            "SELECT e.date, sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3),
                    sum(e.quad_class = 4), count(*), avg(e.goldstein)
             FROM events e{} GROUP BY e.date ORDER BY e.date",
            c.where_clause()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(c.values), |r| {
            Ok(TimelineDay {
                date: r.get(0)?,
                verbal_cooperation: u64_of(r, 1)?,
                material_cooperation: u64_of(r, 2)?,
                verbal_conflict: u64_of(r, 3)?,
                material_conflict: u64_of(r, 4)?,
                total: u64_of(r, 5)?,
                mean_goldstein: round2(r.get(6)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Actor-pair edges (directed, source → target) with event counts and mean Goldstein
    /// score, the heaviest first.
    pub fn network(&self, f: &NetworkFilter) -> Result<Vec<NetworkEdge>> {
        let mut c = Conditions::default();
        c.push(
            "e.source_actor IS NOT NULL AND e.target_actor IS NOT NULL",
            [],
        );
        if let Some(p) = given(&f.actor) {
            push_actor_either(&mut c, &actor_prefix(p)?);
        }
        push_dates(&mut c, "e.date >= ?", "e.date <= ?", f.from, f.to);
        let (src, tgt) = if f.countries {
            (
                "substr(e.source_actor, 1, 3)",
                "substr(e.target_actor, 1, 3)",
            )
        } else {
            ("e.source_actor", "e.target_actor")
        };
        let sql = format!(
            "SELECT {src} AS s, {tgt} AS t, count(*), sum(e.quad_class <= 2), sum(e.quad_class >= 3),
                    avg(e.goldstein)
             FROM events e{} GROUP BY s, t HAVING count(*) >= ? AND s <> t
             ORDER BY count(*) DESC, s, t LIMIT ?",
            c.where_clause()
        );
        let mut values = c.values;
        values.push(Value::Integer(f.min_count.max(1) as i64));
        values.push(Value::Integer(f.limit.map(i64::from).unwrap_or(-1)));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), |r| {
            Ok(NetworkEdge {
                source: r.get(0)?,
                target: r.get(1)?,
                count: u64_of(r, 2)?,
                cooperation: u64_of(r, 3)?,
                conflict: u64_of(r, 4)?,
                mean_goldstein: round2(r.get(5)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Counts of documents, entities, times, quotes and events.
    pub fn stats(&self) -> Result<Stats> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM entities),
                    (SELECT count(*) FROM times), (SELECT count(*) FROM quotes), (SELECT count(*) FROM events)",
            [],
            |r| {
                Ok(Stats {
                    documents: u64_of(r, 0)?,
                    entities: u64_of(r, 1)?,
                    times: u64_of(r, 2)?,
                    quotes: u64_of(r, 3)?,
                    events: u64_of(r, 4)?,
                })
            },
        )?)
    }

    /// Stored documents (without their analysis), by date and id.
    pub fn documents(&self, f: &DocumentFilter) -> Result<Vec<DocumentRow>> {
        let mut c = Conditions::default();
        push_dates(&mut c, "d.date >= ?", "d.date <= ?", f.from, f.to);
        let sql = format!(
            "SELECT d.id, d.date, d.title, d.url, d.source, d.n_sentences, d.n_entities, d.n_times, d.n_quotes,
                    d.n_events, d.newsgraph_version, d.ingested_at
             FROM documents d{} ORDER BY d.date, d.id LIMIT ? OFFSET ?",
            c.where_clause()
        );
        let values = c.values.into_iter().chain(limit_offset(f.limit, f.offset));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), |r| {
            Ok(DocumentRow {
                id: r.get(0)?,
                date: r.get(1)?,
                title: r.get(2)?,
                url: r.get(3)?,
                source: r.get(4)?,
                sentences: u64_of(r, 5)?,
                entities: u64_of(r, 6)?,
                times: u64_of(r, 7)?,
                quotes: u64_of(r, 8)?,
                events: u64_of(r, 9)?,
                newsgraph_version: r.get(10)?,
                ingested_at: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The number of stored documents in the filter's date range (ignoring limit and offset).
    pub fn count_documents(&self, f: &DocumentFilter) -> Result<u64> {
        let mut c = Conditions::default();
        push_dates(&mut c, "d.date >= ?", "d.date <= ?", f.from, f.to);
        let sql = format!("SELECT count(*) FROM documents d{}", c.where_clause());
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(c.values), |r| u64_of(r, 0))?)
    }

    /// The stored newsgraph/1 JSON of one document, as stored.
    pub fn document_json(&self, id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT json FROM documents WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    /// One document with its full analysis.
    pub fn document(&self, id: &str) -> Result<Option<DocumentOut>> {
        match self.document_json(id)? {
            Some(j) => Ok(Some(serde_json::from_str(&j)?)),
            None => Ok(None),
        }
    }
}

fn round2(x: Option<f64>) -> f64 {
    x.map(|x| (x * 100.0).round() / 100.0).unwrap_or(0.0)
}
