//! The speech-verb lexicon (`data/speech_verbs.txt`, format described in the file).

use std::collections::HashMap;

/// How a speech verb introduces what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// `X VERB (that) CLAUSE`.
    Clause,
    /// `X VERB SOMEONE (that) CLAUSE`.
    Object,
    /// Only cues partial quotes (`described it as "…"`).
    Partial,
}

/// One speech verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeechVerb {
    pub lemma: String,
    pub frame: Frame,
}

/// The speech verbs, looked up by lower-case form.
#[derive(Debug, Clone)]
pub struct Lexicon {
    verbs: Vec<SpeechVerb>,
    forms: HashMap<String, usize>,
}

const EMBEDDED: &str = include_str!("../data/speech_verbs.txt");

impl Lexicon {
    /// The lexicon shipped with the crate.
    pub fn embedded() -> Self {
        Lexicon::parse(EMBEDDED).unwrap_or_else(|_| Lexicon {
            verbs: Vec::new(),
            forms: HashMap::new(),
        })
    }

    /// Parses the lexicon format; errors name the line.
    pub fn parse(src: &str) -> Result<Self, String> {
        let mut verbs = Vec::new();
        let mut forms = HashMap::new();
        for (n, line) in src.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut it = line.split_whitespace();
            let lemma = it.next().unwrap_or_default().to_lowercase();
            let frame = match it.next() {
                Some("clause") => Frame::Clause,
                Some("object") => Frame::Object,
                Some("partial") => Frame::Partial,
                other => return Err(format!("line {}: unknown frame {:?}", n + 1, other)),
            };
            let id = verbs.len();
            forms.entry(lemma.clone()).or_insert(id);
            for f in it {
                forms.entry(f.to_lowercase()).or_insert(id);
            }
            verbs.push(SpeechVerb { lemma, frame });
        }
        Ok(Lexicon { verbs, forms })
    }

    /// The verb of a lower-case word form.
    pub fn lookup(&self, form: &str) -> Option<&SpeechVerb> {
        self.forms.get(form).map(|&i| &self.verbs[i])
    }

    /// Number of verbs.
    pub fn len(&self) -> usize {
        self.verbs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.verbs.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_has_the_core_verbs() {
        let l = Lexicon::embedded();
        assert!(l.len() > 40);
        for w in [
            "said",
            "says",
            "told",
            "added",
            "stated",
            "noted",
            "warned",
            "insisted",
            "claimed",
            "wrote",
            "tweeted",
            "announced",
            "confirmed",
            "denied",
            "informed",
            "urged",
            "saying",
            "adding",
        ] {
            assert!(l.lookup(w).is_some(), "{w} missing");
        }
        assert_eq!(l.lookup("told").map(|v| v.frame), Some(Frame::Object));
        assert_eq!(l.lookup("said").map(|v| v.lemma.as_str()), Some("say"));
        assert!(l.lookup("accepted").is_none());
    }

    #[test]
    fn bad_frame_is_an_error() {
        assert!(Lexicon::parse("say shout says").is_err());
    }
}
