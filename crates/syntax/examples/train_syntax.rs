//! Development driver: `cargo run --release --example train_syntax -- tagger|parser EWT_DIR OUT_DIR`.
use newsgraph_syntax::*;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map(String::as_str).unwrap_or("tagger");
    let dir = Path::new(args.get(2).map(String::as_str).unwrap_or("/work/shared/corpora/ud-english-ewt"));
    let out = Path::new(args.get(3).map(String::as_str).unwrap_or("models"));
    let train = read_conllu(&dir.join("en_ewt-ud-train.conllu")).unwrap();
    let dev = read_conllu(&dir.join("en_ewt-ud-dev.conllu")).unwrap();
    let t0 = std::time::Instant::now();
    match which {
        "tagger" => {
            let g = parse_gmb(&std::fs::read_to_string(std::env::var("GMB").unwrap_or("/work/shared/corpora/gmb-ner/ner_dataset.csv".into())).unwrap());
            let (gtrain, _, _) = gmb_split(&g);
            let frac: usize = std::env::var("GMB_FRAC").ok().and_then(|v| v.parse().ok()).unwrap_or(100);
            let gtrain = &gtrain[..gtrain.len() * frac / 100];
            let t = train_tagger(&train, gtrain, &dev, &TaggerOptions { verbose: true, ..Default::default() });
            let (a, b) = t.to_bytes();
            std::fs::write(out.join("tagger.bin"), a).unwrap();
            std::fs::write(out.join("lemma.bin"), b).unwrap();
        }
        "evalparse" => {
            let tdir = Path::new(args.get(4).map(String::as_str).unwrap_or("models"));
            let t = Tagger::from_bytes(&std::fs::read(tdir.join("tagger.bin")).unwrap(), &std::fs::read(tdir.join("lemma.bin")).unwrap()).unwrap();
            let t1 = std::time::Instant::now();
            let p = Parser::from_bytes(&std::fs::read(out.join("parser.bin")).unwrap()).unwrap();
            eprintln!("parser loaded in {:?}", t1.elapsed());
            let mut pred = dev.clone();
            for s in pred.iter_mut() {
                let tags = t.tag(&s.forms());
                for (w, tg) in s.words.iter_mut().zip(tags) { w.upos = tg.upos.as_str().to_string(); w.xpos = tg.xpos; }
            }
            for q in [0i16, 20, 50, 100, 200, 400] {
                let pp = p.pruned(q);
                let c0 = cpu();
                let a = evaluate_parser(&pp, &pred);
                let c1 = cpu() - c0;
                eprintln!("prune {q}: feats {} bytes {} dev pred uas {:.4} las {:.4} cpu {:.2}s = {:.0} tok/s", pp.nfeat(), pp.to_bytes().len(), a.uas, a.las, c1, a.tokens as f64 / c1);
            }
            let test = read_conllu(&dir.join("en_ewt-ud-test.conllu")).unwrap();
            for (name, set) in [("dev", &dev), ("test", &test)] {
                let g = evaluate_parser(&p, set);
                let mut pred = set.clone();
                for s in pred.iter_mut() {
                    let tags = t.tag(&s.forms());
                    for (w, tg) in s.words.iter_mut().zip(tags) { w.upos = tg.upos.as_str().to_string(); w.xpos = tg.xpos; }
                }
                let t2 = std::time::Instant::now();
                let a = evaluate_parser(&p, &pred);
                eprintln!("{name}: gold tags uas {:.4} las {:.4}; predicted tags uas {:.4} las {:.4} ({} tokens/s)", g.uas, g.las, a.uas, a.las, (a.tokens as f64 / t2.elapsed().as_secs_f64()) as u64);
            }
        }
        "prune" => {
            let t = Tagger::from_bytes(&std::fs::read(out.join("tagger.bin")).unwrap(), &std::fs::read(out.join("lemma.bin")).unwrap()).unwrap();
            let p = Parser::from_bytes(&std::fs::read(out.join("parser.bin")).unwrap()).unwrap();
            let qs: Vec<i16> = args.get(4).map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect()).unwrap_or_default();
            for &q in &qs {
                let tp = t.pruned(q);
                let a = evaluate_tagger(&tp, &dev);
                let mut pred = dev.clone();
                for s in pred.iter_mut() {
                    let tags = tp.tag(&s.forms());
                    for (w, tg) in s.words.iter_mut().zip(tags) { w.upos = tg.upos.as_str().to_string(); w.xpos = tg.xpos; }
                }
                let pp = p.pruned(q * 4);
                let b = evaluate_parser(&pp, &pred);
                eprintln!("q {q}: tagger {} bytes upos {:.4} xpos {:.4} lemma {:.4}; parser(q*4) {} bytes uas {:.4} las {:.4}", tp.to_bytes().0.len(), a.upos, a.xpos, a.lemma, pp.to_bytes().len(), b.uas, b.las);
                if std::env::var("WRITE").is_ok() {
                    let (tb, _) = tp.to_bytes();
                    std::fs::write(out.join("tagger.pruned.bin"), tb).unwrap();
                    std::fs::write(out.join("parser.pruned.bin"), pp.to_bytes()).unwrap();
                }
            }
        }
        "evaltag" => {
            let t = Tagger::from_bytes(&std::fs::read(out.join("tagger.bin")).unwrap(), &std::fs::read(out.join("lemma.bin")).unwrap()).unwrap();
            let test = read_conllu(&dir.join("en_ewt-ud-test.conllu")).unwrap();
            for (name, set) in [("dev", &dev), ("test", &test)] {
                let a = evaluate_tagger(&t, set);
                eprintln!("{name}: upos {:.4} xpos {:.4} lemma {:.4}", a.upos, a.xpos, a.lemma);
            }
            let g = parse_gmb(&std::fs::read_to_string(std::env::var("GMB").unwrap_or("/work/shared/corpora/gmb-ner/ner_dataset.csv".into())).unwrap());
            let (_, gdev, gtest) = gmb_split(&g);
            eprintln!("gmb dev xpos {:?} test xpos {:?}", evaluate_xpos(&t, gdev), evaluate_xpos(&t, gtest));
            // known/unknown breakdown on dev
            let mut known = std::collections::HashSet::new();
            for s in &train { for w in &s.words { known.insert(w.form.clone()); } }
            let (mut kn, mut kc, mut un, mut uc) = (0, 0, 0, 0);
            let mut conf: std::collections::HashMap<(String, String), usize> = Default::default();
            for s in &dev {
                let o = t.tag(&s.forms());
                for (o, w) in o.iter().zip(&s.words) {
                    let ok = o.upos.as_str() == w.upos;
                    if known.contains(&w.form) { kn += 1; kc += ok as usize; } else { un += 1; uc += ok as usize; }
                    if !ok { *conf.entry((w.upos.clone(), o.upos.as_str().to_string())).or_default() += 1; }
                }
            }
            let mut lerr: std::collections::HashMap<String, usize> = Default::default();
            let mut gl = 0; let mut gn = 0;
            for s in &dev {
                let o = t.tag(&s.forms());
                for (o, w) in o.iter().zip(&s.words) {
                    gn += 1; if t.lemma(&w.form, &w.xpos) == w.lemma { gl += 1; }
                    if o.lemma != w.lemma { *lerr.entry(format!("{} {} {}->{} gold {}", w.form, w.xpos, o.xpos, o.lemma, w.lemma)).or_default() += 1; }
                }
            }
            eprintln!("lemma with gold xpos {:.4}", gl as f64 / gn as f64);
            let mut c: Vec<_> = lerr.into_iter().collect();
            c.sort_by(|a, b| b.1.cmp(&a.1));
            for (k, v) in c.iter().take(40) { eprintln!("  {k}: {v}"); }
            eprintln!("known {kn} acc {:.4}; unknown {un} acc {:.4}", kc as f64 / kn as f64, uc as f64 / un as f64);
            let mut c: Vec<_> = conf.into_iter().collect();
            c.sort_by(|a, b| b.1.cmp(&a.1));
            for (k, v) in c.iter().take(15) { eprintln!("  gold {} pred {}: {v}", k.0, k.1); }
        }
        "parserjk" => {
            let env = |k: &str, d: f64| std::env::var(k).ok().and_then(|v| v.parse::<f64>().ok()).unwrap_or(d);
            let tagged = jackknife_tags(&train, env("FOLDS", 4.0) as usize, &TaggerOptions { verbose: true, ..Default::default() });
            let opts = ParserOptions { verbose: true, epochs: env("EPOCHS", 12.0) as usize, min_count: env("MINC", 3.0) as u32, min_weight: env("MINW", 0.01) as f32, ..Default::default() };
            let p = train_parser(&tagged, &dev, &opts);
            std::fs::write(out.join("parser.bin"), p.to_bytes()).unwrap();
        }
        _ => {
            let p = train_parser(&train, &dev, &ParserOptions { verbose: true, ..Default::default() });
            std::fs::write(out.join("parser.bin"), p.to_bytes()).unwrap();
        }
    }
    eprintln!("trained in {:?}", t0.elapsed());
}

fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let f: Vec<&str> = s.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let u: f64 = f.get(11).and_then(|x| x.parse().ok()).unwrap_or(0.0);
    u / 100.0
}
