//! Direct quotations in the article text, with their speakers.
//!
//! A quote is text between quotation marks of three words or more. Its speaker is the
//! person named next to a speech verb in the same sentence ("…," Blinken said); a pronoun
//! ("He noted that …") or a role ("the foreign minister recalled") resolves to the last
//! person named as speaking before it, else to the article's main speaker (the person most
//! often named with a speech verb), so quotes link to the people and officials found.

use crate::text::scan::WordStart;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Quote {
    pub text: String,
    /// The speaker's canonical name, when found.
    pub speaker: Option<String>,
    /// Index of the speaker in the list handed to `extract`.
    #[serde(skip)]
    pub speaker_index: Option<usize>,
    /// How the speaker was found: "named", "pronoun", "role", or "" when unknown.
    pub attribution: &'static str,
    /// Byte range of the quoted words (without the marks) in the text.
    pub span: (usize, usize),
}

/// A person the quotes may be attributed to.
pub struct Speaker<'a> {
    pub name: &'a str,
    /// Role words as the text gives them ("foreign minister"), if an official.
    pub role: Option<&'a str>,
    /// Byte ranges of every mention in the text.
    pub spans: &'a [(usize, usize)],
}

/// The speakers of a people analysis: every person, with the role of the official of the
/// same name when there is one.
pub fn speakers(found: &crate::analysis::people::People) -> Vec<Speaker<'_>> {
    found
        .people
        .iter()
        .map(|p| Speaker {
            name: &p.name,
            role: found
                .officials
                .iter()
                .find(|o| o.name == p.name)
                .map(|o| o.role.as_str()),
            spans: &p.spans,
        })
        .collect()
}

const VERBS: &str = r"(?:said|says|say|told|tells|noted|notes|stressed|stresses|added|adds|stated|states|recalled|recalls|suggested|suggests|warned|warns|explained|explains|argued|argues|claimed|claims|insisted|insists|wrote|writes|tweeted|asked|asks|answered|replied|declared|declares|announced|announces|emphasi[sz]ed|emphasi[sz]es|underlined|underscored|pointed out|went on saying|went on to say|continued|remarked|commented|urged|urges|acknowledged|admitted|conceded|observed|described|called|labell?ed|according to)";

static VERB: LazyLock<WordStart> = LazyLock::new(|| {
    let prefixes = verb_prefixes();
    let prefixes: Vec<&str> = prefixes.iter().map(String::as_str).collect();
    WordStart::new(&format!(r"(?i)\b{VERBS}\b"), &prefixes, true, false)
});

/// The literal beginning of each verb of `VERBS` (letters up to the first pattern sign).
fn verb_prefixes() -> Vec<String> {
    let inner = VERBS.trim_start_matches("(?:").trim_end_matches(')');
    inner
        .split('|')
        .map(|alt| {
            alt.chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect()
        })
        .collect()
}

/// Finds quoted passages: (mark start, words start, words end, mark end).
fn quoted(text: &str) -> Vec<(usize, usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        // Only `"` and the lead bytes of the curly and angle quotes can open a quote.
        if !matches!(bytes[i], b'"' | 0xC2 | 0xE2) {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let close = match c {
            '"' => Some('"'),
            '\u{201C}' => Some('\u{201D}'),
            '\u{201E}' => Some('\u{201C}'),
            '\u{00AB}' => Some('\u{00BB}'),
            _ => None,
        };
        let open_len = c.len_utf8();
        if let Some(close) = close {
            let start = i + open_len;
            // A quote stays inside its paragraph and is not a book.
            let mut limit = text[start..]
                .find("\n\n")
                .map(|p| start + p)
                .unwrap_or(text.len())
                .min(start + 1500);
            // The length cap may fall inside a character of a non-Latin script.
            while !text.is_char_boundary(limit) {
                limit -= 1;
            }
            if let Some(rel) = text[start..limit]
                .find(|ch: char| ch == close || (close == '\u{201D}' && ch == '"'))
            {
                let end = start + rel;
                let inner = &text[start..end];
                let after = end
                    + text[end..]
                        .chars()
                        .next()
                        .map(|c| c.len_utf8())
                        .unwrap_or(1);
                if inner.split_whitespace().count() >= 3 {
                    out.push((i, start, end, after));
                }
                i = after;
                continue;
            }
        }
        i += open_len;
    }
    out
}

