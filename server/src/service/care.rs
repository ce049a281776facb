//! Daily care: health checks (at home and at the nursery), meals, growth, the settings they
//! follow (fever threshold, allergies) and live care alerts. Naps are in `naps`.

use time::{Date, Duration, OffsetDateTime};

use super::Services;
use crate::domain::calendar::offset_from_minutes;
use crate::domain::*;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::store::{EntityRef, IdempotencyKey};

const CLOCK_SKEW: Duration = Duration::minutes(2);
/// How far back a record may be entered late.
const LATE_ENTRY: Duration = Duration::days(7);
const MIN_TEMPERATURE_C: f64 = 34.0;
const MAX_TEMPERATURE_C: f64 = 42.5;
const HEIGHT_CM: (f64, f64) = (40.0, 130.0);
const WEIGHT_KG: (f64, f64) = (1.5, 40.0);
const MAX_ALLERGENS: usize = 20;

/// A child the caller may act on, with where it sits.
pub(super) struct ChildContext {
    pub(super) child: Child,
    pub(super) nursery: Nursery,
    pub(super) classroom: Classroom,
}

impl ChildContext {
    pub(super) fn offset(&self) -> time::UtcOffset {
        offset_from_minutes(self.nursery.utc_offset_minutes)
    }

    /// The calendar date at `now` at the child's nursery.
    pub(super) fn today(&self, now: Timestamp) -> Date {
        now.local_date(self.offset())
    }
}

pub(super) async fn child_context(
    svc: &Services,
    actor: &Actor,
    raw_id: &str,
    actions: &[Action],
) -> AppResult<(ChildContext, Action)> {
    let child_id = validate::id("childId", raw_id)?;
    let authorized = svc.authorized_child(actor, child_id, actions).await?;
    let child = authorized.placed.child;
    let nursery = svc.store.nursery(child.nursery_id).await?.ok_or(AppError::NotFound)?;
    let classroom = svc
        .store
        .classroom(child.classroom_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        ChildContext {
            child,
            nursery,
            classroom,
        },
        authorized.action,
    ))
}

pub(super) fn key(actor: &Actor, raw: Option<&str>, operation: &'static str) -> AppResult<Option<IdempotencyKey>> {
    Ok(
        validate::idempotency_key("idempotencyKey", raw)?.map(|key| IdempotencyKey {
            user_id: actor.user.id,
            key,
            operation,
        }),
    )
}

/// An instant a record is about: now when absent; not in the future, not more than a week back.
pub(super) fn recorded_instant(now: Timestamp, field: &str, at: Option<OffsetDateTime>) -> AppResult<Timestamp> {
    let Some(at) = at else { return Ok(now) };
    if at > now.0 + CLOCK_SKEW {
        return Err(AppError::bad_input(field, format!("`{field}` is in the future")));
    }
    if at < now.0 - LATE_ENTRY {
        return Err(AppError::bad_input(field, format!("`{field}` is more than a week ago")));
    }
    Ok(Timestamp(at))
}

fn in_range(field: &str, value: f64, (low, high): (f64, f64), unit: &str) -> AppResult<f64> {
    if !value.is_finite() || value < low || value > high {
        return Err(AppError::bad_input(
            field,
            format!("`{field}` must be between {low} and {high} {unit}"),
        ));
    }
    Ok((value * 10.0).round() / 10.0)
}

pub(super) fn alert(kind: CareAlertKind, ctx: &ChildContext, at: Timestamp) -> CareAlert {
    CareAlert {
        id: Id::new(),
        kind,
        child_id: ctx.child.id,
        nursery_id: ctx.child.nursery_id,
        family_id: ctx.child.family_id,
        classroom_id: ctx.child.classroom_id,
        occurred_at: at,
        temperature_c: None,
        journal_id: None,
    }
}

