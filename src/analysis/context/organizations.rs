//! Organisations named in the main text: governments, ministries, parties, armed groups,
//! international bodies, agencies, companies and news media, each with its kind, its
//! country where one shows, a mention count and byte spans.
//!
//! Evidence: the organisation gazetteer (`data/organizations.tsv`: acronyms like UN, NATO,
//! WHO match in capitals only); capitalised names ending in an organisation word ("Labour
//! Party", "Russian Foreign Ministry") or opening with one ("Ministry of Defence", "Bank of
//! England"); a country or demonym before a government noun ("the Israeli government",
//! "Israel's army"); and acronyms the text defines ("Islamic Resistance Movement (IRM)").

use super::named::{Named, Tally};
use crate::analysis::context::places;
use crate::data;
use crate::data::countries::{self, Countries};
use crate::data::phrases::{is_link_word, Phrases};
use crate::text::names::Token;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub const DATA_FILE: data::File = data::File::Organizations;

pub type Organization = Named;

static SLOT: data::Slot<Phrases> = Mutex::new(None);

pub fn gazetteer() -> Arc<Phrases> {
    data::cached(&SLOT, || Phrases::parse(data::text(DATA_FILE)))
}

/// The kind an organisation word gives the name it ends or opens.
fn head_kind(w: &str) -> Option<&'static str> {
    Some(match w {
        "ministry" => "ministry",
        "party" => "party",
        "army" | "navy" | "forces" | "guard" | "guards" | "corps" => "military",
        "brigades" | "brigade" | "front" | "militia" | "battalion" | "movement" => "armed_group",
        "government" | "parliament" | "cabinet" | "administration" | "assembly" | "senate"
        | "congress" | "presidency" => "government",
        "department" | "office" | "bureau" | "agency" | "authority" | "commission"
        | "committee" | "council" | "court" | "police" | "service" | "directorate" | "tribunal" => {
            "agency"
        }
        "inc" | "corp" | "corporation" | "ltd" | "llc" | "plc" | "company" | "group"
        | "holdings" | "bank" | "airlines" => "company",
        "news" | "times" | "post" | "herald" | "journal" | "tribune" | "gazette" | "agency's" => {
            "media"
        }
        "university" | "institute" | "foundation" | "fund" | "association" | "federation"
        | "union" | "league" | "organization" | "organisation" | "alliance" | "coalition"
        | "academy" | "network" | "centre" | "center" | "hospital" | "school" | "college"
        | "caucus" | "club" | "trust" | "society" | "brotherhood" | "charity" => "organization",
        "legislature" | "treasury" => "government",
        "airways" | "labs" | "motors" | "technologies" | "systems" | "pharmaceuticals" => "company",
        "press" | "magazine" | "broadcasting" => "media",
        _ => return None,
    })
}

/// Lower-case nouns that make "the <demonym> <noun>" an organisation of that country.
fn state_noun(w: &str) -> Option<&'static str> {
    Some(match w {
        "government" | "cabinet" | "parliament" | "authorities" | "leadership" | "presidency" => {
            "government"
        }
        "army" | "military" | "navy" | "police" => "military",
        "foreign ministry" => "ministry",
        _ => return None,
    })
}

/// Opening words that take "of ..." ("Ministry of Defence", "Bank of England").
fn opens_with_of(w: &str) -> bool {
    matches!(
        w,
        "ministry"
            | "department"
            | "office"
            | "bank"
            | "university"
            | "council"
            | "court"
            | "government"
            | "institute"
            | "league"
            | "union"
            | "federation"
            | "organization"
            | "organisation"
            | "bureau"
            | "commission"
            | "house"
    )
}

fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "and"
            | "but"
            | "in"
            | "on"
            | "at"
            | "of"
            | "for"
            | "to"
            | "from"
            | "by"
            | "with"
            | "as"
            | "when"
            | "while"
            | "after"
            | "before"
            | "my"
            | "our"
            | "his"
            | "her"
            | "their"
            | "its"
            | "your"
    )
}

/// Lower-case nouns that introduce the name after them as an organisation's: "homelessness
/// charity Shelter", "newspaper Dagens Nyheter", "the airline flydubai".
fn intro_kind(w: &str) -> Option<&'static str> {
    Some(match w {
        "company" | "firm" | "startup" | "start-up" | "retailer" | "airline" | "carrier"
        | "brand" | "supermarket" | "chain" | "insurer" | "lender" | "manufacturer" => "company",
        "newspaper" | "broadcaster" | "magazine" | "outlet" | "tabloid" | "daily" => "media",
        "charity" | "organisation" | "organization" | "union" | "group" | "watchdog"
        | "campaigners" | "nonprofit" | "non-profit" | "ngo" | "club" => "organization",
        "party" => "party",
        "agency" | "regulator" => "agency",
        _ => return None,
    })
}

