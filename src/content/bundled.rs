//! The article compiled into the binary (the repository's `article/` folder).
//!
//! Two ways to get it:
//! - [`parse`] reads the five files (compiled in with `include_bytes!`) through every check,
//!   exactly like a folder on disk; `glose check` with no path uses it;
//! - [`load`] returns the same article already built: `generated.rs` holds it as Rust code,
//!   written from the parsed article by a test (`GLOSE_BLESS=1 cargo test --lib bundled`), so
//!   that opening the reader costs no TOML parsing, sanitising or quote anchoring (about 2 ms,
//!   a third of glose's start-up). `generated.rs` records a fingerprint of the files it was
//!   built from; when the files compiled in differ (someone edited `article/` and did not
//!   bless), [`load`] parses them instead, so it can never show a stale article. The test
//!   `the_generated_article_is_the_parsed_one` fails until the file is blessed again.

use std::io;

use super::model::Article;

use super::{LoadError, Loaded, load_files};

// Generated code: laid out by its writer, and `vec![a..b]` is a list of one paragraph.
#[rustfmt::skip]
#[allow(clippy::single_range_in_vec_init)]
mod generated;

/// The files of `article/`, as compiled in, by name.
const FILES: [(&str, &[u8]); 5] = [
    ("article.toml", include_bytes!("../../article/article.toml")),
    ("text.md", include_bytes!("../../article/text.md")),
    (
        "annotations.toml",
        include_bytes!("../../article/annotations.toml"),
    ),
    ("sources.toml", include_bytes!("../../article/sources.toml")),
    ("tour.toml", include_bytes!("../../article/tour.toml")),
];

/// FNV-1a (64 bits) of every file's name, length and bytes, computed at compile time.
const fn fingerprint(files: &[(&str, &[u8])]) -> u64 {
    let mut hash = crate::text::hash::Fnv1a::new();
    let mut f = 0;
    while f < files.len() {
        let (name, bytes) = files[f];
        let length = (bytes.len() as u64).to_le_bytes();
        hash = hash.write(name.as_bytes()).write(&length).write(bytes);
        f += 1;
    }
    hash.finish()
}

/// The fingerprint of the files compiled into this binary.
const FINGERPRINT: u64 = fingerprint(&FILES);

/// The bundled article: the prebuilt one when it was built from these very files, else parsed.
pub fn load() -> Result<Loaded, LoadError> {
    load_prebuilt(generated::FINGERPRINT, generated::article)
}

/// [`load`], for a prebuilt article `prebuilt` built from files of fingerprint `built_from`.
fn load_prebuilt(built_from: u64, prebuilt: fn() -> Article) -> Result<Loaded, LoadError> {
    if built_from == FINGERPRINT {
        Ok(Loaded {
            article: prebuilt(),
            warnings: Vec::new(),
        })
    } else {
        parse()
    }
}

/// The bundled article, read from its files through every check.
pub fn parse() -> Result<Loaded, LoadError> {
    load_files("article", &|name| {
        FILES
            .iter()
            .find(|(file, _)| *file == name)
            .map(|(_, bytes)| bytes.to_vec())
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
    })
}

#[cfg(test)]
mod writer;

#[cfg(test)]
mod tests {
    use super::*;

    const GENERATED: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/content/bundled/generated.rs"
    );

    #[test]
    fn the_generated_article_is_the_parsed_one() {
        let parsed = match parse() {
            Ok(loaded) => loaded,
            Err(error) => panic!("the bundled article does not load:\n{error}"),
        };
        assert!(
            parsed.warnings.is_empty(),
            "the bundled article has warnings:\n{:?}",
            parsed.warnings
        );
        let code = writer::rust(&parsed.article, FINGERPRINT);
        if std::env::var_os("GLOSE_BLESS").is_some() {
            std::fs::write(GENERATED, &code).expect("write generated.rs");
            return;
        }
        let on_disk = std::fs::read_to_string(GENERATED).unwrap_or_default();
        assert!(
            on_disk == code,
            "src/content/bundled/generated.rs is out of date with article/: \
             run `GLOSE_BLESS=1 cargo test --lib bundled` and commit it"
        );
        assert_eq!(generated::FINGERPRINT, FINGERPRINT);
        assert_eq!(generated::article(), parsed.article);
    }

    #[test]
    fn a_stale_prebuilt_article_is_never_shown() {
        // A stand-in prebuilt article that differs from the real one, to tell which is shown.
        let stand_in = Article::default;
        let parsed = parse().map(|l| l.article).ok();
        assert!(parsed.as_ref().is_some_and(|a| *a != stand_in()));
        let fresh = load_prebuilt(FINGERPRINT, stand_in).map(|l| l.article).ok();
        assert_eq!(fresh, Some(stand_in()), "built from these files: shown");
        let stale = load_prebuilt(FINGERPRINT ^ 1, stand_in)
            .map(|l| l.article)
            .ok();
        assert_eq!(
            stale, parsed,
            "built from other files: the files are parsed"
        );
    }

    #[test]
    fn the_fingerprint_sees_every_byte_and_every_boundary() {
        let base = fingerprint(&[("a", b"xy"), ("b", b"z")]);
        assert_ne!(base, fingerprint(&[("a", b"xz"), ("b", b"z")]));
        assert_ne!(base, fingerprint(&[("a", b"x"), ("b", b"yz")]));
        assert_ne!(base, fingerprint(&[("a", b"xy"), ("c", b"z")]));
        assert_eq!(base, fingerprint(&[("a", b"xy"), ("b", b"z")]));
    }
}
