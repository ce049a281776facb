//! What the store's reads hand back beyond the domain's own types: everything about a
//! classroom's day, a nap's context, push notifications leased for sending and their delivery
//! state.

use crate::domain::*;

/// Everything recorded about a classroom's day, for drafting the diary.
#[derive(Clone, Debug, Default)]
pub struct ClassroomDay {
    pub children: Vec<Child>,
    pub attendance: Vec<AttendanceEvent>,
    pub absences: Vec<AbsenceReport>,
    pub health_checks: Vec<HealthCheck>,
    pub meals: Vec<MealRecord>,
    pub naps: Vec<Nap>,
    pub compliance: Vec<(Id, NapCompliance)>,
}

/// Where a nap that a check may open belongs, and how often it must be checked.
#[derive(Clone, Debug)]
pub struct NapContext {
    pub nursery_id: Id,
    pub family_id: Id,
    pub classroom_id: Id,
    pub interval_seconds: Option<i64>,
}

/// A push notification leased to a worker for sending.
#[derive(Clone, Debug)]
pub struct PushJob {
    pub id: i64,
    pub subscription_id: Option<Id>,
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
    pub payload: String,
    pub urgency: String,
    pub ttl_seconds: i64,
    pub attempts: i64,
}

/// What became of one attempt to send.
#[derive(Clone, Debug)]
pub enum PushOutcome {
    Delivered,
    /// 404/410: the device unsubscribed; its subscription is removed.
    Gone,
    /// Try again at this time (429, 5xx, network error).
    Retry {
        at: Timestamp,
        error: String,
    },
    /// Given up after the last attempt, or refused for good.
    Failed {
        error: String,
    },
}

/// One notification's delivery state, for administrators.
#[derive(Clone, Debug)]
pub struct PushDelivery {
    pub id: i64,
    pub user_id: Id,
    pub kind: String,
    pub status: PushStatus,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: Timestamp,
    pub finished_at: Option<Timestamp>,
}
