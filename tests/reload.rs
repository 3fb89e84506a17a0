//! Live reload, in a pseudo-terminal: the test edits the folder's files while glose shows them;
//! the screen changes without a key, the reading position and the selection hold, and a broken
//! save keeps the last good text on screen and shows the problem.

#![cfg(unix)]

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::pty::Session;

/// A folder with a long first part, so that the reader scrolls, and one annotation.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut text = String::from("# Première partie\n\n");
    for n in 1..=40 {
        let _ = write!(
            text,
            "Paragraphe numéro {n} du texte, qui parle de caractères.\n\n"
        );
    }
    text.push_str("Le dernier paragraphe parle de Unicode et de ses 21 bits.\n");
    let write =
        |name: &str, body: &str| std::fs::write(dir.path().join(name), body).expect("write");
    write(
        "article.toml",
        "title = \"Recharger\"\nauthor = \"Claire Martin\"\nlanguage = \"fr\"\n\n\
         [[part]]\nid = \"partie-1\"\nkind = \"part\"\nheading = \"Première partie\"\n",
    );
    write("text.md", &text);
    write(
        "annotations.toml",
        "# A comment.\n[[annotation]]\nid = \"fig-21-bits\"\nkind = \"figure\"\n\
         quote = \"21 bits\"\ncontext = \"Premier contexte.\"\n",
    );
    dir
}

fn replace(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, text.replace(from, to)).expect("write");
}

#[test]
fn a_save_reloads_the_screen_where_the_reader_was() {
    let dir = folder();
    let path = dir.path().to_str().expect("UTF-8 path").to_owned();
    let mut session = Session::start(&["--lang", "en", &path], 90, 24, &[]);
    session.wait_for("Paragraphe numéro 1 du texte");
    // To the end of the part, and select the annotation there.
    session.send("G");
    session.wait_for("ses 21 bits");
    session.send("\t");
    session.wait_for("Premier contexte.");

    // The text: a word changed above and one on screen; no key is pressed.
    replace(
        &dir.path().join("text.md"),
        "Le dernier paragraphe",
        "Le tout dernier paragraphe",
    );
    session.wait_for("Le tout dernier paragraphe");
    let screen = session.contents();
    assert!(
        !screen.contains("Paragraphe numéro 1 du"),
        "the position held:\n{screen}"
    );
    assert!(
        screen.contains("Premier contexte."),
        "the selection held:\n{screen}"
    );

    // The annotations: a new context for the selected annotation.
    replace(
        &dir.path().join("annotations.toml"),
        "Premier contexte.",
        "Second contexte.",
    );
    session.wait_for("Second contexte.");

    // A broken save (an empty text): the last good text stays, and the problem is shown.
    std::fs::write(dir.path().join("text.md"), "").expect("write");
    session.wait_for("1 problem — press ! to see them");
    assert!(session.contents().contains("Le tout dernier paragraphe"));
    session.send("!");
    session.wait_for("text.md' is empty");
    session.send("q");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn the_presenter_reloads_on_the_same_stop() {
    let dir = folder();
    std::fs::write(
        dir.path().join("tour.toml"),
        "[[stop]]\ntitle = \"Début\"\npart = \"partie-1\"\nminutes = 2\n\n\
         [[stop]]\ntitle = \"Vingt et un bits\"\nannotation = \"fig-21-bits\"\nminutes = 3\n\
         questions = [\"Ancienne question ?\"]\n",
    )
    .expect("write");
    let path = dir.path().to_str().expect("UTF-8 path").to_owned();
    let mut session = Session::start(&["present", "--lang", "en", &path], 90, 24, &[]);
    session.wait_for("Stop 1/2");
    session.send(" ");
    session.wait_for("Ancienne question ?");
    replace(
        &dir.path().join("tour.toml"),
        "Ancienne question",
        "Nouvelle question",
    );
    session.wait_for("Nouvelle question ?");
    assert!(
        session.contents().contains("Stop 2/2"),
        "{}",
        session.contents()
    );
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}
