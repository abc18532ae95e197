//! Source profile: who is behind the publisher and what kind of outlet it is. Matches the
//! page's host (and the parent domains of editions and subdomains) against two lists: the
//! state-affiliated media list (`data/state_media.tsv`), whose typology is explained in plain
//! words, and Wikipedia editors' perennial sources list (`data/sources.tsv`), whose consensus
//! is carried with its scope, date and summary. An unlisted host is said to be unlisted:
//! never a guess, never a bare label, never Newsmark's own verdict.

use crate::data;
use crate::text::url;
use serde::Serialize;

pub const DATA_FILE: data::File = data::File::StateMedia;
pub const DATA_SOURCE: &str =
    "State Media Monitor / State Media Matrix (Alliance for Securing Democracy, 2023, MIT licence)";

#[derive(Debug, Clone, Default, Serialize)]
pub struct SourceProfile {
    /// The host the page was matched on.
    pub domain: Option<String>,
    /// True when the host (or a parent domain) is in the state-affiliated media list.
    pub listed: bool,
    pub outlet: Option<String>,
    pub country: Option<String>,
    pub company: Option<String>,
    /// The company's own owner, where the list names one.
    pub parent: Option<String>,
    /// Typology code of the list (SC, CaPu, CaPr, ISFM, ISF, ISM, IP).
    pub typology: Option<String>,
    /// The typology in words, e.g. "state-controlled".
    pub typology_label: Option<String>,
    /// What the typology means for the reader.
    pub typology_meaning: Option<String>,
    /// One sentence for the panel.
    pub summary: String,
    /// Where the profile comes from.
    pub data_source: &'static str,
    /// Publisher, copyright holder, owner and contacts as the page itself names them.
    pub named_in_page: Vec<crate::analysis::meta::imprint::Named>,
    /// The perennial sources list's entries for the outlet: several when the list judges
    /// its parts apart (news, politics, talk shows).
    pub reliability: Vec<Reliability>,
}

/// One entry of Wikipedia's perennial sources list, as of `SOURCES_AS_OF`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reliability {
    /// The list's name for the outlet ("Fox News").
    pub name: String,
    /// The part of the outlet the entry is about ("talk shows"), when the list splits it.
    pub scope: Option<String>,
    /// The list's status words: "generally reliable", "generally unreliable", "no
    /// consensus", "deprecated", "blacklisted" (with the status it adds to), or "under
    /// discussion".
    pub status: Vec<String>,
    /// The first sentence of the editors' summary.
    pub summary: String,
    /// The outlet's Wikipedia article.
    pub article: String,
    /// The entry in the list: the list's address with the row's anchor (the name with
    /// underscores, as the list's rows are named).
    pub entry: String,
    /// What the page was matched on: an address ("foxnews.com") or the publisher's name.
    pub matched_on: String,
    /// True when matched by the publisher's name rather than the page's address.
    pub by_name: bool,
}

pub const SOURCES_FILE: data::File = data::File::Sources;
/// The day the list was read.
pub const SOURCES_AS_OF: &str = "2021-03-17";
pub const SOURCES_LIST: &str =
    "https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources";
pub const SOURCES_CREDIT: &str =
    "Wikipedia:Reliable sources/Perennial sources (Wikipedia editors, March 2021, CC BY-SA 3.0)";

/// The short credit the summary ends with.
pub const SHORT_SOURCE: &str = "State Media Matrix (ASD, 2023)";

/// (label, meaning) for each typology of the State Media Monitor.
pub fn typology(code: &str) -> Option<(&'static str, &'static str)> {
    Some(match code {
        "SC" => ("state-controlled", "the state funds it, controls its governance and its editorial line"),
        "CaPu" => ("captured public media", "a public broadcaster whose governance and editorial line the government has taken control of"),
        "CaPr" => ("captured private media", "privately owned, but its owners are close to the government, which shapes its editorial line"),
        "ISFM" => ("independent, state-funded and state-managed", "the state funds and manages it, but its editorial line is independent"),
        "ISF" => ("independent, state-funded", "the state funds it, but its governance and editorial line are independent"),
        "ISM" => ("independent, state-managed", "the state has a role in managing it, but it is not mainly state-funded and its editorial line is independent"),
        "IP" => ("independent public media", "publicly funded, with independent governance and editorial line: not a state-controlled outlet"),
        _ => return None,
    })
}

