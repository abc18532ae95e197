//! The page snapshot: a plain, owned copy of the parts of a document the analysis needs.
//!
//! The DOM layer (`dom.rs`, in the browser) and the native HTML reader (`html.rs`, for tools
//! and tests) both produce this same shape, so every analysis runs on it without web-sys.
//! Nodes are kept flat in document order with parent links: the analysis walks them with
//! loops, never recursion, so a 10,000-level deep page cannot overflow the stack.

#[cfg(feature = "native")]
pub mod html;

use crate::text::ascii::collapse_ws;
use serde::Serialize;

/// Attributes worth copying out of the DOM. Everything else (style, data-*, event handlers)
/// stays behind: it is never needed and copying it would cost time on big pages.
pub const KEPT_ATTRS: &[&str] = &[
    "id",
    "class",
    "itemprop",
    "itemtype",
    "itemscope",
    "rel",
    "href",
    "content",
    "property",
    "name",
    "datetime",
    "lang",
    "type",
    "role",
    "hidden",
    "aria-hidden",
    "src",
    "http-equiv",
    "title",
    "pubdate",
    "data-src",
    "srcset",
    "value",
];

/// Elements whose subtree is never read: not visible text, or not part of the document.
/// (`script` is special-cased: JSON-LD scripts keep their text.)
pub const SKIPPED_TAGS: &[&str] = &[
    "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video",
    "audio", "select", "textarea", "button", "input",
];

/// Hard limits that keep one click bounded on any page.
pub const MAX_NODES: usize = 200_000;
pub const MAX_TEXT_BYTES: usize = 12 * 1024 * 1024;

#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// The address of the document (may be empty when unknown).
    pub url: String,
    /// Flat nodes in document order; `nodes[0]` is the root element when the page has one.
    pub nodes: Vec<Node>,
    /// Wall-clock time at reading, in milliseconds since the Unix epoch (for "3 years ago").
    pub now_ms: f64,
    /// True when the reader stopped at `MAX_NODES` / `MAX_TEXT_BYTES`.
    pub truncated: bool,
    /// `subtree_end` of every node, computed on first use: the stages ask for it per node,
    /// and a scan per call is quadratic on deeply nested pages.
    #[serde(skip)]
    ends: std::sync::OnceLock<Vec<u32>>,
    /// `hint_flags` of every node, computed on first use.
    #[serde(skip)]
    hints: std::sync::OnceLock<Vec<u8>>,
}

/// Words in an element's class or id that the metadata stages look for (`Page::hints`).
pub mod hint {
    /// A date line: "date", "time", "publish", "posted", "byline", "dateline", "meta",
    /// "timestamp".
    pub const DATEY: u8 = 1;
    /// An update line: "update", "modif".
    pub const UPDATED: u8 = 2;
    /// A byline or an aside: "comment", "related", "sidebar", "byline", "by-line",
    /// "author", "writer", "autor", "auteur" (in class, id or rel).
    pub const BYLINE_OR_ASIDE: u8 = 4;
    /// "footer".
    pub const FOOTER: u8 = 8;
}

#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// Index of the parent node, or `NO_PARENT` for the root.
    pub parent: u32,
    pub depth: u32,
    pub kind: NodeKind,
}

pub const NO_PARENT: u32 = u32::MAX;

#[derive(Debug, Clone, Serialize)]
pub enum NodeKind {
    /// Lower-case tag name and the kept attributes (names lower-case), in source order.
    Element {
        tag: String,
        attrs: Vec<(String, String)>,
    },
    /// A text node. `dom_index` numbers the text nodes the DOM layer holds handles for, so
    /// a span of this text maps back to a live `Text` node for highlighting.
    Text { text: String, dom_index: u32 },
}

impl Node {
    pub fn tag(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Element { tag, .. } => Some(tag),
            NodeKind::Text { .. } => None,
        }
    }
    pub fn attr(&self, name: &str) -> Option<&str> {
        match &self.kind {
            NodeKind::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str()),
            NodeKind::Text { .. } => None,
        }
    }
    pub fn text(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Text { text, .. } => Some(text),
            NodeKind::Element { .. } => None,
        }
    }
    pub fn is_element(&self, name: &str) -> bool {
        self.tag() == Some(name)
    }
}

impl Page {
    pub fn new(url: &str) -> Page {
        Page {
            url: url.to_string(),
            nodes: Vec::new(),
            now_ms: 0.0,
            truncated: false,
            ends: std::sync::OnceLock::new(),
            hints: std::sync::OnceLock::new(),
        }
    }

