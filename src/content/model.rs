//! The loaded article: immutable after `content::load`, shared by every view.
//!
//! Invariants (established by the loader, relied on everywhere else):
//! - `Article::text` is sanitised: no control character except none at all (paragraph breaks are
//!   not stored as `\n`; paragraphs are byte ranges), no escape sequence, no bidi override.
//! - every `Range<usize>` in this module is a byte range into `Article::text` that starts and
//!   ends on a char boundary (and, for annotations, on grapheme boundaries of the quote);
//! - `parts` are in reading order; each part's paragraphs are in order and do not overlap;
//! - `annotations` are sorted by `range.start` and never overlap one another;
//! - `Annotation::source` and `TourStop::annotation` are valid indices.
//! - `blocks` holds one entry for each paragraph range that is not a plain paragraph (a code
//!   block, a list item, a table…), sorted by `start`, the start of its paragraph range; only
//!   code blocks, tables and hard line breaks put a `\n` in the text, and only inside their range;
//! - `styles` are sorted by `range.start` and never overlap one another (they may overlap
//!   annotations, which are drawn on top of them); `InlineStyle::link` is a valid index.

mod short;

use std::ops::Range;

pub use short::Short;

/// How a part functions in the text; decides which pane it is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// Read before the first part; shown at the top of the first pane.
    Introduction,
    /// A main part of the text: one pane each.
    Part,
    /// The closing part: a pane of its own.
    Conclusion,
    /// The bibliography: shown at the end of the last pane.
    References,
}

/// One part of the text (introduction, part, conclusion or references).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Stable identifier from `article.toml` (`partie-1`), used in tours and saved state.
    pub id: String,
    pub kind: PartKind,
    /// The heading as displayed (already sanitised).
    pub heading: String,
    /// Paragraphs as byte ranges into `Article::text`, leading and trailing white space trimmed.
    pub paragraphs: Vec<Range<usize>>,
}

/// What an annotation points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnnotationKind {
    /// A number: an amount, a share, a count.
    Figure,
    /// Words quoted or attributed to someone.
    Quote,
    /// A named source, reference or actor the text leans on.
    Source,
    /// A term or concept that needs explaining.
    Term,
}

impl AnnotationKind {
    pub const ALL: [Self; 4] = [Self::Figure, Self::Quote, Self::Source, Self::Term];

    /// The kind's name in the language of the bundled article's annotations (French).
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Figure => "chiffre",
            Self::Quote => "citation",
            Self::Source => "source",
            Self::Term => "notion",
        }
    }

    /// The kind's name in English.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Figure => "figure",
            Self::Quote => "quote",
            Self::Source => "source",
            Self::Term => "term",
        }
    }
}

impl crate::i18n::Named for AnnotationKind {
    fn names(self) -> (&'static str, &'static str) {
        (self.label_en(), self.label_fr())
    }

    fn plural_names(self) -> (&'static str, &'static str) {
        match self {
            Self::Figure => ("figures", "chiffres"),
            Self::Quote => ("quotes", "citations"),
            Self::Source => ("sources", "sources"),
            Self::Term => ("terms", "notions"),
        }
    }
}

/// How well the article's words match what the source says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The source says what the article says.
    Confirmed,
    /// Right source, small slip (a name, a year, a rounded figure).
    Imprecise,
    /// The source says something different.
    Misreported,
    /// No source could be found.
    Unverifiable,
}

impl Verdict {
    pub const ALL: [Self; 4] = [
        Self::Confirmed,
        Self::Imprecise,
        Self::Misreported,
        Self::Unverifiable,
    ];

    /// The sign that tells a verdict apart without colour, wherever glose shows one (the
    /// reader, the presenter, the notes window, the room, the handouts): `✓ ≈ ✗ ?`.
    pub fn sign(self) -> &'static str {
        match self {
            Self::Confirmed => "✓",
            Self::Imprecise => "≈",
            Self::Misreported => "✗",
            Self::Unverifiable => "?",
        }
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmé",
            Self::Imprecise => "imprécis",
            Self::Misreported => "déformé",
            Self::Unverifiable => "invérifiable",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Imprecise => "imprecise",
            Self::Misreported => "misreported",
            Self::Unverifiable => "unverifiable",
        }
    }
}

impl crate::i18n::Named for Verdict {
    fn names(self) -> (&'static str, &'static str) {
        (self.label_en(), self.label_fr())
    }
}

