//! Normalisation: turns a recognised [`Sem`] into a TIMEX3 type and value, given the article
//! date, the tense of the clause and the previously resolved time (for "three years later").

use crate::rules::{unit_code, Num, Rel, Sem, Unit, YearSpec};
use crate::tense::Tense;
use chrono::{Datelike, Duration, Months, NaiveDate};
use newsgraph_core::TimeType;

/// Granularity of a resolved point in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gran {
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
    Century,
}

/// A resolved point: its first day and its granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub date: NaiveDate,
    pub gran: Gran,
}

pub struct Ctx {
    pub dct: Option<NaiveDate>,
    pub tense: Tense,
    /// The previous resolved time expression in the document.
    pub anchor: Option<Point>,
    /// An explicit year in the same sentence ("In 2016 … until June").
    pub sent_year: Option<i32>,
}

pub struct Resolved {
    pub ttype: TimeType,
    pub value: Option<String>,
    /// The point it names, when it names one (anchors later expressions).
    pub point: Option<Point>,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub fn shift(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    let months = |k: i64| -> Option<NaiveDate> {
        if k >= 0 {
            d.checked_add_months(Months::new(u32::try_from(k).ok()?))
        } else {
            d.checked_sub_months(Months::new(u32::try_from(-k).ok()?))
        }
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(d),
        Unit::Day => d.checked_add_signed(Duration::try_days(n)?),
        Unit::Week => d.checked_add_signed(Duration::try_days(n.checked_mul(7)?)?),
        Unit::Fortnight => d.checked_add_signed(Duration::try_days(n.checked_mul(14)?)?),
        Unit::Month => months(n),
        Unit::Quarter => months(n.checked_mul(3)?),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
        Unit::Century => months(n.checked_mul(1200)?),
    }
}

fn gran_of(unit: Unit) -> Gran {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Gran::Day,
        Unit::Week | Unit::Fortnight => Gran::Week,
        Unit::Month => Gran::Month,
        Unit::Quarter => Gran::Quarter,
        Unit::Year => Gran::Year,
        Unit::Decade => Gran::Decade,
        Unit::Century => Gran::Century,
    }
}

pub fn format(p: Point) -> String {
    let d = p.date;
    match p.gran {
        Gran::Day => d.format("%Y-%m-%d").to_string(),
        Gran::Week => {
            let w = d.iso_week();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Gran::Month => format!("{:04}-{:02}", d.year(), d.month()),
        Gran::Quarter => format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1),
        Gran::Season => {
            let s = match d.month() {
                3..=5 => "SP",
                6..=8 => "SU",
                9..=11 => "FA",
                _ => "WI",
            };
            format!("{:04}-{}", d.year(), s)
        }
        Gran::Year => format!("{:04}", d.year()),
        Gran::Decade => format!("{:03}", d.year().div_euclid(10)),
        Gran::Century => format!("{:02}", d.year().div_euclid(100)),
    }
}

fn num_str(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

pub fn duration_value(n: Num, unit: Unit) -> String {
    let (mult, code) = unit_code(unit, 1.0);
    let t = if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
        "T"
    } else {
        ""
    };
    match n {
        Num::X => {
            let code = match unit {
                Unit::Decade => "DE",
                Unit::Century => "CE",
                Unit::Quarter => "Q",
                _ => code,
            };
            format!("P{t}X{code}")
        }
        Num::N(v) => format!("P{t}{}{code}", num_str(v * mult as f64)),
    }
}

/// Start of the period of `gran` containing `d`.
fn truncate(d: NaiveDate, gran: Gran) -> NaiveDate {
    let y = d.year();
    let r = match gran {
        Gran::Day => Some(d),
        Gran::Week => {
            d.checked_sub_signed(Duration::days(d.weekday().num_days_from_monday() as i64))
        }
        Gran::Month => ymd(y, d.month(), 1),
        Gran::Quarter => ymd(y, (d.month() - 1) / 3 * 3 + 1, 1),
        Gran::Season => Some(d),
        Gran::Year => ymd(y, 1, 1),
        Gran::Decade => ymd(y.div_euclid(10) * 10, 1, 1),
        Gran::Century => ymd(y.div_euclid(100) * 100, 1, 1),
    };
    r.unwrap_or(d)
}

