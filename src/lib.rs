//! glose: a terminal reader with guided annotations.
//!
//! Data flows one way, and each stage is a module testable without a terminal:
//!
//! ```text
//! article/ files ──content::load──► Article (immutable)
//! Article + width ──layout::lay_out──► PaneLayout (rows as byte ranges, annotation rows)
//! data + size ──layout::{screen, popup, help, side_pane, present}──► areas and row counts
//! State + layout ──ui::render──► ratatui Frame          (render reads, never decides)
//! terminal Event ──input::keymap[app.mode()]──► Action ──app::update──► View
//! ```
//!
//! Keys: `input::keymap` holds one table per `Mode` (reader, tour, overlay, list, line,
//! editor, confirm, presenter, notes window), the defaults written once in `input::defaults`;
//! text typed into the search line, a filter or the editor is `Action::Edit` too. The `?` help, the status-line hints and the README's key tables are generated from them. The
//! terminal loop (`term`) applies every event already waiting before it draws one frame.
//!
//! Geometry: `update` clamps its scroll positions and cursors with what `layout` computes from
//! data and a size; it never asks `ui`. Only the terminal loop imports `ui`, and no module
//! imports another that imports it back (`tests/architecture.rs` checks both).
//!
//! I/O happens only at the edges: `content` reads article files, `main` owns the terminal,
//! `store` owns the state files (notes, bookmarks, position).

pub mod app;
pub mod background;
pub mod check;
pub mod cli;
pub mod clock;
pub mod config;
pub mod content;
pub mod desk;
pub mod facilitator_notes;
pub mod files;
pub mod handout;
pub mod i18n;
pub mod import;
pub mod input;
pub mod layout;
pub mod link;
pub mod notebook;
pub mod output;
pub mod present;
pub mod print;
pub mod room;
pub mod room_command;
pub mod search;
pub mod session;
pub mod starter;
pub mod store;
pub mod term;
pub mod text;
pub mod theme;
pub mod tour;
pub mod ui;
pub mod watch;
pub mod webanno;
