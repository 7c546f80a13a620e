//! The event coder: finds pattern triggers in each sentence, takes their arguments from the
//! dependency parse (or, before parsing, from token order), codes the actors and builds
//! [`Event`]s with modality, date and provenance.

use crate::actors::fallback_phrase_code;
use crate::patterns::{builtin_patterns, parse_patterns, Pattern, TriggerKind};
use crate::tables::{cameo, plover_of};
use crate::view::{rel_is, sentences, SentView};
use chrono::NaiveDate;
use newsgraph_core::{
    Actor, Component, DateSource, Document, Event, MentionKind, Modality, Span, Upos,
};
use std::collections::HashMap;
use std::path::Path;

/// Why an event got its code (for `newsgraph explain`).
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// Pattern id and where it was read.
    pub rule: String,
    pub origin: String,
    /// The pattern's own code before modality shifted it ("163" coded as "1312").
    pub pattern_code: String,
    pub trigger: String,
    pub source: String,
    pub target: Option<String>,
    /// Which argument slot gave the target ("obj", "with", …).
    pub target_slot: Option<String>,
    /// Modality cues found ("aux will", "xcomp of threaten", "negation not").
    pub cues: Vec<String>,
    /// True when the parse was used (false: token-order fallback).
    pub parsed: bool,
}

/// The CAMEO/PLOVER event coder (component "events").
pub struct EventCoder {
    patterns: Vec<Pattern>,
    index: HashMap<String, Vec<usize>>,
}

impl Default for EventCoder {
    fn default() -> Self {
        Self::new()
    }
}

const INTENT_VERBS: &[&str] = &[
    "ready",
    "willing",
    "prepared",
    "eager",
    "determined",
    "plan",
    "promise",
    "pledge",
    "vow",
    "agree",
    "decide",
    "intend",
    "aim",
    "seek",
    "want",
    "prepare",
    "offer",
    "expect",
    "hope",
    "commit",
    "resolve",
    "wish",
    "undertake",
    "propose",
];
const THREAT_VERBS: &[&str] = &["threaten", "warn"];
/// Nouns for a stop to something ("a pause in fighting", "an end to the war"): what they
/// stop is no act.
const STOPPAGE: &[&str] = &[
    "pause",
    "halt",
    "cessation",
    "suspension",
    "lull",
    "end",
    "stop",
];
/// Verbs whose open complement is asked of someone, not done ("ordered him to withdraw").
const REQUEST_VERBS: &[&str] = &[
    "order",
    "tell",
    "instruct",
    "command",
    "urge",
    "ask",
    "call",
    "encourage",
    "invite",
    "persuade",
    "request",
    "direct",
];
const OBJ_CONTROL: &[&str] = &[
    "invite",
    "urge",
    "ask",
    "help",
    "allow",
    "force",
    "persuade",
    "order",
    "tell",
    "encourage",
    "call",
];
const RELATIVE: &[&str] = &["that", "which", "who", "whom"];

/// Whether trigger `i` heads a clause reported by a verb of saying ("Gandhi said voters had
/// rejected …", "the FSB said the two men had provided …") and its parsed subject `subj` is a
/// common noun: the speaker, the nearest actor to its left, is not the doer.
fn reported_common_subject(sv: &SentView, i: usize, subj: &[usize]) -> bool {
    if subj.is_empty() || !subj.iter().all(|&j| sv.toks[j].upos == Upos::NOUN) {
        return false;
    }
    let mut cur = i;
    for _ in 0..4 {
        let r = sv.toks[cur].deprel.as_str();
        let Some(h) = sv.toks[cur].head else {
            return false;
        };
        if rel_is(r, "ccomp") {
            return sv.toks[h].is_any(SAY_VERBS);
        }
        if !(rel_is(r, "conj") || rel_is(r, "xcomp")) {
            return false;
        }
        cur = h;
    }
    false
}

/// Whether the possessor of nominal trigger `p` names its patient: the pattern takes its
/// target from the possessor (`tgt=…,poss`) and no "of" phrase names the patient ("his
/// arrest", not "Russia's arrest of the journalist").
fn poss_patient(sv: &SentView, p: &Pattern, args: &Args) -> bool {
    p.kind == TriggerKind::Noun
        && p.tgt.iter().any(|t| t == "poss")
        && !args.obliques.iter().any(|(case, _)| case == "of")
        && sv.parsed
}

/// Whether `code` is that of an international actor (IGO, NGO, ...), not of a country.
fn international_code(code: Option<&str>) -> bool {
    code.is_some_and(|c| {
        ["IGO", "NGO", "IMG", "MNC", "UNO", "EUR"]
            .iter()
            .any(|p| c.starts_with(p))
    })
}

/// Whether the actor phrase at `span` is named after a region ("European leaders", "Western
/// diplomats", "Arab foreign ministers").
fn regional(cx: &Ctx, span: Span) -> bool {
    // (the phrase's first word after a determiner: "the European Union" is not one)
    cx.doc.text.get(span.range()).is_some_and(|t| {
        t.split(|c: char| !c.is_alphabetic())
            .filter(|w| {
                // (past a determiner, a number or a quantifier: "seven Latin American
                // countries", "several European governments")
                !w.is_empty()
                    && !matches!(
                        w.to_lowercase().as_str(),
                        "the"
                            | "senior"
                            | "top"
                            | "two"
                            | "three"
                            | "four"
                            | "five"
                            | "six"
                            | "seven"
                            | "eight"
                            | "nine"
                            | "ten"
                            | "several"
                            | "many"
                            | "some"
                            | "other"
                            | "all"
                            | "both"
                            | "most"
                            | "few"
                            | "dozens"
                    )
                    && !w.chars().all(|c| c.is_ascii_digit())
            })
            .take(1)
            .any(|w| {
                matches!(
                    w,
                    "European"
                        | "Western"
                        | "African"
                        | "Arab"
                        | "Asian"
                        | "Latin"
                        | "Nordic"
                        | "Scandinavian"
                        | "Baltic"
                        | "Balkan"
                        | "Gulf"
                        | "Caribbean"
                        | "Pacific"
                        | "Mideast"
                )
            })
    })
}

/// Verbs whose subject undergoes, witnesses, judges or recalls the event noun they govern
/// rather than doing it ("survived the attack", "condemned the raid", "did not comment on
/// the arrest", "would not tolerate attacks", "had delayed sanctions").
const UNDERGO: &[&str] = &[
    // "described the protests as treasonous", "called the strikes a provocation"
    "describe",
    "label",
    "brand",
    "dub",
    "term",
    "characterize",
    "characterise",
    "survive",
    "escape",
    "suffer",
    "sustain",
    "witness",
    "condemn",
    "denounce",
    "deplore",
    "investigate",
    "probe",
    "mourn",
    "fear",
    "face",
    "endure",
    "report",
    "blame",
    "comment",
    "tolerate",
    "delay",
    "criticize",
    "criticise",
    "protest",
    "decry",
    "regret",
    "lament",
    "recall",
    "remember",
    // "pointing to the December 31 attack on the embassy": cited, not done
    "point",
    "cite",
    "mention",
    "refer",
    "commemorate",
    "ignore",
    "avenge",
    "pause",
    "halt",
    "stop",
    "end",
    "cease",
    "suspend",
    // "a truce brokered by Qatar": the mediator is not a party to what it brokers
    "broker",
    "mediate",
];
/// The subjects of the (active) sending verb whose object is `h` ("Kenya sent troops"):
/// empty when `h` is no such object.
fn senders_of(sv: &SentView, h: usize) -> Vec<usize> {
    if !rel_is(&sv.toks[h].deprel, "obj") {
        return Vec::new();
    }
    let Some(v) = sv.toks[h]
        .head
        .filter(|&v| SENDING_VERBS.iter().any(|l| sv.toks[v].is(l)))
    else {
        return Vec::new();
    };
    let (subj, passive) = subject_of(sv, v, 0);
    if passive {
        Vec::new()
    } else {
        subj
    }
}

/// Is `h` the object of a sending verb whose subject is one of `sources`?
fn sent_by_source(sv: &SentView, h: usize, sources: &[Actor]) -> bool {
    senders_of(sv, h).iter().any(|&s| {
        sources
            .iter()
            .any(|a| a.span.start <= sv.toks[s].span.start && sv.toks[s].span.end <= a.span.end)
    })
}

/// Nouns of violent acts whose doer a disapproval targets ("condemned the attack").
const ATTACK_NOUNS: &[&str] = &[
    "attack",
    "strike",
    "airstrike",
    "bombing",
    "shelling",
    "invasion",
    "killing",
    "raid",
    "assault",
    "offensive",
    "massacre",
    "incursion",
    "bombardment",
];
/// Doers that are no actors: natural forces and accidents ("an earthquake struck ...,
/// killing 5,000 people").
const NATURAL_FORCES: &[&str] = &[
    "earthquake",
    "quake",
    "aftershock",
    "tremor",
    "storm",
    "hurricane",
    "typhoon",
    "cyclone",
    "tornado",
    "flood",
    "flooding",
    "landslide",
    "mudslide",
    "tsunami",
    "avalanche",
    "wildfire",
    "blaze",
    "fire",
    "drought",
    "heatwave",
    "eruption",
    "volcano",
    "lightning",
    "rain",
    "rains",
    "snow",
    "crash",
    "collision",
    "accident",
    "derailment",
    "outbreak",
    "epidemic",
    "pandemic",
    "disease",
    "virus",
];

/// Whether the clause of the trigger `i` (or, for a participle or purpose clause, the
/// clause it hangs on) has a natural force for its subject: then no actor nearby is the doer.
fn natural_force_subject(sv: &SentView, i: usize, subj: &[usize]) -> bool {
    if subj.iter().any(|&j| sv.toks[j].is_any(NATURAL_FORCES)) {
        return true;
    }
    if !sv.parsed {
        return false;
    }
    let mut cur = i;
    for _ in 0..3 {
        if let Some(s) = sv.child_with(cur, &["nsubj"]) {
            // (the patient of a passive, "the crash was investigated by police", is none)
            return sv.toks[s].deprel != "nsubj:pass" && sv.toks[s].is_any(NATURAL_FORCES);
        }
        let r = sv.toks[cur].deprel.as_str();
        match sv.toks[cur].head {
            Some(h) if rel_is(r, "advcl") || rel_is(r, "conj") || rel_is(r, "xcomp") => cur = h,
            _ => return false,
        }
    }
    false
}

/// Verbs whose object (people without a country: "troops", "monitors") belongs to the subject.
const SENDING_VERBS: &[&str] = &["send", "deploy", "dispatch", "despatch", "station", "post"];
/// Verbs without a passive (their participle after a noun is a main verb).
const INTRANSITIVE: &[&str] = &[
    "demonstrate",
    "protest",
    "rally",
    "march",
    "riot",
    "gather",
    "meet",
    "arrive",
    "travel",
    "return",
    "flee",
    "resign",
    "clash",
    "mutiny",
    "retreat",
    "die",
    "go",
    "come",
    "walk",
    "negotiate",
    "vote",
    "agree",
    "disagree",
    "campaign",
    "respond",
    "react",
    "retaliate",
];
/// Head nouns that make an event noun before them a mere modifier ("attack plans").
const COMPOUND_NOT_EVENT: &[&str] = &[
    // "fired warning shots": shots, not a warning
    "shot",
    // "an attacking style", "attack helicopters", "the defending champion", "a flying
    // device" (sport and hardware)
    "style",
    "champion",
    "device",
    "player",
    "helicopter",
    "dog",
    "plan",
    "plot",
    "scenario",
    "drill",
    "exercise",
    "simulation",
    "leader",
    "organizer",
    "organiser",
    "victim",
    "suspect",
    "survivor",
    "site",
    "video",
    "footage",
    "game",
    "relief",
    "waiver",
    "waivers",
    "exemption",
    "exemptions",
    // "riot police", "riot gear", "strike unit"
    "police",
    "policeman",
    "policemen",
    "gear",
    "shield",
    "squad",
    "unit",
];

#[derive(Debug, Clone, Default)]
struct Args {
    subj: Vec<usize>,
    passive: bool,
    agent: Option<usize>,
    obj: Option<usize>,
    iobj: Option<usize>,
    obliques: Vec<(String, usize)>,
    /// How many of `obliques` (the first ones) the parse gave; the rest come from token
    /// order and are tried for the target only after every slot found nothing in the parse.
    parsed_obliques: Option<usize>,
    xcomp: Option<usize>,
    prt: Option<usize>,
    /// Token-order fallback: the words of the object's chunk.
    obj_chunk: Vec<usize>,
    scope: Vec<usize>,
    /// The words of relative clauses inside the scope (not read by `has=`).
    relative: Vec<usize>,
    /// Nominal triggers: possessor / modifier actors ("Russia's", "Russian", "US").
    nominal_src: Vec<usize>,
    /// A nominal trigger that is the subject of its clause.
    clause_subject: bool,
    /// Nominal triggers: the verb whose subject became the source.
    gov_verb: Option<usize>,
    /// The parse decided who the source is (a subject, a passive without agent, a
    /// governing verb, a time frame like "amid protests"): no token-order guess.
    settled: bool,
}

#[derive(Debug, Clone)]
struct ActorCand {
    first: usize,
    last: usize,
    code: Option<String>,
    entity: Option<usize>,
    span: Span,
}

struct Ctx<'a> {
    doc: &'a Document,
    sv: &'a SentView,
    cands: Vec<ActorCand>,
    /// Sources of the assaults and mass violence (roots 18-20, asserted) coded in the
    /// sentences before, in order: (code, entity, sentence); no code for an uncoded doer.
    doers: Vec<(Option<String>, Option<usize>, usize)>,
}

impl EventCoder {
    /// The coder with the built-in pattern dictionary.
    pub fn new() -> Self {
        Self::with_patterns(Vec::new())
    }

