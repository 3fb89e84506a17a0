//! Text primitives shared by every view: sanitising untrusted text and wrapping it.

pub mod sanitize;
pub mod wrap;
