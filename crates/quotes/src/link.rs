//! Speaker → entity linking.

use newsgraph_core::{Document, EntityType, MentionKind, Span};

const PERSON_NOUNS: &[&str] = &[
    "leader",
    "president",
    "minister",
    "premier",
    "chancellor",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "envoy",
    "ambassador",
    "general",
    "commander",
    "chief",
    "head",
    "boss",
    "diplomat",
    "senator",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "pope",
    "dictator",
    "ruler",
    "lawmaker",
    "man",
    "woman",
    "politician",
    "candidate",
    "ceo",
    "chairman",
    "chairwoman",
    "director",
];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

fn strip_det(s: &str) -> &str {
    let t = s.trim();
    for d in ["the ", "The "] {
        if let Some(r) = t.strip_prefix(d) {
            return r;
        }
    }
    t
}

/// The entity of `doc.entities` that the speaker phrase at `span` refers to.
///
/// 1. an entity with a mention overlapping the span (the entities component links names,
///    descriptions and pronouns to their entity);
/// 2. an entity whose name equals the phrase, contains all its capitalised words, or is
///    contained in it ("spokesman Matthew Miller"), the most recently mentioned first;
/// 3. a pronoun ("he", "she"): the most recently mentioned person;
/// 4. an unnamed spokesperson ("a spokesman said"): the organisation or country quoted last;
/// 5. a definite description of a person ("the North Korean leader"): the entity whose role
///    has the same head noun, else the most recent person speaker in `prev_speakers`.
pub fn link_speaker(doc: &Document, span: Span, prev_speakers: &[usize]) -> Option<usize> {
    let text = doc.text.get(span.range())?;
    // 1. mention overlap, in the head part of the phrase first ("Professor X of Y
    //    University": X), then anywhere in it ("the secretary general of CEI": CEI)
    //    A possessor is not the head: "Russia's foreign minister, Sergei Lavrov" is Lavrov,
    //    "the Houthis' spokesman, Yahya Saree" is Saree.
    //    (only a possessor before any "of" phrase: in "Ted Scambos of CU Boulder's
    //    Institute" the head is Ted Scambos)
    let first_pp = [" of ", " for ", " at ", " from ", " in "]
        .iter()
        .filter_map(|p| text.find(p))
        .min()
        .unwrap_or(text.len());
    let head_start = ["'s ", "’s ", "s' ", "s’ "]
        .iter()
        .filter_map(|p| text.find(p).filter(|&i| i < first_pp).map(|i| i + p.len()))
        .min()
        .unwrap_or(0);
    let head_end = [" of ", " for ", " at ", " from ", " in "]
        .iter()
        .filter_map(|p| text[head_start..].find(p).map(|i| head_start + i))
        .min()
        .map(|i| span.start + i)
        .unwrap_or(span.end);
    let head = Span::new(span.start + head_start, head_end);
    // An organisation or country modifying the head ("An IMF spokeswoman, Julie Kozack,
    // said") does not speak when a person is named in apposition.
    let in_head = overlap_entity(doc, head, span);
    if in_head.is_none_or(|e| doc.entities[e].etype != EntityType::Person) {
        if let Some(p) = apposed_person(doc, span) {
            return Some(p);
        }
    }
    // People of the possessor's who are not the possessor ("Kim's family", "Trump's critics")
    // speak for themselves: the possessor is not the speaker.
    let others = head_start > 0
        && doc
            .text
            .get(head.range())
            .and_then(|h| h.split_whitespace().next())
            .is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "family"
                        | "families"
                        | "wife"
                        | "husband"
                        | "son"
                        | "sons"
                        | "daughter"
                        | "daughters"
                        | "mother"
                        | "father"
                        | "brother"
                        | "sister"
                        | "relatives"
                        | "friends"
                        | "critics"
                        | "opponents"
                        | "rivals"
                        | "victims"
                        | "neighbours"
                        | "neighbors"
                        | "supporters"
                        | "widow"
                        | "parents"
                        | "children"
                )
            });
    if others {
        return in_head;
    }
    in_head
        .or_else(|| overlap_entity(doc, span, span))
        .or_else(|| fallback(doc, span, text, prev_speakers))
}

