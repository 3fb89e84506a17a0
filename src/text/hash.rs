//! The one hash of the crate: FNV-1a, 64 bits. Stable across Rust versions, platforms and
//! builds (unlike std's `DefaultHasher`), because its values name things that must be found
//! again: a student's notes file (`store::state_file_stem`), the presenter's link
//! (`Article::text_hash`), the prebuilt bundled article (`content::bundled`). Changing it would
//! orphan every notes file on disk: the tests pin its values.
//!
//! `const`, so that the bundled article's fingerprint is computed at compile time.

/// FNV-1a's 64-bit offset basis.
const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a's 64-bit prime.
const PRIME: u64 = 0x0100_0000_01b3;

/// A hash being computed, fed piece by piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Self::new()
    }
}

impl Fnv1a {
    /// The hash of nothing yet.
    pub const fn new() -> Self {
        Self(OFFSET)
    }

    /// The hash with `bytes` added.
    #[must_use]
    pub const fn write(self, bytes: &[u8]) -> Self {
        let mut hash = self.0;
        let mut i = 0;
        while i < bytes.len() {
            hash ^= bytes[i] as u64;
            hash = hash.wrapping_mul(PRIME);
            i += 1;
        }
        Self(hash)
    }

    /// The value.
    pub const fn finish(self) -> u64 {
        self.0
    }
}

/// The hash of `bytes`.
pub const fn fnv1a(bytes: &[u8]) -> u64 {
    Fnv1a::new().write(bytes).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_is_fnv1a_as_published() {
        // Test vectors of the FNV reference (Fowler, Noll, Vo).
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
        // Fed in pieces or whole, the same.
        assert_eq!(
            Fnv1a::new().write(b"foo").write(b"bar").finish(),
            fnv1a(b"foobar")
        );
    }
}
