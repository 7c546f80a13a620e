//! The shipped models: they load, handle sentences we wrote, and reach their accuracy floors
//! on a fixed subset of EWT test (first 500 sentences, gold tokenization) and on the GMB
//! test part (XPOS in the table's Penn Treebank notation).

use newsgraph_core::{Component, Document, Sentence, Span, Token, Upos};
use newsgraph_syntax::{
    evaluate_parser, evaluate_tagger, evaluate_xpos, gmb_split, parse_gmb, ptb_notation,
    read_conllu, Parser, Tagger,
};
use std::path::Path;

const EWT_TEST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu"
);

const GMB: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpora/gmb-ner/ner_dataset.csv"
);

fn words(s: &str) -> Vec<&str> {
    s.split(' ').collect()
}

#[test]
fn tags_and_lemmatizes_a_news_sentence() {
    let t = Tagger::embedded();
    let w = words("Putin accepted the invitation to visit Pyongyang .");
    let out = t.tag(&w);
    assert_eq!(out[0].upos, Upos::PROPN);
    assert_eq!(out[0].lemma, "Putin");
    assert_eq!(out[1].upos, Upos::VERB);
    assert_eq!(out[1].xpos, "VBD");
    assert_eq!(out[1].lemma, "accept");
    assert_eq!(out[2].upos, Upos::DET);
    assert_eq!(out[3].lemma, "invitation");
    assert_eq!(out[5].lemma, "visit");
    assert_eq!(out[7].upos, Upos::PUNCT);
}

/// The XPOS the shipped tagger gives word `w` of sentence `s` (tokens split by spaces).
fn xpos(s: &str, w: &str) -> String {
    let ws = words(s);
    let i = ws.iter().position(|x| *x == w).unwrap();
    Tagger::embedded().tag(&ws)[i].xpos.clone()
}

#[test]
fn main_verb_after_a_time_word_or_a_relative_clause_is_a_past_tense() {
    assert_eq!(
        xpos(
            "The European Union on Monday imposed sanctions on eight Iranian officials .",
            "imposed"
        ),
        "VBD"
    );
    assert_eq!(
        xpos(
            "Russia , which has bought hundreds of Iranian-made drones , rejected Western accusations that it used them .",
            "rejected"
        ),
        "VBD"
    );
    // participles of appositions and reduced relatives stay
    assert_eq!(
        xpos(
            "The sanctions , announced last week , target Iranian officials .",
            "announced"
        ),
        "VBN"
    );
    assert_eq!(
        xpos(
            "Hamas , designated a terrorist group by the EU , said it would respond .",
            "designated"
        ),
        "VBN"
    );
}

#[test]
fn a_participle_after_its_subject_in_a_sentence_without_another_verb_is_a_past_tense() {
    let used = xpos(
        "Bangladeshi police used tear gas to disperse crowds .",
        "used",
    );
    assert_eq!(used, "VBD");
    // a reduced relative before the main verb stays a participle
    assert_eq!(xpos("The gas used by police was toxic .", "used"), "VBN");
}

#[test]
fn verb_lemmas() {
    let t = Tagger::embedded();
    let out = t.tag(&words(
        "The ministers were meeting and signed agreements , officials said .",
    ));
    let lemmas: Vec<&str> = out.iter().map(|x| x.lemma.as_str()).collect();
    assert_eq!(lemmas[1], "minister");
    assert_eq!(lemmas[2], "be");
    assert_eq!(lemmas[3], "meet");
    assert_eq!(lemmas[5], "sign");
    assert_eq!(lemmas[6], "agreement");
    assert_eq!(lemmas[9], "say");
}

#[test]
fn parses_subject_and_object() {
    let t = Tagger::embedded();
    let p = Parser::embedded();
    let w = words("Putin accepted the invitation .");
    let tags = t.tag(&w);
    let up: Vec<&str> = tags.iter().map(|x| x.upos.as_str()).collect();
    let xp: Vec<&str> = tags.iter().map(|x| x.xpos.as_str()).collect();
    let arcs = p.parse(&w, &up, &xp);
    assert_eq!(arcs[1].head, None);
    assert_eq!(arcs[1].deprel, "root");
    assert_eq!((arcs[0].head, arcs[0].deprel.as_str()), (Some(1), "nsubj"));
    assert_eq!((arcs[3].head, arcs[3].deprel.as_str()), (Some(1), "obj"));
    assert_eq!((arcs[2].head, arcs[2].deprel.as_str()), (Some(3), "det"));
    assert_eq!((arcs[4].head, arcs[4].deprel.as_str()), (Some(1), "punct"));
}

