fn main() {
    let text = std::env::args().nth(1).unwrap();
    let date =
        chrono::NaiveDate::parse_from_str(&std::env::args().nth(2).unwrap(), "%Y-%m-%d").ok();
    for t in newsgraph_time::TimeTagger::new().tag_text(&text, date, &[]) {
        println!("{:?} {:?} {:?}", &text[t.span.range()], t.ttype, t.value);
    }
}
