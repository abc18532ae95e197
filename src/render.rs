//! Renderer: shows an analysis in a document as a panel (in a shadow root, styled by a
//! constructable stylesheet so page CSS and page CSP cannot touch it) and as highlights of
//! the mentions (CSS Custom Highlight API, which leaves the page's DOM untouched; `<mark>`
//! wrapping only where that API is missing). `clear` removes every trace.
//!
//! Page text is only ever set with `set_text_content`; links are only http(s).

use crate::analysis::Analysis;
use crate::dom::HOST_ID;
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, Element, Node, ShadowRootInit, ShadowRootMode};

const PANEL_CSS: &str = include_str!("panel.css");
/// Styles for highlights: they apply to page text, so they go into the page's adopted sheets.
const PAGE_CSS: &str =
    "::highlight(newsmark-official){background-color:rgba(255,200,0,.45);color:inherit}\
::highlight(newsmark-person){background-color:rgba(120,180,255,.35)}\
::highlight(newsmark-place){background-color:rgba(120,220,150,.35)}\
::highlight(newsmark-date){background-color:rgba(230,150,255,.35)}\
mark[data-newsmark-mark]{background:rgba(255,200,0,.45);color:inherit}";
pub const HIGHLIGHT_KINDS: &[&str] = &["official", "person", "place", "date"];

/// What `clear` needs to undo a render.
pub struct Rendered {
    host: Element,
    page_sheet: Option<CssStyleSheet>,
    highlight_names: Vec<String>,
    marks: Vec<Element>,
}

impl Rendered {
    pub fn host(&self) -> &Element {
        &self.host
    }
}

type R<T> = Result<T, JsValue>;

fn el(doc: &Document, tag: &str, class: &str, text: Option<&str>) -> R<Element> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    Ok(e)
}

/// The global object of the window showing `doc` (a frame's document has its own), falling
/// back to ours. Stylesheets and highlights must come from the document's own window.
fn doc_global(doc: &Document) -> JsValue {
    match doc.default_view() {
        Some(w) => w.into(),
        None => js_sys::global().into(),
    }
}

fn new_sheet(doc: &Document) -> R<CssStyleSheet> {
    let ctor: js_sys::Function =
        Reflect::get(&doc_global(doc), &"CSSStyleSheet".into())?.dyn_into()?;
    Ok(Reflect::construct(&ctor, &Array::new())?.unchecked_into())
}

/// Creates an element and appends it to `parent`.
fn add(doc: &Document, parent: &Element, tag: &str, class: &str, text: Option<&str>) -> R<Element> {
    let e = el(doc, tag, class, text)?;
    parent.append_child(&e)?;
    Ok(e)
}

/// Renders the panel and highlights. `texts[i]` is the text node with `dom_index` i.
pub fn render(doc: &Document, analysis: &Analysis, texts: &[Node]) -> R<Rendered> {
    let host = doc.create_element("newsmark-panel")?;
    host.set_id(HOST_ID);
    host.set_attribute("data-newsmark", "panel")?;
    let init = ShadowRootInit::new(ShadowRootMode::Open);
    let shadow = host.attach_shadow(&init)?;
    let sheet = new_sheet(doc)?;
    sheet.replace_sync(PANEL_CSS)?;
    shadow.set_adopted_style_sheets(&Array::of1(&sheet));
    let panel = build_panel(doc, analysis)?;
    shadow.append_child(&panel)?;
    let parent: Node = match doc.body() {
        Some(b) => b.into(),
        None => doc
            .document_element()
            .ok_or("document has no root element")?
            .into(),
    };
    parent.append_child(&host)?;

    let page_sheet = new_sheet(doc).ok();
    if let Some(s) = &page_sheet {
        let _ = s.replace_sync(PAGE_CSS);
        let sheets = doc.adopted_style_sheets();
        sheets.push(s);
        doc.set_adopted_style_sheets(&sheets);
    }
    let mut out = Rendered {
        host,
        page_sheet,
        highlight_names: Vec::new(),
        marks: Vec::new(),
    };
    highlight(doc, analysis, texts, &mut out)?;
    out.host.set_attribute("data-state", "done")?;
    Ok(out)
}

