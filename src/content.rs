//! Main-content detection: finds the article body in a page snapshot and joins its text into
//! one string, keeping a map from every byte of that string back to the text node it came
//! from (so a name found in the text can be highlighted in the live page).

use crate::page::{NodeKind, Page};
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Article {
    /// Main text: text nodes' own characters (white space mapped to ' '), blocks separated
    /// by "\n\n".
    pub text: String,
    /// One entry per text node copied into `text`, in order.
    pub segments: Vec<Segment>,
    /// The snapshot node chosen as the article's container, if any.
    pub root: Option<usize>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Segment {
    /// Byte offset in `Article::text` where this node's text starts.
    pub start: usize,
    pub len: usize,
    /// The text node's handle number in the DOM layer.
    pub dom_index: u32,
}

/// Block-level tags: text on either side of one of these is a separate paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "dl",
    "br",
    "hr",
    "form",
    "address",
];

pub fn is_block(tag: &str) -> bool {
    BLOCK_TAGS.contains(&tag)
}

impl Article {
    /// Maps a byte range of `text` to (dom_index, start, end) ranges inside text nodes.
    pub fn locate(&self, start: usize, end: usize) -> Vec<(u32, usize, usize)> {
        let first = self.segments.partition_point(|s| s.start + s.len <= start);
        let mut out = Vec::new();
        for s in &self.segments[first..] {
            if s.start >= end {
                break;
            }
            let a = start.max(s.start) - s.start;
            let b = end.min(s.start + s.len) - s.start;
            if a < b {
                out.push((s.dom_index, a, b));
            }
        }
        out
    }
}

/// Picks the article container and returns its text.
pub fn extract(page: &Page) -> Article {
    let root = page
        .elements("article")
        .next()
        .or_else(|| page.elements("main").next())
        .or_else(|| page.elements("body").next());
    let mut art = Article {
        root,
        ..Default::default()
    };
    let Some(r) = root else { return art };
    let end = page.subtree_end(r);
    let mut last_block_depth_break = false;
    for i in r..end {
        let n = &page.nodes[i];
        match &n.kind {
            NodeKind::Element { tag, .. } => {
                if BLOCK_TAGS.contains(&tag.as_str()) {
                    last_block_depth_break = true;
                }
            }
            NodeKind::Text { text, dom_index } => {
                if page.nodes[n.parent as usize].is_element("script") {
                    continue;
                }
                if last_block_depth_break && !art.text.is_empty() {
                    art.text.push_str("\n\n");
                }
                last_block_depth_break = false;
                let start = art.text.len();
                art.text.extend(
                    text.chars()
                        .map(|c| if c.is_ascii_whitespace() { ' ' } else { c }),
                );
                art.segments.push(Segment {
                    start,
                    len: text.len(),
                    dom_index: *dom_index,
                });
            }
        }
    }
    art
}
