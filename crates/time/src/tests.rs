use super::*;
use newsgraph_core::Upos;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// (expression text, value) pairs for a text on 2023-09-14 (a Thursday).
fn tag(text: &str) -> Vec<(String, String)> {
    tag_on(text, Some(d("2023-09-14")))
}

fn tag_on(text: &str, date: Option<NaiveDate>) -> Vec<(String, String)> {
    TimeTagger::new()
        .tag_text(text, date, &[])
        .into_iter()
        .map(|t| {
            (
                text[t.span.range()].to_string(),
                t.value.unwrap_or_else(|| "NONE".into()),
            )
        })
        .collect()
}

fn one(text: &str) -> (String, String) {
    let v = tag(text);
    assert_eq!(v.len(), 1, "{text}: {v:?}");
    v[0].clone()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn weekdays_follow_tense() {
    assert_eq!(
        one("The two men held the meeting on Wednesday."),
        pair("Wednesday", "2023-09-13")
    );
    assert_eq!(
        one("The two leaders will meet on Wednesday."),
        pair("Wednesday", "2023-09-20")
    );
    assert_eq!(
        one("She said the vote would take place on Monday."),
        pair("Monday", "2023-09-18")
    );
    assert_eq!(
        one("The minister resigned on Monday."),
        pair("Monday", "2023-09-11")
    );
    assert_eq!(
        one("The envoy is meeting rebels on Saturday."),
        pair("Saturday", "2023-09-16")
    );
    assert_eq!(
        one("Talks ended last Friday."),
        pair("last Friday", "2023-09-08")
    );
    // future in the past: close days stay behind
    assert_eq!(
        one("Forecasters predicted the storm would pass the island on Wednesday night."),
        pair("Wednesday night", "2023-09-13TNI")
    );
    // "due to" is a cause here, not a schedule; "called" is a verb
    assert_eq!(
        one("Six died due to a landslide on Saturday."),
        pair("Saturday", "2023-09-09")
    );
    assert_eq!(
        one("Stores \"are selling out\", while the chain, in a post on Tuesday, called it odd."),
        pair("Tuesday", "2023-09-12")
    );
    assert_eq!(
        one("Talks resume next Tuesday."),
        pair("next Tuesday", "2023-09-19")
    );
    // the "to" clause of a past appeal or promise looks ahead; a decision is dated itself
    assert_eq!(
        one("The opposition leader urged supporters to stay home on Saturday."),
        pair("Saturday", "2023-09-16")
    );
    assert_eq!(
        one("The mayor promised to reopen the bridge on Monday."),
        pair("Monday", "2023-09-18")
    );
    assert_eq!(
        one("The firm agreed to sell the plant on Monday."),
        pair("Monday", "2023-09-11")
    );
}

#[test]
fn relative_days() {
    assert_eq!(
        one("The ministry said yesterday that talks failed."),
        pair("yesterday", "2023-09-13")
    );
    assert_eq!(
        one("The results are due today."),
        pair("today", "2023-09-14")
    );
    assert_eq!(
        one("He flies home tomorrow."),
        pair("tomorrow", "2023-09-15")
    );
    assert_eq!(
        one("The president speaks tonight."),
        pair("tonight", "2023-09-14TNI")
    );
    assert_eq!(
        one("Shelling continued last night."),
        pair("last night", "2023-09-13TNI")
    );
    assert_eq!(
        one("She arrived this morning."),
        pair("this morning", "2023-09-14TMO")
    );
}

#[test]
fn relative_units() {
    assert_eq!(
        one("Protests spread last week."),
        pair("last week", "2023-W36")
    );
    assert_eq!(
        one("Parliament sits this week."),
        pair("this week", "2023-W37")
    );
    assert_eq!(
        one("Voting starts next week."),
        pair("next week", "2023-W38")
    );
    assert_eq!(
        one("Prices rose last month."),
        pair("last month", "2023-08")
    );
    assert_eq!(
        one("Elections are due next year."),
        pair("next year", "2024")
    );
    assert_eq!(one("The law passed last year."), pair("last year", "2022"));
    assert_eq!(
        one("The army said earlier this month that it had withdrawn."),
        pair("earlier this month", "2023-09")
    );
    assert_eq!(
        one("A deal may come later this year."),
        pair("later this year", "2023")
    );
    assert_eq!(
        one("Sales fell early last year."),
        pair("early last year", "2022")
    );
    assert_eq!(
        one("The two sides met last weekend."),
        pair("last weekend", "2023-W36-WE")
    );
}

#[test]
fn anchored_on_previous_time() {
    let v = tag("The company was founded in 2019. Three years later it was sold.");
    assert_eq!(
        v,
        vec![pair("2019", "2019"), pair("Three years later", "2022")]
    );
    let v = tag("Rebels took the town on Sept. 10, 2023. Two days later the army returned.");
    assert_eq!(
        v,
        vec![
            pair("Sept. 10, 2023", "2023-09-10"),
            pair("Two days later", "2023-09-12")
        ]
    );
    let v = tag("The vote was held on March 3, 2021, and the results came the next day.");
    assert_eq!(
        v,
        vec![
            pair("March 3, 2021", "2021-03-03"),
            pair("the next day", "2021-03-04")
        ]
    );
    assert_eq!(
        one("The bridge opened two years ago."),
        pair("two years ago", "2021")
    );
    assert_eq!(
        one("The browser shipped a decade ago."),
        pair("a decade ago", "2013")
    );
    assert_eq!(
        one("The ship sank three weeks ago."),
        pair("three weeks ago", "2023-W34")
    );
    assert_eq!(
        one("He was arrested five days ago."),
        pair("five days ago", "2023-09-09")
    );
}

#[test]
fn holidays_weekends_and_year_spans() {
    assert_eq!(
        one("Shops were shut on Christmas Day."),
        pair("Christmas Day", "2022-12-25")
    );
    assert_eq!(
        one("The ceasefire will hold until New Year's Day."),
        pair("New Year's Day", "2024-01-01")
    );
    assert!(tag("Christmas shopping started.").is_empty());
    assert_eq!(
        one("Clashes broke out over the weekend."),
        pair("the weekend", "2023-W36-WE")
    );
    assert_eq!(
        one("The team will rest over the weekend."),
        pair("the weekend", "2023-W37-WE")
    );
    assert_eq!(
        tag("The expedition of 1957-58 crossed the ice."),
        vec![pair("1957", "1957"), pair("58", "1958")]
    );
}

#[test]
fn decades_and_centuries() {
    assert_eq!(one("The war began in the 1990s."), pair("1990s", "199"));
    assert_eq!(one("It was a hit in the '80s."), pair("'80s", "198"));
    assert_eq!(
        one("Cities grew through the 20th century."),
        pair("20th century", "19")
    );
    assert_eq!(
        one("The policy dates from the early 1970s."),
        pair("the early 1970s", "197")
    );
}

#[test]
fn explicit_dates_in_all_spellings() {
    assert_eq!(
        one("The decree was signed on Sept. 14."),
        pair("Sept. 14", "2023-09-14")
    );
    assert_eq!(
        one("The decree was signed on September 14."),
        pair("September 14", "2023-09-14")
    );
    assert_eq!(
        one("It was signed on 14 September 2023 in Hanoi."),
        pair("14 September 2023", "2023-09-14")
    );
    assert_eq!(
        one("It was signed on 9/14/2023 in Hanoi."),
        pair("9/14/2023", "2023-09-14")
    );
    assert_eq!(
        one("It was signed on 2023-09-14 in Hanoi."),
        pair("2023-09-14", "2023-09-14")
    );
    assert_eq!(
        one("It was signed on Sept. 14, 2023, in Hanoi."),
        pair("Sept. 14, 2023", "2023-09-14")
    );
    assert_eq!(
        one("The treaty of March 3, 2021 still holds."),
        pair("March 3, 2021", "2021-03-03")
    );
    assert_eq!(
        one("Fireworks were lit on the 5th of November."),
        pair("the 5th of November", "2022-11-05")
    );
    assert_eq!(
        one("Polls will open on Oct. 2."),
        pair("Oct. 2", "2023-10-02")
    );
    assert_eq!(
        one("The strike began on 14/09/2023."),
        pair("14/09/2023", "2023-09-14")
    );
}

#[test]
fn months_alone_follow_tense() {
    assert_eq!(
        one("The ceasefire collapsed in March."),
        pair("March", "2023-03")
    );
    assert_eq!(
        one("The country will hold elections in March."),
        pair("March", "2024-03")
    );
    assert_eq!(
        one("Talks broke down in November."),
        pair("November", "2022-11")
    );
    assert_eq!(
        one("The plant closed in May 2010."),
        pair("May 2010", "2010-05")
    );
    assert_eq!(
        one("A ruling is expected in June of this year."),
        pair("June of this year", "2023-06")
    );
    assert_eq!(
        one("The plant closed in March of last year."),
        pair("March of last year", "2022-03")
    );
    assert_eq!(
        one("The plant closed last May."),
        pair("last May", "2023-05")
    );
    assert_eq!(
        one("The plant reopens next March."),
        pair("next March", "2024-03")
    );
    assert_eq!(
        one("The reform is to take effect in January."),
        pair("January", "2024-01")
    );
    // "may" the verb is not a month
    assert!(tag("Officials may delay the vote.").is_empty());
    // "march" the verb is not a month
    assert!(tag("Thousands march in the capital.").is_empty());
}

#[test]
fn year_of_the_sentence_and_end_points() {
    assert_eq!(
        one("They met on March 20 last year."),
        pair("March 20 last year", "2022-03-20")
    );
    assert_eq!(
        one("The debate on October 2 was cancelled."),
        pair("October 2", "2023-10-02")
    );
    assert_eq!(
        one("Crowds rallied ahead of the election to be held on November 5."),
        pair("November 5", "2023-11-05")
    );
    assert_eq!(
        one("The festival will run from September 9."),
        pair("September 9", "2023-09-09")
    );
    assert_eq!(
        one("The quakes may continue into early October."),
        pair("early October", "2023-10")
    );
    assert_eq!(
        tag("Warnings apply from tonight into Saturday morning."),
        vec![
            pair("tonight", "2023-09-14TNI"),
            pair("Saturday morning", "2023-09-16TMO")
        ]
    );
    assert_eq!(
        one("The storm hit the coast from Tuesday night."),
        pair("Tuesday night", "2023-09-12TNI")
    );
    assert_eq!(
        one("The final was delayed until 18:30 GMT Sunday."),
        pair("18:30 GMT Sunday", "2023-09-17T18:30")
    );
    // a past verb with an end point still looks ahead
    assert_eq!(
        one("The government extended the lockdown until October 3."),
        pair("October 3", "2023-10-03")
    );
    // a weekday restating a date picks the year
    assert_eq!(
        one("The bomb was set to explode at 13:30 on Monday, December 4."),
        pair("13:30 on Monday, December 4", "2023-12-04T13:30")
    );
    assert_eq!(
        one("The vote will be held on Tuesday, Dec. 6."),
        pair("Tuesday, Dec. 6", "2022-12-06")
    );
}

#[test]
fn names_and_ages_are_not_times() {
    assert!(tag("He reads The Daily Telegraph.").is_empty());
    assert!(tag("Police arrested a second man, the daily Kathimerini said.").is_empty());
    assert_eq!(
        one("Protesters filled the streets daily."),
        pair("daily", "P1D")
    );
    assert!(tag("He starred in The Last Days of Dolwyn.").is_empty());
    assert!(tag("The mayor was 64 years old.").is_empty());
    assert_eq!(
        tag("Its 2004 Year-End report is out."),
        vec![pair("2004", "2004")]
    );
    assert!(tag("Kane scored early in the second half.").is_empty());
    assert!(tag("It needs three quarters of the states.").is_empty());
    assert!(
        tag("The Sunday trade ban hurt sales.").is_empty(),
        "{:?}",
        tag("The Sunday trade ban hurt sales.")
    );
}

#[test]
fn parenthesised_restatement_is_one_expression() {
    let text =
        "Russian President Vladimir Putin on Thursday (September 14) accepted the invitation.";
    assert_eq!(
        tag(text),
        vec![pair("Thursday (September 14)", "2023-09-14")]
    );
    assert_eq!(
        one("The summit opened on Tuesday, Sept. 12, 2023."),
        pair("Tuesday, Sept. 12, 2023", "2023-09-12")
    );
}

#[test]
fn quarters_halves_and_fiscal_years() {
    assert_eq!(
        one("Profit rose 5% in the second quarter."),
        pair("the second quarter", "2023-Q2")
    );
    assert_eq!(
        one("Revenue fell in the fourth quarter of 2022."),
        pair("the fourth quarter of 2022", "2022-Q4")
    );
    assert_eq!(
        one("Shipments resume in Q1 2024."),
        pair("Q1 2024", "2024-Q1")
    );
    assert_eq!(
        one("The company expects growth in the fourth quarter."),
        pair("the fourth quarter", "2023-Q4")
    );
    assert_eq!(
        one("The budget for fiscal 2022 was cut."),
        pair("fiscal 2022", "2022")
    );
    assert_eq!(
        one("Growth slowed in the first half of 2023."),
        pair("the first half of 2023", "2023-H1")
    );
    assert_eq!(
        one("Third-quarter profit fell."),
        pair("Third-quarter", "2022-Q3")
    );
}

#[test]
fn seasons() {
    assert_eq!(
        one("The drought hit last summer."),
        pair("last summer", "2022-SU")
    );
    assert_eq!(
        one("Work starts this spring."),
        pair("this spring", "2023-SP")
    );
    assert_eq!(
        one("The floods of the summer of 2019 were severe."),
        pair("the summer of 2019", "2019-SU")
    );
}

#[test]
fn references() {
    assert_eq!(one("The city is now calm."), pair("now", "PRESENT_REF"));
    assert_eq!(
        one("Talks are currently stalled."),
        pair("currently", "PRESENT_REF")
    );
    assert_eq!(
        one("The two sides recently agreed on a truce."),
        pair("recently", "PAST_REF")
    );
    assert_eq!(
        one("Such raids happened in the past."),
        pair("the past", "PAST_REF")
    );
    assert_eq!(
        one("Ties may improve in the future."),
        pair("the future", "FUTURE_REF")
    );
}

#[test]
fn durations() {
    assert_eq!(
        one("He spent three years in prison."),
        pair("three years", "P3Y")
    );
    assert_eq!(
        one("The strike lasted two weeks."),
        pair("two weeks", "P2W")
    );
    assert_eq!(
        one("Inflation doubled over the past decade."),
        pair("the past decade", "P10Y")
    );
    assert_eq!(
        one("The project took 18 months."),
        pair("18 months", "P18M")
    );
    assert_eq!(one("The meeting ran for an hour."), pair("an hour", "PT1H"));
    assert_eq!(
        one("They signed a two-year contract."),
        pair("two-year", "P2Y")
    );
    assert_eq!(
        one("The search went on for several days."),
        pair("several days", "PXD")
    );
    assert_eq!(
        one("Prices doubled in the past two years."),
        pair("the past two years", "P2Y")
    );
    assert_eq!(
        one("The fighting has gone on for years."),
        pair("years", "PXY")
    );
    // ages are not durations of events, but a "22-year-old" is not a duration at all
    assert!(tag("A 22-year-old man was hurt.").is_empty());
}

#[test]
fn sets() {
    assert_eq!(
        one("Inspectors visit every week."),
        pair("every week", "P1W")
    );
    assert_eq!(
        one("The market opens every Monday."),
        pair("every Monday", "XXXX-WXX-1")
    );
    assert_eq!(one("The paper is published daily."), pair("daily", "P1D"));
    assert_eq!(
        one("Protesters gather on Fridays."),
        pair("Fridays", "XXXX-WXX-5")
    );
    assert_eq!(
        one("Talks are held twice a year."),
        pair("twice a year", "P1Y")
    );
}

#[test]
fn times_of_day() {
    assert_eq!(
        one("The blast happened on Friday afternoon."),
        pair("Friday afternoon", "2023-09-08TAF")
    );
    assert_eq!(
        one("The rally will start at 3 p.m. Saturday."),
        pair("3 p.m. Saturday", "2023-09-16T15:00")
    );
    assert_eq!(one("Polls closed at 8pm."), pair("8pm", "2023-09-14T20:00"));
    assert_eq!(
        one("The curfew begins at 22:00 local time."),
        pair("22:00 local time", "2023-09-14T22:00")
    );
    assert_eq!(one("He won in 3:07:35."), pair("3:07:35", "PT3H7M35S"));
    assert_eq!(
        one("The quake struck at 1657 UTC."),
        pair("1657 UTC", "2023-09-14T16:57")
    );
    assert_eq!(
        one("Voting will close on Sunday at 8 p.m."),
        pair("Sunday at 8 p.m.", "2023-09-17T20:00")
    );
    assert_eq!(
        one("Talks stalled earlier in the week."),
        pair("earlier in the week", "2023-W37")
    );
    assert_eq!(
        one("The order is dated 2023/09/01."),
        pair("2023/09/01", "2023-09-01")
    );
}

#[test]
fn types_are_set() {
    let t = TimeTagger::new().tag_text(
        "On Friday afternoon, after three years of talks, they agreed to meet every week starting Sept. 20.",
        Some(d("2023-09-14")),
        &[],
    );
    let types: Vec<TimeType> = t.iter().map(|t| t.ttype).collect();
    assert_eq!(
        types,
        vec![
            TimeType::Time,
            TimeType::Duration,
            TimeType::Set,
            TimeType::Date
        ]
    );
}

#[test]
fn without_article_date_only_absolute_values() {
    let v = tag_on(
        "The meeting on Wednesday followed the accord of September 14, 2023. The pact signed on September 14 was criticised yesterday for three years.",
        None,
    );
    assert_eq!(
        v,
        vec![
            pair("Wednesday", "NONE"),
            pair("September 14, 2023", "2023-09-14"),
            pair("September 14", "XXXX-09-14"),
            pair("yesterday", "NONE"),
            pair("three years", "P3Y"),
        ]
    );
    let mut doc = Document {
        text: "He left yesterday.".into(),
        ..Default::default()
    };
    TimeTagger::new().process(&mut doc);
    assert_eq!(doc.times.len(), 1);
    assert!(!doc.warnings.is_empty());
}

#[test]
fn numbers_that_are_not_years() {
    assert!(tag("Police arrested 2000 protesters.").is_empty());
    assert!(tag("The fund holds $2019 million.").is_empty());
    assert_eq!(one("A 2009 analysis found gaps."), pair("2009", "2009"));
}

#[test]
fn bad_input_never_panics() {
    let t = TimeTagger::new();
    for s in [
        "",
        "(",
        "Sept.",
        "9/99/9999",
        "31/31/2023",
        "2023-13-45",
        "the",
        "every",
        "3:",
        "éé 2019’s “March” — 12:99 p.m.",
        "Q9 9999",
    ] {
        let _ = t.tag_text(s, Some(d("2023-09-14")), &[]);
        let _ = t.tag_text(s, None, &[]);
    }
    // every suffix of a text with multi-byte characters next to abbreviations and dates
    let text = "“Ça va”, said Mr. Kim on Sept. 14 — ’Dr. Lee. Élan ’90s (Thursday) 3 p.m. é’Mr. X. 2023-09-14T15:00 ½ 9/14/23.";
    for (i, _) in text.char_indices() {
        let _ = t.tag_text(&text[i..], Some(d("2023-09-14")), &[]);
        let _ = lex::simple_sentences(&text[i..]);
    }
}

fn seed_doc() -> Document {
    let raw = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/000_1b385efb04788e90.txt"
    ))
    .expect("seed article");
    let rest = raw
        .trim_start()
        .strip_prefix("date")
        .expect("date line")
        .trim_start();
    let (date, text) = rest.split_at(10);
    Document {
        id: "seed".into(),
        date: Some(d(date)),
        text: text.trim_start().to_string(),
        ..Default::default()
    }
}

