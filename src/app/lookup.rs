//! The lookup lists (index of annotations, sources, table of contents): the entries they show
//! and the index's kind filter. Their cursor, scroll and filter are `list_state::ListState`, as
//! for the notes and bookmarks lists.
//!
//! The entries are a pure function of the article and the state (`index_entries`,
//! `source_entries`, `contents_entries`), computed again by `update` and by `render`, so the two
//! always agree. Invariant after every `update`: `cursor < entries.len()` (or 0 when empty) and
//! `top <= cursor < top + height` for the height the list has on screen.

use crate::content::{AnnotationKind, Article};
use crate::search::{fold, matches_folded};

use super::list_state::ListState;

/// The index overlay: a list plus a filter by kind.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IndexState {
    pub list: ListState,
    /// Only annotations of this kind (all when `None`).
    pub kind: Option<AnnotationKind>,
}

impl IndexState {
    /// Next (or previous) kind filter among the kinds the article has: all → figures → quotes
    /// → sources → terms → all.
    pub fn cycle_kind(&mut self, article: &Article, forward: bool) {
        let mut choices: Vec<Option<AnnotationKind>> = vec![None];
        choices.extend(
            AnnotationKind::ALL
                .into_iter()
                .filter(|k| article.annotations.iter().any(|a| a.kind == *k))
                .map(Some),
        );
        let at = choices.iter().position(|c| *c == self.kind).unwrap_or(0);
        let count = choices.len();
        let next = if forward {
            (at + 1) % count
        } else {
            (at + count - 1) % count
        };
        self.kind = choices.get(next).copied().flatten();
    }
}

/// The annotations the index shows, in reading order: of the chosen kind, and whose words, id
/// or source (author, title) match the filter. Not the contexts and notes: they mention other
/// passages ("see 430 millions"), and a filter should narrow the list to the passages named.
pub fn index_entries(article: &Article, state: &IndexState) -> Vec<usize> {
    let needle = fold(state.list.filter.text());
    article
        .annotations
        .iter()
        .enumerate()
        .filter(|(_, a)| state.kind.is_none_or(|k| a.kind == k))
        .filter(|(_, a)| {
            if needle.trim().is_empty() {
                return true;
            }
            let source = a
                .source
                .and_then(|s| article.sources.get(s))
                .map(|s| format!("{} {}", s.author, s.title))
                .unwrap_or_default();
            [
                article.slice(a.range.clone()),
                a.id.as_str(),
                source.as_str(),
            ]
            .iter()
            .any(|field| matches_folded(field, &needle))
        })
        .map(|(i, _)| i)
        .collect()
}

/// One row of the sources list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceEntry {
    /// A source (index into `Article::sources`).
    Source(usize),
    /// An annotation that cites the source above it.
    Cite { source: usize, annotation: usize },
}

impl SourceEntry {
    /// The annotation `Enter` goes to: the cited one, or a source's first citation.
    pub fn target(self, article: &Article) -> Option<usize> {
        match self {
            Self::Cite { annotation, .. } => Some(annotation),
            Self::Source(source) => article
                .annotations
                .iter()
                .position(|a| a.source == Some(source)),
        }
    }
}

/// The sources, in the order of the article's reference list (then the others, in file
/// order), each followed by the annotations that cite it. With a filter: the sources whose
/// author, title, publisher or date match (with all their citations), and the citations whose
/// words match (under their source).
pub fn source_entries(article: &Article, filter: &str) -> Vec<SourceEntry> {
    let needle = fold(filter);
    let mut order: Vec<usize> = (0..article.sources.len()).collect();
    order.sort_by_key(|&s| {
        article
            .sources
            .get(s)
            .and_then(|s| s.reference)
            .map_or((1, 0, s), |r| (0, r, s))
    });
    let mut entries = Vec::new();
    for s in order {
        let Some(source) = article.sources.get(s) else {
            continue;
        };
        let own = [
            source.author.as_str(),
            source.title.as_str(),
            source.publisher.as_deref().unwrap_or(""),
            source.date.as_deref().unwrap_or(""),
            source.id.as_str(),
        ]
        .iter()
        .any(|field| matches_folded(field, &needle));
        let cites: Vec<usize> = article
            .annotations
            .iter()
            .enumerate()
            .filter(|(_, a)| a.source == Some(s))
            .filter(|(_, a)| own || matches_folded(article.slice(a.range.clone()), &needle))
            .map(|(i, _)| i)
            .collect();
        if !own && cites.is_empty() {
            continue;
        }
        entries.push(SourceEntry::Source(s));
        entries.extend(cites.into_iter().map(|annotation| SourceEntry::Cite {
            source: s,
            annotation,
        }));
    }
    entries
}

