//! The seed page's context, end to end through the native reader: source profile with the
//! page's own imprint, places, organisations, quotes with their speakers, the timeline and
//! the topics.
#![cfg(feature = "native")]

use newsmark::{analysis, page::html};

const SEED: &str = include_str!("../www/samples/sputnik-blinken.html");
const URL: &str = "https://sputniknews.com/20230203/blinken-failed-to-offer-steps-to-end-violence-in-middle-east-palestinian-foreign-minister-says-1106947717.html";

fn seed() -> analysis::Analysis {
    analysis::analyze(&html::read_html(SEED, URL))
}

#[test]
fn source_profile_names_a_russian_state_controlled_outlet() {
    let a = seed();
    let p = &a.source_profile;
    assert!(p.listed);
    assert_eq!(p.typology_label.as_deref(), Some("state-controlled"));
    assert!(
        p.summary.starts_with(
            "Sputnik International is a Russian state-controlled outlet of Rossiya Segodnya (the state funds it"
        ),
        "{}",
        p.summary
    );
    assert!(p
        .summary
        .ends_with("Source: State Media Matrix (ASD, 2023)."));
    // Beside the typology, the Wikipedia editors' consensus on the same outlet.
    assert_eq!(
        newsmark::present::source::lines(p)[1],
        "Wikipedia editors' consensus (March 2021): deprecated"
    );
    assert_eq!(p.reliability[0].name, "Sputnik");
    let named: Vec<(&str, &str)> = p
        .named_in_page
        .iter()
        .map(|n| (n.role, n.value.as_str()))
        .collect();
    assert!(
        named.contains(&("publisher", "Sputnik International")),
        "{named:?}"
    );
    assert!(
        named.contains(&("owner", "MIA „Rosiya Segodnya“")),
        "{named:?}"
    );
    assert!(
        named.contains(&("copyright holder", "Sputnik International")),
        "{named:?}"
    );
    assert!(
        named.contains(&("contact", "feedback@sputniknews.com")),
        "{named:?}"
    );
    assert!(named.contains(&("contact", "+74956456601")), "{named:?}");
}

#[test]
fn places_and_organisations() {
    let a = seed();
    let place = |name: &str| a.places.iter().find(|p| p.name == name);
    for (name, cc) in [
        ("Israel", "IL"),
        ("West Bank", "PS"),
        ("Jenin", "PS"),
        ("Gaza Strip", "PS"),
        ("Moscow", "RU"),
        ("Russia", "RU"),
    ] {
        let p = place(name).unwrap_or_else(|| panic!("{name} missing: {:?}", a.places));
        assert_eq!(p.country.as_deref(), Some(cc), "{name}");
        assert!(p
            .lookup
            .starts_with("https://en.wikipedia.org/wiki/Special:Search?search="));
    }
    assert!(place("Jerusalem").is_some());
    assert_eq!(place("Jenin").unwrap().mentions, 2);
    assert_eq!(a.places[0].name, "Israel", "most mentioned first");
    // Demonyms ("Israeli raid", "Russian counterpart") are not places.
    assert!(a
        .places
        .iter()
        .all(|p| !p.name.ends_with("ian") && p.name != "Israeli"));
    let org = |name: &str| a.organizations.iter().find(|o| o.name == name);
    assert_eq!(
        org("United Nations").map(|o| o.kind.as_str()),
        Some("international")
    );
    let gov = org("Israeli government").expect("Israeli government");
    assert_eq!(gov.country.as_deref(), Some("IL"));
    // Every place and organisation mention is highlighted.
    let kinds = |k: &str| a.mentions.iter().filter(|m| m.kind == k).count();
    assert!(kinds("place") >= a.places.iter().map(|p| p.mentions).sum::<usize>());
    assert!(kinds("organization") >= 2);
}

#[test]
fn quotes_are_al_malikis() {
    let a = seed();
    assert_eq!(a.quotes.len(), 2, "{:?}", a.quotes);
    assert!(a.quotes[0]
        .text
        .starts_with("a bloody month for Palestinians"));
    assert!(a.quotes[1].text.starts_with("when the time really comes"));
    for q in &a.quotes {
        assert_eq!(q.speaker.as_deref(), Some("Al-Maliki"), "{q:?}");
    }
}

#[test]
fn timeline_from_1948_to_two_months_after_publication() {
    let a = seed();
    let t = &a.timeline;
    let first = t.iter().min_by_key(|e| e.start.clone()).unwrap();
    assert_eq!(
        (first.start.as_str(), first.text.as_str()),
        ("1948-01-01", "in 1948")
    );
    let months = t
        .iter()
        .find(|e| e.text.contains("next two months"))
        .expect("two months");
    assert_eq!(
        (months.start.as_str(), months.end.as_str()),
        ("2023-02-04", "2023-04-03")
    );
    assert!(t
        .iter()
        .any(|e| e.start == "2023-01-26" && e.end == "2023-01-26"));
    assert!(t
        .iter()
        .any(|e| e.start == "2023-01-30" && e.end == "2023-01-31"));
}

#[test]
fn topics_and_lookups() {
    let a = seed();
    assert_eq!(a.topics.section.as_deref(), Some("World"));
    assert!(a.topics.keywords.iter().any(|k| k == "Middle East"));
    assert_eq!(a.topics.people[0], "Antony Blinken");
    assert_eq!(a.topics.places[0], "Israel");
    assert!(a.topics.organizations.iter().any(|o| o == "United Nations"));
    let blinken = a
        .officials
        .iter()
        .find(|o| o.name == "Antony Blinken")
        .unwrap();
    assert_eq!(
        blinken.lookup,
        "https://en.wikipedia.org/wiki/Special:Search?search=Antony+Blinken"
    );
    assert!(a.people.iter().all(|p| !p.lookup.is_empty()));
}
