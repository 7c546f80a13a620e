//! The in-memory document model. All spans are byte ranges into [`Document::text`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `[start, end)` into the document text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range()]
    }
}

/// A paragraph: text between blank lines. Headings are short unpunctuated lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    /// A heading ("US criticises the meeting"): a hard sentence boundary, never glued to
    /// the following text.
    pub heading: bool,
}

/// A sentence with the range of its tokens in [`Document::tokens`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index of the paragraph the sentence lies in.
    pub paragraph: usize,
    /// Token indices `[first, last)` in `Document::tokens` (empty until tokenised).
    pub tokens: Range<usize>,
}

/// Universal POS tags (UD v2).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum Upos {
    ADJ,
    ADP,
    ADV,
    AUX,
    CCONJ,
    DET,
    INTJ,
    NOUN,
    NUM,
    PART,
    PRON,
    PROPN,
    PUNCT,
    SCONJ,
    SYM,
    VERB,
    #[default]
    X,
}

impl Upos {
    pub const ALL: [Upos; 17] = [
        Upos::ADJ,
        Upos::ADP,
        Upos::ADV,
        Upos::AUX,
        Upos::CCONJ,
        Upos::DET,
        Upos::INTJ,
        Upos::NOUN,
        Upos::NUM,
        Upos::PART,
        Upos::PRON,
        Upos::PROPN,
        Upos::PUNCT,
        Upos::SCONJ,
        Upos::SYM,
        Upos::VERB,
        Upos::X,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::ADJ => "ADJ",
            Upos::ADP => "ADP",
            Upos::ADV => "ADV",
            Upos::AUX => "AUX",
            Upos::CCONJ => "CCONJ",
            Upos::DET => "DET",
            Upos::INTJ => "INTJ",
            Upos::NOUN => "NOUN",
            Upos::NUM => "NUM",
            Upos::PART => "PART",
            Upos::PRON => "PRON",
            Upos::PROPN => "PROPN",
            Upos::PUNCT => "PUNCT",
            Upos::SCONJ => "SCONJ",
            Upos::SYM => "SYM",
            Upos::VERB => "VERB",
            Upos::X => "X",
        }
    }
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == s)
    }
}

/// A token. `head` is the index of the syntactic head *within the document's token list*
/// (None for the root or before parsing).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub upos: Upos,
    /// Penn Treebank tag ("NNP", "VBD"); empty before tagging.
    pub xpos: String,
    /// Lower-case lemma ("accept" for "accepted"); empty before lemmatisation.
    pub lemma: String,
    pub head: Option<usize>,
    /// UD relation ("nsubj", "obj", "obl:tmod", "root"); empty before parsing.
    pub deprel: String,
    /// True when whitespace follows the token in the text.
    pub space_after: bool,
}

/// Entity types, OntoNotes style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Org,
    Gpe,
    Loc,
    Norp,
    Fac,
    Event,
    Law,
    Product,
    Money,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Norp => "NORP",
            EntityType::Fac => "FAC",
            EntityType::Event => "EVENT",
            EntityType::Law => "LAW",
            EntityType::Product => "PRODUCT",
            EntityType::Money => "MONEY",
        }
    }
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "PERSON" => EntityType::Person,
            "ORG" => EntityType::Org,
            "GPE" => EntityType::Gpe,
            "LOC" => EntityType::Loc,
            "NORP" => EntityType::Norp,
            "FAC" => EntityType::Fac,
            "EVENT" => EntityType::Event,
            "LAW" => EntityType::Law,
            "PRODUCT" => EntityType::Product,
            "MONEY" => EntityType::Money,
            _ => return None,
        })
    }
}

/// How an entity is mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A name ("Vladimir Putin", "Putin", "KCNA").
    #[default]
    Name,
    /// A description ("the Kremlin boss", "the North Korean leader").
    Nominal,
    /// A pronoun ("he", "his").
    Pronoun,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
}

/// An entity: a person, organisation or place, with all its mentions (coreference).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name ("Vladimir Putin").
    pub name: String,
    pub etype: EntityType,
    /// CAMEO-style actor code valid on the article date ("RUSGOV").
    pub actor: Option<String>,
    /// Role or title ("President", "Defence Minister").
    pub role: Option<String>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimeType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeType::Date => "DATE",
            TimeType::Time => "TIME",
            TimeType::Duration => "DURATION",
            TimeType::Set => "SET",
        }
    }
}