fn season_month(s: &str) -> u32 {
    match s {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

/// The weekday `wd` (1 = Monday) chosen by `rel` and tense around `dct`.
fn pick_weekday(dct: NaiveDate, wd: u32, rel: Rel, tense: Tense) -> Option<NaiveDate> {
    let cur = dct.weekday().number_from_monday() as i64;
    let wd = wd as i64;
    let back = (cur - wd).rem_euclid(7); // days back to the last such day (0 = today)
    let fwd = (wd - cur).rem_euclid(7);
    let off = match rel {
        Rel::Last => {
            if back == 0 {
                -7
            } else {
                -back
            }
        }
        Rel::Next => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Rel::This => match tense {
            Tense::Past => -back,
            Tense::Future => fwd,
            _ => wd - cur,
        },
        Rel::Tense => match tense {
            Tense::Past | Tense::None => -back,
            Tense::Future => fwd,
            Tense::FutureInPast | Tense::LocalFutureInPast => {
                if back <= 2 {
                    -back
                } else {
                    fwd
                }
            }
            Tense::Present => {
                if fwd < back {
                    fwd
                } else {
                    -back
                }
            }
        },
    };
    dct.checked_add_signed(Duration::try_days(off)?)
}

/// Year of a year-less month (and day) chosen by `rel` and tense.
fn pick_year(dct: NaiveDate, m: u32, d: Option<u32>, rel: Rel, tense: Tense) -> i32 {
    let y = dct.year();
    let key = (m, d.unwrap_or(if d.is_none() { 0 } else { 1 }));
    let now = (dct.month(), if d.is_some() { dct.day() } else { 0 });
    match rel {
        Rel::Last => {
            if key < now {
                y
            } else {
                y - 1
            }
        }
        Rel::Next => {
            if key > now {
                y
            } else {
                y + 1
            }
        }
        Rel::This => y,
        Rel::Tense => match tense {
            Tense::Past => {
                // a past clause may still name a date a few weeks ahead ("the debate
                // on October 15 was cancelled"): that is nearer than a year back
                let ahead = d.and_then(|d| ymd(y, m, d)).map(|x| (x - dct).num_days());
                if key <= now || matches!(ahead, Some(a) if a <= 30) {
                    y
                } else {
                    y - 1
                }
            }
            Tense::Future => {
                // "will run from January 23" written on January 28
                let back = d.and_then(|d| ymd(y, m, d)).map(|x| (dct - x).num_days());
                if key >= now || matches!(back, Some(b) if b <= 7) {
                    y
                } else {
                    y + 1
                }
            }
            Tense::FutureInPast | Tense::LocalFutureInPast => {
                // ahead, unless it lies just behind the article date
                let this = ymd(y, m, d.unwrap_or(1)).map(|x| (dct - x).num_days());
                match this {
                    Some(back) if back <= 0 => y,
                    Some(back) if back <= if d.is_some() { 45 } else { 62 } => y,
                    _ => y + 1,
                }
            }
            _ => match d {
                // the nearest occurrence
                Some(d) => (y - 1..=y + 1)
                    .filter_map(|yy| ymd(yy, m, d).map(|x| (yy, (x - dct).num_days().abs())))
                    .min_by_key(|&(_, dist)| dist)
                    .map_or(y, |(yy, _)| yy),
                None => {
                    let diff = m as i32 - dct.month() as i32;
                    if diff > 6 {
                        y - 1
                    } else if diff < -6 {
                        y + 1
                    } else {
                        y
                    }
                }
            },
        },
    }
}

fn year_of(
    spec: YearSpec,
    dct: Option<NaiveDate>,
    start_month: u32,
    end_month: u32,
    tense: Tense,
) -> Option<i32> {
    match spec {
        YearSpec::Abs(y) => Some(y),
        YearSpec::Rel(o) => Some(dct?.year() + o),
        YearSpec::Tense => {
            let dct = dct?;
            let y = dct.year();
            let cm = dct.month();
            Some(match tense {
                Tense::Future => {
                    if end_month >= cm {
                        y
                    } else {
                        y + 1
                    }
                }
                Tense::Past | Tense::None => {
                    if start_month <= cm {
                        y
                    } else {
                        y - 1
                    }
                }
                Tense::Present | Tense::FutureInPast | Tense::LocalFutureInPast => y,
            })
        }
    }
}

fn base(ctx: &Ctx) -> Option<Point> {
    ctx.anchor.or(ctx.dct.map(|d| Point {
        date: d,
        gran: Gran::Day,
    }))
}

fn point(date: NaiveDate, gran: Gran) -> Resolved {
    let p = Point { date, gran };
    Resolved {
        ttype: TimeType::Date,
        value: Some(format(p)),
        point: Some(p),
    }
}

fn fixed(ttype: TimeType, v: impl Into<String>) -> Resolved {
    Resolved {
        ttype,
        value: Some(v.into()),
        point: None,
    }
}

fn none(ttype: TimeType) -> Resolved {
    Resolved {
        ttype,
        value: None,
        point: None,
    }
}

pub fn resolve(sem: &Sem, ctx: &Ctx) -> Resolved {
    resolve_inner(sem, ctx).unwrap_or_else(|| none(ttype_of(sem)))
}

pub fn ttype_of(sem: &Sem) -> TimeType {
    match sem {
        Sem::Dur { .. } => TimeType::Duration,
        Sem::Raw(_, t) => *t,
        Sem::Clock { .. } | Sem::PartOfDay { .. } => TimeType::Time,
        _ => TimeType::Date,
    }
}

fn resolve_inner(sem: &Sem, ctx: &Ctx) -> Option<Resolved> {
    let dct = ctx.dct;
    let tense = ctx.tense;
    Some(match sem {
        Sem::Cal { y, m, d, rel } => {
            let (m, dd) = (*m, *d);
            let year = match (y, dct) {
                (Some(y), _) => *y,
                (None, _) if *rel == Rel::Tense && ctx.sent_year.is_some() => {
                    ctx.sent_year.unwrap_or_default()
                }
                (None, Some(dct)) => pick_year(dct, m, dd, *rel, tense),
                (None, None) => {
                    return Some(match dd {
                        Some(d) if *rel == Rel::Tense => {
                            fixed(TimeType::Date, format!("XXXX-{m:02}-{d:02}"))
                        }
                        None if *rel == Rel::Tense => fixed(TimeType::Date, format!("XXXX-{m:02}")),
                        _ => none(TimeType::Date),
                    })
                }
            };
            match dd {
                // February 29 in a common year: the nearest leap year
                Some(d) => point(
                    ymd(year, m, d).or_else(|| {
                        (1..4).find_map(|k| ymd(year + k, m, d).or(ymd(year - k, m, d)))
                    })?,
                    Gran::Day,
                ),
                None => point(ymd(year, m, 1)?, Gran::Month),
            }
        }
        Sem::Year(y) => point(ymd(*y, 1, 1)?, Gran::Year),
        Sem::Decade(d) => point(ymd(d * 10, 1, 1)?, Gran::Decade),
        Sem::Century(c) => point(ymd(c * 100, 1, 1)?, Gran::Century),
        Sem::Weekday { wd, rel } => point(pick_weekday(dct?, *wd, *rel, tense)?, Gran::Day),
        Sem::Season { s, year } => {
            let sm = season_month(s);
            let y = year_of(*year, dct, sm, sm + 2, tense)?;
            let p = Point {
                date: ymd(y, sm, 1)?,
                gran: Gran::Season,
            };
            Resolved {
                ttype: TimeType::Date,
                value: Some(format!("{y:04}-{s}")),
                point: Some(p),
            }
        }
        Sem::Quarter { q, year } => {
            let sm = (q - 1) * 3 + 1;
            // a quarter is reported on once it is over: in the past, the last finished one
            let y = match (*year, tense, dct) {
                (YearSpec::Tense, Tense::Past | Tense::None | Tense::Present, Some(dct)) => {
                    if sm + 2 < dct.month() || (sm <= dct.month() && tense == Tense::Present) {
                        dct.year()
                    } else {
                        dct.year() - 1
                    }
                }
                _ => year_of(*year, dct, sm, sm + 2, tense)?,
            };
            let p = Point {
                date: ymd(y, sm, 1)?,
                gran: Gran::Quarter,
            };
            Resolved {
                ttype: TimeType::Date,
                value: Some(format!("{y:04}-Q{q}")),
                point: Some(p),
            }
        }
        Sem::Half { h, year } => {
            let sm = (h - 1) * 6 + 1;
            let y = year_of(*year, dct, sm, sm + 5, tense)?;
            let p = Point {
                date: ymd(y, sm, 1)?,
                gran: Gran::Quarter,
            };
            Resolved {
                ttype: TimeType::Date,
                value: Some(format!("{y:04}-H{h}")),
                point: Some(p),
            }
        }
        Sem::DayRel(o) => point(shift(dct?, Unit::Day, *o)?, Gran::Day),
        Sem::UnitRel { unit, off } => {
            let g = gran_of(*unit);
            let d = truncate(dct?, g);
            point(shift(d, *unit, *off)?, g)
        }
        Sem::Weekend(off) => {
            let d = shift(truncate(dct?, Gran::Week), Unit::Week, *off)?;
            let w = d.iso_week();
            Resolved {
                ttype: TimeType::Date,
                value: Some(format!("{:04}-W{:02}-WE", w.year(), w.week())),
                point: Some(Point {
                    date: d,
                    gran: Gran::Week,
                }),
            }
        }
        Sem::WeekendTense => {
            let dct = dct?;
            let wd = dct.weekday().number_from_monday();
            // Saturday/Sunday: this weekend; otherwise the last one in the past, the coming one ahead
            let off = if wd >= 6 || matches!(tense, Tense::Future | Tense::Present) {
                0
            } else {
                -1
            };
            let d = shift(truncate(dct, Gran::Week), Unit::Week, off)?;
            let w = d.iso_week();
            Resolved {
                ttype: TimeType::Date,
                value: Some(format!("{:04}-W{:02}-WE", w.year(), w.week())),
                point: Some(Point {
                    date: d,
                    gran: Gran::Week,
                }),
            }
        }
        Sem::Ago { n, unit } => match n {
            Num::X => fixed(TimeType::Date, "PAST_REF"),
            Num::N(v) => {
                let g = gran_of(*unit).min(Gran::Year);
                point(shift(dct?, *unit, -(v.round() as i64))?, g)
            }
        },
        Sem::FromNow { n, unit } => match n {
            Num::X => fixed(TimeType::Date, "FUTURE_REF"),
            Num::N(v) => point(
                shift(dct?, *unit, v.round() as i64)?,
                gran_of(*unit).min(Gran::Year),
            ),
        },
        Sem::Later { n, unit, sign } => match n {
            Num::X => none(TimeType::Date),
            Num::N(v) => {
                let b = base(ctx)?;
                let g = gran_of(*unit)
                    .min(Gran::Year)
                    .max(if b.gran == Gran::Season {
                        Gran::Year
                    } else {
                        Gran::Day
                    });
                point(shift(b.date, *unit, sign * v.round() as i64)?, g)
            }
        },
        Sem::Anchored { unit, off } => {
            let b = base(ctx)?;
            let g = gran_of(*unit);
            point(shift(truncate(b.date, g), *unit, *off)?, g)
        }
        Sem::Ref(v) => fixed(TimeType::Date, *v),
        Sem::Dur { n, unit } => fixed(TimeType::Duration, duration_value(*n, *unit)),
        Sem::Raw(v, t) => fixed(*t, v.clone()),
        Sem::Clock { h, m, day } => {
            let date = match day {
                Some(d) => resolve_day(d, ctx)?,
                None => dct?,
            };
            let v = format!("{}T{:02}:{:02}", date.format("%Y-%m-%d"), h, m);
            Resolved {
                ttype: TimeType::Time,
                value: Some(v),
                point: Some(Point {
                    date,
                    gran: Gran::Day,
                }),
            }
        }
        Sem::MonthOfYear { m, d, off } => {
            let y = dct?.year() + off;
            match d {
                Some(d) => point(ymd(y, *m, *d)?, Gran::Day),
                None => point(ymd(y, *m, 1)?, Gran::Month),
            }
        }
        Sem::WdCal { wd, cal } => {
            if let (
                Sem::Cal {
                    y: None,
                    m,
                    d: Some(d),
                    ..
                },
                Some(dct),
            ) = (&**cal, dct)
            {
                let best = (dct.year() - 1..=dct.year() + 1)
                    .filter_map(|y| ymd(y, *m, *d))
                    .filter(|x| x.weekday().number_from_monday() == *wd)
                    .min_by_key(|x| (*x - dct).num_days().abs());
                if let Some(b) = best {
                    return Some(point(b, Gran::Day));
                }
            }
            return resolve_inner(cal, ctx);
        }
        Sem::PartOfDay { pod, day } => {
            let date = resolve_day(day, ctx)?;
            let v = format!("{}T{}", date.format("%Y-%m-%d"), pod);
            Resolved {
                ttype: TimeType::Time,
                value: Some(v),
                point: Some(Point {
                    date,
                    gran: Gran::Day,
                }),
            }
        }
    })
}

fn resolve_day(sem: &Sem, ctx: &Ctx) -> Option<NaiveDate> {
    let r = resolve_inner(sem, ctx)?;
    match r.point {
        Some(p) if p.gran == Gran::Day => Some(p.date),
        _ => None,
    }
}
