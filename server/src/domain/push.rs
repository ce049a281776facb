//! What a Web Push notification says and to whom, derived from the event it announces. The
//! push service and the lock screen are outside our trust boundary: payloads name the child by
//! given name and say what happened, never temperatures, symptoms or reasons.

use serde::{Deserialize, Serialize};

use super::{AttendanceKind, CareAlertKind, EventPayload, Id, Timestamp};

/// Kinds of notification a user can switch on or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum PushKind {
    Arrival,
    Departure,
    AbsenceAcknowledged,
    NotebookPublished,
    Fever,
    AbsenceReported,
    NapAlert,
    ArrivalCheck,
    LeftBehind,
    PickupWarning,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum PushStatus {
    Pending,
    Delivered,
    Failed,
    Gone,
}

/// Who receives a notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    FamilyGuardians(Id),
    NurseryStaff(Id),
}

/// A notification to enqueue for every device of its audience.
#[derive(Clone, Debug)]
pub struct PushNotice {
    pub kind: PushKind,
    pub audiences: Vec<Audience>,
    /// RFC 8030 urgency: `high` for arrivals, departures and alerts.
    pub urgency: &'static str,
    /// Seconds the push service may hold it for an offline phone.
    pub ttl_seconds: i64,
    /// The child the notice is about; its given name goes into the text.
    pub child_id: Id,
    pub event_id: Id,
    pub at: Timestamp,
}

/// The JSON the app receives: enough to show the notification and open the right screen.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PushPayload {
    pub kind: PushKind,
    pub event_id: Id,
    pub child_id: Id,
    pub child_name: String,
    pub title: String,
    pub body: String,
    pub at: String,
    pub path: String,
}

impl PushNotice {
    /// The left-behind alert to the nursery's staff and head: planned by the watch itself at
    /// each raise and repeat (the log entry alone would not say which of them to push).
    pub fn left_behind(check: &super::safety::departure::DepartureCheck, at: Timestamp) -> PushNotice {
        PushNotice {
            kind: PushKind::LeftBehind,
            audiences: vec![Audience::NurseryStaff(check.nursery_id)],
            urgency: "high",
            // About now: by the next repeat it is stale.
            ttl_seconds: 900,
            child_id: check.child_id,
            event_id: check.id,
            at,
        }
    }

    /// `now` dates the notices of events that carry no instant of their own.
    pub fn for_event(payload: &EventPayload, now: Timestamp) -> Option<PushNotice> {
        let notice = |kind, audiences, urgency, ttl_seconds, child_id, event_id, at| PushNotice {
            kind,
            audiences,
            urgency,
            ttl_seconds,
            child_id,
            event_id,
            at,
        };
        Some(match payload {
            // A correction is told live; the family was told of the original already.
            EventPayload::Attendance(e) if e.corrects.is_some() => return None,
            EventPayload::Attendance(e) => {
                let kind = match e.kind {
                    AttendanceKind::CheckIn => PushKind::Arrival,
                    AttendanceKind::CheckOut => PushKind::Departure,
                };
                notice(
                    kind,
                    vec![Audience::FamilyGuardians(e.family_id)],
                    "high",
                    4 * 3600,
                    e.child_id,
                    e.id,
                    e.occurred_at,
                )
            }
            EventPayload::AbsenceReported(r) => notice(
                PushKind::AbsenceReported,
                vec![Audience::NurseryStaff(r.nursery_id)],
                "normal",
                12 * 3600,
                r.child_id,
                r.id,
                now,
            ),
            EventPayload::AbsenceAcknowledged(r) => notice(
                PushKind::AbsenceAcknowledged,
                vec![Audience::FamilyGuardians(r.family_id)],
                "normal",
                12 * 3600,
                r.child_id,
                r.id,
                r.acknowledged_at.unwrap_or(now),
            ),
            EventPayload::CareAlert(a) => {
                let (kind, audiences, urgency, ttl) = match a.kind {
                    CareAlertKind::Fever => (
                        PushKind::Fever,
                        vec![
                            Audience::FamilyGuardians(a.family_id),
                            Audience::NurseryStaff(a.nursery_id),
                        ],
                        "high",
                        3600,
                    ),
                    CareAlertKind::NotebookPublished => (
                        PushKind::NotebookPublished,
                        vec![Audience::FamilyGuardians(a.family_id)],
                        "normal",
                        24 * 3600,
                    ),
                    // A nap alert is about now: stale, it would only alarm.
                    CareAlertKind::NapCheckOverdue | CareAlertKind::NapPosition | CareAlertKind::NapBreathing => (
                        PushKind::NapAlert,
                        vec![Audience::NurseryStaff(a.nursery_id)],
                        "high",
                        300,
                    ),
                };
                notice(
                    kind,
                    audiences,
                    urgency,
                    ttl,
                    a.child_id,
                    a.journal_id.unwrap_or(a.id),
                    a.occurred_at,
                )
            }
            // Officers follow clusters on their dashboard; there is no child to name.
            EventPayload::InfectionAlert(_) | EventPayload::CareRecorded(_) => return None,
            // The staff's list changes live; a teacher is not woken for a family's correction
            // (a withdrawn absence that means the child is not coming shows in the arrival check).
            EventPayload::AbsenceUpdated(_) | EventPayload::AbsenceWithdrawn(_) => return None,
            // Planned by the safety service itself, in each guardian's language.
            EventPayload::ArrivalCheck(_) | EventPayload::DepartureCheck(_) => return None,
            // A plan is the family's own doing; the staff's roster shows it live.
            EventPayload::PickupPlan(_) => return None,
            // Someone not on the list took the child: the nursery's head and staff at once.
            EventPayload::PickupWarning(w) => notice(
                PushKind::PickupWarning,
                vec![Audience::NurseryStaff(w.nursery_id)],
                "high",
                3600,
                w.child_id,
                w.id,
                w.raised_at,
            ),
        })
    }

