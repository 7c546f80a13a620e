//! The entity component: name spans from the knowledge base and the NER model, then
//! titles and roles, clustering (coreference), descriptions, pronouns and actor codes.

use crate::gazetteer::Gazetteer;
use crate::kb::{Kb, NameRef};
use crate::lexicon::*;
use crate::ner::NerSpan;
use crate::tokens::View;
use chrono::NaiveDate;
use newsgraph_core::{Document, Entity, EntityType, Mention, MentionKind, Span};
use std::collections::HashMap;

/// A name found in the text, before clustering.
#[derive(Debug, Clone)]
struct NameSpan {
    span: Span,
    etype: EntityType,
    kb: Option<NameRef>,
    /// Token range in the view.
    toks: std::ops::Range<usize>,
    from_kb: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Kb(NameRef),
    Capital(String),
    Text(EntityType, String),
    Person(usize),
}

#[derive(Debug, Clone)]
struct Ent {
    name: String,
    etype: EntityType,
    key: Key,
    kb: Option<NameRef>,
    actor: Option<String>,
    role: Option<String>,
    /// Role found in the text (title, apposition), with the sector and country it implies.
    text_role: Option<String>,
    text_sector: Option<String>,
    text_country: Option<String>,
    /// Code of an organisation named in the role ("commander of the Korean People's Army").
    role_org_code: Option<String>,
    /// "spokesman" etc.: the code comes from the organisation in context.
    spokes: bool,
    /// A body without a code was named in the title ("Sea-Eye spokesperson").
    org_seen: bool,
    gender: char,
    mentions: Vec<Mention>,
    /// Token index of the last mention (for salience).
    last_tok: usize,
    /// Number of mentions (salience).
    count: usize,
    /// Mentions of a capital as a place ("in Moscow") and as its government ("Moscow said").
    loc_count: usize,
    gov_count: usize,
}

impl Ent {
    /// An entity without mentions yet: no role, no code unless `actor`.
    fn new(
        name: String,
        etype: EntityType,
        key: Key,
        kb: Option<NameRef>,
        actor: Option<String>,
        gender: char,
    ) -> Ent {
        Ent {
            name,
            etype,
            key,
            kb,
            actor,
            role: None,
            text_role: None,
            text_sector: None,
            text_country: None,
            role_org_code: None,
            spokes: false,
            org_seen: false,
            gender,
            mentions: Vec::new(),
            last_tok: 0,
            count: 0,
            loc_count: 0,
            gov_count: 0,
        }
    }
}

fn etype_of(s: &str) -> EntityType {
    EntityType::parse(s).unwrap_or(EntityType::Org)
}

pub(crate) struct Ctx<'a> {
    pub kb: &'a Kb,
    pub gaz: &'a Gazetteer,
    pub date: Option<NaiveDate>,
}

fn lower(doc: &Document, v: &View, i: usize) -> String {
    doc.text[v.toks[i].span.range()].to_lowercase()
}

fn text_of<'d>(doc: &'d Document, v: &View, i: usize) -> &'d str {
    &doc.text[v.toks[i].span.range()]
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Token range covering a byte span.
fn tok_range(v: &View, span: Span) -> std::ops::Range<usize> {
    let a = v.toks.partition_point(|t| t.span.end <= span.start);
    let b = v.toks.partition_point(|t| t.span.start < span.end);
    a..b.max(a)
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'" | "’")
}

/// Head nouns of organisations: a model organisation holding one of them around a
/// knowledge-base place keeps its whole span ("the University of Colorado").
const ORG_HEADS: &[&str] = &[
    "university",
    "college",
    "institute",
    "institution",
    "school",
    "academy",
    "laboratory",
    "museum",
    "hospital",
    "clinic",
    "department",
    "ministry",
    "office",
    "agency",
    "bureau",
    "service",
    "services",
    "police",
    "court",
    "council",
    "board",
    "commission",
    "committee",
    "authority",
    "administration",
    "assembly",
    "parliament",
    "senate",
    "congress",
    "house",
    "legislature",
    "party",
    "union",
    "association",
    "federation",
    "league",
    "society",
    "foundation",
    "fund",
    "trust",
    "bank",
    "company",
    "corporation",
    "group",
    "airlines",
    "airways",
    "center",
    "centre",
    "army",
    "navy",
    "guard",
    "corps",
    "command",
    "journal",
    "times",
    "post",
    "news",
    "network",
    "radio",
    "television",
    "church",
    "club",
];

/// Korean family names for the name-pattern rule ("Ri Pyong Chol").
const KOREAN_SURNAMES: &[&str] = &[
    "Kim", "Ri", "Lee", "Pak", "Park", "Jo", "Cho", "Choe", "Choi", "Kang", "Jang", "Jong", "Han",
    "O", "Yun", "Yoon", "Hyon", "Hwang", "Ryu", "Chong", "Jon", "Ju", "So", "Song", "Kwon", "Moon",
    "Mun", "Ko", "Rim", "Im", "Paek", "Ryang", "Thae", "Hong", "Nam", "Shin", "Sin", "An", "Yang",
    "Chae", "Kye", "Ho", "Yo", "Choo", "Chung", "Ma",
];

