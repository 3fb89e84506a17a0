//! What each table of the four TOML files may hold: every key with its type, whether it is
//! required, its limits and an example, in one place.
//!
//! The tables are checked against this description before serde reads them, so that a wrong
//! type, a missing key or a bad value gets a message in plain words with an example of the right
//! form (`minutes must be a whole number of minutes, e.g. minutes = 4`), in the interface
//! language, rather than serde's (`invalid type: string "4", expected u32`). The same
//! description gives the JSON Schemas that `glose schema` prints.

mod check;
mod json;

pub use check::{check, closest_name, did_you_mean, must_be, remove_key, unknown_key, whole};
pub use json::json_schema;

use crate::i18n::Lang;

/// The type of a key's value.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// A string.
    Text,
    /// A whole number from `min` to `max`; `unit` says what it counts, in the diagnostics'
    /// language (` of minutes`).
    Whole {
        min: u32,
        max: u32,
        unit: Option<fn(Lang) -> &'static str>,
    },
    /// A list of strings, with at most `max` items.
    TextList { max: Option<usize> },
    /// One of the given names.
    OneOf(&'static [&'static str]),
    /// `true` or `false`.
    Bool,
    /// A number to guess: an inline table `{ unit = "…", min = 0, max = 1000, answer = 435 }`.
    Guess,
}

/// One key of a table.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    /// A line of TOML giving the key a good value (`minutes = 4`).
    pub example: &'static str,
    /// What the key holds, for the JSON Schema.
    pub about: &'static str,
}

/// A table: the root of a file, or an entry of an array of tables (`[[annotation]]`).
#[derive(Debug, Clone, Copy)]
pub struct Table {
    /// `annotation` for `[[annotation]]`; the file name for a root table.
    pub name: &'static str,
    /// Whether the table is an entry `[[name]]` (otherwise the root of a file).
    pub entry: bool,
    pub fields: &'static [Field],
}

/// The values of `kind` in `[[annotation]]`.
pub const ANNOTATION_KINDS: &[&str] = &["figure", "quote", "source", "term"];
/// The values of `verdict`.
pub const VERDICTS: &[&str] = &["confirmed", "imprecise", "misreported", "unverifiable"];
/// The values of `kind` in `[[part]]`.
pub const PART_KINDS: &[&str] = &["introduction", "part", "conclusion", "references"];
/// The values of `kind` in `[[source]]`.
pub const SOURCE_KINDS: &[&str] = &[
    "report",
    "press",
    "documentary",
    "book",
    "academic",
    "blog",
    "web",
    "court",
    "other",
];

/// Most questions a tour stop may hold.
pub const STOP_QUESTIONS: usize = 3;
/// Most questions an annotation may hold.
pub const ANNOTATION_QUESTIONS: usize = 5;

const fn field(
    name: &'static str,
    ty: Ty,
    required: bool,
    example: &'static str,
    about: &'static str,
) -> Field {
    Field {
        name,
        ty,
        required,
        example,
        about,
    }
}

const TEXT: Ty = Ty::Text;

/// The root table of `article.toml` (its `[[part]]` entries are [`PART`]).
pub const ARTICLE: Table = Table {
    name: "article.toml",
    entry: false,
    fields: &[
        field(
            "title",
            TEXT,
            true,
            "title = \"Le titre du texte\"",
            "The text's title; not blank.",
        ),
        field(
            "author",
            TEXT,
            true,
            "author = \"Claire Martin\"",
            "Who wrote the text.",
        ),
        field(
            "byline",
            TEXT,
            false,
            "byline = \"Article rédigé par Claire Martin\"",
            "The byline as printed.",
        ),
        field(
            "language",
            TEXT,
            true,
            "language = \"fr\"",
            "The text's language, a BCP 47 tag (fr, en, fr-CA).",
        ),
        field(
            "publisher",
            TEXT,
            false,
            "publisher = \"Econogy\"",
            "Who published the text.",
        ),
        field(
            "date",
            TEXT,
            false,
            "date = \"2025\"",
            "When it was published, free form.",
        ),
        field(
            "url",
            TEXT,
            false,
            "url = \"https://example.org/article\"",
            "A verified web address, https:// or http://.",
        ),
        field(
            "annotations_by",
            TEXT,
            false,
            "annotations_by = \"Une enseignante\"",
            "Who annotated, on what basis.",
        ),
        field(
            "text",
            TEXT,
            false,
            "text = \"text.md\"",
            "The text's file name in the folder (default text.md).",
        ),
    ],
};

