//! Storing analysed documents.

use crate::{now_utc, Result, Store, StoreError};
use newsgraph_core::schema::DocumentOut;
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// What [`Store::ingest`] did with a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IngestOutcome {
    /// A new document id.
    Added,
    /// Same id, same content hash, same newsgraph version: nothing written.
    Unchanged,
    /// Same id with other content (or analysed by another newsgraph version): the old
    /// analysis was replaced.
    Replaced,
}

/// The content hash of a raw input document: SHA-256 (hex) over its text, date and title,
/// each length-prefixed so that no two different inputs share a byte stream.
pub fn content_hash(text: &str, date: Option<&str>, title: Option<&str>) -> String {
    let mut h = Sha256::new();
    for field in [Some(text), date, title] {
        match field {
            Some(s) => {
                h.update([1u8]);
                h.update((s.len() as u64).to_le_bytes());
                h.update(s.as_bytes());
            }
            None => h.update([0u8]),
        }
    }
    let digest = h.finalize();
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Maps character offsets to byte offsets of one text, clamping bad offsets.
struct CharBytes<'a> {
    text: &'a str,
    bytes: Vec<usize>,
}

impl<'a> CharBytes<'a> {
    fn new(text: &'a str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharBytes { text, bytes }
    }
    fn byte(&self, c: usize) -> usize {
        self.bytes.get(c).copied().unwrap_or(self.text.len())
    }
    fn slice(&self, start: usize, end: usize) -> &'a str {
        let (s, e) = (self.byte(start), self.byte(end));
        if s <= e {
            &self.text[s..e]
        } else {
            ""
        }
    }
}

