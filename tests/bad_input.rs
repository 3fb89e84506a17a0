//! Bad input, as a hostile or clumsy folder would give it: each gets a clear message and the
//! documented exit code (1 content, 2 I/O), never a panic, a hang or unbounded memory. Runs the
//! real `glose check` (with a time limit, so a hang fails instead of blocking the suite) on
//! folders built in temporary directories, and closes the output pipes under `check` and
//! `export`.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longer than any of these runs takes on a slow machine; a run past it is a hang.
const TIME_LIMIT: Duration = Duration::from_secs(30);

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `glose ARGS` with a time limit, asserting it exits by itself, without a panic and
/// without an ESC byte in its output.
fn glose(args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(args)
        .env("LANG", "fr_FR.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run glose");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("piped stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("piped stderr")));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for glose") {
            break status;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            panic!("glose {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let run = Run {
        code: status.code().expect("an exit code, not a signal"),
        stdout: String::from_utf8(stdout.join().expect("stdout read")).expect("UTF-8 stdout"),
        stderr: String::from_utf8(stderr.join().expect("stderr read")).expect("UTF-8 stderr"),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(
        !run.stdout.contains('\x1b') && !run.stderr.contains('\x1b'),
        "ESC in the output"
    );
    run
}

fn check(path: &Path) -> Run {
    glose(&["check", "--lang", "en", path.to_str().expect("UTF-8 path")])
}

#[track_caller]
fn assert_fails(run: &Run, code: i32, fragments: &[&str]) {
    assert_eq!(run.code, code, "stderr:\n{}", run.stderr);
    for fragment in fragments {
        assert!(
            run.stderr.contains(fragment),
            "missing {fragment:?} in:\n{}",
            run.stderr
        );
    }
}

/// A copy of `tests/fixtures/valid-minimal` in a temporary directory.
fn valid_folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let folder = dir.path().join("texte");
    fs::create_dir(&folder).expect("create the folder");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-minimal");
    for entry in fs::read_dir(fixture).expect("the fixture") {
        let entry = entry.expect("a fixture file");
        fs::copy(entry.path(), folder.join(entry.file_name())).expect("copy the fixture");
    }
    (dir, folder)
}

#[test]
fn an_empty_text_file() {
    let (_dir, folder) = valid_folder();
    fs::write(folder.join("text.md"), "").unwrap();
    assert_fails(
        &check(&folder),
        1,
        &["text.md' is empty", "= help: write the text in it"],
    );
    let plain = folder.join("vide.md");
    fs::write(&plain, "\u{feff}\n \n").unwrap();
    assert_fails(&check(&plain), 1, &["vide.md' is empty"]);
}

#[test]
fn an_empty_quote() {
    let (_dir, folder) = valid_folder();
    let annotations = fs::read_to_string(folder.join("annotations.toml")).unwrap();
    let emptied = annotations.replacen("quote = \"data workers\"", "quote = \"\"", 1);
    assert_ne!(emptied, annotations);
    fs::write(folder.join("annotations.toml"), emptied).unwrap();
    assert_fails(
        &check(&folder),
        1,
        &[
            "error: quote of annotation 'terme-data-workers' is empty",
            "annotations.toml:14:9",
        ],
    );
}

#[test]
fn invalid_utf8_in_the_text() {
    let (_dir, folder) = valid_folder();
    fs::write(folder.join("text.md"), b"# Introduction\n\nL\xe9t\xe9.\n").unwrap();
    assert_fails(
        &check(&folder),
        1,
        &["text.md' is not valid UTF-8: bad byte at offset 17"],
    );
    // A plain file is read as Windows-1252, with a warning: `less` shows it, so does glose.
    let plain = folder.join("latin1.txt");
    fs::write(&plain, b"caf\xe9").unwrap();
    assert_fails(
        &check(&plain),
        0,
        &["latin1.txt' is not UTF-8; it is read as Windows-1252"],
    );
}

/// A named pipe where a file is expected: opening it would wait forever for a writer.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_at_once() {
    let (_dir, folder) = valid_folder();
    let text = folder.join("text.md");
    fs::remove_file(&text).unwrap();
    let made = Command::new("mkfifo").arg(&text).status().expect("mkfifo");
    assert!(made.success());
    assert_fails(
        &check(&folder),
        2,
        &["cannot read '", "text.md': it is not a regular file"],
    );
    let plain = folder.join("tube.md");
    assert!(
        Command::new("mkfifo")
            .arg(&plain)
            .status()
            .unwrap()
            .success()
    );
    assert_fails(&check(&plain), 2, &["tube.md': it is not a regular file"]);
    // Nor does the reader wait on it.
    // (in the interface language, French here)
    let run = glose(&[plain.to_str().unwrap()]);
    assert_fails(&run, 2, &["tube.md' : ce n’est pas un fichier ordinaire"]);
}

