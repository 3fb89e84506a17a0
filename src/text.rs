//! Text primitives shared by every view: sanitising untrusted text, wrapping it, the one
//! grapheme cursor, and the one stable hash.

pub mod cursor;
pub mod hash;
pub mod sanitize;
pub mod wrap;
