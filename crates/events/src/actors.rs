//! Actor codes for phrases the entity layer did not code: a small fallback lexicon
//! (`data/actors-fallback.tsv`) of countries, IGOs and sector words. The entity layer
//! (`newsgraph_entities`) is always asked first.

use std::collections::HashMap;
use std::sync::OnceLock;

const LEXICON: &str = include_str!("../data/actors-fallback.tsv");

struct Lex {
    /// phrase (lower case, words joined by one space) → country/IGO code
    countries: HashMap<String, &'static str>,
    max_words: usize,
    sectors: HashMap<String, &'static str>,
}

fn lex() -> &'static Lex {
    static L: OnceLock<Lex> = OnceLock::new();
    L.get_or_init(|| {
        let mut countries = HashMap::new();
        let mut sectors = HashMap::new();
        let mut max_words = 1;
        for line in LEXICON
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 3 {
                continue;
            }
            for w in f[2].split(',') {
                let w = w.trim().to_string();
                if w.is_empty() {
                    continue;
                }
                max_words = max_words.max(w.split(' ').count());
                match f[0] {
                    "country" => {
                        countries.insert(w, f[1]);
                    }
                    "sector" => {
                        sectors.insert(w, f[1]);
                    }
                    _ => {}
                }
            }
        }
        Lex {
            countries,
            max_words,
            sectors,
        }
    })
}

fn words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .trim_end_matches('.')
                .to_lowercase()
        })
        .map(|w| if w == "u.s" { "u.s.".to_string() } else { w })
        .filter(|w| !w.is_empty() && w != "s")
        .collect()
}

/// Codes a free phrase with the fallback lexicon: "Russian troops" → RUSMIL,
/// "the French government" → FRAGOV, "Japan" → JPN. Needs a country or IGO.
pub fn fallback_phrase_code(phrase: &str) -> Option<String> {
    let l = lex();
    let ws = words(phrase);
    let mut country: Option<&str> = None;
    let mut i = 0;
    let mut country_end = 0;
    while i < ws.len() && country.is_none() {
        for n in (1..=l.max_words.min(ws.len() - i)).rev() {
            let key = ws[i..i + n].join(" ");
            // "us" as a pronoun: only upper-case "US" counts.
            if key == "us" && !phrase.contains("US") {
                continue;
            }
            if let Some(c) = l.countries.get(&key) {
                country = Some(c);
                country_end = i + n;
                break;
            }
        }
        i += 1;
    }
    let country = country?;
    if country.starts_with("IGO") {
        return Some(country.to_string());
    }
    let mut sector = None;
    for j in (country_end..ws.len()).rev() {
        for n in (1..=2.min(ws.len() - j)).rev() {
            let key = ws[j..j + n].join(" ");
            if let Some(s) = l.sectors.get(&key) {
                sector = Some(*s);
                break;
            }
        }
        if sector.is_some() {
            break;
        }
    }
    if sector.is_none() {
        // "the Kremlin", "Pyongyang", "Washington", "the White House": the seat of government.
        let first = ws.iter().map(String::as_str).collect::<Vec<_>>().join(" ");
        let seat = [
            "kremlin",
            "pyongyang",
            "washington",
            "white house",
            "pentagon",
            "state department",
            "beijing",
            "moscow",
            "tehran",
            "seoul",
            "tokyo",
        ];
        if seat.iter().any(|s| first.trim_start_matches("the ") == *s) {
            sector = Some(if first.contains("pentagon") {
                "MIL"
            } else {
                "GOV"
            });
        }
    }
    Some(match sector {
        Some(s) => format!("{country}{s}"),
        None => country.to_string(),
    })
}

/// The sector of a title that opens a person's name ("Vice-President Ana Ruiz" → GOV,
/// "General Ali Musa" → MIL): for named people the entity layer could not code.
pub fn title_sector(phrase: &str) -> Option<&'static str> {
    let l = lex();
    let ws = words(phrase);
    let strip = |w: &str| -> String {
        let w = w
            .strip_prefix("vice-")
            .or_else(|| w.strip_prefix("deputy-"))
            .unwrap_or(w);
        w.to_string()
    };
    let mut k = 0;
    // ("Vice President", "Deputy Prime Minister", "former President")
    while k < ws.len()
        && matches!(
            ws[k].as_str(),
            "vice" | "deputy" | "former" | "acting" | "interim" | "then"
        )
    {
        k += 1;
    }
    let first = ws.get(k).map(|w| strip(w))?;
    if let Some(two) = ws.get(k + 1).map(|w| format!("{first} {w}")) {
        if let Some(s) = l.sectors.get(&two) {
            return Some(*s);
        }
    }
    // only words that name a person's office, not institutions ("Parliament Speaker X")
    let person_titles = [
        "president",
        "minister",
        "premier",
        "chancellor",
        "ambassador",
        "king",
        "queen",
        "general",
        "commander",
        "judge",
        "prosecutor",
        "governor",
        "mayor",
        "senator",
    ];
    if person_titles.contains(&first.as_str()) {
        return l.sectors.get(&first).copied().or(match first.as_str() {
            "governor" | "mayor" => Some("GOV"),
            "senator" => Some("LEG"),
            _ => None,
        });
    }
    None
}

/// Is `word` (lower case) a word of the lexicon (a country word or a sector word)?
pub fn is_lexicon_word(word: &str) -> bool {
    let l = lex();
    // function words inside multi-word names ("league of arab states") are not name words
    if matches!(
        word,
        "of" | "and" | "for" | "in" | "the" | "on" | "de" | "la" | "du" | "al"
    ) {
        return false;
    }
    l.sectors.contains_key(word)
        || l.countries.contains_key(word)
        || l.countries.keys().any(|k| k.split(' ').any(|w| w == word))
}

/// The first three letters of an actor code: the country (or "IGO").
pub fn country_of(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn codes_phrases() {
        assert_eq!(
            fallback_phrase_code("Russian troops").as_deref(),
            Some("RUSMIL")
        );
        assert_eq!(
            fallback_phrase_code("the French government").as_deref(),
            Some("FRAGOV")
        );
        assert_eq!(fallback_phrase_code("Japan").as_deref(), Some("JPN"));
        assert_eq!(
            fallback_phrase_code("the Kremlin").as_deref(),
            Some("RUSGOV")
        );
        assert_eq!(fallback_phrase_code("South Korea").as_deref(), Some("KOR"));
        assert_eq!(
            fallback_phrase_code("the United Nations").as_deref(),
            Some("IGOUNO")
        );
        assert_eq!(fallback_phrase_code("us"), None);
        assert_eq!(title_sector("Vice-President Ana Ruiz"), Some("GOV"));
        assert_eq!(title_sector("Deputy Prime Minister Ana Ruiz"), Some("GOV"));
        assert_eq!(title_sector("General Ana Ruiz"), Some("MIL"));
        assert_eq!(title_sector("Ana Ruiz"), None);
        assert_eq!(fallback_phrase_code("the dog"), None);
        assert_eq!(
            fallback_phrase_code("European Community foreign ministers").as_deref(),
            Some("IGOEEC")
        );
        assert!(!is_lexicon_word("and") && !is_lexicon_word("of"));
    }
}
