//! The headings the walk finds, kept small until the sections are cut.

use std::ops::Range;

use crate::content::markdown::Heading;

/// A heading found by the walk, before sections are cut: small (a 10 MB document has tens of
/// thousands), its words kept only when they are not in the text.
pub(in crate::content::markdown) struct Head {
    /// Index in `Builder::paras` of its words (or of the next paragraph, when its words are kept
    /// out of the text).
    pub(in crate::content::markdown) para: u32,
    /// Index in `Builder::blocks` of its block, when its words are in the text.
    pub(in crate::content::markdown) block: Option<u32>,
    pub(in crate::content::markdown) level: u8,
    /// 1-based line in the file and column (see [`Heading`]).
    pub(super) line: u32,
    pub(super) column: u32,
    /// Its words in the text (empty when they are kept out of it).
    pub(super) range: Range<u32>,
    /// A part heading's words kept out of the text, sanitised and trimmed.
    pub(super) words: Option<Box<str>>,
}

impl Head {
    /// Whether it has no words (a lone `#`).
    pub(in crate::content::markdown) fn is_empty(&self) -> bool {
        self.range.is_empty() && self.words.as_deref().is_none_or(str::is_empty)
    }

    /// The heading, its words taken from `text` when they are in it.
    pub(super) fn heading(self, text: &str) -> Heading {
        let range = wide(&self.range);
        let text = match self.words {
            Some(words) => words.into_string(),
            None => text.get(range.clone()).unwrap_or("").to_owned(),
        };
        Heading {
            text,
            level: usize::from(self.level),
            line: self.line as usize,
            column: self.column as usize,
            range,
        }
    }
}

/// An offset of the text (or a line of the file) in 32 bits: a text is at most
/// `content::TEXT_LIMIT_BYTES`, far less than 32 bits hold (see `model::InlineStyle`).
pub(in crate::content::markdown) fn narrow(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// A range kept in 32 bits, as the model's.
pub(in crate::content::markdown) fn wide(range: &Range<u32>) -> Range<usize> {
    range.start as usize..range.end as usize
}
