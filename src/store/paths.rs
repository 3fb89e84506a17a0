//! Where an article's state files are: the directories, and the file name stem
//! (`state_file_stem`) made of a readable slug of the title and a stable hash of its identity.

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::content::Article;
use crate::text::hash::fnv1a;

/// The environment variable that overrides where state files go.
pub const ENV_DIR: &str = "GLOSE_STATE_DIR";

/// Where one article's state files are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub notes: PathBuf,
    pub position: PathBuf,
    /// A note being written when glose was cut off (signal, hang-up, panic), offered back at
    /// the next start.
    pub draft: PathBuf,
    /// The last presenter session (`glose present`): stop and clocks, offered back at the next
    /// start (`tour::session`).
    pub session: PathBuf,
}

impl Paths {
    /// The files for `article` under the standard directories, or under `GLOSE_STATE_DIR`.
    /// `None` when the platform gives no home directory.
    pub fn for_article(article: &Article) -> Option<Self> {
        let name = state_file_stem(article);
        if let Some(dir) = std::env::var_os(ENV_DIR).filter(|v| !v.is_empty()) {
            return Some(Self::in_dirs(Path::new(&dir), Path::new(&dir), &name));
        }
        let dirs = directories::ProjectDirs::from("", "", "glose")?;
        let data = dirs.data_dir();
        let state = dirs.state_dir().unwrap_or(data);
        Some(Self::in_dirs(data, state, &name))
    }

    /// The files named `name` in the given directories.
    pub fn in_dirs(data: &Path, state: &Path, name: &str) -> Self {
        Self {
            notes: data.join(format!("{name}.notes.toml")),
            position: state.join(format!("{name}.position.toml")),
            draft: data.join(format!("{name}.draft.toml")),
            session: state.join(format!("{name}.presenter.toml")),
        }
    }
}

/// How many characters of the text's opening enter the key.
const KEY_OPENING_CHARS: usize = 400;

/// The file name stem for an article: a readable slug of the title and a hash of its identity.
///
/// The identity is the title, the author, the language and the text's opening characters: two
/// different texts never share a file, the same article opened from another folder finds its
/// state, and an edit further into the text keeps the notes (they are re-anchored by quote).
/// Not `Article::text_hash` (the notes link's name for the exact text, which any edit changes).
pub fn state_file_stem(article: &Article) -> String {
    let meta = &article.meta;
    let opening: String = article.text.chars().take(KEY_OPENING_CHARS).collect();
    let mut identity = Vec::new();
    for field in [&meta.title, &meta.author, &meta.language, &opening] {
        identity.extend_from_slice(field.as_bytes());
        identity.push(0x1f);
    }
    format!("{}-{:016x}", slug(&meta.title), fnv1a(&identity))
}

/// Longest slug in a file name, in bytes.
const MAX_SLUG: usize = 48;

/// A lower-case ASCII slug of whole words, at most `MAX_SLUG` bytes (`article` when nothing is
/// left).
fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.nfd() {
        let piece = match c {
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
            'ß' => "ss",
            _ => "",
        };
        let mut push = |c: char| {
            if c.is_ascii_alphanumeric() {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(c.to_ascii_lowercase());
            } else if !unicode_normalization::char::is_combining_mark(c) {
                dash = true;
            }
        };
        if piece.is_empty() {
            push(c);
        } else {
            piece.chars().for_each(&mut push);
        }
    }
    if out.len() > MAX_SLUG {
        // Whole words only; a single very long word is cut.
        let end = out
            .get(..=MAX_SLUG)
            .and_then(|s| s.rfind('-'))
            .unwrap_or(MAX_SLUG);
        out.truncate(end);
    }
    if out.is_empty() {
        "article".to_owned()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::sample;

    #[test]
    fn key_is_stable_and_distinguishes_articles() {
        let a = sample(2);
        let key = state_file_stem(&a);
        // The same article gives the same key on every machine and Rust version.
        assert_eq!(key, state_file_stem(&a.clone()));
        assert!(key.starts_with("titre-"), "{key}");
        assert_eq!(key.len(), "titre-".len() + 16);
        let mut other = a.clone();
        other.text.replace_range(0..1, "X");
        assert_ne!(state_file_stem(&other), key, "different opening words");
        let mut retitled = a.clone();
        retitled.meta.title = "Autre titre".into();
        assert_ne!(state_file_stem(&retitled), key);
        let mut edited_later = a;
        edited_later.text.push_str(" ajout");
        assert_eq!(
            state_file_stem(&edited_later),
            key,
            "an edit far in keeps the key"
        );
        assert_eq!(
            slug("IA : intelligence artificielle, main-d’œuvre bien réelle"),
            "ia-intelligence-artificielle-main-d-oeuvre-bien"
        );
        assert_eq!(slug("« »"), "article");
        assert_eq!(slug(&"x".repeat(60)).len(), MAX_SLUG);
    }

    #[test]
    fn the_names_of_files_on_disk_never_change() {
        // A student's notes are found again by this name alone: a different value for the same
        // article orphans every notes file already written (as a change of hash would).
        let sample = state_file_stem(&sample(2));
        assert_eq!(sample, "titre-4b0fdfb8be29dc0a");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/english");
        let fixture = crate::content::load_path(&fixture).unwrap().article;
        assert_eq!(state_file_stem(&fixture), "a-minimal-text-903073b4fd0b3ed8");
        let bundled = crate::content::load_bundled().unwrap().article;
        assert_eq!(
            state_file_stem(&bundled),
            "ia-intelligence-artificielle-main-d-oeuvre-bien-995c2fdaa8007f89",
            "the bundled article's title, author, language or opening words changed: every \
             reader's notes on it would be left behind under the old name; keep them, or make \
             the store look for the old name too"
        );
    }
}