#[test]
fn seed_article_times() {
    let mut doc = seed_doc();
    TimeTagger::new().process(&mut doc);
    let found: Vec<(String, String)> = doc
        .times
        .iter()
        .map(|t| {
            (
                doc.text[t.span.range()].to_string(),
                t.value.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert!(
        found.contains(&pair("Thursday (September 14)", "2023-09-14")),
        "{found:?}"
    );
    let weds: Vec<&(String, String)> = found.iter().filter(|(t, _)| t == "Wednesday").collect();
    assert_eq!(weds.len(), 2, "{found:?}");
    assert!(weds.iter().all(|(_, v)| v == "2023-09-13"), "{found:?}");
}

/// Builds sentences from the simple splitter so that governing_date has them.
fn with_sentences(mut doc: Document) -> Document {
    for (a, b) in lex::simple_sentences(&doc.text) {
        doc.sentences.push(newsgraph_core::Sentence {
            span: Span::new(a, b),
            paragraph: 0,
            tokens: 0..0,
        });
    }
    TimeTagger::new().process(&mut doc);
    doc
}

fn sentence_of(doc: &Document, at: usize) -> usize {
    doc.sentences
        .iter()
        .position(|s| s.span.start <= at && at < s.span.end)
        .unwrap()
}

#[test]
fn governing_date_prefers_the_clause_time() {
    let doc = with_sentences(seed_doc());
    let at = doc.text.find("accepted the invitation").unwrap();
    let anchor = Span::new(at, at + 8);
    assert_eq!(
        governing_date(&doc, sentence_of(&doc, at), anchor),
        (Some(d("2023-09-14")), DateSource::Text)
    );
    let at = doc.text.find("announced it had approved").unwrap();
    let anchor = Span::new(at, at + 9);
    assert_eq!(
        governing_date(&doc, sentence_of(&doc, at), anchor),
        (Some(d("2023-09-13")), DateSource::Text)
    );
    // no time in the sentence: the article date
    let at = doc.text.find("discussed world affairs").unwrap();
    let anchor = Span::new(at, at + 9);
    assert_eq!(
        governing_date(&doc, sentence_of(&doc, at), anchor),
        (Some(d("2023-09-14")), DateSource::Document)
    );
}

#[test]
fn governing_date_ignores_partial_dates_and_picks_the_nearer_clause() {
    let doc = with_sentences(Document {
        text: "Prices rose in March. The minister said on Monday that troops withdrew on Saturday."
            .into(),
        date: Some(d("2023-09-14")),
        ..Default::default()
    });
    let at = doc.text.find("rose").unwrap();
    assert_eq!(
        governing_date(&doc, 0, Span::new(at, at + 4)),
        (Some(d("2023-09-14")), DateSource::Document)
    );
    let at = doc.text.find("said").unwrap();
    assert_eq!(
        governing_date(&doc, 1, Span::new(at, at + 4)),
        (Some(d("2023-09-11")), DateSource::Text)
    );
    let at = doc.text.find("withdrew").unwrap();
    assert_eq!(
        governing_date(&doc, 1, Span::new(at, at + 8)),
        (Some(d("2023-09-09")), DateSource::Text)
    );
}

#[test]
fn governing_date_follows_the_dependency_parse() {
    // "On Monday he said troops withdrew": hand-made parse, the time attaches to "said".
    let text = "On Monday he said troops withdrew .";
    let words: Vec<(&str, Upos, Option<usize>, &str)> = vec![
        ("On", Upos::ADP, Some(1), "case"),
        ("Monday", Upos::PROPN, Some(3), "obl"),
        ("he", Upos::PRON, Some(3), "nsubj"),
        ("said", Upos::VERB, None, "root"),
        ("troops", Upos::NOUN, Some(5), "nsubj"),
        ("withdrew", Upos::VERB, Some(3), "ccomp"),
        (".", Upos::PUNCT, Some(3), "punct"),
    ];
    let mut doc = Document {
        text: text.into(),
        date: Some(d("2023-09-14")),
        ..Default::default()
    };
    let mut pos = 0;
    for (w, u, h, rel) in words {
        let s = text[pos..].find(w).unwrap() + pos;
        pos = s + w.len();
        doc.tokens.push(newsgraph_core::Token {
            span: Span::new(s, s + w.len()),
            upos: u,
            head: h,
            deprel: rel.into(),
            ..Default::default()
        });
    }
    doc.sentences.push(newsgraph_core::Sentence {
        span: Span::new(0, text.len()),
        paragraph: 0,
        tokens: 0..7,
    });
    TimeTagger::new().process(&mut doc);
    let at = text.find("said").unwrap();
    assert_eq!(
        governing_date(&doc, 0, Span::new(at, at + 4)),
        (Some(d("2023-09-11")), DateSource::Text)
    );
    // "withdrew" is not governed by "Monday" in the parse; nearest-time fallback still finds it
    let at = text.find("withdrew").unwrap();
    assert_eq!(
        governing_date(&doc, 0, Span::new(at, at + 8)).1,
        DateSource::Text
    );
}

#[test]
fn tempeval3_platinum_meets_targets() {
    let dir = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/eval/time/tempeval3-platinum/te3-platinum"
    ));
    let r = eval::tempeval(dir).expect("TimeML files");
    assert_eq!(r.documents, 20);
    assert!(r.relaxed_f1 >= 0.90, "{r}");
    assert!(r.value_f1 >= 0.80, "{r}");
}

#[test]
fn tense_uses_syntax_tags_when_present() {
    // Without tags, "Next" is the nearest tense cue (future); the tagger's VBD on "cut"
    // (not in the word lists) makes the clause past.
    let text = "Next, the army cut supplies on Saturday.";
    let mut plain = Document {
        text: text.into(),
        date: Some(d("2023-09-14")),
        ..Default::default()
    };
    TimeTagger::new().process(&mut plain);
    assert_eq!(plain.times[0].value.as_deref(), Some("2023-09-16"));
    let tags = [
        ("Next", "RB"),
        (",", ","),
        ("the", "DT"),
        ("army", "NN"),
        ("cut", "VBD"),
        ("supplies", "NNS"),
        ("on", "IN"),
        ("Saturday", "NNP"),
        (".", "."),
    ];
    let mut doc = Document {
        text: text.into(),
        date: Some(d("2023-09-14")),
        ..Default::default()
    };
    let mut pos = 0;
    for (w, x) in tags {
        let s = text[pos..].find(w).unwrap() + pos;
        pos = s + w.len();
        doc.tokens.push(newsgraph_core::Token {
            span: Span::new(s, pos),
            xpos: x.into(),
            ..Default::default()
        });
    }
    TimeTagger::new().process(&mut doc);
    assert_eq!(doc.times[0].value.as_deref(), Some("2023-09-09"));
}

#[test]
fn governing_date_prefers_the_closest_attachment_in_the_parse() {
    // "Troops withdrew on Saturday, he said on Monday": both times reach "said" through
    // the parse, "Monday" directly.
    let text = "Troops withdrew on Saturday , he said on Monday .";
    let words: Vec<(&str, Upos, Option<usize>, &str)> = vec![
        ("Troops", Upos::NOUN, Some(1), "nsubj"),
        ("withdrew", Upos::VERB, Some(6), "ccomp"),
        ("on", Upos::ADP, Some(3), "case"),
        ("Saturday", Upos::PROPN, Some(1), "obl"),
        (",", Upos::PUNCT, Some(6), "punct"),
        ("he", Upos::PRON, Some(6), "nsubj"),
        ("said", Upos::VERB, None, "root"),
        ("on", Upos::ADP, Some(8), "case"),
        ("Monday", Upos::PROPN, Some(6), "obl"),
        (".", Upos::PUNCT, Some(6), "punct"),
    ];
    let mut doc = Document {
        text: text.into(),
        date: Some(d("2023-09-14")),
        ..Default::default()
    };
    let mut pos = 0;
    for (w, u, h, rel) in words {
        let s = text[pos..].find(w).unwrap() + pos;
        pos = s + w.len();
        doc.tokens.push(newsgraph_core::Token {
            span: Span::new(s, pos),
            upos: u,
            head: h,
            deprel: rel.into(),
            ..Default::default()
        });
    }
    doc.sentences.push(newsgraph_core::Sentence {
        span: Span::new(0, text.len()),
        paragraph: 0,
        tokens: 0..10,
    });
    TimeTagger::new().process(&mut doc);
    let at = text.find("said").unwrap();
    assert_eq!(
        governing_date(&doc, 0, Span::new(at, at + 4)),
        (Some(d("2023-09-11")), DateSource::Text)
    );
    let at = text.find("withdrew").unwrap();
    assert_eq!(
        governing_date(&doc, 0, Span::new(at, at + 8)),
        (Some(d("2023-09-09")), DateSource::Text)
    );
}
