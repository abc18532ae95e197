//! Page metadata: title, authors, publisher, dates, language and the rest, each with the
//! evidence it came from. This module gathers the evidence sources (meta tags, JSON-LD,
//! microdata, visible bylines and date lines, the URL) once, then picks each field by a
//! fixed precedence with cross-checks, and notes where sources disagree.

pub mod byline;
pub mod dates;
pub mod imprint;
pub mod jsonld;
pub mod metatags;
pub mod microdata;
pub mod source;

use self::dates::{DateTime, DayOrder};
use self::jsonld::{JsonLd, LdItem};
use self::metatags::MetaTags;
use self::microdata::Prop;
use crate::page::{hint, Page};
use crate::text::ascii::collapse_ws;
use crate::text::url;
use regex::Regex;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub author: Vec<String>,
    pub site_name: Option<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    pub lang: Option<String>,
    pub url: Option<String>,
    pub domain: Option<String>,
    pub section: Option<String>,
    pub keywords: Vec<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    /// Where each field came from, e.g. "date_published" -> "JSON-LD datePublished".
    pub evidence: BTreeMap<String, String>,
    /// Disagreements between sources worth telling the reader about.
    pub conflicts: Vec<String>,
}

/// Everything read from the page once, shared by the field pickers.
struct Evidence<'a> {
    page: &'a Page,
    tags: MetaTags,
    ld: &'a JsonLd,
    props: &'a [Prop],
    /// Visible <h1> headings: (element, text).
    h1: Vec<(usize, String)>,
}

impl Evidence<'_> {
    /// The article object of the JSON-LD, else a page-level object.
    fn article(&self) -> Option<&LdItem> {
        self.ld
            .articles
            .iter()
            .find(|a| a.headline.is_some() || a.date_published.is_some())
            .or_else(|| self.ld.articles.first())
    }

    fn ld_items(&self) -> impl Iterator<Item = &LdItem> {
        self.article()
            .into_iter()
            .chain(self.ld.articles.iter())
            .chain(self.ld.pages.iter())
    }

    /// The first microdata value of `name` inside an article-like item.
    fn prop(&self, name: &str) -> Option<&Prop> {
        let article = |p: &&Prop| {
            p.name == name
                && (p.scope.contains("article")
                    || p.scope.contains("posting")
                    || p.scope == "webpage"
                    || p.scope.is_empty())
        };
        self.props.iter().find(article)
    }
}

pub fn extract(page: &Page) -> Metadata {
    extract_with(page, &jsonld::read(page), &microdata::read(page))
}

/// `extract` with the page's JSON-LD and microdata already read (the analysis reads them
/// once for the metadata and the publisher's imprint).
pub fn extract_with(page: &Page, ld: &JsonLd, props: &[Prop]) -> Metadata {
    let ev = Evidence {
        page,
        tags: MetaTags::read(page),
        ld,
        props,
        h1: headings(page),
    };
    let mut m = Metadata::default();
    pick_url(&ev, &mut m);
    pick_lang(&ev, &mut m);
    pick_site(&ev, &mut m);
    pick_title(&ev, &mut m);
    pick_authors(&ev, &mut m);
    pick_dates(&ev, &mut m);
    pick_rest(&ev, &mut m);
    if ev.ld.malformed {
        m.conflicts
            .push("A JSON-LD block on this page is malformed and was skipped.".into());
    }
    m
}

/// The text of an element as the DOM's textContent joins it (no space added between
/// inline nodes), white space collapsed.
fn inner_text(page: &Page, i: usize) -> String {
    let end = page.subtree_end(i);
    let mut out = String::new();
    for n in &page.nodes[i..end] {
        if let Some(t) = n.text() {
            out.push_str(t);
        } else if matches!(n.tag(), Some("br" | "p" | "div" | "li")) {
            out.push(' ');
        }
    }
    collapse_ws(&out)
}

/// The first few <h1> texts outside navigation, asides and footers, with their elements.
fn headings(page: &Page) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for i in page.elements("h1") {
        let hidden = page
            .ancestors(i)
            .any(|a| matches!(page.nodes[a].tag(), Some("nav" | "aside" | "footer")));
        if hidden {
            continue;
        }
        let t = inner_text(page, i);
        if !t.is_empty() && t.chars().count() <= 300 {
            out.push((i, t));
        }
        if out.len() == 5 {
            break;
        }
    }
    out
}

fn set(m: &mut Metadata, field: &str, how: impl Into<String>) {
    m.evidence.insert(field.to_string(), how.into());
}

fn non_empty(s: Option<&str>) -> Option<String> {
    let s = collapse_ws(s?);
    (!s.is_empty()).then_some(decode_entities(&s))
}

