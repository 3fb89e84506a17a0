//! The reader's own marks on a text: personal notes and bookmarks, anchored by content.
//!
//! This module owns the `Notebook` (what is saved) and how its entries find their place in an
//! `Article` (what is shown). It does no I/O: `store` reads and writes notebooks.
//!
//! Anchoring: an entry stores the annotation id it is attached to (if any), the id of the part,
//! the byte offset in `Article::text` and a short `quote` of the words there, like a W3C
//! `TextQuoteSelector`. On load, the byte is trusted only if it still holds the quote; otherwise
//! the quote is searched for (nearest occurrence to the old byte). An entry whose words are gone
//! becomes an orphan: it is listed and exported with its quote, never deleted.
//!
//! Invariants: every `Note::place` / `Bookmark::place` was computed by `resolve` against the
//! article on screen (call `Notebook::resolve` after loading or merging); ids are unique within
//! a notebook; text fields are sanitised (`text::sanitize`) when read from a file.

pub mod export;

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::content::Article;
use crate::text::sanitize::{clean_block, clean_line};

/// Longest quote stored with an anchor, in bytes (cut on a char boundary).
pub const QUOTE_BYTES: usize = 80;

/// Longest note, in bytes: a pasted book is cut here.
pub const MAX_NOTE_BYTES: usize = 64 * 1024;

/// Where an entry sits in the article on screen (computed, never saved).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Place {
    /// On an annotation: index into `Article::annotations`.
    Annotation(usize),
    /// On a paragraph: indices into `Article::parts` and that part's `paragraphs`.
    Paragraph { part: usize, paragraph: usize },
    /// Its words are no longer in the text.
    #[default]
    Orphan,
}

/// Where a saved entry (a note, a bookmark, a draft) is anchored, as its file holds it: the
/// saved half of a [`PlacedSpot`]. Written inline among the entry's own keys (`serde(flatten)`),
/// so the files read and write exactly as before it existed: `annotation`, `part`, `byte`,
/// `quote`.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Spot {
    /// The annotation's id when the entry is on an annotation (never for a bookmark).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotation: Option<String>,
    /// Id of the part the anchor is in.
    #[serde(default)]
    pub part: String,
    /// Byte offset of the anchor in `Article::text` when it was written.
    #[serde(default)]
    pub byte: usize,
    /// The words at the anchor (the annotated words, or a paragraph's opening words).
    #[serde(default)]
    pub quote: String,
}

impl Spot {
    /// Where this spot sits in `article` now.
    pub fn resolve(&self, article: &Article) -> Place {
        resolve(article, self.annotation.as_deref(), self.byte, &self.quote)
    }

    /// Sanitises the strings read from a file.
    pub fn sanitise(&mut self) {
        self.annotation = self.annotation.as_deref().map(clean_line);
        self.part = clean_line(&self.part);
        self.quote = clean_line(&self.quote);
    }
}

/// A personal note on an annotation or a paragraph.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Note {
    /// Unique id (`n` + time + process + counter), stable across saves and merges.
    pub id: String,
    /// Seconds since the Unix epoch.
    pub created: u64,
    /// Seconds since the Unix epoch; changes with the text.
    pub updated: u64,
    /// Where it is anchored.
    #[serde(flatten)]
    pub spot: Spot,
    /// What the reader wrote (may hold `\n`).
    pub text: String,
    /// A conflict copy: the text another window saved for this note while this one changed it
    /// too (both are kept; the reader chooses).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub conflict: bool,
    #[serde(skip)]
    pub place: Place,
}

/// A bookmark on a paragraph.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Bookmark {
    pub id: String,
    pub created: u64,
    /// Where it is anchored (on a paragraph: `annotation` is always `None`).
    #[serde(flatten)]
    pub spot: Spot,
    #[serde(skip)]
    pub place: Place,
}

/// All of a reader's notes and bookmarks on one article.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Notebook {
    #[serde(default, rename = "note")]
    pub notes: Vec<Note>,
    #[serde(default, rename = "bookmark")]
    pub bookmarks: Vec<Bookmark>,
}

/// A [`Spot`] with its [`Place`] in the article on screen: where a new note or bookmark goes,
/// or where the one being edited sits. (Not `content::anchor`, which finds an annotation's
/// quoted words in the text.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedSpot {
    pub annotation: Option<String>,
    pub part: String,
    pub byte: usize,
    pub quote: String,
    pub place: Place,
}

impl PlacedSpot {
    /// A saved spot at its place in the article on screen.
    pub fn placed(spot: Spot, place: Place) -> Self {
        let Spot {
            annotation,
            part,
            byte,
            quote,
        } = spot;
        Self {
            annotation,
            part,
            byte,
            quote,
            place,
        }
    }

    /// What a file keeps of this anchor.
    pub fn spot(&self) -> Spot {
        Spot {
            annotation: self.annotation.clone(),
            part: self.part.clone(),
            byte: self.byte,
            quote: self.quote.clone(),
        }
    }

