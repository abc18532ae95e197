//! Named people and officials in a text: names with variants merged, roles, role
//! categories, countries, and every mention's byte span.
//!
//! The pipeline: tokenize (names.rs), spot capitalised name runs, merge them into people
//! by name keys, find role phrases (roles.rs), attach roles to names by position (title
//! before the name, apposition after it, a plural title over a list), then let the
//! gazetteer (gazetteer.rs) supply roles the text does not state and say whether a role
//! was held on the article's date.

pub mod lang;
pub mod quotes;
pub mod roles;

use self::roles::{Lexicon, RoleHit};
use crate::data::countries::{self, Countries};
use crate::data::holders::{self, Category, Gazetteer, Holder, Term, When};
use crate::text::names::{
    self, is_honorific, is_org_word, is_role_modifier, is_stop, name_key, part_key, Token,
};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Default, Serialize)]
pub struct Person {
    pub name: String,
    pub variants: Vec<String>,
    pub mentions: usize,
    /// Byte ranges of every mention in the analysed text.
    pub spans: Vec<(usize, usize)>,
    /// A Wikipedia search for the name (filled by `analysis`).
    pub lookup: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Official {
    pub name: String,
    pub variants: Vec<String>,
    /// The role as the text gives it (or the gazetteer's label when the text gives none).
    pub role: String,
    pub role_category: String,
    /// ISO 3166-1 alpha-2 code, or an organisation's short name (UN, NATO, EU).
    pub country: Option<String>,
    pub former: bool,
    pub mentions: usize,
    /// "text" when the role is stated in the text, "gazetteer" when it comes from data.
    pub role_source: String,
    /// The text's own words for the role ("his Russian counterpart"); empty when the role
    /// comes from data alone.
    pub evidence: String,
    /// The data's name of the post when the data knows it ("President of the United
    /// States"); empty otherwise.
    pub office_label: String,
    /// The data's horizon (YYYY-MM) when the article's date lies past it and the data
    /// cannot tell whether the post was still held; empty otherwise.
    pub data_until: String,
    pub spans: Vec<(usize, usize)>,
    /// A Wikipedia search for the name (filled by `analysis`).
    pub lookup: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct People {
    pub people: Vec<Person>,
    pub officials: Vec<Official>,
    /// The main text's language ("en", "sw", "zu", ..., "und" when unknown).
    pub text_lang: &'static str,
    /// Why no officials are claimed, for the reader; empty when the text was read.
    pub officials_note: String,
}

/// A capitalised run that may be a person's name: tokens [s, e).
#[derive(Debug, Clone)]
struct Run {
    s: usize,
    e: usize,
    /// The run's last word as written (possessive dropped).
    surface: String,
    key: Vec<String>,
    honorific: bool,
    entity: usize,
}

#[derive(Debug, Default)]
struct Entity {
    /// Key of the longest form seen.
    key: Vec<String>,
    /// The word as written, for one-word names.
    surface: Option<String>,
    runs: Vec<usize>,
    evidence: bool,
}

/// A role attached to a name mention, with how sure the attachment is.
#[derive(Debug, Clone)]
struct Attach {
    role: usize,
    strength: u8,
}

const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "explained",
    "noted",
    "stated",
    "argued",
    "asked",
    "warned",
    "insisted",
    "wrote",
    "tweeted",
    "announced",
    "claimed",
    "replied",
    "recalled",
    "stressed",
    "urged",
    "admitted",
    "acknowledged",
    "confirmed",
    "denied",
    "suggested",
];
const AFTER_APPOSITION: &[&str] = &[
    "said",
    "says",
    "told",
    "who",
    "and",
    "has",
    "had",
    "was",
    "is",
    "added",
    "will",
    "would",
    "also",
    "wrote",
    "stated",
    "announced",
    "noted",
    "explained",
];

/// Finds people and officials in `text`; `date` (YYYY-MM-DD) is the article's date, used to
/// tell whether a person held a role then.
pub fn find(text: &str, date: Option<&str>) -> People {
    find_in(text, &names::tokenize(text), date)
}

/// `find` over the tokens of `text` the caller already has (the analysis shares them with
/// the place and organisation stages).
pub fn find_in(text: &str, toks: &[names::Token], date: Option<&str>) -> People {
    if toks.is_empty() {
        return People::default();
    }
    let text_lang = lang::detect(toks);
    if text_lang != "en" {
        // Names, titles and role words are English here: claim nobody rather than guess.
        return People {
            text_lang,
            officials_note:
                "The article is not in English: Newsmark finds officials in English text only."
                    .into(),
            ..Default::default()
        };
    }
    let cs = countries::get();
    let gz = holders::get();
    let lex = roles::lexicon();
    let date = date.filter(|d| {
        d.len() >= 4 && d.is_char_boundary(4) && d[..4].bytes().all(|b| b.is_ascii_digit())
    });
    let lower_words: HashSet<&str> = toks
        .iter()
        .filter(|t| t.word && !t.cap)
        .map(|t| t.lower.as_str())
        .collect();
    let title_case = title_case_lines(toks);
    let first_flags: Vec<bool> = toks
        .iter()
        .map(|t| t.word && t.cap && gz.first_names.contains(&part_key(t.text)))
        .collect();
    let mut runs = spot_runs(toks, &cs, &lex, &lower_words, &title_case, &first_flags);
    let mut in_name = vec![false; toks.len()];
    for r in &runs {
        for f in in_name.iter_mut().take(r.e).skip(r.s) {
            *f = true;
        }
    }
    let hits = roles::find(toks, &in_name, &lex, &cs);
    let (doc_countries, default_country) = country_counts(toks, &cs);
    let mut entities = merge(&mut runs, &gz);

    // Attach roles to mentions.
    let run_at: HashMap<usize, usize> = runs.iter().enumerate().map(|(i, r)| (r.s, i)).collect();
    let run_ending: HashMap<usize, usize> =
        runs.iter().enumerate().map(|(i, r)| (r.e, i)).collect();
    let mut attached: Vec<Option<Attach>> = vec![None; runs.len()];
    let mut used_role = vec![false; hits.len()];
    let put = |attached: &mut Vec<Option<Attach>>, run: usize, role: usize, strength: u8| {
        if attached[run].as_ref().is_none_or(|a| a.strength < strength) {
            attached[run] = Some(Attach { role, strength });
        }
    };
    let hit_at: HashMap<usize, usize> =
        hits.iter().enumerate().map(|(i, h)| (h.start, i)).collect();
    for (hi, h) in hits.iter().enumerate() {
        // Title before the name, perhaps with an honorific or a comma between; a rank
        // between them ("military spokesperson Lt. Gen. Name") leaves the title in charge.
        let mut k = h.end;
        while let Some(&r) = hit_at.get(&k) {
            if hits[r].category != Category::Military || h.weak || h.category == Category::Military
            {
                break;
            }
            k = hits[r].end;
        }
        while toks
            .get(k)
            .is_some_and(|t| t.word && is_honorific(&t.lower))
        {
            k += 1;
        }
        let mut comma = false;
        if toks.get(k).is_some_and(|t| t.is_punct(',')) && !h.plural {
            comma = true;
            k += 1;
        }
        let object = h.end > 0
            && (toks[h.end - 1].poss
                || toks.get(h.end).is_some_and(|t| {
                    matches!(t.lower.as_str(), "of" | "the" | "for" | "to" | "at")
                }));
        if let Some(&ri) = run_at.get(&k).filter(|_| !object) {
            let fits = if comma {
                h.determiner
                    || h.capitalised
                    || h.possessor.is_some()
                    || starts_clause(toks, h.start)
            } else {
                true
            };
            // After a complement ("Director of the National"), a name that is not clearly a
            // person's may be the complement's own object ("Iodine Nutrition study").
            let r = &runs[ri];
            let object_like = !comma
                && h.end > h.head_end
                && !first_flags.get(r.s).copied().unwrap_or(false)
                && toks
                    .get(r.e)
                    .is_some_and(|t| t.word && !t.cap && !SPEECH.contains(&t.lower.as_str()));
            if fits && !object_like && (!h.weak || h.capitalised) {
                put(&mut attached, ri, hi, if comma { 2 } else { 3 });
                used_role[hi] = true;
                if h.plural {
                    for rj in list_after(toks, &runs, ri) {
                        put(&mut attached, rj, hi, 2);
                    }
                }
            }
        }
        // Apposition after the name: "Name, (the) role,".
        let mut b = h.start;
        if h.determiner && b > 0 {
            b -= 1;
        }
        if b >= 2 && toks[b - 1].is_punct(',') {
            if let Some(&ri) = run_ending.get(&(b - 1)) {
                let after_ok = match toks.get(h.end) {
                    None => true,
                    Some(t) if !t.word => true,
                    Some(t) => AFTER_APPOSITION.contains(&t.lower.as_str()),
                };
                if after_ok && !h.plural {
                    put(&mut attached, ri, hi, 4);
                    used_role[hi] = true;
                }
            }
        }
    }

    // Legislative election reports: named candidates with a party are politicians.
    let lower_text = text.to_lowercase();
    let election = lower_text.contains("election")
        && [
            "legislat",
            "parliament",
            "congress",
            "senate",
            "assembly",
            "council",
        ]
        .iter()
        .any(|w| lower_text.contains(w));
    let mut party_member = vec![false; runs.len()];
    if election {
        for (ri, r) in runs.iter().enumerate() {
            party_member[ri] =
                r.e - r.s > 1 && (affiliated(toks, &runs, r, &cs) || elected_sentence(toks, r));
        }
    }

    // Each entity's evidence of being a person.
    for (ei, ent) in entities.iter_mut().enumerate() {
        let mut ev = false;
        for &ri in &ent.runs {
            let r = &runs[ri];
            let n_words = r.e - r.s;
            let first_name = n_words >= 2 && gz.first_names.contains(&part_key(toks[r.s].text));
            let speech = toks
                .get(r.e)
                .is_some_and(|t| SPEECH.contains(&t.lower.as_str()))
                || (r.s >= 2 && toks[r.s - 1].lower == "to" && toks[r.s - 2].lower == "according");
            if title_case.get(r.s).copied().unwrap_or(false) {
                continue;
            }
            ev |= r.honorific
                || attached[ri].is_some()
                || party_member[ri]
                || first_name
                || speech
                || n_words >= 2;
        }
        let _ = ei;
        ev |= ent.key.len() >= 2 && !gz.by_name(&ent.key).is_empty();
        ent.evidence = ev;
    }

    // Role phrases no name took: descriptions that may name a person elsewhere ("the
    // foreign minister"); they choose between gazetteer namesakes.
    let free_roles: Vec<&RoleHit> = hits
        .iter()
        .enumerate()
        .filter(|(i, h)| !used_role[*i] && !h.weak)
        .map(|(_, h)| h)
        .collect();

    let mut out = People {
        text_lang,
        ..Default::default()
    };
    let mut officials: Vec<(usize, Official)> = Vec::new();
    let mut last_category: Vec<(usize, Category)> = Vec::new();
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by_key(|&e| {
        entities[e]
            .runs
            .iter()
            .map(|&r| runs[r].s)
            .min()
            .unwrap_or(usize::MAX)
    });
    for &ei in &order {
        let ent = &entities[ei];
        let (variants, spans) = forms(text, toks, &runs, &ent.runs);
        let name = longest(&variants);
        // The strongest text role over the mentions; the first one on ties.
        let mut text_role: Option<(&RoleHit, u8, usize)> = None;
        for &ri in &ent.runs {
            if let Some(a) = &attached[ri] {
                if text_role.is_none_or(|(_, s, _)| a.strength > s) {
                    text_role = Some((&hits[a.role], a.strength, runs[ri].s));
                }
            }
        }
        let is_party = ent.runs.iter().any(|&ri| party_member[ri]);
        let want = text_role
            .map(|(h, _, _)| h.category)
            .filter(|c| *c != Category::OtherOfficial);
        let want_country = text_role.and_then(|(h, _, _)| h.country.as_deref());
        let gaz = lookup(
            &gz,
            ent,
            date,
            want,
            want_country,
            &free_roles,
            &doc_countries,
        );
        if !ent.evidence && gaz.is_none() && text_role.is_none() {
            continue;
        }
        let first_pos = spans.first().map(|s| s.0).unwrap_or(0);
        out.people.push(Person {
            name: name.clone(),
            variants: variants.clone(),
            mentions: spans.len(),
            spans: spans.clone(),
            ..Default::default()
        });
        let mut off = Official {
            name,
            variants,
            mentions: spans.len(),
            spans,
            ..Default::default()
        };
        match (text_role, gaz) {
            (Some((h, _, _)), g) => {
                let mut cat = h.category;
                let mut country = h.country.clone();
                if h.head == "counterpart" {
                    if let Some((_, t, _)) = g {
                        cat = t.category;
                    } else if let Some(&(_, c)) = last_category
                        .iter()
                        .rev()
                        .find(|(p, _)| *p < h.start_byte(toks))
                    {
                        cat = c;
                    }
                }
                let mut former = h.former;
                // A bare "President" or "King" names a head of state only when the data does
                // not say someone else held that post then.
                if matches!(cat, Category::HeadOfState | Category::HeadOfGovernment)
                    && country.is_none()
                    && g.is_none()
                {
                    let bare_monarch = matches!(
                        h.head.as_str(),
                        "king" | "queen" | "emperor" | "monarch" | "sultan" | "emir"
                    );
                    let other = default_country
                        .as_deref()
                        .is_some_and(|c| gz.holds(c, cat, date));
                    // "King Charles": the monarch the data knows by that name.
                    let regnal = bare_monarch
                        && default_country.as_deref().is_some_and(|c| {
                            gz.holders_on(c, cat, date).iter().any(|hd| {
                                let parts: Vec<&str> = hd.name.split_whitespace().collect();
                                name_key(&parts).first() == ent.key.first()
                            })
                        });
                    if regnal {
                        country = default_country.clone();
                    } else if !h.former && (bare_monarch || other || default_country.is_none()) {
                        continue;
                    }
                }
                if let Some((_, t, w)) = g {
                    if cat == Category::OtherOfficial && t.category.is_top() {
                        cat = t.category;
                    }
                    if country.is_none() {
                        country = Some(t.country.to_string());
                    }
                    if t.category == cat && w == When::Past {
                        former = true;
                    }
                }
                let country = country.or_else(|| default_country.clone());
                // In Britain the Chancellor is the finance minister.
                if h.head == "chancellor" && country.as_deref() == Some("GB") {
                    cat = Category::OtherMinister;
                }
                off.role = role_text(text, toks, h);
                off.evidence = off.role.clone();
                if let Some((_, t, w)) = g.filter(|(_, t, _)| t.category == cat) {
                    off.office_label = gz.label(t).to_string();
                    if w == When::Unknown {
                        off.data_until = t.horizon.to_string();
                    }
                }
                off.role_category = cat.as_str().into();
                off.country = country;
                off.former = former;
                off.role_source = "text".into();
            }
            // A head of state or government named in full is one wherever the text is set
            // ("the famous words of Nelson Mandela").
            (None, Some((h, t, w)))
                if (doc_countries.contains(&*t.country) && label_echoed(&gz, t, &lower_text))
                    || (ent.key.len() >= 2
                        && w == When::Past
                        && matches!(
                            t.category,
                            Category::HeadOfState | Category::HeadOfGovernment
                        )) =>
            {
                off.role = gz.label(t).to_string();
                if off.role.is_empty() {
                    off.role = h.name.to_string();
                }
                off.role_category = t.category.as_str().into();
                off.office_label = off.role.clone();
                off.country = Some(t.country.to_string());
                off.former = w == When::Past;
                if w == When::Unknown {
                    off.data_until = t.horizon.to_string();
                }
                off.role_source = "gazetteer".into();
            }
            (None, _) if is_party => {
                off.role = "elected representative".into();
                off.role_category = Category::Legislator.as_str().into();
                off.country = default_country.clone();
                off.role_source = "text".into();
            }
            (None, _) => continue,
        }
        last_category.push((
            first_pos,
            Category::parse(&off.role_category).unwrap_or(Category::OtherOfficial),
        ));
        officials.push((first_pos, off));
    }
    officials.sort_by_key(|(p, _)| *p);
    out.officials = officials.into_iter().map(|(_, o)| o).collect();
    out
}

trait StartByte {
    fn start_byte(&self, toks: &[Token]) -> usize;
}

impl StartByte for RoleHit {
    fn start_byte(&self, toks: &[Token]) -> usize {
        toks.get(self.start).map_or(0, |t| t.start)
    }
}

/// The role as written, from its first to its last word.
fn role_text(text: &str, toks: &[Token], h: &RoleHit) -> String {
    let (Some(a), Some(b)) = (toks.get(h.start), toks.get(h.end.saturating_sub(1))) else {
        return h.head.clone();
    };
    text.get(a.start..b.end)
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| h.head.clone())
}

