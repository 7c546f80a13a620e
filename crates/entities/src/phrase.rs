//! Coding a free phrase ("Russian troops", "Hong Kong protesters", "the Kremlin") as a
//! CAMEO-style actor code: country (or organisation) from the knowledge base, sector from
//! the agent words.

use crate::gazetteer::Gazetteer;
use crate::kb::{Kb, NameRef};
use chrono::NaiveDate;

/// Words of a phrase, lower-cased, with their byte spans.
pub(crate) fn words(phrase: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in phrase.char_indices() {
        let w = c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '.';
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, phrase[s..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, phrase.len(), phrase[s..].to_lowercase()));
    }
    // Strip possessive 's and trailing dots from words ("Korea's" → "korea").
    for w in &mut out {
        for suf in ["'s", "’s"] {
            if w.2.ends_with(suf) {
                let n = w.2.len() - suf.len();
                w.2.truncate(n);
            }
        }
        while w.2.ends_with('.') && !w.2.contains("..") && w.2.matches('.').count() == 1 {
            w.2.pop();
        }
    }
    out
}

/// The sector of the head of a phrase: the longest agent phrase ending at the rightmost
/// possible word (the head noun of an English noun phrase comes last), searched over
/// word n-grams up to 4 words.
pub(crate) fn head_sector<'k>(
    kb: &'k Kb,
    ws: &[(usize, usize, String)],
) -> Option<(&'k crate::kb::SectorWord, usize)> {
    for end in (0..ws.len()).rev() {
        for n in (1..=4.min(end + 1)).rev() {
            let start = end + 1 - n;
            let key: Vec<&str> = ws[start..=end].iter().map(|w| w.2.as_str()).collect();
            let key = key.join(" ");
            if let Some(s) = kb.sector(&key) {
                return Some((s, start));
            }
        }
    }
    None
}

fn rank(r: &NameRef) -> u8 {
    match r {
        NameRef::Org(_) => 0,
        NameRef::Person(_) => 1,
        NameRef::Capital(_) => 2,
        NameRef::Country(_) => 3,
        NameRef::Demonym(_) => 4,
        NameRef::Place(_) => 5,
    }
}

/// Codes a phrase with a given knowledge base; see [`crate::phrase_actor_code`].
pub fn phrase_code(
    kb: &Kb,
    gaz: &Gazetteer,
    phrase: &str,
    date: Option<NaiveDate>,
) -> Option<String> {
    let phrase = phrase.trim();
    if phrase.is_empty() {
        return None;
    }
    let ws = words(phrase);
    let sector = head_sector(kb, &ws);
    let matches = gaz.find(kb, phrase);
    // The most specific referent: organisations and people first; among equals, the
    // rightmost match (closest to the head).
    let mut best: Option<(NameRef, usize)> = None;
    for m in &matches {
        for r in &m.refs {
            let better = match &best {
                None => true,
                Some((b, bs)) => rank(r) < rank(b) || (rank(r) == rank(b) && m.span.start > *bs),
            };
            if better {
                best = Some((*r, m.span.start));
            }
        }
    }
    let sector_code = sector.map(|(s, _)| s.sector.clone());
    match best {
        Some((r, _)) => {
            let country = |code: &str| -> String {
                match &sector_code {
                    Some(s) => format!("{code}{s}"),
                    None => code.to_string(),
                }
            };
            match r {
                NameRef::Org(_) | NameRef::Person(_) => kb.describe(r, date).2,
                NameRef::Capital(i) => {
                    let c = &kb.countries[i].code;
                    Some(match &sector_code {
                        Some(s) => format!("{c}{s}"),
                        None => format!("{c}GOV"),
                    })
                }
                NameRef::Country(i) | NameRef::Demonym(i) => Some(country(&kb.countries[i].code)),
                NameRef::Place(i) => kb.places[i].code.as_deref().map(country),
            }
        }
        None => sector_code,
    }
}
