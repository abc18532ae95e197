//! Date parsing and normalising: machine values (ISO 8601, RFC 2822, Unix time, compact
//! 20230203), human date lines in several languages ("3. Februar 2023", "Feb. 3, 2023,
//! 11:16 a.m. EST", "03/02/2023"), dates inside URLs, and relative dates ("2 hours ago").
//! Everything renders to ISO 8601, keeping the time zone only when the source gives one.

use regex::Regex;
use std::sync::LazyLock;

/// A calendar date with optional wall time and optional UTC offset (minutes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    pub y: i32,
    pub m: u32,
    pub d: u32,
    pub time: Option<(u32, u32, u32)>,
    pub tz: Option<i32>,
}

impl DateTime {
    pub fn date(y: i32, m: u32, d: u32) -> Option<DateTime> {
        valid_ymd(y, m, d).then_some(DateTime {
            y,
            m,
            d,
            time: None,
            tz: None,
        })
    }

    /// ISO 8601: "2023-02-03", "2023-02-03T11:16:00" or "2023-02-03T11:16:00+00:00".
    pub fn iso(&self) -> String {
        let mut s = format!("{:04}-{:02}-{:02}", self.y, self.m, self.d);
        if let Some((h, mi, se)) = self.time {
            s.push_str(&format!("T{h:02}:{mi:02}:{se:02}"));
            if let Some(off) = self.tz {
                let sign = if off < 0 { '-' } else { '+' };
                let a = off.abs();
                s.push_str(&format!("{sign}{:02}:{:02}", a / 60, a % 60));
            }
        }
        s
    }

    pub fn day_key(&self) -> (i32, u32, u32) {
        (self.y, self.m, self.d)
    }

    /// Days since 1970-01-01 of the calendar date.
    pub fn days(&self) -> i64 {
        days_from_civil(self.y, self.m, self.d)
    }
}

/// Plausible years for a news page; outside this a number is not a publication date.
const MIN_YEAR: i32 = 1990;
const MAX_YEAR: i32 = 2100;

fn valid_ymd(y: i32, m: u32, d: u32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= month_len(y, m)
}

fn month_len(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since the Unix epoch for a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// A UTC instant in milliseconds to a date-time with offset +00:00.
pub fn from_unix_ms(ms: f64) -> Option<DateTime> {
    if !ms.is_finite() {
        return None;
    }
    let secs = (ms / 1000.0).floor() as i64;
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400) as u32;
    let mut dt = DateTime::date(y, m, d)?;
    dt.time = Some((s / 3600, s / 60 % 60, s % 60));
    dt.tz = Some(0);
    Some(dt)
}

/// Month names and abbreviations in English, German, French, Spanish, Italian, Portuguese
/// and Dutch (lower case, accents kept; a trailing '.' is matched by the patterns).
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("gennaio", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("february", 2),
    ("feb", 2),
    ("febr", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fév", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("februari", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("maart", 3),
    ("mrt", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("maio", 5),
    ("mei", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("junho", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("luglio", 7),
    ("julho", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("augustus", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("setembro", 9),
    ("set", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("outubro", 10),
    ("out", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("dezembro", 12),
];

/// Words that are also month abbreviations but too common to trust without a day and year
/// on both sides; the patterns always demand both, so they are safe to keep.
fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == w).map(|(_, m)| *m)
}

fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    names.join("|")
}

/// Time-zone abbreviations seen in date lines, as minutes east of UTC.
fn tz_abbrev(s: &str) -> Option<i32> {
    Some(match s.to_ascii_uppercase().as_str() {
        "Z" | "UTC" | "GMT" | "UT" => 0,
        "EST" => -300,
        "EDT" => -240,
        "CST" => -360,
        "CDT" => -300,
        "MST" => -420,
        "MDT" => -360,
        "PST" => -480,
        "PDT" => -420,
        "AKST" => -540,
        "AKDT" => -480,
        "HST" => -600,
        "BST" => 60,
        "CET" | "MEZ" => 60,
        "CEST" | "MESZ" => 120,
        "EET" => 120,
        "EEST" => 180,
        "JST" | "KST" => 540,
        "AEST" => 600,
        "AEDT" => 660,
        _ => return None,
    })
}

fn parse_offset(s: &str) -> Option<i32> {
    if let Some(tz) = tz_abbrev(s) {
        return Some(tz);
    }
    let s = s.trim_start_matches("GMT").trim_start_matches("UTC").trim();
    let (sign, rest) = match s.chars().next()? {
        '+' => (1, &s[1..]),
        '-' | '\u{2212}' => (-1, &s[s.chars().next()?.len_utf8()..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| c.is_ascii_digit()).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 => (digits[..1].parse().ok()?, digits[1..].parse().ok()?),
        4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
        _ => return None,
    };
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?i)^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{1,2}\b)?)?",
    )
    .unwrap()
});
static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(\d{4})(\d{2})(\d{2})(?:T?(\d{2}):?(\d{2}):?(\d{2})?\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$",
    )
    .unwrap()
});
static UNIX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(\d{10}|\d{13})\s*$").unwrap());

