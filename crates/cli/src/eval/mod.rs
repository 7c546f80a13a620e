//! `newsgraph eval …`: accuracy figures, each with `--json`.

pub mod events;
pub mod ner;
pub mod quotes;
pub mod segment;
pub mod syntax;
pub mod time;

#[derive(Debug, clap::Subcommand)]
pub enum EvalCommand {
    /// Token and sentence F1 against the raw text of a CoNLL-U file.
    Segment(segment::Args),
    /// POS tagging accuracy (UPOS, XPOS) with gold tokenization.
    Tagger(syntax::Args),
    /// Lemma accuracy with gold tokenization.
    Lemma(syntax::Args),
    /// Dependency parsing UAS/LAS on predicted tags.
    Parser(syntax::Args),
    /// Named entity F1 (GMB test part, UNER EWT test).
    Ner(ner::Args),
    /// TempEval-3 span and value F1.
    Time(time::Args),
    /// Quote detection and speaker attribution.
    Quotes(quotes::Args),
    /// CAMEO / PLOVER event coding.
    Events(events::Args),
}

pub fn run(cmd: EvalCommand) -> anyhow::Result<()> {
    match cmd {
        EvalCommand::Segment(a) => segment::run(a),
        EvalCommand::Tagger(a) => syntax::run(syntax::Which::Tagger, a),
        EvalCommand::Lemma(a) => syntax::run(syntax::Which::Lemma, a),
        EvalCommand::Parser(a) => syntax::run(syntax::Which::Parser, a),
        EvalCommand::Ner(a) => ner::run(a),
        EvalCommand::Time(a) => time::run(a),
        EvalCommand::Quotes(a) => quotes::run(a),
        EvalCommand::Events(a) => events::run(a),
    }
}
