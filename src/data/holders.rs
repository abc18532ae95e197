//! Office holders with their posts and dates (data/officials.tsv, from Wikidata): who held
//! which post where, and whether they held it on the article's date. Indexed by full name,
//! by first-and-last name, and by surname for the top posts.

use crate::data;
use crate::text::names::{name_key, part_key};
use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone)]
pub struct Term {
    pub country: Box<str>,
    pub category: &'static str,
    /// YYYY, YYYY-MM or YYYY-MM-DD; empty when unknown.
    pub start: Box<str>,
    /// Empty while in office (or unknown).
    pub end: Box<str>,
    pub label: u32,
}

#[derive(Debug)]
pub struct Holder {
    pub name: Box<str>,
    pub terms: Vec<Term>,
}

#[derive(Default)]
pub struct Gazetteer {
    pub holders: Vec<Holder>,
    by_full: HashMap<String, Vec<u32>>,
    by_first_last: HashMap<String, Vec<u32>>,
    /// Surname -> holders of a head-of-state, head-of-government or foreign-minister post.
    by_surname: HashMap<String, Vec<u32>>,
    /// (country, category) -> holders of a top post there.
    by_post: HashMap<(Box<str>, &'static str), Vec<u32>>,
    /// First names of every holder: evidence that a capitalised word starts a person's name.
    pub first_names: rustc_hash::FxHashSet<String>,
    /// The same first names, folded to plain lower case but otherwise as spelt.
    pub first_exact: rustc_hash::FxHashSet<String>,
    labels: Vec<&'static str>,
}

/// The one-letter category codes of officials.tsv (scripts/gen_data.py holds the same table).
pub fn category_of_code(c: &str) -> Option<&'static str> {
    Some(match c {
        "s" => "head_of_state",
        "g" => "head_of_government",
        "f" => "foreign_minister",
        "m" => "other_minister",
        "l" => "legislator",
        "d" => "diplomat",
        "a" => "military",
        "p" => "police",
        "j" => "judiciary",
        "k" => "spokesperson",
        "r" => "regional_executive",
        "i" => "international_official",
        "q" => "party_leader",
        "o" => "other_official",
        _ => return None,
    })
}

fn category_static(c: &str) -> &'static str {
    crate::analysis::people::roles::CATEGORIES
        .iter()
        .copied()
        .find(|x| *x == c)
        .unwrap_or("other_official")
}

static SLOT: data::Slot<Gazetteer> = Mutex::new(None);

pub fn get() -> Arc<Gazetteer> {
    data::cached(&SLOT, || {
        Gazetteer::parse(
            data::text(data::File::Officials),
            data::text(data::File::Positions),
        )
    })
}

pub fn is_top(category: &str) -> bool {
    matches!(
        category,
        "head_of_state" | "head_of_government" | "foreign_minister"
    )
}

impl Gazetteer {
    pub fn parse(text: &str, positions: &'static str) -> Gazetteer {
        let mut g = Gazetteer {
            labels: positions.lines().collect(),
            ..Default::default()
        };
        for line in text.lines() {
            let (name, rest) = match line.split_once('\t') {
                Some(x) => x,
                None => continue,
            };
            let mut terms = Vec::new();
            for e in rest.split(';') {
                let f: Vec<&str> = e.split('|').collect();
                if f.len() < 5 {
                    continue;
                }
                let category = match category_of_code(f[1]) {
                    Some(c) => c,
                    None => continue,
                };
                terms.push(Term {
                    country: f[0].into(),
                    category,
                    start: f[2].into(),
                    end: f[3].into(),
                    label: f[4].parse().unwrap_or(u32::MAX),
                });
            }
            if terms.is_empty() {
                continue;
            }
            let parts: Vec<&str> = name.split_whitespace().collect();
            let key = name_key(&parts);
            if key.is_empty() {
                continue;
            }
            let id = g.holders.len() as u32;
            g.by_full.entry(key.join(" ")).or_default().push(id);
            if key.len() > 2 {
                let fl = format!("{} {}", key[0], key[key.len() - 1]);
                g.by_first_last.entry(fl).or_default().push(id);
            }
            if terms.iter().any(|t| is_top(t.category)) {
                if let Some(last) = key.last() {
                    g.by_surname.entry(last.clone()).or_default().push(id);
                }
            }
            for t in terms.iter().filter(|t| is_top(t.category)) {
                let ids = g
                    .by_post
                    .entry((t.country.clone(), t.category))
                    .or_default();
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            }
            if parts.len() >= 2 {
                let first = parts[0].trim_end_matches('.');
                if first.chars().count() > 1
                    && first.chars().next().is_some_and(|c| c.is_uppercase())
                {
                    g.first_names.insert(part_key(first));
                    g.first_exact.insert(crate::text::names::fold(first));
                }
            }
            g.holders.push(Holder {
                name: name.into(),
                terms,
            });
        }
        g
    }