/// Roles a person holds in an organisation: "UiPath CEO Bob Enslin", "Labour leader Keir
/// Starmer", "analyst at Gartner".
fn member_role(w: &str) -> bool {
    matches!(
        w,
        "ceo"
            | "cto"
            | "cfo"
            | "coo"
            | "chief"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "founder"
            | "co-founder"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "director"
            | "executive"
            | "boss"
            | "analyst"
            | "researcher"
            | "vp"
            | "svp"
            | "evp"
            | "economist"
            | "professor"
            | "fellow"
            | "leader"
            | "chairperson"
            | "manager"
            | "lawyer"
            | "strategist"
            | "editor"
            | "correspondent"
    )
}

/// The capitalised run from `i`, link words allowed between capitalised words: end index.
fn name_run(toks: &[Token], i: usize) -> usize {
    let mut j = i;
    loop {
        match toks.get(j) {
            Some(t) if t.word && t.cap => {
                j += 1;
                if t.poss {
                    return j;
                }
            }
            Some(t)
                if j > i
                    && t.word
                    && is_link_word(&t.lower)
                    && toks.get(j + 1).is_some_and(|n| n.word && n.cap) =>
            {
                j += 1
            }
            _ => return j,
        }
    }
}

fn country_in(c: &Countries, toks: &[Token], s: usize, e: usize) -> Option<String> {
    (s..e).find_map(|k| {
        c.at(toks, k)
            .filter(|&(n, code, _)| k + n <= e && !countries::is_org(code))
            .map(|(_, code, _)| code.to_string())
    })
}

