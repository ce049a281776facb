//! Staff documents and electronic approval: the contact notebook (two sides: home and
//! nursery, published to the family), the daily diary and guidance plans (drafted, submitted,
//! returned or approved by the nursery head, who may not approve their own). Every save names
//! the revision it edited; a stale one is CONFLICT, never a lost update.

use serde_json::{Map, Value};
use time::{Date, Duration};

use super::Services;
use crate::domain::*;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::store::{EntityRef, JournalChange, JournalFilter};

mod body;
mod template;

use body::{merged_body, parse_body};
pub use template::journal_template;

const MAX_LIST: i64 = 500;

pub struct DraftInput<'a> {
    pub journal_id: Option<&'a str>,
    pub kind: JournalKind,
    pub classroom_id: Option<&'a str>,
    pub child_id: Option<&'a str>,
    pub period_start: Date,
    pub period_end: Date,
    pub body: &'a str,
    pub revision: Option<i64>,
}

/// Saves a draft and answers with it as a read would show it to the writer: a guardian's
/// save of a notebook page shows the home side only until the nursery publishes the page.
pub async fn save_draft(svc: &Services, actor: &Actor, input: DraftInput<'_>) -> AppResult<Journal> {
    let saved = save(svc, actor, input).await?;
    Ok(as_seen_by(actor, saved))
}

async fn save(svc: &Services, actor: &Actor, input: DraftInput<'_>) -> AppResult<Journal> {
    let incoming = parse_body(input.body)?;
    match input.journal_id {
        None => create_draft(svc, actor, input, &incoming).await,
        Some(id) => {
            let revision = input.revision.ok_or_else(|| {
                AppError::bad_input("revision", "saving an existing journal names the revision it edited")
            })?;
            let (journal, side) = editable(svc, actor, id).await?;
            if journal.kind != input.kind {
                return Err(AppError::bad_input("kind", "a journal keeps its kind"));
            }
            let body = merged_body(journal.kind, side, Some(&journal.body), &incoming)?;
            let change = JournalChange {
                status: JournalStatus::Draft,
                body,
                review_comment: journal.review_comment.clone(),
                action: "SAVE",
                actor: actor.user.id,
                at: svc.clock.now(),
            };
            Ok(svc.store.change_journal(journal.id, revision, change, None).await?)
        }
    }
}

async fn create_draft(svc: &Services, actor: &Actor, input: DraftInput<'_>, incoming: &Value) -> AppResult<Journal> {
    let (nursery_id, classroom_id, child, side) = match input.kind {
        JournalKind::ContactNotebook => {
            let raw = input
                .child_id
                .ok_or_else(|| AppError::bad_input("childId", "a contact notebook page is for one child"))?;
            let child_id = validate::id("childId", raw)?;
            // The nursery side when the caller may draft, else the home side: as
            // `notebook_side` decides for a page that exists.
            let authorized = svc
                .authorized_child(actor, child_id, &[Action::DraftJournal, Action::WriteHomeNotebook])
                .await?;
            let side = if authorized.action == Action::DraftJournal {
                "nursery"
            } else {
                "home"
            };
            let child = authorized.placed.child;
            (child.nursery_id, Some(child.classroom_id), Some(child), Some(side))
        }
        JournalKind::DailyDiary | JournalKind::GuidancePlan => {
            let raw = input
                .classroom_id
                .ok_or_else(|| AppError::bad_input("classroomId", "diaries and plans are per classroom"))?;
            let classroom_id = validate::id("classroomId", raw)?;
            let scope = svc.scope(EntityRef::Classroom(classroom_id)).await?;
            actor.authorize(Action::DraftJournal, &scope)?;
            (scope.nursery.ok_or(AppError::NotFound)?, Some(classroom_id), None, None)
        }
    };
    validate_period(input.kind, input.period_start, input.period_end)?;
    let journal = Journal {
        id: Id::new(),
        kind: input.kind,
        status: JournalStatus::Draft,
        revision: 1,
        nursery_id,
        classroom_id,
        child_id: child.as_ref().map(|c| c.id),
        family_id: child.as_ref().map(|c| c.family_id),
        period_start: input.period_start,
        period_end: input.period_end,
        body: merged_body(input.kind, side, None, incoming)?,
        author_id: actor.user.id,
        review_comment: None,
        updated_at: svc.clock.now(),
    };
    Ok(svc.store.create_journal(journal, actor.user.id).await?)
}

/// Staff write the nursery side of a notebook page, guardians the home side.
fn notebook_side(actor: &Actor, scope: &Scope) -> AppResult<&'static str> {
    if actor.may(Action::DraftJournal, scope) {
        Ok("nursery")
    } else {
        actor.authorize(Action::WriteHomeNotebook, scope)?;
        Ok("home")
    }
}