/// A person named in apposition right after the speaker phrase ("Russia's foreign minister,
/// Sergei Lavrov, said"): the attribution skips the apposition, the speaker is that person.
fn apposed_person(doc: &Document, span: Span) -> Option<usize> {
    let rest = doc.text.get(span.end..)?;
    let gap = rest.len() - rest.trim_start_matches([',', ' ']).len();
    if !rest.starts_with(',') {
        return None;
    }
    let start = span.end + gap;
    doc.entities.iter().position(|e| {
        e.etype == EntityType::Person
            && e.mentions.iter().any(|m| {
                m.kind == MentionKind::Name
                    && m.span.start == start
                    && doc
                        .text
                        .get(m.span.end..)
                        .is_some_and(|r| r.starts_with(','))
            })
    })
}

fn overlap_entity(doc: &Document, part: Span, span: Span) -> Option<usize> {
    let mut best: Option<(usize, usize, u8)> = None; // entity, overlap, kind rank
    for (ei, e) in doc.entities.iter().enumerate() {
        for m in &e.mentions {
            // a pronoun counts only as the whole speaker ("he"), not as a possessive
            // inside it ("his associates"); a nationality only as the whole speaker
            if m.kind == MentionKind::Pronoun && m.span != span {
                continue;
            }
            if e.etype == EntityType::Norp && !m.span.contains(span) {
                continue;
            }
            if m.span.overlaps(part) {
                let ov = m.span.end.min(part.end) - m.span.start.max(part.start);
                let rank = match m.kind {
                    MentionKind::Name => 2,
                    MentionKind::Nominal => 1,
                    MentionKind::Pronoun => 0,
                };
                if best.is_none_or(|(_, bo, br)| (ov, rank) > (bo, br)) {
                    best = Some((ei, ov, rank));
                }
            }
        }
    }
    best.map(|(ei, _, _)| ei)
}

fn fallback(doc: &Document, span: Span, text: &str, prev_speakers: &[usize]) -> Option<usize> {
    let last_before = |ei: usize| -> usize {
        doc.entities[ei]
            .mentions
            .iter()
            .filter(|m| m.span.start < span.start)
            .map(|m| m.span.start + 1)
            .max()
            .unwrap_or(0)
    };
    // 2. names
    let sp = strip_det(text);
    let sp_words = words(sp);
    let caps: Vec<String> = sp
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .map(|w| words(w).join(" "))
        .filter(|w| !w.is_empty())
        .collect();
    let mut cands: Vec<usize> = Vec::new();
    for (ei, e) in doc.entities.iter().enumerate() {
        let name = strip_det(&e.name);
        let nw = words(name);
        if nw.is_empty() {
            continue;
        }
        let eq = nw == sp_words;
        let caps_in_name = !caps.is_empty()
            && caps
                .iter()
                .all(|c| c.split(' ').all(|p| nw.iter().any(|w| w == p)));
        let name_in_span = nw.len() >= 2 && sp_words.windows(nw.len()).any(|w| w == nw.as_slice());
        if eq || caps_in_name || name_in_span {
            cands.push(ei);
        }
    }
    if !cands.is_empty() {
        return cands.into_iter().max_by_key(|&ei| last_before(ei));
    }
    let lower = sp.to_lowercase();
    // 3. pronouns
    if matches!(lower.as_str(), "he" | "she" | "him" | "her") {
        return (0..doc.entities.len())
            .filter(|&ei| doc.entities[ei].etype == EntityType::Person)
            .filter(|&ei| last_before(ei) > 0)
            .max_by_key(|&ei| last_before(ei));
    }
    // 4. an unnamed spokesperson ("…," a spokesperson said): speaks for the organisation or
    //    government quoted last
    if matches!(
        lower.trim_start_matches("a ").trim_start_matches("an "),
        "spokesperson" | "spokesman" | "spokeswoman" | "spokespeople"
    ) {
        return prev_speakers.iter().rev().copied().find(|&ei| {
            doc.entities
                .get(ei)
                .is_some_and(|e| matches!(e.etype, EntityType::Org | EntityType::Gpe))
        });
    }
    // 5. definite descriptions
    if text.trim_start().to_lowercase().starts_with("the ") {
        let head = sp_words.last()?.clone();
        if let Some(ei) = doc.entities.iter().position(|e| {
            e.role
                .as_deref()
                .is_some_and(|r| words(r).last() == Some(&head))
                && e.etype == EntityType::Person
        }) {
            return Some(ei);
        }
        if PERSON_NOUNS.contains(&head.as_str()) {
            return prev_speakers.iter().rev().copied().find(|&ei| {
                doc.entities
                    .get(ei)
                    .is_some_and(|e| e.etype == EntityType::Person)
            });
        }
    }
    None
}
