//! The pickup plan's API (お迎え, issue 18): the family's list of people allowed to collect the
//! children, each child's plan of a day, and the warnings of check-outs by someone not allowed.
//! Resolvers translate and call `service::safety::pickup_*`, nothing else.

use async_graphql::{Context, InputObject, Object, Result, ID};

use super::account_types::UserObject;
use super::scalars::{GqlDate, GqlDateTime};
use super::types::{load_child, load_user, ChildObject, FamilyObject};
use super::{actor, services};
use crate::domain::safety::arrival::format_time_of_day;
use crate::domain::safety::pickup::{
    OneOffPerson, PickupPerson, PickupPlan, PickupPlanChange, PickupWarning, PlannedPerson,
};
use crate::error::AppError;
use crate::service;
use crate::service::safety::pickup_list::{self, NewPerson};
use crate::service::safety::pickup_plans::{self, PlanInput};

/// A person as a guardian enters them.
#[derive(InputObject)]
pub struct PickupPersonInput {
    pub name: String,
    /// To the children: 祖母, おじ, シッター…
    pub relation: String,
    /// A number the nursery can call, e.g. 090-1234-5678.
    pub phone: String,
}

#[derive(InputObject)]
pub struct PickupPlanInput {
    pub child_id: ID,
    pub date: GqlDate,
    /// Local time, "HH:MM", within the nursery's opening hours.
    pub time: String,
    /// Someone on the family's list…
    pub person_id: Option<ID>,
    /// …or a one-off person, whom the nursery must confirm.
    pub one_off: Option<PickupPersonInput>,
}

impl PickupPersonInput {
    fn as_new(&self) -> NewPerson<'_> {
        NewPerson {
            name: &self.name,
            relation: &self.relation,
            phone: &self.phone,
        }
    }
}

/// "HH:MM" of seconds from midnight.
fn clock(second: i32) -> String {
    format_time_of_day(second)[..5].to_owned()
}

async fn optional_user(ctx: &Context<'_>, id: Option<crate::domain::Id>) -> Result<Option<UserObject>> {
    match id {
        Some(id) => Ok(Some(load_user(ctx, id).await?)),
        None => Ok(None),
    }
}

pub struct PickupPersonObject(pub PickupPerson);

#[Object(name = "PickupPerson")]
impl PickupPersonObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn relation(&self) -> &str {
        &self.0.relation
    }
    async fn phone(&self) -> &str {
        &self.0.phone
    }
    /// Confirmed by the nursery and still on the list: may collect the children.
    async fn confirmed(&self) -> bool {
        self.0.is_allowed()
    }
    async fn confirmed_at(&self) -> Option<GqlDateTime> {
        self.0.confirmed_at.map(Into::into)
    }
    async fn confirmed_by(&self, ctx: &Context<'_>) -> Result<Option<UserObject>> {
        optional_user(ctx, self.0.confirmed_by).await
    }
    async fn added_at(&self) -> GqlDateTime {
        self.0.added_at.into()
    }
    /// Taken off the list (the record stays).
    async fn removed(&self) -> bool {
        self.0.removed_at.is_some()
    }
    async fn family(&self, ctx: &Context<'_>) -> Result<FamilyObject> {
        let found = service::reached::family(services(ctx), self.0.family_id).await?;
        Ok(FamilyObject(found.ok_or(AppError::NotFound)?))
    }
}

pub struct OneOffPersonObject(pub OneOffPerson);

/// A person named for one day only.
#[Object(name = "OneOffPickupPerson")]
impl OneOffPersonObject {
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn relation(&self) -> &str {
        &self.0.relation
    }
    async fn phone(&self) -> &str {
        &self.0.phone
    }
    async fn confirmed(&self) -> bool {
        self.0.confirmed_at.is_some()
    }
    async fn confirmed_at(&self) -> Option<GqlDateTime> {
        self.0.confirmed_at.map(Into::into)
    }
}

pub struct PickupPlanObject(pub PickupPlan);

