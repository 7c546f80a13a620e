//! Recognition: hand-written patterns over the tokens of [`crate::lex`], each producing a
//! [`Sem`], the meaning of the expression before it is resolved against the article date.
//! At every token all patterns are tried and the longest match wins; modifiers ("early",
//! "late", "mid-", "earlier", "the end of") widen a date match, and a second pass merges
//! restatements ("Thursday (September 14)", "Thursday, Sept. 14"), parts of the day
//! ("Friday afternoon") and clock times with their day ("3 p.m. Friday").

use crate::lex::{Kind, Tok};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    N(f64),
    /// Vague amount ("several", "a few", bare plural).
    X,
}

/// How a year-less or relative expression picks its occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// By the tense of the clause.
    Tense,
    /// "last …": strictly before the article date.
    Last,
    /// "next …": strictly after.
    Next,
    /// "this …".
    This,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSpec {
    Abs(i32),
    /// Relative to the article year: this 0, last -1, next +1.
    Rel(i32),
    Tense,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// Explicit calendar date: month with optional day and year.
    Cal {
        y: Option<i32>,
        m: u32,
        d: Option<u32>,
        rel: Rel,
    },
    Year(i32),
    /// "199" for the 1990s.
    Decade(i32),
    /// "19" for the 20th century.
    Century(i32),
    Weekday {
        wd: u32,
        rel: Rel,
    },
    Season {
        s: &'static str,
        year: YearSpec,
    },
    Quarter {
        q: u32,
        year: YearSpec,
    },
    Half {
        h: u32,
        year: YearSpec,
    },
    /// yesterday -1, today 0, tomorrow +1.
    DayRel(i64),
    /// this/last/next week, month, year, …
    UnitRel {
        unit: Unit,
        off: i64,
    },
    /// this/last/next weekend.
    Weekend(i64),
    /// "the weekend": the one before or after the article date, by tense.
    WeekendTense,
    Ago {
        n: Num,
        unit: Unit,
    },
    FromNow {
        n: Num,
        unit: Unit,
    },
    /// "three years later" (+1) / "two days earlier" (-1): anchored on the previous time.
    Later {
        n: Num,
        unit: Unit,
        sign: i64,
    },
    /// "the next day" (+1), "the previous week" (-1), "the same day" (0), on the previous time.
    Anchored {
        unit: Unit,
        off: i64,
    },
    Ref(&'static str),
    Dur {
        n: Num,
        unit: Unit,
    },
    Raw(String, crate::TimeKind),
    Clock {
        h: u32,
        m: u32,
        day: Option<Box<Sem>>,
    },
    PartOfDay {
        pod: &'static str,
        day: Box<Sem>,
    },
    /// "June of this year", "May 5 of last year": year relative to the article year.
    MonthOfYear {
        m: u32,
        d: Option<u32>,
        off: i32,
    },
    /// A weekday restating a date ("Monday, December 6"): the weekday picks the year.
    WdCal {
        wd: u32,
        cal: Box<Sem>,
    },
}

impl Sem {
    /// Names one day (possibly by tense): can take a part of the day or a clock time.
    pub fn is_day(&self) -> bool {
        matches!(
            self,
            Sem::Cal { d: Some(_), .. } | Sem::Weekday { .. } | Sem::DayRel(_) | Sem::WdCal { .. }
        ) || matches!(
            self,
            Sem::Anchored {
                unit: Unit::Day,
                ..
            }
        )
    }
    fn is_datey(&self) -> bool {
        matches!(
            self,
            Sem::Cal { .. }
                | Sem::Year(_)
                | Sem::Decade(_)
                | Sem::Century(_)
                | Sem::Season { .. }
                | Sem::Quarter { .. }
                | Sem::Half { .. }
                | Sem::UnitRel { .. }
                | Sem::Weekend(_)
                | Sem::Weekday { .. }
        )
    }
}

#[derive(Debug, Clone)]
pub struct Cand {
    /// Token range [s, e).
    pub s: usize,
    pub e: usize,
    pub sem: Sem,
}

pub fn month_word(w: &str) -> Option<(u32, bool)> {
    // (month, is_abbreviation)
    Some(match w {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

fn weekday_word(w: &str) -> Option<(u32, bool)> {
    // (ISO weekday 1..7, plural)
    let (base, pl) = match w.strip_suffix('s') {
        Some(b) if b.ends_with("day") => (b, true),
        _ => (w, false),
    };
    let d = match base {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    };
    Some((d, pl))
}

fn unit_word(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "fortnight" => (Unit::Fortnight, false),
        "fortnights" => (Unit::Fortnight, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

fn season_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

fn pod_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

fn small_number(w: &str) -> Option<f64> {
    Some(match w {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "dozen" => 12.0,
        _ => return None,
    })
}

fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "last" => 99,
        _ => {
            let digits: String = w.chars().take_while(|c| c.is_ascii_digit()).collect();
            let suf = &w[digits.len()..];
            if digits.is_empty() || !matches!(suf, "st" | "nd" | "rd" | "th") {
                return None;
            }
            return digits.parse().ok();
        }
    })
}

/// Parses a day-of-month token ("14", "14th").
fn day_num(t: &Tok) -> Option<u32> {
    if t.kind != Kind::Num {
        return None;
    }
    let d = if t.low.chars().all(|c| c.is_ascii_digit()) {
        if t.low.len() > 2 {
            return None;
        }
        t.low.parse().ok()?
    } else {
        ordinal(&t.low)?
    };
    (1..=31).contains(&d).then_some(d)
}

fn year_num(t: &Tok) -> Option<i32> {
    if t.kind != Kind::Num || t.low.len() != 4 || !t.low.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let y: i32 = t.low.parse().ok()?;
    (1000..=2199).contains(&y).then_some(y)
}

const YEAR_PREP: &[&str] = &[
    "in", "since", "of", "by", "until", "till", "from", "to", "before", "after", "during",
    "around", "between", "and", "or", "-", "through", "early", "late", "mid", "fiscal", "for",
    "than", "circa", "c", "year", "summer", "spring", "winter", "autumn", "fall",
];

pub struct G<'a> {
    pub t: &'a [Tok],
}

impl<'a> G<'a> {
    pub fn w(&self, i: usize) -> &str {
        self.t.get(i).map(|t| t.low.as_str()).unwrap_or("")
    }
    fn prev(&self, i: usize) -> &str {
        if i == 0 {
            ""
        } else {
            self.w(i - 1)
        }
    }
    fn cap(&self, i: usize) -> bool {
        self.t.get(i).map(|t| t.cap).unwrap_or(false)
    }
    fn kind(&self, i: usize) -> Option<Kind> {
        self.t.get(i).map(|t| t.kind)
    }
    /// Adjacent in the text (no space), e.g. "mid-March".
    fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.t.len() && self.t[i - 1].end == self.t[i].start
    }

    /// Month name at i (capitalised; abbreviations may take a period). Returns (month, end).
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let (m, abbr) = month_word(self.w(i))?;
        if !self.cap(i) {
            return None;
        }
        let mut e = i + 1;
        if abbr && self.w(e) == "." && self.glued(e) {
            e += 1;
        }
        Some((m, e))
    }

    /// A number: digits or words, or a vague amount. Returns (num, end).
    fn number(&self, i: usize) -> Option<(Num, usize)> {
        let w = self.w(i);
        if self.kind(i) == Some(Kind::Num) {
            let clean: String = w.chars().filter(|&c| c != ',').collect();
            if let Ok(v) = clean.parse::<f64>() {
                return Some((Num::N(v), i + 1));
            }
            return None;
        }
        match w {
            "a" | "an" => {
                if self.w(i + 1) == "few" || self.w(i + 1) == "number" && self.w(i + 2) == "of" {
                    return Some((Num::X, if self.w(i + 1) == "few" { i + 2 } else { i + 3 }));
                }
                if self.w(i + 1) == "couple" && self.w(i + 2) == "of" {
                    return Some((Num::X, i + 3));
                }
                if self.w(i + 1) == "dozen" {
                    return Some((Num::N(12.0), i + 2));
                }
                if self.w(i + 1) == "hundred" {
                    return Some((Num::N(100.0), i + 2));
                }
                if self.w(i + 1) == "half" && matches!(self.w(i + 2), "") {
                    return None;
                }
                return Some((Num::N(1.0), i + 1));
            }
            "few" | "several" | "many" | "some" | "numerous" => return Some((Num::X, i + 1)),
            "couple" if self.w(i + 1) == "of" => return Some((Num::X, i + 2)),
            _ => {}
        }
        let v = small_number(w)?;
        let mut e = i + 1;
        let mut v = v;
        if v >= 20.0 && v % 10.0 == 0.0 && self.w(e) == "-" {
            if let Some(u) = small_number(self.w(e + 1)) {
                if u < 10.0 {
                    v += u;
                    e += 2;
                }
            }
        }
        if self.w(e) == "hundred" {
            v *= 100.0;
            e += 1;
        }
        Some((Num::N(v), e))
    }

    /// Tries every pattern at i and returns the longest match.
    pub fn match_at(&self, i: usize) -> Option<Cand> {
        let mut best: Option<Cand> = None;
        let mut consider = |c: Option<Cand>| {
            if let Some(c) = c {
                if c.e > c.s && best.as_ref().is_none_or(|b| c.e > b.e) {
                    best = Some(c);
                }
            }
        };
        consider(self.modified(i));
        consider(self.refs(i));
        consider(self.numeric_date(i));
        consider(self.month_date(i));
        consider(self.day_month(i));
        consider(self.year(i));
        consider(self.decade(i));
        consider(self.weekday(i));
        consider(self.relative(i));
        consider(self.quarter(i));
        consider(self.season(i));
        consider(self.duration(i));
        consider(self.clock(i));
        consider(self.set(i));
        consider(self.anchored(i));
        best
    }

    fn c(s: usize, e: usize, sem: Sem) -> Option<Cand> {
        Some(Cand { s, e, sem })
    }

    /// Matches without modifiers (used after a modifier).
    fn plain(&self, i: usize) -> Option<Cand> {
        let mut best: Option<Cand> = None;
        for c in [
            self.numeric_date(i),
            self.month_date(i),
            self.day_month(i),
            self.year(i),
            self.decade(i),
            self.relative(i),
            self.quarter(i),
            self.season(i),
            self.weekday(i),
        ]
        .into_iter()
        .flatten()
        {
            if best.as_ref().is_none_or(|b| c.e > b.e) {
                best = Some(c);
            }
        }
        best
    }

    /// "early 2011", "late last July", "mid-March", "earlier this month", "the end of the
    /// year", "the early 1990s": the modifier joins the span, the value is the inner one.
    fn modified(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        if self.w(j) == "the" {
            j += 1;
        }
        let w = self.w(j);
        let inner_start;
        let mut the_year_ok = false;
        if matches!(w, "early" | "late" | "mid" | "earlier" | "later") {
            inner_start = if self.w(j + 1) == "-" { j + 2 } else { j + 1 };
            if matches!(w, "earlier" | "later")
                && !matches!(self.w(inner_start), "this" | "that" | "in")
            {
                return None;
            }
        } else if matches!(w, "end" | "beginning" | "start" | "middle" | "turn")
            && self.w(j + 1) == "of"
        {
            if j == i && self.prev(i) == "the" {
                return None;
            }
            inner_start = j + 2;
            the_year_ok = true;
        } else if w.starts_with("mid") && w.len() > 3 && self.kind(j) == Some(Kind::Word) {
            // "midsummer"
            return None;
        } else {
            return None;
        }
        let mut k = inner_start;
        if matches!(self.w(j), "earlier" | "later") && self.w(k) == "in" {
            k += 1;
            // "earlier in the week", "later in the day"
            if self.w(k) == "the" {
                if let Some((u, false)) = unit_word(self.w(k + 1)) {
                    if matches!(u, Unit::Week | Unit::Month | Unit::Year) {
                        return Self::c(i, k + 2, Sem::UnitRel { unit: u, off: 0 });
                    }
                    if u == Unit::Day {
                        return Self::c(i, k + 2, Sem::DayRel(0));
                    }
                }
            }
        }
        if the_year_ok
            && matches!(self.w(k), "year" | "month" | "week")
            && !matches!(self.w(k + 1), "-" | "'")
        {
            if let Some((u, false)) = unit_word(self.w(k)) {
                return Self::c(i, k + 1, Sem::UnitRel { unit: u, off: 0 });
            }
        }
        if the_year_ok && matches!(self.w(k), "the" | "this") {
            if let Some((u, false)) = unit_word(self.w(k + 1)) {
                if matches!(
                    u,
                    Unit::Year
                        | Unit::Month
                        | Unit::Week
                        | Unit::Decade
                        | Unit::Century
                        | Unit::Quarter
                ) {
                    return Self::c(i, k + 2, Sem::UnitRel { unit: u, off: 0 });
                }
            }
            if self.w(k + 1) == "century" {
                return Self::c(
                    i,
                    k + 2,
                    Sem::UnitRel {
                        unit: Unit::Century,
                        off: 0,
                    },
                );
            }
        }
        // "the early 1990s": "the" belongs to the decade
        let inner = self.plain(k)?;
        if !inner.sem.is_datey() || inner.s != k {
            return None;
        }
        // "earlier"/"later" only before this/last/next units
        if matches!(self.w(j), "earlier" | "later")
            && !matches!(inner.sem, Sem::UnitRel { .. } | Sem::Cal { .. })
        {
            return None;
        }
        if matches!(inner.sem, Sem::Weekday { .. }) && !matches!(self.w(j), "late" | "early") {
            return None;
        }
        Some(Cand {
            s: i.min(j),
            e: inner.e,
            sem: inner.sem,
        })
    }

    fn refs(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        match w {
            "now" => {
                // "now" as a time adverb; "right now"
                return Self::c(i, i + 1, Sem::Ref("PRESENT_REF"));
            }
            "right" if self.w(i + 1) == "now" => return Self::c(i, i + 2, Sem::Ref("PRESENT_REF")),
            "currently" | "presently" | "nowadays" => {
                return Self::c(i, i + 1, Sem::Ref("PRESENT_REF"))
            }
            "present" if self.prev(i) == "at" => return Self::c(i, i + 1, Sem::Ref("PRESENT_REF")),
            "these" if self.w(i + 1) == "days" => {
                return Self::c(i, i + 2, Sem::Ref("PRESENT_REF"))
            }
            "recently" | "lately" => return Self::c(i, i + 1, Sem::Ref("PAST_REF")),
            "today" => return Self::c(i, i + 1, Sem::DayRel(0)),
            "yesterday" => return Self::c(i, i + 1, Sem::DayRel(-1)),
            "tomorrow" => return Self::c(i, i + 1, Sem::DayRel(1)),
            "tonight" => {
                return Self::c(
                    i,
                    i + 1,
                    Sem::PartOfDay {
                        pod: "NI",
                        day: Box::new(Sem::DayRel(0)),
                    },
                );
            }
            "christmas" | "halloween" if self.cap(i) => {
                let (m, d) = if w == "halloween" { (10, 31) } else { (12, 25) };
                let mut e = i + 1;
                let mut d = d;
                match self.w(e) {
                    "day" => e += 1,
                    "eve" => {
                        e += 1;
                        d -= 1;
                    }
                    _ => {}
                }
                if let Some(y) = self.t.get(e).and_then(year_num) {
                    return Self::c(
                        i,
                        e + 1,
                        Sem::Cal {
                            y: Some(y),
                            m,
                            d: Some(d),
                            rel: Rel::Tense,
                        },
                    );
                }
                // "Christmas trees", "Christmas shopping": not a day
                if self.t.get(e).is_some_and(|t| {
                    t.kind == Kind::Word
                        && !t.cap
                        && !matches!(t.low.as_str(), "and" | "or" | "when" | "as")
                }) {
                    return None;
                }
                return Self::c(
                    i,
                    e,
                    Sem::Cal {
                        y: None,
                        m,
                        d: Some(d),
                        rel: Rel::Tense,
                    },
                );
            }
            "new"
                if self.cap(i)
                    && self.w(i + 1) == "year"
                    && self.w(i + 2) == "'"
                    && self.w(i + 3) == "s"
                    && matches!(self.w(i + 4), "day" | "eve") =>
            {
                let (m, d) = if self.w(i + 4) == "day" {
                    (1, 1)
                } else {
                    (12, 31)
                };
                return Self::c(
                    i,
                    i + 5,
                    Sem::Cal {
                        y: None,
                        m,
                        d: Some(d),
                        rel: Rel::Tense,
                    },
                );
            }
            "the" => {
                if self.w(i + 1) == "weekend" && !matches!(self.w(i + 2), "of" | "'" | "-") {
                    return Self::c(i, i + 2, Sem::WeekendTense);
                }
                if self.w(i + 1) == "day"
                    && self.w(i + 2) == "before"
                    && self.w(i + 3) == "yesterday"
                {
                    return Self::c(i, i + 4, Sem::DayRel(-2));
                }
                if self.w(i + 1) == "day" && self.w(i + 2) == "after" && self.w(i + 3) == "tomorrow"
                {
                    return Self::c(i, i + 4, Sem::DayRel(2));
                }
                if self.w(i + 1) == "past" || self.w(i + 1) == "future" {
                    let nx = self.w(i + 2);
                    let blocked = unit_word(nx).is_some()
                        || self.number(i + 2).is_some()
                        || matches!(nx, "few" | "several" | "many" | "couple")
                        || (self.w(i + 1) == "future"
                            && self.kind(i + 2) == Some(Kind::Word)
                            && nx != "and"
                            && nx != "or"
                            && nx != "as");
                    if !blocked {
                        let v = if self.w(i + 1) == "past" {
                            "PAST_REF"
                        } else {
                            "FUTURE_REF"
                        };
                        return Self::c(i, i + 2, Sem::Ref(v));
                    }
                }
                if self.w(i + 1) == "time"
                    && self.prev(i) == "at"
                    && !matches!(
                        self.w(i + 2),
                        "of" | "when" | "that" | "to" | "for" | "being"
                    )
                {
                    return Self::c(i - 1, i + 2, Sem::Ref("PAST_REF"));
                }
            }
            "this" | "last"
                if matches!(self.w(i + 1), "morning" | "afternoon" | "evening" | "night") =>
            {
                let pod = pod_word(self.w(i + 1))?;
                let day = if w == "last" { -1 } else { 0 };
                if w == "last" && pod != "NI" {
                    return None;
                }
                return Self::c(
                    i,
                    i + 2,
                    Sem::PartOfDay {
                        pod,
                        day: Box::new(Sem::DayRel(day)),
                    },
                );
            }
            _ => {}
        }
        None
    }

    /// 9/14/2023, 2023-09-14, 14.09.2023, 2023-09-14T15:00.
    fn numeric_date(&self, i: usize) -> Option<Cand> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Num {
            return None;
        }
        let s = t.low.as_str();
        if s.len() >= 10 && s.as_bytes().get(4) == Some(&b'-') {
            let y: i32 = s[0..4].parse().ok()?;
            let m: u32 = s.get(5..7)?.parse().ok()?;
            let d: u32 = s.get(8..10)?.parse().ok()?;
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                return None;
            }
            let cal = Sem::Cal {
                y: Some(y),
                m,
                d: Some(d),
                rel: Rel::Tense,
            };
            if let Some(rest) = s.get(10..).and_then(|r| r.strip_prefix('t')) {
                let mut it = rest.split(':');
                let h: u32 = it.next()?.parse().ok()?;
                let mi: u32 = it
                    .next()
                    .and_then(|x| x.get(..2))
                    .and_then(|x| x.parse().ok())
                    .unwrap_or(0);
                if h <= 24 && mi < 60 {
                    return Self::c(
                        i,
                        i + 1,
                        Sem::Clock {
                            h,
                            m: mi,
                            day: Some(Box::new(cal)),
                        },
                    );
                }
            }
            return Self::c(i, i + 1, cal);
        }
        for sep in ['/', '.'] {
            let parts: Vec<&str> = s.split(sep).collect();
            if parts.len() < 2
                || parts.len() > 3
                || !parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            {
                continue;
            }
            if sep == '.' && parts.len() != 3 {
                continue;
            }
            // 2023/09/14
            if parts.len() == 3 && parts[0].len() == 4 && sep == '/' {
                let y: i32 = parts[0].parse().ok()?;
                let m: u32 = parts[1].parse().ok()?;
                let d: u32 = parts[2].parse().ok()?;
                if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                    return None;
                }
                return Self::c(
                    i,
                    i + 1,
                    Sem::Cal {
                        y: Some(y),
                        m,
                        d: Some(d),
                        rel: Rel::Tense,
                    },
                );
            }
            let a: u32 = parts[0].parse().ok()?;
            let b: u32 = parts[1].parse().ok()?;
            let y = if parts.len() == 3 {
                let yy: i32 = parts[2].parse().ok()?;
                Some(match parts[2].len() {
                    2 => {
                        if yy < 50 {
                            2000 + yy
                        } else {
                            1900 + yy
                        }
                    }
                    4 => yy,
                    _ => return None,
                })
            } else {
                // m/d alone: only with a date-ish context
                if parts[0].len() > 2
                    || parts[1].len() > 2
                    || !matches!(self.prev(i), "on" | "since" | "until" | "by" | "from")
                {
                    return None;
                }
                None
            };
            let (m, d) = if sep == '.' || a > 12 { (b, a) } else { (a, b) };
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                return None;
            }
            return Self::c(
                i,
                i + 1,
                Sem::Cal {
                    y,
                    m,
                    d: Some(d),
                    rel: Rel::Tense,
                },
            );
        }
        None
    }

    /// "Sept. 14", "September 14, 2023", "September 2023", "March of 2013", "in March".
    fn month_date(&self, i: usize) -> Option<Cand> {
        let (m, e) = self.month(i)?;
        // Month Day [,] [Year]
        if let Some(t) = self.t.get(e) {
            if let Some(d) = day_num(t) {
                let mut end = e + 1;
                // "March 20 last year"
                if matches!(self.w(end), "this" | "last" | "next") && self.w(end + 1) == "year" {
                    let off = match self.w(end) {
                        "this" => 0,
                        "last" => -1,
                        _ => 1,
                    };
                    return Self::c(i, end + 2, Sem::MonthOfYear { m, d: Some(d), off });
                }
                let mut y = None;
                let k = if self.w(end) == "," { end + 1 } else { end };
                if let Some(yy) = self.t.get(k).and_then(year_num) {
                    y = Some(yy);
                    end = k + 1;
                }
                return Self::c(
                    i,
                    end,
                    Sem::Cal {
                        y,
                        m,
                        d: Some(d),
                        rel: Rel::Tense,
                    },
                );
            }
        }
        // Month [of] this/last/next year
        let k = if self.w(e) == "of" { e + 1 } else { e };
        if matches!(self.w(k), "this" | "last" | "next") && self.w(k + 1) == "year" {
            let off = match self.w(k) {
                "this" => 0,
                "last" => -1,
                _ => 1,
            };
            return Self::c(i, k + 2, Sem::MonthOfYear { m, d: None, off });
        }
        // Month [of|,] Year
        let k = if matches!(self.w(e), "of" | ",") {
            e + 1
        } else {
            e
        };
        if let Some(yy) = self.t.get(k).and_then(year_num) {
            return Self::c(
                i,
                k + 1,
                Sem::Cal {
                    y: Some(yy),
                    m,
                    d: None,
                    rel: Rel::Tense,
                },
            );
        }
        // Month alone, in a date context
        let p = self.prev(i);
        let rel = match p {
            "last" | "past" => Rel::Last,
            "next" | "coming" => Rel::Next,
            "this" => Rel::This,
            _ => Rel::Tense,
        };
        let ctx_ok = matches!(
            p,
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "during"
                | "early"
                | "late"
                | "mid"
                | "-"
                | "from"
                | "through"
                | "before"
                | "after"
                | "last"
                | "next"
                | "this"
                | "of"
                | "and"
                | "or"
                | "between"
                | "to"
                | "past"
                | "coming"
        ) || (m != 5
            && m != 3
            && matches!(self.w(e), "," | "." | "and" | "or" | "to" | "-")
            && !self.cap(e + 1)
            && p != "the")
            // "the September vote", "its March meeting": a month modifying a noun
            || (m != 5
                && matches!(p, "the" | "a" | "its" | "his" | "her" | "their" | "'s")
                && self.t.get(e).is_some_and(|t| {
                    t.kind == Kind::Word
                        && !t.cap
                        && !matches!(
                            t.low.as_str(),
                            "on" | "to" | "of" | "for" | "in" | "at" | "by" | "from" | "with" | "against" | "and" | "or" | "through" | "past" | "into"
                        )
                }));
        if !ctx_ok {
            return None;
        }
        if m == 5
            && !matches!(
                p,
                "in" | "since"
                    | "until"
                    | "by"
                    | "during"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "-"
                    | "from"
                    | "through"
                    | "of"
            )
        {
            return None;
        }
        let s = if matches!(rel, Rel::Tense) { i } else { i - 1 };
        Self::c(
            s,
            e,
            Sem::Cal {
                y: None,
                m,
                d: None,
                rel,
            },
        )
    }

    /// "14 September 2023", "the 14th of September".
    fn day_month(&self, i: usize) -> Option<Cand> {
        let (s, di) = if self.w(i) == "the" {
            (i, i + 1)
        } else {
            (i, i)
        };
        let d = day_num(self.t.get(di)?)?;
        let mut k = di + 1;
        if self.w(k) == "of" {
            k += 1;
        } else if s != di {
            return None;
        }
        let (m, e) = self.month(k)?;
        let mut end = e;
        let mut y = None;
        let k2 = if self.w(end) == "," { end + 1 } else { end };
        if let Some(yy) = self.t.get(k2).and_then(year_num) {
            y = Some(yy);
            end = k2 + 1;
        }
        Self::c(
            s,
            end,
            Sem::Cal {
                y,
                m,
                d: Some(d),
                rel: Rel::Tense,
            },
        )
    }

    fn year_context_ok(&self, i: usize) -> bool {
        let p = self.prev(i);
        let n = self.w(i + 1);
        if matches!(
            p,
            "$" | "€"
                | "£"
                | "#"
                | "no"
                | "number"
                | "nos"
                | "roughly"
                | "nearly"
                | "approximately"
                | "almost"
                | "some"
                | "about"
        ) || matches!(
            n,
            "%" | "percent"
                | "per"
                | ":"
                | "gmt"
                | "utc"
                | "hours"
                | "hrs"
                | "local"
                | "est"
                | "et"
                | "edt"
                | "bst"
                | "cet"
                | "pst"
        ) {
            return false;
        }
        if matches!(p, "," | "of") && self.kind(i.wrapping_sub(2)) == Some(Kind::Num) {
            // "page 3, 2000 copies" — unlikely; "of 1,000"
        }
        if let Some(t) = self.t.get(i + 1) {
            let l = t.low.as_str();
            if t.kind == Kind::Word
                && !t.cap
                && l.len() > 3
                && l.ends_with('s')
                && !l.ends_with("ss")
                && !l.ends_with("us")
                && !l.ends_with("is")
                && !l.ends_with("ics")
            {
                let fw = [
                    "was",
                    "has",
                    "his",
                    "its",
                    "this",
                    "thus",
                    "does",
                    "is",
                    "as",
                    "us",
                    "always",
                    "sales",
                    "elections",
                    "olympics",
                    "games",
                    "results",
                    "figures",
                ];
                if !fw.contains(&t.low.as_str()) {
                    return false;
                }
            }
            if t.kind == Kind::Num {
                return false;
            }
            if matches!(
                l,
                "people"
                    | "children"
                    | "men"
                    | "women"
                    | "police"
                    | "staff"
                    | "personnel"
                    | "feet"
                    | "cattle"
                    | "sheep"
                    | "fish"
            ) {
                return false;
            }
        }
        true
    }

    /// A year: "2019", "fiscal 2023", "FY2023", "fiscal year 2023".
    fn year(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        if w == "fiscal" || w == "fy" {
            let mut k = i + 1;
            if w == "fiscal" && self.w(k) == "year" {
                k += 1;
            }
            if let Some(y) = self.t.get(k).and_then(year_num) {
                return Self::c(i, k + 1, Sem::Year(y));
            }
            return None;
        }
        let t = self.t.get(i)?;
        // "1957-58", "2022-23": the second year of a span
        if t.kind == Kind::Num
            && t.low.len() == 2
            && t.low.chars().all(|c| c.is_ascii_digit())
            && self.prev(i) == "-"
            && self.glued(i)
            && i >= 2
            && self.glued(i - 1)
        {
            if let Some(y1) = self.t.get(i - 2).and_then(year_num) {
                let yy: i32 = t.low.parse().ok()?;
                let y2 = y1 / 100 * 100 + yy;
                if y2 > y1 && y2 - y1 < 10 {
                    return Self::c(i, i + 1, Sem::Year(y2));
                }
            }
            return None;
        }
        let y = year_num(t)?;
        if !self.year_context_ok(i) {
            return None;
        }
        if y < 1800 && !YEAR_PREP.contains(&self.prev(i)) {
            return None;
        }
        if y > 2100 && !YEAR_PREP.contains(&self.prev(i)) {
            return None;
        }
        Self::c(i, i + 1, Sem::Year(y))
    }

    /// "1990s", "the '90s", "the nineties", "the 20th century".
    fn decade(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let (s, k) = if w == "the" { (i + 1, i + 1) } else { (i, i) };
        let wk = self.w(k);
        if self.kind(k) == Some(Kind::Num) && wk.ends_with('s') {
            let digits = &wk[..wk.len() - 1];
            if digits.len() == 4
                && digits.ends_with('0')
                && digits.chars().all(|c| c.is_ascii_digit())
            {
                let v: i32 = digits[..3].parse().ok()?;
                return Self::c(s, k + 1, Sem::Decade(v));
            }
        }
        if wk == "'" && self.kind(k + 1) == Some(Kind::Num) {
            let w2 = self.w(k + 1);
            if w2.len() == 3 && w2.ends_with("0s") {
                let d: i32 = w2[..1].parse().ok()?;
                let v = if d <= 2 { 200 + d } else { 190 + d };
                return Self::c(s, k + 2, Sem::Decade(v));
            }
        }
        if w == "the" {
            let dec = match wk {
                "twenties" => 192,
                "thirties" => 193,
                "forties" => 194,
                "fifties" => 195,
                "sixties" => 196,
                "seventies" => 197,
                "eighties" => 198,
                "nineties" => 199,
                _ => 0,
            };
            if dec > 0 {
                return Self::c(s, k + 1, Sem::Decade(dec));
            }
            if self.kind(k) == Some(Kind::Num) && wk.len() == 3 && wk.ends_with("0s") {
                let d: i32 = wk[..1].parse().ok()?;
                let v = if d <= 2 { 200 + d } else { 190 + d };
                return Self::c(s, k + 1, Sem::Decade(v));
            }
        }
        // centuries
        let mut o = k;
        let mut ord_v = ordinal(self.w(o));
        if ord_v.is_none()
            && self.w(o) == "twenty"
            && self.w(o + 1) == "-"
            && self.w(o + 2) == "first"
        {
            ord_v = Some(21);
            o += 2;
        }
        if let Some(n) = ord_v {
            if (1..=30).contains(&n) && self.w(o + 1) == "century" {
                return Self::c(s, o + 2, Sem::Century(n as i32 - 1));
            }
        }
        None
    }

    /// "Wednesday", "last Friday", "next Monday", "this Wednesday".
    fn weekday(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let (rel, k) = match w {
            "last" | "past" => (Rel::Last, i + 1),
            "next" | "coming" => (Rel::Next, i + 1),
            "this" => (Rel::This, i + 1),
            _ => (Rel::Tense, i),
        };
        let (wd, plural) = weekday_word(self.w(k))?;
        if !self.cap(k) {
            return None;
        }
        // "the Sunday trade ban": a weekday modifying a noun
        if rel == Rel::Tense && matches!(self.prev(i), "the" | "a" | "every") {
            let nx = self.t.get(k + 1);
            if nx.is_some_and(|t| {
                t.kind == Kind::Word
                    && !t.cap
                    && pod_word(&t.low).is_none()
                    && !matches!(
                        t.low.as_str(),
                        "before" | "after" | "and" | "or" | "when" | "that"
                    )
            }) {
                return None;
            }
        }
        if plural {
            if rel != Rel::Tense {
                return None;
            }
            return Self::c(
                i,
                k + 1,
                Sem::Raw(format!("XXXX-WXX-{wd}"), crate::TimeKind::Set),
            );
        }
        Self::c(i, k + 1, Sem::Weekday { wd, rel })
    }

    /// this/last/next + week/month/year/…, "last May", "next summer", "the current year",
    /// "the previous year".
    fn relative(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let (off, k): (i64, usize) = match w {
            "this" | "current" => (0, i + 1),
            "last" | "past" | "previous" | "prior" => (-1, i + 1),
            "next" | "coming" => (1, i + 1),
            "the" => match self.w(i + 1) {
                "current" | "present" => (0, i + 2),
                "previous" | "prior" => (-1, i + 2),
                "coming" => (1, i + 2),
                _ => return None,
            },
            _ => return None,
        };
        if matches!(
            w,
            "past" | "previous" | "prior" | "coming" | "current" | "last" | "next"
        ) && self.prev(i) == "the"
        {
            return None; // "the past year": a duration
        }
        let mut u = k;
        let fiscal = self.w(u) == "fiscal";
        if fiscal {
            u += 1;
        }
        let uw = self.w(u);
        if let Some((unit, false)) = unit_word(uw) {
            if matches!(
                unit,
                Unit::Second | Unit::Minute | Unit::Hour | Unit::Fortnight
            ) {
                return None;
            }
            if unit == Unit::Day {
                return None;
            }
            if w == "the"
                && unit != Unit::Year
                && unit != Unit::Month
                && unit != Unit::Week
                && unit != Unit::Quarter
            {
                return None;
            }
            return Self::c(i, u + 1, Sem::UnitRel { unit, off });
        }
        if uw == "weekend" {
            return Self::c(i, u + 1, Sem::Weekend(off));
        }
        if w == "the" {
            return None;
        }
        if let Some(s) = season_word(uw) {
            return Self::c(
                i,
                u + 1,
                Sem::Season {
                    s,
                    year: YearSpec::Rel(off as i32),
                },
            );
        }
        if let Some((m, e)) = self.month(u) {
            let rel = match off {
                0 => Rel::This,
                -1 => Rel::Last,
                _ => Rel::Next,
            };
            return Self::c(
                i,
                e,
                Sem::Cal {
                    y: None,
                    m,
                    d: None,
                    rel,
                },
            );
        }
        None
    }

    /// "the third quarter", "Q3 2023", "the fourth quarter of 2022", "third-quarter",
    /// "the first half of 2023", "the fiscal second quarter".
    fn quarter(&self, i: usize) -> Option<Cand> {
        let mut k = i;
        if self.w(k) == "the" {
            k += 1;
        }
        let w = self.w(k);
        // Q3 [2023]
        if w.len() == 2 && (w == "q1" || w == "q2" || w == "q3" || w == "q4") {
            let q: u32 = w[1..].parse().ok()?;
            let mut e = k + 1;
            let mut year = YearSpec::Tense;
            if let Some(y) = self.t.get(e).and_then(year_num) {
                year = YearSpec::Abs(y);
                e += 1;
            }
            return Self::c(i, e, Sem::Quarter { q, year });
        }
        let mut o = k;
        let fiscal_first = self.w(o) == "fiscal";
        if fiscal_first {
            o += 1;
        }
        let n = ordinal(self.w(o))?;
        let mut u = o + 1;
        if self.w(u) == "-" {
            u += 1;
        }
        if self.w(u) == "fiscal" {
            u += 1;
        }
        let is_q = self.w(u) == "quarter";
        let is_h = self.w(u) == "half";
        if !(is_q && (1..=4).contains(&n) || is_h && (1..=2).contains(&n)) {
            return None;
        }
        if is_h && k == i {
            return None; // "first half" needs "the"
        }
        let mut e = u + 1;
        let mut year = YearSpec::Tense;
        if self.w(e) == "of" || (self.w(e) == "," && self.t.get(e + 1).and_then(year_num).is_some())
        {
            let mut y = e + 1;
            if self.w(y) == "fiscal" {
                y += 1;
                if self.w(y) == "year" {
                    y += 1;
                }
            }
            if let Some(yy) = self.t.get(y).and_then(year_num) {
                year = YearSpec::Abs(yy);
                e = y + 1;
            } else if matches!(self.w(y), "this" | "last" | "next") && self.w(y + 1) == "year" {
                year = YearSpec::Rel(match self.w(y) {
                    "this" => 0,
                    "last" => -1,
                    _ => 1,
                });
                e = y + 2;
            } else if self.w(y) == "the" && self.w(y + 1) == "year" {
                year = YearSpec::Rel(0);
                e = y + 2;
            }
        } else if let Some(yy) = self.t.get(e).and_then(year_num) {
            year = YearSpec::Abs(yy);
            e += 1;
        }
        if is_h {
            // "the second half" of a match is not a time; a year's half names its year
            if year == YearSpec::Tense {
                return None;
            }
            return Self::c(i, e, Sem::Half { h: n, year });
        }
        Self::c(i, e, Sem::Quarter { q: n, year })
    }

    /// "summer of 2019", "in the summer", "winter 2022".
    fn season(&self, i: usize) -> Option<Cand> {
        let (s0, k) = if self.w(i) == "the" {
            (i, i + 1)
        } else {
            (i, i)
        };
        let s = season_word(self.w(k))?;
        let mut e = k + 1;
        let yk = if self.w(e) == "of" { e + 1 } else { e };
        if let Some(y) = self.t.get(yk).and_then(year_num) {
            e = yk + 1;
            return Self::c(
                s0,
                e,
                Sem::Season {
                    s,
                    year: YearSpec::Abs(y),
                },
            );
        }
        // bare season: after in/during/since/until/this, not "fall" (a verb) unless "the fall"
        let p = self.prev(s0);
        if !matches!(
            p,
            "in" | "during" | "since" | "until" | "by" | "over" | "through"
        ) {
            return None;
        }
        if self.w(e) == "of" || (s == "FA" && self.w(k) == "fall" && s0 == k) {
            return None;
        }
        if self.kind(e) == Some(Kind::Word)
            && !matches!(
                self.w(e),
                "and" | "or" | "when" | "as" | "to" | "before" | "after"
            )
            && unit_word(self.w(e)).is_none()
        {
            // "in summer camps": a modifier, not a time
            if !self.t.get(e).is_some_and(|t| t.cap) {
                return None;
            }
        }
        Self::c(
            s0,
            e,
            Sem::Season {
                s,
                year: YearSpec::Tense,
            },
        )
    }

    /// Durations and the expressions built on them: "three years", "the past decade",
    /// "18 months", "two-year", "recent weeks", "for years", "two years ago", "three years
    /// later", "two weeks from now".
    fn duration(&self, i: usize) -> Option<Cand> {
        let mut k = i;
        let mut the = false;
        if self.w(k) == "the" {
            the = true;
            k += 1;
        }
        let mut dir = 0i64; // -1 past/last/previous, +1 next/coming/following
        let mut lead = false;
        match self.w(k) {
            "past" | "last" | "previous" | "preceding" => {
                dir = -1;
                lead = true;
            }
            "next" | "coming" | "following" | "upcoming" => {
                dir = 1;
                lead = true;
            }
            "recent" | "first" | "final" | "latest" => {
                lead = true;
            }
            _ => {}
        }
        if lead {
            k += 1;
        }
        // "between 3 and 5 years": the first number takes the unit of the second
        if !lead && !the && self.kind(k) == Some(Kind::Num) {
            if let Some((Num::N(v), e1)) = self.number(k) {
                if matches!(self.w(e1), "and" | "to" | "or" | "-") {
                    if let Some((_, e2)) = self.number(e1 + 1) {
                        if let Some((unit, true)) = unit_word(self.w(e2)) {
                            if matches!(self.w(e2 + 1), "old" | "-") {
                                return None;
                            }
                            return Self::c(i, e1, Sem::Dur { n: Num::N(v), unit });
                        }
                    }
                }
            }
        }
        // "the past few years", "the last two decades", "three years", "a decade"
        let (num, nu) = match self.number(k) {
            Some((n, e))
                if unit_word(self.w(e)).is_some()
                    || (self.w(e) == "-" && unit_word(self.w(e + 1)).is_some()) =>
            {
                (Some(n), e)
            }
            _ => (None, k),
        };
        let mut u = nu;
        let mut adjectival = false;
        if num.is_some() && self.w(u) == "-" {
            adjectival = true;
            u += 1;
        }
        let (unit, plural) = unit_word(self.w(u))?;
        let mut e = u + 1;
        // "Google's 2004 Year-End report": a year before a capitalised word, not a duration
        if self.cap(u) && u > i {
            return None;
        }
        if let Some(t) = self.t.get(k) {
            if num.is_some() && year_num(t).is_some() && !t.low.contains(',') && unit > Unit::Day {
                return None;
            }
        }
        // ages: "82 years old", "a 48-year-old"
        if self.w(e) == "old" || (self.w(e) == "-" && self.w(e + 1) == "old") {
            return None;
        }
        // "a quarter of a million", "a quarter before 11", "three quarters of the states"
        if matches!(unit, Unit::Quarter)
            && (matches!(self.w(e), "of")
                || num == Some(Num::N(1.0))
                    && matches!(self.w(e), "before" | "after" | "past" | "to"))
        {
            return None;
        }
        if adjectival {
            if self.w(e) == "-" && self.w(e + 1) == "old" {
                return None;
            }
            if plural {
                return None;
            }
            // "the first three-month class": the adjective alone is the duration
            let start = if lead || the { k } else { i };
            return Self::c(start, e, Sem::Dur { n: num?, unit });
        }
        if unit == Unit::Second && num.is_none() {
            return None;
        }
        // "a second goal", "one second man": the ordinal, not the unit
        if unit == Unit::Second
            && !plural
            && self.t.get(e).is_some_and(|t| {
                t.kind == Kind::Word
                    && !matches!(
                        t.low.as_str(),
                        "later"
                            | "earlier"
                            | "ago"
                            | "before"
                            | "after"
                            | "and"
                            | "or"
                            | "of"
                            | "that"
                    )
            })
        {
            return None;
        }
        let n = match num {
            Some(n) => n,
            None => {
                // no number: "the past year", "the next decade", "recent weeks", "for years"
                if lead {
                    if !the && !matches!(self.w(i), "recent" | "coming" | "past") {
                        return None;
                    }
                    if !plural && self.w(i + usize::from(the)) == "recent" {
                        return None;
                    }
                    if !plural && !the {
                        return None;
                    }
                    if !plural
                        && (matches!(self.w(k - 1), "first" | "final" | "latest")
                            || dir == 1 && !matches!(unit, Unit::Decade | Unit::Century))
                    {
                        // "the next day"/"the following week" are dates (anchored);
                        // "the first year" is not a time
                        return None;
                    }
                    if plural {
                        Num::X
                    } else {
                        Num::N(1.0)
                    }
                } else if plural && !the {
                    let p = self.prev(i);
                    let nx = self.w(e);
                    if matches!(nx, "ago" | "earlier") && unit >= Unit::Day {
                        return Self::c(i, e + 1, Sem::Ref("PAST_REF"));
                    }
                    let takes = matches!(
                        p,
                        "take"
                            | "takes"
                            | "took"
                            | "taking"
                            | "taken"
                            | "spend"
                            | "spent"
                            | "spends"
                            | "last"
                            | "lasted"
                            | "lasts"
                            | "wait"
                            | "waited"
                            | "waiting"
                    );
                    let after_verb = (takes || matches!(p, "for" | "within" | "over" | "in"))
                        && !matches!(nx, "of" | "'");
                    let before_event = matches!(nx, "before" | "after")
                        && matches!(self.kind(e + 1), Some(Kind::Word));
                    if !((after_verb || before_event) && unit >= Unit::Minute) {
                        return None;
                    }
                    Num::X
                } else {
                    return None;
                }
            }
        };
        if the && !lead && num.is_some() && !matches!(self.w(e), "of" | "since" | "to") {
            // "the 90 years": keep "the"
        } else if the && !lead {
            return None;
        }
        if the && num.is_none() && !lead {
            return None;
        }
        // suffixes
        match self.w(e) {
            "ago" if !lead => {
                return Self::c(i, e + 1, Sem::Ago { n, unit });
            }
            "later" | "earlier" | "afterwards" | "afterward" | "before" | "after"
                if !lead && self.w(e + 1) != "than" && num.is_some() =>
            {
                let before_after = matches!(self.w(e), "before" | "after");
                // "two days before the vote": anchored on an event, left as a duration
                if before_after
                    && self.kind(e + 1) == Some(Kind::Word)
                    && !matches!(self.w(e + 1), "that" | "this")
                {
                    return Self::c(i, e, Sem::Dur { n, unit });
                }
                let sign = if matches!(self.w(e), "earlier" | "before") {
                    -1
                } else {
                    1
                };
                return Self::c(i, e + 1, Sem::Later { n, unit, sign });
            }
            "from" if self.w(e + 1) == "now" && !lead => {
                return Self::c(i, e + 2, Sem::FromNow { n, unit });
            }
            _ => {}
        }
        if the && num.is_some() && self.prev(i) == "of" && matches!(self.w(e), "of") {
            return None;
        }
        if self.w(e) == "'" && plural {
            e += 1;
        }
        let _ = dir;
        Self::c(i, e, Sem::Dur { n, unit })
    }

    /// "3 p.m.", "3:30pm", "15:00 GMT", "noon", "midnight", "3:07:35" (a duration).
    fn clock(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        if w == "noon" || w == "midday" {
            return Self::c(
                i,
                i + 1,
                Sem::Clock {
                    h: 12,
                    m: 0,
                    day: None,
                },
            );
        }
        // military time before a zone: "1657 UTC"
        if self.kind(i) == Some(Kind::Num)
            && w.len() == 4
            && w.chars().all(|c| c.is_ascii_digit())
            && matches!(self.w(i + 1), "gmt" | "utc")
        {
            let h: u32 = w[..2].parse().ok()?;
            let m: u32 = w[2..].parse().ok()?;
            if h <= 23 && m <= 59 {
                return Self::c(i, i + 2, Sem::Clock { h, m, day: None });
            }
        }
        if w == "midnight" {
            return Self::c(
                i,
                i + 1,
                Sem::Clock {
                    h: 24,
                    m: 0,
                    day: None,
                },
            );
        }
        if self.kind(i) != Some(Kind::Num) {
            return None;
        }
        // split "3:30pm"
        let (numpart, suffix) = match w.find(|c: char| c.is_ascii_alphabetic()) {
            Some(p) => (&w[..p], &w[p..]),
            None => (w, ""),
        };
        let parts: Vec<&str> = numpart.split(':').collect();
        if parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
        let mut e = i + 1;
        let ampm = if !suffix.is_empty() {
            match suffix {
                "am" => Some(false),
                "pm" => Some(true),
                _ => return None,
            }
        } else {
            match self.w(e) {
                "a.m." | "am" => {
                    e += 1;
                    Some(false)
                }
                "p.m." | "pm" => {
                    e += 1;
                    Some(true)
                }
                _ => None,
            }
        };
        if parts.len() == 3 && ampm.is_none() {
            let h: u32 = parts[0].parse().ok()?;
            let m: u32 = parts[1].parse().ok()?;
            let s: u32 = parts[2].parse().ok()?;
            if m < 60 && s < 60 && parts[1].len() == 2 {
                let mut v = String::from("PT");
                if h > 0 {
                    v += &format!("{h}H");
                }
                if m > 0 {
                    v += &format!("{m}M");
                }
                if s > 0 {
                    v += &format!("{s}S");
                }
                return Self::c(i, i + 1, Sem::Raw(v, crate::TimeKind::Duration));
            }
            return None;
        }
        if parts.len() > 2 {
            return None;
        }
        let mut h: u32 = parts[0].parse().ok()?;
        let m: u32 = if parts.len() == 2 {
            if parts[1].len() != 2 {
                return None;
            }
            parts[1].parse().ok()?
        } else {
            0
        };
        if m >= 60 {
            return None;
        }
        match ampm {
            Some(pm) => {
                if !(1..=12).contains(&h) {
                    return None;
                }
                if pm && h != 12 {
                    h += 12;
                }
                if !pm && h == 12 {
                    h = 0;
                }
            }
            None => {
                if parts.len() != 2 || h > 24 {
                    return None;
                }
            }
        }
        // time zone
        let tz = [
            "gmt", "utc", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "bst", "cet",
            "cest", "jst", "ist", "mt", "mst", "mdt",
        ];
        let has_tz = tz.contains(&self.w(e));
        if has_tz {
            e += 1;
        } else if self.w(e) == "local" && self.w(e + 1) == "time" {
            e += 2;
        }
        if ampm.is_none()
            && !has_tz
            && !matches!(
                self.prev(i),
                "at" | "by" | "until" | "from" | "around" | "before" | "after" | "till"
            )
        {
            return None;
        }
        Self::c(i, e, Sem::Clock { h, m, day: None })
    }

    /// "every week", "each Monday", "every morning", "daily", "twice a year".
    fn set(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let fixed = match w {
            "daily" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "annually" | "yearly" => Some("P1Y"),
            "hourly" => Some("PT1H"),
            "nightly" => Some("XXXX-XX-XXTNI"),
            _ => None,
        };
        if let Some(v) = fixed {
            // "daily" the adverb, not "a daily newspaper" or "on a daily basis"
            let nx = self.t.get(i + 1);
            let adverb = nx.is_none_or(|t| {
                t.kind == Kind::Punct
                    || matches!(
                        t.low.as_str(),
                        "and"
                            | "or"
                            | "but"
                            | "for"
                            | "since"
                            | "in"
                            | "at"
                            | "to"
                            | "until"
                            | "from"
                            | "during"
                            | "between"
                            | "with"
                            | "by"
                            | "on"
                            | "throughout"
                            | "across"
                    )
            });
            if !adverb || matches!(self.prev(i), "a" | "an" | "the") {
                return None;
            }
            return Self::c(i, i + 1, Sem::Raw(v.to_string(), crate::TimeKind::Set));
        }
        if matches!(w, "once" | "twice") || (self.number(i).is_some() && self.w(i + 1) == "times") {
            let k = if matches!(w, "once" | "twice") {
                i + 1
            } else {
                i + 2
            };
            if matches!(self.w(k), "a" | "per" | "every" | "each") {
                if let Some((u, false)) = unit_word(self.w(k + 1)) {
                    return Self::c(
                        i,
                        k + 2,
                        Sem::Raw(format!("P1{}", unit_code(u, 1.0).1), crate::TimeKind::Set),
                    );
                }
            }
            return None;
        }
        if !matches!(w, "every" | "each") {
            return None;
        }
        let mut k = i + 1;
        let mut step = 1;
        if self.w(k) == "other" {
            step = 2;
            k += 1;
        }
        let nx = self.w(k);
        if let Some((u, false)) = unit_word(nx) {
            if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
                return Self::c(
                    i,
                    k + 1,
                    Sem::Raw(
                        format!("PT{}{}", step, unit_code(u, 1.0).1),
                        crate::TimeKind::Set,
                    ),
                );
            }
            let (mult, code) = unit_code(u, 1.0);
            return Self::c(
                i,
                k + 1,
                Sem::Raw(format!("P{}{}", step * mult, code), crate::TimeKind::Set),
            );
        }
        if let Some((wd, false)) = weekday_word(nx) {
            return Self::c(
                i,
                k + 1,
                Sem::Raw(format!("XXXX-WXX-{wd}"), crate::TimeKind::Set),
            );
        }
        if let Some(p) = pod_word(nx) {
            return Self::c(
                i,
                k + 1,
                Sem::Raw(format!("XXXX-XX-XXT{p}"), crate::TimeKind::Set),
            );
        }
        if let Some(s) = season_word(nx) {
            return Self::c(
                i,
                k + 1,
                Sem::Raw(format!("XXXX-{s}"), crate::TimeKind::Set),
            );
        }
        if let Some((m, e)) = self.month(k) {
            return Self::c(i, e, Sem::Raw(format!("XXXX-{m:02}"), crate::TimeKind::Set));
        }
        None
    }

    /// "the next day", "the following week", "the same day", "the day before", "that day".
    fn anchored(&self, i: usize) -> Option<Cand> {
        if self.w(i) != "the" {
            return None;
        }
        let w1 = self.w(i + 1);
        if let Some((u, false)) = unit_word(w1) {
            if !matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
                return None;
            }
            let off = match self.w(i + 2) {
                "before" => -1,
                "after" => 1,
                _ => return None,
            };
            // "the day before the vote" is anchored on an event we cannot see
            if self.kind(i + 3) == Some(Kind::Word)
                && !matches!(self.w(i + 3), "and" | "but" | "when")
            {
                return None;
            }
            return Self::c(i, i + 3, Sem::Anchored { unit: u, off });
        }
        let off = match w1 {
            "next" | "following" => 1,
            "previous" | "preceding" => -1,
            "same" => 0,
            _ => return None,
        };
        let (u, plural) = unit_word(self.w(i + 2))?;
        if plural || !matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
            return None;
        }
        Self::c(i, i + 3, Sem::Anchored { unit: u, off })
    }
}

