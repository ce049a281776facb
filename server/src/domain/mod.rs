//! The nursery domain: identifiers, times in the nursery's calendar, the records the service
//! keeps, and the checks that turn raw client input into values the rest of the code can trust.

pub mod absence;
pub mod account_letter;
pub mod accounts;
pub mod attendance_day;
pub mod calendar;
pub mod care;
pub mod endpoint;
pub mod ids;
pub mod journal;
pub mod model;
pub mod nap_rules;
pub mod oversight;
pub mod push;
#[cfg(test)]
mod push_targets_tests;
pub mod roster;
pub mod roster_import;
pub mod safety;
pub mod validate;

pub use calendar::Timestamp;
pub use care::*;
pub use ids::Id;
pub use journal::*;
pub use model::*;
pub use oversight::*;
pub use push::*;
