//! # newsgraph-quotes
//!
//! Finds what was said in a news article and who said it: **direct quotes** (in straight,
//! curly, low-9 or guillemet marks, over several sentences or paragraphs, with nested
//! single quotes), **partial quotes** inside the writer's sentence (`saying it was
//! "troubling"`, told apart from scare quotes around names of things) and **reported
//! speech** (`X said (that) …`, `X confirmed that …`, `according to X, …`, `…, informed
//! X`, `X, adding that …`). Each [`Quote`] gets its cue (the speech verb or "according
//! to"), its speaker as written and the entity of `doc.entities` that the speaker refers to,
//! and a date.
//!
//! The component ([`QuoteFinder`], name `"quotes"`) works on the text with its own
//! tokenisation and surface patterns, so it needs nothing but `doc.text`; it uses what
//! earlier components left in the document when there: paragraphs (segmenter), POS tags
//! (tagger) to tell nouns from verbs, time expressions (to step over "on Wednesday" between
//! a subject and its verb) and entities with their mentions (entity linking of speakers).
//!
//! The speech verbs come from `data/speech_verbs.txt` (embedded; format described there).
//! [`eval`] scores the component against hand annotations in the seed's gold format.

mod attrib;
pub mod eval;
pub mod lexicon;
mod link;
mod scan;

use attrib::{name_like, Attr, Ctx, DETS};
use lexicon::{Frame, Lexicon};
use newsgraph_core::{Component, DateSource, Document, Quote, QuoteKind, Span};
use scan::{Kind, Para};

pub use link::link_speaker;

/// The quote component.
#[derive(Debug, Clone)]
pub struct QuoteFinder {
    lex: Lexicon,
}

impl Default for QuoteFinder {
    fn default() -> Self {
        QuoteFinder::new()
    }
}

impl Component for QuoteFinder {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn process(&self, doc: &mut Document) {
        doc.quotes = self.find(doc);
    }
}

/// A quotation found in one paragraph, before entity linking.
#[derive(Debug, Clone)]
struct Found {
    para: usize,
    content: Span,
    kind: QuoteKind,
    cue: Option<Span>,
    speaker: Option<Span>,
    /// Index of the first piece of a quotation that runs over several paragraphs.
    chain: Option<usize>,
    /// Attributed by its own cue (not inherited).
    own: bool,
}

impl QuoteFinder {
    /// The finder with the embedded speech-verb lexicon.
    pub fn new() -> Self {
        QuoteFinder {
            lex: Lexicon::embedded(),
        }
    }

    /// The finder with another lexicon (see `data/speech_verbs.txt` for the format).
    pub fn with_lexicon(lex: Lexicon) -> Self {
        QuoteFinder { lex }
    }

