pub mod golden;
pub mod pty;