/// A device where a file is expected is not read (`/dev/zero` never ends).
#[cfg(unix)]
#[test]
fn a_device_is_refused() {
    let (_dir, folder) = valid_folder();
    fs::remove_file(folder.join("sources.toml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", folder.join("sources.toml")).unwrap();
    assert_fails(
        &check(&folder),
        2,
        &["sources.toml': it is not a regular file"],
    );
}

/// A file that cannot be opened, even by root: a symbolic link to itself.
#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    let (_dir, folder) = valid_folder();
    let annotations = folder.join("annotations.toml");
    fs::remove_file(&annotations).unwrap();
    std::os::unix::fs::symlink("annotations.toml", &annotations).unwrap();
    assert_fails(
        &check(&folder),
        2,
        &[
            "cannot read '",
            "annotations.toml': too many levels of symbolic links",
        ],
    );
}

/// A file without read permission (root reads it anyway: then the test says so and checks
/// nothing, the symbolic-link loop above covering the path).
#[cfg(unix)]
#[test]
fn a_file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, folder) = valid_folder();
    let text = folder.join("text.md");
    fs::set_permissions(&text, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&text).is_ok() {
        eprintln!("skipped: running as root, permissions do not apply");
        return;
    }
    assert_fails(&check(&folder), 2, &["text.md': permission denied"]);
}

/// Hundreds of megabytes (sparse files: nothing is written to disk) are refused from their size,
/// before they are read.
#[test]
fn huge_files_are_refused_by_size() {
    let (_dir, folder) = valid_folder();
    let sized = |path: &Path, bytes: u64| {
        fs::File::create(path).unwrap().set_len(bytes).unwrap();
    };
    sized(&folder.join("text.md"), 300 << 20);
    sized(&folder.join("tour.toml"), 100 << 20);
    let run = check(&folder);
    assert_fails(
        &run,
        2,
        &[
            "text.md' is larger than the 64 MiB limit for a text file",
            "tour.toml' is larger than the 8 MiB limit for a TOML file",
            "2 errors, 0 warnings",
        ],
    );
    // In French, the units French software writes (Mio), as every size message does.
    let french = glose(&[
        "check",
        "--lang",
        "fr",
        folder.to_str().expect("UTF-8 path"),
    ]);
    assert_fails(
        &french,
        2,
        &[
            "text.md' dépasse la limite de 64 Mio d’un fichier texte",
            "tour.toml' dépasse la limite de 8 Mio d’un fichier TOML",
        ],
    );
    assert!(!french.stderr.contains("MiB"), "{}", french.stderr);
    let plain = folder.join("gros.txt");
    sized(&plain, 500 << 20);
    assert_fails(
        &check(&plain),
        2,
        &["gros.txt' is larger than the 64 MiB limit for a text file"],
    );
    // Just under the limit is read.
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-minimal/tour.toml"),
    )
    .unwrap();
    // Padded with one long comment line to exactly the limit.
    let mut padded = text.into_bytes();
    padded.extend_from_slice(b"\n#");
    padded.resize((8 << 20) - 1, b'x');
    padded.push(b'\n');
    fs::write(folder.join("tour.toml"), padded).unwrap();
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-minimal/text.md"),
        folder.join("text.md"),
    )
    .unwrap();
    let run = check(&folder);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// TOML nested 100 000 deep in every way TOML nests: an error, never a stack overflow.
#[test]
fn deeply_nested_toml() {
    let depth = 100_000;
    let cases = [
        format!("x = {}{}", "[".repeat(depth), "]".repeat(depth)),
        format!("x = {}1{}", "{a=".repeat(depth), "}".repeat(depth)),
        format!("x = {}", "[".repeat(depth)),
        format!("{} = 1", vec!["a"; depth].join(".")),
        format!("[{}]", vec!["a"; depth].join(".")),
        format!("[[{}]]", vec!["a"; depth].join(".")),
    ];
    for (i, toml) in cases.iter().enumerate() {
        let (_dir, folder) = valid_folder();
        // In each TOML file in turn, article.toml included.
        let file = [
            "sources.toml",
            "annotations.toml",
            "tour.toml",
            "article.toml",
        ][i % 4];
        fs::write(folder.join(file), toml).unwrap();
        let run = check(&folder);
        assert_fails(
            &run,
            1,
            &["error: this line is not valid TOML", &format!("{file}:1:")],
        );
    }
}

