//! What each table of the four TOML files may hold: every key with its type, whether it is
//! required, its limits and an example, in one place.
//!
//! The tables are checked against this description before serde reads them, so that a wrong
//! type, a missing key or a bad value gets a message in plain words with an example of the right
//! form (`minutes must be a whole number of minutes, e.g. minutes = 4`), in the interface
//! language, rather than serde's (`invalid type: string "4", expected u32`). The same
//! description gives the JSON Schemas that `glose schema` prints.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{Diagnostic, SourceText};

/// The type of a key's value.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// A string.
    Text,
    /// A whole number from `min` to `max`; `unit` in English and French (`of minutes`).
    Whole {
        min: u32,
        max: u32,
        unit: (&'static str, &'static str),
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
                unit: ("", ""),
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
                unit: (" of minutes", " de minutes"),
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
const GUESS_KEYS: [(&str, bool, bool); 4] = [
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

/// A value's kind in plain words (`a text in quotes`, `a whole number`).
fn found(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => tr!("the text \"{s}\"", "le texte \"{s}\""),
        DeValue::Integer(i) => {
            let n = i.as_str();
            tr!("the number {n}", "le nombre {n}")
        }
        DeValue::Float(f) => {
            let n = f.as_str();
            tr!("the number {n}", "le nombre {n}")
        }
        DeValue::Boolean(b) => tr!("{b}", "{b}"),
        DeValue::Datetime(d) => tr!("the date {d}", "la date {d}"),
        DeValue::Array(_) => tr!("a list [ … ]", "une liste [ … ]"),
        DeValue::Table(_) => tr!("a table", "une table"),
    }
}

/// The whole number a TOML integer holds, if it is one.
pub fn whole(value: &DeValue<'_>) -> Option<i128> {
    let DeValue::Integer(i) = value else {
        return None;
    };
    let digits: String = i.as_str().chars().filter(|&c| c != '_').collect();
    let digits = digits.strip_prefix('+').unwrap_or(&digits);
    let (negative, digits) = match digits.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, digits),
    };
    let digits = ["0x", "0o", "0b"]
        .iter()
        .find_map(|p| digits.strip_prefix(p))
        .unwrap_or(digits);
    let n = i128::from_str_radix(digits, i.radix()).ok()?;
    Some(if negative { -n } else { n })
}

/// `a, b, c` for a list of names.
fn names(list: &[&str]) -> String {
    list.join(", ")
}

/// What a key must be, in plain words, as a message.
pub fn must_be(field: &Field) -> String {
    let name = field.name;
    let example = field.example;
    match field.ty {
        Ty::Text => tr!(
            "{name} must be a text in quotes, e.g. {example}",
            "{name} doit être un texte entre guillemets, par exemple {example}"
        ),
        Ty::Whole {
            unit: (en_unit, fr_unit),
            ..
        } => tr!(
            "{name} must be a whole number{en_unit}, e.g. {example}",
            "{name} doit être un nombre entier{fr_unit}, par exemple {example}"
        ),
        Ty::TextList { .. } => tr!(
            "{name} must be a list of texts in quotes, e.g. {example}",
            "{name} doit être une liste de textes entre guillemets, par exemple {example}"
        ),
        Ty::OneOf(values) => {
            let list = names(values);
            tr!(
                "{name} must be one of {list}",
                "{name} doit être l’une des valeurs {list}"
            )
        }
        Ty::Bool => tr!(
            "{name} must be true or false (without quotes), e.g. {example}",
            "{name} doit valoir true ou false (sans guillemets), par exemple {example}"
        ),
        Ty::Guess => tr!(
            "{name} must be a table with min and max (whole numbers) and, if you like, a unit and \
             the answer, e.g. {example}",
            "{name} doit être une table avec min et max (des nombres entiers) et, si vous voulez, \
             une unité (unit) et la réponse (answer), par exemple {example}"
        ),
    }
}