/// True when the phrase starting at token `i` opens a sentence or follows a comma.
fn starts_clause(toks: &[Token], i: usize) -> bool {
    i == 0 || toks[i].sent_start || toks.get(i - 1).is_some_and(|t| !t.word)
}

/// Marks tokens on lines written in title case (headlines), where capitals say nothing.
fn title_case_lines(toks: &[Token]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut s = 0;
    while s < toks.len() {
        let mut e = s;
        while e < toks.len() && !toks[e].is_punct('\n') {
            e += 1;
        }
        let long: Vec<&Token> = toks[s..e]
            .iter()
            .filter(|t| t.word && t.text.chars().count() >= 4)
            .collect();
        let caps = long.iter().filter(|t| t.cap).count();
        if long.len() >= 4 && caps * 10 >= long.len() * 7 {
            for f in out.iter_mut().take(e).skip(s) {
                *f = true;
            }
        }
        s = e + 1;
    }
    out
}

/// Capitalised runs that may be names.
fn spot_runs(
    toks: &[Token],
    cs: &Countries,
    lex: &Lexicon,
    lower_words: &HashSet<&str>,
    title_case: &[bool],
    first_flags: &[bool],
) -> Vec<Run> {
    let is_first = |k: usize| first_flags.get(k).copied().unwrap_or(false);
    let acronym = |t: &Token| {
        t.text.chars().count() >= 2
            && !t.text.contains('-')
            && !t.text.contains('.')
            && t.text.chars().all(|c| !c.is_lowercase())
    };
    let basic = |t: &Token| {
        t.word
            && t.cap
            && !t.text.starts_with(|c: char| c.is_ascii_digit())
            && !is_stop(&t.lower)
            && !is_honorific(&t.lower)
            && !acronym(t)
    };
    let role_word = |t: &Token| is_role_modifier(&t.lower) || lex_single(lex, &t.lower);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !basic(t) {
            i += 1;
            continue;
        }
        let after_title = i > 0
            && toks[i - 1].word
            && (is_honorific(&toks[i - 1].lower) || lex_single(lex, &toks[i - 1].lower));
        let common = lower_words.contains(t.lower.as_str()) && !is_first(i);
        if let Some((n, _, _)) = cs.at(toks, i) {
            i += n;
            continue;
        }
        // "The Hague", "The Gambia": a capitalised article inside a sentence opens a place's
        // or a work's name.
        let after_the = i > 0 && toks[i - 1].text == "The" && !toks[i - 1].sent_start;
        if role_word(t) || (common && !after_title) || is_org_word(&t.lower) || after_the {
            i += 1;
            continue;
        }
        // Extend.
        let mut e = i + 1;
        let mut org = false;
        if !t.poss {
            while e < toks.len() {
                let u = &toks[e];
                if u.word && !u.cap && names::is_particle(&u.lower) {
                    if toks.get(e + 1).is_some_and(&basic) && !toks[e - 1].poss {
                        e += 1;
                        continue;
                    }
                    break;
                }
                let one_first =
                    e - i == 1 && is_first(i) && !title_case.get(e).copied().unwrap_or(false);
                // A surname that is also a short word ("James To", "Wilson Or").
                let stop_surname = one_first
                    && u.word
                    && u.cap
                    && !u.sent_start
                    && is_stop(&u.lower)
                    && u.text.chars().count() <= 3
                    && !matches!(
                        u.lower.as_str(),
                        "the" | "a" | "an" | "and" | "of" | "in" | "on" | "for" | "at" | "by" | "i"
                    );
                if !(basic(u) || stop_surname) || u.sent_start {
                    break;
                }
                if is_org_word(&u.lower) {
                    org = true;
                }
                let doubtful = role_word(u)
                    || lower_words.contains(u.lower.as_str())
                    || cs.at(toks, e).is_some();
                if doubtful && !one_first && !org {
                    break;
                }
                e += 1;
                if u.poss {
                    break;
                }
            }
        }
        // A particle cannot end a name.
        let mut end = e;
        while end > i + 1 && !toks[end - 1].cap {
            end -= 1;
        }
        let n = end - i;
        let n_caps = toks[i..end].iter().filter(|t| t.cap).count();
        // What follows may show the run is a place or a group: "Lombardy region",
        // "Pennsylvania Senator", "Pace Galleries".
        let next = toks.get(end);
        let next_cap = next.is_some_and(|u| u.word && u.cap && !toks[end - 1].poss);
        if next_cap && next.is_some_and(|u| is_org_word(&u.lower)) {
            org = true;
        }
        let modifier = n == 1
            && !toks[i].poss
            && next.is_some_and(|u| {
                u.word && (lex_single(lex, &u.lower) || (u.cap && is_role_modifier(&u.lower)))
            });
        let in_title = title_case.get(i).copied().unwrap_or(false);
        if !(org || n_caps > 4 || modifier || (n == 1 && next_cap && !in_title)) {
            let parts: Vec<&str> = toks[i..end].iter().map(|t| t.text).collect();
            let key = name_key(&parts);
            let single_in_title = title_case.get(i).copied().unwrap_or(false) && n == 1;
            if !(key.is_empty() || (single_in_title && common)) {
                let honorific = i > 0 && is_honorific(&toks[i - 1].lower);
                out.push(Run {
                    s: i,
                    e: end,
                    surface: toks[end - 1].text.to_string(),
                    key,
                    honorific,
                    entity: usize::MAX,
                });
            }
        }
        i = e.max(i + 1);
    }
    out
}