    /// All quotes of the document, in text order.
    pub fn find(&self, doc: &Document) -> Vec<Quote> {
        let paras = scan::paragraphs(doc);
        let mut found: Vec<Found> = Vec::new();
        let mut prev_open_chain: Option<usize> = None;
        for (pi, p) in paras.iter().enumerate() {
            let first_new = found.len();
            let mut ctx = Ctx {
                p,
                lex: &self.lex,
                attrs: Vec::new(),
            };
            self.direct(doc, pi, &mut ctx, &mut found);
            // a quotation left open at the end of the previous paragraph continues here
            if let Some(c) = prev_open_chain.take() {
                if p.opens_with_quote {
                    if let Some(f) = found.get_mut(first_new) {
                        if f.kind == QuoteKind::Direct {
                            f.chain = Some(c);
                        }
                    }
                }
            }
            if let Some(last) = p.quotes.last() {
                if last.close.is_none() && found.len() > first_new {
                    let li = found.len() - 1;
                    prev_open_chain = Some(found[li].chain.unwrap_or(li));
                    if found[li].chain.is_none() {
                        found[li].chain = Some(li);
                    }
                }
            }
            self.indirect(doc, pi, &mut ctx, &mut found);
        }
        inherit(&paras, &mut found);
        // Reported speech that opens the article starts after its dateline
        // ("NAIROBI, July 25 (Reuters) - Police fired ..., witnesses said").
        for f in found.iter_mut().filter(|f| {
            f.kind == QuoteKind::Indirect
                && (f.content.start == 0 || doc.text[..f.content.start].ends_with('\n'))
        }) {
            let skip = newsgraph_core::dateline_len(doc.text.get(f.content.range()).unwrap_or(""));
            if skip > 0 && f.content.start + skip < f.content.end {
                f.content = Span::new(f.content.start + skip, f.content.end);
            }
        }
        found.sort_by_key(|f| (f.content.start, f.content.end));
        found.dedup_by(|a, b| a.content == b.content);
        let contents: Vec<Span> = found.iter().map(|f| f.content).collect();
        let mut quotes = Vec::with_capacity(found.len());
        let mut linked: Vec<(Span, Option<usize>)> = Vec::new();
        for f in &found {
            let speaker = f.speaker.and_then(|s| {
                if let Some(&(_, e)) = linked.iter().find(|(sp, _)| *sp == s) {
                    return e;
                }
                let prev: Vec<usize> = quotes.iter().filter_map(|q: &Quote| q.speaker).collect();
                let e = link_speaker(doc, s, &prev);
                linked.push((s, e));
                e
            });
            // a quotation without a cue (continued from an earlier one) takes that one's date
            let (date, date_source) = match (f.cue, f.speaker) {
                (None, Some(sp)) => quotes
                    .iter()
                    .rev()
                    .find(|q: &&Quote| q.speaker_span == Some(sp) && q.cue.is_some())
                    .map(|q| (q.date, q.date_source))
                    .unwrap_or((doc.date, DateSource::Document)),
                _ => quote_date(doc, f, &contents),
            };
            quotes.push(Quote {
                span: f.content,
                kind: f.kind,
                speaker,
                speaker_span: f.speaker,
                cue: f.cue,
                date,
                date_source,
            });
        }
        quotes
    }