/// One annotated span of the text, resolved to a byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub id: String,
    pub kind: AnnotationKind,
    /// Byte range of the annotated words in `Article::text`.
    pub range: Range<usize>,
    /// Index into `Article::parts` of the part holding the range.
    pub part: usize,
    /// Index into that part's `paragraphs`.
    pub paragraph: usize,
    /// Index into `Article::sources`.
    pub source: Option<usize>,
    /// What a reader needs to know to read these words (may hold `\n\n` paragraph breaks).
    pub context: String,
    pub verdict: Option<Verdict>,
    /// What the source actually says, beside the article's words.
    pub note: String,
    /// Discussion prompts for a class.
    pub questions: Vec<String>,
}

/// What a paragraph range of the text is, when it is not a plain paragraph: a block of the
/// author's Markdown, with where it sits (inside quotes, inside lists).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The start of its paragraph range in `Article::text`.
    pub start: usize,
    pub kind: BlockKind,
    /// How many block quotes hold it.
    pub quote: u8,
    /// How many list items (or footnote definitions) hold it: its hanging indent.
    pub indent: u8,
    /// The list marker shown before its first line (`•`, `3.`, `[x]`, `[^1]`), when it is the
    /// first block of a list item or footnote. Kept inline (see [`Short`]): a 10 MB document
    /// has tens of thousands.
    pub marker: Option<Short>,
}

/// The kind of a [`Block`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// Running text (inside a quote or a list).
    Paragraph,
    /// A heading inside a part, `level` 1 to 6.
    Heading { level: u8 },
    /// Lines of code, kept verbatim, separated by `\n`; `language` from the fence (may be empty,
    /// kept inline, see [`Short`]).
    Code { language: Short },
    /// A table (boxed: tables are rare, and every block would otherwise be as large as one).
    Table(Box<Table>),
    /// Lines of plain text kept as they are (verse, an address, an option column), separated by
    /// `\n`, their indentation kept.
    Lines,
    /// A thematic break (`---`); its range is empty.
    Rule,
    /// The text of an HTML block, its tags hidden.
    Html,
}

/// A table of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Cell ranges in `Article::text`, row by row, the first row the header.
    pub rows: Vec<Vec<Range<usize>>>,
    /// One per column.
    pub aligns: Vec<Align>,
}

/// How a table column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A run of text in the author's inline styles. Runs never overlap: nested styles are flattened
/// (strong words inside a link are one run with both).
///
/// Its range and link are kept in 32 bits (a 10 MB document has tens of thousands of runs): a
/// text is at most `content::TEXT_LIMIT_BYTES` read, four times less than 32 bits hold even
/// if every byte became a three-byte stand-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineStyle {
    start: u32,
    end: u32,
    /// The styles of the run, a set of the `STYLE_*` bits.
    pub style: u8,
    /// The link's index plus one (16 bytes a run, not 20).
    link: Option<std::num::NonZeroU32>,
}

const _: () = assert!(crate::content::TEXT_LIMIT_BYTES <= u32::MAX as usize / 4);

/// A byte offset of the text in 32 bits (see [`InlineStyle`]).
fn narrow(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

impl InlineStyle {
    /// A run over `range` of `Article::text` with the `STYLE_*` bits `style`, part of the link
    /// or image `link` (an index into `Article::links`).
    pub fn new(range: Range<usize>, style: u8, link: Option<usize>) -> Self {
        Self {
            start: narrow(range.start),
            end: narrow(range.end),
            style,
            link: link.and_then(|l| std::num::NonZeroU32::new(narrow(l).saturating_add(1))),
        }
    }

    /// Its byte range in `Article::text`.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Index into `Article::links` when the run is (part of) a link or image.
    pub fn link(&self) -> Option<usize> {
        self.link.map(|l| l.get() as usize - 1)
    }
}

/// Emphasis (`*words*`).
pub const STYLE_EMPHASIS: u8 = 1;
/// Strong emphasis (`**words**`).
pub const STYLE_STRONG: u8 = 2;
/// Inline code (`` `code` ``).
pub const STYLE_CODE: u8 = 4;
/// Struck-through words (`~~words~~`).
pub const STYLE_STRIKE: u8 = 8;
/// The words of a link.
pub const STYLE_LINK: u8 = 16;
/// An image, shown as its alternative text.
pub const STYLE_IMAGE: u8 = 32;

/// A link or image of the text: its words and its address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub range: Range<usize>,
    pub url: String,
    pub image: bool,
}