fn lex_single(lex: &Lexicon, w: &str) -> bool {
    lex.is_head(w)
}

/// Groups runs into people: a full name, then its surname or first name alone, and
/// spelling variants that share a key.
fn merge(runs: &mut [Run], gz: &Gazetteer) -> Vec<Entity> {
    let mut ents: Vec<Entity> = Vec::new();
    // Full names first, in text order, so later short forms find them.
    let mut idx: Vec<usize> = (0..runs.len()).collect();
    idx.sort_by_key(|&i| (runs[i].key.len() < 2, runs[i].s));
    for &ri in &idx {
        let key = runs[ri].key.clone();
        let mut found = None;
        if key.len() >= 2 {
            for (ei, e) in ents.iter().enumerate() {
                if e.key.len() >= 2
                    && e.key.last() == key.last()
                    && (e.key[0] == key[0] || e.key == key)
                {
                    found = Some(ei);
                    break;
                }
            }
        } else if let Some(k) = key.first() {
            // A single word: the surname of a full name, else (not a known first name) a
            // first name; the nearest full name mentioned before it wins.
            let pos = runs[ri].s;
            let mut best: Option<(usize, usize)> = None;
            for (ei, e) in ents.iter().enumerate() {
                let by_last = e.key.last() == Some(k);
                let by_first =
                    e.key.len() >= 2 && e.key.first() == Some(k) && gz.first_names.contains(k);
                if !(by_last || by_first) {
                    continue;
                }
                let near = e
                    .runs
                    .iter()
                    .map(|&r| runs[r].s)
                    .filter(|&s| s < pos)
                    .max()
                    .unwrap_or(0);
                let score = near + if by_last { 1 << 30 } else { 0 };
                if best.is_none_or(|(_, b)| score > b) {
                    best = Some((ei, score));
                }
            }
            found = best.map(|(e, _)| e);
        }
        match found {
            Some(ei) => {
                if key.len() > ents[ei].key.len() {
                    ents[ei].key = key;
                    ents[ei].surface = None;
                }
                ents[ei].runs.push(ri);
                runs[ri].entity = ei;
            }
            None => {
                runs[ri].entity = ents.len();
                let surface = (key.len() == 1).then(|| runs[ri].surface.clone());
                ents.push(Entity {
                    key,
                    surface,
                    runs: vec![ri],
                    evidence: false,
                });
            }
        }
    }
    for e in &mut ents {
        e.runs.sort_by_key(|&r| runs[r].s);
    }
    ents
}

