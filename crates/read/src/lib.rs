//! # newsgraph-read
//!
//! Reads news articles into [`Document`]s, from:
//!
//! - **dated text**, the seed's form: optional leading whitespace, the word `date`, an ISO
//!   date, then the article text, which may start on the same line;
//! - **plain text**, dated by [`ReadOptions::date`] (or left undated);
//! - **JSON Lines**: one object a line with `text` and `date` (required) and `id`, `title`,
//!   `url`, `source` (optional); title and text are analysed as title + blank line + text;
//! - **folders** (recursively, `.txt` and `.jsonl` files, in name order) and **stdin** (`-`,
//!   JSON Lines when its first character is `{`, else one text article).
//!
//! The document id is the JSONL `id`, else the file stem (`stdin` for standard input).
//! Every problem is a [`ReadError`] naming the file and the line (JSONL) or byte offset
//! (invalid UTF-8); reading never panics. [`read_paths`] streams: a JSONL file is read line
//! by line, so corpora larger than memory can be ingested.

use chrono::NaiveDate;
use newsgraph_core::Document;
use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// A problem with the input, naming where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The file (`-` for standard input).
    pub path: String,
    /// 1-based line number, for JSON Lines.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.path, l, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for ReadError {}

impl ReadError {
    fn new(path: &str, line: Option<usize>, message: impl Into<String>) -> Self {
        ReadError {
            path: path.to_string(),
            line,
            message: message.into(),
        }
    }
}

/// How to read.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Date for articles that carry none (plain text). A dated text's own date wins.
    pub date: Option<NaiveDate>,
    /// Callers that continue past bad records read this flag; the reader itself always
    /// yields errors as items and goes on with the next record.
    pub skip_bad: bool,
}

/// Parses an ISO date `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let s = s.trim();
    let ok_shape = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !ok_shape {
        return Err(format!("malformed date {s:?} (expected YYYY-MM-DD)"));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("invalid date {s:?} (no such day)"))
}

/// Normalises line ends and strips a byte-order mark.
fn clean_text(s: &str) -> String {
    let s = s.strip_prefix('\u{feff}').unwrap_or(s);
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    }
}

/// Reads one article in the dated-text form, or plain text dated by `default_date`.
///
/// `id` names the document; errors name `id` as the source.
pub fn parse_text(
    id: &str,
    raw: &str,
    default_date: Option<NaiveDate>,
) -> Result<Document, ReadError> {
    parse_text_from(id, id, raw, default_date)
}

fn parse_text_from(
    origin: &str,
    id: &str,
    raw: &str,
    default_date: Option<NaiveDate>,
) -> Result<Document, ReadError> {
    let raw = clean_text(raw);
    let trimmed = raw.trim_start();
    let mut date = default_date;
    let mut body: &str = trimmed;
    // The dated form: the word `date`, whitespace, then a date token.
    let first_word_end = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
    if trimmed[..first_word_end].eq_ignore_ascii_case("date") && first_word_end < trimmed.len() {
        let rest = trimmed[first_word_end..].trim_start();
        let tok_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let tok = &rest[..tok_end];
        // Only treat it as a date header when the token looks date-like; "Date palms grow"
        // is ordinary text.
        if tok.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            match parse_date(tok) {
                Ok(d) => {
                    date = Some(d);
                    body = rest[tok_end..].trim_start();
                }
                Err(e) => return Err(ReadError::new(origin, Some(1), e)),
            }
        }
    }
    let body = body.trim_end();
    if body.is_empty() {
        return Err(ReadError::new(
            origin,
            None,
            "empty article (no text to analyse)",
        ));
    }
    Ok(Document::new(id, body, date))
}

#[derive(serde::Deserialize)]
struct JsonRecord {
    text: Option<serde_json::Value>,
    date: Option<serde_json::Value>,
    id: Option<serde_json::Value>,
    title: Option<serde_json::Value>,
    url: Option<serde_json::Value>,
    source: Option<serde_json::Value>,
}