#[Object(name = "PickupPlan")]
impl PickupPlanObject {
    async fn child(&self, ctx: &Context<'_>) -> Result<ChildObject> {
        load_child(ctx, self.0.child_id).await
    }
    async fn date(&self) -> GqlDate {
        GqlDate(self.0.date)
    }
    /// Local time, "HH:MM".
    async fn time(&self) -> String {
        clock(self.0.time)
    }
    /// The planned person's name, listed or one-off.
    async fn name(&self) -> &str {
        self.0.person_name()
    }
    /// Whether the nursery has confirmed the planned person.
    async fn confirmed(&self) -> bool {
        self.0.confirmed()
    }
    /// The person of the list, when the plan names one.
    async fn person(&self) -> Option<PickupPersonObject> {
        match &self.0.person {
            PlannedPerson::Listed(p) => Some(PickupPersonObject(p.clone())),
            PlannedPerson::OneOff(_) => None,
        }
    }
    /// The one-off person, when the plan names one.
    async fn one_off(&self) -> Option<OneOffPersonObject> {
        match &self.0.person {
            PlannedPerson::OneOff(p) => Some(OneOffPersonObject(p.clone())),
            PlannedPerson::Listed(_) => None,
        }
    }
    async fn set_by(&self, ctx: &Context<'_>) -> Result<UserObject> {
        load_user(ctx, self.0.set_by).await
    }
    async fn updated_at(&self) -> GqlDateTime {
        self.0.updated_at.into()
    }
}

pub struct PickupPlanUpdateObject(pub PickupPlanChange);

/// A plan set, changed or confirmed (`plan`), or cleared (`plan` null).
#[Object(name = "PickupPlanUpdate")]
impl PickupPlanUpdateObject {
    async fn child(&self, ctx: &Context<'_>) -> Result<ChildObject> {
        load_child(ctx, self.0.child_id).await
    }
    async fn date(&self) -> GqlDate {
        GqlDate(self.0.date)
    }
    async fn plan(&self) -> Option<PickupPlanObject> {
        self.0.plan.clone().map(PickupPlanObject)
    }
}

pub struct PickupWarningObject(pub PickupWarning);

/// A check-out by someone neither on the family's confirmed list nor the day's confirmed
/// one-off person: recorded (the child went home), and told to the nursery.
#[Object(name = "PickupWarning")]
impl PickupWarningObject {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn child(&self, ctx: &Context<'_>) -> Result<ChildObject> {
        load_child(ctx, self.0.child_id).await
    }
    /// The check-out it is about.
    async fn attendance_id(&self) -> ID {
        self.0.attendance_id.into()
    }
    async fn date(&self) -> GqlDate {
        GqlDate(self.0.date)
    }
    /// Who collected, as the check-out named them.
    async fn pickup_by(&self) -> Option<&str> {
        self.0.pickup_by.as_deref()
    }
    /// The person of the list chosen (one not confirmed, or taken off the list).
    async fn person(&self, ctx: &Context<'_>) -> Result<Option<PickupPersonObject>> {
        let Some(id) = self.0.person_id else { return Ok(None) };
        let found = service::reached::pickup_person(services(ctx), id).await?;
        Ok(found.map(PickupPersonObject))
    }
    async fn recorded_by(&self, ctx: &Context<'_>) -> Result<UserObject> {
        load_user(ctx, self.0.recorded_by).await
    }
    async fn raised_at(&self) -> GqlDateTime {
        self.0.raised_at.into()
    }
}

#[derive(Default)]
pub struct PickupQuery;

#[Object]
impl PickupQuery {
    /// A family's list of people allowed to collect its children (guardians of the family,
    /// the nursery's staff).
    async fn pickup_people(&self, ctx: &Context<'_>, family_id: ID) -> Result<Vec<PickupPersonObject>> {
        let people = pickup_list::family_pickup_people(services(ctx), actor(ctx)?, &family_id).await?;
        Ok(people.into_iter().map(PickupPersonObject).collect())
    }

