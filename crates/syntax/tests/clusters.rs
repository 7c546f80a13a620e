//! Word clusters in the tagger and the parser: models trained with clusters on a few sentences
//! of our own keep them through their binary format, use them (a word unseen in the
//! treebank but clustered with seen words gets their analysis) and parse/tag the same after a
//! round trip; models without clusters keep the version-1 format.

use newsgraph_syntax::{
    parse_conllu, train_parser, train_parser_with_clusters, train_tagger, Clusters, ConllSentence,
    Parser, ParserOptions, Tagger, TaggerOptions,
};

/// "<name> visited <city> ." and "<name> ate <food> ." sentences in CoNLL-U.
fn treebank() -> Vec<ConllSentence> {
    let mut text = String::new();
    for (who, verb, what, xw) in [
        ("Anna", "visited", "Fresno", ("PROPN", "NNP")),
        ("Boris", "visited", "Tulsa", ("PROPN", "NNP")),
        ("Anna", "ate", "bread", ("NOUN", "NN")),
        ("Boris", "ate", "rice", ("NOUN", "NN")),
    ] {
        for _ in 0..3 {
            text.push_str(&format!(
                "1\t{who}\t{who}\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
                 2\t{verb}\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n\
                 3\t{what}\t{what}\t{}\t{}\t_\t2\tobj\t_\t_\n\
                 4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
                xw.0, xw.1
            ));
        }
    }
    parse_conllu(&text)
}

/// Unlabeled text where "Omaha" shares the contexts of the two cities.
fn unlabeled() -> Vec<Vec<&'static str>> {
    let mut s = Vec::new();
    for city in ["Fresno", "Tulsa", "Omaha"] {
        for _ in 0..6 {
            s.push(vec!["we", "flew", "to", city, "yesterday"]);
        }
    }
    for food in ["bread", "rice", "soup"] {
        for _ in 0..6 {
            s.push(vec!["she", "ate", "some", food, "quickly"]);
        }
    }
    s
}

#[test]
fn parser_with_clusters_round_trips() {
    let tb = treebank();
    let clusters = Clusters::build(&unlabeled(), |_| {});
    assert_eq!(
        clusters.get("Omaha").map(|c| c.1),
        clusters.get("Tulsa").map(|c| c.1)
    );
    let opts = ParserOptions {
        epochs: 4,
        min_count: 1,
        ..Default::default()
    };
    let p = train_parser_with_clusters(&tb, &[], clusters, &opts);
    assert!(!p.clusters().is_empty());
    let b = p.to_bytes();
    assert_eq!(u32::from_le_bytes([b[4], b[5], b[6], b[7]]), 2);
    let q = Parser::from_bytes(&b).expect("reads back");
    assert_eq!(q.to_bytes(), b);
    assert_eq!(q.clusters().get("Omaha"), p.clusters().get("Omaha"));
    let (w, u, x) = (
        ["Boris", "visited", "Omaha", "."],
        ["PROPN", "VERB", "PROPN", "PUNCT"],
        ["NNP", "VBD", "NNP", "."],
    );
    let arcs = q.parse(&w, &u, &x);
    assert_eq!(arcs, p.parse(&w, &u, &x));
    assert_eq!(arcs[1].head, None);
    assert_eq!((arcs[2].head, arcs[2].deprel.as_str()), (Some(1), "obj"));
    // Truncated cluster table: rejected, no panic.
    assert!(Parser::from_bytes(&b[..b.len() - 3]).is_none());
    // Without clusters: the version-1 format.
    let plain = train_parser(&tb, &[], &opts);
    assert!(plain.clusters().is_empty());
    let b1 = plain.to_bytes();
    assert_eq!(u32::from_le_bytes([b1[4], b1[5], b1[6], b1[7]]), 1);
    assert!(Parser::from_bytes(&b1).is_some());
}

#[test]
fn tagger_with_clusters_round_trips() {
    let tb = treebank();
    let opts = TaggerOptions {
        epochs: 5,
        clusters: Clusters::build(&unlabeled(), |_| {}),
        ..Default::default()
    };
    let t = train_tagger(&tb, &[], &[], &opts);
    let (tb_bytes, lb) = t.to_bytes();
    assert_eq!(
        u32::from_le_bytes([tb_bytes[4], tb_bytes[5], tb_bytes[6], tb_bytes[7]]),
        2
    );
    let u = Tagger::from_bytes(&tb_bytes, &lb).expect("reads back");
    assert_eq!(u.to_bytes().0, tb_bytes);
    // "soup" never occurs in the treebank; its cluster is that of "bread" and "rice".
    let tags = u.tag(&["Anna", "ate", "soup", "."]);
    assert_eq!(tags, t.tag(&["Anna", "ate", "soup", "."]));
    assert_eq!(tags[2].xpos, "NN");
    assert!(Tagger::from_bytes(&tb_bytes[..tb_bytes.len() - 2], &lb).is_none());
    let plain = train_tagger(
        &tb,
        &[],
        &[],
        &TaggerOptions {
            epochs: 5,
            ..Default::default()
        },
    );
    let pb = plain.to_bytes().0;
    assert_eq!(u32::from_le_bytes([pb[4], pb[5], pb[6], pb[7]]), 1);
}