/// (multiplier, TIMEX3 unit letter) of a unit: a decade is 10 years.
pub fn unit_code(u: Unit, _n: f64) -> (u32, &'static str) {
    match u {
        Unit::Second => (1, "S"),
        Unit::Minute => (1, "M"),
        Unit::Hour => (1, "H"),
        Unit::Day => (1, "D"),
        Unit::Week => (1, "W"),
        Unit::Fortnight => (2, "W"),
        Unit::Month => (1, "M"),
        Unit::Quarter => (3, "M"),
        Unit::Year => (1, "Y"),
        Unit::Decade => (10, "Y"),
        Unit::Century => (100, "Y"),
    }
}

/// Finds all expressions: a left-to-right longest-match scan, then merges.
pub fn find(text: &str, toks: &[Tok]) -> Vec<Cand> {
    let g = G { t: toks };
    let initial = |s: usize| -> bool {
        s == 0
            || matches!(
                toks[s - 1].low.as_str(),
                "." | "!" | "?" | "\"" | ":" | "(" | "-" | ";"
            )
            || text
                .get(toks[s - 1].end..toks[s].start)
                .is_some_and(|gap| gap.contains('\n'))
    };
    // a capitalised time word inside a name or title: "The Last Days of …", "The Daily
    // Telegraph", "Democracy Now!", "Kamloops This Week"
    let in_name = |c: &Cand| -> bool {
        if initial(c.s) {
            return false;
        }
        let checked = |t: &Tok| {
            t.cap
                && (unit_word(&t.low).is_some()
                    || pod_word(&t.low).is_some()
                    || season_word(&t.low).is_some()
                    || matches!(
                        t.low.as_str(),
                        "the"
                            | "this"
                            | "last"
                            | "next"
                            | "past"
                            | "now"
                            | "daily"
                            | "weekly"
                            | "monthly"
                            | "annually"
                            | "yearly"
                            | "today"
                            | "early"
                            | "late"
                            | "recently"
                            | "currently"
                    ))
        };
        if toks[c.s].low == "the" && toks[c.s].cap {
            return true;
        }
        if !toks[c.s..c.e].iter().any(checked) {
            return false;
        }
        let prev_cap = toks[c.s - 1].cap && toks[c.s - 1].kind == Kind::Word;
        let next_cap =
            toks.get(c.e).is_some_and(|t| t.cap && t.kind == Kind::Word) || g.w(c.e) == "!";
        prev_cap || next_cap
    };
    let mut out: Vec<Cand> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match g.match_at(i) {
            Some(c) if (c.s >= i || out.last().is_none_or(|l| l.e <= c.s)) && !in_name(&c) => {
                let e = c.e.max(i + 1);
                out.push(c);
                i = e;
            }
            _ => i += 1,
        }
    }
    merge(&g, out)
}

