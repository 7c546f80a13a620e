//! Source countries over the full upstream chain, on the team's own sentences: misparsed
//! subjects (a time word, a name split from its head noun), "to" clauses of object-control
//! verbs, provinces and ethnic groups that give their country.
mod common;

fn codes(text: &str) -> Vec<(String, String, String)> {
    common::analyze(text)
        .events
        .iter()
        .map(|e| {
            (
                e.source.code.clone().unwrap_or_default(),
                e.target.as_ref().and_then(|t| t.code.clone()).unwrap_or_default(),
                e.cameo.clone(),
            )
        })
        .collect()
}

#[test]
fn a_time_word_is_never_the_subject() {
    // the parser takes "today" for a second subject and the "to" clause for a purpose
    let e = codes("Zambia's ruling government today ordered a private television channel to halt its news programmes.");
    assert!(e.iter().any(|x| x.0.starts_with("ZMB") && x.2 == "1721"), "{e:?}");
}

#[test]
fn a_name_split_from_its_head_noun_is_the_subject() {
    let e = codes("The radical Hamas (Islamic Resistance Movement) group announced a truce with Israel on Friday.");
    assert!(e.iter().any(|x| x.0 == "PSEREB" && x.2 == "0871"), "{e:?}");
    assert!(!e.iter().any(|x| x.0.ends_with("PTY") || x.0.is_empty()), "{e:?}");
}

#[test]
fn a_province_gives_its_government_a_country() {
    let e = codes("The government of Khyber Pakhtunkhwa province imposed a curfew in Peshawar.");
    assert!(e.iter().any(|x| x.0 == "PAKGOV" && x.2 == "1723"), "{e:?}");
}

#[test]
fn ethnic_groups_are_coded_where_they_live() {
    let e = codes("Igbo community leaders demanded that the federal government release the detained activists.");
    assert!(e.iter().any(|x| x.0.starts_with("NGA") && x.2.starts_with("10")), "{e:?}");
    let e = codes("Angry Yoruba traders blocked the main road to protest against the police.");
    assert!(e.iter().any(|x| x.0.starts_with("NGA") && x.2 == "144"), "{e:?}");
}