pub(crate) fn run(
    ctx: &Ctx,
    doc: &mut Document,
    ner: &[NerSpan],
    v: &View,
) -> Vec<(Span, EntityType)> {
    let text = doc.text.clone();
    let doc_ref: &Document = doc;
    let mut names: Vec<NameSpan> = Vec::new();

    // 1. Knowledge-base matches.
    for m in ctx.gaz.find(ctx.kb, &text) {
        let Some(r) = m.refs.first().copied() else {
            continue;
        };
        let (_, t, _) = ctx.kb.describe(r, ctx.date);
        let toks = tok_range(v, m.span);
        if toks.is_empty() {
            continue;
        }
        // A country inside an amount ("US$300", "A$5m") is a currency, not a mention.
        let whole = Span::new(v.toks[toks.start].span.start, v.toks[toks.end - 1].span.end);
        if whole != m.span
            && text[whole.range()]
                .chars()
                .any(|c| c.is_ascii_digit() || c == '$')
        {
            continue;
        }
        // A lower-case place name after an article or a possessive is a common noun ("a
        // chihuahua", "my jersey"): informal text writes places in lower case after
        // prepositions ("living in malaysia"), not after determiners.
        if text[m.span.range()].chars().all(|c| !c.is_uppercase())
            && toks.start > 0
            && matches!(
                lower(doc_ref, v, toks.start - 1).as_str(),
                "a" | "an"
                    | "my"
                    | "your"
                    | "his"
                    | "her"
                    | "our"
                    | "their"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "every"
                    | "any"
                    | "some"
                    | "no"
            )
        {
            continue;
        }
        // A demonym used as a plural noun of people ("Russians") stays NORP.
        names.push(NameSpan {
            span: m.span,
            etype: etype_of(t),
            kb: Some(r),
            toks,
            from_kb: true,
        });
    }

    // 1b. News datelines: a place in capitals opening a paragraph ("TEHRAN (AFP) -",
    //     "GAZA CITY, June 3 -").
    add_datelines(ctx, doc_ref, v, &mut names);

    // 2. Rule-based person names the model may miss: title word + capitalised words,
    //    Korean three-part names.
    add_rule_persons(doc_ref, v, &mut names);

    // 3. Model spans that do not clash with knowledge-base or rule matches.
    for s in ner {
        if s.toks.is_empty() || s.toks.end > v.toks.len() {
            continue;
        }
        // A span needs a capitalised word or a digit-letter name ("F-35"); "I" alone is
        // the pronoun.
        let has_name = s.toks.clone().any(|i| {
            let t = text_of(doc_ref, v, i);
            t != "I"
                && t.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
        if !has_name {
            continue;
        }
        // Trim punctuation at the edges ("San Francisco -").
        let punct = |i: usize| text_of(doc_ref, v, i).chars().all(|c| !c.is_alphanumeric());
        let mut toks = s.toks.clone();
        // A separator inside ends the name: "Jo Smith / Acme", "Jo Smith - Analyst".
        if let Some(k) = (toks.start + 1..toks.end.saturating_sub(1)).find(|&k| {
            let t = text_of(doc_ref, v, k);
            matches!(
                t,
                "," | "--" | "/" | "(" | ")" | ":" | ";" | "|" | "[" | "]" | "<" | ">" | "\""
            ) || (t == "-" && crate::lexicon::is_common_word(&lower(doc_ref, v, k + 1)))
        }) {
            toks.end = k;
        }
        while toks.len() > 1 && punct(toks.start) {
            toks.start += 1;
        }
        while toks.len() > 1
            && punct(toks.end - 1)
            && !text_of(doc_ref, v, toks.end - 1).ends_with('.')
        {
            toks.end -= 1;
        }
        // A leading "The" is no name word unless the knowledge base's name has it ("The
        // Hague"): after a dateline ("NAIROBI - The International Criminal Court ...") the
        // model takes it in, and the longer span would replace the knowledge base's name.
        // (capitalised only because it opens the sentence or follows the dateline's dash;
        // elsewhere a capital "The" may belong to the name: "from The Mozilla Foundation")
        let opens = toks.start == 0
            || v.sents.iter().any(|x| x.toks.start == toks.start)
            || matches!(text_of(doc_ref, v, toks.start - 1), "-" | "--" | "—" | "–");
        if toks.len() > 1
            && opens
            && text_of(doc_ref, v, toks.start) == "The"
            && !ctx.kb.names.contains_key(
                &doc_ref.text[v.toks[toks.start].span.start..v.toks[toks.end - 1].span.end],
            )
        {
            toks.start += 1;
        }
        // A single common word at the start of a sentence ("Will", "Thank", "Maybe") is
        // not a name unless the knowledge base knows it.
        if toks.len() == 1 && v.sents.iter().any(|x| x.toks.start == toks.start) {
            let t = text_of(doc_ref, v, toks.start);
            let lw = t.to_lowercase();
            let common = crate::ner::Model::embedded().is_some_and(|m| m.vocab.contains(&lw))
                || crate::lexicon::is_common_word(&lw);
            if common && !ctx.kb.names.contains_key(t) {
                continue;
            }
        }
        // Elsewhere, a lone capitalised common English word ("Email", "Horrible") that the
        // knowledge base does not know is not a name either.
        if toks.len() == 1 {
            let t = text_of(doc_ref, v, toks.start);
            if crate::lexicon::is_common_word(&t.to_lowercase()) && !ctx.kb.names.contains_key(t) {
                continue;
            }
        }
        // An abbreviated day name beside another day ("open Mon, Wed and Sat") is a date.
        if toks.len() == 1 && is_day_abbrev(text_of(doc_ref, v, toks.start)) {
            let lo = toks.start.saturating_sub(3);
            let hi = (toks.start + 4).min(v.toks.len());
            if (lo..hi).any(|k| k != toks.start && is_day_word(text_of(doc_ref, v, k))) {
                continue;
            }
        }
        // Clock words and lone letters ("PM", "K") are not names.
        if toks.len() == 1 {
            let t = text_of(doc_ref, v, toks.start);
            if matches!(t, "PM" | "AM" | "P.M." | "A.M." | "OK" | "TV" | "USD")
                || (t.chars().count() == 1 && !ctx.kb.names.contains_key(t))
            {
                continue;
            }
        }
        // E-mail and web addresses ("jo.smith@example.com", "www.example.org") and
        // company-form words alone ("Inc.", "Pvt. Ltd.") are not names.
        if toks.clone().any(|i| {
            let t = text_of(doc_ref, v, i).to_lowercase();
            (t.contains('@') && t.rsplit('@').next().is_some_and(|d| d.contains('.')))
                || t.starts_with("http")
                || t.starts_with("www.")
        }) {
            continue;
        }
        if toks.clone().all(|i| {
            // ("INC" without a dot is also India's Congress party.)
            matches!(
                text_of(doc_ref, v, i),
                "Inc."
                    | "Inc"
                    | "INC."
                    | "Ltd."
                    | "Ltd"
                    | "LTD."
                    | "LTD"
                    | "Corp."
                    | "CORP."
                    | "Co."
                    | "CO."
                    | "LLC"
                    | "PLC"
                    | "plc"
                    | "Pvt."
                    | "PVT."
                    | "Pvt"
                    | "PVT"
                    | "GmbH"
                    | "S.A."
                    | "L.P."
                    | ","
                    | "."
            )
        }) {
            continue;
        }
        // In a title-cased line ("Great Service And Friendly Staff") capitals say little:
        // a name made only of common English words is dropped.
        if title_cased(doc_ref, v, v.sent_of(toks.start))
            && toks.clone().all(|i| {
                let l = lower(doc_ref, v, i);
                crate::lexicon::is_common_word(&l)
                    || crate::ner::Model::embedded().is_some_and(|m| m.vocab.contains(&l))
                    || !l.chars().any(char::is_alphanumeric)
            })
            && !ctx.kb.names.contains_key(
                &doc_ref.text[v.toks[toks.start].span.start..v.toks[toks.end - 1].span.end],
            )
        {
            continue;
        }
        // Title words alone ("Defence", "Minister") are roles, not names.
        if toks.clone().all(|i| {
            let l = lower(doc_ref, v, i);
            TITLE_WORDS.contains(&l.as_str()) || l == "'s"
        }) {
            continue;
        }
        // Nor is a "person" ending in an office noun ("Labour MP", "Health Minister").
        if s.etype == EntityType::Person
            && matches!(
                lower(doc_ref, v, toks.end - 1).as_str(),
                "mp" | "mps"
                    | "minister"
                    | "secretary"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "senator"
                    | "governor"
                    | "mayor"
                    | "chairman"
                    | "ambassador"
            )
        {
            continue;
        }
        let s = &NerSpan {
            toks,
            etype: s.etype,
            label: s.label,
        };
        let span = Span::new(
            v.toks[s.toks.start].span.start,
            v.toks[s.toks.end - 1].span.end,
        );
        let clash = names.iter().any(|n| n.span.overlaps(span));
        if clash
            && matches!(
                s.etype,
                EntityType::Org | EntityType::Gpe | EntityType::Loc | EntityType::Fac
            )
        {
            // A longer model name that contains knowledge-base places or organisations
            // plus more capitalised name words ("Chicago Symphony Orchestra", "Jerusalem
            // Post", "US Marines") is one name: it replaces them.
            let inside: Vec<usize> = (0..names.len())
                .filter(|&k| names[k].span.overlaps(span))
                .collect();
            let all_inside = inside.iter().all(|&k| {
                let n = &names[k];
                n.from_kb
                    && n.span.start >= span.start
                    && n.span.end <= span.end
                    && n.span != span
                    && matches!(
                        n.kb,
                        Some(
                            NameRef::Country(_)
                                | NameRef::Capital(_)
                                | NameRef::Place(_)
                                | NameRef::Org(_)
                        )
                    )
            });
            // The other words are capitalised name words, not office words; inside a name
            // also a name particle ("Davao del Sur").
            let connector = |i: usize, of: bool| {
                let w = text_of(doc_ref, v, i);
                i > s.toks.start
                    && i + 1 < s.toks.end
                    && (matches!(w, "de" | "del" | "do" | "da" | "du" | "la")
                        || (of && matches!(w, "of" | "for" | "on")))
            };
            let in_kb = |i: usize| {
                let t = &v.toks[i].span;
                inside
                    .iter()
                    .any(|&k| names[k].span.start <= t.start && t.end <= names[k].span.end)
            };
            let mut extra_ok = s.toks.clone().all(|i| {
                in_kb(i) || connector(i, false) || {
                    let w = text_of(doc_ref, v, i);
                    is_cap(w) && !TITLE_WORDS.contains(&lower(doc_ref, v, i).as_str())
                }
            });
            // An organisation with a head noun of its own may also hold office words
            // ("Arizona State University", "Toronto Police", "University of Colorado"); not
            // a coordination ("Italy and Egypt") or a title ending the span ("US Ambassador").
            if !extra_ok && s.etype == EntityType::Org {
                let head = s
                    .toks
                    .clone()
                    .any(|i| !in_kb(i) && ORG_HEADS.contains(&lower(doc_ref, v, i).as_str()));
                let last = s.toks.end - 1;
                let last_ok = in_kb(last)
                    || ORG_HEADS.contains(&lower(doc_ref, v, last).as_str())
                    || !TITLE_WORDS.contains(&lower(doc_ref, v, last).as_str());
                extra_ok = head
                    && last_ok
                    && s.toks
                        .clone()
                        .all(|i| in_kb(i) || connector(i, true) || is_cap(text_of(doc_ref, v, i)));
            }
            // "Mayor of London Sadiq Khan", "First Minister of Scotland Nicola Sturgeon",
            // "Ambassador to the United States Hamdullah Mohib": an office "of"/"to" the place
            // before, and two or more capitalised words after it, are a person.
            let last_kb = inside
                .iter()
                .map(|&k| names[k].toks.end)
                .max()
                .unwrap_or(s.toks.start);
            let first_kb = inside
                .iter()
                .map(|&k| names[k].toks.start)
                .min()
                .unwrap_or(s.toks.start);
            let mut p = first_kb;
            if p > 0 && lower(doc_ref, v, p - 1) == "the" {
                p -= 1;
            }
            let office_before = p >= 2
                && matches!(lower(doc_ref, v, p - 1).as_str(), "of" | "to" | "for")
                && (OFFICE_WORDS.contains(&lower(doc_ref, v, p - 2).as_str())
                    || TITLE_WORDS.contains(&lower(doc_ref, v, p - 2).as_str()));
            let rest = last_kb..s.toks.end;
            if all_inside
                && first_kb == s.toks.start
                && office_before
                && rest.len() >= 2
                && rest.clone().all(|i| {
                    is_cap(text_of(doc_ref, v, i))
                        && !ORG_HEADS.contains(&lower(doc_ref, v, i).as_str())
                })
            {
                let span = Span::new(v.toks[rest.start].span.start, v.toks[rest.end - 1].span.end);
                names.push(NameSpan {
                    span,
                    etype: EntityType::Person,
                    kb: None,
                    toks: rest,
                    from_kb: false,
                });
                continue;
            }
            if all_inside && extra_ok {
                let mut k = 0;
                names.retain(|_| {
                    let keep = !inside.contains(&k);
                    k += 1;
                    keep
                });
                names.push(NameSpan {
                    span,
                    etype: s.etype,
                    kb: None,
                    toks: s.toks.clone(),
                    from_kb: false,
                });
            }
            continue;
        }
        if clash {
            // Keep a model ORG/PERSON that strictly contains a KB place/demonym only when
            // the KB match is at its start and followed by a possessive or more name
            // words ("Munitions Industry Department" is separate from "North Korea").
            continue;
        }
        names.push(NameSpan {
            span,
            etype: s.etype,
            kb: None,
            toks: s.toks.clone(),
            from_kb: false,
        });
    }

    // 3b. Given names (data/ner/first-names.txt): a lone one typed as a place or
    //     organisation is a person; one the model missed starts a person's name.
    add_first_names(ctx, doc_ref, v, &mut names);
    // 3c. Given names written in lower case by a writer who does not capitalise ("ask tom or
    //     rita about the keys").
    add_lowercase_given_names(ctx, doc_ref, v, &mut names);
    // 3d. Names in sentences written all in lower case, found by the tagger on a copy with
    //     the rare words capitalised ("moving to dumaguete next month").
    add_lowercase_sentence_names(ctx, doc_ref, v, &mut names);
    // 3e. US state abbreviations in addresses ("Dayton, OH").
    add_us_state_codes(ctx, doc_ref, v, &mut names);

    names.sort_by_key(|n| (n.span.start, std::cmp::Reverse(n.span.end)));
    // Remove overlaps: keep the earlier, longer one.
    let mut kept: Vec<NameSpan> = Vec::new();
    for n in names {
        if let Some(last) = kept.last() {
            if last.span.overlaps(n.span) {
                continue;
            }
        }
        kept.push(n);
    }
    let mut names = kept;

    // Arabic and Hebrew name particles split off by the tokenizer ("Muqtada al-Sadr",
    // "al - Qaeda", "Abdul Wahhab al-Janabi") belong to the name.
    join_name_particles(ctx, doc_ref, v, &mut names);
    join_on_for_names(doc_ref, v, &mut names);
    // A title or greeting the model put at the start of a place or organisation before a
    // name ("PM Allawi", "Good Morning Debra", "Dr Mcdonald") makes that name a person.
    titled_non_persons(ctx, doc_ref, v, &mut names);
    // A one-word name the model took for a place or organisation is a person in a person's
    // slot: after a kin word ("her cousin Marisol"), coordinated with the first person
    // ("Tomasz and I", "me and Ilse"), or after a verb of talking or writing to someone
    // ("I spoke to Gwendal about it").
    person_slots(ctx, doc_ref, v, &mut names);
    titled_and_apposed_persons(doc_ref, v, &mut names);
    // A sentence that opens by addressing someone the tagger did not take for a name
    // ("Tarvin , you rock !") names a person.
    addressed_persons(ctx, doc_ref, v, &mut names);
    // "the North" and "the South" in an article about North and South Korea (or South
    // Sudan, North Macedonia) are those countries.
    north_and_south(ctx, doc_ref, v, &mut names);
    // "the rights group Foro Penal", "the militia Wagner": a name after a lower-case noun
    // for an organisation is one.
    named_by_org_noun(doc_ref, v, &mut names);
    // Headings of reviews and forms made of common words ("Terrible Customer Service") and
    // drawn-out words ("Sooo", "Yummm") are no names.
    drop_non_names(ctx, doc_ref, v, &mut names);
    // A company's legal form after a comma belongs to its name ("Kestrel Mining, Inc.").
    add_company_forms(doc_ref, v, &mut names);
    // The department of an office before a name is no part of it ("Minister of Education
    // Dana Kowal", "Secretary of State Jo Lin").
    department_titles(ctx, doc_ref, v, &mut names);
    // A national section of an international NGO is one organisation ("Amnesty
    // International Kenya said ...", not Amnesty International plus Kenya).
    national_sections(ctx, &mut names);

    // Strip title words and possessives that the model included in person spans.
    for n in names.iter_mut() {
        if n.etype == EntityType::Person && !n.from_kb {
            while n.toks.len() > 1 {
                let w = lower(doc_ref, v, n.toks.start);
                // (the Chinese family name "He" after a title, mid-sentence: "Vice Premier He
                // Lifeng" is no pronoun)
                let a = n.toks.start;
                let surname_he = text_of(doc_ref, v, a) == "He"
                    && a > 0
                    && v.sent_of(a - 1) == v.sent_of(a)
                    && is_cap(text_of(doc_ref, v, a - 1))
                    && TITLE_WORDS.contains(&lower(doc_ref, v, a - 1).as_str());
                if surname_he {
                    break;
                }
                let common_start =
                    crate::lexicon::is_common_word(&w) && !crate::lexicon::is_first_name(&w);
                if TITLE_WORDS.contains(&w.as_str())
                    || is_determiner(&w)
                    || common_start
                    || matches!(
                        w.as_str(),
                        "dear"
                            | "hey"
                            | "hi"
                            | "hello"
                            | "thanks"
                            | "like"
                            | "aunt"
                            | "uncle"
                            | "drs."
                            | "pm"
                            | "p.s."
                            | "ps"
                            | "doctor"
                            | "professor"
                            | "prof"
                            | "prof."
                    )
                    || ctx
                        .kb
                        .names
                        .get(text_of(doc_ref, v, n.toks.start))
                        .is_some_and(|r| matches!(r[0], NameRef::Demonym(_)))
                {
                    n.toks.start += 1;
                } else {
                    break;
                }
            }
        }
        while n.toks.len() > 1 && is_possessive(text_of(doc_ref, v, n.toks.end - 1)) {
            n.toks.end -= 1;
        }
        n.span = Span::new(
            v.toks[n.toks.start].span.start,
            v.toks[n.toks.end - 1].span.end,
        );
    }
    // The pronoun "I" after a name ("Dan I for one", "as Glenford I said") and the
    // digits of a phone extension after a person's name are not part of the name.
    trim_name_ends(ctx, doc_ref, v, &mut names);
    // What the stripping leaves of "P.S. I" or "Glad I" is the pronoun.
    // What is left of a greeting to a group ("Dear All", "Hi Everyone") is no person.
    names.retain(|n| {
        n.from_kb
            || n.toks.len() != 1
            || !matches!(
                text_of(doc_ref, v, n.toks.start),
                "I" | "All" | "Everyone" | "Everybody"
            )
    });
    // Nor is a title word the stripping left alone ("Chief Cabinet Secretary" -> "Secretary").
    names.retain(|n| {
        n.from_kb
            || n.etype != EntityType::Person
            || n.toks.len() != 1
            || !OFFICE_WORDS.contains(&lower(doc_ref, v, n.toks.start).as_str())
    });
    // A lone capitalised common word the model took for a person ("Best Burger in town",
    // "Simplicity wins") is none unless another name of the text holds it ("Rice" after
    // "Condoleezza Rice").
    drop_common_word_names(ctx, doc_ref, v, &mut names);
    // Elliptical possessives name a business (a restaurant, a shop), whose name includes the
    // possessive: after a place preposition ("dinner at Del Frisco's tonight", "going to
    // Kenneally's for lunch"), as the subject of a verb ("after Corbett's declined the order",
    // "McDonald's said"), or before a business noun ("Marco's Bakery"). The possessive must end
    // the phrase (punctuation, the end or a function word follows) or be followed by a
    // verb, so "a letter to Smith's lawyer" and "from Biden's White House" stay people. Web
    // text often drops the apostrophe ("Carla s", "Hobson s is"): a lone "s" after a name
    // is the same possessive.
    for n in names.iter_mut() {
        if n.from_kb {
            continue;
        }
        let e = n.toks.end;
        if e >= v.toks.len()
            || !v
                .sents
                .iter()
                .any(|s| s.toks.contains(&n.toks.start) && s.toks.contains(&e))
        {
            continue;
        }
        let pos_tok = text_of(doc_ref, v, e);
        let bare_s = pos_tok == "s" && v.toks[e].span.start > v.toks[e - 1].span.end;
        if !(matches!(pos_tok, "'s" | "’s")
            && matches!(n.etype, EntityType::Person | EntityType::Org)
            || bare_s)
        {
            continue;
        }
        // A person the knowledge base knows stays a person ("Putin's").
        if matches!(n.kb, Some(NameRef::Person(_)))
            || kb_short(ctx, &text[n.span.range()]).is_some()
        {
            continue;
        }
        let after = v.toks.get(e + 1).filter(|_| {
            v.sents
                .iter()
                .any(|s| s.toks.contains(&e) && s.toks.contains(&(e + 1)))
        });
        let next = after.map(|t| &doc_ref.text[t.span.range()]);
        let next_x = after.map(|t| t.xpos.as_str()).unwrap_or("");
        let ends = match next {
            None => true,
            Some(w) => {
                !w.chars().next().is_some_and(char::is_alphanumeric)
                    || matches!(
                        w,
                        "in" | "on"
                            | "at"
                            | "for"
                            | "and"
                            | "or"
                            | "but"
                            | "with"
                            | "tonight"
                            | "today"
                            | "tomorrow"
                            | "last"
                            | "next"
                            | "this"
                            | "yesterday"
                    )
            }
        };
        let prev = n
            .toks
            .start
            .checked_sub(1)
            .map(|i| lower(doc_ref, v, i))
            .unwrap_or_default();
        let place_prep = matches!(prev.as_str(), "at" | "to" | "from" | "near");
        // "Corbett's declined": a possessive (not "is") followed by a finite verb.
        let poss_tag = v.toks[e].xpos == "POS" || bare_s;
        let verb_after = poss_tag && matches!(next_x, "VBD" | "VBZ" | "VBP" | "MD")
            || bare_s
                && next.is_some_and(|w| {
                    matches!(
                        w,
                        "is" | "was"
                            | "has"
                            | "had"
                            | "are"
                            | "were"
                            | "will"
                            | "would"
                            | "does"
                            | "did"
                            | "can"
                    )
                });
        // "Marco's Bakery", "Dunn s Tire Service": capitalised business words after it.
        let mut head_end = e + 1;
        if let Some(w) = next {
            if is_cap(w) && BUSINESS_NOUNS.contains(&w.to_lowercase().as_str()) {
                head_end = e + 2;
                while head_end < v.toks.len()
                    && v.sents
                        .iter()
                        .any(|s| s.toks.contains(&e) && s.toks.contains(&head_end))
                    && is_name_word(text_of(doc_ref, v, head_end))
                    && head_end < e + 4
                {
                    head_end += 1;
                }
            }
        }
        let (end, etype) = if head_end > e + 1 {
            (head_end, EntityType::Org)
        } else if place_prep && ends {
            (e + 1, EntityType::Fac)
        } else if verb_after {
            (e + 1, EntityType::Org)
        } else if bare_s && ends {
            (
                e + 1,
                if place_prep || matches!(prev.as_str(), "," | ":" | "like" | "than") {
                    EntityType::Fac
                } else {
                    EntityType::Org
                },
            )
        } else {
            continue;
        };
        n.toks.end = end;
        n.etype = etype;
        n.span = Span::new(v.toks[n.toks.start].span.start, v.toks[end - 1].span.end);
    }
    // Split hyphenated person pairs: "Kim-Putin".
    let mut split: Vec<NameSpan> = Vec::new();
    let person_words: Vec<String> = names
        .iter()
        .filter(|n| n.etype == EntityType::Person)
        .flat_map(|n| {
            text[n.span.range()]
                .split([' ', '-'])
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    for n in names {
        let t = &text[n.span.range()];
        if !n.from_kb && t.contains('-') && !t.contains(' ') {
            let parts: Vec<&str> = t.split('-').collect();
            let known = |p: &str| {
                person_words.iter().filter(|w| w.as_str() == p).count()
                    >= 1 + usize::from(n.etype == EntityType::Person)
                    || !ctx.kb.people_with_short(p).is_empty()
            };
            if parts.len() == 2 && parts.iter().all(|p| is_cap(p) && known(p)) {
                let mut off = n.span.start;
                for p in parts {
                    let sp = Span::new(off, off + p.len());
                    off += p.len() + 1;
                    split.push(NameSpan {
                        span: sp,
                        etype: EntityType::Person,
                        kb: None,
                        toks: n.toks.clone(),
                        from_kb: false,
                    });
                }
                continue;
            }
        }
        split.push(n);
    }
    let mut names = split;
    // Items of one list share a type: a model name among places is a place ("Leeds,
    // Kelowna, Winnipeg and Tulsa"), among businesses a business.
    unify_list_types(doc_ref, v, &mut names);
    // Oceans, planets, religions and recurring events the model takes for countries.
    retype_common_kinds(doc_ref, v, &mut names);
    places_named_as_such(doc_ref, v, &mut names);
    // Two organisations joined by "and" are two names ("Faleolo District Hospital and
    // Leulumoega District Hospital").
    split_coordinated_orgs(doc_ref, v, &mut names);
    orgs_of_places(doc_ref, v, &mut names);
    // "the National Emergency Operation Centre (NEOC)": the acronym names the same body.
    let acronyms = acronym_definitions(doc_ref, v, &mut names);
    let name_spans: Vec<(Span, EntityType)> = names.iter().map(|n| (n.span, n.etype)).collect();

    // 4. Cluster names into entities.
    let mut ents: Vec<Ent> = Vec::new();
    let mut key_index: HashMap<Key, usize> = HashMap::new();
    for n in &names {
        let surface = text[n.span.range()].to_string();
        // An acronym the text defines takes the key of its long name.
        let def = (n.toks.len() == 1)
            .then(|| acronyms.get(&surface))
            .flatten()
            .and_then(|&k| names.get(k));
        let renamed;
        let n = match def {
            Some(long) => {
                renamed = NameSpan {
                    span: n.span,
                    etype: long.etype,
                    kb: long.kb,
                    toks: n.toks.clone(),
                    from_kb: long.from_kb,
                };
                &renamed
            }
            None => n,
        };
        // "the Congress party", then "Congress leader Rahul Gandhi": a one-word
        // organisation name that the knowledge base reads as another body (the US Congress)
        // is the organisation named before with that word in a longer name
        let bare = surface.trim_start_matches("the ");
        let word_org = match n.kb {
            Some(r @ NameRef::Org(_)) if !bare.contains(' ') => {
                earlier_org_with_word(doc_ref, &ents, bare, Some(r))
            }
            _ => None,
        };
        let (key, kbref, name, etype) = match (def, n.kb) {
            (Some(long), None) => {
                let norm = text[long.span.range()]
                    .trim_start_matches("the ")
                    .trim_start_matches("The ")
                    .to_string();
                (Key::Text(long.etype, norm.clone()), None, norm, long.etype)
            }
            (_, kb) => match kb {
                Some(NameRef::Capital(c)) => {
                    // "MOSCOW" in a dateline is Moscow.
                    let name = ctx.kb.countries[c]
                        .capitals
                        .iter()
                        .find(|x| x.to_lowercase() == surface.to_lowercase())
                        .cloned()
                        .unwrap_or_else(|| surface.clone());
                    (Key::Capital(name.clone()), n.kb, name, EntityType::Gpe)
                }
                Some(_) if word_org.is_some() => {
                    let e = word_org.unwrap_or(0);
                    (
                        ents[e].key.clone(),
                        ents[e].kb,
                        ents[e].name.clone(),
                        EntityType::Org,
                    )
                }
                Some(r) => {
                    let (name, t, _) = ctx.kb.describe(r, ctx.date);
                    let name = if matches!(r, NameRef::Demonym(_)) {
                        surface.trim_end_matches('s').to_string()
                    } else {
                        name
                    };
                    let key = match r {
                        NameRef::Person(i) => Key::Person(i),
                        _ => Key::Kb(r),
                    };
                    (key, Some(r), name, etype_of(t))
                }
                None if n.etype == EntityType::Person => {
                    // Name parts of an earlier person ("Putin" → "Vladimir Putin"; "Kim" → the
                    // most salient Kim).
                    if let Some(e) = match_person(&ents, &surface) {
                        let key = ents[e].key.clone();
                        (key, ents[e].kb, ents[e].name.clone(), EntityType::Person)
                    } else if let Some(pi) = kb_short(ctx, &surface) {
                        (
                            Key::Person(pi),
                            Some(NameRef::Person(pi)),
                            ctx.kb.people[pi].name.clone(),
                            EntityType::Person,
                        )
                    } else {
                        (
                            Key::Text(EntityType::Person, surface.clone()),
                            None,
                            surface.clone(),
                            EntityType::Person,
                        )
                    }
                }
                None if !n.from_kb
                    && n.etype != EntityType::Person
                    && !surface.contains(' ')
                    && match_person(&ents, &surface).is_some() =>
                {
                    let e = match_person(&ents, &surface).unwrap_or(0);
                    (
                        ents[e].key.clone(),
                        ents[e].kb,
                        ents[e].name.clone(),
                        EntityType::Person,
                    )
                }
                // "the Commission" after "the European Commission": the organisation named
                // before by that head noun
                None if !n.from_kb
                    && n.etype == EntityType::Org
                    && match_org_head(&ents, &surface).is_some()
                    && n.toks.start > 0
                    && lower(doc_ref, v, n.toks.start - 1) == "the" =>
                {
                    let e = match_org_head(&ents, &surface).unwrap_or(0);
                    (
                        ents[e].key.clone(),
                        ents[e].kb,
                        ents[e].name.clone(),
                        EntityType::Org,
                    )
                }
                None => {
                    let norm = surface
                        .trim_start_matches("the ")
                        .trim_start_matches("The ")
                        .to_string();
                    (Key::Text(n.etype, norm.clone()), None, norm, n.etype)
                }
            },
        };
        let idx = match key_index.get(&key) {
            Some(&i) => i,
            None => {
                let gender = match kbref {
                    Some(NameRef::Person(i)) => ctx.kb.people[i].gender,
                    _ if etype == EntityType::Person => guess_gender(&name),
                    _ => '?',
                };
                ents.push(Ent::new(name, etype, key.clone(), kbref, None, gender));
                key_index.insert(key, ents.len() - 1);
                ents.len() - 1
            }
        };
        let mut span = n.span;
        let toks = tok_range(v, n.span);
        // Capitals: locative use ("in Moscow") keeps the country code.
        if matches!(kbref, Some(NameRef::Capital(_))) {
            // A capital names its government when it acts ("Moscow would help",
            // "Washington on Wednesday announced"), the place after a preposition or
            // article ("in Moscow", "the London attack") or before a name ("London Bridge").
            let prev = toks.start.checked_sub(1).map(|i| lower(doc_ref, v, i));
            let next = (toks.end < v.toks.len()).then(|| text_of(doc_ref, v, toks.end));
            let loc = matches!(
                prev.as_deref(),
                Some(
                    "in" | "at"
                        | "near"
                        | "from"
                        | "to"
                        | "outside"
                        | "around"
                        | "across"
                        | "into"
                        | "toward"
                        | "towards"
                        | "of"
                        | "the"
                        | "a"
                        | "an"
                        | "through"
                        | "via"
                        | "over"
                        | "central"
                        | "downtown"
                        | "suburban"
                )
            ) || next.is_some_and(|t| is_cap(t) || t == "-");
            // A dateline ("LONDON (Reuters) -", "MOSCOW, June 3 -") names the place.
            let first_of_sentence = v.sents.iter().any(|x| x.toks.start == toks.start);
            let dateline = first_of_sentence
                && surface.chars().any(char::is_uppercase)
                && !surface.chars().any(char::is_lowercase)
                && next.is_some_and(|t| matches!(t, "(" | "," | "-" | "–" | "—"));
            if loc || dateline {
                ents[idx].loc_count += 1;
            } else {
                ents[idx].gov_count += 1;
            }
        }
        // Titles and roles of people.
        if etype == EntityType::Person && !toks.is_empty() {
            let t = titles(ctx, doc_ref, v, toks.clone(), &ents, idx);
            span.start = span.start.min(t.start);
            let e = &mut ents[idx];
            if t.role.is_some() && (e.text_role.is_none() || t.office) {
                e.text_role = t.role;
            }
            if t.sector.is_some() {
                e.text_sector = t.sector;
            }
            if t.country.is_some() {
                e.text_country = t.country;
            }
            if t.org_code.is_some() {
                e.role_org_code = t.org_code;
            }
            e.spokes |= t.spokes;
            e.org_seen |= t.org_seen;
            if e.gender == '?' {
                e.gender = t.gender;
            }
        }
        // "the" before organisations and countries ("the Kremlin", "the DPRK").
        let the_ok =
            etype == EntityType::Org || (etype == EntityType::Gpe && takes_article(&surface));
        let hyphen_after = toks.end < v.toks.len()
            && matches!(text_of(doc_ref, v, toks.end), "-" | "–")
            && v.toks[toks.end].span.start == n.span.end;
        if the_ok && !hyphen_after && toks.start > 0 {
            let p = lower(doc_ref, v, toks.start - 1);
            if p == "the" {
                span.start = v.toks[toks.start - 1].span.start;
            }
        }
        let e = &mut ents[idx];
        e.mentions.push(Mention {
            span,
            kind: MentionKind::Name,
        });
        e.last_tok = toks.start;
        e.count += 1;
    }

    // Bare name parts of known people: "Putin" → Vladimir Putin, "Kim" → the most
    // salient Kim, "Kim-Putin" → two people.
    name_parts(doc_ref, v, &mut ents);
    // A surname before the full name ("Putin and Kim meet" in a headline, then "Kim Jong
    // Un"): the earlier one-word person joins the full name.
    early_short_names(&mut ents);
    // "Labour" after "the Labour Party", "Gazprom" beside "Gazprom Corporation".
    org_short_forms(doc_ref, &mut ents);

    // 5. Organisation noun phrases: "the state-run KCNA news agency", "North Korea's
    //    Munitions Industry Department".
    extend_org_mentions(ctx, doc_ref, v, &mut ents);

    // 6. Nationality + institution noun: "The Russian army" → RUSMIL.
    institutions(ctx, doc_ref, v, &mut ents, &mut key_index);

    // 7. Actor codes and roles.
    assign_codes(ctx, doc_ref, v, &mut ents);

    // 8. Descriptions ("the North Korean leader", "the Kremlin boss") and plurals.
    descriptions(ctx, doc_ref, v, &mut ents);

    // 9. Pronouns.
    pronouns(doc_ref, v, &mut ents);
    organisation_anaphora(doc_ref, v, &mut ents);
    institution_anaphora(doc_ref, v, &mut ents);
    unnamed_institutions(ctx, doc_ref, v, &mut ents);

    // Output.
    let mut out: Vec<Entity> = ents
        .into_iter()
        .filter(|e| !e.mentions.is_empty())
        .map(|mut e| {
            e.mentions.sort_by_key(|m| (m.span.start, m.span.end));
            e.mentions.dedup_by_key(|m| m.span);
            Entity {
                name: e.name,
                etype: e.etype,
                actor: e.actor,
                role: e.role,
                mentions: e.mentions,
            }
        })
        .collect();
    out.sort_by_key(|e| e.mentions.first().map(|m| m.span.start).unwrap_or(0));
    doc.entities = out;
    name_spans
}

/// Natural features and celestial bodies: places without a government (LOC).
const NATURAL_PLACES: &[&str] = &[
    "Atlantic",
    "Pacific",
    "Arctic",
    "Antarctic",
    "Antarctica",
    "Mediterranean",
    "Caribbean",
    "Earth",
    "Mars",
    "Jupiter",
    "Saturn",
    "Sahara",
    "Himalayas",
    "Alps",
    "Andes",
    "Balkans",
    "Atlantic Ocean",
    "Pacific Ocean",
    "Indian Ocean",
    "Arctic Ocean",
];

/// Religions and movements (NORP, as nationalities and groups are).
const RELIGIONS: &[&str] = &[
    "Islam",
    "Christianity",
    "Judaism",
    "Buddhism",
    "Hinduism",
    "Sikhism",
    "Catholicism",
    "Protestantism",
    "Scientology",
    "Shia Islam",
    "Sunni Islam",
];

/// Recurring events and festivals (EVENT).
const EVENT_NAMES: &[&str] = &[
    "Brexit",
    "Hajj",
    "Ramadan",
    "Christmas",
    "Easter",
    "Diwali",
    "Holocaust",
    "Olympics",
    "Paralympics",
    "World Cup",
];

/// Model names of those kinds that the model typed as places or people: an
/// ocean or planet is a LOC, a religion NORP, a festival or "Brexit" an EVENT ("the Moon"
/// only after "the": "Moon" alone may be a surname).
fn retype_common_kinds(doc: &Document, v: &View, names: &mut [NameSpan]) {
    // (names that begin longer names: "Green Valley" beside "Green Valley Party" is that
    // party's short name, not a valley)
    let texts: Vec<String> = names
        .iter()
        .map(|n| doc.text[n.span.range()].to_string())
        .collect();
    let starts_longer = |t: &str| {
        texts
            .iter()
            .any(|o| o.len() > t.len() + 1 && o.starts_with(t) && o[t.len()..].starts_with(' '))
    };
    for n in names.iter_mut() {
        // A name whose last word is a natural feature is a place ("Scarborough Shoal",
        // "Ashtamudi Lake", "the Strait of Hormuz" keeps its KB entry), whatever type the
        // model gave it.
        if !n.from_kb
            && n.toks.len() >= 2
            && !starts_longer(&doc.text[n.span.range()])
            && matches!(
                n.etype,
                EntityType::Person | EntityType::Org | EntityType::Fac | EntityType::Gpe
            )
        {
            let last = text_of(doc, v, n.toks.end - 1);
            let first = text_of(doc, v, n.toks.start);
            if is_cap(first)
                && matches!(
                    last,
                    "Shoal"
                        | "Shoals"
                        | "Reef"
                        | "Atoll"
                        | "Strait"
                        | "Straits"
                        | "Gulf"
                        | "Lake"
                        | "River"
                        | "Mountains"
                        | "Peninsula"
                        | "Valley"
                        | "Desert"
                        | "Canal"
                        | "Archipelago"
                        | "Plateau"
                        | "Glacier"
                        | "Volcano"
                        | "Sea"
                        | "Ocean"
                )
            {
                n.etype = EntityType::Loc;
                continue;
            }
        }
        let t = &doc.text[n.span.range()];
        let t = t
            .strip_prefix("the ")
            .or_else(|| t.strip_prefix("The "))
            .unwrap_or(t);
        let after_the = n.toks.start > 0 && lower(doc, v, n.toks.start - 1) == "the";
        // (An organisation keeps its type, "The Atlantic" is a magazine; but "the Moon".)
        let org_moon = n.etype == EntityType::Org && t == "Moon" && after_the;
        if n.from_kb
            || !(org_moon
                || matches!(
                    n.etype,
                    EntityType::Gpe | EntityType::Loc | EntityType::Fac | EntityType::Person
                ))
            || n.etype == EntityType::Person && n.toks.len() > 1
        {
            continue;
        }
        if NATURAL_PLACES.contains(&t) || (t == "Moon" && after_the) {
            n.etype = EntityType::Loc;
        } else if RELIGIONS.contains(&t) {
            n.etype = EntityType::Norp;
        } else if EVENT_NAMES.contains(&t) {
            n.etype = EntityType::Event;
        }
    }
}

/// "the Law Society of Kenya", "the Catholic Bishops Conference of the Philippines": a
/// run of capitalised words ending in an organisation's head noun, then "of" (and "the")
/// and a place the knowledge base knows, is one organisation, also when the model found
/// only the place (or only the run).
fn orgs_of_places(doc: &Document, v: &View, names: &mut Vec<NameSpan>) {
    const HEADS_EXTRA: &[&str] = &["conference", "chamber", "bar", "front", "movement"];
    let mut k = 0;
    while k < names.len() {
        let n = &names[k];
        if !(n.from_kb && matches!(n.etype, EntityType::Gpe | EntityType::Loc)) {
            k += 1;
            continue;
        }
        let mut p = n.toks.start;
        if p > 0 && lower(doc, v, p - 1) == "the" {
            p -= 1;
        }
        if p < 2 || lower(doc, v, p - 1) != "of" {
            k += 1;
            continue;
        }
        let of = p - 1;
        let sent_start = v.sents[v.sent_of(of)].toks.start;
        // the capitalised run before "of"
        let mut a = of;
        while a > sent_start
            && of - a < 5
            && is_cap(text_of(doc, v, a - 1))
            && text_of(doc, v, a - 1)
                .chars()
                .all(|c| c.is_alphabetic() || c == '-')
        {
            a -= 1;
        }
        let head = if a < of {
            lower(doc, v, of - 1)
        } else {
            String::new()
        };
        // (a sentence-initial "The" is no part of the name)
        if a < of && lower(doc, v, a) == "the" {
            a += 1;
        }
        let head_ok = ORG_HEADS.contains(&head.as_str()) || HEADS_EXTRA.contains(&head.as_str());
        // the run holds a word besides the head ("Society of Kenya" alone is a phrase), and no
        // title or office ("President of Kenya" is a person's office)
        if !head_ok
            || of - a < 2
            || (a..of).any(|i| {
                let l = lower(doc, v, i);
                TITLE_WORDS.contains(&l.as_str()) || OFFICE_WORDS.contains(&l.as_str())
            })
        {
            k += 1;
            continue;
        }
        // names inside the run may only be organisations or unknown words, not people
        let start = v.toks[a].span.start;
        let end = n.span.end;
        let inner: Vec<usize> = (0..names.len())
            .filter(|&j| j != k && names[j].span.start >= start && names[j].span.end <= end)
            .collect();
        if inner.iter().any(|&j| names[j].etype == EntityType::Person)
            || names
                .iter()
                .enumerate()
                .any(|(j, m)| j != k && m.span.start < start && m.span.end > start)
        {
            k += 1;
            continue;
        }
        let toks = a..n.toks.end;
        let mut j = 0;
        names.retain(|_| {
            let keep = j != k && !inner.contains(&j);
            j += 1;
            keep
        });
        names.push(NameSpan {
            span: Span::new(start, end),
            etype: EntityType::Org,
            kb: None,
            toks,
            from_kb: false,
        });
        names.sort_by_key(|m| (m.span.start, m.span.end));
        k = 0;
    }
}

/// "the besieged city of El Fasher": a name after "city of", "town of", "village of",
/// "province of" or "region of" is a place, and so is every other name in the document
/// written the same way (the model may have read "El Fasher" as a person).
fn places_named_as_such(doc: &Document, v: &View, names: &mut [NameSpan]) {
    let mut places: Vec<String> = Vec::new();
    for n in names.iter() {
        if n.from_kb || n.toks.start < 2 || !matches!(n.etype, EntityType::Person | EntityType::Org)
        {
            continue;
        }
        let of = lower(doc, v, n.toks.start - 1);
        let noun = lower(doc, v, n.toks.start - 2);
        if of == "of"
            && matches!(
                noun.as_str(),
                "city" | "town" | "village" | "province" | "region" | "district" | "port"
            )
        {
            places.push(doc.text[n.span.range()].to_string());
        }
    }
    if places.is_empty() {
        return;
    }
    for n in names.iter_mut() {
        if !n.from_kb
            && matches!(n.etype, EntityType::Person | EntityType::Org)
            && places.iter().any(|p| p == &doc.text[n.span.range()])
        {
            n.etype = EntityType::Gpe;
        }
    }
}

/// Words an acronym may skip ("Ministry of Defence" → "MD" as well as "MOD").
fn is_acronym_filler(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "and"
            | "for"
            | "on"
            | "in"
            | "to"
            | "&"
            | "de"
            | "du"
            | "des"
            | "la"
            | "le"
            | "el"
            | "al"
            | "et"
            | "y"
    )
}

/// Whether `acr` (letters only, case-insensitive) spells the initials of `words`, with or
/// without the filler words.
fn spells_initials(acr: &str, words: &[String]) -> bool {
    let letters: String = acr
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.chars().count() < 2 {
        return false;
    }
    let initials = |skip: bool| -> String {
        words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
            .filter(|w| !(skip && is_acronym_filler(&w.to_lowercase())))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect()
    };
    letters == initials(true) || letters == initials(false)
}

/// Acronyms defined in the text: a name (not a person) followed by an acronym of its
/// words in parentheses, "the National Emergency Operation Centre (NEOC)", "Organisation
/// for Economic Co-operation and Development (OECD)". Capitalised words the model left
/// unmarked before such an acronym become an organisation. Returns acronym → index of the
/// long name in `names`; the acronym and its later bare uses are added to `names` where
/// no name covers them.
fn acronym_definitions(
    doc: &Document,
    v: &View,
    names: &mut Vec<NameSpan>,
) -> HashMap<String, usize> {
    let mut defs: HashMap<String, Span> = HashMap::new();
    let mut i = 1;
    while i + 2 < v.toks.len() {
        let acr = text_of(doc, v, i + 1);
        let n_upper = acr.chars().filter(|c| c.is_uppercase()).count();
        let ok = text_of(doc, v, i) == "("
            && text_of(doc, v, i + 2) == ")"
            && v.sent_of(i + 2) == v.sent_of(i - 1)
            && (2..=10).contains(&acr.chars().count())
            && n_upper >= 2
            && acr
                .chars()
                .all(|c| c.is_alphanumeric() || c == '&' || c == '.')
            && !defs.contains_key(acr);
        if !ok {
            i += 1;
            continue;
        }
        let words = |r: std::ops::Range<usize>| -> Vec<String> {
            r.map(|k| text_of(doc, v, k).to_string()).collect()
        };
        // A name ending right before the parenthesis.
        if let Some(n) = names.iter().find(|n| {
            n.toks.end == i
                && n.etype != EntityType::Person
                && n.toks.len() >= 2
                && spells_initials(acr, &words(n.toks.clone()))
        }) {
            defs.insert(acr.to_string(), n.span);
        } else {
            // Unmarked capitalised words (with fillers inside) that spell the acronym.
            let sstart = v
                .sents
                .get(v.sent_of(i - 1))
                .map(|x| x.toks.start)
                .unwrap_or(0);
            let mut a = i;
            let mut found = None;
            while a > sstart && i - a < 12 {
                a -= 1;
                let w = text_of(doc, v, a);
                if !(is_cap(w) || is_acronym_filler(w)) {
                    break;
                }
                if is_cap(w)
                    && !is_acronym_filler(&w.to_lowercase())
                    && i - a >= 2
                    && spells_initials(acr, &words(a..i))
                {
                    found = Some(a);
                }
            }
            if let Some(a) = found {
                let span = Span::new(v.toks[a].span.start, v.toks[i - 1].span.end);
                // Only over model names that lie inside it ("Warning Service" of "Coastal
                // Flood Warning Service"), never over a knowledge-base match or a person.
                let blocked = names.iter().any(|n| {
                    n.span.overlaps(span)
                        && (n.from_kb
                            || n.etype == EntityType::Person
                            || n.span.start < span.start
                            || n.span.end > span.end)
                });
                if !blocked {
                    names.retain(|n| !n.span.overlaps(span));
                    names.push(NameSpan {
                        span,
                        etype: EntityType::Org,
                        kb: None,
                        toks: a..i,
                        from_kb: false,
                    });
                    defs.insert(acr.to_string(), span);
                }
            }
        }
        i += 3;
    }
    if defs.is_empty() {
        return HashMap::new();
    }
    // The acronym in its parentheses and its later bare uses.
    let mut added = Vec::new();
    for k in 0..v.toks.len() {
        let t = text_of(doc, v, k);
        let Some(long) = defs.get(t) else { continue };
        let Some(etype) = names.iter().find(|n| n.span == *long).map(|n| n.etype) else {
            continue;
        };
        let span = v.toks[k].span;
        if !names
            .iter()
            .chain(added.iter())
            .any(|m| m.span.overlaps(span))
        {
            added.push(NameSpan {
                span,
                etype,
                kb: None,
                toks: k..k + 1,
                from_kb: false,
            });
        }
    }
    names.extend(added);
    names.sort_by_key(|n| n.span.start);
    defs.into_iter()
        .filter_map(|(acr, long)| names.iter().position(|n| n.span == long).map(|i| (acr, i)))
        .collect()
}

/// Splits a model organisation made of two organisations joined by "and", each of two
/// words or more ending in an organisation head noun: "Faleolo District Hospital and
/// Leulumoega District Hospital", "the Red Cross Society and the Fisheries Authority".
/// "Centers for Disease Control and Prevention" and "Ministry of Trade and Industry" stay
/// whole.
fn split_coordinated_orgs(doc: &Document, v: &View, names: &mut Vec<NameSpan>) {
    let head =
        |i: usize| ORG_HEADS.contains(&lower(doc, v, i).as_str()) && is_cap(text_of(doc, v, i));
    let mut out = Vec::with_capacity(names.len());
    for n in names.drain(..) {
        let split = (!n.from_kb && matches!(n.etype, EntityType::Org | EntityType::Fac))
            .then(|| {
                n.toks.clone().find(|&i| {
                    i > n.toks.start + 1
                        && i + 2 < n.toks.end
                        && text_of(doc, v, i) == "and"
                        && head(i - 1)
                })
            })
            .flatten();
        match split {
            Some(a) => {
                let mut b = a + 1;
                if lower(doc, v, b) == "the" {
                    b += 1;
                }
                let right = b..n.toks.end;
                if right.len() >= 2 && head(n.toks.end - 1) {
                    let left = n.toks.start..a;
                    for r in [left, right] {
                        let span =
                            Span::new(v.toks[r.start].span.start, v.toks[r.end - 1].span.end);
                        out.push(NameSpan {
                            span,
                            etype: n.etype,
                            kb: None,
                            toks: r,
                            from_kb: false,
                        });
                    }
                } else {
                    out.push(n);
                }
            }
            None => out.push(n),
        }
    }
    *names = out;
}

/// Heads of bodies whose names go on with "on"/"for" and a topic ("Kenya National Commission
/// on Human Rights", "Council on Foreign Relations", "Office for the Coordination of
/// Humanitarian Affairs"), lower case.
const TOPIC_BODY_HEADS: &[&str] = &[
    "commission",
    "committee",
    "council",
    "conference",
    "office",
    "centre",
    "center",
    "institute",
    "coalition",
    "campaign",
    "alliance",
    "forum",
    "panel",
    "tribunal",
    "court",
    "agency",
    "foundation",
    "fund",
    "network",
    "organisation",
    "organization",
    "bureau",
    "union",
    "league",
    "movement",
    "society",
];

/// Joins an organisation ending in a body's head noun and a following name of a topic after
/// "on" or "for" (optionally "the") into one organisation: "the Kenya National Commission"
/// + "on" + "Human Rights". The topic is a non-knowledge-base organisation, place, event or
/// law name (not a person, a country or a date).
fn join_on_for_names(doc: &Document, v: &View, names: &mut Vec<NameSpan>) {
    names.sort_by_key(|n| n.toks.start);
    let mut out: Vec<NameSpan> = Vec::with_capacity(names.len());
    let mut i = 0;
    while i < names.len() {
        let a = &names[i];
        if let Some(b) = names.get(i + 1) {
            let gap_ok = |k: usize| k < v.toks.len() && v.sent_of(k) == v.sent_of(a.toks.start);
            let mut k = a.toks.end;
            let prep = gap_ok(k) && matches!(lower(doc, v, k).as_str(), "on" | "for");
            if prep {
                k += 1;
                if gap_ok(k) && lower(doc, v, k) == "the" {
                    k += 1;
                }
            }
            let head = lower(doc, v, a.toks.end - 1);
            if prep
                && b.toks.start == k
                && a.etype == EntityType::Org
                && TOPIC_BODY_HEADS.contains(&head.as_str())
                && !b.from_kb
                && matches!(
                    b.etype,
                    EntityType::Org
                        | EntityType::Loc
                        | EntityType::Fac
                        | EntityType::Event
                        | EntityType::Law
                )
                && b.toks.clone().all(|j| {
                    is_cap(text_of(doc, v, j))
                        || is_name_particle(text_of(doc, v, j))
                        || matches!(lower(doc, v, j).as_str(), "of" | "and" | "the")
                })
            {
                out.push(NameSpan {
                    span: Span::new(a.span.start, b.span.end),
                    etype: EntityType::Org,
                    kb: None,
                    toks: a.toks.start..b.toks.end,
                    from_kb: false,
                });
                i += 2;
                continue;
            }
        }
        out.push(names[i].clone());
        i += 1;
    }
    *names = out;
}

/// Nouns that end a business name after an owner's possessive ("Marco's Bakery", "Joe's Auto
/// Repair"), lower case.
const BUSINESS_NOUNS: &[&str] = &[
    "pizza",
    "pizzeria",
    "restaurant",
    "cafe",
    "café",
    "grill",
    "bar",
    "pub",
    "diner",
    "deli",
    "bakery",
    "kitchen",
    "bistro",
    "tavern",
    "steakhouse",
    "bbq",
    "barbecue",
    "burgers",
    "tacos",
    "salon",
    "spa",
    "barbershop",
    "garage",
    "motors",
    "auto",
    "autos",
    "tire",
    "tires",
    "karate",
    "gym",
    "fitness",
    "market",
    "store",
    "shop",
    "boutique",
    "pharmacy",
    "hardware",
    "furniture",
    "jewelers",
    "jewellers",
    "books",
    "bookstore",
    "florist",
    "flowers",
    "cleaners",
    "liquor",
    "lounge",
    "inn",
    "hotel",
    "motel",
    "plumbing",
    "insurance",
    "towing",
    "dental",
    "clinic",
    "nursery",
    "bagels",
    "donuts",
    "coffee",
    "creamery",
    "brewery",
    "cellars",
    "landscaping",
    "roofing",
    "construction",
    "electric",
    "catering",
    "bakeshop",
];

/// The class of a type for list agreement: places together, then businesses, people and
/// organisations.
fn list_class(t: EntityType) -> Option<u8> {
    match t {
        EntityType::Gpe | EntityType::Loc => Some(0),
        EntityType::Fac => Some(1),
        EntityType::Person => Some(2),
        EntityType::Org => Some(3),
        _ => None,
    }
}

/// Finds lists of three or more names in a sentence, separated by commas, "and" or "or"
/// (", and"), and gives a name the model typed (not one the knowledge base knows) the type
/// of all the other items when they agree.
fn unify_list_types(doc: &Document, v: &View, names: &mut [NameSpan]) {
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&k| names[k].span.start);
    let sep = |a: usize, b: usize| -> bool {
        // Tokens between two names: ",", "and", "or", ", and", ", or".
        let between: Vec<&str> = (a..b).map(|k| text_of(doc, v, k)).collect();
        matches!(
            between.as_slice(),
            [","] | ["and"] | ["or"] | [",", "and"] | [",", "or"] | ["&"]
        )
    };
    let mut chains: Vec<Vec<usize>> = Vec::new();
    for &k in &order {
        let n = &names[k];
        if let Some(c) = chains.last_mut() {
            let last = &names[*c.last().unwrap_or(&k)];
            if last.toks.end <= n.toks.start
                && v.sent_of(last.toks.start) == v.sent_of(n.toks.start)
                && sep(last.toks.end, n.toks.start)
            {
                c.push(k);
                continue;
            }
        }
        chains.push(vec![k]);
    }
    for c in chains.iter().filter(|c| c.len() >= 3) {
        for &k in c {
            // A person whose name opens with a given name stays a person.
            if names[k].from_kb
                || names[k].etype == EntityType::Person
                    && crate::lexicon::is_first_name(&lower(doc, v, names[k].toks.start))
            {
                continue;
            }
            let others: Vec<usize> = c.iter().copied().filter(|&j| j != k).collect();
            let Some(cls) = list_class(names[others[0]].etype) else {
                continue;
            };
            if others
                .iter()
                .all(|&j| list_class(names[j].etype) == Some(cls))
                && list_class(names[k].etype) != Some(cls)
                && list_class(names[k].etype).is_some()
            {
                names[k].etype = names[others[0]].etype;
            }
        }
    }
}

/// "Fri", "Sat.", "Sun": abbreviated day names.
fn is_day_abbrev(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Mon" | "Tue" | "Tues" | "Wed" | "Thu" | "Thur" | "Thurs" | "Fri" | "Sat" | "Sun"
    )
}

/// A day name, full or abbreviated.
fn is_day_word(w: &str) -> bool {
    is_day_abbrev(w)
        || matches!(
            w,
            "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
        )
}

/// A dateline: one to three words in capitals (letters, three or more in all) at the start
/// of a line, followed by a news agency in brackets, a dash or a comma ("TEHRAN (AFP) -",
/// "WASHINGTON —", "GAZA CITY, June 3"). The place is the knowledge base's when it knows
/// the name in title case, else a place.
fn add_datelines(ctx: &Ctx, doc: &Document, v: &View, names: &mut Vec<NameSpan>) {
    for s in &v.sents {
        let a = s.toks.start;
        if a >= s.toks.end || a >= v.toks.len() {
            continue;
        }
        let start = v.toks[a].span.start;
        if !doc.text[..start].trim_end_matches([' ', '\t']).is_empty()
            && !doc.text[..start]
                .trim_end_matches([' ', '\t'])
                .ends_with('\n')
        {
            continue;
        }
        let caps = |k: usize| {
            let t = text_of(doc, v, k);
            t.chars()
                .all(|c| c.is_alphabetic() && c.is_uppercase() || c == '-' || c == '\'')
                && t.chars().any(char::is_alphabetic)
        };
        let mut b = a;
        while b < s.toks.end && b < a + 3 && caps(b) {
            b += 1;
        }
        if b == a || b >= s.toks.end {
            continue;
        }
        // "DOHA/CAIRO, Jan 9 (Reuters) -", "BEIJING/MANILA —": two places
        let mut runs = vec![(a, b)];
        let mut b = b;
        while b + 1 < s.toks.end && text_of(doc, v, b) == "/" && caps(b + 1) {
            let c = b + 1;
            let mut d = c;
            while d < s.toks.end && d < c + 3 && caps(d) {
                d += 1;
            }
            runs.push((c, d));
            b = d;
        }
        if b >= s.toks.end {
            continue;
        }
        let letters: usize = (a..runs[0].1)
            .map(|k| {
                text_of(doc, v, k)
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .count()
            })
            .sum();
        let next = text_of(doc, v, b);
        let agency = next == "("
            && (b + 2..(b + 4).min(s.toks.end)).any(|c| {
                text_of(doc, v, c) == ")" && (b + 1..c).all(|k| is_cap(text_of(doc, v, k)))
            });
        if letters < 3 || !(agency || matches!(next, "-" | "--" | "—" | "–" | ",")) {
            continue;
        }
        // Sentences that are all capitals ("PLEASE READ - IMPORTANT") are not datelines.
        if (b..s.toks.end)
            .filter(|&k| text_of(doc, v, k).chars().any(char::is_lowercase))
            .count()
            == 0
            && !agency
        {
            continue;
        }
        for &(a, b) in &runs {
            let titled: Vec<String> = (a..b)
                .map(|k| {
                    let t = text_of(doc, v, k).to_lowercase();
                    let mut cs = t.chars();
                    cs.next()
                        .map(|c| c.to_uppercase().collect::<String>() + cs.as_str())
                        .unwrap_or_default()
                })
                .collect();
            let kb = ctx
                .kb
                .names
                .get(&titled.join(" "))
                .and_then(|r| r.first().copied());
            // A place the knowledge base does not know needs the agency ("YAY, great show" is
            // no dateline).
            let etype = match kb {
                Some(r) => etype_of(ctx.kb.describe(r, ctx.date).1),
                None if agency => EntityType::Gpe,
                None => continue,
            };
            if !matches!(etype, EntityType::Gpe | EntityType::Loc) {
                continue;
            }
            names.retain(|x| x.toks.end <= a || x.toks.start >= b);
            let span = Span::new(v.toks[a].span.start, v.toks[b - 1].span.end);
            names.push(NameSpan {
                span,
                etype,
                kb,
                toks: a..b,
                from_kb: kb.is_some(),
            });
        }
    }
}

/// Joins an international NGO's name and the country right after it ("Amnesty International
/// Kenya", "Oxfam India") into one organisation with the NGO's knowledge-base entry.
fn national_sections(ctx: &Ctx, names: &mut Vec<NameSpan>) {
    let ngo = |n: &NameSpan| {
        n.etype == EntityType::Org
            && matches!(n.kb, Some(NameRef::Org(_)))
            && n.kb
                .and_then(|r| ctx.kb.describe(r, ctx.date).2)
                .is_some_and(|c| c.starts_with("NGO"))
    };
    let mut k = 0;
    while k < names.len() {
        if ngo(&names[k]) {
            let end = names[k].toks.end;
            if let Some(j) = names.iter().position(|b| {
                b.toks.start == end
                    && matches!(b.kb, Some(NameRef::Country(_)))
                    && b.toks.len() <= 3
            }) {
                let (span, toks_end) = (names[j].span, names[j].toks.end);
                names[k].span = Span::new(names[k].span.start, span.end);
                names[k].toks.end = toks_end;
                names.remove(j);
                if j < k {
                    k -= 1;
                }
            }
        }
        k += 1;
    }
}

/// Words naming a government department after "Minister of" or "Secretary of".
const DEPARTMENT_WORDS: &[&str] = &[
    "the",
    "and",
    "of",
    "state",
    "defence",
    "defense",
    "education",
    "economy",
    "economic",
    "health",
    "interior",
    "justice",
    "finance",
    "foreign",
    "affairs",
    "home",
    "labour",
    "labor",
    "agriculture",
    "energy",
    "environment",
    "transport",
    "transportation",
    "trade",
    "commerce",
    "culture",
    "tourism",
    "industry",
    "information",
    "communications",
    "science",
    "technology",
    "housing",
    "development",
    "security",
    "homeland",
    "veterans",
    "treasury",
    "war",
    "navy",
    "army",
    "air",
    "force",
    "public",
    "works",
    "social",
    "welfare",
    "youth",
    "sport",
    "sports",
    "fisheries",
    "mines",
    "petroleum",
    "oil",
    "water",
    "planning",
    "national",
    "internal",
    "external",
    "relations",
    "women",
    "family",
    "immigration",
    "employment",
    "infrastructure",
    "local",
    "government",
    "regional",
    "rural",
    "urban",
    "solidarity",
    "digital",
    "research",
    "heritage",
];

/// A model span right after "<office> of" ("Minister of", "Secretary of") that starts with
/// department words and goes on with one to three capitalised name words (not common
/// English words, organisation heads or knowledge-base names) is that person:
/// "Minister of Education Dana Kowal" → "Dana Kowal" (the model often takes
/// "Education Dana Kowal" for an organisation or a longer person).
fn department_titles(ctx: &Ctx, doc: &Document, v: &View, names: &mut [NameSpan]) {
    for n in names.iter_mut() {
        if n.from_kb || n.toks.len() < 2 {
            continue;
        }
        let a = n.toks.start;
        if a < 2
            || lower(doc, v, a - 1) != "of"
            || !OFFICE_WORDS.contains(&lower(doc, v, a - 2).as_str())
        {
            continue;
        }
        let mut b = a;
        while b < n.toks.end && DEPARTMENT_WORDS.contains(&lower(doc, v, b).as_str()) {
            b += 1;
        }
        let rest = n.toks.end - b;
        let name_word = |k: usize| {
            let t = text_of(doc, v, k);
            let l = lower(doc, v, k);
            is_name_word(t)
                && !crate::lexicon::is_common_word(&l)
                && !ORG_HEADS.contains(&l.as_str())
                && !ctx.kb.names.contains_key(t)
        };
        if b == a || !(1..=3).contains(&rest) || !(b..n.toks.end).all(name_word) {
            continue;
        }
        n.toks.start = b;
        n.span = Span::new(v.toks[b].span.start, n.span.end);
        n.etype = EntityType::Person;
    }
}

/// A name other than a person's followed by a comma and a company's legal form ("Inc.",
/// "Ltd.", "L.P.") is a company, the form included: "Kestrel Mining, Inc." (the model
/// stops at the comma).
fn add_company_forms(doc: &Document, v: &View, names: &mut [NameSpan]) {
    let n_toks = v.toks.len();
    for n in names.iter_mut() {
        let e = n.toks.end;
        if n.etype == EntityType::Person || e + 1 >= n_toks || text_of(doc, v, e) != "," {
            continue;
        }
        if v.sent_of(e + 1) != v.sent_of(n.toks.start) {
            continue;
        }
        let form = text_of(doc, v, e + 1);
        if !matches!(
            form,
            "Inc."
                | "Inc"
                | "INC."
                | "Ltd."
                | "Ltd"
                | "LTD."
                | "L.P."
                | "LP"
                | "LLC"
                | "L.L.C."
                | "Corp."
                | "PLC"
                | "plc"
                | "GmbH"
                | "S.A."
                | "N.V."
                | "LLP"
        ) {
            continue;
        }
        n.toks.end = e + 2;
        n.span = Span::new(n.span.start, v.toks[e + 1].span.end);
        n.etype = EntityType::Org;
    }
}

/// US postal abbreviations of states and their names in the knowledge base; those that are
/// also common words in capitals ("OK", "HI", "OR", "IN", "ME") are left out. "GA" maps to
/// "-", a name the knowledge base does not have (its "Georgia" is the country), so the state
/// is found without a knowledge-base entry.
const US_STATE_CODES: &[(&str, &str)] = &[
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("FL", "Florida"),
    ("GA", "-"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("PA", "Pennsylvania"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington state"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
];

/// A US state's postal abbreviation (in capitals) in an address is a place: after a
/// capitalised town and a comma ("Dayton, OH"), before a ZIP code ("Reno NV 89501"), or
/// after "state of" ("the state of NJ"). Not in a sentence written all in capitals. The
/// state's knowledge-base entry gives its country.
fn add_us_state_codes(ctx: &Ctx, doc: &Document, v: &View, names: &mut Vec<NameSpan>) {
    for s in &v.sents {
        let all_caps =
            (s.toks.clone()).all(|k| !text_of(doc, v, k).chars().any(char::is_lowercase));
        if all_caps {
            continue;
        }
        for k in s.toks.clone() {
            let t = text_of(doc, v, k);
            let Some(&(_, state)) = US_STATE_CODES.iter().find(|(c, _)| *c == t) else {
                continue;
            };
            let town = |j: usize| {
                j >= s.toks.start
                    && j < k
                    && is_cap(text_of(doc, v, j))
                    && text_of(doc, v, j).chars().any(char::is_lowercase)
            };
            // Not after a person's name: "Jo Lin, SC" is a Senior Counsel.
            let person = |j: usize| {
                names
                    .iter()
                    .any(|n| n.etype == EntityType::Person && n.toks.contains(&j))
            };
            let after_comma = k >= s.toks.start + 2
                && text_of(doc, v, k - 1) == ","
                && town(k - 2)
                && !person(k - 2);
            let zip = k + 1 < s.toks.end && {
                let n = text_of(doc, v, k + 1);
                n.len() == 5 && n.chars().all(|c| c.is_ascii_digit())
            };
            let state_of = k >= s.toks.start + 2
                && lower(doc, v, k - 1) == "of"
                && lower(doc, v, k - 2) == "state";
            // "MD" and "PA" after a name the model missed are also degrees and titles.
            let ok = zip || state_of || (after_comma && !matches!(t, "MD" | "PA"));
            if !ok {
                continue;
            }
            let span = v.toks[k].span;
            if names.iter().any(|n| n.span.overlaps(span) && n.from_kb) {
                continue;
            }
            names.retain(|n| !n.span.overlaps(span));
            let kb = ctx.kb.names.get(state).and_then(|r| r.first().copied());
            names.push(NameSpan {
                span,
                etype: EntityType::Gpe,
                kb,
                toks: k..k + 1,
                from_kb: kb.is_some(),
            });
        }
    }
}

/// In a sentence that starts in lower case (a writer who does not capitalise), a lower-case
/// word from the given-name list that is neither a common English word, nor a word the
/// tagger's training text has in lower case, nor a name the knowledge base knows, is a
/// person ("maybe corinne and i will go").
fn add_lowercase_given_names(ctx: &Ctx, doc: &Document, v: &View, names: &mut Vec<NameSpan>) {
    let vocab = crate::ner::Model::embedded().map(|m| &m.vocab);
    for s in &v.sents {
        let first_word = s
            .toks
            .clone()
            .find(|&k| text_of(doc, v, k).chars().any(char::is_alphabetic));
        let Some(f) = first_word else { continue };
        if !text_of(doc, v, f)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
        {
            continue;
        }
        for k in s.toks.clone() {
            let w = text_of(doc, v, k);
            if w.chars().count() < 3 || !w.chars().all(|c| c.is_alphabetic() && c.is_lowercase()) {
                continue;
            }
            if !crate::lexicon::is_first_name(w)
                || crate::lexicon::is_common_word(w)
                || vocab.is_some_and(|m| m.contains(w))
                || ctx.kb.names.contains_key(w)
                || names.iter().any(|x| x.toks.contains(&k))
            {
                continue;
            }
            // Two in a row are one person's given name and surname ("jill allen").
            if let Some(x) = names.last_mut().filter(|x| {
                x.toks.end == k
                    && !x.from_kb
                    && x.etype == EntityType::Person
                    && x.toks.len() == 1
                    && s.toks.contains(&x.toks.start)
            }) {
                if text_of(doc, v, x.toks.start)
                    .chars()
                    .all(|c| c.is_lowercase())
                {
                    x.toks.end = k + 1;
                    x.span = Span::new(x.span.start, v.toks[k].span.end);
                    continue;
                }
            }
            names.push(NameSpan {
                span: v.toks[k].span,
                etype: EntityType::Person,
                kb: None,
                toks: k..k + 1,
                from_kb: false,
            });
        }
    }
}

/// A sentence written all in lower case (it starts in lower case and has no capital letter
/// but in "I") is tagged again with its rare words capitalised: each alphabetic word of two
/// letters or more that is neither a common English word nor in the tagger's lower-case
/// vocabulary. The tagger's places made only of such words, right after a place preposition
/// and not already covered, are taken. Capitalised text (news) is never concerned.
fn add_lowercase_sentence_names(ctx: &Ctx, doc: &Document, v: &View, names: &mut Vec<NameSpan>) {
    let Some(model) = crate::ner::Model::embedded() else {
        return;
    };
    for s in &v.sents {
        if s.toks.is_empty() || s.toks.end > v.toks.len() {
            continue;
        }
        let starts_lower = text_of(doc, v, s.toks.start)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        let all_lower = starts_lower
            && s.toks.clone().all(|k| {
                let t = text_of(doc, v, k);
                t == "I" || !t.chars().any(char::is_uppercase)
            });
        if !all_lower
            || !s
                .toks
                .clone()
                .any(|k| text_of(doc, v, k).chars().any(char::is_alphabetic))
        {
            continue;
        }
        let rare: Vec<bool> = s
            .toks
            .clone()
            .map(|k| {
                let t = text_of(doc, v, k);
                t.chars().count() >= 2
                    && t.chars().all(|c| c.is_alphabetic())
                    && !crate::lexicon::is_common_word(t)
                    && !model.vocab.contains(t)
            })
            .collect();
        if !rare.iter().any(|&r| r) {
            continue;
        }
        let owned: Vec<String> = s
            .toks
            .clone()
            .zip(&rare)
            .map(|(k, &r)| {
                let t = text_of(doc, v, k);
                if r {
                    let mut cs = t.chars();
                    cs.next()
                        .map(|c| c.to_uppercase().collect::<String>() + cs.as_str())
                        .unwrap_or_default()
                } else {
                    t.to_string()
                }
            })
            .collect();
        let words: Vec<&str> = owned.iter().map(String::as_str).collect();
        let pos: Vec<&str> = v.toks[s.toks.clone()]
            .iter()
            .map(|t| t.xpos.as_str())
            .collect();
        let sf = crate::ner::SentFeats::new(
            &words,
            &pos,
            ctx.kb,
            ctx.gaz,
            &model.vocab,
            &model.clusters,
        );
        let labels = model.tag(&sf);
        for (a, b, t) in crate::ner::spans_of(&labels) {
            if !(a..b).all(|i| rare[i]) {
                continue;
            }
            let Some(et) = crate::ner::gmb_to_etype(crate::ner::TYPES[t], &words[a..b]) else {
                continue;
            };
            if !matches!(et, EntityType::Gpe | EntityType::Loc) {
                continue;
            }
            // Not a verb after "to" ("trying to browse").
            if v.toks[s.toks.start + a].xpos.starts_with("VB") {
                continue;
            }
            // A geographic noun after it belongs to the name ("biscayne bay").
            let mut b = b;
            if b < rare.len()
                && matches!(
                    words[b],
                    "bay"
                        | "island"
                        | "islands"
                        | "city"
                        | "beach"
                        | "county"
                        | "valley"
                        | "lake"
                        | "river"
                        | "springs"
                        | "falls"
                )
            {
                b += 1;
            }
            let toks = s.toks.start + a..s.toks.start + b;
            // Only after a place preposition ("going to dumaguete", "boats in biscayne bay").
            if toks.start == s.toks.start
                || !matches!(
                    lower(doc, v, toks.start - 1).as_str(),
                    "in" | "to" | "from" | "at" | "near" | "around" | "visit" | "visiting"
                )
            {
                continue;
            }
            if names
                .iter()
                .any(|x| x.toks.start < toks.end && toks.start < x.toks.end)
            {
                continue;
            }
            let span = Span::new(v.toks[toks.start].span.start, v.toks[toks.end - 1].span.end);
            names.push(NameSpan {
                span,
                etype: et,
                kb: None,
                toks,
                from_kb: false,
            });
        }
    }
}

/// Lower-case particles of Arabic (and Hebrew) names, written before a hyphen: "al-Sadr",
/// "bin-Laden", "Abu-Rudeineh".
fn is_name_particle(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "al" | "el"
            | "ad"
            | "ar"
            | "as"
            | "ash"
            | "az"
            | "at"
            | "an"
            | "bin"
            | "ibn"
            | "bint"
            | "abu"
            | "abd"
            | "abdel"
            | "abdul"
            | "ha"
            | "ben"
    )
}

/// Whether `w` may be a word of a name: capitalised, letters (and apostrophes, hyphens).
fn is_name_word(w: &str) -> bool {
    is_cap(w)
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
}

/// Joins name particles to the names around them. A particle group is a particle, a hyphen
/// and a capitalised word ("al - Sadr", "al-Sadr" split as three tokens). A name that ends
/// right before a group, or whose first word is the group's word, takes the group in; two
/// names around a group become one; capitalised words that are not common English words
/// right before the group join it too ("Muqtada al-Sadr" when the model found only "Sadr").
/// The joined name takes the knowledge base's reading when its hyphenated form is known
/// ("al-Qaeda" is the organisation).
fn join_name_particles(ctx: &Ctx, doc: &Document, v: &View, names: &mut Vec<NameSpan>) {
    let n = v.toks.len();
    let mut i = 0;
    while i + 2 < n {
        let p = text_of(doc, v, i);
        if !(is_name_particle(p)
            && matches!(text_of(doc, v, i + 1), "-" | "‐" | "–")
            && is_name_word(text_of(doc, v, i + 2)))
        {
            i += 1;
            continue;
        }
        let si = v.sent_of(i);
        let Some(sent) = v.sents.get(si) else { break };
        if !sent.toks.contains(&(i + 2)) {
            i += 1;
            continue;
        }
        // The group and any further groups or name words glued to it ("al - Sadr",
        // "bin - Abdul - Aziz").
        let (a, mut b) = (i, i + 3);
        while b + 2 < sent.toks.end
            && is_name_particle(text_of(doc, v, b))
            && text_of(doc, v, b + 1) == "-"
            && is_name_word(text_of(doc, v, b + 2))
        {
            b += 3;
        }
        // Names touching the group: one ending at a - 1, ones inside or starting in it.
        // (A known place or organisation right before stays apart; a known person keeps
        // the knowledge base's reading: "Hamad bin Khalifa al-Thani".)
        let before = names.iter().position(|x| {
            x.toks.end == a
                && x.toks.start < a
                && (!x.from_kb || matches!(x.kb, Some(NameRef::Person(_))))
        });
        let before_kb = before.and_then(|k| names[k].kb);
        let inside: Vec<usize> = (0..names.len())
            .filter(|&k| names[k].toks.start < b && names[k].toks.end > a)
            .collect();
        // A knowledge-base name inside the group that is not the group's last word stays
        // apart; one that covers more than the group is left alone.
        if inside.iter().any(|&k| names[k].toks.start < a) {
            i = b;
            continue;
        }
        let after_end = inside
            .iter()
            .map(|&k| names[k].toks.end)
            .max()
            .unwrap_or(b)
            .max(b);
        let mut start = a;
        let mut etype = None;
        if let Some(k) = before {
            start = names[k].toks.start;
            etype = Some(names[k].etype);
        } else if p.chars().next().is_some_and(char::is_lowercase) {
            // Capitalised name words right before a lower-case particle.
            let mut s = a;
            while s > sent.toks.start && a - s < 3 {
                let w = text_of(doc, v, s - 1);
                let lw = w.to_lowercase();
                if is_name_word(w)
                    && !crate::lexicon::is_common_word(&lw)
                    && !TITLE_WORDS.contains(&lw.as_str())
                    && !names.iter().any(|x| x.toks.contains(&(s - 1)))
                {
                    s -= 1;
                } else {
                    break;
                }
            }
            if s < a {
                start = s;
                etype = Some(EntityType::Person);
            }
        }
        if etype.is_none() && inside.is_empty() {
            // A group alone: only when the knowledge base knows it (below).
            etype = None;
        }
        let etype = etype.or_else(|| inside.first().map(|&k| names[k].etype));
        // The hyphenated form in the knowledge base decides the reading.
        let glued: String = (a..b).map(|k| text_of(doc, v, k)).collect();
        let kb = ctx
            .kb
            .names
            .get(&glued)
            .and_then(|r| r.first().copied())
            .or_else(|| {
                let mut cs = glued.chars();
                let up: String = cs
                    .next()
                    .map(|c| c.to_uppercase().collect::<String>() + cs.as_str())
                    .unwrap_or_default();
                if start == a {
                    ctx.kb.names.get(&up).and_then(|r| r.first().copied())
                } else {
                    None
                }
            });
        // Pieces typed as places around a particle make a person when the name opens
        // with a given name ("Mahmoud al-Rashidi").
        let etype = match etype {
            Some(EntityType::Gpe | EntityType::Loc | EntityType::Fac)
                if crate::lexicon::is_first_name(&lower(doc, v, start)) =>
            {
                Some(EntityType::Person)
            }
            _ if inside.iter().any(|&k| names[k].etype == EntityType::Person) => {
                Some(EntityType::Person)
            }
            t => t,
        };
        let (etype, kbref) = match (kb, start == a) {
            (Some(r), true) => (etype_of(ctx.kb.describe(r, ctx.date).1), Some(r)),
            _ if before_kb.is_some() => (EntityType::Person, before_kb),
            _ => match etype {
                Some(t) => (t, None),
                None => {
                    i = b;
                    continue;
                }
            },
        };
        let end = after_end;
        let mut k = 0;
        let before_k = before;
        names.retain(|_| {
            let drop = inside.contains(&k) || before_k == Some(k);
            k += 1;
            !drop
        });
        let span = Span::new(v.toks[start].span.start, v.toks[end - 1].span.end);
        names.push(NameSpan {
            span,
            etype,
            kb: kbref,
            toks: start..end,
            from_kb: kbref.is_some(),
        });
        names.sort_by_key(|x| x.toks.start);
        i = end;
    }
}

/// Honorifics, offices and greetings that may open a model span which is really a person's
/// name after them.
fn is_title_or_greeting(w: &str) -> bool {
    matches!(
        w,
        "dr" | "dr."
            | "doctor"
            | "mr"
            | "mr."
            | "mrs"
            | "mrs."
            | "ms"
            | "ms."
            | "miss"
            | "prof"
            | "prof."
            | "professor"
            | "pm"
            | "president"
            | "minister"
            | "capt."
            | "captain"
            | "gen."
            | "general"
            | "sen."
            | "senator"
            | "rep."
            | "gov."
            | "governor"
            | "mayor"
            | "judge"
            | "coach"
            | "rev."
            | "reverend"
            | "sheikh"
            | "shaikh"
            | "imam"
            | "ayatollah"
            | "dear"
            | "hi"
            | "hello"
            | "hey"
            | "thanks"
            | "good"
            | "morning"
            | "afternoon"
            | "evening"
    )
}

/// A model place or organisation that starts with titles or a greeting followed by one to
/// three name words that are neither common English words nor known to the knowledge base
/// ("PM Allawi", "Dr Mcdonald", "Good Morning Debra") is that person; one made only of
/// titles and greetings ("Dear Dr.") is no name at all.
fn titled_non_persons(ctx: &Ctx, doc: &Document, v: &View, names: &mut Vec<NameSpan>) {
    names.retain_mut(|n| {
        if n.from_kb || n.etype == EntityType::Person || n.toks.len() < 2 {
            return true;
        }
        let mut a = n.toks.start;
        while a < n.toks.end && is_title_or_greeting(&lower(doc, v, a)) {
            a += 1;
        }
        if a == n.toks.start {
            return true;
        }
        if a == n.toks.end {
            return false;
        }
        let rest_ok = n.toks.end - a <= 3
            && (a..n.toks.end).all(|k| {
                let t = text_of(doc, v, k);
                let lt = t.to_lowercase();
                let initial = t.chars().count() == 2 && t.ends_with('.') && is_cap(t);
                initial
                    || (is_name_word(t)
                        && !crate::lexicon::is_common_word(&lt)
                        && !TITLE_WORDS.contains(&lt.as_str())
                        && !ctx.kb.names.contains_key(t))
            });
        if rest_ok {
            n.toks.start = a;
            n.etype = EntityType::Person;
            n.span = Span::new(v.toks[a].span.start, n.span.end);
        }
        true
    });
}

/// Whether `w` draws out a letter three times or more in lower case ("Sooo", "Yummm"), as
/// chat and reviews do; words in capitals ("AAA") are not concerned.
fn is_drawn_out(w: &str) -> bool {
    let cs: Vec<char> = w.chars().collect();
    cs.windows(3)
        .any(|x| x[0].is_lowercase() && x[0] == x[1] && x[1] == x[2])
}

/// Drops model spans that are no names: a span that is the whole of its sentence (perhaps
/// before a colon; not in brackets) and made only of capitalised common English words that the knowledge
/// base does not know ("Friendly Staff", "Review Team Members :"), a span with a drawn-out
/// word ("Sooo Good").
fn drop_non_names(ctx: &Ctx, doc: &Document, v: &View, names: &mut Vec<NameSpan>) {
    names.retain(|n| {
        // "Latin American", "South American", "Central American": a region's people, not the
        // United States'
        if n.toks.len() == 1
            && n.toks.start > 0
            && text_of(doc, v, n.toks.start) == "American"
            && matches!(
                text_of(doc, v, n.toks.start - 1),
                "Latin" | "South" | "Central" | "North"
            )
        {
            return false;
        }
        if n.from_kb || n.toks.is_empty() {
            return true;
        }
        let words: Vec<&str> = n.toks.clone().map(|k| text_of(doc, v, k)).collect();
        if words.iter().any(|w| is_drawn_out(w)) {
            return false;
        }
        // "a DVD", "the CEO", "GDP grew": a common noun's abbreviation alone
        if words.len() == 1
            && crate::lexicon::is_common_acronym(words[0])
            && !ctx.kb.names.contains_key(words[0])
        {
            return false;
        }
        // a person, organisation or place does not start with a number, nor hold a phone
        // number ("4410 Harbour Office Tower", "3rd Dec", "Direct Line : 555.014.2299")
        let starts_numeric = words[0].chars().next().is_some_and(|c| c.is_ascii_digit());
        let phone_like = words.iter().any(|w| {
            w.chars().filter(char::is_ascii_digit).count() >= 4
                && w.chars().any(|c| matches!(c, '.' | '-'))
        });
        if (starts_numeric || phone_like)
            && matches!(
                n.etype,
                EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Loc
            )
        {
            return false;
        }
        let Some(sent) = v.sents.iter().find(|s| s.toks.contains(&n.toks.start)) else {
            return true;
        };
        let has_word = |k: usize| text_of(doc, v, k).chars().any(char::is_alphanumeric);
        // A name alone in brackets is a credit line ("(Coastal Weekly)"): kept.
        let alone = sent
            .toks
            .clone()
            .all(|k| n.toks.contains(&k) || !has_word(k))
            && !sent.toks.clone().any(|k| text_of(doc, v, k) == "(");
        let all_common = words
            .iter()
            .all(|w| is_cap(w) && crate::lexicon::is_common_word(&w.to_lowercase()));
        let text = &doc.text[n.span.range()];
        !(alone && all_common && !ctx.kb.names.contains_key(text))
    });
}

/// Drops a one-word model person (not a knowledge-base name) that is a capitalised common
/// English word and no given name ("Best Burger in town", "Simplicity wins", "the Sunni
/// Members"), unless a longer name of the same text holds the word ("Condoleezza Rice" ...
/// "Rice said"). Organisations and places are kept: a company may be named by a common
/// word ("Target", "Orange").
fn drop_common_word_names(ctx: &Ctx, doc: &Document, v: &View, names: &mut Vec<NameSpan>) {
    let long_words: std::collections::HashSet<&str> = names
        .iter()
        .filter(|n| n.toks.len() > 1)
        .flat_map(|n| n.toks.clone().map(|k| text_of(doc, v, k)))
        .collect();
    names.retain(|n| {
        if n.from_kb || n.toks.len() != 1 || n.etype != EntityType::Person {
            return true;
        }
        let w = text_of(doc, v, n.toks.start);
        let lw = w.to_lowercase();
        let title_case = is_cap(w) && w.chars().skip(1).all(|c| c.is_lowercase());
        !(title_case
            && crate::lexicon::is_common_word(&lw)
            && !crate::lexicon::is_first_name(&lw)
            && !ctx.kb.names.contains_key(w)
            && !long_words.contains(w))
    });
}

/// Kin and companion nouns that stand before a person's given name ("his wife Jan").
fn is_kin_word(w: &str) -> bool {
    matches!(
        w,
        "wife"
            | "husband"
            | "son"
            | "daughter"
            | "brother"
            | "sister"
            | "mother"
            | "father"
            | "mom"
            | "mum"
            | "dad"
            | "cousin"
            | "uncle"
            | "aunt"
            | "nephew"
            | "niece"
            | "grandson"
            | "granddaughter"
            | "grandmother"
            | "grandfather"
            | "girlfriend"
            | "boyfriend"
            | "fiance"
            | "fiancee"
            | "fiancé"
            | "fiancée"
            | "stepson"
            | "stepdaughter"
            | "sons"
            | "daughters"
    )
}

/// Verbs that take the person talked or written to after "to" ("forward it to Odile",
/// "I spoke to Anselm").
fn is_talk_verb(w: &str) -> bool {
    matches!(
        w,
        "forward"
            | "forwarded"
            | "forwarding"
            | "talk"
            | "talked"
            | "talking"
            | "speak"
            | "spoke"
            | "spoken"
            | "speaking"
            | "reply"
            | "replied"
            | "write"
            | "wrote"
            | "writing"
            | "written"
            | "mention"
            | "mentioned"
            | "explain"
            | "explained"
            | "chat"
            | "chatted"
    )
}

/// Honorifics that stand before a person's name ("Justice Alexandre de Moraes", "Judge Amy
/// Carr"); before name words that are no common words nor organisation heads they make a
/// person (not "Justice Ministry", "General Motors", "Queen Elizabeth Hospital"), lower case.
const NAME_HONORIFICS: &[&str] = &[
    "justice",
    "judge",
    "senator",
    "sen.",
    "governor",
    "gov.",
    "mayor",
    "president",
    "general",
    "gen.",
    "colonel",
    "col.",
    "captain",
    "capt.",
    "lieutenant",
    "sergeant",
    "sgt.",
    "admiral",
    "minister",
    "ambassador",
    "bishop",
    "cardinal",
    "sheikh",
    "prince",
    "princess",
    "king",
    "queen",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "prof.",
    "professor",
];

/// Nouns for a person that a name in apposition after a comma ("Torres's lawyer, Eumar
/// Novacki, said") names, lower case.
const PERSON_APPOSITION_NOUNS: &[&str] = &[
    "lawyer",
    "lawyers",
    "attorney",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "mother",
    "father",
    "widow",
    "adviser",
    "advisor",
    "aide",
    "deputy",
    "minister",
    "president",
    "leader",
    "director",
    "chairman",
    "chairwoman",
    "judge",
    "prosecutor",
    "envoy",
    "ambassador",
    "governor",
    "mayor",
    "commander",
    "chief",
    "founder",
    "secretary",
    "counsel",
    "negotiator",
    "candidate",
    "nominee",
    "successor",
    "predecessor",
    "rival",
    "opponent",
    "colleague",
    "friend",
    "girlfriend",
    "boyfriend",
    "partner",
    "cousin",
    "uncle",
];

/// Model organisations and places that are persons by their slot: a span of three or more
/// words opening with an honorific ("Justice Alexandre de Moraes": the honorific is left
/// out), and a two- or three-word name whose words all look like name words, between commas
/// after a noun for a person ("Torres's lawyer, Eumar Novacki, said"). Knowledge-base names
/// are kept.
fn titled_and_apposed_persons(doc: &Document, v: &View, names: &mut [NameSpan]) {
    for n in names.iter_mut() {
        if n.from_kb
            || n.etype == EntityType::Person
            || !matches!(
                n.etype,
                EntityType::Org | EntityType::Gpe | EntityType::Loc | EntityType::Fac
            )
        {
            continue;
        }
        let (a, b) = (n.toks.start, n.toks.end);
        let name_word = |k: usize| {
            let w = text_of(doc, v, k);
            is_cap(w)
                && w.chars().any(char::is_lowercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
        };
        let particle = |k: usize| {
            let w = text_of(doc, v, k);
            is_name_particle(w)
                || matches!(
                    w,
                    "de" | "da"
                        | "do"
                        | "dos"
                        | "das"
                        | "del"
                        | "della"
                        | "di"
                        | "van"
                        | "von"
                        | "der"
                        | "den"
                        | "la"
                        | "le"
                        | "du"
                        | "y"
                )
        };
        if b - a >= 3
            && NAME_HONORIFICS.contains(&lower(doc, v, a).as_str())
            && (a + 1..b).all(|k| {
                let l = lower(doc, v, k);
                name_word(k)
                    && !crate::lexicon::is_common_word(&l)
                    && !ORG_HEADS.contains(&l.as_str())
                    || (k > a + 1 && k + 1 < b && particle(k))
            })
        {
            n.toks.start = a + 1;
            n.span = Span::new(v.toks[a + 1].span.start, n.span.end);
            n.etype = EntityType::Person;
            continue;
        }
        let sent = v.sent_of(a);
        let same = |k: usize| v.sent_of(k) == sent;
        // (the noun may have a short phrase of its own: "A spokesman for the military
        // government, Zaw Min Tun,")
        let noun_before = |end: usize| {
            (end.saturating_sub(7)..=end).rev().any(|k| {
                same(k)
                    && PERSON_APPOSITION_NOUNS.contains(&lower(doc, v, k).as_str())
                    && (k == end
                        || matches!(
                            lower(doc, v, k + 1).as_str(),
                            "for" | "of" | "to" | "at" | "with"
                        ) && (k + 1..=end).all(|j| {
                            text_of(doc, v, j) != "," && !v.toks[j].xpos.starts_with("VB")
                        }))
            })
        };
        let apposed = (2..=3).contains(&(b - a))
            && a >= 2
            && same(a - 2)
            && text_of(doc, v, a - 1) == ","
            && noun_before(a - 2)
            && v.toks
                .get(b)
                .is_some_and(|_| same(b) && text_of(doc, v, b) == ",")
            && (a..b).all(|k| name_word(k) && !ORG_HEADS.contains(&lower(doc, v, k).as_str()))
            && (a..b).any(|k| !crate::lexicon::is_common_word(&lower(doc, v, k)));
        if apposed {
            n.etype = EntityType::Person;
        }
    }
}

/// A one-word place or organisation in a slot only a person fills becomes a person: after a
/// lower-case kin word ("his sister Maelle") or, for a name unknown to the knowledge base, an
/// occupation ("the painter Tarvin"), addressed at the start of a sentence ("Tarvin , you
/// rock !"), joined to the pronoun of the first person
/// ("Jorunn and I", "me and Jorunn", "Jorunn and me"), or after a verb of talking or
/// writing and "to" ("please forward this to Odile"), owning a lawyer or a family ("Souza's
/// lawyer"), or arrested, jailed or sentenced ("police arrested Souza at his home"). The word
/// must look like a given name:
/// capitalised and not a common English word. A name the knowledge base knows changes only
/// after a kin word or beside the first person, and only when it is also a given name ("my
/// daughter Georgia"); elsewhere the knowledge base wins ("she spoke to Jordan's king").
fn person_slots(ctx: &Ctx, doc: &Document, v: &View, names: &mut [NameSpan]) {
    fate_of_persons(ctx, doc, v, names);
    for n in names.iter_mut() {
        if n.etype == EntityType::Person || n.toks.len() != 1 {
            continue;
        }
        let i = n.toks.start;
        let w = text_of(doc, v, i);
        let lw = w.to_lowercase();
        if !is_name_word(w)
            || !is_cap(w)
            || w.chars().all(|c| !c.is_lowercase())
            || crate::lexicon::is_common_word(&lw)
        {
            continue;
        }
        let prev = |k: usize| {
            if i >= k {
                Some(text_of(doc, v, i - k))
            } else {
                None
            }
        };
        let next = |k: usize| v.toks.get(i + k).map(|t| &doc.text[t.span.range()]);
        let sent_of = |k: usize| v.sents.iter().position(|s| s.toks.contains(&k));
        let same_sentence = |a: usize, b: usize| b < v.toks.len() && sent_of(a) == sent_of(b);
        let p1 = prev(1).filter(|_| i >= 1 && same_sentence(i - 1, i));
        let p2 = prev(2).filter(|_| i >= 2 && same_sentence(i - 2, i));
        let n1 = next(1).filter(|_| same_sentence(i, i + 1));
        let n2 = next(2).filter(|_| same_sentence(i, i + 2));
        let kin = p1.is_some_and(|p| is_kin_word(p));
        // An occupation before an unknown name ("the tutor Zarek", "our stylist Wenna").
        let job = p1.is_some_and(|p| {
            matches!(
                p,
                "teacher"
                    | "tutor"
                    | "instructor"
                    | "coach"
                    | "trainer"
                    | "stylist"
                    | "singer"
                    | "actor"
                    | "actress"
                    | "artist"
                    | "painter"
                    | "sculptor"
                    | "writer"
                    | "author"
                    | "poet"
                    | "novelist"
                    | "musician"
                    | "guitarist"
                    | "drummer"
                    | "rapper"
                    | "chef"
                    | "photographer"
                    | "nurse"
                    | "dentist"
                    | "lawyer"
                    | "attorney"
                    | "plumber"
                    | "mechanic"
                    | "therapist"
                    | "designer"
            )
        });
        let with_me = (n1 == Some("and") && matches!(n2, Some("I" | "me")))
            || (p1 == Some("and") && matches!(p2, Some("me" | "Me" | "I")));
        // The verb stands right before "to", or before a pronoun object ("forward it to"),
        // or before a determiner and a lower-case noun ("forward the memo to").
        let p3 = prev(3).filter(|_| i >= 3 && same_sentence(i - 3, i));
        let p4 = prev(4).filter(|_| i >= 4 && same_sentence(i - 4, i));
        let lc =
            |w: Option<&str>| w.is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
        let verb_to = p2.is_some_and(|p| is_talk_verb(&p.to_lowercase()))
            || (p3.is_some_and(|p| is_talk_verb(&p.to_lowercase()))
                && matches!(
                    p2,
                    Some("it" | "this" | "that" | "them" | "these" | "those")
                ))
            || (p4.is_some_and(|p| is_talk_verb(&p.to_lowercase()))
                && p3.is_some_and(|p| is_determiner(&p.to_lowercase()))
                && lc(p2));
        let talk = p1.is_some_and(|p| p.eq_ignore_ascii_case("to")) && verb_to
            || p1.is_some_and(|p| p.eq_ignore_ascii_case("with"))
                && p2.is_some_and(|p| {
                    matches!(
                        p.to_lowercase().as_str(),
                        "talk" | "talked" | "spoke" | "speak" | "chat" | "chatted"
                    )
                });
        // Addressed at the start of a sentence: "Ottilie , you were right" (after "I must
        // admit that" too: the name directly before "you" and a verb).
        let starts = sent_of(i)
            .and_then(|si| v.sents.get(si))
            .is_some_and(|s| s.toks.start == i);
        let vocative = starts
            && ((n1 == Some(",") && you_and_verb(n2, next(3).filter(|_| same_sentence(i, i + 3))))
                || you_and_verb(n1, n2));
        // The owner of a lawyer or a family ("Souza's lawyer said"), the one arrested or
        // jailed ("police arrested Souza at his home"; not "arrested Hamas members").
        let owner = matches!(n1, Some("'s" | "\u{2019}s"))
            && n2.is_some_and(|w| {
                matches!(
                    w,
                    "lawyer"
                        | "lawyers"
                        | "attorney"
                        | "attorneys"
                        | "wife"
                        | "husband"
                        | "widow"
                        | "son"
                        | "daughter"
                        | "mother"
                        | "father"
                        | "brother"
                        | "sister"
                        | "family"
                        | "parents"
                        | "girlfriend"
                        | "boyfriend"
                        | "defence"
                        | "defense"
                )
            });
        let next_noun = v.toks.get(i + 1).is_some_and(|t| {
            same_sentence(i, i + 1) && (t.xpos.starts_with("NN") || t.xpos == "POS")
        });
        let seized = !next_noun
            && p1.is_some_and(|p| {
                matches!(
                    p,
                    "arrested"
                        | "detained"
                        | "jailed"
                        | "imprisoned"
                        | "sentenced"
                        | "convicted"
                        | "indicted"
                        | "acquitted"
                        | "executed"
                        | "kidnapped"
                        | "abducted"
                        | "extradited"
                        | "arresting"
                        | "detaining"
                )
            });
        let known = n.from_kb || ctx.kb.names.contains_key(w);
        let ok = if known {
            (kin || with_me) && crate::lexicon::is_first_name(&lw)
        } else {
            kin || job || with_me || talk || vocative || owner || seized
        };
        if ok {
            n.etype = EntityType::Person;
            n.kb = None;
            n.from_kb = false;
        }
    }
}

/// A two- or three-word place the knowledge base does not know, after "the death / killing /
/// murder / funeral / assassination / burial of", is the person it happened to ("protests over
/// the death of Mahsa Amini in police custody"): only people die and are buried.
fn fate_of_persons(ctx: &Ctx, doc: &Document, v: &View, names: &mut [NameSpan]) {
    for n in names.iter_mut() {
        if !matches!(n.etype, EntityType::Gpe | EntityType::Loc)
            || n.from_kb
            || !(2..=3).contains(&n.toks.len())
            || n.toks.start < 3
        {
            continue;
        }
        let i = n.toks.start;
        if v.sent_of(i - 2) != v.sent_of(i) || lower(doc, v, i - 1) != "of" {
            continue;
        }
        let fate = lower(doc, v, i - 2);
        if !matches!(
            fate.as_str(),
            "death" | "killing" | "murder" | "funeral" | "assassination" | "burial"
        ) {
            continue;
        }
        let text = &doc.text[n.span.range()];
        let words_ok = n.toks.clone().all(|k| {
            let w = text_of(doc, v, k);
            is_cap(w)
                && w.chars().any(|c| c.is_lowercase())
                && !crate::lexicon::is_common_word(&w.to_lowercase())
        });
        if words_ok && !ctx.kb.names.contains_key(text) {
            n.etype = EntityType::Person;
            n.kb = None;
        }
    }
}

/// "the North" / "the South" as a name (the tagger's or the knowledge base's region) is
/// the one country of the knowledge base whose name starts "North " / "South " that the
/// article names ("North Korea", "the North Korean leader"): "Lee called on the North to
/// return to dialogue" is about North Korea. Left alone when the article names none or
/// several such countries, or when "the North" is followed by a name ("the North Atlantic").
fn north_and_south(ctx: &Ctx, doc: &Document, v: &View, names: &mut [NameSpan]) {
    for n in names.iter_mut() {
        if n.toks.len() != 1 || n.toks.start == 0 {
            continue;
        }
        let i = n.toks.start;
        let w = text_of(doc, v, i);
        if !matches!(w, "North" | "South") || !text_of(doc, v, i - 1).eq_ignore_ascii_case("the") {
            continue;
        }
        if v.toks.get(i + 1).is_some_and(|t| {
            doc.text[t.span.range()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        }) {
            continue;
        }
        let prefix = format!("{w} ");
        let named: Vec<usize> = ctx
            .kb
            .countries
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.name.starts_with(&prefix)
                    && std::iter::once(&c.name)
                        .chain(&c.aliases)
                        .chain(&c.demonyms)
                        .any(|a| a.starts_with(&prefix) && doc.text.contains(a.as_str()))
            })
            .map(|(k, _)| k)
            .collect();
        if let [c] = named[..] {
            n.etype = EntityType::Gpe;
            n.kb = Some(NameRef::Country(c));
            n.from_kb = true;
        }
    }
}

/// A model person or place right after a lower-case noun for an organisation ("the
/// rights group Foro Penal", "the aid agency Oxfam Novib", "the militia Sahel Guard") is an
/// organisation, unless the knowledge base knows it as a person.
fn named_by_org_noun(doc: &Document, v: &View, names: &mut [NameSpan]) {
    for n in names.iter_mut() {
        if n.etype == EntityType::Org
            || matches!(n.kb, Some(NameRef::Person(_)))
            || n.toks.start == 0
        {
            continue;
        }
        let p = text_of(doc, v, n.toks.start - 1);
        if matches!(
            p,
            "group"
                | "organisation"
                | "organization"
                | "agency"
                | "charity"
                | "company"
                | "firm"
                | "network"
                | "coalition"
                | "movement"
                | "alliance"
                | "militia"
                | "watchdog"
                | "broadcaster"
                | "newspaper"
                | "outlet"
                | "party"
                | "NGO"
                | "union"
                | "consortium"
                | "conglomerate"
        ) {
            n.etype = EntityType::Org;
            if !matches!(n.kb, Some(NameRef::Org(_))) {
                n.kb = None;
                n.from_kb = false;
            }
        }
    }
}

/// Whether `a b` continue an address with "you" and a verb ("you rock", "you were").
fn you_and_verb(a: Option<&str>, b: Option<&str>) -> bool {
    matches!(a, Some("you"))
        && b.is_some_and(|b| {
            matches!(
                b,
                "are" | "were" | "r" | "have" | "rock" | "rule" | "did" | "made" | "re" | "'re"
            )
        })
}

/// A sentence that opens with a capitalised word, a comma, "you" and a verb ("Tarvin , you
/// rock !") addresses a person by name, when the word is not yet part of a name, looks
/// like a name (not a common English word, not all capitals) and is unknown to the
/// knowledge base ("Lagos , you are a city ..." stays a place).
fn addressed_persons(ctx: &Ctx, doc: &Document, v: &View, names: &mut Vec<NameSpan>) {
    for s in &v.sents {
        let i = s.toks.start;
        if s.toks.len() < 4 || s.toks.end > v.toks.len() {
            continue;
        }
        let w = text_of(doc, v, i);
        let lw = w.to_lowercase();
        if !is_name_word(w)
            || !is_cap(w)
            || w.chars().all(|c| !c.is_lowercase())
            || crate::lexicon::is_common_word(&lw)
        {
            continue;
        }
        if ctx.kb.names.contains_key(w)
            || crate::ner::Model::embedded().is_some_and(|m| m.vocab.contains(&lw))
        {
            continue;
        }
        if text_of(doc, v, i + 1) != ","
            || !you_and_verb(Some(text_of(doc, v, i + 2)), Some(text_of(doc, v, i + 3)))
        {
            continue;
        }
        let span = v.toks[i].span;
        let at = names.partition_point(|n| n.span.start < span.start);
        if names.iter().any(|n| n.toks.contains(&i)) {
            continue;
        }
        names.insert(
            at,
            NameSpan {
                span,
                etype: EntityType::Person,
                kb: None,
                toks: i..i + 1,
                from_kb: false,
            },
        );
    }
}

/// Drops what does not belong at the end of a name: the pronoun "I" before a lower-case
/// word or a verb ("Dan I for one", "as Glenford I said"), and the digits of a phone
/// number or extension after a person's name ("Jo Smith 53596"). What is left must still
/// be a name: a lone common English word that remains ("Luckily I") is dropped.
fn trim_name_ends(ctx: &Ctx, doc: &Document, v: &View, names: &mut Vec<NameSpan>) {
    names.retain_mut(|n| {
        if n.from_kb || n.toks.len() < 2 {
            return true;
        }
        let mut e = n.toks.end;
        let last = e - 1;
        let t = text_of(doc, v, last);
        let next = v.toks.get(e).map(|x| &doc.text[x.span.range()]);
        // The pronoun is followed by a lower-case word, a verb or adverb when tags are there
        // ("World War I veterans", "Elizabeth I of England" keep their numeral).
        let next_x = v.toks.get(e).map(|x| x.xpos.as_str()).unwrap_or("");
        let pronoun_i = t == "I"
            && n.etype != EntityType::Event
            && next.is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
            && (next_x.is_empty()
                || next_x.starts_with("VB")
                || next_x == "MD"
                || next_x.starts_with("RB")
                || next.is_some_and(|w| matches!(w, "for" | "too" | "also")));
        // "Manhattan District Attorney Alvin Bragg": the office's first word is no part of
        // the place before it
        let office_word = t == "District"
            && next.is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "attorney" | "attorneys" | "judge" | "prosecutor"
                )
            });
        if pronoun_i || office_word {
            e -= 1;
        } else if n.etype == EntityType::Person {
            while e > n.toks.start + 1
                && text_of(doc, v, e - 1)
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '-' || c == '.')
            {
                e -= 1;
            }
        }
        if e == n.toks.end {
            return true;
        }
        n.toks.end = e;
        n.span = Span::new(v.toks[n.toks.start].span.start, v.toks[e - 1].span.end);
        if n.toks.len() == 1 {
            let w = text_of(doc, v, n.toks.start);
            let lw = w.to_lowercase();
            let common = crate::lexicon::is_common_word(&lw)
                || crate::ner::Model::embedded().is_some_and(|m| m.vocab.contains(&lw));
            if common && !ctx.kb.names.contains_key(w) {
                return false;
            }
        }
        true
    });
}

