//! Mutations of daily care: health checks, meals, naps, growth, allergies and the nursery's
//! care settings (journals are in `mutation_journal.rs`).

use async_graphql::{Context, Object, Result, ID};

use super::care_types::*;
use super::inputs::*;
use super::scalars::GqlDateTime;
use super::types::{ChildObject, NurseryObject};
use super::{actor, services};
use crate::service::{care, naps};

#[derive(Default)]
pub struct CareMutation;

#[Object]
impl CareMutation {
    /// Staff during the day; guardians the morning temperature from home. A fever recorded by
    /// staff alerts the nursery and the family live.
    async fn record_health_check(&self, ctx: &Context<'_>, input: HealthCheckInput) -> Result<HealthCheckObject> {
        let input = care::HealthCheckInput {
            child_id: &input.child_id,
            recorded_at: input.recorded_at.map(|t| t.0),
            temperature_c: input.temperature_c,
            symptoms: input.symptoms.as_deref(),
            note: input.note.as_deref(),
            idempotency_key: input.idempotency_key.as_deref(),
        };
        Ok(HealthCheckObject(
            care::record_health_check(services(ctx), actor(ctx)?, input).await?,
        ))
    }

    /// Recording the same meal again that day corrects it; the earlier record is kept.
    async fn record_meal(&self, ctx: &Context<'_>, input: MealInput) -> Result<MealRecordObject> {
        let input = care::MealInput {
            child_id: &input.child_id,
            date: input.date.0,
            meal: &input.meal,
            amount: input.amount,
            note: input.note.as_deref(),
            idempotency_key: input.idempotency_key.as_deref(),
        };
        Ok(MealRecordObject(
            care::record_meal(services(ctx), actor(ctx)?, input).await?,
        ))
    }

    /// 午睡チェック. The first check of a nap starts it; FRONT or breathing not OK alerts at once.
    async fn record_nap_check(&self, ctx: &Context<'_>, input: NapCheckInput) -> Result<NapCheckObject> {
        let input = naps::NapCheckInput {
            child_id: &input.child_id,
            checked_at: input.checked_at.map(|t| t.0),
            position: input.position,
            breathing_ok: input.breathing_ok,
            idempotency_key: input.idempotency_key.as_deref(),
        };
        Ok(NapCheckObject(
            naps::record_nap_check(services(ctx), actor(ctx)?, input).await?,
        ))
    }

    async fn start_nap(&self, ctx: &Context<'_>, child_id: ID, started_at: Option<GqlDateTime>) -> Result<NapObject> {
        Ok(NapObject(
            naps::start_nap(services(ctx), actor(ctx)?, &child_id, started_at.map(|t| t.0)).await?,
        ))
    }

    /// Ends the nap and adds its checks to the day's compliance.
    async fn end_nap(&self, ctx: &Context<'_>, child_id: ID, ended_at: Option<GqlDateTime>) -> Result<NapObject> {
        Ok(NapObject(
            naps::end_nap(services(ctx), actor(ctx)?, &child_id, ended_at.map(|t| t.0)).await?,
        ))
    }

    async fn record_growth(&self, ctx: &Context<'_>, input: GrowthInput) -> Result<GrowthRecordObject> {
        let input = care::GrowthInput {
            child_id: &input.child_id,
            measured_on: input.measured_on.0,
            height_cm: input.height_cm,
            weight_kg: input.weight_kg,
            idempotency_key: input.idempotency_key.as_deref(),
        };
        Ok(GrowthRecordObject(
            care::record_growth(services(ctx), actor(ctx)?, input).await?,
        ))
    }

    /// 36.5–39.0 °C; default 37.5.
    async fn set_fever_threshold(&self, ctx: &Context<'_>, nursery_id: ID, celsius: f64) -> Result<NurseryObject> {
        Ok(NurseryObject(
            care::set_fever_threshold(services(ctx), actor(ctx)?, &nursery_id, celsius).await?,
        ))
    }

    /// Seconds between required nap checks for an age band, set for a municipality or a
    /// nursery (which wins). 0: none required; null: back to the default.
    async fn set_nap_check_interval(
        &self,
        ctx: &Context<'_>,
        scope_id: ID,
        age_band: i32,
        seconds: Option<i64>,
    ) -> Result<bool> {
        Ok(naps::set_nap_check_interval(services(ctx), actor(ctx)?, &scope_id, age_band, seconds).await?)
    }

    async fn set_child_allergies(
        &self,
        ctx: &Context<'_>,
        child_id: ID,
        allergens: Vec<String>,
    ) -> Result<ChildObject> {
        Ok(ChildObject(
            care::set_allergies(services(ctx), actor(ctx)?, &child_id, &allergens).await?,
        ))
    }
}
