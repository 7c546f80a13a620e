//! # newsgraph-entities
//!
//! Named entities and actors. The component ([`EntityRecognizer`], name `"entities"`) fills
//! `doc.entities`: each entity with its type, canonical name, role or title, the CAMEO-style
//! actor code valid on the article date, and all its mentions (names, descriptions such as
//! "the Kremlin boss", pronouns).
//!
//! It combines:
//! - an **actor knowledge base** ([`kb`]): readable TSV files in `data/` (countries and
//!   territories with aliases, demonyms and capitals; places; international organisations,
//!   armed groups, media, seats of power; people with dated roles; agent words → sectors),
//!   compiled in and extendable with a user file ([`EntityRecognizer::with_actors_file`]);
//! - a **named-entity tagger** ([`ner`]): a first-order structured averaged perceptron over
//!   BILOU labels (five seeds averaged, 5 epochs each), trained on the GMB corpus,
//!   with word clusters ([`clusters`]) computed from unlabeled text, embedded as
//!   `models/ner.bin`;
//! - a **given-name list** (`data/ner/first-names.txt`) for people the GMB-trained tagger
//!   misses in other genres ("Thanks, Traci");
//! - **rules** for titles, appositions, relations, Korean names, coreference by name parts,
//!   descriptions, metonyms, plurals and pronouns ([`recognize`](crate)).
//!
//! [`phrase_actor_code`] codes a free phrase ("Russian troops" → `RUSMIL`).

pub mod clusters;
pub mod eval;
pub mod gazetteer;
pub mod kb;
mod lexicon;
pub mod ner;
pub mod phrase;
mod recognize;
pub mod tokens;

use chrono::NaiveDate;
use newsgraph_core::{Component, Document, EntityType, Span};
use std::path::Path;

pub use kb::Kb;

/// The entity component.
pub struct EntityRecognizer {
    kb: KbRef,
}

enum KbRef {
    Builtin,
    Owned(Box<(Kb, gazetteer::Gazetteer)>),
}

fn builtin_gazetteer() -> &'static gazetteer::Gazetteer {
    static G: std::sync::OnceLock<gazetteer::Gazetteer> = std::sync::OnceLock::new();
    G.get_or_init(|| gazetteer::Gazetteer::new(Kb::builtin()))
}

impl Default for EntityRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl EntityRecognizer {
    /// The recognizer with the built-in knowledge base and model.
    pub fn new() -> Self {
        EntityRecognizer { kb: KbRef::Builtin }
    }

    /// The built-in knowledge base extended (and overridden) by a user file; see
    /// `data/README.md` for the format.
    pub fn with_actors_file(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let kb = Kb::with_user_file(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let gaz = gazetteer::Gazetteer::new(&kb);
        Ok(EntityRecognizer {
            kb: KbRef::Owned(Box::new((kb, gaz))),
        })
    }

    /// The knowledge base in use.
    pub fn kb(&self) -> &Kb {
        match &self.kb {
            KbRef::Builtin => Kb::builtin(),
            KbRef::Owned(b) => &b.0,
        }
    }

    pub fn gaz(&self) -> &gazetteer::Gazetteer {
        match &self.kb {
            KbRef::Builtin => builtin_gazetteer(),
            KbRef::Owned(b) => &b.1,
        }
    }

    /// Codes a free phrase with this recognizer's knowledge base.
    pub fn phrase_code(&self, phrase: &str, date: Option<NaiveDate>) -> Option<String> {
        phrase::phrase_code(self.kb(), self.gaz(), phrase, date)
    }

    /// Runs the tagger over the view's sentences.
    fn ner_spans(&self, doc: &Document, v: &tokens::View) -> Vec<ner::NerSpan> {
        let Some(model) = ner::Model::embedded() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let sents: Vec<_> = v
            .sents
            .iter()
            .filter(|s| !s.toks.is_empty() && s.toks.end <= v.toks.len())
            .collect();
        let input: Vec<(Vec<&str>, Vec<&str>)> = sents
            .iter()
            .map(|s| {
                let words: Vec<&str> = v.toks[s.toks.clone()]
                    .iter()
                    .map(|t| &doc.text[t.span.range()])
                    .collect();
                // The tagger's Penn tags when it ran (else none: the model goes without).
                let pos: Vec<&str> = v.toks[s.toks.clone()]
                    .iter()
                    .map(|t| t.xpos.as_str())
                    .collect();
                (words, pos)
            })
            .collect();
        // Sentence by sentence, in order (a model with document memory reads the labels of
        // the previous sentences).
        let tagged = model.tag_document(&input, self.kb(), self.gaz());
        for ((s, (words, _)), labels) in sents.iter().zip(&input).zip(&tagged) {
            for (a, b, t) in ner::spans_of(labels) {
                let ws = &words[a..b];
                if let Some(et) = ner::gmb_to_etype(ner::TYPES[t], ws) {
                    out.push(ner::NerSpan {
                        toks: s.toks.start + a..s.toks.start + b,
                        etype: et,
                        label: ner::TYPES[t],
                    });
                }
            }
        }
        out
    }

    /// Analyses a document and returns it (for tests and evaluation).
    pub fn analyze(&self, doc: &mut Document) {
        let v = tokens::View::new(doc);
        let spans = self.ner_spans(doc, &v);
        let ctx = recognize::Ctx {
            kb: self.kb(),
            gaz: self.gaz(),
            date: doc.date,
        };
        recognize::run(&ctx, doc, &spans, &v);
    }

    fn analyze_names(&self, doc: &mut Document) -> Vec<(Span, EntityType)> {
        let v = tokens::View::new(doc);
        let spans = self.ner_spans(doc, &v);
        let ctx = recognize::Ctx {
            kb: self.kb(),
            gaz: self.gaz(),
            date: doc.date,
        };
        recognize::run(&ctx, doc, &spans, &v)
    }

    /// The name spans only (no descriptions or pronouns, titles not included), with
    /// their types: what an exact-span NER evaluation compares.
    pub fn names(&self, doc: &Document) -> Vec<(Span, EntityType)> {
        let mut d = doc.clone();
        let mut out = self.analyze_names(&mut d);
        out.sort_by_key(|x| x.0.start);
        out
    }
}

impl Component for EntityRecognizer {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn process(&self, doc: &mut Document) {
        self.analyze(doc);
    }
}

/// Codes a free actor phrase with the built-in knowledge base: country or organisation
/// plus the sector of the head word. "Russian troops" → `RUSMIL`, "Hong Kong protesters" →
/// `HKGCVL`, "the Kremlin" → `RUSGOV`, "Pyongyang" → `PRKGOV`, "Putin" (2023) → `RUSGOV`,
/// "protesters" → `CVL` (sector only), "the two countries" → `None`.
pub fn phrase_actor_code(phrase: &str, date: Option<NaiveDate>) -> Option<String> {
    phrase::phrase_code(Kb::builtin(), builtin_gazetteer(), phrase, date)
}