/// Country names used with "the": acronyms ("the DPRK", "the US") and plural or
/// "Republic" names ("the United States", "the Philippines").
fn takes_article(surface: &str) -> bool {
    let letters: String = surface.chars().filter(|c| c.is_alphabetic()).collect();
    (letters.len() >= 2 && letters.chars().all(|c| c.is_uppercase()))
        || surface.starts_with("United ")
        || surface.contains("Republic")
        || surface.ends_with('s')
        || surface.contains(" of ")
}

fn guess_gender(name: &str) -> char {
    let first = name.split(' ').next().unwrap_or("").to_lowercase();
    if MALE_FIRST_NAMES.contains(&first.as_str()) {
        'm'
    } else if FEMALE_FIRST_NAMES.contains(&first.as_str()) {
        'f'
    } else {
        crate::lexicon::given_name_gender(&first).unwrap_or('?')
    }
}

/// An earlier person entity whose name contains the words of `surface` in order.
fn match_person(ents: &[Ent], surface: &str) -> Option<usize> {
    let words: Vec<&str> = surface.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let mut best: Option<usize> = None;
    for (i, e) in ents.iter().enumerate() {
        if e.etype != EntityType::Person {
            continue;
        }
        let ew: Vec<&str> = e.name.split_whitespace().collect();
        let ew_alt: Vec<&str> = e.name.split([' ', '-']).collect();
        let contains = |hay: &[&str]| hay.windows(words.len()).any(|w| w == words.as_slice());
        if words.len() < ew.len().max(1) + 1 && (contains(&ew) || contains(&ew_alt)) {
            // Most salient: the most mentioned, then the most recent.
            if best.is_none_or(|b| (ents[b].count, ents[b].last_tok) < (e.count, e.last_tok)) {
                best = Some(i);
            }
        }
    }
    best
}

