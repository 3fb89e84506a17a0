//! What the reader asks of the world outside the terminal (open an address, copy a citation):
//! `update` only records it in `App::requests`; the event loop carries it out (`desk::Desk`).

/// Something the reader asked for that only the event loop may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Open this address (already checked by `text::sanitize::safe_url`) with the system's opener.
    Open(String),
    /// Put this citation on the clipboard.
    Copy(String),
    /// Put this address (a link's) on the clipboard.
    CopyAddress(String),
}
