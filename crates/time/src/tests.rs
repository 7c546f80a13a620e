use super::*;

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
        .map(|t| (text[t.span.range()].to_string(), t.value.unwrap_or_else(|| "NONE".into())))
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
    assert_eq!(one("The two men held the meeting on Wednesday."), pair("Wednesday", "2023-09-13"));
    assert_eq!(one("The two leaders will meet on Wednesday."), pair("Wednesday", "2023-09-20"));
    assert_eq!(one("She said the vote would take place on Monday."), pair("Monday", "2023-09-18"));
    assert_eq!(one("The minister resigned on Monday."), pair("Monday", "2023-09-11"));
    assert_eq!(one("The envoy is meeting rebels on Saturday."), pair("Saturday", "2023-09-16"));
    assert_eq!(one("Talks ended last Friday."), pair("last Friday", "2023-09-08"));
    assert_eq!(one("Talks resume next Tuesday."), pair("next Tuesday", "2023-09-19"));
}
