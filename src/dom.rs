//! DOM reader: copies a live or parsed `Document` into a `page::Page` snapshot, following
//! the same rules as the native reader (`html.rs`), and keeps a handle to every text node so
//! the renderer can highlight spans the analysis found.
//!
//! The walk is iterative (first child / next sibling / parent), so depth costs no stack, and
//! it stops at the snapshot limits or the click's deadline, marking the page truncated. Open
//! shadow roots are read as if their content were the host's children, and a same-origin
//! iframe's document as the frame's content: their text is visible to the reader.

use crate::budget::Deadline;
use crate::page::{Page, KEPT_ATTRS, MAX_NODES, MAX_TEXT_BYTES, NO_PARENT, SKIPPED_TAGS};
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node};

/// DOM getters taken from the prototypes, never from the objects: a `<form>` (or the
/// document) exposes its named controls as properties, so `form.id` or `form.firstChild`
/// can be an `<input name="id">`. Reading through the prototype's getter is immune, and a
/// non-string result is checked instead of trusted.
struct Getters {
    first_child: Getter,
    next_sibling: Getter,
    node_type: Getter,
    local_name: Getter,
    attributes: Getter,
    shadow_root: Getter,
    content_document: Getter,
    document_element: Getter,
    body: Getter,
}

/// A prototype's getter, or (never in a real browser) plain property access. The fallback
/// is `Reflect.get`, not a function built from source: extension code never evaluates
/// strings.
struct Getter {
    get: Option<Function>,
    name: &'static str,
}

impl Getter {
    fn call0(&self, this: &JsValue) -> Result<JsValue, JsValue> {
        match &self.get {
            Some(f) => f.call0(this),
            None => Reflect::get(this, &self.name.into()),
        }
    }
}

fn getter(proto_of: &str, name: &'static str) -> Getter {
    let found = (|| -> Result<Function, JsValue> {
        let ctor = Reflect::get(&js_sys::global(), &proto_of.into())?;
        let proto = Reflect::get(&ctor, &"prototype".into())?;
        let desc = js_sys::Object::get_own_property_descriptor(&proto.into(), &name.into());
        Reflect::get(&desc, &"get".into())?.dyn_into::<Function>()
    })();
    Getter {
        get: found.ok(),
        name,
    }
}

thread_local! {
    static GETTERS: Getters = Getters {
        first_child: getter("Node", "firstChild"),
        next_sibling: getter("Node", "nextSibling"),
        node_type: getter("Node", "nodeType"),
        local_name: getter("Element", "localName"),
        attributes: getter("Element", "attributes"),
        shadow_root: getter("Element", "shadowRoot"),
        content_document: getter("HTMLIFrameElement", "contentDocument"),
        document_element: getter("Document", "documentElement"),
        body: getter("Document", "body"),
    };
}

/// Null/undefined to None. No `instanceof` check: nodes of a frame's document come from
/// another realm, and the prototype getters only return real nodes anyway.
fn node_of(v: JsValue) -> Option<Node> {
    (!v.is_null() && !v.is_undefined()).then(|| v.unchecked_into())
}

/// `document.documentElement`, safe from clobbering.
pub fn root_element(doc: &Document) -> Option<Element> {
    GETTERS
        .with(|g| g.document_element.call0(doc).ok())
        .and_then(node_of)
        .map(|n| n.unchecked_into())
}

/// `document.body`, safe from clobbering.
pub fn body(doc: &Document) -> Option<Element> {
    GETTERS
        .with(|g| g.body.call0(doc).ok())
        .and_then(node_of)
        .map(|n| n.unchecked_into())
}

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
    read_within(doc, url, Deadline::none())
}

/// Nodes read between two looks at the clock.
const CLOCK_EVERY: usize = 1024;

/// Reads `doc` into a snapshot, stopping (page marked truncated) once `deadline` passes.
pub fn read_within(doc: &Document, url: &str, deadline: Deadline) -> Snapshot {
    let mut snap = Snapshot {
        page: Page::new(url),
        texts: Vec::new(),
    };
    snap.page.now_ms = js_sys::Date::now();
    if let Some(root) = root_element(doc) {
        GETTERS.with(|g| read_subtree(g, &mut snap, root.unchecked_ref::<Node>(), deadline));
    }
    snap
}

fn read_subtree(g: &Getters, snap: &mut Snapshot, root: &Node, deadline: Deadline) {
    // Path of (DOM node, snapshot index) from `root` to the current node's parent.
    let mut path: Vec<(Node, u32)> = Vec::new();
    let mut text_bytes = 0usize;
    let mut cur: Option<Node> = Some(root.clone());
    let mut parent_idx = NO_PARENT;
    while let Some(node) = cur {
        let n = snap.page.nodes.len();
        if n >= MAX_NODES
            || text_bytes >= MAX_TEXT_BYTES
            || (n.is_multiple_of(CLOCK_EVERY) && n > 0 && deadline.passed())
        {
            snap.page.truncated = true;
            return;
        }
        let mut descend: Option<(Node, u32)> = None;
        let node_type = g
            .node_type
            .call0(&node)
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u16;
        match node_type {
            Node::ELEMENT_NODE => {
                let tag = g
                    .local_name
                    .call0(&node)
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let attrs = kept_attrs(g, &node);
                let ours = attrs.iter().any(|(k, v)| k == "id" && v == HOST_ID);
                let skip = tag.is_empty() || SKIPPED_TAGS.contains(&tag.as_str()) || ours;
                // A same-origin frame's body reads as the frame's content (its head is not
                // this page's metadata); a cross-origin frame has no contentDocument and is
                // skipped like any frame.
                let frame_root = (tag == "iframe" && !ours)
                    .then(|| g.content_document.call0(&node).ok().and_then(node_of))
                    .flatten()
                    .and_then(|d| g.body.call0(&d).ok().and_then(node_of));
                if let Some(fr) = frame_root {
                    let idx = snap.page.push_element(parent_idx, &tag, attrs);
                    descend = Some((fr, idx));
                } else if !skip {
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
                        let shadow = g.shadow_root.call0(&node).ok().and_then(node_of);
                        let first = g
                            .first_child
                            .call0(shadow.as_ref().unwrap_or(&node))
                            .ok()
                            .and_then(node_of);
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
        let sibling = |n: &Node| g.next_sibling.call0(n).ok().and_then(node_of);
        let mut next = if node == *root { None } else { sibling(&node) };
        while next.is_none() {
            let Some((up, up_parent)) = path.pop() else {
                break;
            };
            parent_idx = up_parent;
            next = if up == *root { None } else { sibling(&up) };
        }
        cur = next;
    }
}

fn kept_attrs(g: &Getters, el: &Node) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Some(map) = g
        .attributes
        .call0(el)
        .ok()
        .and_then(node_of)
        .map(|n| n.unchecked_into::<web_sys::NamedNodeMap>())
    else {
        return out;
    };
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
