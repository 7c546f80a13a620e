//! A per-sentence view of the document for the coder: tokens with lemma candidates and,
//! when the parser ran, sentence-local heads. When the document has no tokens yet (no
//! segmenter ran), a simple fallback segmentation is used so the coder still works.

use newsgraph_core::{Document, Span, Upos};

/// A token as the coder sees it.
#[derive(Debug, Clone)]
pub struct Tok {
    pub span: Span,
    pub text: String,
    pub lower: String,
    /// Lemma candidates: the tagger's lemma (if any), the lower-cased form and simple
    /// de-inflections ("sanctioned" → "sanction"), so that the coder works before tagging.
    pub lemmas: Vec<String>,
    pub upos: Upos,
    pub tagged: bool,
    /// Penn tag from the tagger ("VBN", "NNS"); empty when untagged.
    pub xpos: String,
    /// Sentence-local head index.
    pub head: Option<usize>,
    pub deprel: String,
}

impl Tok {
    pub fn is(&self, lemma: &str) -> bool {
        self.lemmas.iter().any(|l| l == lemma)
    }
    pub fn is_any<S: AsRef<str>>(&self, lemmas: &[S]) -> bool {
        lemmas.iter().any(|l| self.is(l.as_ref()))
    }
    pub fn lemma(&self) -> &str {
        self.lemmas
            .first()
            .map(String::as_str)
            .unwrap_or(&self.lower)
    }
}

/// One sentence.
#[derive(Debug, Clone)]
pub struct SentView {
    /// Index in `doc.sentences` (or in the fallback segmentation).
    pub index: usize,
    pub span: Span,
    pub toks: Vec<Tok>,
    /// Index in `doc.tokens` of the first token (None for the fallback segmentation).
    pub doc_offset: Option<usize>,
    /// True when heads/deprels come from the parser.
    pub parsed: bool,
}

impl SentView {
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.toks
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.head == Some(i))
            .map(|(j, _)| j)
    }
    pub fn child_with(&self, i: usize, rels: &[&str]) -> Option<usize> {
        self.children(i)
            .find(|&j| rels.iter().any(|r| rel_is(&self.toks[j].deprel, r)))
    }
    /// All descendants of `i` (not `i` itself), skipping the subtrees of children whose
    /// relation is in `skip`.
    pub fn descendants(&self, i: usize, skip: &[&str]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self
            .children(i)
            .filter(|&j| !skip.iter().any(|r| rel_is(&self.toks[j].deprel, r)))
            .collect();
        while let Some(j) = stack.pop() {
            if out.contains(&j) || out.len() > self.toks.len() {
                continue;
            }
            out.push(j);
            stack.extend(self.children(j));
        }
        out.sort_unstable();
        out
    }
    /// Is `a` an ancestor of `b`?
    pub fn dominates(&self, a: usize, b: usize) -> bool {
        let mut cur = self.toks.get(b).and_then(|t| t.head);
        let mut steps = 0;
        while let Some(h) = cur {
            if h == a {
                return true;
            }
            steps += 1;
            if steps > self.toks.len() {
                return false;
            }
            cur = self.toks.get(h).and_then(|t| t.head);
        }
        false
    }
    /// The preposition (case child) of a nominal, lower-cased.
    pub fn case_of(&self, i: usize) -> Option<String> {
        self.child_with(i, &["case"])
            .map(|c| self.toks[c].lower.clone())
    }
}

/// `deprel` equals `want` or is a subtype of it ("obl:agent" is "obl").
pub fn rel_is(deprel: &str, want: &str) -> bool {
    deprel == want || (deprel.starts_with(want) && deprel.as_bytes().get(want.len()) == Some(&b':'))
}