/// Distinct surface forms and the byte span of every mention.
fn forms(
    text: &str,
    toks: &[Token],
    runs: &[Run],
    ids: &[usize],
) -> (Vec<String>, Vec<(usize, usize)>) {
    let mut variants: Vec<String> = Vec::new();
    let mut spans = Vec::new();
    for &ri in ids {
        let r = &runs[ri];
        let (a, b) = (toks[r.s].start, toks[r.e - 1].end);
        spans.push((a, b));
        let v: String = text
            .get(a..b)
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !v.is_empty() && !variants.contains(&v) {
            variants.push(v);
        }
    }
    spans.sort();
    (variants, spans)
}

fn longest(variants: &[String]) -> String {
    variants
        .iter()
        .enumerate()
        .max_by_key(|(i, v)| (v.split_whitespace().count(), std::cmp::Reverse(*i)))
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// Country codes mentioned in the text with their counts, and the most mentioned country
/// (organisations left out), the fallback for a role that names no country.
fn country_counts(toks: &[Token], cs: &Countries) -> (HashSet<String>, Option<String>) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((n, code, _)) = cs.at(toks, i) {
            *counts.entry(code).or_default() += 1;
            i += n;
        } else {
            i += 1;
        }
    }
    let best = counts
        .iter()
        .filter(|(c, _)| !countries::is_org(c))
        .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
        .map(|(c, _)| c.to_string());
    (counts.keys().map(|c| c.to_string()).collect(), best)
}

