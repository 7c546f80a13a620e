//! A small CoNLL-U reader: one [`ConllSentence`] per sentence, with only the basic word
//! lines (multi-word token ranges `1-2` and empty nodes `8.1` are skipped).

use std::path::Path;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConllWord {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// 1-based head index, 0 for the root.
    pub head: usize,
    pub deprel: String,
    /// False when the MISC column says `SpaceAfter=No`.
    pub space_after: bool,
}

/// A sentence: its `# text` comment (if any) and its words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConllSentence {
    pub text: Option<String>,
    pub words: Vec<ConllWord>,
}

impl ConllSentence {
    /// The word forms.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }
}

/// Parses CoNLL-U text. Malformed lines (too few columns) are skipped, a bad head reads as 0.
pub fn parse_conllu(text: &str) -> Vec<ConllSentence> {
    let mut out = Vec::new();
    let mut cur = ConllSentence::default();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            } else {
                cur.text = None;
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if let Some(t) = c.trim_start().strip_prefix("text =") {
                cur.text = Some(t.trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 8 {
            continue;
        }
        let id = cols[0];
        if id.contains('-') || id.contains('.') || id.parse::<usize>().is_err() {
            continue;
        }
        let misc = cols.get(9).copied().unwrap_or("_");
        out_word(&mut cur, &cols, misc);
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

fn out_word(cur: &mut ConllSentence, cols: &[&str], misc: &str) {
    cur.words.push(ConllWord {
        form: cols[1].to_string(),
        lemma: cols[2].to_string(),
        upos: cols[3].to_string(),
        xpos: cols[4].to_string(),
        head: cols[6].parse().unwrap_or(0),
        deprel: cols[7].to_string(),
        space_after: !misc.split('|').any(|m| m == "SpaceAfter=No"),
    });
}

/// Reads and parses a CoNLL-U file.
pub fn read_conllu(path: &Path) -> std::io::Result<Vec<ConllSentence>> {
    Ok(parse_conllu(&std::fs::read_to_string(path)?))
}

/// Reads the GMB NER table (`Sentence #,Word,POS,Tag`) into sentences of (word, Penn tag).
/// Only `Word` and `POS` are kept; `LRB`/`RRB` are spelled `-LRB-`/`-RRB-` as in EWT.
pub fn parse_gmb(text: &str) -> Vec<Vec<(String, String)>> {
    let mut out: Vec<Vec<(String, String)>> = Vec::new();
    let mut cur: Vec<(String, String)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if i == 0 {
            continue;
        }
        let line = line.trim_end_matches('\r');
        let fields = split_csv(line);
        if fields.len() < 3 {
            continue;
        }
        if fields[0].starts_with("Sentence") && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        let tag = match fields[2].as_str() {
            "LRB" => "-LRB-".to_string(),
            "RRB" => "-RRB-".to_string(),
            t => t.to_string(),
        };
        cur.push((fields[1].clone(), tag));
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn split_csv(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else if c == '"' {
            quoted = true;
        } else if c == ',' {
            out.push(std::mem::take(&mut field));
        } else {
            field.push(c);
        }
    }
    out.push(field);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_ranges_and_empty_nodes() {
        let t = "# text = I'm here.\n1-2\tI'm\t_\t_\t_\t_\t_\t_\t_\t_\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2\t'm\tbe\tAUX\tVBP\t_\t3\tcop\t_\t_\n2.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n3\there\there\tADV\tRB\t_\t0\troot\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let s = parse_conllu(t);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].forms(), vec!["I", "'m", "here", "."]);
        assert_eq!(s[0].words[2].head, 0);
        assert!(!s[0].words[2].space_after);
        assert_eq!(s[0].text.as_deref(), Some("I'm here."));
    }

    #[test]
    fn gmb_csv() {
        let t =
            "Sentence #,Word,POS,Tag\nSentence: 1,Hi,UH,O\n,\",\",\",\",O\nSentence: 2,(,LRB,O\n";
        let s = parse_gmb(t);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0][1], (",".to_string(), ",".to_string()));
        assert_eq!(s[1][0].1, "-LRB-");
    }
}
