//! The whole analysis of one page snapshot: metadata, main text, people and officials, and
//! the mention spans the DOM layer highlights. Pure Rust: the same function serves the
//! extension, the demo, the reader fallback, the eval tools and the tests.

pub mod budget;
pub mod content;
pub mod context;
pub mod lookup;
pub mod meta;
pub mod people;

use self::budget::Deadline;
use self::context::{organizations, places, timeline, topics};
use self::meta::{imprint, jsonld, microdata, source};
use self::people::quotes;
use crate::{
    page::Page,
    text::{names, url},
};
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Analysis {
    #[serde(flatten)]
    pub meta: meta::Metadata,
    pub officials: Vec<people::Official>,
    pub people: Vec<people::Person>,
    /// The main text's language as the officials stage read it ("en", "sw", "und"...).
    pub text_lang: &'static str,
    /// Places named in the main text, most mentioned first.
    pub places: Vec<places::Place>,
    /// Organisations named in the main text, most mentioned first.
    pub organizations: Vec<organizations::Organization>,
    /// The page's keywords and section, and the most mentioned names.
    pub topics: topics::Topics,
    /// Direct quotations with their speakers.
    pub quotes: Vec<quotes::Quote>,
    /// Dates named in the text, resolved against the publication date, in text order.
    pub timeline: Vec<timeline::TimelineEntry>,
    /// The article's age in words.
    pub age: Age,
    /// Who is behind the publisher (state-affiliated media list).
    pub source_profile: source::SourceProfile,
    /// Where to highlight: byte ranges inside the DOM layer's text nodes.
    pub mentions: Vec<Mention>,
    /// The main text the analysis reads: plain text, paragraphs separated by "\n\n".
    pub text: String,
    /// Characters of main text analysed.
    pub article_chars: usize,
    /// The snapshot node the main text was found under (the reader view rebuilds it).
    #[serde(skip)]
    pub content_root: Option<usize>,
    /// True when the page was only partly read or analysed (size or time limits).
    pub truncated: bool,
    /// Plain-language notes for the reader ("no article found", "page truncated").
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Age {
    /// "3 years ago".
    pub published: Option<String>,
    /// "2 days after publication".
    pub updated: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Mention {
    /// "official", "person", "place", "organization" or "date".
    pub kind: &'static str,
    /// Index into the list of that kind (`officials`, `people`, `places`, `organizations`,
    /// `timeline`).
    pub entity: usize,
    pub dom_index: u32,
    pub start: usize,
    pub end: usize,
    /// `start` and `end` in UTF-16 units, as DOM ranges count (the renderer would
    /// otherwise copy each text node back out of the page to convert them).
    #[serde(skip)]
    pub start16: u32,
    #[serde(skip)]
    pub end16: u32,
}

/// Adds a mention of `kind` entity `entity` for each DOM text piece of each span (a span
/// may cross text nodes: "<b>Antony</b> Blinken").
fn push_mentions(
    mentions: &mut Vec<Mention>,
    article: &content::Article,
    kind: &'static str,
    entity: usize,
    spans: &[(usize, usize)],
) {
    for &(a, b) in spans {
        for (dom_index, start, end) in article.locate(a, b) {
            mentions.push(Mention {
                kind,
                entity,
                dom_index,
                start,
                end,
                ..Default::default()
            });
        }
    }
}

/// Bytes of main text the entity stages (people, places, quotes, dates) read. Far longer
/// than any article; it bounds the work on pages that are one huge block of text.
pub const MAX_ANALYSED_BYTES: usize = 128 * 1024;

/// Builds everything the analysis makes once per data set (parsed data files, compiled
/// patterns) by analysing a small page that reaches every stage, so that a click's time
/// budget is spent on the page and not on start-up: otherwise the first click on a slow
/// or busy machine could run out of time before finding the officials.
pub fn warm_up() {
    let _ = analyze(&warm_up_page());
}

/// The page `warm_up` analyses: a title, a byline and two paragraphs with officials, a
/// quote, places, organisations and dates.
fn warm_up_page() -> Page {
    let mut page = Page::new("https://example.invalid/news/2023/02/03/warm-up");
    let html = page.push_element(crate::page::NO_PARENT, "html", vec![]);
    let head = page.push_element(html, "head", vec![]);
    let title = page.push_element(head, "title", vec![]);
    page.push_text(
        title,
        "Minister meets counterpart | Example News".into(),
        u32::MAX,
    );
    let body = page.push_element(html, "body", vec![]);
    let article = page.push_element(body, "article", vec![]);
    let by = page.push_element(article, "p", vec![("class".into(), "byline".into())]);
    page.push_text(
        by,
        "By Ann Lee, Published February 3, 2023 10:00 GMT".into(),
        u32::MAX,
    );
    for text in [
        "US Secretary of State Antony Blinken met his Russian counterpart Sergey Lavrov in \
         Paris on Monday, the State Department said. \"We talked about the war,\" he told \
         reporters, according to the Foreign Ministry of France.",
        "President Vladimir Putin said last year, on 24 February 2022, that the United Nations \
         and NATO had until March 2023 to respond; Prime Minister Jane Doe of Canada, 54, \
         disagreed in a statement on Tuesday.",
    ] {
        let p = page.push_element(article, "p", vec![]);
        page.push_text(p, text.into(), u32::MAX);
    }
    page
}

/// The whole analysis, run to the end (tools and tests).
pub fn analyze(page: &Page) -> Analysis {
    analyze_within(page, Deadline::none())
}

/// The analysis, stopping between stages once `deadline` has passed: what was found so far
/// is kept and a note says the page was only partly read.
pub fn analyze_within(page: &Page, deadline: Deadline) -> Analysis {
    let ld = jsonld::read(page);
    let props = microdata::read(page);
    let meta = meta::extract_with(page, &ld, &props);
    let ld_body = ld.articles.iter().find_map(|a| a.body.as_deref());
    let article = content::extract_with(page, ld_body);
    let mut truncated = page.truncated;
    let text = prefix(&article.text, MAX_ANALYSED_BYTES);
    truncated |= text.len() < article.text.len();
    let date = meta
        .date_published
        .as_deref()
        .map(|d| d.get(..10).unwrap_or(d));
    let toks = names::tokenize(text);
    let mut found = if deadline.passed() {
        truncated = true;
        people::People::default()
    } else {
        people::find_in(text, &toks, date)
    };
    let officials_note = std::mem::take(&mut found.officials_note);
    for o in &mut found.officials {
        o.lookup = lookup::wikipedia(&o.name);
    }
    for p in &mut found.people {
        p.lookup = lookup::wikipedia(&p.name);
    }
    // People's names are not places or organisations ("Georgia Smith", "Jordan Peterson").
    let mut taken: Vec<(usize, usize)> = found
        .people
        .iter()
        .flat_map(|p| p.spans.iter().copied())
        .chain(found.officials.iter().flat_map(|o| o.spans.iter().copied()))
        .collect();
    let (orgs, places) = if deadline.passed() {
        truncated = true;
        (Vec::new(), Vec::new())
    } else {
        let orgs = organizations::find(text, &toks, &taken);
        taken.extend(orgs.iter().flat_map(|o| o.spans.iter().copied()));
        let places = places::find(text, &toks, &taken);
        (orgs, places)
    };
    let named = places
        .iter()
        .enumerate()
        .map(|(i, p)| ("place", i, &p.spans))
        .chain(
            orgs.iter()
                .enumerate()
                .map(|(i, o)| ("organization", i, &o.spans)),
        );
    let mut mentions = Vec::new();
    for (kind, entity, spans) in named {
        push_mentions(&mut mentions, &article, kind, entity, spans);
    }
    for (i, o) in found.officials.iter().enumerate() {
        push_mentions(&mut mentions, &article, "official", i, &o.spans);
    }
    for (i, p) in found.people.iter().enumerate() {
        if !found.officials.iter().any(|o| o.name == p.name) {
            push_mentions(&mut mentions, &article, "person", i, &p.spans);
        }
    }
    let speakers = quotes::speakers(&found, &orgs, &places);
    let quotes = if deadline.passed() {
        truncated = true;
        Vec::new()
    } else {
        quotes::extract(text, &speakers)
    };
    let published = meta.date_published.as_deref().and_then(timeline::parse_day);
    let modified = meta.date_modified.as_deref().and_then(timeline::parse_day);
    let today = timeline::day_of_ms(page.now_ms);
    let age = Age {
        published: published
            .filter(|_| page.now_ms > 0.0)
            .map(|p| timeline::ago(p, today)),
        updated: published
            .zip(modified)
            .filter(|(p, m)| p != m)
            .map(|(p, m)| timeline::updated_after(p, m)),
    };
    let dates = if deadline.passed() {
        truncated = true;
        Vec::new()
    } else {
        timeline::extract(text, published)
    };
    for (i, t) in dates.iter().enumerate() {
        push_mentions(&mut mentions, &article, "date", i, &[t.span]);
    }
    utf16_offsets(page, &mut mentions);
    let mut notes = Vec::new();
    if !officials_note.is_empty() {
        notes.push(officials_note);
    }
    if truncated {
        notes.push("This page is very large: Newsmark read only its first part.".to_string());
    }
    if article.text.trim().is_empty() {
        notes.push("No article text found on this page.".to_string());
    }
    // The canonical address names the publisher even on a copy served from elsewhere.
    let profile_url = meta
        .url
        .clone()
        .filter(|u| url::site_of(u).is_some())
        .unwrap_or_else(|| page.url.clone());
    let named_in_page = imprint::find(page, &ld, &props);
    let names: Vec<&str> = meta
        .site_name
        .iter()
        .map(String::as_str)
        .chain(
            named_in_page
                .iter()
                .filter(|n| n.role == "publisher")
                .map(|n| n.value.as_str()),
        )
        .collect();
    let mut source_profile = source::profile(&profile_url, &names);
    // A publication under its own domain, read on its platform's, is listed by the latter.
    if source_profile.reliability.iter().all(|r| r.by_name) && profile_url != page.url {
        let read_at = source::reliability(&page.url, &[]);
        if !read_at.is_empty() {
            source_profile.reliability = read_at;
        }
    }
    source_profile.named_in_page = named_in_page;
    let topics = topics::Topics {
        keywords: meta.keywords.clone(),
        section: meta.section.clone(),
        people: topics::top(found.people.iter(), |p| &p.name, |p| p.mentions),
        places: topics::top(places.iter(), |p| &p.name, |p| p.mentions),
        organizations: topics::top(orgs.iter(), |o| &o.name, |o| o.mentions),
    };
    Analysis {
        places,
        organizations: orgs,
        topics,
        source_profile,
        timeline: dates,
        quotes,
        age,
        article_chars: article.text.chars().count(),
        content_root: article.root,
        text: article.text,
        meta,
        text_lang: found.text_lang,
        officials: found.officials,
        people: found.people,
        mentions,
        truncated,
        notes,
    }
}

/// Fills `start16`/`end16` of every mention from the text node it lies in.
fn utf16_offsets(page: &Page, mentions: &mut [Mention]) {
    let mut texts: Vec<&str> = Vec::new();
    for n in &page.nodes {
        if let crate::page::NodeKind::Text { text, dom_index } = &n.kind {
            let i = *dom_index as usize;
            if *dom_index != u32::MAX {
                if texts.len() <= i {
                    texts.resize(i + 1, "");
                }
                texts[i] = text;
            }
        }
    }
    let units = |t: &str, b: usize| t.get(..b).map(|p| p.encode_utf16().count() as u32);
    for m in mentions {
        let t = texts.get(m.dom_index as usize).copied().unwrap_or("");
        m.start16 = units(t, m.start).unwrap_or(0);
        m.end16 = units(t, m.end).unwrap_or(0);
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    &s[..cut]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warm_up_page_reaches_every_stage() {
        let a = analyze(&warm_up_page());
        assert!(!a.officials.is_empty(), "officials");
        assert!(!a.quotes.is_empty(), "quotes");
        assert!(!a.places.is_empty(), "places");
        assert!(!a.timeline.is_empty(), "timeline");
        assert!(a.meta.date_published.is_some(), "date");
    }
}
