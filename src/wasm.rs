//! The wasm boundary: the few functions the JS shell, the demo and the harnesses call.
//! Every path goes through `annotate_doc` / `analysis::analyze`, so the live page, the demo,
//! the reader fallback and the tests run the same code. Results cross as plain JS objects
//! (serde-wasm-bindgen, JSON-compatible).

use crate::analysis::{self, Analysis};
use crate::budget::{Deadline, CLICK_BUDGET_MS};
use crate::{dom, reader, render};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

thread_local! {
    /// Documents currently annotated, with what it takes to clear each.
    static ANNOTATED: RefCell<Vec<(Document, render::Rendered)>> = const { RefCell::new(Vec::new()) };
    static HANDLERS: RefCell<Option<Handlers>> = const { RefCell::new(None) };
    /// Set by `debug_panic_next`: the next annotation panics after rendering.
    static PANIC_NEXT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Event handlers are made once and kept for the module's life: a handler may clear the
/// annotation that registered it, which must not drop the running closure.
struct Handlers {
    click: Closure<dyn FnMut(web_sys::Event)>,
    key: Closure<dyn FnMut(web_sys::KeyboardEvent)>,
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

fn window_doc() -> Result<(Document, String), JsValue> {
    let w = web_sys::window().ok_or("no window")?;
    let doc = w.document().ok_or("no document")?;
    let url = w.location().href().unwrap_or_default();
    Ok((doc, url))
}

#[derive(Serialize)]
struct Outcome<'a> {
    state: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    analysis: Option<&'a Analysis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// Toolbar click on the current page: annotates it, or clears it when already annotated.
#[wasm_bindgen]
pub fn toggle() -> Result<JsValue, JsValue> {
    let (doc, url) = window_doc()?;
    toggle_document(doc, url)
}

/// Toggle on any document (the demo's sample frames use this).
#[wasm_bindgen]
pub fn toggle_document(doc: Document, url: String) -> Result<JsValue, JsValue> {
    if is_annotated_doc(&doc) {
        let was_error = shows_error(&doc);
        clear_document(&doc);
        // After an error panel, the next click tries again rather than only closing it.
        if !was_error {
            return to_js(&Outcome {
                state: "cleared",
                analysis: None,
                error: None,
            });
        }
    }
    match annotate_doc(&doc, &url) {
        Ok(a) => to_js(&Outcome {
            state: "annotated",
            analysis: Some(&a),
            error: None,
        }),
        Err(e) => {
            let msg = e
                .as_string()
                .unwrap_or_else(|| "Newsmark could not annotate this page.".into());
            show_error(&doc, &msg);
            to_js(&Outcome {
                state: "error",
                analysis: None,
                error: Some(msg),
            })
        }
    }
}

/// Annotates the current page (no toggle); returns the analysis.
#[wasm_bindgen]
pub fn annotate() -> Result<JsValue, JsValue> {
    let (doc, url) = window_doc()?;
    clear_document(&doc);
    to_js(&annotate_doc(&doc, &url)?)
}

/// Removes every trace of Newsmark from the current page.
#[wasm_bindgen]
pub fn clear() {
    if let Ok((doc, _)) = window_doc() {
        clear_document(&doc);
    }
}

#[wasm_bindgen]
pub fn is_annotated() -> bool {
    window_doc()
        .map(|(d, _)| is_annotated_doc(&d))
        .unwrap_or(false)
}

/// Shows a failure (e.g. one the JS shell caught) in the panel, leaving the page as it was.
/// Whatever a failed instance left behind (its panel, highlights, stylesheet, marks) is
/// swept first: that instance is gone and cannot clear it.
#[wasm_bindgen]
pub fn show_error(doc: &Document, message: &str) {
    clear_document(doc);
    render::sweep(doc);
    if let Ok(r) = render::render_error(doc, message) {
        attach(doc, r);
    }
}

/// The analysis of a document without rendering anything (eval harness, tests).
#[wasm_bindgen]
pub fn analyze_document(doc: Document, url: String) -> Result<JsValue, JsValue> {
    let snap = dom::read(&doc, &url);
    to_js(&analysis::analyze(&snap.page))
}

/// Parses HTML with the browser's DOMParser (scripts never run) and analyses it.
#[wasm_bindgen]
pub fn analyze_html(html: String, url: String) -> Result<JsValue, JsValue> {
    let doc = parse_html(&html)?;
    analyze_document(doc, url)
}

/// Reader fallback: annotates a DOMParser copy of a page inside `container` (an extension
/// page), for pages whose CSP stops wasm in the content script.
#[wasm_bindgen]
pub fn reader_view(html: String, url: String, container: Element) -> Result<JsValue, JsValue> {
    let parsed = parse_html(&html)?;
    let deadline = Deadline::after(CLICK_BUDGET_MS);
    let snap = dom::read_within(&parsed, &url, deadline);
    let a = analysis::analyze_within(&snap.page, deadline);
    let doc = container
        .owner_document()
        .ok_or("container has no document")?;
    let texts = reader::build(&doc, &container, &snap.page, &a)?;
    clear_document(&doc);
    let r = render::render(&doc, &a, &texts)?;
    attach(&doc, r);
    to_js(&a)
}

/// Hands the extension's data files (gazetteers) to the analysis.
#[wasm_bindgen]
pub fn load_data(name: String, text: String) {
    crate::data::set(&name, text);
}

fn parse_html(html: &str) -> Result<Document, JsValue> {
    let parser = web_sys::DomParser::new()?;
    parser.parse_from_string(html, web_sys::SupportedType::TextHtml)
}

/// TEST BUILDS ONLY (the release shell never calls it): makes the next annotation panic
/// once it has rendered, so the tests can check that a failure mid-way leaves the page as
/// it was and that the next click works.
#[wasm_bindgen]
pub fn debug_panic_next() {
    PANIC_NEXT.with(|p| p.set(true));
}

fn annotate_doc(doc: &Document, url: &str) -> Result<Analysis, JsValue> {
    // One budget for the whole click: reading a huge page leaves less time to analyse it.
    let deadline = Deadline::after(CLICK_BUDGET_MS);
    let snap = dom::read_within(doc, url, deadline);
    let a = analysis::analyze_within(&snap.page, deadline);
    let r = render::render(doc, &a, &snap.texts)?;
    attach(doc, r);
    if PANIC_NEXT.with(|p| p.replace(false)) {
        panic!("debug_panic_next: forced failure after rendering");
    }
    Ok(a)
}

fn shows_error(doc: &Document) -> bool {
    ANNOTATED.with(|a| {
        a.borrow().iter().any(|(d, r)| {
            d == doc && r.host().get_attribute("data-state").as_deref() == Some("error")
        })
    })
}

fn attach(doc: &Document, r: render::Rendered) {
    ensure_handlers();
    HANDLERS.with(|h| {
        if let Some(h) = h.borrow().as_ref() {
            if let Some(sr) = r.host().shadow_root() {
                let _ =
                    sr.add_event_listener_with_callback("click", h.click.as_ref().unchecked_ref());
            }
            let _ = doc.add_event_listener_with_callback("keydown", h.key.as_ref().unchecked_ref());
        }
    });
    ANNOTATED.with(|a| a.borrow_mut().push((doc.clone(), r)));
}

fn is_annotated_doc(doc: &Document) -> bool {
    ANNOTATED.with(|a| a.borrow().iter().any(|(d, _)| d == doc))
}

fn clear_document(doc: &Document) {
    let found = ANNOTATED.with(|a| {
        let mut v = a.borrow_mut();
        v.iter().position(|(d, _)| d == doc).map(|i| v.remove(i).1)
    });
    if let Some(r) = found {
        HANDLERS.with(|h| {
            if let Some(h) = h.borrow().as_ref() {
                let _ = doc
                    .remove_event_listener_with_callback("keydown", h.key.as_ref().unchecked_ref());
            }
        });
        render::clear(doc, r);
    }
}

fn ensure_handlers() {
    HANDLERS.with(|h| {
        if h.borrow().is_some() {
            return;
        }
        let click = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
            let target = e.composed_path().get(0);
            let Ok(el) = target.dyn_into::<Element>() else {
                return;
            };
            if el.closest("[data-action=close]").ok().flatten().is_some() {
                if let Some(doc) = el.owner_document() {
                    clear_document(&doc);
                }
            }
        });
        let key = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(|e: web_sys::KeyboardEvent| {
            if e.key() == "Escape" {
                if let Some(doc) = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .and_then(|n| n.owner_document().or_else(|| n.dyn_into::<Document>().ok()))
                {
                    clear_document(&doc);
                }
            }
        });
        *h.borrow_mut() = Some(Handlers { click, key });
    });
}