#[test]
fn passive_subject() {
    let t = Tagger::embedded();
    let p = Parser::embedded();
    let w = words("The bill was passed by the parliament on Tuesday .");
    let tags = t.tag(&w);
    let up: Vec<&str> = tags.iter().map(|x| x.upos.as_str()).collect();
    let xp: Vec<&str> = tags.iter().map(|x| x.xpos.as_str()).collect();
    let arcs = p.parse(&w, &up, &xp);
    assert_eq!(arcs[3].head, None);
    assert_eq!(arcs[1].deprel, "nsubj:pass");
    assert_eq!(arcs[2].deprel, "aux:pass");
    assert_eq!(tags[3].lemma, "pass");
}

#[test]
fn components_fill_document_with_document_indices() {
    // Two sentences; heads of the second must be offset by the first's length.
    let text = "Kim arrived. Putin greeted him warmly.";
    let mut doc = Document::new("t", text, None);
    let spans = [
        (0, 3),
        (4, 11),
        (11, 12),
        (13, 18),
        (19, 26),
        (27, 30),
        (31, 37),
        (37, 38),
    ];
    doc.tokens = spans
        .iter()
        .map(|&(s, e)| Token {
            span: Span::new(s, e),
            space_after: true,
            ..Default::default()
        })
        .collect();
    doc.sentences = vec![
        Sentence {
            span: Span::new(0, 12),
            paragraph: 0,
            tokens: 0..3,
        },
        Sentence {
            span: Span::new(13, 38),
            paragraph: 0,
            tokens: 3..8,
        },
    ];
    Tagger::embedded().process(&mut doc);
    Parser::embedded().process(&mut doc);
    assert_eq!(doc.tokens[1].lemma, "arrive");
    assert_eq!(doc.tokens[1].head, None);
    assert_eq!(doc.tokens[0].head, Some(1));
    assert_eq!(doc.tokens[4].lemma, "greet");
    assert_eq!(doc.tokens[4].head, None);
    assert_eq!(doc.tokens[3].head, Some(4));
    assert_eq!(doc.tokens[3].deprel, "nsubj");
    assert_eq!(doc.tokens[5].head, Some(4));
    assert_eq!(doc.tokens[5].deprel, "obj");
}

#[test]
fn odd_input_does_not_panic() {
    let t = Tagger::embedded();
    let p = Parser::embedded();
    for s in [
        vec![],
        vec![""],
        vec!["ü", "日本", "…", "\u{200b}"],
        vec!["a"; 300],
    ] {
        let tags = t.tag(&s);
        let up: Vec<&str> = tags.iter().map(|x| x.upos.as_str()).collect();
        let xp: Vec<&str> = tags.iter().map(|x| x.xpos.as_str()).collect();
        let arcs = p.parse(&s, &up, &xp);
        assert_eq!(arcs.len(), s.len());
        assert!(arcs.iter().filter(|a| a.head.is_none()).count() <= 1.max(s.len().min(1)));
    }
}

#[test]
fn accuracy_floors_on_ewt_test_subset() {
    if !Path::new(EWT_TEST).exists() {
        eprintln!("skipping: {EWT_TEST} not found");
        return;
    }
    let mut sents = read_conllu(Path::new(EWT_TEST)).expect("EWT test");
    sents.truncate(500);
    let t = Tagger::embedded();
    let a = evaluate_tagger(t, &sents);
    eprintln!(
        "EWT test[..500]: upos {:.4} xpos {:.4} lemma {:.4}",
        a.upos, a.xpos, a.lemma
    );
    for s in sents.iter_mut() {
        let tags = t.tag(&s.forms());
        for (w, tg) in s.words.iter_mut().zip(tags) {
            w.upos = tg.upos.as_str().to_string();
            w.xpos = tg.xpos;
        }
    }
    let p = evaluate_parser(Parser::embedded(), &sents);
    eprintln!(
        "EWT test[..500] predicted tags: uas {:.4} las {:.4}",
        p.uas, p.las
    );
    assert!(a.upos >= FLOOR_UPOS, "upos {}", a.upos);
    assert!(a.xpos >= FLOOR_XPOS, "xpos {}", a.xpos);
    assert!(a.lemma >= FLOOR_LEMMA, "lemma {}", a.lemma);
    assert!(p.uas >= FLOOR_UAS, "uas {}", p.uas);
    assert!(p.las >= FLOOR_LAS, "las {}", p.las);
}

