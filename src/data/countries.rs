//! Country names, short names and demonyms to ISO 3166-1 alpha-2 codes (or an
//! international organisation's short name), read from data/countries.tsv.

use crate::data;
use crate::text::names::Token;
use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, Mutex};

pub struct Countries {
    /// Lower-case name or demonym, words joined by one space -> (code, is demonym).
    map: HashMap<String, (Box<str>, bool)>,
    /// Names of three letters or fewer must match in this exact case ("US", not "us").
    exact: HashMap<String, Box<str>>,
    /// First words of the names in `map`, to reject most words with one lookup.
    firsts: rustc_hash::FxHashSet<String>,
    max_words: usize,
    /// Code -> its first demonym ("RU" -> "Russian").
    demonyms: HashMap<String, String>,
    /// Code -> its common name ("RU" -> "Russia").
    names: HashMap<String, String>,
}

static SLOT: data::Slot<Countries> = Mutex::new(None);

pub fn get() -> Arc<Countries> {
    data::cached(&SLOT, || {
        Countries::parse(data::text(data::File::Countries))
    })
}

impl Countries {
    pub fn parse(text: &str) -> Countries {
        let mut map = HashMap::default();
        let mut exact = HashMap::default();
        let mut firsts = rustc_hash::FxHashSet::default();
        let mut max_words = 1;
        let mut demonyms = HashMap::default();
        let mut common = HashMap::default();
        for line in text.lines() {
            let mut cols = line.split('\t');
            let code = match cols.next() {
                Some(c) if !c.is_empty() => c,
                _ => continue,
            };
            let names = cols.next().unwrap_or("");
            let dems = cols.next().unwrap_or("");
            if let Some(n) = names.split('|').find(|n| !n.is_empty()) {
                common
                    .entry(code.to_string())
                    .or_insert_with(|| n.to_string());
            }
            if let Some(d) = dems.split('|').find(|d| !d.is_empty()) {
                demonyms
                    .entry(code.to_string())
                    .or_insert_with(|| d.to_string());
            }
            for (list, dem) in [(names, false), (dems, true)] {
                for n in list.split('|').filter(|n| !n.is_empty()) {
                    let words: Vec<&str> = n.split_whitespace().collect();
                    max_words = max_words.max(words.len());
                    if n.chars().filter(|c| c.is_alphabetic()).count() <= 3 {
                        exact.entry(n.to_string()).or_insert_with(|| code.into());
                    } else {
                        let key = words.join(" ").to_lowercase();
                        if let Some(f) = key.split(' ').next() {
                            firsts.insert(f.to_string());
                            firsts.insert(format!("{f}s"));
                        }
                        map.entry(key).or_insert_with(|| (code.into(), dem));
                    }
                }
            }
        }
        Countries {
            map,
            exact,
            firsts,
            max_words,
            demonyms,
            names: common,
        }
    }

    /// The common name of a country code ("RU" -> "Russia").
    pub fn name(&self, code: &str) -> Option<&str> {
        self.names.get(code).map(String::as_str)
    }

    /// The demonym of a country code ("RU" -> "Russian").
    pub fn demonym(&self, code: &str) -> Option<&str> {
        self.demonyms.get(code).map(String::as_str)
    }

    /// The country named by the words starting at `toks[i]`, longest first: (words used,
    /// code, is demonym). Capitalised words only; a plural demonym ("Palestinians") counts.
    pub fn at(&self, toks: &[Token], i: usize) -> Option<(usize, &str, bool)> {
        let first = toks.get(i)?;
        if !first.word
            || !first.cap
            || (!self.firsts.contains(&first.lower) && !self.exact.contains_key(first.text))
        {
            return None;
        }
        let mut key = String::new();
        let mut best = None;
        for n in 1..=self.max_words {
            let t = match toks.get(i + n - 1) {
                Some(t) if t.word => t,
                _ => break,
            };
            if n > 1 {
                // Only "of", "the", "and" may be lower case inside a name ("Republic of the Congo").
                if !t.cap && !matches!(t.lower.as_str(), "of" | "the" | "and") {
                    break;
                }
                key.push(' ');
            }
            key.push_str(&t.lower);
            if n == 1 {
                if let Some(c) = self.exact.get(t.text) {
                    best = Some((1, &**c, false));
                }
            }
            if let Some((c, dem)) = self.map.get(&key) {
                best = Some((n, &**c, *dem));
            } else if n == 1 && key.ends_with('s') {
                if let Some((c, true)) = self.map.get(&key[..key.len() - 1]) {
                    best = Some((1, &**c, true));
                }
            }
            if t.poss {
                break;
            }
        }
        best
    }

    /// Code of a name or demonym given as a string ("Russian", "United States").
    pub fn code(&self, name: &str) -> Option<&str> {
        if let Some(c) = self.exact.get(name) {
            return Some(c);
        }
        self.map.get(&name.to_lowercase()).map(|(c, _)| &**c)
    }
}

/// True for the short names of international organisations (not ISO country codes).
pub fn is_org(code: &str) -> bool {
    code.len() > 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::names::tokenize;

    #[test]
    fn demonyms_and_names() {
        let c = get();
        assert_eq!(c.code("Palestinian"), Some("PS"));
        assert_eq!(c.code("US"), Some("US"));
        assert_eq!(c.code("Russian"), Some("RU"));
        assert_eq!(c.code("us"), None);
        assert_eq!(c.demonym("RU"), Some("Russian"));
        assert_eq!(c.demonym("IL"), Some("Israeli"));
        let t = tokenize("the United States and New Zealand's Palestinians");
        assert_eq!(c.at(&t, 1), Some((2, "US", false)));
        assert_eq!(c.at(&t, 4), Some((2, "NZ", false)));
        assert_eq!(c.at(&t, 6), Some((1, "PS", true)));
        assert_eq!(c.at(&t, 0), None);
    }

    #[test]
    fn organisations() {
        let c = get();
        assert_eq!(c.code("NATO"), Some("NATO"));
        assert!(is_org("NATO"));
        assert!(!is_org("US"));
    }
}