/// Shows a short error in a panel; the page is otherwise untouched.
pub fn render_error(doc: &Document, message: &str) -> R<Rendered> {
    let mut a = Analysis::default();
    a.notes.push(message.to_string());
    let r = render(doc, &a, &[])?;
    r.host.set_attribute("data-state", "error")?;
    if let Some(sr) = r.host.shadow_root() {
        if let Some(e) = sr.query_selector("[data-field=notes]")? {
            e.set_attribute("data-field", "error")?;
        }
    }
    Ok(r)
}

fn highlight(doc: &Document, a: &Analysis, texts: &[Node], out: &mut Rendered) -> R<()> {
    let global = doc_global(doc);
    let css = Reflect::get(&global, &"CSS".into())?;
    let registry = if css.is_undefined() {
        JsValue::UNDEFINED
    } else {
        Reflect::get(&css, &"highlights".into())?
    };
    let ctor = Reflect::get(&global, &"Highlight".into())?;
    let api = !registry.is_undefined() && ctor.is_function();
    for kind in HIGHLIGHT_KINDS {
        let ranges = Array::new();
        for m in a.mentions.iter().filter(|m| m.kind == *kind) {
            let Some(node) = texts.get(m.dom_index as usize) else {
                continue;
            };
            // Text read from a same-origin frame lives in another document, whose
            // highlights this document's registry cannot paint: it stays unhighlighted.
            if node.owner_document().as_ref() != Some(doc) {
                continue;
            }
            let text = node.node_value().unwrap_or_default();
            let (Some(s), Some(e)) = (utf16_offset(&text, m.start), utf16_offset(&text, m.end))
            else {
                continue;
            };
            let range = doc.create_range()?;
            range.set_start(node, s)?;
            range.set_end(node, e)?;
            ranges.push(&range);
        }
        if ranges.length() == 0 {
            continue;
        }
        let name = format!("newsmark-{kind}");
        if api {
            let hl = Reflect::construct(ctor.unchecked_ref::<js_sys::Function>(), &ranges)?;
            let set: js_sys::Function = Reflect::get(&registry, &"set".into())?.dyn_into()?;
            set.call2(&registry, &name.clone().into(), &hl)?;
            out.highlight_names.push(name);
        } else if *kind == "official" {
            // Wrap from the last range backwards so earlier offsets stay valid.
            for i in (0..ranges.length()).rev() {
                let range: web_sys::Range = ranges.get(i).unchecked_into();
                let mark = doc.create_element("mark")?;
                mark.set_attribute("data-newsmark-mark", kind)?;
                if range.surround_contents(&mark).is_ok() {
                    out.marks.push(mark);
                }
            }
        }
    }
    Ok(())
}

/// Converts a byte offset in `s` to a UTF-16 offset (DOM ranges count UTF-16 units).
fn utf16_offset(s: &str, byte: usize) -> Option<u32> {
    if !s.is_char_boundary(byte) {
        return None;
    }
    Some(s[..byte].encode_utf16().count() as u32)
}

/// Removes the panel, highlights, page stylesheet and marks: the DOM is as it was.
pub fn clear(doc: &Document, r: Rendered) {
    r.host.remove();
    if let Ok(css) = Reflect::get(&doc_global(doc), &"CSS".into()) {
        if let Ok(reg) = Reflect::get(&css, &"highlights".into()) {
            if let Ok(del) = Reflect::get(&reg, &"delete".into()) {
                if let Ok(del) = del.dyn_into::<js_sys::Function>() {
                    for n in &r.highlight_names {
                        let _ = del.call1(&reg, &n.into());
                    }
                }
            }
        }
    }
    if let Some(s) = r.page_sheet {
        let sheets = doc.adopted_style_sheets();
        let keep = Array::new();
        for v in sheets.iter() {
            if v != JsValue::from(&s) {
                keep.push(&v);
            }
        }
        doc.set_adopted_style_sheets(&keep);
    }
    for m in r.marks {
        if let Some(p) = m.parent_node() {
            while let Some(c) = m.first_child() {
                let _ = p.insert_before(&c, Some(&m));
            }
            let _ = p.remove_child(&m);
            p.normalize();
        }
    }
}

