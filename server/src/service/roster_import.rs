//! Importing a nursery's roster from CSV: a dry run reports every problem by line and writes
//! nothing; an import of a file without problems creates its classrooms, families, children and
//! one invitation per guardian in one transaction (all or nothing), and answers the codes for
//! the letters (e-mailed too when SMTP is configured).

use std::collections::{BTreeMap, HashSet};

use base64::Engine;

use super::account_access::planned_audit;
use super::account_codes::IssuedCode;
use super::Services;
use crate::domain::accounts::{self, AccountCode, CodePurpose};
use crate::domain::roster_import::{self, ImportPlan};
use crate::domain::{validate, Child, Id, Role};
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor};
use crate::store::EntityRef;

/// Files larger than this are refused (a few hundred children fit in a few dozen KB).
const MAX_FILE_BYTES: usize = 1 << 20;

pub struct ImportOutcome {
    pub plan: ImportPlan,
    /// Empty for a dry run or a file with problems.
    pub invitations: Vec<IssuedCode>,
    pub written: bool,
}

impl ImportOutcome {
    pub fn children(&self) -> usize {
        self.plan.families.iter().map(|f| f.children.len()).sum()
    }
}

pub async fn import_roster(
    svc: &Services,
    actor: &Actor,
    raw_nursery: &str,
    csv_base64: &str,
    dry_run: bool,
) -> AppResult<ImportOutcome> {
    let nursery_id = validate::id("nurseryId", raw_nursery)?;
    let scope = svc.scope(EntityRef::Nursery(nursery_id)).await?;
    actor.authorize(Action::ManageRoster, &scope)?;
    actor.authorize(Action::InviteUser(Role::Guardian), &scope)?;
    if csv_base64.len() > MAX_FILE_BYTES * 4 / 3 + 4 {
        return Err(AppError::bad_input("csvBase64", "the file is larger than 1 MB"));
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(csv_base64.trim())
        .map_err(|_| AppError::bad_input("csvBase64", "the file is not base64"))?;
    let text = roster_import::decode(&bytes);
    let (today, _) = svc.nursery_today(nursery_id).await?;
    let existing_classrooms = svc.store.classrooms_of_nursery(nursery_id).await?;
    let existing: BTreeMap<String, i32> = existing_classrooms
        .iter()
        .map(|c| (c.name.clone(), c.age_band))
        .collect();
    // Which guardians' addresses already have accounts, looked up once each.
    let mut taken = HashSet::new();
    for email in candidate_emails(&text) {
        if svc.store.email_taken(&email).await? {
            taken.insert(email);
        }
    }
    let plan = roster_import::plan(&text, &existing, &|email| taken.contains(email), today);
    if dry_run || !plan.problems.is_empty() {
        return Ok(ImportOutcome {
            plan,
            invitations: Vec::new(),
            written: false,
        });
    }

    let now = svc.clock.now();
    let mut classroom_ids: BTreeMap<String, Id> = existing_classrooms.iter().map(|c| (c.name.clone(), c.id)).collect();
    let mut work = svc.store.begin_roster_work().await?;
    let mut created = Vec::new();
    for (name, band) in &plan.classrooms {
        if !classroom_ids.contains_key(name) {
            let id = Id::new();
            work.insert_classroom(id, nursery_id, name, *band).await?;
            classroom_ids.insert(name.clone(), id);
            created.push(id);
        }
    }
    let mut invitations = Vec::new();
    for family in &plan.families {
        let family_id = Id::new();
        work.insert_family(family_id, nursery_id).await?;
        created.push(family_id);
        for planned in &family.children {
            let child = Child {
                id: Id::new(),
                family_id,
                classroom_id: classroom_ids[&planned.classroom],
                nursery_id,
                name: planned.name.clone(),
                name_kana: planned.name_kana.clone(),
                birth_date: planned.birth_date,
                enrolled_on: planned.enrolled_on,
                withdrawn_on: None,
            };
            work.insert_child(&child).await?;
            created.push(child.id);
        }
        for guardian in &family.guardians {
            let code = accounts::generate_code();
            let symbols = accounts::normalize_code(&code)
                .ok_or_else(|| AppError::Internal(anyhow::anyhow!("made a bad code")))?;
            let record = AccountCode {
                id: Id::new(),
                purpose: CodePurpose::Invitation,
                email: guardian.email.clone(),
                display_name: guardian.name.clone(),
                locale: "ja".into(),
                role: Role::Guardian,
                scope_id: Some(family_id),
                nursery_id: Some(nursery_id),
                user_id: None,
                created_by: Some(actor.user.id),
                created_at: now,
                expires_at: accounts::code_expiry(now, svc.config.account_code_ttl_days),
                used_at: None,
                revoked_at: None,
            };
            work.insert_invitation(&record, &accounts::code_hash(&symbols)).await?;
            invitations.push(IssuedCode { code, record });
        }
    }
    if let Some(entry) = planned_audit(svc.clock.now(), None, Some(nursery_id), created) {
        work.audit(&entry).await?;
    }
    work.commit().await?;
    for issued in &invitations {
        super::account_mail::send_code(svc, &issued.record, &issued.code);
    }
    tracing::info!(nursery = %nursery_id, invitations = invitations.len(), "roster imported");
    Ok(ImportOutcome {
        plan,
        invitations,
        written: true,
    })
}

/// Every cell that looks like an e-mail address (those are the ones to look up).
fn candidate_emails(text: &str) -> HashSet<String> {
    text.split([',', '\n', '\r', '"'])
        .filter(|cell| cell.contains('@'))
        .filter_map(|cell| validate::email("guardianEmail", cell).ok())
        .collect()
}
