//! Checking a table against its description, and the plain-words messages that say what a
//! value must be.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{FRENCH_NAMES, Field, Table, Ty};
use crate::content::diagnostic::{Diagnostic, SourceText};

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

pub(super) fn check_value(
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
    }
}
