//! Export to the clipboard (DOM layer): the analysis as JSON or as W3C Web Annotations,
//! copied on the button's click; when the browser refuses, the text is shown selected.

//! Interaction (DOM layer): the documents currently annotated and everything that happens
//! after the click. Mention cards on hover (caret hit-testing on pointermove, throttled)
//! and on keyboard focus of an official in the panel; moving between mentions; highlight
//! toggles; clipboard export; Esc; and live updates when the page changes its text
//! (MutationObserver, debounced, blind to Newsmark's own changes).
//!
//! Handlers may run while another handler is busy (focus events fire synchronously), so
//! state is only ever borrowed with `try_borrow_mut`, and a handler that finds it busy
//! does nothing rather than panic.

use crate::present::export;
use crate::web::ui::*;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_sys::Document;

/// Copies an export to the clipboard on the button's click (user activation); when the
/// browser refuses, shows the text selected in the panel to copy by hand.
pub(super) fn copy(doc: &Document, action: &str) {
    let built = with_live(doc, |l| {
        let status =
            l.r.shadow
                .query_selector("[data-field=export-status]")
                .ok()
                .flatten();
        let body = l.r.shadow.query_selector(".body").ok().flatten();
        if action == "copy-json" {
            // Through the one compact serialiser the click uses (a pretty one would add its
            // own copy of every Serialize impl to the module), indented by the engine.
            let text = crate::web::js::to_js(&l.r.analysis)
                .and_then(|v| {
                    js_sys::JSON::stringify_with_replacer_and_space(
                        &v,
                        &JsValue::NULL,
                        &JsValue::from(2),
                    )
                })
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default();
            (
                text,
                "Copied the analysis as JSON.".to_string(),
                status,
                body,
            )
        } else {
            let texts = &l.r.texts;
            let text = export::web_annotations(&l.r.analysis, &l.r.url, &|i| {
                texts.get(i as usize).and_then(|n| n.node_value())
            });
            let n =
                l.r.analysis
                    .mentions
                    .iter()
                    .filter(|m| m.kind == "official")
                    .count();
            (
                text,
                format!("Copied {n} Web Annotations (JSON-LD)."),
                status,
                body,
            )
        }
    });
    let Some((text, done, status, body)) = built else {
        return;
    };
    let Some(status) = status else { return };
    status.set_text_content(Some("Copying…"));
    let fallback = {
        let status = status.clone();
        let text = text.clone();
        let doc = doc.clone();
        move || {
            status.set_text_content(Some(
                "The browser blocked the clipboard: the export is selected below, copy it with Ctrl+C.",
            ));
            let Some(body) = &body else { return };
            let area = match body.query_selector("textarea").ok().flatten() {
                Some(a) => a,
                None => {
                    let Ok(a) = doc.create_element("textarea") else {
                        return;
                    };
                    let _ = a.set_attribute("readonly", "");
                    let _ = a.set_attribute("aria-label", "Exported text");
                    let _ = a.set_attribute("data-field", "export-text");
                    let _ = a.set_attribute("rows", "6");
                    let _ = status.after_with_node_1(&a);
                    a
                }
            };
            let _ = Reflect::set(&area, &"value".into(), &text.as_str().into());
            if let Some(h) = area.dyn_ref::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
            if let Ok(f) = Reflect::get(&area, &"select".into()) {
                if let Ok(f) = f.dyn_into::<js_sys::Function>() {
                    let _ = f.call0(&area);
                }
            }
        }
    };
    let clipboard = doc
        .default_view()
        .and_then(|w| Reflect::get(&w, &"navigator".into()).ok())
        .and_then(|n| Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null());
    let promise = clipboard.and_then(|c| {
        let f: js_sys::Function = Reflect::get(&c, &"writeText".into())
            .ok()?
            .dyn_into()
            .ok()?;
        f.call1(&c, &text.as_str().into())
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    let Some(p) = promise else {
        fallback();
        return;
    };
    let ok = Closure::once_into_js(move |_: JsValue| status.set_text_content(Some(&done)));
    let fail = Closure::once_into_js(move |_: JsValue| fallback());
    if let Ok(then) =
        Reflect::get(&p, &"then".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = then.call2(&p, &ok, &fail);
    }
}
