//! `newsgraph train …`: rebuild the embedded models from the corpora in `../shared`.

pub mod ner;
pub mod syntax;

#[derive(Debug, clap::Subcommand)]
pub enum TrainCommand {
    /// Train the POS tagger and lemmatizer.
    Tagger(syntax::Args),
    /// Train the dependency parser.
    Parser(syntax::Args),
    /// Train the named-entity tagger.
    Ner(ner::Args),
}

pub fn run(cmd: TrainCommand) -> anyhow::Result<()> {
    match cmd {
        TrainCommand::Tagger(a) => syntax::run(syntax::Which::Tagger, a),
        TrainCommand::Parser(a) => syntax::run(syntax::Which::Parser, a),
        TrainCommand::Ner(a) => ner::run(a),
    }
}