/// The hint for a value of the wrong type: what was found, and how to write it.
fn type_hint(field: &Field, value: &DeValue<'_>) -> String {
    let got = found(value);
    let name = field.name;
    match (field.ty, value) {
        (Ty::Whole { .. }, DeValue::String(s)) if s.trim().parse::<u64>().is_ok() => {
            let n = s.trim();
            tr!(
                "found {got}: write the number without quotes, {name} = {n}",
                "trouvé {got} : écrivez le nombre sans guillemets, {name} = {n}"
            )
        }
        (Ty::Whole { .. }, DeValue::Float(_)) => tr!(
            "found {got}: round it to a whole number, without a decimal point",
            "trouvé {got} : arrondissez-le à un nombre entier, sans virgule"
        ),
        (Ty::Text, DeValue::Integer(_) | DeValue::Float(_) | DeValue::Boolean(_)) => tr!(
            "found {got}: put it in quotes, {name} = \"…\"",
            "trouvé {got} : mettez-le entre guillemets, {name} = \"…\""
        ),
        (Ty::TextList { .. }, DeValue::String(_)) => tr!(
            "found {got}: put it in a list, {name} = [\"…\"]",
            "trouvé {got} : mettez-le dans une liste, {name} = [\"…\"]"
        ),
        _ => tr!("found {got}", "trouvé {got}"),
    }
}

/// The hint for a name that is not one of `values`: the close one, or its English name.
pub fn did_you_mean(found: &str, values: &[&str]) -> Option<String> {
    let french = FRENCH_NAMES
        .iter()
        .find(|(fr, en)| fr.to_lowercase() == found.to_lowercase() && values.contains(en))
        .map(|(_, en)| *en);
    french
        .or_else(|| closest_name(found, values))
        .map(|close| tr!("did you mean '{close}'?", "vouliez-vous dire '{close}' ?"))
}

/// The name of `names` closest to `found`, if it is close enough to be a typo.
pub fn closest_name<'n>(found: &str, names: &[&'n str]) -> Option<&'n str> {
    names
        .iter()
        .map(|name| (strsim::jaro_winkler(found, name), *name))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// The hint for an unknown key that is close to none.
pub fn remove_key() -> String {
    tr!(
        "remove the line, or check the key's spelling in FORMAT.md (every key is listed there)",
        "retirez la ligne, ou vérifiez l’orthographe de la clé dans FORMAT.md (toutes les clés y sont)"
    )
}

/// The message for a key that the table does not have.
pub fn unknown_key(name: &str, allowed: &[&str]) -> String {
    let quoted: Vec<String> = allowed.iter().map(|k| format!("'{k}'")).collect();
    match quoted.as_slice() {
        [one] => tr!(
            "unknown key '{name}', expected {one}",
            "clé inconnue '{name}', attendu {one}"
        ),
        _ => {
            let list = quoted.join(", ");
            tr!(
                "unknown key '{name}', expected one of {list}",
                "clé inconnue '{name}', attendu l’une de {list}"
            )
        }
    }
}

/// Checks a table against its description: unknown keys, missing keys, wrong types and values
/// outside the listed names or limits, one diagnostic each. Returns whether it is good, and then
/// serde reads it without error. `at` is where the table begins (its `[[name]]` line).
pub fn check(
    src: &SourceText<'_>,
    table: &Table,
    value: &DeTable<'_>,
    skip: &[&str],
    at: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let before = diagnostics.len();
    let allowed: Vec<&str> = table
        .fields
        .iter()
        .map(|f| f.name)
        .chain(skip.iter().copied())
        .collect();
    for (key, item) in value {
        let name: &str = key.get_ref();
        if skip.contains(&name) {
            continue;
        }
        let Some(field) = table.fields.iter().find(|f| f.name == name) else {
            let hint = did_you_mean(name, &allowed).unwrap_or_else(remove_key);
            diagnostics.push(
                src.error_at(key.span().start, unknown_key(name, &allowed))
                    .with_hint(hint),
            );
            continue;
        };
        check_value(src, field, item, diagnostics);
    }
    for field in table.fields.iter().filter(|f| f.required) {
        if !value.contains_key(field.name) {
            let name = field.name;
            let message = if table.entry {
                let entry = table.name;
                tr!(
                    "'{name}' is missing: every [[{entry}]] needs one",
                    "'{name}' manque : chaque [[{entry}]] en a besoin"
                )
            } else {
                let file = table.name;
                tr!(
                    "'{name}' is missing: {file} needs one",
                    "'{name}' manque : {file} en a besoin"
                )
            };
            let example = field.example;
            diagnostics.push(src.error_at(at, message).with_hint(tr!(
                "add a line such as {example}",
                "ajoutez une ligne comme {example}"
            )));
        }
    }
    diagnostics.len() == before
}