/// A `[[part]]` of `article.toml`.
pub const PART: Table = Table {
    name: "part",
    entry: true,
    fields: &[
        field(
            "id",
            TEXT,
            true,
            "id = \"partie-1\"",
            "A stable id: lower-case letters, digits and -, unique.",
        ),
        field(
            "kind",
            Ty::OneOf(PART_KINDS),
            true,
            "kind = \"part\"",
            "introduction, part, conclusion or references.",
        ),
        field(
            "heading",
            TEXT,
            true,
            "heading = \"Première partie\"",
            "The heading, as after '# ' in the text.",
        ),
        field(
            "editorial",
            Ty::Bool,
            false,
            "editorial = true",
            "true when the heading was added by whoever prepared the text, not written by the author: shown in [brackets].",
        ),
    ],
};

/// An `[[annotation]]` of `annotations.toml`.
pub const ANNOTATION: Table = Table {
    name: "annotation",
    entry: true,
    fields: &[
        field(
            "id",
            TEXT,
            true,
            "id = \"fig-430-millions\"",
            "A stable id: lower-case letters, digits and -, unique.",
        ),
        field(
            "kind",
            Ty::OneOf(ANNOTATION_KINDS),
            true,
            "kind = \"figure\"",
            "figure, quote, source or term.",
        ),
        field(
            "quote",
            TEXT,
            true,
            "quote = \"430 millions\"",
            "The exact words of the text this annotation is about.",
        ),
        field(
            "prefix",
            TEXT,
            false,
            "prefix = \"près de \"",
            "The words just before, when the quote occurs more than once.",
        ),
        field(
            "suffix",
            TEXT,
            false,
            "suffix = \", souvent\"",
            "The words just after, when the quote occurs more than once.",
        ),
        field(
            "source",
            TEXT,
            false,
            "source = \"banque-mondiale-2023\"",
            "The id of a [[source]] of sources.toml.",
        ),
        field(
            "verdict",
            Ty::OneOf(VERDICTS),
            false,
            "verdict = \"confirmed\"",
            "confirmed, imprecise, misreported or unverifiable.",
        ),
        field(
            "context",
            TEXT,
            false,
            "context = \"Ce qu’il faut savoir pour lire ces mots.\"",
            "What a reader needs to know to read these words.",
        ),
        field(
            "note",
            TEXT,
            false,
            "note = \"Ce que dit la source.\"",
            "What the source actually says.",
        ),
        field(
            "questions",
            Ty::TextList {
                max: Some(ANNOTATION_QUESTIONS),
            },
            false,
            "questions = [\"Une question pour la classe ?\"]",
            "Discussion prompts, at most five.",
        ),
    ],
};

/// A `[[source]]` of `sources.toml`.
pub const SOURCE: Table = Table {
    name: "source",
    entry: true,
    fields: &[
        field(
            "id",
            TEXT,
            true,
            "id = \"banque-mondiale-2023\"",
            "A stable id: lower-case letters, digits and -, unique.",
        ),
        field(
            "author",
            TEXT,
            true,
            "author = \"Banque mondiale\"",
            "The author or organisation.",
        ),
        field(
            "title",
            TEXT,
            true,
            "title = \"Working Without Borders\"",
            "The document's title; not blank.",
        ),
        field(
            "publisher",
            TEXT,
            false,
            "publisher = \"Banque mondiale\"",
            "Who published it.",
        ),
        field(
            "date",
            TEXT,
            false,
            "date = \"2023-09-07\"",
            "When, free form.",
        ),
        field(
            "kind",
            Ty::OneOf(SOURCE_KINDS),
            true,
            "kind = \"report\"",
            "What kind of document it is.",
        ),
        field(
            "url",
            TEXT,
            false,
            "url = \"https://example.org/rapport\"",
            "A verified web address.",
        ),
        field(
            "reference",
            Ty::Whole {
                min: 1,
                max: u32::MAX,
                unit: None,
            },
            false,
            "reference = 3",
            "Its number in the article's own reference list, from 1, unique.",
        ),
        field(
            "note",
            TEXT,
            false,
            "note = \"Remarques sur la source.\"",
            "Remarks on the source itself.",
        ),
    ],
};

