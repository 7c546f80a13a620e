//! # newsgraph-core
//!
//! The document model every newsgraph component works on, in the manner of spaCy's `Doc`:
//! one [`Document`] carries the article text and everything the pipeline found in it
//! (paragraphs, sentences, tokens, entities, times, quotes, events). Components fill it in
//! place, in order, through the [`Component`] trait.
//!
//! Inside the pipeline every [`Span`] is a **byte** range into [`Document::text`], so that
//! components can slice `&doc.text[span.range()]` without cost. The public serialisation,
//! schema `newsgraph/1` (see [`schema`] and `docs/schema.md`), converts them to offsets in
//! Unicode scalar values (characters), so that `text[start:end]` in Python equals the span.

pub mod model;
pub mod schema;
pub mod offsets;

pub use model::*;
pub use offsets::CharMap;

/// The name and version of the output schema.
pub const SCHEMA: &str = "newsgraph/1";

/// The version of newsgraph that produced an analysis (recorded in the store).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A stage of the analysis pipeline. Each component reads what earlier ones wrote into the
/// document and adds its own layer.
pub trait Component: Send + Sync {
    /// Short, stable name, used in provenance (`rule`) and in `explain` output.
    fn name(&self) -> &'static str;
    /// Adds this component's layer to the document.
    fn process(&self, doc: &mut Document);
}
