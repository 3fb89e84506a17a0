//! Reloading the article after its files changed (`watch`), keeping the reader where it was:
//! the reading position and the selection (by content and annotation id, as saved positions
//! are), the tour stop and the presenter. A reload that fails keeps the last good content on
//! screen and shows the problems (`!`).

use std::path::Path;

use super::App;
use crate::content;

impl App {
    /// Loads the article again from `dir`; see the module.
    pub fn reload(&mut self, dir: &Path) {
        match content::load_draft(Some(dir)) {
            Ok(draft) => {
                let position = self.position();
                let mut fresh =
                    App::new(draft.article, self.lang, self.theme.clone(), self.view.size);
                fresh.keymap = self.keymap.clone();
                fresh.prefs = self.prefs;
                fresh.clock = self.clock.clone();
                fresh.view.marks_hidden = self.view.marks_hidden;
                fresh.view.side_pref = self.view.side_pref;
                fresh.set_notebook(self.notebook.clone());
                fresh.problems = draft.problems;
                fresh.orphans = draft.orphans;
                fresh.watched = self.watched.clone();
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
