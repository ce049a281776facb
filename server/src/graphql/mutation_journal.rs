//! Mutations of journals: the contact notebook, the daily diary and guidance plans, from
//! draft (with revisions) through submission to the head's approval or return, and publishing
//! a notebook page to the family.

use async_graphql::{Context, Object, Result, ID};

use super::inputs::JournalDraftInput;
use super::journal_types::JournalObject;
use super::{actor, services};
use crate::service::journals;

#[derive(Default)]
pub struct JournalMutation;

#[Object]
impl JournalMutation {
    async fn save_journal_draft(&self, ctx: &Context<'_>, input: JournalDraftInput) -> Result<JournalObject> {
        let input = journals::DraftInput {
            journal_id: input.journal_id.as_ref().map(|id| id.as_str()),
            kind: input.kind,
            classroom_id: input.classroom_id.as_ref().map(|id| id.as_str()),
            child_id: input.child_id.as_ref().map(|id| id.as_str()),
            period_start: input.period_start.0,
            period_end: input.period_end.0,
            body: &input.body,
            revision: input.revision.map(i64::from),
        };
        Ok(JournalObject(
            journals::save_draft(services(ctx), actor(ctx)?, input).await?,
        ))
    }

    async fn submit_journal(&self, ctx: &Context<'_>, id: ID, revision: i32) -> Result<JournalObject> {
        Ok(JournalObject(
            journals::submit(services(ctx), actor(ctx)?, &id, revision.into()).await?,
        ))
    }

    async fn return_journal(&self, ctx: &Context<'_>, id: ID, comment: String) -> Result<JournalObject> {
        Ok(JournalObject(
            journals::return_for_changes(services(ctx), actor(ctx)?, &id, &comment).await?,
        ))
    }

    /// The nursery head approves; approving one's own document is FORBIDDEN.
    async fn approve_journal(&self, ctx: &Context<'_>, id: ID) -> Result<JournalObject> {
        Ok(JournalObject(journals::approve(services(ctx), actor(ctx)?, &id).await?))
    }

    /// Contact notebook: makes it visible to the family.
    async fn publish_journal(&self, ctx: &Context<'_>, id: ID) -> Result<JournalObject> {
        Ok(JournalObject(journals::publish(services(ctx), actor(ctx)?, &id).await?))
    }
}