fn sentence_bounds(text: &str, s: usize, e: usize) -> (usize, usize) {
    // Scans stop at the nearest break: a `find` of a break the text lacks would read to
    // the end of the text for every verb and quote.
    let b = text.as_bytes();
    let stop = |c: u8| c == b'.' || c == b'?' || c == b'!';
    // Start: just after the last "\n", ". ", "? " or "! " wholly before `s`.
    let mut a = 0;
    let mut i = s.min(b.len());
    while i > 0 {
        i -= 1;
        if b[i] == b'\n' {
            a = i + 1;
            break;
        }
        if b[i] == b' ' && i > 0 && stop(b[i - 1]) {
            a = i + 1;
            break;
        }
    }
    // End: one past the first ". ", ".\n", "? ", "! " or "\n" at or after `e`. The sentence
    // goes on past the closing mark: `"…," he said.`
    let mut z = text.len();
    let mut j = e.min(b.len());
    while j < b.len() {
        let next = b.get(j + 1).copied();
        if b[j] == b'\n'
            || (b[j] == b'.' && matches!(next, Some(b' ' | b'\n')))
            || ((b[j] == b'?' || b[j] == b'!') && next == Some(b' '))
        {
            z = j + 1;
            break;
        }
        j += 1;
    }
    (a, z)
}

/// Who speaks through one speech verb.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Subject {
    Named(usize),
    Pronoun,
    /// A role description ("the foreign minister"); byte range of its words.
    Role(usize, usize),
}

static TRAILING_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)(?:[\s,]+|\b(?:also|further|later|then|again|has|had|have|was|were|is|who|once|previously|repeatedly|reportedly)\b)+$").unwrap()
});
static LEADING_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)^(?:[\s,]+|\b(?:also|then|again)\b)+").unwrap()
});
static PRONOUN_END: LazyLock<Regex> =
    LazyLock::new(|| crate::text::pattern::regex(r"(?i)\b(he|she)$").unwrap());
static PRONOUN_START: LazyLock<Regex> =
    LazyLock::new(|| crate::text::pattern::regex(r"(?i)^(he|she)\b").unwrap());
static ROLE_END: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(&format!(r"(?i)\bthe\s+({ROLE_WORDS})$")).unwrap()
});
static ROLE_START: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(&format!(r"(?i)^the\s+({ROLE_WORDS})\b")).unwrap()
});
const ROLE_WORDS: &str = r"(?:[a-z-]+\s+){0,3}(?:minister|president|secretary|spokes(?:man|woman|person)|ambassador|envoy|diplomat|chancellor|premier|leader|governor|mayor|official|general|chief|senator|lawmaker|prosecutor|judge)";

/// The subject of the speech verb at `v` (byte range), looking inside the sentence `sent`.
fn subject_of(
    text: &str,
    v: (usize, usize),
    sent: (usize, usize),
    people: &[Speaker],
) -> Option<Subject> {
    let pre = &text[sent.0..v.0];
    let cut = TRAILING_FILLER
        .find(pre)
        .map(|m| m.start())
        .unwrap_or(pre.len());
    let pre_end = sent.0 + cut;
    for (i, p) in people.iter().enumerate() {
        if p.spans
            .iter()
            .any(|&(s, e)| s >= sent.0 && e <= pre_end && pre_end - e <= 3)
        {
            return Some(Subject::Named(i));
        }
    }
    let pre = &text[sent.0..pre_end];
    if PRONOUN_END.is_match(pre) {
        return Some(Subject::Pronoun);
    }
    if let Some(c) = ROLE_END.captures(pre) {
        let m = c.get(1).unwrap();
        return Some(Subject::Role(sent.0 + m.start(), sent.0 + m.end()));
    }
    // Inverted: `"…," said Blinken` / `according to the minister`.
    let post = &text[v.1..sent.1.max(v.1)];
    let skip = LEADING_FILLER.find(post).map(|m| m.end()).unwrap_or(0);
    let post_start = v.1 + skip;
    for (i, p) in people.iter().enumerate() {
        if p.spans
            .iter()
            .any(|&(s, e)| s >= post_start && s <= post_start + 1 && e <= sent.1)
        {
            return Some(Subject::Named(i));
        }
    }
    let post = &text[post_start..sent.1.max(post_start)];
    if PRONOUN_START.is_match(post) {
        return Some(Subject::Pronoun);
    }
    ROLE_START.captures(post).map(|c| {
        let m = c.get(1).unwrap();
        Subject::Role(post_start + m.start(), post_start + m.end())
    })
}

/// Every speech verb of the text with its subject: (verb range, subject).
fn speech_events(text: &str, people: &[Speaker]) -> Vec<((usize, usize), Subject)> {
    VERB.find_iter(text)
        .into_iter()
        .filter_map(|(vs, ve)| {
            let sent = sentence_bounds(text, vs, ve);
            subject_of(text, (vs, ve), sent, people).map(|s| ((vs, ve), s))
        })
        .collect()
}