    /// The text, in Japanese, with the child's given name and the local time only.
    pub fn payload(&self, child_full_name: &str, utc_offset: time::UtcOffset) -> PushPayload {
        let given = given_name(child_full_name);
        let local = self.at.0.to_offset(utc_offset);
        let clock = format!("{}:{:02}", local.hour(), local.minute());
        let (title, body, path) = match self.kind {
            PushKind::Arrival => (
                "登園しました",
                format!("{given}さんが登園しました（{clock}）"),
                "attendance",
            ),
            PushKind::Departure => (
                "降園しました",
                format!("{given}さんが降園しました（{clock}）"),
                "attendance",
            ),
            PushKind::AbsenceAcknowledged => (
                "連絡を確認しました",
                format!("{given}さんの連絡を保育所が確認しました"),
                "absences",
            ),
            PushKind::NotebookPublished => (
                "連絡帳が届きました",
                format!("{given}さんの連絡帳が届きました"),
                "notebook",
            ),
            PushKind::Fever => (
                "保育所からのお知らせ",
                format!("{given}さんの体調について、保育所にご連絡ください"),
                "health",
            ),
            PushKind::AbsenceReported => (
                "欠席・遅刻の連絡",
                format!("{given}さんの保護者から連絡がありました"),
                "absences",
            ),
            PushKind::NapAlert => (
                "午睡チェック",
                format!("{given}さんを確認してください（{clock}）"),
                "naps",
            ),
            // Neither the adult's name nor anything else of the family: only that it happened.
            PushKind::PickupWarning => (
                "お迎えの確認",
                format!("{given}さんが登録外の方のお迎えで降園しました（{clock}）"),
                "pickup",
            ),
            PushKind::ArrivalCheck => {
                let (title, body) = super::safety::arrival::arrival_check_text("ja", given);
                (title, body, "attendance")
            }
            PushKind::LeftBehind => {
                let (title, body) = super::safety::departure::departure_check_text(given, &clock);
                (title, body, "attendance")
            }
        };
        PushPayload {
            kind: self.kind,
            event_id: self.event_id,
            child_id: self.child_id,
            child_name: given.to_owned(),
            title: title.to_owned(),
            body,
            at: self
                .at
                .utc()
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
            path: format!("/children/{}/{path}", self.child_id),
        }
    }
}

/// "佐藤 はると" → "はると" (family name first, separated by a space of either width).
pub fn given_name(full: &str) -> &str {
    full.trim().rsplit([' ', '\u{3000}']).next().unwrap_or(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_carry_no_health_details() {
        let notice = PushNotice {
            kind: PushKind::Fever,
            audiences: vec![],
            urgency: "high",
            ttl_seconds: 60,
            child_id: Id::new(),
            event_id: Id::new(),
            at: Timestamp(time::macros::datetime!(2026-12-03 08:30 UTC)),
        };
        let payload = notice.payload("佐藤　はると", time::UtcOffset::from_hms(9, 0, 0).unwrap());
        assert_eq!(payload.child_name, "はると");
        let text = serde_json::to_string(&payload).unwrap();
        assert!(
            !text.contains("佐藤") && !text.contains('℃') && !text.contains("発熱"),
            "{text}"
        );
    }
}
