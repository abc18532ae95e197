//! A gazetteer of named things (places, organisations) read from a `name \t kind \t
//! country \t alias|alias` table, looked up over the officials tokenizer's words with one
//! hash probe per word: most words are rejected by a first-word set before any phrase is
//! built. Acronyms and short names match in their exact case only ("US", "WHO", not "us",
//! "who"); longer names need a capital on their first word.

use crate::text::names::{tokenize, Token};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub kind: String,
    /// ISO 3166-1 alpha-2 code, or empty.
    pub country: String,
}

#[derive(Debug, Default)]
pub struct Phrases {
    pub entries: Vec<Entry>,
    /// Lower-case words joined by one space -> entry.
    map: HashMap<String, usize>,
    /// Exact-case keys (acronyms, short names) -> entry.
    exact: HashMap<String, usize>,
    firsts: HashSet<String>,
    max_words: usize,
}

/// Small words that may stay lower case inside a name ("Strait of Hormuz").
pub fn is_link_word(w: &str) -> bool {
    matches!(
        w,
        "of" | "the" | "and" | "for" | "de" | "del" | "la" | "el" | "al" | "on" | "in" | "du"
    )
}

fn exact_case(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 3 || !name.chars().any(|c| c.is_lowercase())
}

impl Phrases {
    pub fn parse(text: &str) -> Phrases {
        let mut p = Phrases {
            max_words: 1,
            ..Default::default()
        };
        for line in text.lines() {
            let mut cols = line.split('\t');
            let name = match cols.next() {
                Some(n) if !n.trim().is_empty() && !n.starts_with('#') => n.trim(),
                _ => continue,
            };
            let kind = cols.next().unwrap_or("").to_string();
            let country = cols.next().unwrap_or("").to_string();
            let aliases = cols.next().unwrap_or("");
            let idx = p.entries.len();
            p.entries.push(Entry {
                name: name.to_string(),
                kind,
                country,
            });
            for n in std::iter::once(name).chain(aliases.split('|').filter(|a| !a.is_empty())) {
                let toks: Vec<Token> = tokenize(n).into_iter().filter(|t| t.word).collect();
                if toks.is_empty() {
                    continue;
                }
                p.max_words = p.max_words.max(toks.len());
                let key = toks
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                if exact_case(n) {
                    let exact = toks.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
                    p.exact.entry(exact).or_insert(idx);
                    p.firsts.insert(toks[0].lower.clone());
                } else if !p.map.contains_key(&key) {
                    p.firsts.insert(toks[0].lower.clone());
                    p.map.insert(key, idx);
                }
            }
        }
        p
    }

    /// The longest phrase starting at word token `i`: (tokens used, entry index).
    /// Punctuation tokens end a phrase, except a hyphen-free name never spans them anyway.
    pub fn at(&self, toks: &[Token], i: usize) -> Option<(usize, usize)> {
        let first = toks.get(i)?;
        if !first.word || !self.firsts.contains(&first.lower) {
            return None;
        }
        let mut key = String::new();
        let mut exact = String::new();
        let mut best = None;
        for n in 1..=self.max_words {
            let t = match toks.get(i + n - 1) {
                Some(t) if t.word => t,
                _ => break,
            };
            if n > 1 {
                key.push(' ');
                exact.push(' ');
            }
            key.push_str(&t.lower);
            exact.push_str(t.text);
            if let Some(&e) = self.exact.get(&exact) {
                best = Some((n, e));
            }
            let case_ok = first.cap && (n == 1 || t.cap || is_link_word(&t.lower));
            if case_ok {
                if let Some(&e) = self.map.get(&key) {
                    best = Some((n, e));
                }
            }
            if t.poss {
                break;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "United States\tcountry\tUS\tUS|U.S.\nWest Bank\tregion\tPS\t\nWHO\tinternational\t\tWorld Health Organization\nStrait of Hormuz\tarea\t\t\n";

    #[test]
    fn longest_match_and_case_rules() {
        let p = Phrases::parse(TABLE);
        let t =
            tokenize("the West Bank and the US, not us; WHO and the World Health Organization who");
        let words: Vec<usize> = (0..t.len()).collect();
        let hits: Vec<(usize, &str)> = words
            .iter()
            .filter_map(|&i| p.at(&t, i).map(|(n, e)| (n, p.entries[e].name.as_str())))
            .collect();
        assert_eq!(
            hits,
            vec![
                (2, "West Bank"),
                (1, "United States"),
                (1, "WHO"),
                (3, "WHO"),
            ]
        );
    }

    #[test]
    fn lower_case_link_words_inside_names() {
        let p = Phrases::parse(TABLE);
        let t = tokenize("through the Strait of Hormuz today");
        assert_eq!(p.at(&t, 2), Some((3, 3)));
        let t = tokenize("the west bank");
        assert_eq!(p.at(&t, 1), None);
    }
}
