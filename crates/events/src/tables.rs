//! CAMEO and PLOVER code tables, compiled into the binary from `data/cameo.tsv`,
//! `data/cameo2plover.tsv` and `data/plover.tsv` (see `data/README.md`).

use std::collections::HashMap;
use std::sync::OnceLock;

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// "036", "1312", or a two-digit root "03".
    pub code: &'static str,
    /// Two-digit root ("03").
    pub root: &'static str,
    /// 1 verbal cooperation (01–05), 2 material cooperation (06–08), 3 verbal conflict
    /// (09–13), 4 material conflict (14–20).
    pub quad_class: u8,
    /// Goldstein conflict–cooperation value (−10 … +10).
    pub goldstein: f32,
    /// "Express intent to meet or negotiate".
    pub name: &'static str,
    /// The codebook's description (may be empty for roots).
    pub description: &'static str,
}

/// CAMEO → PLOVER mapping of one code.
#[derive(Debug, Clone, PartialEq)]
pub struct PloverMapping {
    pub cameo: &'static str,
    /// PLOVER event type ("AGREE").
    pub event_type: &'static str,
    pub mode: Option<&'static str>,
    pub contexts: Vec<&'static str>,
    /// True when the line is a documented newsgraph decision, not the official table.
    pub newsgraph: bool,
}

/// One of the 16 PLOVER event types.
#[derive(Debug, Clone, PartialEq)]
pub struct PloverType {
    pub name: &'static str,
    pub quad_class: u8,
    pub score: f32,
    pub modes: Vec<&'static str>,
}

const CAMEO_TSV: &str = include_str!("../data/cameo.tsv");
const C2P_TSV: &str = include_str!("../data/cameo2plover.tsv");
const PLOVER_TSV: &str = include_str!("../data/plover.tsv");

struct Tables {
    codes: Vec<CameoCode>,
    by_code: HashMap<&'static str, usize>,
    mapping: HashMap<&'static str, PloverMapping>,
    types: Vec<PloverType>,
    contexts: Vec<&'static str>,
}

fn data_lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut codes = Vec::new();
        for line in data_lines(CAMEO_TSV) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 5 {
                continue;
            }
            codes.push(CameoCode {
                code: f[0],
                root: f[1],
                quad_class: f[2].parse().unwrap_or(0),
                goldstein: f[3].parse().unwrap_or(0.0),
                name: f[4],
                description: f.get(5).copied().unwrap_or(""),
            });
        }
        let by_code = codes.iter().enumerate().map(|(i, c)| (c.code, i)).collect();
        let mut mapping = HashMap::new();
        for line in data_lines(C2P_TSV) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 2 {
                continue;
            }
            let get = |i: usize| f.get(i).map(|s| s.trim()).filter(|s| !s.is_empty());
            let m = PloverMapping {
                cameo: f[0],
                event_type: f[1].trim(),
                mode: get(2),
                contexts: get(3)
                    .map(|c| c.split(';').map(str::trim).collect())
                    .unwrap_or_default(),
                newsgraph: get(4).is_some_and(|n| n.starts_with("newsgraph")),
            };
            // Later lines (newsgraph decisions) override earlier ones.
            mapping.insert(f[0], m);
        }
        let mut types = Vec::new();
        let mut contexts = Vec::new();
        for line in data_lines(PLOVER_TSV) {
            let f: Vec<&'static str> = line.split('\t').collect();
            match f.first() {
                Some(&"type") if f.len() >= 4 => types.push(PloverType {
                    name: f[1],
                    quad_class: f[2].parse().unwrap_or(0),
                    score: f[3].parse().unwrap_or(0.0),
                    modes: f
                        .get(4)
                        .map(|m| m.split(',').filter(|s| !s.is_empty()).collect())
                        .unwrap_or_default(),
                }),
                Some(&"context") if f.len() >= 2 => contexts.push(f[1]),
                _ => {}
            }
        }
        Tables {
            codes,
            by_code,
            mapping,
            types,
            contexts,
        }
    })
}

/// The CAMEO code `code` ("036", "1312", "03").
pub fn cameo(code: &str) -> Option<&'static CameoCode> {
    let t = tables();
    t.by_code.get(code).map(|&i| &t.codes[i])
}

/// All CAMEO codes in codebook order (roots included).
pub fn cameo_codes() -> &'static [CameoCode] {
    &tables().codes
}

/// The PLOVER mapping of a CAMEO code: the code's own line, else the nearest ancestor's
/// ("0313" → "031" → "03"). `None` for codes PLOVER drops (01 statements).
pub fn plover_mapping(cameo: &str) -> Option<&'static PloverMapping> {
    let t = tables();
    if !cameo.is_ascii() {
        return None;
    }
    let mut c = cameo;
    loop {
        if let Some(m) = t.mapping.get(c) {
            return Some(m);
        }
        if c.len() <= 2 {
            return None;
        }
        c = &c[..c.len() - 1];
    }
}

/// PLOVER event type and mode of a CAMEO code.
pub fn plover_of(cameo: &str) -> Option<(&'static str, Option<&'static str>)> {
    plover_mapping(cameo).map(|m| (m.event_type, m.mode))
}

/// The 16 PLOVER event types.
pub fn plover_types() -> &'static [PloverType] {
    &tables().types
}

/// The PLOVER general contexts.
pub fn plover_contexts() -> &'static [&'static str] {
    &tables().contexts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let c = cameo("036").unwrap();
        assert_eq!(c.root, "03");
        assert_eq!(c.quad_class, 1);
        assert_eq!(c.goldstein, 4.0);
        assert_eq!(cameo("1312").unwrap().quad_class, 3);
        assert_eq!(cameo("163").unwrap().goldstein, -8.0);
        assert_eq!(cameo("062").unwrap().quad_class, 2);
        assert_eq!(cameo("190").unwrap().quad_class, 4);
        assert!(cameo("999").is_none());
        assert_eq!(plover_of("036"), Some(("AGREE", None)));
        assert_eq!(plover_of("042"), Some(("CONSULT", Some("visit"))));
        assert_eq!(plover_of("163").unwrap().0, "SANCTION");
        assert_eq!(plover_of("0841"), Some(("RETREAT", Some("release"))));
        assert_eq!(plover_of("082").unwrap().0, "CONCEDE");
        assert_eq!(plover_of("2042").unwrap().0, "ASSAULT");
        assert!(plover_of("010").is_none());
        assert_eq!(plover_of("0253").unwrap().0, "REQUEST");
        assert_eq!(plover_types().len(), 16);
        assert_eq!(plover_contexts().len(), 37);
    }

    #[test]
    fn every_code_maps_but_statements() {
        for c in cameo_codes() {
            if c.root == "01" {
                continue;
            }
            let (t, _) =
                plover_of(c.code).unwrap_or_else(|| panic!("{} has no PLOVER type", c.code));
            assert!(
                plover_types().iter().any(|p| p.name == t),
                "{} -> unknown type {t}",
                c.code
            );
        }
    }
}
