//! The commented default settings file (`glose config --print-default`), in English and
//! French: the comment above each setting and each key table.

use super::Lang;

/// A comment of the default `config.toml`; [`DefaultFileText::get`] words it (one or more
/// lines, each starting with `#`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultFileText {
    /// The first line: what the file is.
    Intro,
    /// Where the file is read from (the path follows).
    ReadFrom,
    /// The `theme` setting.
    Themes,
    /// The `language` setting.
    Language,
    /// The `side_pane_width` setting, with its bounds.
    SideWidth { low: u16, high: u16 },
    /// The `max_text_width` setting, with its bounds.
    TextWidth { low: u16, high: u16 },
    /// The `highlight_marks` setting.
    Highlights,
    /// The `hyperlinks` setting.
    Hyperlinks,
    /// How keys are bound, and the names of the keys and tables.
    KeyBindings,
    /// Before the tour's key table.
    TourKeys,
    /// Before the presenter's key table.
    PresenterKeys,
    /// Before the lists' key table.
    ListKeys,
    /// Before the editor's key table.
    EditorKeys,
    /// What `focus_pane_N` does, for the key tables' comments.
    GoToPane(u8),
}

impl DefaultFileText {
    pub fn get(self, lang: Lang) -> String {
        let (en, fr) = match self {
            Self::Intro => (
                "# glose settings. Every setting is optional: a commented line shows the default.",
                "# Réglages de glose. Chaque réglage est facultatif : une ligne en commentaire\n\
                # montre la valeur par défaut.",
            ),
            Self::ReadFrom => (
                "# Read from --config FILE, else GLOSE_CONFIG=FILE, else this platform's config\n\
                # directory:",
                "# Lu depuis --config FICHIER, sinon GLOSE_CONFIG=FICHIER, sinon le dossier de\n\
                # configuration de la plateforme :",
            ),
            Self::Themes => (
                "# Colours: \"default\", \"high-contrast\" (light or dark after the terminal's background),\n\
                # \"high-contrast-light\", \"high-contrast-dark\" or \"monochrome\". With NO_COLOR set in the\n\
                # environment glose is monochrome, unless a theme is named here or with --theme.",
                "# Couleurs : \"default\", \"high-contrast\" (clair ou sombre selon le fond du terminal),\n\
                # \"high-contrast-light\", \"high-contrast-dark\" ou \"monochrome\". Si NO_COLOR est défini dans\n\
                # l’environnement, glose est monochrome, sauf si un thème est nommé ici ou avec --theme.",
            ),
            Self::Language => (
                "# Interface language: \"fr\" or \"en\". Default: from LC_ALL, LC_MESSAGES or LANG; when\n\
                # they name no language glose speaks (C, POSIX, unset…), the article's language, else\n\
                # English. The article and its annotations stay in their own language.",
                "# Langue de l’interface : \"fr\" ou \"en\". Par défaut : d’après LC_ALL, LC_MESSAGES ou LANG ;\n\
                # s’ils ne nomment aucune langue que glose parle (C, POSIX, rien…), la langue de l’article,\n\
                # sinon l’anglais. L’article et ses annotations restent dans leur langue.",
            ),
            Self::Highlights => (
                "# Whether annotated words are highlighted when glose starts (the m key toggles them).",
                "# Surligner les mots annotés au démarrage (la touche m les masque ou les affiche).",
            ),
            Self::Hyperlinks => (
                "# Whether addresses and the text's links are clickable (OSC 8) where the terminal can.",
                "# Adresses et liens du texte cliquables (OSC 8) dans les terminaux qui le permettent.",
            ),
            Self::KeyBindings => (
                "# Key bindings: \"key\" = \"action\". Naming an action here replaces all its default keys\n\
                # (bind it several times to keep several). A key bound to two actions is an error.\n\
                # Keys: j, G, ?, space, tab, shift-tab, enter, esc, backspace, up, down, left, right,\n\
                # pgup, pgdn, home, end, delete, f1 to f12, with ctrl- or alt- before (ctrl-d).\n\
                # One table per mode. The older names still work: lines directly under [keys] are the\n\
                # reader's, [keys.list] is [keys.lists]; [tour_keys], [presenter_keys], [list_keys],\n\
                # [editor_keys] are the others'.",
                "# Touches : \"touche\" = \"action\". Nommer une action ici remplace toutes ses touches par\n\
                # défaut (l’associer plusieurs fois pour en garder plusieurs). Une touche\n\
                # associée à deux actions est une erreur.\n\
                # Noms des touches : j, G, ?, space, tab, shift-tab, enter, esc, backspace, up,\n\
                # down, left, right,\n\
                # pgup, pgdn, home, end, delete, f1 à f12, précédées de ctrl- ou alt- (ctrl-d).\n\
                # Une table par mode. Les anciens noms marchent encore : les lignes directement sous\n\
                # [keys] sont celles du lecteur, [keys.list] est [keys.lists] ; [tour_keys],\n\
                # [presenter_keys], [list_keys], [editor_keys] celles des autres modes.",
            ),
            Self::TourKeys => (
                "# While the guided tour is on (t), these keys come first; the others keep\n\
                # their reading meaning.",
                "# Pendant la visite guidée (t), ces touches passent d’abord ; les autres\n\
                # gardent leur sens de lecture.",
            ),
            Self::PresenterKeys => (
                "# The presenter (p, or glose present) has keys of its own.",
                "# Le mode présentation (p, ou glose present) a ses propres touches.",
            ),
            Self::ListKeys => (
                "# The five lists: index, sources, contents, notes, bookmarks.",
                "# Les cinq listes : index, sources, table des matières, notes, signets.",
            ),
            Self::EditorKeys => (
                "# The note editor: only keys that do not type text (ctrl-, alt-, Esc, f1…).",
                "# L’éditeur de note : seulement des touches qui n’écrivent pas (ctrl-, alt-,\n\
                # Échap, f1…).",
            ),
            Self::SideWidth { low, high } => {
                return match lang {
                    Lang::En => format!(
                        "# Width of the source pane, in columns, when it is beside the text ({low} to {high}; the text\n\
                # keeps at least 50). Default: a third of the terminal from 140 columns, two fifths below."
                    ),
                    Lang::Fr => format!(
                        "# Largeur du panneau des sources, en colonnes, quand il est à côté du texte ({low} à {high} ;\n\
                # le texte en garde au moins 50). Par défaut : un tiers du terminal dès 140\n\
                # colonnes, deux cinquièmes en dessous."
                    ),
                };
            }
            Self::TextWidth { low, high } => {
                return match lang {
                    Lang::En => format!(
                        "# Widest line of text, in columns ({low} to {high}); wider panes centre their text."
                    ),
                    Lang::Fr => format!(
                        "# Ligne de texte la plus large, en colonnes ({low} à {high}) ; au-delà, le texte est centré."
                    ),
                };
            }
            Self::GoToPane(n) => {
                return match lang {
                    Lang::En => format!("go to pane {n}"),
                    Lang::Fr => format!("aller au panneau {n}"),
                };
            }
        };
        lang.pick(en, fr).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_comment_is_in_both_languages_and_stays_a_comment() {
        let all = [
            DefaultFileText::Intro,
            DefaultFileText::ReadFrom,
            DefaultFileText::Themes,
            DefaultFileText::Language,
            DefaultFileText::SideWidth { low: 30, high: 200 },
            DefaultFileText::TextWidth {
                low: 20,
                high: 1000,
            },
            DefaultFileText::Highlights,
            DefaultFileText::Hyperlinks,
            DefaultFileText::KeyBindings,
            DefaultFileText::TourKeys,
            DefaultFileText::PresenterKeys,
            DefaultFileText::ListKeys,
            DefaultFileText::EditorKeys,
        ];
        for text in all {
            let (en, fr) = (text.get(Lang::En), text.get(Lang::Fr));
            assert_ne!(en, fr, "{text:?} is translated");
            for line in en.lines().chain(fr.lines()) {
                assert!(line.starts_with("# "), "{text:?}: {line}");
                assert!(line.chars().count() <= 100, "{text:?}: {line}");
            }
        }
        assert_eq!(
            DefaultFileText::GoToPane(3).get(Lang::Fr),
            "aller au panneau 3"
        );
        assert_eq!(DefaultFileText::GoToPane(3).get(Lang::En), "go to pane 3");
    }
}