    /// The built-in dictionary plus `extra` patterns (which win ties with built-in ones).
    pub fn with_patterns(extra: Vec<Pattern>) -> Self {
        let mut patterns = extra;
        patterns.extend(builtin_patterns());
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, p) in patterns.iter().enumerate() {
            for l in &p.lemmas {
                index.entry(l.clone()).or_default().push(k);
            }
        }
        EventCoder { patterns, index }
    }

    /// The built-in dictionary extended by a user pattern file (same syntax).
    pub fn with_patterns_file(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let extra =
            parse_patterns(&path.display().to_string(), &text).map_err(|e| e.to_string())?;
        Ok(Self::with_patterns(extra))
    }

    /// Trigger tokens found in a document (pattern ids), whether or not they made an event:
    /// for diagnostics.
    pub fn triggers(&self, doc: &Document) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for sv in sentences(doc) {
            let cands = actor_cands(doc, &sv);
            let cx = Ctx {
                doc,
                sv: &sv,
                cands,
                doers: Vec::new(),
            };
            for i in 0..sv.toks.len() {
                for l in &sv.toks[i].lemmas {
                    for &k in self.index.get(l).into_iter().flatten() {
                        let p = &self.patterns[k];
                        if pos_ok(&sv, i, p.kind)
                            && constraints_ok(&sv, p, &args_for(&cx, i, p.kind))
                        {
                            out.push((sv.index, p.id.clone()));
                        }
                    }
                }
            }
        }
        out
    }

    /// All patterns in use.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// Codes the events of a document, each with the explanation of its code.
    pub fn code(&self, doc: &Document) -> Vec<(Event, Explanation)> {
        let mut out = Vec::new();
        for sv in sentences(doc) {
            let cands = actor_cands(doc, &sv);
            let doers = out
                .iter()
                .map(|(e, _): &(Event, Explanation)| e)
                .filter(|e| {
                    matches!(e.root.as_str(), "18" | "19" | "20")
                        && e.modality == Modality::Asserted
                })
                .map(|e| {
                    (
                        e.source.code.clone().filter(|c| c.len() >= 3),
                        e.source.entity,
                        e.sentence,
                    )
                })
                .collect();
            let ctx = Ctx {
                doc,
                sv: &sv,
                cands,
                doers,
            };
            self.code_sentence(&ctx, &mut out);
        }
        out
    }

    fn code_sentence(&self, cx: &Ctx, out: &mut Vec<(Event, Explanation)>) {
        let sv = cx.sv;
        // 1. triggers: the most specific matching pattern per token
        let mut matches: Vec<(usize, usize, Args)> = Vec::new();
        for i in 0..sv.toks.len() {
            let tok = &sv.toks[i];
            let mut cand_pats: Vec<usize> = Vec::new();
            for l in &tok.lemmas {
                if let Some(v) = self.index.get(l) {
                    for &k in v {
                        if !cand_pats.contains(&k) {
                            cand_pats.push(k);
                        }
                    }
                }
            }
            if cand_pats.is_empty() {
                continue;
            }
            // a participle used as an adjective of its victims ("70 wounded", "wounded
            // soldiers") is no act with a doer
            // (also an "-ing" participle: "an attacking style", "the striking workers")
            if sv.parsed
                && (tok.upos == Upos::ADJ || (tok.upos == Upos::VERB && tok.lower.ends_with("ing")))
                && rel_is(&tok.deprel, "amod")
            {
                continue;
            }
            // "called the strikes \"a war of extermination\"": calling something a name is
            // no call for it (a noun or adjective complement, or the name in apposition)
            if sv.parsed
                && tok.is("call")
                && (sv.children(i).any(|c| {
                    rel_is(&sv.toks[c].deprel, "xcomp")
                        && matches!(sv.toks[c].upos, Upos::NOUN | Upos::ADJ | Upos::PROPN)
                }) || sv.child_with(i, &["obj"]).is_some_and(|o| {
                    sv.children(o)
                        .any(|c| c > o && rel_is(&sv.toks[c].deprel, "appos"))
                }))
            {
                continue;
            }
            // a noun said to be what something was is no act of its own ("the decree was a
            // legitimate warning to the opposition", "it is a threat to peace")
            // (only for what a deed is called: "their occupation of farms has been their
            // tactic" still occupies)
            if sv.parsed
                && tok.upos == Upos::NOUN
                && tok.is_any(&[
                    "warning",
                    "threat",
                    "signal",
                    "message",
                    "provocation",
                    "insult",
                ])
                && sv.children(i).any(|c| rel_is(&sv.toks[c].deprel, "cop"))
            {
                continue;
            }
            // what a right or freedom allows is no act ("we respect the right to protest",
            // "the freedom to assemble")
            if sv.parsed
                && rel_is(&tok.deprel, "acl")
                && tok.head.is_some_and(|h| {
                    sv.toks[h].upos == Upos::NOUN
                        && sv.toks[h].is_any(&[
                            "right",
                            "freedom",
                            "liberty",
                            "ability",
                            "permission",
                            "license",
                            "licence",
                        ])
                })
            {
                continue;
            }
            // what a pause or halt stops is no act ("a five-day pause in fighting in Gaza",
            // the fighting parsed as a clause of the noun)
            if sv.parsed
                && tok
                    .head
                    .is_some_and(|h| sv.toks[h].upos == Upos::NOUN && sv.toks[h].is_any(STOPPAGE))
                && (rel_is(&tok.deprel, "acl")
                    || rel_is(&tok.deprel, "nmod")
                    || rel_is(&tok.deprel, "compound"))
            {
                continue;
            }
            // nor when the parser hung its "to" phrase on the verb: "did not order a halt to
            // its offensive", "brought an end to the fighting"
            if sv.parsed
                && rel_is(&tok.deprel, "obl")
                && sv.case_of(i).as_deref() == Some("to")
                && tok.head.is_some_and(|h| {
                    sv.children(h).any(|o| {
                        rel_is(&sv.toks[o].deprel, "obj")
                            && sv.toks[o].upos == Upos::NOUN
                            && sv.toks[o].is_any(STOPPAGE)
                    })
                })
            {
                continue;
            }
            let mut best: Option<(u32, usize, Args)> = None;
            for k in cand_pats {
                let p = &self.patterns[k];
                if !pos_ok(sv, i, p.kind) {
                    continue;
                }
                let mut args = args_for(cx, i, p.kind);
                if !constraints_ok(sv, p, &args) {
                    // a parse that misses the construction ("help X build" as a compound):
                    // token order; not when the parse found an excluded object ("the
                    // deadline was not met": no other reading makes it a meeting)
                    if !sv.parsed || object_excluded(sv, p, &args) {
                        continue;
                    }
                    let mut o = order_args(cx, i, p.kind);
                    if !constraints_ok_order(sv, p, &o) {
                        continue;
                    }
                    // (the parse's doer still stands when token order may not replace it:
                    // a reported clause's common-noun subject, a nominal clause subject)
                    if reported_common_subject(sv, i, &args.subj) || args.clause_subject {
                        o.subj.clear();
                    }
                    args = o;
                }
                // "call" appeals only with "for" or "on" ("called for talks", "called on X to"):
                // "called the meeting useful" is a comment
                if p.code.starts_with("02")
                    && sv.toks[i].is("call")
                    && !args
                        .scope
                        .iter()
                        .any(|&j| matches!(sv.toks[j].lower.as_str(), "for" | "on" | "upon"))
                {
                    continue;
                }
                let s = p.specificity();
                if best
                    .as_ref()
                    .is_none_or(|(bs, bk, _)| s > *bs || (s == *bs && k < *bk))
                {
                    best = Some((s, k, args));
                }
            }
            if let Some((_, k, a)) = best {
                matches.push((i, k, a));
            }
        }
        // 2. nesting: a trigger governed by another one that made an event is dropped, unless
        // the governor is a modal pattern (threaten, promise, agree to): then the governor is
        // dropped and its modality passes down.
        let n = matches.len();
        let mut first: Vec<Vec<(Event, Explanation)>> = Vec::with_capacity(n);
        for (i, k, args) in matches.iter_mut() {
            let mut v = Vec::new();
            // (a natural force or an accident acts, "an earthquake struck ..., killing
            // 5,000 people": no actor nearby is the doer)
            if !args.passive && natural_force_subject(sv, *i, &args.subj) {
                first.push(v);
                continue;
            }
            self.build_events(cx, *i, &self.patterns[*k], args, None, &mut v);
            // (a passive without an agent has none to give: its subject is the patient)
            // (nor does a parsed subject that names no actor: "it", "the laws", "this
            // outbreak" — the nearest actor to the left is not the doer)
            if v.is_empty()
                && sv.parsed
                && !args.passive
                && !args.settled
                && (args.subj.is_empty()
                    || !args.subj.iter().all(|&j| sv.toks[j].upos == Upos::PRON))
                && !reported_common_subject(sv, *i, &args.subj)
            {
                // the parse gave no usable arguments: token order (for a nominal that is
                // its clause's subject, only a modifier right before it)
                let mut o = order_args(cx, *i, self.patterns[*k].kind);
                if args.clause_subject {
                    o.subj.clear();
                }
                if constraints_ok_order(sv, &self.patterns[*k], &o) {
                    self.build_events(cx, *i, &self.patterns[*k], &o, None, &mut v);
                    if !v.is_empty() {
                        *args = o;
                    }
                }
            }
            first.push(v);
        }
        let mut dropped = vec![false; n];
        let mut inherited: Vec<Option<(Modality, String)>> = vec![None; n];
        let mut recode: Vec<Option<String>> = vec![None; n];
        for a in 0..n {
            if first[a].is_empty() {
                continue;
            }
            for b in 0..n {
                if a == b || first[b].is_empty() {
                    continue;
                }
                let (ia, ka, ref args_a) = matches[a];
                let (ib, _, _) = matches[b];
                // (a conjoined cooperative or verbal act is not governed: "called Salam to
                // express support and urged all parties to show restraint" codes both; violent
                // chains stay one event: "killing 107 and wounding 238")
                let cooperative = |k: usize| self.patterns[k].code.starts_with('0');
                let via_conj = || {
                    if !(cooperative(ka) && cooperative(matches[b].1)) {
                        return false;
                    }
                    // (also a verb the parser conjoined to the governor's object: "welcomed
                    // the findings and called on the Council to act")
                    if rel_is(&sv.toks[ib].deprel, "conj")
                        && sv.toks[ib].upos == Upos::VERB
                        && sv.toks[ib].head.is_some_and(|h| {
                            matches!(sv.toks[h].upos, Upos::NOUN | Upos::PROPN)
                                && sv.toks[h].head == Some(ia)
                        })
                    {
                        return true;
                    }
                    let mut c = ib;
                    for _ in 0..30 {
                        match sv.toks[c].head {
                            Some(h) if h == ia => return rel_is(&sv.toks[c].deprel, "conj"),
                            Some(h) => c = h,
                            None => return false,
                        }
                    }
                    false
                };
                let governs = if sv.parsed {
                    sv.dominates(ia, ib) && args_a.scope.contains(&ib) && !via_conj()
                } else {
                    ib > ia && ib - ia <= 12 && args_a.scope.contains(&ib)
                };
                if !governs {
                    continue;
                }
                let pa = &self.patterns[ka];
                // a statement (01) never hides what it states, but a denial ("denied
                // targeting civilians", 016) does: the act denied is not asserted
                if pa.code == "016" {
                    dropped[b] = true;
                    continue;
                }
                if pa.code.starts_with("01") {
                    continue;
                }
                // a plain appeal or demand that governs a cooperative act ("made an appeal to
                // Uganda to hand over the suspects", "urged Chad to hold talks") asks for that act: the
                // matching 02x / 10x code
                if let Some(c) = request_code(&pa.code, &self.patterns[matches[b].1].code) {
                    dropped[b] = true;
                    recode[a] = Some(c);
                    continue;
                }
                // a verb is never dropped under a nominal (a misparsed participle: "threatened
                // bombings" as a modifier); the nominal gives way instead
                if pa.kind == TriggerKind::Noun
                    && self.patterns[matches[b].1].kind == TriggerKind::Verb
                {
                    dropped[a] = true;
                    continue;
                }
                if pa.modal {
                    dropped[a] = true;
                    let m = pa.modality.unwrap_or(Modality::Intent);
                    inherited[b] = Some((
                        m,
                        format!("governed by modal trigger '{}'", sv.toks[ia].text),
                    ));
                } else {
                    dropped[b] = true;
                }
            }
        }
        // A modal whose governed triggers were all dropped comes back.
        for a in 0..n {
            if dropped[a] && self.patterns[matches[a].1].modal {
                let any_live = (0..n).any(|b| {
                    b != a
                        && !dropped[b]
                        && inherited[b].is_some()
                        && matches[a].2.scope.contains(&matches[b].0)
                });
                if !any_live {
                    dropped[a] = false;
                }
            }
        }
        let live: Vec<usize> = (0..n)
            .filter(|&m| !dropped[m] && !first[m].is_empty())
            .map(|m| matches[m].0)
            .collect();
        for (m, evs) in first.into_iter().enumerate() {
            if dropped[m] || evs.is_empty() {
                continue;
            }
            if let Some(c) = &recode[m] {
                let (i, k, ref args) = matches[m];
                let mut p = self.patterns[k].clone();
                p.code = c.clone();
                self.build_events(cx, i, &p, args, inherited[m].clone(), out);
            } else if inherited[m].is_some() {
                let (i, k, ref args) = matches[m];
                self.build_events(cx, i, &self.patterns[k], args, inherited[m].clone(), out);
            } else if self.patterns[matches[m].1].modal && self.patterns[matches[m].1].need_target {
                // a modal coding alone ("offered a solution", "proposes a plan") says
                // something only towards someone
                out.extend(evs.into_iter().filter(|(e, _)| e.target.is_some()));
            } else {
                out.extend(evs);
            }
        }
        // 3. a reported "must"/"should" clause that no pattern coded ("Egypt said Libya must
        // change course"): a demand (100) by the speaker on the clause subject
        if sv.parsed {
            for v in 0..sv.toks.len() {
                if sv.toks[v].upos != Upos::VERB
                    || !sv.children(v).any(|c| {
                        rel_is(&sv.toks[c].deprel, "aux")
                            && matches!(sv.toks[c].lower.as_str(), "must" | "should")
                    })
                    || live.iter().any(|&i| i == v || sv.dominates(v, i))
                    // what one should expect, know or fear is a forecast or advice, not a
                    // demand ("Kyiv should not expect to join the EU this decade")
                    || sv.toks[v].is_any(&[
                        "expect", "anticipate", "know", "think", "believe", "hope", "fear",
                        "worry", "feel", "understand", "remember", "realize", "realise",
                        "wonder", "doubt", "assume", "be", "have", "see", "get", "remain",
                    ])
                {
                    continue;
                }
                let args = args_for(cx, v, TriggerKind::Verb);
                let mut evs = Vec::new();
                self.build_events(cx, v, must_clause_pattern(), &args, None, &mut evs);
                out.extend(evs.into_iter().filter(|(e, x)| {
                    e.target.is_some() && x.cues.iter().any(|c| c.starts_with("'must'"))
                }));
            }
        }
    }

    fn build_events(
        &self,
        cx: &Ctx,
        i: usize,
        p: &Pattern,
        args: &Args,
        inherited: Option<(Modality, String)>,
        out: &mut Vec<(Event, Explanation)>,
    ) {
        let sv = cx.sv;
        // sources
        let mut src_heads: Vec<usize> = if args.passive {
            args.agent.into_iter().collect()
        } else {
            args.subj.clone()
        };
        if p.kind == TriggerKind::Noun {
            if let Some(g) = &p.gov {
                // the governing verb's subject only under one of the pattern's verbs
                if !args.gov_verb.is_some_and(|v| sv.toks[v].is_any(g)) {
                    src_heads.clear();
                }
            }
        }
        if src_heads.is_empty() {
            src_heads = args.nominal_src.clone();
            // A noun whose possessor is a target slot ("his arrest", "the journalist's
            // release") names its patient there, unless an "of" phrase does ("Russia's
            // arrest of the journalist" is Russia's).
            if poss_patient(sv, p, args) {
                src_heads.retain(|&c| !rel_is(&sv.toks[c].deprel, "nmod:poss"));
            }
        }
        let mut sources: Vec<Actor> = expand_conj(cx, &src_heads)
            .into_iter()
            .flat_map(|h| resolve_all(cx, h))
            .collect();
        // (one actor reached twice, by a conjunct and as a subject of its own, acts once)
        // ("both leaders": one span, two entities, each acts)
        let mut seen: Vec<(Span, Option<usize>)> = Vec::new();
        sources.retain(|a| {
            let dup = seen.contains(&(a.span, a.entity));
            seen.push((a.span, a.entity));
            !dup
        });
        let mut between = false;
        // (a mediation "between X and Y" is the mediator's: the sides are its targets)
        let mediation = matches!(
            p.code.as_str(),
            "028" | "038" | "039" | "045" | "108" | "126" | "165"
        );
        if sources.is_empty() && p.kind == TriggerKind::Noun && !mediation {
            // "clashes between X and Y", "the meeting between X and Y": each side acts
            let heads: Vec<usize> = args
                .obliques
                .iter()
                .filter(|(c, _)| c == "between")
                .map(|(_, h)| *h)
                .collect();
            let sides: Vec<Actor> = expand_conj(cx, &heads)
                .into_iter()
                .filter_map(|h| resolve(cx, h))
                .collect();
            if sides.len() >= 2 && sides[0].span != sides[1].span {
                sources = sides;
                between = true;
            }
        }
        // an actor without a code says nothing for event data: no event
        sources.retain(|a| a.code.is_some());
        // a bare sector ("the government", "officials", "protesters") takes the country of
        // the trigger's place ("… in Kirkuk") or, as a last resort, the one country the
        // sentence names
        // ("European leaders", "Western officials" are regional constructs, which PLOVER
        // leaves without a country and uncoded)
        for s in sources.iter_mut() {
            if !international_code(s.code.as_deref()) && regional(cx, s.span) {
                s.code = None;
            } else if s.code.as_deref().is_some_and(|c| !has_country(c)) {
                if let Some(country) = context_country(cx, args, &s.span) {
                    s.code = s.code.as_ref().map(|c| format!("{country}{c}"));
                }
            }
        }
        sources.retain(|a| a.code.is_some());
        if sources.is_empty() {
            return;
        }
        // targets
        let mut targets: Vec<(Actor, String)> = Vec::new();
        let mut weak_target: Option<(Actor, String)> = None;
        let mut opp_note: Option<String> = None;
        if !p.no_target {
            // "for" ("aid for Romania") and a locative "in" ("arrived in Bosnia") come last
            // "xcomp": the arguments of the verb the trigger governs ("threatened to cut off
            // power to X"); "ccomp": the subject of its complement clause ("demanded that X
            // withdraw")
            let default_v = [
                "obj", "iobj", "xcomp", "with", "to", "against", "on", "toward", "towards", "at",
                "into", "over", "ccomp", "for", "in", "from",
            ];
            let default_n = [
                "with", "on", "against", "to", "between", "of", "for", "toward", "towards", "into",
                "ccomp", "from",
            ];
            let slots: Vec<String> = if !p.tgt.is_empty() {
                p.tgt.clone()
            } else if p.kind == TriggerKind::Verb {
                default_v.iter().map(|s| s.to_string()).collect()
            } else {
                default_n.iter().map(|s| s.to_string()).collect()
            };
            // Prepositional slots first take what the parse hangs on the trigger or its
            // object, in slot order; the token-order ones are a second round ("sanctions on
            // Iran over drone supplies to Russia": the parse's "on Iran", not a "to Russia"
            // found by token order).
            let n_parsed = args.parsed_obliques.unwrap_or(args.obliques.len());
            let is_prep = |s: &str| {
                !matches!(
                    s,
                    "obj" | "iobj" | "xcomp" | "ccomp" | "forclause" | "poss" | "inner"
                )
            };
            let rounds: Vec<(&String, bool)> = slots
                .iter()
                .map(|s| (s, false))
                .chain(
                    slots
                        .iter()
                        .filter(|s| n_parsed < args.obliques.len() && is_prep(s))
                        .map(|s| (s, true)),
                )
                .collect();
            'slots: for (slot, second) in rounds {
                // (praise of something "against X" is no praise of X: "welcomed the warrants
                // against the leaders")
                if slot == "against" && p.code.starts_with("05") {
                    continue;
                }
                let heads: Vec<usize> = match slot.as_str() {
                    _ if second => args.obliques[n_parsed..]
                        .iter()
                        .filter(|(c, _)| c == slot)
                        .map(|(_, h)| *h)
                        .collect(),
                    "obj" => {
                        if args.passive {
                            args.subj.clone()
                        } else {
                            // "condemned the raid by X": a "by" phrase right after the object
                            // is the object's, also when the parser hangs it on the verb
                            let by_after = args.obj.filter(|_| sv.parsed).and_then(|o| {
                                sv.children(i).find(|&c| {
                                    c > o
                                        && rel_is(&sv.toks[c].deprel, "obl")
                                        && sv.case_of(c).as_deref() == Some("by")
                                        && sv.toks[o + 1..c].iter().all(|t| {
                                            t.head.is_some_and(|hh| hh == c || hh == o)
                                                || t.lower == "by"
                                        })
                                })
                            });
                            args.obj.into_iter().chain(by_after).collect()
                        }
                    }
                    "iobj" => args.iobj.into_iter().collect(),
                    // the governed verb (open complement, else a purpose clause: "sent
                    // arms to help defend X"), one more level down when it has no argument
                    "xcomp" if sv.parsed => {
                        let to_clause = |c: usize, rel: &str| {
                            rel_is(&sv.toks[c].deprel, rel)
                                && sv.children(c).any(|m| {
                                    rel_is(&sv.toks[m].deprel, "mark") && sv.toks[m].lower == "to"
                                })
                        };
                        // (the purpose clause may hang on the object: "sent aid to help …")
                        let governed = |v: usize| -> Option<usize> {
                            sv.child_with(v, &["xcomp"])
                                .or_else(|| sv.children(v).find(|&c| to_clause(c, "advcl")))
                                .or_else(|| {
                                    sv.child_with(v, &["obj"])
                                        .and_then(|o| sv.children(o).find(|&c| to_clause(c, "acl")))
                                })
                        };
                        let args_of = |x: usize| -> Vec<usize> {
                            let mut v: Vec<usize> =
                                sv.child_with(x, &["obj"]).into_iter().collect();
                            for c in sv.children(x) {
                                if rel_is(&sv.toks[c].deprel, "obl")
                                    && sv.case_of(c).is_some_and(|k| {
                                        matches!(
                                            k.as_str(),
                                            "to" | "with" | "against" | "on" | "from"
                                        )
                                    })
                                {
                                    v.push(c);
                                }
                            }
                            v
                        };
                        let first = args
                            .xcomp
                            .filter(|&x| sv.toks[x].upos == Upos::VERB)
                            .or_else(|| {
                                if p.kind == TriggerKind::Verb {
                                    governed(i)
                                } else {
                                    None
                                }
                            });
                        match first {
                            Some(x) if sv.toks[x].upos == Upos::VERB => {
                                let v = args_of(x);
                                if v.iter()
                                    .any(|&h| resolve(cx, h).is_some_and(|a| a.code.is_some()))
                                {
                                    v
                                } else {
                                    governed(x)
                                        .filter(|&y| sv.toks[y].upos == Upos::VERB)
                                        .map(args_of)
                                        .unwrap_or(v)
                                }
                            }
                            _ => vec![],
                        }
                    }
                    "ccomp" if sv.parsed => sv
                        .children(i)
                        .filter(|&c| {
                            rel_is(&sv.toks[c].deprel, "ccomp")
                                || (p.kind == TriggerKind::Noun
                                    && rel_is(&sv.toks[c].deprel, "acl"))
                        })
                        .flat_map(|c| {
                            sv.children(c)
                                .filter(|&s| rel_is(&sv.toks[s].deprel, "nsubj"))
                                .collect::<Vec<_>>()
                        })
                        .filter(|&s| {
                            !matches!(
                                sv.toks[s].lower.as_str(),
                                "it" | "this"
                                    | "that"
                                    | "which"
                                    | "they"
                                    | "he"
                                    | "she"
                                    | "we"
                                    | "i"
                            )
                        })
                        .collect(),
                    "xcomp" | "ccomp" => vec![],
                    // the subject of a "for X to …" clause ("pushed for Y to act")
                    // (also parsed flat: "for X" an oblique followed by a "to" clause)
                    "forclause" => {
                        let mut v: Vec<usize> = sv
                            .children(i)
                            .filter(|&c| {
                                sv.children(c).any(|m| {
                                    rel_is(&sv.toks[m].deprel, "mark") && sv.toks[m].lower == "for"
                                })
                            })
                            .flat_map(|c| {
                                sv.children(c)
                                    .filter(|&k| rel_is(&sv.toks[k].deprel, "nsubj"))
                                    .collect::<Vec<_>>()
                            })
                            .collect();
                        for c in sv.children(i).filter(|&c| {
                            rel_is(&sv.toks[c].deprel, "obl")
                                && sv.case_of(c).as_deref() == Some("for")
                        }) {
                            let to_clause = sv.children(i).any(|k| {
                                k > c
                                    && (rel_is(&sv.toks[k].deprel, "advcl")
                                        || rel_is(&sv.toks[k].deprel, "xcomp"))
                                    && sv.children(k).any(|m| {
                                        rel_is(&sv.toks[m].deprel, "mark")
                                            && sv.toks[m].lower == "to"
                                    })
                            });
                            if to_clause {
                                v.push(c);
                            }
                        }
                        v
                    }
                    "poss" => args
                        .nominal_src
                        .iter()
                        .copied()
                        .filter(|&c| {
                            !poss_patient(sv, p, args) || rel_is(&sv.toks[c].deprel, "nmod:poss")
                        })
                        .collect(),
                    // the subject of a clause the trigger governs ("said it was troubling
                    // that the Kremlin would …")
                    "inner" => {
                        if sv.parsed {
                            // (not inside a relative clause: "push for solutions we need")
                            args.scope
                                .iter()
                                .copied()
                                .filter(|&j| {
                                    rel_is(&sv.toks[j].deprel, "nsubj")
                                        && !matches!(
                                            sv.toks[j].lower.as_str(),
                                            "it" | "this" | "that" | "which"
                                        )
                                })
                                .filter(|&j| {
                                    !sv.toks[j]
                                        .head
                                        .is_some_and(|hh| rel_is(&sv.toks[hh].deprel, "acl"))
                                })
                                .collect()
                        } else {
                            cx.cands
                                .iter()
                                .filter(|c| args.scope.contains(&c.first))
                                .map(|c| c.last)
                                .take(1)
                                .collect()
                        }
                    }
                    prep => args.obliques[..n_parsed]
                        .iter()
                        .filter(|(c, _)| c == prep)
                        .map(|(_, h)| *h)
                        .collect(),
                };
                // "killed a professor in Quetta": the place of the act is no target when a
                // bare-sector object is at hand; it gives that object its country
                // (not when the object is a weapon: "fired artillery rounds in X")
                let weapon = |a: &Actor| {
                    cx.doc
                        .text
                        .get(a.span.range())
                        .unwrap_or("")
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| {
                            matches!(
                                w.to_lowercase().as_str(),
                                "artillery"
                                    | "rounds"
                                    | "missile"
                                    | "missiles"
                                    | "rocket"
                                    | "rockets"
                                    | "shell"
                                    | "shells"
                                    | "tanks"
                                    | "warplanes"
                                    | "jets"
                                    | "bomb"
                                    | "bombs"
                                    | "weapons"
                                    | "arms"
                                    | "drones"
                            )
                        })
                };
                if slot == "in"
                    && weak_target
                        .as_ref()
                        .is_some_and(|(w, ws)| (ws == "obj" || ws == "iobj") && !weapon(w))
                    && !heads.is_empty()
                {
                    if let Some((w, _)) = weak_target.as_mut() {
                        let place = heads
                            .iter()
                            .find_map(|&h| resolve_one(cx, h).and_then(|a| a.code))
                            .filter(|c| has_country(c) && !c.starts_with("IGO"));
                        if let (Some(pc), Some(wc)) = (place, w.code.clone()) {
                            if !has_country(&wc) {
                                w.code = Some(format!("{}{wc}", pc.get(..3).unwrap_or(&pc)));
                            }
                        }
                    }
                    break 'slots;
                }
                for h in expand_conj(cx, &heads) {
                    if let Some(a) = resolve(cx, h) {
                        if sources.iter().any(|s| s.span == a.span) {
                            continue;
                        }
                        // "its troops", "their forces": the source's own, not a target
                        // (also the people a source sends: "Kenya sent troops to Somalia")
                        let own = sv.parsed
                            && resolve_one(cx, h)
                                .and_then(|b| b.code)
                                .is_some_and(|c| !has_country(&c))
                            && (sv.children(h).any(|c| {
                                rel_is(&sv.toks[c].deprel, "nmod:poss")
                                    && matches!(
                                        sv.toks[c].lower.as_str(),
                                        "its" | "their" | "his" | "her" | "our" | "my"
                                    )
                            }) || sent_by_source(sv, h, &sources));
                        if own {
                            continue;
                        }
                        // "hailed the report on Twitter", "said on Telegram": the medium
                        // of a statement is no target
                        let medium = slot == "on"
                            && matches!(
                                sv.toks[h].lower.as_str(),
                                "twitter"
                                    | "x"
                                    | "facebook"
                                    | "instagram"
                                    | "telegram"
                                    | "youtube"
                                    | "tiktok"
                                    | "weibo"
                                    | "truth"
                                    | "television"
                                    | "tv"
                                    | "radio"
                            );
                        if medium {
                            continue;
                        }
                        // a building or venue where the act happened ("killed dozens at a
                        // Moscow concert hall") is its place, not its target
                        if matches!(slot.as_str(), "at" | "in" | "near" | "outside" | "inside")
                            && sv.toks[h].upos == Upos::NOUN
                            && sv.toks[h].is_any(&[
                                "hall",
                                "theatre",
                                "theater",
                                "airport",
                                "station",
                                "school",
                                "hospital",
                                "market",
                                "mall",
                                "mosque",
                                "church",
                                "synagogue",
                                "temple",
                                "hotel",
                                "stadium",
                                "restaurant",
                                "cafe",
                                "nightclub",
                                "club",
                                "venue",
                                "arena",
                                "square",
                            ])
                        {
                            continue;
                        }
                        // a region's countries or people ("diplomats from seven Latin American
                        // countries", "accused Western governments of …") are no country's:
                        // the target is unnamed, and no later slot stands in for it
                        // (a phrase the entity layer did not link; "Western Cambodia" is
                        // Cambodia)
                        if a.entity.is_none()
                            && !international_code(a.code.as_deref())
                            && regional(cx, a.span)
                        {
                            break 'slots;
                        }
                        // "the opposition" a government or party speaks of is its own
                        // country's (a target as good as a named one)
                        let mut a = a;
                        if a.code.as_deref() == Some("OPP") && !regional(cx, a.span) {
                            if let Some(c) = sources
                                .first()
                                .and_then(|s| s.code.as_deref())
                                .filter(|c| has_country(c) && !international_code(Some(c)))
                                .and_then(|c| c.get(..3))
                            {
                                opp_note = Some(format!(
                                    "bare opposition target: the source's own ({c}OPP)"
                                ));
                                a.code = Some(format!("{c}OPP"));
                            }
                        }
                        // a bare sector ("military", "the police") only when no slot names
                        // a country
                        if a.code.as_deref().is_some_and(|c| !has_country(c)) {
                            if weak_target.is_none() {
                                weak_target = Some((a, slot.clone()));
                            }
                            continue;
                        }
                        // ("urged both countries", "the advisers of the two sides": one
                        // mention of two entities, each a target)
                        let others = co_referents(cx, &a);
                        targets.push((a, slot.clone()));
                        for o in others {
                            targets.push((o, slot.clone()));
                        }
                    }
                }
                if !targets.is_empty() {
                    break 'slots;
                }
            }
        }
        if targets.is_empty() {
            targets.extend(weak_target);
        }
        // "X condemned the attack": disapproval of an attack that names no doer is aimed at
        // the doer of the last attack the article reported (one of another source)
        let mut doer_note = None;
        if targets.iter().all(|(t, _)| t.code.is_none())
            && matches!(p.code.as_str(), "110" | "111" | "1123" | "112")
        {
            if let Some(o) = args.obj.filter(|&o| sv.toks[o].is_any(ATTACK_NOUNS)) {
                let src_codes: Vec<Option<&str>> =
                    sources.iter().map(|s| s.code.as_deref()).collect();
                // (the last one, within five sentences; an attack by an uncoded doer, "gunmen
                // killed ...", leaves the target open)
                let doer = cx
                    .doers
                    .iter()
                    .rev()
                    .find(|(c, _, _)| !src_codes.contains(&c.as_deref()))
                    .filter(|(_, _, k)| sv.index.saturating_sub(*k) <= 5)
                    .and_then(|(c, e, k)| Some((c.clone()?, e, k)));
                if let Some((code, entity, sentence)) = doer {
                    doer_note = Some(format!(
                        "target: the doer of the {} reported in sentence {}",
                        sv.toks[o].lower, sentence
                    ));
                    targets.clear();
                    targets.push((
                        Actor {
                            entity: *entity,
                            span: sv.toks[o].span,
                            code: Some(code),
                        },
                        "attack-doer".to_string(),
                    ));
                }
            }
        }
        // a reciprocal act of several sources ("Indian and Pakistani troops exchanged fire
        // in Kashmir"): each side towards the others, not the place
        if p.mutual
            && sources.len() >= 2
            && !targets
                .iter()
                .any(|(_, slot)| slot == "with" || slot == "obj")
        {
            targets.clear();
        }
        let mut shared = between
            || (p.mutual && sources.len() >= 2 && targets.is_empty())
            || (sources.len() >= 2 && sources.iter().all(|s| s.span == sources[0].span));
        if between {
            targets.clear();
        }
        // (a modal pattern still governs without a target: "offered to mediate"; alone it
        // needs one, which `code_sentence` checks)
        if p.need_target && !p.modal && targets.is_empty() && !shared {
            return;
        }
        // modality
        let (mut modality, mut cues) = modality_cues(sv, i);
        cues.extend(doer_note);
        if targets
            .iter()
            .any(|(t, _)| t.code.as_deref().is_some_and(|c| c.ends_with("OPP")))
        {
            cues.extend(opp_note);
        }
        if let Some((m, cue)) = inherited {
            cues.push(cue);
            modality = stronger(modality, m);
        }
        if let Some(m) = p.modality {
            cues.push(format!("pattern sets {}", m.as_str()));
            modality = stronger(modality, m);
        }
        // "X said Y must do Z": a demand by X on Y
        let mut demand = false;
        if let Some(sayers) = must_sayers(
            cx,
            i,
            if p.kind == TriggerKind::Noun {
                args.gov_verb
            } else {
                Some(i)
            },
        ) {
            let clause: Vec<(Actor, String)> = sources
                .iter()
                .filter(|s| !sayers.iter().any(|y| y.code == s.code))
                .map(|s| (s.clone(), "must-clause subject".to_string()))
                .collect();
            if !clause.is_empty() {
                cues.push("'must' in a reported clause: a demand by the speaker".to_string());
                targets = clause;
                sources = sayers;
                shared = false;
                demand = true;
                modality = Modality::Asserted;
            }
        }
        // an announced conflict action ("will extend the curfew", "would blockade Paris") is
        // a threat in CAMEO (13x)
        let conflict = matches!(
            p.code.get(..2),
            Some("14" | "15" | "16" | "17" | "18" | "19" | "20")
        );
        let shift_as = if modality == Modality::Intent && conflict {
            Modality::Threat
        } else {
            modality
        };
        let code = if demand {
            demand_code(&p.code)
        } else {
            shift_code(&p.code, shift_as)
        };
        if code != p.code {
            cues.push(format!(
                "{} {} coded as {}",
                modality.as_str(),
                p.code,
                code
            ));
        }
        let Some(c) = cameo(&code) else { return };
        let plover = plover_of(&code);
        let trigger = sv.toks[i].span;
        let claimed_by = claimed_by(cx.doc, trigger);
        let (date, date_source) = governing_date(cx.doc, sv, trigger);
        // a domestic protest (14x) that names no target is directed at the source's own
        // government (the CAMEO convention for protests); the implicit target has an empty
        // span at the trigger
        // (a company's workers on strike strike against the company)
        let employer = sources
            .first()
            .filter(|s| s.code.as_deref().is_some_and(|c| c.ends_with("LAB")))
            .and_then(|s| {
                cx.doc.entities.iter().enumerate().find_map(|(e, ent)| {
                    (ent.actor.as_deref().is_some_and(|c| c.ends_with("BUS"))
                        && ent.mentions.iter().any(|m| s.span.contains(m.span)))
                    .then(|| (e, ent.actor.clone()))
                })
            });
        if targets.is_empty() && code.starts_with("14") && !shared && sources.len() == 1 {
            if let Some((e, bus)) = employer {
                cues.push("workers' protest without a named target: their company".to_string());
                let span = cx.doc.entities[e]
                    .mentions
                    .iter()
                    .map(|m| m.span)
                    .find(|m| sources[0].span.contains(*m))
                    .unwrap_or(Span::new(trigger.start, trigger.start));
                targets.push((
                    Actor {
                        entity: Some(e),
                        span,
                        code: bus,
                    },
                    "implicit".to_string(),
                ));
            }
        }
        if targets.is_empty() && code.starts_with("14") && !shared && sources.len() == 1 {
            if let Some(country) = sources[0]
                .code
                .as_deref()
                .filter(|c| has_country(c) && !c.starts_with("IGO"))
                .and_then(|c| c.get(..3))
            {
                cues.push(
                    "protest without a named target: the source's own government".to_string(),
                );
                targets.push((
                    Actor {
                        entity: None,
                        span: Span::new(trigger.start, trigger.start),
                        code: Some(format!("{country}GOV")),
                    },
                    "implicit".to_string(),
                ));
            }
        }
        // a protest against a bare sector ("outside parliament", "against the police") is
        // against the source's own one
        if code.starts_with("14") && sources.len() == 1 {
            if let Some(country) = sources[0]
                .code
                .as_deref()
                .filter(|c| has_country(c) && !c.starts_with("IGO"))
                .and_then(|c| c.get(..3))
            {
                for (t, _) in targets.iter_mut() {
                    if let Some(tc) = t.code.clone().filter(|tc| !has_country(tc)) {
                        cues.push(format!(
                            "protest against a bare sector: the source's own ({country}{tc})"
                        ));
                        t.code = Some(format!("{country}{tc}"));
                    }
                }
            }
        }
        // any other bare-sector target in a sentence that names no country: the country the
        // document is about ("Students accused the government of corruption")
        // (one that names one country only takes that one: "Israeli minister X resigned
        // from the government")
        for (t, _) in targets.iter_mut() {
            if t.code.as_deref().is_some_and(|c| !has_country(c)) && !regional(cx, t.span) {
                if sentence_names_no_country(cx) {
                    if let Some(country) = document_country(cx.doc) {
                        cues.push(format!(
                            "bare-sector target: the document's country ({country})"
                        ));
                        t.code = t.code.as_ref().map(|c| format!("{country}{c}"));
                    }
                } else if let Some(one) = sentence_single_country(cx) {
                    // (the source's own country, when the document is about another, says
                    // nothing: "The United States urged the government to ..." in a story
                    // about Kenya is Kenya's government)
                    // (only a state speaking of "the government", "parliament" or "the courts";
                    // a leader's "residents" or "troops" are the leader's own)
                    let own = sources
                        .iter()
                        .any(|s| s.code.as_deref() == Some(one.as_str()))
                        && t.code
                            .as_deref()
                            .is_some_and(|c| matches!(c, "GOV" | "LEG" | "JUD"));
                    let doc_country = document_country(cx.doc);
                    let country = match doc_country {
                        Some(d) if own && d != one => d,
                        _ => one,
                    };
                    cues.push(format!(
                        "bare-sector target: the country of the sentence or document ({country})"
                    ));
                    t.code = t.code.as_ref().map(|c| format!("{country}{c}"));
                }
            }
        }
        let tlist: Vec<Option<(Actor, String)>> = if targets.is_empty() {
            vec![None]
        } else {
            targets.into_iter().map(Some).collect()
        };
        for s in &sources {
            // "both leaders met": each one towards the other
            let own: Vec<Option<(Actor, String)>> = if shared
                && tlist.iter().all(Option::is_none)
                && !p.no_target
            {
                sources
                    .iter()
                    .filter(|o| o.span != s.span || (o.entity.is_some() && o.entity != s.entity))
                    .map(|o| Some((o.clone(), "shared".to_string())))
                    .collect()
            } else {
                tlist.clone()
            };
            // a target with the source's own code says nothing: the event keeps no target
            let mut own: Vec<Option<(Actor, String)>> = own.into_iter().filter(|t| !matches!((t, &s.code), (Some((ta, _)), Some(sc)) if ta.code.as_deref() == Some(sc.as_str()))).collect();
            if own.is_empty() {
                own.push(None);
            }
            for t in &own {
                let ev = Event {
                    source: s.clone(),
                    target: t.as_ref().map(|x| x.0.clone()),
                    cameo: code.clone(),
                    cameo_name: c.name.to_string(),
                    root: c.root.to_string(),
                    quad_class: c.quad_class,
                    goldstein: c.goldstein,
                    plover: plover.map(|x| x.0.to_string()),
                    plover_mode: plover.and_then(|x| x.1.map(str::to_string)),
                    date,
                    date_source,
                    modality,
                    claimed_by,
                    sentence: sv.index,
                    trigger,
                    rule: p.id.clone(),
                };
                let ex = Explanation {
                    rule: p.id.clone(),
                    origin: p.origin.clone(),
                    pattern_code: p.code.clone(),
                    trigger: sv.toks[i].text.clone(),
                    source: cx.doc.text.get(s.span.range()).unwrap_or("").to_string(),
                    target: t
                        .as_ref()
                        .map(|x| cx.doc.text.get(x.0.span.range()).unwrap_or("").to_string()),
                    target_slot: t.as_ref().map(|x| x.1.clone()),
                    cues: cues.clone(),
                    parsed: sv.parsed,
                };
                out.push((ev, ex));
            }
        }
    }
}

