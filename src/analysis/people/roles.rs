//! Role phrases in running text ("US Secretary of State", "his Russian counterpart",
//! "spokesman for the Indonesian military"): where they are, their role category, the
//! country or organisation they name, and whether they say "former". Role heads come from
//! data/roles.tsv; the grammar around them (modifiers, "of/for/to" complements) is here.

use crate::data;
use crate::data::category::Category;
use crate::data::countries::{self, Countries};
use crate::text::names::{is_role_modifier, Token};
use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, Mutex};

pub struct Lexicon {
    heads: HashMap<String, Category>,
    /// First words of the heads, singular and plural.
    firsts: rustc_hash::FxHashSet<String>,
    max_words: usize,
}

static SLOT: data::Slot<Lexicon> = Mutex::new(None);

pub fn lexicon() -> Arc<Lexicon> {
    data::cached(&SLOT, || Lexicon::parse(data::text(data::File::Roles)))
}

impl Lexicon {
    pub fn parse(text: &str) -> Lexicon {
        let mut heads = HashMap::default();
        let mut firsts = rustc_hash::FxHashSet::default();
        let mut max_words = 1;
        for line in text.lines() {
            if let Some((p, c)) = line.split_once('\t') {
                if let Some(c) = Category::parse(c.trim()) {
                    max_words = max_words.max(p.split_whitespace().count());
                    let p = p.trim().to_lowercase();
                    if let Some(f) = p.split(' ').next() {
                        firsts.insert(f.to_string());
                        firsts.insert(format!("{f}s"));
                        if let Some(stem) = f.strip_suffix("man") {
                            firsts.insert(format!("{stem}men"));
                        }
                    }
                    heads.insert(p, c);
                }
            }
        }
        Lexicon {
            heads,
            firsts,
            max_words,
        }
    }

    /// True when `w` (lower case) is a one-word role head, singular or plural.
    pub fn is_head(&self, w: &str) -> bool {
        let w = strip_prefix(w).1;
        self.heads.contains_key(w)
            || w.strip_suffix('s')
                .is_some_and(|s| self.heads.contains_key(s))
    }

    /// The longest role head starting at `toks[i]`: (words, category, plural).
    fn head_at(&self, toks: &[Token], i: usize) -> Option<(usize, Category, bool)> {
        if !toks
            .get(i)
            .is_some_and(|t| self.firsts.contains(strip_prefix(&t.lower).1))
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
                key.push(' ');
            }
            let w = strip_prefix(&t.lower).1;
            key.push_str(w);
            if let Some(c) = self.heads.get(&key) {
                best = Some((n, *c, false));
            } else if let Some(stem) = key.strip_suffix('s') {
                if let Some(c) = self.heads.get(stem) {
                    best = Some((n, *c, true));
                } else if let Some(c) = key
                    .strip_suffix("men")
                    .and_then(|s| self.heads.get(&format!("{s}man")))
                {
                    best = Some((n, *c, true));
                }
            }
            if t.poss {
                break;
            }
        }
        best
    }
}

/// Splits "ex-president", "then-governor", "vice-president" into prefix and word.
fn strip_prefix(w: &str) -> (&str, &str) {
    // Every prefix ends in a hyphen within its first seven bytes.
    if !w.bytes().take(7).any(|b| b == b'-') {
        return ("", w);
    }
    for p in [
        "ex-", "then-", "former-", "vice-", "deputy-", "acting-", "co-",
    ] {
        if let Some(rest) = w.strip_prefix(p) {
            if !rest.is_empty() {
                return (&p[..p.len() - 1], rest);
            }
        }
    }
    ("", w)
}

/// One role phrase in the text.
#[derive(Debug, Clone)]
pub struct RoleHit {
    /// Token range of the whole phrase (modifiers and complement included).
    pub start: usize,
    pub end: usize,
    pub head_start: usize,
    pub head_end: usize,
    pub category: Category,
    pub country: Option<String>,
    pub former: bool,
    pub plural: bool,
    /// Written with a capital ("President", "Foreign Minister").
    pub capitalised: bool,
    /// Preceded by "the", "a", "his"...: a description, not a title.
    pub determiner: bool,
    /// Token index of a person's possessive before it ("Obama's national security advisor").
    pub possessor: Option<usize>,
    /// Says nothing of a public office on its own ("head", "director", "leader" without
    /// a country or organisation): usable only with other evidence.
    pub weak: bool,
    /// The lower-case head ("prime minister").
    pub head: String,
}