    /// Quotations in marks: direct and partial.
    fn direct(&self, doc: &Document, pi: usize, ctx: &mut Ctx, found: &mut Vec<Found>) {
        let p = ctx.p;
        let t = &p.toks;
        let n = t.len();
        for q in &p.quotes {
            let content = q.content.slice(&doc.text);
            let prev = q.open.checked_sub(1).map(|i| &t[i]);
            // attribution after the closing mark: `"…," X said`, `"…," said X`
            let mut attr = self.post_attr(ctx, q.close, n);
            // attribution before the opening mark: `X said: "…"`
            let pre = self.pre_attr(ctx, q.open);
            let starts_sentence = prev.is_none_or(|x| {
                x.kind == Kind::QMark
                    || (x.kind == Kind::Punct
                        && matches!(
                            x.lower.as_str(),
                            "." | "!" | "?" | ";" | ":" | "—" | "–" | "-" | "("
                        ))
            });
            let upper = content
                .chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_numeric());
            let after_comma = prev.is_some_and(|x| x.is_punct(","));
            let pre_adjacent =
                pre.is_some_and(|a| a.cue + 4 >= q.open && ctx.verb(a.cue) != Some(Frame::Partial));
            let mut kind = if starts_sentence
                || (after_comma && (upper || pre.is_some()))
                || (pre_adjacent && upper)
            {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            // a quotation that starts a sentence and goes on as the subject of a
            // non-speech verb is a name (`"Oppenheimer" won seven awards`)
            if attr.is_none() {
                attr = pre;
            }
            if kind == QuoteKind::Partial && attr.is_none() {
                // cue elsewhere in the sentence: `X called the talks "productive" on Monday`
                attr = self.sentence_cue(ctx, q.open);
            }
            // a name given right before it: `drills code-named "Strait Thunder"`, `a plan
            // dubbed "Operation Hope"`
            if prev.is_some_and(|x| {
                matches!(
                    x.lower.as_str(),
                    "code-named"
                        | "codenamed"
                        | "named"
                        | "dubbed"
                        | "nicknamed"
                        | "titled"
                        | "entitled"
                        | "christened"
                )
            }) && name_like(content)
            {
                continue;
            }
            if let Some(a) = attr {
                let colon = prev.is_some_and(|x| x.is_punct(":"));
                if !colon && ctx.verb(a.cue) == Some(Frame::Partial) && name_like(content) {
                    // `a group called "Friends of Peace"`, `dubbed "Rocket Man"`
                    continue;
                }
            }
            let words = content.split_whitespace().count();
            if attr.is_none() {
                if name_like(content) {
                    continue;
                }
                if kind == QuoteKind::Partial && words <= 4 {
                    // scare quotes: `the so-called "peace plan"`
                    continue;
                }
            }
            if kind == QuoteKind::Partial && words > 12 && upper && after_comma {
                kind = QuoteKind::Direct;
            }
            // a partial quotation after a speech verb that reports no speech (a modal or
            // "to" before it) inside a reported clause is the reporter's words: `Peskov
            // told reporters that Moscow would respond "in a measured way"` (Peskov; but `X
            // said that Y had called the talks "productive"` stays Y's)
            if kind == QuoteKind::Partial {
                let unreal = |k: usize| {
                    k > 0
                        && matches!(
                            t[k - 1].lower.as_str(),
                            "would"
                                | "will"
                                | "could"
                                | "can"
                                | "may"
                                | "might"
                                | "should"
                                | "must"
                                | "to"
                                | "'ll"
                                | "'d"
                        )
                };
                if let Some(a) = attr.filter(|a| a.cue < q.open && unreal(a.cue)) {
                    let sent = t[a.cue].sent;
                    let outer = (0..a.cue)
                        .rev()
                        .take_while(|&i| t[i].sent == sent)
                        .find(|&i| {
                            !t[i].in_quote
                                && ctx.is_cue(i)
                                && ctx.verb(i) != Some(Frame::Partial)
                                && t[i + 1..a.cue].iter().any(|x| x.lower == "that")
                        });
                    if let Some(k0) = outer {
                        if let Some(sp) = ctx.speaker_for_cue(k0) {
                            attr = Some(Attr {
                                cue: k0,
                                cue_len: 1,
                                speaker: Some(sp),
                            });
                        }
                    }
                }
            }
            if let Some(a) = attr {
                ctx.attrs.push(a);
            }
            found.push(Found {
                para: pi,
                content: q.content,
                kind,
                cue: attr.map(|a| cue_span(ctx, a)),
                speaker: attr
                    .and_then(|a| a.speaker)
                    .map(|(s, e)| Span::new(t[s].span.start, t[e - 1].span.end)),
                chain: None,
                own: attr.is_some_and(|a| a.speaker.is_some()),
            });
        }
    }

    /// `"…," X said` / `"…," said X` / `"…," according to X`.
    fn post_attr(&self, ctx: &Ctx, close: Option<usize>, n: usize) -> Option<Attr> {
        let t = ctx.toks();
        let c = close?;
        let mut i = c + 1;
        while i < n
            && t[i].kind == Kind::Punct
            && matches!(t[i].lower.as_str(), "," | "—" | "–" | "-")
        {
            i += 1;
        }
        if i >= n || t[i].in_quote {
            return None;
        }
        let hi = ctx.clause_hi(i);
        if i >= hi {
            return None;
        }
        if ctx.according(i) {
            let sp = ctx.right_np(i + 2, hi);
            return sp.map(|s| Attr {
                cue: i,
                cue_len: 2,
                speaker: Some(s),
            });
        }
        if ctx.verb(i).is_some() {
            let sp = ctx.right_np(i + 1, hi)?;
            return Some(Attr {
                cue: i,
                cue_len: 1,
                speaker: Some(sp),
            });
        }
        let k = (i..hi.min(i + 20)).find(|&k| ctx.verb(k).is_some())?;
        let (a, b) = ctx.left_np(k, i)?;
        if a != i && !(a > i && t[i..a].iter().all(|x| DETS.contains(&x.lower.as_str()))) {
            return None;
        }
        Some(Attr {
            cue: k,
            cue_len: 1,
            speaker: Some((a, b)),
        })
    }

