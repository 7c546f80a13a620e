//! Prints the quotes found in JSON Lines articles (segmenter, tagger, parser, time tagger
//! and entity recogniser first), one line each, for reading:
//! `cargo run -p newsgraph-quotes --example dump -- FILE.jsonl [MAX]`.

use newsgraph_core::Component;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: dump FILE.jsonl [MAX]");
        std::process::exit(2);
    };
    let max: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let opts = newsgraph_read::ReadOptions::default();
    let seg = newsgraph_text::Segmenter::new();
    let time = newsgraph_time::TimeTagger::new();
    let ents = newsgraph_entities::EntityRecognizer::new();
    let qf = newsgraph_quotes::QuoteFinder::new();
    let (mut n, mut counts) = (0, [0usize; 4]);
    for doc in newsgraph_read::read_paths(&[path.into()], &opts).take(max) {
        let Ok(mut doc) = doc else { continue };
        seg.process(&mut doc);
        newsgraph_syntax::Tagger::embedded().process(&mut doc);
        newsgraph_syntax::Parser::embedded().process(&mut doc);
        time.process(&mut doc);
        ents.process(&mut doc);
        qf.process(&mut doc);
        n += 1;
        for q in &doc.quotes {
            let s = |sp: Option<newsgraph_core::Span>| {
                sp.map(|x| doc.text[x.range()].replace('\n', " "))
                    .unwrap_or_default()
            };
            let k = q.kind as usize;
            counts[k] += 1;
            if q.speaker_span.is_none() {
                counts[3] += 1;
            }
            let content = s(Some(q.span));
            let content: String = content.chars().take(90).collect();
            println!(
                "{}\t{}\t<{}>\t{}\t({})\t{}",
                doc.id,
                q.kind.as_str(),
                s(q.speaker_span),
                q.speaker
                    .map(|e| doc.entities[e].name.as_str())
                    .unwrap_or("-"),
                s(q.cue),
                content
            );
        }
    }
    eprintln!(
        "{n} documents: direct {}, partial {}, indirect {}, without speaker {}",
        counts[0], counts[1], counts[2], counts[3]
    );
}