    pub fn label(&self, t: &Term) -> &'static str {
        self.labels.get(t.label as usize).copied().unwrap_or("")
    }

    /// Holders whose name matches `parts` (full name, else first and last name).
    pub fn by_name(&self, parts: &[String]) -> Vec<&Holder> {
        if parts.len() < 2 {
            return Vec::new();
        }
        let full = parts.join(" ");
        let ids = self.by_full.get(&full).or_else(|| {
            let fl = format!("{} {}", parts[0], parts[parts.len() - 1]);
            self.by_full
                .get(&fl)
                .or_else(|| self.by_first_last.get(&fl))
        });
        ids.map(|v| {
            v.iter()
                .filter_map(|&i| self.holders.get(i as usize))
                .collect()
        })
        .unwrap_or_default()
    }

    /// True when the data knows who held the top post `category` in `country` on `date`.
    pub fn holds(&self, country: &str, category: &str, date: Option<&str>) -> bool {
        let Some(ids) = self
            .by_post
            .get(&(Box::<str>::from(country), category_static(category)))
        else {
            return false;
        };
        ids.iter()
            .filter_map(|&i| self.holders.get(i as usize))
            .flat_map(|h| h.terms.iter())
            .any(|t| {
                t.category == category && &*t.country == country && when(t, date) == When::Current
            })
    }

    /// Holders of a top post with this surname key.
    pub fn by_surname(&self, key: &str) -> Vec<&Holder> {
        self.by_surname
            .get(key)
            .map(|v| {
                v.iter()
                    .filter_map(|&i| self.holders.get(i as usize))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Where a term stands relative to the article's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    /// Began after the article's date: not usable.
    Future,
    Past,
    Current,
}

/// Compares ISO dates of any precision on their common prefix.
fn before(a: &str, b: &str) -> bool {
    let n = a.len().min(b.len());
    n > 0 && a.as_bytes()[..n] < b.as_bytes()[..n]
}

pub fn when(t: &Term, date: Option<&str>) -> When {
    let date = match date {
        Some(d) if d.len() >= 4 => d,
        _ => {
            return if t.end.is_empty() {
                When::Current
            } else {
                When::Past
            }
        }
    };
    if !t.start.is_empty() && before(date, &t.start) {
        return When::Future;
    }
    if !t.end.is_empty() && before(&t.end, date) {
        return When::Past;
    }
    When::Current
}

/// How much a category weighs when one person held several posts.
pub fn rank(category: &str) -> u8 {
    match category {
        "head_of_state" => 9,
        "head_of_government" => 8,
        "foreign_minister" => 7,
        "other_minister" => 6,
        "international_official" => 5,
        "judiciary" | "military" | "legislator" => 4,
        "regional_executive" => 3,
        "diplomat" => 2,
        _ => 1,
    }
}

/// The term that best describes `h` on `date`: current before past, higher posts first;
/// `want` (a category the text suggests) wins when the person held such a post.
pub fn best_term<'a>(
    h: &'a Holder,
    date: Option<&str>,
    want: Option<&str>,
) -> Option<(&'a Term, When)> {
    h.terms
        .iter()
        .map(|t| (t, when(t, date)))
        .filter(|(_, w)| *w != When::Future)
        .max_by_key(|(t, w)| {
            (
                want == Some(t.category),
                *w,
                rank(t.category),
                t.start.clone(),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Vec<String> {
        name_key(&s.split_whitespace().collect::<Vec<_>>())
    }

    #[test]
    fn dates_decide_current_or_former() {
        let g = get();
        let lavrov = g.by_name(&key("Sergei Lavrov"));
        assert_eq!(lavrov.len(), 1);
        let (t, w) = best_term(lavrov[0], Some("2023-02-03"), None).unwrap();
        assert_eq!(
            (t.category, &*t.country, w),
            ("foreign_minister", "RU", When::Current)
        );
        let (t, w) = best_term(lavrov[0], Some("2000-01-01"), None).unwrap();
        assert_eq!((t.category, w), ("diplomat", When::Current));
        let bush = g.by_name(&key("George Bush"));
        let (t, w) = best_term(bush[0], Some("2009-04-04"), None).unwrap();
        assert_eq!((t.category, w), ("head_of_state", When::Past));
        assert!(best_term(lavrov[0], Some("1990-01-01"), None).is_none());
    }

    #[test]
    fn surname_index_holds_top_posts() {
        let g = get();
        let names: Vec<&str> = g
            .by_surname(&part_key("Al-Maliki"))
            .iter()
            .map(|h| &*h.name)
            .collect();
        assert!(names.contains(&"Riyad al-Maliki"), "{names:?}");
        assert!(g.first_names.contains("vladimir"));
    }

    #[test]
    fn empty_data_is_empty() {
        let g = Gazetteer::parse("", "");
        assert!(g.by_name(&key("Vladimir Putin")).is_empty());
    }
}