/// The host and its parent domains down to the registrable one ("edition.x.co.uk" ->
/// ["edition.x.co.uk", "x.co.uk"]).
fn candidates(host: &str) -> Vec<&str> {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    // Country-code second levels like co.uk, com.au keep three labels.
    let min = if n >= 3
        && labels[n - 1].len() == 2
        && matches!(
            labels[n - 2],
            "co" | "com" | "org" | "net" | "gov" | "ac" | "or" | "ne" | "go" | "gob" | "edu"
        ) {
        3
    } else {
        2
    };
    let mut out = Vec::new();
    let mut idx = 0;
    for k in (min..=n).rev() {
        out.push(&host[idx..]);
        if k > min {
            idx += labels[n - k].len() + 1;
        }
    }
    out
}

/// The perennial sources list's entries (comment lines skipped). The list is short, so
/// a page's look-up scans it: an index would cost the wasm module more than the scan
/// costs a page.
fn entries() -> impl Iterator<Item = Vec<&'static str>> {
    data::text(SOURCES_FILE)
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f.len() >= 8)
}

/// A name as the list and the page compare it: lower case, words of letters and digits,
/// without a leading "The" ("The Guardian" = "guardian"; "The Sun" stays apart from "The
/// Sunday Times").
fn name_key(name: &str) -> String {
    let mut key = String::new();
    for w in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(w.chars().flat_map(char::to_lowercase));
    }
    match key.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => key,
    }
}

fn top_label(host: &str) -> &str {
    host.rsplit('.').next().unwrap_or(host)
}

/// The list's entries for the page at `url`, as `reliability_of`.
pub fn reliability(url: &str, names: &[&str]) -> Vec<Reliability> {
    match url::site_of(url) {
        Some(site) => reliability_of(&site, url::path_of(url), names),
        None => Vec::new(),
    }
}

/// The list's entries for the page: by address, most specific first (a host's path entry,
/// the host, then its parent domains); else by a name the page gives itself, when that
/// outlet's addresses share the page's top-level domain (a "Daily Telegraph" under .au is
/// not the British one).
fn reliability_of(site: &str, path: &str, names: &[&str]) -> Vec<Reliability> {
    let path = path.to_ascii_lowercase();
    let segments: Vec<&str> = path.split('/').filter(|x| !x.is_empty()).collect();
    let hosts = candidates(site);
    // One scan keeps the entries of the best rank: the most specific host, then the
    // longest path.
    let mut best = (usize::MAX, 0);
    let mut found: Vec<(Vec<&str>, &str)> = Vec::new();
    for f in entries() {
        for a in f[5].split(' ') {
            let Some(rank) = address_rank(a, &hosts, &segments) else {
                continue;
            };
            if rank < best {
                best = rank;
                found.clear();
            }
            if rank == best && !found.iter().any(|(g, _)| g[0] == f[0]) {
                found.push((f.clone(), a));
            }
        }
    }
    if !found.is_empty() {
        return found
            .into_iter()
            .map(|(f, a)| entry(&f, a, false))
            .collect();
    }
    for n in names {
        let key = name_key(n);
        let hits: Vec<Vec<&str>> = entries()
            .filter(|f| f[4].split(';').any(|x| name_key(x) == key))
            .collect();
        let fits = hits.iter().all(|f| {
            f[5].is_empty()
                || f[5]
                    .split(' ')
                    .any(|a| top_label(a.split('/').next().unwrap_or(a)) == top_label(site))
        });
        if !hits.is_empty() && fits {
            return hits.iter().map(|f| entry(f, n.trim(), true)).collect();
        }
    }
    Vec::new()
}

/// How specifically the list's address `a` ("host" or "host/path") covers the page: the
/// index of its host among the page's `hosts` (most specific first) and, lower for longer,
/// its path; None when it does not cover the page.
fn address_rank(a: &str, hosts: &[&str], segments: &[&str]) -> Option<(usize, usize)> {
    let (host, path) = a.split_once('/').unwrap_or((a, ""));
    let at = hosts.iter().position(|h| *h == host)?;
    let mut n = 0;
    for w in path.split('/').filter(|w| !w.is_empty()) {
        if segments.get(n) != Some(&w) {
            return None;
        }
        n += 1;
    }
    Some((at, usize::MAX - n))
}

fn entry(f: &[&str], matched_on: &str, by_name: bool) -> Reliability {
    Reliability {
        name: f[2].to_string(),
        scope: (!f[3].is_empty()).then(|| f[3].to_string()),
        status: f[1].split(';').map(str::to_string).collect(),
        summary: f[7].to_string(),
        article: format!("https://en.wikipedia.org/wiki/{}", f[6]),
        entry: format!("{SOURCES_LIST}#{}", f[2].replace(' ', "_")),
        matched_on: matched_on.to_string(),
        by_name,
    }
}

