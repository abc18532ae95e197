//! Renderer: shows an analysis in a document as a panel (in a shadow root, styled by a
//! constructable stylesheet so page CSS and page CSP cannot touch it) and as highlights of
//! the mentions (CSS Custom Highlight API, which leaves the page's DOM untouched; `<mark>`
//! wrapping only where that API is missing). `clear` removes every trace.
//!
//! Page text is only ever set with `set_text_content`; links are only http(s).
//! The panel's sections are built by `panel.rs`; interaction (cards, mention navigation,
//! export, live updates) lives in `ui.rs`.

use crate::analysis::Analysis;
use crate::present;
use crate::present::options::Options;
use crate::web::dom::{TextNodes, HOST_ID};
use crate::web::js::{call, doc_global};
use crate::web::panel;
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CssStyleSheet, Document, Element, Node, Range, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

const PANEL_CSS: &str = include_str!("panel.css");
/// Highlight colours, readable on light and dark pages (translucent, text colour kept).
const FILL_CSS: &str =
    "::highlight(newsmark-official){background-color:rgba(255,196,0,.45);color:inherit}\
::highlight(newsmark-person){background-color:rgba(90,160,255,.33)}\
::highlight(newsmark-place){background-color:rgba(60,200,120,.33)}\
::highlight(newsmark-date){background-color:rgba(220,120,255,.30)}";
const UNDERLINE_CSS: &str =
    "::highlight(newsmark-official){text-decoration:underline 3px rgba(230,150,0,.95)}\
::highlight(newsmark-person){text-decoration:underline 2px rgba(60,130,240,.9)}\
::highlight(newsmark-place){text-decoration:underline 2px rgba(30,170,90,.9)}\
::highlight(newsmark-date){text-decoration:underline dotted 2px rgba(190,80,230,.9)}";
const COMMON_CSS: &str =
    "::highlight(newsmark-current){background-color:#ff7a00;color:#000;text-decoration:none}\
mark[data-newsmark-mark]{background:rgba(255,196,0,.45);color:inherit}";
pub const HIGHLIGHT_KINDS: &[&str] = &["official", "person", "place", "date"];
/// The mention the card shows, flashed on navigation.
pub const CURRENT: &str = "newsmark-current";

/// What the page shows for one analysis, and what `clear` needs to undo it.
pub struct Rendered {
    pub host: Element,
    pub shadow: ShadowRoot,
    page_sheet: Option<CssStyleSheet>,
    marks: Vec<Element>,
    pub analysis: Analysis,
    pub texts: TextNodes,
    pub url: String,
    /// `ranges[i]` covers `analysis.mentions[i]` when it could be placed.
    pub ranges: Vec<Option<Range>>,
    /// Kinds whose highlights are on.
    pub shown: Vec<String>,
    /// Whether the CSS Custom Highlight API is there (else `<mark>` for officials).
    pub api: bool,
}

type R<T> = Result<T, JsValue>;

fn new_sheet(doc: &Document) -> R<CssStyleSheet> {
    let ctor: js_sys::Function =
        Reflect::get(&doc_global(doc), &"CSSStyleSheet".into())?.dyn_into()?;
    Ok(Reflect::construct(&ctor, &Array::new())?.unchecked_into())
}

/// Renders the panel and highlights. `texts[i]` is the text node with `dom_index` i.
pub fn render(
    doc: &Document,
    analysis: Analysis,
    texts: TextNodes,
    url: &str,
    opts: &Options,
) -> R<Rendered> {
    let host = doc.create_element("newsmark-panel")?;
    host.set_id(HOST_ID);
    host.set_attribute("data-newsmark", "panel")?;
    let init = ShadowRootInit::new(ShadowRootMode::Open);
    let shadow = host.attach_shadow(&init)?;
    let sheet = new_sheet(doc)?;
    sheet.replace_sync(PANEL_CSS)?;
    shadow.set_adopted_style_sheets(&Array::of1(&sheet));
    let parent: Node = match crate::web::dom::body(doc) {
        Some(b) => b.into(),
        None => crate::web::dom::root_element(doc)
            .ok_or("document has no root element")?
            .into(),
    };
    let page_sheet = new_sheet(doc).ok();
    if let Some(s) = &page_sheet {
        let css = if opts.style == "underline" {
            UNDERLINE_CSS
        } else {
            FILL_CSS
        };
        let _ = s.replace_sync(&format!("{css}{COMMON_CSS}"));
        let sheets = doc.adopted_style_sheets();
        sheets.push(s);
        doc.set_adopted_style_sheets(&sheets);
    }
    let global = doc_global(doc);
    let css = Reflect::get(&global, &"CSS".into()).unwrap_or(JsValue::UNDEFINED);
    let api = !css.is_undefined()
        && !Reflect::get(&css, &"highlights".into())
            .unwrap_or(JsValue::UNDEFINED)
            .is_undefined()
        && Reflect::get(&global, &"Highlight".into())
            .map(|c| c.is_function())
            .unwrap_or(false);
    let mut out = Rendered {
        host,
        shadow,
        page_sheet,
        marks: Vec::new(),
        analysis,
        texts,
        url: url.to_string(),
        ranges: Vec::new(),
        shown: opts.kinds.clone(),
        api,
    };
    let panel = panel::build_panel(doc, &out)?;
    out.shadow.append_child(&panel)?;
    parent.append_child(&out.host)?;
    out.ranges = make_ranges(doc, &out.analysis, &out.texts);
    apply_highlights(doc, &mut out)?;
    out.host.set_attribute("data-state", "done")?;
    Ok(out)
}

