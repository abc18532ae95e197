//! Microdata evidence: `itemprop` values with the `itemtype` of the item that holds them,
//! read in one pass over the page (values from content, datetime, href/src or text).

use crate::page::Page;

#[derive(Debug, Clone)]
pub struct Prop {
    /// Lower-case property name ("headline", "datepublished", "author").
    pub name: String,
    pub value: String,
    /// Lower-case short type of the nearest enclosing item ("newsarticle"), or "".
    pub scope: String,
    /// The property's element.
    pub node: usize,
    /// The nearest enclosing item's element, if any.
    pub item: Option<usize>,
}

/// Every itemprop in the body and head, in document order. `author`/`creator`/`publisher`
/// that are items themselves get the value of their nested `name`.
pub fn read(page: &Page) -> Vec<Prop> {
    let mut out = Vec::new();
    for (i, n) in page.nodes.iter().enumerate() {
        let Some(props) = n.attr("itemprop") else {
            continue;
        };
        let tag = n.tag().unwrap_or("");
        let value = if tag == "meta" {
            // Head meta tags are read by `metatags`; in the body they belong to an item.
            n.attr("content")
                .or_else(|| n.attr("value"))
                .unwrap_or("")
                .to_string()
        } else if let Some(dt) = n.attr("datetime").filter(|_| tag == "time") {
            dt.to_string()
        } else if let Some(c) = n.attr("content") {
            c.to_string()
        } else if matches!(tag, "a" | "link") && n.attr("itemscope").is_none() {
            let text = page.text_of(i);
            if text.is_empty() || tag == "link" {
                n.attr("href").unwrap_or("").to_string()
            } else {
                text
            }
        } else if matches!(tag, "img") {
            n.attr("src").unwrap_or("").to_string()
        } else if n.attr("itemscope").is_some() {
            nested_name(page, i).unwrap_or_default()
        } else {
            page.text_of(i)
        };
        let value = crate::text::ascii::collapse_ws(&value);
        if value.is_empty() {
            continue;
        }
        let item = page
            .ancestors(i)
            .find(|&a| page.nodes[a].attr("itemscope").is_some());
        let scope = item
            .and_then(|a| page.nodes[a].attr("itemtype"))
            .map(|t| {
                let t = t.split_whitespace().next().unwrap_or("");
                t.rsplit(['/', '#']).next().unwrap_or(t).to_lowercase()
            })
            .unwrap_or_default();
        for p in props.split_whitespace() {
            out.push(Prop {
                name: p.to_lowercase(),
                value: value.clone(),
                scope: scope.clone(),
                node: i,
                item,
            });
        }
    }
    out
}

/// The `name` (or given + family name) inside an item, without crossing into a deeper item.
fn nested_name(page: &Page, item: usize) -> Option<String> {
    let end = page.subtree_end(item);
    for j in item + 1..end {
        let n = &page.nodes[j];
        if n.attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|x| x == "name"))
        {
            let v = n
                .attr("content")
                .or_else(|| n.attr("value"))
                .map(str::to_string)
                .unwrap_or_else(|| page.text_of(j));
            if !v.trim().is_empty() {
                return Some(v);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::NO_PARENT;

    #[test]
    fn reads_props_with_scope() {
        let mut p = Page::new("");
        let art = p.push_element(
            NO_PARENT,
            "article",
            vec![
                ("itemscope".into(), "".into()),
                ("itemtype".into(), "https://schema.org/NewsArticle".into()),
            ],
        );
        let h = p.push_element(art, "h1", vec![("itemprop".into(), "headline".into())]);
        p.push_text(h, "Big news".into(), 0);
        let au = p.push_element(
            art,
            "span",
            vec![
                ("itemprop".into(), "author".into()),
                ("itemscope".into(), "".into()),
                ("itemtype".into(), "https://schema.org/Person".into()),
            ],
        );
        let nm = p.push_element(au, "span", vec![("itemprop".into(), "name".into())]);
        p.push_text(nm, "Ann Lee".into(), 1);
        p.push_element(
            art,
            "time",
            vec![
                ("itemprop".into(), "datePublished".into()),
                ("datetime".into(), "2023-02-03".into()),
            ],
        );
        let props = read(&p);
        let get = |n: &str| props.iter().find(|x| x.name == n).map(|x| x.value.as_str());
        assert_eq!(get("headline"), Some("Big news"));
        assert_eq!(get("author"), Some("Ann Lee"));
        assert_eq!(get("datepublished"), Some("2023-02-03"));
        assert_eq!(props[0].scope, "newsarticle");
    }
}
