//! The pattern dictionary: a readable, line-based file format (documented in
//! `data/README.md`) parsed into [`Pattern`]s.
//!
//! ```text
//! CODE  ID  TRIGGER  CONSTRAINT...  | example sentence
//! 036   accept-invitation  v:accept  obj=invitation,offer  | Kenya accepted an invitation from Japan.
//! ```

use std::fmt;

/// Whether a pattern fires on a verb or on a noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerKind {
    Verb,
    Noun,
}

/// Modality a pattern imposes (`mod=`), or that a modal pattern passes on to the event
/// it governs.
pub use newsgraph_core::Modality;

/// One entry of the pattern dictionary.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// Unique id ("accept-invitation"); recorded in `Event::rule`.
    pub id: String,
    /// CAMEO code.
    pub code: String,
    pub kind: TriggerKind,
    /// Trigger lemmas.
    pub lemmas: Vec<String>,
    /// `obj=`: the direct object's lemma must be one of these (`*`: any object).
    pub obj: Option<Vec<String>>,
    /// `!obj=`: the direct object's lemma must not be one of these.
    pub not_obj: Vec<String>,
    /// `prt=`: a particle ("up" in "set up").
    pub prt: Option<Vec<String>>,
    /// `x=`: an open complement verb ("help build": x=build).
    pub xcomp: Option<Vec<String>>,
    /// `!x=`: no open complement of these lemmas (`!x=*`: none at all; "called the strikes a
    /// war" is no strike called).
    pub not_xcomp: Vec<String>,
    /// `has=`: some word governed by the trigger has one of these lemmas.
    pub has: Option<Vec<String>>,
    /// `!has=`: no word governed by the trigger has one of these lemmas.
    pub not_has: Vec<String>,
    /// `subj=`: some word of the subject's phrase (passive: the agent's) has one of these
    /// lemmas ("suicide bombers killed …": subj=bomber).
    pub subj: Option<Vec<String>>,
    /// `tgt=`: argument slots the target is taken from, in order (`obj`, `iobj`, `poss`,
    /// or a preposition such as `with`, `to`, `against`, `on`). Empty: defaults.
    pub tgt: Vec<String>,
    /// `mod=`: modality imposed on the event.
    pub modality: Option<Modality>,
    /// `modal`: the trigger carries modality (threaten, promise, agree to); when it governs
    /// another trigger, that one is coded with this pattern's modality instead.
    pub modal: bool,
    /// `gov=`: a nominal trigger takes its source from the verb that governs it only when
    /// that verb is one of these ("sign", "reach" an agreement); otherwise only from a
    /// possessor, a modifier or a "between" phrase.
    pub gov: Option<Vec<String>>,
    /// `notgt`: the event has no target.
    pub no_target: bool,
    /// `needtgt`: fire only when a target is found.
    pub need_target: bool,
    /// `mutual`: a reciprocal act ("X and Y clashed", "exchanged fire"): with two or more
    /// sources and no "with" target, each source targets the others.
    pub mutual: bool,
    /// The team's own example sentence that must code as `code`.
    pub example: String,
    /// Where the pattern was read ("patterns.txt:12").
    pub origin: String,
}

impl Pattern {
    /// How specific the pattern is: more constraints win over fewer.
    pub fn specificity(&self) -> u32 {
        let mut s = 0;
        if self
            .obj
            .as_ref()
            .is_some_and(|o| o.iter().all(|x| x != "*"))
        {
            s += 3;
        } else if self.obj.is_some() {
            s += 1;
        }
        if self.prt.is_some() {
            s += 2;
        }
        if self.xcomp.is_some() {
            s += 3;
        }
        if self.has.is_some() {
            s += 2;
        }
        if self.subj.is_some() {
            s += 2;
        }
        // (`!obj=*` only rules a reading out: it makes no pattern more specific)
        if (!self.not_obj.is_empty() && self.not_obj.iter().any(|x| x != "*"))
            || !self.not_has.is_empty()
        {
            s += 1;
        }
        if self.need_target {
            s += 1;
        }
        if self.code.len() == 4 {
            s += 2;
        }
        s
    }
}

/// An error in a pattern file.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternError {
    pub origin: String,
    pub message: String,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

impl std::error::Error for PatternError {}