/// The event that shows a new record on the nursery's other staff screens.
pub(super) fn recorded_event(kind: CareRecordKind, ctx: &ChildContext, at: Timestamp) -> CareRecorded {
    CareRecorded {
        id: Id::new(),
        kind,
        child_id: ctx.child.id,
        nursery_id: ctx.child.nursery_id,
        classroom_id: ctx.child.classroom_id,
        occurred_at: at,
    }
}

pub struct HealthCheckInput<'a> {
    pub child_id: &'a str,
    pub recorded_at: Option<OffsetDateTime>,
    pub temperature_c: Option<f64>,
    pub symptoms: Option<&'a [Symptom]>,
    pub note: Option<&'a str>,
    pub idempotency_key: Option<&'a str>,
}

/// Staff record checks during the day; guardians send the morning temperature from home. A
/// fever recorded at the nursery alerts the nursery's staff and the family at once.
pub async fn record_health_check(svc: &Services, actor: &Actor, input: HealthCheckInput<'_>) -> AppResult<HealthCheck> {
    let (ctx, action) = child_context(
        svc,
        actor,
        input.child_id,
        &[Action::RecordCare, Action::RecordHomeCare],
    )
    .await?;
    let source = if action == Action::RecordCare {
        RecordSource::Nursery
    } else {
        RecordSource::Home
    };
    let temperature_c = input
        .temperature_c
        .map(|t| in_range("temperatureC", t, (MIN_TEMPERATURE_C, MAX_TEMPERATURE_C), "°C"))
        .transpose()?;
    let symptoms = validate::symptoms("symptoms", input.symptoms)?;
    let note = validate::note("note", input.note)?;
    if temperature_c.is_none() && symptoms.is_empty() && note.is_none() {
        return Err(AppError::bad_input(
            "temperatureC",
            "a health check needs a temperature, symptoms or a note",
        ));
    }
    let recorded_at = recorded_instant(svc.clock.now(), "recordedAt", input.recorded_at)?;
    let key = key(actor, input.idempotency_key, "recordHealthCheck")?;
    let fever = temperature_c.is_some_and(|t| t >= ctx.nursery.fever_threshold_c) || symptoms.contains(&Symptom::Fever);
    let check = HealthCheck {
        id: Id::new(),
        child_id: ctx.child.id,
        nursery_id: ctx.child.nursery_id,
        family_id: ctx.child.family_id,
        recorded_at,
        temperature_c,
        fever,
        symptoms,
        note,
        source,
        recorded_by: actor.user.id,
    };
    let fever_alert = (fever && source == RecordSource::Nursery).then(|| CareAlert {
        temperature_c,
        ..alert(CareAlertKind::Fever, &ctx, recorded_at)
    });
    let event = recorded_event(CareRecordKind::HealthCheck, &ctx, recorded_at);
    let recorded = svc.store.record_health_check(check, event, fever_alert, key).await?;
    if !recorded.replayed {
        svc.after_commit();
    }
    Ok(recorded.value)
}

pub struct MealInput<'a> {
    pub child_id: &'a str,
    pub date: Date,
    pub meal: &'a str,
    pub amount: MealAmount,
    pub note: Option<&'a str>,
    pub idempotency_key: Option<&'a str>,
}

