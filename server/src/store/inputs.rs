//! What callers hand the store and get back from its writes: the writes to record, the
//! filters the policy decided (turned into SQL by the store), and references to entities.

use crate::domain::calendar::LocalDay;
use crate::domain::*;
use time::Date;

/// A check-in or check-out to record: the event, the child's local day it belongs to, its
/// idempotency key, and the mutation to name in the audit trail.
#[derive(Clone, Debug)]
pub struct AttendanceWrite {
    pub event: AttendanceEvent,
    pub day: LocalDay,
    pub key: Option<IdempotencyKey>,
    pub trail: Option<crate::audit::WriteContext>,
}

/// A child, the scope the policy decides on, and their nursery's UTC offset.
#[derive(Clone, Debug)]
pub struct PlacedChild {
    pub child: Child,
    pub scope: Scope,
    pub utc_offset_minutes: i32,
}

/// A write that may be a replay of an earlier one with the same idempotency key.
#[derive(Clone, Debug)]
pub struct Recorded<T> {
    pub value: T,
    /// True when the key had been used before: nothing was written now.
    pub replayed: bool,
}

/// `(user, key)` of an offline client's retry-safe write, and the operation it is for.
#[derive(Clone, Debug)]
pub struct IdempotencyKey {
    pub user_id: Id,
    pub key: String,
    pub operation: &'static str,
}

#[derive(Clone, Debug)]
pub struct NewUser {
    pub id: Id,
    pub email: String,
    pub display_name: String,
    pub locale: String,
    pub password_hash: String,
    pub grant: Option<RoleGrant>,
}

/// Which children a caller may see, as the policy decided it: the store turns it into SQL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChildFilter {
    pub nurseries: Vec<Id>,
    pub families: Vec<Id>,
}

impl ChildFilter {
    pub fn is_empty(&self) -> bool {
        self.nurseries.is_empty() && self.families.is_empty()
    }
}

/// Which events a subscriber receives: kinds, and the nurseries and families in its scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventFilter {
    pub kinds: Vec<EventKind>,
    pub scope: ChildFilter,
}

/// An entity whose place in the organisation is needed for an authorization decision.
#[derive(Clone, Copy, Debug)]
pub enum EntityRef {
    Municipality(Id),
    Nursery(Id),
    Classroom(Id),
    Family(Id),
    Child(Id),
    AbsenceReport(Id),
    Journal(Id),
}

/// What the caller may list, as the policy decided it.
#[derive(Clone, Debug)]
pub struct JournalFilter {
    pub nursery_id: Id,
    pub kind: Option<JournalKind>,
    pub status: Option<JournalStatus>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Guardians: only these families' published contact notebook pages.
    pub families_only: Option<Vec<Id>>,
}

/// A change to a journal made at a known revision.
#[derive(Clone, Debug)]
pub struct JournalChange {
    pub status: JournalStatus,
    pub body: String,
    pub review_comment: Option<String>,
    /// What happened, for the history: SAVE, SUBMIT, RETURN, APPROVE, PUBLISH.
    pub action: &'static str,
    pub actor: Id,
    pub at: Timestamp,
}