    /// People on the nursery's families' lists still to be confirmed (staff).
    async fn unconfirmed_pickup_people(&self, ctx: &Context<'_>, nursery_id: ID) -> Result<Vec<PickupPersonObject>> {
        let people = pickup_list::unconfirmed_pickup_people(services(ctx), actor(ctx)?, &nursery_id).await?;
        Ok(people.into_iter().map(PickupPersonObject).collect())
    }

    /// The nursery's pickup plans of a day, today when no date is given, by time (staff).
    async fn pickup_plans(
        &self,
        ctx: &Context<'_>,
        nursery_id: ID,
        date: Option<GqlDate>,
    ) -> Result<Vec<PickupPlanObject>> {
        let plans = pickup_plans::pickup_plans(services(ctx), actor(ctx)?, &nursery_id, date.map(|d| d.0)).await?;
        Ok(plans.into_iter().map(PickupPlanObject).collect())
    }

    /// The nursery's pickup warnings of a day, today when no date is given, newest first.
    async fn pickup_warnings(
        &self,
        ctx: &Context<'_>,
        nursery_id: ID,
        date: Option<GqlDate>,
    ) -> Result<Vec<PickupWarningObject>> {
        let warnings =
            pickup_plans::pickup_warnings(services(ctx), actor(ctx)?, &nursery_id, date.map(|d| d.0)).await?;
        Ok(warnings.into_iter().map(PickupWarningObject).collect())
    }
}

#[derive(Default)]
pub struct PickupMutation;

#[Object]
impl PickupMutation {
    /// A guardian adds a person to the family's list; the nursery then confirms them.
    async fn add_pickup_person(
        &self,
        ctx: &Context<'_>,
        family_id: ID,
        input: PickupPersonInput,
    ) -> Result<PickupPersonObject> {
        Ok(PickupPersonObject(
            pickup_list::add_pickup_person(services(ctx), actor(ctx)?, &family_id, input.as_new()).await?,
        ))
    }

    /// A guardian takes a person off the family's list (the record stays).
    async fn remove_pickup_person(&self, ctx: &Context<'_>, id: ID) -> Result<PickupPersonObject> {
        Ok(PickupPersonObject(
            pickup_list::remove_pickup_person(services(ctx), actor(ctx)?, &id).await?,
        ))
    }

    /// Staff confirm a person on a family's list.
    async fn confirm_pickup_person(&self, ctx: &Context<'_>, id: ID) -> Result<PickupPersonObject> {
        Ok(PickupPersonObject(
            pickup_list::confirm_pickup_person(services(ctx), actor(ctx)?, &id).await?,
        ))
    }

    /// Sets a child's pickup time and person of a day (today or later), replacing any plan.
    async fn set_pickup_plan(&self, ctx: &Context<'_>, input: PickupPlanInput) -> Result<PickupPlanObject> {
        let plan = PlanInput {
            child_id: &input.child_id,
            date: input.date.0,
            time: &input.time,
            person_id: input.person_id.as_ref().map(|id| id.as_str()),
            one_off: input.one_off.as_ref().map(PickupPersonInput::as_new),
        };
        Ok(PickupPlanObject(
            pickup_plans::set_pickup_plan(services(ctx), actor(ctx)?, plan).await?,
        ))
    }

    /// Staff confirm the day's one-off person.
    async fn confirm_pickup_plan(&self, ctx: &Context<'_>, child_id: ID, date: GqlDate) -> Result<PickupPlanObject> {
        Ok(PickupPlanObject(
            pickup_plans::confirm_pickup_plan(services(ctx), actor(ctx)?, &child_id, date.0).await?,
        ))
    }

    /// Removes a child's plan of a day: whether there was one.
    async fn clear_pickup_plan(&self, ctx: &Context<'_>, child_id: ID, date: GqlDate) -> Result<bool> {
        Ok(pickup_plans::clear_pickup_plan(services(ctx), actor(ctx)?, &child_id, date.0).await?)
    }
}
