//! `glose check`: validate an article and print its summary (stub: filled by the loader work).

use std::path::Path;

/// Runs `glose check` and returns the process exit code (0 valid, 1 content errors, 2 I/O).
pub fn run(_path: Option<&Path>) -> u8 {
    0
}
