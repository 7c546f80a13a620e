//! Segmentation of the seed article and of news-style sentences written for these tests.

use newsgraph_core::{Component, Document};
use newsgraph_text::Segmenter;

fn seed_text() -> String {
    let raw = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/000_1b385efb04788e90.txt"
    ))
    .expect("seed article");
    // strip the leading "date YYYY-MM-DD"
    let t = raw.trim_start();
    let t = t.strip_prefix("date").expect("date prefix").trim_start();
    t[10..].trim_start().to_string()
}

fn segment(text: &str) -> Document {
    let mut doc = Document::new("t", text, None);
    Segmenter::new().process(&mut doc);
    doc
}

fn sentences(doc: &Document) -> Vec<&str> {
    doc.sentences
        .iter()
        .map(|s| doc.span_text(s.span))
        .collect()
}

#[test]
fn seed_article() {
    let text = seed_text();
    let doc = segment(&text);
    let heads: Vec<&str> = doc
        .paragraphs
        .iter()
        .filter(|p| p.heading)
        .map(|p| doc.span_text(p.span))
        .collect();
    assert_eq!(heads, ["US criticises the meeting"]);
    let s = sentences(&doc);
    for x in &s {
        eprintln!("{x}");
    }
    assert!(s
        .iter()
        .any(|x| x.starts_with("\"Kim Jong Un courteously invited Putin")
            && x.ends_with("on Wednesday.")));
    assert!(s.contains(&"US criticises the meeting"));
    assert!(s
        .iter()
        .any(|x| x.starts_with("\"The Russian army") && x.ends_with("Kim said praising Russia.")));
    assert!(s
        .iter()
        .any(|x| x.starts_with("\"And that in the frontline")
            && x.ends_with("the North Korean leader added.")));
    assert!(s.contains(&"Putin said: \"That's why we came here.\""));
    assert!(
        s.iter()
            .any(|x| x.starts_with("\"We have taken")
                && x.ends_with("said spokesman Matthew Miller."))
    );
    assert!(s.contains(&"(With inputs from agencies)"));
    // the heading is its own sentence, never glued to the next paragraph
    let h = doc
        .sentences
        .iter()
        .position(|x| doc.span_text(x.span) == "US criticises the meeting")
        .unwrap();
    assert!(doc.paragraphs[doc.sentences[h].paragraph].heading);
    assert_eq!(s.len(), 16, "{s:#?}");
    // tokens: spans in order, consistent with sentences
    let toks: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
    assert!(toks.windows(3).any(|w| w == ["Russia", "-", "DPRK"]));
    assert!(toks.windows(3).any(|w| w == ["Kim", "-", "Putin"]));
    assert!(toks.windows(3).any(|w| w == ["$", "5", "billion"]));
    assert!(toks.contains(&"F-35"));
    assert!(toks.windows(2).any(|w| w == ["I", "’m"]));
    assert!(toks.windows(2).any(|w| w == ["wo", "n't"]));
    for s in &doc.sentences {
        let t = &doc.tokens[s.tokens.clone()];
        assert_eq!(t.first().unwrap().span.start, s.span.start);
        assert_eq!(t.last().unwrap().span.end, s.span.end);
    }
}