    /// Builder used by both readers: appends an element and returns its index.
    pub fn push_element(&mut self, parent: u32, tag: &str, attrs: Vec<(String, String)>) -> u32 {
        self.ends.take();
        self.hints.take();
        let depth = self.depth_under(parent);
        self.nodes.push(Node {
            parent,
            depth,
            kind: NodeKind::Element {
                tag: tag.to_string(),
                attrs,
            },
        });
        (self.nodes.len() - 1) as u32
    }

    /// Appends a text node; `dom_index` is the reader's handle number for it.
    pub fn push_text(&mut self, parent: u32, text: String, dom_index: u32) -> u32 {
        self.ends.take();
        self.hints.take();
        let depth = self.depth_under(parent);
        self.nodes.push(Node {
            parent,
            depth,
            kind: NodeKind::Text { text, dom_index },
        });
        (self.nodes.len() - 1) as u32
    }

    fn depth_under(&self, parent: u32) -> u32 {
        if parent == NO_PARENT {
            0
        } else {
            self.nodes[parent as usize].depth + 1
        }
    }

    /// The `hint` flags of node `i`. Pages repeat a few class strings on many elements, so
    /// each distinct value is searched once, for all the words at once.
    pub fn hints<'s>(&'s self, i: usize) -> u8 {
        let all = self.hints.get_or_init(|| {
            let mut seen: std::collections::HashMap<&str, u8> = Default::default();
            let mut of = |v: &'s str| -> u8 { *seen.entry(v).or_insert_with(|| hint_flags(v)) };
            self.nodes
                .iter()
                .map(|n| {
                    let class_id = ["class", "id"]
                        .iter()
                        .filter_map(|a| n.attr(a))
                        .fold(0, |acc, v| acc | of(v));
                    let rel = n.attr("rel").map_or(0, |v| of(v) & hint::BYLINE_OR_ASIDE);
                    class_id | rel
                })
                .collect()
        });
        all.get(i).copied().unwrap_or(0)
    }

    /// Index just past the subtree rooted at `i` (nodes are in document order).
    pub fn subtree_end(&self, i: usize) -> usize {
        let ends = self.ends.get_or_init(|| {
            // A node's subtree ends where the next node at its depth or shallower starts.
            let n = self.nodes.len();
            let mut ends = vec![n as u32; n];
            // nearest[k]: the nearest later node at depth <= k; past the end of the vector,
            // the last entry (or n) holds for every deeper k.
            let mut nearest: Vec<u32> = Vec::new();
            for j in (0..n).rev() {
                let d = self.nodes[j].depth as usize;
                let deeper = nearest.last().copied().unwrap_or(n as u32);
                ends[j] = nearest.get(d).copied().unwrap_or(deeper);
                nearest.resize(d, deeper);
                nearest.push(j as u32);
            }
            ends
        });
        ends[i] as usize
    }

    /// The text of the subtree rooted at `i`, whitespace collapsed.
    pub fn text_of(&self, i: usize) -> String {
        let end = self.subtree_end(i);
        let mut out = String::new();
        for n in &self.nodes[i..end] {
            if let Some(t) = n.text() {
                if self.in_json_ld(n) {
                    continue;
                }
                out.push_str(t);
                out.push(' ');
            }
        }
        collapse_ws(&out)
    }

    /// `text_of(i)` when it holds at most `max_chars` characters, else None. Stops reading
    /// once the subtree holds more: callers that only want short texts (date lines,
    /// bylines) would otherwise copy whole wrappers, again for each nested one.
    pub fn text_within(&self, i: usize, max_chars: usize) -> Option<String> {
        let d = self.nodes.get(i)?.depth;
        let mut out = String::new();
        let mut seen = 0usize;
        for (j, n) in self.nodes.iter().enumerate().skip(i) {
            if j > i && n.depth <= d {
                break;
            }
            if let Some(t) = n.text() {
                if self.in_json_ld(n) {
                    continue;
                }
                // Collapsing keeps every non-space character.
                seen += t.chars().filter(|c| !c.is_whitespace()).count();
                if seen > max_chars {
                    return None;
                }
                out.push_str(t);
                out.push(' ');
            }
        }
        let out = collapse_ws(&out);
        (out.chars().count() <= max_chars).then_some(out)
    }

    fn in_json_ld(&self, n: &Node) -> bool {
        n.parent != NO_PARENT && self.nodes[n.parent as usize].is_element("script")
    }

    /// Indices of the elements with this tag, in document order.
    pub fn elements<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.nodes
            .iter()
            .enumerate()
            .filter(move |(_, n)| n.is_element(tag))
            .map(|(i, _)| i)
    }

    /// The ancestors of node `i`, nearest first.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut p = self.nodes[i].parent;
        std::iter::from_fn(move || {
            if p == NO_PARENT {
                None
            } else {
                let cur = p as usize;
                p = self.nodes[cur].parent;
                Some(cur)
            }
        })
    }
}

