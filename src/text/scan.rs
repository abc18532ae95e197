//! Fast leftmost-first regex iteration over long texts, for patterns that can only start
//! at the beginning of a word with one of a few letters or digits ("January 26", "said").
//!
//! The regex crate is built with `perf-backtrack` only (its lazy DFA would cost ~84 KB of
//! gzipped wasm), so an unanchored search runs the PikeVM or the bounded backtracker over
//! the whole text, which is slow for large alternations. Here a byte test picks the few places where a match can
//! start and an anchored search runs only there. The results are exactly those of
//! `Regex::captures_iter`: the anchored search at the leftmost possible start finds the
//! same leftmost-first match, and the search sees the whole text, so `\b` and other
//! look-around keep their meaning.

use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input};

/// A pattern that must begin with `\b` followed by a word character.
pub struct WordStart {
    re: Regex,
    /// Literal beginnings a match must have (one of them), ASCII.
    prefixes: Vec<String>,
    /// `(?i)` pattern: prefixes compare without case, and a non-ASCII character may fold
    /// to an ASCII letter (U+017F to s, U+212A to k).
    fold: bool,
    /// May begin with a digit (`\d`, Unicode digits included).
    digits: bool,
    /// Bytes a match may begin with, for a quick skip over the rest.
    first: [bool; 256],
    /// ASCII texts one of which every match contains ("ago"; month names), if any: places
    /// farther than `MAX_MATCH` before the next occurrence need no search. Compared
    /// ignoring ASCII case under `fold` (given in lower case then), exactly otherwise.
    needles: &'static [&'static str],
    /// First bytes of the needles (both cases under `fold`).
    needle_first: [bool; 256],
}
/// One match with its groups, as byte ranges of the text.
pub struct Caps<'t> {
    text: &'t str,
    groups: Vec<Option<(usize, usize)>>,
}

impl<'t> Caps<'t> {
    /// Group `i` (0 = the whole match).
    pub fn get(&self, i: usize) -> Option<&'t str> {
        let (s, e) = (*self.groups.get(i)?)?;
        self.text.get(s..e)
    }

    /// Byte range of the whole match.
    pub fn span(&self) -> (usize, usize) {
        self.groups.first().copied().flatten().unwrap_or((0, 0))
    }
}

/// The longest match the patterns here look for: a date or a speech verb phrase is short,
/// and a longer "match" spans paragraphs ("3 <many spaces> April"). An anchored search over
/// a short window runs on the bounded backtracker instead of the PikeVM (several times
/// faster); look-around still sees the whole text.
const MAX_MATCH: usize = 64;

fn window(text: &str, i: usize) -> Input<'_> {
    let mut end = (i + MAX_MATCH).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    Input::new(text).range(i..end).anchored(Anchored::Yes)
}

/// Position of the first of `needles` in `b` from `from` on (ASCII case ignored under
/// `fold`, the needles then being lower case); `firsts` marks their first bytes.
fn find_any(
    b: &[u8],
    from: usize,
    needles: &[&str],
    firsts: &[bool; 256],
    fold: bool,
) -> Option<usize> {
    (from..b.len()).find(|&i| {
        firsts[b[i] as usize]
            && needles.iter().any(|n| {
                let n = n.as_bytes();
                b.get(i..i + n.len()).is_some_and(|w| {
                    if fold {
                        w.eq_ignore_ascii_case(n)
                    } else {
                        w == n
                    }
                })
            })
    })
}

fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl WordStart {
    /// `prefixes`: literal beginnings, one of which every match not starting with a digit
    /// has ("Jan" for "Jan\.?|January"; a trailing space means white space follows, as
    /// in "in " for `in\s+`); `fold`: the pattern starts case-insensitive;
    /// `digits`: a match may start with a digit. Panics on a bad pattern (patterns are
    /// constants, checked by the tests).
    pub fn new(pattern: &str, prefixes: &[&str], fold: bool, digits: bool) -> WordStart {
        let mut first = [false; 256];
        for p in prefixes {
            if let Some(&b) = p.as_bytes().first() {
                first[b as usize] = true;
                if fold {
                    first[b.to_ascii_uppercase() as usize] = true;
                    first[b.to_ascii_lowercase() as usize] = true;
                }
            }
        }
        if digits {
            first[b'0' as usize..=b'9' as usize].fill(true);
        }
        // Lead bytes of non-ASCII characters: Unicode digits for `\d`, U+017F and U+212A
        // for `(?i)` (their exact test is in `may_start`).
        if digits {
            first[0xC0..].fill(true);
        } else if fold {
            // U+017F is C5 BF and U+212A is E2 84 AA in UTF-8.
            first[0xC5] = true;
            first[0xE2] = true;
        }
        let fold_case = |p: &&str| {
            if fold {
                p.to_ascii_lowercase()
            } else {
                p.to_string()
            }
        };
        WordStart {
            re: Regex::new(&crate::text::pattern::fold(pattern)).expect("valid pattern"),
            prefixes: {
                // An empty prefix would allow any start: not a useful pattern here.
                assert!(prefixes.iter().all(|p| !p.is_empty()), "empty prefix");
                let mut v: Vec<String> = prefixes.iter().map(fold_case).collect();
                v.sort();
                v
            },
            fold,
            digits,
            first,
            needles: &[],
            needle_first: [false; 256],
        }
    }

    /// Declares texts one of which every match holds (see `needles`).
    pub fn with_needles(mut self, needles: &'static [&'static str]) -> WordStart {
        self.needles = needles;
        for n in needles {
            if let Some(&c) = n.as_bytes().first() {
                self.needle_first[c as usize] = true;
                if self.fold {
                    self.needle_first[c.to_ascii_uppercase() as usize] = true;
                }
            }
        }
        self
    }

    /// The next candidate start from `i` that is not too far before a needle, or None
    /// when no match can follow. `next` caches the next needle's position.
    fn near_needle(&self, b: &[u8], i: usize, next: &mut Option<usize>) -> Option<usize> {
        if self.needles.is_empty() {
            return Some(i);
        }
        if next.is_none_or(|p| p < i) {
            *next = find_any(b, i, self.needles, &self.needle_first, self.fold);
        }
        let p = (*next)?;
        Some(i.max(p.saturating_sub(MAX_MATCH)))
    }

    /// The next position from `i` whose byte may begin a match, or the text's end.
    fn skip(&self, b: &[u8], mut i: usize) -> usize {
        // Also past bytes inside ASCII words: a match starts after a non-word character.
        while i < b.len() && (!self.first[b[i] as usize] || (i > 0 && is_ascii_word(b[i - 1]))) {
            i += 1;
        }
        i
    }

    /// Whether the text at `i` may begin with `p`. Under `fold` a non-ASCII character
    /// might fold to the letter, so from the first one on anything counts as a match.
    fn begins(&self, rest: &[u8], p: &str) -> bool {
        for (k, &c) in p.as_bytes().iter().enumerate() {
            let Some(&t) = rest.get(k) else {
                return false;
            };
            if c == b' ' {
                // A prefix's trailing space stands for `\s`: ASCII white space, or any
                // non-ASCII character (it may be a Unicode space).
                return matches!(t, 0x09..=0x0D | 0x20) || t >= 0x80;
            }
            if self.fold && t >= 0x80 {
                return true;
            }
            let same = if self.fold {
                t.to_ascii_lowercase() == c
            } else {
                t == c
            };
            if !same {
                return false;
            }
        }
        true
    }

    fn may_start(&self, text: &str, i: usize) -> bool {
        let b = text.as_bytes();
        // The pattern opens with `\b` before a word character, so the previous
        // character must not be a word character (an ASCII one is easy to rule out).
        if i > 0 && is_ascii_word(b[i - 1]) {
            return false;
        }
        match b[i] {
            c if c.is_ascii_digit() => self.digits,
            c if c < 0x80 => {
                // Only the prefixes that start with this letter (under `fold`, stored lower
                // case); sorted, so they sit together.
                let c = if self.fold { c.to_ascii_lowercase() } else { c };
                let from = self.prefixes.partition_point(|p| p.as_bytes()[0] < c);
                self.prefixes[from..]
                    .iter()
                    .take_while(|p| p.as_bytes()[0] == c)
                    .any(|p| self.begins(&b[i..], p))
            }
            c if c >= 0xC0 => {
                let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else {
                    return false;
                };
                (self.digits && ch.is_numeric())
                    || (self.fold
                        && (ch == '\u{17F}' || ch == '\u{212A}')
                        && self.prefixes.iter().any(|p| self.begins(&b[i..], p)))
            }
            _ => false,
        }
    }

    /// Runs `search` at every place a match may start, leftmost first; `search` returns
    /// the end of the match it found there, and the scan resumes after it.
    fn each_match(&self, text: &str, mut search: impl FnMut(Input<'_>) -> Option<usize>) {
        let b = text.as_bytes();
        let mut i = 0;
        let mut next = None;
        while let Some(j) = self.near_needle(b, i, &mut next) {
            i = self.skip(b, j);
            if i >= text.len() {
                break;
            }
            if self.may_start(text, i) {
                if let Some(end) = search(window(text, i)) {
                    i = end.max(i + 1);
                    continue;
                }
            }
            i += 1;
        }
    }

    /// Like `Regex::find_iter`: (start, end) of each match.
    pub fn find_iter(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        self.each_match(text, |input| {
            let m = self.re.search(&input)?;
            out.push((m.start(), m.end()));
            Some(m.end())
        });
        out
    }

    /// Like `Regex::captures_iter`.
    pub fn captures_iter<'t>(&self, text: &'t str) -> Vec<Caps<'t>> {
        let mut caps: Captures = self.re.create_captures();
        let mut out = Vec::new();
        self.each_match(text, |input| {
            self.re.search_captures(&input, &mut caps);
            let m = caps.get_match()?;
            let groups = (0..caps.group_len())
                .map(|g| caps.get_group(g).map(|s| (s.start, s.end)))
                .collect();
            out.push(Caps { text, groups });
            Some(m.end())
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: &[&str] = &[
        "On January 26, 2023 he said: \"we met in 1948\". Said the ſaid man; Ksaid unsaid. saſd",
        "x said_said said, SAID! ٣ days ago; 3 weeks ago and a few days ago — in 2001 to 2005",
        "in\u{a0}1999, to\t2001 into 2002 A\u{2003}week ago, a\u{b}day ago; ſaid in\n1948",
        "日本語のテキスト said 12 January 東京 ２ days ago",
        "",
        "s",
    ];

    fn same(pattern: &str, prefixes: &[&str], fold: bool, digits: bool) {
        let ws = WordStart::new(pattern, prefixes, fold, digits);
        let re = crate::text::pattern::regex(pattern).unwrap();
        for t in TEXTS {
            let want: Vec<(usize, usize)> = re.find_iter(t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(ws.find_iter(t), want, "{pattern} on {t:?}");
            let want: Vec<Vec<Option<&str>>> = re
                .captures_iter(t)
                .map(|c| c.iter().map(|m| m.map(|m| m.as_str())).collect())
                .collect();
            let got: Vec<Vec<Option<&str>>> = ws
                .captures_iter(t)
                .iter()
                .map(|c| {
                    (0..want.first().map_or(0, |w| w.len()))
                        .map(|i| c.get(i))
                        .collect()
                })
                .collect();
            assert_eq!(got, want, "{pattern} on {t:?}");
        }
    }

    #[test]
    fn matches_exactly_what_the_regex_finds() {
        same(r"(?i)\b(?:said|says)\b", &["sa"], true, false);
        same(r"(?i)\b(?:said|told)\b", &["said", "told"], true, false);
        same(
            r"(?i)\b(\d+|a|few)\s+(days?|weeks?)\s+ago\b",
            &["a", "few"],
            true,
            true,
        );
        same(r"\b(?:in|to)\s+(\d{4})\b", &["in", "to"], false, false);
        same(r"\b(?:in|to)\s+(\d{4})\b", &["in ", "to "], false, false);
        same(
            r"(?i)\b(\d+|a|few)\s+(days?|weeks?)\s+ago\b",
            &["a ", "few "],
            true,
            true,
        );
        let pattern = r"(?i)\b(\d+|a|few)\s+(days?|weeks?)\s+ago\b";
        let ws = WordStart::new(pattern, &["a ", "few "], true, true).with_needles(&["ago"]);
        let re = crate::text::pattern::regex(pattern).unwrap();
        for t in TEXTS {
            let want: Vec<(usize, usize)> = re.find_iter(t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(ws.find_iter(t), want, "{t:?}");
        }
        same(r"\b(\d{1,2})\s+(January)\b", &[], false, true);
    }

    #[test]
    fn only_two_non_ascii_characters_fold_to_ascii_letters() {
        // The `unicode` start test relies on this.
        for l in 'a'..='z' {
            let re = crate::text::pattern::regex(&format!("(?i)^{l}$")).unwrap();
            for c in (0x80u32..0x3000).filter_map(char::from_u32) {
                if re.is_match(c.encode_utf8(&mut [0; 4])) {
                    assert!(c == '\u{17F}' || c == '\u{212A}', "{c:?}");
                }
            }
        }
    }
}
