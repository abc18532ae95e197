//! Office holders with their posts and dates (data/officials.tsv, from Wikidata, Wikipedia's
//! lists of current leaders and the congress-legislators project): who held which post
//! where, and whether they held it on the article's date, as far as each source's horizon
//! reaches. Indexed by full name, by first-and-last name, and by surname for the top posts.

use crate::data;
pub use crate::data::category::Category;
use crate::text::names::{name_key, part_key};
use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone)]
pub struct Term {
    pub country: Box<str>,
    pub category: Category,
    /// YYYY, YYYY-MM or YYYY-MM-DD; empty when unknown; "~YYYY-MM" when only known to
    /// have begun by then.
    pub start: Box<str>,
    /// Empty while in office (or unknown); "A~B" when it ended after A and by B.
    pub end: Box<str>,
    pub label: u32,
    /// The last month the term's source knows of (YYYY-MM); empty when not given.
    pub horizon: &'static str,
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
    by_post: HashMap<(Box<str>, Category), Vec<u32>>,
    /// First names of every holder: evidence that a capitalised word starts a person's name.
    pub first_names: rustc_hash::FxHashSet<String>,
    /// The same first names, folded to plain lower case but otherwise as spelt.
    pub first_exact: rustc_hash::FxHashSet<String>,
    labels: Vec<&'static str>,
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

impl Gazetteer {
    pub fn parse(text: &'static str, positions: &'static str) -> Gazetteer {
        let mut g = Gazetteer {
            labels: positions.lines().collect(),
            ..Default::default()
        };
        let mut horizons: Vec<(&'static str, &'static str)> = Vec::new();
        for line in text.lines() {
            let (name, rest) = match line.split_once('\t') {
                Some(x) => x,
                None => continue,
            };
            if name == "#" {
                // "#\tw=2023-01;c=2026-05": each source letter's horizon.
                horizons = rest.split(';').filter_map(|e| e.split_once('=')).collect();
                continue;
            }
            let mut terms = Vec::new();
            for e in rest.split(';') {
                let f: Vec<&str> = e.split('|').collect();
                if f.len() < 5 {
                    continue;
                }
                let category = match Category::from_code(f[1]) {
                    Some(c) => c,
                    None => continue,
                };
                let src = f.get(5).copied().unwrap_or("");
                terms.push(Term {
                    country: f[0].into(),
                    category,
                    start: f[2].into(),
                    end: f[3].into(),
                    label: f[4].parse().unwrap_or(u32::MAX),
                    horizon: horizons
                        .iter()
                        .find(|(k, _)| *k == src)
                        .map_or("", |(_, h)| h),
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
            if terms.iter().any(|t| t.category.is_top()) {
                if let Some(last) = key.last() {
                    g.by_surname.entry(last.clone()).or_default().push(id);
                }
            }
            for t in terms.iter().filter(|t| t.category.is_top()) {
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
    pub fn holds(&self, country: &str, category: Category, date: Option<&str>) -> bool {
        !self.holders_on(country, category, date).is_empty()
    }

    /// Who held the top post `category` in `country` on `date`, as far as the data knows.
    pub fn holders_on(
        &self,
        country: &str,
        category: Category,
        date: Option<&str>,
    ) -> Vec<&Holder> {
        let Some(ids) = self.by_post.get(&(Box::<str>::from(country), category)) else {
            return Vec::new();
        };
        ids.iter()
            .filter_map(|&i| self.holders.get(i as usize))
            .filter(|h| {
                h.terms.iter().any(|t| {
                    t.category == category
                        && &*t.country == country
                        && when(t, date) == When::Current
                })
            })
            .collect()
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
    /// The article's date lies past what the source knows (its horizon, or between the
    /// bounds of an end known only roughly): neither current nor former can be said.
    Unknown,
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
    if let Some(by) = t.start.strip_prefix('~') {
        if before(date, by) {
            return When::Unknown;
        }
    } else if !t.start.is_empty() && before(date, &t.start) {
        return When::Future;
    }
    if !t.end.is_empty() {
        // "A~B": ended after A and by B; a date between them is unknown.
        let (after, by) = t.end.split_once('~').unwrap_or((&t.end, &t.end));
        if before(by, date) {
            return When::Past;
        }
        if after != by && before(after, date) {
            return When::Unknown;
        }
        return When::Current;
    }
    if !t.horizon.is_empty() && before(t.horizon, date) {
        return When::Unknown;
    }
    When::Current
}

/// The term that best describes `h` on `date`: current before past, higher posts first;
/// `want` (a category the text suggests) wins when the person held such a post.
pub fn best_term<'a>(
    h: &'a Holder,
    date: Option<&str>,
    want: Option<Category>,
) -> Option<(&'a Term, When)> {
    h.terms
        .iter()
        .map(|t| (t, when(t, date)))
        .filter(|(_, w)| *w != When::Future)
        .max_by_key(|(t, w)| {
            (
                want == Some(t.category),
                *w,
                t.category.rank(),
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
        let (t, w) = best_term(lavrov[0], Some("2022-12-03"), None).unwrap();
        assert_eq!(
            (t.category, &*t.country, w),
            (Category::ForeignMinister, "RU", When::Current)
        );
        // Past the foreign-minister list's horizon (2023-01) the data cannot tell.
        let (_, w) = best_term(lavrov[0], Some("2024-02-03"), None).unwrap();
        assert_eq!(w, When::Unknown);
        let (t, w) = best_term(lavrov[0], Some("2000-01-01"), None).unwrap();
        assert_eq!((t.category, w), (Category::Diplomat, When::Current));
        let bush = g.by_name(&key("George Bush"));
        let (t, w) = best_term(bush[0], Some("2009-04-04"), None).unwrap();
        assert_eq!((t.category, w), (Category::HeadOfState, When::Past));
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

    fn term(start: &str, end: &str, horizon: &'static str) -> Term {
        Term {
            country: "IE".into(),
            category: Category::HeadOfGovernment,
            start: start.into(),
            end: end.into(),
            label: 0,
            horizon,
        }
    }

    #[test]
    fn horizon_rule() {
        // Open at the source's horizon: current up to it, unknown past it, never "former".
        let t = term("2020", "", "2023-01");
        assert_eq!(when(&t, Some("2022-06-01")), When::Current);
        assert_eq!(when(&t, Some("2025-06-01")), When::Unknown);
        // Ended somewhere between two sources' horizons.
        let t = term("2024", "2024-10~2026-05", "2024-10");
        assert_eq!(when(&t, Some("2024-06-01")), When::Current);
        assert_eq!(when(&t, Some("2025-06-01")), When::Unknown);
        assert_eq!(when(&t, Some("2026-09-01")), When::Past);
        // Begun by the horizon, start unknown: unknown before it.
        let t = term("~2026-05", "", "2026-05");
        assert_eq!(when(&t, Some("2023-06-01")), When::Unknown);
        assert_eq!(when(&t, Some("2026-05-10")), When::Current);
        // A dated end is an end.
        let t = term("2020", "2022", "2023-01");
        assert_eq!(when(&t, Some("2023-06-01")), When::Past);
    }

    #[test]
    fn current_sources_know_newer_leaders() {
        let g = get();
        let martin = g.by_name(&key("Micheál Martin"));
        let (t, w) = best_term(martin[0], Some("2025-10-20"), None).unwrap();
        assert_eq!((t.category, w), (Category::HeadOfGovernment, When::Current));
        let lincoln = g.by_name(&key("Abraham Lincoln"));
        let (t, w) = best_term(lincoln[0], Some("2025-10-20"), None).unwrap();
        assert_eq!((t.category, w), (Category::HeadOfState, When::Past));
    }

    #[test]
    fn empty_data_is_empty() {
        let g = Gazetteer::parse("", "");
        assert!(g.by_name(&key("Vladimir Putin")).is_empty());
    }
}