/// The gazetteer's best reading of a person: the holder, the term and where the term
/// stands on `date`. Full names match directly; a surname alone matches only holders of
/// a top post from a country the text mentions.
#[allow(clippy::too_many_arguments)]
fn lookup<'g>(
    gz: &'g Gazetteer,
    ent: &Entity,
    date: Option<&str>,
    want: Option<Category>,
    want_country: Option<&str>,
    free_roles: &[&RoleHit],
    doc_countries: &HashSet<String>,
) -> Option<(&'g Holder, &'g Term, When)> {
    let single = ent.key.len() < 2;
    let holders = if single {
        let k = ent.key.first()?;
        if k.chars().count() < 3 || ent_first_exact(gz, ent) {
            return None;
        }
        gz.by_surname(k)
    } else {
        gz.by_name(&ent.key)
    };
    type Score = (bool, u8, When, bool);
    let mut best: Option<(Score, &Holder, &Term, When)> = None;
    for h in holders {
        let mut cands: Vec<(&Term, When)> = h
            .terms
            .iter()
            .map(|t| (t, holders::when(t, date)))
            .filter(|(_, w)| *w != When::Future)
            .collect();
        if single {
            // A surname alone names a recent holder, not one from a history book
            // ("Washington" is a place far more often than a president).
            cands.retain(|(t, _)| {
                t.category.is_top() && doc_countries.contains(&*t.country) && recent(t, date)
            });
        }
        for (t, w) in cands {
            let free = free_roles.iter().any(|r| {
                r.category == t.category && r.country.as_deref().is_none_or(|c| c == &*t.country)
            });
            let fits = want == Some(t.category) || free;
            let same_country = want_country.is_some_and(|c| c == &*t.country);
            let score = (fits || same_country, t.category.rank(), w, same_country);
            if best.as_ref().is_none_or(|(b, ..)| score > *b) {
                best = Some((score, h, t, w));
            }
        }
    }
    best.map(|(_, h, t, w)| (h, t, w))
}

