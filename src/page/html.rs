//! Native HTML reader: parses an HTML string with html5ever into the same `Page` snapshot the
//! browser's DOM layer builds, following the same rules (see `dom.rs`), so tools and tests
//! outside the browser see what the extension sees. Only built with the `native` feature.

use crate::page::{Page, KEPT_ATTRS, MAX_NODES, MAX_TEXT_BYTES, NO_PARENT, SKIPPED_TAGS};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{parse_document, ParseOpts};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

/// Marks text that has no DOM handle (JSON-LD script bodies).
pub const NO_DOM: u32 = u32::MAX;

/// Parses `html` like `DOMParser.parseFromString(html, "text/html")` (scripting disabled)
/// and reads it into a snapshot.
pub fn read_html(html: &str, url: &str) -> Page {
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    let dom = parse_document(RcDom::default(), opts).one(html);
    let mut page = Page::new(url);
    page.now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as f64)
        .unwrap_or(0.0);
    // Explicit stack of (node, parent index in the snapshot): no recursion.
    let mut stack: Vec<(Handle, u32)> = Vec::new();
    for child in dom.document.children.borrow().iter().rev() {
        stack.push((child.clone(), NO_PARENT));
    }
    let mut text_bytes = 0usize;
    let mut dom_index = 0u32;
    while let Some((node, parent)) = stack.pop() {
        if page.nodes.len() >= MAX_NODES || text_bytes >= MAX_TEXT_BYTES {
            page.truncated = true;
            break;
        }
        match &node.data {
            NodeData::Element { name, attrs, .. } => {
                let tag = name.local.as_ref().to_ascii_lowercase();
                if SKIPPED_TAGS.contains(&tag.as_str()) {
                    continue;
                }
                let kept: Vec<(String, String)> = attrs
                    .borrow()
                    .iter()
                    .filter_map(|a| {
                        let k = a.name.local.as_ref().to_ascii_lowercase();
                        KEPT_ATTRS
                            .contains(&k.as_str())
                            .then(|| (k, a.value.to_string()))
                    })
                    .collect();
                if tag == "script" {
                    let is_ld = kept
                        .iter()
                        .any(|(k, v)| k == "type" && v.to_ascii_lowercase().contains("ld+json"));
                    if !is_ld {
                        continue;
                    }
                    let idx = page.push_element(parent, &tag, kept);
                    let mut body = String::new();
                    for c in node.children.borrow().iter() {
                        if let NodeData::Text { contents } = &c.data {
                            body.push_str(&contents.borrow());
                        }
                    }
                    text_bytes += body.len();
                    page.push_text(idx, body, NO_DOM);
                    continue;
                }
                let idx = page.push_element(parent, &tag, kept);
                // <template> content lives in a separate fragment and is skipped above.
                for child in node.children.borrow().iter().rev() {
                    stack.push((child.clone(), idx));
                }
            }
            NodeData::Text { contents } => {
                if parent == NO_PARENT {
                    continue;
                }
                let t = contents.borrow().to_string();
                if t.is_empty() {
                    continue;
                }
                text_bytes += t.len();
                page.push_text(parent, t, dom_index);
                dom_index += 1;
            }
            _ => {}
        }
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_head_body_and_json_ld() {
        let p = read_html(
            r#"<html lang="en"><head><title>T</title><meta property="og:title" content="OG">
            <script type="application/ld+json">{"@type":"NewsArticle"}</script>
            <script>var x = 1;</script><style>p{}</style></head>
            <body><p class="a" onclick="x()">Hello <b>world</b></p><noscript>no</noscript></body></html>"#,
            "http://example.com/a",
        );
        let tags: Vec<_> = p.nodes.iter().filter_map(|n| n.tag()).collect();
        assert_eq!(
            tags,
            vec!["html", "head", "title", "meta", "script", "body", "p", "b"]
        );
        assert_eq!(p.nodes[0].attr("lang"), Some("en"));
        let script = p.elements("script").next().unwrap();
        assert_eq!(
            p.nodes[script + 1].text(),
            Some("{\"@type\":\"NewsArticle\"}")
        );
        let para = p.elements("p").next().unwrap();
        assert_eq!(p.text_of(para), "Hello world");
        assert_eq!(p.nodes[para].attr("onclick"), None);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(10_000) + "deep" + &"</div>".repeat(10_000);
        let p = read_html(&html, "");
        assert!(p.nodes.iter().any(|n| n.text() == Some("deep")));
    }
}