    /// `X said: "…"`, `X told reporters, "…"`, `according to X, "…"`.
    fn pre_attr(&self, ctx: &Ctx, open: usize) -> Option<Attr> {
        let t = ctx.toks();
        if open == 0 {
            return None;
        }
        let mut j = open;
        if t[j - 1].kind == Kind::Punct && matches!(t[j - 1].lower.as_str(), ":" | ",") {
            j -= 1;
        }
        let lo = j.saturating_sub(8);
        let mut k = None;
        for x in (lo..j).rev() {
            let tx = &t[x];
            if tx.kind == Kind::QMark
                || tx.in_quote
                || (tx.kind == Kind::Punct && matches!(tx.lower.as_str(), "." | "!" | "?" | ";"))
            {
                break;
            }
            if ctx.is_cue(x) {
                k = Some(x);
                break;
            }
        }
        let k = k?;
        let cue_len = if ctx.according(k) { 2 } else { 1 };
        Some(Attr {
            cue: k,
            cue_len,
            speaker: ctx.speaker_for_cue(k),
        })
    }

    /// The nearest cue in the sentence of token `at`, outside quotations: left first.
    fn sentence_cue(&self, ctx: &Ctx, at: usize) -> Option<Attr> {
        let t = ctx.toks();
        let sent = t[at].sent;
        let left = (0..at)
            .rev()
            .take_while(|&i| t[i].sent == sent)
            .find(|&i| !t[i].in_quote && ctx.is_cue(i));
        let k = left.or_else(|| {
            (at..t.len())
                .take_while(|&i| t[i].sent == sent)
                .find(|&i| !t[i].in_quote && ctx.is_cue(i))
        })?;
        let cue_len = if ctx.according(k) { 2 } else { 1 };
        Some(Attr {
            cue: k,
            cue_len,
            speaker: ctx.speaker_for_cue(k),
        })
    }