/// Meta values are sometimes double-escaped ("&amp;amp;", "&#39;"): decode the common ones.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = s.to_string();
    for _ in 0..2 {
        for (e, r) in [
            ("&amp;", "&"),
            ("&quot;", "\""),
            ("&#39;", "'"),
            ("&#039;", "'"),
            ("&apos;", "'"),
            ("&#x27;", "'"),
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&nbsp;", " "),
            ("&#8217;", "\u{2019}"),
            ("&#8216;", "\u{2018}"),
            ("&#8220;", "\u{201c}"),
            ("&#8221;", "\u{201d}"),
            ("&#8211;", "\u{2013}"),
            ("&#8212;", "\u{2014}"),
            ("&rsquo;", "\u{2019}"),
            ("&lsquo;", "\u{2018}"),
            ("&ldquo;", "\u{201c}"),
            ("&rdquo;", "\u{201d}"),
            ("&ndash;", "\u{2013}"),
            ("&mdash;", "\u{2014}"),
            ("&hellip;", "\u{2026}"),
        ] {
            out = out.replace(e, r);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// url, domain, lang

/// Joins `href` onto `base` (enough of RFC 3986 for page links: absolute, scheme-relative,
/// root-relative and path-relative references).
pub fn resolve_url(base: &str, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with("data:") || href.starts_with("javascript:") {
        return None;
    }
    if href.contains("://") {
        return Some(href.to_string());
    }
    let (scheme, rest) = base.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    if let Some(h) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{h}"));
    }
    if href.starts_with('/') {
        return Some(format!("{scheme}://{host}{href}"));
    }
    let path = &rest[host.len()..];
    let path = path.split(['?', '#']).next().unwrap_or("");
    let dir = path.rfind('/').map_or("/", |i| &path[..=i]);
    Some(format!("{scheme}://{host}{dir}{href}"))
}

fn pick_url(ev: &Evidence, m: &mut Metadata) {
    let base = ev.page.url.as_str();
    let cands = [
        (ev.tags.canonical.as_deref(), "rel=canonical"),
        (ev.tags.get("og:url"), "og:url"),
    ];
    for (c, how) in cands {
        if let Some(u) = c.and_then(|c| resolve_url(base, c)) {
            if u.starts_with("http") {
                m.url = Some(u);
                set(m, "url", how);
                break;
            }
        }
    }
    if m.url.is_none() && !base.is_empty() {
        m.url = Some(base.to_string());
        set(m, "url", "page address");
    }
    // The domain is where the page was read; the canonical host when the address is unknown.
    if let Some(h) = url::host_of(base).or_else(|| m.url.as_deref().and_then(url::host_of)) {
        m.domain = Some(h);
        set(m, "domain", "page address");
    }
}

fn pick_lang(ev: &Evidence, m: &mut Metadata) {
    let art_lang = ev.article().and_then(|a| a.lang.clone());
    let cands = [
        (ev.tags.html_lang.clone(), "<html lang>"),
        (
            ev.tags.get("og:locale").map(|l| l.replace('_', "-")),
            "og:locale",
        ),
        (
            ev.tags.get("content-language").map(str::to_string),
            "content-language",
        ),
        (
            ev.tags.get("dc.language").map(str::to_string),
            "dc.language",
        ),
        (art_lang, "JSON-LD inLanguage"),
    ];
    for (c, how) in cands {
        if let Some(l) = c.map(|l| l.trim().to_string()).filter(|l| !l.is_empty()) {
            m.lang = Some(l);
            set(m, "lang", how);
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------
// site name

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?\s*,?\s*([^.|,;©]{2,60}?)\s*(?:[.|,;]|all rights|alle rechte|tous droits|todos los derechos|$)").unwrap()
});

/// The holder named in a copyright line ("© 2023 The Paper. All rights reserved."), from
/// the copyright meta tag or the page's visible text.
fn copyright_holder(ev: &Evidence) -> Option<String> {
    let from_text = |t: &str| {
        let c = COPYRIGHT.captures(t)?;
        let h = c[1].trim().trim_start_matches("by ").trim();
        (words(h).len() <= 6 && h.chars().any(char::is_alphabetic)).then(|| h.to_string())
    };
    if let Some(h) = ev.tags.get("copyright").and_then(from_text) {
        return Some(h);
    }
    ev.page
        .nodes
        .iter()
        .filter_map(|n| n.text())
        .filter(|t| t.contains('©'))
        .find_map(|t| from_text(&collapse_ws(t)))
}

fn pick_site(ev: &Evidence, m: &mut Metadata) {
    let art = ev.article();
    let domain = m.domain.clone();
    // The <title> segment that names the site's domain ("Headline | Site").
    let from_title = ev.tags.title_tag.as_deref().and_then(|t| {
        TITLE_SEPS.iter().find_map(|sep| {
            let parts: Vec<&str> = t.split(sep).map(str::trim).collect();
            if parts.len() < 2 {
                return None;
            }
            [parts[parts.len() - 1], parts[0]]
                .into_iter()
                .find(|p| names_site(p, None, domain.as_deref()) && words(p).len() <= 5)
                .map(str::to_string)
        })
    });
    let cands: Vec<(Option<String>, &str)> = vec![
        (non_empty(ev.tags.get("og:site_name")), "og:site_name"),
        (
            art.and_then(|a| a.publisher.as_deref())
                .and_then(|p| non_empty(Some(p))),
            "JSON-LD publisher",
        ),
        (non_empty(ev.ld.website.as_deref()), "JSON-LD WebSite name"),
        (
            ev.props
                .iter()
                .find(|p| p.name == "publisher")
                .and_then(|p| non_empty(Some(&p.value))),
            "microdata publisher",
        ),
        (
            non_empty(ev.tags.get("application-name")),
            "application-name",
        ),
        (
            non_empty(ev.tags.get("apple-mobile-web-app-title")),
            "apple-mobile-web-app-title",
        ),
        (
            ev.tags
                .first_of(&[
                    "dc.publisher",
                    "dcterms.publisher",
                    "publisher",
                    "citation_publisher",
                    "citation_journal_title",
                ])
                .and_then(|(_, v)| non_empty(Some(v))),
            "meta publisher",
        ),
        (from_title, "<title> segment naming the domain"),
        (
            non_empty(ev.ld.organization.as_deref()),
            "JSON-LD Organization name",
        ),
        (copyright_holder(ev), "copyright line"),
    ];
    let cands: Vec<(String, &str)> = cands
        .into_iter()
        .filter_map(|(c, how)| c.map(|c| (c, how)))
        .filter(|(c, _)| !c.is_empty() && c.chars().count() <= 80 && !c.contains("://"))
        .collect();
    // A name that matches the domain beats one that does not (a section name in
    // og:site_name, an organisation the page is about).
    let structured = ["og:site_name", "JSON-LD publisher", "JSON-LD WebSite name"];
    let pick = cands
        .iter()
        .filter(|(_, how)| structured.contains(how))
        .find(|(c, _)| names_site(c, None, domain.as_deref()))
        .or_else(|| {
            // Without a structured name, a short name that matches the domain (an
            // application-name, a meta publisher) beats a parent company's legal name.
            if cands.iter().any(|(_, how)| structured.contains(how)) {
                return None;
            }
            cands
                .iter()
                .filter(|(c, how)| words(c).len() <= 4 && *how != "JSON-LD Organization name")
                .find(|(c, _)| names_site(c, None, domain.as_deref()))
        })
        .or_else(|| {
            cands
                .iter()
                .find(|(_, how)| *how != "JSON-LD Organization name")
        });
    if let Some((s, how)) = pick {
        if let Some((first, fhow)) = cands.first() {
            if first != s && *fhow == "og:site_name" {
                m.conflicts.push(format!(
                    "og:site_name \"{first}\" differs from the {how} \"{s}\""
                ));
            }
        }
        m.site_name = Some(s.clone());
        set(m, "site_name", *how);
    }
}

// ---------------------------------------------------------------------------------------
// title

/// Separators between a headline and the site's name in a <title>.
const TITLE_SEPS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ", " • ", " ~ ", ": ",
];

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The label that names the site in a host: "bbc" in "www.bbc.co.uk", "wikipedia" in
/// "en.wikipedia.org".
fn main_label(host: &str) -> &str {
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let mut n = labels.len().saturating_sub(1);
    if n >= 2
        && matches!(
            labels[n - 1],
            "co" | "com" | "org" | "net" | "ac" | "gov" | "ne" | "or" | "go" | "edu"
        )
    {
        n -= 1;
    }
    labels.get(n.saturating_sub(1)).copied().unwrap_or(host)
}

/// Does this title segment name the site (its name or its domain's main label)?
fn names_site(seg: &str, site: Option<&str>, domain: Option<&str>) -> bool {
    let n = norm(seg);
    if n.is_empty() {
        return false;
    }
    if let Some(s) = site.map(norm).filter(|s| !s.is_empty()) {
        if n == s || (n.len() >= 4 && s.contains(&n)) || (s.len() >= 4 && n.contains(&s)) {
            return true;
        }
    }
    if let Some(d) = domain {
        let label = main_label(d);
        let l = norm(label);
        if l.len() >= 3
            && (n == l
                || n.replace("the", "") == l
                || n.contains(&l)
                || (n.len() >= 4 && l.starts_with(&n)))
        {
            return true;
        }
        if norm(d.trim_start_matches("www.")) == n {
            return true;
        }
    }
    false
}

/// Strips the site's name from a title ("Headline | Site", "Site - Headline").
fn strip_site(title: &str, site: Option<&str>, domain: Option<&str>) -> Option<String> {
    for sep in TITLE_SEPS {
        if !title.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = title.split(sep).collect();
        let last = parts.last()?;
        let first = parts.first()?;
        if parts.len() >= 2 && names_site(last, site, domain) {
            let head = parts[..parts.len() - 1].join(sep);
            // "Headline | Section | Site": the section goes too when short.
            return Some(strip_site(&head, site, domain).unwrap_or(head));
        }
        if parts.len() >= 2 && *sep != ": " && names_site(first, site, domain) {
            // A leading site name is shorter than the headline after it; a longer first
            // part is the headline that happens to name the site.
            let rest = parts[1..].join(sep);
            if rest.chars().count() >= first.chars().count() {
                return Some(rest);
            }
        }
    }
    None
}

/// Words of a title for overlap tests (lower case, letters and digits only).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Is the visible heading `h` the same headline as the metadata title `t`, maybe with the
/// site's name or a kicker around it? (Reworded titles do not count: an SEO title that
/// shares most words with a heading may still be the one the publisher chose.)
fn same_headline(h: &str, t: &str) -> bool {
    let (nh, nt) = (norm(h), norm(t));
    if nh.is_empty() || nt.is_empty() {
        return false;
    }
    if nh == nt {
        return true;
    }
    let (ch, ct) = (nh.chars().count(), nt.chars().count());
    if nt.contains(&nh) && ch * 2 >= ct && ch >= 8 {
        return true;
    }
    false
}

/// Several different microdata headlines make a list of teasers (a home or section page):
/// none of them is the page's own title.
fn teaser_list(props: &[Prop]) -> bool {
    let mut heads = props
        .iter()
        .filter(|p| p.name == "headline")
        .map(|p| &p.value);
    let Some(first) = heads.next() else {
        return false;
    };
    heads.any(|h| h != first)
}

fn pick_title(ev: &Evidence, m: &mut Metadata) {
    let art = ev.article();
    let site = m.site_name.clone();
    let domain = m.domain.clone();
    let tag = ev.tags.title_tag.clone().map(|t| decode_entities(&t));
    let cands: Vec<(Option<String>, &str)> = vec![
        // Dublin Core is rare and deliberate (libraries, journals, public bodies): where a
        // page bothers with it, it holds the work's own title, not a social-card rewrite.
        (
            ev.tags
                .first_of(&["dc:title", "dcterms.title", "dc.title", "dcterm:title"])
                .and_then(|(_, v)| non_empty(Some(v))),
            "Dublin Core title",
        ),
        (non_empty(ev.tags.get("og:title")), "og:title"),
        (non_empty(ev.tags.get("twitter:title")), "twitter:title"),
        (
            art.and_then(|a| non_empty(a.headline.as_deref())),
            "JSON-LD headline",
        ),
        (
            ev.tags
                .first_of(&[
                    "citation_title",
                    "parsely-title",
                    "sailthru.title",
                    "headline",
                    "title",
                ])
                .and_then(|(_, v)| non_empty(Some(v))),
            "meta title",
        ),
        (
            ev.prop("headline")
                .filter(|_| !teaser_list(ev.props))
                .and_then(|p| non_empty(Some(&p.value))),
            "microdata headline",
        ),
        (
            art.and_then(|a| non_empty(a.name.as_deref())),
            "JSON-LD name",
        ),
        (tag.clone(), "<title>"),
    ];
    let cands: Vec<(String, &str)> = cands
        .into_iter()
        .filter_map(|(c, how)| c.map(|c| (c, how)))
        .collect();
    // The visible headline wins when the metadata confirms it: it is what the reader sees,
    // without the site's name or an SEO rewrite.
    let is_site = |h: &str| names_site(h, site.as_deref(), None) && words(h).len() <= 4;
    // A twitter:title is a social-card headline like og:title, not the page's own title:
    // alone it does not confirm a heading that og:title words differently.
    let og = cands
        .iter()
        .find(|(_, how)| *how == "og:title")
        .map(|(t, _)| t);
    // Nor does an itemprop=headline on the heading itself: that is the heading again.
    let on_heading = ev.prop("headline").map(|p| p.node);
    let confirms = |(i, h): &(usize, String), t: &str, how: &str| {
        let own = how == "microdata headline"
            && on_heading.is_some_and(|n| (*i..ev.page.subtree_end(*i)).contains(&n));
        same_headline(h, t)
            && !own
            && (how != "twitter:title" || og.is_none_or(|o| same_headline(h, o)))
    };
    for ih in ev.h1.iter().filter(|(_, h)| !is_site(h)) {
        let h = &ih.1;
        if let Some((_, how)) = cands.iter().find(|(t, how)| confirms(ih, t, how)) {
            m.title = Some(h.clone());
            set(m, "title", format!("<h1> matching {how}"));
            return;
        }
    }
    let Some((t, how)) = cands
        .first()
        .cloned()
        .or_else(|| ev.h1.first().map(|(_, h)| (h.clone(), "<h1>")))
    else {
        return;
    };
    let mut how = how.to_string();
    let mut t = t;
    if let Some(s) = strip_site(&t, site.as_deref(), domain.as_deref()) {
        if s.chars().count() >= 3 {
            t = s;
            how.push_str(" without the site name");
        }
    }
    m.title = Some(t);
    set(m, "title", how);
}

// ---------------------------------------------------------------------------------------
// authors

/// Person names from raw author values, minus the publisher under any of its names (site
/// name, domain, the holder named in the copyright line).
fn usable_names(raw: &[String], m: &Metadata, orgs: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in raw {
        if r.contains("://") || r.starts_with('@') {
            continue;
        }
        for n in byline::names(&byline::uninvert(r)) {
            let nn = norm(&n);
            if nn.chars().count() >= 4 && orgs.iter().any(|o| norm(o).contains(&nn)) {
                continue;
            }
            let is_site = m.site_name.as_deref().is_some_and(|s| norm(s) == norm(&n))
                || m.domain
                    .as_deref()
                    .is_some_and(|d| norm(main_label(d)) == norm(&n));
            if is_site {
                continue;
            }
            if !out.iter().any(|o| norm(o) == norm(&n)) {
                out.push(n);
            }
        }
    }
    out
}

fn pick_authors(ev: &Evidence, m: &mut Metadata) {
    let art = ev.article();
    let orgs: Vec<String> = [
        ev.tags.get("copyright").map(str::to_string),
        ev.tags.get("dcterms.rightsholder").map(str::to_string),
        art.and_then(|a| a.publisher.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let meta_keys = [
        "author",
        "article:author",
        "dc.creator",
        "dcterms.creator",
        "dc:creator",
        "parsely-author",
        "sailthru.author",
        "citation_author",
        "byl",
        "article:author_name",
        "og:article:author",
        "twitter:creator:name",
        "cxenseparse:author",
        "creator",
    ];
    let mut cands: Vec<(Vec<String>, String)> = Vec::new();
    if let Some(a) = art {
        cands.push((a.authors.clone(), "JSON-LD author".into()));
    }
    for k in meta_keys {
        let vals: Vec<String> = ev.tags.all(k).map(str::to_string).collect();
        if !vals.is_empty() {
            cands.push((vals, format!("meta {k}")));
        }
    }
    // Authors of the first article item only: later items are related stories or citations.
    let is_author = |p: &&Prop| p.name == "author" || p.name == "creator";
    let first_item = ev.props.iter().filter(is_author).map(|p| p.item).next();
    let md: Vec<String> = ev
        .props
        .iter()
        .filter(is_author)
        .filter(|p| Some(p.item) == first_item)
        .map(|p| p.value.clone())
        .collect();
    cands.push((md, "microdata author".into()));
    let rel: Vec<String> = ev
        .tags
        .author_links
        .iter()
        .map(|(t, _)| t.clone())
        .filter(|t| byline::capitalised_name(t))
        .collect();
    cands.push((rel, "rel=author link".into()));
    for (raw, how) in cands {
        let names = usable_names(&raw, m, &orgs);
        if !names.is_empty() {
            m.author = names;
            set(m, "author", how);
            return;
        }
    }
    let visible = byline::find_visible(ev.page).into_iter().find_map(|mut v| {
        // Free text earns trust only by looking like names.
        v.names.retain(|n| byline::capitalised_name(n));
        v.names = usable_names(&v.names, m, &orgs);
        (!v.names.is_empty()).then_some(v)
    });
    if let Some(v) = visible {
        m.author = v.names;
        set(m, "author", format!("visible {}", v.how));
        return;
    }
    // Only an organisation or a placeholder ("Staff") is credited: better than nothing,
    // the reader sees who answers for the text.
    let mut fallback: Vec<(String, String)> = Vec::new();
    if let Some(a) = art {
        for o in a.authors.iter().chain(a.author_orgs.iter()) {
            fallback.push((o.clone(), "JSON-LD author".into()));
        }
    }
    for k in meta_keys {
        for v in ev.tags.all(k) {
            fallback.push((v.to_string(), format!("meta {k}")));
        }
    }
    for (raw, how) in fallback {
        let v = collapse_ws(&raw);
        let v = v.strip_prefix("By ").unwrap_or(&v).trim();
        if !v.is_empty() && v.chars().count() <= 60 && !v.contains("://") && !v.contains('@') {
            m.author = vec![v.to_string()];
            set(
                m,
                "author",
                format!("{how} (an organisation or placeholder)"),
            );
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------
// dates

const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "article_date_original",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "dc:date",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "originalpublicationdate",
    "date",
    "displaydate",
    "date_published",
    "release_date",
    "datecreated",
    "cxenseparse:recs:publishtime",
    "og:pubdate",
    "pub_date",
    "published-date",
    "created",
];
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "modified_time",
    "lastmod",
    "article.updated",
];

fn pick_dates(ev: &Evidence, m: &mut Metadata) {
    let order = DayOrder::for_lang(m.lang.as_deref());
    let mut cands: Vec<(DateTime, String)> = Vec::new();
    if let Some(a) = ev.article() {
        if let Some(d) = a.date_published.as_deref().and_then(dates::parse) {
            cands.push((d, "JSON-LD datePublished".into()));
        }
    }
    for k in PUBLISHED_KEYS {
        if let Some(d) = ev.tags.get(k).and_then(dates::parse) {
            cands.push((d, format!("meta {k}")));
            break;
        }
    }
    if let Some(d) = ev
        .prop("datepublished")
        .and_then(|p| dates::parse(&p.value))
    {
        cands.push((d, "microdata datePublished".into()));
    }
    for it in ev.ld_items() {
        if let Some(d) = it
            .date_published
            .as_deref()
            .or(it.date_created.as_deref())
            .and_then(dates::parse)
        {
            cands.push((d, format!("JSON-LD {} date", it.kind)));
            break;
        }
    }
    if let Some((d, how)) = time_element(ev.page) {
        cands.push((d, how));
    }
    let url_date =
        dates::from_url(&ev.page.url).or_else(|| m.url.as_deref().and_then(dates::from_url));
    if let Some(d) = url_date {
        cands.push((d, "date in the URL".into()));
    }
    if let Some((d, how)) = visible_date(ev.page, order) {
        cands.push((d, how));
    }
    if let Some(d) = date_under_headline(ev.page, order) {
        cands.push((d, "date line under the headline".into()));
    }
    if let Some(d) = ev.prop("datecreated").and_then(|p| dates::parse(&p.value)) {
        cands.push((d, "microdata dateCreated".into()));
    }
    if let Some((d, how)) = cands.first().cloned() {
        m.date_published = Some(d.iso());
        set(m, "date_published", how.clone());
        for (o, ohow) in cands.iter().skip(1) {
            if o.day_key() != d.day_key() && (o.days() - d.days()).abs() > 1 {
                m.conflicts.push(format!(
                    "{how} {} differs from the {ohow} {}",
                    d.iso().get(..10).unwrap_or(""),
                    o.iso().get(..10).unwrap_or("")
                ));
                break;
            }
        }
    }
    let mut modified: Vec<(DateTime, String)> = Vec::new();
    if let Some(d) = ev
        .article()
        .and_then(|a| a.date_modified.as_deref())
        .and_then(dates::parse)
    {
        modified.push((d, "JSON-LD dateModified".into()));
    }
    for k in MODIFIED_KEYS {
        if let Some(d) = ev.tags.get(k).and_then(dates::parse) {
            modified.push((d, format!("meta {k}")));
            break;
        }
    }
    if let Some(d) = ev.prop("datemodified").and_then(|p| dates::parse(&p.value)) {
        modified.push((d, "microdata dateModified".into()));
    }
    if let Some((d, how)) = modified.into_iter().next() {
        m.date_modified = Some(d.iso());
        set(m, "date_modified", how);
    }
}

/// A `<time>` element that dates the article: one marked pubdate or datePublished, else the
/// first with a `datetime` in the body outside navigation, asides and footers.
fn time_element(page: &Page) -> Option<(DateTime, String)> {
    let mut first: Option<DateTime> = None;
    for i in page.elements("time") {
        let n = &page.nodes[i];
        let marked = n.attr("pubdate").is_some()
            || n.attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
            || n.attr("class")
                .is_some_and(|c| c.to_ascii_lowercase().contains("publish"));
        let d = n
            .attr("datetime")
            .and_then(dates::parse)
            .or_else(|| dates::parse(&page.text_of(i)));
        let Some(d) = d else { continue };
        if marked {
            return Some((d, "<time pubdate>".into()));
        }
        let outside = page.ancestors(i).any(|a| {
            let t = page.nodes[a].tag().unwrap_or("");
            let c = page.nodes[a]
                .attr("class")
                .unwrap_or("")
                .to_ascii_lowercase();
            matches!(t, "nav" | "aside" | "footer")
                || c.contains("related")
                || c.contains("comment")
                || c.contains("sidebar")
        });
        if !outside && first.is_none() {
            first = Some(d);
        }
    }
    first.map(|d| (d, "<time datetime>".into()))
}

/// A short text right after the first <h1> that is a date ("January 22, 2014"): where a
/// plain page writes its date when no markup says so.
fn date_under_headline(page: &Page, order: DayOrder) -> Option<DateTime> {
    let h1 = page.elements("h1").next()?;
    let start = page.subtree_end(h1);
    let mut seen = 0;
    for n in page.nodes.iter().skip(start).take(60) {
        let Some(t) = n.text() else { continue };
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 6 {
            break;
        }
        if t.chars().count() <= 80 {
            if let Some(d) = dates::parse_text(t, order) {
                return Some(d);
            }
        }
    }
    None
}

/// A date written in an element whose class or id says date, time, published or byline.
fn visible_date(page: &Page, order: DayOrder) -> Option<(DateTime, String)> {
    let mut in_body = false;
    let mut relative_hit: Option<DateTime> = None;
    for (i, n) in page.nodes.iter().enumerate() {
        match n.tag() {
            Some("body") => in_body = true,
            Some(_) if in_body => {
                let h = page.hints(i);
                if h & hint::DATEY == 0 || h & hint::UPDATED != 0 {
                    continue;
                }
                let Some(text) = page.text_within(i, 200).filter(|t| !t.is_empty()) else {
                    continue;
                };
                if let Some(d) = dates::parse_text(&text, order) {
                    return Some((d, "visible date line".into()));
                }
                if relative_hit.is_none() {
                    relative_hit = dates::relative(&text, page.now_ms);
                }
            }
            _ => {}
        }
    }
    relative_hit.map(|d| (d, "visible relative date".into()))
}

// ---------------------------------------------------------------------------------------
// section, keywords, description, image

fn pick_rest(ev: &Evidence, m: &mut Metadata) {
    let art = ev.article();
    if let Some((k, v)) = ev.tags.first_of(&[
        "article:section",
        "og:article:section",
        "parsely-section",
        "section",
        "sailthru.section",
    ]) {
        m.section = non_empty(Some(v));
        set(m, "section", format!("meta {k}"));
    } else if let Some(s) = art.and_then(|a| a.section.clone()) {
        m.section = Some(s);
        set(m, "section", "JSON-LD articleSection");
    }
    let mut kw: Vec<String> = ev.tags.all("article:tag").map(str::to_string).collect();
    let mut kw_how = "meta article:tag";
    if kw.is_empty() {
        if let Some((k, v)) =
            ev.tags
                .first_of(&["news_keywords", "keywords", "parsely-tags", "sailthru.tags"])
        {
            kw = v.split([',', ';']).map(|s| s.trim().to_string()).collect();
            kw_how = match k {
                "news_keywords" => "meta news_keywords",
                "keywords" => "meta keywords",
                _ => "meta tags",
            };
        } else if let Some(a) = art {
            kw = a.keywords.clone();
            kw_how = "JSON-LD keywords";
        }
    }
    kw.retain(|k| !k.is_empty());
    kw.dedup();
    if !kw.is_empty() {
        m.keywords = kw;
        set(m, "keywords", kw_how);
    }
    let desc = [
        (non_empty(ev.tags.get("og:description")), "og:description"),
        (non_empty(ev.tags.get("description")), "meta description"),
        (
            non_empty(ev.tags.get("twitter:description")),
            "twitter:description",
        ),
        (
            art.and_then(|a| non_empty(a.description.as_deref())),
            "JSON-LD description",
        ),
        (non_empty(ev.tags.get("dc.description")), "dc.description"),
    ];
    if let Some((d, how)) = desc.into_iter().find_map(|(d, h)| d.map(|d| (d, h))) {
        m.description = Some(d);
        set(m, "description", how);
    }
    let base = m.url.clone().unwrap_or_else(|| ev.page.url.clone());
    let img = [
        (ev.tags.get("og:image").map(str::to_string), "og:image"),
        (
            ev.tags.get("og:image:url").map(str::to_string),
            "og:image:url",
        ),
        (
            ev.tags.get("og:image:secure_url").map(str::to_string),
            "og:image:secure_url",
        ),
        (
            ev.tags
                .get("twitter:image")
                .or(ev.tags.get("twitter:image:src"))
                .map(str::to_string),
            "twitter:image",
        ),
        (art.and_then(|a| a.image.clone()), "JSON-LD image"),
        (ev.prop("image").map(|p| p.value.clone()), "microdata image"),
    ];
    for (c, how) in img {
        if let Some(u) = c.and_then(|c| resolve_url(&base, &c)) {
            m.image = Some(u);
            set(m, "image", how);
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_site_names_from_titles() {
        assert_eq!(
            strip_site("Big news today | The Paper", Some("The Paper"), None).as_deref(),
            Some("Big news today")
        );
        assert_eq!(
            strip_site("Paper - Big news", None, Some("www.paper.com")).as_deref(),
            Some("Big news")
        );
        assert_eq!(strip_site("Big news - today", Some("Other"), None), None);
        assert_eq!(
            strip_site(
                "A long story from the Paper blog :: Host",
                Some("Paper"),
                None
            ),
            None
        );
    }

    #[test]
    fn resolves_urls() {
        assert_eq!(
            resolve_url("https://x.org/a/b.html", "/i.jpg").as_deref(),
            Some("https://x.org/i.jpg")
        );
        assert_eq!(
            resolve_url("https://x.org/a/b.html", "i.jpg").as_deref(),
            Some("https://x.org/a/i.jpg")
        );
        assert_eq!(
            resolve_url("https://x.org/", "//cdn.x.org/i.jpg").as_deref(),
            Some("https://cdn.x.org/i.jpg")
        );
    }
    #[test]
    fn copyright_lines() {
        let c = COPYRIGHT
            .captures("© 2023 Riverside Media Ltd. All rights reserved.")
            .unwrap();
        assert_eq!(&c[1], "Riverside Media Ltd");
    }
}

/// Whole pages read by the native HTML reader, as the extension would see them.
#[cfg(all(test, feature = "native"))]
mod fixtures {
    use super::*;
    use crate::page::html::read_html;

    fn read(name: &str, url: &str) -> Metadata {
        let path = format!("{}/tests/fixtures/meta/{name}", env!("CARGO_MANIFEST_DIR"));
        let src = std::fs::read_to_string(path).unwrap();
        extract(&read_html(&src, url))
    }

    fn inline(src: &str) -> Metadata {
        extract(&read_html(src, "https://news.example.org/a/1"))
    }

    #[test]
    fn dublin_core_title_comes_first() {
        let m = inline(
            r#"<head><meta property="og:title" content="Social card title">
            <meta property="x:title dc:title" content="The work's title"></head><body></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("The work's title"));
    }

    #[test]
    fn twitter_title_alone_does_not_confirm_a_heading() {
        let m = inline(
            r#"<head><meta property="og:title" content="Plain title of the story">
            <meta name="twitter:title" content="Catchy heading of the story"></head>
            <body><h1>Catchy heading of the story</h1></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Plain title of the story"));
        // ...but og:title does.
        let m = inline(
            r#"<head><meta property="og:title" content="Heading of the story | Paper"></head>
            <body><h1>Heading of the story</h1></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Heading of the story"));
    }

    #[test]
    fn headline_itemprop_on_the_heading_is_no_confirmation() {
        let m = inline(
            r#"<head><meta property="og:title" content="Plain title of the story"></head>
            <body><h1 itemprop="headline">Catchy heading of the story</h1></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Plain title of the story"));
        let m = inline(
            r#"<head><meta property="og:title" content="Plain title of the story"></head>
            <body><meta itemprop="headline" content="Catchy heading of the story">
            <h1>Catchy heading of the story</h1></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Catchy heading of the story"));
    }

    #[test]
    fn short_name_matching_the_domain_beats_a_legal_name() {
        let src = r#"<head><meta name="application-name" content="Example">
            </head><body><div itemscope itemtype="https://schema.org/NewsArticle">
            <div itemprop="publisher" itemscope><meta itemprop="name"
            content="Holding Publishers Limited, part of Big Group"></div></div></body>"#;
        let m = extract(&read_html(src, "https://www.example.org/a/1"));
        assert_eq!(m.site_name.as_deref(), Some("Example"));
        // A structured site name stands even when it does not match the domain.
        let src = r#"<head><meta property="og:site_name" content="Other Name">
            <meta name="application-name" content="Example"></head><body></body>"#;
        let m = extract(&read_html(src, "https://www.example.org/a/1"));
        assert_eq!(m.site_name.as_deref(), Some("Other Name"));
    }

    #[test]
    fn teaser_headlines_are_not_the_page_title() {
        let m = inline(
            r#"<head><title>Portal</title></head><body>
            <div itemscope><h2 itemprop="headline">First teaser story</h2></div>
            <div itemscope><h2 itemprop="headline">Second teaser story</h2></div></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Portal"));
    }

    #[test]
    fn news_article_with_json_ld_graph() {
        let m = read(
            "news-jsonld.html",
            "https://www.riverside-courier.example/news/2023/02/03/council-approves-crossing?utm=x",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Council approves new river crossing")
        );
        assert_eq!(m.author, vec!["Ann Lee", "Bo Chen"]);
        assert_eq!(m.evidence["author"], "JSON-LD author");
        assert_eq!(m.site_name.as_deref(), Some("The Riverside Courier"));
        assert_eq!(
            m.date_published.as_deref(),
            Some("2023-02-03T11:16:00+00:00")
        );
        assert_eq!(m.evidence["date_published"], "JSON-LD datePublished");
        assert_eq!(
            m.date_modified.as_deref(),
            Some("2023-02-04T08:00:00+00:00")
        );
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
        assert_eq!(m.section.as_deref(), Some("Local"));
        assert_eq!(m.keywords, vec!["council", "bridge", "transport"]);
        assert_eq!(
            m.image.as_deref(),
            Some("https://www.riverside-courier.example/media/bridge.jpg")
        );
        assert_eq!(
            m.url.as_deref(),
            Some("https://www.riverside-courier.example/news/2023/02/03/council-approves-crossing")
        );
        assert_eq!(m.domain.as_deref(), Some("www.riverside-courier.example"));
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    }

    #[test]
    fn german_page_with_visible_byline_and_date() {
        let m = read(
            "german-visible.html",
            "https://tagblatt-nord.example/lokales/bruecke",
        );
        assert_eq!(m.title.as_deref(), Some("Neue Brücke für die Altstadt"));
        assert_eq!(m.author, vec!["Hans Müller", "Eva Roth"]);
        assert_eq!(m.date_published.as_deref(), Some("2023-02-03T14:30:00"));
        assert_eq!(m.evidence["date_published"], "visible date line");
        assert_eq!(m.site_name.as_deref(), Some("Tagblatt Nord"));
        assert_eq!(m.lang.as_deref(), Some("de"));
    }

    #[test]
    fn blog_with_microdata_and_a_related_card() {
        let m = read(
            "blog-microdata.html",
            "https://greenpatch.example/2021/07/01/soil",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Notes on soil: why compost matters")
        );
        assert_eq!(m.author, vec!["Maya Ortiz"]);
        assert_eq!(m.date_published.as_deref(), Some("2021-06-09"));
        assert_eq!(m.site_name.as_deref(), Some("Green Patch"));
        assert_eq!(m.lang.as_deref(), Some("en-US"));
        // The URL's date disagrees with the article's own: said, not hidden.
        assert!(
            m.conflicts.iter().any(|c| c.contains("URL")),
            "{:?}",
            m.conflicts
        );
    }

    #[test]
    fn relative_visible_date_uses_the_clock() {
        let mut p = read_html(
            "<html><body><h1>Storm closes port</h1><span class=\"timestamp\">3 hours ago</span></body></html>",
            "",
        );
        p.now_ms = 1_675_425_600_000.0; // 2023-02-03T12:00:00Z
        let m = extract(&p);
        assert_eq!(
            m.date_published.as_deref(),
            Some("2023-02-03T09:00:00+00:00")
        );
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for src in [
            "",
            "<script type=application/ld+json>{\"@graph\":[[[[{\"@type\":\"Article\",\"author\":{}}]]]]}</script>",
            "<meta property=og:title content=\"\u{feff}\"><time datetime=\"9999-99-99\">é</time>",
            "<p class=byline>By</p><p class=date>31/02/2023 25:61</p>",
        ] {
            let _ = extract(&read_html(src, "not a url"));
        }
    }
}
