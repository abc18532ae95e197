//! String tools with no dependency on the page or the data: the tokenizer, ASCII
//! case-folded patterns and word-start scanning.

pub mod ascii;
pub mod names;
pub mod pattern;
pub mod scan;
pub mod url;
