//! Interface strings in French and English, from one table.
//!
//! The article and its annotations stay in their own language; only glose's own words (help,
//! status line, labels, messages) are translated. The language follows the `--lang` option,
//! else the settings file, else the environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`);
//! when the locale names no language glose speaks (`C`, `POSIX`, unset, another language), it
//! follows the article's own language if glose speaks it, else English ([`Lang::choose`]).
//!
//! One file per area: [`lang`] (the languages and how one is chosen), [`text`] (the reader's,
//! the lists', the editor's and the presenter's words), [`phrases`] (words built around a
//! value: counts, quotations, numbers), [`settings`] (the settings file's messages),
//! [`default_file`] (the commented default settings file), [`state_files`] (the state files),
//! [`brief`] (the short handout of `glose export --brief`), [`diagnostics`] (what `glose check`
//! and the loader say about an article's files), [`check`] (`glose check`'s summary), [`cli`]
//! (the commands' messages), [`export`] (exported notebooks and handouts), [`actions`] (what
//! each action does, for help), [`keys`] (key tables and key names), [`links`] (addresses and
//! links), [`room`] (the room and its polls), [`screen`] (the reader's screen), [`words`] (the
//! counted words, for [`count_of`]).
//!
//! Outside this module no code writes a word of the interface: it calls a function or a value
//! of a table here, and the model names its own kinds and verdicts ([`Named`]).
//! `tests/architecture.rs` fails when code outside names `Lang::En`, `Lang::Fr` or `.pick(`.

/// One function per message of a bilingual table. `name(args) => "en", "fr";` defines
/// `pub fn name(lang: Lang, args: &impl Display…) -> String`, both strings being format strings
/// that name the arguments they show; `name => "en", "fr";` defines
/// `pub fn name(lang: Lang) -> &'static str`.
macro_rules! messages {
    () => {};
    ($(#[$doc:meta])* $name:ident($($arg:ident),* $(,)?) => $en:literal, $fr:literal; $($rest:tt)*) => {
        $(#[$doc])*
        pub fn $name(lang: $crate::i18n::Lang $(, $arg: &impl ::std::fmt::Display)*) -> String {
            match lang {
                $crate::i18n::Lang::En => format!($en),
                $crate::i18n::Lang::Fr => format!($fr),
            }
        }
        messages!($($rest)*);
    };
    ($(#[$doc:meta])* $name:ident => $en:literal, $fr:literal; $($rest:tt)*) => {
        $(#[$doc])*
        pub fn $name(lang: $crate::i18n::Lang) -> &'static str {
            lang.pick($en, $fr)
        }
        messages!($($rest)*);
    };
}

pub mod actions;
mod brief;
pub mod check;
pub mod cli;
mod default_file;
pub mod diagnostics;
pub mod export;
pub mod keys;
mod lang;
pub mod links;
mod phrases;
pub mod room;
pub mod screen;
mod settings;
mod state_files;
mod text;
pub mod words;

pub use brief::BriefText;
pub use default_file::DefaultFileText;
pub use lang::{Lang, Named};
pub use phrases::{count_of, guillemets, not_found, quoted, reference_number, source_number};
pub use settings::SettingsText;
pub use state_files::{FileWord, StateFileText};
pub use text::Text;
