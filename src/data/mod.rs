//! The data files the analysis reads (gazetteer, countries, role phrases): bundled into the
//! native build, handed in by the JS shell on wasm32 so the wasm module stays small.
//! Modules parse a file once into a structure through `cached`, and rebuild it when `set`
//! has replaced the data since.

pub mod category;
pub mod countries;
pub mod holders;
pub mod phrases;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// The file names `text` knows.
pub const NAMES: [&str; 7] = [
    "countries.tsv",
    "officials.tsv",
    "organizations.tsv",
    "places.tsv",
    "positions.txt",
    "roles.tsv",
    "state_media.tsv",
];

static STORE: Mutex<Vec<(String, &'static str)>> = Mutex::new(Vec::new());
static GENERATION: AtomicUsize = AtomicUsize::new(0);

/// Stores `text` as the data file `name`, replacing what was there. The text is leaked to
/// 'static: data files are set once or twice per session, never per page.
pub fn set(name: &str, text: String) {
    let leaked: &'static str = Box::leak(text.into_boxed_str());
    if let Ok(mut store) = STORE.lock() {
        store.retain(|(n, _)| n != name);
        store.push((name.to_string(), leaked));
    }
    GENERATION.fetch_add(1, Ordering::SeqCst);
}

/// The data file `name`: what `set` stored, else (native builds) the bundled copy, else "".
pub fn text(name: &str) -> &'static str {
    if let Ok(store) = STORE.lock() {
        if let Some((_, t)) = store.iter().find(|(n, _)| n == name) {
            return t;
        }
    }
    bundled(name)
}

#[cfg(not(target_arch = "wasm32"))]
fn bundled(name: &str) -> &'static str {
    match name {
        "countries.tsv" => include_str!("../../data/countries.tsv"),
        "officials.tsv" => include_str!("../../data/officials.tsv"),
        "organizations.tsv" => include_str!("../../data/organizations.tsv"),
        "places.tsv" => include_str!("../../data/places.tsv"),
        "positions.txt" => include_str!("../../data/positions.txt"),
        "roles.tsv" => include_str!("../../data/roles.tsv"),
        "state_media.tsv" => include_str!("../../data/state_media.tsv"),
        _ => "",
    }
}

#[cfg(target_arch = "wasm32")]
fn bundled(_name: &str) -> &'static str {
    ""
}

/// Counts calls to `set`, so cached structures know when to rebuild.
pub fn generation() -> usize {
    GENERATION.load(Ordering::SeqCst)
}

/// A slot for one parsed structure, tagged with the data generation it was built from.
pub type Slot<T> = Mutex<Option<(usize, Arc<T>)>>;

/// The structure in `slot`, built by `build` on first use or after `set` changed the data.
pub fn cached<T>(slot: &Slot<T>, build: impl FnOnce() -> T) -> Arc<T> {
    let generation = generation();
    let mut guard = match slot.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some((g, value)) = guard.as_ref() {
        if *g == generation {
            return Arc::clone(value);
        }
    }
    let value = Arc::new(build());
    *guard = Some((generation, Arc::clone(&value)));
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_files_are_present_natively() {
        for name in NAMES {
            assert!(!text(name).is_empty(), "{name}");
        }
        assert_eq!(text("nope.tsv"), "");
    }

    #[test]
    fn cached_rebuilds_after_set() {
        static SLOT: Slot<usize> = Mutex::new(None);
        let a = cached(&SLOT, || 1);
        assert_eq!(*a, 1);
        assert_eq!(*cached(&SLOT, || 2), 1);
        set("test-only.txt", "x".to_string());
        assert_eq!(text("test-only.txt"), "x");
        assert_eq!(*cached(&SLOT, || 3), 3);
    }
}