impl Component for EventCoder {
    fn name(&self) -> &'static str {
        "events"
    }
    fn process(&self, doc: &mut Document) {
        let mut evs: Vec<Event> = self.code(doc).into_iter().map(|(e, _)| e).collect();
        // 010 only when nothing more specific was coded for the same source in the sentence.
        let specific: Vec<(usize, Option<String>)> = evs
            .iter()
            .filter(|e| e.root != "01")
            .map(|e| (e.sentence, e.source.code.clone()))
            .collect();
        evs.retain(|e| {
            e.cameo != "010" || !specific.contains(&(e.sentence, e.source.code.clone()))
        });
        doc.events = dedup(evs);
    }
}

/// One event per article for the same source, target, code, date and modality: a repeated
/// report ("KCNA said Putin accepted …"; later "Putin accepted …") is kept once, at its
/// first mention; a report without a target gives way to one with a target.
fn dedup(evs: Vec<Event>) -> Vec<Event> {
    let key = |e: &Event| (e.source.code.clone(), e.cameo.clone(), e.date, e.modality);
    let mut out: Vec<Event> = Vec::with_capacity(evs.len());
    for e in evs.iter() {
        if e.source.code.is_none() {
            out.push(e.clone());
            continue;
        }
        let tcode = e.target.as_ref().and_then(|t| t.code.clone());
        let dup = out
            .iter()
            .any(|o| key(o) == key(e) && o.target.as_ref().and_then(|t| t.code.clone()) == tcode);
        let subsumed = tcode.is_none()
            && evs
                .iter()
                .any(|o| key(o) == key(e) && o.target.as_ref().is_some_and(|t| t.code.is_some()));
        if !dup && !subsumed {
            out.push(e.clone());
        }
    }
    out
}

fn stronger(a: Modality, b: Modality) -> Modality {
    fn rank(m: Modality) -> u8 {
        match m {
            Modality::Asserted => 0,
            Modality::Intent => 1,
            Modality::Hypothetical => 2,
            Modality::Negated => 3,
            Modality::Threat => 4,
        }
    }
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// The code an event takes under a modality: intended cooperation is "express intent to
/// cooperate" (03x), threatened conflict is "threaten" (13x).
pub fn shift_code(code: &str, m: Modality) -> String {
    let root = code.get(..2).unwrap_or("");
    let s = |x: &str| x.to_string();
    match m {
        Modality::Intent => match code {
            "045" => s("039"),
            "057" => s("030"),
            "060" => s("031"),
            "061" => s("0311"),
            "062" => s("0312"),
            "063" => s("0313"),
            "064" => s("0314"),
            "071" => s("0331"),
            "072" => s("0332"),
            "073" => s("0333"),
            "074" => s("0334"),
            "082" => s("0352"),
            "083" => s("034"),
            "0831" => s("0341"),
            "0832" => s("0342"),
            "0833" => s("0343"),
            "0834" => s("0344"),
            "085" => s("0354"),
            "087" | "0871" | "0872" | "0873" | "0874" => s("0356"),
            _ => match root {
                "04" => s("036"),
                "05" => s("032"),
                "06" => s("031"),
                "07" => s("033"),
                "08" if code.starts_with("081") => s("0351"),
                "08" if code.starts_with("084") => s("0353"),
                "08" if code.starts_with("086") => s("0355"),
                "08" => s("035"),
                _ => s(code),
            },
        },
        Modality::Threat => match code {
            "161" => s("1313"),
            "162" | "1621" | "1622" | "1623" => s("1311"),
            "163" => s("1312"),
            "164" => s("134"),
            "165" => s("135"),
            "166" | "1661" | "1662" | "1663" => s("136"),
            "172" | "173" | "174" => s("132"),
            "1721" => s("1321"),
            "1722" => s("1322"),
            "1723" => s("1323"),
            "1724" => s("1324"),
            "175" => s("137"),
            "191" => s("1381"),
            "192" => s("1382"),
            "193" | "194" | "195" => s("1384"),
            "204" | "2041" | "2042" => s("1385"),
            _ => match root {
                // a cooperative act announced as a threat ("will pull out its observers
                // unless …"): threaten, not specified
                "03" | "04" | "05" | "06" | "07" | "08" => s("130"),
                "14" => s("133"),
                "15" | "19" => s("138"),
                "16" => s("131"),
                "17" => s("130"),
                "18" | "20" => s("1383"),
                _ => s(code),
            },
        },
        // refused or withheld cooperation is a rejection (12x): "will not lift the curfew",
        // "did not meet the demands"
        Modality::Negated => match code {
            "061" | "0311" => s("1211"),
            "062" | "0312" => s("1212"),
            "063" | "0313" => s("1213"),
            "071" | "0331" => s("1221"),
            "072" | "0332" => s("1222"),
            "073" | "0333" => s("1223"),
            "074" | "0334" => s("1224"),
            "0831" | "0341" => s("1231"),
            "0832" | "0342" => s("1232"),
            "0833" | "0343" => s("1233"),
            "0834" | "0344" => s("1234"),
            "080" | "035" | "0842" => s("124"),
            "081" | "0811" | "0812" | "0813" | "0814" | "0351" => s("1241"),
            "082" | "0352" => s("1242"),
            "083" => s("123"),
            "0841" | "0353" => s("1243"),
            "085" | "0354" => s("1244"),
            "086" | "0861" | "0862" | "0863" | "0355" => s("1245"),
            "087" | "0871" | "0872" | "0873" | "0874" | "0356" => s("1246"),
            "037" => s("127"),
            "038" | "039" => s("126"),
            _ => match root {
                "03" if code.starts_with("031") => s("121"),
                "03" if code.starts_with("033") => s("122"),
                "03" if code.starts_with("034") => s("123"),
                "03" if code.starts_with("036") => s("125"),
                "03" => s("120"),
                "04" => s("125"),
                "06" => s("121"),
                "07" => s("122"),
                _ => s(code),
            },
        },
        _ => s(code),
    }
}

fn pos_ok(sv: &SentView, i: usize, kind: TriggerKind) -> bool {
    let t = &sv.toks[i];
    if !t.tagged {
        // untagged: a capitalised word mid-sentence is a name, not a trigger; after a
        // determiner or possessive comes a noun
        let cap = t.text.chars().next().is_some_and(|c| c.is_uppercase());
        if cap && i > 0 {
            return false;
        }
        let det_adj = i > 1
            && matches!(sv.toks[i - 2].lower.as_str(), "the" | "a" | "an")
            && sv.toks[i - 1]
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase());
        let det = det_adj
            || i > 0
                && matches!(
                    sv.toks[i - 1].lower.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "'s"
                        | "’s"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "this"
                        | "that"
                        | "new"
                        | "fresh"
                );
        return match kind {
            TriggerKind::Verb => !det,
            TriggerKind::Noun => true,
        };
    }
    match kind {
        // a participle as a plain modifier ("the occupied West Bank", "disputed villages",
        // "proposed changes") reports no event
        // ("reject proposed changes", "its long-threatened invasion": after anything but a
        // noun that could be its subject); a participle right after "the" is a noun ("the
        // wounded", "the accused")
        TriggerKind::Verb => {
            (matches!(t.upos, Upos::VERB) || (t.upos == Upos::ADJ && t.lower.ends_with("ed")))
                && !(sv.parsed
                    && t.deprel == "amod"
                    && t.head.is_some_and(|h| h > i)
                    && i > 0
                    && !(matches!(sv.toks[i - 1].upos, Upos::NOUN | Upos::PROPN)
                        || (sv.toks[i - 1].upos == Upos::PRON && sv.toks[i - 1].xpos != "PRP$")
                        || (sv.toks[i - 1].upos == Upos::NUM && t.head != Some(i + 1))))
                && !(i > 0
                    && t.lower.ends_with("ed")
                    && matches!(sv.toks[i - 1].lower.as_str(), "the")
                    && (!sv.parsed || !rel_is(&t.deprel, "amod") || t.head.is_none_or(|h| h < i)))
        }
        // a noun modifying a plan, a person or a place ("the attack plans", "protest
        // leaders", "the attack site") names a kind of thing, not an event
        TriggerKind::Noun => {
            matches!(t.upos, Upos::NOUN)
                && !(sv.parsed
                    && t.deprel == "compound"
                    && t.head.is_some_and(|h| {
                        h > i
                            && sv.toks[h].upos == Upos::NOUN
                            && sv.toks[h].is_any(
                                &COMPOUND_NOT_EVENT
                                    .iter()
                                    .map(|s| s.to_string())
                                    .collect::<Vec<_>>(),
                            )
                    }))
        }
    }
}

