//! Reading the audit trail (the nursery head: their nursery's entries; SYSTEM_ADMIN: all) and
//! pruning it after the configured retention.

use std::time::Duration;

use crate::audit::NewAuditEntry;
use crate::domain::*;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::service::Services;
use crate::store::{AuditFilter, ChildFilter, EntityRef};

pub const MAX_PAGE: i64 = 500;
const DEFAULT_PAGE: i64 = 100;
/// How often old entries are looked for.
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

pub struct AuditQuery<'a> {
    pub nursery_id: Option<&'a str>,
    pub actor_id: Option<&'a str>,
    pub entity_id: Option<&'a str>,
    pub operation: Option<&'a str>,
    pub access: Option<AuditAccess>,
    pub from: Option<Timestamp>,
    pub to: Option<Timestamp>,
    pub first: Option<i32>,
    /// The cursor of the last entry of the previous page.
    pub after: Option<&'a str>,
}

pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// Where the next page starts; `None` on the last page.
    pub next_cursor: Option<String>,
}

pub async fn entries(svc: &Services, actor: &Actor, query: AuditQuery<'_>) -> AppResult<AuditPage> {
    let nurseries = match query.nursery_id {
        Some(id) => {
            let id = validate::id("nurseryId", id)?;
            let scope = svc.scope(EntityRef::Nursery(id)).await?;
            actor.authorize(Action::ReadAuditLog, &scope)?;
            Some(vec![id])
        }
        None => {
            let allowed = actor.nursery_filter(Action::ReadAuditLog);
            if allowed.as_ref().is_some_and(|n| n.is_empty()) {
                return Err(AppError::Forbidden);
            }
            allowed
        }
    };
    let first = i64::from(query.first.unwrap_or(DEFAULT_PAGE as i32));
    if !(1..=MAX_PAGE).contains(&first) {
        return Err(AppError::bad_input("first", format!("between 1 and {MAX_PAGE}")));
    }
    let before_id = match query.after {
        None => None,
        Some(cursor) => Some(
            cursor
                .parse::<i64>()
                .ok()
                .filter(|id| *id > 0)
                .ok_or_else(|| AppError::bad_input("after", "not a cursor from this list"))?,
        ),
    };
    if let (Some(from), Some(to)) = (query.from, query.to) {
        if to < from {
            return Err(AppError::bad_input("to", "`to` is before `from`"));
        }
    }
    let filter = AuditFilter {
        nurseries,
        actor_id: query.actor_id.map(|id| validate::id("actorId", id)).transpose()?,
        operation: query.operation.map(str::to_owned),
        access: query.access,
        entity_id: query.entity_id.map(|id| validate::id("entityId", id)).transpose()?,
        from: query.from,
        to: query.to,
        before_id,
    };
    // One more than asked tells whether another page follows.
    let mut entries = svc.store.audit_entries(&filter, first + 1).await?;
    let next_cursor = if entries.len() as i64 > first {
        entries.truncate(first as usize);
        entries.last().map(|e| e.id.to_string())
    } else {
        None
    };
    // Where a parent's phone was is theirs: nursery heads see who did what, not from where.
    if !actor.may(Action::ReadAuditClientAddress, &Scope::default()) {
        for entry in &mut entries {
            entry.client_addr = None;
        }
    }
    Ok(AuditPage { entries, next_cursor })
}

/// A live subscription delivers child-level data for as long as it lasts: its start goes on
/// the trail, one entry per nursery it covers (a family's entry names the family).
pub async fn record_subscription(
    svc: &Services,
    actor: &Actor,
    client_addr: Option<String>,
    operation: &str,
    scope: &ChildFilter,
) -> AppResult<()> {
    let entry = |nursery_id: Option<Id>, entity: Id| NewAuditEntry {
        at: svc.clock.now(),
        actor_id: Some(actor.user.id),
        access: AuditAccess::Read,
        operation: format!("subscribe {operation}"),
        nursery_id,
        entity_ids: vec![entity],
        client_addr: client_addr.clone(),
    };
    let mut entries: Vec<NewAuditEntry> = scope.nurseries.iter().map(|n| entry(Some(*n), *n)).collect();
    for family in &scope.families {
        let nursery = svc
            .store
            .scope_of(EntityRef::Family(*family))
            .await?
            .and_then(|s| s.nursery);
        entries.push(entry(nursery, *family));
    }
    svc.audit.record(entries).await
}

/// Deletes entries older than the retention: once now, before serving, then every hour.
pub async fn start_retention(svc: Services) {
    prune(&svc).await;
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(PRUNE_EVERY).await;
            prune(&svc).await;
        }
    });
}

async fn prune(svc: &Services) {
    let retention = time::Duration::days(svc.config.audit_retention_days.into());
    let cutoff = Timestamp(svc.clock.now().0 - retention);
    match svc.store.prune_audit(cutoff).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(entries = n, "pruned audit entries past retention"),
        Err(err) => tracing::warn!(error = %err, "pruning the audit trail failed"),
    }
}
