//! Places named in the main text (countries, capitals, cities, regions, wider areas), each
//! with its country code, a mention count and byte spans. Two sources of evidence: the
//! place gazetteer (`data/places.tsv`) and patterns that introduce a place the gazetteer
//! lacks ("the West Bank city of Jenin", "in Kharkiv, Ukraine", "Lviv-based"); a place
//! learnt from a pattern then counts wherever the text names it again.
//!
//! Demonyms used as adjectives ("an Israeli raid") are not place mentions: they describe
//! people or things, not where something happened, and counting them would rank the
//! nationality of every official as a place. They still give organisations their country
//! ("the Israeli government", see `organizations`).

use super::named::{Named, Tally};
use crate::data;
use crate::data::phrases::Phrases;
use crate::text::names::Token;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub const DATA_FILE: data::File = data::File::Places;

pub type Place = Named;

static SLOT: data::Slot<Phrases> = Mutex::new(None);

pub fn gazetteer() -> Arc<Phrases> {
    data::cached(&SLOT, || Phrases::parse(data::text(DATA_FILE)))
}

/// Nouns that, in "the <place> city of <Name>", say what kind of place <Name> is.
fn kind_noun(w: &str) -> Option<&'static str> {
    Some(match w {
        "city" | "town" | "village" | "port" | "capital" | "suburb" | "camp" => "city",
        "region" | "province" | "district" | "governorate" | "county" | "state" | "oblast"
        | "territory" | "area" => "region",
        _ => return None,
    })
}

fn overlaps(taken: &[(usize, usize)], a: usize, b: usize) -> bool {
    taken.iter().any(|&(s, e)| s < b && a < e)
}

/// A capitalised run of words starting at `i` (link words allowed inside): end index.
fn cap_run(toks: &[Token], i: usize) -> usize {
    let mut j = i;
    while j < toks.len() && toks[j].word && toks[j].cap {
        j += 1;
        if toks[j - 1].poss {
            break;
        }
    }
    j
}

