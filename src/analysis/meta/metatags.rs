//! `<meta>` and `<link>` evidence, gathered in one pass: every meta value under each of its
//! keys (property, name, itemprop, http-equiv; space-separated lists split; lower case), the
//! canonical link, rel=author links and the document language.

use crate::page::Page;

#[derive(Debug, Default, Clone)]
pub struct MetaTags {
    /// (key, value) in document order; keys lower-cased, values trimmed and non-empty.
    pub pairs: Vec<(String, String)>,
    pub canonical: Option<String>,
    /// rel=author links: (visible text, href).
    pub author_links: Vec<(String, String)>,
    pub html_lang: Option<String>,
    pub title_tag: Option<String>,
}

impl MetaTags {
    pub fn read(page: &Page) -> MetaTags {
        let mut out = MetaTags::default();
        for (i, n) in page.nodes.iter().enumerate() {
            let Some(tag) = n.tag() else { continue };
            match tag {
                "html" if out.html_lang.is_none() => {
                    out.html_lang = n
                        .attr("lang")
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_string);
                }
                "title" if out.title_tag.is_none() => {
                    // An <svg><title> or a <title> inside the body is not the page title,
                    // but the reader skips svg, so any first <title> will do.
                    let t = page.text_of(i);
                    if !t.is_empty() {
                        out.title_tag = Some(t);
                    }
                }
                "meta" => {
                    let Some(value) = n.attr("content").or_else(|| n.attr("value")) else {
                        continue;
                    };
                    let value = crate::text::ascii::collapse_ws(value);
                    if value.is_empty() {
                        continue;
                    }
                    // An itemprop inside an item belongs to that item (a cited work, a
                    // related story), not to the page: `microdata` reads those.
                    let scoped = n.attr("itemprop").is_some()
                        && page
                            .ancestors(i)
                            .any(|a| page.nodes[a].attr("itemscope").is_some());
                    for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                        if key_attr == "itemprop" && scoped {
                            continue;
                        }
                        if let Some(keys) = n.attr(key_attr) {
                            for k in keys.split_whitespace() {
                                out.pairs.push((k.to_lowercase(), value.clone()));
                            }
                        }
                    }
                }
                "link" => {
                    let rel = n.attr("rel").unwrap_or("").to_ascii_lowercase();
                    let href = n.attr("href").unwrap_or("").trim();
                    if href.is_empty() {
                        continue;
                    }
                    let rels: Vec<&str> = rel.split_whitespace().collect();
                    if rels.contains(&"canonical") && out.canonical.is_none() {
                        out.canonical = Some(href.to_string());
                    }
                }
                "a" => {
                    let rel = n.attr("rel").unwrap_or("").to_ascii_lowercase();
                    if rel.split_whitespace().any(|r| r == "author") {
                        let href = n.attr("href").unwrap_or("").to_string();
                        out.author_links.push((page.text_of(i), href));
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// The first value under `key` (lower case).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every value under `key`, in order.
    pub fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The first of `keys` (in the given order of preference) that has a value, with the key.
    pub fn first_of<'a>(&'a self, keys: &[&'a str]) -> Option<(&'a str, &'a str)> {
        keys.iter().find_map(|k| self.get(k).map(|v| (*k, v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::NO_PARENT;

    #[test]
    fn collects_keys_and_links() {
        let mut p = Page::new("http://x/");
        let html = p.push_element(NO_PARENT, "html", vec![("lang".into(), "de".into())]);
        let head = p.push_element(html, "head", vec![]);
        p.push_element(
            head,
            "meta",
            vec![
                ("property".into(), "dc:title og:title".into()),
                ("content".into(), "  A  title ".into()),
            ],
        );
        p.push_element(
            head,
            "link",
            vec![
                ("rel".into(), "Canonical".into()),
                ("href".into(), "http://x/a".into()),
            ],
        );
        let m = MetaTags::read(&p);
        assert_eq!(m.get("og:title"), Some("A title"));
        assert_eq!(m.get("dc:title"), Some("A title"));
        assert_eq!(m.canonical.as_deref(), Some("http://x/a"));
        assert_eq!(m.html_lang.as_deref(), Some("de"));
        assert_eq!(
            m.first_of(&["x", "og:title"]),
            Some(("og:title", "A title"))
        );
    }
}
