//! Children through the year over GraphQL: classroom moves, the April move-up (preview and
//! apply), withdrawal, corrections, renaming classrooms and nurseries. Thin: each resolver
//! hands its input to `service::roster`.

use async_graphql::{Context, Object, Result, SimpleObject, ID};

use super::scalars::GqlDate;
use super::types::{ChildObject, ClassroomObject, NurseryObject};
use super::{actor, services};
use crate::service::roster::{self, ChildCorrection, MoveUp};
use crate::service::roster_import;

/// One child's move in the move-up.
#[derive(SimpleObject)]
pub struct MoveUpMove {
    pub child_id: ID,
    pub child_name: String,
    pub from_classroom: String,
    pub to_classroom: String,
}

/// A nursery's April move-up: who moves where, who graduates, which classrooms have no single
/// next classroom (their children stay until moved one by one).
#[derive(SimpleObject)]
pub struct MoveUpPlanObject {
    pub moves: Vec<MoveUpMove>,
    pub graduating: Vec<String>,
    pub unplaced_classrooms: Vec<String>,
}

impl From<MoveUp> for MoveUpPlanObject {
    fn from(m: MoveUp) -> Self {
        let classroom = |id| {
            m.classrooms
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.name.clone())
                .unwrap_or_default()
        };
        let child = |id| {
            m.children
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.name.clone())
                .unwrap_or_default()
        };
        MoveUpPlanObject {
            moves: m
                .plan
                .moves
                .iter()
                .map(|mv| MoveUpMove {
                    child_id: mv.child_id.into(),
                    child_name: child(mv.child_id),
                    from_classroom: classroom(mv.from_classroom),
                    to_classroom: classroom(mv.to_classroom),
                })
                .collect(),
            graduating: m.plan.graduating.iter().map(|id| child(*id)).collect(),
            unplaced_classrooms: m.plan.unplaced_classrooms.iter().map(|id| classroom(*id)).collect(),
        }
    }
}

/// A problem of an imported file, by line (1 is the header) and column.
#[derive(SimpleObject)]
pub struct ImportProblemObject {
    pub line: i32,
    pub column: String,
    pub message: String,
}

/// An invitation made by an import: the letter's code, shown once.
#[derive(SimpleObject)]
pub struct ImportedInvitation {
    pub account_code_id: ID,
    pub email: String,
    pub display_name: String,
    pub code: String,
}

/// What an import found (a dry run) or did.
#[derive(SimpleObject)]
pub struct RosterImportResult {
    /// Whether anything was written (never for a dry run or a file with problems).
    pub imported: bool,
    pub problems: Vec<ImportProblemObject>,
    pub classrooms: i32,
    pub families: i32,
    pub children: i32,
    pub guardians: i32,
    pub invitations: Vec<ImportedInvitation>,
}

impl From<roster_import::ImportOutcome> for RosterImportResult {
    fn from(o: roster_import::ImportOutcome) -> Self {
        let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
        RosterImportResult {
            imported: o.written,
            classrooms: count(o.plan.classrooms.len()),
            families: count(o.plan.families.len()),
            children: count(o.children()),
            guardians: count(o.plan.families.iter().map(|f| f.guardians.len()).sum()),
            problems: o
                .plan
                .problems
                .iter()
                .map(|p| ImportProblemObject {
                    line: count(p.line),
                    column: p.column.clone(),
                    message: p.message.clone(),
                })
                .collect(),
            invitations: o
                .invitations
                .into_iter()
                .map(|i| ImportedInvitation {
                    account_code_id: i.record.id.into(),
                    email: i.record.email,
                    display_name: i.record.display_name,
                    code: i.code,
                })
                .collect(),
        }
    }
}

#[derive(async_graphql::InputObject)]
pub struct ChildCorrectionInput {
    pub name: Option<String>,
    pub name_kana: Option<String>,
    pub birth_date: Option<GqlDate>,
}

#[derive(Default)]
pub struct RosterQuery;

#[Object]
impl RosterQuery {
    /// The April move-up as it would be applied from `from` (nothing changes).
    async fn move_up_preview(&self, ctx: &Context<'_>, nursery_id: ID, from: GqlDate) -> Result<MoveUpPlanObject> {
        Ok(roster::preview_move_up(services(ctx), actor(ctx)?, &nursery_id, from.0)
            .await?
            .into())
    }
}

#[derive(Default)]
pub struct RosterMutation;

#[Object]
impl RosterMutation {
    /// Moves a child to another classroom of the nursery from `from` (records already made keep
    /// their classroom; a future date takes effect on that day).
    async fn move_child(
        &self,
        ctx: &Context<'_>,
        child_id: ID,
        classroom_id: ID,
        from: GqlDate,
    ) -> Result<ChildObject> {
        let child = roster::move_child(services(ctx), actor(ctx)?, &child_id, &classroom_id, from.0).await?;
        Ok(ChildObject(child))
    }

    /// Applies the April move-up from `from`, every move in one transaction.
    async fn apply_move_up(&self, ctx: &Context<'_>, nursery_id: ID, from: GqlDate) -> Result<MoveUpPlanObject> {
        Ok(roster::apply_move_up(services(ctx), actor(ctx)?, &nursery_id, from.0)
            .await?
            .into())
    }

    /// Withdraws a child from `date` (their first day no longer at the nursery): off rosters
    /// and the day's lists from then on; their history stays.
    async fn withdraw_child(&self, ctx: &Context<'_>, child_id: ID, date: GqlDate) -> Result<ChildObject> {
        Ok(ChildObject(
            roster::withdraw_child(services(ctx), actor(ctx)?, &child_id, date.0).await?,
        ))
    }

    /// Corrects a child's names or birth date (fields left out stay).
    async fn update_child(&self, ctx: &Context<'_>, child_id: ID, input: ChildCorrectionInput) -> Result<ChildObject> {
        let correction = ChildCorrection {
            name: input.name.as_deref(),
            name_kana: input.name_kana.as_deref(),
            birth_date: input.birth_date.map(|d| d.0),
        };
        Ok(ChildObject(
            roster::update_child(services(ctx), actor(ctx)?, &child_id, correction).await?,
        ))
    }

    /// Imports a roster from CSV (base64 of the file: UTF-8 with or without BOM, or
    /// Shift_JIS). With `dryRun` (the default) nothing is written and every problem is listed
    /// by line; without problems and with `dryRun: false`, everything is created in one go with
    /// an invitation per guardian.
    async fn import_roster(
        &self,
        ctx: &Context<'_>,
        nursery_id: ID,
        csv_base64: String,
        #[graphql(default = true)] dry_run: bool,
    ) -> Result<RosterImportResult> {
        Ok(
            roster_import::import_roster(services(ctx), actor(ctx)?, &nursery_id, &csv_base64, dry_run)
                .await?
                .into(),
        )
    }

    async fn rename_classroom(&self, ctx: &Context<'_>, classroom_id: ID, name: String) -> Result<ClassroomObject> {
        Ok(ClassroomObject(
            roster::rename_classroom(services(ctx), actor(ctx)?, &classroom_id, &name).await?,
        ))
    }

    async fn rename_nursery(&self, ctx: &Context<'_>, nursery_id: ID, name: String) -> Result<NurseryObject> {
        Ok(NurseryObject(
            roster::rename_nursery(services(ctx), actor(ctx)?, &nursery_id, &name).await?,
        ))
    }
}