// Floors: measured on this subset with the shipped models (UPOS 96.54, XPOS 96.38, lemma
// 97.57, UAS 86.10, LAS 82.79 as CoNLL 2018 scores it; 82.69 with relation subtypes) minus a
// margin of about half a point.
const FLOOR_UPOS: f64 = 0.960;
const FLOOR_XPOS: f64 = 0.958;
const FLOOR_LEMMA: f64 = 0.970;
const FLOOR_UAS: f64 = 0.855;
const FLOOR_LAS: f64 = 0.821;

#[test]
fn penn_notation_of_ewt_tags() {
    let t = Tagger::embedded();
    let ws = words("He went to Moscow to meet \" the leader \" .");
    let tags = t.tag(&ws);
    let ptb: Vec<&str> = ws
        .iter()
        .zip(&tags)
        .map(|(w, g)| ptb_notation(w, &g.xpos))
        .collect();
    // EWT notation: the preposition is IN, the infinitival marker TO; Penn: both TO.
    assert_eq!(tags[2].xpos, "IN");
    assert_eq!(tags[4].xpos, "TO");
    assert_eq!((ptb[2], ptb[4]), ("TO", "TO"));
    // The closing quote: '' in EWT notation, `` in GMB's.
    assert_eq!(tags[9].xpos, "''");
    assert_eq!((ptb[6], ptb[9]), ("``", "``"));
    assert_eq!(ptb_notation("into", "IN"), "IN");
    assert_eq!(ptb_notation("to", "RB"), "RB");
}

#[test]
fn xpos_floor_on_gmb_test_part() {
    let Ok(bytes) = std::fs::read(GMB) else {
        eprintln!("skipping: {GMB} not found");
        return;
    };
    let all = parse_gmb(&String::from_utf8_lossy(&bytes));
    let (_, _, test) = gmb_split(&all);
    let a = evaluate_xpos(Tagger::embedded(), test);
    eprintln!(
        "GMB test: xpos {:.4} (raw EWT notation {:.4}) over {} tokens",
        a.ptb, a.raw, a.tokens
    );
    assert!(a.tokens > 90_000, "{} tokens", a.tokens);
    // Measured with the shipped tagger: 96.81 (raw 95.84); floor with a margin.
    assert!(a.ptb >= 0.965, "gmb xpos {}", a.ptb);
    assert!(a.raw >= 0.955, "gmb raw xpos {}", a.raw);
}

#[test]
fn combining_a_parse_with_itself_gives_it_back() {
    // The shipped parser's trees are projective with one root, so the reparsing of two
    // copies (Eisner's algorithm over their votes) must return each tree unchanged, and a
    // third, different vote must not outweigh two agreeing ones.
    if !Path::new(EWT_TEST).exists() {
        eprintln!("skipping: {EWT_TEST} not found");
        return;
    }
    let mut sents = read_conllu(Path::new(EWT_TEST)).expect("EWT test");
    sents.truncate(300);
    let (t, p) = (Tagger::embedded(), Parser::embedded());
    let mut changed_by_third = 0;
    for s in &sents {
        let words = s.forms();
        let tags = t.tag(&words);
        let up: Vec<&str> = tags.iter().map(|x| x.upos.as_str()).collect();
        let xp: Vec<&str> = tags.iter().map(|x| x.xpos.as_str()).collect();
        let a = p.parse(&words, &up, &xp);
        assert_eq!(
            newsgraph_syntax::combine_parses(words.len(), &[&a, &a], &[1.0, 1.0]),
            a,
            "{words:?}"
        );
        // A right-branching chain as a third opinion.
        let chain: Vec<newsgraph_syntax::Arc> = (0..words.len())
            .map(|i| newsgraph_syntax::Arc {
                head: if i == 0 { None } else { Some(i - 1) },
                deprel: "dep".into(),
            })
            .collect();
        let got =
            newsgraph_syntax::combine_parses(words.len(), &[&chain, &a, &a], &[1.0, 1.0, 1.0]);
        changed_by_third += usize::from(got != a);
    }
    assert_eq!(changed_by_third, 0);
}

#[test]
fn a_present_tense_after_a_possessive_or_an_article_is_a_noun() {
    assert_eq!(
        xpos(
            "Zelenskyy said in his nightly address that the war must end .",
            "address"
        ),
        "NN"
    );
    // a verb after a pronoun subject stays one
    assert_eq!(
        xpos("They address the problem every year .", "address"),
        "VBP"
    );
}
