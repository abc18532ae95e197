//! Data files the extension ships (gazetteers). Natively they are compiled in; in the
//! browser the JS shell fetches them from the extension and hands them over with `set`,
//! which keeps them out of the wasm module's size.

#[cfg(target_arch = "wasm32")]
use std::sync::Mutex;

#[cfg(target_arch = "wasm32")]
static FILES: Mutex<Vec<(String, &'static str)>> = Mutex::new(Vec::new());

/// Stores a data file handed over by the JS shell (wasm only; natively a no-op).
pub fn set(name: &str, text: String) {
    #[cfg(target_arch = "wasm32")]
    {
        let leaked: &'static str = Box::leak(text.into_boxed_str());
        if let Ok(mut f) = FILES.lock() {
            f.retain(|(n, _)| n != name);
            f.push((name.to_string(), leaked));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (name, text);
}

/// The text of a data file, or "" when it is not available.
pub fn text(name: &str) -> &'static str {
    #[cfg(target_arch = "wasm32")]
    {
        FILES
            .lock()
            .ok()
            .and_then(|f| f.iter().find(|(n, _)| n == name).map(|(_, t)| *t))
            .unwrap_or("")
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        match name {
            "state_media.tsv" => include_str!("../data/state_media.tsv"),
            _ => "",
        }
    }
}
