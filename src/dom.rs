//! DOM reader: copies a live or parsed `Document` into a `page::Page` snapshot, following
//! the same rules as the native reader (`html.rs`), and keeps a handle to every text node so
//! the renderer can highlight spans the analysis found.
//!
//! The walk is iterative (first child / next sibling / parent), so depth costs no stack, and
//! it stops at the snapshot limits, marking the page truncated. Open shadow roots are read
//! as if their content were the host's children: their text is visible to the reader.

use crate::page::{Page, KEPT_ATTRS, MAX_NODES, MAX_TEXT_BYTES, NO_PARENT, SKIPPED_TAGS};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

/// Marks text that has no DOM handle (JSON-LD script bodies).
pub const NO_DOM: u32 = u32::MAX;

/// The id of Newsmark's own panel host: never read.
pub const HOST_ID: &str = "newsmark-host";

pub struct Snapshot {
    pub page: Page,
    /// `texts[i]` is the text node whose snapshot `dom_index` is `i`.
    pub texts: Vec<Node>,
}

/// Reads `doc` (from its root element) into a snapshot.
pub fn read(doc: &Document, url: &str) -> Snapshot {
    let mut snap = Snapshot {
        page: Page::new(url),
        texts: Vec::new(),
    };
    snap.page.now_ms = js_sys::Date::now();
    if let Some(root) = doc.document_element() {
        read_subtree(&mut snap, root.unchecked_ref::<Node>());
    }
    snap
}

fn read_subtree(snap: &mut Snapshot, root: &Node) {
    // Path of (DOM node, snapshot index) from `root` to the current node's parent.
    let mut path: Vec<(Node, u32)> = Vec::new();
    let mut text_bytes = 0usize;
    let mut cur: Option<Node> = Some(root.clone());
    let mut parent_idx = NO_PARENT;
    while let Some(node) = cur {
        if snap.page.nodes.len() >= MAX_NODES || text_bytes >= MAX_TEXT_BYTES {
            snap.page.truncated = true;
            return;
        }
        let mut descend: Option<(Node, u32)> = None;
        match node.node_type() {
            Node::ELEMENT_NODE => {
                let el: &Element = node.unchecked_ref();
                let tag = el.local_name().to_ascii_lowercase();
                let skip = SKIPPED_TAGS.contains(&tag.as_str()) || el.id() == HOST_ID;
                if !skip {
                    let attrs = kept_attrs(el);
                    if tag == "script" {
                        let is_ld = attrs.iter().any(|(k, v)| {
                            k == "type" && v.to_ascii_lowercase().contains("ld+json")
                        });
                        if is_ld {
                            let idx = snap.page.push_element(parent_idx, &tag, attrs);
                            let body = node.text_content().unwrap_or_default();
                            text_bytes += body.len();
                            snap.page.push_text(idx, body, NO_DOM);
                        }
                    } else {
                        let idx = snap.page.push_element(parent_idx, &tag, attrs);
                        // An open shadow root's content is what the reader sees; read it in
                        // place of the light children it would slot.
                        let first = match el.shadow_root() {
                            Some(sr) => sr.first_child(),
                            None => node.first_child(),
                        };
                        if let Some(f) = first {
                            descend = Some((f, idx));
                        }
                    }
                }
            }
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE if parent_idx != NO_PARENT => {
                let t = node.node_value().unwrap_or_default();
                if !t.is_empty() {
                    text_bytes += t.len();
                    let dom_index = snap.texts.len() as u32;
                    snap.page.push_text(parent_idx, t, dom_index);
                    snap.texts.push(node.clone());
                }
            }
            _ => {}
        }
        if let Some((first, idx)) = descend {
            path.push((node, parent_idx));
            parent_idx = idx;
            cur = Some(first);
            continue;
        }
        // Next sibling, or climb until an ancestor has one. Never leave `root`.
        let mut next = if node == *root {
            None
        } else {
            node.next_sibling()
        };
        while next.is_none() {
            let Some((up, up_parent)) = path.pop() else {
                break;
            };
            parent_idx = up_parent;
            next = if up == *root { None } else { up.next_sibling() };
        }
        cur = next;
    }
}

fn kept_attrs(el: &Element) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if !el.has_attributes() {
        return out;
    }
    let map = el.attributes();
    for i in 0..map.length() {
        if let Some(a) = map.item(i) {
            let name = a.local_name().to_ascii_lowercase();
            if KEPT_ATTRS.contains(&name.as_str()) {
                out.push((name, a.value()));
            }
        }
    }
    out
}