    /// The anchor of an annotation.
    pub fn annotation(article: &Article, index: usize) -> Option<Self> {
        let annotation = article.annotations.get(index)?;
        let part = article.parts.get(annotation.part)?;
        Some(Self {
            annotation: Some(annotation.id.clone()),
            part: part.id.clone(),
            byte: annotation.range.start,
            quote: cut(article.slice(annotation.range.clone()), QUOTE_BYTES).to_owned(),
            place: Place::Annotation(index),
        })
    }

    /// The anchor of a paragraph: its first byte and opening words.
    pub fn paragraph(article: &Article, part: usize, paragraph: usize) -> Option<Self> {
        let p = article.parts.get(part)?;
        let range = p.paragraphs.get(paragraph)?;
        Some(Self {
            annotation: None,
            part: p.id.clone(),
            byte: range.start,
            quote: cut(article.slice(range.clone()), QUOTE_BYTES).to_owned(),
            place: Place::Paragraph { part, paragraph },
        })
    }
}

/// The longest prefix of `s` of at most `max` bytes ending on a char boundary.
pub fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

/// Seconds since the Unix epoch (0 if the clock is before it).
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A new unique id: prefix, time, process id and a per-process counter.
pub fn new_id(prefix: char) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!("{prefix}{}-{}-{nanos:x}{n}", now(), std::process::id())
}

/// The paragraph holding `byte`: `(part, paragraph)`.
pub fn paragraph_at(article: &Article, byte: usize) -> Option<(usize, usize)> {
    article.parts.iter().enumerate().find_map(|(i, part)| {
        let k = part.paragraphs.partition_point(|r| r.end <= byte);
        part.paragraphs
            .get(k)
            .filter(|r| r.start <= byte)
            .map(|_| (i, k))
    })
}

/// Finds where an anchor's words are now: at `byte` if they are still there, else at the
/// occurrence of the quote nearest to `byte`.
pub fn locate(article: &Article, byte: usize, quote: &str) -> Option<usize> {
    if quote.is_empty() {
        return None;
    }
    if article
        .text
        .get(byte..)
        .is_some_and(|t| t.starts_with(quote))
    {
        return Some(byte);
    }
    article
        .text
        .match_indices(quote)
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(byte))
}

/// Where an entry with this anchor sits in `article`.
pub fn resolve(article: &Article, annotation: Option<&str>, byte: usize, quote: &str) -> Place {
    if let Some(id) = annotation {
        return article
            .annotations
            .iter()
            .position(|a| a.id == id)
            .map_or(Place::Orphan, Place::Annotation);
    }
    locate(article, byte, quote)
        .and_then(|b| paragraph_at(article, b))
        .map_or(Place::Orphan, |(part, paragraph)| Place::Paragraph {
            part,
            paragraph,
        })
}

/// A key sorting places in reading order, orphans last.
pub fn reading_order(article: &Article, place: Place) -> (usize, usize) {
    match place {
        Place::Annotation(i) => (0, article.annotations.get(i).map_or(0, |a| a.range.start)),
        Place::Paragraph { part, paragraph } => (
            0,
            article
                .parts
                .get(part)
                .and_then(|p| p.paragraphs.get(paragraph))
                .map_or(0, |r| r.start),
        ),
        Place::Orphan => (1, 0),
    }
}

impl Notebook {
    /// Computes every entry's place in `article`.
    pub fn resolve(&mut self, article: &Article) {
        for note in &mut self.notes {
            note.place = note.spot.resolve(article);
        }
        for bookmark in &mut self.bookmarks {
            bookmark.place = bookmark.spot.resolve(article);
        }
    }

    /// Sanitises every string read from a file and drops duplicate ids (keeping the first), so
    /// nothing from the file can reach the terminal unfiltered.
    pub fn sanitise(&mut self) {
        let mut seen = HashSet::new();
        self.notes.retain(|n| seen.insert(n.id.clone()));
        for note in &mut self.notes {
            note.id = clean_line(&note.id);
            note.spot.sanitise();
            note.text = clean_block(cut(&note.text, MAX_NOTE_BYTES));
        }
        let mut seen = HashSet::new();
        self.bookmarks.retain(|b| seen.insert(b.id.clone()));
        for bookmark in &mut self.bookmarks {
            bookmark.id = clean_line(&bookmark.id);
            bookmark.spot.sanitise();
            // A bookmark is on a paragraph, whatever the file says.
            bookmark.spot.annotation = None;
        }
    }

    /// The note on this place (the first, if a merge brought two).
    pub fn note_at(&self, place: Place) -> Option<usize> {
        self.notes.iter().position(|n| n.place == place)
    }

    /// The bookmark on this place.
    pub fn bookmark_at(&self, place: Place) -> Option<usize> {
        self.bookmarks.iter().position(|b| b.place == place)
    }

