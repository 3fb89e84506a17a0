pub mod golden;
pub mod keys;
pub mod pty;
