//! Page metadata: title, authors, publisher, dates, language and the rest, each with the
//! evidence it came from.

use crate::page::Page;
use serde::Serialize;
use std::collections::BTreeMap;

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

pub fn extract(page: &Page) -> Metadata {
    let mut m = Metadata::default();
    if let Some(t) = page.elements("title").next() {
        let t = page.text_of(t);
        if !t.is_empty() {
            m.title = Some(t);
            m.evidence.insert("title".into(), "<title>".into());
        }
    }
    if let Some(root) = page.nodes.first() {
        m.lang = root.attr("lang").map(str::to_string);
    }
    if !page.url.is_empty() {
        m.url = Some(page.url.clone());
    }
    m
}
