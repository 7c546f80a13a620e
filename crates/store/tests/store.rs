//! Store logic on documents built directly in newsgraph/1 form (independent of extraction
//! quality): round trip, every query filter, idempotent re-ingest and replacement.

use newsgraph_core::schema::*;
use newsgraph_core::MentionKind;
use newsgraph_store::*;

/// Builds a newsgraph/1 document over a text, finding spans by substring.
struct Doc {
    out: DocumentOut,
}

impl Doc {
    fn new(id: &str, date: &str, title: &str, body: &str) -> Doc {
        let text = format!("{title}\n\n{body}");
        // Sentences: the title, then each ". "-terminated piece of the body.
        let mut sentences = vec![SentenceOut {
            start: 0,
            end: title.chars().count(),
            heading: true,
        }];
        // Sentences of the body: each ends with a full stop followed by a space or the end.
        let chars: Vec<char> = text.chars().collect();
        let mut start = title.chars().count() + 2;
        let ends: Vec<usize> = (start..chars.len())
            .filter(|&i| chars[i] == '.' && (i + 1 == chars.len() || chars[i + 1] == ' '))
            .collect();
        for end in ends {
            sentences.push(SentenceOut {
                start,
                end: end + 1,
                heading: false,
            });
            start = end + 2;
        }
        Doc {
            out: DocumentOut {
                schema: "newsgraph/1".into(),
                id: id.into(),
                date: Some(date.into()),
                title: Some(title.into()),
                url: Some(format!("https://news.example/{id}")),
                source: Some("Example News".into()),
                text,
                sentences,
                tokens: None,
                entities: vec![],
                times: vec![],
                quotes: vec![],
                events: vec![],
                warnings: vec![],
            },
        }
    }

    /// Character span of the n-th occurrence of `s`.
    fn span(&self, s: &str, nth: usize) -> SpanOut {
        let (b, _) = self
            .out
            .text
            .match_indices(s)
            .nth(nth)
            .unwrap_or_else(|| panic!("{s:?} not in text"));
        let start = self.out.text[..b].chars().count();
        SpanOut {
            start,
            end: start + s.chars().count(),
            text: s.into(),
        }
    }

    fn sentence_of(&self, start: usize) -> usize {
        self.out
            .sentences
            .iter()
            .position(|s| s.start <= start && start < s.end)
            .expect("in a sentence")
    }

    fn entity(
        &mut self,
        name: &str,
        etype: &str,
        actor: Option<&str>,
        role: Option<&str>,
        mentions: &[&str],
    ) -> String {
        let id = format!("E{}", self.out.entities.len() + 1);
        let mentions = mentions
            .iter()
            .map(|m| {
                let s = self.span(m, 0);
                MentionOut {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    kind: MentionKind::Name,
                }
            })
            .collect();
        self.out.entities.push(EntityOut {
            id: id.clone(),
            name: name.into(),
            etype: etype.into(),
            actor: actor.map(Into::into),
            role: role.map(Into::into),
            mentions,
        });
        id
    }

    fn time(&mut self, text: &str, value: &str) {
        let s = self.span(text, 0);
        self.out.times.push(TimeOut {
            start: s.start,
            end: s.end,
            text: s.text,
            ttype: "DATE".into(),
            value: Some(value.into()),
        });
    }

