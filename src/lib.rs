//! Newsmark: one click annotates a news article with who published it, when, which
//! officials it names and the context around them.
//!
//! Two layers. The analysis layer (every module but `dom`, `render` and `wasm`) is pure
//! Rust over a `page::Page` snapshot and strings, tested natively. The DOM layer (wasm32
//! only) reads a live or parsed `Document` into that snapshot and renders the results.

pub mod analysis;
pub mod budget;
pub mod byline;
pub mod content;
pub mod countries;
pub mod data;
pub mod dates;
pub mod export;
pub mod gazetteer;
pub mod imprint;
pub mod jsonld;
pub mod lookup;
pub mod meta;
pub mod metatags;
pub mod microdata;
pub mod names;
pub mod officials;
pub mod options;
pub mod organizations;
pub mod page;
pub mod pattern;
pub mod phrases;
pub mod places;
pub mod present;
pub mod quotes;
pub mod roles;
pub mod scan;
pub mod source;
pub mod timeline;
pub mod topics;

#[cfg(feature = "native")]
pub mod html;

#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod reader;
#[cfg(target_arch = "wasm32")]
pub mod render;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