/// Places of `text` (tokenized as `toks`); spans inside `taken` (people, organisations)
/// are not place mentions.
pub fn find(text: &str, toks: &[Token], taken: &[(usize, usize)]) -> Vec<Place> {
    let gaz = gazetteer();
    let mut found = Tally::default();
    let mut learnt: HashMap<String, usize> = HashMap::new();
    let cc = |s: &str| (!s.is_empty()).then(|| s.to_string());
    // Pass 1: patterns that introduce places the gazetteer lacks.
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.word {
            i += 1;
            continue;
        }
        // "the West Bank city of Jenin", "the city of Kherson"
        if let Some(kind) = kind_noun(&t.lower) {
            if toks.get(i + 1).is_some_and(|o| o.lower == "of") {
                let s = i + 2;
                let e = cap_run(toks, s);
                if e > s && gaz.at(toks, s).is_none_or(|(n, _)| n < e - s) {
                    let host = (1..=4)
                        .filter_map(|k| i.checked_sub(k))
                        .find_map(|h| gaz.at(toks, h).filter(|&(n, _)| h + n == i));
                    let country = host.and_then(|(_, x)| cc(&gaz.entries[x].country));
                    let name = &text[toks[s].start..toks[e - 1].end];
                    if !overlaps(taken, toks[s].start, toks[e - 1].end)
                        && (host.is_some() || i > 0 && toks[i - 1].lower == "the")
                    {
                        let k = found.entity(name, kind, country);
                        learnt.insert(name.to_lowercase(), k);
                    }
                }
            }
        }
        // "in Kharkiv, Ukraine"
        if matches!(
            t.lower.as_str(),
            "in" | "from" | "near" | "at" | "outside" | "to"
        ) {
            let s = i + 1;
            let e = cap_run(toks, s);
            if e > s && e - s <= 3 && toks.get(e).is_some_and(|c| c.is_punct(',')) {
                if let Some((n, x)) = gaz.at(toks, e + 1) {
                    let after = toks.get(e + 1 + n);
                    let ends = after.is_none_or(|a| !a.word);
                    // "Helena, Montana" as "Kharkiv, Ukraine".
                    if matches!(gaz.entries[x].kind.as_str(), "country" | "region")
                        && ends
                        && gaz.at(toks, s).is_none()
                        && !overlaps(taken, toks[s].start, toks[e - 1].end)
                    {
                        let name = &text[toks[s].start..toks[e - 1].end];
                        let k = found.entity(name, "city", cc(&gaz.entries[x].country));
                        learnt.insert(name.to_lowercase(), k);
                    }
                }
            }
        }
        i += 1;
    }
    // Pass 2: every mention of a gazetteer place or a learnt one.
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.word || !t.cap {
            i += 1;
            continue;
        }
        // "Lviv-based": the place is the part before the hyphen.
        if let Some(prefix) = t.text.strip_suffix("-based") {
            let sub = crate::text::names::tokenize(prefix);
            if let Some((n, x)) = gaz.at(&sub, 0).filter(|&(n, _)| n == sub.len()) {
                let _ = n;
                let e = &gaz.entries[x];
                let k = found.entity(&e.name, &e.kind, cc(&e.country));
                found.mention(k, (t.start, t.start + prefix.len()));
            }
            i += 1;
            continue;
        }
        let learnt_hit = (1..=4).rev().find_map(|n| {
            let last = toks.get(i + n - 1)?;
            let key = text.get(t.start..last.end)?.to_lowercase();
            learnt.get(&key).map(|&k| (n, k))
        });
        let hit = match (learnt_hit, gaz.at(toks, i)) {
            (Some((n, k)), g) if g.is_none_or(|(m, _)| m <= n) => Some((n, k)),
            (_, Some((n, x))) => {
                let e = &gaz.entries[x];
                Some((n, found.entity(&e.name, &e.kind, cc(&e.country))))
            }
            _ => None,
        };
        match hit {
            Some((n, k)) => {
                let (a, b) = (t.start, toks[i + n - 1].end);
                if !overlaps(taken, a, b) {
                    found.mention(k, (a, b));
                }
                i += n;
            }
            None => i += 1,
        }
    }
    found.finish(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::names::tokenize;

    fn places(text: &str) -> Vec<(String, Option<String>, usize)> {
        let toks = tokenize(text);
        find(text, &toks, &[])
            .into_iter()
            .map(|p| (p.name, p.country, p.mentions))
            .collect()
    }

    #[test]
    fn gazetteer_places_with_countries() {
        let p = places("Talks in Moscow and Paris. Moscow said the US and the West Bank matter.");
        assert_eq!(p[0], ("Moscow".into(), Some("RU".into()), 2));
        assert!(p.contains(&("Paris".into(), Some("FR".into()), 1)));
        assert!(p.contains(&("United States".into(), Some("US".into()), 1)));
        assert!(p.contains(&("West Bank".into(), Some("PS".into()), 1)));
    }

    #[test]
    fn patterns_introduce_unknown_places() {
        let p = places(
            "A raid in the West Bank city of Jenin. Later, Jenin was calm. Fighting in Zzyzxville, Ukraine, went on.",
        );
        assert!(p.contains(&("Jenin".into(), Some("PS".into()), 2)), "{p:?}");
        assert!(
            p.contains(&("Zzyzxville".into(), Some("UA".into()), 1)),
            "{p:?}"
        );
    }

    #[test]
    fn demonyms_and_people_are_not_places() {
        let text = "An Israeli raid. Georgia Smith spoke in Tbilisi.";
        let toks = tokenize(text);
        let taken = [(17, 29)];
        let p = find(text, &toks, &taken);
        let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, vec!["Tbilisi"]);
        assert!(p[0].lookup.contains("search=Tbilisi"));
    }

    #[test]
    fn based_prefix_counts() {
        let p = places("The London-based group said so.");
        assert_eq!(p, vec![("London".into(), Some("GB".into()), 1)]);
    }
}