    fn quote(
        &mut self,
        text: &str,
        kind: &str,
        speaker: Option<&str>,
        speaker_text: &str,
        cue: &str,
    ) {
        let s = self.span(text, 0);
        let date = self.out.date.clone();
        self.out.quotes.push(QuoteOut {
            start: s.start,
            end: s.end,
            text: s.text,
            kind: kind.into(),
            speaker: speaker.map(Into::into),
            speaker_text: Some(speaker_text.into()),
            cue: Some(cue.into()),
            date,
            date_source: "document".into(),
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn event(
        &mut self,
        source: (&str, Option<&str>, &str),
        target: Option<(&str, Option<&str>, &str)>,
        cameo: (&str, &str, u8, f32, &str),
        trigger: &str,
        date: &str,
        modality: &str,
    ) {
        let t = self.span(trigger, 0);
        let sentence = self.sentence_of(t.start);
        let actor = |(text, entity, code): (&str, Option<&str>, &str)| ActorOut {
            entity: entity.map(Into::into),
            text: text.into(),
            actor: Some(code.into()),
        };
        let (code, name, quad, goldstein, plover) = cameo;
        self.out.events.push(EventOut {
            id: format!("V{}", self.out.events.len() + 1),
            source: actor(source),
            target: target.map(actor),
            cameo: code.into(),
            cameo_name: name.into(),
            root: code[..2].into(),
            quad_class: quad,
            goldstein,
            plover: Some(plover.into()),
            plover_mode: None,
            date: Some(date.into()),
            date_source: if Some(date) == self.out.date.as_deref() {
                "document"
            } else {
                "text"
            }
            .into(),
            modality: modality.into(),
            claimed_by: None,
            sentence,
            trigger: t,
            rule: format!("test:{code}"),
        });
    }

    fn done(self) -> DocumentOut {
        self.out.validate().expect("valid test document");
        self.out
    }
}

const ACCEPT: (&str, &str, u8, f32, &str) = (
    "036",
    "Express intent to meet or negotiate",
    1,
    4.0,
    "AGREE",
);
const VISIT: (&str, &str, u8, f32, &str) = ("042", "Make a visit", 1, 1.9, "CONSULT");
const CRITICISE: (&str, &str, u8, f32, &str) = ("111", "Criticize or denounce", 3, -2.0, "ACCUSE");
const SANCTION: (&str, &str, u8, f32, &str) = (
    "163",
    "Impose embargo, boycott, or sanctions",
    4,
    -8.0,
    "SANCTION",
);
const THREATEN: (&str, &str, u8, f32, &str) =
    ("1312", "Threaten to impose sanctions", 3, -5.8, "THREATEN");

/// A summit report with accents, quotes and four events over two days.
fn summit() -> DocumentOut {
    let mut d = Doc::new(
        "summit-2023",
        "2023-09-14",
        "Putin accepts Kim’s invitation",
        "Russian President Vladimir Putin on Thursday accepted the invitation by Kim Jong Un to visit North Korea. \
         Kim arrived in Russia on Wednesday for a rare summit at the Vostochny cosmodrome. \
         “We will help them build satellites,” Putin told reporters. \
         The US State Department criticised the meeting between the two leaders. \
         Washington has sanctioned Russian entities and threatened more sanctions against Pyongyang.",
    );
    let putin = d.entity(
        "Vladimir Putin",
        "PERSON",
        Some("RUSGOV"),
        Some("President"),
        &["Vladimir Putin", "Putin"],
    );
    let kim = d.entity(
        "Kim Jong Un",
        "PERSON",
        Some("PRKGOV"),
        None,
        &["Kim Jong Un", "Kim arrived"],
    );
    let _nk = d.entity("North Korea", "GPE", Some("PRK"), None, &["North Korea"]);
    let russia = d.entity("Russia", "GPE", Some("RUS"), None, &["Russia"]);
    let state = d.entity(
        "US State Department",
        "ORG",
        Some("USAGOV"),
        None,
        &["US State Department"],
    );
    let _ = d.entity(
        "Vostochny cosmodrome",
        "FAC",
        None,
        None,
        &["Vostochny cosmodrome"],
    );
    d.time("Thursday", "2023-09-14");
    d.time("Wednesday", "2023-09-13");
    d.quote(
        "We will help them build satellites,",
        "direct",
        Some(&putin),
        "Putin",
        "told",
    );
    d.event(
        ("Vladimir Putin", Some(&putin), "RUSGOV"),
        Some(("Kim Jong Un", Some(&kim), "PRKGOV")),
        ACCEPT,
        "accepted",
        "2023-09-14",
        "asserted",
    );
    d.event(
        ("Kim", Some(&kim), "PRKGOV"),
        Some(("Russia", Some(&russia), "RUS")),
        VISIT,
        "arrived",
        "2023-09-13",
        "asserted",
    );
    d.event(
        ("The US State Department", Some(&state), "USAGOV"),
        None,
        CRITICISE,
        "criticised",
        "2023-09-14",
        "asserted",
    );
    d.event(
        ("Washington", None, "USAGOV"),
        Some(("Russian entities", None, "RUSBUS")),
        SANCTION,
        "sanctioned",
        "2023-09-14",
        "asserted",
    );
    d.event(
        ("Washington", None, "USAGOV"),
        Some(("Pyongyang", None, "PRKGOV")),
        THREATEN,
        "threatened",
        "2023-09-14",
        "threat",
    );
    d.done()
}

/// A second report a week later with other actors.
fn talks() -> DocumentOut {
    let mut d = Doc::new(
        "talks-2023",
        "2023-09-21",
        "Seoul criticises Moscow",
        "South Korean President Yoon Suk Yeol criticised Russia at the United Nations. \
         Yoon said Seoul would not stand idly by. \
         Officials in Moscow rejected the criticism and accused Seoul of hostility.",
    );
    let yoon = d.entity(
        "Yoon Suk Yeol",
        "PERSON",
        Some("KORGOV"),
        Some("President"),
        &["Yoon Suk Yeol", "Yoon said"],
    );
    let russia = d.entity("Russia", "GPE", Some("RUS"), None, &["Russia"]);
    let _ = d.entity(
        "United Nations",
        "ORG",
        Some("IGOUNO"),
        None,
        &["United Nations"],
    );
    d.quote(
        "Seoul would not stand idly by",
        "indirect",
        Some(&yoon),
        "Yoon",
        "said",
    );
    d.event(
        (
            "South Korean President Yoon Suk Yeol",
            Some(&yoon),
            "KORGOV",
        ),
        Some(("Russia", Some(&russia), "RUS")),
        CRITICISE,
        "criticised",
        "2023-09-21",
        "asserted",
    );
    d.event(
        ("Officials in Moscow", None, "RUSGOV"),
        Some(("Seoul", None, "KORGOV")),
        ("112", "Accuse", 3, -2.0, "ACCUSE"),
        "accused",
        "2023-09-21",
        "asserted",
    );
    d.done()
}

fn hash(d: &DocumentOut) -> String {
    content_hash(&d.text, d.date.as_deref(), d.title.as_deref())
}

fn store_with(docs: &[DocumentOut]) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("corpus.db")).unwrap();
    for d in docs {
        assert_eq!(store.ingest(d, &hash(d)).unwrap(), IngestOutcome::Added);
    }
    (dir, store)
}

fn ids(rows: &[EventRow]) -> Vec<String> {
    rows.iter()
        .map(|r| format!("{}/{}", r.doc_id, r.event_id))
        .collect()
}

#[test]
fn round_trip_keeps_the_full_analysis() {
    let doc = summit();
    let (dir, store) = store_with(std::slice::from_ref(&doc));
    assert_eq!(store.document(&doc.id).unwrap().as_ref(), Some(&doc));
    let json: serde_json::Value =
        serde_json::from_str(&store.document_json(&doc.id).unwrap().unwrap()).unwrap();
    assert_eq!(json["schema"], "newsgraph/1");
    assert_eq!(json["events"].as_array().unwrap().len(), 5);
    assert_eq!(store.document("nope").unwrap(), None);
    assert_eq!(
        store.stats().unwrap(),
        Stats {
            documents: 1,
            entities: 6,
            times: 2,
            quotes: 1,
            events: 5
        }
    );

    let events = store.events(&EventFilter::default()).unwrap();
    assert_eq!(events.len(), 5);
    // Date order: the visit (13th) first.
    assert_eq!(events[0].cameo, "042");
    let accept = events.iter().find(|e| e.cameo == "036").unwrap();
    assert_eq!(accept.source_name, "Vladimir Putin");
    assert_eq!(accept.target_name.as_deref(), Some("Kim Jong Un"));
    assert_eq!(accept.goldstein, 4.0);
    assert_eq!(accept.trigger_text, "accepted");
    assert_eq!(
        accept.sentence_text,
        "Russian President Vladimir Putin on Thursday accepted the invitation by Kim Jong Un to visit North Korea."
    );
    assert_eq!(
        accept.url.as_deref(),
        Some("https://news.example/summit-2023")
    );
    let threat = events.iter().find(|e| e.cameo == "1312").unwrap();
    assert_eq!(threat.goldstein, -5.8, "no float noise from f32");
    assert_eq!(threat.root, "13");
    assert_eq!(threat.modality, "threat");
    assert_eq!(
        threat.source_name, "Washington",
        "no entity: the text is the name"
    );
    let criticism = events.iter().find(|e| e.cameo == "111").unwrap();
    assert_eq!(criticism.target_actor, None);
    assert_eq!(criticism.target_name, None);

    let docs = store.documents(&DocumentFilter::default()).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(
        store.count_documents(&DocumentFilter::default()).unwrap(),
        1
    );
    let late = chrono::NaiveDate::from_ymd_opt(2023, 9, 15);
    assert_eq!(
        store
            .count_documents(&DocumentFilter {
                from: late,
                ..Default::default()
            })
            .unwrap(),
        0
    );
    assert!(store
        .documents(&DocumentFilter {
            from: late,
            ..Default::default()
        })
        .unwrap()
        .is_empty());
    store.optimize().unwrap();
    assert_eq!(docs[0].events, 5);
    assert_eq!(docs[0].newsgraph_version, newsgraph_core::VERSION);
    assert_eq!(
        docs[0].title.as_deref(),
        Some("Putin accepts Kim’s invitation")
    );

    // Per-table row counts agree with the stored JSON, and the database is sound.
    let integrity: String = store
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let mentions: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM mentions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        mentions as usize,
        doc.entities.iter().map(|e| e.mentions.len()).sum::<usize>()
    );
    drop(store);