/// The profile of the outlet at `url`; `names` are what the page calls its publisher
/// (site name first), tried when the address is not in the perennial sources list.
pub fn profile(url: &str, names: &[&str]) -> SourceProfile {
    let mut p = SourceProfile {
        data_source: DATA_SOURCE,
        ..Default::default()
    };
    let site_name = names.first().copied();
    let Some(host) = url::site_of(url) else {
        p.summary = "No web address to look up.".into();
        return p;
    };
    p.reliability = reliability_of(&host, url::path_of(url), names);
    let table = data::text(DATA_FILE);
    // The first line of the most specific host wins; a scan of the list costs a page less
    // than an index costs the wasm module.
    let found = candidates(&host).into_iter().find_map(|c| {
        table
            .lines()
            .find(|l| !l.starts_with('#') && l.split('\t').next() == Some(c))
    });
    p.domain = Some(host.clone());
    let Some(line) = found else {
        p.summary = if table.is_empty() {
            "The state-affiliated media list is not loaded.".into()
        } else {
            format!("{host} is not in the state-affiliated media list.")
        };
        return p;
    };
    let f: Vec<&str> = line.split('\t').collect();
    let get = |i: usize| {
        f.get(i)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    p.listed = true;
    p.country = get(1);
    p.outlet = get(2);
    p.company = get(3);
    p.parent = get(4);
    p.typology = get(5);
    if let Some((label, meaning)) = p.typology.as_deref().and_then(typology) {
        p.typology_label = Some(label.into());
        p.typology_meaning = Some(meaning.into());
    }
    let name = site_name
        .map(str::to_string)
        .or_else(|| p.outlet.clone())
        .unwrap_or(host);
    let owner = p
        .parent
        .clone()
        .or_else(|| p.company.clone())
        .filter(|o| !name.eq_ignore_ascii_case(o));
    let label = p
        .typology_label
        .clone()
        .unwrap_or_else(|| "state-affiliated".into());
    let country = p.country.clone().unwrap_or_default();
    let cs = crate::data::countries::get();
    let demonym = cs.code(&country).and_then(|c| cs.demonym(c));
    // "Sputnik International is a Russian state-controlled outlet of Rossiya Segodnya".
    let described = match demonym {
        Some(d) => format!("{d} {label}"),
        None => label.clone(),
    };
    let article = if described.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    let mut s = format!("{name} is {article} {described} outlet");
    if demonym.is_none() && !country.is_empty() {
        s.push_str(&format!(" from {country}"));
    }
    if let Some(o) = owner {
        s.push_str(&format!(" of {o}"));
    }
    if let Some(m) = &p.typology_meaning {
        s.push_str(&format!(" ({m})"));
    }
    s.push_str(&format!(". Source: {SHORT_SOURCE}."));
    p.summary = s;
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_candidates() {
        assert_eq!(
            candidates("edition.cnn.com"),
            vec!["edition.cnn.com", "cnn.com"]
        );
        assert_eq!(
            candidates("news.bbc.co.uk"),
            vec!["news.bbc.co.uk", "bbc.co.uk"]
        );
        assert_eq!(
            candidates("a.b.c.example.org"),
            vec![
                "a.b.c.example.org",
                "b.c.example.org",
                "c.example.org",
                "example.org"
            ]
        );
    }

    #[test]
    fn state_controlled_outlet_with_parent_company() {
        let p = profile(
            "https://sputniknews.com/20230203/x.html",
            &["Sputnik International"],
        );
        assert!(p.listed);
        assert_eq!(p.typology.as_deref(), Some("SC"));
        assert_eq!(p.country.as_deref(), Some("Russia"));
        assert_eq!(p.parent.as_deref(), Some("Rossiya Segodnya"));
        assert!(p.summary.contains("state-controlled"), "{}", p.summary);
        assert_eq!(
            p.summary,
            "Sputnik International is a Russian state-controlled outlet of Rossiya Segodnya \
             (the state funds it, controls its governance and its editorial line). \
             Source: State Media Matrix (ASD, 2023)."
        );
    }

    #[test]
    fn editions_match_their_parent_domain() {
        let p = profile("https://some-edition.sputniknews.com/a", &[]);
        assert!(p.listed);
    }

    #[test]
    fn independent_public_broadcaster_is_not_state_controlled() {
        let p = profile("https://www.bbc.co.uk/news/x", &[]);
        assert!(p.listed);
        assert_eq!(p.typology.as_deref(), Some("IP"));
        assert!(
            p.summary.contains("not a state-controlled outlet"),
            "{}",
            p.summary
        );
        assert!(
            !p.summary.contains("is a state-controlled"),
            "{}",
            p.summary
        );
        assert!(
            p.summary.contains("is a British independent public media"),
            "{}",
            p.summary
        );
    }

    #[test]
    fn unlisted_host_is_said_plainly() {
        let p = profile("https://example.com/a", &[]);
        assert!(!p.listed);
        assert_eq!(
            p.summary,
            "example.com is not in the state-affiliated media list."
        );
    }

    fn statuses(p: &SourceProfile) -> Vec<(Option<&str>, String)> {
        p.reliability
            .iter()
            .map(|r| (r.scope.as_deref(), r.status.join(" and ")))
            .collect()
    }

    #[test]
    fn state_controlled_and_deprecated_outlet_has_both_profiles() {
        let p = profile("https://sputniknews.com/20230203/x.html", &[]);
        assert!(p.listed);
        assert_eq!(statuses(&p), vec![(None, "deprecated".to_string())]);
        let r = &p.reliability[0];
        assert_eq!(r.name, "Sputnik");
        assert_eq!(r.matched_on, "sputniknews.com");
        assert!(!r.by_name);
        assert!(r.article.starts_with("https://en.wikipedia.org/wiki/"));
        assert!(!r.summary.is_empty());
    }

    #[test]
    fn domain_match_covers_subdomains_and_www() {
        let p = profile("https://www.nytimes.com/2020/01/01/us/x.html", &[]);
        assert_eq!(p.reliability[0].name, "The New York Times");
        let p = profile("https://cooking.nytimes.com/recipes/1", &[]);
        assert_eq!(p.reliability[0].matched_on, "nytimes.com");
    }

    #[test]
    fn a_path_entry_beats_its_domain() {
        let p = profile(
            "https://www.dailymail.co.uk/mailonsunday/article-1/x.html",
            &[],
        );
        assert_eq!(p.reliability.len(), 1);
        assert_eq!(p.reliability[0].name, "The Mail on Sunday");
        assert_eq!(p.reliability[0].matched_on, "dailymail.co.uk/mailonsunday");
        // A path that only starts with the same letters is not the edition.
        let p = profile("https://www.dailymail.co.uk/mailonsundays/x", &[]);
        assert_eq!(p.reliability[0].name, "Daily Mail");
        let p = profile("https://www.dailymail.co.uk/news/article-1/x.html", &[]);
        assert_eq!(p.reliability[0].name, "Daily Mail");
    }

    #[test]
    fn scoped_entries_are_all_shown() {
        let p = profile("https://www.foxnews.com/politics/x", &["Fox News"]);
        assert_eq!(
            statuses(&p),
            vec![
                (
                    Some("news excluding politics and science"),
                    "generally reliable".to_string()
                ),
                (Some("politics and science"), "no consensus".to_string()),
                (Some("talk shows"), "generally unreliable".to_string()),
            ]
        );
        // A scope the scrape lost is recovered: The Guardian and its blogs.
        let p = profile("https://www.theguardian.com/world/x", &[]);
        assert_eq!(
            statuses(&p),
            vec![
                (None, "generally reliable".to_string()),
                (Some("blogs"), "no consensus".to_string())
            ]
        );
    }

    #[test]
    fn blacklisting_is_said_with_the_status_it_adds_to() {
        let p = profile("https://www.breitbart.com/politics/x/", &[]);
        assert_eq!(
            statuses(&p),
            vec![(None, "deprecated and blacklisted".to_string())]
        );
    }

    #[test]
    fn name_match_is_exact_and_within_the_outlets_top_level_domain() {
        // A copy of the outlet's article on another host of the same top-level domain.
        let p = profile("https://news.example.com/a", &["Reuters"]);
        assert_eq!(p.reliability[0].name, "Reuters");
        assert!(p.reliability[0].by_name);
        assert_eq!(p.reliability[0].matched_on, "Reuters");
        // "The Sun" is not "The Sunday Times", nor "Sun" a substring match.
        let p = profile("https://paper.example.co.uk/a", &["The Sunday Paper"]);
        assert!(p.reliability.is_empty());
        let p = profile("https://paper.example.co.uk/a", &["the sun"]);
        assert_eq!(p.reliability[0].name, "The Sun (UK)");
        let p = profile("https://paper.example.co.uk/a", &["Sunday"]);
        assert!(p.reliability.is_empty());
        // Another country's paper of the same name is not the listed one.
        let p = profile("https://www.example.com.au/a", &["The Daily Telegraph"]);
        assert!(p.reliability.is_empty());
        // The address wins over the name.
        let p = profile("https://www.thetimes.co.uk/a", &["The Sun"]);
        assert_eq!(p.reliability[0].name, "The Times");
    }

    #[test]
    fn unlisted_outlet_has_no_entry() {
        let p = profile("https://www.politico.eu/article/x", &["POLITICO"]);
        assert!(!p.listed);
        assert!(p.reliability.is_empty());
    }
}
