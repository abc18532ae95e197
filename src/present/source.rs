//! What the Source section says about the outlet: the state-media typology (the profile's
//! sentence), the Wikipedia editors' consensus with its scope, date and credit, and a plain
//! "in neither list" when the outlet is in none. The consensus is always theirs, dated,
//! never Newsmark's verdict.

use crate::analysis::meta::source::{Reliability, SourceProfile};

/// The consensus as the panel attributes it: whose, and as of when.
pub const CONSENSUS: &str = "Wikipedia editors' consensus (March 2021)";

/// The credit and caveat under the consensus lines.
pub const CREDIT: &str = "From Wikipedia:Reliable sources/Perennial sources, by Wikipedia \
editors, as of March 2021 (CC BY-SA 3.0): their judgement for citing the outlet in Wikipedia, \
not Newsmark's, and it may have changed since.";

/// The disclosure that shows the editors' summary, and the link to the list's entry.
pub const SUMMARY: &str = "Editors' summary";
pub const ENTRY: &str = "The entry in Wikipedia's list";

/// The licence of the consensus text, for exports.
pub const RIGHTS: &str = "https://creativecommons.org/licenses/by-sa/3.0/";

/// A status of the list in words a reader knows.
fn status_words(status: &str) -> &str {
    match status {
        "blacklisted" => "on Wikipedia's spam blacklist",
        s => s,
    }
}

/// "Wikipedia editors' consensus (March 2021): generally reliable"; "… on Fox News (talk
/// shows): generally unreliable" when the list judges part of the outlet.
pub fn consensus(r: &Reliability) -> String {
    let mut s = String::from(CONSENSUS);
    if let Some(scope) = &r.scope {
        s.push_str(&format!(" on {} ({scope})", r.name));
    }
    s.push_str(": ");
    let words: Vec<&str> = r.status.iter().map(|w| status_words(w)).collect();
    s.push_str(&words.join(" and "));
    if r.by_name {
        s.push_str(&format!(
            " (found by the publisher name “{}”, not the address)",
            r.matched_on
        ));
    }
    s
}

/// The Source section's profile lines: the state-media sentence when the outlet is listed
/// there, then each consensus entry; one plain sentence when it is in neither list.
pub fn lines(p: &SourceProfile) -> Vec<String> {
    let mut out = Vec::new();
    if p.listed || p.domain.is_none() || !p.reliability.is_empty() {
        out.push(p.summary.clone());
    } else if let Some(host) = &p.domain {
        out.push(format!(
            "{host} is in neither list: not among the state-affiliated media of the State \
             Media Matrix (ASD, 2023), nor among Wikipedia's perennial sources (March 2021)."
        ));
    }
    out.extend(p.reliability.iter().map(consensus));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::meta::source::profile;

    #[test]
    fn seed_outlet_has_typology_and_consensus() {
        let p = profile("https://sputniknews.com/a", &["Sputnik International"]);
        let l = lines(&p);
        assert_eq!(l.len(), 2);
        assert!(l[0].contains("Russian state-controlled"), "{}", l[0]);
        assert_eq!(
            l[1],
            "Wikipedia editors' consensus (March 2021): deprecated"
        );
    }

    #[test]
    fn scopes_blacklisting_and_name_matches_are_said() {
        let p = profile("https://www.foxnews.com/a", &[]);
        assert_eq!(
            consensus(&p.reliability[2]),
            "Wikipedia editors' consensus (March 2021) on Fox News (talk shows): \
             generally unreliable"
        );
        let p = profile("https://www.breitbart.com/a", &[]);
        assert_eq!(
            consensus(&p.reliability[0]),
            "Wikipedia editors' consensus (March 2021): deprecated and on Wikipedia's spam \
             blacklist"
        );
        let p = profile("https://mirror.example.com/a", &["Reuters"]);
        assert!(consensus(&p.reliability[0]).ends_with(
            ": generally reliable (found by the publisher name “Reuters”, not the address)"
        ));
    }

    #[test]
    fn an_outlet_in_no_list_is_said_plainly() {
        let p = profile("https://www.politico.eu/a", &[]);
        assert_eq!(
            lines(&p),
            vec![
                "politico.eu is in neither list: not among the state-affiliated media of \
                  the State Media Matrix (ASD, 2023), nor among Wikipedia's perennial sources \
                  (March 2021)."
                    .to_string()
            ]
        );
        let p = profile("https://www.nytimes.com/a", &[]);
        assert_eq!(
            lines(&p),
            vec![
                "nytimes.com is not in the state-affiliated media list.".to_string(),
                "Wikipedia editors' consensus (March 2021): generally reliable".to_string()
            ]
        );
    }
}