    /// Reported speech without quotation marks.
    fn indirect(&self, doc: &Document, pi: usize, ctx: &mut Ctx, found: &mut Vec<Found>) {
        let p: &Para = ctx.p;
        let t = &p.toks;
        let n = t.len();
        let used: Vec<usize> = ctx.attrs.iter().map(|a| a.cue).collect();
        let mut i = 0;
        while i < n {
            let k = i;
            i += 1;
            if used.contains(&k)
                || t[k].in_quote
                || !ctx.is_cue(k)
                || ctx.verb(k) == Some(Frame::Partial)
            {
                continue;
            }
            let sent = t[k].sent;
            let s0 = (0..k)
                .rev()
                .take_while(|&j| t[j].sent == sent)
                .last()
                .unwrap_or(k);
            let mut s1 = (k..n)
                .take_while(|&j| t[j].sent == sent)
                .last()
                .map(|j| j + 1)
                .unwrap_or(k + 1);
            while s1 > k + 1 && t[s1 - 1].kind != Kind::Word {
                s1 -= 1;
            }
            let mut s0c = s0;
            while s0c < k && t[s0c].kind != Kind::Word {
                s0c += 1;
            }
            let has_mark =
                |a: usize, b: usize| t[a..b].iter().any(|x| x.kind == Kind::QMark || x.in_quote);
            let prev_comma = k > s0 && t[k - 1].is_punct(",");
            let mut out: Option<(usize, usize, Option<(usize, usize)>, usize)> = None; // content a..b, speaker, cue_len
            if ctx.according(k) {
                if k == s0c {
                    let hi = (k + 2..s1).find(|&j| t[j].is_punct(","));
                    if let Some(hi) = hi {
                        let sp = ctx.right_np(k + 2, hi);
                        out = Some((ctx.skip_apposition(hi + 1, s1), s1, sp, 2));
                    }
                } else if prev_comma {
                    let sp = ctx.right_np(k + 2, s1);
                    // "X said that A, even as B, according to Y": when the sentence opens with
                    // a speaker and a verb of saying, Y vouches only for the clause after the
                    // last subordinating boundary (B), or for nothing of X's content
                    let said = (s0c + 1..k).find(|&j| {
                        ctx.verb(j).is_some()
                            && !ctx.according(j)
                            && ctx.left_np(j, s0c).is_some()
                            && self.content_start(ctx, j, k - 1).is_some_and(|c0| {
                                t[j + 1..c0].iter().any(|x| x.lower == "that")
                                    && ctx.is_clause(c0, k - 1)
                            })
                    });
                    match said {
                        Some(j) => {
                            if let Some(p) = sub_boundary(t, j + 1, k - 1) {
                                out = Some((p, k - 1, sp, 2));
                            }
                        }
                        None => out = Some((s0c, k - 1, sp, 2)),
                    }
                }
            } else if ctx.gerund(k) && prev_comma {
                // `X …, adding that …`
                let mut a = k + 1;
                if a < s1 && t[a].lower == "that" {
                    a += 1;
                }
                if ctx.is_clause(a, s1) || t.get(k + 1).is_some_and(|x| x.lower == "that") {
                    out = Some((a, s1, ctx.clause_subject(k), 1));
                }
            } else if prev_comma && k > s0c + 2 {
                // `CONTENT, said X.`
                if let Some((a, b)) = ctx.right_np(k + 1, s1) {
                    if trailing_adjunct(ctx, b, s1) && a == k + 1 {
                        out = Some((s0c, k - 1, Some((a, b)), 1));
                    }
                }
            }
            if out.is_none() && !ctx.according(k) && !ctx.gerund(k) {
                let lo = ctx.clause_lo(k).max(s0);
                // (a verb coordinated with the clause's first, "X defended the quotas but
                // said that …": X)
                let left = ctx.left_np(k, lo).or_else(|| {
                    if k > lo && matches!(t[k - 1].lower.as_str(), "and" | "but") {
                        ctx.clause_subject(k - 1)
                    } else {
                        None
                    }
                });
                if let Some((a, b)) = left {
                    if a > s0c + 2 && t[a - 1].is_punct(",") && trailing_adjunct(ctx, k + 1, s1) {
                        // `CONTENT, X said.`
                        out = Some((s0c, a - 1, Some((a, b)), 1));
                    } else if let Some(c0) = self.content_start(ctx, k, s1) {
                        // (the content stops where a trailing "according to" vouches for a
                        // clause of its own: "X said that A, even as B, according to Y")
                        let acc =
                            (c0 + 1..s1).find(|&j| ctx.according(j) && t[j - 1].is_punct(","));
                        let end = match acc {
                            Some(j) => sub_boundary(t, c0 + 1, j - 1)
                                .map(|p| {
                                    // back to the boundary's comma
                                    (c0..p).rev().find(|&x| t[x].is_punct(",")).unwrap_or(p)
                                })
                                .unwrap_or(j - 1),
                            None => s1,
                        };
                        if ctx.is_clause(c0, end) {
                            out = Some((c0, end, Some((a, b)), 1));
                        }
                    }
                }
            }
            let Some((a, b, speaker @ Some(_), cue_len)) = out else {
                continue;
            };
            // content after the cue must open a clause
            let a = if a > k {
                match ctx.content_begin(a, b) {
                    Some(a) => a,
                    None => continue,
                }
            } else {
                a
            };
            // a linking adverb opening the sentence is the writer's, not the source's
            // ("Meanwhile, Israeli airstrikes killed …, according to the ministry")
            let mut a = a;
            if a + 2 < b
                && t[a + 1].is_punct(",")
                && matches!(
                    t[a].lower.as_str(),
                    "meanwhile"
                        | "however"
                        | "separately"
                        | "elsewhere"
                        | "earlier"
                        | "later"
                        | "also"
                        | "moreover"
                        | "still"
                        | "instead"
                )
            {
                a += 2;
            }
            let mut b = b;
            while b > a && t[b - 1].kind != Kind::Word {
                b -= 1;
            }
            if b <= a + 1 || has_mark(a, b) {
                continue;
            }
            let attr = Attr {
                cue: k,
                cue_len,
                speaker,
            };
            ctx.attrs.push(attr);
            found.push(Found {
                para: pi,
                content: Span::new(t[a].span.start, t[b - 1].span.end),
                kind: QuoteKind::Indirect,
                cue: Some(cue_span(ctx, attr)),
                speaker: speaker.map(|(s, e)| Span::new(t[s].span.start, t[e - 1].span.end)),
                chain: None,
                own: speaker.is_some(),
            });
            let _ = doc;
        }
    }

