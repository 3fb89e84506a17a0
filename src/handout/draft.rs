//! The notice at the top of a handout written from a draft (an article whose files have
//! errors): how many problems, and that some annotations may be missing.

use crate::i18n::Lang;

/// The handout of a draft with a visible notice at its top: "Draft: 3 problems".
pub fn draft_notice(
    handout: &str,
    format: crate::handout::Format,
    errors: usize,
    lang: Lang,
) -> String {
    let count = crate::i18n::count_of(
        lang,
        errors,
        ("problem", "problems", "problème", "problèmes"),
    );
    let (word, rest) = match lang {
        Lang::En => (
            "Draft",
            "this handout was written from an article whose files have errors (glose check lists them); some annotations may be missing.",
        ),
        Lang::Fr => (
            "Brouillon",
            "ce document a été écrit depuis un article dont les fichiers ont des erreurs (glose check les liste) ; des annotations peuvent manquer.",
        ),
    };
    match format {
        crate::handout::Format::Html => {
            let notice = format!(
                "<p class=\"draft\" style=\"border:2px solid #b00;padding:.5em\"><strong>{word}{}{count}</strong> — {rest}</p>\n",
                lang.colon()
            );
            match handout.find("<body>") {
                Some(at) => {
                    let at = at + "<body>".len();
                    format!("{}\n{notice}{}", &handout[..at], &handout[at..])
                }
                None => format!("{notice}{handout}"),
            }
        }
        _ => format!("> **{word}{}{count}** — {rest}\n\n{handout}", lang.colon()),
    }
}
