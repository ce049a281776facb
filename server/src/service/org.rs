//! Setting up and reading the organisation: municipalities, nurseries, classrooms, families,
//! children.

use time::Date;

use super::Services;
use crate::domain::{validate, Child, Classroom, Family, Id, Municipality, Nursery};
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::store::EntityRef;

/// 全国地方公共団体コード: six digits.
fn municipality_code(raw: &str) -> AppResult<String> {
    let code = raw.trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AppError::bad_input(
            "code",
            "a municipality code is six digits (e.g. 072044)",
        ));
    }
    Ok(code.to_owned())
}

pub async fn create_municipality(svc: &Services, actor: &Actor, name: &str, code: &str) -> AppResult<Municipality> {
    actor.authorize_global(Action::CreateMunicipality)?;
    let name = validate::name("name", name)?;
    let code = municipality_code(code)?;
    Ok(svc.store.create_municipality(&name, &code).await?)
}

pub async fn create_nursery(svc: &Services, actor: &Actor, municipality_id: &str, name: &str) -> AppResult<Nursery> {
    let municipality_id = validate::id("municipalityId", municipality_id)?;
    let scope = svc.scope(EntityRef::Municipality(municipality_id)).await?;
    actor.authorize(Action::CreateNursery, &scope)?;
    let name = validate::name("name", name)?;
    Ok(svc.store.create_nursery(municipality_id, &name).await?)
}

pub async fn create_classroom(
    svc: &Services,
    actor: &Actor,
    nursery_id: &str,
    name: &str,
    age_band: i32,
) -> AppResult<Classroom> {
    let nursery_id = validate::id("nurseryId", nursery_id)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::CreateClassroom, &scope)?;
    let name = validate::name("name", name)?;
    if !(0..=5).contains(&age_band) {
        return Err(AppError::bad_input("ageBand", "age band is 0 to 5 (0歳児–5歳児)"));
    }
    Ok(svc.store.create_classroom(nursery_id, &name, age_band).await?)
}

pub async fn create_family(svc: &Services, actor: &Actor, nursery_id: &str) -> AppResult<Family> {
    let nursery_id = validate::id("nurseryId", nursery_id)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::CreateFamily, &scope)?;
    Ok(svc.store.create_family(nursery_id).await?)
}

pub struct Enrollment<'a> {
    pub family_id: &'a str,
    pub classroom_id: &'a str,
    pub name: &'a str,
    pub name_kana: Option<&'a str>,
    pub birth_date: Date,
    /// First day at the nursery; today when not given.
    pub enrolled_on: Option<Date>,
}

pub async fn enroll_child(svc: &Services, actor: &Actor, input: Enrollment<'_>) -> AppResult<Child> {
    let family_id = validate::id("familyId", input.family_id)?;
    let classroom_id = validate::id("classroomId", input.classroom_id)?;
    let family_scope = svc.scope(EntityRef::Family(family_id)).await?;
    actor.authorize(Action::EnrollChild, &family_scope)?;
    let classroom_scope = svc.scope(EntityRef::Classroom(classroom_id)).await?;
    actor.authorize(Action::EnrollChild, &classroom_scope)?;
    let nursery_id = family_scope.nursery.ok_or(AppError::NotFound)?;
    if classroom_scope.nursery != Some(nursery_id) {
        return Err(AppError::bad_input(
            "classroomId",
            "the classroom is not in the family's nursery",
        ));
    }
    let (today, _) = svc.nursery_today(nursery_id).await?;
    let child = Child {
        id: Id::new(),
        family_id,
        classroom_id,
        nursery_id,
        name: validate::name("name", input.name)?,
        name_kana: validate::optional_name("nameKana", input.name_kana)?,
        birth_date: validate::birth_date("birthDate", input.birth_date, today)?,
        enrolled_on: validate::enrolment_date("enrolledOn", input.enrolled_on, input.birth_date, today)?,
        withdrawn_on: None,
    };
    Ok(svc.store.enroll_child(child).await?)
}

pub async fn nursery(svc: &Services, actor: &Actor, id: &str) -> AppResult<Nursery> {
    let id = validate::id("id", id)?;
    let scope = svc.scope(EntityRef::Nursery(id)).await?;
    actor.authorize(Action::ReadNursery, &scope)?;
    svc.store.nursery(id).await?.ok_or(AppError::NotFound)
}

pub async fn child(svc: &Services, actor: &Actor, id: &str) -> AppResult<Child> {
    let id = validate::id("id", id)?;
    let child = svc
        .authorized_child(actor, id, &[Action::ReadChild])
        .await?
        .placed
        .child;
    crate::audit::record_read("child", child.nursery_id, [child.id]);
    Ok(child)
}

/// Every child the caller may read (a guardian's own, a teacher's nursery), filtered in SQL.
pub async fn visible_children(svc: &Services, actor: &Actor) -> AppResult<Vec<Child>> {
    children_within(svc, actor, None, None).await
}

/// The children the caller may read (`ReadChild`, filtered in SQL) of a classroom or a
/// family they hold: none for a municipal officer, who reaches classrooms but not children.
pub async fn children_within(
    svc: &Services,
    actor: &Actor,
    classroom: Option<Id>,
    family: Option<Id>,
) -> AppResult<Vec<Child>> {
    Ok(svc
        .store
        .children(&actor.child_filter(Action::ReadChild), classroom, family)
        .await?)
}

/// A municipality's nurseries the caller may list (`ListNurseries`): all of them for its
/// officers, else those of the caller's own nursery and family grants.
pub async fn listed_nurseries(svc: &Services, actor: &Actor, municipality_id: Id) -> AppResult<Vec<Nursery>> {
    let only = actor.nursery_listing(municipality_id);
    Ok(svc.store.nurseries_listed(municipality_id, only.as_ref()).await?)
}