/// Parses a machine-readable date value (meta content, JSON-LD, `datetime`), falling back to
/// the human formats of `parse_text` when it is not ISO-like.
pub fn parse(s: &str) -> Option<DateTime> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(c) = ISO.captures(s) {
        let y = c[1].parse().ok()?;
        let m = c[2].parse().ok()?;
        let d = c[3].parse().ok()?;
        let mut dt = DateTime::date(y, m, d)?;
        if let (Some(h), Some(mi)) = (c.get(4), c.get(5)) {
            let h: u32 = h.as_str().parse().ok()?;
            let mi: u32 = mi.as_str().parse().ok()?;
            let se: u32 = c.get(6).and_then(|x| x.as_str().parse().ok()).unwrap_or(0);
            if h < 24 && mi < 60 && se < 61 {
                dt.time = Some((h, mi, se.min(59)));
                dt.tz = c.get(7).and_then(|z| parse_offset(z.as_str()));
            }
        }
        return Some(dt);
    }
    if let Some(c) = COMPACT.captures(s) {
        let mut dt = DateTime::date(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        if let (Some(h), Some(mi)) = (c.get(4), c.get(5)) {
            let h: u32 = h.as_str().parse().ok()?;
            let mi: u32 = mi.as_str().parse().ok()?;
            let se: u32 = c.get(6).and_then(|x| x.as_str().parse().ok()).unwrap_or(0);
            if h < 24 && mi < 60 && se < 60 {
                dt.time = Some((h, mi, se));
                dt.tz = c.get(7).and_then(|z| parse_offset(z.as_str()));
            }
        }
        return Some(dt);
    }
    if let Some(c) = UNIX.captures(s) {
        let n: f64 = c[1].parse().ok()?;
        let ms = if c[1].len() == 13 { n } else { n * 1000.0 };
        return from_unix_ms(ms);
    }
    parse_text(s, DayOrder::Unknown)
}

/// How to read an all-numeric "03/02/2023" when both numbers could be the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    /// Month first (United States English).
    MonthFirst,
    /// Day first (most of the world).
    DayFirst,
    /// Nothing known: '/' reads month first, '.' and '-' day first.
    Unknown,
}

impl DayOrder {
    /// The order a page in language `lang` ("en-US", "de", ...) most likely writes.
    pub fn for_lang(lang: Option<&str>) -> DayOrder {
        match lang.map(|l| l.to_ascii_lowercase()) {
            Some(l) if l == "en-us" || l == "en_us" || l == "en-ph" => DayOrder::MonthFirst,
            Some(l) if l == "en" => DayOrder::Unknown,
            Some(l) if !l.is_empty() => DayOrder::DayFirst,
            _ => DayOrder::Unknown,
        }
    }
}

static TEXT_DMY: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th|er|º|°)?\.?\s*(?:de\s+|of\s+)?({})\.?,?\s+(?:de\s+|del\s+)?(\d{{4}})\b",
        month_alternation()
    ))
    .unwrap()
});
static TEXT_MDY: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(&format!(
        r"(?i)\b({})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(\d{{4}})\b",
        month_alternation()
    ))
    .unwrap()
});
static TEXT_YMD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:\b|T)").unwrap());
static TEXT_NUM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})([./-])(\d{1,2})([./-])(\d{4}|\d{2})\b").unwrap());
static TEXT_CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?").unwrap()
});
/// A wall time right after a date: ", 11:16 a.m. EST", " at 3:04pm", " um 14:30 Uhr".
static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?i)^\s*(?:,|\||-|–|at|um|à|a las|alle|om|\s)*\s*(\d{1,2})[:h.](\d{2})(?::(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?\s*(?:uhr\s*)?(?:\(?\s*(UTC|GMT|[A-Z]{2,4}T?|[+-]\d{2}:?\d{2})\b\)?)?",
    )
    .unwrap()
});