fn validate_period(kind: JournalKind, start: Date, end: Date) -> AppResult<()> {
    match kind {
        JournalKind::ContactNotebook | JournalKind::DailyDiary if start != end => Err(AppError::bad_input(
            "periodEnd",
            "a notebook page or diary covers one day",
        )),
        _ if end < start => Err(AppError::bad_input("periodEnd", "periodEnd is before periodStart")),
        _ if end - start > Duration::days(366) => Err(AppError::bad_input("periodEnd", "a plan covers at most a year")),
        _ => Ok(()),
    }
}

/// The journal, if the caller may edit it now, and which notebook side they write.
async fn editable(svc: &Services, actor: &Actor, raw_id: &str) -> AppResult<(Journal, Option<&'static str>)> {
    let id = validate::id("journalId", raw_id)?;
    let scope = svc.scope(EntityRef::Journal(id)).await?;
    let journal = svc.store.journal(id).await?.ok_or(AppError::NotFound)?;
    let side = match journal.kind {
        JournalKind::ContactNotebook => Some(notebook_side(actor, &scope)?),
        _ => {
            actor.authorize(Action::DraftJournal, &scope)?;
            None
        }
    };
    match journal.status {
        JournalStatus::Draft | JournalStatus::Returned => Ok((journal, side)),
        JournalStatus::Submitted => Err(AppError::conflict(
            "submitted for approval: it can be edited once returned",
        )),
        JournalStatus::Approved | JournalStatus::Published => {
            Err(AppError::conflict("approved and published documents are read-only"))
        }
    }
}

async fn load(svc: &Services, actor: &Actor, raw_id: &str, action: Action) -> AppResult<Journal> {
    let id = validate::id("id", raw_id)?;
    let scope = svc.scope(EntityRef::Journal(id)).await?;
    actor.authorize(action, &scope)?;
    svc.store.journal(id).await?.ok_or(AppError::NotFound)
}

fn transition(
    now: Timestamp,
    journal: &Journal,
    actor: &Actor,
    status: JournalStatus,
    action: &'static str,
    comment: Option<String>,
) -> JournalChange {
    JournalChange {
        status,
        body: journal.body.clone(),
        review_comment: comment.or_else(|| journal.review_comment.clone()),
        action,
        actor: actor.user.id,
        at: now,
    }
}

/// Hands a diary or plan to the nursery head.
pub async fn submit(svc: &Services, actor: &Actor, id: &str, revision: i64) -> AppResult<Journal> {
    let journal = load(svc, actor, id, Action::DraftJournal).await?;
    if journal.kind == JournalKind::ContactNotebook {
        return Err(AppError::bad_input(
            "id",
            "contact notebook pages are published, not submitted",
        ));
    }
    if !matches!(journal.status, JournalStatus::Draft | JournalStatus::Returned) {
        return Err(AppError::conflict(format!(
            "a {} document cannot be submitted",
            journal.status
        )));
    }
    let change = transition(
        svc.clock.now(),
        &journal,
        actor,
        JournalStatus::Submitted,
        "SUBMIT",
        None,
    );
    Ok(svc.store.change_journal(journal.id, revision, change, None).await?)
}

/// The head sends a submitted document back with what to change.
pub async fn return_for_changes(svc: &Services, actor: &Actor, id: &str, comment: &str) -> AppResult<Journal> {
    let journal = load(svc, actor, id, Action::ReviewJournal).await?;
    let comment = validate::note("comment", Some(comment))?
        .ok_or_else(|| AppError::bad_input("comment", "say what to change"))?;
    if journal.status != JournalStatus::Submitted {
        return Err(AppError::conflict("only a submitted document can be returned"));
    }
    let change = transition(
        svc.clock.now(),
        &journal,
        actor,
        JournalStatus::Returned,
        "RETURN",
        Some(comment),
    );
    Ok(svc
        .store
        .change_journal(journal.id, journal.revision, change, None)
        .await?)
}

/// 電子決裁: the head approves; nobody approves a document they wrote themselves.
pub async fn approve(svc: &Services, actor: &Actor, id: &str) -> AppResult<Journal> {
    let journal = load(svc, actor, id, Action::ReviewJournal).await?;
    if journal.status != JournalStatus::Submitted {
        return Err(AppError::conflict("only a submitted document can be approved"));
    }
    let revisions = svc.store.journal_revisions(journal.id).await?;
    let wrote_it = journal.author_id == actor.user.id
        || revisions
            .iter()
            .any(|r| r.actor_id == actor.user.id && matches!(r.action.as_str(), "CREATE" | "SAVE"));
    if wrote_it {
        return Err(AppError::Forbidden);
    }
    let change = transition(
        svc.clock.now(),
        &journal,
        actor,
        JournalStatus::Approved,
        "APPROVE",
        None,
    );
    Ok(svc
        .store
        .change_journal(journal.id, journal.revision, change, None)
        .await?)
}

