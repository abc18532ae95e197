//! The JS bridge, one small leaf every other web/ module may use: the analysis serialised
//! to a JS object, the global object of a document's window, and a method call by name.

use js_sys::{Array, Reflect};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Document;

/// Crosses as one JSON string parsed by the engine: a single copy over the boundary, and one
/// serializer in the module (serde_json, which the JSON-LD reader needs anyway) instead of
/// two, which keeps the module small.
pub fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(v).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&text)
}

/// The global object of the window showing `doc` (a frame's document has its own), falling
/// back to ours. Stylesheets and highlights must come from the document's own window.
pub fn doc_global(doc: &Document) -> JsValue {
    match doc.default_view() {
        Some(w) => w.into(),
        None => js_sys::global().into(),
    }
}

/// Calls `target[method](...args)`.
pub fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = Reflect::get(target, &method.into())?.dyn_into()?;
    Reflect::apply(&f, target, &args.iter().collect::<Array>())
}
