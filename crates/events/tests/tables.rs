//! The committed code tables match the codebooks in `shared/corpora/codebooks`, and the
//! pattern dictionary covers every CAMEO root and at least 150 three/four-digit codes.

use newsgraph_events::{
    builtin_patterns, cameo, cameo_codes, plover_mapping, plover_of, plover_types,
};
use std::collections::BTreeSet;

const CB: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpora/codebooks/"
);

/// Minimal CSV field splitter (quoted fields with doubled quotes).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut q = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if q && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => q = !q,
            ',' if !q => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

#[test]
fn cameo_table_matches_codebook() {
    let raw = std::fs::read(format!("{CB}cameo-codes.csv")).expect("codebook present");
    let text: String = raw.iter().map(|&b| b as char).collect(); // latin-1
    let mut n = 0;
    for line in text.lines().skip(1) {
        let f = csv_fields(line);
        if f.len() < 12 {
            continue; // a record spread over lines
        }
        let (name, code, gold, root) = (&f[2], &f[3], &f[4], &f[10]);
        let c = cameo(code).unwrap_or_else(|| panic!("CAMEO {code} missing from data/cameo.tsv"));
        assert_eq!(c.name, name.trim(), "{code}");
        assert_eq!(c.goldstein, gold.parse::<f32>().unwrap(), "{code}");
        assert_eq!(c.root, root, "{code}");
        let r: u8 = root.parse().unwrap();
        let quad = match r {
            1..=5 => 1,
            6..=8 => 2,
            9..=13 => 3,
            _ => 4,
        };
        assert_eq!(c.quad_class, quad, "{code}");
        n += 1;
    }
    assert_eq!(n, 312);
    assert_eq!(cameo_codes().len(), 312);
}

#[test]
fn plover_mapping_matches_codebook() {
    let text = std::fs::read_to_string(format!("{CB}CAMEO2PLOVER-2021.txt")).unwrap();
    let mut seen = BTreeSet::new();
    for line in text.lines() {
        let Some((code, rest)) = line.split_once(':') else {
            continue;
        };
        if !code.chars().all(|c| c.is_ascii_digit())
            || code.len() < 2
            || !seen.insert(code.to_string())
        {
            continue;
        }
        let ty = rest
            .split('#')
            .next()
            .unwrap()
            .split(',')
            .next()
            .unwrap()
            .trim();
        let m = plover_mapping(code).unwrap_or_else(|| panic!("{code} unmapped"));
        if m.newsgraph {
            continue; // documented newsgraph decision (data/README.md)
        }
        assert_eq!(m.event_type, ty, "{code}");
    }
    assert!(seen.len() > 250);
    let tex = std::fs::read_to_string(format!("{CB}PLOVER_MANUAL.tex")).unwrap();
    for t in plover_types() {
        assert!(
            tex.contains(&format!("\\section{{{}}}", t.name)),
            "{} is not a PLOVER category",
            t.name
        );
    }
    assert_eq!(plover_of("163").unwrap().0, "SANCTION");
}

#[test]
fn dictionary_coverage() {
    let pats = builtin_patterns();
    let roots: BTreeSet<String> = pats.iter().map(|p| p.code[..2].to_string()).collect();
    for r in 1..=20 {
        assert!(
            roots.contains(&format!("{r:02}")),
            "no pattern for root {r:02}"
        );
    }
    let codes: BTreeSet<&str> = pats
        .iter()
        .map(|p| p.code.as_str())
        .filter(|c| c.len() >= 3)
        .collect();
    eprintln!(
        "{} patterns, {} distinct three/four-digit codes",
        pats.len(),
        codes.len()
    );
    assert!(codes.len() >= 150, "{} distinct codes", codes.len());
}