/// Makes a contact notebook page visible to the family and tells them live.
pub async fn publish(svc: &Services, actor: &Actor, id: &str) -> AppResult<Journal> {
    let journal = load(svc, actor, id, Action::PublishJournal).await?;
    if journal.kind != JournalKind::ContactNotebook {
        return Err(AppError::bad_input(
            "id",
            "only contact notebook pages are published; diaries and plans are approved",
        ));
    }
    if journal.status != JournalStatus::Draft {
        return Err(AppError::conflict("this page is already published"));
    }
    let (Some(child_id), Some(family_id), Some(classroom_id)) =
        (journal.child_id, journal.family_id, journal.classroom_id)
    else {
        return Err(AppError::Internal(anyhow::anyhow!(
            "notebook page {} has no child",
            journal.id
        )));
    };
    let now = svc.clock.now();
    let alert = CareAlert {
        id: Id::new(),
        kind: CareAlertKind::NotebookPublished,
        child_id,
        nursery_id: journal.nursery_id,
        family_id,
        classroom_id,
        occurred_at: now,
        temperature_c: None,
        journal_id: Some(journal.id),
    };
    let change = transition(
        svc.clock.now(),
        &journal,
        actor,
        JournalStatus::Published,
        "PUBLISH",
        None,
    );
    let published = svc
        .store
        .change_journal(journal.id, journal.revision, change, Some(alert))
        .await?;
    svc.after_commit();
    Ok(published)
}

/// A journal as the caller may see it: guardians see their own children's notebook pages,
/// and until a page is published only its home side.
pub async fn read(svc: &Services, actor: &Actor, id: &str) -> AppResult<Journal> {
    let journal = load(svc, actor, id, Action::ReadJournal).await?;
    crate::audit::record_read("journal", journal.nursery_id, journal.audit_ids());
    Ok(as_seen_by(actor, journal))
}

fn as_seen_by(actor: &Actor, mut journal: Journal) -> Journal {
    let staff_view = actor
        .child_filter(Action::DraftJournal)
        .nurseries
        .contains(&journal.nursery_id);
    if !staff_view && journal.status != JournalStatus::Published {
        let mut body: Map<String, Value> = serde_json::from_str(&journal.body).unwrap_or_default();
        body.insert("nursery".into(), Value::Object(Map::new()));
        journal.body = Value::Object(body).to_string();
    }
    journal
}

pub struct ListInput<'a> {
    pub nursery_id: &'a str,
    pub kind: Option<JournalKind>,
    pub status: Option<JournalStatus>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// Staff list their nursery's documents; guardians only their children's published pages.
pub async fn list(svc: &Services, actor: &Actor, input: ListInput<'_>) -> AppResult<Vec<Journal>> {
    let nursery_id = validate::id("nurseryId", input.nursery_id)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    let families_only = if actor.may(Action::DraftJournal, &scope) {
        None
    } else {
        // A guardian lists only in the nursery of one of their families.
        let mut families = Vec::new();
        for family in actor.child_filter(Action::ReadJournal).families {
            if svc
                .store
                .scope_of(EntityRef::Family(family))
                .await?
                .is_some_and(|f| f.nursery == Some(nursery_id))
            {
                families.push(family);
            }
        }
        if families.is_empty() {
            actor.authorize(Action::ReadJournal, &scope)?;
        }
        Some(families)
    };
    if let (Some(from), Some(to)) = (input.from, input.to) {
        validate::date_range(from, to)?;
    }
    let filter = JournalFilter {
        nursery_id,
        kind: input.kind,
        status: input.status,
        from: input.from,
        to: input.to,
        families_only,
    };
    let journals = svc.store.journals(&filter, MAX_LIST).await?;
    crate::audit::record_read("journals", nursery_id, journals.iter().flat_map(Journal::audit_ids));
    Ok(journals)
}

pub async fn history(svc: &Services, actor: &Actor, id: &str) -> AppResult<Vec<JournalRevision>> {
    let journal = load(svc, actor, id, Action::ReadJournalHistory).await?;
    crate::audit::record_read("journalHistory", journal.nursery_id, journal.audit_ids());
    Ok(svc.store.journal_revisions(journal.id).await?)
}
