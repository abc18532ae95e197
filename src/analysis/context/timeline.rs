//! Dates in the article's text ("January 26", "January 30-31", "in 1948", "over the next
//! two days", "last week") resolved against the publication date into absolute days or
//! ranges, for the panel's timeline; and the article's age in words.
//!
//! Relative phrases resolve against the last absolute date earlier in the same sentence
//! when there is one ("a raid on January 26 and shootings over the next two days"), else
//! against the publication date.

use crate::text::scan::{Caps, WordStart};
use serde::Serialize;
use std::sync::LazyLock;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimelineEntry {
    /// The words in the text.
    pub text: String,
    /// First day covered, "YYYY-MM-DD".
    pub start: String,
    /// Last day covered, "YYYY-MM-DD" (equal to start for a single day).
    pub end: String,
    /// "day", "range", "month", "year" or "relative".
    pub kind: &'static str,
    /// Byte range in the analysed text.
    pub span: (usize, usize),
}

/// A calendar day as (year, month 1-12, day 1-31).
pub type Ymd = (i32, u32, u32);

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const NUMBERS: &[(&str, i64)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("few", 3),
    ("several", 3),
    ("couple of", 2),
];

const M: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";
const N: &str = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|couple of)";

/// The patterns, each with the letters it can start with (see `scan::WordStart`).
static PATTERNS: LazyLock<Vec<(&'static str, WordStart)>> = LazyLock::new(|| {
    PATTERN_SRC
        .iter()
        .map(|(k, s, starts, fold, digits)| {
            let ws = WordStart::new(s, starts, *fold, *digits);
            // Text every match of these holds: most of the text needs no search.
            let ws = match *k {
                "ago" => ws.with_needles(&["ago"]),
                "weekday" => ws.with_needles(&["day"]),
                "rel_span" => ws.with_needles(&["day", "week", "month", "year"]),
                "dmy" | "my" => ws.with_needles(MONTH_PREFIXES),
                "iso" => ws.with_needles(&["-"]),
                "rel_unit" => ws.with_needles(&["week", "month", "year"]),
                "bare_month" => ws.with_needles(MONTH_PREFIXES),
                "bare_year" => ws.with_needles(&["19", "20"]),
                "year" => ws.with_needles(&[
                    "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
                ]),
                _ => ws,
            };
            (*k, ws)
        })
        .collect()
});