fn clause_end(sv: &SentView, i: usize) -> usize {
    let mut j = i + 1;
    while j < sv.toks.len() {
        let l = sv.toks[j].lower.as_str();
        if matches!(l, ";" | "." | "!" | "?" | "\"" | "“" | "”" | ":")
            || (l == ","
                && j > i + 1
                && sv.toks.get(j + 1).is_some_and(|n| {
                    matches!(
                        n.lower.as_str(),
                        "but"
                            | "while"
                            | "and"
                            | "said"
                            | "saying"
                            | "which"
                            | "who"
                            | "adding"
                            | "a"
                            | "the"
                    )
                }))
            // "rejected the claim and said Manila would file a protest": a second predicate
            // of the same subject ends the trigger's clause
            // (not after a dangling preposition: "signed a pact with and sent troops to
            // Chad" shares its object)
            || (matches!(l, "and" | "but")
                && j > i + 1
                && sv.toks[j - 1].upos != Upos::ADP
                && sv.toks.get(j + 1).is_some_and(|n| {
                    matches!(n.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD")
                        && n.upos != Upos::AUX
                }))
        {
            break;
        }
        j += 1;
    }
    j
}

const PREPS: &[&str] = &[
    "with", "to", "against", "on", "at", "into", "over", "from", "by", "of", "for", "in",
    "between", "toward", "towards", "upon", "about", "after", "during", "across", "through",
    "under", "near", "inside", "outside", "amid", "amidst", "despite", "before", "since", "until",
    "among", "without", "within",
];

/// Whether `h` lies in an adverbial clause with a subject of its own that does not hold the
/// trigger `i`: on the way from `h` up the parse, a verb other than `i` (and not above `i`)
/// opened by a subordinator ("after", "when", "because", …) that has a nominal subject.
fn own_clause_between(sv: &SentView, i: usize, h: usize) -> bool {
    if !sv.parsed {
        return false;
    }
    let mut t = h;
    let mut steps = 0;
    while let Some(up) = sv.toks[t].head {
        t = up;
        steps += 1;
        if t == i || sv.dominates(t, i) || steps > 12 {
            return false;
        }
        if sv.toks[t].upos == Upos::VERB
            && rel_is(&sv.toks[t].deprel, "advcl")
            && sv.children(t).any(|c| {
                rel_is(&sv.toks[c].deprel, "nsubj") || rel_is(&sv.toks[c].deprel, "nsubj:pass")
            })
            && sv.children(t).any(|c| {
                rel_is(&sv.toks[c].deprel, "mark")
                    && matches!(
                        sv.toks[c].lower.as_str(),
                        "after"
                            | "before"
                            | "when"
                            | "while"
                            | "because"
                            | "since"
                            | "although"
                            | "though"
                            | "as"
                            | "if"
                            | "until"
                            | "once"
                            | "whereas"
                    )
            })
        {
            return true;
        }
    }
    false
}

fn args_for(cx: &Ctx, i: usize, kind: TriggerKind) -> Args {
    if !cx.sv.parsed {
        return order_args(cx, i, kind);
    }
    let mut a = parsed_args(cx, i, kind);
    // obliques of the object ("imposed sanctions on Iran" with "on Iran" under "sanctions")
    if let Some(o) = a.obj {
        for c in cx.sv.children(o).collect::<Vec<_>>() {
            if rel_is(&cx.sv.toks[c].deprel, "nmod") {
                if let Some(case) = cx.sv.case_of(c) {
                    if case != "of" && !a.obliques.iter().any(|(_, h)| *h == c) {
                        a.obliques.push((case, c));
                    }
                }
            }
        }
    }
    // token-order obliques as a last resort for the target
    a.parsed_obliques = Some(a.obliques.len());
    for (p, h) in order_args(cx, i, kind).obliques {
        // (not inside an adverbial clause with a subject of its own: "sent warships … days
        // after Lai returned from a stopover in the United States")
        if own_clause_between(cx.sv, i, h) {
            continue;
        }
        if !a
            .obliques
            .iter()
            .any(|(q, g)| *q == p && (*g == h || cx.sv.dominates(*g, h) || cx.sv.dominates(h, *g)))
        {
            a.obliques.push((p, h));
        }
    }
    // a parse that gives no source (a fragment, a misattached subject): token order
    if a.subj.is_empty()
        && a.nominal_src.is_empty()
        && a.agent.is_none()
        && !a.passive
        && !a.settled
    {
        let o = order_args(cx, i, kind);
        if !a.clause_subject {
            a.subj = o.subj;
        }
        a.nominal_src = o.nominal_src;
        if a.obj.is_none() && kind == TriggerKind::Verb {
            a.obj = o.obj;
            a.obj_chunk = o.obj_chunk;
        }
        if a.obliques.is_empty() {
            a.obliques = o.obliques;
            a.parsed_obliques = None;
        }
    }
    // "together with X", "along with X": a partner in the act, never its target ("Qatar,
    // which mediated the deal together with the United States")
    let parsed = a.parsed_obliques;
    let mut kept = Vec::with_capacity(a.obliques.len());
    let mut kept_parsed = 0;
    for (k, (case, h)) in std::mem::take(&mut a.obliques).into_iter().enumerate() {
        if case == "with" && co_actor(cx.sv, h) {
            continue;
        }
        if parsed.is_some_and(|n| k < n) {
            kept_parsed += 1;
        }
        kept.push((case, h));
    }
    a.obliques = kept;
    if parsed.is_some() {
        a.parsed_obliques = Some(kept_parsed);
    }
    a
}

/// Whether the "with" phrase headed by `h` follows "together", "along" or "jointly".
fn co_actor(sv: &SentView, h: usize) -> bool {
    let lo = h.saturating_sub(6);
    (lo..h)
        .rev()
        .find(|&j| sv.toks[j].lower == "with")
        .is_some_and(|j| {
            j > 0
                && matches!(
                    sv.toks[j - 1].lower.as_str(),
                    "together" | "along" | "jointly"
                )
        })
}

/// Arguments from token order (no parse): nearest actor to the left as subject, first
/// chunk to the right as object, actors after prepositions as obliques.
fn order_args(cx: &Ctx, i: usize, kind: TriggerKind) -> Args {
    let sv = cx.sv;
    let mut a = Args::default();
    let end = clause_end(sv, i);
    a.scope = (i + 1..end.min(i + 16)).collect();
    if kind == TriggerKind::Noun {
        for j in i.saturating_sub(3)..i {
            a.scope.push(j);
        }
    }
    let before: Vec<&str> = sv.toks[i.saturating_sub(3)..i]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    let be_before = before.iter().any(|w| {
        matches!(
            *w,
            "was" | "were" | "been" | "be" | "is" | "are" | "being" | "got"
        )
    });
    let by_after = a.scope.iter().position(|&j| sv.toks[j].lower == "by");
    let be_right_before = i > 0
        && matches!(
            sv.toks[i - 1].lower.as_str(),
            "was" | "were" | "been" | "be" | "is" | "are" | "being" | "got"
        );
    a.passive = kind == TriggerKind::Verb
        && !sv.toks[i].lower.ends_with("ing")
        && ((be_before
            && (sv.toks[i].lower.ends_with("ed")
                || sv.toks[i].lower.ends_with('n')
                || by_after.is_some()))
            || be_right_before);
    // subject: nearest actor (or personal pronoun) to the left, not the object of a preposition
    let mut left: Vec<&ActorCand> = cx.cands.iter().filter(|c| c.last < i).collect();
    left.sort_by_key(|c| (c.last, c.last - c.first));
    let clause_start = (0..i)
        .rev()
        .find(|&j| matches!(sv.toks[j].lower.as_str(), ";" | "\"" | "“" | "”" | ":"))
        .map(|j| j + 1)
        .unwrap_or(0);
    let pronoun = (clause_start..i).rev().find(|&j| {
        matches!(
            sv.toks[j].lower.as_str(),
            "we" | "i" | "he" | "she" | "they"
        ) && !cx.cands.iter().any(|c| c.first <= j && j <= c.last)
    });
    for c in left.iter().rev() {
        if c.first < clause_start {
            break;
        }
        if pronoun.is_some_and(|p| p > c.last) {
            break;
        }
        // a province or city is where things happen, not who acts ("a quake hit Sichuan
        // province, killing …", "the Bali bombings")
        // (nor does the search go on past one: the actor further left is someone else)
        if place_cand(cx, c) {
            break;
        }
        let prev = c.first.checked_sub(1).map(|p| sv.toks[p].lower.as_str());
        if prev.is_some_and(|p| PREPS.contains(&p) && p != "by") {
            continue;
        }
        // a possessor is not who acts but the owner of what the noun after it names
        // ("The United States, Taiwan's most important backer, urged …": not Taiwan)
        if kind == TriggerKind::Verb
            && c.last + 2 < i
            && sv
                .toks
                .get(c.last + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "'s" | "’s"))
        {
            // (only before a noun for someone who can act: "backer", "ally"; "the WHO's
            // decision to declare …" is still the WHO's act)
            let someone = (c.last + 2..i)
                .take_while(|&j| sv.toks[j].lower != "," && sv.toks[j].upos != Upos::VERB)
                .any(|j| {
                    matches!(
                        sv.toks[j].lower.as_str(),
                        "backer"
                            | "backers"
                            | "ally"
                            | "allies"
                            | "partner"
                            | "partners"
                            | "neighbour"
                            | "neighbor"
                            | "rival"
                            | "rivals"
                            | "enemy"
                            | "foe"
                            | "patron"
                            | "sponsor"
                            | "supporter"
                            | "supporters"
                            | "counterpart"
                            | "protector"
                            | "creditor"
                            | "lender"
                            | "donor"
                            | "donors"
                    )
                });
            if someone {
                continue;
            }
        }
        if kind == TriggerKind::Noun && c.last + 1 < i {
            // "Russia's attack", "the Russian attack", "US sanctions": modifier actors only
            let gap = &sv.toks[c.last + 1..i];
            if gap.iter().all(|t| {
                matches!(
                    t.lower.as_str(),
                    "'s" | "’s"
                        | "'"
                        | "new"
                        | "fresh"
                        | "additional"
                        | "military"
                        | "economic"
                        | "air"
                        | "missile"
                )
            }) {
                a.nominal_src.push(c.last);
            }
            continue;
        }
        if kind == TriggerKind::Noun && c.last + 1 == i {
            a.nominal_src.push(c.last);
            continue;
        }
        a.subj.push(c.last);
        break;
    }
    if a.subj.is_empty() && kind == TriggerKind::Verb {
        if let Some(p) = pronoun {
            a.subj.push(p);
        }
    }
    // a nominal inside a prepositional phrase ("during the meeting", "at the end of the
    // meeting") is not the object of a light verb
    let in_pp = kind == TriggerKind::Noun
        && (i.saturating_sub(4)..i)
            .rev()
            .take_while(|&j| !cx.cands.iter().any(|c| c.first <= j && j <= c.last))
            .any(|j| {
                PREPS.contains(&sv.toks[j].lower.as_str())
                    && !matches!(sv.toks[j].lower.as_str(), "for" | "to")
            });
    if kind == TriggerKind::Noun && a.nominal_src.is_empty() && !in_pp {
        // governed by a verb: its subject ("X held talks", "X launched an attack")
        for c in left.iter().rev() {
            if c.first < clause_start || pronoun.is_some_and(|p| p > c.last) || place_cand(cx, c) {
                break;
            }
            let prev = c.first.checked_sub(1).map(|p| sv.toks[p].lower.as_str());
            if prev.is_some_and(|p| PREPS.contains(&p)) {
                continue;
            }
            a.subj.push(c.last);
            break;
        }
    }
    // object: first content word after the trigger (skipping determiners and modifiers)
    let skip = [
        "the",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "our",
        "new",
        "additional",
        "more",
        "further",
        "fresh",
        "some",
        "all",
        "two",
        "three",
        "several",
        "any",
        "this",
        "that",
        "these",
        "those",
    ];
    if kind == TriggerKind::Verb {
        let mut j = i + 1;
        if let Some(t) = sv.toks.get(j) {
            if matches!(
                t.lower.as_str(),
                "up" | "out" | "off" | "down" | "back" | "away" | "in" | "over"
            ) {
                a.prt = Some(j);
                j += 1;
            }
        }
        if sv.toks.get(j).is_some_and(|t| t.lower == "to") && sv.toks.get(j + 1).is_some() {
            a.xcomp = Some(j + 1);
        } else {
            let mut k = j;
            while k < end && skip.contains(&sv.toks[k].lower.as_str()) {
                k += 1;
            }
            if k < end
                && !PREPS.contains(&sv.toks[k].lower.as_str())
                && sv.toks[k].lower != "to"
                && sv.toks[k].lower != ","
            {
                // NP head: the last word of the chunk
                let mut h = k;
                while h + 1 < end
                    && !PREPS.contains(&sv.toks[h + 1].lower.as_str())
                    && !matches!(
                        sv.toks[h + 1].lower.as_str(),
                        "," | "to" | "and" | "that" | "which" | "who"
                    )
                    && h < k + 4
                {
                    h += 1;
                }
                // "invited Putin to visit": the object is followed by a to-infinitive
                a.obj = Some(h);
                a.obj_chunk = (k..=h).collect();
                if let Some(c) = cx
                    .cands
                    .iter()
                    .filter(|c| c.first <= k && k <= c.last)
                    .max_by_key(|c| c.last)
                {
                    a.obj = Some(c.last);
                    a.obj_chunk = (k..=h.max(c.last)).collect();
                    // "helped North Korea build": a bare infinitive after the object
                    if let Some(n) = sv.toks.get(c.last + 1) {
                        let l = n.lower.as_str();
                        if !PREPS.contains(&l)
                            && !matches!(l, "," | "." | "and" | "to" | "that" | "'s" | "’s")
                            && !n.lower.ends_with('s')
                        {
                            a.xcomp = Some(c.last + 1);
                        }
                    }
                }
                if sv.toks.get(h + 1).is_some_and(|t| t.lower == "to")
                    && sv.toks.get(h + 2).is_some()
                {
                    a.xcomp = Some(h + 2);
                }
            }
        }
    }
    // obliques: actors right after a preposition
    let mut j = i + 1;
    while j < end {
        let l = sv.toks[j].lower.as_str();
        // "according to X", "due to X", "thanks to X": a source of information or a cause,
        // never a target
        let compound_prep = j > 0
            && matches!(
                sv.toks[j - 1].lower.as_str(),
                "according" | "due" | "thanks" | "owing" | "prior" | "contrary"
            );
        if PREPS.contains(&l) && !compound_prep {
            let mut k = j + 1;
            while k < end && skip.contains(&sv.toks[k].lower.as_str()) {
                k += 1;
            }
            if let Some(c) = cx
                .cands
                .iter()
                .filter(|c| c.first == k || c.first == j + 1)
                .max_by_key(|c| c.last)
            {
                a.obliques.push((l.to_string(), c.last));
            }
        }
        j += 1;
    }
    if a.passive {
        if let Some(p) = by_after {
            let byj = a.scope[p];
            a.agent = a
                .obliques
                .iter()
                .find(|(c, h)| c == "by" && *h > byj)
                .map(|(_, h)| *h);
        }
    }
    // iobj: "gave Japan aid"
    if kind == TriggerKind::Verb && a.obj.is_some() {
        if let Some(c) = cx.cands.iter().find(|c| c.first == i + 1) {
            if a.obj != Some(c.last) {
                a.iobj = Some(c.last);
            } else if c.last + 1 < end
                && !PREPS.contains(&sv.toks[c.last + 1].lower.as_str())
                && sv.toks[c.last + 1].lower != "to"
                && sv.toks[c.last + 1].lower != ","
            {
                // "gave Japan new aid": the actor is the indirect object
                a.iobj = Some(c.last);
                let mut h = c.last + 1;
                while h < end && skip.contains(&sv.toks[h].lower.as_str()) {
                    h += 1;
                }
                let mut hh = h;
                while hh + 1 < end
                    && !PREPS.contains(&sv.toks[hh + 1].lower.as_str())
                    && !matches!(sv.toks[hh + 1].lower.as_str(), "," | "to" | "and")
                    && hh < h + 3
                {
                    hh += 1;
                }
                if h < end {
                    a.obj = Some(hh);
                }
            }
        }
    }
    a
}

/// Is verb `i` a passive form? A passive auxiliary or subject ("were injured", also when
/// the parser calls the subject a plain nsubj), a participle with "be"/"get" ("got
/// killed"), a reduced relative ("a man killed by police"), a participle coordinated with
/// a passive ("was shot and killed") or the complement of one ("were confirmed killed",
/// "was found dead" has no verb). The subject of a passive is its patient, never its agent.
/// Whether the sentence is a headline: it ends without a full stop, "!", "?" or a closing
/// quotation mark.
fn headline(sv: &SentView) -> bool {
    !sv.toks
        .last()
        .is_some_and(|l| matches!(l.lower.as_str(), "." | "!" | "?" | "\"" | "”"))
}

/// Whether a verb takes no object (and so has no passive).
fn intransitive(t: &crate::view::Tok) -> bool {
    INTRANSITIVE.iter().any(|v| t.is(v))
}

fn passive_form(sv: &SentView, i: usize, depth: usize) -> bool {
    let t = &sv.toks[i];
    if measure_by(sv, i).is_some() {
        return false;
    }
    if sv.children(i).any(|c| {
        matches!(
            sv.toks[c].deprel.as_str(),
            "aux:pass" | "nsubj:pass" | "csubj:pass"
        )
    }) {
        return true;
    }
    // "were wounded" parsed as an adjective with a copula
    if t.upos == Upos::ADJ && sv.children(i).any(|c| rel_is(&sv.toks[c].deprel, "cop")) {
        return true;
    }
    // a headline's "X found guilty/dead" (the tagger reads "found" as a past tense)
    if t.head.is_none()
        && t.is("find")
        && headline(sv)
        && !sv.children(i).any(|c| rel_is(&sv.toks[c].deprel, "obj"))
        && sv.children(i).any(|c| {
            rel_is(&sv.toks[c].deprel, "xcomp")
                && sv.toks[c].is_any(&["guilty", "innocent", "dead", "liable", "responsible"])
        })
    {
        return true;
    }
    if t.xpos != "VBN" || depth > 4 {
        return false;
    }
    let own_aux: Vec<usize> = sv
        .children(i)
        .filter(|&c| rel_is(&sv.toks[c].deprel, "aux"))
        .collect();
    if own_aux
        .iter()
        .any(|&c| sv.toks[c].is("be") || sv.toks[c].is("get"))
    {
        return true;
    }
    // A headline's reduced passive: a participle heading the clause with a subject, no
    // auxiliary and no object ("India, Pakistan trade fire; two soldiers killed").
    if own_aux.is_empty()
        && (t.head.is_none() || rel_is(&t.deprel, "parataxis"))
        && sv.children(i).any(|c| rel_is(&sv.toks[c].deprel, "nsubj"))
        && !sv.children(i).any(|c| {
            rel_is(&sv.toks[c].deprel, "obj")
                || rel_is(&sv.toks[c].deprel, "ccomp")
                || rel_is(&sv.toks[c].deprel, "xcomp")
        })
        && headline(sv)
        && !intransitive(t)
    {
        return true;
    }
    // (an object or a subject of its own: an active verb the tagger took for a participle)
    let own_subj = sv
        .children(i)
        .any(|c| rel_is(&sv.toks[c].deprel, "nsubj") || rel_is(&sv.toks[c].deprel, "obj"));
    if own_subj || !own_aux.is_empty() {
        return false;
    }
    // verbs that take no object have no passive ("students demonstrated" misread as a
    // reduced relative)
    if intransitive(t) {
        return false;
    }
    let rel = t.deprel.as_str();
    let Some(h) = t.head else { return false };
    if rel == "acl" {
        // "the man killed by police"; but a noun that heads a clause itself (root, ccomp,
        // …) is a misparse of "The army forced out …": the participle is the main verb
        let hr = sv.toks[h].deprel.as_str();
        let by_agent = sv
            .children(i)
            .any(|c| rel_is(&sv.toks[c].deprel, "obl") && sv.case_of(c).as_deref() == Some("by"));
        let particle = sv
            .children(i)
            .any(|c| rel_is(&sv.toks[c].deprel, "compound:prt"));
        // a headline's participle after its noun, with no object: "Bolivian army chief
        // arrested after failed coup attempt"
        if headline(sv)
            && hr == "root"
            && !particle
            && !sv
                .children(i)
                .any(|c| rel_is(&sv.toks[c].deprel, "obj") || rel_is(&sv.toks[c].deprel, "ccomp"))
            && !intransitive(t)
        {
            return true;
        }
        return by_agent
            || !particle
                && !(hr == "root"
                    || hr.is_empty()
                    || rel_is(hr, "ccomp")
                    || rel_is(hr, "parataxis")
                    || rel_is(hr, "advcl")
                    || rel_is(hr, "csubj"));
    }
    if rel_is(rel, "conj") || rel_is(rel, "xcomp") {
        return passive_form(sv, h, depth + 1)
            || (rel_is(rel, "xcomp") && sv.toks[h].is_any(&["get", "become", "remain", "leave"]));
    }
    false
}

