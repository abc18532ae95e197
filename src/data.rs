//! Data files the extension ships (gazetteers). Natively they are compiled in; in the
//! browser the JS shell fetches them from the extension and hands them over with `set`,
//! which keeps them out of the wasm module's size.
//! (Placeholder until the gazetteer lands.)

pub fn set(_name: &str, _text: String) {}
