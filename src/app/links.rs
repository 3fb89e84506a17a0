//! The links of the text as things to select, as a browser's Tab does (and lynx's, w3m's):
//! Tab and Shift-Tab walk the annotations and the links (and images) together, in reading
//! order; a selected link shows its address in the side pane, `o` or Enter opens it, `y` copies
//! its address, a click on its words selects it.
//!
//! Invariant: at most one of `View::selected` (an annotation) and `View::link` is set; a link
//! selected is never an empty one (`[](url)` has no words to show or to click).

use super::App;
use super::Effect;
use crate::i18n::links as msg;

/// Something Tab can select.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Pick {
    Annotation(usize),
    Link(usize),
}

impl App {
    /// Where a pick sits in reading order: its first byte, annotations before links that start
    /// at the same byte, then its index.
    fn pick_key(&self, pick: Pick) -> Option<(usize, u8, usize)> {
        match pick {
            Pick::Annotation(i) => self
                .article
                .annotations
                .get(i)
                .map(|a| (a.range.start, 0, i)),
            Pick::Link(i) => self
                .article
                .links
                .get(i)
                .filter(|l| !l.range.is_empty())
                .map(|l| (l.range.start, 1, i)),
        }
    }

    /// The selection now, if any.
    fn current_pick(&self) -> Option<Pick> {
        match (self.view.selected, self.view.link) {
            (Some(i), _) => Some(Pick::Annotation(i)),
            (None, Some(i)) => Some(Pick::Link(i)),
            (None, None) => None,
        }
    }

    /// The first annotation and the first link whose key is after `key` (or equal to it,
    /// `inclusive`) when `forward`, else the last ones before it; the nearer of the two.
    fn pick_beside(&self, key: (usize, u8, usize), forward: bool, inclusive: bool) -> Option<Pick> {
        let annotations = &self.article.annotations;
        let links = &self.article.links;
        let beyond = |k: (usize, u8, usize)| match (forward, inclusive) {
            (true, true) => k >= key,
            (true, false) => k > key,
            (false, _) => k < key,
        };
        let annotation = |i: usize| {
            annotations
                .get(i)
                .map(|a| (a.range.start, 0u8, i))
                .filter(|&k| beyond(k))
                .map(|k| (k, Pick::Annotation(i)))
        };
        let link = |i: usize| {
            links
                .get(i)
                .filter(|l| !l.range.is_empty())
                .map(|l| (l.range.start, 1u8, i))
                .filter(|&k| beyond(k))
                .map(|k| (k, Pick::Link(i)))
        };
        let (a, l) = if forward {
            // Annotations never overlap: their starts grow with their index.
            let a = annotations.partition_point(|a| a.range.start < key.0);
            let l = links.partition_point(|l| l.range.start < key.0);
            (
                (a..annotations.len()).find_map(annotation),
                (l..links.len()).find_map(link),
            )
        } else {
            let a = annotations.partition_point(|a| a.range.start <= key.0);
            let l = links.partition_point(|l| l.range.start <= key.0);
            (
                (0..a).rev().find_map(annotation),
                (0..l).rev().find_map(link),
            )
        };
        let best = match (a, l) {
            (Some(a), Some(l)) if forward => a.min(l),
            (Some(a), Some(l)) => a.max(l),
            (a, l) => a.or(l)?,
        };
        Some(best.1)
    }

    /// Tab (`forward`) or Shift-Tab: the next or previous annotation or link in reading order,
    /// from the selection, else from what the reader is looking at; round to the other end.
    pub(super) fn step_selection(&mut self, forward: bool) {
        let from = match self.current_pick().and_then(|p| self.pick_key(p)) {
            Some(key) => key,
            None => {
                // Like a browser's Tab: from the top of the view (an annotation begun above it
                // still counts), or back from its bottom.
                let (start, end) = self.visible_bytes(self.view.focus);
                if forward {
                    let first = self.article.annotation_at_or_after(start);
                    let begun = self
                        .article
                        .annotations
                        .get(first)
                        .map_or(start, |a| a.range.start.min(start));
                    (begun, 0, 0)
                } else {
                    (end, 0, 0)
                }
            }
        };
        let inclusive = forward && self.current_pick().is_none();
        let round = if forward {
            (0, 0, 0)
        } else {
            (usize::MAX, u8::MAX, usize::MAX)
        };
        let next = self
            .pick_beside(from, forward, inclusive)
            .or_else(|| self.pick_beside(round, forward, true));
        match next {
            Some(Pick::Annotation(i)) => self.select(i),
            Some(Pick::Link(i)) => self.select_link(i),
            None => {}
        }
    }

