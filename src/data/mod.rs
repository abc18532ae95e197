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

/// The data files the analysis reads, each generated under data/ by a project script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum File {
    Countries,
    Officials,
    Organizations,
    Places,
    Positions,
    Roles,
    Sources,
    StateMedia,
}

impl File {
    pub const ALL: [File; 8] = [
        File::Countries,
        File::Officials,
        File::Organizations,
        File::Places,
        File::Positions,
        File::Roles,
        File::Sources,
        File::StateMedia,
    ];

    /// Its file name under data/ (and in the extension's data/ folder).
    pub fn name(self) -> &'static str {
        match self {
            File::Countries => "countries.tsv",
            File::Officials => "officials.tsv",
            File::Organizations => "organizations.tsv",
            File::Places => "places.tsv",
            File::Positions => "positions.txt",
            File::Roles => "roles.tsv",
            File::Sources => "sources.tsv",
            File::StateMedia => "state_media.tsv",
        }
    }

    /// The file called `name`, as the JS shell names it.
    pub fn from_name(name: &str) -> Option<File> {
        File::ALL.into_iter().find(|f| f.name() == name)
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn bundled(self) -> &'static str {
        match self {
            File::Countries => include_str!("../../data/countries.tsv"),
            File::Officials => include_str!("../../data/officials.tsv"),
            File::Organizations => include_str!("../../data/organizations.tsv"),
            File::Places => include_str!("../../data/places.tsv"),
            File::Positions => include_str!("../../data/positions.txt"),
            File::Roles => include_str!("../../data/roles.tsv"),
            File::Sources => include_str!("../../data/sources.tsv"),
            File::StateMedia => include_str!("../../data/state_media.tsv"),
        }
    }

    #[cfg(target_arch = "wasm32")]
    fn bundled(self) -> &'static str {
        ""
    }
}

static STORE: Mutex<[Option<&'static str>; File::ALL.len()]> = Mutex::new([None; File::ALL.len()]);
static GENERATION: AtomicUsize = AtomicUsize::new(0);

/// Stores `text` as the data file `file`, replacing what was there. The text is leaked to
/// 'static: data files are set once or twice per session, never per page.
pub fn set(file: File, text: String) {
    let leaked: &'static str = Box::leak(text.into_boxed_str());
    if let Ok(mut store) = STORE.lock() {
        store[file as usize] = Some(leaked);
    }
    GENERATION.fetch_add(1, Ordering::SeqCst);
}

/// The data file `file`: what `set` stored, else (native builds) the bundled copy, else "".
pub fn text(file: File) -> &'static str {
    if let Ok(store) = STORE.lock() {
        if let Some(t) = store[file as usize] {
            return t;
        }
    }
    file.bundled()
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
        for file in File::ALL {
            assert!(!text(file).is_empty(), "{file:?}");
            assert_eq!(File::from_name(file.name()), Some(file));
        }
        assert_eq!(File::from_name("nope.tsv"), None);
    }

    #[test]
    fn cached_rebuilds_after_set() {
        static SLOT: Slot<usize> = Mutex::new(None);
        let a = cached(&SLOT, || 1);
        assert_eq!(*a, 1);
        assert_eq!(*cached(&SLOT, || 2), 1);
        // The same text again: other tests reading the file in parallel see no change.
        set(File::Roles, text(File::Roles).to_string());
        assert_eq!(*cached(&SLOT, || 3), 3);
    }
}