/// Replaces the analysis of a live render (the page changed): new ranges, highlights and,
/// when the findings differ, a new panel body. Panel position and toggles are kept.
pub fn refresh(doc: &Document, r: &mut Rendered, analysis: Analysis, texts: TextNodes) -> R<()> {
    let changed = present::signature(&r.analysis) != present::signature(&analysis);
    remove_highlights(doc, r);
    r.analysis = analysis;
    r.texts = texts;
    r.ranges = make_ranges(doc, &r.analysis, &r.texts);
    if changed {
        let panel = panel::build_panel(doc, r)?;
        if let Some(old) = r.shadow.query_selector(".panel")? {
            r.shadow.replace_child(&panel, &old)?;
        }
    }
    apply_highlights(doc, r)
}

/// Shows a short error in a panel; the page is otherwise untouched.
pub fn render_error(doc: &Document, message: &str) -> R<Rendered> {
    let mut a = Analysis::default();
    a.notes.push(message.to_string());
    let r = render(doc, a, TextNodes::new(), "", &Options::default())?;
    r.host.set_attribute("data-state", "error")?;
    if let Some(e) = r.shadow.query_selector("[data-field=notes]")? {
        e.set_attribute("data-field", "error")?;
    }
    Ok(r)
}

fn make_ranges(doc: &Document, a: &Analysis, texts: &TextNodes) -> Vec<Option<Range>> {
    a.mentions
        .iter()
        .map(|m| {
            let node = texts.get(m.dom_index as usize)?;
            // Text read from a same-origin frame lives in another document, whose
            // highlights this document's registry cannot paint: it stays unhighlighted.
            if node.owner_document().as_ref() != Some(doc) {
                return None;
            }
            let (s, e) = (m.start16, m.end16);
            let range = doc.create_range().ok()?;
            range.set_start(&node, s).ok()?;
            range.set_end(&node, e).ok()?;
            Some(range)
        })
        .collect()
}

fn registry(doc: &Document) -> Option<JsValue> {
    let css = Reflect::get(&doc_global(doc), &"CSS".into()).ok()?;
    let reg = Reflect::get(&css, &"highlights".into()).ok()?;
    (!reg.is_undefined() && !reg.is_null()).then_some(reg)
}

/// Registers (or replaces) the highlight `name` with `ranges`.
pub fn set_highlight(doc: &Document, name: &str, ranges: &Array) -> R<()> {
    let Some(reg) = registry(doc) else {
        return Ok(());
    };
    let ctor: js_sys::Function = Reflect::get(&doc_global(doc), &"Highlight".into())?.dyn_into()?;
    let hl = Reflect::construct(&ctor, ranges)?;
    call(&reg, "set", &[name.into(), hl])?;
    Ok(())
}

pub fn delete_highlight(doc: &Document, name: &str) {
    if let Some(reg) = registry(doc) {
        let _ = call(&reg, "delete", &[name.into()]);
    }
}

/// Shows the highlights of every kind in `r.shown`.
pub fn apply_highlights(doc: &Document, r: &mut Rendered) -> R<()> {
    for kind in HIGHLIGHT_KINDS {
        let name = format!("newsmark-{kind}");
        if !r.shown.iter().any(|k| k == kind) {
            delete_highlight(doc, &name);
            continue;
        }
        let ranges = Array::new();
        for (m, range) in r.analysis.mentions.iter().zip(&r.ranges) {
            if m.kind == *kind {
                if let Some(range) = range {
                    ranges.push(range);
                }
            }
        }
        if ranges.length() == 0 {
            delete_highlight(doc, &name);
            continue;
        }
        if r.api {
            set_highlight(doc, &name, &ranges)?;
        } else if *kind == "official" && r.marks.is_empty() {
            // Wrap from the last range backwards so earlier offsets stay valid.
            for i in (0..ranges.length()).rev() {
                let range: Range = ranges.get(i).unchecked_into();
                let mark = doc.create_element("mark")?;
                mark.set_attribute("data-newsmark-mark", kind)?;
                if range.surround_contents(&mark).is_ok() {
                    r.marks.push(mark);
                }
            }
        }
    }
    Ok(())
}

fn remove_highlights(doc: &Document, r: &mut Rendered) {
    for kind in HIGHLIGHT_KINDS {
        delete_highlight(doc, &format!("newsmark-{kind}"));
    }
    delete_highlight(doc, CURRENT);
    for m in r.marks.drain(..) {
        if let Some(p) = m.parent_node() {
            while let Some(c) = m.first_child() {
                let _ = p.insert_before(&c, Some(&m));
            }
            let _ = p.remove_child(&m);
            p.normalize();
        }
    }
}

/// Removes the panel, highlights, page stylesheet and marks: the DOM is as it was.
pub fn clear(doc: &Document, mut r: Rendered) {
    r.host.remove();
    remove_highlights(doc, &mut r);
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
            let _ = del.call1(&reg, &CURRENT.into());
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
