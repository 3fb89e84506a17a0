//! Three-way merge of notebooks: what a save does under the lock with what another window
//! wrote meanwhile, so that neither drops the other's notes.

use crate::notebook::{Bookmark, Note, Notebook};

/// An entry that can be merged by id.
trait Entry: Clone {
    fn id(&self) -> &str;
    /// Same saved content (the computed place is ignored).
    fn same(&self, other: &Self) -> bool;
    /// When this entry (another process's version) and this process's differ, a copy of this
    /// one to keep beside it; `None` where one version is as good as the other.
    fn conflict_copy(&self) -> Option<Self> {
        None
    }
}

impl Entry for Note {
    fn id(&self) -> &str {
        &self.id
    }
    fn same(&self, o: &Self) -> bool {
        self.id == o.id
            && self.updated == o.updated
            && self.text == o.text
            && self.spot == o.spot
            && self.conflict == o.conflict
    }
    fn conflict_copy(&self) -> Option<Self> {
        // A stable id, so that every window makes the same copy and none duplicates it.
        Some(Self {
            id: format!("{}~{}", self.id, self.updated),
            conflict: true,
            ..self.clone()
        })
    }
}

impl Entry for Bookmark {
    fn id(&self) -> &str {
        &self.id
    }
    fn same(&self, o: &Self) -> bool {
        self.id == o.id && self.spot == o.spot
    }
}

/// Three-way merge of one list: `base` is what this process last read or wrote, `mine` is what
/// it holds now, `disk` is what is on disk now (perhaps written by another process).
///
/// What this process changed since `base` (added, edited, deleted) wins; everything else comes
/// from `disk`. Two exceptions keep words safe: an entry deleted here but edited elsewhere since
/// `base` is kept (the edit); an entry edited both here and elsewhere keeps this process's
/// version under its id and the other's as a conflict copy beside it (for notes). Order:
/// `disk`'s, then this process's additions. Returns the list and how many conflict copies were
/// made.
fn merge_list<T: Entry>(base: &[T], mine: &[T], disk: &[T]) -> (Vec<T>, usize) {
    let find = |list: &[T], id: &str| list.iter().find(|e| e.id() == id).cloned();
    let changed = |a: Option<&T>, b: Option<&T>| match (a, b) {
        (Some(a), Some(b)) => !a.same(b),
        (None, None) => false,
        _ => true,
    };
    let mut out: Vec<T> = Vec::new();
    let mut conflicts = 0;
    let mut ids: Vec<&str> = disk.iter().map(Entry::id).collect();
    for e in mine {
        if !ids.contains(&e.id()) {
            ids.push(e.id());
        }
    }
    for e in base {
        if !ids.contains(&e.id()) {
            ids.push(e.id());
        }
    }
    for id in &ids {
        let (b, m, d) = (find(base, id), find(mine, id), find(disk, id));
        let chosen = if changed(m.as_ref(), b.as_ref()) {
            match (&m, &d) {
                (None, _) if changed(d.as_ref(), b.as_ref()) => d,
                (Some(mine), Some(theirs))
                    if changed(d.as_ref(), b.as_ref()) && !mine.same(theirs) =>
                {
                    if let Some(copy) = theirs.conflict_copy()
                        && !ids.contains(&copy.id())
                        && !out.iter().any(|e| e.id() == copy.id())
                    {
                        out.push(copy);
                        conflicts += 1;
                    }
                    m
                }
                _ => m,
            }
        } else {
            d
        };
        out.extend(chosen);
    }
    (out, conflicts)
}

/// Three-way merge of notebooks (see `merge_list`); places must be resolved again after.
pub fn merge(base: &Notebook, mine: &Notebook, disk: &Notebook) -> Notebook {
    merge_counting(base, mine, disk).0
}

/// [`merge`], with how many conflict copies it made (notes changed here and on disk at once).
pub fn merge_counting(base: &Notebook, mine: &Notebook, disk: &Notebook) -> (Notebook, usize) {
    let (notes, conflicts) = merge_list(&base.notes, &mine.notes, &disk.notes);
    let (bookmarks, _) = merge_list(&base.bookmarks, &mine.bookmarks, &disk.bookmarks);
    (Notebook { notes, bookmarks }, conflicts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notebook::{Place, Spot};

    fn note(id: &str, text: &str, updated: u64) -> Note {
        Note {
            id: id.into(),
            created: 1,
            updated,
            spot: Spot {
                part: "p0".into(),
                ..Spot::default()
            },
            text: text.into(),
            conflict: false,
            place: Place::Orphan,
        }
    }

    fn texts(book: &Notebook) -> Vec<(&str, &str)> {
        book.notes
            .iter()
            .map(|n| (n.id.as_str(), n.text.as_str()))
            .collect()
    }

    #[test]
    fn merge_keeps_both_processes_changes() {
        let base = Notebook {
            notes: vec![note("a", "A", 1), note("b", "B", 1), note("c", "C", 1)],
            bookmarks: vec![],
        };
        // This process: edited a, deleted b, added m.
        let mine = Notebook {
            notes: vec![note("a", "A2", 2), note("c", "C", 1), note("m", "M", 2)],
            bookmarks: vec![],
        };
        // The other: deleted c, added d.
        let disk = Notebook {
            notes: vec![note("a", "A", 1), note("b", "B", 1), note("d", "D", 3)],
            bookmarks: vec![],
        };
        let merged = merge(&base, &mine, &disk);
        assert_eq!(texts(&merged), vec![("a", "A2"), ("d", "D"), ("m", "M")]);
    }

    #[test]
    fn a_deletion_never_wins_over_an_edit_made_elsewhere() {
        let base = Notebook {
            notes: vec![note("a", "A", 1)],
            bookmarks: vec![],
        };
        let mine = Notebook::default();
        let disk = Notebook {
            notes: vec![note("a", "A edited elsewhere", 5)],
            bookmarks: vec![],
        };
        assert_eq!(
            texts(&merge(&base, &mine, &disk)),
            vec![("a", "A edited elsewhere")]
        );
    }

    #[test]
    fn the_same_note_edited_in_two_windows_keeps_both_texts() {
        let base = Notebook {
            notes: vec![note("a", "A", 1)],
            bookmarks: vec![],
        };
        let mine = Notebook {
            notes: vec![note("a", "A here", 3)],
            bookmarks: vec![],
        };
        let disk = Notebook {
            notes: vec![note("a", "A there", 2)],
            bookmarks: vec![],
        };
        let (merged, conflicts) = merge_counting(&base, &mine, &disk);
        assert_eq!(conflicts, 1);
        assert_eq!(texts(&merged), vec![("a~2", "A there"), ("a", "A here")]);
        assert!(merged.notes[0].conflict && !merged.notes[1].conflict);
        // The other window, merging the result, makes no second copy.
        let (again, conflicts) = merge_counting(&disk, &disk, &merged);
        assert_eq!(conflicts, 0);
        assert_eq!(again.notes.len(), 2);
    }
}