    /// Start of the reported content after the cue at `k`: past "that", past the
    /// addressee of `told`/`informed`, past short adjuncts before "that".
    fn content_start(&self, ctx: &Ctx, k: usize, s1: usize) -> Option<usize> {
        let t = ctx.toks();
        let mut a = k + 1;
        if a >= s1 {
            return None;
        }
        if t[a].lower == "that" {
            return Some(a + 1);
        }
        // `said in a statement that …`, `told reporters on Monday that …`
        if let Some(j) = (a..s1.min(a + 8)).find(|&j| t[j].lower == "that") {
            if t[a..j]
                .iter()
                .all(|x| x.kind == Kind::Word || x.is_punct(","))
                && !ctx.is_clause(a, j)
            {
                return Some(j + 1);
            }
        }
        if ctx.verb(k) == Some(Frame::Object) {
            let (_, b) = ctx.right_np(a, s1)?;
            let mut b = b;
            if let Some(d) = (a + 1..b).find(|&j| DETS.contains(&t[j].lower.as_str())) {
                b = d;
            }
            a = b;
            if a < s1 && t[a].lower == "that" {
                a += 1;
            }
        }
        // `said on Tuesday the …`
        Some(a)
    }
}

/// True when `[a, hi)` holds only adjuncts after an attribution (`on Tuesday`, `in a
/// statement`), so that the attribution ends the sentence.
fn trailing_adjunct(ctx: &Ctx, a: usize, hi: usize) -> bool {
    let t = ctx.toks();
    if a >= hi {
        return true;
    }
    let w = t[a].lower.as_str();
    // ", as the United Nations warned that …": a clause of its own, joined by a comma and a
    // subordinator, is no part of the speaker's words
    if t[a].is_punct(",")
        && t.get(a + 1).is_some_and(|x| {
            matches!(
                x.lower.as_str(),
                "as" | "while" | "whereas" | "but" | "even"
            )
        })
    {
        return true;
    }
    hi - a <= 6
        && matches!(
            w,
            "on" | "in"
                | "at"
                | "during"
                | "late"
                | "early"
                | "last"
                | "this"
                | "yesterday"
                | "today"
                | "tonight"
                | "earlier"
                | "later"
        )
        && !ctx.is_clause(a, hi)
}

fn cue_span(ctx: &Ctx, a: Attr) -> Span {
    let t = ctx.toks();
    let e = (a.cue + a.cue_len).min(t.len()) - 1;
    Span::new(t[a.cue].span.start, t[e].span.end)
}

/// The date of a quotation: the time expression governing the clause of its cue
/// (`newsgraph_time::governing_date`), else the article date. Time expressions inside
/// quoted or reported words say what the speaker talked about, not when they spoke: only
/// the time expressions of the cue's sentence outside every quotation count.
fn quote_date(
    doc: &Document,
    f: &Found,
    contents: &[Span],
) -> (Option<chrono::NaiveDate>, DateSource) {
    let fallback = (doc.date, DateSource::Document);
    let Some(cue) = f.cue else { return fallback };
    let Some(si) = doc.sentence_at(cue.start) else {
        return fallback;
    };
    let sspan = doc.sentences[si].span;
    let day = |t: &newsgraph_core::TimeExpr| t.value.as_deref().and_then(newsgraph_time::value_day);
    let outside: Vec<chrono::NaiveDate> = doc
        .times
        .iter()
        .filter(|t| sspan.contains(t.span) && !contents.iter().any(|c| c.overlaps(t.span)))
        .filter_map(day)
        .collect();
    if outside.is_empty() {
        return fallback;
    }
    let (d, src) = newsgraph_time::governing_date(doc, si, cue);
    match (d, src) {
        (Some(d), DateSource::Text) if outside.contains(&d) => (Some(d), src),
        _ => fallback,
    }
}

