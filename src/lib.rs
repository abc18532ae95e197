//! Newsmark: one click annotates a news article with who published it, when, which
//! officials it names and the context around them.
//!
//! The folders are layers, each importing only from those listed before it:
//! `text` (string tools) <- `page` (the snapshot both layers share) <- `data` (the shipped
//! data files) <- `analysis` (the one `analyze()`) <- `present` (wording, export, options)
//! <- `web` (wasm32 only: reads a `Document` into a `Page`, renders, exports to JS).
//! Everything but `web` is pure Rust, tested natively; `scripts/check_layers.sh` enforces
//! the order.

pub mod analysis;
pub mod data;
pub mod page;
pub mod present;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod web;
