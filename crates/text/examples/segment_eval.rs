//! Evaluates the segmenter on a CoNLL-U file and prints the figures, optionally with the
//! first errors: `cargo run --release -p newsgraph-text --example segment_eval -- FILE [--errors N]`.

use newsgraph_core::Component;
use newsgraph_text::eval::{evaluate, gold_from_conllu};
use newsgraph_text::Segmenter;
use std::collections::HashSet;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("usage: segment_eval FILE [--errors N] [--tokens]");
    let nerr: usize = args.iter().position(|a| a == "--errors").and_then(|i| args.get(i + 1)).and_then(|s| s.parse().ok()).unwrap_or(0);
    let show_tokens = args.iter().any(|a| a == "--tokens");
    let src = std::fs::read_to_string(path).expect("read");
    let g = gold_from_conllu(&src, None).expect("parse");
    let seg = Segmenter::new();
    println!("{}", evaluate(&g, &seg));
    if nerr == 0 {
        return;
    }
    let mut doc = newsgraph_core::Document::new("x", g.text.clone(), None);
    seg.process(&mut doc);
    if show_tokens {
        // walk both lists in order and print mismatching stretches
        let (gt, pt) = (&g.tokens, &doc.tokens);
        let (mut i, mut j, mut shown) = (0usize, 0usize, 0usize);
        while i < gt.len() && j < pt.len() && shown < nerr {
            if gt[i] == pt[j].span {
                i += 1;
                j += 1;
                continue;
            }
            let (si, sj) = (i, j);
            // advance until both ends meet
            loop {
                let ge = gt[i].end;
                let pe = pt[j].span.end;
                if ge == pe { i += 1; j += 1; break; }
                if ge < pe { i += 1 } else { j += 1 }
                if i >= gt.len() || j >= pt.len() { break; }
            }
            let gs: Vec<&str> = gt[si..i].iter().map(|s| &g.text[s.range()]).collect();
            let ps: Vec<&str> = pt[sj..j].iter().map(|s| &g.text[s.span.range()]).collect();
            println!("PRED {:?}   GOLD {:?}", ps, gs);
            shown += 1;
        }
    } else {
        let gold: HashSet<_> = g.sentences.iter().copied().collect();
        let pred: HashSet<_> = doc.sentences.iter().map(|s| s.span).collect();
        let mut shown = 0;
        for s in &g.sentences {
            if !pred.contains(s) && shown < nerr {
                let ctx_s = s.start.saturating_sub(60);
                let ctx_e = (s.end + 60).min(g.text.len());
                let mut a = ctx_s; while !g.text.is_char_boundary(a) { a += 1; }
                let mut b = ctx_e; while !g.text.is_char_boundary(b) { b -= 1; }
                println!("MISSED GOLD: ...{}[[{}]]{}...", &g.text[a..s.start], &g.text[s.range()], &g.text[s.end..b]);
                for p in doc.sentences.iter().filter(|p| p.span.overlaps(*s)) {
                    println!("   PRED: [[{}]]{}", &g.text[p.span.range()], if gold.contains(&p.span) { " (ok)" } else { "" });
                }
                shown += 1;
            }
        }
    }
}