/// True when a lesser post's name finds an echo in the text ("senator", "homeland"): a
/// namesake of a deputy secretary is otherwise a namesake. Top posts need no echo.
fn label_echoed(gz: &Gazetteer, t: &Term, lower_text: &str) -> bool {
    t.category.is_top()
        || gz.label(t).split_whitespace().any(|w| {
            let w = w.to_lowercase();
            w.len() >= 5
                && !matches!(w.as_str(), "united" | "states" | "republic" | "deputy")
                && lower_text.contains(&w)
        })
}

/// True when the term ended less than 25 years before `date` (or has not ended).
fn recent(t: &Term, date: Option<&str>) -> bool {
    let year = |s: &str| s.get(..4).and_then(|y| y.parse::<u32>().ok());
    let end = t.end.rsplit('~').next().unwrap_or("");
    match (year(end), date.and_then(year)) {
        (Some(e), Some(d)) => e + 25 >= d,
        _ => true,
    }
}

/// True when the one-word name is, as spelt, someone's first name ("Jason", "Ahmed").
fn ent_first_exact(gz: &Gazetteer, ent: &Entity) -> bool {
    ent.surface
        .as_deref()
        .is_some_and(|w| gz.first_exact.contains(&names::fold(w)))
}

/// The runs after `ri` in the same list: separated only by commas, "and", and an
/// affiliation ("of the Labour Party", "from LSD").
fn list_after(toks: &[Token], runs: &[Run], ri: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev_end = runs[ri].e;
    for (rj, r) in runs.iter().enumerate().skip(ri + 1) {
        let gap = &toks[prev_end..r.s];
        let ok = gap.iter().all(|t| {
            t.is_punct(',')
                || (t.word
                    && !t.sent_start
                    && (t.cap
                        || matches!(
                            t.lower.as_str(),
                            "and" | "of" | "from" | "the" | "as" | "well"
                        )))
        });
        if !ok || gap.len() > 8 {
            break;
        }
        out.push(rj);
        prev_end = r.e;
    }
    out
}

