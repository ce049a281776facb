//! A child's day of arrivals and departures: which check-in or check-out may follow what was
//! recorded before it, and which check-in is the day's first arrival (the one that counts the
//! child present in the classroom's daily figures).
//!
//! Pure rules over a day read from the database. The group commit
//! (`store/sql/attendance_batch.rs`) reads every child's day so far once per batch, then asks
//! [`DaysSoFar::admit`] about each write in arrival order — so two writes for one child in the
//! same batch are judged against each other exactly as if they had come one after another.

use std::collections::HashMap;

use super::{AttendanceKind, Id, Timestamp};

/// One recorded (and not corrected) arrival or departure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayEntry {
    pub kind: AttendanceKind,
    pub at: Timestamp,
    pub id: Id,
}

/// Why a check-in or check-out cannot follow the child's day so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SequenceRefusal {
    /// A second check-in without a check-out between (a double tap, or two tablets).
    AlreadyCheckedIn,
    /// A check-out of a child who is not here.
    NotCheckedIn,
    /// Backdated before what is already recorded: the day would no longer read in order.
    EarlierThanLast,
}

impl SequenceRefusal {
    /// The input field a client should correct, when the refusal is about one.
    pub fn field(self) -> Option<&'static str> {
        match self {
            SequenceRefusal::EarlierThanLast => Some("occurredAt"),
            SequenceRefusal::AlreadyCheckedIn | SequenceRefusal::NotCheckedIn => None,
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            SequenceRefusal::AlreadyCheckedIn => "the child is already checked in",
            SequenceRefusal::NotCheckedIn => "the child is not checked in",
            SequenceRefusal::EarlierThanLast => "earlier than the child's last recorded arrival or departure",
        }
    }
}

/// Whether a `kind` at `at` may follow `last`, the child's latest entry of the day (if any).
pub fn may_follow(kind: AttendanceKind, at: Timestamp, last: Option<DayEntry>) -> Result<(), SequenceRefusal> {
    match (kind, last) {
        (AttendanceKind::CheckIn, Some(last)) if last.kind == AttendanceKind::CheckIn => {
            Err(SequenceRefusal::AlreadyCheckedIn)
        }
        (AttendanceKind::CheckOut, None) => Err(SequenceRefusal::NotCheckedIn),
        (AttendanceKind::CheckOut, Some(last)) if last.kind == AttendanceKind::CheckOut => {
            Err(SequenceRefusal::NotCheckedIn)
        }
        (_, Some(last)) if at < last.at => Err(SequenceRefusal::EarlierThanLast),
        _ => Ok(()),
    }
}

/// A write the day admitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Admitted {
    /// The child's first arrival of that day: counts them present in the daily figures.
    pub first_arrival: bool,
}

/// Children's recorded entries around the days a batch writes to, as read once per batch;
/// each admitted write joins its child's day, so the next write is judged after it.
#[derive(Debug, Default)]
pub struct DaysSoFar {
    by_child: HashMap<Id, Vec<DayEntry>>,
}

impl DaysSoFar {
    pub fn new(by_child: HashMap<Id, Vec<DayEntry>>) -> Self {
        DaysSoFar { by_child }
    }

    /// The child's latest entry within `[day_start, day_end)`, ties broken by id (the order
    /// the log gives entries recorded at the same instant).
    pub fn last_of_day(&self, child_id: Id, day_start: Timestamp, day_end: Timestamp) -> Option<DayEntry> {
        self.by_child
            .get(&child_id)?
            .iter()
            .filter(|entry| entry.at >= day_start && entry.at < day_end)
            .max_by_key(|entry| (entry.at, entry.id))
            .copied()
    }