/// "X eased by two hours the curfew": a participle without any auxiliary whose "by"
/// phrase is a measure (a number, "by half", "by 10 percent") followed by an object is an
/// active verb the parser took for a passive or a reduced relative; the measure phrase
/// (its head) is returned.
fn measure_by(sv: &SentView, i: usize) -> Option<usize> {
    if sv.toks[i].xpos != "VBN" || sv.children(i).any(|c| rel_is(&sv.toks[c].deprel, "aux")) {
        return None;
    }
    let m = sv.children(i).find(|&c| {
        rel_is(&sv.toks[c].deprel, "obl")
            && sv.case_of(c).as_deref() == Some("by")
            && (sv.toks[c].upos == Upos::NUM
                || sv.toks[c].is_any(&["half", "percent", "per cent", "third", "quarter"])
                || sv.children(c).any(|k| rel_is(&sv.toks[k].deprel, "nummod")))
    })?;
    // (only with an object after the measure: "the budget, cut by half," stays a passive)
    measure_obj(sv, m).map(|_| m)
}

/// The object that follows a measure phrase ("by two hours the curfew").
fn measure_obj(sv: &SentView, m: usize) -> Option<usize> {
    sv.children(m).find(|&c| {
        c > m && (rel_is(&sv.toks[c].deprel, "obj") || rel_is(&sv.toks[c].deprel, "appos"))
    })
}

/// For a clause reported inside a relative clause ("the attacks, which he said threatened
/// trade": `threatened`, a subjectless complement of `said` whose relative pronoun is not its
/// subject), the noun the relative clause modifies.
fn reported_relative_subject(sv: &SentView, i: usize) -> Option<usize> {
    let h = sv.toks[i].head?;
    if !rel_is(&sv.toks[i].deprel, "ccomp") || !rel_is(&sv.toks[h].deprel, "acl") {
        return None;
    }
    sv.children(h).find(|&c| {
        c < h
            && RELATIVE.contains(&sv.toks[c].lower.as_str())
            && !rel_is(&sv.toks[c].deprel, "nsubj")
    })?;
    sv.toks[h].head
}

fn subject_of(sv: &SentView, i: usize, depth: usize) -> (Vec<usize>, bool) {
    if depth > 6 {
        return (vec![], false);
    }
    let pv = sv.toks[i].tagged && passive_form(sv, i, 0);
    // several subjects (a misparse): the nearest one before the verb
    // (a bare time word parsed as a subject, "X today ordered ...", is no subject)
    let subjects: Vec<usize> = sv
        .children(i)
        .filter(|&j| rel_is(&sv.toks[j].deprel, "nsubj") || rel_is(&sv.toks[j].deprel, "csubj"))
        .filter(|&j| {
            !matches!(
                sv.toks[j].lower.as_str(),
                "today" | "yesterday" | "tonight" | "tomorrow" | "now"
            ) || sv.children(j).next().is_some()
        })
        .collect();
    // "Canada and Japan urged ...", parsed as two subjects with the "and" on the
    // verb: both are subjects.
    let before: Vec<usize> = subjects.iter().copied().filter(|&j| j < i).collect();
    if before.len() >= 2 && !pv {
        let (a, b) = (before[before.len() - 2], before[before.len() - 1]);
        // (the "and" on the verb or on the second subject)
        // (or on a word between them: "Japan and South Korea urged", with "South" a conjunct
        // of Japan and "Korea" a second subject)
        if sv
            .children(i)
            .chain(sv.children(b))
            .chain(a + 1..b)
            .any(|c| {
                a < c
                    && c < b
                    && rel_is(&sv.toks[c].deprel, "cc")
                    && matches!(sv.toks[c].lower.as_str(), "and" | "&")
            })
        {
            return (vec![a, b], false);
        }
    }
    let mut nearest = subjects
        .iter()
        .copied()
        .filter(|&j| j < i)
        .max()
        .or_else(|| subjects.first().copied());
    // one noun phrase misparsed as two subjects ("the Hamas (Islamic Resistance) group
    // declared"): the name right before the common head noun is the subject
    if let Some(n) = nearest.filter(|&n| sv.toks[n].upos == Upos::NOUN) {
        if let Some(&j) = subjects
            .iter()
            .find(|&&j| j < n && sv.toks[j].upos == Upos::PROPN)
        {
            let end = sv
                .descendants(j, &[])
                .into_iter()
                .chain(std::iter::once(j))
                .max()
                .unwrap_or(j);
            if end + 1 == n {
                nearest = Some(j);
            }
        }
    }
    if let Some(s) = nearest {
        if (sv.toks[s].deprel == "nsubj:pass" && measure_by(sv, i).is_none()) || pv {
            return (vec![s], true);
        }
        if RELATIVE.contains(&sv.toks[s].lower.as_str()) && rel_is(&sv.toks[i].deprel, "acl") {
            if let Some(h) = sv.toks[i].head {
                return (vec![h], false);
            }
        }
        // A relative clause the parser did not hang on its noun ("Raila Odinga, who met Ruto,
        // called ..." with "met" as parataxis): "who" stands for the name just before it.
        if matches!(sv.toks[s].lower.as_str(), "who" | "which") && s > 0 {
            let mut a = s - 1;
            while a > 0 && sv.toks[a].lower == "," {
                a -= 1;
            }
            // (the name's head word; in "Senator Bernie Sanders of Vermont, who", the senator)
            while rel_is(&sv.toks[a].deprel, "flat")
                || rel_is(&sv.toks[a].deprel, "compound")
                || rel_is(&sv.toks[a].deprel, "nmod") && sv.case_of(a).as_deref() == Some("of")
            {
                match sv.toks[a].head {
                    Some(h) if h < a => a = h,
                    _ => break,
                }
            }
            if a < s && matches!(sv.toks[a].upos, Upos::PROPN | Upos::NOUN) {
                return (vec![a], false);
            }
        }
        return (vec![s], false);
    }
    let rel = sv.toks[i].deprel.as_str();
    let Some(h) = sv.toks[i].head else {
        return (vec![], pv);
    };
    // "the attacks, which he said threatened trade": the subject of the reported clause is
    // the relative pronoun's noun, not the one who said it.
    if let Some(n) = reported_relative_subject(sv, i) {
        return (vec![n], pv);
    }
    if rel_is(rel, "xcomp") {
        if sv.toks[h].is_any(
            &OBJ_CONTROL
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
        ) {
            if let Some(o) = sv.child_with(h, &["obj"]) {
                return (vec![o], false);
            }
        }
        return (subject_of(sv, h, depth + 1).0, pv);
    }
    // "… opened the border to allow aid": a purpose clause shares its governor's subject;
    // after an object-control verb's object it is the object's ("ordered X to close")
    let purpose = to_infinitive_advcl(sv, i);
    if purpose && object_control(sv, h) {
        // (any noun object of a verb that lets or makes someone act: "will not allow
        // criminals to destroy property" is the criminals' act, not the speaker's; "help"
        // also takes things, "helped the economy to grow")
        if let Some(o) = sv.child_with(h, &["obj"]).filter(|&o| {
            o < i
                && (agent_like(sv, o)
                    || (!sv.toks[h].is("help")
                        && matches!(sv.toks[o].upos, Upos::NOUN | Upos::PROPN)))
        }) {
            return (vec![o], pv);
        }
    }
    // "X said 50 people had been killed and accused the police": an active verb conjoined
    // to a passive complement clause belongs to the verb of saying (the parser hung it on
    // the wrong verb); its subject is the speaker's, not the victims'
    if rel_is(rel, "conj") && !pv && rel_is(&sv.toks[h].deprel, "ccomp") {
        let (_, head_passive) = subject_of(sv, h, depth + 1);
        if let Some(g) = sv.toks[h]
            .head
            .filter(|_| head_passive)
            .filter(|&g| sv.toks[g].is_any(SAY_VERBS))
        {
            return (subject_of(sv, g, depth + 1).0, pv);
        }
    }
    // "Hamas will release the hostages, and Israel will free prisoners and pull back": a
    // subjectless conjunct takes the subject of the nearest conjunct before it that has one,
    // not the first verb's
    if rel_is(rel, "conj") {
        let nearest = sv
            .children(h)
            .filter(|&c| c < i && rel_is(&sv.toks[c].deprel, "conj"))
            .filter_map(|c| {
                sv.children(c)
                    .find(|&s| rel_is(&sv.toks[s].deprel, "nsubj") && s < c)
                    .map(|s| (c, s))
            })
            .max_by_key(|&(c, _)| c);
        if let Some((_, s)) = nearest {
            return (vec![s], pv);
        }
    }
    if rel_is(rel, "conj") || (rel_is(rel, "advcl") && sv.toks[i].lower.ends_with("ing")) || purpose
    {
        return (subject_of(sv, h, depth + 1).0, pv);
    }
    if rel_is(rel, "acl") {
        // (a place noun never acts: "struck the X province, killing …" hung on the province)
        if sv.toks[h].is_any(&[
            "province", "region", "town", "village", "district", "county", "area", "valley",
            "island",
        ]) && !pv
        {
            return (vec![], false);
        }
        // a finite verb the tagger took for a participle and the parser hung on the noun
        // before it, after the comma that closes a relative clause: "Hamas, which did not
        // attend the Doha talks, accused Netanyahu of …" (a participle with a direct
        // object and a comma before it is no reduced passive relative): the subject of
        // the clause the noun belongs to
        if sv.toks[i].xpos == "VBN"
            && i > 0
            && sv.toks[i - 1].lower == ","
            && sv.children(i).any(|c| rel_is(&sv.toks[c].deprel, "obj"))
        {
            let mut g = h;
            let mut steps = 0;
            while let Some(up) = sv.toks[g].head {
                if rel_is(&sv.toks[g].deprel, "nsubj") {
                    return (vec![g], false);
                }
                g = up;
                steps += 1;
                if steps > 4 {
                    break;
                }
            }
            if rel_is(&sv.toks[g].deprel, "nsubj") {
                return (vec![g], false);
            }
        }
        return (vec![h], pv);
    }
    // (a passive with no subject of its own, "one civilian was wounded" hung on "said" as
    // parataxis, stays passive: the token-order fallback must not make the speaker its doer)
    (vec![], pv)
}

/// Does verb `i` pass its object on as the subject of a "to" clause ("ordered X to go")?
/// ("call" not: "called a meeting to discuss X" is a purpose.)
fn object_control(sv: &SentView, i: usize) -> bool {
    !sv.toks[i].is("call") && OBJ_CONTROL.iter().any(|l| sv.toks[i].is(l))
}

/// Can token `o` name someone who acts: a name, a pronoun, or an agent word ("troops",
/// "the government"), not "the assassination"?
fn agent_like(sv: &SentView, o: usize) -> bool {
    let t = &sv.toks[o];
    matches!(t.upos, Upos::PROPN | Upos::PRON)
        || crate::actors::is_lexicon_word(&t.lower)
        || t.lemmas.iter().any(|l| crate::actors::is_lexicon_word(l))
}

/// Is an actor candidate a province, region or city of one country (from the knowledge
/// base's places), not a country, capital or organisation?
fn place_cand(cx: &Ctx, c: &ActorCand) -> bool {
    let kb = newsgraph_entities::Kb::builtin();
    let text = cx.doc.text.get(c.span.range()).unwrap_or("");
    c.entity
        .and_then(|e| cx.doc.entities.get(e))
        .is_some_and(|e| kb.is_subnational_place(&e.name))
        || kb.is_subnational_place(text)
}

/// Is `i` an infinitive clause with "to" attached as an adverbial clause?
fn to_infinitive_advcl(sv: &SentView, i: usize) -> bool {
    rel_is(&sv.toks[i].deprel, "advcl")
        && sv
            .children(i)
            .any(|c| rel_is(&sv.toks[c].deprel, "mark") && sv.toks[c].lower == "to")
}

fn parsed_args(cx: &Ctx, i: usize, kind: TriggerKind) -> Args {
    let sv = cx.sv;
    let scope = sv.descendants(i, &["nsubj", "csubj", "punct", "parataxis", "conj", "cc"]);
    // A relative clause describes its noun; its words do not say what the trigger does ("urged
    // the rebels to stop the attacks, which threatened trade" is no appeal about trade).
    let mut relative = Vec::new();
    for &r in scope.iter().filter(|&&j| sv.toks[j].deprel == "acl:relcl") {
        relative.push(r);
        relative.extend(sv.descendants(r, &[]));
    }
    // Nor do the words of a contrasting adverbial clause with a subject of its own ("said the
    // verdict showed …, while Johnson called it shameful": the shame is Johnson's word; a
    // condition, "threatened to … unless Israel …", still counts).
    for &r in scope.iter().filter(|&&j| {
        rel_is(&sv.toks[j].deprel, "advcl")
            && sv.children(j).any(|c| rel_is(&sv.toks[c].deprel, "nsubj"))
            && sv.children(j).any(|c| {
                rel_is(&sv.toks[c].deprel, "mark")
                    && matches!(
                        sv.toks[c].lower.as_str(),
                        "while" | "whereas" | "although" | "though" | "whilst"
                    )
            })
    }) {
        relative.push(r);
        relative.extend(sv.descendants(r, &[]));
    }
    let mut a = Args {
        scope,
        relative,
        ..Default::default()
    };
    if kind == TriggerKind::Verb {
        let (subj, passive) = subject_of(sv, i, 0);
        a.passive = passive;
        // (no guess by token order past the relative's noun: "he" said it, he did not do it)
        a.settled |= reported_relative_subject(sv, i).is_some();
        // (nor past a relative pronoun's noun: "in the strike, which destroyed a building"
        // has the strike as its doer, whatever actor stands before it)
        a.settled |= rel_is(&sv.toks[i].deprel, "acl")
            && sv.children(i).any(|c| {
                rel_is(&sv.toks[c].deprel, "nsubj")
                    && matches!(sv.toks[c].lower.as_str(), "which" | "that")
            });
        if passive {
            a.subj = subj.clone();
            a.scope.extend(
                subj.iter()
                    .flat_map(|&s| std::iter::once(s).chain(sv.descendants(s, &[]))),
            );
        } else {
            a.subj = subj;
        }
        a.obj = sv.child_with(i, &["obj"]);
        // ("eased by two hours the curfew": the object hangs on the measure)
        if a.obj.is_none() {
            a.obj = measure_by(sv, i).and_then(|m| measure_obj(sv, m));
        }
        // ("called off a strike" with the noun parsed as an open complement of the
        // phrasal verb)
        if a.obj.is_none() && sv.child_with(i, &["compound:prt"]).is_some() {
            a.obj = a.xcomp.filter(|&x| sv.toks[x].upos == Upos::NOUN && x > i);
        }
        a.iobj = sv.child_with(i, &["iobj"]);
        a.xcomp = sv.child_with(i, &["xcomp"]);
        // "ordered the paper to close" with the infinitive misparsed as a purpose clause:
        // after an object-control verb's object it is the open complement
        if a.xcomp.is_none() && object_control(sv, i) {
            if let Some(o) = sv.child_with(i, &["obj"]) {
                a.xcomp = sv
                    .children(i)
                    .find(|&c| c > o && to_infinitive_advcl(sv, c));
            }
        }
        // a particle, also when parsed as an adverb ("forced the traders out")
        a.prt = sv.child_with(i, &["compound:prt"]).or_else(|| {
            sv.children(i).find(|&c| {
                c > i
                    && rel_is(&sv.toks[c].deprel, "advmod")
                    && matches!(
                        sv.toks[c].lower.as_str(),
                        "out" | "off" | "up" | "down" | "away" | "back"
                    )
            })
        });
        // "forced the charity out of the country": "out of" after the object
        if a.prt.is_none() {
            if let Some(o) = a.obj {
                a.prt = sv
                    .children(i)
                    .filter(|&c| c > o && rel_is(&sv.toks[c].deprel, "obl"))
                    .chain(
                        sv.children(o)
                            .filter(|&c| c > o && rel_is(&sv.toks[c].deprel, "nmod")),
                    )
                    .flat_map(|c| sv.children(c).collect::<Vec<_>>())
                    .find(|&k| {
                        rel_is(&sv.toks[k].deprel, "case")
                            && sv.toks[k].lower == "out"
                            && sv.toks.get(k + 1).is_some_and(|n| n.lower == "of")
                    });
            }
        }
    } else {
        // a nominal that is the subject of its clause ("X said the protests were illegal")
        // has no doer earlier in the sentence: token order may give it only a modifier
        // right before it ("Hong Kong protests continue")
        a.clause_subject = rel_is(&sv.toks[i].deprel, "nsubj");
        // nominal: possessor, modifier actors, "by" phrase, else the governing verb's subject
        for c in sv.children(i).collect::<Vec<_>>() {
            let r = sv.toks[c].deprel.as_str();
            if (rel_is(r, "nmod:poss") || r == "amod" || r == "compound")
                && resolve_code_only(cx, c)
                && !cx
                    .cands
                    .iter()
                    .any(|d| d.first <= c && c <= d.last && place_cand(cx, d))
            {
                // a modifier names the actor only with its country ("the Russian attack");
                // "the official visit", "a military attack" name nobody
                if r != "amod" && r != "compound"
                    || resolve(cx, c)
                        .and_then(|x| x.code)
                        .is_some_and(|code| has_country(&code))
                {
                    a.nominal_src.push(c);
                }
            }
        }
        // "the attack by rebels", "a visit by the Kenyan president"
        if a.nominal_src.is_empty() {
            if let Some(c) = sv.children(i).find(|&c| {
                c > i
                    && rel_is(&sv.toks[c].deprel, "nmod")
                    && sv.case_of(c).as_deref() == Some("by")
                    && resolve_code_only(cx, c)
            }) {
                a.nominal_src.push(c);
            }
        }
        if a.nominal_src.is_empty() {
            let mut cur = i;
            for _ in 0..3 {
                let Some(h) = sv.toks[cur].head else { break };
                let r = sv.toks[cur].deprel.as_str();
                // "during the meeting", "after the talks": a time frame, not an argument
                if rel_is(r, "obl") || rel_is(r, "nmod") {
                    if let Some(case) = sv.case_of(cur) {
                        if matches!(
                            case.as_str(),
                            "during"
                                | "after"
                                | "before"
                                | "since"
                                | "until"
                                | "at"
                                | "following"
                                | "amid"
                                | "despite"
                                | "ahead"
                                | "of"
                                | "in"
                        ) {
                            a.settled = !matches!(case.as_str(), "of" | "in" | "at");
                            break;
                        }
                    }
                }
                if rel_is(r, "obj")
                    || rel_is(r, "obl")
                    || rel_is(r, "nsubj:pass")
                    || rel_is(r, "xcomp")
                {
                    if (sv.toks[h].upos == Upos::VERB || !sv.toks[h].tagged)
                        && UNDERGO.iter().any(|v| sv.toks[h].is(v))
                    {
                        // "Wiranto survived the attack", "the UN condemned the attack": the
                        // subject suffered or judged it, it did not do it
                        a.gov_verb = Some(h);
                        a.settled = true;
                        break;
                    }
                    if sv.toks[h].upos == Upos::VERB || !sv.toks[h].tagged {
                        a.subj = subject_of(sv, h, 0).0;
                        a.gov_verb = Some(h);
                        if !a.subj.is_empty() && subject_of(sv, h, 0).1 {
                            // passive governing verb: its agent
                            a.subj = sv
                                .children(h)
                                .filter(|&c| {
                                    rel_is(&sv.toks[c].deprel, "obl")
                                        && sv.case_of(c).as_deref() == Some("by")
                                })
                                .collect();
                        }
                        break;
                    }
                    cur = h;
                } else if rel_is(r, "nmod")
                    || rel_is(r, "conj")
                    || (r == "compound" && sv.toks[h].upos == Upos::NOUN)
                {
                    // "launched a mediation effort": the compound's head noun leads to the verb
                    cur = h;
                } else {
                    break;
                }
            }
        }
    }
    for c in sv.children(i).collect::<Vec<_>>() {
        let r = sv.toks[c].deprel.as_str();
        if rel_is(r, "obl") || rel_is(r, "nmod") || rel_is(r, "obl:agent") {
            if let Some(case) = sv.case_of(c) {
                if case == "by" && a.passive {
                    a.agent = Some(c);
                }
                a.obliques.push((case, c));
            }
        }
    }
    // "the meeting between X and Y", "sanctions on X": also look one level down a "to"/"of" chain
    a
}