/// A date found in text, with the byte range it covered (time included).
#[derive(Debug, Clone, Copy)]
pub struct Found {
    pub dt: DateTime,
    pub start: usize,
    pub end: usize,
}

/// Parses the first human-written date in `s`.
pub fn parse_text(s: &str, order: DayOrder) -> Option<DateTime> {
    find_all(s, order).into_iter().next().map(|f| f.dt)
}

/// Every date written in `s`, in text order.
pub fn find_all(s: &str, order: DayOrder) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    // Every written date has digits (`\d` is Unicode's, hence the slower second test):
    // most lines a caller tries have none.
    if !s.bytes().any(|b| b.is_ascii_digit()) && (s.is_ascii() || !s.chars().any(char::is_numeric))
    {
        return out;
    }
    let mut push = |dt: Option<DateTime>, start: usize, end: usize| {
        if let Some(dt) = dt {
            out.push(Found { dt, start, end });
        }
    };
    for c in TEXT_DMY.captures_iter(s) {
        let d = c[1].parse().unwrap_or(0);
        let m = month_number(&c[2]).unwrap_or(0);
        let y = c[3].parse().unwrap_or(0);
        let whole = c.get(0).map_or(0..0, |g| g.range());
        push(DateTime::date(y, m, d), whole.start, whole.end);
    }
    for c in TEXT_MDY.captures_iter(s) {
        let m = month_number(&c[1]).unwrap_or(0);
        let d = c[2].parse().unwrap_or(0);
        let y = c[3].parse().unwrap_or(0);
        let whole = c.get(0).map_or(0..0, |g| g.range());
        push(DateTime::date(y, m, d), whole.start, whole.end);
    }
    for c in TEXT_YMD.captures_iter(s) {
        if c[2] != c[4] {
            continue;
        }
        let whole = c.get(0).map_or(0..0, |g| g.range());
        let dt = DateTime::date(
            c[1].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
            c[5].parse().unwrap_or(0),
        );
        push(dt, whole.start, whole.end);
    }
    for c in TEXT_CJK.captures_iter(s) {
        let whole = c.get(0).map_or(0..0, |g| g.range());
        let dt = DateTime::date(
            c[1].parse().unwrap_or(0),
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        );
        push(dt, whole.start, whole.end);
    }
    for c in TEXT_NUM.captures_iter(s) {
        if c[2] != c[4] {
            continue;
        }
        let whole = c.get(0).map_or(0..0, |g| g.range());
        // A number glued to more digits or dots is a version or an IP, not a date.
        if s[whole.end..].starts_with(|ch: char| ch == '.' || ch.is_ascii_digit())
            && s[whole.end..]
                .chars()
                .nth(1)
                .is_some_and(|ch| ch.is_ascii_digit())
        {
            continue;
        }
        let a: u32 = c[1].parse().unwrap_or(0);
        let b: u32 = c[3].parse().unwrap_or(0);
        let mut y: i32 = c[5].parse().unwrap_or(0);
        if c[5].len() == 2 {
            y += 2000;
        }
        let sep = &c[2];
        let (d, m) = if a > 12 {
            (a, b)
        } else if b > 12 {
            (b, a)
        } else {
            match order {
                DayOrder::MonthFirst => (b, a),
                DayOrder::DayFirst => (a, b),
                DayOrder::Unknown if sep == "/" => (b, a),
                DayOrder::Unknown => (a, b),
            }
        };
        push(DateTime::date(y, m, d), whole.start, whole.end);
    }
    out.sort_by_key(|f| f.start);
    // Overlapping matches (a numeric pattern inside a longer one): keep the first, longest.
    let mut kept: Vec<Found> = Vec::new();
    for f in out {
        if let Some(last) = kept.last_mut() {
            if f.start < last.end {
                if f.start == last.start && f.end > last.end {
                    *last = f;
                }
                continue;
            }
        }
        kept.push(f);
    }
    for f in &mut kept {
        attach_time(s, f);
    }
    kept
}

