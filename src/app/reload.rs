//! Reloading the article after its files changed (`watch`), keeping the reader where it was:
//! the reading position and the selection (by content and annotation id, as saved positions
//! are), the tour stop and the presenter. A reload that fails keeps the last good content on
//! screen and shows the problems (`!`).
//!
//! The slow part runs on the watcher's thread, never on the event loop: reading, parsing and
//! checking the folder, then laying its panes out at the widths on screen ([`Reloaded`]). The
//! loop only swaps the prepared article in, so a key typed meanwhile is handled at once. A pane
//! the screen shows at another width by then (a resize during the load) is laid out by the loop,
//! as after any resize.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use super::App;
use crate::content::{self, Draft, LoadError};
use crate::layout::{PaneLayout, lay_out, panes};

/// The panes on screen and their text widths, as `App::layouts` keys them: what the watcher's
/// thread lays a reloaded article out for.
pub(super) type OnScreen = Arc<Mutex<Vec<(usize, usize)>>>;

/// What the watcher's thread prepares after a change.
#[derive(Debug)]
pub struct Reloaded {
    /// The folder as loaded (a draft, with its problems), or why it could not be read at all.
    loaded: Result<Draft, LoadError>,
    /// Its panes on screen, laid out.
    layouts: HashMap<(usize, usize), PaneLayout>,
}

impl App {
    /// Watches the article folder `dir` and reloads it on each save, for as long as the app
    /// lives; nothing happens where the system gives no watcher.
    pub fn watch(&mut self, dir: &Path) {
        self.watch_with(dir, |dir| content::load_draft(Some(dir)));
    }

    /// [`App::watch`], loading the folder with `load` (on the watcher's thread).
    pub fn watch_with(
        &mut self,
        dir: &Path,
        mut load: impl FnMut(&Path) -> Result<Draft, LoadError> + Send + 'static,
    ) {
        let on_screen = Arc::clone(&self.on_screen);
        self.watched = crate::watch::start(dir, move |dir| {
            let loaded = load(dir);
            let mut layouts = HashMap::new();
            if let Ok(draft) = &loaded {
                let wanted = on_screen
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .clone();
                let panes = panes(&draft.article);
                for (index, width) in wanted {
                    if let Some(pane) = panes.get(index) {
                        layouts.insert((index, width), lay_out(&draft.article, pane, width));
                    }
                }
            }
            Reloaded { loaded, layouts }
        });
    }

    /// Swaps in the article the watcher prepared after a change; see the module.
    pub fn reload(&mut self, reloaded: Reloaded) {
        match reloaded.loaded {
            Ok(draft) => {
                let position = self.position();
                let mut fresh =
                    App::new(draft.article, self.lang, self.theme.clone(), self.view.size);
                fresh.layouts = reloaded.layouts;
                fresh.keymap = self.keymap.clone();
                fresh.prefs = self.prefs;
                fresh.clock = self.clock.clone();
                fresh.view.marks_hidden = self.view.marks_hidden;
                fresh.view.side_pref = self.view.side_pref;
                fresh.set_notebook(self.notebook.clone());
                fresh.problems = draft.problems;
                fresh.orphans = draft.orphans;
                fresh.watched = self.watched.take();
                fresh.on_screen = Arc::clone(&self.on_screen);
                fresh.restore_position(&position);
                if let Some(mut tour) = self.tour.take() {
                    let stops = fresh.article.tour.len();
                    if stops > 0 {
                        tour.progress.stop = tour.progress.stop.min(stops - 1);
                        tour.progress.spent_s.resize(stops, 0);
                        fresh.tour = Some(tour);
                    }
                }
                if fresh.tour.is_some() {
                    fresh.presenter = self.presenter.take();
                }
                fresh.refresh();
                *self = fresh;
            }
            Err(error) => {
                // The last good text stays; the problems say why the new one is not shown.
                self.problems = error.diagnostics().to_vec();
                self.refresh();
            }
        }
    }
}