/// Constraints checked as if the sentence had no parse (for token-order arguments).
fn constraints_ok_order(sv: &SentView, p: &Pattern, a: &Args) -> bool {
    let mut flat = sv.clone();
    flat.parsed = false;
    constraints_ok(&flat, p, a)
}

/// Is the object (passive: the subject) one the pattern excludes (`!obj=`; `!obj=*`: any)?
fn object_excluded(sv: &SentView, p: &Pattern, a: &Args) -> bool {
    !p.not_obj.is_empty()
        && a.obj
            .or(if a.passive {
                a.subj.first().copied()
            } else {
                None
            })
            .is_some_and(|oj| p.not_obj.iter().any(|x| x == "*") || sv.toks[oj].is_any(&p.not_obj))
}

/// Whether the word right after the trigger is one of `pr` and the case marker of one of
/// the trigger's obliques ("will look into the complaint").
fn prep_particle(sv: &SentView, a: &Args, pr: &[String]) -> bool {
    sv.parsed
        && a.obliques.iter().any(|&(_, h)| {
            // (a noun, not an "-ing" form: "looking into filing charges" weighs an act, it
            // investigates nothing)
            rel_is(&sv.toks[h].deprel, "obl")
                && matches!(sv.toks[h].upos, Upos::NOUN | Upos::PROPN)
                && !sv.toks[h].lower.ends_with("ing")
                && sv.toks[h].head.is_some_and(|t| {
                    sv.toks.get(t + 1).is_some_and(|c| {
                        c.head == Some(h) && rel_is(&c.deprel, "case") && c.is_any(pr)
                    }) && !sv.toks.get(t + 2).is_some_and(|w| w.lower.ends_with("ing"))
                })
        })
}

fn constraints_ok(sv: &SentView, p: &Pattern, a: &Args) -> bool {
    let scope_has = |ls: &[String]| {
        a.scope
            .iter()
            .any(|&j| sv.toks[j].is_any(ls) && !a.relative.contains(&j))
    };
    if let Some(o) = &p.obj {
        let Some(oj) = a.obj.or(if a.passive {
            a.subj.first().copied()
        } else {
            None
        }) else {
            return false;
        };
        if !o.iter().any(|x| x == "*") {
            // the object head, or (token order) any word of its chunk; "a number of sanctions"
            let mut ok = sv.toks[oj].is_any(o);
            if !ok && sv.parsed {
                // (an "of" phrase only: "warrants against the leaders" are no leaders)
                ok = sv.children(oj).any(|c| {
                    rel_is(&sv.toks[c].deprel, "nmod")
                        && sv.case_of(c).is_none_or(|k| k == "of")
                        && sv.toks[c].is_any(o)
                }) || sv
                    .children(oj)
                    .any(|c| rel_is(&sv.toks[c].deprel, "compound") && sv.toks[c].is_any(o));
            }
            if !ok && !sv.parsed {
                let lo = oj.saturating_sub(3);
                let _ = lo;
                ok = a.obj_chunk.iter().any(|&j| sv.toks[j].is_any(o))
                    || (oj + 1..(oj + 3).min(sv.toks.len()))
                        .any(|j| sv.toks[j].is_any(o) && sv.toks[j - 1].lower == "of");
                if !ok && a.obj_chunk.is_empty() {
                    // passive subject: the words of its phrase
                    for j in oj..(oj + 4).min(sv.toks.len()) {
                        let l = sv.toks[j].lower.as_str();
                        if PREPS.contains(&l)
                            || matches!(
                                l,
                                "was"
                                    | "were"
                                    | "is"
                                    | "are"
                                    | "been"
                                    | "be"
                                    | ","
                                    | "."
                                    | "has"
                                    | "have"
                                    | "had"
                            )
                        {
                            break;
                        }
                        if sv.toks[j].is_any(o) {
                            ok = true;
                        }
                    }
                }
            }
            if !ok {
                return false;
            }
        }
    }
    if object_excluded(sv, p, a) {
        return false;
    }
    if let Some(pr) = &p.prt {
        match a.prt {
            Some(j) if sv.toks[j].is_any(pr) => {}
            // the parser's preposition for a particle ("look into the complaint", "into"
            // the case of the verb's oblique, right after the verb)
            _ if prep_particle(sv, a, pr) => {}
            _ => return false,
        }
    }
    if let Some(x) = &p.xcomp {
        match a.xcomp {
            Some(j) if x.iter().any(|l| l == "*") || sv.toks[j].is_any(x) => {}
            _ => return false,
        }
    }
    if let Some(j) = a.xcomp {
        if p.not_xcomp.iter().any(|l| l == "*") || sv.toks[j].is_any(&p.not_xcomp) {
            return false;
        }
    }
    if let Some(h) = &p.has {
        if !scope_has(h) {
            return false;
        }
    }
    if !p.not_has.is_empty() && scope_has(&p.not_has) {
        return false;
    }
    if let Some(l) = &p.subj {
        let heads: Vec<usize> = if a.passive {
            a.agent.into_iter().collect()
        } else {
            a.subj
                .iter()
                .copied()
                .chain(a.nominal_src.iter().copied())
                .collect()
        };
        let ok = heads.iter().any(|&h| {
            if sv.toks[h].is_any(l) {
                return true;
            }
            if sv.parsed {
                sv.descendants(h, &["acl", "acl:relcl", "appos", "conj", "parataxis"])
                    .into_iter()
                    .any(|j| sv.toks[j].is_any(l))
            } else {
                // token order: the words just before the head
                (h.saturating_sub(3)..h).any(|j| sv.toks[j].is_any(l))
            }
        });
        if !ok {
            return false;
        }
    }
    true
}

/// Whether `span` lies in a dateline that opens a paragraph ("CAIRO —", "NAIROBI, July 25
/// (Reuters) -"; [`newsgraph_core::dateline_len`]).
fn dateline_mention(doc: &Document, span: Span) -> bool {
    // (the place and the agency in brackets: "ABUJA, Aug 10 (Reuters) -")
    let p = doc.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    span.start - p <= 80 && span.end <= p + newsgraph_core::dateline_len(&doc.text[p..])
}

/// Candidate actor spans of a sentence: entity mentions, then lexicon phrases elsewhere.
fn actor_cands(doc: &Document, sv: &SentView) -> Vec<ActorCand> {
    let mut out: Vec<ActorCand> = Vec::new();
    let tok_range = |span: Span| -> Option<(usize, usize)> {
        let first = sv
            .toks
            .iter()
            .position(|t| t.span.end > span.start && t.span.start < span.end)?;
        let last = sv
            .toks
            .iter()
            .rposition(|t| t.span.end > span.start && t.span.start < span.end)?;
        Some((first, last))
    };
    for (ei, e) in doc.entities.iter().enumerate() {
        for m in &e.mentions {
            if !sv.span.contains(m.span) {
                continue;
            }
            // a dateline ("CAIRO — Israel and Hamas agreed ...") says where the story was
            // filed, it does not act
            if dateline_mention(doc, m.span) {
                continue;
            }
            if let Some((f, l)) = tok_range(m.span) {
                let code = e
                    .actor
                    .clone()
                    .or_else(|| phrase_code(doc, doc.text.get(m.span.range()).unwrap_or("")));
                out.push(ActorCand {
                    first: f,
                    last: l,
                    code,
                    entity: Some(ei),
                    span: m.span,
                });
            }
        }
    }
    // lexicon scan over uncovered tokens: longest phrase (≤ 4 tokens) that codes
    let covered = |j: usize, out: &Vec<ActorCand>| out.iter().any(|c| c.first <= j && j <= c.last);
    let mut j = 0;
    while j < sv.toks.len() {
        if covered(j, &out) {
            j += 1;
            continue;
        }
        let t = &sv.toks[j];
        let cap = t.text.chars().next().is_some_and(|c| c.is_uppercase());
        if !cap {
            j += 1;
            continue;
        }
        let mut best: Option<(usize, String)> = None;
        for n in (1..=4usize).rev() {
            if j + n > sv.toks.len() || (j..j + n).any(|k| covered(k, &out)) {
                continue;
            }
            // every word must be a name (capitalised) or a lexicon word ("Russian troops")
            if !(j..j + n).all(|k| {
                let t = &sv.toks[k];
                t.text.chars().next().is_some_and(|c| c.is_uppercase())
                    || crate::actors::is_lexicon_word(&t.lower)
                    || (k > j
                        && matches!(
                            t.lower.as_str(),
                            "'s" | "of"
                                | "foreign"
                                | "defence"
                                | "defense"
                                | "interior"
                                | "state"
                                | "prime"
                        ))
            }) {
                continue;
            }
            let span = Span::new(sv.toks[j].span.start, sv.toks[j + n - 1].span.end);
            let phrase = doc.text.get(span.range()).unwrap_or("");
            if dateline_mention(doc, span) {
                continue;
            }
            if let Some(code) = phrase_code(doc, phrase) {
                // prefer the phrase whose extra words add a sector ("Russian troops")
                if best.as_ref().is_none_or(|(_, bc)| code.len() > bc.len()) {
                    best = Some((n, code));
                }
            }
        }
        if let Some((n, code)) = best {
            let span = Span::new(sv.toks[j].span.start, sv.toks[j + n - 1].span.end);
            out.push(ActorCand {
                first: j,
                last: j + n - 1,
                code: Some(code),
                entity: None,
                span,
            });
            j += n;
        } else {
            j += 1;
        }
    }
    out.sort_by_key(|c| (c.first, std::cmp::Reverse(c.last)));
    out
}

/// Sector codes that name no country: such a code alone is not enough for an actor.
const SECTORS: &[&str] = &[
    "GOV", "ACT", "MIL", "COP", "REB", "CVL", "OPP", "MED", "BUS", "JUD", "NGO", "EDU", "LAB",
    "REL", "SPY", "LEG", "CRM", "HLH", "AGR", "ELI", "PTY", "IGO", "UAF", "ENV", "REF", "MOD",
    "RAD", "INS", "SEP",
];

/// A code with a country (or IGO): "RUSMIL", "USA", "IGOUNO"; not a bare sector ("CVL").
pub(crate) fn has_country(code: &str) -> bool {
    code.len() >= 3 && !(code.len() == 3 && SECTORS.contains(&code))
}

fn phrase_code(doc: &Document, phrase: &str) -> Option<String> {
    // a bare sector ("protesters" → CVL) is an actor too, but a country from the fallback
    // lexicon is better
    let code = newsgraph_entities::phrase_actor_code(phrase, doc.date);
    match code {
        Some(c) if has_country(&c) => Some(c),
        other => fallback_phrase_code(phrase).or(other),
    }
}

fn expand_conj(cx: &Ctx, heads: &[usize]) -> Vec<usize> {
    let sv = cx.sv;
    let mut out = Vec::new();
    for &h in heads {
        if !out.contains(&h) {
            out.push(h);
        }
        if sv.parsed {
            for c in sv.children(h) {
                // (a verb coordinated with a name is a misparse, not another actor: "Mali
                // and Burkina Faso, both ruled by military governments, warned …")
                if rel_is(&sv.toks[c].deprel, "conj")
                    && !out.contains(&c)
                    && !(sv.toks[c].upos == Upos::VERB && sv.toks[h].upos != Upos::VERB)
                {
                    out.push(c);
                }
            }
        } else {
            // "France and Germany": "and" + capitalised word right after the head's phrase
            let mut k = h + 1;
            while k < sv.toks.len()
                && sv.toks[k]
                    .text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase())
            {
                k += 1;
            }
            if sv.toks.get(k).is_some_and(|t| t.lower == "and") && k + 1 < sv.toks.len() {
                let n = if sv.toks[k + 1].lower == "the" {
                    k + 2
                } else {
                    k + 1
                };
                if let Some(c) = cx
                    .cands
                    .iter()
                    .filter(|c| c.first == n)
                    .max_by_key(|c| c.last)
                {
                    if !out.contains(&c.last) {
                        out.push(c.last);
                    }
                }
            }
            // "France and Germany criticized": the conjunct before the head's phrase
            if let Some(c) = cx
                .cands
                .iter()
                .filter(|c| c.first <= h && h <= c.last)
                .max_by_key(|c| c.last - c.first)
            {
                let mut a = c.first;
                if a >= 1 && sv.toks[a - 1].lower == "the" {
                    a -= 1;
                }
                if a >= 2 && sv.toks[a - 1].lower == "and" {
                    if let Some(l) = cx
                        .cands
                        .iter()
                        .filter(|d| d.last == a - 2)
                        .max_by_key(|d| d.last - d.first)
                    {
                        if !out.contains(&l.last) {
                            out.push(l.last);
                        }
                    }
                }
            }
        }
    }
    out
}

fn resolve_code_only(cx: &Ctx, h: usize) -> bool {
    resolve(cx, h).is_some_and(|a| a.code.is_some())
}

/// The actors named by the argument whose head is token `h`: one, or several when one
/// mention names several entities ("both leaders").
/// The other entities of the mention that gave `a` its entity, when that mention names
/// several ("both countries", "the two sides"): actors with `a`'s span.
fn co_referents(cx: &Ctx, a: &Actor) -> Vec<Actor> {
    let Some(e) = a.entity else {
        return Vec::new();
    };
    let Some(m) = cx
        .cands
        .iter()
        .find(|c| c.entity == Some(e) && a.span.contains(c.span))
        .map(|c| c.span)
    else {
        return Vec::new();
    };
    let mut out: Vec<Actor> = Vec::new();
    for c in &cx.cands {
        if c.span == m
            && c.entity.is_some()
            && c.entity != Some(e)
            && c.code.as_deref().is_some_and(has_country)
            && !out.iter().any(|o| o.entity == c.entity)
        {
            out.push(Actor {
                entity: c.entity,
                span: a.span,
                code: c.code.clone(),
            });
        }
    }
    out
}

fn resolve_all(cx: &Ctx, h: usize) -> Vec<Actor> {
    let Some(first) = resolve(cx, h) else {
        return vec![];
    };
    let mut out = vec![first.clone()];
    // "Hungarian and Romanian officials": one actor per coordinated nationality adjective
    let sv = cx.sv;
    if sv.parsed {
        let head_text = sv.toks[h].text.as_str();
        // (and "U.S. and Russian officials", with the first a compound)
        for a in sv
            .children(h)
            .filter(|&c| {
                rel_is(&sv.toks[c].deprel, "amod") || rel_is(&sv.toks[c].deprel, "compound")
            })
            .collect::<Vec<_>>()
        {
            let conjs: Vec<usize> = sv
                .children(a)
                .filter(|&c| rel_is(&sv.toks[c].deprel, "conj"))
                .collect();
            if conjs.is_empty() {
                continue;
            }
            let mut each: Vec<Actor> = Vec::new();
            for j in std::iter::once(a).chain(conjs) {
                let phrase = format!("{} {}", sv.toks[j].text, head_text);
                if let Some(code) = phrase_code(cx.doc, &phrase).filter(|c| has_country(c)) {
                    each.push(Actor {
                        entity: None,
                        span: sv.toks[j].span,
                        code: Some(code),
                    });
                }
            }
            if each.len() >= 2 {
                let mut codes: Vec<Option<String>> = Vec::new();
                out = each
                    .into_iter()
                    .filter(|x| {
                        if codes.contains(&x.code) {
                            false
                        } else {
                            codes.push(x.code.clone());
                            true
                        }
                    })
                    .collect();
                return out;
            }
        }
    }
    if first.entity.is_some() {
        for c in &cx.cands {
            if c.span == first.span
                && c.entity.is_some()
                && c.entity != first.entity
                && c.code.as_deref().is_some_and(has_country)
            {
                out.push(Actor {
                    entity: c.entity,
                    span: c.span,
                    code: c.code.clone(),
                });
            }
        }
    }
    out
}

/// Verbs of saying: the speakers of reported clauses (also read by the tree repairs of
/// `view.rs`).
pub(crate) const SAY_VERBS: &[&str] = &[
    "say",
    "declare",
    "insist",
    "state",
    "stress",
    "tell",
    "add",
    "announce",
    "argue",
    "write",
    "reiterate",
    "repeat",
    "emphasize",
    "emphasise",
    "underline",
    "remind",
    "warn",
    "report",
    "claim",
    "confirm",
];

/// The speakers of a reported "must"/"should" clause ("Egypt said the US must mediate"),
/// when the clause is governed by a saying verb (or a "reminder that …" it issues) whose
/// subject is a coded actor.
fn must_sayers(cx: &Ctx, i: usize, start: Option<usize>) -> Option<Vec<Actor>> {
    let sv = cx.sv;
    if !sv.parsed {
        return None;
    }
    let mut v = start?;
    let mut found = false;
    for _ in 0..4 {
        if sv.children(v).any(|c| {
            rel_is(&sv.toks[c].deprel, "aux")
                && matches!(sv.toks[c].lower.as_str(), "must" | "should")
        }) {
            found = true;
            break;
        }
        match sv.toks[v].head {
            Some(h)
                if rel_is(&sv.toks[v].deprel, "xcomp") || rel_is(&sv.toks[v].deprel, "conj") =>
            {
                v = h
            }
            _ => break,
        }
    }
    if !found || v == i && sv.toks[i].upos == Upos::NOUN {
        return None;
    }
    if !(rel_is(&sv.toks[v].deprel, "ccomp") || rel_is(&sv.toks[v].deprel, "acl")) {
        return None;
    }
    let mut g = sv.toks[v].head?;
    // "sent a warning to Libya that it must …"
    if sv.toks[g].upos == Upos::NOUN && rel_is(&sv.toks[g].deprel, "obj") {
        g = sv.toks[g].head?;
    }
    if !(sv.toks[g].is_any(SAY_VERBS) || sv.toks[g].is("issue")) {
        return None;
    }
    let (subj, passive) = subject_of(sv, g, 0);
    if passive {
        return None;
    }
    let out: Vec<Actor> = expand_conj(cx, &subj)
        .into_iter()
        .flat_map(|h| resolve_all(cx, h))
        .filter(|a| a.code.as_deref().is_some_and(has_country))
        .collect();
    (!out.is_empty()).then_some(out)
}

/// The built-in pattern of a reported "must" clause without a trigger of its own.
fn must_clause_pattern() -> &'static Pattern {
    static P: std::sync::OnceLock<Pattern> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        let mut p = parse_patterns(
            "built-in",
            "100 must-clause v:must | Chile said that Peru must change its course.",
        )
        .ok()
        .and_then(|v| v.into_iter().next())
        .expect("the built-in must-clause pattern parses");
        p.tgt = vec!["obj".to_string()];
        p
    })
}

/// The specific appeal (02x) or demand (10x) for a plain appeal ("020") or demand ("100")
/// that governs a cooperative act: the CAMEO 02/03/10 families mirror each other
/// (extradite 063 → intent 0313 → appeal 0213 / demand 1013); None when nothing more
/// specific follows.
fn request_code(gov: &str, inner: &str) -> Option<String> {
    let prefix = match gov {
        "020" => "02",
        "100" => "10",
        _ => return None,
    };
    let s = shift_code(inner, Modality::Intent);
    let rest = s.strip_prefix("03")?;
    let mut cands = vec![format!("{prefix}{rest}")];
    if let Some(r) = rest.get(..1) {
        cands.push(format!("{prefix}{r}"));
        if matches!(r, "8" | "9") {
            // accepting or offering mediation: an appeal / demand for mediation
            cands.push(format!("{prefix}8"));
        }
    }
    cands
        .into_iter()
        .find(|c| c.len() >= 3 && *c != format!("{prefix}0") && cameo(c).is_some())
}

/// The demand (10x) matching what a "must" clause asks for: cooperation → 101, aid → 103,
/// reform → 104, yielding → 105, talks → 106, settlement → 107, mediation → 108, else 100.
fn demand_code(code: &str) -> String {
    let s = shift_code(code, Modality::Intent);
    let rest = s.strip_prefix("03").or_else(|| s.strip_prefix("02"));
    if let Some(rest) = rest {
        for cand in [
            format!("10{rest}"),
            format!("10{}", rest.get(..1).unwrap_or("")),
        ] {
            if cand.len() >= 3 && cameo(&cand).is_some() {
                return cand;
            }
        }
        if rest.starts_with('9') {
            return "108".to_string();
        }
    }
    "100".to_string()
}

