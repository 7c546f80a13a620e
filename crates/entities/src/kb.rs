//! The actor knowledge base: countries, places, organisations, people with dated roles and
//! agent words, read from the tab-separated files in `data/` (see `data/README.md`).
//!
//! The built-in tables are compiled into the binary; a user file (same formats, with
//! `[countries]`, `[places]`, `[organisations]`, `[people]` or `[sectors]` section lines)
//! extends them, and its rows replace built-in rows with the same key.

use chrono::NaiveDate;
use std::collections::HashMap;

pub const COUNTRIES_TSV: &str = include_str!("../data/countries.tsv");
pub const PLACES_TSV: &str = include_str!("../data/places.tsv");
pub const ORGANISATIONS_TSV: &str = include_str!("../data/organisations.tsv");
pub const PEOPLE_TSV: &str = include_str!("../data/people.tsv");
pub const SECTORS_TSV: &str = include_str!("../data/sectors.tsv");

/// A country or territory.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code (XKX for Kosovo).
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// Adjectives and names of inhabitants ("North Korean", "Russians").
    pub demonyms: Vec<String>,
    /// Capitals and seats of government used as metonyms for the government.
    pub capitals: Vec<String>,
}

/// A region, province, city or geographic feature.
#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    /// "GPE", "LOC" or "FAC".
    pub etype: String,
    /// Country (or region) code, when one applies.
    pub code: Option<String>,
    pub aliases: Vec<String>,
}

/// One dated row of an organisation.
#[derive(Debug, Clone)]
pub struct Organisation {
    pub code: String,
    pub etype: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// One role period of a person.
#[derive(Debug, Clone, PartialEq)]
pub struct RolePeriod {
    pub code: String,
    pub role: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// A person with all their role periods.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    /// The form used alone after a first full mention ("Putin", "Kim Jong Un").
    pub short: String,
    pub aliases: Vec<String>,
    /// 'm', 'f' or '?'.
    pub gender: char,
    pub roles: Vec<RolePeriod>,
}

impl Person {
    /// The role valid on `date` (the latest-starting one when several overlap; of two
    /// starting the same day, the one listed first: "Prime Minister" before the defence
    /// portfolio the same person held). Without a date, the most recent role.
    pub fn role_on(&self, date: Option<NaiveDate>) -> Option<&RolePeriod> {
        let mut best: Option<&RolePeriod> = None;
        for r in &self.roles {
            let valid = match date {
                None => true,
                Some(d) => r.start.map_or(true, |s| s <= d) && r.end.map_or(true, |e| d < e),
            };
            if valid && best.is_none_or(|b| r.start > b.start) {
                best = Some(r);
            }
        }
        best
    }

    /// Actor code on `date`: the role's code, else (out of office) the country of the
    /// nearest role; once a government, military, legislative, judicial, police or
    /// intelligence role has ended, the country's elites (`USAELI`), also between two
    /// terms (Trump in 2022).
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<String> {
        if let Some(r) = self.role_on(date) {
            return Some(r.code.clone());
        }
        let d = date?;
        // The latest role that has ended by then; without one (before the first term), the
        // nearest role in time.
        let past = self
            .roles
            .iter()
            .filter(|r| r.end.is_some_and(|e| e <= d))
            .max_by_key(|r| r.end);
        let r = match past {
            Some(r) => r,
            None => self.roles.iter().min_by_key(|r| {
                let a = r
                    .start
                    .map(|s| (s - d).num_days().abs())
                    .unwrap_or(i64::MAX / 2);
                let b = r
                    .end
                    .map(|e| (e - d).num_days().abs())
                    .unwrap_or(i64::MAX / 2);
                a.min(b)
            })?,
        };
        let c = &r.code;
        if c.starts_with("IGO") || c.starts_with("NGO") || c.starts_with("IMG") {
            return Some(c.clone());
        }
        let country = c.get(..3).unwrap_or(c);
        // A former office holder is one of the country's elites (CAMEO ELI: "former
        // government officials"); before the first term only the country is known.
        let official = c.get(3..6).is_some_and(is_official_sector);
        if past.is_some() && official && country.chars().all(|ch| ch.is_ascii_uppercase()) {
            Some(format!("{country}ELI"))
        } else {
            Some(country.to_string())
        }
    }
}

/// Sectors of public office (government, military, legislature, judiciary, police,
/// intelligence), whose former holders CAMEO codes as elites (ELI).
pub fn is_official_sector(sector: &str) -> bool {
    matches!(sector, "GOV" | "MIL" | "LEG" | "JUD" | "COP" | "SPY")
}

/// An agent word or phrase with its sector.
#[derive(Debug, Clone)]
pub struct SectorWord {
    pub sector: String,
    /// Whether it names a person (or people): "spokesman", "troops".
    pub person: bool,
}

/// What a surface form refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameRef {
    Country(usize),
    Demonym(usize),
    Capital(usize),
    Place(usize),
    /// Index of the first row of the organisation name group in `Kb::orgs`.
    Org(usize),
    Person(usize),
}

