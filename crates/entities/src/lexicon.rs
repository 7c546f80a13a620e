//! Small closed word lists used by the role, title and coreference rules.

/// Office and title words that may premodify a person's name ("Defence Minister Sergei
/// Shoigu", "spokesman Matthew Miller"), lower case.
pub const TITLE_WORDS: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "ministers",
    "secretary",
    "secretary-general",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "home",
    "justice",
    "deputy",
    "chief",
    "general",
    "gen.",
    "gen",
    "lt.",
    "lieutenant",
    "colonel",
    "col.",
    "major",
    "maj.",
    "sgt.",
    "sergeant",
    "captain",
    "capt.",
    "admiral",
    "marshal",
    "commander",
    "commander-in-chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "king",
    "queen",
    "prince",
    "princess",
    "crown",
    "emir",
    "sheikh",
    "sultan",
    "chancellor",
    "premier",
    "ambassador",
    "envoy",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "gov.",
    "mayor",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "head",
    "judge",
    "prosecutor",
    "opposition",
    "supreme",
    "state",
    "affairs",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "pope",
    "ayatollah",
    "cardinal",
    "bishop",
    "speaker",
    "lawmaker",
    "official",
    "officer",
    "commissioner",
    "adviser",
    "advisor",
    "aide",
    "counsellor",
    "counselor",
    "undersecretary",
    "attorney",
    "security",
    "national",
    "council",
    "economy",
    "trade",
    "energy",
    "health",
    "education",
    "military",
    "army",
    "navy",
    "air",
    "force",
    "intelligence",
    "police",
    "chief-of-staff",
    "staff",
    "of",
    "press",
    "white",
    "house",
    "executive",
    "ceo",
    "founder",
    "activist",
    "journalist",
    "correspondent",
    "analyst",
    "expert",
    "negotiator",
    "nuclear",
    "top",
    "former",
    "acting",
    "interim",
    "incumbent",
    "then",
    "first",
    "lady",
    "president-elect",
    "elect",
    "defence-minister",
    "state-run",
    "deputy-",
    "presidential",
    "federal",
    // what a leader leads ("protest leader X", "rebel leader Y"; `sectors.tsv` gives the
    // sector of the phrase)
    "protest",
    "rebel",
    "student",
    "community",
    "religious",
    "militant",
    "union",
];

/// Relation nouns: "his powerful sister Kim Yo Jong", "his guest Kim Jong Un".
pub const RELATION_WORDS: &[(&str, char)] = &[
    ("sister", 'f'),
    ("brother", 'm'),
    ("wife", 'f'),
    ("husband", 'm'),
    ("son", 'm'),
    ("daughter", 'f'),
    ("father", 'm'),
    ("mother", 'f'),
    ("uncle", 'm'),
    ("aunt", 'f'),
    ("nephew", 'm'),
    ("niece", 'f'),
    ("cousin", '?'),
    ("guest", '?'),
    ("host", '?'),
    ("counterpart", '?'),
    ("predecessor", '?'),
    ("successor", '?'),
    ("ally", '?'),
    ("rival", '?'),
    ("friend", '?'),
    ("deputy", '?'),
    ("aide", '?'),
    ("widow", 'f'),
    ("grandson", 'm'),
    ("granddaughter", 'f'),
    ("stepson", 'm'),
];

/// Words of an office (as opposed to a relation or a description).
pub const OFFICE_WORDS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "secretary-general",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "emir",
    "sultan",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "senator",
    "governor",
    "mayor",
    "director",
    "chairman",
    "chairwoman",
    "commander",
    "general",
    "admiral",
    "marshal",
    "judge",
    "prosecutor",
    "speaker",
    "chief",
    "head",
    "pope",
    "ayatollah",
    "commissioner",
    "adviser",
    "advisor",
    "official",
    "officer",
    "lawmaker",
    "congressman",
    "congresswoman",
    "representative",
    "undersecretary",
    "attorney",
    "colonel",
    "captain",
    "lieutenant",
    "ceo",
    "founder",
    "negotiator",
    "aide",
];

