//! Children through the year: a move to another classroom from a date (records already made
//! keep the classroom of their day; reports count each day by the classroom of that day), the
//! April move-up of a whole nursery (previewed, then applied in one transaction), withdrawal
//! from a date (off rosters and the day's lists from then; history kept), corrections of a
//! child's names and birth date, and renaming a classroom or a nursery. Each change is audited
//! in its own transaction.
//!
//! A move dated in the future waits: a watcher puts children into their new classroom when
//! their nursery's day comes (and every move that has begun is applied at once).

use std::time::Duration;

use time::Date;

use super::account_access::planned_audit;
use super::Services;
use crate::domain::calendar::LocalDay;
use crate::domain::roster::{self, MoveUpPlan};
use crate::domain::{validate, Child, Classroom, Nursery};
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::store::EntityRef;

/// The child (with what a roster change needs), authorized for `ManageRoster`.
async fn managed_child(svc: &Services, actor: &Actor, raw_child: &str) -> AppResult<(Child, Date)> {
    let child_id = validate::id("childId", raw_child)?;
    let child = svc
        .authorized_child(actor, child_id, &[Action::ManageRoster])
        .await?
        .placed
        .child;
    let latest = svc
        .store
        .latest_placement_start(child_id)
        .await?
        .unwrap_or(child.enrolled_on);
    Ok((child, latest))
}

/// Moves a child to another classroom of the nursery from `from`.
pub async fn move_child(
    svc: &Services,
    actor: &Actor,
    raw_child: &str,
    raw_classroom: &str,
    from: Date,
) -> AppResult<Child> {
    let (child, latest) = managed_child(svc, actor, raw_child).await?;
    let classroom_id = validate::id("classroomId", raw_classroom)?;
    let target = svc
        .store
        .classroom(classroom_id)
        .await?
        .ok_or_else(|| AppError::bad_input("classroomId", "no such classroom at this nursery"))?;
    roster::check_move(&child, latest, &target, from)?;
    let (today, _) = svc.nursery_today(child.nursery_id).await?;
    let mut work = svc.store.begin_roster_work().await?;
    work.place_child(&child, target.id, from).await?;
    if from <= today {
        work.set_current_classroom(child.id, target.id).await?;
    }
    if let Some(entry) = planned_audit(
        svc.clock.now(),
        None,
        Some(child.nursery_id),
        vec![child.id, child.classroom_id, target.id],
    ) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    svc.after_commit();
    let classroom_id = if from <= today { target.id } else { child.classroom_id };
    Ok(Child { classroom_id, ..child })
}

/// Withdraws a child from `date`, their first day no longer at the nursery.
pub async fn withdraw_child(svc: &Services, actor: &Actor, raw_child: &str, date: Date) -> AppResult<Child> {
    let (child, latest) = managed_child(svc, actor, raw_child).await?;
    roster::check_withdrawal(&child, latest, date)?;
    let (_, offset) = svc.nursery_today(child.nursery_id).await?;
    let mut work = svc.store.begin_roster_work().await?;
    work.withdraw_child(child.id, date, LocalDay::new(date, offset).start)
        .await?;
    if let Some(entry) = planned_audit(svc.clock.now(), None, Some(child.nursery_id), vec![child.id]) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    Ok(Child {
        withdrawn_on: Some(date),
        ..child
    })
}

/// The move-up with the classrooms and children it names.
pub struct MoveUp {
    pub plan: MoveUpPlan,
    pub classrooms: Vec<Classroom>,
    pub children: Vec<Child>,
}

/// The April move-up of a nursery as it would be applied from `from` (nothing is written).
pub async fn preview_move_up(svc: &Services, actor: &Actor, raw_nursery: &str, from: Date) -> AppResult<MoveUp> {
    let nursery_id = validate::id("nurseryId", raw_nursery)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::ManageRoster, &scope)?;
    let classrooms = svc.store.classrooms_of_nursery(nursery_id).await?;
    // Children on the roll the day before: those who will move on `from`.
    let on_roll = svc
        .store
        .children_on_roll(nursery_id, from.previous_day().unwrap_or(from))
        .await?;
    let plan = roster::plan_move_up(&classrooms, &on_roll);
    Ok(MoveUp {
        plan,
        classrooms,
        children: on_roll,
    })
}