/// The person a role description points at: an official whose role shares its last word.
fn by_role(text: &str, (s, e): (usize, usize), people: &[Speaker]) -> Option<usize> {
    let words = text[s..e].to_lowercase();
    let head = words.split_whitespace().last()?;
    let matching: Vec<usize> = people
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.role
                .map(|r| r.to_lowercase().contains(head))
                .unwrap_or(false)
        })
        .map(|(i, _)| i)
        .collect();
    // Only an unambiguous role points at one person.
    (matching.len() == 1).then(|| matching[0])
}

/// Index of the sentence holding byte `pos`, for "how many sentences back".
fn sentence_index(starts: &[usize], pos: usize) -> usize {
    starts.partition_point(|&s| s <= pos)
}

/// Where sentences start: after ". ", "? ", "! " and at each new paragraph.
fn sentence_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = vec![0];
    for i in 1..b.len() {
        let prev = b[i - 1];
        let para = prev == b'\n' && b[i] != b'\n';
        let stop = (prev == b'.' || prev == b'?' || prev == b'!')
            && !b[i].is_ascii_whitespace()
            && b[i].is_ascii_uppercase();
        if para || stop || ((prev == b'.' || prev == b'?' || prev == b'!') && b[i] == b' ') {
            out.push(i);
        }
    }
    out
}