/// "Name of the Civic Party", "Name from LSD", "DAB's Name": a named group right by the name.
fn affiliated(toks: &[Token], runs: &[Run], r: &Run, cs: &Countries) -> bool {
    // A one-word run next to the name is a group's name as often as a person's.
    let is_run_start = |k: usize| runs.iter().any(|x| x.s == k && x.e - x.s > 1);
    if let Some(t) = toks.get(r.e) {
        if matches!(t.lower.as_str(), "of" | "from") {
            let mut k = r.e + 1;
            if toks.get(k).is_some_and(|t| t.lower == "the") {
                k += 1;
            }
            if let Some(u) = toks.get(k) {
                if u.word && u.cap && !is_run_start(k) && cs.at(toks, k).is_none() {
                    return true;
                }
            }
        }
    }
    if r.s >= 1 {
        let p = &toks[r.s - 1];
        if p.word
            && p.poss
            && p.cap
            && cs.at(toks, r.s - 1).is_none()
            && !runs.iter().any(|x| x.e == r.s && x.e - x.s > 1)
        {
            return true;
        }
    }
    false
}

/// The name's sentence says someone was elected or defeated.
fn elected_sentence(toks: &[Token], r: &Run) -> bool {
    let mut a = r.s;
    while a > 0 && !toks[a].sent_start {
        a -= 1;
    }
    let mut b = r.e;
    while b < toks.len() && !toks[b].sent_start {
        b += 1;
    }
    toks[a..b].iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "elected" | "re-elected" | "defeated" | "defeating" | "reelected"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn officials(text: &str, date: &str) -> Vec<(String, String, Option<String>, bool, usize)> {
        find(text, Some(date))
            .officials
            .into_iter()
            .map(|o| (o.name, o.role_category, o.country, o.former, o.mentions))
            .collect()
    }

    fn one(text: &str, date: &str) -> (String, String, Option<String>, bool, usize) {
        let o = officials(text, date);
        assert_eq!(o.len(), 1, "{o:?}");
        o.into_iter().next().unwrap()
    }

    #[test]
    fn title_before_name() {
        let o = one(
            "US Secretary of State Antony Blinken arrived. Blinken left.",
            "2023-02-03",
        );
        assert_eq!(
            o,
            (
                "Antony Blinken".into(),
                "foreign_minister".into(),
                Some("US".into()),
                false,
                2
            )
        );
        let o = one(
            "Yesterday Russian President Vladimir Putin spoke.",
            "2023-02-03",
        );
        assert_eq!(
            (o.0.as_str(), o.1.as_str(), o.2.as_deref()),
            ("Vladimir Putin", "head_of_state", Some("RU"))
        );
    }

    #[test]
    fn apposition() {
        let o = one(
            "He met Jeff Rathke, the State Department Spokesperson, on Monday.",
            "2015-05-18",
        );
        assert_eq!((o.1.as_str(), o.2.as_deref()), ("spokesperson", Some("US")));
        let o = one(
            "The talks were led by the head of NATO, Hoop Scheffer, in Brussels.",
            "2009-04-04",
        );
        assert_eq!(
            (o.0.as_str(), o.1.as_str(), o.2.as_deref()),
            ("Hoop Scheffer", "international_official", Some("NATO"))
        );
        let o = one(
            "Major general Fuad Basya, spokesman for the Indonesian military, said so.",
            "2015-05-18",
        );
        assert_eq!((o.1.as_str(), o.2.as_deref()), ("spokesperson", Some("ID")));
    }

    #[test]
    fn demonyms_give_countries() {
        let o = one("Palestinian leader Mahmoud Abbas met them.", "2023-02-03");
        assert_eq!(
            (o.1.as_str(), o.2.as_deref()),
            ("head_of_state", Some("PS"))
        );
    }

    #[test]
    fn former_from_text_and_from_dates() {
        let o = one("The remarks of former Pennsylvania Senator Rick Santorum angered many in the United States.", "2012-03-15");
        assert_eq!((o.1.as_str(), o.3), ("legislator", true));
        let o = one(
            "The plan was rejected by Prime Minister Boris Johnson in Britain.",
            "2023-02-23",
        );
        assert_eq!(
            (o.1.as_str(), o.2.as_deref(), o.3),
            ("head_of_government", Some("GB"), true)
        );
    }

    #[test]
    fn variants_merge() {
        let p = find("Riyad al-Maliki spoke. Later Al-Maliki and Maliki's aides left. Sergey Lavrov and Sergei Lavrov.", None);
        let names: Vec<(&str, usize)> = p
            .people
            .iter()
            .map(|p| (p.name.as_str(), p.mentions))
            .collect();
        assert_eq!(names, [("Riyad al-Maliki", 3), ("Sergey Lavrov", 2)]);
    }

    #[test]
    fn gazetteer_dates() {
        // Held the post then: current; before the post began: no role at all.
        let o = one(
            "Officials said Sergey Lavrov met them in Russia.",
            "2023-02-03",
        );
        assert_eq!(
            (o.1.as_str(), o.2.as_deref(), o.3),
            ("foreign_minister", Some("RU"), false)
        );
        assert!(officials(
            "Officials said Antony Blinken met them in Israel.",
            "2005-01-01"
        )
        .is_empty());
        let o = one(
            "Then George Bush spoke about the United States.",
            "2009-04-04",
        );
        assert_eq!((o.1.as_str(), o.3), ("head_of_state", true));
    }

    #[test]
    fn plural_title_over_a_list() {
        let o = officials("Pan-democracy camp councillors Alvin Yeung from the Civic Party, Fernando Cheung of the Labour Party, and Leung Kwok-hung of LSD were elected in Hong Kong.", "2016-09-09");
        let names: Vec<&str> = o.iter().map(|o| o.0.as_str()).collect();
        assert_eq!(names, ["Alvin Yeung", "Fernando Cheung", "Leung Kwok-hung"]);
        assert!(o
            .iter()
            .all(|o| o.1 == "legislator" && o.2.as_deref() == Some("HK")));
    }

    #[test]
    fn bad_input_does_not_panic() {
        for t in [
            "",
            "’",
            "Mr.",
            "A, B, C",
            ",,, The",
            "President",
            "\u{a0}Al-",
            "X's, the president,",
        ] {
            let _ = find(t, Some("20"));
            let _ = find(t, Some("é"));
        }
    }
}

