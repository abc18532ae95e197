//! Reader view (DOM layer): rebuilds the article of a parsed page as fresh, plain elements
//! in an extension page, so the annotations can be shown where the page's CSP stops wasm
//! from running in the page. Nothing from the page is inserted as HTML: every element is
//! created here and every text is set as text; images, scripts and links are left out.

use crate::analysis::content;
use crate::analysis::Analysis;
use crate::page::{NodeKind, Page};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Node};

/// Tags kept as structure in the reader; everything else contributes only its text.
const KEPT: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "li",
    "ul",
    "ol",
    "pre",
    "figcaption",
];

/// Builds the reader article in `container`; returns the new text nodes by `dom_index`.
pub fn build(
    doc: &Document,
    container: &Element,
    page: &Page,
    a: &Analysis,
) -> Result<Vec<Node>, JsValue> {
    while let Some(c) = container.first_child() {
        container.remove_child(&c)?;
    }
    let article = doc.create_element("article")?;
    let h1 = doc.create_element("h1")?;
    h1.set_text_content(Some(a.meta.title.as_deref().unwrap_or("Untitled page")));
    article.append_child(&h1)?;
    let mut byline = Vec::new();
    if let Some(s) = &a.meta.site_name {
        byline.push(s.clone());
    }
    if !a.meta.author.is_empty() {
        byline.push(a.meta.author.join(", "));
    }
    if let Some(d) = &a.meta.date_published {
        byline.push(d.clone());
    }
    if !byline.is_empty() {
        let p = doc.create_element("p")?;
        p.set_class_name("byline");
        p.set_text_content(Some(&byline.join(" · ")));
        article.append_child(&p)?;
    }

    let placeholder: Node = doc.create_text_node("").into();
    let max = page.nodes.iter().filter_map(|n| match n.kind {
        NodeKind::Text { dom_index, .. } if dom_index != u32::MAX => Some(dom_index as usize + 1),
        _ => None,
    });
    let mut texts = vec![placeholder; max.max().unwrap_or(0)];

    // The analysis found the article already: rebuild what it read, not a second guess.
    if let Some(root) = a.content_root.filter(|&r| r < page.nodes.len()) {
        let end = page.subtree_end(root);
        // Stack of (snapshot depth, element) for the kept structure.
        let mut stack: Vec<(u32, Element)> = vec![(page.nodes[root].depth, article.clone())];
        for i in root + 1..end {
            let n = &page.nodes[i];
            while stack.len() > 1 && stack.last().map(|(d, _)| *d >= n.depth).unwrap_or(false) {
                stack.pop();
            }
            let parent = stack
                .last()
                .map(|(_, e)| e.clone())
                .unwrap_or_else(|| article.clone());
            match &n.kind {
                NodeKind::Element { tag, .. } if KEPT.contains(&tag.as_str()) => {
                    let e = doc.create_element(tag)?;
                    parent.append_child(&e)?;
                    stack.push((n.depth, e));
                }
                NodeKind::Element { tag, .. }
                    if content::is_block(tag) && tag != "br" && tag != "hr" =>
                {
                    let e = doc.create_element("div")?;
                    parent.append_child(&e)?;
                    stack.push((n.depth, e));
                }
                NodeKind::Element { .. } => {}
                NodeKind::Text { text, dom_index } => {
                    if *dom_index == u32::MAX {
                        continue;
                    }
                    let t = doc.create_text_node(text);
                    parent.append_child(&t)?;
                    if let Some(slot) = texts.get_mut(*dom_index as usize) {
                        *slot = t.into();
                    }
                }
            }
        }
    }
    container.append_child(&article)?;
    Ok(texts)
}
