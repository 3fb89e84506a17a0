//! The shape of the code, checked: data flows one way between the crate's top-level modules.
//!
//! Reads every `src/**/*.rs` file (outside `#[cfg(test)]` items), collects the `crate::…`
//! paths it names, and builds the graph of top-level modules (`app`, `layout`, `ui`, …). The
//! graph must have no cycle, and only the terminal loop may import `ui`: state never asks the
//! drawing code how tall something is (that is `layout`'s job, from data and a size).
//!
//! It also checks that no interface word is written outside `src/i18n`: no file names a
//! language in code (`Lang::En`, `Lang::Fr`, `.pick(`) but the few listed, each with why.

// Test code: helpers outside `#[test]` functions unwrap too.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The modules that may import `ui`: the terminal loop, which draws.
const UI_IMPORTERS: &[&str] = &["term"];

/// An edge of the module graph, with the files that make it.
type Graph = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// How many `#` open a raw string at the start of `s` (`r"` is 0), if one opens there.
fn raw_string_start(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('r')?;
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    rest[hashes..].starts_with('"').then_some(hashes)
}

/// The source without comments, string contents or `#[cfg(test)]` items; and the files
/// declared by `#[cfg(test)] mod name;` (test-only modules), relative to `file`.
fn production_code(file: &Path, source: &str) -> (String, Vec<PathBuf>) {
    let bytes = source.as_bytes();
    let mut code = String::with_capacity(source.len());
    let mut i = 0;
    // First pass: drop comments and the insides of string literals.
    while i < bytes.len() {
        if source[i..].starts_with("//") {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if source[i..].starts_with("/*") {
            i = source[i..]
                .find("*/")
                .map_or(bytes.len(), |end| i + end + 2);
        } else if bytes[i] == b'"' {
            code.push('"');
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                if bytes[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            code.push('"');
            i += 1;
        } else if let Some(hashes) = raw_string_start(&source[i..]) {
            // r"…" or r#"…"#: up to the same number of hashes after a quote.
            let close = format!("\"{}", "#".repeat(hashes));
            let body = i + 2 + hashes;
            i = source[body..]
                .find(&close)
                .map_or(bytes.len(), |end| body + end + close.len());
            code.push_str("\"\"");
        } else if bytes[i] == b'\'' {
            // A character literal ('"', '{', '\'') or a lifetime ('a).
            let mut chars = source[i + 1..].char_indices();
            match (chars.next(), chars.next()) {
                (Some((_, '\\')), _) => {
                    i += 1 + source[i + 1..][2..].find('\'').map_or(0, |end| end + 3);
                }
                (Some((_, c)), Some((_, '\''))) => i += 2 + c.len_utf8(),
                _ => {
                    code.push('\'');
                    i += 1;
                }
            }
        } else {
            let c = source[i..].chars().next().unwrap();
            code.push(c);
            i += c.len_utf8();
        }
    }
    // Second pass: drop every item under `#[cfg(test)]`.
    let mut out = String::with_capacity(code.len());
    let mut test_files = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let mut item = &rest[at + "#[cfg(test)]".len()..];
        // Other attributes of the same item.
        loop {
            item = item.trim_start();
            if item.starts_with("#[") {
                item = &item[item.find(']').unwrap() + 1..];
            } else {
                break;
            }
        }
        let semicolon = item.find(';').unwrap_or(item.len());
        let brace = item.find('{').unwrap_or(item.len());
        if semicolon < brace {
            // `mod name;` (a test-only file) or a `use`.
            let head = item[..semicolon].trim();
            if let Some(name) = head
                .strip_prefix("pub(crate) mod ")
                .or_else(|| head.strip_prefix("pub mod "))
                .or_else(|| head.strip_prefix("mod "))
            {
                let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
                let dir = if stem == "mod" || stem == "lib" {
                    file.parent().unwrap().to_path_buf()
                } else {
                    file.parent().unwrap().join(stem)
                };
                test_files.push(dir.join(format!("{}.rs", name.trim())));
            }
            rest = &item[(semicolon + 1).min(item.len())..];
        } else {
            let mut depth = 0usize;
            let mut end = item.len();
            for (j, c) in item.char_indices().skip(brace) {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = j + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            rest = &item[end..];
        }
    }
    out.push_str(rest);
    (out, test_files)
}

/// The top-level modules named by `crate::…` paths in `code`, `use crate::{a, b::c}` included.
fn named_modules(code: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let after = &code[at + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            // Top-level names of the group, at brace depth 0.
            let mut depth = 0usize;
            let mut start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if c.is_whitespace() => {}
                    _ if start && depth == 0 => {
                        let name = ident(&group[j..]);
                        if !name.is_empty() && name != "self" {
                            out.insert(name);
                        }
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(after);
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

fn graph() -> Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut test_only: BTreeSet<PathBuf> = BTreeSet::new();
    let mut sources = Vec::new();
    for file in files {
        let source = fs::read_to_string(&file).unwrap();
        let (code, tests) = production_code(&file, &source);
        test_only.extend(tests);
        sources.push((file, code));
    }
    let mut graph = Graph::new();
    for (file, code) in sources {
        if test_only.contains(&file) {
            continue;
        }
        let relative = file.strip_prefix(&root).unwrap();
        let first = relative.components().next().unwrap();
        let top = Path::new(first.as_os_str())
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if top == "lib" || top == "main" {
            continue;
        }
        let entry = graph.entry(top.clone()).or_default();
        for module in named_modules(&code) {
            if module != top {
                entry
                    .entry(module)
                    .or_default()
                    .insert(relative.display().to_string());
            }
        }
    }
    graph
}

/// Every cycle's modules (strongly connected components of more than one module).
fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    // Tarjan's algorithm, iterating over a sorted graph so the report is stable.
    struct Walk<'a> {
        graph: &'a Graph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.graph.get(v).into_iter().flat_map(|e| e.keys()) {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.on_stack.contains(w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                loop {
                    let w = self.stack.pop().unwrap();
                    self.on_stack.remove(w);
                    component.push(w.to_owned());
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !walk.index.contains_key(v.as_str()) {
            walk.visit(v);
        }
    }
    walk.found
}

#[test]
fn the_graph_is_read_from_the_sources() {
    let graph = graph();
    // A few edges that must be there, so that a parser gone blind cannot pass the tests below.
    for (from, to) in [("term", "ui"), ("ui", "layout"), ("app", "layout")] {
        assert!(
            graph.get(from).is_some_and(|e| e.contains_key(to)),
            "{from} -> {to} not found: {graph:#?}"
        );
    }
    assert!(graph.len() > 20, "{graph:#?}");
}

#[test]
fn test_items_and_comments_are_not_imports() {
    let (code, tests) = production_code(
        Path::new("src/a.rs"),
        "use crate::b::X;\n// crate::c\n/// [`crate::d`]\nconst S: &str = \"crate::e\";\n\
         const C: char = '{'; const Q: char = '\\''; const R: &str = r#\"crate::f\"#;\n\
         #[cfg(test)]\nmod fixture;\n#[cfg(test)]\n#[allow(dead_code)]\nfn f() { crate::g::h(); }\n\
         #[cfg(test)]\nmod tests { use crate::{h, i::{J, K}}; }\nfn k() { crate::l::m(); }\n",
    );
    let named = named_modules(&code);
    assert_eq!(named, BTreeSet::from(["b".to_owned(), "l".to_owned()]));
    assert_eq!(tests, vec![PathBuf::from("src/a/fixture.rs")]);
    let group = named_modules("use crate::{h, i::{J, K}, self};");
    assert_eq!(group, BTreeSet::from(["h".to_owned(), "i".to_owned()]));
}

#[test]
fn no_import_cycles_between_top_level_modules() {
    let graph = graph();
    let found = cycles(&graph);
    let report: Vec<String> = found
        .iter()
        .map(|cycle| {
            let edges: Vec<String> = cycle
                .iter()
                .flat_map(|from| {
                    graph[from].iter().filter(|(to, _)| cycle.contains(to)).map(
                        move |(to, files)| {
                            let files: Vec<&str> = files.iter().map(String::as_str).collect();
                            format!("  {from} -> {to} ({})", files.join(", "))
                        },
                    )
                })
                .collect();
            format!("{}:\n{}", cycle.join(", "), edges.join("\n"))
        })
        .collect();
    assert!(found.is_empty(), "import cycles:\n{}", report.join("\n"));
}

#[test]
fn only_the_terminal_loop_imports_ui() {
    let graph = graph();
    let importers: Vec<String> = graph
        .iter()
        .filter(|(from, _)| !UI_IMPORTERS.contains(&from.as_str()))
        .filter_map(|(from, edges)| {
            let files = edges.get("ui")?;
            let files: Vec<&str> = files.iter().map(String::as_str).collect();
            Some(format!("{from} ({})", files.join(", ")))
        })
        .collect();
    assert!(
        importers.is_empty(),
        "only {UI_IMPORTERS:?} may import ui; these do too: {}",
        importers.join("; ")
    );
}

/// Files outside `src/i18n` that still name a language in code, and why they must. The test
/// fails when a file not listed here names one (`Lang::En`, `Lang::Fr`, `.pick(`), and when a
/// listed file no longer does, so the list only ever shrinks.
const NAMES_A_LANGUAGE: &[(&str, &str)] = &[
    (
        "cli.rs",
        "reads the two values `--lang` takes, `fr` and `en`",
    ),
    (
        "input/keymap.rs",
        "writes README.md's key tables, which are in English like README.md",
    ),
    (
        "store/atomic.rs",
        "a refused file becomes an io::Error, whose text is English like every system error",
    ),
];

/// Every interface word is written in `src/i18n` (issue #11): a French/English pair written
/// inline elsewhere (`match lang { Lang::En => …, Lang::Fr => … }`, `lang.pick("…", "…")`)
/// means a string that `i18n` does not hold. Test code is not checked.
#[test]
fn every_interface_string_goes_through_i18n() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut test_only = BTreeSet::new();
    let mut found = BTreeMap::new();
    for file in &files {
        let source = fs::read_to_string(file).unwrap();
        let (code, tests) = production_code(file, &source);
        test_only.extend(tests);
        let name = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if name == "i18n.rs" || name.starts_with("i18n/") {
            continue;
        }
        let hits = ["Lang::En", "Lang::Fr", ".pick("]
            .iter()
            .map(|needle| code.matches(needle).count())
            .sum::<usize>();
        if hits > 0 {
            found.insert(file.clone(), (name, hits));
        }
    }
    let found: BTreeMap<String, usize> = found
        .into_iter()
        .filter(|(file, _)| !test_only.contains(file))
        .map(|(_, named)| named)
        .collect();
    let unexpected: Vec<String> = found
        .iter()
        .filter(|(name, _)| !NAMES_A_LANGUAGE.iter().any(|(n, _)| n == name))
        .map(|(name, hits)| format!("{name} ({hits})"))
        .collect();
    assert!(
        unexpected.is_empty(),
        "interface words written outside src/i18n (move them to an i18n table): {unexpected:?}"
    );
    for (name, why) in NAMES_A_LANGUAGE {
        assert!(
            found.contains_key(*name),
            "{name} no longer names a language: remove it from NAMES_A_LANGUAGE ({why})"
        );
    }
}

/// The check above finds what it looks for: an inline pair in production code counts, the
/// same words in a test module or a comment do not.
#[test]
fn an_inline_pair_is_found_and_test_code_is_not() {
    let source = "fn f(lang: Lang) -> &'static str {\n    lang.pick(\"yes\", \"oui\")\n}\n\
                  // Lang::Fr in a comment\n\
                  #[cfg(test)]\nmod tests { fn g() { let _ = Lang::Fr; } }\n";
    let (code, _) = production_code(Path::new("src/x.rs"), source);
    assert_eq!(code.matches(".pick(").count(), 1);
    assert_eq!(code.matches("Lang::Fr").count(), 0);
}