fn attach_time(s: &str, f: &mut Found) {
    let Some(rest) = s.get(f.end..) else { return };
    let Some(c) = TIME_AFTER.captures(rest) else {
        return;
    };
    let mut h: u32 = c[1].parse().unwrap_or(99);
    let mi: u32 = c[2].parse().unwrap_or(99);
    let se: u32 = c.get(3).and_then(|x| x.as_str().parse().ok()).unwrap_or(0);
    if let Some(ap) = c.get(4) {
        let pm = ap.as_str().to_ascii_lowercase().starts_with('p');
        if h == 0 || h > 12 {
            return;
        }
        h = match (pm, h) {
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, 12) => 0,
            (false, h) => h,
        };
    }
    if h >= 24 || mi >= 60 || se >= 60 {
        return;
    }
    f.dt.time = Some((h, mi, se));
    f.dt.tz = c.get(5).and_then(|z| parse_offset(z.as_str()));
    f.end += c.get(0).map_or(0, |g| g.end());
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[/_-])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:$|[/_.-]|\D)").unwrap()
});
static URL_YM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/").unwrap());

/// A full date in a URL path ("/2023/02/03/", "/20230203/", "-2023-02-03-").
pub fn from_url(url: &str) -> Option<DateTime> {
    let path = url
        .split_once("://")
        .map_or(url, |(_, r)| r.find('/').map_or("", |i| &r[i..]));
    let path = path.split(['?', '#']).next().unwrap_or("");
    let c = URL_DATE.captures(path)?;
    DateTime::date(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// Year and month from a URL path ("/2023/02/slug"), when no full date is there.
pub fn year_month_from_url(url: &str) -> Option<(i32, u32)> {
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let c = URL_YM.captures(path)?;
    Some((c[1].parse().ok()?, c[2].parse().ok()?))
}

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?i)\b(?:(\d+|an?|one)\s+(second|sec|minute|min|hour|hr|day|week|month|year)s?\s+ago|vor\s+(\d+|einer?|einem)\s+(sekunde|minute|stunde|tag|woche|monat|jahr)(?:n|en|e)?|il\s+y\s+a\s+(\d+|une?)\s+(seconde|minute|heure|jour|semaine|mois|an)s?|hace\s+(\d+|una?)\s+(segundo|minuto|hora|día|dia|semana|mes|año)(?:s|es)?)\b",
    )
    .unwrap()
});
static YESTERDAY: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)^\s*(?:updated\s+|published\s+|posted\s+)?(yesterday|today|gestern|heute|hier|aujourd'hui|ayer|hoy)\b").unwrap()
});