/// A person named by one word only ("Kim"), before any fuller name with that word was
/// read (a headline's "Putin and Kim meet", then "Kim Jong Un"): the mention could not join
/// the full name when it was read, so the one-word entity is merged into the fullest person
/// named later with that word (the most mentioned, then the first named). A name the
/// knowledge base resolved on its own, or several words long, stays.
fn early_short_names(ents: &mut [Ent]) {
    for a in 0..ents.len() {
        // (a headline's surname the model typed as a place or a body too, when it is the
        // last word of the later full name: "Moreau and Lindqvist meet")
        let other_type = matches!(
            ents[a].etype,
            EntityType::Gpe | EntityType::Loc | EntityType::Org
        );
        if !(ents[a].etype == EntityType::Person || other_type)
            || ents[a].kb.is_some()
            || ents[a].mentions.is_empty()
            || ents[a].name.contains([' ', '-'])
            || !matches!(ents[a].key, Key::Text(..))
        {
            continue;
        }
        let first_a = ents[a]
            .mentions
            .iter()
            .map(|m| m.span.start)
            .min()
            .unwrap_or(0);
        let word = ents[a].name.clone();
        let best = (0..ents.len())
            .filter(|&b| {
                b != a
                    && ents[b].etype == EntityType::Person
                    && ents[b].name.contains(' ')
                    && if other_type {
                        ents[b].name.split(' ').next_back() == Some(word.as_str())
                    } else {
                        ents[b].name.split([' ', '-']).any(|w| w == word)
                    }
                    && ents[b]
                        .mentions
                        .iter()
                        .map(|m| m.span.start)
                        .min()
                        .unwrap_or(0)
                        > first_a
            })
            .max_by_key(|&b| {
                (
                    ents[b].count,
                    std::cmp::Reverse(ents[b].mentions.iter().map(|m| m.span.start).min()),
                )
            });
        let Some(b) = best else { continue };
        let moved = std::mem::take(&mut ents[a].mentions);
        let count = std::mem::take(&mut ents[a].count);
        ents[b].mentions.extend(moved);
        ents[b].count += count;
        if ents[b].text_role.is_none() && ents[a].text_role.is_some() {
            ents[b].text_role = ents[a].text_role.take();
            ents[b].text_sector = ents[a].text_sector.take();
            ents[b].text_country = ents[a].text_country.take();
        }
        if ents[b].gender == '?' {
            ents[b].gender = ents[a].gender;
        }
    }
}

