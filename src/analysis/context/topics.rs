//! What the article is about: the page's own keywords and section, and the people, places
//! and organisations its text mentions most.

use serde::Serialize;

/// How many names of each kind the topics list.
const TOP: usize = 5;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Topics {
    /// The page's own keywords (meta keywords, JSON-LD, tags).
    pub keywords: Vec<String>,
    pub section: Option<String>,
    /// Most mentioned first.
    pub people: Vec<String>,
    pub places: Vec<String>,
    pub organizations: Vec<String>,
}

/// The names of `items` with the most mentions (ties in the given order), at most `TOP`.
pub fn top<'a, T: 'a>(
    items: impl IntoIterator<Item = &'a T>,
    name: impl Fn(&T) -> &str,
    mentions: impl Fn(&T) -> usize,
) -> Vec<String> {
    let mut v: Vec<(usize, usize, &T)> = items
        .into_iter()
        .enumerate()
        .map(|(i, t)| (mentions(t), i, t))
        .collect();
    v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, _, t) in v {
        let n = name(t).to_string();
        if !out.contains(&n) {
            out.push(n);
        }
        if out.len() == TOP {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_mentioned_first_ties_in_order() {
        let items = [
            ("a", 1),
            ("b", 3),
            ("c", 1),
            ("d", 2),
            ("e", 1),
            ("f", 1),
            ("g", 0),
        ];
        assert_eq!(
            top(items.iter(), |t| t.0, |t| t.1),
            vec!["b", "d", "a", "c", "e"]
        );
    }
}