/// Adjectives allowed between a determiner and a title ("his powerful sister").
pub fn is_light_adjective(w: &str) -> bool {
    matches!(
        w,
        "powerful"
            | "special"
            | "younger"
            | "older"
            | "elder"
            | "new"
            | "former"
            | "late"
            | "top"
            | "senior"
            | "veteran"
            | "outgoing"
            | "incoming"
            | "longtime"
            | "long-time"
            | "influential"
            | "young"
            | "old"
            | "key"
            | "close"
            | "trusted"
            | "chief"
            | "current"
            | "then"
            | "visiting"
            | "fellow"
            | "exiled"
            | "jailed"
            | "ousted"
            | "embattled"
            | "acting"
            | "interim"
            | "deputy"
            | "hardline"
            | "moderate"
            | "reformist"
            | "conservative"
            | "liberal"
            | "popular"
            | "controversial"
            | "state-run"
            | "state-owned"
            | "official"
            | "main"
            | "leading"
            | "prominent"
            | "respected"
            | "authoritarian"
            | "reclusive"
            | "secretive"
            | "isolated"
            | "nuclear-armed"
    )
}

/// A word that cannot name a portfolio before a title ("EU competition chief"): articles,
/// pronouns, prepositions, conjunctions, auxiliaries.
pub fn is_function_word(w: &str) -> bool {
    is_determiner(w)
        || matches!(
            w,
            "of" | "for"
                | "to"
                | "in"
                | "on"
                | "at"
                | "by"
                | "with"
                | "from"
                | "and"
                | "or"
                | "but"
                | "as"
                | "that"
                | "who"
                | "which"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "said"
                | "says"
                | "told"
                | "he"
                | "she"
                | "it"
                | "they"
                | "we"
                | "i"
                | "you"
                | "not"
                | "also"
                | "then"
                | "after"
                | "before"
                | "when"
                | "while"
                | "if"
                | "than"
        )
}

pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "his" | "her" | "its" | "their" | "a" | "an" | "our" | "my" | "your"
    )
}

/// Nouns that, after "the" + nationality or a seat of power, describe a leader
/// ("the North Korean leader", "the Kremlin boss").
pub const LEADER_NOUNS: &[&str] = &[
    "leader",
    "boss",
    "president",
    "strongman",
    "dictator",
    "premier",
    "chief",
    "ruler",
    "head of state",
    "autocrat",
    "despot",
    "monarch",
    "king",
    "emir",
    "chancellor",
    "prime minister",
];

/// Nouns naming an institution after a nationality ("the Russian army").
pub const INSTITUTION_NOUNS: &[&str] = &[
    "army",
    "military",
    "junta",
    "government",
    "navy",
    "air force",
    "armed forces",
    "police",
    "parliament",
    "foreign ministry",
    "defence ministry",
    "defense ministry",
    "ministry",
    "embassy",
    "state media",
    "coast guard",
    "cabinet",
    "administration",
    "regime",
    "security forces",
    "intelligence",
    "judiciary",
    "supreme court",
    "central bank",
    "border guards",
    "marines",
    "special forces",
    "authorities",
    "legislature",
    "senate",
    "congress",
    "opposition",
    "junta",
];

pub const MALE_FIRST_NAMES: &[&str] = &[
    "matthew",
    "sergei",
    "sergey",
    "vladimir",
    "john",
    "james",
    "michael",
    "david",
    "robert",
    "william",
    "joseph",
    "thomas",
    "charles",
    "mark",
    "paul",
    "peter",
    "george",
    "richard",
    "daniel",
    "andrew",
    "stephen",
    "steven",
    "ali",
    "mohammed",
    "mohammad",
    "muhammad",
    "ahmed",
    "ahmad",
    "hassan",
    "hussein",
    "omar",
    "abdul",
    "abdullah",
    "ibrahim",
    "yusuf",
    "ivan",
    "dmitry",
    "alexei",
    "alexander",
    "nikolai",
    "igor",
    "oleg",
    "viktor",
    "yuri",
    "mikhail",
    "andrei",
    "pavel",
    "boris",
    "kim",
    "jean",
    "pierre",
    "francois",
    "hans",
    "karl",
    "carlos",
    "jose",
    "juan",
    "luis",
    "miguel",
    "antonio",
    "giuseppe",
    "marco",
    "ben",
    "benjamin",
    "eli",
    "moshe",
    "yitzhak",
    "ehud",
    "kevin",
    "brian",
    "jason",
    "eric",
    "scott",
    "tony",
    "chris",
    "christopher",
    "donald",
    "joe",
    "barack",
    "mike",
    "ned",
    "rex",
    "chuck",
    "jake",
    "lloyd",
    "jim",
    "dick",
    "colin",
    "bill",
    "kofi",
    "ban",
];

