//! A short string kept inline: a list marker, a code block's language (see [`Short`]).

/// A short string (a list marker, a code block's language) in 16 bytes: up to
/// [`Short::INLINE`] bytes are kept in the value itself, with no allocation of their own, a
/// longer one on the heap. `Option<Short>` is 16 bytes too, and a [`Block`] 48.
#[derive(Clone, PartialEq, Eq)]
pub struct Short(ShortRepr);

#[derive(Clone, PartialEq, Eq)]
enum ShortRepr {
    Inline {
        len: u8,
        bytes: [u8; Short::INLINE],
    },
    // A thin pointer (8 bytes, where a `String` is 24): what keeps the whole value in 16.
    #[allow(clippy::box_collection)]
    Heap(Box<String>),
}

impl Short {
    /// How many bytes are kept inline.
    pub const INLINE: usize = 14;

    pub fn as_str(&self) -> &str {
        match &self.0 {
            ShortRepr::Inline { len, bytes } => {
                std::str::from_utf8(bytes.get(..usize::from(*len)).unwrap_or_default())
                    .unwrap_or_default()
            }
            ShortRepr::Heap(text) => text,
        }
    }

    /// Whether it needed an allocation of its own (more than [`Short::INLINE`] bytes).
    pub fn is_heap_allocated(&self) -> bool {
        matches!(self.0, ShortRepr::Heap(_))
    }
}

impl Default for Short {
    fn default() -> Self {
        Short::from("")
    }
}

impl From<&str> for Short {
    fn from(text: &str) -> Self {
        let mut bytes = [0; Short::INLINE];
        match bytes.get_mut(..text.len()) {
            Some(inline) => {
                inline.copy_from_slice(text.as_bytes());
                Short(ShortRepr::Inline {
                    len: text.len() as u8,
                    bytes,
                })
            }
            None => Short(ShortRepr::Heap(Box::new(text.to_owned()))),
        }
    }
}

impl From<String> for Short {
    fn from(text: String) -> Self {
        if text.len() <= Short::INLINE {
            Short::from(text.as_str())
        } else {
            Short(ShortRepr::Heap(Box::new(text)))
        }
    }
}

impl std::ops::Deref for Short {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Short {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Short {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Short {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Short {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Short {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Short {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::Short;

    #[test]
    fn a_short_string_is_kept_whole_inline_or_not() {
        for text in [
            "",
            "•",
            "12. [x]",
            "javascript",
            "[note-1234]",
            "é".repeat(7).as_str(),
        ] {
            let short = Short::from(text);
            assert_eq!(short.as_str(), text);
            assert!(!short.is_heap_allocated(), "{text}");
            assert_eq!(Short::from(text.to_owned()), short);
        }
        for text in ["[a-long-footnote]", "objective-c++", "é".repeat(8).as_str()] {
            let short = Short::from(text);
            assert_eq!(&*short, text);
            assert_eq!(
                short.is_heap_allocated(),
                text.len() > Short::INLINE,
                "{text}"
            );
            assert_eq!(format!("{short}|{short:?}"), format!("{text}|{text:?}"));
        }
        assert_eq!(Short::default(), "");
    }
}
