//! # newsgraph-pipeline
//!
//! The analysis pipeline: the components of the other crates, run in order over one
//! [`Document`], and in parallel over many.

use newsgraph_core::{Component, Document};
use rayon::prelude::*;

/// How to build a pipeline.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A user actor dictionary that extends or overrides the built-in one.
    pub actors: Option<std::path::PathBuf>,
}

/// The ordered list of components.
pub struct Pipeline {
    components: Vec<Box<dyn Component>>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

impl Pipeline {
    /// The standard pipeline with the embedded models and data.
    pub fn new() -> Self {
        Self::build(newsgraph_entities::EntityRecognizer::new())
    }

    fn build(entities: newsgraph_entities::EntityRecognizer) -> Self {
        let components: Vec<Box<dyn Component>> = vec![
            Box::new(newsgraph_text::Segmenter::new()),
            Box::new(Shared(newsgraph_syntax::Tagger::embedded())),
            Box::new(Shared(newsgraph_syntax::Parser::embedded())),
            Box::new(newsgraph_time::TimeTagger::new()),
            Box::new(entities),
            Box::new(newsgraph_quotes::QuoteFinder::new()),
            Box::new(newsgraph_events::EventCoder::new()),
        ];
        Pipeline { components }
    }

    /// Only the first `n` components (for `parse`, benchmarks and tests of early stages).
    pub fn truncated(mut self, n: usize) -> Self {
        self.components.truncate(n);
        self
    }

    /// Only the components before the first one named `name` (all of them when none is):
    /// `explain` runs everything up to "events" and then codes events itself.
    pub fn until(mut self, name: &str) -> Self {
        if let Some(i) = self.components.iter().position(|c| c.name() == name) {
            self.components.truncate(i);
        }
        self
    }

    /// Runs the components one by one and calls `each` after each of them (for `explain`
    /// and per-stage timings).
    pub fn analyze_traced(
        &self,
        doc: &mut Document,
        mut each: impl FnMut(&'static str, &Document),
    ) {
        self.start(doc);
        for c in &self.components {
            c.process(doc);
            each(c.name(), doc);
        }
    }

    fn start(&self, doc: &mut Document) {
        if doc.date.is_none()
            && !doc
                .warnings
                .iter()
                .any(|w| w.starts_with("no article date"))
        {
            doc.warnings.push(
                "no article date: relative times are left unresolved (give --date YYYY-MM-DD)"
                    .to_string(),
            );
        }
    }

    /// The standard pipeline with user options; fails on a bad actor dictionary.
    pub fn with_options(opts: &Options) -> Result<Self, String> {
        match &opts.actors {
            Some(p) => Ok(Self::build(
                newsgraph_entities::EntityRecognizer::with_actors_file(p)?,
            )),
            None => Ok(Pipeline::new()),
        }
    }

    /// Names of the components, in order.
    pub fn component_names(&self) -> Vec<&'static str> {
        self.components.iter().map(|c| c.name()).collect()
    }

    /// Analyses one document in place.
    pub fn analyze(&self, doc: &mut Document) {
        self.start(doc);
        for c in &self.components {
            c.process(doc);
        }
    }

    /// Analyses many documents in parallel; the output keeps the input order.
    pub fn analyze_all(&self, mut docs: Vec<Document>) -> Vec<Document> {
        docs.par_iter_mut().for_each(|d| self.analyze(d));
        docs
    }
}

/// A component shared by every pipeline (the embedded models are loaded once).
struct Shared<C: 'static>(&'static C);

impl<C: Component + 'static> Component for Shared<C> {
    fn name(&self) -> &'static str {
        self.0.name()
    }
    fn process(&self, doc: &mut Document) {
        self.0.process(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn until_keeps_the_components_before_the_named_one() {
        let names = Pipeline::new().until("events").component_names();
        assert_eq!(
            names,
            ["segment", "tag", "parse", "time", "entities", "quotes"]
        );
        assert_eq!(Pipeline::new().until("no such").component_names().len(), 7);
    }
}
