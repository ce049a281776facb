//! Safety of the day (issue 18): the nursery calendar, the not-yet-arrived check, nobody
//! left behind and corrections of the day's records, as pure rules the service applies.

pub mod arrival;
pub mod correction;
pub mod departure;
pub mod holidays;
pub mod opening;
pub mod pickup;