/// Speakers for quotations without a cue of their own: pieces of one quotation over
/// several paragraphs share a speaker; a cue-less quotation takes the speaker of another
/// quotation in its paragraph; a paragraph that is only a quotation continues the speaker
/// of the quotation in the paragraph before.
fn inherit(paras: &[Para], found: &mut [Found]) {
    // chains
    let n = found.len();
    for i in 0..n {
        if let Some(c) = found[i].chain {
            if found[i].speaker.is_none() {
                let src = (0..n).find(|&j| found[j].chain == Some(c) && found[j].speaker.is_some());
                if let Some(j) = src {
                    found[i].speaker = found[j].speaker;
                }
            }
        }
    }
    // same paragraph: the nearest attributed direct quotation before, else after; else
    // the nearest attribution of any kind before it (`X said … . "…"`)
    let order: Vec<usize> = {
        let mut o: Vec<usize> = (0..n).collect();
        o.sort_by_key(|&i| (found[i].para, found[i].content.start));
        o
    };
    let pos: Vec<usize> = {
        let mut p = vec![0; n];
        for (r, &i) in order.iter().enumerate() {
            p[i] = r;
        }
        p
    };
    for i in 0..n {
        if found[i].speaker.is_some() || found[i].kind != QuoteKind::Direct {
            continue;
        }
        let pi = found[i].para;
        let same =
            |j: usize| found[j].para == pi && found[j].kind == QuoteKind::Direct && found[j].own;
        let before = |j: usize| found[j].para == pi && found[j].own && pos[j] < pos[i];
        let src = order[..pos[i]]
            .iter()
            .rev()
            .copied()
            .find(|&j| same(j))
            .or_else(|| order[pos[i] + 1..].iter().copied().find(|&j| same(j)))
            .or_else(|| order[..pos[i]].iter().rev().copied().find(|&j| before(j)));
        if let Some(j) = src {
            found[i].speaker = found[j].speaker;
        }
    }
    // quote-only paragraph after a paragraph with an attributed quotation (a direct one,
    // or any kind when that paragraph ends with a colon)
    for i in 0..n {
        if found[i].speaker.is_some() || found[i].kind != QuoteKind::Direct {
            continue;
        }
        let pi = found[i].para;
        let Some(p) = paras.get(pi) else { continue };
        if !quote_only(p) || pi == 0 {
            continue;
        }
        let colon = paras[pi - 1].toks.last().is_some_and(|t| t.is_punct(":"));
        let src = order[..pos[i]]
            .iter()
            .rev()
            .copied()
            .filter(|&j| found[j].para + 1 == pi && found[j].speaker.is_some())
            .find(|&j| colon || found[j].kind == QuoteKind::Direct);
        if let Some(j) = src {
            found[i].speaker = found[j].speaker;
        }
    }
}

/// A paragraph made of quotations only (punctuation aside).
fn quote_only(p: &Para) -> bool {
    p.opens_with_quote && p.toks.iter().all(|t| t.in_quote || t.kind != Kind::Word)
}

#[cfg(test)]
mod tests;

/// The first word of the last subordinate clause in tokens `lo..hi` that opens after a comma
/// with "even as", "as", "while", "whereas", "although", "though" or "but": where a trailing
/// "according to" phrase starts vouching.
fn sub_boundary(t: &[scan::Tok], lo: usize, hi: usize) -> Option<usize> {
    (lo..hi).rev().find_map(|c| {
        if !t[c].is_punct(",") {
            return None;
        }
        let w = t.get(c + 1)?.lower.as_str();
        let skip = match w {
            "even"
                if t.get(c + 2)
                    .is_some_and(|x| matches!(x.lower.as_str(), "as" | "though")) =>
            {
                3
            }
            "as" | "while" | "whereas" | "although" | "though" | "but" => 2,
            _ => return None,
        };
        (c + skip < hi).then_some(c + skip)
    })
}