/// A temporal expression normalised against the article date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub span: Span,
    pub ttype: TimeType,
    /// TIMEX3 value ("2023-09-14", "2023-W37", "P3Y", "PAST_REF"); None when it cannot be
    /// resolved (e.g. a relative expression in an undated article).
    pub value: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole quotation in quotation marks.
    Direct,
    /// A few quoted words inside the writer's sentence.
    Partial,
    /// Reported speech without quotation marks ("X said that …").
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// Where a date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A time expression in the text governs it.
    Text,
    /// The article date.
    #[default]
    Document,
}

/// A quotation or reported speech with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted content, without quotation marks.
    pub span: Span,
    pub kind: QuoteKind,
    /// Index of the speaker in [`Document::entities`].
    pub speaker: Option<usize>,
    /// The speaker as written ("the North Korean leader").
    pub speaker_span: Option<Span>,
    /// The speech verb or cue ("said", "according to").
    pub cue: Option<Span>,
    pub date: Option<NaiveDate>,
    pub date_source: DateSource,
}

/// Modality of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    #[default]
    Asserted,
    Intent,
    Threat,
    Negated,
    Hypothetical,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Intent => "intent",
            Modality::Threat => "threat",
            Modality::Negated => "negated",
            Modality::Hypothetical => "hypothetical",
        }
    }
    pub fn parse(s: &str) -> Option<Modality> {
        Some(match s {
            "asserted" => Modality::Asserted,
            "intent" => Modality::Intent,
            "threat" => Modality::Threat,
            "negated" => Modality::Negated,
            "hypothetical" => Modality::Hypothetical,
            _ => return None,
        })
    }
}

/// One side of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Index in [`Document::entities`], when the actor is a known entity.
    pub entity: Option<usize>,
    /// The words in this sentence that name the actor.
    pub span: Span,
    /// CAMEO-style actor code ("RUSGOV").
    pub code: Option<String>,
}

/// A coded political event: who did what to whom, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub source: Actor,
    pub target: Option<Actor>,
    /// CAMEO code ("036").
    pub cameo: String,
    pub cameo_name: String,
    /// CAMEO root ("03").
    pub root: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub goldstein: f32,
    /// PLOVER event type ("AGREE").
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub date: Option<NaiveDate>,
    pub date_source: DateSource,
    pub modality: Modality,
    /// Index in [`Document::entities`] of whoever claims this event (speaker of the quote
    /// or reported speech it lies in).
    pub claimed_by: Option<usize>,
    /// Index in [`Document::sentences`].
    pub sentence: usize,
    pub trigger: Span,
    /// Which rule fired (pattern id).
    pub rule: String,
}

/// A news article and everything the pipeline found in it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    /// The article date (publication date) that relative times are resolved against.
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// The analysed text (for JSONL input: title, blank line, text).
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub entities: Vec<Entity>,
    pub times: Vec<TimeExpr>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    /// Non-fatal problems found while analysing ("no article date: relative times left
    /// unresolved").
    pub warnings: Vec<String>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>, date: Option<NaiveDate>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            date,
            ..Default::default()
        }
    }

    /// Text of a span.
    pub fn span_text(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// Text of a token.
    pub fn token_text(&self, i: usize) -> &str {
        &self.text[self.tokens[i].span.range()]
    }

    /// Tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> &[Token] {
        &self.tokens[self.sentences[s].tokens.clone()]
    }

    /// Index of the sentence containing byte offset `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }

    /// Index of the first token whose span ends after `pos` (token at or after `pos`).
    pub fn token_at(&self, pos: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.span.end <= pos);
        (i < self.tokens.len()).then_some(i)
    }

    /// Indices of the tokens that overlap `span`.
    pub fn tokens_in(&self, span: Span) -> Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.end <= span.start);
        let b = self.tokens.partition_point(|t| t.span.start < span.end);
        a..b.max(a)
    }

    /// The entity with a mention exactly at `span`, if any.
    pub fn entity_at(&self, span: Span) -> Option<usize> {
        self.entities
            .iter()
            .position(|e| e.mentions.iter().any(|m| m.span == span))
    }
}