fn merge(g: &G, cands: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::new();
    let mut it = cands.into_iter().peekable();
    while let Some(mut c) = it.next() {
        loop {
            // day + part of day: "Friday afternoon", "yesterday morning"
            if c.sem.is_day() {
                if let Some(p) = pod_word(g.w(c.e)) {
                    c = Cand {
                        s: c.s,
                        e: c.e + 1,
                        sem: Sem::PartOfDay {
                            pod: p,
                            day: Box::new(c.sem),
                        },
                    };
                    continue;
                }
            }
            let Some(n) = it.peek() else { break };
            let gap: Vec<&str> = (c.e..n.s).map(|k| g.w(k)).collect();
            // "Thursday (September 14)", "Thursday, Sept. 14, 2023"
            if c.sem.is_day() && n.sem.is_day() {
                if gap == ["("] && g.w(n.e) == ")" {
                    let n = it.next().unwrap_or_else(|| unreachable!());
                    c = Cand {
                        s: c.s,
                        e: n.e + 1,
                        sem: prefer_explicit(c.sem, n.sem),
                    };
                    continue;
                }
                if (gap == [","] || gap.is_empty())
                    && matches!(c.sem, Sem::Weekday { .. })
                    && matches!(n.sem, Sem::Cal { .. })
                {
                    let n = it.next().unwrap_or_else(|| unreachable!());
                    c = Cand {
                        s: c.s,
                        e: n.e,
                        sem: prefer_explicit(c.sem, n.sem),
                    };
                    continue;
                }
            }
            // "September 14 (Thursday)"
            // clock + day: "3 p.m. Friday", "15:00 GMT Saturday"
            if let Sem::Clock { h, m, day: None } = c.sem {
                if n.sem.is_day() && (gap.is_empty() || gap == [","] || gap == ["on"]) {
                    let n = it.next().unwrap_or_else(|| unreachable!());
                    c = Cand {
                        s: c.s,
                        e: n.e,
                        sem: Sem::Clock {
                            h,
                            m,
                            day: Some(Box::new(n.sem)),
                        },
                    };
                    continue;
                }
            }
            // "13:30 on Monday, December 6"
            if let Sem::Clock {
                h,
                m,
                day: Some(ref d),
            } = c.sem
            {
                if matches!(**d, Sem::Weekday { .. })
                    && gap == [","]
                    && matches!(n.sem, Sem::Cal { d: Some(_), .. })
                {
                    let (h, m, d) = (h, m, (**d).clone());
                    let n = it.next().unwrap_or_else(|| unreachable!());
                    c = Cand {
                        s: c.s,
                        e: n.e,
                        sem: Sem::Clock {
                            h,
                            m,
                            day: Some(Box::new(prefer_explicit(d, n.sem))),
                        },
                    };
                    continue;
                }
            }
            // day + clock: "Friday 3 p.m.", "Friday at 3 p.m."
            if c.sem.is_day() && (gap.is_empty() || gap == ["at"]) {
                if let Sem::Clock { h, m, day: None } = n.sem {
                    let n2 = it.next().unwrap_or_else(|| unreachable!());
                    c = Cand {
                        s: c.s,
                        e: n2.e,
                        sem: Sem::Clock {
                            h,
                            m,
                            day: Some(Box::new(c.sem)),
                        },
                    };
                    continue;
                }
            }
            break;
        }
        out.push(c);
    }
    out
}

fn prefer_explicit(a: Sem, b: Sem) -> Sem {
    match (&a, &b) {
        (Sem::Weekday { wd, .. }, Sem::Cal { d: Some(_), .. }) => Sem::WdCal {
            wd: *wd,
            cal: Box::new(b),
        },
        (Sem::Cal { d: Some(_), .. }, Sem::Weekday { wd, .. }) => Sem::WdCal {
            wd: *wd,
            cal: Box::new(a),
        },
        (_, Sem::Cal { .. }) => b,
        (Sem::Cal { .. }, _) => a,
        _ => a,
    }
}
