//! The room code: six characters from the operating system's random source (`getrandom`),
//! from an alphabet without look-alikes (no `0`/`O`, `1`/`I`/`L`), so a room can read it off
//! the projector and type it. 31⁶ ≈ 887 million codes: a guess from the network is hopeless
//! at the rate the server answers, and a wrong one gets a 404 like any unknown page.

/// The characters a code is made of.
pub const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Characters in a code.
pub const LENGTH: usize = 6;

/// A new room code, or `None` if the system gives no random bytes.
pub fn new_code() -> Option<String> {
    random_string(LENGTH, ALPHABET)
}

/// `len` characters of `alphabet` drawn uniformly from the system's random source (rejection
/// sampling, so no character is likelier than another).
pub fn random_string(len: usize, alphabet: &[u8]) -> Option<String> {
    let n = alphabet.len();
    if n == 0 || n > 256 {
        return None;
    }
    // The largest multiple of `n` below 256: bytes at or above it are drawn again.
    let limit = 256 - 256 % n;
    let mut out = String::with_capacity(len);
    let mut buf = [0u8; 64];
    while out.len() < len {
        getrandom::fill(&mut buf).ok()?;
        for &byte in &buf {
            if usize::from(byte) < limit && out.len() < len {
                out.push(char::from(alphabet[usize::from(byte) % n]));
            }
        }
    }
    Some(out)
}

/// A random id for a voter (a browser's cookie, a follower's own id): 22 letters and digits.
pub fn new_voter_id() -> Option<String> {
    random_string(
        22,
        b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    )
}

/// Whether `id` looks like a voter id glose gave (letters and digits, 8 to 64 of them): any
/// other value is ignored, so nothing a client sends is stored as it came.
pub fn is_voter_id(id: &str) -> bool {
    (8..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_characters_of_the_alphabet_and_differ() {
        let a = new_code().unwrap();
        let b = new_code().unwrap();
        assert_eq!(a.len(), LENGTH);
        assert!(a.bytes().all(|c| ALPHABET.contains(&c)));
        assert_ne!(a, b, "two codes in a row (1 chance in 887 million to fail)");
    }

    #[test]
    fn voter_ids_are_checked() {
        let id = new_voter_id().unwrap();
        assert!(is_voter_id(&id));
        assert!(!is_voter_id("short"));
        assert!(!is_voter_id("has space in it"));
        assert!(!is_voter_id("<script>alert(1)</script>"));
    }
}
