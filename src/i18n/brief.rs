//! The brief's own words (`glose export --brief`), in English and French: what the short
//! handout is, how to read its marks, its headings, and how each note's verdict is said. An
//! unverifiable claim is never said to be true or false, and a note without a verdict says it
//! has none.

use super::Lang;

/// A piece of the brief; [`BriefText::get`] words it in the handout's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BriefText {
    /// What the brief holds, and where the full handout is.
    Notice,
    /// How to read the marks in the text.
    Legend,
    /// The heading of the list of notes, one line each.
    NotesHeading,
    /// The label before a note's source.
    Source,
    /// The label before the source an unverifiable claim was looked for in.
    LookedFor,
    /// A note that names no source.
    NoSource,
    /// A note without a verdict.
    NoVerdict,
    /// What "unverifiable" means, after the word.
    NeitherConfirmedNorRefuted,
    /// `--brief` with a format that has no brief (`w3c`, `text`).
    OnlyMarkdownOrHtml,
}

impl BriefText {
    /// The words in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (en, fr) = match self {
            Self::Notice => (
                "Short handout: the text with each note’s number and verdict, one line per note, \
                 and the tour’s questions. The full handout, with the context and what each \
                 source says: glose export.",
                "Version courte\u{a0}: le texte avec le numéro et le verdict de chaque note, une \
                 ligne par note, et les questions de la visite. Le dossier complet, avec le \
                 contexte et ce que dit chaque source\u{a0}: glose export.",
            ),
            Self::Legend => (
                "Marks in the text: [n ✓] confirmed, [n ≈] imprecise, [n ✗] misreported, \
                 [n ?] unverifiable (the source was not found: neither confirmed nor refuted); \
                 [n] alone: no verdict (the note explains, it does not decide).",
                "Marques dans le texte\u{a0}: [n ✓] confirmé, [n ≈] imprécis, [n ✗] déformé, \
                 [n ?] invérifiable (la source n’a pas été retrouvée\u{a0}: ni confirmé ni \
                 démenti)\u{a0}; [n] seul\u{a0}: pas de verdict (la note explique, elle ne \
                 tranche pas).",
            ),
            Self::NotesHeading => ("Notes, one line each", "Notes, une ligne chacune"),
            Self::Source => ("source", "source"),
            Self::LookedFor => ("looked for in", "cherché dans"),
            Self::NoSource => ("no source given", "aucune source indiquée"),
            Self::NoVerdict => ("no verdict", "pas de verdict"),
            Self::NeitherConfirmedNorRefuted => {
                ("neither confirmed nor refuted", "ni confirmé ni démenti")
            }
            Self::OnlyMarkdownOrHtml => (
                "--brief writes Markdown or HTML: leave out --format, or give --format html",
                "--brief écrit du Markdown ou du HTML\u{a0}: retirez --format, ou donnez \
                 --format html",
            ),
        };
        lang.pick(en, fr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [BriefText; 9] = [
        BriefText::Notice,
        BriefText::Legend,
        BriefText::NotesHeading,
        BriefText::Source,
        BriefText::LookedFor,
        BriefText::NoSource,
        BriefText::NoVerdict,
        BriefText::NeitherConfirmedNorRefuted,
        BriefText::OnlyMarkdownOrHtml,
    ];

    #[test]
    fn every_piece_is_in_both_languages_with_their_own_punctuation() {
        for text in ALL {
            // The unverifiable mark `[n ?]` is a sign, not punctuation.
            let (en, fr) = (
                text.get(Lang::En).replace("[n ?]", ""),
                text.get(Lang::Fr).replace("[n ?]", ""),
            );
            assert!(!en.is_empty() && !fr.is_empty(), "{text:?}");
            for mark in [" :", " ;", " ?", " !", "\u{a0}:"] {
                assert!(
                    !en.contains(mark),
                    "{text:?}: English has no space before {mark}"
                );
            }
            for mark in [":", ";"] {
                for (at, _) in fr.match_indices(mark) {
                    assert!(
                        fr[..at].ends_with('\u{a0}'),
                        "{text:?}: French keeps a no-break space before {mark}: {fr}"
                    );
                }
            }
        }
    }
}