/// Ten thousand annotations on one paragraph load, and `check` counts them.
#[test]
fn ten_thousand_annotations_on_one_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path();
    let (article, text, annotations) = many_annotations(10_000);
    fs::write(folder.join("article.toml"), article).unwrap();
    fs::write(folder.join("text.md"), text).unwrap();
    fs::write(folder.join("annotations.toml"), annotations).unwrap();
    let run = check(folder);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("10000 annotations: 0 figures, 0 quotes, 0 sources, 10000 terms"),
        "{}",
        run.stdout
    );
}

/// An article of one paragraph of `n` words, each annotated.
fn many_annotations(n: usize) -> (String, String, String) {
    let article = "title = \"Dix mille\"\nauthor = \"A\"\nlanguage = \"fr\"\n\n\
        [[part]]\nid = \"un\"\nkind = \"part\"\nheading = \"Un\"\n"
        .to_owned();
    let words: Vec<String> = (0..n).map(|i| format!("m{i:05}")).collect();
    let text = format!("# Un\n\n{}.\n", words.join(" "));
    let annotations: String = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            format!("[[annotation]]\nid = \"a{i}\"\nkind = \"term\"\nquote = \"{w}\"\ncontext = \"c\"\n\n")
        })
        .collect();
    (article, text, annotations)
}

/// The reader on those ten thousand annotations: Tab, the end, back, at a narrow size; every
/// annotation is laid out and the selected one is on screen.
#[test]
fn ten_thousand_annotations_read() {
    use glose::app::{Action, App};
    use glose::i18n::Lang;
    use glose::theme::{Theme, ThemeName};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let (article, text, annotations) = many_annotations(10_000);
    let files = [
        ("article.toml", article),
        ("text.md", text),
        ("annotations.toml", annotations),
    ];
    let loaded = glose::content::load_files("dix-mille", &|name| {
        files
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| c.clone().into_bytes())
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
    })
    .expect("loads");
    let mut app = App::new(
        loaded.article,
        Lang::Fr,
        Theme::named(ThemeName::Monochrome),
        (60, 20),
    );
    assert_eq!(app.layout(0).unwrap().annotations.len(), 10_000);
    let mut terminal = Terminal::new(TestBackend::new(60, 20)).unwrap();
    for action in [
        Action::NextAnnotation,
        Action::PrevAnnotation,
        Action::PrevAnnotation,
        Action::Bottom,
        Action::Resize(200, 60),
        Action::Resize(60, 20),
    ] {
        app.update(action);
        if let Action::Resize(w, h) = action {
            terminal.backend_mut().resize(w, h);
        }
        terminal
            .draw(|frame| glose::ui::render(&app, frame))
            .unwrap();
    }
    assert_eq!(app.view.selected, Some(9_998));
    let screen = terminal.backend().to_string();
    assert!(screen.contains("m09998"), "{screen}");
}

/// A folder whose name holds escape sequences is named harmlessly in messages.
#[cfg(unix)]
#[test]
fn a_hostile_folder_name() {
    let (dir, folder) = valid_folder();
    let hostile = dir.path().join("piège\x1b]0;pwned\x07\x1b[2J");
    fs::rename(&folder, &hostile).unwrap();
    fs::remove_file(hostile.join("text.md")).unwrap();
    let run = check(&hostile);
    assert_fails(&run, 2, &["piège␛]0;pwned␇␛[2J/text.md': no such file"]);
    let run = glose(&[hostile.to_str().unwrap()]);
    assert_fails(&run, 2, &["piège␛]0;pwned␇␛[2J/text.md"]);
    assert!(run.stderr.ends_with('\n'), "{:?}", run.stderr);
}

/// `glose check | head -1` and `glose export | head -1`: the reader leaves early; glose stops
/// writing and keeps its exit code (Rust would otherwise panic on the closed pipe).
#[test]
fn a_closed_output_pipe_is_not_a_crash() {
    let closed = || {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        writer
    };
    let run_with = |args: &[&str], stdout: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_glose"));
        command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
        if stdout {
            command.stdout(closed()).stderr(Stdio::piped());
        } else {
            command.stdout(Stdio::null()).stderr(closed());
        }
        let output = command.output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        (output.status.code(), stderr)
    };
    assert_eq!(run_with(&["check"], true), (Some(0), String::new()));
    assert_eq!(run_with(&["export"], true), (Some(0), String::new()));
    assert_eq!(
        run_with(&["check", "tests/fixtures/multiple-errors"], false).0,
        Some(1)
    );
    assert_eq!(
        run_with(&["check", "tests/fixtures/no-such-folder"], false).0,
        Some(2)
    );
}
