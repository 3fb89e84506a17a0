//! Loading an annotated article folder (stub: filled by the loader work).

pub mod model;

pub use model::*;
