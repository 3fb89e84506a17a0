//! The notice at the top of a handout written from a draft (an article whose files have
//! errors): how many problems, and that some annotations may be missing.

use crate::i18n::Lang;
use crate::i18n::export as msg;

/// The handout of a draft with a visible notice at its top: "Draft: 3 problems".
pub fn draft_notice(
    handout: &str,
    format: crate::handout::Format,
    errors: usize,
    lang: Lang,
) -> String {
    let count = crate::i18n::count_of(lang, errors, crate::i18n::words::PROBLEMS);
    let (word, rest) = (msg::draft(lang), msg::draft_notice(lang));
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