    /// Decides `entry` for `child_id` on the day `[day_start, day_end)` and, when admitted,
    /// adds it to that child's day.
    pub fn admit(
        &mut self,
        child_id: Id,
        day_start: Timestamp,
        day_end: Timestamp,
        entry: DayEntry,
    ) -> Result<Admitted, SequenceRefusal> {
        let last = self.last_of_day(child_id, day_start, day_end);
        may_follow(entry.kind, entry.at, last)?;
        self.by_child.entry(child_id).or_default().push(entry);
        Ok(Admitted {
            first_arrival: entry.kind == AttendanceKind::CheckIn && last.is_none(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const CHILD: Id = Id(uuid::Uuid::from_u128(1));
    const OTHER: Id = Id(uuid::Uuid::from_u128(2));

    fn at(minute: u8) -> Timestamp {
        Timestamp(datetime!(2026-12-03 00:00 UTC) + time::Duration::minutes(minute.into()))
    }

    fn entry(kind: AttendanceKind, minute: u8, id: u128) -> DayEntry {
        DayEntry {
            kind,
            at: at(minute),
            id: Id(uuid::Uuid::from_u128(id)),
        }
    }

    fn day() -> (Timestamp, Timestamp) {
        (
            Timestamp(datetime!(2026-12-02 15:00 UTC)),
            Timestamp(datetime!(2026-12-03 15:00 UTC)),
        )
    }

    fn admit(days: &mut DaysSoFar, child: Id, entry: DayEntry) -> Result<Admitted, SequenceRefusal> {
        let (start, end) = day();
        days.admit(child, start, end, entry)
    }

    #[test]
    fn the_first_check_in_of_the_day_is_the_first_arrival() {
        let mut days = DaysSoFar::default();
        let first = admit(&mut days, CHILD, entry(AttendanceKind::CheckIn, 10, 10));
        assert_eq!(first, Ok(Admitted { first_arrival: true }));
    }

    #[test]
    fn a_second_check_in_without_a_check_out_is_refused() {
        let mut days = DaysSoFar::default();
        admit(&mut days, CHILD, entry(AttendanceKind::CheckIn, 10, 10)).unwrap();
        let again = admit(&mut days, CHILD, entry(AttendanceKind::CheckIn, 11, 11));
        assert_eq!(again, Err(SequenceRefusal::AlreadyCheckedIn));
        assert_eq!(SequenceRefusal::AlreadyCheckedIn.field(), None);
    }

    #[test]
    fn a_check_out_needs_the_child_checked_in() {
        let mut days = DaysSoFar::default();
        let out = admit(&mut days, CHILD, entry(AttendanceKind::CheckOut, 10, 10));
        assert_eq!(out, Err(SequenceRefusal::NotCheckedIn));
        admit(&mut days, CHILD, entry(AttendanceKind::CheckIn, 11, 11)).unwrap();
        admit(&mut days, CHILD, entry(AttendanceKind::CheckOut, 12, 12)).unwrap();
        let twice = admit(&mut days, CHILD, entry(AttendanceKind::CheckOut, 13, 13));
        assert_eq!(twice, Err(SequenceRefusal::NotCheckedIn));
    }

    #[test]
    fn coming_back_after_leaving_is_not_a_second_first_arrival() {
        let mut days = DaysSoFar::default();
        admit(&mut days, CHILD, entry(AttendanceKind::CheckIn, 10, 10)).unwrap();
        admit(&mut days, CHILD, entry(AttendanceKind::CheckOut, 20, 20)).unwrap();
        let back = admit(&mut days, CHILD, entry(AttendanceKind::CheckIn, 30, 30));
        assert_eq!(back, Ok(Admitted { first_arrival: false }));
    }

    #[test]
    fn backdating_before_the_last_entry_names_occurred_at() {
        let mut days = DaysSoFar::default();
        admit(&mut days, CHILD, entry(AttendanceKind::CheckIn, 30, 30)).unwrap();
        let early = admit(&mut days, CHILD, entry(AttendanceKind::CheckOut, 20, 20));
        assert_eq!(early, Err(SequenceRefusal::EarlierThanLast));
        assert_eq!(SequenceRefusal::EarlierThanLast.field(), Some("occurredAt"));
    }

    #[test]
    fn a_refused_write_leaves_the_day_as_it_was() {
        let mut days = DaysSoFar::default();
        admit(&mut days, CHILD, entry(AttendanceKind::CheckIn, 10, 10)).unwrap();
        let _ = admit(&mut days, CHILD, entry(AttendanceKind::CheckIn, 11, 11));
        let (start, end) = day();
        assert_eq!(days.last_of_day(CHILD, start, end).map(|e| e.at), Some(at(10)));
    }

    #[test]
    fn yesterday_does_not_count_and_children_are_judged_apart() {
        let yesterday = DayEntry {
            kind: AttendanceKind::CheckIn,
            at: Timestamp(datetime!(2026-12-02 01:00 UTC)),
            id: Id(uuid::Uuid::from_u128(5)),
        };
        let mut days = DaysSoFar::new(HashMap::from([(CHILD, vec![yesterday])]));
        // Left checked in yesterday (never checked out): today starts afresh.
        let today = admit(&mut days, CHILD, entry(AttendanceKind::CheckIn, 10, 10));
        assert_eq!(today, Ok(Admitted { first_arrival: true }));
        let other = admit(&mut days, OTHER, entry(AttendanceKind::CheckIn, 10, 11));
        assert_eq!(other, Ok(Admitted { first_arrival: true }));
    }

    #[test]
    fn entries_at_one_instant_are_ordered_by_id() {
        let days = DaysSoFar::new(HashMap::from([(
            CHILD,
            vec![
                entry(AttendanceKind::CheckOut, 10, 9),
                entry(AttendanceKind::CheckIn, 10, 3),
            ],
        )]));
        let (start, end) = day();
        assert_eq!(
            days.last_of_day(CHILD, start, end).map(|e| e.kind),
            Some(AttendanceKind::CheckOut)
        );
    }
}
