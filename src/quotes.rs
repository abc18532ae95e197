//! Direct quotations in the article text, with their speakers.
//!
//! A quote is text between quotation marks of three words or more. Its speaker is the
//! person named next to a speech verb in the same sentence ("…," Blinken said); a pronoun
//! ("He noted that …") or a role ("the foreign minister recalled") resolves to the last
//! person named as speaking before it, else to the article's main speaker (the person most
//! often named with a speech verb), so quotes link to the people and officials found.

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

const VERBS: &str = r"(?:said|says|say|told|tells|noted|notes|stressed|stresses|added|adds|stated|states|recalled|recalls|suggested|suggests|warned|warns|explained|explains|argued|argues|claimed|claims|insisted|insists|wrote|writes|tweeted|asked|asks|answered|replied|declared|declares|announced|announces|emphasi[sz]ed|emphasi[sz]es|underlined|underscored|pointed out|went on saying|went on to say|continued|remarked|commented|urged|urges|acknowledged|admitted|conceded|observed|described|called|labell?ed|according to)";

static VERB: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"(?i)\b{VERBS}\b")).unwrap());

/// Finds quoted passages: (mark start, words start, words end, mark end).
fn quoted(text: &str) -> Vec<(usize, usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
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
            let window = floor_boundary(text, start + MAX_QUOTE_BYTES);
            let limit = text[start..window]
                .find("\n\n")
                .map(|p| start + p)
                .unwrap_or(window);
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

/// Longest span searched for a sentence's ends: past it, the text is not prose (a list, a
/// table flattened to text) and searching further would only cost time on huge pages.
const MAX_SENTENCE_BYTES: usize = 2000;
const MAX_QUOTE_BYTES: usize = 1500;
/// What a speech verb's subject ("the Palestinian foreign minister also") can span.
const MAX_SUBJECT_BYTES: usize = 240;

/// The largest char boundary of `s` at or below `i` (clamped to the length).
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or above `i` (clamped to the length).
fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn sentence_bounds(text: &str, s: usize, e: usize) -> (usize, usize) {
    let from = ceil_boundary(text, s.saturating_sub(MAX_SENTENCE_BYTES));
    let before = &text[from..s];
    let a = before
        .rfind('\n')
        .map(|p| p + 1)
        .max(before.rfind(". ").map(|p| p + 2))
        .max(before.rfind("? ").map(|p| p + 2))
        .max(before.rfind("! ").map(|p| p + 2))
        .map_or(from, |p| from + p);
    let to = floor_boundary(text, e + MAX_SENTENCE_BYTES);
    let after = &text[e..to];
    // The sentence goes on past the closing mark: `"…," he said.`
    let mut z = to;
    for pat in [". ", ".\n", "? ", "! ", "\n"] {
        if let Some(p) = after.find(pat) {
            z = z.min(e + p + 1);
        }
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
    Regex::new(r"(?i)(?:[\s,]+|\b(?:also|further|later|then|again|has|had|have|was|were|is|who|once|previously|repeatedly|reportedly)\b)+$").unwrap()
});
static LEADING_FILLER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:[\s,]+|\b(?:also|then|again)\b)+").unwrap());
static PRONOUN_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(he|she)$").unwrap());
static PRONOUN_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^(he|she)\b").unwrap());
static ROLE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\bthe\s+({ROLE_WORDS})$")).unwrap());
static ROLE_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^the\s+({ROLE_WORDS})\b")).unwrap());
const ROLE_WORDS: &str = r"(?:[a-z-]+\s+){0,3}(?:minister|president|secretary|spokes(?:man|woman|person)|ambassador|envoy|diplomat|chancellor|premier|leader|governor|mayor|official|general|chief|senator|lawmaker|prosecutor|judge)";

/// Every mention of every speaker, sorted by start and by end, so the mention next to a
/// speech verb is a binary search away however many mentions the text holds.
struct MentionIndex {
    /// (start, end, speaker index), sorted.
    by_start: Vec<(usize, usize, usize)>,
    /// (end, start, speaker index), sorted.
    by_end: Vec<(usize, usize, usize)>,
}

impl MentionIndex {
    fn new(people: &[Speaker]) -> MentionIndex {
        let mut by_start = Vec::new();
        for (i, p) in people.iter().enumerate() {
            by_start.extend(p.spans.iter().map(|&(s, e)| (s, e, i)));
        }
        let mut by_end: Vec<_> = by_start.iter().map(|&(s, e, i)| (e, s, i)).collect();
        by_start.sort_unstable();
        by_end.sort_unstable();
        MentionIndex { by_start, by_end }
    }