impl Store {
    /// The content hash and newsgraph version stored for document `id`, if any.
    pub fn stored_hash(&self, id: &str) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .prepare_cached("SELECT content_hash, newsgraph_version FROM documents WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// True when document `id` is stored with this content hash by this newsgraph version,
    /// so that analysing it again can be skipped.
    pub fn is_current(&self, id: &str, content_hash: &str) -> Result<bool> {
        Ok(self
            .stored_hash(id)?
            .is_some_and(|(h, v)| h == content_hash && v == newsgraph_core::VERSION))
    }

    /// The number of events stored for document `id` when it is stored with this content hash
    /// by this newsgraph version (see [`Store::is_current`]), else None.
    pub fn current_event_count(&self, id: &str, content_hash: &str) -> Result<Option<u64>> {
        let row: Option<(String, String, i64)> = self
            .conn
            .prepare_cached(
                "SELECT content_hash, newsgraph_version, n_events FROM documents WHERE id = ?1",
            )?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        Ok(row.and_then(|(h, v, n)| {
            (h == content_hash && v == newsgraph_core::VERSION).then_some(n.max(0) as u64)
        }))
    }

    /// Stores one analysed document in one transaction. See [`IngestOutcome`].
    pub fn ingest(&mut self, doc: &DocumentOut, content_hash: &str) -> Result<IngestOutcome> {
        if doc.id.trim().is_empty() {
            return Err(StoreError::BadDocument {
                id: doc.id.clone(),
                reason: "empty document id".into(),
            });
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing: Option<(i64, String, String)> = tx
            .prepare_cached(
                "SELECT doc_key, content_hash, newsgraph_version FROM documents WHERE id = ?1",
            )?
            .query_row([&doc.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let outcome = match &existing {
            Some((_, h, v)) if h == content_hash && v == newsgraph_core::VERSION => {
                return Ok(IngestOutcome::Unchanged); // the transaction rolls back: nothing written
            }
            Some((key, _, _)) => {
                delete_rows(&tx, *key)?;
                IngestOutcome::Replaced
            }
            None => IngestOutcome::Added,
        };
        insert_document(&tx, doc, content_hash)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Removes document `id` and its whole analysis. Returns false when it was not stored.
    pub fn delete_document(&mut self, id: &str) -> Result<bool> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let key: Option<i64> = tx
            .prepare_cached("SELECT doc_key FROM documents WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        if let Some(key) = key {
            delete_rows(&tx, key)?;
        }
        tx.commit()?;
        Ok(key.is_some())
    }
}

/// Deletes a document and every row of its analysis (children first, so that the FTS
/// triggers see every deleted quote).
fn delete_rows(tx: &Transaction, key: i64) -> Result<()> {
    for sql in [
        "DELETE FROM mentions WHERE doc_key = ?1",
        "DELETE FROM entities WHERE doc_key = ?1",
        "DELETE FROM times WHERE doc_key = ?1",
        "DELETE FROM quotes WHERE doc_key = ?1",
        "DELETE FROM events WHERE doc_key = ?1",
        "DELETE FROM documents WHERE doc_key = ?1",
    ] {
        tx.prepare_cached(sql)?.execute([key])?;
    }
    Ok(())
}

fn insert_document(tx: &Transaction, doc: &DocumentOut, content_hash: &str) -> Result<()> {
    let json = serde_json::to_string(doc)?;
    tx.prepare_cached(
        "INSERT INTO documents (id, date, title, url, source, text, content_hash, newsgraph_version,
             ingested_at, n_sentences, n_entities, n_times, n_quotes, n_events, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        doc.id,
        doc.date,
        doc.title,
        doc.url,
        doc.source,
        doc.text,
        content_hash,
        newsgraph_core::VERSION,
        now_utc(),
        doc.sentences.len() as i64,
        doc.entities.len() as i64,
        doc.times.len() as i64,
        doc.quotes.len() as i64,
        doc.events.len() as i64,
        json,
    ])?;
    let key = tx.last_insert_rowid();
    let names: HashMap<&str, &str> = doc
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    let name_of = |id: &Option<String>| id.as_deref().and_then(|i| names.get(i).copied());

    {
        let mut ins_entity = tx.prepare_cached(
            "INSERT INTO entities (doc_key, entity_id, name, type, actor, role, n_mentions)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let mut ins_mention = tx.prepare_cached(
            "INSERT INTO mentions (doc_key, entity_id, idx, start, end, text, kind)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for e in &doc.entities {
            ins_entity
                .execute(params![
                    key,
                    e.id,
                    e.name,
                    e.etype,
                    e.actor,
                    e.role,
                    e.mentions.len() as i64
                ])
                .map_err(|err| dup_error(doc, "entity", &e.id, err))?;
            for (i, m) in e.mentions.iter().enumerate() {
                let kind = serde_json::to_value(m.kind)?;
                ins_mention.execute(params![
                    key,
                    e.id,
                    i as i64,
                    m.start as i64,
                    m.end as i64,
                    m.text,
                    kind.as_str().unwrap_or("name")
                ])?;
            }
        }
    }
    {
        let mut ins = tx.prepare_cached(
            "INSERT INTO times (doc_key, idx, start, end, text, type, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (i, t) in doc.times.iter().enumerate() {
            ins.execute(params![
                key,
                i as i64,
                t.start as i64,
                t.end as i64,
                t.text,
                t.ttype,
                t.value
            ])?;
        }
    }
    {
        let mut ins = tx.prepare_cached(
            "INSERT INTO quotes (doc_key, idx, start, end, text, kind, speaker, speaker_name, speaker_text,
                 cue, date, date_source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        for (i, q) in doc.quotes.iter().enumerate() {
            ins.execute(params![
                key,
                i as i64,
                q.start as i64,
                q.end as i64,
                q.text,
                q.kind,
                q.speaker,
                name_of(&q.speaker),
                q.speaker_text,
                q.cue,
                q.date,
                q.date_source,
            ])?;
        }
    }
    {
        let chars = CharBytes::new(&doc.text);
        let mut ins = tx.prepare_cached(
            "INSERT INTO events (doc_key, event_id, source_entity, source_text, source_actor, source_name,
                 target_entity, target_text, target_actor, target_name, cameo, cameo_name, root, quad_class,
                 goldstein, plover, plover_mode, date, date_source, modality, claimed_by, claimed_by_name,
                 sentence, sentence_text, trigger_start, trigger_end, trigger_text, rule)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                 ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)",
        )?;
        for ev in &doc.events {
            let sentence_text = doc
                .sentences
                .get(ev.sentence)
                .map(|s| chars.slice(s.start, s.end).trim())
                .unwrap_or("");
            let source_name = name_of(&ev.source.entity).unwrap_or(&ev.source.text);
            let target = ev.target.as_ref();
            let target_name = target.map(|t| name_of(&t.entity).unwrap_or(&t.text));
            ins.execute(params![
                key,
                ev.id,
                ev.source.entity,
                ev.source.text,
                ev.source.actor,
                source_name,
                target.and_then(|t| t.entity.as_deref()),
                target.map(|t| t.text.as_str()),
                target.and_then(|t| t.actor.as_deref()),
                target_name,
                ev.cameo,
                ev.cameo_name,
                ev.root,
                ev.quad_class as i64,
                goldstein_f64(ev.goldstein),
                ev.plover,
                ev.plover_mode,
                ev.date,
                ev.date_source,
                ev.modality,
                ev.claimed_by,
                name_of(&ev.claimed_by),
                ev.sentence as i64,
                sentence_text,
                ev.trigger.start as i64,
                ev.trigger.end as i64,
                ev.trigger.text,
                ev.rule,
            ])
            .map_err(|err| dup_error(doc, "event", &ev.id, err))?;
        }
    }
    Ok(())
}

/// Turns a uniqueness violation (two entities or events with the same id) into a clear error.
fn dup_error(doc: &DocumentOut, what: &str, id: &str, err: rusqlite::Error) -> StoreError {
    match &err {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            StoreError::BadDocument {
                id: doc.id.clone(),
                reason: format!("duplicate {what} id {id}"),
            }
        }
        _ => StoreError::Sqlite(err),
    }
}

/// Widens a Goldstein score without float noise (-0.3f32 becomes -0.3, not -0.30000001).
fn goldstein_f64(g: f32) -> f64 {
    g.to_string().parse().unwrap_or(g as f64)
}