fn check_value(
    src: &SourceText<'_>,
    field: &Field,
    item: &Spanned<DeValue<'_>>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let at = item.span().start;
    let value = item.get_ref();
    let wrong_type = || {
        src.error_at(at, must_be(field))
            .with_hint(type_hint(field, value))
    };
    match field.ty {
        Ty::Text => {
            if !value.is_str() {
                diagnostics.push(wrong_type());
            }
        }
        Ty::Bool => {
            if !matches!(value, DeValue::Boolean(_)) {
                diagnostics.push(wrong_type());
            }
        }
        Ty::Whole { .. } => match whole(value) {
            Some(n) if (0..=i128::from(u32::MAX)).contains(&n) => {}
            Some(n) => {
                let example = field.example;
                diagnostics.push(src.error_at(at, must_be(field)).with_hint(tr!(
                    "{n} is not a count: give a positive whole number, e.g. {example}",
                    "{n} n’est pas un compte : donnez un nombre entier positif, par exemple {example}"
                )));
            }
            None => diagnostics.push(wrong_type()),
        },
        Ty::TextList { .. } => match value {
            DeValue::Array(items) => {
                for entry in items {
                    if !entry.get_ref().is_str() {
                        diagnostics.push(
                            src.error_at(entry.span().start, must_be(field))
                                .with_hint(type_hint(
                                    &Field {
                                        ty: Ty::Text,
                                        ..*field
                                    },
                                    entry.get_ref(),
                                )),
                        );
                    }
                }
            }
            _ => diagnostics.push(wrong_type()),
        },
        Ty::OneOf(values) => match value.as_str() {
            Some(name) if values.contains(&name) => {}
            Some(name) => {
                let mut diagnostic = src.error_at(at, must_be(field));
                let hint = did_you_mean(name, values).unwrap_or_else(|| {
                    let example = field.example;
                    tr!(
                        "'{name}' is not one of them; for instance {example}",
                        "'{name}' n’en fait pas partie ; par exemple {example}"
                    )
                });
                diagnostic = diagnostic.with_hint(hint);
                diagnostics.push(diagnostic);
            }
            None => diagnostics.push(wrong_type()),
        },
        Ty::Guess => check_guess(src, field, item, diagnostics),
    }
}

/// A `guess` table: its keys, their types, and `min` below `max`.
fn check_guess(
    src: &SourceText<'_>,
    field: &Field,
    item: &Spanned<DeValue<'_>>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let at = item.span().start;
    let DeValue::Table(table) = item.get_ref() else {
        diagnostics.push(
            src.error_at(at, must_be(field))
                .with_hint(type_hint(field, item.get_ref())),
        );
        return;
    };
    let names: Vec<&str> = GUESS_KEYS.iter().map(|k| k.0).collect();
    let mut numbers = std::collections::HashMap::new();
    for (key, value) in table {
        let name: &str = key.get_ref();
        let Some(&(name, _, whole_number)) = GUESS_KEYS.iter().find(|k| k.0 == name) else {
            let hint = did_you_mean(name, &names).unwrap_or_else(remove_key);
            diagnostics.push(
                src.error_at(key.span().start, unknown_key(name, &names))
                    .with_hint(hint),
            );
            continue;
        };
        let inner = Field {
            name,
            ty: if whole_number {
                Ty::Whole {
                    min: 0,
                    max: u32::MAX,
                    unit: ("", ""),
                }
            } else {
                Ty::Text
            },
            required: false,
            example: if whole_number {
                "min = 0"
            } else {
                "unit = \"millions\""
            },
            about: "",
        };
        let before = diagnostics.len();
        check_value(src, &inner, value, diagnostics);
        if whole_number
            && diagnostics.len() == before
            && let Some(n) = whole(value.get_ref())
        {
            numbers.insert(name, (n, value.span().start));
        }
    }
    for (name, required, _) in GUESS_KEYS {
        if required && !table.contains_key(name) {
            let example = field.example;
            diagnostics.push(
                src.error_at(
                    at,
                    tr!(
                        "'{name}' is missing from guess",
                        "'{name}' manque dans guess"
                    ),
                )
                .with_hint(tr!("write it as {example}", "écrivez-la comme {example}")),
            );
        }
    }
    if let (Some(&(min, _)), Some(&(max, max_at))) = (numbers.get("min"), numbers.get("max"))
        && min >= max
    {
        diagnostics.push(
            src.error_at(
                max_at,
                tr!(
                    "guess: max ({max}) must be greater than min ({min})",
                    "guess : max ({max}) doit être plus grand que min ({min})"
                ),
            )
            .with_hint(tr!(
                "give the range of answers the room may give, e.g. min = 0, max = 1000",
                "donnez l’intervalle des réponses possibles, par exemple min = 0, max = 1000"
            )),
        );
    }
    if let (Some(&(min, _)), Some(&(max, _)), Some(&(answer, answer_at))) = (
        numbers.get("min"),
        numbers.get("max"),
        numbers.get("answer"),
    ) && !(min..=max).contains(&answer)
    {
        diagnostics.push(
            src.error_at(
                answer_at,
                tr!(
                    "guess: the answer {answer} is outside min to max ({min} to {max})",
                    "guess : la réponse {answer} sort de l’intervalle de min à max ({min} à {max})"
                ),
            )
            .with_hint(tr!(
                "widen the range or correct the answer",
                "élargissez l’intervalle ou corrigez la réponse"
            )),
        );
    }
}

