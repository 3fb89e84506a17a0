//! Golden files: output compared byte for byte with a file under `tests/golden/`, regenerated
//! with `GLOSE_BLESS=1` after an intended change (read the diff before committing it).

#![allow(dead_code)]

use std::path::Path;

/// Compares `actual` with the golden file `name`, or rewrites it under `GLOSE_BLESS=1`.
/// `test` names the test target, for the regeneration hint.
pub fn golden(test: &str, name: &str, actual: &[u8]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("GLOSE_BLESS").is_some() {
        std::fs::write(&path, actual).expect("write the golden file");
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (GLOSE_BLESS=1 creates it)", path.display()));
    if expected != actual {
        let expected = String::from_utf8_lossy(&expected);
        let actual = String::from_utf8_lossy(actual);
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from line {}:\n  expected: {:?}\n  actual:   {:?}\n\
             (GLOSE_BLESS=1 cargo test --test {test} regenerates it)",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}
