pub mod golden;
pub mod keys;
pub mod link;
pub mod pty;
