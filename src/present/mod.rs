//! Presentation strings: what the panel, the mention cards and the live region say, built
//! from analysis data. Pure Rust so the wording is tested natively; the DOM layer only
//! places these strings with `textContent`.

pub mod export;
pub mod options;

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

/// A Wikipedia search for `name`: a look-up the reader chooses to follow, never fetched.
pub fn lookup_url(name: &str, lang: Option<&str>) -> String {
    // Only a plain two- or three-letter code may pick the wiki; anything else is English.
    let wiki = lang
        .map(|l| {
            l.split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
        })
        .filter(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()))
        .unwrap_or_else(|| "en".to_string());
    format!(
        "https://{wiki}.wikipedia.org/w/index.php?search={}",
        encode_component(name)
    )
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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
    fn lookup_is_an_encoded_search() {
        assert_eq!(
            lookup_url("Ana Díaz & co", Some("es-ES")),
            "https://es.wikipedia.org/w/index.php?search=Ana%20D%C3%ADaz%20%26%20co"
        );
        assert!(lookup_url("X", Some("javascript:")).starts_with("https://en."));
        assert!(lookup_url("X", None).starts_with("https://en."));
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