/// The whole knowledge base.
#[derive(Debug, Clone, Default)]
pub struct Kb {
    pub countries: Vec<Country>,
    pub places: Vec<Place>,
    pub orgs: Vec<Organisation>,
    pub people: Vec<Person>,
    /// Lower-case phrase → sector.
    pub sectors: HashMap<String, SectorWord>,
    /// Surface form (exact case) → referents, most specific first.
    pub names: HashMap<String, Vec<NameRef>>,
    /// Country code → index.
    pub country_index: HashMap<String, usize>,
    /// Short form of a person ("Putin") → indices into `people` (built by [`Kb::index`]).
    pub shorts: HashMap<String, Vec<usize>>,
}

fn split_list(s: &str) -> Vec<String> {
    let s = s.trim();
    if s.is_empty() || s == "-" {
        return Vec::new();
    }
    s.split('|')
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect()
}

fn opt_date(s: &str, line: usize) -> Result<Option<NaiveDate>, String> {
    let s = s.trim();
    if s.is_empty() || s == "-" {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| format!("line {line}: bad date {s:?} (expected YYYY-MM-DD or -)"))
}

/// True for a well-formed actor code: 3 to 15 upper-case ASCII letters or digits, starting
/// with a letter.
pub fn valid_code(code: &str) -> bool {
    let b = code.as_bytes();
    (3..=15).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Rows of one table: (line number, fields), header checked and skipped.
fn rows<'a>(text: &'a str, header: &[&str]) -> Result<Vec<(usize, Vec<&'a str>)>, String> {
    let mut out = Vec::new();
    let mut seen_header = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if !seen_header {
            let h: Vec<&str> = f.iter().map(|x| x.trim()).collect();
            if h != header {
                return Err(format!(
                    "line {}: expected header {:?}, found {:?}",
                    i + 1,
                    header.join("\t"),
                    line
                ));
            }
            seen_header = true;
            continue;
        }
        if f.len() != header.len() {
            return Err(format!(
                "line {}: expected {} tab-separated fields, found {}",
                i + 1,
                header.len(),
                f.len()
            ));
        }
        out.push((i + 1, f));
    }
    Ok(out)
}

pub const COUNTRY_HEADER: [&str; 5] = ["code", "name", "aliases", "demonyms", "capitals"];
pub const PLACE_HEADER: [&str; 4] = ["name", "type", "code", "aliases"];
pub const ORG_HEADER: [&str; 6] = ["code", "type", "name", "aliases", "start", "end"];
pub const PEOPLE_HEADER: [&str; 8] = [
    "name", "short", "aliases", "gender", "code", "role", "start", "end",
];
pub const SECTOR_HEADER: [&str; 3] = ["phrase", "sector", "person"];

/// Place names whose lower-case form is a common word: matched only capitalised.
const LOWER_EXCLUDED: &[&str] = &[
    "china",
    "turkey",
    "jordan",
    "chad",
    "georgia",
    "niger",
    "guinea",
    "jersey",
    "chile",
    "mali",
    "oman",
    "peru",
    "wales",
    "nice",
    "reunion",
    "victoria",
    "lima",
    "sofia",
    "bern",
    "kingston",
    "rome",
    "sinai",
    "guam",
    "cuba",
    "the states",
    "america",
    "the gulf",
    "golan",
    "amhara",
    "gaza",
    "rafah",
    "congo",
    "jolo",
    "rio",
    "sahel",
    "arctic",
    "mosul",
    "macau",
];

const ETYPES: [&str; 6] = ["ORG", "GPE", "LOC", "FAC", "NORP", "PERSON"];

