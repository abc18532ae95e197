//! Fast leftmost-first regex iteration over long texts, for patterns that can only start
//! at the beginning of a word with one of a few letters or digits ("January 26", "said").
//!
//! The regex crate is built without its `perf-*` features (they would cost ~36 KB of
//! gzipped wasm), so every unanchored search runs the PikeVM over the whole text, which is
//! slow for large alternations. Here a byte test picks the few places where a match can
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
    /// ASCII bytes a match may start with.
    ascii: [bool; 128],
    /// Whether a non-ASCII character may start a match: one `(?i)` folds to an ASCII
    /// letter (U+017F to s, U+212A to k), or a Unicode decimal digit for `\d`.
    unicode: bool,
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

fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl WordStart {
    /// `starts`: the ASCII letters a match can begin with (give lower case; `fold` adds
    /// upper case, for `(?i)` patterns); `digits`: whether it can begin with a digit
    /// (`\d`, Unicode digits included). Panics on a bad pattern (patterns are constants,
    /// checked by the tests).
    pub fn new(pattern: &str, starts: &str, fold: bool, digits: bool) -> WordStart {
        let mut ascii = [false; 128];
        for b in starts.bytes().filter(|b| b.is_ascii()) {
            ascii[b as usize] = true;
            if fold {
                ascii[b.to_ascii_uppercase() as usize] = true;
                ascii[b.to_ascii_lowercase() as usize] = true;
            }
        }
        if digits {
            for b in b'0'..=b'9' {
                ascii[b as usize] = true;
            }
        }
        WordStart {
            re: Regex::new(pattern).expect("valid pattern"),
            ascii,
            unicode: fold || digits,
        }
    }

    fn may_start(&self, text: &str, i: usize) -> bool {
        let b = text.as_bytes();
        // The pattern opens with `\b` before a word character, so the previous
        // character must not be a word character (an ASCII one is easy to rule out).
        if i > 0 && is_ascii_word(b[i - 1]) {
            return false;
        }
        match b[i] {
            c if c < 0x80 => self.ascii[c as usize],
            c if c >= 0xC0 && self.unicode => text
                .get(i..)
                .and_then(|s| s.chars().next())
                .is_some_and(|ch| ch.is_numeric() || ch == '\u{17F}' || ch == '\u{212A}'),
            _ => false,
        }
    }

    /// Like `Regex::find_iter`: (start, end) of each match.
    pub fn find_iter(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            if self.may_start(text, i) {
                let input = Input::new(text).range(i..).anchored(Anchored::Yes);
                if let Some(m) = self.re.search(&input) {
                    out.push((m.start(), m.end()));
                    i = m.end().max(i + 1);
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    /// Like `Regex::captures_iter`.
    pub fn captures_iter<'t>(&self, text: &'t str) -> Vec<Caps<'t>> {
        let mut caps: Captures = self.re.create_captures();
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            if self.may_start(text, i) {
                let input = Input::new(text).range(i..).anchored(Anchored::Yes);
                self.re.search_captures(&input, &mut caps);
                if let Some(m) = caps.get_match() {
                    let groups = (0..caps.group_len())
                        .map(|g| caps.get_group(g).map(|s| (s.start, s.end)))
                        .collect();
                    out.push(Caps { text, groups });
                    i = m.end().max(i + 1);
                    continue;
                }
            }
            i += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: &[&str] = &[
        "On January 26, 2023 he said: \"we met in 1948\". Said the ſaid man; Ksaid unsaid.",
        "x said_said said, SAID! ٣ days ago; 3 weeks ago and a few days ago — in 2001 to 2005",
        "日本語のテキスト said 12 January 東京 ２ days ago",
        "",
        "s",
    ];

    fn same(pattern: &str, starts: &str, fold: bool, digits: bool) {
        let ws = WordStart::new(pattern, starts, fold, digits);
        let re = regex::Regex::new(pattern).unwrap();
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
        same(r"(?i)\b(?:said|says)\b", "s", true, false);
        same(
            r"(?i)\b(\d+|a|few)\s+(days?|weeks?)\s+ago\b",
            "af",
            true,
            true,
        );
        same(r"\b(?:in|to)\s+(\d{4})\b", "it", false, false);
        same(r"\b(\d{1,2})\s+(January)\b", "", false, true);
    }

    #[test]
    fn only_two_non_ascii_characters_fold_to_ascii_letters() {
        // The `unicode` start test relies on this.
        for l in 'a'..='z' {
            let re = regex::Regex::new(&format!("(?i)^{l}$")).unwrap();
            for c in (0x80u32..0x3000).filter_map(char::from_u32) {
                if re.is_match(c.encode_utf8(&mut [0; 4])) {
                    assert!(c == '\u{17F}' || c == '\u{212A}', "{c:?}");
                }
            }
        }
    }
}
