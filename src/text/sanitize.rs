//! Sanitising untrusted text (stub: filled by the loader work).
