//! Mutations of accounts, set-up, attendance and absences; the schema's Mutation type merges
//! these with `mutation_care`.

use async_graphql::{Context, Object, Result, ID};

use super::inputs::*;
use super::scalars::GqlDate;
use super::types::*;
use super::{actor, request, services};
use crate::domain::{AttendanceKind, Role};
use crate::error::AppError;
use crate::service::{self, accounts, attendance, org};

#[derive(Default)]
pub struct CoreMutation;

#[Object]
impl CoreMutation {
    /// Wrong email and wrong password answer alike: UNAUTHENTICATED.
    async fn login(&self, ctx: &Context<'_>, email: String, password: String) -> Result<AuthPayload> {
        let client = request(ctx).and_then(|r| r.client_ip);
        let device = request(ctx).map(|r| r.device.as_str()).unwrap_or_default();
        let login = accounts::login(services(ctx), &email, &password, client, device).await?;
        Ok(AuthPayload {
            token: login.token,
            user: login.user,
            expires_at: login.expires_at,
        })
    }

    /// Ends this session: its token stops working at once.
    async fn logout(&self, ctx: &Context<'_>) -> Result<bool> {
        actor(ctx)?;
        let header = request(ctx)
            .and_then(|r| r.authorization.as_deref())
            .ok_or(AppError::Unauthenticated)?;
        Ok(accounts::logout(services(ctx), header).await?)
    }

    /// The caller's language: "ja" or "en".
    async fn set_locale(&self, ctx: &Context<'_>, locale: String) -> Result<UserObject> {
        Ok(UserObject::own(
            accounts::set_locale(services(ctx), actor(ctx)?, &locale).await?,
        ))
    }

    async fn create_municipality(&self, ctx: &Context<'_>, name: String, code: String) -> Result<MunicipalityObject> {
        Ok(MunicipalityObject(
            org::create_municipality(services(ctx), actor(ctx)?, &name, &code).await?,
        ))
    }

    async fn create_nursery(&self, ctx: &Context<'_>, municipality_id: ID, name: String) -> Result<NurseryObject> {
        Ok(NurseryObject(
            org::create_nursery(services(ctx), actor(ctx)?, &municipality_id, &name).await?,
        ))
    }

    async fn create_classroom(
        &self,
        ctx: &Context<'_>,
        nursery_id: ID,
        name: String,
        age_band: i32,
    ) -> Result<ClassroomObject> {
        let classroom = org::create_classroom(services(ctx), actor(ctx)?, &nursery_id, &name, age_band).await?;
        Ok(ClassroomObject(classroom))
    }

    async fn create_family(&self, ctx: &Context<'_>, nursery_id: ID) -> Result<FamilyObject> {
        Ok(FamilyObject(
            org::create_family(services(ctx), actor(ctx)?, &nursery_id).await?,
        ))
    }

    #[allow(clippy::too_many_arguments)]
    async fn enroll_child(
        &self,
        ctx: &Context<'_>,
        family_id: ID,
        classroom_id: ID,
        name: String,
        name_kana: Option<String>,
        birth_date: GqlDate,
        #[graphql(desc = "First day at the nursery (default today): reports count the child from then on.")]
        enrolled_on: Option<GqlDate>,
    ) -> Result<ChildObject> {
        let input = org::Enrollment {
            family_id: &family_id,
            classroom_id: &classroom_id,
            name: &name,
            name_kana: name_kana.as_deref(),
            birth_date: birth_date.0,
            enrolled_on: enrolled_on.map(|d| d.0),
        };
        Ok(ChildObject(org::enroll_child(services(ctx), actor(ctx)?, input).await?))
    }

    /// `scopeId` is the municipality (officers), nursery (heads, staff) or family (guardians).
    async fn create_user(
        &self,
        ctx: &Context<'_>,
        email: String,
        password: String,
        display_name: String,
        role: Role,
        scope_id: Option<ID>,
    ) -> Result<UserObject> {
        let input = accounts::NewAccount {
            email: &email,
            password: &password,
            display_name: &display_name,
            role,
            scope_id: scope_id.as_ref().map(|id| id.as_str()),
        };
        Ok(UserObject::new(
            accounts::create_user(services(ctx), actor(ctx)?, input).await?,
        ))
    }

    async fn check_in(&self, ctx: &Context<'_>, input: CheckInInput) -> Result<AttendanceEventObject> {
        let input = attendance::AttendanceInput {
            child_id: &input.child_id,
            kind: AttendanceKind::CheckIn,
            occurred_at: input.occurred_at.map(|t| t.0),
            pickup_by: None,
            pickup_person_id: None,
            idempotency_key: input.idempotency_key.as_deref(),
        };
        Ok(AttendanceEventObject(
            attendance::record_attendance(services(ctx), actor(ctx)?, input).await?,
        ))
    }

    async fn check_out(&self, ctx: &Context<'_>, input: CheckOutInput) -> Result<AttendanceEventObject> {
        let input = attendance::AttendanceInput {
            child_id: &input.child_id,
            kind: AttendanceKind::CheckOut,
            occurred_at: input.occurred_at.map(|t| t.0),
            pickup_by: input.pickup_by.as_deref(),
            pickup_person_id: input.pickup_person_id.as_ref().map(|id| id.as_str()),
            idempotency_key: input.idempotency_key.as_deref(),
        };
        Ok(AttendanceEventObject(
            attendance::record_attendance(services(ctx), actor(ctx)?, input).await?,
        ))
    }

    async fn report_absence(&self, ctx: &Context<'_>, input: AbsenceInput) -> Result<AbsenceReportObject> {
        let input = attendance::AbsenceInput {
            child_id: &input.child_id,
            kind: input.kind,
            date: input.date.0,
            reason: input.reason,
            symptoms: input.symptoms.as_deref(),
            expected_arrival: input.expected_arrival.map(|t| t.0),
            note: input.note.as_deref(),
            idempotency_key: input.idempotency_key.as_deref(),
        };
        Ok(AbsenceReportObject(
            attendance::report_absence(services(ctx), actor(ctx)?, input).await?,
        ))
    }

    async fn acknowledge_absence(&self, ctx: &Context<'_>, id: ID) -> Result<AbsenceReportObject> {
        Ok(AbsenceReportObject(
            service::attendance::acknowledge_absence(services(ctx), actor(ctx)?, &id).await?,
        ))
    }
}

#[derive(async_graphql::MergedObject, Default)]
#[graphql(name = "Mutation")]
pub struct MutationRoot(
    CoreMutation,
    super::mutation_care::CareMutation,
    super::mutation_journal::JournalMutation,
    super::push::PushMutation,
    super::reports::ReportMutation,
    super::account_lifecycle::AccountMutation,
    super::roster::RosterMutation,
    super::safety::SafetyMutation,
    super::departure::DepartureMutation,
    super::absence_changes::AbsenceChangeMutation,
    super::pickup::PickupMutation,
);