#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that",
];
#[rustfmt::skip]
const FORMER: &[&str] = &[
    "former", "ex", "then", "late", "onetime", "erstwhile", "previous", "past",
];
/// Lower-case words a complement ("of the Lombardy region") may hold besides capitalised ones.
#[rustfmt::skip]
const COMPLEMENT_WORDS: &[&str] = &[
    "the", "and", "region", "military", "office", "affairs", "army", "navy", "department",
    "ministry", "police", "prime", "minister", "president", "government", "party", "council",
    "assembly", "state", "nations", "court", "committee", "authority", "agency", "forces",
    "force", "security", "defence", "defense", "interior", "foreign", "commission", "republic",
    "union", "city", "province", "county", "district", "municipality", "senate", "house",
    "parliament", "education", "health", "justice", "finance", "staff", "general", "joint",
    "chiefs", "opposition", "country", "nation", "kingdom", "federation", "people's", "service",
    "services", "public", "national", "legislative", "executive", "board", "bureau", "cabinet",
    "treasury", "exchequer", "economy", "trade", "labour", "labor", "home", "internal",
    "external", "secretary", "embassy", "mission", "delegation", "administration",
];
/// Words in a phrase that place an "official", "director" or "adviser" in public service.
#[rustfmt::skip]
const PUBLIC_WORDS: &[&str] = &[
    "government", "national", "federal", "state", "ministry", "department", "authority", "agency",
    "council", "city", "municipal", "police", "military", "security", "defense", "defence",
    "civil", "public", "presidential", "president", "prime", "minister", "cabinet", "congress",
    "parliament", "senate", "army", "navy", "intelligence", "foreign", "interior", "justice",
    "treasury", "embassy", "consulate", "ministry's", "regional", "provincial",
];
#[rustfmt::skip]
const MILITARY_WORDS: &[&str] = &[
    "army", "navy", "naval", "military", "marine", "marines", "air", "force", "forces", "armed",
    "troops", "defence", "defense", "general", "major", "brigade", "regiment", "corps",
];
/// Complement words that place a chair or director outside public office.
#[rustfmt::skip]
const PRIVATE_WORDS: &[&str] = &[
    "federation", "union", "association", "company", "firm", "club", "foundation", "league",
    "corporation", "bank", "group", "teamsters", "chamber",
];
/// Institutions that stand for their country.
#[rustfmt::skip]
const INSTITUTIONS: &[(&str, &str)] = &[
    ("state department", "US"), ("white house", "US"), ("pentagon", "US"), ("congress", "US"),
    ("kremlin", "RU"), ("downing street", "GB"), ("home office", "GB"), ("foreign office", "GB"),
    ("whitehall", "GB"), ("knesset", "IL"), ("bundestag", "DE"), ("elysee", "FR"),
];
/// Heads that take their meaning from a modifier: without a country or organisation they
/// do not make anyone an official.
#[rustfmt::skip]
const WEAK_HEADS: &[&str] = &[
    "leader", "head of", "chief of", "director", "official", "chairman", "chairwoman", "adviser",
    "advisor", "commissioner", "director general", "director-general", "counterpart",
    "representative", "speaker", "justice", "general", "major", "captain", "lieutenant",
    "commander", "colonel", "secretary", "governor", "president", "chief of staff",
];

