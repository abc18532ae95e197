//! The click path, written once: read the document within the click's time budget, analyse
//! what was read, hand both to a renderer, and time the three stages. The toolbar click, the
//! live re-read after the page changes, the reader view and the bench all go through `run`,
//! so each gets the same budget (a huge page leaves less time to analyse it). Start-up work
//! (parsing the data, compiling patterns) happens before the budget starts.

use crate::analysis::budget::{Deadline, CLICK_BUDGET_MS};
use crate::analysis::{self, Analysis};
use crate::web::dom::{self, Snapshot};
use std::cell::Cell;
use wasm_bindgen::JsValue;
use web_sys::Document;

/// Milliseconds spent reading, analysing and rendering (the bench reports them).
pub struct Stages {
    pub read_ms: f64,
    pub analyse_ms: f64,
    pub render_ms: f64,
}

thread_local! {
    /// The data generation the analysis was last warmed up for.
    static WARM: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Parses the data and compiles the patterns once per data set, before any budget starts.
fn warm_up() {
    let generation = crate::data::generation();
    if WARM.with(|w| w.get()) != Some(generation) {
        analysis::warm_up();
        WARM.with(|w| w.set(Some(generation)));
    }
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
    warm_up();
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
