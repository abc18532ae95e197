//! Source profile: who is behind the publisher. Matches the page's host (and the parent
//! domains of editions and subdomains) against the state-affiliated media list shipped in
//! `data/state_media.tsv`, and explains the outlet's typology in plain words with the data's
//! source. An unlisted host is said to be unlisted: never a guess, never a bare label.

use crate::data;
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
}

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

/// The host of a URL, lower case, without "www.".
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty() && host.contains('.')).then_some(host)
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

/// The list's lines by their first field (the first line wins), built once: a linear
/// search per page read the whole list for every unlisted host.
fn listed_index() -> std::sync::Arc<std::collections::HashMap<&'static str, &'static str>> {
    static SLOT: data::Slot<std::collections::HashMap<&'static str, &'static str>> =
        std::sync::Mutex::new(None);
    data::cached(&SLOT, || {
        let mut index = std::collections::HashMap::new();
        for line in data::text(DATA_FILE)
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            let key = line.split('\t').next().unwrap_or(line);
            index.entry(key).or_insert(line);
        }
        index
    })
}

pub fn profile(url: &str, site_name: Option<&str>) -> SourceProfile {
    let mut p = SourceProfile {
        data_source: DATA_SOURCE,
        ..Default::default()
    };
    let Some(host) = host_of(url) else {
        p.summary = "No web address to look up.".into();
        return p;
    };
    let table = data::text(DATA_FILE);
    let index = listed_index();
    let found = candidates(&host)
        .into_iter()
        .find_map(|c| index.get(c).copied());
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
            host_of("https://www.Example.com:8080/a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(host_of("not a url"), None);
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
            Some("Sputnik International"),
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
        let p = profile("https://some-edition.sputniknews.com/a", None);
        assert!(p.listed);
    }

    #[test]
    fn independent_public_broadcaster_is_not_state_controlled() {
        let p = profile("https://www.bbc.co.uk/news/x", None);
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
        let p = profile("https://example.com/a", None);
        assert!(!p.listed);
        assert_eq!(
            p.summary,
            "example.com is not in the state-affiliated media list."
        );
    }
}
