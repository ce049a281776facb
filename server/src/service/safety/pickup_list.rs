//! The family's list of people allowed to collect its children (お迎え): guardians add and
//! remove people, the nursery confirms each one. Nothing is deleted: a removed person keeps
//! their row (check-outs and plans name it) and leaves the list.

use super::planned_audit;
use crate::domain::safety::pickup::{self, PickupPerson, PickupPlanChange};
use crate::domain::*;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::service::Services;
use crate::store::{EntityRef, PickupUnit};

/// A person as a guardian enters them; `prefix` names the input fields ("" or "oneOff.").
pub struct NewPerson<'a> {
    pub name: &'a str,
    pub relation: &'a str,
    pub phone: &'a str,
}

/// The person's fields, checked, naming `prefix`+field at fault.
pub fn checked_person(prefix: &str, raw: &NewPerson<'_>) -> AppResult<(String, String, String)> {
    Ok((
        validate::name(&format!("{prefix}name"), raw.name)?,
        pickup::relation(&format!("{prefix}relation"), raw.relation)?,
        pickup::phone(&format!("{prefix}phone"), raw.phone)?,
    ))
}

/// A family's scope, as child-level data: the list is about the children, so officers and
/// administrators without a child-reading grant learn nothing of it.
pub(crate) async fn family_scope(svc: &Services, family_id: Id) -> AppResult<Scope> {
    let mut scope = svc.scope(EntityRef::Family(family_id)).await?;
    scope.child_level = true;
    Ok(scope)
}

/// The person with their family's scope; NOT_FOUND for an unknown id.
async fn person_with_scope(svc: &Services, id: &str) -> AppResult<(PickupPerson, Scope)> {
    let id = validate::id("id", id)?;
    let person = svc.store.pickup_person(id).await?.ok_or(AppError::NotFound)?;
    let scope = family_scope(svc, person.family_id).await?;
    Ok((person, scope))
}

/// The family's list as it stands.
pub async fn pickup_people(svc: &Services, actor: &Actor, family_id: Id) -> AppResult<Vec<PickupPerson>> {
    let scope = family_scope(svc, family_id).await?;
    actor.authorize(Action::ReadPickupList, &scope)?;
    let people = svc.store.pickup_people(family_id).await?;
    if let Some(nursery_id) = scope.nursery {
        crate::audit::record_read("pickupPeople", nursery_id, people.iter().map(|p| p.id));
    }
    Ok(people)
}

/// The list of the family `family_id` names (the API's entry point).
pub async fn family_pickup_people(svc: &Services, actor: &Actor, family_id: &str) -> AppResult<Vec<PickupPerson>> {
    pickup_people(svc, actor, validate::id("familyId", family_id)?).await
}

pub async fn add_pickup_person(
    svc: &Services,
    actor: &Actor,
    family_id: &str,
    input: NewPerson<'_>,
) -> AppResult<PickupPerson> {
    let family_id = validate::id("familyId", family_id)?;
    let scope = family_scope(svc, family_id).await?;
    actor.authorize(Action::ManagePickupList, &scope)?;
    let (name, relation, phone) = checked_person("", &input)?;
    let person = PickupPerson {
        id: Id::new(),
        family_id,
        name,
        relation,
        phone,
        added_by: actor.user.id,
        added_at: svc.clock.now(),
        confirmed_by: None,
        confirmed_at: None,
        removed_at: None,
    };
    let mut unit = svc.store.begin_pickup_unit().await?;
    unit.insert_pickup_person(&person).await?;
    if let Some(entry) = scope
        .nursery
        .and_then(|n| planned_audit(svc.clock.now(), n, &[person.id]))
    {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    Ok(person)
}

pub async fn remove_pickup_person(svc: &Services, actor: &Actor, id: &str) -> AppResult<PickupPerson> {
    let (person, scope) = person_with_scope(svc, id).await?;
    actor.authorize(Action::ManagePickupList, &scope)?;
    let mut unit = svc.store.begin_pickup_unit().await?;
    let removed = unit
        .remove_pickup_person(person.id, actor.user.id, svc.clock.now())
        .await?
        .ok_or_else(|| AppError::conflict("this person is no longer on the list"))?;
    tell_plans(svc, unit.as_mut(), &scope, person.id).await?;
    if let Some(entry) = scope
        .nursery
        .and_then(|n| planned_audit(svc.clock.now(), n, &[person.id]))
    {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    svc.after_commit();
    Ok(removed)
}

/// Staff vouch for a person (seen in person, ID checked, or called back).
pub async fn confirm_pickup_person(svc: &Services, actor: &Actor, id: &str) -> AppResult<PickupPerson> {
    let (person, scope) = person_with_scope(svc, id).await?;
    actor.authorize(Action::ConfirmPickup, &scope)?;
    let mut unit = svc.store.begin_pickup_unit().await?;
    let confirmed = unit
        .confirm_pickup_person(person.id, actor.user.id, svc.clock.now())
        .await?
        .ok_or_else(|| AppError::conflict("this person is no longer on the list"))?;
    tell_plans(svc, unit.as_mut(), &scope, person.id).await?;
    if let Some(entry) = scope
        .nursery
        .and_then(|n| planned_audit(svc.clock.now(), n, &[person.id]))
    {
        unit.audit(&entry).await?;
    }
    unit.commit().await?;
    svc.after_commit();
    Ok(confirmed)
}

/// A person confirmed or removed changes whether the plans naming them (today's and later)
/// are confirmed: each goes out again live, so tablets and the family's phones show it.
async fn tell_plans(svc: &Services, unit: &mut dyn PickupUnit, scope: &Scope, person_id: Id) -> AppResult<()> {
    let Some(nursery_id) = scope.nursery else { return Ok(()) };
    let (today, _) = svc.nursery_today(nursery_id).await?;
    for plan in unit.plans_naming(person_id, today).await? {
        let change = PickupPlanChange {
            child_id: plan.child_id,
            nursery_id: plan.nursery_id,
            family_id: plan.family_id,
            date: plan.date,
            plan: Some(plan.clone()),
        };
        unit.append_event(plan.child_id, &EventPayload::PickupPlan(change))
            .await?;
    }
    Ok(())
}

/// People of the nursery's families still to be confirmed.
pub async fn unconfirmed_pickup_people(
    svc: &Services,
    actor: &Actor,
    nursery_id: &str,
) -> AppResult<Vec<PickupPerson>> {
    let nursery_id = validate::id("nurseryId", nursery_id)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::ConfirmPickup, &scope)?;
    let people = svc.store.unconfirmed_pickup_people(nursery_id).await?;
    crate::audit::record_read("unconfirmedPickupPeople", nursery_id, people.iter().map(|p| p.id));
    Ok(people)
}
