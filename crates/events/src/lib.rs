//! # newsgraph-events
//!
//! Codes political events — who did what to whom, when — in CAMEO and PLOVER.
//!
//! * [`tables`]: the full CAMEO table (code, name, Goldstein value, root, quad class) and
//!   PLOVER (16 event types, modes, contexts, CAMEO→PLOVER mapping), compiled in from
//!   `data/*.tsv`, which are generated from the codebooks (a test checks they match).
//! * [`patterns`]: the team's pattern dictionary (`data/patterns/*.txt`, syntax in
//!   `data/README.md`), extendable with a user file.
//! * [`EventCoder`]: the component "events". For each trigger (verb or noun) it takes the
//!   source from the subject (passive: the "by" agent; nominals: possessor or the governing
//!   verb's subject), the target from the object or obliques, splits coordinated actors into
//!   one event each, finds modality cues (will/plan/promise → intent, threaten/warn/"won't
//!   hesitate" → threat, not/"failed to" → negated, if/could/must/should and an act
//!   ordered or asked of someone ("told him to withdraw") → hypothetical),
//!   shifts the code when
//!   modality demands it (intended cooperation → 03x, threatened sanctions → 13x), attaches
//!   the quote's speaker as `claimed_by` and the governing date. It uses the dependency parse
//!   when present, and token order where the parse gives a trigger no usable arguments (or
//!   when no parser ran). Precision rules: no event without a source that has an actor code;
//!   the subject of a passive (also an agentless one, a reduced relative "a man killed by
//!   …", a participle coordinated with or governed by a passive) is the patient, never the
//!   source, and no token-order guess replaces a passive's missing agent; modifiers name a
//!   nominal's source only with a country ("the official visit" names nobody);
//!   a trigger governed by another coded trigger is dropped (unless the governor is modal,
//!   like "threaten to", or a mere statement); actors never come from another sentence
//!   (first-person pronouns in a quote take the quote's speaker); 010 only when nothing more
//!   specific was coded for the source in the sentence; a report repeated in the article is
//!   kept once.
//! * Actor resolution: an entity or lexicon phrase covering the argument's head; a bare
//!   sector takes the country of its possessor ("Poland's parliament" → POLGOV), of a country
//!   word in its phrase, of its "in/of/from" phrase, or (sources only, last resort) of the
//!   trigger's place or the one country the sentence names; coordinated nationality
//!   adjectives give one actor each ("Hungarian and Romanian officials" → HUNGOV, ROUGOV); a
//!   named modifier gives a sector head its country ("the Biden administration" → USAGOV); a
//!   head that names no actor takes its possessor, its "of" phrase (followed a few steps:
//!   "thousands of members of …") or its "by" phrase ("praised Kenya's work" → KEN). Ethnic
//!   groups are coded where they live (the CAMEO convention): "ethnic Hungarians in Romania"
//!   → ROUCVL, "Bosnian Serbs" → BIHCVL, and so are their forces.
//! * Targets: object, indirect object, the arguments of a governed verb ("threatened to cut
//!   off power to X") or of a purpose clause ("sent aid to help rebuild X", one more level
//!   down when needed), obliques, the subject of a complement clause ("demanded that X …"),
//!   then "for", a locative "in" and "from"; a country-coded target beats a bare sector; the
//!   source's own forces ("its troops") are never a target; a protest without a named target
//!   is directed at the source's own government, one against a bare sector ("against the
//!   police") at the source country's own.
//! * Code shifts: intended cooperation → 03x, threatened or announced conflict ("will
//!   extend the curfew") → 13x, refused cooperation ("will not end the strike") → 12x, and a
//!   reported "must/should" clause ("Egypt said Israel must withdraw") → a demand (10x) by
//!   the speaker on the clause subject (100 when the clause has no trigger of its own); a
//!   plain appeal or demand governing a cooperative act asks for that act (an appeal to hold
//!   talks → 026, the 02/03/10 families mirror each other); an announced act with an
//!   "unless" clause is a threat (cooperative acts → 130), a refused one ("will not lift the
//!   ban unless …") stays a refusal. A mediation "between X and Y"
//!   never makes X or Y the mediator; participles modifying a noun ("proposed changes", "the
//!   injured") are no verb triggers.
//! * Trees: [`view`] repairs attachments no well-formed tree has, so that the coder reads
//!   trees of different parsers alike (a possessor hung on a verb, a "that" clause hung on a
//!   day name after "said", a "that" made a verb's object, an "unless" clause made the root, a noun made the root above the
//!   verb after its phrase, a "to" clause of an appeal hung on the light verb); a bare-sector
//!   subject takes the actor of its apposition ("the emir, Sheikh X") or of a name right before
//!   its phrase that the parser made its governor or a second subject.
//! * [`eval`]: scoring against the CAMEO-manual sentence set and seed-format gold files.

pub mod actors;
pub mod coder;
pub mod eval;
pub mod patterns;
pub mod tables;
pub mod view;

pub use coder::{shift_code, EventCoder, Explanation};
pub use patterns::{builtin_patterns, parse_patterns, Pattern, PatternError, TriggerKind};
pub use tables::{
    cameo, cameo_codes, plover_contexts, plover_mapping, plover_of, plover_types, CameoCode,
    PloverMapping, PloverType,
};
