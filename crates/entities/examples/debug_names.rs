//! Prints tagger labels and recognizer names for each argument sentence (development aid).
fn main() {
    let rec = newsgraph_entities::EntityRecognizer::new();
    for s in std::env::args().skip(1) {
        let words: Vec<&str> = s.split(' ').collect();
        let m = newsgraph_entities::ner::Model::embedded().unwrap();
        let sf = newsgraph_entities::ner::SentFeats::new(
            &words,
            &[],
            rec.kb(),
            rec.gaz(),
            &m.vocab,
            &m.clusters,
        );
        let l = m.tag(&sf);
        let bio = newsgraph_entities::ner::labels();
        let tags: Vec<String> = words
            .iter()
            .zip(&l)
            .map(|(w, l)| format!("{w}/{}", bio[*l]))
            .collect();
        println!("{}", tags.join(" "));
        let doc = newsgraph_core::Document::new("x", s.clone(), None);
        for (sp, t) in rec.names(&doc) {
            println!("  {:?} {}", t, &s[sp.range()]);
        }
    }
}
