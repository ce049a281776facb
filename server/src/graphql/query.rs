//! Queries.

use async_graphql::{Context, Object, Result, ID};

use super::journal_types::{JournalObject, JournalRevisionObject};
use super::scalars::GqlDate;
use super::types::*;
use super::{actor, services};
use crate::domain::{JournalKind, JournalStatus};
use crate::service::{self, journals};

#[derive(Default)]
pub struct CoreQuery;

#[Object]
impl CoreQuery {
    /// The caller: account, roles and the children they may see.
    async fn me(&self, ctx: &Context<'_>) -> Result<Viewer> {
        actor(ctx)?;
        Ok(Viewer)
    }

    /// Where the live feeds stand now: pass it as `attendanceEvents(after:)` to a subscription
    /// opened after loading the day, so nothing written in between is missed (an app asks for
    /// it before its first load).
    async fn live_cursor(&self, ctx: &Context<'_>) -> Result<String> {
        actor(ctx)?;
        Ok(crate::events::cursor::encode(services(ctx).bus.published_position()))
    }

    /// A child the caller may read; NOT_FOUND otherwise.
    async fn child(&self, ctx: &Context<'_>, id: ID) -> Result<Option<ChildObject>> {
        let child = service::org::child(services(ctx), actor(ctx)?, &id).await?;
        Ok(Some(ChildObject(child)))
    }

    async fn nursery(&self, ctx: &Context<'_>, id: ID) -> Result<Option<NurseryObject>> {
        let nursery = service::org::nursery(services(ctx), actor(ctx)?, &id).await?;
        Ok(Some(NurseryObject(nursery)))
    }

    /// The nursery's absence, lateness and early pick-up reports for one date (staff).
    async fn absence_reports(
        &self,
        ctx: &Context<'_>,
        nursery_id: ID,
        date: GqlDate,
    ) -> Result<Vec<AbsenceReportObject>> {
        let reports = service::attendance::nursery_absences(services(ctx), actor(ctx)?, &nursery_id, date.0).await?;
        Ok(reports.into_iter().map(AbsenceReportObject).collect())
    }

    /// A journal the caller may read (guardians: their children's notebook pages).
    async fn journal(&self, ctx: &Context<'_>, id: ID) -> Result<Option<JournalObject>> {
        Ok(Some(JournalObject(
            journals::read(services(ctx), actor(ctx)?, &id).await?,
        )))
    }

    /// Newest first, at most 500. Guardians see only their children's published pages.
    async fn journals(
        &self,
        ctx: &Context<'_>,
        nursery_id: ID,
        kind: Option<JournalKind>,
        status: Option<JournalStatus>,
        from: Option<GqlDate>,
        to: Option<GqlDate>,
    ) -> Result<Vec<JournalObject>> {
        let input = journals::ListInput {
            nursery_id: &nursery_id,
            kind,
            status,
            from: from.map(|d| d.0),
            to: to.map(|d| d.0),
        };
        let list = journals::list(services(ctx), actor(ctx)?, input).await?;
        Ok(list.into_iter().map(JournalObject).collect())
    }

    /// Every saved revision of a journal: who did what, when (staff).
    async fn journal_history(&self, ctx: &Context<'_>, id: ID) -> Result<Vec<JournalRevisionObject>> {
        let revisions = journals::history(services(ctx), actor(ctx)?, &id).await?;
        Ok(revisions.into_iter().map(JournalRevisionObject).collect())
    }

    /// A new page's body, pre-filled from the day's records (diary: attendance, absences with
    /// reasons, lateness, fevers, meals, naps and nap-check compliance; notebook: arrival,
    /// temperature, meals, nap). Save it with `saveJournalDraft` after editing.
    async fn journal_template(
        &self,
        ctx: &Context<'_>,
        kind: JournalKind,
        classroom_id: Option<ID>,
        child_id: Option<ID>,
        date: GqlDate,
    ) -> Result<String> {
        let classroom = classroom_id.as_ref().map(|id| id.as_str());
        let child = child_id.as_ref().map(|id| id.as_str());
        Ok(journals::journal_template(services(ctx), actor(ctx)?, kind, classroom, child, date.0).await?)
    }
}

#[derive(async_graphql::MergedObject, Default)]
#[graphql(name = "Query")]
pub struct QueryRoot(
    CoreQuery,
    super::push::PushQuery,
    super::reports::ReportQuery,
    super::account_lifecycle::AccountQuery,
    super::roster::RosterQuery,
    super::safety::SafetyQuery,
    super::departure::DepartureQuery,
    super::pickup::PickupQuery,
);