/// The country for a bare-sector actor at `span`: the country of an actor in the trigger's
/// "in" phrase, else the only country the sentence names (outside that actor).
fn context_country(cx: &Ctx, args: &Args, span: &Span) -> Option<String> {
    let country_of_code = |c: &str| -> Option<String> {
        if has_country(c) && !international_code(Some(c)) {
            c.get(..3).map(str::to_string)
        } else {
            None
        }
    };
    for (prep, h) in &args.obliques {
        if prep == "in" {
            if let Some(c) = resolve_one(cx, *h)
                .and_then(|a| a.code)
                .and_then(|c| country_of_code(&c))
            {
                return Some(c);
            }
        }
    }
    let mut found: Vec<String> = Vec::new();
    for c in &cx.cands {
        // (a dateline says where the story was filed, not whose actors it names)
        if (c.span.start >= span.start && c.span.end <= span.end)
            || dateline_mention(cx.doc, c.span)
        {
            continue;
        }
        // (an organisation the entity layer could not code names its country: "the Kenya
        // Wildlife Service")
        let org_country = || {
            c.entity
                .filter(|&e| {
                    cx.doc
                        .entities
                        .get(e)
                        .is_some_and(|e| e.etype == newsgraph_core::EntityType::Org)
                })
                .and_then(|_| cx.doc.text.get(c.span.range()))
                .and_then(fallback_phrase_code)
        };
        if let Some(k) = c
            .code
            .clone()
            .or_else(|| {
                if c.code.is_none() {
                    org_country()
                } else {
                    None
                }
            })
            .as_deref()
            .and_then(country_of_code)
        {
            if !found.contains(&k) {
                found.push(k);
            }
        }
    }
    if found.len() == 1 {
        found.pop()
    } else if found.is_empty() {
        document_country(cx.doc)
    } else {
        None
    }
}

/// Whether no actor candidate of the sentence (outside its dateline) has a country code.
/// The country of every country-coded actor the sentence names, when they share one.
fn sentence_single_country(cx: &Ctx) -> Option<String> {
    let mut one: Option<&str> = None;
    for c in &cx.cands {
        let Some(k) = c.code.as_deref() else { continue };
        if dateline_mention(cx.doc, c.span) || !has_country(k) || international_code(Some(k)) {
            continue;
        }
        let k = k.get(..3)?;
        match one {
            None => one = Some(k),
            Some(o) if o == k => {}
            Some(_) => return None,
        }
    }
    one.map(str::to_string)
}

fn sentence_names_no_country(cx: &Ctx) -> bool {
    !cx.cands.iter().any(|c| {
        !dateline_mention(cx.doc, c.span)
            && c.code
                .as_deref()
                .is_some_and(|k| has_country(k) && !international_code(Some(k)))
    })
}

/// The country a document is about, when one clearly is: at least three mentions of coded
/// entities and at least half of all mentions with a country code (IGO and NGO codes left
/// out). A bare sector in a sentence that names no country ("Protest organisers accused the
/// government of corruption" in a story about Serbia) takes it.
fn document_country(doc: &Document) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut total = 0;
    for e in &doc.entities {
        let Some(code) = e.actor.as_deref() else {
            continue;
        };
        if !has_country(code) || international_code(Some(code)) {
            continue;
        }
        let Some(c) = code.get(..3) else { continue };
        let n = e.mentions.len();
        total += n;
        match counts.iter_mut().find(|(k, _)| k == c) {
            Some((_, m)) => *m += n,
            None => counts.push((c.to_string(), n)),
        }
    }
    let (c, n) = counts
        .into_iter()
        .max_by_key(|(k, n)| (*n, std::cmp::Reverse(k.clone())))?;
    (n >= 3 && 2 * n >= total).then_some(c)
}

/// The actor named by the argument whose head is token `h`; a bare sector ("the police",
/// "the leader") takes the country of its own "in/of/from" phrase ("police in Kenya").
fn resolve(cx: &Ctx, h: usize) -> Option<Actor> {
    let mut a = resolve_depth(cx, h, 0)?;
    // a company's workers are labour, not the company ("Boeing factory workers went on
    // strike": USALAB, not USABUS)
    if cx.sv.toks[h].is_any(&["worker", "workers", "employee", "employees", "staff"]) {
        if let Some(c) = a.code.as_deref().filter(|c| c.ends_with("BUS")) {
            a.code = Some(format!("{}LAB", &c[..c.len() - 3]));
        }
    }
    Some(a)
}