pub const FEMALE_FIRST_NAMES: &[&str] = &[
    "maria",
    "mary",
    "anna",
    "elizabeth",
    "catherine",
    "hillary",
    "condoleezza",
    "nancy",
    "angela",
    "theresa",
    "liz",
    "ursula",
    "kamala",
    "karine",
    "linda",
    "nikki",
    "sarah",
    "jennifer",
    "susan",
    "margaret",
    "julia",
    "yulia",
    "olga",
    "natalia",
    "svetlana",
    "tatiana",
    "irina",
    "elena",
    "fatima",
    "aisha",
    "sophie",
    "marie",
    "isabel",
    "laura",
    "emily",
    "jessica",
    "rachel",
    "rebecca",
    "claudia",
    "cristina",
    "dilma",
    "giorgia",
    "annalena",
    "penny",
    "melanie",
    "chrystia",
    "kaja",
    "kristalina",
    "christine",
    "michelle",
];

/// Common English words (lower case) from `data/common-words.txt` (format and origin in
/// its header): a capitalised one alone at the start of a sentence is rarely a name.
pub(crate) fn is_common_word(lower: &str) -> bool {
    static W: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    W.get_or_init(|| {
        include_str!("../data/common-words.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
    .contains(lower)
}

/// The usual gender (`'m'` or `'f'`) of a given name (lower case) from
/// `data/ner/given-gender.txt` (format in its header), for pronoun agreement.
pub(crate) fn given_name_gender(lower: &str) -> Option<char> {
    static W: std::sync::OnceLock<std::collections::HashMap<&'static str, char>> =
        std::sync::OnceLock::new();
    W.get_or_init(|| {
        include_str!("../data/ner/given-gender.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (name, g) = l.split_once('\t')?;
                let g = match g.trim() {
                    "m" => 'm',
                    "f" => 'f',
                    _ => return None,
                };
                Some((name.trim(), g))
            })
            .collect()
    })
    .get(lower)
    .copied()
}

/// Given names from `data/ner/first-names.txt` (lower case; format in its header).
pub(crate) fn is_first_name(lower: &str) -> bool {
    static W: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    W.get_or_init(|| {
        include_str!("../data/ner/first-names.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
    .contains(lower)
}

/// Abbreviations of common nouns, never a name by themselves ("a DVD", "the CEO", "GDP
/// grew", "DNA tests"): a one-word name the tagger found that is one of these (and that
/// the knowledge base does not know) is dropped. Abbreviations that are also common names
/// of organisations ("ETA", "ISO", "WHO", "CPA": the Coalition Provisional Authority in
/// Iraq) are not listed.
pub fn is_common_acronym(w: &str) -> bool {
    matches!(
        w,
        "TV" | "PC"
            | "CD"
            | "CDs"
            | "DVD"
            | "DVDs"
            | "VHS"
            | "USB"
            | "GPS"
            | "SMS"
            | "MMS"
            | "PDF"
            | "URL"
            | "HTML"
            | "HTTP"
            | "FAQ"
            | "API"
            | "CPU"
            | "GPU"
            | "RAM"
            | "LCD"
            | "LED"
            | "HD"
            | "HDTV"
            | "DSL"
            | "ISP"
            | "VPN"
            | "MP3"
            | "JPEG"
            | "GIF"
            | "PIN"
            | "ATM"
            | "ATMs"
            | "DNA"
            | "RNA"
            | "HIV"
            | "AIDS"
            | "MRI"
            | "ICU"
            | "ADHD"
            | "PTSD"
            | "OCD"
            | "IQ"
            | "BMI"
            | "DUI"
            | "DWI"
            | "GDP"
            | "GNP"
            | "CPI"
            | "IPO"
            | "CEO"
            | "CEOs"
            | "CFO"
            | "COO"
            | "CTO"
            | "SVP"
            | "EVP"
            | "PhD"
            | "MBA"
            | "RFP"
            | "RFQ"
            | "IRR"
            | "ROI"
            | "KPI"
            | "FYI"
            | "ASAP"
            | "LOL"
            | "LMAO"
            | "OMG"
            | "BTW"
            | "IMO"
            | "IMHO"
            | "AKA"
            | "DIY"
            | "RSVP"
            | "TBA"
            | "TBD"
            | "UTC"
            | "GMT"
            | "HR"
            | "PR"
            | "QA"
            | "SUV"
            | "SUVs"
            | "MVP"
            | "PSA"
            | "RPG"
            | "RPGs"
            | "IED"
            | "IEDs"
            | "MMOG"
            | "MMORPG"
            | "OTC"
            | "VAT"
    )
}
