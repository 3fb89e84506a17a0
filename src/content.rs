//! Loading an annotated article folder (stub: filled by the loader work).

mod interim;
pub mod model;

// INTERIM until the loader lands in main (then delete interim.rs and this line).
pub use interim::{LoadError, Loaded, load_bundled, load_path};

pub use model::*;