/// An organisation entity (other than knowledge-base entry `kb`) with an earlier mention of
/// several words, one of which is `word` ("Congress party" for "Congress").
fn earlier_org_with_word(
    doc: &Document,
    ents: &[Ent],
    word: &str,
    kb: Option<NameRef>,
) -> Option<usize> {
    (0..ents.len()).find(|&b| {
        ents[b].etype == EntityType::Org
            && ents[b].kb != kb
            && ents[b].mentions.iter().any(|m| {
                let t = doc.span_text(m.span);
                let t = t.trim_start_matches("the ").trim_start_matches("The ");
                // the word heads the longer name ("Indian National Congress") or comes
                // before a party word ("Congress party"); not a company before its
                // product ("SpaceX Crew Dragon")
                let ws: Vec<&str> = t.split(' ').collect();
                // (an acronym is the body it names: "Defeat ISIS" is no ISIS)
                !word.chars().all(|c| c.is_uppercase())
                    && ws.len() > 1
                    && (ws[ws.len() - 1] == word
                        || (ws.len() == 2
                            && ws[0] == word
                            && matches!(
                                ws[1].to_lowercase().as_str(),
                                "party" | "movement" | "alliance" | "front" | "group"
                            )))
            })
    })
}

/// Words that end an organisation's full name and are often left out ("the Labour Party"
/// → "Labour").
const ORG_SUFFIXES: &[&str] = &[
    "Party",
    "Corporation",
    "Corp.",
    "Company",
    "Co.",
    "Inc.",
    "Ltd.",
    "Group",
    "Movement",
    "Organization",
    "Organisation",
];

/// Merges an organisation named by the full name of another one without its last word
/// (see [`ORG_SUFFIXES`]) into that one: "Labour" into "Labour Party".
fn org_short_forms(doc: &Document, ents: &mut [Ent]) {
    for a in 0..ents.len() {
        if ents[a].etype != EntityType::Org || ents[a].mentions.is_empty() {
            continue;
        }
        let Some(base) = ORG_SUFFIXES.iter().find_map(|suf| {
            ents[a]
                .name
                .strip_suffix(suf)
                .map(|b| b.trim_end().to_string())
        }) else {
            continue;
        };
        if base.is_empty() || !base.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        for b in 0..ents.len() {
            if b == a
                || ents[b].etype != EntityType::Org
                || ents[b].kb.is_some()
                || ents[b].name != base
            {
                continue;
            }
            // "the Constitution" is not the Constitution Party: a common word used with
            // "the" names something else.
            let lb = base.to_lowercase();
            let common = !base.contains(' ')
                && (is_common_word(&lb)
                    || crate::ner::Model::embedded().is_some_and(|m| m.vocab.contains(&lb)));
            if common
                && ents[b].mentions.iter().any(|m| {
                    doc.span_text(m.span).starts_with("the ")
                        || doc.span_text(m.span).starts_with("The ")
                })
            {
                continue;
            }
            let moved = std::mem::take(&mut ents[b].mentions);
            let count = ents[b].count;
            ents[a].mentions.extend(moved);
            ents[a].count += count;
            ents[b].count = 0;
        }
    }
}

fn name_parts(doc: &Document, v: &View, ents: &mut [Ent]) {
    let mut covered = vec![false; v.toks.len()];
    for e in ents.iter() {
        for m in &e.mentions {
            for t in tok_range(v, m.span) {
                covered[t] = true;
            }
        }
    }
    let person_words: Vec<Vec<String>> = ents
        .iter()
        .map(|e| {
            if e.etype == EntityType::Person {
                e.name.split([' ', '-']).map(|w| w.to_string()).collect()
            } else {
                Vec::new()
            }
        })
        .collect();
    for i in 0..v.toks.len() {
        if covered[i] {
            continue;
        }
        let tok = &doc.text[v.toks[i].span.range()];
        if !is_cap(tok) {
            continue;
        }
        let base = v.toks[i].span.start;
        // Parts of a glued "Kim-Putin" token, or the token itself.
        let mut parts: Vec<(usize, &str)> = Vec::new();
        let mut off = 0;
        for p in tok.split('-') {
            parts.push((base + off, p));
            off += p.len() + 1;
        }
        for (start, p) in parts {
            if p.chars().count() < 2 || !is_cap(p) || p.chars().any(|c| !c.is_alphabetic()) {
                continue;
            }
            // Not the start of a longer capitalised name.
            if i + 1 < v.toks.len()
                && is_cap(text_of(doc, v, i + 1))
                && v.toks[i + 1].span.start > v.toks[i].span.end
                && tok.len() == p.len()
            {
                continue;
            }
            let mut best: Option<(usize, (usize, usize))> = None;
            for (j, e) in ents.iter().enumerate() {
                if e.etype != EntityType::Person {
                    continue;
                }
                let words = &person_words[j];
                if words.len() < 2 || !words.iter().any(|w| w == p) {
                    continue;
                }
                let recent = e
                    .mentions
                    .iter()
                    .filter(|m| m.span.start < start)
                    .map(|m| m.span.start)
                    .max()
                    .unwrap_or(0);
                let score = (e.count, recent);
                if best.is_none_or(|(_, b)| score > b) {
                    best = Some((j, score));
                }
            }
            if let Some((j, _)) = best {
                let span = Span::new(start, start + p.len());
                ents[j].mentions.push(Mention {
                    span,
                    kind: MentionKind::Name,
                });
                ents[j].count += 1;
            }
        }
    }
}

/// A knowledge-base person whose short form is `surface`: the only one with that short
/// form, if he or she held a role around the article date (or the article has no date);
/// else, among several with that short form ("Singh", "Khan"), the only one in office on
/// the article date.
fn kb_short(ctx: &Ctx, surface: &str) -> Option<usize> {
    let in_office = |i: &usize| ctx.kb.people[*i].role_on(ctx.date).is_some();
    // Out of office after holding one ("Obama" in 2020, "Trump" in 2022): still that person
    // when the name is no common word ("Moon" in 2023 is not Moon Jae-in).
    let former = |i: &usize| {
        ctx.date.is_some_and(|d| {
            ctx.kb.people[*i]
                .roles
                .iter()
                .any(|r| r.start.is_some_and(|s| s <= d))
        })
    };
    let distinctive = || {
        let l = surface.to_lowercase();
        !crate::lexicon::is_common_word(&l)
            && !crate::ner::Model::embedded().is_some_and(|m| m.vocab.contains(&l))
    };
    match ctx.kb.people_with_short(surface) {
        [] => None,
        &[one] => {
            (ctx.date.is_none() || in_office(&one) || former(&one) && distinctive()).then_some(one)
        }
        // Several people: only a dated article can tell them apart.
        several => {
            ctx.date?;
            let mut found = several.iter().filter(|i| in_office(i));
            let one = found.next()?;
            found.next().is_none().then_some(*one)
        }
    }
}

/// Whether most words of sentence `si` (four or more words) are capitalised.
fn title_cased(doc: &Document, v: &View, si: usize) -> bool {
    let Some(sent) = v.sents.get(si) else {
        return false;
    };
    let mut words = 0;
    let mut caps = 0;
    // a lower-case word of four letters or more other than a function word ("ruled" in
    // "The Supreme Court ruled on Sunday") makes a sentence, not a title-cased line
    let mut lower_content = false;
    for i in sent.toks.clone() {
        let t = text_of(doc, v, i);
        if t.chars().all(char::is_alphabetic) && t != "I" {
            words += 1;
            if is_cap(t) {
                caps += 1;
            } else if t.chars().count() >= 4
                && !matches!(
                    t,
                    "with"
                        | "from"
                        | "that"
                        | "this"
                        | "into"
                        | "over"
                        | "your"
                        | "their"
                        | "than"
                        | "then"
                        | "when"
                        | "where"
                        | "what"
                        | "about"
                        | "after"
                        | "before"
                )
            {
                lower_content = true;
            }
        }
    }
    words >= 4 && caps * 10 >= words * 6 && !lower_content
}

/// Whether `w` is a capitalised given name ("Traci") that is neither a common English word
/// nor a name the knowledge base knows.
fn is_given_name(ctx: &Ctx, w: &str) -> bool {
    let mut cs = w.chars();
    if !cs.next().is_some_and(|c| c.is_uppercase()) || w.chars().count() < 2 {
        return false;
    }
    let lw = w.to_lowercase();
    crate::lexicon::is_first_name(&lw)
        && !crate::lexicon::is_common_word(&lw)
        && !crate::ner::Model::embedded().is_some_and(|m| m.vocab.contains(&lw))
        && !ctx.kb.names.contains_key(w)
}

fn add_first_names(ctx: &Ctx, doc: &Document, v: &View, names: &mut Vec<NameSpan>) {
    // A model name typed as a place or organisation that is a given name alone, or a given
    // name and one or two name words not common in English, after a greeting perhaps ("Dear
    // Nina Hartley"), is a person.
    for n in names.iter_mut() {
        if n.from_kb || n.etype == EntityType::Person {
            continue;
        }
        // The short name of a person in the knowledge base ("Bush administration",
        // "Abbas said") is that person, whatever type the model gave it, if he or she was
        // in office on the article date; not after "the" ("the Hague", "the Moon").
        if n.toks.len() == 1 {
            let t = text_of(doc, v, n.toks.start);
            let next = if n.toks.end < v.toks.len() {
                lower(doc, v, n.toks.end)
            } else {
                String::new()
            };
            let of_person = matches!(
                next.as_str(),
                "administration"
                    | "government"
                    | "cabinet"
                    | "presidency"
                    | "family"
                    | "era"
                    | "years"
                    | "campaign"
                    | "camp"
                    | "doctrine"
                    | "regime"
            );
            let after_the =
                n.toks.start > 0 && lower(doc, v, n.toks.start - 1) == "the" && !of_person;
            let known = ctx
                .kb
                .people_with_short(t)
                .iter()
                .any(|&i| ctx.date.is_none() || ctx.kb.people[i].role_on(ctx.date).is_some());
            if !after_the && known && !ctx.kb.names.contains_key(t) {
                n.etype = EntityType::Person;
                continue;
            }
        }
        let mut a = n.toks.start;
        while a + 1 < n.toks.end
            && matches!(
                lower(doc, v, a).as_str(),
                "dear" | "hi" | "hello" | "hey" | "thanks" | "thank"
            )
        {
            a += 1;
        }
        let rest = a + 1..n.toks.end;
        if is_given_name(ctx, text_of(doc, v, a))
            && rest.len() <= 2
            && rest.clone().all(|k| {
                let t = text_of(doc, v, k);
                (is_cap(t) && !crate::lexicon::is_common_word(&t.to_lowercase()))
                    || (t.len() == 2 && t.ends_with('.'))
            })
        {
            n.etype = EntityType::Person;
            n.toks.start = a;
            n.span = Span::new(v.toks[a].span.start, n.span.end);
        }
    }
    // An address-book name "Surname, Given" standing alone in quotes or on its own line
    // ("\"Lenhart, Matthew\" <...>") is one person.
    let n = v.toks.len();
    for i in 1..n.saturating_sub(1) {
        if text_of(doc, v, i) != "," {
            continue;
        }
        let (sur, given) = (text_of(doc, v, i - 1), text_of(doc, v, i + 1));
        let si = v.sent_of(i);
        let Some(s) = v.sents.get(si) else { continue };
        let edge = |k: Option<usize>| match k {
            None => true,
            Some(k) => {
                !s.toks.contains(&k) || matches!(text_of(doc, v, k), "\"" | "“" | "”" | "<" | "'")
            }
        };
        if is_cap(sur)
            && sur
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && !crate::lexicon::is_common_word(&sur.to_lowercase())
            && is_cap(given)
            && crate::lexicon::is_first_name(&given.to_lowercase())
            && s.toks.contains(&(i - 1))
            && s.toks.contains(&(i + 1))
            && edge((i - 1).checked_sub(1))
            && edge(Some(i + 2))
            && !names
                .iter()
                .any(|x| x.from_kb && (x.toks.contains(&(i - 1)) || x.toks.contains(&(i + 1))))
        {
            names.retain(|x| !(x.toks.start <= i + 1 && i - 1 < x.toks.end));
            let span = Span::new(v.toks[i - 1].span.start, v.toks[i + 1].span.end);
            names.push(NameSpan {
                span,
                etype: EntityType::Person,
                kb: None,
                toks: i - 1..i + 2,
                from_kb: false,
            });
        }
    }
    let covered = |names: &Vec<NameSpan>, i: usize| names.iter().any(|n| n.toks.contains(&i));
    let mut i = 0;
    while i < n {
        let w = text_of(doc, v, i);
        if covered(names, i) || !is_given_name(ctx, w) {
            i += 1;
            continue;
        }
        // A model name right after, in the same sentence: the given name joins it, and it
        // is a person ("Vince Kaminski"; not "Vince" ending a signature line before "Dear All").
        let send = v.sents.get(v.sent_of(i)).map(|s| s.toks.end).unwrap_or(n);
        if let Some(k) = names.iter().position(|x| {
            x.toks.start == i + 1
                && i + 1 < send
                && !x.from_kb
                && (x.etype == EntityType::Person || x.toks.len() == 1)
        }) {
            let x = &mut names[k];
            x.etype = EntityType::Person;
            x.toks.start = i;
            x.span = Span::new(v.toks[i].span.start, x.span.end);
            i += 1;
            continue;
        }
        // Else the given name and the capitalised name words after it, within the sentence.
        let mut j = i + 1;
        while j < send && j < i + 4 && !covered(names, j) {
            let t = text_of(doc, v, j);
            let lt = t.to_lowercase();
            let initial = t.len() == 2 && t.ends_with('.') && is_cap(t);
            let name_word = is_cap(t)
                && t.chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
                && !crate::lexicon::is_common_word(&lt)
                && !TITLE_WORDS.contains(&lt.as_str());
            if initial || name_word {
                j += 1;
            } else {
                break;
            }
        }
        // Not ending on an initial.
        while j > i + 1 && text_of(doc, v, j - 1).ends_with('.') {
            j -= 1;
        }
        let span = Span::new(v.toks[i].span.start, v.toks[j - 1].span.end);
        names.push(NameSpan {
            span,
            etype: EntityType::Person,
            kb: None,
            toks: i..j,
            from_kb: false,
        });
        i = j;
    }
}