type PatternSrc = (&'static str, String, &'static [&'static str], bool, bool);

const MONTH_PREFIXES: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// (kind, pattern, literal beginnings, case-insensitive start, may start with a digit).
static PATTERN_SRC: LazyLock<Vec<PatternSrc>> = LazyLock::new(|| {
    vec![
        ("iso", r"\b(\d{4})-(\d{2})-(\d{2})\b".into(), &[], false, true),
        // "January 30-31, 2023", "Jan. 26", "February 3rd 2023"
        ("mdy", format!(r"\b{M}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*(\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(\d{{4}}))?\b"), MONTH_PREFIXES, false, false),
        // "26 January 2023", "30-31 January"
        ("dmy", format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–)\s*(\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?{M}(?:,?\s+(\d{{4}}))?\b"), &[], false, true),
        // "in January 2023", "since March"
        ("my", format!(r"\b(?:in|since|until|by|from|of|last|next|early|late|mid-?)\s+{M}(?:\s+(\d{{4}}))?\b"), &["in ", "since ", "until ", "by ", "from ", "of ", "last ", "next ", "early ", "late ", "mid"], false, false),
        // "in 1948", "since 2014", "between 1990 and 1995"
        ("year", r"\b(?i:in|since|until|by|from|of|after|before|during|between|around|circa|year)\s+(1[0-9]{3}|20[0-9]{2})\b(?:\s*(?:-|–|to|and)\s*(1[0-9]{3}|20[0-9]{2})\b)?".into(), &["in ", "since ", "until ", "by ", "from ", "of ", "after ", "before ", "during ", "between ", "around ", "circa ", "year "], true, false),
        // "in the spring of 2020" aside, a month alone ("February") or a year alone ("1957")
        ("bare_month", r"\b(January|February|March|April|June|July|August|September|October|November|December)(?:\s+(\d{4}))?\b".into(), MONTH_PREFIXES, false, false),
        ("bare_year", r"\b(19[0-9]{2}|20[0-9]{2})\b".into(), &[], false, true),
        ("rel_span", format!(r"(?i)\b(?:in|over|for|during|within)\s+the\s+(next|past|last|coming|previous|following)\s+{N}\s+(days?|weeks?|months?|years?)\b"), &["in ", "over ", "for ", "during ", "within "], true, false),
        ("ago", format!(r"(?i)\b{N}\s+(days?|weeks?|months?|years?)\s+ago\b"), &["a ", "an ", "one ", "two ", "three ", "four ", "five ", "six ", "seven ", "eight ", "nine ", "ten ", "eleven ", "twelve ", "few ", "several ", "couple "], true, true),
        ("rel_unit", r"(?i)\b(last|next|this|past|coming)\s+(week|month|year|weekend)\b".into(), &["last ", "next ", "this ", "past ", "coming "], true, false),
        ("rel_day", r"(?i)\b(yesterday|today|tomorrow|tonight)\b".into(), &["yesterday", "today", "tomorrow", "tonight"], true, false),
        ("weekday", r"\b(?:on|last|next|this|since|until|by)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b".into(), &["on ", "last ", "next ", "this ", "since ", "until ", "by "], false, false),
    ]
});

fn month_of(s: &str) -> Option<u32> {
    let k = s.trim_end_matches('.').to_ascii_lowercase();
    MONTHS.iter().find(|(n, _)| *n == k).map(|(_, m)| *m)
}

fn number_of(s: &str) -> Option<i64> {
    s.parse().ok().or_else(|| {
        NUMBERS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(s))
            .map(|(_, v)| *v)
    })
}

/// Days since 1970-01-01 (proleptic Gregorian).
pub fn days_from_civil((y, m, d): Ymd) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + if m <= 2 { 1 } else { 0 }) as i32;
    (y, m, d)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let next = if m == 12 {
        (y + 1, 1, 1)
    } else {
        (y, m + 1, 1)
    };
    (days_from_civil(next) - days_from_civil((y, m, 1))) as u32
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

fn add_months((y, m, d): Ymd, n: i64) -> Ymd {
    let total = y as i64 * 12 + (m as i64 - 1) + n;
    let (ny, nm) = (
        total.div_euclid(12) as i32,
        (total.rem_euclid(12) + 1) as u32,
    );
    (ny, nm, d.min(days_in_month(ny, nm)))
}

fn shift(day: Ymd, unit: &str, n: i64) -> Ymd {
    match unit.trim_end_matches('s') {
        "day" => civil_from_days(days_from_civil(day) + n),
        "week" => civil_from_days(days_from_civil(day) + 7 * n),
        "month" => add_months(day, n),
        _ => add_months(day, 12 * n),
    }
}

pub fn fmt(d: Ymd) -> String {
    format!("{:04}-{:02}-{:02}", d.0, d.1, d.2)
}

/// Parses the day of an ISO date-time ("2023-02-03T11:16+0000" -> (2023, 2, 3)).
pub fn parse_day(s: &str) -> Option<Ymd> {
    let b = s.get(..10)?;
    let y = b.get(0..4)?.parse().ok()?;
    let m = b.get(5..7)?.parse().ok()?;
    let d = b.get(8..10)?.parse().ok()?;
    (b.as_bytes().get(4) == Some(&b'-') && valid(y, m, d)).then_some((y, m, d))
}

/// The year that puts month/day closest to the reference day.
fn nearest_year(m: u32, d: u32, r: Ymd) -> Option<Ymd> {
    let rd = days_from_civil(r);
    [r.0 - 1, r.0, r.0 + 1]
        .into_iter()
        .filter(|&y| valid(y, m, d))
        .min_by_key(|&y| (days_from_civil((y, m, d)) - rd).abs())
        .map(|y| (y, m, d))
}

/// Byte offset where the sentence holding `at` starts.
fn sentence_start(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    while i > 0 {
        let c = bytes[i - 1];
        if c == b'\n'
            || ((c == b'.' || c == b'!' || c == b'?')
                && bytes
                    .get(i)
                    .map(|b| b.is_ascii_whitespace())
                    .unwrap_or(true))
        {
            return i;
        }
        i -= 1;
    }
    0
}

/// Finds and resolves the dates of `text`; `published` is the article's day.
pub fn extract(text: &str, published: Option<Ymd>) -> Vec<TimelineEntry> {
    // Patterns claim text in priority order (most specific first): "from January 30-31"
    // is a range of days, not the month of January.
    let mut hits: Vec<(usize, usize, &'static str, Caps)> = Vec::new();
    for (kind, re) in PATTERNS.iter() {
        for c in re.captures_iter(text) {
            let (ms, me) = c.span();
            if hits.iter().all(|(s, e, _, _)| me <= *s || ms >= *e) {
                hits.push((ms, me, kind, c));
            }
        }
    }
    hits.sort_by_key(|(s, _, _, _)| *s);
    let mut out: Vec<TimelineEntry> = Vec::new();
    for (s, e, kind, c) in hits {
        // Anchor: the last absolute day earlier in this sentence, else the publication day.
        let sent = sentence_start(text, s);
        let anchor = out
            .iter()
            .rev()
            .take_while(|t| t.span.0 >= sent)
            .find(|t| t.kind != "relative" && t.kind != "year")
            .and_then(|t| parse_day(&t.end))
            .or(published);
        if !plain_date(text, s, e, kind) {
            continue;
        }
        if let Some((start, end, k)) = resolve(kind, &c, published, anchor) {
            out.push(TimelineEntry {
                text: text[s..e].to_string(),
                start: fmt(start),
                end: fmt(end),
                kind: k,
                span: (s, e),
            });
        }
    }
    out
}

/// Whether the match at `[s, e)` is a date of the text's prose: not a byline's date (a
/// short line of its own: "Published Aug 28, 2024"), not a name ("June Smith") or an
/// amount ("$2024", "2024 people").
fn plain_date(text: &str, s: usize, e: usize, kind: &str) -> bool {
    let line_start = text[..s].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[e..].find('\n').map_or(text.len(), |p| e + p);
    let full_day = matches!(kind, "mdy" | "dmy" | "iso");
    let line = || {
        text[line_start..s]
            .split_whitespace()
            .chain(text[e..line_end].split_whitespace())
    };
    let prose = || {
        line().any(|w| {
            w.starts_with(|c: char| c.is_lowercase())
                && !matches!(
                    w.trim_end_matches([',', '.']),
                    "am" | "pm" | "a.m" | "p.m" | "at" | "updated" | "published"
                )
        })
    };
    if full_day && line().count() < 8 && !prose() {
        return false;
    }
    let after = text[e..].trim_start_matches(' ');
    let next_word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    match kind {
        "bare_month" => !next_word.starts_with(char::is_uppercase) || !text[e..].starts_with(' '),
        "bare_year" => {
            let before = text[..s].chars().next_back();
            let glued = text[e..].chars().next().is_some_and(|c| {
                c.is_alphanumeric()
                    || matches!(c, '%' | '-' | '\u{2013}' | '/' | ',' | '.') && {
                        text[e + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
                    }
            });
            let counted = next_word.starts_with(char::is_lowercase)
                && !matches!(
                    next_word.as_str(),
                    "and"
                        | "to"
                        | "when"
                        | "as"
                        | "the"
                        | "after"
                        | "before"
                        | "election"
                        | "elections"
                        | "season"
                        | "budget"
                        | "census"
                        | "until"
                        | "through"
                        | "onwards"
                        | "or"
                        | "in"
                        | "on"
                        | "at"
                        | "with"
                        | "was"
                        | "were"
                        | "is"
                        | "for"
                        | "that"
                        | "which"
                        | "while"
                );
            !glued
                && !counted
                && !before.is_some_and(|c| {
                    c.is_alphanumeric()
                        || matches!(c, '$' | '£' | '€' | '#' | '-' | '/' | '.' | ',' | ':')
                })
        }
        _ => true,
    }
}

/// The month `m` of the year a text dated `p` most likely means: the last one before it
/// ("in March" said in October is this March), the next one after "next" or "until".
fn month_year(m: u32, p: Ymd, prefix: &str) -> i32 {
    match prefix {
        "next" | "until" => p.0 + i32::from(m <= p.1),
        "last" => p.0 - i32::from(m >= p.1),
        _ => p.0 - i32::from(m > p.1),
    }
}

fn resolve(
    kind: &str,
    c: &Caps,
    published: Option<Ymd>,
    anchor: Option<Ymd>,
) -> Option<(Ymd, Ymd, &'static str)> {
    let g = |i: usize| c.get(i);
    let num = |i: usize| g(i).and_then(|s| s.parse::<u32>().ok());
    let year = |i: usize| g(i).and_then(|s| s.parse::<i32>().ok());
    match kind {
        "iso" => {
            let d = (year(1)?, num(2)?, num(3)?);
            valid(d.0, d.1, d.2).then_some((d, d, "day"))
        }
        "mdy" | "dmy" => {
            let (m, d1, d2, y) = if kind == "mdy" {
                (month_of(g(1)?)?, num(2)?, num(3), year(4))
            } else {
                (month_of(g(3)?)?, num(1)?, num(2), year(4))
            };
            let first = match y {
                Some(y) => (y, m, d1),
                None => nearest_year(m, d1, published?)?,
            };
            if !valid(first.0, first.1, first.2) {
                return None;
            }
            match d2 {
                Some(d2) if d2 > d1 && valid(first.0, m, d2) => {
                    Some((first, (first.0, m, d2), "range"))
                }
                Some(_) => None,
                None => Some((first, first, "day")),
            }
        }
        "my" | "bare_month" => {
            let m = month_of(g(1)?)?;
            let prefix = c.get(0)?.split_whitespace().next()?.to_ascii_lowercase();
            let y = match year(2) {
                Some(y) => y,
                None => month_year(m, published?, &prefix),
            };
            Some(((y, m, 1), (y, m, days_in_month(y, m)), "month"))
        }
        "year" | "bare_year" => {
            let y1 = year(1)?;
            let y2 = year(2).filter(|&y| y > y1).unwrap_or(y1);
            Some(((y1, 1, 1), (y2, 12, 31), "year"))
        }
        "rel_span" => {
            let a = anchor?;
            let n = number_of(g(2)?)?;
            let unit = g(3)?.to_ascii_lowercase();
            let dir = g(1)?.to_ascii_lowercase();
            if matches!(dir.as_str(), "next" | "coming" | "following") {
                Some((shift(a, "day", 1), shift(a, &unit, n), "relative"))
            } else {
                Some((shift(a, &unit, -n), a, "relative"))
            }
        }
        "ago" => {
            let p = published?;
            let n = number_of(g(1)?)?;
            let d = shift(p, &g(2)?.to_ascii_lowercase(), -n);
            Some((d, d, "relative"))
        }
        "rel_unit" => {
            let p = published?;
            let which = g(1)?.to_ascii_lowercase();
            let unit = g(2)?.to_ascii_lowercase();
            let step = match which.as_str() {
                "last" | "past" => -1,
                "next" | "coming" => 1,
                _ => 0,
            };
            Some(match unit.as_str() {
                "week" | "weekend" => {
                    let monday =
                        days_from_civil(p) - (days_from_civil(p) + 3).rem_euclid(7) + 7 * step;
                    let (a, b) = if unit == "weekend" {
                        (monday + 5, monday + 6)
                    } else {
                        (monday, monday + 6)
                    };
                    (civil_from_days(a), civil_from_days(b), "relative")
                }
                "month" => {
                    let (y, m, _) = add_months(p, step);
                    ((y, m, 1), (y, m, days_in_month(y, m)), "relative")
                }
                _ => {
                    let y = p.0 + step as i32;
                    ((y, 1, 1), (y, 12, 31), "relative")
                }
            })
        }
        "rel_day" => {
            let p = published?;
            let d = match g(1)?.to_ascii_lowercase().as_str() {
                "yesterday" => shift(p, "day", -1),
                "tomorrow" => shift(p, "day", 1),
                _ => p,
            };
            Some((d, d, "relative"))
        }
        "weekday" => {
            let p = published?;
            let name = g(1)?;
            let want = WEEKDAYS.iter().position(|w| w.eq_ignore_ascii_case(name))? as i64;
            let pd = days_from_civil(p);
            let today = (pd + 3).rem_euclid(7); // 0 = Monday
            let prefix = c.get(0)?.split_whitespace().next()?.to_ascii_lowercase();
            let delta = if prefix == "next" || prefix == "until" {
                let f = (want - today).rem_euclid(7);
                if f == 0 {
                    7
                } else {
                    f
                }
            } else {
                -((today - want).rem_euclid(7))
            };
            let d = civil_from_days(pd + delta);
            Some((d, d, "relative"))
        }
        _ => None,
    }
}

/// "3 years ago", "today", "in 2 days" for a day relative to today.
pub fn ago(day: Ymd, today: Ymd) -> String {
    let diff = days_from_civil(today) - days_from_civil(day);
    let (n, unit) = span_words(diff.abs());
    match diff {
        0 => "today".into(),
        1 => "yesterday".into(),
        d if d > 0 => format!("{n} {unit} ago"),
        _ => format!("in {n} {unit}"),
    }
}

/// "the same day", "2 days after publication".
pub fn updated_after(published: Ymd, modified: Ymd) -> String {
    let diff = days_from_civil(modified) - days_from_civil(published);
    if diff == 0 {
        return "the same day".into();
    }
    let (n, unit) = span_words(diff.abs());
    format!(
        "{n} {unit} {} publication",
        if diff > 0 { "after" } else { "before" }
    )
}

fn span_words(days: i64) -> (i64, &'static str) {
    let (n, unit) = if days >= 365 {
        (days / 365, "year")
    } else if days >= 60 {
        (days / 30, "month")
    } else if days >= 14 {
        (days / 7, "week")
    } else {
        (days, "day")
    };
    (n, if n == 1 { unit } else { plural(unit) })
}

fn plural(unit: &str) -> &'static str {
    match unit {
        "year" => "years",
        "month" => "months",
        "week" => "weeks",
        _ => "days",
    }
}

/// Today's date from milliseconds since the epoch.
pub fn day_of_ms(ms: f64) -> Ymd {
    civil_from_days((ms / 86_400_000.0).floor() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUB: Ymd = (2023, 2, 3);

    #[test]
    fn start_letters_lose_no_match() {
        let seed = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/seed_officials.txt"
        ))
        .unwrap();
        let texts = [
            seed.as_str(),
            "In 1948, Since 2014; BETWEEN 1990 and 1995. ſince 2001 over the next ٣ days, \
             A few weeks ago, Two Years Ago, Last Week, TODAY and on Monday, Jan. 26-27, 3rd of March 2020.",
        ];
        for (kind, src, ..) in PATTERN_SRC.iter() {
            let re = crate::text::pattern::regex(src).unwrap();
            let ws = &PATTERNS.iter().find(|(k, _)| k == kind).unwrap().1;
            for t in texts {
                let want: Vec<(usize, usize)> =
                    re.find_iter(t).map(|m| (m.start(), m.end())).collect();
                let got: Vec<(usize, usize)> = ws.captures_iter(t).iter().map(Caps::span).collect();
                assert_eq!(got, want, "{kind}");
            }
        }
    }

    fn find(text: &str) -> Vec<(String, String, String)> {
        extract(text, Some(PUB))
            .into_iter()
            .map(|t| (t.text, t.start, t.end))
            .collect()
    }

    #[test]
    fn civil_roundtrip() {
        for z in [-800_000, -1, 0, 1, 19_391, 60_000] {
            assert_eq!(days_from_civil(civil_from_days(z)), z);
        }
        assert_eq!(days_from_civil((2023, 2, 3)), 19_391);
        assert_eq!(add_months((2023, 1, 31), 1), (2023, 2, 28));
    }

    #[test]
    fn month_day_ranges_and_years() {
        let t = find("visited Israel from January 30-31 amid tensions. A raid on January 26 and shootings. Founded in 1948.");
        assert_eq!(
            t[0],
            (
                "January 30-31".into(),
                "2023-01-30".into(),
                "2023-01-31".into()
            )
        );
        assert_eq!(
            t[1],
            (
                "January 26".into(),
                "2023-01-26".into(),
                "2023-01-26".into()
            )
        );
        assert_eq!(
            t[2],
            ("in 1948".into(), "1948-01-01".into(), "1948-12-31".into())
        );
    }

    #[test]
    fn relative_spans_anchor_on_the_sentence_date() {
        let t = find("It came after a raid on January 26 and shootings in Jerusalem over the next two days, which claimed lives.");
        assert_eq!(
            t[1],
            (
                "over the next two days".into(),
                "2023-01-27".into(),
                "2023-01-28".into()
            )
        );
        let t = find("He was considering traveling to Moscow in the next two months.");
        assert_eq!(
            t[0],
            (
                "in the next two months".into(),
                "2023-02-04".into(),
                "2023-04-03".into()
            )
        );
    }

    #[test]
    fn other_forms() {
        assert_eq!(find("on 3 February 2023")[0].1, "2023-02-03");
        assert_eq!(find("Jan. 5, 2022 was cold")[0].1, "2022-01-05");
        assert_eq!(find("three days ago")[0].1, "2023-01-31");
        assert_eq!(find("yesterday")[0].1, "2023-02-02");
        // 2023-02-03 is a Friday: "on Monday" is 2023-01-30.
        assert_eq!(find("met on Monday")[0].1, "2023-01-30");
        assert_eq!(
            find("last week")[0],
            ("last week".into(), "2023-01-23".into(), "2023-01-29".into())
        );
        assert_eq!(find("in December")[0].1, "2022-12-01");
        assert_eq!(find("between 1990 and 1995")[0].2, "1995-12-31");
        assert!(find("February 30").is_empty());
        assert!(find("May I ask").is_empty());
    }

    #[test]
    fn ages() {
        assert_eq!(ago((2023, 2, 3), (2026, 11, 24)), "3 years ago");
        assert_eq!(ago((2026, 11, 20), (2026, 11, 24)), "4 days ago");
        assert_eq!(
            updated_after((2023, 2, 3), (2023, 2, 5)),
            "2 days after publication"
        );
        assert_eq!(updated_after((2023, 2, 3), (2023, 2, 3)), "the same day");
        assert_eq!(parse_day("2023-02-03T11:16+0000"), Some((2023, 2, 3)));
        assert_eq!(parse_day("garbage"), None);
    }
}