#[cfg(test)]
mod seed_tests {
    use super::*;

    /// The seed article (title, description, body): every official, each once, nothing extra.
    #[test]
    fn seed_article_exactly() {
        let text = include_str!("../../../tests/fixtures/seed_officials.txt");
        let p = find(text, Some("2023-02-03"));
        let got: Vec<(&str, &str, Option<&str>, bool, usize)> = p
            .officials
            .iter()
            .map(|o| {
                (
                    o.name.as_str(),
                    o.role_category.as_str(),
                    o.country.as_deref(),
                    o.former,
                    o.mentions,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Antony Blinken", "foreign_minister", Some("US"), false, 4),
                ("Al-Maliki", "foreign_minister", Some("PS"), false, 3),
                ("Sergey Lavrov", "foreign_minister", Some("RU"), false, 1),
                ("Vladimir Putin", "head_of_state", Some("RU"), false, 1),
                ("Mahmoud Abbas", "head_of_state", Some("PS"), false, 1),
            ]
        );
        let people: Vec<&str> = p.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            people,
            [
                "Antony Blinken",
                "Al-Maliki",
                "Sergey Lavrov",
                "Vladimir Putin",
                "Mahmoud Abbas"
            ]
        );
        // Every span covers a name variant.
        for o in &p.officials {
            for &(a, b) in &o.spans {
                assert!(
                    o.variants.iter().any(|v| v == &text[a..b]),
                    "{}",
                    &text[a..b]
                );
            }
        }
    }
}