fn resolve_depth(cx: &Ctx, h: usize, depth: usize) -> Option<Actor> {
    let Some(a) = resolve_one(cx, h) else {
        // "a spokesman of the Kenyan parliament", "supporters of the Peruvian opposition": the
        // actor of the head's "of" phrase
        let sv = cx.sv;
        // (also "thousands of Iraqi Kurds", "the republic of Slovenia", "a contingent of
        // Bangladeshi troops": a head that names no actor itself)
        if !sv.parsed
            || !matches!(
                sv.toks[h].upos,
                Upos::NOUN | Upos::NUM | Upos::PRON | Upos::PROPN
            )
        {
            return None;
        }
        // the possessor first ("Serbia's crackdown on X" is Serbia's), then the of-phrase,
        // then a by-phrase ("an attack by Iran")
        let poss = sv.children(h).find(|&c| {
            rel_is(&sv.toks[c].deprel, "nmod:poss")
                && !matches!(
                    sv.toks[c].lower.as_str(),
                    "its" | "their" | "his" | "her" | "our" | "my" | "your"
                )
        });
        let of = sv.children(h).find(|&c| {
            rel_is(&sv.toks[c].deprel, "nmod") && sv.case_of(c).is_some_and(|k| k == "of")
        });
        let by = sv.children(h).find(|&c| {
            rel_is(&sv.toks[c].deprel, "nmod") && sv.case_of(c).is_some_and(|k| k == "by")
        });
        // ("dozens of groups of farmers": the chain is followed a few steps)
        let inner = [poss, of, by].into_iter().flatten().find_map(|c| {
            let r = if depth < 3 {
                resolve_depth(cx, c, depth + 1)
            } else {
                resolve_one(cx, c)
            };
            r.filter(|a| a.code.is_some()).map(|a| (c, a))
        });
        let (_, inner) = inner?;
        let span = Span::new(
            sv.toks[h].span.start.min(inner.span.start),
            inner.span.end.max(sv.toks[h].span.end),
        );
        return Some(Actor {
            entity: inner.entity,
            span,
            code: inner.code,
        });
    };
    let a = ethnic_group(cx, a);
    let Some(code) = a.code.as_deref() else {
        return Some(a);
    };
    if has_country(code) {
        return Some(a);
    }
    let sv = cx.sv;
    // "their forces", "its army": the owner named earlier in the sentence
    if sv.parsed {
        if let Some(p) = sv.children(h).find(|&c| {
            rel_is(&sv.toks[c].deprel, "nmod:poss")
                && matches!(sv.toks[c].lower.as_str(), "its" | "their")
        }) {
            let earlier = cx
                .cands
                .iter()
                .filter(|c| c.last < p && c.code.as_deref().is_some_and(has_country))
                .find(|c| (c.first..=c.last).any(|k| rel_is(&sv.toks[k].deprel, "nsubj")));
            // (an ethnic group's country is where it lives: "Bosnian Serbs … their forces")
            let owner = earlier
                .map(|c| {
                    ethnic_group(
                        cx,
                        Actor {
                            entity: c.entity,
                            span: c.span,
                            code: c.code.clone(),
                        },
                    )
                })
                .and_then(|a| a.code)
                .filter(|c| has_country(c));
            if let Some(oc) = owner.as_deref() {
                let country = oc.get(..3).unwrap_or(oc);
                if country != "IGO" {
                    return Some(Actor {
                        entity: a.entity,
                        span: a.span,
                        code: Some(format!("{country}{code}")),
                    });
                }
            }
        }
    }
    let pp: Vec<usize> = if sv.parsed {
        // "police in Kenya", "the army of Chad", and a named possessor ("Israel's Cabinet");
        // "a militia based in Chad"
        let based: Vec<usize> = sv
            .children(h)
            .filter(|&c| {
                rel_is(&sv.toks[c].deprel, "acl")
                    && sv.toks[c].is_any(&["base", "headquarter", "station"])
            })
            .flat_map(|c| {
                sv.children(c)
                    .filter(|&k| {
                        rel_is(&sv.toks[k].deprel, "obl") && sv.case_of(k).as_deref() == Some("in")
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        sv.children(h)
            .filter(|&c| {
                (rel_is(&sv.toks[c].deprel, "nmod")
                    && sv
                        .case_of(c)
                        .is_some_and(|k| matches!(k.as_str(), "in" | "of" | "from")))
                    || (rel_is(&sv.toks[c].deprel, "nmod:poss")
                        && !matches!(
                            sv.toks[c].lower.as_str(),
                            "its" | "their" | "his" | "her" | "our" | "my" | "your"
                        ))
            })
            .chain(based)
            .collect()
    } else {
        let k = h + 1;
        if sv
            .toks
            .get(k)
            .is_some_and(|t| matches!(t.lower.as_str(), "in" | "of" | "from"))
        {
            cx.cands
                .iter()
                .filter(|c| c.first == k + 1 || c.first == k + 2)
                .map(|c| c.last)
                .take(1)
                .collect()
        } else {
            vec![]
        }
    };
    for c in pp {
        if let Some(inner) = resolve_one(cx, c) {
            if let Some(ic) = inner.code.as_deref().filter(|ic| has_country(ic)) {
                let country = ic.get(..3).unwrap_or(ic);
                if country != "IGO" {
                    let span = Span::new(
                        a.span.start.min(inner.span.start),
                        a.span.end.max(inner.span.end),
                    );
                    return Some(Actor {
                        entity: a.entity,
                        span,
                        code: Some(format!("{country}{code}")),
                    });
                }
            }
        }
    }
    // "Kenya sent 300 police officers to …", "the UN deployed monitors": people sent by an
    // actor are that actor's (an international organisation's staff are the organisation)
    if sv.parsed {
        let sender = senders_of(sv, h)
            .first()
            .copied()
            .filter(|&s| s != h)
            .and_then(|s| resolve_one(cx, s));
        if let Some(sc) = sender.and_then(|s| s.code).filter(|c| has_country(c)) {
            let country = sc.get(..3).unwrap_or(&sc);
            let code = if country == "IGO" {
                sc.clone()
            } else {
                format!("{country}{code}")
            };
            return Some(Actor {
                entity: a.entity,
                span: a.span,
                code: Some(code),
            });
        }
        // "the country's new president, Ana Ruiz, …": a title whose apposition names a
        // coded person or body is that actor (whichever word the parser made the head)
        for c in sv.children(h).filter(|&c| sv.toks[c].deprel == "appos") {
            if let Some(ap) =
                resolve_one(cx, c).filter(|ap| ap.code.as_deref().is_some_and(has_country))
            {
                return Some(ap);
            }
        }
        // "the Andean Pact trade ministers agreed …" parsed with the name as the head and the
        // verb as its relative clause, or with the name as a second subject: a name right
        // before the head's phrase that governs the head, or is a subject of the head's own
        // verb, gives it its country (or is the organisation itself)
        let first = sv
            .descendants(
                h,
                &[
                    "acl",
                    "acl:relcl",
                    "appos",
                    "conj",
                    "cc",
                    "punct",
                    "parataxis",
                    "nmod",
                    "advcl",
                ],
            )
            .into_iter()
            .chain([h])
            .min()
            .unwrap_or(h);
        if first > 0 {
            let name = cx
                .cands
                .iter()
                .filter(|c| {
                    c.last + 1 == first
                        && sv.toks[c.first]
                            .text
                            .chars()
                            .next()
                            .is_some_and(|ch| ch.is_uppercase())
                })
                .max_by_key(|c| c.last - c.first);
            let misattached = |c: &&ActorCand| {
                (c.first..=c.last).any(|k| {
                    sv.dominates(k, h)
                        || (sv.toks[k].head == sv.toks[h].head
                            && rel_is(&sv.toks[k].deprel, "nsubj")
                            && rel_is(&sv.toks[h].deprel, "nsubj"))
                })
            };
            if let Some(c) = name
                .filter(|c| misattached(c) && (c.first..=c.last).all(|k| sv.case_of(k).is_none()))
            {
                if let Some(k) = c.code.clone().filter(|k| has_country(k)) {
                    let full = if k.starts_with("IGO") || k.len() > 3 {
                        k
                    } else {
                        format!("{k}{code}")
                    };
                    let span =
                        Span::new(c.span.start.min(a.span.start), a.span.end.max(c.span.end));
                    return Some(Actor {
                        entity: c.entity,
                        span,
                        code: Some(full),
                    });
                }
            }
        }
    }
    Some(a)
}

/// Ethnic groups are coded by where they live (the CAMEO convention), not by the state their
/// name recalls: "ethnic Hungarians" is a bare civilian actor (CVL) whose country comes
/// from the context ("… in Romania"), and a people named with a second nationality
/// ("Bosnian Serbs", "Turkish Kurds") takes that nationality's country.
fn ethnic_group(cx: &Ctx, a: Actor) -> Actor {
    let sv = cx.sv;
    let doc = cx.doc;
    let Some(code) = a.code.as_deref() else {
        return a;
    };
    let Some(e) = a.entity.and_then(|e| doc.entities.get(e)) else {
        return a;
    };
    if e.etype != newsgraph_core::EntityType::Norp
        || !(code.len() == 3 || code.ends_with("CVL"))
        || code.starts_with("IGO")
    {
        return a;
    }
    let Some(f) = sv.toks.iter().position(|t| t.span.start == a.span.start) else {
        return a;
    };
    let l = sv
        .toks
        .iter()
        .rposition(|t| t.span.end == a.span.end)
        .unwrap_or(f);
    // a plural people noun ("Albanians", "Serbs"), not an adjective ("Albanian troops")
    if !sv.toks[l].lower.ends_with('s') {
        return a;
    }
    if f > 0 && sv.toks[f - 1].lower == "ethnic" {
        let span = Span::new(sv.toks[f - 1].span.start, a.span.end);
        return Actor {
            entity: a.entity,
            span,
            code: Some("CVL".to_string()),
        };
    }
    if f > 0 {
        let prev = &sv.toks[f - 1];
        let other = cx.cands.iter().find(|c| {
            c.last == f - 1
                && c.entity
                    .is_some_and(|x| doc.entities[x].etype == newsgraph_core::EntityType::Norp)
        });
        if let Some(k) = other
            .and_then(|c| c.code.as_deref())
            .filter(|k| k.len() == 3 && has_country(k) && !k.starts_with("IGO"))
        {
            if Some(k) != code.get(..3)
                && prev.text.chars().next().is_some_and(|c| c.is_uppercase())
            {
                let start = other.map(|c| c.span.start).unwrap_or(prev.span.start);
                return Actor {
                    entity: a.entity,
                    span: Span::new(start, a.span.end),
                    code: Some(format!("{k}CVL")),
                };
            }
        }
    }
    a
}

fn resolve_one(cx: &Ctx, h: usize) -> Option<Actor> {
    let sv = cx.sv;
    let doc = cx.doc;
    let tok = sv.toks.get(h)?;
    // (a dateline place does not act, whatever the parse makes of it; when the parse hangs
    // the real subject on it as an apposition, "CARACAS, July 30 (Reuters) - Venezuela's
    // opposition rejected …", that one acts)
    if dateline_mention(doc, tok.span) {
        // (an apposition or a conjunct after the dateline: the first that names an actor)
        return sv
            .children(h)
            .filter(|&c| {
                c > h
                    && (rel_is(&sv.toks[c].deprel, "appos") || rel_is(&sv.toks[c].deprel, "conj"))
                    && !dateline_mention(doc, sv.toks[c].span)
            })
            .find_map(|c| resolve_one(cx, c));
    }
    // 1. an entity mention or lexicon phrase covering the head (smallest first)
    let mut best: Option<&ActorCand> = None;
    for c in &cx.cands {
        if c.first <= h && h <= c.last && best.is_none_or(|b| c.last - c.first < b.last - b.first) {
            best = Some(c);
        }
    }
    // (a country inside a person's title is its modifier: "U.S. President Donald Trump …"
    // with "U.S." parsed as the subject is the president)
    let of_type = |c: &ActorCand, t: newsgraph_core::EntityType| {
        c.entity
            .and_then(|e| cx.doc.entities.get(e))
            .is_some_and(|e| e.etype == t)
    };
    let is_person = |c: &ActorCand| of_type(c, newsgraph_core::EntityType::Person);
    if best.is_some_and(|b| !is_person(b)) {
        if let Some(p) = cx
            .cands
            .iter()
            .filter(|c| c.first <= h && h <= c.last && is_person(c) && c.code.is_some())
            .min_by_key(|c| c.last - c.first)
        {
            best = Some(p);
        }
    }
    // (likewise a country naming an institution after it: "Niger junta expels …" with "Niger"
    // parsed as the subject is the junta)
    let is_org = |c: &ActorCand| of_type(c, newsgraph_core::EntityType::Org);
    if best.is_some_and(|b| !is_person(b) && !is_org(b)) {
        if let Some(o) = cx
            .cands
            .iter()
            .filter(|c| {
                c.first == h
                    && c.last > h
                    && is_org(c)
                    && c.code.as_deref().is_some_and(has_country)
            })
            .min_by_key(|c| c.last - c.first)
        {
            best = Some(o);
        }
    }
    // 2. with the parse, a mention inside the head's phrase ("the leader of Russia" → no;
    // "Russia's foreign ministry" → the whole phrase is coded)
    let phrase: Option<(usize, usize)> = if sv.parsed {
        let mut d = sv.descendants(
            h,
            &[
                "acl",
                "acl:relcl",
                "appos",
                "conj",
                "cc",
                "punct",
                "parataxis",
                "case",
                "det",
                "nmod",
                "advcl",
            ],
        );
        d.push(h);
        // (a preposition the parser did not make a case marker ends the phrase: "Israeli
        // forces of killing dozens of people" with "of" as an adverb is "Israeli forces")
        if let Some(cut) = d
            .iter()
            .copied()
            .filter(|&k| {
                k > h && sv.toks[k].upos == Upos::ADP && rel_is(&sv.toks[k].deprel, "advmod")
            })
            .min()
        {
            d.retain(|&k| k < cut);
        }
        Some((*d.iter().min()?, *d.iter().max()?))
    } else {
        None
    };
    if let Some(c) = best {
        // a bare sector ("parliament") waits for its phrase ("Poland's parliament")
        if c.code.as_deref().is_some_and(has_country) || (c.code.is_some() && phrase.is_none()) {
            return Some(Actor {
                entity: c.entity,
                span: c.span,
                code: c.code.clone(),
            });
        }
    }
    if let (Some(c), Some((f, l))) = (best.filter(|c| c.code.is_some()), phrase) {
        let span = Span::new(sv.toks[f].span.start, sv.toks[l].span.end);
        let text = doc.text.get(span.range()).unwrap_or("");
        let sector = c.code.clone().unwrap_or_default();
        // the country of a possessor or modifier inside the phrase
        let country = phrase_code(doc, text)
            .filter(|k| has_country(k))
            .or_else(|| {
                cx.cands
                    .iter()
                    .filter(|d| {
                        d.first >= f && d.last <= l && (d.first, d.last) != (c.first, c.last)
                    })
                    .find_map(|d| d.code.clone().filter(|k| has_country(k)))
            });
        return Some(match country {
            Some(k) if k.starts_with("IGO") || k.len() > 3 => Actor {
                entity: c.entity,
                span,
                code: Some(k),
            },
            Some(k) => Actor {
                entity: c.entity,
                span,
                code: Some(format!("{k}{sector}")),
            },
            None => Actor {
                entity: c.entity,
                span: c.span,
                code: c.code.clone(),
            },
        });
    }
    if let Some((f, l)) = phrase {
        let span = Span::new(sv.toks[f].span.start, sv.toks[l].span.end);
        let text = doc.text.get(span.range()).unwrap_or("");
        if let Some(code) = phrase_code(doc, text) {
            if !has_country(&code) {
                // "Poland's parliament", "Israel's cabinet": the possessor's country
                let poss = sv.children(h).find(|&c| {
                    rel_is(&sv.toks[c].deprel, "nmod:poss")
                        && !matches!(
                            sv.toks[c].lower.as_str(),
                            "its" | "their" | "his" | "her" | "our" | "my"
                        )
                });
                if let Some(pa) = poss.and_then(|c| resolve_one(cx, c)) {
                    if let Some(k) = pa.code.as_deref().filter(|k| has_country(k)) {
                        let country = k.get(..3).unwrap_or(k);
                        let span = Span::new(pa.span.start.min(span.start), span.end);
                        // ("the bloc's foreign ministers": the organisation's own code)
                        let full = if country == "IGO" {
                            k.to_string()
                        } else {
                            format!("{country}{code}")
                        };
                        return Some(Actor {
                            entity: best.and_then(|b| b.entity),
                            span,
                            code: Some(full),
                        });
                    }
                }
                // a named modifier inside the phrase ("the Obama administration"): its country
                let modifier = |k: usize| {
                    sv.toks[k].head == Some(h)
                        && matches!(sv.toks[k].deprel.as_str(), "compound" | "amod")
                };
                if let Some(c) = cx.cands.iter().find(|c| {
                    c.first >= f
                        && c.last <= l
                        && !(c.first <= h && h <= c.last)
                        && (c.first..=c.last).any(modifier)
                        && c.code.as_deref().is_some_and(has_country)
                }) {
                    let k = c.code.clone().unwrap_or_default();
                    let full = if k.starts_with("IGO") {
                        k
                    } else {
                        format!("{}{code}", k.get(..3).unwrap_or(&k))
                    };
                    return Some(Actor {
                        entity: c.entity,
                        span,
                        code: Some(full),
                    });
                }
            }
            return Some(Actor {
                entity: best.and_then(|b| b.entity),
                span,
                code: Some(code),
            });
        }
        // an actor inside the phrase ("the North Korean leader")
        if let Some(c) = cx
            .cands
            .iter()
            .find(|c| c.first >= f && c.last <= l && c.code.is_some())
        {
            let mut code = c.code.clone();
            if let Some(cc) = &code {
                if cc.len() == 3 {
                    // country modifier + sector head: "the Russian army" → RUSMIL
                    if let Some(full) = fallback_phrase_code(text) {
                        code = Some(full);
                    }
                }
            }
            return Some(Actor {
                entity: c.entity,
                span,
                code,
            });
        }
    }
    // 3. first-person pronoun inside a quote: the speaker
    if matches!(tok.lower.as_str(), "we" | "i" | "us" | "me") {
        if let Some(q) = doc.quotes.iter().find(|q| q.span.contains(tok.span)) {
            if let Some(si) = q.speaker {
                let e = doc.entities.get(si)?;
                let code = e.actor.clone().or_else(|| phrase_code(doc, &e.name));
                return Some(Actor {
                    entity: Some(si),
                    span: tok.span,
                    code,
                });
            }
        }
    }
    // "Russia said it would …", "the rebels said they …": a third-person pronoun takes the
    // nearest earlier actor of the same sentence (a subject first), never one from another
    // sentence
    // (also when the entity layer linked the pronoun to an entity it could not code: "the
    // Medical Association (GMA) … said it …")
    let uncoded = matches!(tok.lower.as_str(), "it" | "they")
        && best.is_some_and(|b| {
            b.code.is_none()
                && b.entity.and_then(|e| doc.entities.get(e)).is_some_and(|e| {
                    e.actor.is_none() && e.etype == newsgraph_core::EntityType::Org
                })
        });
    if matches!(tok.lower.as_str(), "it" | "they" | "he" | "she") && (best.is_none() || uncoded) {
        // (not another pronoun: "Russian forces continued their offensive …, where they
        // …" goes back to the forces, not to "their")
        let earlier: Vec<&ActorCand> = cx
            .cands
            .iter()
            .filter(|c| c.last < h && c.code.is_some())
            .filter(|c| !(sv.parsed && (c.first..=c.last).all(|k| sv.toks[k].upos == Upos::PRON)))
            .collect();
        // the nearest earlier subject that agrees with the pronoun, else the nearest earlier
        // actor that agrees ("the premier reminded Suriname that it must …" → Suriname)
        let agrees = |c: &&&ActorCand| {
            // "it" is neither a person nor a plural noun ("officials said it killed …")
            let plural_ok = tok.lower != "it"
                || (c
                    .entity
                    .is_none_or(|e| doc.entities[e].etype != newsgraph_core::EntityType::Person)
                    && !matches!(sv.toks[c.last].xpos.as_str(), "NNS" | "NNPS"));
            let person_ok = !matches!(tok.lower.as_str(), "he" | "she")
                || c.entity
                    .is_some_and(|e| doc.entities[e].etype == newsgraph_core::EntityType::Person);
            plural_ok && person_ok
        };
        let subj = earlier
            .iter()
            .rev()
            .filter(agrees)
            .find(|c| sv.parsed && (c.first..=c.last).any(|k| rel_is(&sv.toks[k].deprel, "nsubj")))
            .or_else(|| earlier.iter().rev().find(agrees));
        if let Some(c) = subj {
            // (the antecedent's whole phrase: "Russian forces …, where they recaptured" is
            // RUSMIL, not the adjective's RUS)
            let mut k = c.last;
            if sv.parsed
                && matches!(
                    sv.toks[k].deprel.as_str(),
                    "amod" | "compound" | "nmod:poss"
                )
            {
                if let Some(hh) = sv.toks[k].head.filter(|&hh| hh < h) {
                    k = hh;
                }
            }
            let code = if sv.parsed && !matches!(sv.toks[k].upos, Upos::PRON) {
                resolve_one(cx, k)
                    .and_then(|a| a.code)
                    .filter(|k| k.starts_with(c.code.as_deref().unwrap_or("")))
                    .or_else(|| c.code.clone())
            } else {
                c.code.clone()
            };
            return Some(Actor {
                entity: c.entity,
                span: tok.span,
                code,
            });
        }
    }
    // a pronoun mention of a known entity
    if let Some(c) = best {
        if let Some(ei) = c.entity {
            let e = &doc.entities[ei];
            if e.mentions
                .iter()
                .any(|m| m.span == c.span && m.kind == MentionKind::Pronoun)
                || e.actor.is_some()
            {
                return Some(Actor {
                    entity: Some(ei),
                    span: c.span,
                    code: e.actor.clone(),
                });
            }
            // an unknown person with a title ("Vice-President Ana Ruiz"): the title's sector,
            // whose country the context may give
            if e.etype == newsgraph_core::EntityType::Person {
                // (the title may precede the mention inside the head's phrase)
                let start = phrase
                    .map(|(f, _)| sv.toks[f].span.start.min(c.span.start))
                    .unwrap_or(c.span.start);
                let text = doc.text.get(start..c.span.end).unwrap_or("");
                if let Some(s) = crate::actors::title_sector(text) {
                    return Some(Actor {
                        entity: Some(ei),
                        span: c.span,
                        code: Some(s.to_string()),
                    });
                }
            }
        }
    }
    None
}

/// Nouns whose "to" clause is an act not (yet) done ("a plot to kill").
const PLANNING_NOUNS: &[&str] = &[
    "plot",
    "plan",
    "attempt",
    "bid",
    "effort",
    "scheme",
    "conspiracy",
    "threat",
    "proposal",
    "call",
    "request",
    // "reserved the right to resume fighting": a possibility, not an act
    "right",
    "option",
    "freedom",
    "authority",
    "permission",
];

/// Nouns whose "for"/"on" phrase is an act only proposed ("a proposal for a ceasefire").
const PROPOSING_NOUNS: &[&str] = &[
    "proposal",
    "plan",
    "call",
    "demand",
    "push",
    "bid",
    "offer",
    "request",
    "appeal",
    "talk",
    "negotiation",
    "hope",
    "prospect",
    "framework",
];

/// Modality cues of the clause of trigger `i`.
fn modality_cues(sv: &SentView, i: usize) -> (Modality, Vec<String>) {
    let mut cues = Vec::new();
    let (mut neg, mut intent, mut threat, mut hypo) = (false, false, false, false);
    // a condition on the act itself ("if he does not resign"): what is negated under it is
    // only supposed, not refused or denied
    let mut cond = false;
    let note = |cues: &mut Vec<String>, w: &str, what: &str| cues.push(format!("{what} '{w}'"));
    let intent_v: Vec<String> = INTENT_VERBS.iter().map(|s| s.to_string()).collect();
    let threat_v: Vec<String> = THREAT_VERBS.iter().map(|s| s.to_string()).collect();
    if sv.parsed {
        // a nominal act that a verb weighs or plans ("the EU is considering new sanctions",
        // "Japan plans sanctions") is intended, one it threatens is threatened
        if sv.toks[i].upos == Upos::NOUN && rel_is(&sv.toks[i].deprel, "obj") {
            if let Some(h) = sv.toks[i].head {
                let g = &sv.toks[h];
                if g.upos == Upos::VERB {
                    if g.is_any(&threat_v) {
                        threat = true;
                        note(&mut cues, &g.text.clone(), "threat verb");
                    } else if g.is_any(&intent_v)
                        || g.is_any(&["consider", "weigh", "mull", "contemplate", "explore"])
                    {
                        intent = true;
                        note(&mut cues, &g.text.clone(), "intent verb");
                    }
                }
            }
        }
        // an act in the "to" clause of a plot, plan, attempt or bid ("a plot to kill the
        // ambassador"), or a nominal act that is only proposed, called for or negotiated ("a
        // proposal for a 30-day ceasefire", "calls for a truce", "talks on a ceasefire"), has
        // not happened
        let t = &sv.toks[i];
        let governing =
            if rel_is(&t.deprel, "acl") && sv.children(i).any(|c| sv.toks[c].lower == "to") {
                Some((PLANNING_NOUNS, "planned act"))
            } else if t.upos == Upos::NOUN && rel_is(&t.deprel, "nmod") {
                Some((PROPOSING_NOUNS, "proposed act"))
            } else {
                None
            };
        if let (Some((nouns, what)), Some(h)) = (governing, t.head) {
            if sv.toks[h].is_any(nouns) {
                hypo = true;
                note(&mut cues, &sv.toks[h].text.clone(), what);
            }
        }
        let mut cur = i;
        // whether `cur` was reached from its open complement
        let mut via_xcomp = false;
        for _ in 0..5 {
            let mut local_neg = false;
            for c in sv.children(cur).collect::<Vec<_>>() {
                let t = &sv.toks[c];
                let r = t.deprel.as_str();
                if rel_is(r, "aux") {
                    match t.lower.as_str() {
                        "will" | "'ll" | "wo" | "shall" | "would" | "'d" => {
                            intent = true;
                            note(&mut cues, &t.text, "future/intent auxiliary");
                        }
                        "could" | "might" | "may" => {
                            hypo = true;
                            note(&mut cues, &t.text, "hypothetical auxiliary");
                        }
                        // "Israel must allow aid in": an obligation, not an act
                        "must" | "should" | "ought" => {
                            hypo = true;
                            note(&mut cues, &t.text, "obligation auxiliary");
                        }
                        _ => {}
                    }
                }
                if (rel_is(r, "advmod") || r == "neg" || rel_is(r, "aux") || rel_is(r, "det"))
                    && matches!(t.lower.as_str(), "not" | "n't" | "never" | "no")
                {
                    local_neg = true;
                    note(&mut cues, &t.text, "negation");
                }
                if rel_is(r, "mark") && matches!(t.lower.as_str(), "if" | "unless") {
                    hypo = true;
                    note(&mut cues, &t.text, "condition");
                    cond = true;
                }
                // "will withdraw its troops unless X …": an announced act made conditional on
                // what another does is a threat
                // (a refusal stays one: "will not lift the ban unless X …" refuses on a
                // condition)
                let refused = sv.children(i).any(|m| {
                    let r = sv.toks[m].deprel.as_str();
                    (rel_is(r, "advmod") || r == "neg")
                        && matches!(sv.toks[m].lower.as_str(), "not" | "n't" | "never")
                });
                if rel_is(r, "advcl")
                    && cur == i
                    && !refused
                    && sv
                        .children(c)
                        .any(|m| rel_is(&sv.toks[m].deprel, "mark") && sv.toks[m].lower == "unless")
                {
                    threat = true;
                    note(&mut cues, "unless", "conditional threat");
                }
            }
            let is_hesitate = sv.toks[cur].is("hesitate");
            if is_hesitate && local_neg {
                threat = true;
                note(&mut cues, "won't hesitate", "threat");
            } else if local_neg {
                neg = true;
            }
            // (also up an open complement: "the right to resume fighting")
            if cur != i
                && rel_is(&sv.toks[cur].deprel, "acl")
                && sv.children(cur).any(|c| sv.toks[c].lower == "to")
            {
                if let Some(h) = sv.toks[cur]
                    .head
                    .filter(|&h| sv.toks[h].is_any(PLANNING_NOUNS))
                {
                    hypo = true;
                    note(&mut cues, &sv.toks[h].text.clone(), "planned act");
                }
            }
            // "failed to allow aid in": the act did not happen (reached from its open
            // complement, not from a verb coordinated with it)
            if cur != i && via_xcomp && sv.toks[cur].is_any(&["fail", "neglect"]) {
                neg = true;
                note(&mut cues, &sv.toks[cur].text.clone(), "failure verb");
            }
            // "ordered him to withdraw his soldiers": asked for, not done
            if cur != i && via_xcomp && sv.toks[cur].is_any(REQUEST_VERBS) {
                hypo = true;
                note(&mut cues, &sv.toks[cur].text.clone(), "requested act");
            }
            // "allowed the rebels to enter the city": let happen, not done
            if cur != i && via_xcomp && sv.toks[cur].is_any(&["allow", "permit", "let", "enable"]) {
                hypo = true;
                note(&mut cues, &sv.toks[cur].text.clone(), "permitted act");
            }
            if cur != i && sv.toks[cur].is_any(&threat_v) {
                threat = true;
                note(&mut cues, &sv.toks[cur].text.clone(), "threat verb");
            } else if cur != i && sv.toks[cur].is_any(&intent_v) && !is_hesitate {
                intent = true;
                note(&mut cues, &sv.toks[cur].text.clone(), "intent verb");
            }
            let r = sv.toks[cur].deprel.clone();
            match sv.toks[cur].head {
                Some(h) if rel_is(&r, "xcomp") || (rel_is(&r, "conj") && cur == i) => {
                    via_xcomp = rel_is(&r, "xcomp");
                    cur = h
                }
                // ("will not allow criminals to destroy property": the "to" clause of an
                // object-control verb parsed as a purpose clause is its open complement)
                Some(h) if to_infinitive_advcl(sv, cur) && object_control(sv, h) => {
                    via_xcomp = true;
                    cur = h
                }
                // (or as a clause of that object: "allowed supporters to protest" with
                // "protest" hung on "supporters")
                Some(h)
                    if rel_is(&r, "acl")
                        && rel_is(&sv.toks[h].deprel, "obj")
                        && sv.children(cur).any(|m| {
                            rel_is(&sv.toks[m].deprel, "mark") && sv.toks[m].lower == "to"
                        })
                        && sv.toks[h].head.is_some_and(|g| object_control(sv, g)) =>
                {
                    via_xcomp = true;
                    cur = sv.toks[h].head.unwrap_or(h)
                }
                _ => break,
            }
        }
    } else {
        let lo = i.saturating_sub(5);
        let mut k = i;
        while k > lo {
            k -= 1;
            let t = &sv.toks[k];
            if matches!(
                t.lower.as_str(),
                "," | ";" | "." | "\"" | "“" | "”" | "and" | "but"
            ) {
                break;
            }
            match t.lower.as_str() {
                "will" | "'ll" | "wo" | "shall" | "would" | "'d" => {
                    intent = true;
                    note(&mut cues, &t.text, "future/intent auxiliary");
                }
                "could" | "might" | "may" => {
                    hypo = true;
                    note(&mut cues, &t.text, "hypothetical auxiliary");
                }
                "must" | "should" | "ought" => {
                    hypo = true;
                    note(&mut cues, &t.text, "obligation auxiliary");
                }
                "not" | "n't" | "never" => {
                    if sv.toks.get(k + 1).is_some_and(|n| n.is("hesitate")) {
                        threat = true;
                        note(&mut cues, "won't hesitate", "threat");
                    } else {
                        neg = true;
                        note(&mut cues, &t.text, "negation");
                    }
                }
                "if" | "unless" => {
                    hypo = true;
                    note(&mut cues, &t.text, "condition");
                    cond = true;
                }
                _ => {
                    if sv.toks.get(k + 1).is_some_and(|n| n.lower == "to") {
                        if t.is_any(&["fail", "neglect"]) {
                            neg = true;
                            note(&mut cues, &t.text, "failure verb");
                        } else if t.is_any(&threat_v) {
                            threat = true;
                            note(&mut cues, &t.text, "threat verb");
                        } else if t.is_any(&intent_v) {
                            intent = true;
                            note(&mut cues, &t.text, "intent verb");
                        }
                    }
                }
            }
        }
        // a condition opening the sentence: "If X attacks, ..."
        if sv
            .toks
            .first()
            .is_some_and(|t| matches!(t.lower.as_str(), "if" | "unless"))
            && (1..i).any(|j| sv.toks[j].lower == ",")
        {
            hypo = true;
            note(&mut cues, "if", "condition");
            cond = true;
        }
    }
    let m = if threat {
        Modality::Threat
    } else if neg && !cond {
        Modality::Negated
    } else if hypo {
        Modality::Hypothetical
    } else if intent {
        Modality::Intent
    } else {
        Modality::Asserted
    };
    (m, cues)
}

fn claimed_by(doc: &Document, trigger: Span) -> Option<usize> {
    doc.quotes
        .iter()
        .filter(|q| q.span.contains(trigger))
        .min_by_key(|q| q.span.len())
        .and_then(|q| q.speaker)
}

fn governing_date(doc: &Document, sv: &SentView, trigger: Span) -> (Option<NaiveDate>, DateSource) {
    if sv.doc_offset.is_some() {
        return newsgraph_time::governing_date(doc, sv.index, trigger);
    }
    // fallback segmentation: the nearest dated time expression in the sentence
    let mut best: Option<(usize, NaiveDate)> = None;
    for t in &doc.times {
        if !sv.span.contains(t.span) {
            continue;
        }
        let Some(v) = &t.value else { continue };
        let Ok(d) = NaiveDate::parse_from_str(v.get(..10).unwrap_or(v), "%Y-%m-%d") else {
            continue;
        };
        let dist = if t.span.start >= trigger.end {
            t.span.start - trigger.end
        } else {
            trigger.start.saturating_sub(t.span.end)
        };
        if best.is_none_or(|(bd, _)| dist < bd) {
            best = Some((dist, d));
        }
    }
    match best {
        Some((_, d)) => (Some(d), DateSource::Text),
        None => (doc.date, DateSource::Document),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Vec<Event> {
        let doc = Document::new("t", text, NaiveDate::from_ymd_opt(2024, 1, 10));
        EventCoder::new()
            .code(&doc)
            .into_iter()
            .map(|(e, _)| e)
            .collect()
    }

    #[test]
    fn modality_cues_and_code_shifts() {
        let e = one("France will send food to Sudan.");
        assert_eq!(e[0].modality, Modality::Intent);
        assert_eq!(e[0].cameo, "0333"); // intended food aid: intent to provide humanitarian aid
        let e = one("Japan plans to impose sanctions on Russia.");
        assert_eq!(e[0].modality, Modality::Intent);
        let e = one("China threatened to impose sanctions on Japan.");
        assert_eq!(
            (e[0].cameo.as_str(), e[0].modality),
            ("1312", Modality::Threat)
        );
        let e = one("Iran did not attack Iraq.");
        assert_eq!(e[0].modality, Modality::Negated);
        let e = one("Turkey could attack Syria.");
        assert_eq!(e[0].modality, Modality::Hypothetical);
        let e = one("Egypt won't hesitate to attack Libya.");
        assert_eq!(
            (e[0].cameo.as_str(), e[0].modality),
            ("138", Modality::Threat)
        );
        let e = one("Germany criticized Poland.");
        assert_eq!(
            (e[0].cameo.as_str(), e[0].modality),
            ("111", Modality::Asserted)
        );
    }

    #[test]
    fn failure_and_obligation_are_not_acts() {
        // "failed to" negates the act; "must"/"should" make it an obligation, not a fact
        let e = one("Egypt failed to release the detained fishermen.");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].modality, Modality::Negated);
        let e = one("Iraq should release the detained fishermen.");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].modality, Modality::Hypothetical);
        let e = one("Iraq released the detained fishermen.");
        assert_eq!(e[0].modality, Modality::Asserted);
    }

    #[test]
    fn coordination_and_passive() {
        let e = one("France and Germany criticized Hungary.");
        let srcs: Vec<_> = e.iter().filter_map(|e| e.source.code.clone()).collect();
        assert!(
            srcs.contains(&"FRA".to_string()) && srcs.contains(&"DEU".to_string()),
            "{srcs:?}"
        );
        let e = one("Georgia was attacked by Russia.");
        assert_eq!(e[0].source.code.as_deref(), Some("RUS"));
        assert_eq!(
            e[0].target.as_ref().and_then(|t| t.code.as_deref()),
            Some("GEO")
        );
    }

    #[test]
    fn no_event_without_source_or_across_sentences() {
        assert!(one("Sanctions were imposed.").is_empty());
        // the actor of one sentence is never the source of the next one's event
        let e = one("Russia is a big country. Attacked at dawn, the town burned.");
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn odd_input_never_panics() {
        for t in [
            "",
            " ",
            "\n\n",
            "...",
            "“”",
            "Ölkrise in Zürich — ça va? 北京 attacked 東京.",
            "attacked",
            "The the the",
            "France's",
            "'s 's",
            "Iran attacked",
            "x\u{0301}y attacked z",
        ] {
            let _ = one(t);
        }
        assert!(plover_of("0é").is_none());
    }

    #[test]
    fn shift_table() {
        assert_eq!(shift_code("042", Modality::Intent), "036");
        assert_eq!(shift_code("163", Modality::Threat), "1312");
        assert_eq!(shift_code("190", Modality::Threat), "138");
        assert_eq!(shift_code("111", Modality::Threat), "111");
        assert_eq!(shift_code("0841", Modality::Intent), "0353");
        assert_eq!(shift_code("082", Modality::Negated), "1242");
        assert_eq!(shift_code("040", Modality::Negated), "125");
        assert_eq!(shift_code("190", Modality::Negated), "190");
        for c in crate::tables::cameo_codes() {
            for m in [Modality::Intent, Modality::Threat, Modality::Negated] {
                assert!(
                    cameo(&shift_code(c.code, m)).is_some(),
                    "{} {:?}",
                    c.code,
                    m
                );
            }
        }
    }
}
