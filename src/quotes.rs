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
static PRONOUN_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b(he|she)\s+(?:\w+\s+){{0,2}}{VERBS}\b")).unwrap());
static PRONOUN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\W{{0,4}}(?:(he|she)\s+(?:\w+\s+)?{VERBS}|{VERBS}\s+(he|she))\b"
    ))
    .unwrap()
});
static ROLE_NEAR_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\bthe\s+((?:[a-z-]+\s+){{0,3}}(?:minister|president|secretary|spokes(?:man|woman|person)|ambassador|envoy|diplomat|chancellor|premier|leader|governor|mayor|official|general|chief|senator|lawmaker))\s+(?:\w+\s+)?{VERBS}\b")).unwrap()
});

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
            let limit = text[start..]
                .find("\n\n")
                .map(|p| start + p)
                .unwrap_or(text.len())
                .min(start + 1500);
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
    let before = &text[..s];
    let a = before
        .rfind(|c: char| c == '\n')
        .map(|p| p + 1)
        .max(before.rfind(". ").map(|p| p + 2))
        .max(before.rfind("? ").map(|p| p + 2))
        .max(before.rfind("! ").map(|p| p + 2))
        .unwrap_or(0);
    let after = &text[e..];
    // The sentence goes on past the closing mark: `"…," he said.`
    let mut z = text.len();
    for pat in [". ", ".\n", "? ", "! ", "\n"] {
        if let Some(p) = after.find(pat) {
            z = z.min(e + p + 1);
        }
    }
    (a, z)
}

/// The speaker whose mention, inside `range` and outside the quote, is nearest to a verb.
fn named_in(
    range: (usize, usize),
    quote: (usize, usize),
    text: &str,
    people: &[Speaker],
) -> Option<usize> {
    let verbs: Vec<usize> = VERB
        .find_iter(&text[range.0..range.1])
        .map(|m| range.0 + m.start())
        .filter(|&v| v < quote.0 || v > quote.1)
        .collect();
    if verbs.is_empty() {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for (pi, p) in people.iter().enumerate() {
        for &(s, e) in p.spans {
            if s < range.0 || e > range.1 || (s >= quote.0 && e <= quote.1) {
                continue;
            }
            let d = verbs
                .iter()
                .map(|&v| if v >= e { v - e } else { s.saturating_sub(v) })
                .min()
                .unwrap_or(usize::MAX);
            if d < 60 && best.map(|(bd, _)| d < bd).unwrap_or(true) {
                best = Some((d, pi));
            }
        }
    }
    best.map(|(_, i)| i)
}

/// The largest char boundary at or below `i`.
fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// How often each person is named right before or after a speech verb.
fn speech_counts(text: &str, people: &[Speaker]) -> Vec<usize> {
    people
        .iter()
        .map(|p| {
            p.spans
                .iter()
                .filter(|&&(s, e)| {
                    let after = &text[floor(text, e)..floor(text, e + 40)];
                    let before = text[floor(text, s.saturating_sub(30))..floor(text, s)]
                        .to_ascii_lowercase();
                    VERB.find(after).map(|m| m.start() < 25).unwrap_or(false)
                        || before.contains("according to")
                })
                .count()
        })
        .collect()
}

pub fn extract(text: &str, people: &[Speaker]) -> Vec<Quote> {
    let counts = speech_counts(text, people);
    let main = counts
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0)
        .max_by_key(|(_, &c)| c)
        .map(|(i, _)| i);
    let mut out: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<usize> = None;
    for (qs, s, e, qe) in quoted(text) {
        let (a, z) = sentence_bounds(text, qs, qe);
        let mut speaker = named_in((a, z), (s, e), text, people).map(|i| (i, "named"));
        if speaker.is_none() {
            let before = &text[a..qs];
            let after = &text[qe..z.max(qe)];
            if PRONOUN_BEFORE.is_match(before) || PRONOUN_AFTER.is_match(after) {
                speaker = last_speaker.or(main).map(|i| (i, "pronoun"));
            } else if let Some(c) = ROLE_NEAR_VERB
                .captures(before)
                .or_else(|| ROLE_NEAR_VERB.captures(after))
            {
                let words = c[1].to_lowercase();
                let by_role = people.iter().position(|p| {
                    p.role
                        .map(|r| {
                            let r = r.to_lowercase();
                            r.contains(&words)
                                || words.ends_with(r.split_whitespace().last().unwrap_or("-"))
                        })
                        .unwrap_or(false)
                });
                speaker = by_role.or(main).map(|i| (i, "role"));
            }
        }
        if let Some((i, how)) = speaker {
            if how == "named" {
                last_speaker = Some(i);
            }
            out.push(Quote {
                text: text[s..e].trim().to_string(),
                speaker: Some(people[i].name.to_string()),
                speaker_index: Some(i),
                attribution: how,
                span: (s, e),
            });
        } else {
            out.push(Quote {
                text: text[s..e].trim().to_string(),
                speaker: None,
                speaker_index: None,
                attribution: "",
                span: (s, e),
            });
        }
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
    fn short_scare_quotes_are_not_quotes() {
        assert!(extract("a so-called \"peace\" plan", &[]).is_empty());
        assert!(extract("unclosed \" quote with many words here", &[]).is_empty());
    }
}