/// Removes what any earlier render left in `doc`, found by its marks rather than by a
/// `Rendered` record (a failed wasm instance takes its records with it): panels, the
/// highlight names, the page stylesheet (recognised by its first rule) and `<mark>`s.
pub fn sweep(doc: &Document) {
    if let Ok(list) = doc.query_selector_all("newsmark-panel[data-newsmark], [data-newsmark=panel]")
    {
        for i in 0..list.length() {
            if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                e.remove();
            }
        }
    }
    let global = doc_global(doc);
    if let Ok(reg) = Reflect::get(&global, &"CSS".into())
        .and_then(|css| Reflect::get(&css, &"highlights".into()))
    {
        if let Ok(del) =
            Reflect::get(&reg, &"delete".into()).and_then(|d| d.dyn_into::<js_sys::Function>())
        {
            for kind in HIGHLIGHT_KINDS {
                let _ = del.call1(&reg, &format!("newsmark-{kind}").into());
            }
        }
    }
    let sheets = doc.adopted_style_sheets();
    let keep = Array::new();
    for v in sheets.iter() {
        let ours = v
            .dyn_ref::<CssStyleSheet>()
            .and_then(|s| s.css_rules().ok())
            .and_then(|rules| rules.item(0))
            .map(|r| r.css_text().contains("newsmark-official"))
            .unwrap_or(false);
        if !ours {
            keep.push(&v);
        }
    }
    if keep.length() != sheets.length() {
        doc.set_adopted_style_sheets(&keep);
    }
    if let Ok(marks) = doc.query_selector_all("mark[data-newsmark-mark]") {
        for i in 0..marks.length() {
            let Some(m) = marks.item(i) else { continue };
            if let Some(p) = m.parent_node() {
                while let Some(c) = m.first_child() {
                    let _ = p.insert_before(&c, Some(&m));
                }
                let _ = p.remove_child(&m);
                p.normalize();
            }
        }
    }
}

