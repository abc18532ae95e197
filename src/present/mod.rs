//! Presentation strings: what the panel, the mention cards and the live region say, built
//! from analysis data. Pure Rust so the wording is tested natively; the DOM layer only
//! places these strings with `textContent`.

pub mod export;
pub mod options;
pub mod source;

use crate::analysis::context::timeline;
use crate::analysis::people::Official;
use crate::analysis::Analysis;
use crate::data::category::Category;
use crate::data::countries;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "2023-02-03T11:16:00+00:00" -> "3 Feb 2023"; None when the start is not a date.
pub fn human_date(iso: &str) -> Option<String> {
    let (y, m, d) = timeline::parse_day(iso)?;
    let month = MONTHS.get((m as usize).checked_sub(1)?)?;
    Some(format!("{d} {month} {y}"))
}

/// The live-region announcement: "Newsmark: 5 officials, published 3 Feb 2023".
pub fn summary(a: &Analysis) -> String {
    let n = a.officials.len();
    let mut s = format!("Newsmark: {n} official{}", if n == 1 { "" } else { "s" });
    if let Some(d) = a.meta.date_published.as_deref().and_then(human_date) {
        s.push_str(", published ");
        s.push_str(&d);
    }
    s
}

/// The country or organisation in words ("RU" -> "Russia"); the code when unknown.
pub fn country_name(o: &Official) -> String {
    let Some(c) = o.country.as_deref().filter(|c| !c.is_empty()) else {
        return String::new();
    };
    countries::get().name(c).unwrap_or(c).to_string()
}

/// The office in words: the data's name of the post when it has one, else the category
/// and the country ("Foreign Minister of Russia").
pub fn office(o: &Official) -> String {
    if !o.office_label.is_empty() {
        return o.office_label.clone();
    }
    let post = match Category::parse(&o.role_category) {
        Some(Category::HeadOfState) => "Head of State",
        Some(Category::HeadOfGovernment) => "Head of Government",
        Some(Category::ForeignMinister) => "Foreign Minister",
        Some(Category::OtherMinister) => "Minister",
        Some(Category::Legislator) => "Legislator",
        Some(Category::Diplomat) => "Diplomat",
        Some(Category::Military) => "Military officer",
        Some(Category::Police) => "Police officer",
        Some(Category::Judiciary) => "Judicial officer",
        Some(Category::Spokesperson) => "Spokesperson",
        Some(Category::RegionalExecutive) => "Regional executive",
        Some(Category::InternationalOfficial) => "International official",
        Some(Category::PartyLeader) => "Party leader",
        Some(Category::OtherOfficial) => "Official",
        None if !o.role.is_empty() => o.role.as_str(),
        None => "Official",
    };
    match country_name(o) {
        c if c.is_empty() => post.to_string(),
        c if takes_the(&c) => format!("{post} of the {c}"),
        c => format!("{post} of {c}"),
    }
}

/// "the United States", "the Philippines", "the Central African Republic".
fn takes_the(name: &str) -> bool {
    name.starts_with("United ")
        || name.ends_with("Republic")
        || name.ends_with("Islands")
        || matches!(
            name,
            "Netherlands" | "Philippines" | "Bahamas" | "Gambia" | "Maldives"
        )
}

/// The official's role line: the office, the text's own words when they differ, and the
/// country: "Foreign Minister of Russia · “his Russian counterpart”".
pub fn role_line(o: &Official) -> String {
    let office = office(o);
    let mut s = office.clone();
    if !o.evidence.is_empty() && !o.evidence.eq_ignore_ascii_case(&office) {
        s = format!("{s} · “{}”", o.evidence);
    }
    let country = country_name(o);
    if !country.is_empty() && !office.contains(&country) {
        s = format!("{s} · {country}");
    }
    s
}

/// Whether the official held the role on the article's date, as the card says it.
pub fn tenure(o: &Official) -> String {
    if o.former {
        "Former holder at the article's date".into()
    } else if !o.data_until.is_empty() && o.role_source != "text" {
        format!(
            "Held this post in {}, where Newsmark's data ends; it cannot tell for the article's date",
            o.data_until
        )
    } else {
        "In office at the article's date".into()
    }
}

/// "Mention 2 of 4".
pub fn position(i: usize, n: usize) -> String {
    format!("Mention {} of {n}", i + 1)
}

/// True for links the panel may make clickable.
pub fn is_web_link(url: &str) -> bool {
    let l = url.trim_start().to_ascii_lowercase();
    (l.starts_with("https://") || l.starts_with("http://")) && !url.contains(char::is_whitespace)
}

