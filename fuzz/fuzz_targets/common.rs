//! What each fuzz target runs on one input, shared with the corpus replay in
//! `tests/fuzz_corpus.rs` (which runs every kept input on stable Rust in `cargo test`).
//! Each function must not panic, and must stay near-linear in the input's size.

use newsmark::page::{NodeKind, Page, NO_PARENT};
use newsmark::{
    analysis, analysis::context::timeline, analysis::meta, analysis::meta::dates,
    analysis::meta::jsonld, analysis::people, analysis::people::quotes, page::html,
};

/// Date parsing: metadata dates (dates.rs) and dates in running text (timeline.rs).
pub fn dates(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let _ = dates::parse(&s);
    for order in [
        dates::DayOrder::MonthFirst,
        dates::DayOrder::DayFirst,
        dates::DayOrder::Unknown,
    ] {
        let _ = dates::parse_text(&s, order);
        let _ = dates::find_all(&s, order);
    }
    let _ = dates::from_url(&s);
    let _ = dates::year_month_from_url(&s);
    let _ = dates::relative(&s, 1.7e12);
    let _ = timeline::parse_day(&s);
    let _ = timeline::extract(&s, Some((2023, 2, 3)));
    let _ = timeline::extract(&s, None);
}

/// JSON-LD: the tolerant parser, then the text as a page's only JSON-LD script read
/// through the whole metadata path.
pub fn jsonld(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let _ = jsonld::parse_tolerant(&s);
    let mut page = Page::new("https://example.com/a");
    let root = page.push_element(NO_PARENT, "html", vec![]);
    let script = page.push_element(
        root,
        "script",
        vec![("type".into(), "application/ld+json".into())],
    );
    page.push_text(script, s.to_string(), html::NO_DOM);
    let _ = meta::extract(&page);
}

/// Name and role extraction (people::find) and the quotes over its people.
pub fn officials(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let found = people::find(&s, Some("2023-02-03"));
    let speakers = quotes::speakers(&found, &[], &[]);
    let _ = quotes::extract(&s, &speakers);
    let _ = people::find(&s, None);
}

/// The whole snapshot analysis: HTML through the native reader into `analysis::analyze`;
/// every mention must land inside its text node, on char boundaries.
pub fn page(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let page = html::read_html(&s, "https://example.com/news/2023/02/03/a.html");
    let a = analysis::analyze(&page);
    let texts: Vec<&str> = page
        .nodes
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Text { text, dom_index } if *dom_index != html::NO_DOM => Some(text.as_str()),
            _ => None,
        })
        .collect();
    for m in &a.mentions {
        let t = texts.get(m.dom_index as usize).copied().unwrap_or("");
        assert!(
            m.start < m.end && t.get(m.start..m.end).is_some(),
            "bad mention {m:?}"
        );
    }
}
