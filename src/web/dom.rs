//! DOM reader: copies a live or parsed `Document` into a `page::Page` snapshot, following
//! the same rules as the native reader (`html.rs`), and keeps a handle to every text node so
//! the renderer can highlight spans the analysis found.
//!
//! The walk is iterative (first child / next sibling / parent), so depth costs no stack, and
//! it stops at the snapshot limits or the click's deadline, marking the page truncated. Open
//! shadow roots are read as if their content were the host's children, and a same-origin
//! iframe's document as the frame's content: their text is visible to the reader.
//!
//! Two walks with one set of rules: `src/web/walk.js` (prepended to the glue by the build) walks
//! in JavaScript and hands over flat records in one crossing of the wasm boundary, which
//! `decode` turns into the page; the Rust walk here is the fallback where that binding is
//! missing (the wasm-pack tests' own glue) and the reference the JS walk is checked against.

use crate::analysis::budget::Deadline;
use crate::page::{NodeKind, Page, KEPT_ATTRS, MAX_NODES, MAX_TEXT_BYTES, NO_PARENT, SKIPPED_TAGS};
use js_sys::{Array, Function, Int32Array, Reflect};
use std::borrow::Cow;
use wasm_bindgen::prelude::wasm_bindgen;
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
    /// `texts.get(i)` is the text node whose snapshot `dom_index` is `i`.
    pub texts: TextNodes,
}

/// The text nodes of a snapshot, left in a JS array: the renderer fetches the few it
/// highlights, so the others never cross into wasm.
#[derive(Clone)]
pub struct TextNodes(Array);

impl TextNodes {
    pub fn new() -> TextNodes {
        TextNodes(Array::new())
    }