/// Finds every role phrase; `in_name[i]` marks tokens inside a person's name, which no
/// phrase may take.
pub fn find(toks: &[Token], in_name: &[bool], lex: &Lexicon, cs: &Countries) -> Vec<RoleHit> {
    let mut out: Vec<RoleHit> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].word || in_name.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        let (n, lex_cat, plural) = match lex.head_at(toks, i) {
            Some(h) => h,
            None => {
                i += 1;
                continue;
            }
        };
        let head_start = i;
        let head_end = i + n;
        if (head_start..head_end).any(|k| in_name.get(k).copied().unwrap_or(false)) {
            i += 1;
            continue;
        }
        let head: Vec<&str> = toks[head_start..head_end]
            .iter()
            .map(|t| strip_prefix(&t.lower).1)
            .collect();
        let head = head.join(" ");
        let mut former = false;
        let mut vice = false;
        for t in &toks[head_start..head_end] {
            match strip_prefix(&t.lower).0 {
                "ex" | "then" | "former" => former = true,
                "vice" | "deputy" => vice = true,
                _ => {}
            }
        }
        // Left: modifiers, countries, capitalised organisation words, a possessive.
        let mut start = head_start;
        let mut possessor = None;
        let mut determiner = false;
        let floor = out.last().map_or(0, |h| h.end);
        while start > floor && head_start - start < 7 {
            let t = &toks[start - 1];
            if !t.word || in_name.get(start - 1).copied().unwrap_or(false) {
                if t.word && t.poss {
                    possessor = Some(start - 1);
                }
                break;
            }
            if DETERMINERS.contains(&t.lower.as_str()) {
                determiner = true;
                break;
            }
            let ok = is_role_modifier(&t.lower)
                || FORMER.contains(&t.lower.as_str())
                || t.cap
                || t.lower.starts_with("pro-")
                || t.lower.starts_with("pan-")
                || matches!(
                    t.lower.as_str(),
                    "and"
                        | "top"
                        | "senior"
                        | "veteran"
                        | "longtime"
                        | "new"
                        | "newly"
                        | "elected"
                        | "camp"
                        | "career"
                        | "security"
                        | "communications"
                );
            if !ok {
                break;
            }
            // A capitalised word that opens a sentence is only a modifier when it is one.
            if t.sent_start
                && t.cap
                && !is_role_modifier(&t.lower)
                && cs.at(toks, start - 1).is_none()
                && !t.poss
            {
                let next_cap = toks.get(start).is_some_and(|x| x.cap);
                if !next_cap {
                    break;
                }
            }
            start -= 1;
            if t.poss {
                // "Malaysia's Prime Minister", "Labour's Shadow Home Secretary": the owner
                // may be several words long.
                while start > 0
                    && toks[start - 1].word
                    && toks[start - 1].cap
                    && !toks[start - 1].poss
                    && !in_name[start - 1]
                    && head_start - start < 7
                {
                    start -= 1;
                }
                break;
            }
        }
        while start < head_start && matches!(toks[start].lower.as_str(), "and") {
            start += 1;
        }
        // Right: an "of/for/to" complement, or the rest of a head ending in "of".
        let mut end = head_end;
        let opens = head.ends_with(" of")
            || matches!(
                toks.get(head_end).map(|t| t.lower.as_str()),
                Some("of" | "for" | "to" | "at")
            );
        if opens {
            let mut k = if head.ends_with(" of") {
                head_end
            } else {
                head_end + 1
            };
            let mut content = end;
            while k < toks.len() && k - head_end < 8 {
                let t = &toks[k];
                let place = in_name.get(k).copied().unwrap_or(false)
                    && !in_name.get(k + 1).copied().unwrap_or(false)
                    && toks.get(k + 1).is_some_and(|x| {
                        x.word
                            && !x.cap
                            && COMPLEMENT_WORDS.contains(&x.lower.as_str())
                            && !matches!(x.lower.as_str(), "the" | "and")
                    });
                if !t.word || (in_name.get(k).copied().unwrap_or(false) && !place) {
                    break;
                }
                if t.cap || COMPLEMENT_WORDS.contains(&t.lower.as_str()) || t.lower == "of" {
                    if t.lower != "the" && t.lower != "and" && t.lower != "of" {
                        content = k + 1;
                    }
                    k += 1;
                    if t.poss
                        && !toks
                            .get(k)
                            .is_some_and(|x| x.word && COMPLEMENT_WORDS.contains(&x.lower.as_str()))
                    {
                        break;
                    }
                    continue;
                }
                break;
            }
            end = content;
            // "minister of mines and energy Tom Alweendo", "undersecretary general for legal
            // affairs, Elinor Hammarskjöld": lower-case complement words up to a name.
            let mut j = end;
            if j == head_end && !head.ends_with(" of") {
                // Nothing capitalised followed "of/for": start after it.
                j += 1;
            }
            let from = j;
            while j < toks.len() && j - from < 5 {
                let t = &toks[j];
                let plain = t.word
                    && !t.cap
                    && (t.lower == "and" || !crate::text::names::is_stop(&t.lower))
                    && !t.lower.ends_with("ed")
                    && !matches!(t.lower.as_str(), "said" | "says" | "told" | "met");
                if !plain {
                    break;
                }
                j += 1;
            }
            let to_name = |k: usize| in_name.get(k).copied().unwrap_or(false);
            if j > from
                && (to_name(j) || (toks.get(j).is_some_and(|t| t.is_punct(',')) && to_name(j + 1)))
            {
                end = j;
            }
        }
        let words: Vec<&str> = toks[start..end]
            .iter()
            .filter(|t| t.word)
            .map(|t| t.lower.as_str())
            .collect();
        let phrase = words.join(" ");
        let left: Vec<&str> = toks[start..head_start]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        let right: Vec<&str> = toks[head_end..end]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        former |= left
            .iter()
            .any(|w| FORMER.contains(w) || w.starts_with("ex-") || w.starts_with("then-"));
        vice |= left
            .iter()
            .any(|w| matches!(*w, "vice" | "deputy" | "assistant" | "associate"));
        // Country: a country word on the left wins; on the right too, except an
        // ambassador's destination ("ambassador to the United States").
        let mut country = None;
        let mut k = start;
        while k < end {
            if k == head_start {
                k = head_end;
                if lex_cat == Category::Diplomat && country.is_none() {
                    // The destination is not the diplomat's country.
                    break;
                }
                continue;
            }
            if let Some((n, code, _)) = cs.at(toks, k) {
                if country.is_none() {
                    country = Some(code.to_string());
                }
                k += n;
            } else {
                k += 1;
            }
        }
        if country.is_none()
            && head == "secretary of state"
            && toks.get(head_end).is_none_or(|t| t.lower != "for")
        {
            // Elsewhere the post is "Foreign Secretary" or "Secretary of State for ...".
            country = Some("US".to_string());
        }
        if country.is_none() {
            for (name, code) in INSTITUTIONS {
                if phrase.contains(name) {
                    country = Some(code.to_string());
                }
            }
        }
        let has_org_cap = toks[start..end].iter().enumerate().any(|(j, t)| {
            t.cap
                && !(head_start..head_end).contains(&(start + j))
                && !is_role_modifier(&t.lower)
                && cs.at(toks, start + j).is_none()
        });
        let public = country.is_some()
            || words.iter().any(|w| PUBLIC_WORDS.contains(w))
            || INSTITUTIONS.iter().any(|(n, _)| phrase.contains(n));
        let cat = categorize(
            &head,
            lex_cat,
            &left,
            &right,
            &phrase,
            vice,
            country.as_deref(),
            has_org_cap,
        );
        let capitalised = toks[head_start].cap;
        let weak_head = WEAK_HEADS.contains(&head.as_str());
        // A rank in lower case ("England captain") is a military rank only among soldiers.
        if lex_cat == Category::Military
            && !capitalised
            && !words.iter().any(|w| MILITARY_WORDS.contains(w))
        {
            i = head_end.max(i + 1);
            continue;
        }
        let weak = (weak_head && !public && !capitalised)
            || (cat == Some(Category::OtherOfficial) && !public);
        if let Some(cat) = cat {
            out.push(RoleHit {
                start,
                end,
                head_start,
                head_end,
                category: cat,
                country,
                former,
                plural,
                capitalised,
                determiner,
                possessor,
                weak,
                head,
            });
        }
        i = head_end.max(i + 1);
    }
    out
}

