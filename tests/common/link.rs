//! The presenter link's private runtime folder, as the facilitator tests set it up: presenters
//! and notes windows started with [`Runtime::env`] talk to each other and to nothing else.

#![allow(dead_code)]

use std::path::PathBuf;

/// A runtime folder of the test's own (`GLOSE_RUNTIME_DIR`), removed with it.
pub struct Runtime {
    dir: tempfile::TempDir,
    /// The folder itself (created by the first glose that needs it).
    pub run: PathBuf,
    value: String,
}

impl Runtime {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let run = dir.path().join("run");
        let value = run.to_str().expect("a UTF-8 path").to_owned();
        Self { dir, run, value }
    }

    /// The environment that points glose at the folder.
    pub fn env(&self) -> [(&str, &str); 1] {
        [("GLOSE_RUNTIME_DIR", self.value.as_str())]
    }

    /// The folder the runtime folder is in (for other state files).
    pub fn parent(&self) -> &std::path::Path {
        self.dir.path()
    }
}
