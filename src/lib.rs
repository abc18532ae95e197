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
pub mod gazetteer;
pub mod jsonld;
pub mod meta;
pub mod metatags;
pub mod microdata;
pub mod names;
pub mod officials;
pub mod page;
pub mod quotes;
pub mod roles;
pub mod source;
pub mod timeline;

#[cfg(feature = "native")]
pub mod html;

#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod reader;
#[cfg(target_arch = "wasm32")]
pub mod render;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