/// A `[[stop]]` of `tour.toml`.
pub const STOP: Table = Table {
    name: "stop",
    entry: true,
    fields: &[
        field(
            "title",
            TEXT,
            true,
            "title = \"430 millions ?\"",
            "The stop's short title; not blank.",
        ),
        field(
            "annotation",
            TEXT,
            false,
            "annotation = \"fig-430-millions\"",
            "The id of the annotation to select.",
        ),
        field(
            "part",
            TEXT,
            false,
            "part = \"partie-1\"",
            "The id of the part to show.",
        ),
        field(
            "say",
            TEXT,
            false,
            "say = \"Ce qu’il faut dire ou montrer.\"",
            "What to say or show.",
        ),
        field(
            "questions",
            Ty::TextList {
                max: Some(STOP_QUESTIONS),
            },
            false,
            "questions = [\"Qu’en pensez-vous ?\"]",
            "Questions for the room, at most three.",
        ),
        field(
            "minutes",
            Ty::Whole {
                min: 1,
                max: 120,
                unit: Some(crate::i18n::diagnostics::schema::of_minutes),
            },
            true,
            "minutes = 4",
            "Suggested duration in whole minutes, 1 to 120.",
        ),
        field(
            "big",
            TEXT,
            false,
            "big = \"430 M\"",
            "The figure in large type for the presenter, about ten characters.",
        ),
        field(
            "poll",
            Ty::TextList {
                max: Some(crate::content::model::MAX_CHOICES),
            },
            false,
            "poll = [\"Moins de 10 millions\", \"Plus de 400 millions\"]",
            "A vote for the room (glose present --room): 2 to 9 answers, picked by number.",
        ),
        field(
            "guess",
            Ty::Guess,
            false,
            "guess = { unit = \"millions\", min = 0, max = 1000, answer = 435 }",
            "A number for the room to guess (glose present --room), from min to max, in unit; \
             answer is shown with the votes.",
        ),
    ],
};

/// The keys of a `guess` table: (name, required, whole number).
pub(crate) const GUESS_KEYS: [(&str, bool, bool); 4] = [
    ("unit", false, false),
    ("min", true, true),
    ("max", true, true),
    ("answer", false, true),
];

/// French names people may type for the English values of `kind` and `verdict`.
pub const FRENCH_NAMES: [(&str, &str); 17] = [
    ("chiffre", "figure"),
    ("citation", "quote"),
    ("notion", "term"),
    ("terme", "term"),
    ("confirmé", "confirmed"),
    ("imprécis", "imprecise"),
    ("déformé", "misreported"),
    ("invérifiable", "unverifiable"),
    ("rapport", "report"),
    ("presse", "press"),
    ("documentaire", "documentary"),
    ("livre", "book"),
    ("académique", "academic"),
    ("tribunal", "court"),
    ("autre", "other"),
    ("partie", "part"),
    ("références", "references"),
];

#[cfg(test)]
mod tests {
    use toml::de::DeTable;

    use super::check::check_value;
    use super::*;
    use crate::content::diagnostic::SourceText;

    #[test]
    fn the_listed_names_are_the_ones_serde_reads() {
        use crate::content::model::{AnnotationKind, PartKind, Verdict};
        fn reads<T: serde::de::DeserializeOwned>(names: &[&str]) -> bool {
            names
                .iter()
                .all(|name| toml::Value::String((*name).into()).try_into::<T>().is_ok())
        }
        assert!(reads::<AnnotationKind>(ANNOTATION_KINDS));
        assert!(reads::<Verdict>(VERDICTS));
        assert!(reads::<PartKind>(PART_KINDS));
        assert!(reads::<super::super::raw::SourceKind>(SOURCE_KINDS));
    }

    #[test]
    fn every_example_has_the_right_type() {
        for table in [&ARTICLE, &PART, &ANNOTATION, &SOURCE, &STOP] {
            for field in table.fields {
                let src = SourceText::new("x.toml", field.example);
                let (document, errors) = DeTable::parse_recoverable(field.example);
                assert!(errors.is_empty(), "{}", field.example);
                let mut diagnostics = Vec::new();
                let item = document.get_ref().get(field.name).expect(field.name);
                check_value(&src, field, item, &mut diagnostics);
                assert!(diagnostics.is_empty(), "{}: {diagnostics:?}", field.example);
            }
        }
    }

    #[test]
    fn schemas_are_json() {
        for file in ["article", "annotations", "sources", "tour"] {
            let text = json_schema(file).unwrap();
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(value["type"], "object");
        }
        assert!(json_schema("other").is_none());
    }
}
