//! Staff documents: the contact notebook (連絡帳), the daily diary (保育日誌) and guidance plans
//! (指導計画), with their approval workflow and revision history.

use serde::{Deserialize, Serialize};
use time::Date;

use super::{Id, Timestamp};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum JournalKind {
    ContactNotebook,
    DailyDiary,
    GuidancePlan,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(async_graphql::Enum)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::Display, strum::VariantArray)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum JournalStatus {
    Draft,
    Submitted,
    Returned,
    Approved,
    Published,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Journal {
    pub id: Id,
    pub kind: JournalKind,
    pub status: JournalStatus,
    pub revision: i64,
    pub nursery_id: Id,
    pub classroom_id: Option<Id>,
    pub child_id: Option<Id>,
    pub family_id: Option<Id>,
    pub period_start: Date,
    pub period_end: Date,
    /// The JSON document of the journal's sections.
    pub body: String,
    pub author_id: Id,
    pub review_comment: Option<String>,
    pub updated_at: Timestamp,
}

impl Journal {
    /// What the audit trail names for a change to this journal: the page, and its child.
    pub fn audit_ids(&self) -> Vec<Id> {
        self.child_id.into_iter().chain([self.id]).collect()
    }
}

/// One saved state of a journal: who did what, when, and the body as it then was.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct JournalRevision {
    pub journal_id: Id,
    pub revision: i64,
    pub status: JournalStatus,
    pub body: String,
    pub action: String,
    pub actor_id: Id,
    pub at: Timestamp,
}