/// Applies the move-up from `from` in one transaction: every move of the preview, or none.
pub async fn apply_move_up(svc: &Services, actor: &Actor, raw_nursery: &str, from: Date) -> AppResult<MoveUp> {
    let preview = preview_move_up(svc, actor, raw_nursery, from).await?;
    let nursery_id = validate::id("nurseryId", raw_nursery)?;
    let (today, _) = svc.nursery_today(nursery_id).await?;
    let mut work = svc.store.begin_roster_work().await?;
    let mut moved = Vec::new();
    for planned in &preview.plan.moves {
        let Some(child) = preview.children.iter().find(|c| c.id == planned.child_id) else {
            continue;
        };
        let latest = svc
            .store
            .latest_placement_start(child.id)
            .await?
            .unwrap_or(child.enrolled_on);
        if latest >= from {
            return Err(AppError::conflict(format!(
                "{} already has a move on or after this date",
                child.name
            )));
        }
        work.place_child(child, planned.to_classroom, from).await?;
        if from <= today {
            work.set_current_classroom(child.id, planned.to_classroom).await?;
        }
        moved.push(child.id);
    }
    if let Some(entry) = planned_audit(svc.clock.now(), None, Some(nursery_id), moved) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    svc.after_commit();
    Ok(preview)
}

pub struct ChildCorrection<'a> {
    pub name: Option<&'a str>,
    pub name_kana: Option<&'a str>,
    pub birth_date: Option<Date>,
}

/// Corrects a child's names or birth date.
pub async fn update_child(
    svc: &Services,
    actor: &Actor,
    raw_child: &str,
    input: ChildCorrection<'_>,
) -> AppResult<Child> {
    let (child, _) = managed_child(svc, actor, raw_child).await?;
    let (today, _) = svc.nursery_today(child.nursery_id).await?;
    let updated = Child {
        name: match input.name {
            Some(raw) => validate::name("name", raw)?,
            None => child.name.clone(),
        },
        name_kana: match input.name_kana {
            Some(raw) => validate::optional_name("nameKana", Some(raw))?,
            None => child.name_kana.clone(),
        },
        birth_date: match input.birth_date {
            Some(date) => validate::birth_date("birthDate", date, today)?,
            None => child.birth_date,
        },
        ..child
    };
    let mut work = svc.store.begin_roster_work().await?;
    work.update_child(&updated).await?;
    if let Some(entry) = planned_audit(svc.clock.now(), None, Some(updated.nursery_id), vec![updated.id]) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    Ok(updated)
}

pub async fn rename_classroom(
    svc: &Services,
    actor: &Actor,
    raw_classroom: &str,
    raw_name: &str,
) -> AppResult<Classroom> {
    let classroom_id = validate::id("classroomId", raw_classroom)?;
    let scope = svc.scope(EntityRef::Classroom(classroom_id)).await?;
    actor.authorize(Action::ManageRoster, &scope)?;
    let name = validate::name("name", raw_name)?;
    let classroom = svc.store.classroom(classroom_id).await?.ok_or(AppError::NotFound)?;
    let mut work = svc.store.begin_roster_work().await?;
    work.rename_classroom(classroom_id, &name).await?;
    if let Some(entry) = planned_audit(svc.clock.now(), None, Some(classroom.nursery_id), vec![classroom_id]) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    Ok(Classroom { name, ..classroom })
}

pub async fn rename_nursery(svc: &Services, actor: &Actor, raw_nursery: &str, raw_name: &str) -> AppResult<Nursery> {
    let nursery_id = validate::id("nurseryId", raw_nursery)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::RenameNursery, &scope)?;
    let name = validate::name("name", raw_name)?;
    let nursery = svc.store.nursery(nursery_id).await?.ok_or(AppError::NotFound)?;
    let mut work = svc.store.begin_roster_work().await?;
    work.rename_nursery(nursery_id, &name).await?;
    if let Some(entry) = planned_audit(svc.clock.now(), None, Some(nursery_id), vec![nursery_id]) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    Ok(Nursery { name, ..nursery })
}

/// How often moves dated in the future are looked for.
const PLACEMENT_WATCH: Duration = Duration::from_secs(60);

/// Puts children into the classroom of their move when their nursery's day comes.
pub fn spawn_placement_watch(svc: Services) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(PLACEMENT_WATCH);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match svc.store.apply_due_placements(svc.clock.now()).await {
                Ok(0) => {}
                Ok(moved) => tracing::info!(moved, "children moved to their new classroom"),
                Err(error) => tracing::warn!(%error, "could not apply classroom moves that are due"),
            }
        }
    });
}
