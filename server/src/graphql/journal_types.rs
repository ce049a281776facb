//! Output types of journals.

use async_graphql::{Context, Object, Result, ID};

use super::scalars::{GqlDate, GqlDateTime};
use super::services;
use super::types::{load_child, load_user, ChildObject, ClassroomObject, NurseryObject, UserObject};
use crate::domain::*;
use crate::error::AppError;
use crate::service::reached;

pub struct JournalObject(pub Journal);

#[Object(name = "Journal")]
impl JournalObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn kind(&self) -> JournalKind {
        self.0.kind
    }
    async fn status(&self) -> JournalStatus {
        self.0.status
    }
    /// Optimistic concurrency: a save names the revision it edited.
    async fn revision(&self) -> i32 {
        i32::try_from(self.0.revision).unwrap_or(i32::MAX)
    }
    async fn nursery(&self, ctx: &Context<'_>) -> Result<NurseryObject> {
        let found = reached::nursery(services(ctx), self.0.nursery_id).await?;
        Ok(NurseryObject(found.ok_or(AppError::NotFound)?))
    }
    async fn classroom(&self, ctx: &Context<'_>) -> Result<Option<ClassroomObject>> {
        let Some(id) = self.0.classroom_id else { return Ok(None) };
        let found = reached::classroom(services(ctx), id).await?;
        Ok(found.map(ClassroomObject))
    }
    /// Contact notebook pages are per child.
    async fn child(&self, ctx: &Context<'_>) -> Result<Option<ChildObject>> {
        let Some(id) = self.0.child_id else { return Ok(None) };
        Ok(Some(load_child(ctx, id).await?))
    }
    async fn period_start(&self) -> GqlDate {
        GqlDate(self.0.period_start)
    }
    async fn period_end(&self) -> GqlDate {
        GqlDate(self.0.period_end)
    }
    /// JSON document of the journal's sections.
    async fn body(&self) -> &str {
        &self.0.body
    }
    async fn author(&self, ctx: &Context<'_>) -> Result<UserObject> {
        load_user(ctx, self.0.author_id).await
    }
    async fn review_comment(&self) -> Option<&str> {
        self.0.review_comment.as_deref()
    }
    async fn updated_at(&self) -> GqlDateTime {
        self.0.updated_at.into()
    }
}

pub struct JournalRevisionObject(pub JournalRevision);

#[Object(name = "JournalRevision")]
impl JournalRevisionObject {
    async fn revision(&self) -> i32 {
        i32::try_from(self.0.revision).unwrap_or(i32::MAX)
    }
    async fn status(&self) -> JournalStatus {
        self.0.status
    }
    async fn body(&self) -> &str {
        &self.0.body
    }
    /// CREATE, SAVE, SUBMIT, RETURN, APPROVE or PUBLISH.
    async fn action(&self) -> &str {
        &self.0.action
    }
    async fn actor(&self, ctx: &Context<'_>) -> Result<UserObject> {
        load_user(ctx, self.0.actor_id).await
    }
    async fn at(&self) -> GqlDateTime {
        self.0.at.into()
    }
}