/// One entry of the bibliography.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    /// Author or organisation.
    pub author: String,
    pub title: String,
    pub publisher: Option<String>,
    /// Free-form date as precise as known: `2023-09-07`, `2023-09`, `2025`.
    pub date: Option<String>,
    /// report, press, documentary, book, academic, blog, web, court, other.
    pub kind: String,
    /// Only a verified address.
    pub url: Option<String>,
    /// Position (1-based) in the article's own reference list, if it is there.
    pub reference: Option<u32>,
    /// Free remarks on the source itself (its reliability, what could not be checked).
    pub note: String,
}

/// One stop of a guided tour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TourStop {
    pub title: String,
    /// The annotation this stop selects, if any.
    pub annotation: Option<usize>,
    /// The part this stop shows (the annotation's part when an annotation is given).
    pub part: usize,
    /// What to say or show.
    pub say: String,
    pub questions: Vec<String>,
    /// Suggested duration in minutes.
    pub minutes: u32,
    /// Short form of the stop's figure for large type in the presenter (`430 M`, `80 %`);
    /// when absent, one is derived from the annotated words (`tour::big_figure`).
    pub big: Option<String>,
    /// A question the room answers with a vote (`poll` or `guess` in `tour.toml`).
    pub poll: Option<Poll>,
}

/// Most choices a poll may offer (a digit key picks one).
pub const MAX_CHOICES: usize = 9;

/// A vote for the room at a tour stop: one of a few answers, or a number to guess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Poll {
    /// One of these answers (2 to [`MAX_CHOICES`]), numbered from 1.
    Choices(Vec<String>),
    /// A number from `min` to `max` (whole numbers; answers may have decimals), in `unit`;
    /// `answer` is shown with the distribution once the facilitator reveals it.
    Guess {
        unit: String,
        min: u32,
        max: u32,
        answer: Option<u32>,
    },
}

/// Article metadata from `article.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    pub title: String,
    pub author: String,
    /// The byline as printed in the text ("Article rédigé par …").
    pub byline: Option<String>,
    /// BCP 47 language tag of the text (`fr`, `en`).
    pub language: String,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// Who prepared the annotations, and on what basis.
    pub annotations_by: Option<String>,
    /// Ids of the parts whose heading is the editors', not the author's (`editorial = true`):
    /// their `Part::heading` is shown in square brackets.
    pub editorial_parts: Vec<String>,
}

/// How an editorial heading (one the author did not write) is shown: `[Références]`, the usual
/// mark of words added by an editor.
pub fn editorial_heading(heading: &str) -> String {
    format!("[{}]", heading.trim())
}

/// A whole loaded article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    pub meta: Meta,
    /// All the text, sanitised; parts and annotations hold byte ranges into it.
    pub text: String,
    pub parts: Vec<Part>,
    /// Sorted by `range.start`; never overlapping.
    pub annotations: Vec<Annotation>,
    pub sources: Vec<Source>,
    /// Empty when the folder has no `tour.toml`.
    pub tour: Vec<TourStop>,
    /// The paragraph ranges that are not plain paragraphs, sorted by `start`.
    pub blocks: Vec<Block>,
    /// Emphasis, code, links… as runs that never overlap, sorted by `range.start`.
    pub styles: Vec<InlineStyle>,
    /// Every link and image, in text order.
    pub links: Vec<Link>,
}

impl Article {
    /// Whether the text is French, which turns on French typography rules in wrapping.
    pub fn is_french(&self) -> bool {
        self.meta.language == "fr" || self.meta.language.starts_with("fr-")
    }

    /// A hash of this exact text: 16 hex digits of a 64-bit FNV-1a hash of its title and
    /// its whole text. It names the article where two programs must agree they hold the same
    /// text, word for word: the notes link's sockets (a presenter and its notes windows), the
    /// room (a follower reads what the presenter shows), the URN of an export without `url`.
    /// Stable across builds and platforms (unlike std's `DefaultHasher`), so two glose builds
    /// still find each other, while two articles never cross-talk. Not the state files' name
    /// (`store::state_file_stem`, which survives edits further into the text).
    pub fn text_hash(&self) -> String {
        let hash = crate::text::hash::Fnv1a::new()
            .write(self.meta.title.as_bytes())
            .write(&[0])
            .write(self.text.as_bytes())
            .finish();
        format!("{hash:016x}")
    }

    /// The words of a byte range of the text.
    ///
    /// Ranges come from the loader and always sit on char boundaries; a range that does not
    /// (a programming error) yields an empty string rather than a panic.
    pub fn slice(&self, range: Range<usize>) -> &str {
        self.text.get(range).unwrap_or("")
    }