/// The parts the table of contents lists (every part, in reading order), filtered by heading.
pub fn contents_entries(article: &Article, filter: &str) -> Vec<usize> {
    let needle = fold(filter);
    article
        .parts
        .iter()
        .enumerate()
        .filter(|(_, p)| matches_folded(&p.heading, &needle))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::line_input::LineInput;
    use crate::app::tests::sample;
    use crate::content::Source;

    fn with_sources() -> Article {
        let mut article = sample(2);
        article.sources = vec![
            Source {
                id: "oit".into(),
                author: "Organisation internationale du Travail".into(),
                title: "Rapport".into(),
                publisher: None,
                date: Some("2024".into()),
                kind: "report".into(),
                url: None,
                reference: Some(2),
                note: String::new(),
            },
            Source {
                id: "bm".into(),
                author: "Banque mondiale".into(),
                title: "Working Without Borders".into(),
                publisher: None,
                date: None,
                kind: "report".into(),
                url: None,
                reference: Some(1),
                note: String::new(),
            },
        ];
        article.annotations[0].source = Some(0);
        article.annotations[3].source = Some(1);
        article.annotations[5].source = Some(1);
        article.annotations[1].kind = AnnotationKind::Quote;
        article.annotations[1].context = "Voir chiffre 2-1.".into();
        article.annotations[1].id = "etats-unis".into();
        article
    }

    #[test]
    fn index_filters_by_kind_and_by_folded_text() {
        let article = with_sources();
        let mut state = IndexState::default();
        assert_eq!(index_entries(&article, &state).len(), 8);
        state.cycle_kind(&article, true);
        assert_eq!(state.kind, Some(AnnotationKind::Figure));
        assert_eq!(index_entries(&article, &state).len(), 7);
        state.cycle_kind(&article, true);
        assert_eq!(state.kind, Some(AnnotationKind::Quote));
        assert_eq!(index_entries(&article, &state), vec![1]);
        state.cycle_kind(&article, true);
        assert_eq!(state.kind, None, "kinds the article lacks are skipped");
        state.cycle_kind(&article, false);
        assert_eq!(state.kind, Some(AnnotationKind::Quote));

        let mut state = IndexState::default();
        state.list.filter = LineInput::with_text("ÉTATS");
        assert_eq!(index_entries(&article, &state), vec![1], "by id, folded");
        state.list.filter = LineInput::with_text("chiffre 2-1");
        assert_eq!(
            index_entries(&article, &state),
            vec![5],
            "not by a context that mentions it"
        );
        state.list.filter = LineInput::with_text("chiffre 1-0");
        assert_eq!(index_entries(&article, &state), vec![2]);
        state.list.filter = LineInput::with_text("banque");
        assert_eq!(index_entries(&article, &state), vec![3, 5], "by source");
    }

    #[test]
    fn sources_follow_the_reference_list_with_their_citations() {
        let article = with_sources();
        let all = source_entries(&article, "");
        assert_eq!(
            all,
            vec![
                SourceEntry::Source(1),
                SourceEntry::Cite {
                    source: 1,
                    annotation: 3
                },
                SourceEntry::Cite {
                    source: 1,
                    annotation: 5
                },
                SourceEntry::Source(0),
                SourceEntry::Cite {
                    source: 0,
                    annotation: 0
                },
            ]
        );
        assert_eq!(all[0].target(&article), Some(3));
        let travail = source_entries(&article, "travail");
        assert_eq!(travail.len(), 2);
        let words = source_entries(&article, "chiffre 2-1");
        assert_eq!(
            words,
            vec![
                SourceEntry::Source(1),
                SourceEntry::Cite {
                    source: 1,
                    annotation: 5
                }
            ]
        );
        assert!(source_entries(&article, "zzz").is_empty());
    }
}