    pub fn len(&self) -> usize {
        self.0.length() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The node with `dom_index` `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<Node> {
        let i = u32::try_from(i).ok()?;
        if i >= self.0.length() {
            return None;
        }
        node_of(self.0.get(i))
    }

    pub fn push(&self, node: &Node) {
        self.0.push(node);
    }
}

impl Default for TextNodes {
    fn default() -> TextNodes {
        TextNodes::new()
    }
}

impl From<Vec<Node>> for TextNodes {
    fn from(nodes: Vec<Node>) -> TextNodes {
        TextNodes(nodes.iter().collect())
    }
}

/// Reads `doc` (from its root element) into a snapshot.
pub fn read(doc: &Document, url: &str) -> Snapshot {
    read_within(doc, url, Deadline::none())
}

/// Nodes read between two looks at the clock.
const CLOCK_EVERY: usize = 1024;

/// Reads `doc` into a snapshot, stopping (page marked truncated) once `deadline` passes.
pub fn read_within(doc: &Document, url: &str, deadline: Deadline) -> Snapshot {
    read_js(doc, url, deadline).unwrap_or_else(|| read_rust(doc, url, deadline))
}

fn empty(url: &str) -> Snapshot {
    let mut page = Page::new(url);
    page.now_ms = js_sys::Date::now();
    Snapshot {
        page,
        texts: TextNodes::new(),
    }
}

/// The Rust walk: many boundary crossings per node. The fallback, and the reference.
pub fn read_rust(doc: &Document, url: &str, deadline: Deadline) -> Snapshot {
    let mut snap = empty(url);
    if let Some(root) = root_element(doc) {
        GETTERS.with(|g| read_subtree(g, &mut snap, root.unchecked_ref::<Node>(), deadline));
    }
    snap
}

#[wasm_bindgen]
extern "C" {
    /// `NewsmarkWalk.read` of src/web/walk.js; an error when the glue lacks it.
    #[wasm_bindgen(catch, js_namespace = NewsmarkWalk, js_name = read)]
    fn walk_read(
        root: &Node,
        kept_attrs: &str,
        skipped_tags: &str,
        host_id: &str,
        max_nodes: f64,
        max_text_bytes: f64,
        deadline_ms: f64,
    ) -> Result<JsValue, JsValue>;
}

/// The JS walk (src/web/walk.js), or None when the glue does not define it.
pub fn read_js(doc: &Document, url: &str, deadline: Deadline) -> Option<Snapshot> {
    let mut snap = empty(url);
    let Some(root) = root_element(doc) else {
        return Some(snap);
    };
    let out = walk_read(
        &root,
        &KEPT_ATTRS.join(" "),
        &SKIPPED_TAGS.join(" "),
        HOST_ID,
        MAX_NODES as f64,
        MAX_TEXT_BYTES as f64,
        deadline.end_ms().unwrap_or(f64::INFINITY),
    )
    .ok()?;
    let field = |name: &str| Reflect::get(&out, &name.into()).unwrap_or(JsValue::UNDEFINED);
    let s = field("s").as_string().unwrap_or_default();
    let records = field("n")
        .dyn_into::<Int32Array>()
        .map(|a| a.to_vec())
        .unwrap_or_default();
    let texts = field("texts").dyn_into::<Array>().unwrap_or_default();
    let whole = decode(&mut snap.page, &s, &records);
    // The records number the handles in order: more numbers than handles would misplace
    // highlights, fewer (records cut short) leave the numbered ones right.
    let numbered = snap.page.nodes.iter().filter(|n| has_dom(n)).count();
    let handles = texts.length() as usize;
    snap.page.truncated = field("truncated").is_truthy() || !whole || numbered != handles;
    snap.texts = TextNodes(if numbered <= handles {
        texts
    } else {
        Array::new()
    });
    Some(snap)
}

fn has_dom(n: &crate::page::Node) -> bool {
    matches!(n.kind, crate::page::NodeKind::Text { dom_index, .. } if dom_index != NO_DOM)
}

/// A string of concatenated fields, cut by lengths in UTF-16 units (what JS counts) while
/// it is held as UTF-8. A lone surrogate arrives as U+FFFD (one unit), as it would in a
/// string of its own; a surrogate pair split between two fields arrives whole, so the
/// first field ends with U+FFFD and the next one starts with it (`split`).
struct Fields<'a> {
    rest: &'a str,
    split: bool,
}

impl<'a> Fields<'a> {
    fn take(&mut self, len: i32) -> Option<String> {
        self.next(len).map(Cow::into_owned)
    }

    /// The next field, borrowed unless it needs a U+FFFD of a split pair.
    fn next(&mut self, len: i32) -> Option<Cow<'a, str>> {
        let mut len = usize::try_from(len).ok()?;
        if len == 0 {
            return Some(Cow::Borrowed(""));
        }
        let bytes = self.rest.as_bytes();
        if !self.split && bytes.len() >= len && bytes[..len].is_ascii() {
            let (field, rest) = self.rest.split_at(len);
            self.rest = rest;
            return Some(Cow::Borrowed(field));
        }
        let mut out = String::new();
        if self.split {
            out.push('\u{FFFD}');
            len -= 1;
            self.split = false;
        }
        let mut units = 0;
        let mut end = 0;
        for c in self.rest.chars() {
            if units == len {
                break;
            }
            if units + c.len_utf16() > len {
                out.push_str(&self.rest[..end]);
                out.push('\u{FFFD}');
                self.rest = &self.rest[end + c.len_utf8()..];
                self.split = true;
                return Some(Cow::Owned(out));
            }
            units += c.len_utf16();
            end += c.len_utf8();
        }
        if units < len {
            return None;
        }
        out.push_str(&self.rest[..end]);
        self.rest = &self.rest[end..];
        Some(Cow::Owned(out))
    }
}

/// Appends the JS walk's records (see src/web/walk.js) to `page`: element `[0, parent, tagLen,
/// attrCount, nameLen, valueLen, ...]`, text `[1, parent, len, hasDom]`, strings in `s` in
/// record order. Text handles are numbered in record order. Returns false, having kept the
/// records before it, at the first record that does not fit (the page is then truncated).
pub fn decode(page: &mut Page, s: &str, records: &[i32]) -> bool {
    let mut fields = Fields {
        rest: s,
        split: false,
    };
    let mut dom_index = 0u32;
    let mut i = 0;
    // A record takes four numbers or more: the node list never grows while decoding.
    page.nodes.reserve(records.len() / 4);
    while i < records.len() {
        let Some(head) = records.get(i..i + 4) else {
            return false;
        };
        let parent = head[1] as u32;
        if parent != NO_PARENT && parent as usize >= page.nodes.len() {
            return false;
        }
        match head[0] {
            0 => {
                let Some(end) = usize::try_from(head[3])
                    .ok()
                    .and_then(|c| c.checked_mul(2))
                    .and_then(|c| c.checked_add(i + 4))
                    .filter(|&e| e <= records.len())
                else {
                    return false;
                };
                let Some(tag) = fields.next(head[2]) else {
                    return false;
                };
                let mut attrs = Vec::with_capacity((end - i - 4) / 2);
                for pair in records[i + 4..end].chunks_exact(2) {
                    let (Some(k), Some(v)) = (fields.take(pair[0]), fields.take(pair[1])) else {
                        return false;
                    };
                    attrs.push((k, v));
                }
                page.push_element(parent, &tag, attrs);
                i = end;
            }
            1 => {
                let Some(text) = fields.take(head[2]) else {
                    return false;
                };
                let handle = if head[3] != 0 {
                    dom_index += 1;
                    dom_index - 1
                } else {
                    NO_DOM
                };
                page.push_text(parent, text, handle);
                i += 4;
            }
            _ => return false,
        }
    }
    fields.rest.is_empty() && !fields.split
}

/// Reads `doc` with both walks and says where their snapshots first differ ("" when they
/// agree, "no JS walk" when the glue lacks it): the check that the JS walk keeps the rules.
#[wasm_bindgen]
pub fn compare_walks(doc: &Document) -> String {
    let Some(js) = read_js(doc, "", Deadline::none()) else {
        return "no JS walk".into();
    };
    let rs = read_rust(doc, "", Deadline::none());
    if js.page.truncated != rs.page.truncated {
        return format!("truncated {} vs {}", js.page.truncated, rs.page.truncated);
    }
    let (a, b) = (&js.page.nodes, &rs.page.nodes);
    for i in 0..a.len().max(b.len()) {
        let same = match (a.get(i), b.get(i)) {
            (Some(x), Some(y)) => {
                x.parent == y.parent
                    && x.depth == y.depth
                    && match (&x.kind, &y.kind) {
                        (
                            NodeKind::Element { tag: t, attrs: p },
                            NodeKind::Element { tag: u, attrs: q },
                        ) => t == u && p == q,
                        (
                            NodeKind::Text {
                                text: t,
                                dom_index: d,
                            },
                            NodeKind::Text {
                                text: u,
                                dom_index: e,
                            },
                        ) => t == u && d == e,
                        _ => false,
                    }
            }
            _ => false,
        };
        if !same {
            let show = |n: Option<&crate::page::Node>| match n.map(|n| &n.kind) {
                Some(NodeKind::Element { tag, attrs }) => format!("<{tag}> {attrs:?}"),
                Some(NodeKind::Text { text, dom_index }) => format!("{text:?} #{dom_index}"),
                None => "nothing".into(),
            };
            return format!(
                "node {i}: {} (JS) vs {} (Rust)",
                show(a.get(i)),
                show(b.get(i))
            );
        }
    }
    if js.texts.len() != rs.texts.len() {
        return format!("{} vs {} text handles", js.texts.len(), rs.texts.len());
    }
    for i in 0..js.texts.len() {
        if js.texts.get(i) != rs.texts.get(i) {
            return format!("text handle {i} differs");
        }
    }
    String::new()
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
                    snap.texts.push(&node);
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