    /// The paragraph a tour stop shows: its annotation's paragraph, else its part's first one.
    pub fn stop_paragraph(&self, stop: &TourStop) -> Option<Range<usize>> {
        match stop.annotation.and_then(|i| self.annotations.get(i)) {
            Some(a) => self.parts.get(a.part)?.paragraphs.get(a.paragraph).cloned(),
            None => self.parts.get(stop.part)?.paragraphs.first().cloned(),
        }
    }

    /// Index of the first annotation whose range ends after `byte` (binary search).
    pub fn annotation_at_or_after(&self, byte: usize) -> usize {
        self.annotations.partition_point(|a| a.range.end <= byte)
    }

    /// The annotation covering `byte`, if any.
    pub fn annotation_covering(&self, byte: usize) -> Option<usize> {
        let i = self.annotation_at_or_after(byte);
        self.annotations
            .get(i)
            .filter(|a| a.range.contains(&byte))
            .map(|_| i)
    }

    /// The block of the paragraph range starting at `start`, if it is not a plain paragraph.
    pub fn block_at(&self, start: usize) -> Option<&Block> {
        self.blocks
            .binary_search_by_key(&start, |b| b.start)
            .ok()
            .and_then(|i| self.blocks.get(i))
    }

    /// Index of the first inline style run that ends after `byte` (binary search).
    pub fn style_at_or_after(&self, byte: usize) -> usize {
        self.styles.partition_point(|s| s.range().end <= byte)
    }

    /// Count of words in a part: white-space separated tokens holding a letter or a digit.
    /// It walks the part's text: callers that show it on every frame keep it (`App::part_stats`).
    pub fn word_count(&self, part: usize) -> usize {
        self.parts.get(part).map_or(0, |p| {
            p.paragraphs
                .iter()
                .map(|r| count_words(self.slice(r.clone())))
                .sum()
        })
    }
}

/// White-space separated tokens of `text` holding a letter or a digit (« » : % standing alone
/// are not words), in one pass over its chars.
fn count_words(text: &str) -> usize {
    let mut count = 0;
    // Whether the current token has been counted already.
    let mut counted = false;
    for c in text.chars() {
        if c.is_whitespace() {
            counted = false;
        } else if !counted && c.is_alphanumeric() {
            count += 1;
            counted = true;
        }
    }
    count
}

#[cfg(test)]
impl Poll {
    /// The guess the poll, room and notes tests share: 0 to 1 000 millions, the answer 154.
    pub(crate) fn example_guess() -> Self {
        Self::Guess {
            unit: "millions".into(),
            min: 0,
            max: 1000,
            answer: Some(154),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Article, count_words};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn counting_in_one_pass_is_counting_tokens(text in "[a-zé9 \u{a0}\u{202f}«»:%’\n-]{0,60}") {
            let tokens = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            prop_assert_eq!(count_words(&text), tokens);
        }
    }

    #[test]
    fn the_text_hash_depends_on_title_and_text() {
        let mut a = Article::default();
        a.meta.title = "A".into();
        a.text = "texte".into();
        let mut b = a.clone();
        assert_eq!(a.text_hash(), b.text_hash());
        assert_eq!(a.text_hash().len(), 16);
        b.text.push('!');
        assert_ne!(a.text_hash(), b.text_hash());
        let mut c = a.clone();
        c.meta.title = "B".into();
        assert_ne!(a.text_hash(), c.text_hash());
    }

    #[test]
    fn the_text_hashes_of_known_articles_never_change() {
        // Presenters, notes windows and followers of two glose builds find each other by this
        // value alone: it is pinned, for a fixture and for the bundled article.
        let fixture =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/english");
        let fixture = crate::content::load_path(&fixture).unwrap().article;
        assert_eq!(fixture.text_hash(), "46e7748ea94b36b5");
        let bundled = crate::content::load_bundled().unwrap().article;
        assert_eq!(
            bundled.text_hash(),
            "f37c8d296930d059",
            "the bundled article's title or text changed: a presenter and a notes window of \
             two glose builds would no longer find each other (that is all it costs; update \
             the value if the text changed on purpose)"
        );
    }

    #[test]
    fn words_hold_a_letter_or_a_digit() {
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("  « Ils profitent » : 80 % !"), 3);
        assert_eq!(count_words("main-d’œuvre\u{a0}bien\u{202f}réelle"), 3);
        assert_eq!(count_words("« »\t—\n…"), 0);
    }
}
