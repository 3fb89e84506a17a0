//! Writing the command-line commands' text to the standard output and error streams.
//!
//! `print!` and `eprint!` panic when a write fails, and a write fails whenever the reader has
//! gone: `glose check | head -1`, `glose export | less` quit early (Rust ignores SIGPIPE, so the
//! write returns `BrokenPipe` instead of killing the process). A reader leaving is not an error
//! of glose: [`out`] treats it as the end of the output, and the exit code stays the command's.
//! [`err`] never fails: when even standard error is gone there is no one left to tell.
//!
//! Invariant: nothing here panics, whatever the state of the streams.

use std::io::{self, Write};

/// Writes `text` to standard output and flushes it. A closed pipe counts as success (the reader
/// took what it wanted); any other error is returned.
pub fn out(text: &str) -> io::Result<()> {
    to(&mut io::stdout().lock(), text)
}

/// Writes `text` to standard error, ignoring every error.
pub fn err(text: &str) {
    let _ = to(&mut io::stderr().lock(), text);
}

/// Writes `text` then a line break to standard error, ignoring every error.
pub fn errln(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = to(&mut stderr, text).and_then(|()| to(&mut stderr, "\n"));
}

/// Writes and flushes, mapping a broken pipe to success.
fn to(stream: &mut impl Write, text: &str) -> io::Result<()> {
    match stream
        .write_all(text.as_bytes())
        .and_then(|()| stream.flush())
    {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        result => result,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stream whose reader has gone.
    struct Closed;

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(io::ErrorKind::BrokenPipe))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// A stream that fails for another reason.
    struct Full;

    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(io::ErrorKind::StorageFull))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_ends_the_output_quietly_and_other_errors_are_kept() {
        assert!(to(&mut Closed, "titre").is_ok());
        assert_eq!(
            to(&mut Full, "titre").map_err(|e| e.kind()),
            Err(io::ErrorKind::StorageFull)
        );
        let mut written = Vec::new();
        to(&mut written, "titre : é").unwrap();
        assert_eq!(written, "titre : é".as_bytes());
    }
}