fn add_rule_persons(doc: &Document, v: &View, names: &mut Vec<NameSpan>) {
    let covered = |names: &Vec<NameSpan>, i: usize| names.iter().any(|n| n.toks.contains(&i));
    let n = v.toks.len();
    let mut i = 0;
    while i < n {
        let w = text_of(doc, v, i);
        // Korean name: surname + two capitalised syllables ("Ri Pyong Chol") or
        // surname + hyphenated given name ("Choe Son-hui").
        if KOREAN_SURNAMES.contains(&w) && !covered(names, i) {
            let sent = v.sent_of(i);
            let send = v.sents.get(sent).map(|s| s.toks.end).unwrap_or(n);
            let is_syll = |t: &str| {
                is_cap(t)
                    && (2..=6).contains(&t.len())
                    && t.chars().all(|c| c.is_alphabetic())
                    && t.chars().skip(1).all(|c| c.is_lowercase())
            };
            // Hyphenated given name: "Choe Son-hui", "Kim Young-gwon" (one token, or three
            // glued tokens).
            let hyph = |t: &str| {
                let mut p = t.splitn(2, '-');
                let (a, b) = (p.next().unwrap_or(""), p.next().unwrap_or(""));
                is_syll(a) && !b.is_empty() && b.chars().all(|c| c.is_alphabetic()) && b.len() <= 6
            };
            if i + 1 < send && hyph(text_of(doc, v, i + 1)) && !covered(names, i + 1) {
                let span = Span::new(v.toks[i].span.start, v.toks[i + 1].span.end);
                names.push(NameSpan {
                    span,
                    etype: EntityType::Person,
                    kb: None,
                    toks: i..i + 2,
                    from_kb: false,
                });
                i += 2;
                continue;
            }
            if i + 3 < send
                && is_syll(text_of(doc, v, i + 1))
                && text_of(doc, v, i + 2) == "-"
                && v.toks[i + 2].span.start == v.toks[i + 1].span.end
                && v.toks[i + 3].span.start == v.toks[i + 2].span.end
                && text_of(doc, v, i + 3).chars().all(|c| c.is_alphabetic())
                && (i + 1..i + 4).all(|k| !covered(names, k))
            {
                let span = Span::new(v.toks[i].span.start, v.toks[i + 3].span.end);
                names.push(NameSpan {
                    span,
                    etype: EntityType::Person,
                    kb: None,
                    toks: i..i + 4,
                    from_kb: false,
                });
                i += 4;
                continue;
            }
            if i + 2 < send
                && is_syll(text_of(doc, v, i + 1))
                && is_syll(text_of(doc, v, i + 2))
                && !covered(names, i + 1)
                && !covered(names, i + 2)
            {
                // Don't swallow a following capitalised word that starts a clause.
                let span = Span::new(v.toks[i].span.start, v.toks[i + 2].span.end);
                names.push(NameSpan {
                    span,
                    etype: EntityType::Person,
                    kb: None,
                    toks: i..i + 3,
                    from_kb: false,
                });
                i += 3;
                continue;
            }
        }
        // Title word + capitalised words: "spokesman Matthew Miller".
        let lw = w.to_lowercase();
        if OFFICE_WORDS.contains(&lw.as_str()) || RELATION_WORDS.iter().any(|(r, _)| *r == lw) {
            let mut j = i + 1;
            while j < n && j < i + 5 {
                let t = text_of(doc, v, j);
                if is_cap(t)
                    && t.chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
                    && !covered(names, j)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            // Skip title words themselves ("Defence Minister").
            let mut a = i + 1;
            while a < j && TITLE_WORDS.contains(&lower(doc, v, a).as_str()) {
                a += 1;
            }
            if j - a >= 2 && j - a <= 4 {
                let span = Span::new(v.toks[a].span.start, v.toks[j - 1].span.end);
                names.push(NameSpan {
                    span,
                    etype: EntityType::Person,
                    kb: None,
                    toks: a..j,
                    from_kb: false,
                });
                i = j;
                continue;
            }
        }
        i += 1;
    }
}

struct TitleInfo {
    start: usize,
    role: Option<String>,
    office: bool,
    sector: Option<String>,
    country: Option<String>,
    org_code: Option<String>,
    spokes: bool,
    org_seen: bool,
    gender: char,
}

/// What an office phrase in apposition (tokens `r`: "the director of North Korea's
/// Munitions Industry Department", "An IMF spokeswoman") says of the person: the sector of
/// its title, whether it is a spokesperson, and the code of an organisation or the
/// country named inside it.
fn office_phrase(
    ctx: &Ctx,
    doc: &Document,
    v: &View,
    r: std::ops::Range<usize>,
    info: &mut TitleInfo,
) {
    let lrole = join_tokens(doc, v, r.start, r.end).to_lowercase();
    if info.sector.is_none() {
        info.sector = sector_of_title(ctx, &lrole);
    }
    info.spokes |= lrole.contains("spokes");
    let (a, b) = (v.toks[r.start].span.start, v.toks[r.end - 1].span.end);
    for m in ctx.gaz.find(ctx.kb, &doc.text[a..b]) {
        for r in &m.refs {
            match r {
                NameRef::Org(_) => info.org_code = ctx.kb.describe(*r, ctx.date).2,
                NameRef::Country(c) | NameRef::Demonym(c) if info.country.is_none() => {
                    info.country = Some(ctx.kb.countries[*c].code.clone())
                }
                _ => {}
            }
        }
    }
}

/// Titles before a person's name and appositions after it.
fn titles(
    ctx: &Ctx,
    doc: &Document,
    v: &View,
    toks: std::ops::Range<usize>,
    ents: &[Ent],
    me: usize,
) -> TitleInfo {
    let mut info = TitleInfo {
        start: v.toks[toks.start].span.start,
        role: None,
        office: false,
        sector: None,
        country: None,
        org_code: None,
        spokes: false,
        org_seen: false,
        gender: '?',
    };
    let sent = v.sent_of(toks.start);
    let sstart = v.sents.get(sent).map(|s| s.toks.start).unwrap_or(0);
    let send = v
        .sents
        .get(sent)
        .map(|s| s.toks.end)
        .unwrap_or(v.toks.len());
    // Left scan.
    let mut i = toks.start;
    let mut title_words: Vec<String> = Vec::new();
    let mut relation: Option<(String, char)> = None;
    let mut possessor: Option<String> = None;
    let mut ext = toks.start;
    let mut org_head_title = false;
    while i > sstart {
        let j = i - 1;
        let w = text_of(doc, v, j);
        let lw = w.to_lowercase();
        // An organisation or country mention ending here: "Kremlin spokesman Dmitry
        // Peskov", "State Department spokesman Ned Price", "Russian President".
        if let Some((e, m)) = ents
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
            .find(|(e, m)| {
                matches!(
                    e.etype,
                    EntityType::Org | EntityType::Gpe | EntityType::Norp
                ) && tok_range(v, m.span).end == j + 1
            })
        {
            let r = tok_range(v, m.span);
            let org_ok = !title_words.is_empty() || relation.is_some();
            if org_ok && r.start >= sstart {
                match e.kb {
                    Some(NameRef::Demonym(c)) | Some(NameRef::Country(c)) => {
                        info.country = Some(ctx.kb.countries[c].code.clone());
                    }
                    _ => {
                        let code = e
                            .actor
                            .clone()
                            .or_else(|| e.kb.and_then(|k| ctx.kb.describe(k, ctx.date).2));
                        if e.etype == EntityType::Org {
                            info.org_seen = true;
                            info.org_code = code;
                        } else if let Some(c) = code {
                            info.country = Some(c.get(..3).unwrap_or(&c).to_string());
                        }
                    }
                }
                ext = r.start;
                i = r.start;
                continue;
            }
            break;
        }
        if let Some(r) = ctx.kb.names.get(w) {
            match r[0] {
                NameRef::Demonym(c) | NameRef::Country(c) => {
                    info.country = Some(ctx.kb.countries[c].code.clone());
                    ext = j;
                    i = j;
                    continue;
                }
                _ => {}
            }
        }
        // "of" inside a title ("Secretary of State", "Minister of Defence") belongs to it;
        // a lower-case office before a possessor does not ("the head of President X's office"
        // heads the office; "Secretary of State X's decision" is X's title)
        let possessive_after =
            toks.end < v.toks.len() && matches!(text_of(doc, v, toks.end), "'s" | "’s" | "'");
        let of_office = lw == "of"
            && !(possessive_after && j > sstart && !is_cap(text_of(doc, v, j - 1)))
            && !title_words.is_empty()
            && j > sstart
            && OFFICE_WORDS.contains(&lower(doc, v, j - 1).as_str());
        // A capitalised department before an office ("Treasury Secretary", "Transport
        // Minister") too.
        let department = !title_words.is_empty()
            && is_cap(w)
            && (lw == "cabinet"
                || DEPARTMENT_WORDS.contains(&lw.as_str())
                    && !matches!(lw.as_str(), "the" | "and" | "of"))
            && matches!(
                title_words[0].to_lowercase().as_str(),
                "secretary" | "minister" | "ministers" | "undersecretary"
            );
        // The district or county of a local office ("District Attorney", "County Sheriff").
        let local_office = !title_words.is_empty()
            && is_cap(w)
            && matches!(lw.as_str(), "district" | "county" | "state" | "city")
            && matches!(
                title_words[0].to_lowercase().as_str(),
                "attorney" | "attorneys" | "judge" | "sheriff" | "prosecutor"
            );
        // The hyphen of a hyphenated title ("Secretary-General" as three tokens).
        let title_hyphen = matches!(w, "-" | "‐")
            && !title_words.is_empty()
            && j > sstart
            && v.toks[j - 1].span.end == v.toks[j].span.start
            && v.toks[j].span.end == v.toks[j + 1].span.start
            && TITLE_WORDS.contains(&lower(doc, v, j - 1).as_str());
        if TITLE_WORDS.contains(&lw.as_str()) && lw != "of"
            || of_office
            || department
            || local_office
            || title_hyphen
        {
            title_words.insert(0, w.to_string());
            ext = j;
        } else if let Some((r, g)) = RELATION_WORDS.iter().find(|(r, _)| *r == lw) {
            relation = Some((r.to_string(), *g));
            ext = j;
        } else if is_light_adjective(&lw) && (relation.is_some() || !title_words.is_empty()) {
            ext = j;
        } else if is_determiner(&lw) && (relation.is_some() || !title_words.is_empty()) {
            if matches!(lw.as_str(), "his" | "her") {
                possessor = Some(lw.clone());
            }
            ext = j;
            break;
        } else if !title_words.is_empty()
            && j > sstart
            && w.chars().all(|c| c.is_ascii_lowercase())
            && !crate::lexicon::is_function_word(&lw)
            && portfolio_word(v, j)
            && matches!(
                title_words[0].to_lowercase().as_str(),
                "chief"
                    | "minister"
                    | "commissioner"
                    | "envoy"
                    | "representative"
                    | "official"
                    | "adviser"
                    | "advisor"
                    | "aide"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "head"
                    | "director"
                    | "secretary"
                    | "negotiator"
                    | "regulator"
            )
            && {
                // one or two lower-case words of a portfolio between an organisation or
                // country and the title: "EU competition chief", "Kremlin foreign policy
                // aide"
                let ends_at = |k: usize| {
                    ents.iter()
                        .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
                        .any(|(e, m)| {
                            matches!(
                                e.etype,
                                EntityType::Org | EntityType::Gpe | EntityType::Norp
                            ) && tok_range(v, m.span).end == k + 1
                                && tok_range(v, m.span).start >= sstart
                        })
                };
                ends_at(j - 1)
                    || (j >= sstart + 2
                        && text_of(doc, v, j - 1)
                            .chars()
                            .all(|c| c.is_ascii_lowercase())
                        && !crate::lexicon::is_function_word(&lower(doc, v, j - 1))
                        && portfolio_word(v, j - 1)
                        && ends_at(j - 2))
            }
        {
            ext = j;
        } else if !title_words.is_empty()
            && !is_cap(w)
            && (lw == "central" || ctx.kb.sector(&lw).is_some_and(|s| !s.person))
            && j > sstart
            && {
                // an institution word between a country and the title: "Austrian central bank
                // governor" (the country is read on)
                let mut k = j;
                while k > sstart {
                    let l = lower(doc, v, k - 1);
                    if l == "central" || ctx.kb.sector(&l).is_some_and(|s| !s.person) {
                        k -= 1;
                    } else {
                        break;
                    }
                }
                k > sstart
                    && ctx
                        .kb
                        .names
                        .get(text_of(doc, v, k - 1))
                        .is_some_and(|r| matches!(r[0], NameRef::Demonym(_) | NameRef::Country(_)))
            }
        {
            ext = j;
        } else if is_possessive(w) && j > sstart && (relation.is_some() || !title_words.is_empty())
        {
            // "Russia's Foreign Minister": the country before 's.
            let pw = text_of(doc, v, j - 1);
            if let Some(r) = ctx.kb.names.get(pw) {
                if let NameRef::Country(c) = r[0] {
                    info.country = Some(ctx.kb.countries[c].code.clone());
                    ext = j - 1;
                }
            }
            break;
        } else {
            // "Society President Ash Soni": the head noun of an organisation named before
            // ("the Royal Pharmaceutical Society") says whose office it is.
            let body = matches!(
                lw.as_str(),
                "society"
                    | "association"
                    | "federation"
                    | "league"
                    | "foundation"
                    | "fund"
                    | "trust"
                    | "bank"
                    | "company"
                    | "corporation"
                    | "group"
                    | "union"
                    | "club"
                    | "church"
                    | "institute"
                    | "university"
                    | "college"
                    | "school"
                    | "academy"
                    | "museum"
                    | "hospital"
                    | "party"
                    | "airlines"
                    | "network"
            );
            if !title_words.is_empty() && is_cap(w) && body {
                org_head_title = true;
                let named = ents
                    .iter()
                    .filter(|e| {
                        e.etype == EntityType::Org
                            && e.name
                                .rsplit(' ')
                                .next()
                                .is_some_and(|x| x.eq_ignore_ascii_case(&lw))
                    })
                    .max_by_key(|e| e.last_tok);
                if let Some(e) = named {
                    info.org_code = e
                        .actor
                        .clone()
                        .or_else(|| e.kb.and_then(|k| ctx.kb.describe(k, ctx.date).2));
                }
                title_words.insert(0, w.to_string());
                ext = j;
            }
            break;
        }
        i = j;
    }
    // Multi-word premodifier titles ending in a "of ORG" phrase:
    // "commander of the Korean People's Army Ri Pyong Chol".
    if title_words.is_empty() && relation.is_none() {
        // Look back for: TITLE of [the] ORG NAME
        if let Some(org) = ents
            .iter()
            .filter(|e| matches!(e.etype, EntityType::Org | EntityType::Gpe))
            .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
            .find(|(_, m)| {
                let r = tok_range(v, m.span);
                r.end == toks.start
            })
        {
            let r = tok_range(v, org.1.span);
            let mut k = r.start;
            if k > sstart && lower(doc, v, k - 1) == "the" {
                k -= 1;
            }
            if k > sstart + 1 && lower(doc, v, k - 1) == "of" {
                let mut t = lower(doc, v, k - 2);
                // "Vice President of X", "former President of X".
                let before = if k >= sstart + 3 {
                    lower(doc, v, k - 3)
                } else {
                    String::new()
                };
                if matches!(before.as_str(), "vice" | "deputy") {
                    t = format!("{before} {t}");
                }
                let former = matches!(before.as_str(), "former" | "ex" | "late")
                    || (k >= sstart + 4
                        && matches!(before.as_str(), "vice" | "deputy")
                        && matches!(lower(doc, v, k - 4).as_str(), "former" | "ex"));
                if OFFICE_WORDS.contains(&t.rsplit(' ').next().unwrap_or("")) {
                    let org_text = &doc.text[v.toks[k].span.start..org.1.span.end];
                    info.role = Some(format!("{} of {}", t, org_text));
                    info.office = true;
                    let code = org
                        .0
                        .actor
                        .clone()
                        .or_else(|| org.0.kb.and_then(|r| ctx.kb.describe(r, ctx.date).2));
                    if org.0.etype == EntityType::Org {
                        info.org_code = code;
                    } else {
                        // "Mayor of London Sadiq Khan": the place's country.
                        info.country = code.and_then(|c| c.get(..3).map(str::to_string));
                    }
                    info.sector = former_is_elite(former, sector_of_title(ctx, &t));
                }
            }
        }
    }
    // Courtesy titles give a gender, not a role.
    let courtesy = |w: &str| {
        matches!(
            w.to_lowercase().trim_end_matches('.'),
            "mr" | "mrs" | "ms" | "dr" | "miss"
        )
    };
    if title_words.iter().all(|w| courtesy(w)) && !title_words.is_empty() {
        let w = title_words[0].to_lowercase();
        info.gender = if w.starts_with("mr") && !w.starts_with("mrs") {
            'm'
        } else if w.starts_with("dr") {
            '?'
        } else {
            'f'
        };
        title_words.clear();
    }
    title_words.retain(|w| !courtesy(w));
    if !title_words.is_empty() {
        // (a hyphen glued to its words: "Prime-Minister", "Secretary-General")
        // ("then-Governor": the office, as "Governor" alone)
        let role = title_words.join(" ").replace(" - ", "-");
        let role = role
            .strip_prefix("then-")
            .or_else(|| role.strip_prefix("then "))
            .unwrap_or(&role)
            .to_string();
        // (sectors are looked up without hyphens: "Prime-Minister" as "prime minister")
        let lrole = role.to_lowercase().replace('-', " ");
        info.office = title_words
            .iter()
            .any(|w| OFFICE_WORDS.contains(&w.to_lowercase().as_str()));
        info.spokes = lrole.contains("spokes");
        // The office of a body other than a government ("Society President") has no
        // sector of its own here.
        info.sector = if org_head_title {
            None
        } else {
            sector_of_title(ctx, &lrole)
        };
        // A former official ("former prime minister", "ex-defence minister") is one of
        // the country's elites (CAMEO ELI), as the knowledge base codes people after their
        // last term.
        info.sector = former_is_elite(
            lrole.starts_with("former ") || lrole.starts_with("ex-"),
            info.sector.take(),
        );
        if lrole.contains("mr") {
            info.gender = 'm';
        } else if lrole.contains("mrs")
            || lrole.contains("ms")
            || lrole.contains("queen")
            || lrole.contains("spokeswoman")
        {
            info.gender = 'f';
        }
        info.role = Some(role);
    } else if let Some((r, g)) = &relation {
        info.gender = *g;
        // "his sister" → "sister of <the most recent other male person>".
        let ante = possessor.and_then(|p| {
            let want = if p == "his" { 'm' } else { 'f' };
            ents.iter()
                .enumerate()
                .filter(|(k, e)| {
                    *k != me
                        && e.etype == EntityType::Person
                        && !e.mentions.is_empty()
                        && e.last_tok < toks.start
                        && (e.gender == want || e.gender == '?')
                })
                .map(|(_, e)| e)
                .max_by_key(|e| e.last_tok)
                .map(|e| (e.name.clone(), e.actor.clone(), e.kb))
        });
        match ante {
            Some((n, _, kbr)) => {
                info.role = Some(format!("{r} of {n}"));
                // Relatives share the country of the person they are related to.
                let code = kbr.and_then(|k| ctx.kb.describe(k, ctx.date).2);
                if let Some(c) = code {
                    info.country = Some(c.get(..3).unwrap_or(&c).to_string());
                }
            }
            None => info.role = Some(r.clone()),
        }
    }
    if ext < toks.start {
        info.start = v.toks[ext].span.start;
    }
    // Apposition: "Jo Chun Ryong, the director of North Korea's Munitions Industry
    // Department".
    let mut k = toks.end;
    // (also without a determiner when an office word opens a phrase: "Nicholas Koumjian,
    // head of the Independent Investigative Mechanism for Myanmar")
    let bare = k + 3 < send
        && text_of(doc, v, k) == ","
        && OFFICE_WORDS.contains(&text_of(doc, v, k + 1))
        && matches!(lower(doc, v, k + 2).as_str(), "of" | "for" | "at" | "to");
    if bare {
        k -= 1;
    }
    if k + 2 < send
        && (bare
            || text_of(doc, v, k) == ","
                && matches!(
                    lower(doc, v, k + 1).as_str(),
                    "the" | "a" | "an" | "his" | "her"
                ))
    {
        let mut words = Vec::new();
        let mut end = k + 2;
        while end < send
            && !matches!(
                text_of(doc, v, end),
                "," | "." | ";" | ":" | "\"" | "(" | ")"
            )
        {
            end += 1;
            if end - k > 14 {
                break;
            }
        }
        let head = lower(doc, v, k + 2);
        let head2 = if k + 3 < send {
            lower(doc, v, k + 3)
        } else {
            String::new()
        };
        let is_office = |w: &str| OFFICE_WORDS.contains(&w);
        if is_office(&head) || is_office(&head2) || TITLE_WORDS.contains(&head.as_str()) {
            for t in k + 2..end {
                words.push(text_of(doc, v, t).to_string());
            }
            let appos = join_tokens(doc, v, k + 2, end);
            if !words.is_empty() {
                office_phrase(ctx, doc, v, k + 2..end, &mut info);
                if info.role.is_none() || !info.office {
                    info.role = Some(appos);
                    info.office = true;
                }
            }
        }
        k = end;
        let _ = k;
    }
    // An office in apposition before the name: "An IMF spokeswoman, Julie Kozack, told",
    // "A State Department spokesman, Matthew Miller, said" (the office phrase opens the
    // sentence or follows "and"/"but"; the name is closed by a comma).
    if info.role.is_none()
        && toks.start >= sstart + 3
        && text_of(doc, v, toks.start - 1) == ","
        && toks.end < send
        && (text_of(doc, v, toks.end) == ","
            || toks.end + 1 == send && matches!(text_of(doc, v, toks.end), "." | "!" | "?"))
    {
        // The office word ends the phrase, or a short "for/of/to/on/in" phrase of capitalised
        // words follows it ("The United Nations envoy for Sudan, Ramtane Lamamra,", "Germany's
        // ambassador in Belgrade, Anke Konrad,").
        let mut head_i = toks.start - 2;
        let last = toks.start - 2;
        if !OFFICE_WORDS.contains(&lower(doc, v, head_i).as_str()) {
            let mut j = head_i;
            while j > sstart && head_i - j < 5 {
                let w = text_of(doc, v, j);
                if matches!(w, "for" | "of" | "to" | "on" | "in") {
                    break;
                }
                if !(w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(w, "the" | "and" | "'s" | "’s"))
                {
                    j = sstart;
                    break;
                }
                j -= 1;
            }
            if j > sstart
                && matches!(text_of(doc, v, j), "for" | "of" | "to" | "on" | "in")
                && j < head_i
            {
                head_i = j - 1;
            }
        }
        let head = lower(doc, v, head_i);
        if OFFICE_WORDS.contains(&head.as_str()) {
            // Back to the determiner that opens the phrase, over capitalised words (the
            // organisation: "State Department"), a possessive and light modifiers.
            let mut a = head_i;
            let mut opened = false;
            while a > sstart && head_i - a < 8 {
                let w = text_of(doc, v, a - 1);
                let lw = w.to_lowercase();
                if is_determiner(&lw) {
                    a -= 1;
                    opened = true;
                    break;
                }
                let ok = w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(w, "'s" | "’s")
                    || TITLE_WORDS.contains(&lw.as_str())
                    || is_light_adjective(&lw)
                    // (a sector word: "Japan's top government spokesman")
                    || ctx.kb.sector(&lw).is_some_and(|s| !s.person);
                if !ok {
                    break;
                }
                a -= 1;
            }
            // (or is the object of a verb: "Arce swore in a new army commander, Jose Wilson
            // Sanchez,", "named the former minister, X,")
            let after_verb = |k: usize| v.toks[k].xpos.starts_with("VB");
            let starts_clause = a == sstart
                || matches!(
                    lower(doc, v, a - 1).as_str(),
                    "and" | "but" | "while" | "as"
                )
                || after_verb(a - 1)
                || (a >= sstart + 2
                    && matches!(v.toks[a - 1].xpos.as_str(), "RP" | "IN")
                    && after_verb(a - 2));
            // A phrase opened by a possessor ("Iran's deputy defence minister, Mehdi Farahi,"),
            // where the sentence has it: at its start or after any word.
            let possessive = !opened
                && (a..head_i).any(|k| matches!(text_of(doc, v, k), "'s" | "’s"))
                && text_of(doc, v, a)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            if possessive {
                if let Some(k) = (a..head_i).find(|&k| matches!(text_of(doc, v, k), "'s" | "’s"))
                {
                    let owner = join_tokens(doc, v, a, k);
                    // (a country or a known organisation: not "San Diego's chancellor")
                    let owner_ok = ctx
                        .kb
                        .names
                        .get(owner.as_str())
                        .is_some_and(|r| matches!(r[0], NameRef::Country(_) | NameRef::Org(_)));
                    if owner_ok {
                        office_phrase(ctx, doc, v, a..last + 1, &mut info);
                        info.role = Some(join_tokens(doc, v, k + 1, last + 1));
                        info.office = true;
                    }
                }
            } else if opened && starts_clause && a + 1 < head_i + 1 {
                office_phrase(ctx, doc, v, a + 1..last + 1, &mut info);
                info.role = Some(join_tokens(doc, v, a + 1, last + 1));
                info.office = true;
            }
        }
    }
    // Affiliation: "Sheldon Yett of UNICEF", "Jane Roe of the World Food Programme": the
    // code of a knowledge-base organisation right after "of", for people the knowledge base
    // does not know.
    if info.org_code.is_none()
        && ents.get(me).is_some_and(|e| e.kb.is_none())
        && toks.end + 1 < send
        && lower(doc, v, toks.end) == "of"
    {
        let mut k = toks.end + 1;
        if k + 1 < send && lower(doc, v, k) == "the" {
            k += 1;
        }
        let a = v.toks[k].span.start;
        let b = v.toks[(k + 8).min(send) - 1].span.end;
        if let Some(m) = ctx
            .gaz
            .find(ctx.kb, &doc.text[a..b])
            .into_iter()
            .find(|m| m.span.start == 0)
        {
            if let Some(r @ NameRef::Org(_)) = m.refs.first().copied() {
                info.org_code = ctx.kb.describe(r, ctx.date).2;
            }
        }
    }
    info
}

/// Whether token `k` may name a portfolio before a title: a common noun or adjective as the
/// tagger reads it ("competition", "foreign", "policy"; not "confirmed", "candidate" as a
/// person noun is still a noun, but the title list keeps it out).
fn portfolio_word(v: &View, k: usize) -> bool {
    matches!(v.toks[k].xpos.as_str(), "NN" | "JJ")
}

/// The sector of a title, ELI for a former holder of a public office.
fn former_is_elite(former: bool, sector: Option<String>) -> Option<String> {
    match sector {
        Some(s) if former && crate::kb::is_official_sector(&s) => Some("ELI".to_string()),
        other => other,
    }
}

/// The word ending at token `j` made of tokens glued without spaces ("state-run" as
/// "state", "-", "run"): (first token, text).
fn glued_word(doc: &Document, v: &View, j: usize, min: usize) -> (usize, String) {
    let mut a = j;
    while a > min && v.toks[a - 1].span.end == v.toks[a].span.start {
        a -= 1;
    }
    (a, join_tokens(doc, v, a, j + 1))
}

/// Text of tokens [a, b) as written.
fn join_tokens(doc: &Document, v: &View, a: usize, b: usize) -> String {
    if a >= b {
        return String::new();
    }
    doc.text[v.toks[a].span.start..v.toks[b - 1].span.end].to_string()
}

fn sector_of_title(ctx: &Ctx, lrole: &str) -> Option<String> {
    let ws = crate::phrase::words(lrole);
    if let Some((s, _)) = crate::phrase::head_sector(ctx.kb, &ws) {
        return Some(s.sector.clone());
    }
    // A secretary of a government department ("Transport Secretary", "Chief Cabinet
    // Secretary", "Secretary of Defense"): not a company's or a party's secretary.
    let ws: Vec<String> = ws.into_iter().map(|w| w.2).collect();
    let secretary = ws.iter().position(|w| w == "secretary")?;
    let dept: Vec<&str> = ws
        .iter()
        .enumerate()
        .filter(|&(i, w)| {
            i != secretary
                && (w == "cabinet"
                    || DEPARTMENT_WORDS.contains(&w.as_str())
                        && !matches!(w.as_str(), "the" | "and" | "of"))
        })
        .map(|(_, w)| w.as_str())
        .collect();
    let adjacent = secretary > 0 && dept.contains(&ws[secretary - 1].as_str())
        || ws.get(secretary + 1).is_some_and(|w| w == "of") && !dept.is_empty();
    if !adjacent {
        return None;
    }
    Some(
        if dept
            .iter()
            .any(|w| matches!(*w, "defence" | "defense" | "war" | "army" | "navy"))
        {
            "MIL"
        } else {
            "GOV"
        }
        .to_string(),
    )
}

fn extend_org_mentions(ctx: &Ctx, doc: &Document, v: &View, ents: &mut [Ent]) {
    for e in ents.iter_mut() {
        if e.etype != EntityType::Org {
            continue;
        }
        for m in e.mentions.iter_mut() {
            let r = tok_range(v, m.span);
            if r.is_empty() {
                continue;
            }
            let sent = v.sent_of(r.start);
            let (ss, se) = v
                .sents
                .get(sent)
                .map(|s| (s.toks.start, s.toks.end))
                .unwrap_or((0, v.toks.len()));
            // Right: agent noun ("news agency").
            let mut end = r.end;
            for n in (1..=2).rev() {
                if end + n <= se {
                    let phrase: Vec<String> = (end..end + n).map(|i| lower(doc, v, i)).collect();
                    let phrase = phrase.join(" ");
                    if ctx.kb.sector(&phrase).is_some_and(|s| !s.person) {
                        end += n;
                        break;
                    }
                }
            }
            let mut start = r.start;
            if end > r.end {
                // Left: "the state-run".
                while start > ss {
                    let (ws, w) = glued_word(doc, v, start - 1, ss);
                    let w = w.to_lowercase();
                    if is_light_adjective(&w) || w == "the" {
                        start = ws;
                        if w == "the" {
                            break;
                        }
                    } else {
                        break;
                    }
                }
            }
            // Left: "North Korea's" before an organisation name.
            if start >= ss + 2 && start == r.start && is_possessive(text_of(doc, v, start - 1)) {
                let mut k = start - 1;
                let mut j = k;
                while j > ss && is_cap(text_of(doc, v, j - 1)) {
                    j -= 1;
                }
                if j < k {
                    let cand = join_tokens(doc, v, j, k);
                    if ctx
                        .kb
                        .names
                        .get(cand.as_str())
                        .is_some_and(|r| matches!(r[0], NameRef::Country(_)))
                    {
                        k = j;
                        start = k;
                    }
                }
            }
            m.span = Span::new(
                v.toks[start].span.start.min(m.span.start),
                v.toks[end - 1].span.end.max(m.span.end),
            );
        }
    }
}

fn institutions(
    ctx: &Ctx,
    doc: &Document,
    v: &View,
    ents: &mut Vec<Ent>,
    key_index: &mut HashMap<Key, usize>,
) {
    // Demonym mentions followed by an institution noun.
    let mut found: Vec<(Span, String, String, usize)> = Vec::new(); // span, name, code, demonym entity
                                                                    // Also a country's possessive or name as a modifier: "Sudan's army said", "Iran's
                                                                    // foreign ministry", "Niger junta expels".
    for (ei, e) in ents.iter().enumerate() {
        let (c, possessive) = match e.kb {
            Some(NameRef::Demonym(c)) => (c, false),
            Some(NameRef::Country(c)) => (c, true),
            _ => continue,
        };
        for m in &e.mentions {
            let r = tok_range(v, m.span);
            let sent = v.sent_of(r.start.min(v.toks.len().saturating_sub(1)));
            let se = v
                .sents
                .get(sent)
                .map(|s| s.toks.end)
                .unwrap_or(v.toks.len());
            // (or the country's name as a modifier: "Niger junta expels ...")
            let after = if possessive {
                if r.end < se && matches!(text_of(doc, v, r.end), "'s" | "\u{2019}s") {
                    r.end + 1
                } else {
                    r.end
                }
            } else {
                r.end
            };
            for n in (1..=2).rev() {
                if after + n <= se {
                    let phrase: Vec<String> =
                        (after..after + n).map(|i| lower(doc, v, i)).collect();
                    let phrase = phrase.join(" ");
                    // (also a ministry the sector table names: "the Palestinian health
                    // ministry")
                    let ministry =
                        n == 2 && phrase.ends_with(" ministry") && ctx.kb.sector(&phrase).is_some();
                    if INSTITUTION_NOUNS.contains(&phrase.as_str()) || ministry {
                        if let Some(sec) = ctx.kb.sector(&phrase) {
                            let mut start = r.start;
                            if start > 0 && lower(doc, v, start - 1) == "the" {
                                start -= 1;
                            }
                            // (a capitalised institution noun after the possessive is a name
                            // the recognizer reads itself: "Sudan's Sovereignty Council")
                            if possessive && (after..after + n).any(|k| is_cap(text_of(doc, v, k)))
                            {
                                break;
                            }
                            let span =
                                Span::new(v.toks[start].span.start, v.toks[after + n - 1].span.end);
                            // (the name without the article a knowledge-base alias may hold:
                            // "the US" + "government" is "US government")
                            let own = &doc.text[m.span.range()];
                            let own = own
                                .strip_prefix("the ")
                                .or_else(|| own.strip_prefix("The "))
                                .unwrap_or(own);
                            let name = if after > r.end {
                                format!("{own}'s {phrase}")
                            } else {
                                format!("{own} {phrase}")
                            };
                            let code = format!("{}{}", ctx.kb.countries[c].code, sec.sector);
                            found.push((span, name, code, ei));
                        }
                        break;
                    }
                }
            }
        }
    }
    for (span, name, code, _) in found {
        let key = Key::Text(EntityType::Org, name.to_lowercase());
        let idx = match key_index.get(&key) {
            Some(&i) => i,
            None => {
                ents.push(Ent::new(
                    name.clone(),
                    EntityType::Org,
                    key.clone(),
                    None,
                    Some(code),
                    '?',
                ));
                key_index.insert(key, ents.len() - 1);
                ents.len() - 1
            }
        };
        ents[idx].mentions.push(Mention {
            span,
            kind: MentionKind::Name,
        });
        ents[idx].count += 1;
    }
}

fn assign_codes(ctx: &Ctx, doc: &Document, v: &View, ents: &mut [Ent]) {
    // A namesake: the text gives the person an office the knowledge base's person does not
    // hold then, and the document never names that person's country ("Defense Minister
    // Pedro Sanchez" in a Colombian story is not Spain's prime minister).
    let countries_named: std::collections::HashSet<String> = ents
        .iter()
        .filter(|e| e.etype != EntityType::Person)
        .filter_map(|e| {
            e.actor
                .clone()
                .or_else(|| e.kb.and_then(|r| ctx.kb.describe(r, ctx.date).2))
        })
        .filter_map(|c| c.get(..3).map(str::to_string))
        .collect();
    for e in ents.iter_mut() {
        let (Some(NameRef::Person(p)), Some(text_role)) = (e.kb, e.text_role.as_deref()) else {
            continue;
        };
        let person = &ctx.kb.people[p];
        let Some(kb_role) = person.role_on(ctx.date) else {
            continue;
        };
        let norm = |r: &str| {
            r.to_lowercase()
                .replace("defense", "defence")
                .replace('-', " ")
        };
        let (t, k) = (norm(text_role), norm(&kb_role.role));
        let office = OFFICE_WORDS.iter().any(|w| t.split(' ').any(|x| x == *w));
        let same_office = t.ends_with(&k) || k.ends_with(&t);
        let kb_country = kb_role.code.get(..3).unwrap_or("");
        if office
            && !same_office
            && !t.starts_with("former")
            && !countries_named.contains(kb_country)
            && !countries_named.is_empty()
        {
            // Another known person with that office then, whose name holds every word of
            // this one ("Pedro Sanchez" → Colombia's defence minister Pedro Arnulfo Sanchez).
            let words: Vec<String> = e.name.split_whitespace().map(str::to_lowercase).collect();
            let mut other = ctx.kb.people.iter().enumerate().filter(|(j, q)| {
                *j != p
                    && q.role_on(ctx.date).is_some_and(|r| {
                        let k = norm(&r.role);
                        t.ends_with(&k) || k.ends_with(&t)
                    })
                    && {
                        let qn: Vec<String> =
                            q.name.split_whitespace().map(str::to_lowercase).collect();
                        words.iter().all(|w| qn.contains(w))
                    }
            });
            e.kb = match (other.next(), other.next()) {
                (Some((j, q)), None) => {
                    e.name = q.name.clone();
                    Some(NameRef::Person(j))
                }
                _ => None,
            };
        }
    }
    // Known referents first.
    for e in ents.iter_mut() {
        if e.actor.is_some() {
            continue;
        }
        match e.kb {
            Some(NameRef::Capital(c)) => {
                let code = &ctx.kb.countries[c].code;
                e.actor = Some(if e.gov_count == 0 || e.gov_count < e.loc_count {
                    code.clone()
                } else {
                    format!("{code}GOV")
                });
            }
            Some(NameRef::Person(p)) => {
                let person = &ctx.kb.people[p];
                match person.role_on(ctx.date) {
                    Some(r) => {
                        e.actor = Some(r.code.clone());
                        e.role = Some(r.role.clone());
                    }
                    None => {
                        e.actor = person.code_on(ctx.date);
                    }
                }
            }
            Some(r) => {
                e.actor = ctx.kb.describe(r, ctx.date).2;
            }
            None => {}
        }
    }
    // Document country: the most mentioned country (for people with a title only).
    let country_counts = country_mentions(ents.iter());
    // Organisations the knowledge base does not know: country and sector from their name
    // ("Philippine Army" → PHLMIL); a sector alone ("Supreme Court") takes the country the
    // document is mostly about.
    let dominant = dominant_country(&country_counts);
    // A town the knowledge base does not know ("the besieged city of El Fasher" in an
    // article about Sudan) is in the country the document is mostly about.
    // (only a name the text calls a town: "city of", "town of", "village of", ...)
    if let Some(d) = &dominant {
        for e in ents.iter_mut() {
            if e.etype == EntityType::Gpe
                && e.actor.is_none()
                && e.kb.is_none()
                && e.mentions.iter().any(|m| {
                    let before = doc.text[..m.span.start].trim_end();
                    [
                        "city of",
                        "town of",
                        "village of",
                        "province of",
                        "region of",
                        "district of",
                    ]
                    .iter()
                    .any(|p| before.ends_with(p))
                })
            {
                e.actor = Some(d.clone());
            }
        }
    }
    generic_institutions(doc, ents);
    // Places with a country code, by mention ("the territory's Health Ministry": the
    // country named last before it).
    let places: Vec<(usize, String)> = ents
        .iter()
        .filter(|e| e.etype == EntityType::Gpe)
        .filter_map(|e| {
            e.actor
                .as_deref()
                .and_then(|a| a.get(..3))
                .filter(|c| c.chars().all(|x| x.is_ascii_uppercase()) && *c != "IGO")
                .map(|c| (e, c.to_string()))
        })
        .flat_map(|(e, c)| e.mentions.iter().map(move |m| (m.span.start, c.clone())))
        .collect();
    for e in ents.iter_mut() {
        if e.etype != EntityType::Org || e.actor.is_some() || e.kb.is_some() {
            continue;
        }
        // A navy's ship by its prefix ("USS Carney", "HMS Diamond").
        let ship = [
            ("USS ", "USAMIL"),
            ("HMS ", "GBRMIL"),
            ("HMAS ", "AUSMIL"),
            ("HMCS ", "CANMIL"),
            ("INS ", "INDMIL"),
            ("JS ", "JPNMIL"),
        ]
        .iter()
        .find(|(p, _)| {
            e.name
                .strip_prefix(p)
                .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
        });
        if let Some((_, code)) = ship {
            e.actor = Some(code.to_string());
            continue;
        }
        match crate::phrase::phrase_code(ctx.kb, ctx.gaz, &e.name, ctx.date) {
            Some(c) if c.len() > 3 => e.actor = Some(c),
            // A country alone ("the Florida Museum of Natural History" → USA) is the code;
            // only a sector alone takes the document's country.
            Some(c) if c.len() == 3 && !ctx.kb.sectors.values().any(|s| s.sector == c) => {
                e.actor = Some(c)
            }
            Some(c) if c.len() == 3 => {
                // "the country's / territory's / island's Health Ministry": the country named
                // last before it
                let start = e.mentions.first().map(|m| m.span.start).unwrap_or(0);
                let before = doc.text[..start]
                    .trim_end()
                    .to_lowercase()
                    .replace('’', "'");
                let anaphoric = [
                    "the country's",
                    "the territory's",
                    "the enclave's",
                    "the island's",
                    "the nation's",
                    "the kingdom's",
                    "the republic's",
                ]
                .iter()
                .any(|p| before.ends_with(p));
                let last = places
                    .iter()
                    .filter(|(p, _)| *p < start)
                    .max_by_key(|(p, _)| *p)
                    .map(|(_, k)| k.clone());
                // "Russia's Defence Ministry": the possessor country named in the mention
                let possessor = e.mentions.iter().find_map(|m| {
                    let t = doc.span_text(m.span).replace('\u{2019}', "'");
                    let (owner, _) = t.split_once("'s ")?;
                    let owner = owner.strip_prefix("the ").unwrap_or(owner);
                    ctx.kb.names.get(owner).and_then(|r| match r[0] {
                        NameRef::Country(ci) => Some(ctx.kb.countries[ci].code.clone()),
                        _ => None,
                    })
                });
                if let Some(k) = possessor {
                    e.actor = Some(format!("{k}{c}"));
                } else if let (true, Some(k)) = (anaphoric, last) {
                    e.actor = Some(format!("{k}{c}"));
                } else if let Some(d) = &dominant {
                    e.actor = Some(format!("{d}{c}"));
                }
            }
            _ => {}
        }
    }
    // People without a knowledge-base code: from their role in context.
    let mut snapshot: Vec<(EntityType, Option<String>, usize, Vec<Span>)> = ents
        .iter()
        .map(|e| {
            (
                e.etype,
                e.actor.clone(),
                e.last_tok,
                e.mentions.iter().map(|m| m.span).collect(),
            )
        })
        .collect();
    for i in 0..ents.len() {
        if ents[i].etype != EntityType::Person {
            continue;
        }
        if ents[i].text_role.is_some() && (ents[i].role.is_none() || ents[i].kb.is_none()) {
            ents[i].role = ents[i].text_role.clone();
        }
        if ents[i].actor.is_some()
            && ents[i].kb.is_some_and(
                |r| matches!(r, NameRef::Person(p) if ctx.kb.people[p].role_on(ctx.date).is_some()),
            )
        {
            continue;
        }
        let first = ents[i].mentions.first().map(|m| m.span).unwrap_or_default();
        let ftok = tok_range(v, first).start;
        let sent = v.sent_of(ftok.min(v.toks.len().saturating_sub(1)));
        let sspan = v.sents.get(sent).map(|s| s.span).unwrap_or_default();
        let prev_span = if sent > 0 {
            v.sents.get(sent - 1).map(|s| s.span).unwrap_or_default()
        } else {
            Span::default()
        };
        // Context: coded entities mentioned in this sentence before the person, else in the
        // previous sentence.
        let ctx_code = |pred: &dyn Fn(EntityType, &str) -> bool| -> Option<String> {
            let mut best: Option<(usize, String)> = None;
            for (j, (t, a, _, spans)) in snapshot.iter().enumerate() {
                if j == i {
                    continue;
                }
                let Some(a) = a else { continue };
                if !pred(*t, a) {
                    continue;
                }
                for s in spans {
                    let in_ctx = (sspan.contains(*s) && s.start < first.start)
                        || prev_span.contains(*s)
                        || (sspan.contains(*s));
                    if in_ctx {
                        let score = if sspan.contains(*s) && s.start < first.start {
                            3_000_000 + s.start
                        } else if sspan.contains(*s) {
                            2_000_000 + (usize::MAX - s.start).min(999_999)
                        } else {
                            1_000_000 + s.start
                        };
                        if best.as_ref().is_none_or(|(b, _)| score > *b) {
                            best = Some((score, a.clone()));
                        }
                    }
                }
            }
            best.map(|(_, a)| a)
        };
        let e = &ents[i];
        let code = if let Some(c) = &e.role_org_code {
            Some(c.clone())
        } else if e.spokes {
            // The organisation the spokesperson speaks for: one named before in the
            // sentence (nearest), else the first one of the previous sentence (its subject).
            let mut same: Option<(usize, String)> = None;
            let mut prev: Option<(usize, String)> = None;
            for (j, (t, a, _, spans)) in snapshot.iter().enumerate() {
                let Some(a) = a else { continue };
                if j == i || *t != EntityType::Org || a.ends_with("MED") {
                    continue;
                }
                for s in spans {
                    if sspan.contains(*s)
                        && s.start < first.start
                        && same.as_ref().is_none_or(|(b, _)| s.start > *b)
                    {
                        same = Some((s.start, a.clone()));
                    }
                    if prev_span.contains(*s) && prev.as_ref().is_none_or(|(b, _)| s.start < *b) {
                        prev = Some((s.start, a.clone()));
                    }
                }
            }
            // Else the country (named in the title, or the document's) and the sector of
            // the title's other words ("Police spokesman" → COP), by default GOV.
            // A capitalised word the sector table does not know ("Sea-Eye spokesperson")
            // names some other body: no code.
            let sector = || -> Option<String> {
                let rest: Vec<&str> = e
                    .text_role
                    .as_deref()
                    .unwrap_or("")
                    .split_whitespace()
                    .filter(|w| !w.to_lowercase().contains("spokes"))
                    .collect();
                match sector_of_title(ctx, &rest.join(" ").to_lowercase()) {
                    Some(s) => Some(s),
                    None if rest.iter().any(|w| is_cap(w)) => None,
                    None => Some("GOV".to_string()),
                }
            };
            // A title that names its own sector ("Army spokesman", "Police spokeswoman")
            // speaks for that sector of the country (named in the title, else the country
            // of the organisation in context, else the document's): in a story about a war
            // with a rebel force named just before, the army's spokesman is not a rebel.
            let own_sector = {
                let rest: Vec<&str> = e
                    .text_role
                    .as_deref()
                    .unwrap_or("")
                    .split_whitespace()
                    .filter(|w| !w.to_lowercase().contains("spokes"))
                    .collect();
                if rest.is_empty() {
                    None
                } else {
                    sector_of_title(ctx, &rest.join(" ").to_lowercase())
                }
            };
            let context_country = same
                .as_ref()
                .or(prev.as_ref())
                .and_then(|x| x.1.get(..3))
                .filter(|c| ctx.kb.country(c).is_some())
                .map(str::to_string);
            let titled = own_sector.and_then(|s| {
                e.text_country
                    .clone()
                    .or(context_country)
                    .or_else(|| dominant.clone())
                    .map(|c| format!("{c}{s}"))
            });
            titled
                .or_else(|| same.or(prev).map(|x| x.1))
                .or_else(|| e.text_country.as_ref().map(|c| format!("{c}GOV")))
                .or_else(|| {
                    if e.org_seen {
                        None
                    } else {
                        dominant
                            .as_ref()
                            .and_then(|c| sector().map(|s| format!("{c}{s}")))
                    }
                })
        } else {
            // A country met only once nearby ("the Gulf of Mexico") yields to the country
            // the document is mostly about.
            let near = ctx_code(&|t, a| {
                matches!(
                    t,
                    EntityType::Person | EntityType::Gpe | EntityType::Org | EntityType::Norp
                ) && a.len() >= 3
                    && !a.starts_with("IGO")
                    && !a.starts_with("NGO")
                    && !a.starts_with("IMG")
            })
            .map(|a| a[..3].to_string())
            .map(|c| match &dominant {
                Some(d)
                    if country_counts.get(&c).copied().unwrap_or(0) < 2
                        && country_counts.get(d).copied().unwrap_or(0) >= 3 =>
                {
                    d.clone()
                }
                _ => c,
            });
            // A known person out of office keeps the knowledge base's country.
            let kb_country = match e.kb {
                Some(NameRef::Person(p)) => ctx.kb.people[p]
                    .code_on(ctx.date)
                    .and_then(|c| c.get(..3).map(str::to_string))
                    .filter(|c| ctx.kb.country(c).is_some()),
                _ => None,
            };
            let country = e.text_country.clone().or(kb_country).or(near).or_else(|| {
                country_counts
                    .iter()
                    .max_by_key(|(k, n)| (**n, std::cmp::Reverse((*k).clone())))
                    .map(|(k, _)| k.clone())
            });
            match (&country, &e.text_sector) {
                (Some(c), Some(s)) => Some(format!("{c}{s}")),
                (Some(c), None) if e.text_role.is_some() => Some(c.clone()),
                _ => None,
            }
        };
        // A known person out of office described by an office the knowledge base says he
        // or she held ("President Barack Obama" in 2019, "leader of Zimbabwe Robert Mugabe"
        // in his obituary) is coded as the knowledge base codes former office holders.
        let code = match (ents[i].kb, &code) {
            (Some(NameRef::Person(p)), Some(c))
                if ctx.kb.people[p].role_on(ctx.date).is_none()
                    && ctx.kb.people[p].roles.iter().any(|r| &r.code == c) =>
            {
                // (Only after the last term: before the first one the text may name an
                // office the knowledge base does not list.)
                match ctx.kb.people[p].code_on(ctx.date) {
                    Some(k) if k.ends_with("ELI") => Some(k),
                    _ => code,
                }
            }
            _ => code,
        };
        let code = code.or_else(|| ents[i].actor.clone());
        // Coordinated with a coded person ("Ri Pyong Chol, Pak Jong Chon, and ..."): share
        // their code.
        let code = code.or_else(|| coordinated_code(doc, v, &snapshot, i, first));
        ents[i].actor = code;
        snapshot[i].1 = ents[i].actor.clone();
    }
}

/// Mentions per country of the coded entities (IGO, NGO and IMG codes left out).
fn country_mentions<'a>(ents: impl Iterator<Item = &'a Ent>) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for e in ents {
        if let Some(a) = &e.actor {
            if a.len() >= 3
                && !a.starts_with("IGO")
                && !a.starts_with("NGO")
                && !a.starts_with("IMG")
            {
                *counts.entry(a[..3].to_string()).or_default() += e.count;
            }
        }
    }
    counts
}

