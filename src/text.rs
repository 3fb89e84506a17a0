//! Text primitives shared by every view: sanitising untrusted text, wrapping it, and the one
//! stable hash.

pub mod hash;
pub mod sanitize;
pub mod wrap;
