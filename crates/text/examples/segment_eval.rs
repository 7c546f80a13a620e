//! Evaluates the segmenter on a CoNLL-U file and prints the figures, optionally with the
//! first errors: `cargo run --release -p newsgraph-text --example segment_eval -- FILE [--errors N]`.

use newsgraph_core::Component;
use newsgraph_text::eval::{evaluate, gold_from_conllu};
use newsgraph_text::Segmenter;
use std::collections::HashSet;

fn main() {
    if let Some(b) = std::env::var("OTHER_BIAS")
        .ok()
        .and_then(|b| b.parse().ok())
    {
        newsgraph_text::sbd::OTHER_BIAS.with(|x| x.set(b));
    }
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .expect("usage: segment_eval FILE [--errors N] [--tokens]");
    let nerr: usize = args
        .iter()
        .position(|a| a == "--errors")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let show_tokens = args.iter().any(|a| a == "--tokens");
    let src = std::fs::read_to_string(path).expect("read");
    let g = gold_from_conllu(&src, None).expect("parse");
    let seg = match std::env::var("SBD_BIAS").ok().and_then(|b| b.parse().ok()) {
        Some(b) => Segmenter::with_bias(b),
        None => Segmenter::new(),
    };
    println!("{}", evaluate(&g, &seg));
    if args.iter().any(|a| a == "--gaps") {
        // boundary-level confusion by class of the token before the gap
        let mut doc = newsgraph_core::Document::new("x", g.text.clone(), None);
        seg.process(&mut doc);
        let gold_ends: HashSet<usize> = g.sentences.iter().map(|s| s.end).collect();
        let pred_ends: HashSet<usize> = doc.sentences.iter().map(|s| s.span.end).collect();
        let mut stats: std::collections::BTreeMap<String, [usize; 3]> = Default::default();
        for (i, t) in doc.tokens.iter().enumerate() {
            let txt = &g.text[t.span.range()];
            let last_in_par = i + 1 == doc.tokens.len()
                || g.text[t.span.end..doc.tokens[i + 1].span.start].contains("\n\n");
            if last_in_par {
                continue;
            }
            let key = if [
                ".", "!", "?", "...", "…", ":", ";", ",", "\"", "'", ")", "”", "’",
            ]
            .contains(&txt)
            {
                txt.to_string()
            } else if txt.ends_with('.') {
                "ABBR.".into()
            } else {
                "other".into()
            };
            let gd = gold_ends.contains(&t.span.end);
            let pd = pred_ends.contains(&t.span.end);
            let e = stats.entry(key.clone()).or_default();
            if gd && pd {
                e[0] += 1
            } else if gd {
                e[1] += 1
            } else if pd {
                e[2] += 1
            }
            if std::env::var("SHOW").is_ok_and(|v| v == key) && gd != pd {
                let a = i.saturating_sub(6);
                let b = (i + 6).min(doc.tokens.len() - 1);
                let l: Vec<&str> = doc.tokens[a..=i]
                    .iter()
                    .map(|t| &g.text[t.span.range()])
                    .collect();
                let r: Vec<&str> = doc.tokens[i + 1..=b]
                    .iter()
                    .map(|t| &g.text[t.span.range()])
                    .collect();
                println!(
                    "{} {} || {}",
                    if gd { "MISS" } else { "FALSE" },
                    l.join(" "),
                    r.join(" ")
                );
            }
        }
        for (k, v) in stats {
            println!("{k:8} tp {:5} fn {:5} fp {:5}", v[0], v[1], v[2]);
        }
    }
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
                if ge == pe {
                    i += 1;
                    j += 1;
                    break;
                }
                if ge < pe {
                    i += 1
                } else {
                    j += 1
                }
                if i >= gt.len() || j >= pt.len() {
                    break;
                }
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
                let mut a = ctx_s;
                while !g.text.is_char_boundary(a) {
                    a += 1;
                }
                let mut b = ctx_e;
                while !g.text.is_char_boundary(b) {
                    b -= 1;
                }
                println!(
                    "MISSED GOLD: ...{}[[{}]]{}...",
                    &g.text[a..s.start],
                    &g.text[s.range()],
                    &g.text[s.end..b]
                );
                for p in doc.sentences.iter().filter(|p| p.span.overlaps(*s)) {
                    println!(
                        "   PRED: [[{}]]{}",
                        &g.text[p.span.range()],
                        if gold.contains(&p.span) { " (ok)" } else { "" }
                    );
                }
                shown += 1;
            }
        }
    }
}

#[allow(dead_code)]
fn unused() {}