const HINT_WORDS: &[(&str, u8)] = &[
    ("date", hint::DATEY),
    ("time", hint::DATEY),
    ("publish", hint::DATEY),
    ("posted", hint::DATEY),
    ("byline", hint::DATEY | hint::BYLINE_OR_ASIDE),
    ("dateline", hint::DATEY),
    ("meta", hint::DATEY),
    ("timestamp", hint::DATEY),
    ("update", hint::UPDATED),
    ("modif", hint::UPDATED),
    ("comment", hint::BYLINE_OR_ASIDE),
    ("related", hint::BYLINE_OR_ASIDE),
    ("sidebar", hint::BYLINE_OR_ASIDE),
    ("by-line", hint::BYLINE_OR_ASIDE),
    ("author", hint::BYLINE_OR_ASIDE),
    ("writer", hint::BYLINE_OR_ASIDE),
    ("autor", hint::BYLINE_OR_ASIDE),
    ("auteur", hint::BYLINE_OR_ASIDE),
    ("footer", hint::FOOTER),
];

/// The `hint` flags of one class, id or rel value: one pass, trying at each byte only the
/// words that start with its letter.
fn hint_flags(v: &str) -> u8 {
    let b = v.as_bytes();
    let mut flags = 0;
    for i in 0..b.len() {
        let c = b[i].to_ascii_lowercase();
        for (w, f) in HINT_WORDS {
            let w = w.as_bytes();
            if w[0] == c
                && b.get(i..i + w.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(w))
            {
                flags |= f;
            }
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::ascii::contains_ci;

    #[test]
    fn text_within_agrees_with_text_of() {
        let mut p = Page::new("http://x/");
        let html = p.push_element(NO_PARENT, "html", vec![]);
        let body = p.push_element(html, "body", vec![]);
        let div = p.push_element(body, "div", vec![]);
        p.push_text(div, "  Ann   Lee ".into(), 0);
        let span = p.push_element(div, "span", vec![]);
        p.push_text(span, "and Bo".into(), 1);
        p.push_text(body, "after".into(), 2);
        let whole = p.text_of(div as usize);
        assert_eq!(whole, "Ann Lee and Bo");
        assert_eq!(p.text_within(div as usize, 14), Some(whole));
        assert_eq!(p.text_within(div as usize, 13), None);
        assert_eq!(p.text_within(body as usize, 5), None);
        assert_eq!(p.text_within(99, 5), None);
    }

    #[test]
    fn hint_flags_agree_with_a_search_per_word() {
        for v in [
            "",
            "Post-Date",
            "byline author",
            "FOOTER x",
            "modified-time",
            "nav",
            "By-Line",
            "publishTimestamp",
        ] {
            let want = HINT_WORDS
                .iter()
                .filter(|(w, _)| contains_ci(v, w))
                .fold(0, |acc, (_, f)| acc | f);
            assert_eq!(hint_flags(v), want, "{v:?}");
        }
    }

    #[test]
    fn subtree_ends_match_a_scan() {
        let mut p = Page::new("");
        let html = p.push_element(NO_PARENT, "html", vec![]);
        let body = p.push_element(html, "body", vec![]);
        let a = p.push_element(body, "div", vec![]);
        let b = p.push_element(a, "p", vec![]);
        p.push_text(b, "x".into(), 0);
        let c = p.push_element(a, "p", vec![]);
        p.push_text(c, "y".into(), 1);
        p.push_element(body, "div", vec![]);
        let d = p.push_element(html, "footer", vec![]);
        p.push_text(d, "z".into(), 2);
        for i in 0..p.nodes.len() {
            let depth = p.nodes[i].depth;
            let want = (i + 1..p.nodes.len())
                .find(|&j| p.nodes[j].depth <= depth)
                .unwrap_or(p.nodes.len());
            assert_eq!(p.subtree_end(i), want, "node {i}");
        }
    }

    #[test]
    fn subtree_and_text() {
        let mut p = Page::new("http://x/");
        let html = p.push_element(NO_PARENT, "html", vec![]);
        let body = p.push_element(html, "body", vec![]);
        let para = p.push_element(body, "p", vec![("class".into(), "lead".into())]);
        p.push_text(para, "Hello \n world".into(), 0);
        let other = p.push_element(body, "p", vec![]);
        p.push_text(other, "again".into(), 1);
        assert_eq!(p.subtree_end(para as usize), other as usize);
        assert_eq!(p.text_of(para as usize), "Hello world");
        assert_eq!(p.text_of(body as usize), "Hello world again");
        assert_eq!(p.nodes[para as usize].attr("class"), Some("lead"));
        assert_eq!(p.ancestors(3).collect::<Vec<_>>(), vec![2, 1, 0]);
    }
}