impl Kb {
    /// The built-in knowledge base (parsed once).
    pub fn builtin() -> &'static Kb {
        static KB: std::sync::OnceLock<Kb> = std::sync::OnceLock::new();
        KB.get_or_init(|| {
            let mut kb = Kb::default();
            kb.add_countries(COUNTRIES_TSV)
                .expect("built-in countries.tsv");
            kb.add_places(PLACES_TSV).expect("built-in places.tsv");
            kb.add_orgs(ORGANISATIONS_TSV)
                .expect("built-in organisations.tsv");
            kb.add_people(PEOPLE_TSV).expect("built-in people.tsv");
            kb.add_sectors(SECTORS_TSV).expect("built-in sectors.tsv");
            kb.index();
            kb
        })
    }

    /// The built-in base extended by a user file with `[section]` lines.
    pub fn with_user_file(text: &str) -> Result<Kb, String> {
        let mut kb = Kb::builtin().clone();
        let mut section: Option<String> = None;
        let mut buf = String::new();
        let flush = |kb: &mut Kb, section: &Option<String>, buf: &str| -> Result<(), String> {
            if buf.trim().is_empty() {
                return Ok(());
            }
            match section.as_deref() {
                Some("countries") => kb.add_countries(buf),
                Some("places") => kb.add_places(buf),
                Some("organisations") | Some("organizations") => kb.add_orgs(buf),
                Some("people") => kb.add_people(buf),
                Some("sectors") => kb.add_sectors(buf),
                Some(s) => Err(format!("unknown section [{s}]")),
                None => Err("rows before the first [section] line".to_string()),
            }
            .map_err(|e| format!("section [{}]: {e}", section.as_deref().unwrap_or("")))
        };
        for line in text.lines() {
            let t = line.trim();
            if t.starts_with('[') && t.ends_with(']') {
                flush(&mut kb, &section, &buf)?;
                buf.clear();
                section = Some(t[1..t.len() - 1].trim().to_lowercase());
                continue;
            }
            // Keep line numbers roughly meaningful: comment lines stay in the buffer.
            buf.push_str(line);
            buf.push('\n');
        }
        flush(&mut kb, &section, &buf)?;
        kb.index();
        Ok(kb)
    }

    pub fn add_countries(&mut self, text: &str) -> Result<(), String> {
        for (line, f) in rows(text, &COUNTRY_HEADER)? {
            let code = f[0].trim().to_string();
            if !valid_code(&code) {
                return Err(format!("line {line}: bad code {code:?}"));
            }
            let c = Country {
                code: code.clone(),
                name: f[1].trim().to_string(),
                aliases: split_list(f[2]),
                demonyms: split_list(f[3]),
                capitals: split_list(f[4]),
            };
            if let Some(&i) = self.country_index.get(&code) {
                self.countries[i] = c;
            } else {
                self.country_index.insert(code, self.countries.len());
                self.countries.push(c);
            }
        }
        Ok(())
    }

    pub fn add_places(&mut self, text: &str) -> Result<(), String> {
        for (line, f) in rows(text, &PLACE_HEADER)? {
            let etype = f[1].trim().to_string();
            if !ETYPES.contains(&etype.as_str()) {
                return Err(format!("line {line}: bad type {etype:?}"));
            }
            let code = split_list(f[2]).into_iter().next();
            if let Some(c) = &code {
                if !valid_code(c) {
                    return Err(format!("line {line}: bad code {c:?}"));
                }
            }
            let p = Place {
                name: f[0].trim().to_string(),
                etype,
                code,
                aliases: split_list(f[3]),
            };
            self.places.retain(|q| q.name != p.name);
            self.places.push(p);
        }
        Ok(())
    }

    pub fn add_orgs(&mut self, text: &str) -> Result<(), String> {
        let mut replaced: Vec<String> = Vec::new();
        for (line, f) in rows(text, &ORG_HEADER)? {
            let code = f[0].trim().to_string();
            if !valid_code(&code) {
                return Err(format!("line {line}: bad code {code:?}"));
            }
            let etype = f[1].trim().to_string();
            if !ETYPES.contains(&etype.as_str()) {
                return Err(format!("line {line}: bad type {etype:?}"));
            }
            let name = f[2].trim().to_string();
            // A name given again (by a user file) replaces all earlier rows of that name.
            if !replaced.contains(&name) {
                self.orgs.retain(|o| o.name != name);
                replaced.push(name.clone());
            }
            self.orgs.push(Organisation {
                code,
                etype,
                name,
                aliases: split_list(f[3]),
                start: opt_date(f[4], line)?,
                end: opt_date(f[5], line)?,
            });
        }
        Ok(())
    }

    pub fn add_people(&mut self, text: &str) -> Result<(), String> {
        let mut replaced: Vec<String> = Vec::new();
        for (line, f) in rows(text, &PEOPLE_HEADER)? {
            let name = f[0].trim().to_string();
            let code = f[4].trim().to_string();
            if !valid_code(&code) {
                return Err(format!("line {line}: bad code {code:?}"));
            }
            let gender = match f[3].trim() {
                "m" => 'm',
                "f" => 'f',
                "-" | "" | "?" => '?',
                g => return Err(format!("line {line}: bad gender {g:?} (m, f or -)")),
            };
            let role = RolePeriod {
                code,
                role: f[5].trim().to_string(),
                start: opt_date(f[6], line)?,
                end: opt_date(f[7], line)?,
            };
            if let (Some(s), Some(e)) = (role.start, role.end) {
                if e < s {
                    return Err(format!("line {line}: end date before start date"));
                }
            }
            if !replaced.contains(&name) {
                self.people.retain(|p| p.name != name);
                replaced.push(name.clone());
            }
            let short = match f[1].trim() {
                "" | "-" => name.rsplit(' ').next().unwrap_or(&name).to_string(),
                s => s.to_string(),
            };
            if let Some(p) = self.people.iter_mut().find(|p| p.name == name) {
                p.roles.push(role);
                for a in split_list(f[2]) {
                    if !p.aliases.contains(&a) {
                        p.aliases.push(a);
                    }
                }
            } else {
                self.people.push(Person {
                    name,
                    short,
                    aliases: split_list(f[2]),
                    gender,
                    roles: vec![role],
                });
            }
        }
        Ok(())
    }

    pub fn add_sectors(&mut self, text: &str) -> Result<(), String> {
        for (line, f) in rows(text, &SECTOR_HEADER)? {
            let sector = f[1].trim().to_string();
            if sector.len() != 3 || !valid_code(&sector) {
                return Err(format!("line {line}: bad sector {sector:?}"));
            }
            let person = match f[2].trim() {
                "y" => true,
                "n" => false,
                x => return Err(format!("line {line}: bad person flag {x:?} (y or n)")),
            };
            self.sectors
                .insert(f[0].trim().to_lowercase(), SectorWord { sector, person });
        }
        Ok(())
    }

    /// Rebuilds the surface-form index.
    pub fn index(&mut self) {
        let mut shorts: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in self.people.iter().enumerate() {
            shorts.entry(p.short.clone()).or_default().push(i);
        }
        self.shorts = shorts;
        let mut names: HashMap<String, Vec<NameRef>> = HashMap::new();
        let mut add = |s: &str, r: NameRef| {
            let s = s.trim();
            if s.is_empty() {
                return;
            }
            // "the X" forms index as X (the component adds the article to mentions).
            // ("The Times", "The Hague" keep their capitalised article.)
            let s = s.strip_prefix("the ").unwrap_or(s);
            let v = names.entry(s.to_string()).or_default();
            if !v.contains(&r) {
                v.push(r);
            }
        };
        for (i, p) in self.people.iter().enumerate() {
            add(&p.name, NameRef::Person(i));
            for a in &p.aliases {
                add(a, NameRef::Person(i));
            }
        }
        let mut seen_org = HashMap::new();
        for (i, o) in self.orgs.iter().enumerate() {
            let first = *seen_org.entry(o.name.clone()).or_insert(i);
            add(&o.name, NameRef::Org(first));
            for a in &o.aliases {
                add(a, NameRef::Org(first));
            }
        }
        // Lower-case forms of place names for informal text ("living in malaysia"), except
        // names that are also common words.
        let lower_ok = |s: &str| {
            let l = s.to_lowercase();
            l != s
                && s.chars().count() >= 4
                && !s
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase())
                && !LOWER_EXCLUDED.contains(&l.as_str())
        };
        for (i, c) in self.countries.iter().enumerate() {
            for n in std::iter::once(&c.name)
                .chain(&c.aliases)
                .chain(&c.capitals)
            {
                if lower_ok(n) {
                    let r = if c.capitals.contains(n) {
                        NameRef::Capital(i)
                    } else {
                        NameRef::Country(i)
                    };
                    add(&n.to_lowercase(), r);
                }
            }
        }
        for (i, p) in self.places.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                if lower_ok(n) {
                    add(&n.to_lowercase(), NameRef::Place(i));
                }
            }
        }
        for (i, c) in self.countries.iter().enumerate() {
            add(&c.name, NameRef::Country(i));
            for a in &c.aliases {
                add(a, NameRef::Country(i));
            }
            for a in &c.demonyms {
                add(a, NameRef::Demonym(i));
            }
            for a in &c.capitals {
                add(a, NameRef::Capital(i));
            }
        }
        for (i, p) in self.places.iter().enumerate() {
            add(&p.name, NameRef::Place(i));
            for a in &p.aliases {
                add(a, NameRef::Place(i));
            }
        }
        self.names = names;
    }

    /// The organisation row valid on `date` among the rows named like `self.orgs[first]`.
    pub fn org_on(&self, first: usize, date: Option<NaiveDate>) -> &Organisation {
        let name = &self.orgs[first].name;
        let rows = self.orgs.iter().filter(|o| &o.name == name);
        let best = match date {
            Some(d) => rows
                .clone()
                .find(|o| o.start.map_or(true, |s| s <= d) && o.end.map_or(true, |e| d < e)),
            None => rows.clone().max_by_key(|o| o.start),
        };
        best.unwrap_or(&self.orgs[first])
    }

    /// Is `name` (a surface form) first of all a region, province or city inside one country
    /// ("Sindh", "Bali", "Quetta"), not a country, capital or organisation? Such a place is
    /// where something happens, not who acts.
    pub fn is_subnational_place(&self, name: &str) -> bool {
        let name = name.strip_prefix("the ").unwrap_or(name);
        match self.names.get(name).and_then(|v| v.first()) {
            Some(NameRef::Place(i)) => self
                .places
                .get(*i)
                .and_then(|p| p.code.as_deref())
                .is_some_and(|c| self.country_index.contains_key(c)),
            _ => false,
        }
    }

    /// The people whose short form is `short` (indices into `people`, in file order).
    pub fn people_with_short(&self, short: &str) -> &[usize] {
        self.shorts.get(short).map_or(&[], Vec::as_slice)
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_index.get(code).map(|&i| &self.countries[i])
    }

    /// Sector of a lower-case agent word or phrase.
    pub fn sector(&self, phrase: &str) -> Option<&SectorWord> {
        self.sectors.get(phrase)
    }

    /// Canonical name, entity type and actor code of a referent on `date`.
    pub fn describe(
        &self,
        r: NameRef,
        date: Option<NaiveDate>,
    ) -> (String, &'static str, Option<String>) {
        match r {
            NameRef::Country(i) => {
                let c = &self.countries[i];
                (c.name.clone(), "GPE", Some(c.code.clone()))
            }
            NameRef::Demonym(i) => {
                let c = &self.countries[i];
                (
                    c.demonyms
                        .first()
                        .cloned()
                        .unwrap_or_else(|| c.name.clone()),
                    "NORP",
                    Some(c.code.clone()),
                )
            }
            NameRef::Capital(i) => {
                let c = &self.countries[i];
                (
                    c.capitals.first().cloned().unwrap_or_default(),
                    "GPE",
                    Some(format!("{}GOV", c.code)),
                )
            }
            NameRef::Place(i) => {
                let p = &self.places[i];
                let t = match p.etype.as_str() {
                    "LOC" => "LOC",
                    "FAC" => "FAC",
                    _ => "GPE",
                };
                (p.name.clone(), t, p.code.clone())
            }
            NameRef::Org(first) => {
                let o = self.org_on(first, date);
                let t = match o.etype.as_str() {
                    "GPE" => "GPE",
                    "FAC" => "FAC",
                    "NORP" => "NORP",
                    _ => "ORG",
                };
                (o.name.clone(), t, Some(o.code.clone()))
            }
            NameRef::Person(i) => {
                let p = &self.people[i];
                (p.name.clone(), "PERSON", p.code_on(date))
            }
        }
    }
}