/// Staff record each meal at the nursery; guardians report breakfast at home. Recording a meal
/// again that day corrects it, keeping the earlier record.
pub async fn record_meal(svc: &Services, actor: &Actor, input: MealInput<'_>) -> AppResult<MealRecord> {
    let (ctx, action) = child_context(
        svc,
        actor,
        input.child_id,
        &[Action::RecordCare, Action::RecordHomeCare],
    )
    .await?;
    let meal = input.meal.trim().parse::<Meal>().map_err(|_| {
        AppError::bad_input(
            "meal",
            "meal is one of BREAKFAST, MORNING_SNACK, LUNCH, AFTERNOON_SNACK",
        )
    })?;
    if action == Action::RecordHomeCare && meal != Meal::Breakfast {
        return Err(AppError::Forbidden);
    }
    let today = ctx.today(svc.clock.now());
    if input.date > today || input.date < today - LATE_ENTRY {
        return Err(AppError::bad_input(
            "date",
            "a meal is recorded for today or the past week",
        ));
    }
    let record = MealRecord {
        id: Id::new(),
        child_id: ctx.child.id,
        nursery_id: ctx.child.nursery_id,
        date: input.date,
        meal,
        amount: input.amount,
        note: validate::note("note", input.note)?,
        recorded_by: actor.user.id,
    };
    let key = key(actor, input.idempotency_key, "recordMeal")?;
    let event = recorded_event(CareRecordKind::Meal, &ctx, svc.clock.now());
    let recorded = svc.store.record_meal(record, event, key).await?;
    if !recorded.replayed {
        svc.after_commit();
    }
    Ok(recorded.value)
}

pub struct GrowthInput<'a> {
    pub child_id: &'a str,
    pub measured_on: Date,
    pub height_cm: Option<f64>,
    pub weight_kg: Option<f64>,
    pub idempotency_key: Option<&'a str>,
}

/// Height and weight, usually monthly. A value far from the previous measurement is accepted
/// but flagged for review: a typo and a real change look alike.
pub async fn record_growth(svc: &Services, actor: &Actor, input: GrowthInput<'_>) -> AppResult<GrowthRecord> {
    let (ctx, _) = child_context(svc, actor, input.child_id, &[Action::RecordCare]).await?;
    let height_cm = input
        .height_cm
        .map(|h| in_range("heightCm", h, HEIGHT_CM, "cm"))
        .transpose()?;
    let weight_kg = input
        .weight_kg
        .map(|w| in_range("weightKg", w, WEIGHT_KG, "kg"))
        .transpose()?;
    if height_cm.is_none() && weight_kg.is_none() {
        return Err(AppError::bad_input("heightCm", "give a height, a weight or both"));
    }
    if input.measured_on > ctx.today(svc.clock.now()) || input.measured_on < ctx.child.birth_date {
        return Err(AppError::bad_input(
            "measuredOn",
            "measuredOn must be between birth and today",
        ));
    }
    let history = svc.store.growth_of_child(ctx.child.id).await?;
    let previous = history.iter().rev().find(|r| r.measured_on < input.measured_on);
    let flagged = previous.is_some_and(|p| far_from_previous(p, height_cm, weight_kg, input.measured_on));
    let record = GrowthRecord {
        id: Id::new(),
        child_id: ctx.child.id,
        measured_on: input.measured_on,
        height_cm,
        weight_kg,
        flagged,
        recorded_by: actor.user.id,
    };
    let key = key(actor, input.idempotency_key, "recordGrowth")?;
    Ok(svc.store.record_growth(record, key).await?.value)
}

/// Children do not shrink, and rarely grow more than 2 cm or change weight by more than 15 %
/// (plus 0.5 kg a month) between measurements.
fn far_from_previous(previous: &GrowthRecord, height_cm: Option<f64>, weight_kg: Option<f64>, on: Date) -> bool {
    let months = ((on - previous.measured_on).whole_days() as f64 / 30.0).max(1.0);
    let height_off = match (previous.height_cm, height_cm) {
        (Some(before), Some(now)) => now < before - 1.0 || now > before + 2.0 * months,
        _ => false,
    };
    let weight_off = match (previous.weight_kg, weight_kg) {
        (Some(before), Some(now)) => (now - before).abs() > before * 0.15 + 0.5 * months,
        _ => false,
    };
    height_off || weight_off
}