/// The JSON Schema of a file: `article`, `annotations`, `sources` or `tour`.
pub fn json_schema(file: &str) -> Option<String> {
    let (root, entries): (Option<&Table>, Option<&Table>) = match file {
        "article" => (Some(&ARTICLE), Some(&PART)),
        "annotations" => (None, Some(&ANNOTATION)),
        "sources" => (None, Some(&SOURCE)),
        "tour" => (None, Some(&STOP)),
        _ => return None,
    };
    let mut properties = serde_json::Map::new();
    let mut required: Vec<serde_json::Value> = Vec::new();
    if let Some(root) = root {
        let (props, req) = object_properties(root);
        properties = props;
        required = req;
    }
    if let Some(entry) = entries {
        let (props, req) = object_properties(entry);
        let mut items = serde_json::json!({
            "type": "object",
            "properties": props,
            "additionalProperties": false,
        });
        if !req.is_empty() {
            items["required"] = serde_json::Value::Array(req);
        }
        let mut array = serde_json::json!({
            "type": "array",
            "description": format!("Each [[{}]] table.", entry.name),
            "items": items,
        });
        if entry.name == "part" {
            array["minItems"] = serde_json::json!(1);
            required.push(serde_json::json!("part"));
        }
        properties.insert(entry.name.to_owned(), array);
    }
    let title = format!("glose {file}.toml");
    let mut schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": "An annotated text for glose: see FORMAT.md.",
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        schema["required"] = serde_json::Value::Array(required);
    }
    serde_json::to_string_pretty(&schema).ok()
}

fn object_properties(
    table: &Table,
) -> (
    serde_json::Map<String, serde_json::Value>,
    Vec<serde_json::Value>,
) {
    let mut properties = serde_json::Map::new();
    let mut required = Vec::new();
    for field in table.fields {
        let mut property = match field.ty {
            Ty::Text => serde_json::json!({ "type": "string" }),
            Ty::Whole { min, max, .. } => {
                serde_json::json!({ "type": "integer", "minimum": min, "maximum": max })
            }
            Ty::TextList { max } => {
                let mut list =
                    serde_json::json!({ "type": "array", "items": { "type": "string" } });
                if let Some(max) = max {
                    list["maxItems"] = serde_json::json!(max);
                }
                list
            }
            Ty::OneOf(values) => serde_json::json!({ "type": "string", "enum": values }),
            Ty::Bool => serde_json::json!({ "type": "boolean" }),
            Ty::Guess => serde_json::json!({
                "type": "object",
                "properties": {
                    "unit": { "type": "string" },
                    "min": { "type": "integer", "minimum": 0 },
                    "max": { "type": "integer", "minimum": 0 },
                    "answer": { "type": "integer", "minimum": 0 },
                },
                "required": ["min", "max"],
                "additionalProperties": false,
            }),
        };
        property["description"] = serde_json::json!(field.about);
        properties.insert(field.name.to_owned(), property);
        if field.required {
            required.push(serde_json::json!(field.name));
        }
    }
    (properties, required)
}

#[cfg(test)]
mod tests {
    use super::*;

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