#[test]
fn abbreviations_mid_sentence_and_at_the_end() {
    let d = segment(
        "Mr. Smith met Dr. Jones at 10 a.m. on Jan. 5 in Washington. They spoke for an hour.",
    );
    assert_eq!(
        sentences(&d),
        [
            "Mr. Smith met Dr. Jones at 10 a.m. on Jan. 5 in Washington.",
            "They spoke for an hour."
        ]
    );
    let d = segment(
        "The U.S. Army said it would leave. Troops from the U.S. The withdrawal begins in May.",
    );
    let s = sentences(&d);
    assert_eq!(s[0], "The U.S. Army said it would leave.");
    assert_eq!(s.len(), 3, "{s:?}");
    // the sentence-final abbreviation gives its period to the sentence, as in EWT
    let toks: Vec<&str> = (0..d.tokens.len()).map(|i| d.token_text(i)).collect();
    assert!(
        toks.windows(3).any(|w| w == ["U.S", ".", "The"]),
        "{toks:?}"
    );
    let d = segment("The vote is set for Sept. 5. Mr. Kim left. She works for Acme Inc. in Ohio.");
    assert_eq!(
        sentences(&d),
        [
            "The vote is set for Sept. 5.",
            "Mr. Kim left.",
            "She works for Acme Inc. in Ohio."
        ]
    );
    let d = segment("He arrived at 3 p.m. The talks began at 5 a.m. on Monday.");
    assert_eq!(
        sentences(&d),
        [
            "He arrived at 3 p.m.",
            "The talks began at 5 a.m. on Monday."
        ]
    );
    let d = segment("Gen. Mark Milley and Sen. John F. Kennedy Jr. arrived. The talks began.");
    assert_eq!(sentences(&d).len(), 2, "{:?}", sentences(&d));
}

#[test]
fn quotes_end_and_continue_sentences() {
    let d = segment("\"We will not back down,\" he said. \"Never.\" The crowd cheered.");
    assert_eq!(
        sentences(&d),
        [
            "\"We will not back down,\" he said.",
            "\"Never.\"",
            "The crowd cheered."
        ]
    );
    let d = segment("Talks resume on Monday. “Why now?” she asked.");
    assert_eq!(
        sentences(&d),
        ["Talks resume on Monday.", "“Why now?” she asked."]
    );
    let d = segment("“Is this the end?” asked the reporter. Nobody answered.");
    assert_eq!(
        sentences(&d),
        ["“Is this the end?” asked the reporter.", "Nobody answered."]
    );
    let d = segment("The minister called the plan \"a disaster.\" Parliament voted on Monday.");
    assert_eq!(
        sentences(&d),
        [
            "The minister called the plan \"a disaster.\"",
            "Parliament voted on Monday."
        ]
    );
    // a quote of several sentences keeps its sentences
    let d = segment("\"We came. We saw. We left,\" the envoy said.");
    let s = sentences(&d);
    assert_eq!(s.last(), Some(&"We left,\" the envoy said."), "{s:?}");
}

#[test]
fn colons_do_not_split_and_questions_do() {
    let d = segment("The statement was clear: Talks are over. Will they resume? Nobody knows!");
    assert_eq!(
        sentences(&d),
        [
            "The statement was clear: Talks are over.",
            "Will they resume?",
            "Nobody knows!"
        ]
    );
    let d = segment("He added: \"We are ready.\"");
    assert_eq!(sentences(&d).len(), 1);
}

#[test]
fn paragraphs_and_headings_are_hard_boundaries() {
    let d = segment("Talks collapse in Geneva\n\nThe delegates left without a deal\n\nNew round planned\nOfficials said another round was planned for March.");
    let s = sentences(&d);
    assert_eq!(
        s,
        [
            "Talks collapse in Geneva",
            "The delegates left without a deal",
            "New round planned",
            "Officials said another round was planned for March."
        ]
    );
    assert!(d.paragraphs[0].heading && d.paragraphs[2].heading && !d.paragraphs[3].heading);
    assert_eq!(d.sentences[3].paragraph, 3);
}

#[test]
fn ellipsis_and_numbers() {
    let d = segment("Prices rose 3.5% to $1,200.50 in 2023... Then they fell. Item No. 5 was sold for 1.5 million.");
    let s = sentences(&d);
    assert_eq!(
        s,
        [
            "Prices rose 3.5% to $1,200.50 in 2023...",
            "Then they fell.",
            "Item No. 5 was sold for 1.5 million."
        ]
    );
}

