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
pub mod offsets;
pub mod schema;

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

/// Length of a news dateline at the start of `text` ("TOKYO (Reuters) - ", "NAIROBI, July 25
/// (Reuters) — ", "SANAA, Yemen (AP) — "): a place in capitals, optional words after commas
/// and an agency in parentheses, then a dash; 0 when there is none.
pub fn dateline_len(text: &str) -> usize {
    // (a hyphen inside the name, "WINSTON-SALEM"; a dash after a space ends it: "THE HAGUE -
    // The court ..." must not read the next capital as part of the place)
    let place_end = text
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-' | '/'))
                || (c == '-' && text[..i].ends_with(' '))
        })
        .map_or(text.len(), |(i, _)| i);
    let place = text[..place_end].trim_end_matches(['-', ' ']);
    if place.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return 0;
    }
    // (what follows the place: ", Yemen", ", July 25", " (Reuters)", up to the dash)
    let rest = &text[place.len()..];
    // (a dash within the next few words only: the scan never runs through the article)
    let Some(dash) = rest.find([' ', '\u{a0}']).and_then(|_| {
        rest.char_indices()
            .take_while(|&(i, _)| i <= 48)
            .find(|&(i, c)| {
                matches!(c, '-' | '–' | '—')
                    && rest[..i].ends_with(' ')
                    && rest[i + c.len_utf8()..].starts_with(' ')
            })
            .map(|(i, c)| i + c.len_utf8())
    }) else {
        return 0;
    };
    let middle = &rest[..dash];
    if middle.len() > 40 || middle.contains(['.', '"', '“']) && !middle.contains('(') {
        return 0;
    }
    let after = rest[dash..].len() - rest[dash..].trim_start().len();
    place.len() + dash + after
}

#[cfg(test)]
mod dateline_tests {
    use super::dateline_len;

    #[test]
    fn datelines_and_dashes_inside_sentences() {
        assert_eq!(
            dateline_len("LIMA, March 3 (Reuters) - Police fired tear gas"),
            "LIMA, March 3 (Reuters) - ".len()
        );
        // two places
        assert_eq!(
            dateline_len("DOHA/CAIRO, Jan 9 (Reuters) - Qatari mediators said"),
            "DOHA/CAIRO, Jan 9 (Reuters) - ".len()
        );
        assert_eq!(
            dateline_len("PORT MORESBY (AP) — Police fired"),
            "PORT MORESBY (AP) — ".len()
        );
        assert_eq!(
            dateline_len("Police fired tear gas - again - at the crowd"),
            0
        );
        assert_eq!(dateline_len("UN - officials said"), 0);
        // a capitalised word after the dash is not part of the place
        assert_eq!(
            dateline_len("THE HAGUE - The court issued warrants"),
            "THE HAGUE - ".len()
        );
        assert_eq!(
            dateline_len("NAIROBI - Kenyan police fired"),
            "NAIROBI - ".len()
        );
        assert_eq!(
            dateline_len("WINSTON-SALEM - A jury said"),
            "WINSTON-SALEM - ".len()
        );
    }
}