/// A relative date ("2 hours ago", "vor 3 Tagen", "yesterday") against `now_ms`.
pub fn relative(s: &str, now_ms: f64) -> Option<DateTime> {
    if now_ms <= 0.0 {
        return None;
    }
    let now_days = (now_ms / 86_400_000.0).floor() as i64;
    if let Some(c) = YESTERDAY.captures(s) {
        let w = c[1].to_lowercase();
        let back = i64::from(matches!(
            w.as_str(),
            "yesterday" | "gestern" | "hier" | "ayer"
        ));
        let (y, m, d) = civil_from_days(now_days - back);
        return DateTime::date(y, m, d);
    }
    let c = RELATIVE.captures(s)?;
    let (n, unit) = [(1, 2), (3, 4), (5, 6), (7, 8)]
        .iter()
        .find_map(|&(a, b)| Some((c.get(a)?.as_str(), c.get(b)?.as_str())))?;
    let n: i64 = n.parse().unwrap_or(1);
    let unit = unit.to_lowercase();
    let secs: i64 = match unit.as_str() {
        "second" | "sec" | "sekunde" | "seconde" | "segundo" => 1,
        "minute" | "min" | "minuto" => 60,
        "hour" | "hr" | "stunde" | "heure" | "hora" => 3600,
        "day" | "tag" | "jour" | "día" | "dia" => 86_400,
        "week" | "woche" | "semaine" | "semana" => 7 * 86_400,
        "month" | "monat" | "mois" | "mes" => 30 * 86_400,
        _ => 365 * 86_400,
    };
    let ms = now_ms - (n * secs) as f64 * 1000.0;
    let mut dt = from_unix_ms(ms)?;
    if secs >= 86_400 {
        dt.time = None;
        dt.tz = None;
    }
    Some(dt)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse(s).map(|d| d.iso())
    }

    #[test]
    fn iso_and_machine_formats() {
        assert_eq!(iso("2023-02-03").as_deref(), Some("2023-02-03"));
        assert_eq!(
            iso("2023-02-03T11:16:00Z").as_deref(),
            Some("2023-02-03T11:16:00+00:00")
        );
        assert_eq!(
            iso("2023-02-03T11:16:00.123-0500").as_deref(),
            Some("2023-02-03T11:16:00-05:00")
        );
        assert_eq!(
            iso("2023-02-03 11:16").as_deref(),
            Some("2023-02-03T11:16:00")
        );
        assert_eq!(iso("20230203").as_deref(), Some("2023-02-03"));
        assert_eq!(
            iso("1675422960").as_deref(),
            Some("2023-02-03T11:16:00+00:00")
        );
        assert_eq!(iso("2023-13-03"), None);
        assert_eq!(iso("garbage"), None);
    }

    #[test]
    fn rfc2822_and_human_formats() {
        assert_eq!(
            iso("Fri, 03 Feb 2023 11:16:00 GMT").as_deref(),
            Some("2023-02-03T11:16:00+00:00")
        );
        assert_eq!(
            iso("Feb. 3, 2023, 11:16 a.m. EST").as_deref(),
            Some("2023-02-03T11:16:00-05:00")
        );
        assert_eq!(
            iso("Published March 21st, 2019 at 3:04pm").as_deref(),
            Some("2019-03-21T15:04:00")
        );
        assert_eq!(iso("3. Februar 2023").as_deref(), Some("2023-02-03"));
        assert_eq!(iso("le 3 février 2023").as_deref(), Some("2023-02-03"));
        assert_eq!(iso("3 de febrero de 2023").as_deref(), Some("2023-02-03"));
        assert_eq!(iso("2023年2月3日").as_deref(), Some("2023-02-03"));
    }

    #[test]
    fn ambiguous_day_month() {
        assert_eq!(
            parse_text("03/02/2023", DayOrder::DayFirst).map(|d| d.iso()),
            Some("2023-02-03".into())
        );
        assert_eq!(
            parse_text("03/02/2023", DayOrder::MonthFirst).map(|d| d.iso()),
            Some("2023-03-02".into())
        );
        // 25 cannot be a month, whatever the page's habit.
        assert_eq!(
            parse_text("02/25/2023", DayOrder::DayFirst).map(|d| d.iso()),
            Some("2023-02-25".into())
        );
        assert_eq!(
            parse_text("03.02.2023", DayOrder::Unknown).map(|d| d.iso()),
            Some("2023-02-03".into())
        );
        assert_eq!(DayOrder::for_lang(Some("en-US")), DayOrder::MonthFirst);
        assert_eq!(DayOrder::for_lang(Some("de")), DayOrder::DayFirst);
        assert_eq!(DayOrder::for_lang(Some("en-GB")), DayOrder::DayFirst);
    }

    #[test]
    fn relative_dates() {
        // 2023-02-03T12:00:00Z
        let now = 1_675_425_600_000.0;
        assert_eq!(
            relative("2 hours ago", now).map(|d| d.iso()),
            Some("2023-02-03T10:00:00+00:00".into())
        );
        assert_eq!(
            relative("yesterday", now).map(|d| d.iso()),
            Some("2023-02-02".into())
        );
        assert_eq!(
            relative("vor 3 Tagen", now).map(|d| d.iso()),
            Some("2023-01-31".into())
        );
        assert_eq!(relative("an hour ago", 0.0), None);
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            from_url("https://x.org/news/2023/02/03/slug").map(|d| d.iso()),
            Some("2023-02-03".into())
        );
        assert_eq!(
            from_url("https://x.org/a-20230203-b.html").map(|d| d.iso()),
            Some("2023-02-03".into())
        );
        assert_eq!(from_url("https://x.org/id/123456789"), None);
        assert_eq!(
            year_month_from_url("https://x.org/2019/03/a"),
            Some((2019, 3))
        );
    }

    #[test]
    fn civil_round_trip() {
        for z in [-1000, 0, 19_391, 40_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
    }
}