const IRREGULAR: &[(&str, &str)] = &[
    ("went", "go"),
    ("gone", "go"),
    ("met", "meet"),
    ("held", "hold"),
    ("took", "take"),
    ("taken", "take"),
    ("sought", "seek"),
    ("struck", "strike"),
    ("stricken", "strike"),
    ("shot", "shoot"),
    ("fought", "fight"),
    ("led", "lead"),
    ("gave", "give"),
    ("given", "give"),
    ("made", "make"),
    ("began", "begin"),
    ("begun", "begin"),
    ("broke", "break"),
    ("broken", "break"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("sent", "send"),
    ("said", "say"),
    ("told", "tell"),
    ("brought", "bring"),
    ("paid", "pay"),
    ("stood", "stand"),
    ("won", "win"),
    ("kept", "keep"),
    ("left", "leave"),
    ("laid", "lay"),
    ("beaten", "beat"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("undertook", "undertake"),
    ("overthrew", "overthrow"),
    ("overthrown", "overthrow"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("fled", "flee"),
    ("sold", "sell"),
    ("bought", "buy"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("wrote", "write"),
    ("written", "write"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("built", "build"),
    ("lent", "lend"),
    ("spent", "spend"),
    ("dealt", "deal"),
    ("caught", "catch"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("shook", "shake"),
    ("shaken", "shake"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("ran", "run"),
    ("came", "come"),
    ("became", "become"),
    ("overran", "overrun"),
    ("hung", "hang"),
    ("upheld", "uphold"),
    ("withheld", "withhold"),
    ("sat", "sit"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("saw", "see"),
    ("seen", "see"),
    ("knew", "know"),
    ("known", "know"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("was", "be"),
    ("were", "be"),
    ("is", "be"),
    ("are", "be"),
    ("been", "be"),
    ("has", "have"),
    ("had", "have"),
    ("did", "do"),
    ("done", "do"),
    ("wo", "will"),
    ("'ll", "will"),
    ("n't", "not"),
    ("ca", "can"),
    ("oversaw", "oversee"),
    ("mislead", "mislead"),
    ("misled", "mislead"),
    ("bid", "bid"),
    ("slew", "slay"),
    ("slain", "slay"),
    ("fed", "feed"),
    ("felt", "feel"),
    ("meant", "mean"),
    ("heard", "hear"),
    ("found", "find"),
    ("got", "get"),
    ("gotten", "get"),
    ("set", "set"),
    ("put", "put"),
    ("cut", "cut"),
    ("shut", "shut"),
    ("hit", "hit"),
    ("quit", "quit"),
    ("lost", "lose"),
    ("stuck", "stick"),
    ("bled", "bleed"),
    ("arose", "arise"),
    ("arisen", "arise"),
    ("forgot", "forget"),
    ("redrew", "redraw"),
    ("rebuilt", "rebuild"),
    ("outlawed", "outlaw"),
    ("children", "child"),
    ("men", "man"),
    ("women", "woman"),
    ("people", "people"),
    ("police", "police"),
    ("talks", "talk"),
    ("news", "news"),
    ("arms", "arm"),
    ("forces", "force"),
    ("relations", "relation"),
];

/// Lemma candidates of a lower-cased word form.
pub fn lemma_candidates(lower: &str) -> Vec<String> {
    let mut out = vec![lower.to_string()];
    let mut push = |s: String| {
        if s.len() >= 2 && !out.contains(&s) {
            out.push(s)
        }
    };
    for (f, l) in IRREGULAR {
        if *f == lower {
            push(l.to_string());
        }
    }
    let w = lower;
    if let Some(s) = w.strip_suffix("ies") {
        push(format!("{s}y"));
    }
    if let Some(s) = w.strip_suffix("ied") {
        push(format!("{s}y"));
    }
    if let Some(s) = w.strip_suffix("es") {
        push(s.to_string());
    }
    if let Some(s) = w.strip_suffix('s') {
        if !w.ends_with("ss") {
            push(s.to_string());
        }
    }
    for suf in ["ed", "ing"] {
        if let Some(s) = w.strip_suffix(suf) {
            if s.len() >= 2 {
                push(s.to_string());
                push(format!("{s}e"));
                let b = s.as_bytes();
                if b.len() >= 3
                    && b[b.len() - 1] == b[b.len() - 2]
                    && b[b.len() - 1].is_ascii_alphabetic()
                    && b[b.len() - 1] != b's'
                {
                    push(s[..s.len() - 1].to_string());
                }
            }
        }
    }
    if let Some(s) = w.strip_suffix('d') {
        if w.ends_with("ed") {
            push(s.to_string());
        }
    }
    out
}

fn make_tok(doc: &Document, span: Span, upos: Upos, lemma: &str, tagged: bool) -> Tok {
    let text = doc.text.get(span.range()).unwrap_or("").to_string();
    let lower = text.to_lowercase().replace('’', "'");
    let mut lemmas = Vec::new();
    if !lemma.is_empty() {
        lemmas.push(lemma.to_lowercase());
    }
    for c in lemma_candidates(&lower) {
        if !lemmas.contains(&c) {
            lemmas.push(c);
        }
    }
    Tok {
        span,
        text,
        lower,
        lemmas,
        upos,
        tagged,
        xpos: String::new(),
        head: None,
        deprel: String::new(),
    }
}

/// Builds the sentence views of a document.
pub fn sentences(doc: &Document) -> Vec<SentView> {
    if doc.tokens.is_empty() || doc.sentences.is_empty() {
        return fallback_sentences(doc);
    }
    let mut out = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let r = s.tokens.clone();
        if r.start >= r.end || r.end > doc.tokens.len() {
            continue;
        }
        let parsed = doc.tokens[r.clone()].iter().any(|t| !t.deprel.is_empty());
        let mut toks = Vec::with_capacity(r.len());
        for i in r.clone() {
            let t = &doc.tokens[i];
            let tagged = !t.xpos.is_empty() || t.upos != Upos::X;
            let mut tok = make_tok(doc, t.span, t.upos, &t.lemma, tagged);
            tok.xpos = t.xpos.clone();
            if parsed {
                tok.head = t.head.filter(|h| r.contains(h)).map(|h| h - r.start);
                tok.deprel = t.deprel.clone();
            }
            toks.push(tok);
        }
        if parsed {
            repair_tree(doc, &mut toks);
        }
        out.push(SentView {
            index: si,
            span: s.span,
            toks,
            doc_offset: Some(r.start),
            parsed,
        });
    }
    out
}

/// Time words that head a time phrase ("on Friday", "here Wednesday").
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "weekend",
    "month",
    "year",
];

/// Repairs two attachments that no well-formed tree has, so that the coder reads either
/// parser's trees alike:
/// * a possessor hung on a verb ("X's cabinet met" with "X" under "met") belongs to the
///   noun phrase right after its "'s";
/// * a "that" clause hung on a time word after a verb of saying ("said on Friday that …",
///   "said Wednesday that …") is the verb's complement clause (ccomp), not a relative
///   clause of the day.
fn repair_tree(doc: &Document, toks: &mut [Tok]) {
    let n = toks.len();
    let is_verb = |t: &Tok| matches!(t.upos, Upos::VERB | Upos::AUX);
    // whether `h` has a dependent `k` with `f(k, its token)`
    let has_child = |toks: &[Tok], h: usize, f: &dyn Fn(usize, &Tok) -> bool| {
        toks.iter()
            .enumerate()
            .any(|(k, t)| t.head == Some(h) && f(k, t))
    };
    for p in 0..n {
        if toks[p].deprel != "nmod:poss"
            || !toks[p].head.is_some_and(|h| h > p && is_verb(&toks[h]))
        {
            continue;
        }
        // the noun run after the possessor's "'s": its last word heads it
        let mut k = p + 1;
        if toks
            .get(k)
            .is_some_and(|t| t.lower == "'s" || t.lower == "'")
        {
            k += 1;
        }
        let mut last = None;
        while k < n
            && matches!(
                toks[k].upos,
                Upos::ADJ | Upos::NOUN | Upos::PROPN | Upos::NUM
            )
        {
            last = Some(k);
            k += 1;
        }
        if let Some(l) = last.filter(|&l| toks[l].head == toks[p].head) {
            toks[p].head = Some(l);
        }
    }
    for c in 0..n {
        if !matches!(toks[c].deprel.as_str(), "acl" | "acl:relcl") {
            continue;
        }
        let Some(day) = toks[c].head.filter(|&d| d < c) else {
            continue;
        };
        let that = has_child(toks, c, &|m, t| {
            m > day && m < c && t.deprel == "mark" && t.lower == "that"
        });
        if !that {
            continue;
        }
        let timeword = TIME_WORDS.contains(&toks[day].lower.as_str())
            || doc.times.iter().any(|t| t.span.contains(toks[day].span));
        let Some(v) = toks[day]
            .head
            .filter(|&v| is_verb(&toks[v]) && toks[v].is_any(crate::coder::SAY_VERBS))
        else {
            continue;
        };
        if timeword
            && (rel_is(&toks[day].deprel, "obl")
                || rel_is(&toks[day].deprel, "nmod")
                || toks[day].deprel == "obj")
        {
            toks[c].head = Some(v);
            toks[c].deprel = "ccomp".to_string();
        }
    }
    // a subordinate clause made the root ("X threatened to leave unless Y withdrew", with
    // "withdrew" the root, "X" its subject and "threatened" a modifier of "X"): the verb
    // after the subject is the main verb, the "unless" clause its adverbial clause
    if let Some(v) = (0..n).find(|&v| toks[v].head.is_none() && is_verb(&toks[v])) {
        let mark = (0..v).find(|&m| {
            toks[m].head == Some(v)
                && toks[m].deprel == "mark"
                && matches!(
                    toks[m].lower.as_str(),
                    "unless" | "if" | "until" | "because" | "although" | "though"
                )
        });
        if let Some(m) = mark {
            let w = (0..m).find(|&w| {
                matches!(toks[w].deprel.as_str(), "acl" | "acl:relcl")
                    && matches!(toks[w].xpos.as_str(), "VBD" | "VBN" | "VBZ" | "VBP")
                    && toks[w].head.is_some_and(|s| {
                        s < w && toks[s].head == Some(v) && rel_is(&toks[s].deprel, "nsubj")
                    })
                    && !has_child(toks, w, &|_, t| rel_is(&t.deprel, "nsubj"))
            });
            if let Some(w) = w {
                let subj = toks[w].head;
                if let Some(s) = subj {
                    toks[s].head = Some(w);
                }
                toks[w].head = None;
                toks[w].deprel = "root".to_string();
                toks[v].head = Some(w);
                toks[v].deprel = "advcl".to_string();
                // (the final full stop follows the new root)
                if let Some(last) = toks
                    .last_mut()
                    .filter(|t| t.head == Some(v) && t.deprel == "punct")
                {
                    last.head = Some(w);
                }
            }
        }
    }
    // a noun made the root with the verb after its phrase hung on it ("X of the Y
    // threatened to …" with "threatened" under "X" and "of the Y" under the verb): the verb
    // is the root, the noun its subject, the words between them the noun's modifier
    if let Some(r) =
        (0..n).find(|&r| toks[r].head.is_none() && matches!(toks[r].upos, Upos::NOUN | Upos::PROPN))
    {
        let v = (r + 1..n).find(|&v| {
            toks[v].head == Some(r)
                && matches!(toks[v].deprel.as_str(), "acl" | "acl:relcl" | "nmod")
                && toks[v].upos == Upos::VERB
                && matches!(toks[v].xpos.as_str(), "VBD" | "VBZ" | "VBP" | "VBN")
                && !has_child(toks, v, &|k, t| {
                    rel_is(&t.deprel, "nsubj")
                        || t.deprel == "mark"
                        || t.deprel == "aux:pass"
                        || t.deprel == "case" && k > v
                })
                && has_child(toks, v, &|_, t| t.deprel == "xcomp" || t.deprel == "obj")
        });
        if let Some(v) = v {
            let between: Vec<usize> = (r + 1..v).filter(|&k| toks[k].head == Some(v)).collect();
            let m = between
                .iter()
                .copied()
                .filter(|&k| matches!(toks[k].upos, Upos::NOUN | Upos::PROPN))
                .max();
            // (no word between may hang on the verb unless a noun can take them over)
            if m.is_some() || between.is_empty() {
                for &k in &between {
                    if Some(k) == m {
                        toks[k].head = Some(r);
                        toks[k].deprel = "nmod".to_string();
                    } else {
                        toks[k].head = m;
                    }
                }
                toks[v].head = None;
                toks[v].deprel = "root".to_string();
                toks[r].head = Some(v);
                toks[r].deprel = "nsubj".to_string();
                for t in toks.iter_mut().skip(v + 1) {
                    if t.head == Some(r) && t.deprel == "punct" {
                        t.head = Some(v);
                    }
                }
            }
        }
    }
    // "demanded that X end curbs" with "that" made the verb's object and the clause hung on
    // it: the clause is the verb's complement, "that" its marker
    for t in 0..n {
        if toks[t].lower != "that" || toks[t].upos != Upos::SCONJ || toks[t].deprel != "obj" {
            continue;
        }
        let Some(v) = toks[t].head.filter(|&v| v < t && is_verb(&toks[v])) else {
            continue;
        };
        let clause = (t + 1..n).find(|&c| {
            toks[c].head == Some(t)
                && matches!(
                    toks[c].deprel.as_str(),
                    "acl" | "acl:relcl" | "conj" | "ccomp"
                )
        });
        if let Some(c) = clause {
            toks[c].head = Some(v);
            toks[c].deprel = "ccomp".to_string();
            toks[t].head = Some(c);
            toks[t].deprel = "mark".to_string();
        }
    }
    // "made an appeal to X to hold talks" with the "to" clause hung on the light verb: the
    // clause is the content of the appeal
    for c in 0..n {
        if toks[c].deprel != "advcl"
            || !has_child(toks, c, &|m, t| {
                m < c && t.deprel == "mark" && t.lower == "to"
            })
        {
            continue;
        }
        let Some(v) = toks[c]
            .head
            .filter(|&v| v < c && toks[v].is_any(&LIGHT_VERBS))
        else {
            continue;
        };
        let obj = (v + 1..c).find(|&o| {
            toks[o].head == Some(v) && toks[o].deprel == "obj" && toks[o].is_any(&ASK_NOUNS)
        });
        if let Some(o) = obj {
            toks[c].head = Some(o);
            toks[c].deprel = "acl".to_string();
        }
    }
    // "hours after members of the guard detained him" with "hours" made the subject and the
    // doers hung on it by "after": the doers are the subject, the time an adjunct
    for h in 0..n {
        if !toks[h].deprel.starts_with("nsubj")
            || !matches!(
                toks[h].lower.as_str(),
                "hours" | "minutes" | "days" | "weeks" | "months" | "years" | "moments" | "shortly"
            )
        {
            continue;
        }
        let Some(v) = toks[h].head else { continue };
        if let Some(d) = doers_after(toks, h, v) {
            let rel = toks[h].deprel.clone();
            toks[d].head = Some(v);
            toks[d].deprel = rel;
            toks[h].deprel = "obl:tmod".to_string();
            after_mark(toks, d, v);
        }
    }
    // the same with the doers' verb hung on them as a clause ("seized power, hours after
    // members of the guard detained him" with "detained" a clause of "members"): the verb is
    // a clause of its own with the doers as subject
    for h in 0..n {
        if !matches!(
            toks[h].lower.as_str(),
            "hours" | "minutes" | "days" | "weeks" | "months" | "years" | "moments"
        ) {
            continue;
        }
        let Some(d) = doers_after(toks, h, n) else {
            continue;
        };
        let Some(c) = (d + 1..n).find(|&k| {
            toks[k].head == Some(d) && toks[k].deprel == "acl" && toks[k].upos == Upos::VERB
        }) else {
            continue;
        };
        let Some(g) = toks[h].head else { continue };
        // (a noun the time word swallowed as its modifier is the governor's object: "seized
        // power, hours after")
        if toks[h].deprel == "obj" {
            if let Some(p) = (0..h).find(|&k| {
                toks[k].head == Some(h)
                    && toks[k].deprel == "compound"
                    && toks[k].upos == Upos::NOUN
            }) {
                toks[p].head = Some(g);
                toks[p].deprel = "obj".to_string();
            }
        }
        toks[c].head = Some(g);
        toks[c].deprel = "advcl".to_string();
        toks[d].head = Some(c);
        toks[d].deprel = "nsubj".to_string();
        toks[h].head = Some(c);
        toks[h].deprel = "obl:tmod".to_string();
        after_mark(toks, d, c);
    }

    // "thanked President Trump and called on Russia to …" with "called" made a conjunct of
    // the object: a finite verb without a subject of its own coordinates with the verb
    // whose object (or oblique) it was hung on
    for c in 0..n {
        if toks[c].deprel != "conj"
            || toks[c].upos != Upos::VERB
            || !matches!(toks[c].xpos.as_str(), "VBD" | "VBZ" | "VBP" | "VBN")
            || has_child(toks, c, &|_, t| {
                t.deprel.starts_with("nsubj") || t.deprel.starts_with("aux")
            })
        {
            continue;
        }
        let Some(o) = toks[c].head.filter(|&o| {
            o < c
                && matches!(toks[o].upos, Upos::NOUN | Upos::PROPN | Upos::PRON)
                && matches!(toks[o].deprel.as_str(), "obj" | "obl" | "iobj")
        }) else {
            continue;
        };
        let Some(v) = toks[o].head.filter(|&v| is_verb(&toks[v])) else {
            continue;
        };
        toks[c].head = Some(v);
    }
    // "The African Union and the regional bloc ECOWAS condemned" with every noun made a
    // subject of the verb and the "and" hung on it: the subjects after the "and" are one
    // conjunct of the first
    for v in 0..n {
        let subj: Vec<usize> = (0..v)
            .filter(|&k| toks[k].head == Some(v) && toks[k].deprel == "nsubj")
            .collect();
        if subj.len() < 2 {
            continue;
        }
        let Some(c) = (subj[0] + 1..v)
            .find(|&k| toks[k].head == Some(v) && toks[k].deprel == "cc" && toks[k].lower == "and")
        else {
            continue;
        };
        let second: Vec<usize> = subj.iter().copied().filter(|&k| k > c).collect();
        let first: Vec<usize> = subj.iter().copied().filter(|&k| k < c).collect();
        let (Some(&f), Some(&last)) = (first.last(), second.last()) else {
            continue;
        };
        for &k in &second {
            if k != last {
                toks[k].head = Some(last);
                toks[k].deprel = "compound".to_string();
            }
        }
        toks[last].head = Some(f);
        toks[last].deprel = "conj".to_string();
        toks[c].head = Some(last);
    }
    // "killed at least 20 Yemenis" with the number made the object and the people a
    // dependent of it: the noun heads the phrase, the number counts it
    for q in 0..n.saturating_sub(1) {
        if toks[q].upos != Upos::NUM
            || !matches!(
                toks[q].deprel.as_str(),
                "obj" | "nsubj" | "nsubj:pass" | "obl"
            )
        {
            continue;
        }
        let noun = q + 1;
        if toks[noun].head != Some(q)
            || !matches!(toks[noun].upos, Upos::NOUN | Upos::PROPN)
            || !matches!(
                toks[noun].deprel.as_str(),
                "nmod:unmarked" | "compound" | "nmod" | "appos" | "flat"
            )
            || toks
                .iter()
                .any(|t| t.head == Some(noun) && t.deprel == "case")
        {
            continue;
        }
        let (head, rel) = (toks[q].head, toks[q].deprel.clone());
        for k in 0..n {
            if k != noun && toks[k].head == Some(q) {
                toks[k].head = Some(noun);
            }
        }
        toks[noun].head = head;
        toks[noun].deprel = rel;
        toks[q].head = Some(noun);
        toks[q].deprel = "nummod".to_string();
    }
    // "killed 30 Palestinians overnight, according to local officials" with "officials" made
    // the verb's object and "Palestinians" a dependent of it: the words before the comma are
    // the object, the "according to" phrase hangs on the verb
    for a in 0..n.saturating_sub(2) {
        if toks[a].lower != "according" || toks[a + 1].lower != "to" {
            continue;
        }
        let Some(h) = toks[a].head.filter(|&h| h > a + 1) else {
            continue;
        };
        let Some(v) = toks[h].head.filter(|&v| v < a && is_verb(&toks[v])) else {
            continue;
        };
        // the noun before "according" (past a comma and adverbs) hung on the phrase's head
        let left: Vec<usize> = (v + 1..a).filter(|&k| toks[k].head == Some(h)).collect();
        let Some(&new) = left
            .iter()
            .filter(|&&k| matches!(toks[k].upos, Upos::NOUN | Upos::PROPN | Upos::PRON))
            .last()
        else {
            continue;
        };
        let rel = toks[h].deprel.clone();
        for &k in &left {
            if k == new {
                continue;
            }
            toks[k].head = Some(if k < new { new } else { v });
        }
        toks[new].head = Some(v);
        toks[new].deprel = rel;
        toks[h].head = Some(v);
        toks[h].deprel = "obl".to_string();
    }
}

/// The noun between time word `h` and token `end` hung on `h` by "after" or "before" ("hours
/// after members of the guard …": members).
fn doers_after(toks: &[Tok], h: usize, end: usize) -> Option<usize> {
    (h + 1..end).find(|&k| {
        toks[k].head == Some(h)
            && matches!(toks[k].upos, Upos::NOUN | Upos::PROPN | Upos::PRON)
            && toks.iter().any(|t| {
                t.head == Some(k)
                    && t.deprel == "case"
                    && matches!(t.lower.as_str(), "after" | "before")
            })
    })
}

/// The "after"/"before" of the doers `d` marks the clause of verb `v`, not the noun.
fn after_mark(toks: &mut [Tok], d: usize, v: usize) {
    for k in 0..toks.len() {
        if toks[k].head == Some(d)
            && toks[k].deprel == "case"
            && matches!(toks[k].lower.as_str(), "after" | "before")
        {
            toks[k].head = Some(v);
            toks[k].deprel = "mark".to_string();
        }
    }
}

/// Light verbs whose object noun carries the act ("made an appeal", "issued a call").
const LIGHT_VERBS: [&str; 8] = [
    "make", "issue", "renew", "repeat", "launch", "lodge", "voice", "extend",
];
/// Nouns of asking or offering whose "to" clause is their content.
const ASK_NOUNS: [&str; 12] = [
    "appeal",
    "call",
    "plea",
    "request",
    "demand",
    "offer",
    "proposal",
    "invitation",
    "promise",
    "pledge",
    "ultimatum",
    "bid",
];

/// Sentences and tokens computed simply from the text (used when no segmenter ran).
fn fallback_sentences(doc: &Document) -> Vec<SentView> {
    let text = &doc.text;
    let mut spans: Vec<Span> = Vec::new();
    let mut start: Option<usize> = None;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let end = i + c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        let is_word = c.is_alphanumeric();
        if is_word || c == '$' {
            let s = i;
            let mut e = end;
            while let Some(&(j, d)) = it.peek() {
                let inner_ok = (d == '.' || d == '-' || d == '\'' || d == '’' || d == ',')
                    && text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_alphanumeric());
                if d.is_alphanumeric() || (inner_ok && (d != ',' || c.is_ascii_digit())) {
                    e = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            // split clitics "n't" and "'s"
            let w = &text[s..e];
            let lw = w.to_lowercase();
            if lw.ends_with("n't") && w.len() > 3 {
                spans.push(Span::new(s, e - 3));
                spans.push(Span::new(e - 3, e));
            } else if (lw.ends_with("'s") || lw.ends_with("’s")) && w.chars().count() > 2 {
                let k = w.char_indices().rev().nth(1).map(|(k, _)| k).unwrap_or(0);
                spans.push(Span::new(s, s + k));
                spans.push(Span::new(s + k, e));
            } else {
                spans.push(Span::new(s, e));
            }
        } else {
            spans.push(Span::new(i, end));
        }
    }
    let _ = &mut start;
    let mut out = Vec::new();
    let mut cur: Vec<Span> = Vec::new();
    for (k, sp) in spans.iter().enumerate() {
        cur.push(*sp);
        let t = &text[sp.range()];
        let next_upper = spans.get(k + 1).map(|n| {
            let nt = &text[n.range()];
            nt.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“')
        });
        let newline_break = spans
            .get(k + 1)
            .is_some_and(|n| text[sp.end..n.start].contains("\n\n"));
        let end_punct = matches!(t, "." | "!" | "?") && next_upper != Some(false);
        if end_punct || newline_break || k + 1 == spans.len() {
            let s = Span::new(cur[0].start, cur[cur.len() - 1].end);
            let toks = cur
                .iter()
                .map(|sp| make_tok(doc, *sp, Upos::X, "", false))
                .collect();
            out.push(SentView {
                index: out.len(),
                span: s,
                toks,
                doc_offset: None,
                parsed: false,
            });
            cur.clear();
        }
    }
    out
}