/// "the interior ministry said", "the federal prison service said": an institution the
/// text does not name, the speaker or actor of its clause, in the country the document is
/// mostly about. "the", up to two lower-case modifiers and a head noun whose phrase (or
/// which alone) the sector table knows, followed by a verb of saying or a closing word;
/// one entity per phrase.
fn unnamed_institutions(ctx: &Ctx, doc: &Document, v: &View, ents: &mut Vec<Ent>) {
    const HEADS: &[&str] = &[
        "ministry",
        "service",
        "department",
        "agency",
        "office",
        "authority",
    ];
    let Some(country) = dominant_country(&country_mentions(ents.iter())) else {
        return;
    };
    let n = v.toks.len();
    for i in 0..n {
        let head = lower(doc, v, i);
        if !HEADS.contains(&head.as_str()) {
            continue;
        }
        let next = (i + 1 < n && v.sent_of(i + 1) == v.sent_of(i)).then(|| lower(doc, v, i + 1));
        if !matches!(
            next.as_deref(),
            Some("said" | "says" | "added" | "announced" | "reported" | "confirmed")
        ) {
            continue;
        }
        // "the" and one or two lower-case modifiers before the head
        let Some(the) = (1..=3)
            .filter(|&d| i >= d)
            .find(|&d| lower(doc, v, i - d) == "the")
            .map(|d| i - d)
        else {
            continue;
        };
        if the + 1 == i
            || (the + 1..i).any(|k| {
                let w = text_of(doc, v, k);
                !w.chars().all(|c| c.is_lowercase() || c == '-')
            })
        {
            continue;
        }
        let phrase = (the + 1..=i).map(|k| lower(doc, v, k)).collect::<Vec<_>>();
        let sector = (0..phrase.len())
            .find_map(|a| ctx.kb.sector(&phrase[a..].join(" ")))
            .map(|s| s.sector.clone());
        let Some(sector) = sector else { continue };
        let span = Span::new(v.toks[the].span.start, v.toks[i].span.end);
        if ents
            .iter()
            .any(|e| e.mentions.iter().any(|m| m.span.overlaps(span)))
        {
            continue;
        }
        let name = phrase.join(" ");
        let mention = Mention {
            span,
            kind: MentionKind::Nominal,
        };
        if let Some(e) = ents
            .iter_mut()
            .find(|e| e.etype == EntityType::Org && e.kb.is_none() && e.name == name)
        {
            e.mentions.push(mention);
            e.count += 1;
            continue;
        }
        let mut e = Ent::new(
            name.clone(),
            EntityType::Org,
            Key::Text(EntityType::Org, name),
            None,
            Some(format!("{country}{sector}")),
            '?',
        );
        e.mentions.push(mention);
        e.last_tok = i;
        e.count = 1;
        ents.push(e);
    }
}

/// The country a document is mostly about: the most mentioned one, with two mentions or
/// more (ties to the first code in alphabetical order).
fn dominant_country(counts: &HashMap<String, usize>) -> Option<String> {
    counts
        .iter()
        .filter(|(_, n)| **n >= 2)
        .max_by_key(|(k, n)| (**n, std::cmp::Reverse((*k).clone())))
        .map(|(k, _)| k.clone())
}

/// Names that several countries give their own institution ("the Senate", "the House of
/// Commons", "the Workers' Party"): the knowledge base reads them as one country's.
const GENERIC_INSTITUTIONS: &[&str] = &[
    "Senate",
    "Congress",
    "House of Representatives",
    "House of Commons",
    "National Assembly",
    "Parliament",
    "Supreme Court",
    "Constitutional Court",
    "Workers' Party",
    "Labour Party",
    "Labor Party",
    "Conservative Party",
    "Liberal Party",
    "Socialist Party",
    "Communist Party",
    "Joint Chiefs of Staff",
    "Foreign Ministry",
    "Defence Ministry",
    "Defense Ministry",
    "Interior Ministry",
    "Central Bank",
    "National Police",
    "Air Force",
    "Department of Education",
    "Education Department",
    "Department of Transportation",
    "Transportation Department",
    "Department of Agriculture",
    "Agriculture Department",
    "Department of Labor",
    "Labor Department",
    "Department of Health",
    "Health Department",
    "Department of the Interior",
    "Interior Department",
    "Department of Commerce",
    "Commerce Department",
    "Department of Energy",
    "Energy Department",
    "Electoral College",
];

/// A knowledge-base institution met only under a generic name (see
/// [`GENERIC_INSTITUTIONS`]) belongs to the country the document is about when the
/// knowledge base's country is not otherwise mentioned: "the Senate" in a Manila story is
/// the Philippine Senate (PHLLEG), "the Workers' Party" in a Brazilian one BRAPTY; in an
/// Indian document "Congress" is the Congress party.
fn generic_institutions(doc: &Document, ents: &mut [Ent]) {
    // (one the knowledge base does not know alone, "the National Assembly", has no code yet)
    let generic = |e: &Ent| -> Option<String> {
        let a = e.actor.as_deref().unwrap_or("XXXXXX");
        if e.etype != EntityType::Org
            || a.len() != 6
            || a.starts_with("IGO")
            || a.starts_with("NGO")
            || a.starts_with("IMG")
            || e.mentions.is_empty()
        {
            return None;
        }
        let mut word = None;
        for m in &e.mentions {
            let t = doc.span_text(m.span);
            let t = t
                .strip_prefix("the ")
                .or_else(|| t.strip_prefix("The "))
                .unwrap_or(t);
            if !GENERIC_INSTITUTIONS.contains(&t) || word.as_deref().is_some_and(|w| w != t) {
                return None;
            }
            word = Some(t.to_string());
        }
        word
    };
    let counts = country_mentions(ents.iter().filter(|e| generic(e).is_none()));
    let Some(d) = dominant_country(&counts) else {
        return;
    };
    for e in ents.iter_mut() {
        let Some(w) = generic(e) else { continue };
        let code = match e.actor.clone() {
            Some(c) => c,
            None => match generic_sector(&w) {
                Some(sector) => format!("---{sector}"),
                None => continue,
            },
        };
        let (country, sector) = code.split_at(3);
        if country == d || counts.contains_key(country) {
            continue;
        }
        if d == "IND" && w == "Congress" {
            e.actor = Some("INDPTY".to_string());
            e.name = "Indian National Congress".to_string();
        } else {
            // (A ruling party of a one-party state is coded GOV; elsewhere a party is PTY.)
            let sector = if w.ends_with("Party") { "PTY" } else { sector };
            e.actor = Some(format!("{d}{sector}"));
            e.name = w;
        }
        e.kb = None;
    }
}

/// The sector a generic institution name implies (for one the knowledge base has no
/// entry for under that name alone).
fn generic_sector(name: &str) -> Option<&'static str> {
    let n = name;
    Some(if n.ends_with("Party") {
        "PTY"
    } else if n.contains("Court") {
        "JUD"
    } else if matches!(
        n,
        "Senate"
            | "Congress"
            | "House of Representatives"
            | "House of Commons"
            | "National Assembly"
            | "Parliament"
            | "Electoral College"
    ) {
        "LEG"
    } else if n == "National Police" {
        "COP"
    } else if n == "Air Force" || n == "Joint Chiefs of Staff" {
        "MIL"
    } else if n.contains("Ministry") || n.contains("Department") || n == "Central Bank" {
        "GOV"
    } else {
        return None;
    })
}

/// The code of the person just before in a list ("A, B, and C").
fn coordinated_code(
    doc: &Document,
    v: &View,
    snapshot: &[(EntityType, Option<String>, usize, Vec<Span>)],
    me: usize,
    first: Span,
) -> Option<String> {
    let r = tok_range(v, first);
    if r.start == 0 {
        return None;
    }
    let mut k = r.start;
    // Skip ", and" / "and" / ",".
    let mut saw = false;
    while k > 0 && matches!(text_of(doc, v, k - 1), "," | "and") {
        k -= 1;
        saw = true;
    }
    if !saw || k == 0 {
        return None;
    }
    let end = v.toks[k - 1].span.end;
    for (j, (t, a, _, spans)) in snapshot.iter().enumerate() {
        if j == me || *t != EntityType::Person {
            continue;
        }
        if spans.iter().any(|s| s.end == end) {
            return a.clone();
        }
    }
    None
}

/// "the two countries", "both nations", "the two nuclear-armed neighbours" (`i`: "the" or
/// "both", `k`: the word after "two" or "both"): a mention of the two countries named last
/// before it (distinct countries, not as a place where something happened, each by its own
/// country entity where the text has one). "both sides" may also be two coded
/// organisations ("the army and the rebels ... both sides"). Returns whether it added one.
fn plural_countries(doc: &Document, v: &View, ents: &mut [Ent], i: usize, k: usize) -> bool {
    let n = v.toks.len();
    let mut h = k;
    while h < n
        && h < k + 4
        && v.sent_of(h) == v.sent_of(i)
        && matches!(
            v.toks[h].xpos.as_str(),
            "JJ" | "HYPH" | "VBN" | "RB" | "JJR"
        )
    {
        h += 1;
    }
    if h >= n || v.sent_of(h) != v.sent_of(i) {
        return false;
    }
    let head = lower(doc, v, h);
    let sides = head == "sides";
    if !sides
        && !matches!(
            head.as_str(),
            "countries"
                | "nations"
                | "neighbours"
                | "neighbors"
                | "states"
                | "rivals"
                | "governments"
                | "allies"
                | "adversaries"
        )
    {
        return false;
    }
    let span = Span::new(v.toks[i].span.start, v.toks[h].span.end);
    let locative = |m: &Mention| {
        let t0 = tok_range(v, m.span).start;
        t0 > 0
            && matches!(
                lower(doc, v, t0 - 1).as_str(),
                "in" | "at" | "near" | "from" | "to" | "into" | "across" | "along"
            )
    };
    // (a country named in a person's title, "U.S. Secretary of State Marco Rubio", is not
    // one of the two)
    let in_person = |m: &Mention| {
        ents.iter().any(|e| {
            e.etype == EntityType::Person
                && e.mentions
                    .iter()
                    .any(|p| p.span.contains(m.span) && p.span != m.span)
        })
    };
    // (an actor of the plural's own sentence alone does not count: "China called on both
    // sides", "Rubio spoke with the advisers of both countries" address others)
    let sent_start = v.sents[v.sent_of(i)].span.start;
    let mut named: Vec<(usize, String, usize)> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    // pass 0: two countries the plural's own sentence names before it ("Israel signed a
    // treaty with Egypt, and the two nations ..."); pass 1: those named before the sentence
    // ("China called on both sides"; a country in a person's title counts there, "United
    // States President Bush ... the two states"); pass 2: all
    // (a plural in an object's place, "called on both sides", is none of the sentence's
    // subject: "China")
    let object_place = i > v.sents[v.sent_of(i)].toks.start
        && (v.toks[i - 1].xpos.starts_with("VB") || v.toks[i - 1].xpos == "IN");
    let subject_start = v.toks[v.sents[v.sent_of(i)].toks.start].span.start;
    for pass in 0..3 {
        named.clear();
        keys.clear();
        for (j, e) in ents.iter().enumerate() {
            let Some(code) = e.actor.as_deref() else {
                continue;
            };
            let ok = match e.etype {
                EntityType::Gpe => code.len() >= 3,
                // (a court decides between sides, it is rarely one of them)
                EntityType::Org => sides && code.len() >= 6 && !code.ends_with("JUD"),
                _ => false,
            };
            if !ok {
                continue;
            }
            let last = e
                .mentions
                .iter()
                .filter(|m| m.span.end <= span.start && !locative(m))
                .filter(|m| match pass {
                    0 => {
                        m.span.start >= sent_start
                            && !in_person(m)
                            && !(object_place && m.span.start <= subject_start + 4)
                    }
                    1 => m.span.start < sent_start,
                    _ => !in_person(m) || m.span.start < sent_start,
                })
                .map(|m| m.span.start)
                .max();
            if let Some(at) = last {
                let key = if sides {
                    code.to_string()
                } else {
                    code[..3].to_string()
                };
                named.push((j, key, at));
            }
        }
        named.sort_by_key(|x| std::cmp::Reverse(x.2));
        for (_, key, _) in &named {
            // (sides of one country are two of its organisations, "the army and the rebels",
            // not the country and one of its bodies)
            // (a country and its rebels or opposition are two sides)
            let insurgent = |k: &str| k.len() > 3 && matches!(&k[3..], "REB" | "OPP" | "INS");
            let same_country = keys.iter().any(|k| {
                k.get(..3) == key.get(..3)
                    && (k.len() == 3 || key.len() == 3)
                    && !insurgent(k)
                    && !insurgent(key)
            });
            if !keys.contains(key) && !same_country {
                keys.push(key.clone());
            }
            if keys.len() == 2 {
                break;
            }
        }
        if keys.len() == 2 {
            break;
        }
    }
    if keys.len() < 2 {
        return false;
    }
    for key in &keys {
        // The country itself ("India") rather than its capital or government, if named.
        let pick = named
            .iter()
            .find(|(j, kk, _)| kk == key && ents[*j].actor.as_deref() == Some(key.as_str()))
            .or_else(|| named.iter().find(|(_, kk, _)| kk == key))
            .map(|x| x.0);
        if let Some(j) = pick {
            ents[j].mentions.push(Mention {
                span,
                kind: MentionKind::Nominal,
            });
        }
    }
    true
}

