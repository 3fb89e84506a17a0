//! Checking a table against its description, and the plain-words messages that say what a
//! value must be.

use crate::content::diagnostic::lang;
use crate::i18n::diagnostics::schema as msg;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{FRENCH_NAMES, Field, GUESS_KEYS, Table, Ty};
use crate::content::diagnostic::{Diagnostic, SourceText};

/// A value's kind in plain words (`a text in quotes`, `a whole number`).
fn found(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => msg::found_text(lang(), &s),
        DeValue::Integer(i) => {
            let n = i.as_str();
            msg::found_number(lang(), &n)
        }
        DeValue::Float(f) => {
            let n = f.as_str();
            msg::found_number(lang(), &n)
        }
        DeValue::Boolean(b) => format!("{b}"),
        DeValue::Datetime(d) => msg::found_date(lang(), &d),
        DeValue::Array(_) => msg::found_list(lang()),
        DeValue::Table(_) => msg::found_table(lang()),
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
        Ty::Text => msg::text_quotes(lang(), &name, &example),
        Ty::Whole { unit, .. } => msg::whole_number(
            lang(),
            &name,
            &unit.map_or("", |unit| unit(lang())),
            &example,
        ),
        Ty::TextList { .. } => msg::list_texts_quotes(lang(), &name, &example),
        Ty::OneOf(values) => {
            let list = names(values);
            msg::one_of(lang(), &name, &list)
        }
        Ty::Bool => msg::true_false_without_quotes(lang(), &name, &example),
        Ty::Guess => msg::table_min_max_whole_numbers(lang(), &name, &example),
    }
}

/// The hint for a value of the wrong type: what was found, and how to write it.
fn type_hint(field: &Field, value: &DeValue<'_>) -> String {
    let got = found(value);
    let name = field.name;
    match (field.ty, value) {
        (Ty::Whole { .. }, DeValue::String(s)) if s.trim().parse::<u64>().is_ok() => {
            let n = s.trim();
            msg::found_write_number_without_quotes(lang(), &got, &name, &n)
        }
        (Ty::Whole { .. }, DeValue::Float(_)) => {
            msg::found_round_whole_number_without(lang(), &got)
        }
        (Ty::Text, DeValue::Integer(_) | DeValue::Float(_) | DeValue::Boolean(_)) => {
            msg::found_put_quotes(lang(), &got, &name)
        }
        (Ty::TextList { .. }, DeValue::String(_)) => msg::found_put_list(lang(), &got, &name),
        _ => msg::found_value(lang(), &got),
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
        .map(|close| msg::did_you_mean(lang(), &close))
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
    msg::remove_line_check_key_spelling(lang())
}

/// The message for a key that the table does not have.
pub fn unknown_key(name: &str, allowed: &[&str]) -> String {
    let quoted: Vec<String> = allowed.iter().map(|k| format!("'{k}'")).collect();
    match quoted.as_slice() {
        [one] => msg::unknown_key_expected(lang(), &name, &one),
        _ => {
            let list = quoted.join(", ");
            msg::unknown_key_expected_one(lang(), &name, &list)
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
                msg::missing_every_needs_one(lang(), &name, &entry)
            } else {
                let file = table.name;
                msg::missing_needs_one(lang(), &name, &file)
            };
            let example = field.example;
            diagnostics.push(
                src.error_at(at, message)
                    .with_hint(msg::add_line_such(lang(), &example)),
            );
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
                diagnostics.push(
                    src.error_at(at, must_be(field))
                        .with_hint(msg::not_count_give_positive_whole(lang(), &n, &example)),
                );
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
                    msg::not_one_them_instance(lang(), &name, &example)
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
                    unit: None,
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
                src.error_at(at, msg::missing_from_guess(lang(), &name))
                    .with_hint(msg::write_it_as(lang(), &example)),
            );
        }
    }
    if let (Some(&(min, _)), Some(&(max, max_at))) = (numbers.get("min"), numbers.get("max"))
        && min >= max
    {
        diagnostics.push(
            src.error_at(max_at, msg::guess_max_greater_than_min(lang(), &max, &min))
                .with_hint(msg::give_range_answers_room_may(lang())),
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
                msg::guess_answer_outside_min_max(lang(), &answer, &min, &max),
            )
            .with_hint(msg::widen_range_correct_answer(lang())),
        );
    }
}