pub fn extract(text: &str, people: &[Speaker]) -> Vec<Quote> {
    let events = speech_events(text, people);
    let starts = sentence_starts(text);
    // The article's main speaker: named (or unambiguously described) with the most verbs.
    let mut counts = vec![0usize; people.len()];
    for (_, s) in &events {
        match *s {
            Subject::Named(i) => counts[i] += 1,
            Subject::Role(a, b) => {
                if let Some(i) = by_role(text, (a, b), people) {
                    counts[i] += 1;
                }
            }
            Subject::Pronoun => {}
        }
    }
    let main = counts
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0)
        .max_by_key(|(_, &c)| c)
        .map(|(i, _)| i);
    // A pronoun points back at most two sentences; further back, to the main speaker.
    let last_named_before = |pos: usize| {
        let here = sentence_index(&starts, pos);
        events.iter().rev().find_map(|((vs, _), s)| match s {
            Subject::Named(i) if *vs < pos && here - sentence_index(&starts, *vs) <= 2 => Some(*i),
            _ => None,
        })
    };
    let mut out = Vec::new();
    for (qs, s, e, qe) in quoted(text) {
        let sent = sentence_bounds(text, qs, qe);
        // The speech verb of this sentence nearest the quote, outside it, that has a subject.
        let best = events
            .iter()
            .filter(|((vs, ve), _)| *vs >= sent.0 && *ve <= sent.1 && (*ve <= qs || *vs >= qe))
            .min_by_key(|((vs, ve), _)| if *vs >= qe { vs - qe } else { qs - ve });
        let resolved = best.and_then(|((vs, _), subj)| match *subj {
            Subject::Named(i) => Some((i, "named")),
            Subject::Pronoun => last_named_before(*vs).or(main).map(|i| (i, "pronoun")),
            Subject::Role(a, b) => by_role(text, (a, b), people).or(main).map(|i| (i, "role")),
        });
        out.push(Quote {
            text: text[s..e].trim().to_string(),
            speaker: resolved.map(|(i, _)| people[i].name.to_string()),
            speaker_index: resolved.map(|(i, _)| i),
            attribution: resolved.map(|(_, h)| h).unwrap_or(""),
            span: (s, e),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_start_letters_cover_every_verb() {
        assert!(
            verb_prefixes().iter().all(|p| p.len() >= 3),
            "{:?}",
            verb_prefixes()
        );
        let re = crate::text::pattern::regex(&format!(r"(?i)\b{VERBS}\b")).unwrap();
        let t = "He SAID, she Told us; Emphasised and ACCORDING TO, unsaid saidx ſaid. Pointed out";
        let want: Vec<(usize, usize)> = re.find_iter(t).map(|m| (m.start(), m.end())).collect();
        assert_eq!(VERB.find_iter(t), want);
    }

    #[test]
    fn sentence_bounds_stop_at_the_nearest_break() {
        let t = "One. Two said \"x y z,\" he noted! Three\nFour";
        let s = t.find("said").unwrap();
        assert_eq!(sentence_bounds(t, s, s + 4), (5, t.find('!').unwrap() + 1));
        let f = t.find("Four").unwrap();
        assert_eq!(sentence_bounds(t, f, f + 4), (f, t.len()));
    }

    fn spans(text: &str, name: &str) -> Vec<(usize, usize)> {
        text.match_indices(name)
            .map(|(i, m)| (i, i + m.len()))
            .collect()
    }

    #[test]
    fn unclosed_quote_in_a_long_non_latin_text_does_not_panic() {
        let t = format!("\"{}", "と".repeat(1000));
        assert!(quoted(&t).is_empty());
    }

    #[test]
    fn named_speaker_after_and_before_the_quote() {
        let t = "\u{201C}We will not give up on peace,\u{201D} Blinken said on Tuesday. Lavrov told reporters: \"The talks were useful and long.\"";
        let (b, l) = (spans(t, "Blinken"), spans(t, "Lavrov"));
        let people = [
            Speaker {
                name: "Antony Blinken",
                role: None,
                spans: &b,
            },
            Speaker {
                name: "Sergey Lavrov",
                role: None,
                spans: &l,
            },
        ];
        let q = extract(t, &people);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].text, "We will not give up on peace,");
        assert_eq!(q[0].speaker.as_deref(), Some("Antony Blinken"));
        assert_eq!(q[1].speaker.as_deref(), Some("Sergey Lavrov"));
        assert_eq!(q[1].attribution, "named");
    }

    #[test]
    fn pronoun_resolves_to_the_main_speaker() {
        let t = "The top diplomat visited Israel.\n\nHe noted that January has been \"a bloody month for Palestinians,\" as many were killed. Blinken failed, the foreign minister recalled.\n\nAl-Maliki went on saying that talks were needed.\n\nAl-Maliki also stressed the point.\n\nHe also suggested that they would meet, \"when the time really comes and when both leaders feel it.\"";
        let (m, b) = (spans(t, "Al-Maliki"), spans(t, "Blinken"));
        let people = [
            Speaker {
                name: "Antony Blinken",
                role: Some("Secretary of State"),
                spans: &b,
            },
            Speaker {
                name: "Al-Maliki",
                role: Some("foreign minister"),
                spans: &m,
            },
        ];
        let q = extract(t, &people);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].speaker.as_deref(), Some("Al-Maliki"));
        assert_eq!(q[0].attribution, "pronoun");
        assert_eq!(q[1].speaker.as_deref(), Some("Al-Maliki"));
    }

    #[test]
    fn seed_quotes_go_to_the_foreign_minister() {
        let t = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/seed_officials.txt"
        ))
        .unwrap();
        let (b, m, p) = (
            spans(&t, "Blinken"),
            spans(&t, "Al-Maliki"),
            spans(&t, "Vladimir Putin"),
        );
        let people = [
            Speaker {
                name: "Antony Blinken",
                role: Some("US Secretary of State"),
                spans: &b,
            },
            Speaker {
                name: "Al-Maliki",
                role: Some("foreign minister"),
                spans: &m,
            },
            Speaker {
                name: "Vladimir Putin",
                role: Some("Russian President"),
                spans: &p,
            },
        ];
        let q = extract(&t, &people);
        assert_eq!(q.len(), 2);
        assert!(
            q.iter().all(|q| q.speaker.as_deref() == Some("Al-Maliki")),
            "{q:?}"
        );
    }

    #[test]
    fn a_name_inside_the_reported_clause_is_not_the_speaker() {
        let t = "Al-Maliki also noted that he would travel.\n\nHe also suggested that President Vladimir Putin would meet him, \"when the time really comes for both leaders.\"";
        let (m, p) = (spans(t, "Al-Maliki"), spans(t, "Vladimir Putin"));
        let people = [
            Speaker {
                name: "Al-Maliki",
                role: None,
                spans: &m,
            },
            Speaker {
                name: "Vladimir Putin",
                role: None,
                spans: &p,
            },
        ];
        let q = extract(t, &people);
        assert_eq!(q[0].speaker.as_deref(), Some("Al-Maliki"));
        assert_eq!(q[0].attribution, "pronoun");
    }

    #[test]
    fn long_quotes_in_multibyte_text_do_not_split_characters() {
        let t = format!("\u{201C}{}", "と".repeat(800));
        assert!(extract(&t, &[]).is_empty());
    }

    #[test]
    fn short_scare_quotes_are_not_quotes() {
        assert!(extract("a so-called \"peace\" plan", &[]).is_empty());
        assert!(extract("unclosed \" quote with many words here", &[]).is_empty());
    }
}
