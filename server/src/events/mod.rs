//! Live events. Writes append to the event log in their own transaction; one tailer per
//! process reads the log in order and fans each entry out to the subscribers whose scope it
//! falls in. A subscriber that resumes with a cursor first replays what it missed from the log,
//! then continues live, and never sees an entry twice.
//!
//! The tailer is woken by local commits and polls as a fallback, so entries written by another
//! replica on the same database are delivered too; the PostgreSQL backend's horizon (see
//! `store::postgres`) makes out-of-order commits safe to resume across.

mod bus;
pub mod cursor;
mod subscription;
mod tailer;

pub use bus::EventBus;