pub fn find(text: &str, toks: &[Token], taken: &[(usize, usize)]) -> Vec<Organization> {
    let gaz = gazetteer();
    let cs = countries::get();
    let mut found = Tally::default();
    let add = |found: &mut Tally,
               name: String,
               kind: &str,
               country: Option<String>,
               span: (usize, usize)| {
        if taken.iter().any(|&(s, e)| s < span.1 && span.0 < e) {
            return None;
        }
        let k = found.entity(&name, kind, country);
        found.mention(k, span);
        Some(k)
    };
    // Acronyms the text defines: acronym -> organisation.
    let mut defined: HashMap<&str, usize> = HashMap::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.word {
            i += 1;
            continue;
        }
        if let Some(&k) = defined.get(t.text) {
            found.mention(k, (t.start, t.end));
            i += 1;
            continue;
        }
        // "the Israeli government", "Israel's army", "the Russian foreign ministry"
        if let Some((n, code, _)) = cs.at(toks, i).filter(|&(_, c, _)| !countries::is_org(c)) {
            let next = toks.get(i + n);
            let two = next.and_then(|a| {
                let b = toks.get(i + n + 1)?;
                state_noun(&format!("{} {}", a.lower, b.lower)).map(|k| (k, 2))
            });
            let one = next
                .filter(|a| a.word && !a.cap)
                .and_then(|a| state_noun(&a.lower).map(|k| (k, 1)));
            if let Some((kind, m)) = two.or(one) {
                let last = &toks[i + n + m - 1];
                let adjective = cs
                    .demonym(code)
                    .unwrap_or(&text[t.start..toks[i + n - 1].end]);
                let noun = text[toks[i + n].start..last.end].to_lowercase();
                let name = format!("{adjective} {noun}");
                add(
                    &mut found,
                    name,
                    kind,
                    Some(code.to_string()),
                    (t.start, last.end),
                );
                i += n + m;
                continue;
            }
        }
        if !t.cap {
            i += 1;
            continue;
        }
        let mut s = i;
        let e = name_run(toks, i);
        // A sentence-initial "The" or other function word is not part of the name.
        while s < e && is_function_word(&toks[s].lower) {
            s += 1;
        }
        // "UiPath CEO Bob Enslin": the organisation ends before the role.
        let run_end = e;
        let e = (s + 1..e)
            .find(|&k| {
                member_role(&toks[k].lower)
                    && toks.get(k + 1).is_some_and(|n| n.word && n.cap)
                    && cs.at(toks, s).is_none_or(|(n, _, _)| s + n < k)
            })
            .unwrap_or(e);
        let last = &toks[e.saturating_sub(1)];
        // "State Opening of Parliament" is an opening, "Bank of England" a bank: the head
        // is the word before "of".
        let head = (s + 1..e)
            .find(|&k| toks[k].lower == "of")
            .map_or(e - 1, |k| k - 1);
        let by_head = (e > s + 1)
            .then(|| head_kind(&toks[head].lower))
            .flatten()
            .or_else(|| {
                (e > s + 2
                    && opens_with_of(&toks[s].lower)
                    && matches!(toks[s + 1].lower.as_str(), "of" | "for"))
                .then(|| head_kind(&toks[s].lower).unwrap_or("organization"))
            });
        // What the words around the name say: "charity Shelter", "analyst at Gartner",
        // "Labour leader Keir Starmer".
        let b = if s > 0 && toks[s - 1].lower == "the" {
            s - 1
        } else {
            s
        };
        let by_context = b
            .checked_sub(1)
            .and_then(|p| {
                let w = &toks[p];
                if !w.word || w.cap {
                    return None;
                }
                if let Some(k) = intro_kind(&w.lower) {
                    return Some(k);
                }
                (matches!(w.lower.as_str(), "at" | "of")
                    && p > 0
                    && member_role(&toks[p - 1].lower))
                .then_some("organization")
            })
            .or_else(|| (e < run_end).then_some("organization"))
            .or_else(|| {
                let r = toks.get(e)?;
                (r.word
                    && !r.cap
                    && member_role(&r.lower)
                    && toks.get(e + 1)?.cap
                    && toks[e + 1].word)
                    .then_some("organization")
            })
            .filter(|_| e > s && cs.at(toks, s).is_none());
        let by_head = by_head.or(by_context);
        // A country or known place ("Soviet Union") is not an organisation.
        let place = cs.at(toks, s).is_some_and(|(n, _, _)| s + n == e)
            || places::gazetteer()
                .at(toks, s)
                .is_some_and(|(n, _)| s + n == e);
        let by_head = by_head.filter(|_| !place);
        let known = gaz.at(toks, s).filter(|&(n, _)| s + n <= e);
        let whole_known = known.filter(|&(n, _)| s + n == e);
        if let (Some(kind), None) = (by_head, whole_known) {
            let name = text[toks[s].start..last.end].to_string();
            let country = country_in(&cs, toks, s, e);
            if let Some(k) = add(&mut found, name, kind, country, (toks[s].start, last.end)) {
                // "Full Name (FN)" defines an acronym.
                if toks.get(e).is_some_and(|p| p.is_punct('('))
                    && toks.get(e + 2).is_some_and(|p| p.is_punct(')'))
                {
                    let a = &toks[e + 1];
                    if a.text.len() >= 2 && a.text.chars().all(|c| c.is_ascii_uppercase()) {
                        defined.insert(a.text, k);
                        i = e + 3;
                        found.mention(k, (a.start, a.end));
                        continue;
                    }
                }
            }
            i = e.max(i + 1);
            continue;
        }
        // Otherwise a known organisation may start here; the rest of the run is looked at
        // word by word (a demonym inside it may open "the Israeli government").
        if let Some((n, x)) = gaz.at(toks, s) {
            let en = &gaz.entries[x];
            let country = (!en.country.is_empty()).then(|| en.country.clone());
            add(
                &mut found,
                en.name.clone(),
                &en.kind,
                country,
                (toks[s].start, toks[s + n - 1].end),
            );
            i = s + n;
        } else {
            i = s.max(i + 1);
        }
    }
    found.finish(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::names::tokenize;

    fn orgs(text: &str) -> Vec<(String, String, Option<String>, usize)> {
        let toks = tokenize(text);
        find(text, &toks, &[])
            .into_iter()
            .map(|o| (o.name, o.kind, o.country, o.mentions))
            .collect()
    }

    #[test]
    fn gazetteer_acronyms_in_capitals_only() {
        let o = orgs("The UN and NATO met. Objections from the United Nations. Who knows.");
        assert!(
            o.contains(&("United Nations".into(), "international".into(), None, 2)),
            "{o:?}"
        );
        assert!(o.iter().any(|x| x.0 == "NATO"));
        assert!(!o.iter().any(|x| x.0.contains("World Health")));
    }

    #[test]
    fn governments_of_demonyms() {
        let o = orgs("The Israeli government refuses. Israel's army moved. The Russian Foreign Ministry said.");
        assert!(
            o.contains(&(
                "Israeli government".into(),
                "government".into(),
                Some("IL".into()),
                1
            )),
            "{o:?}"
        );
        assert!(
            o.contains(&(
                "Israeli army".into(),
                "military".into(),
                Some("IL".into()),
                1
            )),
            "{o:?}"
        );
        assert!(
            o.contains(&(
                "Russian Foreign Ministry".into(),
                "ministry".into(),
                Some("RU".into()),
                1
            )),
            "{o:?}"
        );
    }

    #[test]
    fn names_introduced_by_kind_or_member_role() {
        let o = orgs("It was described by homelessness charity Shelter as bad. UiPath CEO Bob Enslin said so, as did an analyst at Gartner. The State Opening of Parliament began.");
        let names: Vec<&str> = o.iter().map(|x| x.0.as_str()).collect();
        assert!(names.contains(&"Shelter"), "{names:?}");
        assert!(names.contains(&"UiPath"), "{names:?}");
        assert!(names.contains(&"Gartner"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Opening")), "{names:?}");
        // A run of function words only, before a role, names nothing (and must not panic).
        assert!(orgs("When The chief Executive spoke.").is_empty());
    }

    #[test]
    fn named_patterns_and_defined_acronyms() {
        let o = orgs(
            "The Ministry of Defence of Ukraine spoke. The Green Future Party (GFP) won; GFP leads.",
        );
        assert!(
            o.contains(&(
                "Ministry of Defence of Ukraine".into(),
                "ministry".into(),
                Some("UA".into()),
                1
            )),
            "{o:?}"
        );
        assert!(
            o.contains(&("Green Future Party".into(), "party".into(), None, 3)),
            "{o:?}"
        );
    }
}