    /// Indices of the notes in reading order (orphans last, oldest first).
    pub fn notes_in_order(&self, article: &Article) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.notes.len()).collect();
        order.sort_by_key(|&i| {
            self.notes
                .get(i)
                .map(|n| (reading_order(article, n.place), n.created))
        });
        order
    }

    /// Indices of the bookmarks in reading order.
    pub fn bookmarks_in_order(&self, article: &Article) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.bookmarks.len()).collect();
        order.sort_by_key(|&i| {
            self.bookmarks
                .get(i)
                .map(|b| (reading_order(article, b.place), b.created))
        });
        order
    }

    /// Adds a note, or replaces the text of the note with `id`. Empty text deletes the note.
    /// Returns whether the notebook changed.
    pub fn set_note(&mut self, id: Option<&str>, anchor: &PlacedSpot, text: &str) -> bool {
        let text = clean_block(cut(text, MAX_NOTE_BYTES));
        let text = text.trim_end();
        let existing = id.and_then(|id| self.notes.iter().position(|n| n.id == id));
        match existing {
            Some(i) if text.trim().is_empty() => {
                self.notes.remove(i);
                true
            }
            Some(i) => match self.notes.get_mut(i) {
                Some(note) if note.text != text => {
                    note.text = text.to_owned();
                    note.updated = now();
                    true
                }
                _ => false,
            },
            None if text.trim().is_empty() => false,
            None => {
                let time = now();
                self.notes.push(Note {
                    id: new_id('n'),
                    created: time,
                    updated: time,
                    spot: anchor.spot(),
                    text: text.to_owned(),
                    conflict: false,
                    place: anchor.place,
                });
                true
            }
        }
    }

    /// Adds a bookmark at `anchor`, or removes the one already there. Returns whether one was
    /// added.
    pub fn toggle_bookmark(&mut self, anchor: &PlacedSpot) -> bool {
        if let Some(i) = self.bookmark_at(anchor.place) {
            self.bookmarks.remove(i);
            return false;
        }
        self.bookmarks.push(Bookmark {
            id: new_id('b'),
            created: now(),
            spot: Spot {
                annotation: None,
                ..anchor.spot()
            },
            place: anchor.place,
        });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::sample;

    #[test]
    fn anchors_follow_their_words_when_the_text_moves() {
        let article = sample(3);
        let anchor = PlacedSpot::paragraph(&article, 1, 2).unwrap();
        let mut book = Notebook::default();
        assert!(book.set_note(None, &anchor, "  Ma remarque\n"));
        assert_eq!(book.notes[0].text, "  Ma remarque");
        // Same text: found at its byte.
        book.resolve(&article);
        assert_eq!(
            book.notes[0].place,
            Place::Paragraph {
                part: 1,
                paragraph: 2
            }
        );
        // Text edited before the anchor: the byte is stale, the quote is found.
        let mut edited = article.clone();
        edited.text.insert_str(0, "Un ajout. ");
        for part in &mut edited.parts {
            for p in &mut part.paragraphs {
                *p = p.start + 10..p.end + 10;
            }
        }
        book.resolve(&edited);
        assert_eq!(
            book.notes[0].place,
            Place::Paragraph {
                part: 1,
                paragraph: 2
            }
        );
        // Words gone: orphan, still there.
        book.notes[0].spot.quote = "des mots qui ne sont plus là".into();
        book.resolve(&edited);
        assert_eq!(book.notes[0].place, Place::Orphan);
        assert_eq!(book.notes_in_order(&edited), vec![0]);
    }

    #[test]
    fn annotation_notes_follow_the_annotation_id() {
        let article = sample(2);
        let anchor = PlacedSpot::annotation(&article, 3).unwrap();
        assert_eq!(anchor.quote, "chiffre 1-1");
        let mut book = Notebook::default();
        book.set_note(None, &anchor, "Vérifier");
        book.resolve(&article);
        assert_eq!(book.notes[0].place, Place::Annotation(3));
        let mut fewer = article.clone();
        fewer.annotations.remove(0);
        book.resolve(&fewer);
        assert_eq!(book.notes[0].place, Place::Annotation(2));
        book.notes[0].spot.annotation = Some("disparue".into());
        book.resolve(&fewer);
        assert_eq!(book.notes[0].place, Place::Orphan);
    }

    #[test]
    fn empty_text_deletes_and_bookmarks_toggle() {
        let article = sample(2);
        let anchor = PlacedSpot::paragraph(&article, 0, 1).unwrap();
        let mut book = Notebook::default();
        assert!(!book.set_note(None, &anchor, "   \n "), "nothing to add");
        book.set_note(None, &anchor, "x");
        let id = book.notes[0].id.clone();
        assert!(!book.set_note(Some(&id), &anchor, "x"), "unchanged");
        assert!(book.set_note(Some(&id), &anchor, "\x1b[31mrouge"));
        assert_eq!(book.notes[0].text, "␛[31mrouge", "sanitised");
        assert!(book.set_note(Some(&id), &anchor, ""));
        assert!(book.notes.is_empty());
        assert!(book.toggle_bookmark(&anchor));
        assert_eq!(book.bookmark_at(anchor.place), Some(0));
        assert!(!book.toggle_bookmark(&anchor));
        assert!(book.bookmarks.is_empty());
    }

    #[test]
    fn cut_stays_on_char_boundaries() {
        assert_eq!(cut("œuvre", 1), "");
        assert_eq!(cut("œuvre", 2), "œ");
        assert_eq!(cut("abc", 10), "abc");
    }
}
