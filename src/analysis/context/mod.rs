//! The context around the people: places, organisations, dates in the text, topics.

pub mod named;
pub mod organizations;
pub mod places;
pub mod timeline;
pub mod topics;