fn descriptions(ctx: &Ctx, doc: &Document, v: &View, ents: &mut [Ent]) {
    let n = v.toks.len();
    let mut i = 0;
    while i < n {
        let w = lower(doc, v, i);
        if w != "the" && w != "both" {
            i += 1;
            continue;
        }
        // "both leaders", "the two leaders", "the two".
        if w == "both" || (w == "the" && i + 1 < n && lower(doc, v, i + 1) == "two") {
            let k = if w == "both" { i + 1 } else { i + 2 };
            if k < n && plural_countries(doc, v, ents, i, k) {
                i = k + 1;
                continue;
            }
            if k < n {
                let head = lower(doc, v, k);
                let xpos = v.toks[k].xpos.as_str();
                // "both leaders", "the two presidents": the two most mentioned people in
                // government; "both men", "the two women": the two people named last.
                let leaders = matches!(head.as_str(), "leaders" | "presidents" | "heads");
                let people = matches!(head.as_str(), "men" | "women");
                // A bare "the two" or "both" as a subject ("the two said", "Both have
                // denied", "both of them"): the two people named last.
                // A floating "both" after its subject ("Miller and Smith both said", "they
                // both") adds nothing: only "both" opening a clause counts.
                let opens = w != "both"
                    || i == v.sents[v.sent_of(i)].toks.start
                    || matches!(
                        lower(doc, v, i - 1).as_str(),
                        "when" | "while" | "as" | "because" | "since" | "but" | "said" | "says"
                    );
                let bare = !leaders
                    && !people
                    && opens
                    && v.sent_of(k) == v.sent_of(i)
                    && (xpos.starts_with("VB")
                        || xpos == "MD"
                        || (head == "of" && k + 1 < n && lower(doc, v, k + 1) == "them"));
                if leaders || people || bare {
                    let end = if bare && head == "of" {
                        k + 1
                    } else if bare {
                        k - 1
                    } else {
                        k
                    };
                    let span = Span::new(v.toks[i].span.start, v.toks[end].span.end);
                    let before = |j: usize| {
                        ents[j]
                            .mentions
                            .iter()
                            .filter(|m| m.span.start < span.start)
                            .map(|m| m.span.start)
                            .max()
                    };
                    // The two named last must both be people: "the two" after two
                    // countries are the countries.
                    // (a place named as where something happens, "met X in Tokyo", is not
                    // one of the two)
                    let locative = |m: &Mention| {
                        let t0 = tok_range(v, m.span).start;
                        t0 > 0
                            && matches!(
                                lower(doc, v, t0 - 1).as_str(),
                                "in" | "at" | "near" | "from" | "to" | "into" | "across"
                            )
                    };
                    let actor_before = |j: usize| {
                        ents[j]
                            .mentions
                            .iter()
                            .filter(|m| m.span.start < span.start)
                            .filter(|m| ents[j].etype == EntityType::Person || !locative(m))
                            .map(|m| m.span.start)
                            .max()
                    };
                    if bare {
                        let mut recent: Vec<usize> = (0..ents.len())
                            .filter(|&j| {
                                matches!(
                                    ents[j].etype,
                                    EntityType::Person | EntityType::Gpe | EntityType::Org
                                ) && actor_before(j).is_some()
                            })
                            .collect();
                        recent.sort_by_key(|&j| std::cmp::Reverse(actor_before(j)));
                        if recent.len() < 2
                            || recent[..2]
                                .iter()
                                .any(|&j| ents[j].etype != EntityType::Person)
                        {
                            i = end + 1;
                            continue;
                        }
                    }
                    let mut persons: Vec<usize> = (0..ents.len())
                        .filter(|&j| {
                            ents[j].etype == EntityType::Person
                                && (!leaders
                                    || ents[j].actor.as_deref().is_some_and(|a| a.ends_with("GOV")))
                                && before(j).is_some()
                        })
                        .collect();
                    if leaders {
                        persons.sort_by_key(|&j| std::cmp::Reverse(ents[j].count));
                    } else {
                        persons.sort_by_key(|&j| std::cmp::Reverse(before(j)));
                    }
                    if persons.len() >= 2 {
                        for &j in &persons[..2] {
                            ents[j].mentions.push(Mention {
                                span,
                                kind: MentionKind::Nominal,
                            });
                        }
                    }
                    i = end + 1;
                    continue;
                }
            }
        }
        if w != "the" {
            i += 1;
            continue;
        }
        // the + (nationality | seat of power | country's) + leader noun
        let mut k = i + 1;
        let mut country: Option<String> = None;
        // Try longest KB match starting at k (up to 3 tokens).
        for len in (1..=3).rev() {
            if k + len <= n {
                let t = join_tokens(doc, v, k, k + len);
                if let Some(r) = ctx.kb.names.get(t.as_str()) {
                    let code = match r[0] {
                        NameRef::Demonym(c) | NameRef::Country(c) => {
                            Some(ctx.kb.countries[c].code.clone())
                        }
                        NameRef::Org(_) | NameRef::Capital(_) => ctx
                            .kb
                            .describe(r[0], ctx.date)
                            .2
                            .map(|a| a.get(..3).unwrap_or(&a).to_string()),
                        _ => None,
                    };
                    if code.is_some() {
                        country = code;
                        k += len;
                        break;
                    }
                }
            }
        }
        let Some(country) = country else {
            i += 1;
            continue;
        };
        let mut matched = None;
        for len in (1..=2).rev() {
            if k + len <= n {
                let t = (k..k + len)
                    .map(|x| lower(doc, v, x))
                    .collect::<Vec<_>>()
                    .join(" ");
                if LEADER_NOUNS.contains(&t.as_str()) {
                    matched = Some(k + len);
                    break;
                }
            }
        }
        let Some(end) = matched else {
            i += 1;
            continue;
        };
        let span = Span::new(v.toks[i].span.start, v.toks[end - 1].span.end);
        // The most salient person of that country in government (most mentions, then the
        // earliest), mentioned before.
        let cand = (0..ents.len())
            .filter(|&j| {
                ents[j].etype == EntityType::Person
                    && ents[j].actor.as_deref().is_some_and(|a| {
                        a.starts_with(&country) && (a.ends_with("GOV") || a.len() == 3)
                    })
                    && ents[j].mentions.iter().any(|m| m.span.start < span.start)
            })
            .max_by_key(|&j| {
                (
                    ents[j].count,
                    std::cmp::Reverse(ents[j].mentions.first().map(|m| m.span.start).unwrap_or(0)),
                )
            });
        if let Some(j) = cand {
            ents[j].mentions.push(Mention {
                span,
                kind: MentionKind::Nominal,
            });
            ents[j].count += 1;
            ents[j].last_tok = i;
        }
        i = end;
    }
}

/// Whether the mention at `span` follows "of", past at most two capitalised title words
/// ("of Imam Khomeini", "of President X").
fn after_of(doc: &Document, v: &View, span: Span) -> bool {
    let start = v.toks.partition_point(|t| t.span.end <= span.start);
    let sent_start = v.sents.get(v.sent_of(start)).map_or(0, |s| s.toks.start);
    let mut j = start;
    for _ in 0..3 {
        if j <= sent_start {
            return false;
        }
        j -= 1;
        let w = lower(doc, v, j);
        if w == "of" {
            return true;
        }
        if !(is_cap(text_of(doc, v, j)) && TITLE_WORDS.contains(&w.as_str())
            || matches!(w.as_str(), "imam" | "the"))
        {
            return false;
        }
    }
    false
}

/// Words of a business's name ("Pacific Gas and Electric", "Acme Inc."): "the company" may
/// refer to such an organisation without a code.
const BUSINESS_NAME_WORDS: &[&str] = &[
    "Inc",
    "Corp",
    "Corporation",
    "Company",
    "Co",
    "Ltd",
    "LLC",
    "plc",
    "PLC",
    "Airlines",
    "Airways",
    "Motors",
    "Bank",
    "Holdings",
    "Technologies",
    "Systems",
    "Electric",
    "Energy",
    "Oil",
    "Gas",
    "Pharmaceuticals",
    "Industries",
    "Group",
    "Telecom",
    "Communications",
    "Entertainment",
    "Media",
    "Mining",
    "Petroleum",
    "Steel",
    "Foods",
    "Insurance",
];

/// Words of a group's name ("Landless Workers' Movement"): "the group" may refer to such an
/// organisation without a code.
const GROUP_NAME_WORDS: &[&str] = &[
    "Group",
    "Movement",
    "Front",
    "Army",
    "Brigade",
    "Brigades",
    "Party",
    "Organisation",
    "Organization",
    "Council",
    "Committee",
    "Association",
    "Union",
    "League",
    "Alliance",
    "Network",
    "Coalition",
    "Corps",
    "Watch",
    "International",
    "Foundation",
    "Society",
    "Federation",
    "Forces",
    "Militia",
    "Collective",
    "Campaign",
];

/// Verbs of saying and stance after which a sentence-subject "it" is an organisation
/// speaking ("It said one civilian was wounded", "..., it added").
fn is_statement_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "added"
            | "stated"
            | "announced"
            | "accused"
            | "denied"
            | "claimed"
            | "warned"
            | "urged"
            | "insisted"
            | "noted"
            | "reported"
            | "confirmed"
            | "vowed"
            | "rejected"
            | "blamed"
            | "condemned"
    )
}

/// Organisations referred to again: "the group", "the militia", "the movement", "the
/// organisation" (a body that is not a state institution), "the company" / "the firm" (a
/// business), and "it" as the subject of a verb of saying ("It said ...", "..., it added")
/// take the nearest organisation named before in the same sentence, else the one named
/// first in the previous sentence (outside quotation marks). A body without a code
/// qualifies when its name says its kind ("Pacific Gas and Electric", "Comic Corps"). The
/// noun must end its phrase ("the group of seven", "the group leader" are left alone; "the
/// group's" and "the group said" are taken).
fn organisation_anaphora(doc: &Document, v: &View, ents: &mut [Ent]) {
    let state = |a: &str| {
        ["GOV", "MIL", "COP", "JUD", "LEG", "SPY"]
            .iter()
            .any(|x| a.ends_with(x))
            || a.len() == 3
    };
    for i in 0..v.toks.len() {
        let w = lower(doc, v, i);
        let sent = v.sent_of(i);
        let next = v
            .toks
            .get(i + 1)
            .filter(|_| v.sent_of(i + 1) == sent)
            .map(|_| lower(doc, v, i + 1));
        let (start, kind, fits): (usize, MentionKind, &dyn Fn(Option<&str>) -> bool) =
            match w.as_str() {
                "it" if next.as_deref().is_some_and(is_statement_verb) => {
                    (i, MentionKind::Pronoun, &|_| true)
                }
                "group" | "militia" | "movement" | "organisation" | "organization"
                    if i > 0
                        && lower(doc, v, i - 1) == "the"
                        && !matches!(next.as_deref(), Some("of" | "and"))
                        && closes_phrase(next.as_deref()) =>
                {
                    (i - 1, MentionKind::Nominal, &|a: Option<&str>| {
                        a.is_some_and(|a| !state(a))
                    })
                }
                "company" | "firm"
                    if i > 0
                        && lower(doc, v, i - 1) == "the"
                        && !matches!(next.as_deref(), Some("of" | "and"))
                        && closes_phrase(next.as_deref()) =>
                {
                    (i - 1, MentionKind::Nominal, &|a: Option<&str>| {
                        a.is_some_and(|a| a.ends_with("BUS"))
                    })
                }
                // "the bloc", "the 27-nation bloc", "the bloc's ministers": an international
                // organisation named before
                "bloc" | "alliance"
                    if (1..=3).any(|d| {
                        i >= d
                            && lower(doc, v, i - d) == "the"
                            && (i - d + 1..i).all(|k| {
                                !is_cap(text_of(doc, v, k))
                                    && text_of(doc, v, k).chars().any(|c| c.is_alphanumeric())
                            })
                    }) && !matches!(next.as_deref(), Some("of" | "and"))
                        && closes_phrase(next.as_deref()) =>
                {
                    let d = (1..=3)
                        .find(|&d| i >= d && lower(doc, v, i - d) == "the")
                        .unwrap_or(1);
                    (i - d, MentionKind::Nominal, &|a: Option<&str>| {
                        a.is_some_and(|a| a.starts_with("IGO"))
                    })
                }
                _ => continue,
            };
        let span = Span::new(v.toks[start].span.start, v.toks[i].span.end);
        if ents
            .iter()
            .any(|e| e.mentions.iter().any(|m| m.span.overlaps(span)))
        {
            continue;
        }
        let this = v.sents[sent].span;
        let prev = if sent > 0 {
            Some(v.sents[sent - 1].span)
        } else {
            None
        };
        let mut first_prev: Option<(usize, usize)> = None;
        let mut near_same: Option<(usize, usize)> = None;
        // (not a name inside a quotation, by the quotation marks since the paragraph began:
        // "... near KPA posts", said KCNA. "...", it added)
        let quoted = |m: &Mention| {
            let s0 = doc.text[..m.span.start].rfind('\n').map_or(0, |k| k + 1);
            doc.text[s0..m.span.start]
                .chars()
                .filter(|&c| matches!(c, '"' | '\u{201c}' | '\u{201d}'))
                .count()
                % 2
                == 1
        };
        for (j, e) in ents.iter().enumerate() {
            // an organisation without a code only when its name says what it is
            let named_kind = match w.as_str() {
                "it" => true,
                "company" | "firm" => e
                    .name
                    .split_whitespace()
                    .any(|x| BUSINESS_NAME_WORDS.contains(&x.trim_end_matches('.'))),
                _ => e
                    .name
                    .split_whitespace()
                    .any(|x| GROUP_NAME_WORDS.contains(&x)),
            };
            if e.etype != EntityType::Org
                || !(fits(e.actor.as_deref()) || e.actor.is_none() && named_kind)
            {
                continue;
            }
            for m in e
                .mentions
                .iter()
                .filter(|m| m.kind != MentionKind::Pronoun && !quoted(m))
            {
                if prev.is_some_and(|p| p.contains(m.span))
                    && first_prev.is_none_or(|(_, s)| m.span.start < s)
                {
                    first_prev = Some((j, m.span.start));
                }
                if this.contains(m.span)
                    && m.span.end <= span.start
                    && near_same.is_none_or(|(_, s)| m.span.start > s)
                {
                    near_same = Some((j, m.span.start));
                }
            }
        }
        if let Some((j, _)) = near_same.or(first_prev) {
            ents[j].mentions.push(Mention { span, kind });
        }
    }
}

/// Whether the word after a definite noun (`next`, lower case) closes the noun's phrase: none,
/// punctuation, a possessive, or a verb or auxiliary that commonly follows a subject.
fn closes_phrase(next: Option<&str>) -> bool {
    next.is_none_or(|x| {
        !x.chars().next().is_some_and(char::is_alphanumeric)
            || matches!(
                x,
                "'s" | "said"
                    | "says"
                    | "has"
                    | "had"
                    | "is"
                    | "was"
                    | "accused"
                    | "denied"
                    | "claimed"
                    | "vowed"
                    | "warned"
                    | "called"
                    | "urged"
                    | "added"
                    | "also"
                    | "did"
                    | "does"
                    | "would"
                    | "will"
                    | "could"
                    | "later"
                    | "declined"
                    | "rejected"
                    | "announced"
                    | "confirmed"
                    | "insisted"
                    | "refused"
                    | "responded"
                    | "and"
            )
    })
}

/// The organisation named last whose multi-word name ends in `head`, a capitalised
/// institution noun written alone ("the Commission" → the European Commission).
fn match_org_head(ents: &[Ent], head: &str) -> Option<usize> {
    if !matches!(
        head,
        "Commission"
            | "Council"
            | "Court"
            | "Bank"
            | "Fund"
            | "Assembly"
            | "Agency"
            | "Parliament"
            | "Tribunal"
            | "Committee"
            | "Authority"
            | "Organization"
            | "Organisation"
            | "Alliance"
            | "Coalition"
            | "Ministry"
            | "Department"
    ) {
        return None;
    }
    ents.iter()
        .enumerate()
        .filter(|(_, e)| {
            e.etype == EntityType::Org
                && e.name.contains(' ')
                && e.name.rsplit(' ').next() == Some(head)
        })
        .max_by_key(|(_, e)| e.last_tok)
        .map(|(i, _)| i)
}

/// An institution named again by its head noun ("the US Embassy in London … The embassy
/// declined", "Sudan's army … the army said", "the Kenya National Commission on Human
/// Rights … The commission said"): "the" + army, government, ministry, embassy, commission,
/// court, party, … closing its phrase, is a mention of the organisation named last before
/// it whose name ends in that noun (or has it as head before "on/for/of").
fn institution_anaphora(doc: &Document, v: &View, ents: &mut [Ent]) {
    for i in 1..v.toks.len() {
        let w = lower(doc, v, i);
        if !matches!(
            w.as_str(),
            "army"
                | "military"
                | "navy"
                | "police"
                | "government"
                | "parliament"
                | "ministry"
                | "embassy"
                | "commission"
                | "committee"
                | "council"
                | "court"
                | "agency"
                | "party"
                | "alliance"
                | "coalition"
                | "tribunal"
                | "junta"
        ) || lower(doc, v, i - 1) != "the"
        {
            continue;
        }
        let sent = v.sent_of(i);
        let next = v
            .toks
            .get(i + 1)
            .filter(|_| v.sent_of(i + 1) == sent)
            .map(|_| lower(doc, v, i + 1));
        if !closes_phrase(next.as_deref()) {
            continue;
        }
        let span = Span::new(v.toks[i - 1].span.start, v.toks[i].span.end);
        if ents
            .iter()
            .any(|e| e.mentions.iter().any(|m| m.span.overlaps(span)))
        {
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        for (j, e) in ents.iter().enumerate() {
            // (the noun ends the name, or is its head before an "on/for/of" phrase: "the Kenya
            // National Commission on Human Rights" … "the commission")
            let lname = e.name.to_lowercase();
            let head_of = lname.ends_with(&w)
                || [" on ", " for ", " of "]
                    .iter()
                    .any(|p| lname.contains(&format!("{w}{p}")));
            // (coded or not: the nearest such body is the one meant)
            if e.etype != EntityType::Org || !head_of {
                continue;
            }
            for m in e
                .mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Name && m.span.end <= span.start)
            {
                if best.is_none_or(|(_, s)| m.span.start > s) {
                    best = Some((j, m.span.start));
                }
            }
        }
        if let Some((j, _)) = best {
            ents[j].mentions.push(Mention {
                span,
                kind: MentionKind::Nominal,
            });
        }
    }
}

/// Whether token `i` is the subject of a verb of saying ("he said", "she told reporters").
fn speech_subject(doc: &Document, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    t.deprel == "nsubj"
        && t.head.and_then(|h| doc.tokens.get(h)).is_some_and(|h| {
            matches!(
                h.lemma.as_str(),
                "say" | "tell" | "add" | "insist" | "stress" | "explain"
            )
        })
}

/// Whether the mention starting at byte `start` is a clause subject (one of its tokens is a
/// nominal subject whose head lies outside the mention).
fn subject_mention(doc: &Document, v: &View, start: usize) -> bool {
    let Some(k0) = v.toks.iter().position(|t| t.span.start == start) else {
        return false;
    };
    // a premodified name ("Canadian Prime Minister Justin Trudeau"): the name's last word
    // may be the subject, its head outside the run of capitalised and title words
    let mut e = k0;
    while e + 1 < v.toks.len()
        && e + 1 < k0 + 8
        && doc.tokens.get(e + 1).is_some_and(|t| {
            matches!(
                t.upos,
                newsgraph_core::Upos::PROPN | newsgraph_core::Upos::ADJ
            ) && doc.text[t.span.range()].starts_with(char::is_uppercase)
        })
    {
        e += 1;
    }
    if (k0..=e).any(|k| {
        doc.tokens.get(k).is_some_and(|t| {
            (t.deprel == "nsubj" || t.deprel == "nsubj:pass")
                && t.head.is_none_or(|h| h < k0 || h > e)
        })
    }) {
        return true;
    }
    // the mention's tokens: this one and the capitalised or flat ones after it
    let mut k = k0;
    loop {
        let Some(t) = doc.tokens.get(k) else {
            return false;
        };
        if t.deprel == "nsubj" || t.deprel == "nsubj:pass" {
            return true;
        }
        let next = k + 1;
        match doc.tokens.get(next) {
            Some(n)
                if (n.deprel == "flat"
                    || n.deprel == "compound"
                    || n.head == Some(k)
                    || t.head == Some(next))
                    && next < k0 + 6 =>
            {
                k = next
            }
            _ => return false,
        }
    }
}

/// For a pronoun at token `i` that opens its sentence as the subject: the person entity
/// named by the subject of the previous sentence's root verb (None without a parse, or when
/// that subject is no person).
fn main_subject_of_previous(doc: &Document, v: &View, ents: &[Ent], i: usize) -> Option<usize> {
    let sent = v.sent_of(i);
    if sent == 0 || v.sents[sent].toks.start != i || doc.tokens.len() != v.toks.len() {
        return None;
    }
    // (not inside a quotation: "Tony Mendez was a hero. He was …" in a tribute speaks of
    // its own subject)
    let pos = v.toks[i].span.start;
    let para = doc.text[..pos].rfind('\n').map_or(0, |k| k + 1);
    let marks = doc.text[para..pos]
        .chars()
        .filter(|&c| matches!(c, '"' | '\u{201c}' | '\u{201d}'))
        .count();
    if marks % 2 == 1 {
        return None;
    }
    if !doc.tokens.get(i).is_some_and(|t| t.deprel == "nsubj") {
        return None;
    }
    let prev = v.sents[sent - 1].toks.clone();
    // (a new paragraph starts a new topic)
    let gap = &doc.text[v.toks[prev.end - 1].span.end..v.toks[i].span.start];
    if gap.contains("\n\n") {
        return None;
    }
    let root = prev.clone().find(|&k| doc.tokens[k].head.is_none())?;
    let subj = prev
        .clone()
        .find(|&k| doc.tokens[k].head == Some(root) && doc.tokens[k].deprel.starts_with("nsubj"))?;
    let span = v.toks[subj].span;
    ents.iter().position(|e| {
        e.etype == EntityType::Person
            && e.mentions
                .iter()
                .any(|m| m.kind != MentionKind::Pronoun && m.span.contains(span))
    })
}

/// The most recent agreeing person mention before `pos` (from `min_start` on) that is a
/// clause subject.
fn subject_antecedent(
    doc: &Document,
    v: &View,
    ents: &[Ent],
    want: char,
    min_start: usize,
    pos: usize,
) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (j, e) in ents.iter().enumerate() {
        if e.etype != EntityType::Person || e.gender != want {
            continue;
        }
        for m in &e.mentions {
            if m.kind == MentionKind::Pronoun || m.span.start >= pos || m.span.start < min_start {
                continue;
            }
            if subject_mention(doc, v, m.span.start) && best.is_none_or(|(_, s)| m.span.start > s) {
                best = Some((j, m.span.start));
            }
        }
    }
    best
}

/// The two actors ("Qatar and Egypt", "Kenya and the African Union") that open the
/// sentence of token `i` as "X and Y", both named before `i`.
fn coordinated_opening(doc: &Document, v: &View, ents: &[Ent], i: usize) -> Option<(usize, usize)> {
    let t0 = v.sents[v.sent_of(i)].toks.start;
    let actor = |e: &Ent| {
        matches!(
            e.etype,
            EntityType::Gpe | EntityType::Org | EntityType::Person
        )
    };
    // the entity with a name mention starting at token `k` (the mention's end token)
    let at = |k: usize| -> Option<(usize, usize)> {
        let start = v.toks.get(k)?.span.start;
        ents.iter().enumerate().find_map(|(j, e)| {
            if !actor(e) {
                return None;
            }
            e.mentions
                .iter()
                .find(|m| m.kind == MentionKind::Name && m.span.start == start)
                .map(|m| (j, tok_range(v, m.span).end))
        })
    };
    // (a leading "The" of an organisation's name is part of the mention or skipped)
    let first = if lower(doc, v, t0) == "the" {
        at(t0).or_else(|| at(t0 + 1))
    } else {
        at(t0)
    };
    let (a, end_a) = first?;
    if end_a >= i || lower(doc, v, end_a) != "and" {
        return None;
    }
    let k = end_a + 1;
    let (b, end_b) = if k < i && lower(doc, v, k) == "the" {
        at(k).or_else(|| at(k + 1))?
    } else {
        at(k)?
    };
    (a != b && end_b <= i).then_some((a, b))
}

fn pronouns(doc: &Document, v: &View, ents: &mut [Ent]) {
    // Mentions in text order for salience.
    for i in 0..v.toks.len() {
        let w = lower(doc, v, i);
        let want = match w.as_str() {
            "he" | "him" | "his" | "himself" => 'm',
            "she" | "her" | "hers" | "herself" => 'f',
            "they" | "them" | "their" | "themselves" => 'p',
            _ => continue,
        };
        let pos = v.toks[i].span.start;
        // (a word of a name: "Vice Premier He Lifeng")
        if text_of(doc, v, i) == "He"
            && i > 0
            && v.sent_of(i - 1) == v.sent_of(i)
            && ents.iter().any(|e| {
                e.mentions
                    .iter()
                    .any(|m| m.kind == MentionKind::Name && m.span.contains(v.toks[i].span))
            })
        {
            continue;
        }
        // (a capital "He" inside a sentence, right before a person's name, is the surname of
        // that name: "spokesperson He Yadong said"; the name takes it)
        if text_of(doc, v, i) == "He"
            && i > 0
            && v.sent_of(i - 1) == v.sent_of(i)
            && !matches!(
                text_of(doc, v, i - 1),
                "\"" | "“" | "'" | "‘" | "(" | ":" | "-" | "—"
            )
            && i + 1 < v.toks.len()
        {
            let next = v.toks[i + 1].span.start;
            if let Some(j) = ents.iter().position(|e| {
                e.etype == EntityType::Person
                    && e.mentions
                        .iter()
                        .any(|m| m.kind == MentionKind::Name && m.span.start == next)
            }) {
                let start = v.toks[i].span.start;
                for m in ents[j].mentions.iter_mut() {
                    if m.kind == MentionKind::Name && m.span.start == next {
                        m.span = Span::new(start, m.span.end);
                    }
                }
                if ents[j].kb.is_none() && !ents[j].name.starts_with("He ") {
                    ents[j].name = format!("He {}", ents[j].name);
                }
                continue;
            }
        }
        let sent = v.sent_of(i);
        // "Qatar and Egypt, which mediated the deal, said they would ...": a "they" after a
        // sentence that opens with two coordinated actors is both of them
        if want == 'p' {
            if let Some((a, b)) = coordinated_opening(doc, v, ents, i) {
                for j in [a, b] {
                    ents[j].mentions.push(Mention {
                        span: v.toks[i].span,
                        kind: MentionKind::Pronoun,
                    });
                }
                continue;
            }
        }
        let min_start = if sent >= 2 {
            v.sents[sent - 2].span.start
        } else {
            0
        };
        // Inside a quotation, "he" rarely refers to the speaker's context reliably: still
        // resolve, by recency.
        // People whose gender is known and agrees come first; people of unknown gender
        // only when no agreeing one is in reach.
        let mut best: Option<(usize, usize)> = None; // (entity, mention start)
        let mut best_unknown: Option<(usize, usize)> = None;
        for (j, e) in ents.iter().enumerate() {
            let ok = match want {
                // "they": groups (armed groups, forces, police, parties, crowds).
                'p' => {
                    matches!(e.etype, EntityType::Org)
                        && e.actor.as_deref().is_some_and(|a| {
                            ["REB", "MIL", "COP", "CVL", "OPP", "PTY", "REF"]
                                .iter()
                                .any(|x| a.ends_with(x))
                        })
                }
                g => e.etype == EntityType::Person && (e.gender == g || e.gender == '?'),
            };
            if !ok {
                continue;
            }
            for m in &e.mentions {
                if m.kind == MentionKind::Pronoun || m.span.start >= pos || m.span.start < min_start
                {
                    continue;
                }
                // A mention containing the pronoun ("his guest Kim Jong Un") is not an antecedent.
                if m.span.contains(v.toks[i].span) {
                    continue;
                }
                // A name embedded after "of" ("the school of Imam Khomeini", "a portrait of
                // the King") is less salient: only when no other agreeing person is in reach.
                let embedded = want != 'p' && after_of(doc, v, m.span);
                let slot = if want != 'p' && (e.gender == '?' || embedded) {
                    &mut best_unknown
                } else {
                    &mut best
                };
                if slot.is_none_or(|(_, s)| m.span.start > s) {
                    *slot = Some((j, m.span.start));
                }
            }
        }
        // "he told a news conference", "she said": the speaker is the one the previous
        // sentences spoke of as subject, not a more recent object ("X urged President Y to
        // withdraw the bill. \"...,\" he told reporters": X)
        let best = match best {
            Some((j, start))
                if want != 'p' && speech_subject(doc, i) && !subject_mention(doc, v, start) =>
            {
                subject_antecedent(doc, v, ents, want, min_start, pos).or(Some((j, start)))
            }
            b => b,
        };
        // "Kremlin spokesman Dmitry Peskov said Putin had been informed. He dismissed …": a
        // "he" or "she" opening a sentence as its subject continues the subject of the
        // previous sentence's main clause, not a person named inside it
        let best = match (want, main_subject_of_previous(doc, v, ents, i)) {
            // (unknown gender only for someone with a title: "Colonel Major X")
            ('m' | 'f', Some(j))
                if ents[j].gender == want
                    || (ents[j].gender == '?'
                        && (ents[j].text_role.is_some() || ents[j].role.is_some())) =>
            {
                Some((j, 0))
            }
            _ => best,
        };
        if let Some((j, _)) = best.or(best_unknown) {
            ents[j].mentions.push(Mention {
                span: v.toks[i].span,
                kind: MentionKind::Pronoun,
            });
        }
    }
}