#[test]
fn never_panics_on_odd_input() {
    let mut inputs: Vec<String> = vec![
        String::new(),
        " \n\n\t ".into(),
        "\u{0}\u{1}\u{2}\u{7f}".into(),
        "\"".into(),
        "....!!!???".into(),
        "é’\u{301}\u{200B}\u{FEFF}—–…".into(),
        "a".repeat(100_000),
        "- ".repeat(5000),
        "((((((((((((((((((((((((((((((x))))))))))))))))))))))))".into(),
        "'s n't 'll U.S.A.B.C. F- -35 $ % @ # http:// www. x@y.".into(),
    ];
    // pseudo-random bytes made valid UTF-8
    let mut x: u32 = 12345;
    let bytes: Vec<u8> = (0..20_000)
        .map(|_| {
            x = x.wrapping_mul(1103515245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    inputs.push(String::from_utf8_lossy(&bytes).into_owned());
    for t in &inputs {
        let d = segment(t);
        let mut prev = 0;
        for tok in &d.tokens {
            assert!(tok.span.start >= prev && tok.span.start < tok.span.end);
            assert!(t.is_char_boundary(tok.span.start) && t.is_char_boundary(tok.span.end));
            prev = tok.span.end;
        }
        for s in &d.sentences {
            assert!(!s.tokens.is_empty() && s.tokens.end <= d.tokens.len());
            assert!(s.tokens.len() <= newsgraph_text::sentence::MAX_SENTENCE_TOKENS + 1);
        }
    }
}

#[test]
fn sentence_f1_on_ewt_test() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu"
    ))
    .expect("EWT test");
    // the whole test set: 2,077 sentences, well under a second
    let g = newsgraph_text::eval::gold_from_conllu(&src, None).unwrap();
    assert_eq!(g.sentences.len(), 2077);
    let r = newsgraph_text::eval::evaluate(&g, &Segmenter::new());
    eprintln!("{r}");
    assert!(r.sentence_f1 >= 0.88, "{r}");
    assert!(r.token_f1 >= 0.97, "{r}");
}

#[test]
fn tricky_alphabet_fuzz() {
    let alphabet: Vec<char> =
        "aZ9 .,;:!?'\"’‘“”()[]{}-—–…/\\@#$%&*_+=<>|~^\n\t\r\u{0}\u{200B}\u{FEFF}éß漢😀\u{301}"
            .chars()
            .collect();
    let mut x: u64 = 0x1234_5678;
    let mut t = String::new();
    for _ in 0..200_000 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        t.push(alphabet[(x >> 33) as usize % alphabet.len()]);
    }
    let d = segment(&t);
    let mut prev = 0;
    for tok in &d.tokens {
        assert!(tok.span.start >= prev && tok.span.start < tok.span.end && tok.span.end <= t.len());
        prev = tok.span.end;
    }
    let covered: usize = d.sentences.iter().map(|s| s.tokens.len()).sum();
    assert_eq!(covered, d.tokens.len());
}

#[test]
fn keeps_given_paragraphs_and_space_after() {
    let text = "One. Two\nthree four.";
    let mut doc = Document::new("t", text, None);
    // a reader may fill paragraphs itself: they are kept
    doc.paragraphs = vec![
        newsgraph_core::Paragraph {
            span: newsgraph_core::Span::new(0, 4),
            heading: false,
        },
        newsgraph_core::Paragraph {
            span: newsgraph_core::Span::new(5, text.len()),
            heading: true,
        },
    ];
    Segmenter::new().process(&mut doc);
    assert_eq!(doc.paragraphs.len(), 2);
    assert_eq!(sentences(&doc), ["One.", "Two\nthree four."]);
    assert_eq!(doc.sentences[1].paragraph, 1);
    let sa: Vec<bool> = doc.tokens.iter().map(|t| t.space_after).collect();
    assert_eq!(sa, [false, true, true, true, false, false]);
}

#[test]
fn the_platform_x_ends_a_sentence_an_initial_does_not() {
    let doc = segment(
        "Modi wrote on X. Congress leader Rahul Gandhi said voters had rejected him. \
         President George W. Bush spoke later.",
    );
    assert_eq!(
        sentences(&doc),
        [
            "Modi wrote on X.",
            "Congress leader Rahul Gandhi said voters had rejected him.",
            "President George W. Bush spoke later."
        ]
    );
}