    // Reopening keeps everything, and a read-only connection reads the same.
    let ro = Store::open_read_only(dir.path().join("corpus.db")).unwrap();
    assert_eq!(ro.stats().unwrap().events, 5);
    assert_eq!(ro.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn event_filters() {
    let (_dir, store) = store_with(&[summit(), talks()]);
    let q = |f: EventFilter| ids(&store.events(&f).unwrap());
    let all = q(EventFilter::default());
    assert_eq!(all.len(), 7);

    // actor: source OR target, by prefix, case-insensitive.
    let rus = q(EventFilter {
        actor: Some("rus".into()),
        ..Default::default()
    });
    assert_eq!(
        rus,
        [
            "summit-2023/V2",
            "summit-2023/V1",
            "summit-2023/V4",
            "talks-2023/V1",
            "talks-2023/V2"
        ]
    );
    let prk = q(EventFilter {
        actor: Some("PRK".into()),
        ..Default::default()
    });
    assert_eq!(prk, ["summit-2023/V2", "summit-2023/V1", "summit-2023/V5"]);
    // A full code is its own prefix; a longer prefix narrows.
    assert_eq!(
        q(EventFilter {
            actor: Some("RUSBUS".into()),
            ..Default::default()
        }),
        ["summit-2023/V4"]
    );
    assert!(q(EventFilter {
        actor: Some("RUSGOVX".into()),
        ..Default::default()
    })
    .is_empty());

    // source / target prefixes.
    assert_eq!(
        q(EventFilter {
            source: Some("USA".into()),
            ..Default::default()
        }),
        ["summit-2023/V3", "summit-2023/V4", "summit-2023/V5"]
    );
    assert_eq!(
        q(EventFilter {
            target: Some("KOR".into()),
            ..Default::default()
        }),
        ["talks-2023/V2"]
    );
    assert_eq!(
        q(EventFilter {
            source: Some("USA".into()),
            target: Some("PRK".into()),
            ..Default::default()
        }),
        ["summit-2023/V5"]
    );

    // CAMEO prefix: root and exact code.
    assert_eq!(
        q(EventFilter {
            code: Some("11".into()),
            ..Default::default()
        }),
        ["summit-2023/V3", "talks-2023/V1", "talks-2023/V2"]
    );
    assert_eq!(
        q(EventFilter {
            code: Some("111".into()),
            ..Default::default()
        }),
        ["summit-2023/V3", "talks-2023/V1"]
    );
    assert_eq!(
        q(EventFilter {
            code: Some("13".into()),
            ..Default::default()
        }),
        ["summit-2023/V5"]
    );
    // "1" matches codes starting with 1 (11x, 13xx, 16x), not 036 or 042.
    assert_eq!(
        q(EventFilter {
            code: Some("1".into()),
            ..Default::default()
        })
        .len(),
        5
    );

    // PLOVER and modality.
    assert_eq!(
        q(EventFilter {
            plover: Some("accuse".into()),
            ..Default::default()
        })
        .len(),
        3
    );
    assert_eq!(
        q(EventFilter {
            plover: Some("SANCTION".into()),
            ..Default::default()
        }),
        ["summit-2023/V4"]
    );
    assert_eq!(
        q(EventFilter {
            modality: Some("threat".into()),
            ..Default::default()
        }),
        ["summit-2023/V5"]
    );
    assert_eq!(
        q(EventFilter {
            modality: Some("intent".into()),
            ..Default::default()
        }),
        Vec::<String>::new()
    );

    // Dates, inclusive on both ends.
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert_eq!(
        q(EventFilter {
            to: Some(day("2023-09-13")),
            ..Default::default()
        }),
        ["summit-2023/V2"]
    );
    assert_eq!(
        q(EventFilter {
            from: Some(day("2023-09-15")),
            ..Default::default()
        }),
        ["talks-2023/V1", "talks-2023/V2"]
    );
    assert_eq!(
        q(EventFilter {
            from: Some(day("2023-09-14")),
            to: Some(day("2023-09-14")),
            ..Default::default()
        })
        .len(),
        4
    );

    // Document, limit and offset (pages partition the result).
    assert_eq!(
        q(EventFilter {
            document: Some("talks-2023".into()),
            ..Default::default()
        })
        .len(),
        2
    );
    let page1 = q(EventFilter {
        limit: Some(3),
        ..Default::default()
    });
    let page2 = q(EventFilter {
        limit: Some(3),
        offset: 3,
        ..Default::default()
    });
    let page3 = q(EventFilter {
        limit: Some(3),
        offset: 6,
        ..Default::default()
    });
    assert_eq!([page1, page2, page3].concat(), all);
    assert_eq!(
        store
            .count_events(&EventFilter {
                actor: Some("RUS".into()),
                limit: Some(1),
                ..Default::default()
            })
            .unwrap(),
        5
    );

    // Combined filters are ANDed.
    assert_eq!(
        q(EventFilter {
            actor: Some("KOR".into()),
            code: Some("111".into()),
            ..Default::default()
        }),
        ["talks-2023/V1"]
    );
}

#[test]
fn hostile_filter_values_are_data_not_sql() {
    let (_dir, store) = store_with(&[summit(), talks()]);
    // Values that would change the SQL if spliced in.
    let hostile = "x' OR '1'='1";
    let err = store
        .events(&EventFilter {
            actor: Some(hostile.into()),
            ..Default::default()
        })
        .unwrap_err();
    assert!(err.is_user_error(), "{err}");
    let err = store
        .events(&EventFilter {
            code: Some("03'--".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::BadQuery(_)), "{err}");
    assert!(store
        .events(&EventFilter {
            plover: Some(hostile.into()),
            ..Default::default()
        })
        .unwrap()
        .is_empty());
    assert!(store
        .events(&EventFilter {
            document: Some(hostile.into()),
            ..Default::default()
        })
        .unwrap()
        .is_empty());
    assert!(store
        .quotes(&QuoteFilter {
            speaker: Some(hostile.into()),
            ..Default::default()
        })
        .unwrap()
        .is_empty());
    // LIKE wildcards in a substring are literal characters.
    assert!(store
        .quotes(&QuoteFilter {
            speaker: Some("%".into()),
            ..Default::default()
        })
        .unwrap()
        .is_empty());
    assert!(store
        .entities(&EntityFilter {
            name: Some("_".into()),
            ..Default::default()
        })
        .unwrap()
        .is_empty());
    // Search text with FTS syntax characters is searched as words.
    let hits = store
        .search(&SearchQuery::new("\"satellites OR) NEAR("))
        .unwrap();
    assert!(hits.is_empty(), "all words are required: {hits:?}");
    assert!(!store
        .search(&SearchQuery::new("satellites\""))
        .unwrap()
        .is_empty());
    // Raw FTS syntax errors are the user's fault.
    let mut raw = SearchQuery::new("satellites AND (");
    raw.raw = true;
    let err = store.search(&raw).unwrap_err();
    assert!(err.is_user_error(), "{err}");
    assert!(store
        .search(&SearchQuery::new("  "))
        .unwrap_err()
        .is_user_error());
    assert_eq!(store.stats().unwrap().events, 7, "nothing was changed");
}

#[test]
fn quote_filters() {
    let (_dir, store) = store_with(&[summit(), talks()]);
    let all = store.quotes(&QuoteFilter::default()).unwrap();
    assert_eq!(all.len(), 2);
    // Speaker: substring of the canonical name or of the text, case-insensitive.
    let putin = store
        .quotes(&QuoteFilter {
            speaker: Some("vladimir".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(putin.len(), 1);
    assert_eq!(putin[0].text, "We will help them build satellites,");
    assert_eq!(putin[0].speaker_name.as_deref(), Some("Vladimir Putin"));
    assert_eq!(putin[0].speaker.as_deref(), Some("E1"));
    assert_eq!(putin[0].cue.as_deref(), Some("told"));
    assert_eq!(
        store
            .quotes(&QuoteFilter {
                speaker: Some("YOON".into()),
                ..Default::default()
            })
            .unwrap()
            .len(),
        1
    );
    // Full-text search, stemmed: "satellite" finds "satellites", with a snippet.
    let found = store
        .quotes(&QuoteFilter {
            search: Some("satellite".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].doc_id, "summit-2023");
    assert!(
        found[0]
            .snippet
            .as_deref()
            .unwrap()
            .contains("[satellites]"),
        "{:?}",
        found[0].snippet
    );
    assert!(store
        .quotes(&QuoteFilter {
            search: Some("satellite".into()),
            speaker: Some("Yoon".into()),
            ..Default::default()
        })
        .unwrap()
        .is_empty());
    assert!(store
        .quotes(&QuoteFilter {
            search: Some("hegemony".into()),
            ..Default::default()
        })
        .unwrap()
        .is_empty());
    // Kind and dates.
    assert_eq!(
        store
            .quotes(&QuoteFilter {
                kind: Some("indirect".into()),
                ..Default::default()
            })
            .unwrap()[0]
            .doc_id,
        "talks-2023"
    );
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let late = store
        .quotes(&QuoteFilter {
            from: Some(day("2023-09-20")),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].speaker_text.as_deref(), Some("Yoon"));
    assert_eq!(
        store
            .quotes(&QuoteFilter {
                limit: Some(1),
                offset: 1,
                ..Default::default()
            })
            .unwrap(),
        all[1..]
    );
}

#[test]
fn entity_filters_group_across_documents() {
    let (_dir, store) = store_with(&[summit(), talks()]);
    let all = store.entities(&EntityFilter::default()).unwrap();
    assert_eq!(all.len(), 8, "Russia is one row for two documents: {all:?}");
    assert_eq!(all[0].name, "Russia", "the most widely mentioned first");
    assert_eq!(all[0].documents, 2);
    assert_eq!(all[0].mentions, 2);
    let people = store
        .entities(&EntityFilter {
            etype: Some("person".into()),
            ..Default::default()
        })
        .unwrap();
    let names: Vec<&str> = people.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Kim Jong Un", "Vladimir Putin", "Yoon Suk Yeol"]);
    assert_eq!(people[1].role.as_deref(), Some("President"));
    assert_eq!(people[1].mentions, 2);
    let korea = store
        .entities(&EntityFilter {
            name: Some("korea".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(korea.len(), 1);
    assert_eq!(korea[0].actor.as_deref(), Some("PRK"));
    let gov = store
        .entities(&EntityFilter {
            actor: Some("RUS".into()),
            etype: Some("PERSON".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(gov.len(), 1);
    assert_eq!(gov[0].name, "Vladimir Putin");
    let facs = store
        .entities(&EntityFilter {
            etype: Some("FAC".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(facs[0].actor, None);
}

#[test]
fn search_articles_and_quotes_with_snippets() {
    let (_dir, store) = store_with(&[summit(), talks()]);
    let hits = store.search(&SearchQuery::new("cosmodrome")).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, "article");
    assert_eq!(hits[0].doc_id, "summit-2023");
    assert!(
        hits[0].snippet.contains("[cosmodrome]"),
        "{}",
        hits[0].snippet
    );
    // Stemming and accents: "criticise" finds "criticises"/"criticised" in both articles.
    let hits = store.search(&SearchQuery::new("criticise")).unwrap();
    let mut docs: Vec<&str> = hits.iter().map(|h| h.doc_id.as_str()).collect();
    docs.sort();
    assert_eq!(docs, ["summit-2023", "talks-2023"]);
    // Quotes are hits too, with their speaker; markers are configurable.
    let mut q = SearchQuery::new("satellites");
    q.mark_start = "<mark>".into();
    q.mark_end = "</mark>".into();
    let hits = store.search(&q).unwrap();
    assert_eq!(hits.len(), 2, "{hits:?}");
    let quote = hits.iter().find(|h| h.kind == "quote").unwrap();
    assert_eq!(quote.speaker.as_deref(), Some("Vladimir Putin"));
    assert_eq!(quote.quote_index, Some(0));
    assert!(quote.snippet.contains("<mark>satellites</mark>"));
    q.quotes = false;
    assert_eq!(store.search(&q).unwrap().len(), 1);
    // Prefix words and raw FTS syntax.
    assert_eq!(store.search(&SearchQuery::new("cosmo*")).unwrap().len(), 1);
    let mut raw = SearchQuery::new("\"rare summit\" OR hostility");
    raw.raw = true;
    raw.quotes = false;
    assert_eq!(store.search(&raw).unwrap().len(), 2);
    // Paging.
    let mut page = SearchQuery::new("criticise");
    page.limit = Some(1);
    let first = store.search(&page).unwrap();
    page.offset = 1;
    let second = store.search(&page).unwrap();
    assert_eq!(first.len() + second.len(), 2);
    assert_ne!(first[0].doc_id, second[0].doc_id);
}

#[test]
fn timeline_splits_days_by_quad_class() {
    let (_dir, store) = store_with(&[summit(), talks()]);
    let days = store
        .timeline(&TimelineFilter {
            actor: "RUS".into(),
            ..Default::default()
        })
        .unwrap();
    let dates: Vec<&str> = days.iter().map(|d| d.date.as_str()).collect();
    assert_eq!(dates, ["2023-09-13", "2023-09-14", "2023-09-21"]);
    let d14 = &days[1];
    // 2023-09-14: accept (quad 1, +4.0) and sanction (quad 4, -8.0).
    assert_eq!(
        (
            d14.verbal_cooperation,
            d14.material_cooperation,
            d14.verbal_conflict,
            d14.material_conflict
        ),
        (1, 0, 0, 1)
    );
    assert_eq!(d14.total, 2);
    assert_eq!(d14.mean_goldstein, -2.0);
    assert_eq!(days[2].verbal_conflict, 2);
    // A pair: events between USA and PRK in either direction.
    let pair = store
        .timeline(&TimelineFilter {
            actor: "PRK".into(),
            other: Some("USA".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(pair.len(), 1);
    assert_eq!(pair[0].verbal_conflict, 1);
    assert_eq!(pair[0].mean_goldstein, -5.8);
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let cut = store
        .timeline(&TimelineFilter {
            actor: "RUS".into(),
            from: Some(day("2023-09-14")),
            to: Some(day("2023-09-20")),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(cut.len(), 1);
    assert!(store
        .timeline(&TimelineFilter::default())
        .unwrap_err()
        .is_user_error());
}

#[test]
fn network_edges_count_and_average() {
    let (_dir, store) = store_with(&[summit(), talks()]);
    let edges = store.network(&NetworkFilter::default()).unwrap();
    // Events with a target actor: 6 (the criticism without target is no edge), all distinct pairs.
    assert_eq!(edges.iter().map(|e| e.count).sum::<u64>(), 6);
    let e = edges
        .iter()
        .find(|e| e.source == "USAGOV" && e.target == "PRKGOV")
        .unwrap();
    assert_eq!(
        (e.count, e.conflict, e.cooperation, e.mean_goldstein),
        (1, 1, 0, -5.8)
    );
    // Country level merges RUSGOV/RUSBUS/RUS.
    let countries = store
        .network(&NetworkFilter {
            countries: true,
            ..Default::default()
        })
        .unwrap();
    let usa_rus = countries
        .iter()
        .find(|e| e.source == "USA" && e.target == "RUS")
        .unwrap();
    assert_eq!(usa_rus.count, 1);
    let kor_rus = countries
        .iter()
        .find(|e| e.source == "KOR" && e.target == "RUS")
        .unwrap();
    assert_eq!(kor_rus.count, 1);
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let late = store
        .network(&NetworkFilter {
            from: Some(day("2023-09-20")),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(late.len(), 2);
    let usa = store
        .network(&NetworkFilter {
            actor: Some("USA".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(usa.len(), 2);
    assert!(store
        .network(&NetworkFilter {
            min_count: 2,
            ..Default::default()
        })
        .unwrap()
        .is_empty());
    assert_eq!(
        store
            .network(&NetworkFilter {
                limit: Some(1),
                ..Default::default()
            })
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn reingest_is_a_no_op_and_changed_content_replaces() {
    let doc = summit();
    let (_dir, mut store) = store_with(std::slice::from_ref(&doc));
    let before = store.stats().unwrap();
    assert!(store.is_current(&doc.id, &hash(&doc)).unwrap());
    assert_eq!(
        store.current_event_count(&doc.id, &hash(&doc)).unwrap(),
        Some(5)
    );
    assert_eq!(store.current_event_count(&doc.id, "other").unwrap(), None);
    assert_eq!(
        store.current_event_count("unknown", &hash(&doc)).unwrap(),
        None
    );
    assert_eq!(
        store.ingest(&doc, &hash(&doc)).unwrap(),
        IngestOutcome::Unchanged
    );
    assert_eq!(store.stats().unwrap(), before);
    let ingested_at = store.documents(&DocumentFilter::default()).unwrap()[0]
        .ingested_at
        .clone();

    // Same id, new text: the old analysis is gone, the new one complete.
    let mut d = Doc::new(
        "summit-2023",
        "2023-09-14",
        "Putin accepts Kim’s invitation (updated)",
        "Vladimir Putin accepted an invitation from Kim Jong Un on Thursday.",
    );
    let putin = d.entity(
        "Vladimir Putin",
        "PERSON",
        Some("RUSGOV"),
        None,
        &["Vladimir Putin"],
    );
    let kim = d.entity(
        "Kim Jong Un",
        "PERSON",
        Some("PRKGOV"),
        None,
        &["Kim Jong Un"],
    );
    d.event(
        ("Vladimir Putin", Some(&putin), "RUSGOV"),
        Some(("Kim Jong Un", Some(&kim), "PRKGOV")),
        ACCEPT,
        "accepted",
        "2023-09-14",
        "asserted",
    );
    let new = d.done();
    assert!(!store.is_current(&new.id, &hash(&new)).unwrap());
    assert_eq!(
        store.ingest(&new, &hash(&new)).unwrap(),
        IngestOutcome::Replaced
    );
    assert_eq!(
        store.stats().unwrap(),
        Stats {
            documents: 1,
            entities: 2,
            times: 0,
            quotes: 0,
            events: 1
        }
    );
    assert_eq!(store.document(&new.id).unwrap().unwrap(), new);
    // The full-text indexes forgot the old text and quote.
    assert!(store
        .search(&SearchQuery::new("cosmodrome"))
        .unwrap()
        .is_empty());
    assert!(store
        .search(&SearchQuery::new("satellites"))
        .unwrap()
        .is_empty());
    assert_eq!(store.search(&SearchQuery::new("updated")).unwrap().len(), 1);
    let mentions: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM mentions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mentions, 2);
    let integrity: String = store
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let fts_ok = store.connection().execute_batch(
        "INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 1);
         INSERT INTO quotes_fts(quotes_fts, rank) VALUES('integrity-check', 1);",
    );
    assert!(fts_ok.is_ok(), "{fts_ok:?}");
    assert!(store.documents(&DocumentFilter::default()).unwrap()[0].ingested_at >= ingested_at);

    // Deleting removes every row.
    assert!(store.delete_document(&new.id).unwrap());
    assert!(!store.delete_document(&new.id).unwrap());
    assert_eq!(
        store.stats().unwrap(),
        Stats {
            documents: 0,
            entities: 0,
            times: 0,
            quotes: 0,
            events: 0
        }
    );
}

#[test]
fn content_hash_covers_text_date_and_title() {
    let h = content_hash("text", Some("2023-09-14"), Some("Title"));
    assert_eq!(h.len(), 64);
    assert_eq!(h, content_hash("text", Some("2023-09-14"), Some("Title")));
    assert_ne!(h, content_hash("text", Some("2023-09-15"), Some("Title")));
    assert_ne!(h, content_hash("text", Some("2023-09-14"), None));
    assert_ne!(h, content_hash("text ", Some("2023-09-14"), Some("Title")));
    // Field boundaries matter.
    assert_ne!(
        content_hash("ab", Some("c"), None),
        content_hash("a", Some("bc"), None)
    );
}

#[test]
fn bad_documents_are_refused_whole() {
    let (_dir, mut store) = store_with(&[]);
    let mut doc = summit();
    doc.id = "  ".into();
    assert!(store.ingest(&doc, "h").unwrap_err().is_user_error());
    // Two events with one id: the transaction rolls back, nothing of the document remains.
    let mut doc = summit();
    doc.events[1].id = "V1".into();
    let err = store.ingest(&doc, &hash(&doc)).unwrap_err();
    assert!(matches!(err, StoreError::BadDocument { .. }), "{err}");
    assert_eq!(
        store.stats().unwrap(),
        Stats {
            documents: 0,
            entities: 0,
            times: 0,
            quotes: 0,
            events: 0
        }
    );
    // Out-of-range offsets do not panic.
    let mut doc = summit();
    doc.events[0].sentence = 999;
    doc.sentences.push(SentenceOut {
        start: 10_000,
        end: 5,
        heading: false,
    });
    assert_eq!(
        store.ingest(&doc, &hash(&doc)).unwrap(),
        IngestOutcome::Added
    );
}

#[test]
fn opening_files() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    let err = Store::open_read_only(&missing).unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)));
    assert!(err.to_string().contains("missing.db"));
    assert!(!missing.exists(), "a read-only open creates nothing");

    let err = Store::open(dir.path().join("no-such-folder").join("x.db")).unwrap_err();
    assert!(matches!(err, StoreError::CannotOpen { .. }), "{err}");
    assert!(err.to_string().contains("no-such-folder"), "{err}");
    let err = Store::open(dir.path()).unwrap_err();
    assert!(err.is_user_error(), "{err}");

    let junk = dir.path().join("junk.db");
    std::fs::write(
        &junk,
        b"this is not an SQLite database, just some text that is long enough",
    )
    .unwrap();
    assert!(Store::open(&junk).unwrap_err().is_user_error());
    assert!(Store::open_read_only(&junk).unwrap_err().is_user_error());

    // An SQLite file of another program.
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    assert!(matches!(
        Store::open(&other).unwrap_err(),
        StoreError::NotAStore { .. }
    ));

    // A newer schema is refused.
    let path = dir.path().join("corpus.db");
    drop(Store::open(&path).unwrap());
    let mode: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "INSERT INTO schema_version VALUES (?1, 'future')",
            [SCHEMA_VERSION + 1],
        )
        .unwrap();
    assert!(matches!(
        Store::open(&path).unwrap_err(),
        StoreError::TooNew { .. }
    ));
    assert!(matches!(
        Store::open_read_only(&path).unwrap_err(),
        StoreError::TooNew { .. }
    ));

    // A read-only store refuses writes.
    let path = dir.path().join("ro.db");
    drop(Store::open(&path).unwrap());
    let mut ro = Store::open_read_only(&path).unwrap();
    let doc = summit();
    assert!(ro.ingest(&doc, &hash(&doc)).is_err());
}

#[test]
fn readers_see_committed_documents_while_a_writer_ingests() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let mut writer = Store::open(&path).unwrap();
    let first = summit();
    writer.ingest(&first, &hash(&first)).unwrap();
    let reader = Store::open_read_only(&path).unwrap();
    assert_eq!(reader.stats().unwrap().documents, 1);
    // A reader in the middle of streaming events does not block the writer (WAL), and sees
    // the new document on its next query.
    let second = talks();
    let mut seen = 0;
    reader
        .for_each_event(&EventFilter::default(), |_| {
            if seen == 0 {
                writer.ingest(&second, &hash(&second)).unwrap();
            }
            seen += 1;
            Ok(())
        })
        .unwrap();
    assert_eq!(seen, 5, "the running query reads its own snapshot");
    assert_eq!(reader.stats().unwrap().documents, 2);
    assert_eq!(reader.events(&EventFilter::default()).unwrap().len(), 7);
}