    /// Selects a link: focuses its pane and scrolls its words into view.
    pub fn select_link(&mut self, index: usize) {
        let Some(range) = self
            .article
            .links
            .get(index)
            .filter(|l| !l.range.is_empty())
            .map(|l| l.range.clone())
        else {
            return;
        };
        self.view.selected = None;
        self.view.link = Some(index);
        self.view.side_scroll = 0;
        self.show_range(range);
    }

    /// The link whose words hold `byte`, if any (the innermost: an image inside a link).
    pub(crate) fn link_covering(&self, byte: usize) -> Option<usize> {
        let links = &self.article.links;
        let end = links.partition_point(|l| l.range.start <= byte);
        (0..end)
            .rev()
            .take(4)
            .find(|&i| links.get(i).is_some_and(|l| l.range.contains(&byte)))
    }

    /// `o` (`open`) or `y` on a selected link: asks the event loop to open its address, or to
    /// copy it; says why not in the status line. Returns `false` when no link is selected.
    pub(super) fn request_link(&mut self, open: bool) -> bool {
        let Some(link) = self.view.link.and_then(|i| self.article.links.get(i)) else {
            return false;
        };
        let lang = self.lang;
        if !open {
            self.effects.push(Effect::CopyAddress(link.url.clone()));
            return true;
        }
        if let Some(fragment) = link.url.strip_prefix('#') {
            // A link inside the page goes to its heading, as in a browser.
            let fragment = fragment.to_owned();
            if !self.go_to_anchor(&fragment) {
                self.view.message = Some(msg::no_heading_text(lang, &fragment));
            }
            return true;
        }
        match crate::text::sanitize::safe_url(&link.url) {
            Some(url) => self.effects.push(Effect::Open(url.to_owned())),
            None => {
                self.view.message = Some(msg::glose_opens_only_web_addresses(lang).to_owned());
            }
        }
        true
    }

    /// Goes to the heading whose anchor is `fragment` (GitHub's: see [`anchor`]; the second
    /// heading of the same words is `words-1`, and so on). Returns whether one was found.
    fn go_to_anchor(&mut self, fragment: &str) -> bool {
        let wanted = fragment.to_lowercase();
        let article = &self.article;
        let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut name = |words: &str| {
            let base = anchor(words);
            let count = seen.entry(base.clone()).or_insert(0);
            let name = if *count == 0 {
                base
            } else {
                format!("{base}-{count}")
            };
            *count += 1;
            name
        };
        // Headings in reading order: each part's own (not an editors' one), then those in it.
        let mut found = None;
        'parts: for (index, part) in article.parts.iter().enumerate() {
            if !article.meta.editorial_parts.contains(&part.id) && name(&part.heading) == wanted {
                found = Some(Err(index));
                break;
            }
            for paragraph in &part.paragraphs {
                let heading = article
                    .block_at(paragraph.start)
                    .is_some_and(|b| matches!(b.kind, crate::content::BlockKind::Heading { .. }));
                if heading && name(article.slice(paragraph.clone())) == wanted {
                    found = Some(Ok(paragraph.clone()));
                    break 'parts;
                }
            }
        }
        match found {
            Some(Ok(range)) => {
                self.view.link = None;
                self.show_range(range);
                true
            }
            Some(Err(part)) => {
                self.view.link = None;
                self.go_to_part(part);
                true
            }
            None => false,
        }
    }
}

/// A heading's anchor as GitHub writes it: lower case, letters, digits, `-` and `_` kept,
/// spaces as `-`, everything else dropped (`Built with Ratatui` is `built-with-ratatui`).
pub(crate) fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

impl App {
    /// `o` (`open`) or `y`: asks the event loop to open the selected annotation's source
    /// address, or to copy its citation; says why not in the status line.
    pub(super) fn request_source(&mut self, open: bool) {
        if self.request_link(open) {
            return;
        }
        let lang = self.lang;
        let source = self
            .view
            .selected
            .and_then(|i| self.article.annotations.get(i))
            .map(|a| a.source.and_then(|s| self.article.sources.get(s)));
        let message = match source {
            None => msg::select_annotation_first_tab(lang),
            Some(None) => msg::annotation_cites_no_source(lang),
            Some(Some(source)) if open => {
                match source
                    .url
                    .as_deref()
                    .and_then(crate::text::sanitize::safe_url)
                {
                    Some(url) => {
                        self.effects.push(Effect::Open(url.to_owned()));
                        return;
                    }
                    None if source.url.is_some() => msg::source_address_not_one_glose(lang),
                    None => msg::source_has_no_verified_address(lang),
                }
            }
            Some(Some(source)) => {
                let citation = crate::webanno::citation(source);
                self.effects.push(Effect::Copy(citation));
                return;
            }
        };
        self.view.message = Some(message.to_owned());
    }
}