fn opt_string(v: Option<serde_json::Value>, field: &str) -> Result<Option<String>, String> {
    match v {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s)),
        Some(serde_json::Value::Number(n)) if field == "id" => Ok(Some(n.to_string())),
        Some(other) => Err(format!(
            "field `{field}` must be a string, found {}",
            json_kind(&other)
        )),
    }
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Parses one JSON Lines record. `fallback_id` is used when the record has no `id`.
pub fn parse_json_record(line: &str, fallback_id: &str) -> Result<Document, String> {
    let rec: JsonRecord = match serde_json::from_str::<serde_json::Value>(line) {
        Ok(v @ serde_json::Value::Object(_)) => {
            serde_json::from_value(v).map_err(|e| format!("invalid record: {e}"))?
        }
        Ok(other) => {
            return Err(format!(
                "expected a JSON object, found {}",
                json_kind(&other)
            ))
        }
        Err(e) => return Err(format!("invalid JSON: {e}")),
    };
    let text = opt_string(rec.text, "text")?.ok_or("missing required field `text`")?;
    let date_s = opt_string(rec.date, "date")?.ok_or("missing required field `date`")?;
    let date = parse_date(&date_s)?;
    let id = opt_string(rec.id, "id")?
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| fallback_id.to_string());
    let title = opt_string(rec.title, "title")?
        .map(|t| clean_text(t.trim()))
        .filter(|t| !t.is_empty());
    let url = opt_string(rec.url, "url")?;
    let source = opt_string(rec.source, "source")?;
    let body = clean_text(text.trim());
    if body.is_empty() && title.is_none() {
        return Err("empty article (field `text` is empty)".to_string());
    }
    let full = match &title {
        Some(t) if !body.is_empty() => format!("{t}\n\n{body}"),
        Some(t) => t.clone(),
        None => body,
    };
    let mut doc = Document::new(id, full, Some(date));
    doc.title = title;
    doc.url = url;
    doc.source = source;
    Ok(doc)
}

enum Source {
    Text(PathBuf),
    Jsonl(PathBuf),
    Stdin,
    Error(ReadError),
}

struct JsonlState {
    name: String,
    stem: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    offset: u64,
    buf: Vec<u8>,
}

/// A streaming reader over all inputs; yields one item per document or bad record.
pub struct Inputs {
    queue: VecDeque<Source>,
    jsonl: Option<JsonlState>,
    opts: ReadOptions,
}

/// Reads every path (files, folders recursively, `-` for stdin) in order.
pub fn read_paths(paths: &[PathBuf], opts: &ReadOptions) -> Inputs {
    let mut queue = VecDeque::new();
    for p in paths {
        collect(p, true, &mut queue);
    }
    Inputs {
        queue,
        jsonl: None,
        opts: opts.clone(),
    }
}

fn is_jsonl(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("jsonl" | "ndjson")
    )
}

fn collect(p: &Path, explicit: bool, queue: &mut VecDeque<Source>) {
    if p.as_os_str() == "-" {
        queue.push_back(Source::Stdin);
        return;
    }
    let name = p.display().to_string();
    match std::fs::metadata(p) {
        Err(e) => queue.push_back(Source::Error(ReadError::new(
            &name,
            None,
            format!("cannot read: {e}"),
        ))),
        Ok(m) if m.is_dir() => {
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(p) {
                Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
                Err(e) => {
                    queue.push_back(Source::Error(ReadError::new(
                        &name,
                        None,
                        format!("cannot list folder: {e}"),
                    )));
                    return;
                }
            };
            entries.sort();
            for e in entries {
                let hidden = e
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'));
                if !hidden {
                    collect(&e, false, queue);
                }
            }
        }
        Ok(_) => {
            if is_jsonl(p) {
                queue.push_back(Source::Jsonl(p.to_path_buf()));
            } else if explicit
                || p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
            {
                queue.push_back(Source::Text(p.to_path_buf()));
            }
        }
    }
}

fn stem_of(p: &Path) -> String {
    p.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document")
        .to_string()
}

/// Decodes bytes as UTF-8, naming the byte offset of the first bad sequence.
fn decode(name: &str, line: Option<usize>, base: u64, bytes: Vec<u8>) -> Result<String, ReadError> {
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError::new(
            name,
            line,
            format!(
                "binary data (NUL byte at byte offset {}): not a text or JSON Lines file",
                base + pos as u64
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = base + e.utf8_error().valid_up_to() as u64;
        ReadError::new(name, line, format!("invalid UTF-8 at byte offset {at}"))
    })
}

