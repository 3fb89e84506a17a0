//! No source file under `src/` is longer than 600 lines before its `#[cfg(test)]` module: a
//! file that grows past that holds two things and is split along its seams (as `store/`,
//! `config/` and `content/schema/` were).

// Test code: helpers outside `#[test]` functions unwrap too.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

/// Most lines a file may have before its test module.
const LIMIT: usize = 600;

/// Generated, not written: exempt for good.
const GENERATED: &[&str] = &["content/bundled/generated.rs"];

/// Files still over the limit while other work splits them (the interaction core, issue #11:
/// none left). Each must really be over the limit: once a file is split (or renamed), the
/// test fails until it leaves this list, so the list only ever shrinks.
const NOT_YET_SPLIT: &[&str] = &[];

/// Every `.rs` file under `dir`, as paths relative to `root` with `/` separators.
fn sources(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).unwrap();
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((name, path));
        }
    }
}

/// The lines before the file's test module: the first `#[cfg(test)]` at the start of a line
/// whose item (after any further attributes) is a `mod`; the whole file when it has none.
fn lines_before_tests(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if line.trim_end() != "#[cfg(test)]" {
            continue;
        }
        let item = lines
            .iter()
            .skip(i + 1)
            .find(|l| !l.starts_with("#["))
            .copied()
            .unwrap_or("");
        let item = item
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub(super) ")
            .trim_start_matches("pub ");
        if item.starts_with("mod ") {
            return i;
        }
    }
    lines.len()
}

#[test]
fn counting_stops_at_the_test_module_only() {
    let text = "a\n#[cfg(test)]\nfn helper() {}\nb\n#[cfg(test)]\n#[allow(x)]\nmod tests {\n}\n";
    assert_eq!(lines_before_tests(text), 4);
    assert_eq!(lines_before_tests("a\nb\nc\n"), 3);
    assert_eq!(
        lines_before_tests("a\n#[cfg(test)]\npub(crate) mod tests {}\n"),
        1
    );
}

#[test]
fn no_source_file_is_over_600_lines_before_its_tests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    assert!(files.len() > 50, "the sources were found: {}", files.len());
    let mut too_long = Vec::new();
    let mut split_already = Vec::new();
    for (name, path) in &files {
        if GENERATED.contains(&name.as_str()) {
            continue;
        }
        let lines = lines_before_tests(&std::fs::read_to_string(path).unwrap());
        if NOT_YET_SPLIT.contains(&name.as_str()) {
            if lines <= LIMIT {
                split_already.push(format!("src/{name} ({lines} lines)"));
            }
        } else if lines > LIMIT {
            too_long.push(format!("src/{name}: {lines} lines before its tests"));
        }
    }
    for name in NOT_YET_SPLIT {
        if !files.iter().any(|(n, _)| n == name) {
            split_already.push(format!("src/{name} (gone)"));
        }
    }
    assert!(
        too_long.is_empty(),
        "over {LIMIT} lines: split these along their seams:\n{}",
        too_long.join("\n")
    );
    assert!(
        split_already.is_empty(),
        "within the limit now: remove from NOT_YET_SPLIT in tests/file_size.rs:\n{}",
        split_already.join("\n")
    );
}
