//! Output types of daily care: health checks, meals, naps, growth, and live care alerts.

use async_graphql::{Context, Object, Result, ID};

use super::scalars::{GqlDate, GqlDateTime};
use super::types::{load_child, load_user, ChildObject, UserObject};
use super::{actor, services};
use crate::domain::*;
use crate::service;

pub struct HealthCheckObject(pub HealthCheck);

#[Object(name = "HealthCheck")]
impl HealthCheckObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn child(&self, ctx: &Context<'_>) -> Result<ChildObject> {
        load_child(ctx, self.0.child_id).await
    }
    async fn recorded_at(&self) -> GqlDateTime {
        self.0.recorded_at.into()
    }
    async fn temperature_c(&self) -> Option<f64> {
        self.0.temperature_c
    }
    /// At or above the nursery's fever threshold (or FEVER among the symptoms).
    async fn fever(&self) -> bool {
        self.0.fever
    }
    async fn symptoms(&self) -> &[Symptom] {
        &self.0.symptoms
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    /// HOME: sent by a guardian before arrival; NURSERY: recorded by staff.
    async fn source(&self) -> RecordSource {
        self.0.source
    }
    async fn recorded_by(&self, ctx: &Context<'_>) -> Result<UserObject> {
        load_user(ctx, self.0.recorded_by).await
    }
}

pub struct MealRecordObject(pub MealRecord);

#[Object(name = "MealRecord")]
impl MealRecordObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn child(&self, ctx: &Context<'_>) -> Result<ChildObject> {
        load_child(ctx, self.0.child_id).await
    }
    async fn date(&self) -> GqlDate {
        GqlDate(self.0.date)
    }
    /// BREAKFAST (at home), MORNING_SNACK, LUNCH or AFTERNOON_SNACK.
    async fn meal(&self) -> &str {
        self.0.meal.as_str()
    }
    async fn amount(&self) -> MealAmount {
        self.0.amount
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    /// The child's allergens, shown with every meal so staff see them where they serve.
    async fn allergies(&self, ctx: &Context<'_>) -> Result<Vec<String>> {
        Ok(service::child_records::allergies(services(ctx), self.0.child_id).await?)
    }
}

pub struct NapObject(pub Nap);

#[Object(name = "Nap")]
impl NapObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn started_at(&self) -> GqlDateTime {
        self.0.started_at.into()
    }
    async fn ended_at(&self) -> Option<GqlDateTime> {
        self.0.ended_at.map(GqlDateTime::from)
    }
    /// Required seconds between checks for this child's age; null when none are required.
    async fn check_interval_seconds(&self) -> Option<i64> {
        self.0.interval_seconds
    }
}

pub struct NapCheckObject(pub NapCheck);

#[Object(name = "NapCheck")]
impl NapCheckObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn child(&self, ctx: &Context<'_>) -> Result<ChildObject> {
        load_child(ctx, self.0.child_id).await
    }
    async fn checked_at(&self) -> GqlDateTime {
        self.0.checked_at.into()
    }
    async fn position(&self) -> SleepPosition {
        self.0.position
    }
    async fn breathing_ok(&self) -> bool {
        self.0.breathing_ok
    }
    async fn nap_id(&self) -> ID {
        self.0.nap_id.into()
    }
}

pub struct GrowthRecordObject(pub GrowthRecord);

#[Object(name = "GrowthRecord")]
impl GrowthRecordObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn child(&self, ctx: &Context<'_>) -> Result<ChildObject> {
        load_child(ctx, self.0.child_id).await
    }
    async fn measured_on(&self) -> GqlDate {
        GqlDate(self.0.measured_on)
    }
    async fn height_cm(&self) -> Option<f64> {
        self.0.height_cm
    }
    async fn weight_kg(&self) -> Option<f64> {
        self.0.weight_kg
    }
    /// カウプ指数 (weight g / height cm² × 10), when both were measured.
    async fn kaup_index(&self) -> Option<f64> {
        self.0.kaup_index()
    }
    /// Far from the previous measurement: accepted, to be checked again.
    async fn flagged_for_review(&self) -> bool {
        self.0.flagged
    }
}

pub struct NapComplianceObject(pub NapCompliance);

#[Object(name = "NapCompliance")]
impl NapComplianceObject {
    async fn required_checks(&self) -> i64 {
        self.0.required_checks
    }
    async fn on_time_checks(&self) -> i64 {
        self.0.on_time_checks
    }
}

pub struct CareAlertObject(pub CareAlert);

#[Object(name = "CareAlert")]
impl CareAlertObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn kind(&self) -> CareAlertKind {
        self.0.kind
    }
    async fn child(&self, ctx: &Context<'_>) -> Result<ChildObject> {
        load_child(ctx, self.0.child_id).await
    }
    async fn classroom_id(&self) -> ID {
        self.0.classroom_id.into()
    }
    async fn occurred_at(&self) -> GqlDateTime {
        self.0.occurred_at.into()
    }
    /// What to show: staff get the facts, families a calm request to get in touch.
    async fn message(&self, ctx: &Context<'_>) -> Result<String> {
        let staff = is_staff(ctx, &self.0)?;
        Ok(match (self.0.kind, staff) {
            (CareAlertKind::Fever, true) => match self.0.temperature_c {
                Some(t) => format!("発熱 {t:.1}℃"),
                None => "発熱".into(),
            },
            (CareAlertKind::Fever, false) => "体調に変化がありました。保育所へご連絡ください。".into(),
            (CareAlertKind::NapCheckOverdue, _) => "午睡チェックの時間を過ぎています".into(),
            (CareAlertKind::NapPosition, _) => "うつ伏せ寝を確認しました".into(),
            (CareAlertKind::NapBreathing, _) => "呼吸の異常を確認しました".into(),
            (CareAlertKind::NotebookPublished, _) => "連絡帳が届きました".into(),
        })
    }
    /// Staff only; null for families.
    async fn temperature_c(&self, ctx: &Context<'_>) -> Result<Option<f64>> {
        Ok(if is_staff(ctx, &self.0)? {
            self.0.temperature_c
        } else {
            None
        })
    }
    async fn journal_id(&self) -> Option<ID> {
        self.0.journal_id.map(ID::from)
    }
}

fn is_staff(ctx: &Context<'_>, alert: &CareAlert) -> Result<bool> {
    Ok(service::care::reads_alert_detail(actor(ctx)?, alert))
}

/// A care record made at the nursery, for the staff's other screens (which read the record
/// itself: no health detail travels here).
pub struct CareRecordObject(pub CareRecorded);

#[Object(name = "CareRecordEvent")]
impl CareRecordObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn kind(&self) -> CareRecordKind {
        self.0.kind
    }
    async fn child(&self, ctx: &Context<'_>) -> Result<ChildObject> {
        load_child(ctx, self.0.child_id).await
    }
    async fn classroom_id(&self) -> ID {
        self.0.classroom_id.into()
    }
    async fn occurred_at(&self) -> GqlDateTime {
        self.0.occurred_at.into()
    }
}
