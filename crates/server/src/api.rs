//! The JSON API handlers. Parameters are parsed here (unknown or unparsable ones are a 400),
//! queries run through the store's typed filters.

use crate::{ApiError, AppState, BODY_LIMIT, DEFAULT_LIMIT, MAX_EDGES, MAX_LIMIT};
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::NaiveDate;
use newsgraph_core::schema::{to_schema, SchemaOptions};
use newsgraph_store::{
    DocumentFilter, EntityFilter, EventFilter, NetworkFilter, QuoteFilter, SearchQuery,
    TimelineFilter,
};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

type ApiResult = Result<Response, ApiError>;

/// The query string, or a 400 naming what is wrong with it.
fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    match q {
        Ok(Query(t)) => Ok(t),
        Err(e) => Err(ApiError::bad_request(e.body_text())),
    }
}

fn date(name: &str, v: &Option<String>) -> Result<Option<NaiveDate>, ApiError> {
    match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => newsgraph_read::parse_date(s)
            .map(Some)
            .map_err(|e| ApiError::bad_request(format!("parameter `{name}`: {e}"))),
    }
}

/// Effective limit and offset: a default, and a cap.
fn page(limit: Option<u32>, offset: Option<u32>, default: u32, cap: u32) -> (u32, u32) {
    (limit.unwrap_or(default).min(cap), offset.unwrap_or(0))
}

fn list<T: serde::Serialize>(
    limit: u32,
    offset: u32,
    items: Vec<T>,
    extra: Option<(&str, Value)>,
) -> Response {
    let mut obj = serde_json::Map::new();
    obj.insert("limit".into(), json!(limit));
    obj.insert("offset".into(), json!(offset));
    obj.insert("count".into(), json!(items.len()));
    if let Some((k, v)) = extra {
        obj.insert(k.into(), v);
    }
    obj.insert("items".into(), json!(items));
    Json(Value::Object(obj)).into_response()
}

// ---------------------------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocumentsParams {
    from: Option<String>,
    to: Option<String>,
    limit: Option<u32>,
    offset: Option<u32>,
}

pub(crate) async fn documents(
    State(st): State<AppState>,
    q: Result<Query<DocumentsParams>, QueryRejection>,
) -> ApiResult {
    let p = query(q)?;
    let (limit, offset) = page(p.limit, p.offset, DEFAULT_LIMIT, MAX_LIMIT);
    let f = DocumentFilter {
        from: date("from", &p.from)?,
        to: date("to", &p.to)?,
        limit: Some(limit),
        offset,
    };
    let (rows, total) = st
        .with_store(move |s| {
            let rows = s.documents(&f)?;
            Ok((rows, s.stats()?.documents))
        })
        .await?;
    Ok(list(
        limit,
        offset,
        rows,
        Some(("total_in_store", json!(total))),
    ))
}