impl Inputs {
    fn next_jsonl(&mut self) -> Option<Result<Document, ReadError>> {
        let st = self.jsonl.as_mut()?;
        loop {
            st.buf.clear();
            let start = st.offset;
            match st.reader.read_until(b'\n', &mut st.buf) {
                Ok(0) => {
                    self.jsonl = None;
                    return None;
                }
                Ok(n) => {
                    st.line += 1;
                    st.offset += n as u64;
                }
                Err(e) => {
                    let err =
                        ReadError::new(&st.name, Some(st.line + 1), format!("read error: {e}"));
                    self.jsonl = None;
                    return Some(Err(err));
                }
            }
            let bytes = std::mem::take(&mut st.buf);
            let line = match decode(&st.name, Some(st.line), start, bytes) {
                Ok(l) => l,
                Err(e) => return Some(Err(e)),
            };
            let trimmed = line.trim();
            if trimmed.is_empty() {
                continue;
            }
            let fallback = format!("{}:{}", st.stem, st.line);
            return Some(
                parse_json_record(trimmed, &fallback)
                    .map_err(|m| ReadError::new(&st.name, Some(st.line), m)),
            );
        }
    }

    fn open_jsonl(&mut self, name: String, stem: String, reader: Box<dyn BufRead + Send>) {
        self.jsonl = Some(JsonlState {
            name,
            stem,
            reader,
            line: 0,
            offset: 0,
            buf: Vec::new(),
        });
    }

    fn read_text(&self, name: &str, stem: &str, bytes: Vec<u8>) -> Result<Document, ReadError> {
        let text = decode(name, None, 0, bytes)?;
        parse_text_from(name, stem, &text, self.opts.date)
    }
}

impl Iterator for Inputs {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.jsonl.is_some() {
                if let Some(item) = self.next_jsonl() {
                    return Some(item);
                }
                continue;
            }
            match self.queue.pop_front()? {
                Source::Error(e) => return Some(Err(e)),
                Source::Text(p) => {
                    let name = p.display().to_string();
                    return Some(match std::fs::read(&p) {
                        Ok(bytes) => self.read_text(&name, &stem_of(&p), bytes),
                        Err(e) => Err(ReadError::new(&name, None, format!("cannot read: {e}"))),
                    });
                }
                Source::Jsonl(p) => {
                    let name = p.display().to_string();
                    match File::open(&p) {
                        Ok(f) => self.open_jsonl(
                            name,
                            stem_of(&p),
                            Box::new(BufReader::with_capacity(1 << 16, f)),
                        ),
                        Err(e) => {
                            return Some(Err(ReadError::new(
                                &name,
                                None,
                                format!("cannot read: {e}"),
                            )))
                        }
                    }
                }
                Source::Stdin => {
                    let mut reader = BufReader::with_capacity(1 << 16, std::io::stdin());
                    // Peek at the first non-whitespace byte to choose the format.
                    let first = loop {
                        match reader.fill_buf() {
                            Ok([]) => break None,
                            Ok(buf) => {
                                if let Some(pos) = buf.iter().position(|b| !b.is_ascii_whitespace())
                                {
                                    break Some(buf[pos]);
                                }
                                let n = buf.len();
                                reader.consume(n);
                            }
                            Err(e) => {
                                return Some(Err(ReadError::new(
                                    "-",
                                    None,
                                    format!("cannot read standard input: {e}"),
                                )))
                            }
                        }
                    };
                    match first {
                        None => {
                            return Some(Err(ReadError::new(
                                "-",
                                None,
                                "empty input on standard input",
                            )))
                        }
                        Some(b'{') => self.open_jsonl("-".into(), "stdin".into(), Box::new(reader)),
                        Some(_) => {
                            let mut bytes = Vec::new();
                            return Some(match reader.read_to_end(&mut bytes) {
                                Ok(_) => self.read_text("-", "stdin", bytes),
                                Err(e) => Err(ReadError::new(
                                    "-",
                                    None,
                                    format!("cannot read standard input: {e}"),
                                )),
                            });
                        }
                    }
                }
            }
        }
    }
}
