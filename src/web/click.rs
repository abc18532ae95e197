//! The click path, written once: read the document within the click's time budget, analyse
//! what was read, hand both to a renderer, and time the three stages. The toolbar click, the
//! live re-read after the page changes, the reader view and the bench all go through `run`,
//! so each gets the same budget (a huge page leaves less time to analyse it).

use crate::analysis::budget::{Deadline, CLICK_BUDGET_MS};
use crate::analysis::{self, Analysis};
use crate::web::dom::{self, Snapshot};
use wasm_bindgen::JsValue;
use web_sys::Document;

/// Milliseconds spent reading, analysing and rendering (the bench reports them).
pub struct Stages {
    pub read_ms: f64,
    pub analyse_ms: f64,
    pub render_ms: f64,
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Reads `doc`, analyses it and calls `render` with both, all under one click budget.
pub fn run<T>(
    doc: &Document,
    url: &str,
    render: impl FnOnce(Snapshot, Analysis) -> Result<T, JsValue>,
) -> Result<(T, Stages), JsValue> {
    let deadline = Deadline::after(CLICK_BUDGET_MS);
    let t0 = now();
    let snap = dom::read_within(doc, url, deadline);
    let t1 = now();
    let a = analysis::analyze_within(&snap.page, deadline);
    let t2 = now();
    let out = render(snap, a)?;
    let t3 = now();
    Ok((
        out,
        Stages {
            read_ms: t1 - t0,
            analyse_ms: t2 - t1,
            render_ms: t3 - t2,
        },
    ))
}