pub(crate) async fn document(State(st): State<AppState>, Path(id): Path<String>) -> ApiResult {
    let lookup = id.clone();
    let json = st
        .with_store(move |s| Ok(s.document_json(&lookup)?))
        .await?;
    match json {
        Some(j) => Ok((
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            j,
        )
            .into_response()),
        None => Err(ApiError::not_found(format!("no document with id {id:?}"))),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventsParams {
    actor: Option<String>,
    source: Option<String>,
    target: Option<String>,
    code: Option<String>,
    plover: Option<String>,
    modality: Option<String>,
    from: Option<String>,
    to: Option<String>,
    document: Option<String>,
    limit: Option<u32>,
    offset: Option<u32>,
}

pub(crate) async fn events(
    State(st): State<AppState>,
    q: Result<Query<EventsParams>, QueryRejection>,
) -> ApiResult {
    let p = query(q)?;
    let (limit, offset) = page(p.limit, p.offset, DEFAULT_LIMIT, MAX_LIMIT);
    let f = EventFilter {
        from: date("from", &p.from)?,
        to: date("to", &p.to)?,
        actor: p.actor,
        source: p.source,
        target: p.target,
        code: p.code,
        plover: p.plover,
        modality: p.modality,
        document: p.document,
        limit: Some(limit),
        offset,
    };
    let (rows, total) = st
        .with_store(move |s| Ok((s.events(&f)?, s.count_events(&f)?)))
        .await?;
    Ok(list(limit, offset, rows, Some(("total", json!(total)))))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuotesParams {
    speaker: Option<String>,
    q: Option<String>,
    kind: Option<String>,
    from: Option<String>,
    to: Option<String>,
    document: Option<String>,
    limit: Option<u32>,
    offset: Option<u32>,
}

pub(crate) async fn quotes(
    State(st): State<AppState>,
    q: Result<Query<QuotesParams>, QueryRejection>,
) -> ApiResult {
    let p = query(q)?;
    let (limit, offset) = page(p.limit, p.offset, DEFAULT_LIMIT, MAX_LIMIT);
    if let Some(k) = p.kind.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
        if !matches!(
            k.to_ascii_lowercase().as_str(),
            "direct" | "partial" | "indirect"
        ) {
            return Err(ApiError::bad_request(format!(
                "parameter `kind`: {k:?} is not one of direct, partial, indirect"
            )));
        }
    }
    let f = QuoteFilter {
        from: date("from", &p.from)?,
        to: date("to", &p.to)?,
        speaker: p.speaker,
        search: p.q,
        kind: p.kind,
        document: p.document,
        limit: Some(limit),
        offset,
    };
    let rows = st.with_store(move |s| Ok(s.quotes(&f)?)).await?;
    Ok(list(limit, offset, rows, None))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntitiesParams {
    #[serde(rename = "type")]
    etype: Option<String>,
    name: Option<String>,
    actor: Option<String>,
    limit: Option<u32>,
    offset: Option<u32>,
}

pub(crate) async fn entities(
    State(st): State<AppState>,
    q: Result<Query<EntitiesParams>, QueryRejection>,
) -> ApiResult {
    let p = query(q)?;
    let (limit, offset) = page(p.limit, p.offset, DEFAULT_LIMIT, MAX_LIMIT);
    let f = EntityFilter {
        etype: p.etype,
        name: p.name,
        actor: p.actor,
        limit: Some(limit),
        offset,
    };
    let rows = st.with_store(move |s| Ok(s.entities(&f)?)).await?;
    Ok(list(limit, offset, rows, None))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchParams {
    q: Option<String>,
    /// `all` (default), `articles` or `quotes`.
    #[serde(rename = "in")]
    scope: Option<String>,
    /// FTS5 query syntax instead of plain words.
    raw: Option<bool>,
    mark_start: Option<String>,
    mark_end: Option<String>,
    limit: Option<u32>,
    offset: Option<u32>,
}

pub(crate) async fn search(
    State(st): State<AppState>,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> ApiResult {
    let p = query(q)?;
    let (limit, offset) = page(p.limit, p.offset, DEFAULT_LIMIT, MAX_LIMIT);
    let text = p.q.unwrap_or_default();
    if text.trim().is_empty() {
        return Err(ApiError::bad_request(
            "parameter `q` (the words to search for) is required",
        ));
    }
    let mut sq = SearchQuery::new(text);
    match p.scope.as_deref().unwrap_or("all") {
        "all" | "" => {}
        "articles" => sq.quotes = false,
        "quotes" => sq.articles = false,
        other => {
            return Err(ApiError::bad_request(format!(
                "parameter `in`: {other:?} is not one of all, articles, quotes"
            )))
        }
    }
    sq.raw = p.raw.unwrap_or(false);
    for (name, v, slot) in [
        ("mark_start", p.mark_start, &mut sq.mark_start),
        ("mark_end", p.mark_end, &mut sq.mark_end),
    ] {
        if let Some(v) = v {
            if v.chars().count() > 16 {
                return Err(ApiError::bad_request(format!(
                    "parameter `{name}`: at most 16 characters"
                )));
            }
            *slot = v;
        }
    }
    sq.limit = Some(limit);
    sq.offset = offset;
    let raw = sq.raw;
    let rows = st
        .with_store(move |s| {
            s.search(&sq).map_err(|e| match e {
                // FTS5 reports some syntax errors ("unterminated string") as plain SQLite
                // errors: with raw query syntax they are the user's.
                newsgraph_store::StoreError::Sqlite(e) if raw => {
                    ApiError::bad_request(format!("bad search query: {e}"))
                }
                e => ApiError::from(e),
            })
        })
        .await?;
    Ok(list(limit, offset, rows, None))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TimelineParams {
    actor: Option<String>,
    other: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

pub(crate) async fn timeline(
    State(st): State<AppState>,
    q: Result<Query<TimelineParams>, QueryRejection>,
) -> ApiResult {
    let p = query(q)?;
    let actor = p.actor.as_deref().map(str::trim).unwrap_or("").to_string();
    if actor.is_empty() {
        return Err(ApiError::bad_request(
            "parameter `actor` (an actor code prefix such as RUS) is required",
        ));
    }
    let f = TimelineFilter {
        actor: actor.clone(),
        other: p.other.clone(),
        from: date("from", &p.from)?,
        to: date("to", &p.to)?,
    };
    let days = st.with_store(move |s| Ok(s.timeline(&f)?)).await?;
    let other = p.other.filter(|o| !o.trim().is_empty());
    Ok(Json(json!({"actor": actor.to_ascii_uppercase(), "other": other.map(|o| o.trim().to_ascii_uppercase()), "days": days}))
        .into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NetworkParams {
    from: Option<String>,
    to: Option<String>,
    actor: Option<String>,
    /// Group actors by country (first three letters of the code).
    countries: Option<bool>,
    min_count: Option<u32>,
    limit: Option<u32>,
}

pub(crate) async fn network(
    State(st): State<AppState>,
    q: Result<Query<NetworkParams>, QueryRejection>,
) -> ApiResult {
    let p = query(q)?;
    let limit = p.limit.unwrap_or(200).min(MAX_EDGES);
    let f = NetworkFilter {
        from: date("from", &p.from)?,
        to: date("to", &p.to)?,
        actor: p.actor,
        countries: p.countries.unwrap_or(false),
        min_count: p.min_count.unwrap_or(1),
        limit: Some(limit),
    };
    let edges = st.with_store(move |s| Ok(s.network(&f)?)).await?;
    // Nodes: every actor of an edge, with its event count and weighted mean Goldstein score.
    let mut nodes: BTreeMap<&str, (u64, f64)> = BTreeMap::new();
    for e in &edges {
        for a in [e.source.as_str(), e.target.as_str()] {
            let n = nodes.entry(a).or_insert((0, 0.0));
            n.0 += e.count;
            n.1 += e.mean_goldstein * e.count as f64;
        }
    }
    let nodes: Vec<Value> = nodes
        .into_iter()
        .map(|(id, (count, gsum))| {
            let mean = if count > 0 {
                (gsum / count as f64 * 100.0).round() / 100.0
            } else {
                0.0
            };
            json!({"id": id, "events": count, "mean_goldstein": mean})
        })
        .collect();
    Ok(Json(json!({"limit": limit, "nodes": nodes, "edges": edges})).into_response())
}

pub(crate) async fn stats(State(st): State<AppState>) -> ApiResult {
    let stats = st.with_store(|s| Ok(s.stats()?)).await?;
    let mut v = json!(stats);
    v["newsgraph_version"] = json!(env!("CARGO_PKG_VERSION"));
    Ok(Json(v).into_response())
}

// ---------------------------------------------------------------------------------------------

/// Reads the whole body, up to [`BODY_LIMIT`]; a larger one is a 413.
async fn read_body(headers: &HeaderMap, body: Body) -> Result<axum::body::Bytes, ApiError> {
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body larger than {} bytes", BODY_LIMIT),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT as u64) {
        return Err(too_large());
    }
    axum::body::to_bytes(body, BODY_LIMIT).await.map_err(|e| {
        let mut src: Option<&(dyn std::error::Error + 'static)> = Some(&e);
        while let Some(s) = src {
            if s.is::<http_body_util::LengthLimitError>() {
                return too_large();
            }
            src = s.source();
        }
        ApiError::bad_request(format!("cannot read the request body: {e}"))
    })
}

/// `POST /api/analyze`: `{"text": "…", "date": "YYYY-MM-DD", "title": "…"?, "id": "…"?}`
/// → the newsgraph/1 analysis (not stored).
pub(crate) async fn analyze(
    State(st): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult {
    let bytes = read_body(&headers, body).await?;
    let v: Value = serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::bad_request(format!("the body must be a JSON object: {e}")))?;
    let Value::Object(obj) = &v else {
        return Err(ApiError::bad_request(
            "the body must be a JSON object with `text` and `date`",
        ));
    };
    for k in obj.keys() {
        if !matches!(k.as_str(), "text" | "date" | "title" | "id") {
            return Err(ApiError::bad_request(format!(
                "unknown field `{k}`: expected text, date, title, id"
            )));
        }
    }
    let text = match obj.get("text") {
        Some(Value::String(t)) if !t.trim().is_empty() => t,
        Some(Value::String(_)) => return Err(ApiError::bad_request("`text` is empty")),
        Some(_) => return Err(ApiError::bad_request("`text` must be a string")),
        None => return Err(ApiError::bad_request("missing required field `text`")),
    };
    let unprocessable = |m: String| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, m);
    let date = match obj.get("date") {
        Some(Value::String(d)) => {
            newsgraph_read::parse_date(d).map_err(|e| unprocessable(format!("`date`: {e}")))?
        }
        Some(_) => return Err(unprocessable("`date` must be a string YYYY-MM-DD".into())),
        None => {
            return Err(unprocessable(
                "missing `date` (YYYY-MM-DD): relative times need the article date".into(),
            ))
        }
    };
    for k in ["title", "id"] {
        if obj.get(k).is_some_and(|v| !v.is_string() && !v.is_null()) {
            return Err(ApiError::bad_request(format!("`{k}` must be a string")));
        }
    }
    // The same reading as a JSON Lines record of `newsgraph analyze`/`ingest`.
    let record = json!({
        "id": obj.get("id").cloned().unwrap_or(json!("analysis")),
        "text": text,
        "date": date.format("%Y-%m-%d").to_string(),
        "title": obj.get("title").cloned().unwrap_or(Value::Null),
    });
    let mut doc = newsgraph_read::parse_json_record(&record.to_string(), "analysis")
        .map_err(ApiError::bad_request)?;
    let st2 = st.clone();
    let out = tokio::task::spawn_blocking(move || {
        st2.pipeline().analyze(&mut doc);
        to_schema(&doc, SchemaOptions::default())
    })
    .await
    .map_err(|e| ApiError::internal(format!("the analysis failed: {e}")))?;
    Ok(Json(out).into_response())
}
