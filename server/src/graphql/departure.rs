//! Nobody left behind's API (降園確認): the day's list, explaining a check, and the object the
//! live feed delivers. Resolvers translate and call `service::safety`, nothing else.

use async_graphql::{Context, Object, Result, ID};

use super::scalars::{GqlDate, GqlDateTime};
use super::types::{load_child, load_user, ChildObject, UserObject};
use super::{actor, services};
use crate::domain::safety::departure::{DepartureCheck, DepartureCheckResolution};
use crate::service::safety::departure_checks;

pub struct DepartureCheckObject(pub DepartureCheck);

/// A child still checked in after the nursery's closing time, alerted to its staff and head
/// until checked out or explained.
#[Object(name = "DepartureCheck")]
impl DepartureCheckObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn child(&self, ctx: &Context<'_>) -> Result<ChildObject> {
        load_child(ctx, self.0.child_id).await
    }
    async fn date(&self) -> GqlDate {
        GqlDate(self.0.date)
    }
    async fn raised_at(&self) -> GqlDateTime {
        self.0.raised_at.into()
    }
    /// When staff were last alerted: the raise, then each repeat.
    async fn alerted_at(&self) -> GqlDateTime {
        self.0.alerted_at.into()
    }
    /// How many times staff have been alerted (1 at the raise).
    async fn alerts(&self) -> i32 {
        self.0.alerts
    }
    /// Open until it has a resolution.
    async fn open(&self) -> bool {
        self.0.resolution.is_none()
    }
    async fn resolution(&self) -> Option<DepartureCheckResolution> {
        self.0.resolution
    }
    async fn resolved_at(&self) -> Option<GqlDateTime> {
        self.0.resolved_at.map(Into::into)
    }
    async fn resolved_by(&self, ctx: &Context<'_>) -> Result<Option<UserObject>> {
        match self.0.resolved_by {
            Some(id) => Ok(Some(load_user(ctx, id).await?)),
            None => Ok(None),
        }
    }
    /// Staff's explanation (only staff and the head ever read a departure check).
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
}

#[derive(Default)]
pub struct DepartureQuery;

#[Object]
impl DepartureQuery {
    /// The left-behind list (降園確認) of a day, today when no date is given: open checks
    /// first. Staff and the head.
    async fn departure_checks(
        &self,
        ctx: &Context<'_>,
        nursery_id: ID,
        date: Option<GqlDate>,
    ) -> Result<Vec<DepartureCheckObject>> {
        let checks =
            departure_checks::departure_checks(services(ctx), actor(ctx)?, &nursery_id, date.map(|d| d.0)).await?;
        Ok(checks.into_iter().map(DepartureCheckObject).collect())
    }
}

#[derive(Default)]
pub struct DepartureMutation;

#[Object]
impl DepartureMutation {
    /// Staff explain why a child is still here after closing (a parent on the way, extended
    /// care): the alerts stop. A check already ended is CONFLICT.
    async fn explain_departure_check(&self, ctx: &Context<'_>, id: ID, note: String) -> Result<DepartureCheckObject> {
        Ok(DepartureCheckObject(
            departure_checks::explain_departure_check(services(ctx), actor(ctx)?, &id, &note).await?,
        ))
    }
}
