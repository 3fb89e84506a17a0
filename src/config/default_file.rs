//! The commented default `config.toml` (`glose config --print-default`), in the interface
//! language, generated from the key tables.

use super::keys::Table;
use super::{SIDE_WIDTH, TEXT_WIDTH, default_path};
use crate::app::keymap::KeyChord;
use crate::app::{Action, Keymap};
use crate::i18n::Lang;
use crate::layout::screen::MAX_TEXT_WIDTH;
use crate::text::sanitize::clean_line;

/// What an action does, for the default file's comments.
fn description(action: Action, lang: Lang) -> String {
    match action {
        Action::FocusPane(n) => match lang {
            Lang::En => format!("go to pane {n}"),
            Lang::Fr => format!("aller au panneau {n}"),
        },
        _ => action.describe(lang).to_owned(),
    }
}

/// A commented default `config.toml` in the interface language; it parses to the defaults,
/// and uncommenting every line of it still does.
pub fn default_text(lang: Lang) -> String {
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    line(lang.pick(
        "# glose settings. Every setting is optional: a commented line shows the default.",
        "# Réglages de glose. Chaque réglage est facultatif : une ligne en commentaire\n\
         # montre la valeur par défaut.",
    ));
    line(lang.pick(
        "# Read from --config FILE, else GLOSE_CONFIG=FILE, else this platform's config\n\
         # directory:",
        "# Lu depuis --config FICHIER, sinon GLOSE_CONFIG=FICHIER, sinon le dossier de\n\
         # configuration de la plateforme :",
    ));
    if let Some(path) = default_path() {
        line(&format!("#   {}", clean_line(&path.display().to_string())));
    }
    line("");
    line(lang.pick(
        "# Colours: \"default\", \"high-contrast\" (light or dark after the terminal's background),",
        "# Couleurs : \"default\", \"high-contrast\" (clair ou sombre selon le fond du terminal),",
    ));
    line(lang.pick(
        "# \"high-contrast-light\", \"high-contrast-dark\" or \"monochrome\". With NO_COLOR set in the",
        "# \"high-contrast-light\", \"high-contrast-dark\" ou \"monochrome\". Si NO_COLOR est défini dans",
    ));
    line(lang.pick(
        "# environment glose is monochrome, unless a theme is named here or with --theme.",
        "# l’environnement, glose est monochrome, sauf si un thème est nommé ici ou avec --theme.",
    ));
    line("# theme = \"default\"");
    line("");
    line(lang.pick(
        "# Interface language: \"fr\" or \"en\". Default: from LC_ALL, LC_MESSAGES or LANG; when",
        "# Langue de l’interface : \"fr\" ou \"en\". Par défaut : d’après LC_ALL, LC_MESSAGES ou LANG ;",
    ));
    line(lang.pick(
        "# they name no language glose speaks (C, POSIX, unset…), the article's language, else",
        "# s’ils ne nomment aucune langue que glose parle (C, POSIX, rien…), la langue de l’article,",
    ));
    line(lang.pick(
        "# English. The article and its annotations stay in their own language.",
        "# sinon l’anglais. L’article et ses annotations restent dans leur langue.",
    ));
    line("# language = \"en\"");
    line("");
    line(&match lang {
        Lang::En => format!(
            "# Width of the source pane, in columns, when it is beside the text ({} to {}; the text",
            SIDE_WIDTH.start,
            SIDE_WIDTH.end - 1
        ),
        Lang::Fr => format!(
            "# Largeur du panneau des sources, en colonnes, quand il est à côté du texte ({} à {} ;",
            SIDE_WIDTH.start,
            SIDE_WIDTH.end - 1
        ),
    });
    line(lang.pick(
        "# keeps at least 50). Default: a third of the terminal from 140 columns, two fifths below.",
        "# le texte en garde au moins 50). Par défaut : un tiers du terminal dès 140\n\
         # colonnes, deux cinquièmes en dessous.",
    ));
    line("# side_pane_width = 48");
    line("");
    line(&match lang {
        Lang::En => format!(
            "# Widest line of text, in columns ({} to {}); wider panes centre their text.",
            TEXT_WIDTH.start,
            TEXT_WIDTH.end - 1
        ),
        Lang::Fr => format!(
            "# Ligne de texte la plus large, en colonnes ({} à {}) ; au-delà, le texte est centré.",
            TEXT_WIDTH.start,
            TEXT_WIDTH.end - 1
        ),
    });
    line(&format!("# max_text_width = {MAX_TEXT_WIDTH}"));
    line("");
    line(lang.pick(
        "# Whether annotated words are highlighted when glose starts (the m key toggles them).",
        "# Surligner les mots annotés au démarrage (la touche m les masque ou les affiche).",
    ));
    line("# highlight_marks = true");
    line("");
    line(lang.pick(
        "# Whether addresses and the text's links are clickable (OSC 8) where the terminal can.",
        "# Adresses et liens du texte cliquables (OSC 8) dans les terminaux qui le permettent.",
    ));
    line("# hyperlinks = true");
    line("");
    line(lang.pick(
        "# Key bindings: \"key\" = \"action\". Naming an action here replaces all its default keys",
        "# Touches : \"touche\" = \"action\". Nommer une action ici remplace toutes ses touches par",
    ));
    line(lang.pick(
        "# (bind it several times to keep several). A key bound to two actions is an error.",
        "# défaut (l’associer plusieurs fois pour en garder plusieurs). Une touche\n\
         # associée à deux actions est une erreur.",
    ));
    line(lang.pick(
        "# Keys: j, G, ?, space, tab, shift-tab, enter, esc, backspace, up, down, left, right,",
        "# Noms des touches : j, G, ?, space, tab, shift-tab, enter, esc, backspace, up,\n\
         # down, left, right,",
    ));
    line(lang.pick(
        "# pgup, pgdn, home, end, delete, f1 to f12, with ctrl- or alt- before (ctrl-d).",
        "# pgup, pgdn, home, end, delete, f1 à f12, précédées de ctrl- ou alt- (ctrl-d).",
    ));
    line(lang.pick(
        "# One table per mode. The older names still work: lines directly under [keys] are the\n\
         # reader's; [tour_keys], [presenter_keys], [list_keys], [editor_keys] the others'.",
        "# Une table par mode. Les anciens noms marchent encore : les lignes directement sous\n\
         # [keys] sont celles du lecteur ; [tour_keys], [presenter_keys], [list_keys],\n\
         # [editor_keys] celles des autres modes.",
    ));
    let defaults = Keymap::default();
    for table in Table::ALL {
        let bindings = defaults.table(table.input_mode());
        match table {
            Table::Reader => {}
            Table::Tour => {
                line("");
                line(lang.pick(
                    "# While the guided tour is on (t), these keys come first; the others keep\n\
                     # their reading meaning.",
                    "# Pendant la visite guidée (t), ces touches passent d’abord ; les autres\n\
                     # gardent leur sens de lecture.",
                ));
            }
            Table::Presenter => {
                line("");
                line(lang.pick(
                    "# The presenter (p, or glose present) has keys of its own.",
                    "# Le mode présentation (p, ou glose present) a ses propres touches.",
                ));
            }
            Table::Lists => {
                line("");
                line(lang.pick(
                    "# The lists of notes and bookmarks.",
                    "# Les listes de notes et de signets.",
                ));
            }
            Table::Editor => {
                line("");
                line(lang.pick(
                    "# The note editor: only keys that do not type text (ctrl-, alt-, Esc, f1…).",
                    "# L’éditeur de note : seulement des touches qui n’écrivent pas (ctrl-, alt-,\n\
                     # Échap, f1…).",
                ));
            }
            Table::Line => {
                line("");
                line(lang.pick(
                    "# The search line and a list's filter, while typing: only keys that do not\n\
                     # type text.",
                    "# La ligne de recherche et le filtre d’une liste, pendant la frappe :\n\
                     # seulement des touches qui n’écrivent pas.",
                ));
            }
            Table::Notes => {
                line("");
                line(lang.pick(
                    "# The facilitator's notes window (glose notes).",
                    "# La fenêtre de notes de l’animateur (glose notes).",
                ));
            }
        }
        line(&table.section());
        for action in table.allowed() {
            let Some(name) = action.name() else {
                continue;
            };
            let keys: Vec<KeyChord> = bindings
                .iter()
                .filter(|(_, a)| *a == action)
                .map(|(k, _)| *k)
                .collect();
            if keys.is_empty() {
                // Only the reader lists every action; the modes list the keys they have.
                if table == Table::Reader {
                    line(&format!(
                        "# (\"…\" = \"{name}\")  # {}",
                        description(action, lang)
                    ));
                }
                continue;
            }
            for (i, key) in keys.iter().enumerate() {
                let entry = format!(
                    "# {:<14} = {:<18}",
                    format!("\"{}\"", key.notation()),
                    format!("\"{name}\"")
                );
                if i == 0 {
                    line(&format!("{entry} # {}", description(action, lang)));
                } else {
                    line(entry.trim_end());
                }
            }
        }
    }
    out
}