fn list(v: &str) -> Vec<String> {
    v.split(',')
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Parses a pattern file. `name` is used in error messages and `Pattern::origin`.
pub fn parse_patterns(name: &str, text: &str) -> Result<Vec<Pattern>, PatternError> {
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let origin = format!("{name}:{}", n + 1);
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |m: String| PatternError {
            origin: origin.clone(),
            message: m,
        };
        let (spec, example) = match line.split_once('|') {
            Some((a, b)) => (a.trim(), b.trim().to_string()),
            None => (line, String::new()),
        };
        let mut parts = spec.split_whitespace();
        let code = parts
            .next()
            .ok_or_else(|| err("missing code".into()))?
            .to_string();
        if crate::tables::cameo(&code).is_none() {
            return Err(err(format!("unknown CAMEO code {code:?}")));
        }
        let id = parts
            .next()
            .ok_or_else(|| err("missing pattern id".into()))?
            .to_string();
        let trig = parts
            .next()
            .ok_or_else(|| err("missing trigger (v:LEMMA or n:LEMMA)".into()))?;
        let (kind, lemmas) = if let Some(l) = trig.strip_prefix("v:") {
            (TriggerKind::Verb, list(l))
        } else if let Some(l) = trig.strip_prefix("n:") {
            (TriggerKind::Noun, list(l))
        } else {
            return Err(err(format!("trigger {trig:?} must start with v: or n:")));
        };
        if lemmas.is_empty() {
            return Err(err("empty trigger".into()));
        }
        let mut p = Pattern {
            id,
            code,
            kind,
            lemmas,
            obj: None,
            not_obj: vec![],
            prt: None,
            xcomp: None,
            not_xcomp: Vec::new(),
            has: None,
            not_has: vec![],
            subj: None,
            tgt: vec![],
            modality: None,
            gov: None,
            modal: false,
            no_target: false,
            need_target: false,
            mutual: false,
            example,
            origin: origin.clone(),
        };
        for c in parts {
            match c {
                "modal" => p.modal = true,
                "notgt" => p.no_target = true,
                "needtgt" => p.need_target = true,
                "mutual" => p.mutual = true,
                _ => {
                    let (k, v) = c
                        .split_once('=')
                        .ok_or_else(|| err(format!("bad constraint {c:?}")))?;
                    match k {
                        "obj" => p.obj = Some(list(v)),
                        "!obj" => p.not_obj = list(v),
                        "prt" => p.prt = Some(list(v)),
                        "x" => p.xcomp = Some(list(v)),
                        "!x" => p.not_xcomp = list(v),
                        "has" => p.has = Some(list(v)),
                        "!has" => p.not_has = list(v),
                        "subj" => p.subj = Some(list(v)),
                        "tgt" => p.tgt = list(v),
                        "gov" => p.gov = Some(list(v)),
                        "mod" => {
                            p.modality = Some(
                                Modality::parse(v)
                                    .ok_or_else(|| err(format!("unknown modality {v:?}")))?,
                            )
                        }
                        _ => return Err(err(format!("unknown constraint {k:?}"))),
                    }
                }
            }
        }
        out.push(p);
    }
    let mut seen = std::collections::HashSet::new();
    for p in &out {
        if !seen.insert(p.id.clone()) {
            return Err(PatternError {
                origin: p.origin.clone(),
                message: format!("duplicate pattern id {:?}", p.id),
            });
        }
    }
    Ok(out)
}

/// The team's built-in pattern files (`data/patterns/*.txt`), in order.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "cooperation.txt",
        include_str!("../data/patterns/cooperation.txt"),
    ),
    (
        "conflict.txt",
        include_str!("../data/patterns/conflict.txt"),
    ),
];

/// The built-in patterns. Panics only if the embedded files are malformed (checked by tests).
pub fn builtin_patterns() -> Vec<Pattern> {
    let mut all = Vec::new();
    for (name, text) in BUILTIN {
        match parse_patterns(name, text) {
            Ok(mut p) => all.append(&mut p),
            Err(e) => panic!("embedded pattern file is malformed: {e}"),
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn parses_syntax() {
        let p = parse_patterns(
            "t",
            "# c\n036 acc v:accept obj=invitation,offer tgt=from,by | Kenya accepted.\n",
        )
        .unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].lemmas, vec!["accept"]);
        assert_eq!(
            p[0].obj.as_ref().unwrap(),
            &vec!["invitation".to_string(), "offer".to_string()]
        );
        assert_eq!(p[0].tgt, vec!["from", "by"]);
        assert_eq!(p[0].example, "Kenya accepted.");
        assert!(parse_patterns("t", "999 x v:a | y").is_err());
        assert!(parse_patterns("t", "036 x q:a | y").is_err());
        assert!(parse_patterns("t", "036 x v:a foo | y").is_err());
        assert!(parse_patterns("t", "036 x v:a | y\n036 x v:b | z").is_err());
        let p = parse_patterns("t", "1831 sb v:kill subj=bomber | A bomber killed.").unwrap();
        assert_eq!(p[0].subj.as_deref(), Some(&["bomber".to_string()][..]));
    }
}
