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
//! value: counts, quotations, numbers), [`settings`] (the settings file), [`state_files`] (the
//! state files), [`brief`] (the short handout of `glose export --brief`).

mod brief;
mod lang;
mod phrases;
mod settings;
mod state_files;
mod text;

pub use brief::BriefText;
pub use lang::{Lang, Named};
pub use phrases::{count_of, guillemets, not_found, quoted, reference_number, source_number};
pub use settings::SettingsText;
pub use state_files::{FileWord, StateFileText};
pub use text::Text;
