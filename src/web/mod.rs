//! The wasm boundary: the few functions the JS shell, the demo and the harnesses call.
//! Every path goes through `annotate_doc` / `analysis::analyze`, so the live page, the demo,
//! the reader fallback and the tests run the same code. Results cross as plain JS objects
//! (serialised to JSON, parsed by the engine).

pub mod card;
pub mod click;
pub mod copy;
pub mod dom;
pub mod js;
pub mod live;
pub mod panel;
pub mod reader;
pub mod render;
pub mod ui;

use crate::analysis;
use js::to_js;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

thread_local! {
    /// Set by `debug_panic_next`: the next annotation panics after rendering.
    static PANIC_NEXT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
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
                error: None,
            });
        }
    }
    match annotate_doc(&doc, &url) {
        Ok(a) => {
            let out = to_js(&Outcome {
                state: "annotated",
                error: None,
            })?;
            // The panel's own JS copy of the analysis: serialised once per click.
            js_sys::Reflect::set(&out, &"analysis".into(), &a)?;
            Ok(out)
        }
        Err(e) => {
            let msg = e
                .as_string()
                .unwrap_or_else(|| "Newsmark could not annotate this page.".into());
            show_error(&doc, &msg);
            to_js(&Outcome {
                state: "error",
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
    annotate_doc(&doc, &url)
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
    render::sweep(doc);
    ui::show_error(doc, message);
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
    let doc = container
        .owner_document()
        .ok_or("container has no document")?;
    let (out, _) = click::run(&parsed, &url, |snap, a| {
        let texts = reader::build(&doc, &container, &snap.page, &a)?;
        clear_document(&doc);
        let out = to_js(&a);
        ui::show(&doc, a, texts.into(), &url)?;
        out
    })?;
    Ok(out)
}

/// User options as JSON (`{"kinds": ["official", ...], "style": "fill"|"underline"}`),
/// applied from the next annotation on.
#[wasm_bindgen]
pub fn set_options(json: String) {
    ui::set_options(&json);
}

/// The click path of `toggle_document` in three timed parts, for the bench:
/// `[read_ms, analyse_ms, render_ms]`; clears what it rendered (untimed).
#[wasm_bindgen]
pub fn profile_document(doc: Document, url: String) -> Result<Vec<f64>, JsValue> {
    ui::clear(&doc);
    let (_, s) = click::run(&doc, &url, |snap, a| ui::show(&doc, a, snap.texts, &url))?;
    clear_document(&doc);
    Ok(vec![s.read_ms, s.analyse_ms, s.render_ms])
}

/// The people and officials analysis alone on a text (the bench times it per 5,000
/// characters); returns how many officials it found.
#[wasm_bindgen]
pub fn officials_in_text(text: &str, date: Option<String>) -> usize {
    crate::analysis::people::find(text, date.as_deref())
        .officials
        .len()
}

/// Hands the extension's data files (gazetteers) to the analysis; a name that is not one
/// of them is an error (a build that ships a file the analysis does not know is a bug).
#[wasm_bindgen]
pub fn load_data(name: String, text: String) -> Result<(), JsValue> {
    let file = crate::data::File::from_name(&name)
        .ok_or_else(|| JsValue::from_str(&format!("Newsmark: unknown data file {name:?}")))?;
    crate::data::set(file, text);
    Ok(())
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

fn annotate_doc(doc: &Document, url: &str) -> Result<JsValue, JsValue> {
    ui::annotate(doc, url)?;
    // The one serialisation of the click's analysis: the panel itself reads the Rust value.
    let a = ui::with_analysis(doc, to_js).ok_or("the annotation did not start")??;
    if PANIC_NEXT.with(|p| p.replace(false)) {
        panic!("debug_panic_next: forced failure after rendering");
    }
    Ok(a)
}

/// True when the panel on `doc` shows an error: the next click retries instead of clearing.
fn shows_error(doc: &Document) -> bool {
    ui::is_annotated(doc)
        && doc
            .get_element_by_id(dom::HOST_ID)
            .and_then(|h| h.get_attribute("data-state"))
            .as_deref()
            == Some("error")
}

fn is_annotated_doc(doc: &Document) -> bool {
    ui::is_annotated(doc)
}

fn clear_document(doc: &Document) {
    ui::clear(doc);
}