/// Sets a nursery's fever threshold.
pub async fn set_fever_threshold(svc: &Services, actor: &Actor, nursery_id: &str, celsius: f64) -> AppResult<Nursery> {
    let nursery_id = validate::id("nurseryId", nursery_id)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::ConfigureCare, &scope)?;
    let celsius = in_range("celsius", celsius, (36.5, 39.0), "°C")?;
    svc.store.set_fever_threshold(nursery_id, celsius).await?;
    svc.store.nursery(nursery_id).await?.ok_or(AppError::NotFound)
}

pub async fn set_allergies(svc: &Services, actor: &Actor, child_id: &str, allergens: &[String]) -> AppResult<Child> {
    let (ctx, _) = child_context(svc, actor, child_id, &[Action::SetAllergies]).await?;
    if allergens.len() > MAX_ALLERGENS {
        return Err(AppError::bad_input(
            "allergens",
            format!("at most {MAX_ALLERGENS} allergens"),
        ));
    }
    let mut clean = allergens
        .iter()
        .map(|a| validate::name("allergens", a))
        .collect::<AppResult<Vec<_>>>()?;
    clean.sort();
    clean.dedup();
    svc.store.set_allergies(ctx.child.id, &clean).await?;
    Ok(ctx.child)
}

/// Whether the caller reads an alert's health detail (the temperature): the nursery's staff
/// (`RecordCare` there); a family receives the alert without it.
pub fn reads_alert_detail(actor: &Actor, alert: &CareAlert) -> bool {
    actor
        .child_filter(Action::RecordCare)
        .nurseries
        .contains(&alert.nursery_id)
}

/// Live care records: the staff of a nursery (and its head) learn of every health check, meal,
/// nap check and nap end made there, so their screens show another tablet's record at once.
pub async fn care_records(
    svc: &Services,
    actor: &Actor,
    from: crate::domain::Position,
    client_addr: Option<String>,
) -> AppResult<impl futures::Stream<Item = AppResult<std::sync::Arc<crate::domain::LogEntry>>> + Send + 'static> {
    let now = from;
    let scope = crate::store::ChildFilter {
        nurseries: actor.child_filter(Action::RecordCare).nurseries,
        families: Vec::new(),
    };
    if scope.is_empty() {
        return Err(AppError::Forbidden);
    }
    crate::audit::log::record_subscription(svc, actor, client_addr, "careRecords", &scope).await?;
    let filter = crate::store::EventFilter {
        kinds: vec![EventKind::CareRecorded],
        scope,
    };
    Ok(svc.bus.subscribe(filter, Some(now)))
}

/// Live care alerts: staff get every alert of their nurseries; families get fevers and
/// published notebook pages of their own children (never nap details).
pub async fn care_alerts(
    svc: &Services,
    actor: &Actor,
    from: crate::domain::Position,
    client_addr: Option<String>,
) -> AppResult<impl futures::Stream<Item = AppResult<std::sync::Arc<crate::domain::LogEntry>>> + Send + 'static> {
    use futures::StreamExt;
    let now = from;
    let staff_nurseries = actor.child_filter(Action::RecordCare).nurseries;
    let families = actor.child_filter(Action::SubscribeCareAlerts).families;
    let scope = crate::store::ChildFilter {
        nurseries: staff_nurseries.clone(),
        families,
    };
    if scope.is_empty() {
        return Err(AppError::Forbidden);
    }
    crate::audit::log::record_subscription(svc, actor, client_addr, "careAlerts", &scope).await?;
    let filter = crate::store::EventFilter {
        kinds: vec![EventKind::CareAlert],
        scope,
    };
    Ok(svc.bus.subscribe(filter, Some(now)).filter(move |item| {
        // Decided at once: no future is kept per idle subscription.
        futures::future::ready(match item {
            Err(_) => true,
            Ok(entry) => match &entry.payload {
                EventPayload::CareAlert(alert) => {
                    let for_family = matches!(alert.kind, CareAlertKind::Fever | CareAlertKind::NotebookPublished);
                    staff_nurseries.contains(&alert.nursery_id) || for_family
                }
                _ => false,
            },
        })
    }))
}