fn build_panel(doc: &Document, a: &Analysis) -> R<Element> {
    let panel = el(doc, "section", "panel", None)?;
    panel.set_attribute("role", "complementary")?;
    panel.set_attribute("aria-label", "Newsmark")?;
    let head = el(doc, "header", "head", None)?;
    add(doc, &head, "span", "brand", Some("Newsmark"))?;
    let close = el(doc, "button", "close", Some("×"))?;
    close.set_attribute("type", "button")?;
    close.set_attribute("aria-label", "Close Newsmark")?;
    close.set_attribute("data-action", "close")?;
    head.append_child(&close)?;
    panel.append_child(&head)?;

    if !a.notes.is_empty() {
        let notes = el(doc, "div", "notes", Some(&a.notes.join(" ")))?;
        notes.set_attribute("data-field", "notes")?;
        notes.set_attribute("role", "status")?;
        panel.append_child(&notes)?;
    }
    let m = &a.meta;
    if let Some(t) = &m.title {
        let h = el(doc, "h2", "title", Some(t))?;
        h.set_attribute("data-field", "title")?;
        evidence(&h, a, "title")?;
        panel.append_child(&h)?;
    }

    let source = section(doc, "Source", None)?;
    let dl = el(doc, "dl", "", None)?;
    row(
        doc,
        &dl,
        a,
        "Publisher",
        "site_name",
        m.site_name.as_deref(),
    )?;
    row(doc, &dl, a, "Domain", "domain", m.domain.as_deref())?;
    let authors = (!m.author.is_empty()).then(|| m.author.join(", "));
    row(doc, &dl, a, "Author", "author", authors.as_deref())?;
    link_row(doc, &dl, a, "URL", "url", m.url.as_deref())?;
    row(doc, &dl, a, "Language", "lang", m.lang.as_deref())?;
    row(doc, &dl, a, "Section", "section", m.section.as_deref())?;
    source.append_child(&dl)?;
    panel.append_child(&source)?;

    let dates = section(doc, "Dates", None)?;
    let dl = el(doc, "dl", "", None)?;
    row(
        doc,
        &dl,
        a,
        "Published",
        "date_published",
        m.date_published.as_deref(),
    )?;
    row(
        doc,
        &dl,
        a,
        "Updated",
        "date_modified",
        m.date_modified.as_deref(),
    )?;
    dates.append_child(&dl)?;
    for c in &m.conflicts {
        add(doc, &dates, "p", "conflict", Some(c))?;
    }
    panel.append_child(&dates)?;

    let off = section(doc, "Officials", Some(a.officials.len()))?;
    let ul = el(doc, "ul", "officials", None)?;
    for o in &a.officials {
        let li = el(doc, "li", "", None)?;
        li.set_attribute("data-official", &o.name)?;
        add(doc, &li, "span", "name", Some(&o.name))?;
        let mut role = o.role.clone();
        if let Some(c) = &o.country {
            role = format!("{role} · {c}");
        }
        if o.former {
            role = format!("former {role}");
        }
        add(doc, &li, "span", "role", Some(&role))?;
        add(doc, &li, "span", "count", Some(&format!("{}×", o.mentions)))?;
        ul.append_child(&li)?;
    }
    if a.officials.is_empty() {
        add(doc, &ul, "li", "empty", Some("No officials named."))?;
    }
    off.append_child(&ul)?;
    panel.append_child(&off)?;
    Ok(panel)
}

fn section(doc: &Document, title: &str, count: Option<usize>) -> R<Element> {
    let s = el(doc, "section", "sec", None)?;
    let label = match count {
        Some(n) => format!("{title} ({n})"),
        None => title.to_string(),
    };
    add(doc, &s, "h3", "", Some(&label))?;
    Ok(s)
}

fn row(
    doc: &Document,
    dl: &Element,
    a: &Analysis,
    label: &str,
    field: &str,
    value: Option<&str>,
) -> R<()> {
    let Some(v) = value.filter(|v| !v.is_empty()) else {
        return Ok(());
    };
    add(doc, &dl, "dt", "", Some(label))?;
    let dd = el(doc, "dd", "", Some(v))?;
    dd.set_attribute("data-field", field)?;
    evidence(&dd, a, field)?;
    dl.append_child(&dd)?;
    Ok(())
}

fn link_row(
    doc: &Document,
    dl: &Element,
    a: &Analysis,
    label: &str,
    field: &str,
    value: Option<&str>,
) -> R<()> {
    let Some(v) = value.filter(|v| !v.is_empty()) else {
        return Ok(());
    };
    add(doc, &dl, "dt", "", Some(label))?;
    let dd = el(doc, "dd", "", None)?;
    let safe = v.starts_with("https://") || v.starts_with("http://");
    let child = el(doc, if safe { "a" } else { "span" }, "", Some(v))?;
    if safe {
        child.set_attribute("href", v)?;
        child.set_attribute("target", "_blank")?;
        child.set_attribute("rel", "noopener noreferrer")?;
    }
    dd.set_attribute("data-field", field)?;
    evidence(&dd, a, field)?;
    dd.append_child(&child)?;
    dl.append_child(&dd)?;
    Ok(())
}

/// Evidence shows on hover (title) and on keyboard focus (tabindex + aria-description).
fn evidence(e: &Element, a: &Analysis, field: &str) -> R<()> {
    if let Some(ev) = a.meta.evidence.get(field) {
        let text = format!("from {ev}");
        e.set_attribute("title", &text)?;
        e.set_attribute("tabindex", "0")?;
        e.set_attribute("aria-description", &text)?;
        e.set_attribute("data-evidence", ev)?;
    }
    Ok(())
}
