//! Queries.

use async_graphql::{Context, Object, Result, ID};

use super::scalars::GqlDate;
use super::types::*;
use super::{actor, services};
use crate::service;

pub struct QueryRoot;

#[Object(name = "Query")]
impl QueryRoot {
    /// The caller: account, roles and the children they may see.
    async fn me(&self, ctx: &Context<'_>) -> Result<Viewer> {
        actor(ctx)?;
        Ok(Viewer)
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
}