/// A stable sort for the short lists the panel shows: the standard library's sorts cost
/// kilobytes of wasm per element type, this costs a few hundred bytes.
pub fn insertion_sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// (name, "country · n×") of places or organisations, for the context lists.
pub fn named_list(found: &[crate::analysis::context::named::Named]) -> Vec<(String, String)> {
    found
        .iter()
        .map(|n| {
            let mut extra = Vec::new();
            if let Some(c) = &n.country {
                extra.push(c.clone());
            }
            extra.push(format!("{}×", n.mentions));
            (n.name.clone(), extra.join(" · "))
        })
        .collect()
}

/// `s` cut to `max` characters, with an ellipsis when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max).collect();
    t.push('…');
    t
}

/// What the panel shows, to tell whether a re-read changed it.
pub fn signature(a: &Analysis) -> String {
    let mut s = format!("{:?}|{:?}|", a.meta.title, a.meta.date_published);
    for o in &a.officials {
        s.push_str(&format!("{}:{};", o.name, o.mentions));
    }
    s.push_str(&format!(
        "|{}|{}|{}",
        a.people.len(),
        a.quotes.len(),
        a.timeline.len()
    ));
    s
}

/// What a mention card says: the name, its lines, and whether a look-up link fits.
/// `kind` and `entity` are a mention's (`Mention::kind`, `Mention::entity`).
pub fn card_text(a: &Analysis, kind: &str, entity: usize) -> Option<(String, Vec<String>, bool)> {
    Some(match kind {
        "official" => {
            let Some(o) = a.officials.get(entity) else {
                return None;
            };
            let mut lines = vec![role_line(o), tenure(o).to_string()];
            lines.retain(|s| !s.is_empty());
            (o.name.clone(), lines, true)
        }
        "person" => {
            let Some(p) = a.people.get(entity) else {
                return None;
            };
            (p.name.clone(), vec!["Named in the article".into()], true)
        }
        "date" => {
            let Some(t) = a.timeline.get(entity) else {
                return None;
            };
            let start = human_date(&t.start).unwrap_or_else(|| t.start.clone());
            let when = if t.end != t.start {
                let end = human_date(&t.end).unwrap_or_else(|| t.end.clone());
                format!("{start} – {end}")
            } else {
                start
            };
            (t.text.clone(), vec![when], false)
        }
        _ => {
            let Some(p) = a.places.get(entity) else {
                return None;
            };
            (p.name.clone(), vec!["Place".into()], true)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn official(former: bool) -> Official {
        Official {
            name: "Ana Díaz".into(),
            role: "Foreign Minister".into(),
            role_category: "foreign_minister".into(),
            evidence: "her Spanish counterpart".into(),
            country: Some("ES".into()),
            former,
            mentions: 2,
            ..Default::default()
        }
    }

    #[test]
    fn dates_read_as_words() {
        assert_eq!(
            human_date("2023-02-03T11:16:00+00:00").as_deref(),
            Some("3 Feb 2023")
        );
        assert_eq!(human_date("yesterday"), None);
        assert_eq!(human_date(""), None);
    }

    #[test]
    fn summary_counts_and_dates() {
        let mut a = Analysis::default();
        assert_eq!(summary(&a), "Newsmark: 0 officials");
        a.officials.push(official(false));
        a.meta.date_published = Some("2021-12-31".into());
        assert_eq!(summary(&a), "Newsmark: 1 official, published 31 Dec 2021");
    }

    #[test]
    fn role_and_tenure() {
        assert_eq!(
            role_line(&official(false)),
            "Foreign Minister of Spain · “her Spanish counterpart”"
        );
        assert!(tenure(&official(true)).starts_with("Former"));
        let mut o = official(false);
        o.role_source = "gazetteer".into();
        o.data_until = "2023-01".into();
        assert!(tenure(&o).contains("2023-01"), "{}", tenure(&o));
        assert_eq!(position(1, 4), "Mention 2 of 4");
    }

    #[test]
    fn sorts_stably() {
        let mut v = vec![(1, 'a'), (3, 'b'), (1, 'c'), (2, 'd')];
        insertion_sort_by_key(&mut v, |x| std::cmp::Reverse(x.0));
        assert_eq!(v, vec![(3, 'b'), (2, 'd'), (1, 'a'), (1, 'c')]);
    }

    #[test]
    fn only_web_links() {
        assert!(is_web_link("https://a.example/x"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("data:text/html,x"));
    }
}