    /// The first speaker (in list order) with a mention ending in [lo, hi] that starts at or
    /// after `min_start`.
    fn ending_in(&self, lo: usize, hi: usize, min_start: usize) -> Option<usize> {
        let from = self.by_end.partition_point(|m| m.0 < lo);
        self.by_end[from..]
            .iter()
            .take_while(|m| m.0 <= hi)
            .filter(|m| m.1 >= min_start)
            .map(|m| m.2)
            .min()
    }

    /// The first speaker (in list order) with a mention starting in [lo, hi] that ends at or
    /// before `max_end`.
    fn starting_in(&self, lo: usize, hi: usize, max_end: usize) -> Option<usize> {
        let from = self.by_start.partition_point(|m| m.0 < lo);
        self.by_start[from..]
            .iter()
            .take_while(|m| m.0 <= hi)
            .filter(|m| m.1 <= max_end)
            .map(|m| m.2)
            .min()
    }
}

/// The subject of the speech verb at `v` (byte range), looking inside the sentence `sent`.
fn subject_of(
    text: &str,
    v: (usize, usize),
    sent: (usize, usize),
    index: &MentionIndex,
) -> Option<Subject> {
    // The end-anchored patterns only ever match a few words: run them on the sentence's
    // last bytes before the verb, so a long unpunctuated "sentence" costs no more.
    let tail = ceil_boundary(text, sent.0.max(v.0.saturating_sub(MAX_SUBJECT_BYTES)));
    let pre = &text[tail..v.0];
    let cut = TRAILING_FILLER
        .find(pre)
        .map(|m| m.start())
        .unwrap_or(pre.len());
    let pre_end = tail + cut;
    if let Some(i) = index.ending_in(pre_end.saturating_sub(3), pre_end, sent.0) {
        return Some(Subject::Named(i));
    }
    let pre = &text[tail..pre_end];
    if PRONOUN_END.is_match(pre) {
        return Some(Subject::Pronoun);
    }
    if let Some(c) = ROLE_END.captures(pre) {
        let m = c.get(1)?;
        return Some(Subject::Role(tail + m.start(), tail + m.end()));
    }
    // Inverted: `"…," said Blinken` / `according to the minister`.
    let post = &text[v.1..sent.1.max(v.1)];
    let skip = LEADING_FILLER.find(post).map(|m| m.end()).unwrap_or(0);
    let post_start = v.1 + skip;
    if let Some(i) = index.starting_in(post_start, post_start + 1, sent.1) {
        return Some(Subject::Named(i));
    }
    let post = &text[post_start..sent.1.max(post_start)];
    if PRONOUN_START.is_match(post) {
        return Some(Subject::Pronoun);
    }
    let m = ROLE_START.captures(post)?.get(1)?;
    Some(Subject::Role(post_start + m.start(), post_start + m.end()))
}

/// Every speech verb of the text with its subject: (verb range, subject).
fn speech_events(text: &str, people: &[Speaker]) -> Vec<((usize, usize), Subject)> {
    let index = MentionIndex::new(people);
    VERB.find_iter(text)
        .filter_map(|m| {
            let sent = sentence_bounds(text, m.start(), m.end());
            subject_of(text, (m.start(), m.end()), sent, &index).map(|s| ((m.start(), m.end()), s))
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
    // Events are in text order: search back from `pos` and stop past two sentences.
    let last_named_before = |pos: usize| {
        let here = sentence_index(&starts, pos);
        let upto = events.partition_point(|((vs, _), _)| *vs < pos);
        events[..upto]
            .iter()
            .rev()
            .take_while(|((vs, _), _)| here - sentence_index(&starts, *vs) <= 2)
            .find_map(|(_, s)| match s {
                Subject::Named(i) => Some(*i),
                _ => None,
            })
    };
    let mut out = Vec::new();
    for (qs, s, e, qe) in quoted(text) {
        let sent = sentence_bounds(text, qs, qe);
        // The speech verb of this sentence nearest the quote, outside it, that has a subject.
        let from = events.partition_point(|((vs, _), _)| *vs < sent.0);
        let best = events[from..]
            .iter()
            .take_while(|((vs, _), _)| *vs < sent.1)
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

    fn spans(text: &str, name: &str) -> Vec<(usize, usize)> {
        text.match_indices(name)
            .map(|(i, m)| (i, i + m.len()))
            .collect()
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
    fn short_scare_quotes_are_not_quotes() {
        assert!(extract("a so-called \"peace\" plan", &[]).is_empty());
        assert!(extract("unclosed \" quote with many words here", &[]).is_empty());
    }
}
