//! Supertag features (an experimental parser option, off in the shipped parser): the gold
//! supertags of a tree, and a parser trained with a one-pass supertagger that keeps it
//! through its binary format (version 4) and parses the same after a round trip.

use newsgraph_syntax::{
    parse_conllu, supertags_of, train_parser, train_tagger, ConllSentence, Parser, ParserOptions,
    TaggerOptions,
};

/// "<name> visited <city> ." and "<name>'s <kin> ate <food> ." sentences in CoNLL-U.
fn treebank() -> Vec<ConllSentence> {
    let mut text = String::new();
    for (who, what) in [("Anna", "Fresno"), ("Boris", "Tulsa")] {
        for _ in 0..3 {
            text.push_str(&format!(
                "1\t{who}\t{who}\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
                 2\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n\
                 3\t{what}\t{what}\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\
                 4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
            ));
            text.push_str(&format!(
                "1\t{who}\t{who}\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n\
                 2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n\
                 3\tsister\tsister\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n\
                 4\tate\teat\tVERB\tVBD\t_\t0\troot\t_\t_\n\
                 5\trice\trice\tNOUN\tNN\t_\t4\tobj\t_\t_\n\
                 6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"
            ));
        }
    }
    parse_conllu(&text)
}

#[test]
fn gold_supertags_are_universal_relation_and_head_side() {
    let tb = treebank();
    assert_eq!(supertags_of(&tb[0]), ["nsubj>", "root", "obj<", "punct<"]);
    // The subtype is dropped: "nmod:poss" is "nmod".
    assert_eq!(
        supertags_of(&tb[1]),
        ["nmod>", "case<", "nsubj>", "root", "obj<", "punct<"]
    );
}

#[test]
fn parser_with_supertagger_round_trips() {
    let tb = treebank();
    // The supertagger learns supertags as its tags (class "X" + supertag).
    let st_train: Vec<ConllSentence> = tb
        .iter()
        .map(|s| {
            let tags = supertags_of(s);
            let mut s = s.clone();
            for (w, t) in s.words.iter_mut().zip(tags) {
                w.upos = "X".into();
                w.xpos = t;
            }
            s
        })
        .collect();
    let topts = TaggerOptions {
        epochs: 5,
        ..Default::default()
    };
    let sg = train_tagger(&st_train, &[], &[], &topts)
        .without_lemmas()
        .one_pass();
    // The parser's training sentences carry their supertags in the lemma column.
    let mut train = tb.clone();
    for s in train.iter_mut() {
        let ids = sg.tag_ids(&s.forms());
        for (w, c) in s.words.iter_mut().zip(ids) {
            w.lemma = sg.class(c).1.to_string();
        }
    }
    let opts = ParserOptions {
        epochs: 4,
        min_count: 1,
        supertags: true,
        ..Default::default()
    };
    let p = train_parser(&train, &[], &opts).with_supertagger(sg);
    let b = p.to_bytes();
    assert_eq!(u32::from_le_bytes([b[4], b[5], b[6], b[7]]), 4);
    // Flags: a supertagger (2), making one pass (4).
    assert_eq!(u32::from_le_bytes([b[8], b[9], b[10], b[11]]), 6);
    let q = Parser::from_bytes(&b).expect("reads back");
    assert_eq!(q.to_bytes(), b);
    let (w, u, x) = (
        ["Boris", "'s", "sister", "ate", "rice", "."],
        ["PROPN", "PART", "NOUN", "VERB", "NOUN", "PUNCT"],
        ["NNP", "POS", "NN", "VBD", "NN", "."],
    );
    let arcs = q.parse(&w, &u, &x);
    assert_eq!(arcs, p.parse(&w, &u, &x));
    assert_eq!(arcs[3].head, None);
    assert_eq!((arcs[2].head, arcs[2].deprel.as_str()), (Some(3), "nsubj"));
    assert_eq!(
        (arcs[0].head, arcs[0].deprel.as_str()),
        (Some(2), "nmod:poss")
    );
    // A truncated supertagger: rejected, no panic.
    assert!(Parser::from_bytes(&b[..b.len() - 5]).is_none());
}