/// The role category of a phrase from its head and what surrounds it; None when the
/// phrase does not describe a public office ("a vice president of sales").
#[allow(clippy::too_many_arguments)]
fn categorize(
    head: &str,
    lex_cat: Category,
    left: &[&str],
    right: &[&str],
    phrase: &str,
    vice: bool,
    country: Option<&str>,
    has_org_cap: bool,
) -> Option<Category> {
    let has = |w: &str| left.contains(&w) || right.contains(&w);
    // Officers of unions, federations and firms hold no public office.
    if lex_cat == Category::OtherOfficial && right.iter().any(|w| PRIVATE_WORDS.contains(w)) {
        return None;
    }
    if phrase.contains("spokes")
        || phrase.contains("press secretary")
        || (head == "representative" && matches!(right.first(), Some(&"for") | Some(&"of")))
    {
        return Some(Category::Spokesperson);
    }
    if left.contains(&"shadow") {
        return Some(Category::Legislator);
    }
    if let Some(c) = country {
        if countries::is_org(c)
            && matches!(
                lex_cat,
                Category::OtherOfficial | Category::HeadOfState | Category::InternationalOfficial
            )
            && head != "leader"
        {
            return Some(Category::InternationalOfficial);
        }
    }
    match head {
        "minister" | "ministers" => {
            if has("foreign")
                || phrase.contains("foreign affairs")
                || phrase.contains("external affairs")
            {
                return Some(Category::ForeignMinister);
            }
            if has("prime") {
                return Some(if vice {
                    Category::OtherMinister
                } else {
                    Category::HeadOfGovernment
                });
            }
            return Some(Category::OtherMinister);
        }
        "secretary" => {
            if has("foreign") {
                return Some(Category::ForeignMinister);
            }
            if has("press") {
                return Some(Category::Spokesperson);
            }
            if left.iter().any(|w| is_role_modifier(w))
                || right.first() == Some(&"of")
                || right.first() == Some(&"for")
            {
                return Some(Category::OtherMinister);
            }
            return None;
        }
        "secretary of state" => {
            if right.first() == Some(&"for") || vice || left.contains(&"under") {
                return Some(Category::OtherMinister);
            }
            return Some(Category::ForeignMinister);
        }
        "prime minister" | "premier" | "chancellor" => {
            if vice {
                return Some(Category::OtherMinister);
            }
            return Some(Category::HeadOfGovernment);
        }
        "president" => {
            if vice {
                return Some(Category::OtherOfficial);
            }
            if right.iter().any(|w| {
                matches!(
                    *w,
                    "senate"
                        | "assembly"
                        | "chamber"
                        | "parliament"
                        | "congress"
                        | "house"
                        | "council"
                )
            }) {
                return Some(Category::Legislator);
            }
            if right
                .iter()
                .any(|w| matches!(*w, "region" | "province" | "county" | "district" | "city"))
            {
                return Some(Category::RegionalExecutive);
            }
            if right.iter().any(|w| matches!(*w, "court" | "tribunal")) {
                return Some(Category::Judiciary);
            }
            if country.is_none() && has_org_cap {
                // "Microsoft President", "president of the Football Association".
                return None;
            }
            return Some(Category::HeadOfState);
        }
        "leader" => {
            if has("party") || has("opposition") || (has_org_cap && country.is_none()) {
                return Some(Category::PartyLeader);
            }
            if country.is_some() && !has_org_cap {
                return Some(Category::HeadOfState);
            }
            if country.is_some() {
                return Some(Category::PartyLeader);
            }
            return None;
        }
        "chief of" | "head of" | "commander" | "chief of staff"
            if right
                .iter()
                .any(|w| MILITARY_WORDS.contains(w) && *w != "general") =>
        {
            return Some(Category::Military);
        }
        "governor" => {
            if has("bank") || phrase.contains("central bank") || has("reserve") {
                return Some(Category::OtherOfficial);
            }
            return Some(Category::RegionalExecutive);
        }
        _ => {}
    }
    if vice && matches!(lex_cat, Category::HeadOfState | Category::HeadOfGovernment) {
        return Some(Category::OtherOfficial);
    }
    Some(lex_cat)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::names::tokenize;

    fn roles(text: &str) -> Vec<(String, &'static str, Option<String>, bool)> {
        let toks = tokenize(text);
        let in_name = vec![false; toks.len()];
        find(&toks, &in_name, &lexicon(), &crate::data::countries::get())
            .into_iter()
            .map(|r| {
                let s = toks[r.start].start;
                let e = toks[r.end - 1].end;
                (
                    text[s..e].to_string(),
                    r.category.as_str(),
                    r.country,
                    r.former,
                )
            })
            .collect()
    }

    #[test]
    fn titles_with_countries() {
        let r =
            roles("US Secretary of State met Russian President and Palestinian Foreign Minister");
        assert_eq!(
            r[0],
            (
                "US Secretary of State".into(),
                "foreign_minister",
                Some("US".into()),
                false
            )
        );
        assert_eq!(
            r[1],
            (
                "Russian President".into(),
                "head_of_state",
                Some("RU".into()),
                false
            )
        );
        assert_eq!(
            r[2],
            (
                "Palestinian Foreign Minister".into(),
                "foreign_minister",
                Some("PS".into()),
                false
            )
        );
    }

    #[test]
    fn complements_and_possessives() {
        let r = roles("said the spokesman for the Indonesian military.");
        assert_eq!(r[0].1, "spokesperson");
        assert_eq!(r[0].2.as_deref(), Some("ID"));
        let r = roles("and Malaysia's Prime Minister said");
        assert_eq!(r[0].0, "Malaysia's Prime Minister");
        assert_eq!(r[0].2.as_deref(), Some("MY"));
        let r = roles("Afghan Ambassador to the United States");
        assert_eq!((r[0].1, r[0].2.as_deref()), ("diplomat", Some("AF")));
        let r = roles("the president of the Lombardy region");
        assert_eq!(r[0].1, "regional_executive");
        let r = roles("the head of NATO");
        assert_eq!(
            (r[0].1, r[0].2.as_deref()),
            ("international_official", Some("NATO"))
        );
    }

    #[test]
    fn former_and_shadow() {
        let r = roles("former Pennsylvania Senator and Labour's Shadow Home Secretary");
        assert_eq!((r[0].1, r[0].3), ("legislator", true));
        assert_eq!(r[1].1, "legislator");
        let r = roles("the ex-president");
        assert_eq!((r[0].1, r[0].3), ("head_of_state", true));
    }

    #[test]
    fn the_us_top_diplomat() {
        let r = roles("The US's top diplomat visited");
        assert_eq!(
            (r[0].1, r[0].2.as_deref()),
            ("foreign_minister", Some("US"))
        );
    }
}
