//! Input: what a key means. `KeyChord` (a key with its modifiers), `Mode` (which table is in
//! force), the `Keymap` (one table of `(KeyChord, Action)` per mode, the defaults written once
//! in `defaults`) and the `Action`s they produce (`Edit`s for the keys that type text). Every
//! key press goes `Event → Keymap(mode) → Action`, then to the state's `update`. This module
//! knows nothing of the state, the layout or the drawing.

pub mod action;
pub mod chord;
pub mod defaults;
pub mod edit;
pub mod keymap;

pub use action::Action;
pub use edit::Edit;
pub use keymap::{KeyChord, Keymap, Mode};
