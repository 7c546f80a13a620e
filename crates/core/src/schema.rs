//! The `newsgraph/1` output schema: what `newsgraph analyze` prints, what the store keeps
//! and what the HTTP API serves. Documented field by field in `docs/schema.md`.
//!
//! Offsets here are in Unicode scalar values (characters) into `text`. Entity ids are
//! `E1…`, event ids `V1…`, in document order; quotes and events refer to entities by id.

use crate::model::{self, Document};
use crate::offsets::CharMap;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentOut {
    pub schema: String,
    pub id: String,
    pub date: Option<String>,
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub text: String,
    pub sentences: Vec<SentenceOut>,
    /// Only with `analyze --tokens`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenOut>>,
    pub entities: Vec<EntityOut>,
    pub times: Vec<TimeOut>,
    pub quotes: Vec<QuoteOut>,
    pub events: Vec<EventOut>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceOut {
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub heading: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub upos: String,
    pub xpos: String,
    pub lemma: String,
    /// Index of the head token within the document's tokens; null for the root.
    pub head: Option<usize>,
    pub deprel: String,
    pub sentence: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(default)]
    pub kind: model::MentionKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityOut {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: String,
    pub actor: Option<String>,
    pub role: Option<String>,
    pub mentions: Vec<MentionOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub ttype: String,
    pub value: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
    pub speaker: Option<String>,
    pub speaker_text: Option<String>,
    pub cue: Option<String>,
    pub date: Option<String>,
    pub date_source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorOut {
    pub entity: Option<String>,
    pub text: String,
    pub actor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventOut {
    pub id: String,
    pub source: ActorOut,
    pub target: Option<ActorOut>,
    pub cameo: String,
    pub cameo_name: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub date: Option<String>,
    pub date_source: String,
    pub modality: String,
    pub claimed_by: Option<String>,
    /// Index into `sentences`.
    pub sentence: usize,
    pub trigger: SpanOut,
    pub rule: String,
}

/// Options for [`to_schema`].
#[derive(Debug, Clone, Copy, Default)]
pub struct SchemaOptions {
    /// Include the token layer (`analyze --tokens`).
    pub tokens: bool,
}

fn entity_id(i: usize) -> String {
    format!("E{}", i + 1)
}

/// Converts an analysed document to its `newsgraph/1` form.
pub fn to_schema(doc: &Document, opts: SchemaOptions) -> DocumentOut {
    let map = CharMap::new(&doc.text);
    let span = |s: model::Span| SpanOut {
        start: map.char_of(s.start),
        end: map.char_of(s.end),
        text: doc.text[s.range()].to_string(),
    };
    let date_str = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let date_source = |s: model::DateSource| match s {
        model::DateSource::Text => "text".to_string(),
        model::DateSource::Document => "document".to_string(),
    };
    let heading_of = |p: usize| doc.paragraphs.get(p).map(|p| p.heading).unwrap_or(false);
    let sentences = doc
        .sentences
        .iter()
        .map(|s| SentenceOut {
            start: map.char_of(s.span.start),
            end: map.char_of(s.span.end),
            heading: heading_of(s.paragraph),
        })
        .collect();
    let tokens = opts.tokens.then(|| {
        let mut out = Vec::with_capacity(doc.tokens.len());
        for (si, s) in doc.sentences.iter().enumerate() {
            for t in &doc.tokens[s.tokens.clone()] {
                out.push(TokenOut {
                    start: map.char_of(t.span.start),
                    end: map.char_of(t.span.end),
                    text: doc.text[t.span.range()].to_string(),
                    upos: t.upos.as_str().to_string(),
                    xpos: t.xpos.clone(),
                    lemma: t.lemma.clone(),
                    head: t.head,
                    deprel: t.deprel.clone(),
                    sentence: si,
                });
            }
        }
        out
    });
    let entities = doc
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| EntityOut {
            id: entity_id(i),
            name: e.name.clone(),
            etype: e.etype.as_str().to_string(),
            actor: e.actor.clone(),
            role: e.role.clone(),
            mentions: e
                .mentions
                .iter()
                .map(|m| {
                    let s = span(m.span);
                    MentionOut {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        kind: m.kind,
                    }
                })
                .collect(),
        })
        .collect();
    let times = doc
        .times
        .iter()
        .map(|t| {
            let s = span(t.span);
            TimeOut {
                start: s.start,
                end: s.end,
                text: s.text,
                ttype: t.ttype.as_str().to_string(),
                value: t.value.clone(),
            }
        })
        .collect();
    let quotes = doc
        .quotes
        .iter()
        .map(|q| {
            let s = span(q.span);
            QuoteOut {
                start: s.start,
                end: s.end,
                text: s.text,
                kind: q.kind.as_str().to_string(),
                speaker: q.speaker.map(entity_id),
                speaker_text: q.speaker_span.map(|sp| doc.text[sp.range()].to_string()),
                cue: q.cue.map(|c| doc.text[c.range()].to_string()),
                date: date_str(q.date),
                date_source: date_source(q.date_source),
            }
        })
        .collect();
    let actor = |a: &model::Actor| ActorOut {
        entity: a.entity.map(entity_id),
        text: doc.text[a.span.range()].to_string(),
        actor: a.code.clone(),
    };
    let events = doc
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| EventOut {
            id: format!("V{}", i + 1),
            source: actor(&e.source),
            target: e.target.as_ref().map(actor),
            cameo: e.cameo.clone(),
            cameo_name: e.cameo_name.clone(),
            root: e.root.clone(),
            quad_class: e.quad_class,
            goldstein: e.goldstein,
            plover: e.plover.clone(),
            plover_mode: e.plover_mode.clone(),
            date: date_str(e.date),
            date_source: date_source(e.date_source),
            modality: e.modality.as_str().to_string(),
            claimed_by: e.claimed_by.map(entity_id),
            sentence: e.sentence,
            trigger: span(e.trigger),
            rule: e.rule.clone(),
        })
        .collect();
    DocumentOut {
        schema: crate::SCHEMA.to_string(),
        id: doc.id.clone(),
        date: date_str(doc.date),
        title: doc.title.clone(),
        url: doc.url.clone(),
        source: doc.source.clone(),
        text: doc.text.clone(),
        sentences,
        tokens,
        entities,
        times,
        quotes,
        events,
        warnings: doc.warnings.clone(),
    }
}

impl DocumentOut {
    /// Checks that every span's offsets select exactly its `text` and that references
    /// between layers resolve. Returns the first problem found.
    pub fn validate(&self) -> Result<(), String> {
        if self.schema != crate::SCHEMA {
            return Err(format!(
                "schema is {:?}, expected {:?}",
                self.schema,
                crate::SCHEMA
            ));
        }
        let chars: Vec<char> = self.text.chars().collect();
        let check = |what: &str, start: usize, end: usize, text: &str| -> Result<(), String> {
            if start > end || end > chars.len() {
                return Err(format!("{what}: bad offsets {start}..{end}"));
            }
            let got: String = chars[start..end].iter().collect();
            if got != text {
                return Err(format!(
                    "{what}: text[{start}..{end}] is {got:?}, not {text:?}"
                ));
            }
            Ok(())
        };
        for (i, s) in self.sentences.iter().enumerate() {
            if s.start > s.end || s.end > chars.len() {
                return Err(format!("sentence {i}: bad offsets"));
            }
        }
        if let Some(tokens) = &self.tokens {
            for t in tokens {
                check("token", t.start, t.end, &t.text)?;
            }
        }
        let ids: std::collections::HashSet<&str> =
            self.entities.iter().map(|e| e.id.as_str()).collect();
        for e in &self.entities {
            for m in &e.mentions {
                check(&format!("entity {} mention", e.id), m.start, m.end, &m.text)?;
            }
        }
        for t in &self.times {
            check("time", t.start, t.end, &t.text)?;
        }
        for q in &self.quotes {
            check("quote", q.start, q.end, &q.text)?;
            if let Some(s) = &q.speaker {
                if !ids.contains(s.as_str()) {
                    return Err(format!("quote speaker {s} is no entity"));
                }
            }
        }
        for e in &self.events {
            check(
                &format!("event {} trigger", e.id),
                e.trigger.start,
                e.trigger.end,
                &e.trigger.text,
            )?;
            if e.sentence >= self.sentences.len() {
                return Err(format!(
                    "event {}: sentence {} out of range",
                    e.id, e.sentence
                ));
            }
            for a in std::iter::once(&e.source).chain(e.target.iter()) {
                if let Some(id) = &a.entity {
                    if !ids.contains(id.as_str()) {
                        return Err(format!("event {}: actor entity {id} is no entity", e.id));
                    }
                }
            }
        }
        Ok(())
    }
}
