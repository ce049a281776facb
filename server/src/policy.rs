//! Who may do what: the one place authorization is decided. Every operation names an
//! `Action`; a rule says which roles may perform it, and at which level their grant's scope
//! must contain the target. Lists are not filtered here but turned into a `ChildFilter` the
//! store applies in SQL.
//!
//! Outsiders learn nothing: a caller with no grant that reaches the target gets NOT_FOUND, the
//! same answer as for a target that does not exist. A caller who can see the target but may not
//! act on it gets FORBIDDEN.

use crate::domain::{Id, Role, RoleGrant, Scope, User};
use crate::error::{AppError, AppResult};
use crate::store::ChildFilter;

/// The authenticated caller.
#[derive(Clone, Debug)]
pub struct Actor {
    pub user: User,
    pub grants: Vec<RoleGrant>,
}

/// Everything an operation can do, named once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    CreateMunicipality,
    CreateNursery,
    CreateClassroom,
    CreateFamily,
    EnrollChild,
    /// An account with a password its creator chose: SYSTEM_ADMIN automation only. People
    /// are invited instead (`InviteUser`) and choose their own.
    CreateUser(Role),
    /// Invite a person to hold this role (they activate with a one-time code).
    InviteUser(Role),
    /// Administer an account holding this role: its invitations (reissue, revoke), reset
    /// codes, deactivation and reactivation, a guardian's removal from a family, a staff
    /// member's move to another nursery.
    ManageAccount(Role),
    /// The invitations and accounts of a nursery.
    ListAccounts,
    /// One's own password and sessions: every signed-in user, for themself only.
    ManageOwnAccount,
    /// Children through the year: classroom moves, the April move-up, withdrawal, corrections
    /// of a child's names and birth date, classroom names.
    ManageRoster,
    /// A nursery's name.
    RenameNursery,
    ReadMunicipality,
    ReadNursery,
    /// A child, its family and its attendance and absence history.
    ReadChild,
    RecordAttendance,
    ReportAbsence,
    /// Edit or withdraw one's family's report until the nursery acknowledges it.
    ChangeAbsenceReport,
    AcknowledgeAbsence,
    ListNurseryAbsences,
    SubscribeAttendance,
    SubscribeAbsenceReports,
    /// Absence reports as they are made and acknowledged: a family's, or a nursery's.
    SubscribeAbsenceUpdates,
    /// Health checks, meals, naps and growth recorded at the nursery.
    RecordCare,
    /// What a guardian reports from home: the morning temperature, breakfast.
    RecordHomeCare,
    /// Fever threshold, nap-check intervals, a child's allergies.
    ConfigureCare,
    SetAllergies,
    /// The nursery side of a contact notebook page, diaries and plans.
    DraftJournal,
    /// The home side of a contact notebook page.
    WriteHomeNotebook,
    /// Return or approve a submitted document (the nursery head).
    ReviewJournal,
    PublishJournal,
    ReadJournal,
    ReadJournalHistory,
    SubscribeCareAlerts,
    ReadPushDeliveries,
    /// Aggregate figures (counts only) of nurseries, and infection alerts.
    ReadReports,
    /// A municipality's infection-cluster rule.
    ConfigureSurveillance,
    /// Who read or changed what.
    ReadAuditLog,
    /// The client address an audit entry was written from: personal data of whoever made
    /// the request (a parent's home address, roughly), kept for the system's own security.
    ReadAuditClientAddress,
    /// The e-mail address of an account holding a grant of this role: its administrators'
    /// business (the user themself is decided apart, in `may_read_email`).
    ReadUserEmail(Role),
    /// The nurseries of a municipality, with their names and classrooms.
    ListNurseries,
    /// A nursery's figures exactly, small counts included: those who run the nursery.
    /// Everyone else reading reports gets small cells suppressed (see `domain::oversight`).
    ReadExactFigures,
    /// A nursery's open days and hours, closures and special days.
    ReadNurseryCalendar,
    /// Set them, with the times of the not-yet-arrived check (the head).
    ConfigureNurseryCalendar,
    /// Undo a mistaken check-in or check-out of today, with a reason.
    CorrectAttendance,
    /// The day's not-yet-arrived list (登園確認), and closing a check with a note.
    ListArrivalChecks,
    CloseArrivalCheck,
    /// Not-yet-arrived checks as they are raised and end: a nursery's, or a family's.
    SubscribeArrivalChecks,
    /// The day's left-behind list (降園確認), explaining a check, and its live feed: the
    /// nursery's staff and head.
    ListDepartureChecks,
    ExplainDepartureCheck,
    SubscribeDepartureChecks,
    /// A family's list of people allowed to collect its children (お迎え).
    ReadPickupList,
    /// Add people to the list and take them off it: the family's own list.
    ManagePickupList,
    /// Confirm a listed person or the day's one-off person; the people still to confirm.
    ConfirmPickup,
    /// A child's pickup plan of a day: set, change, clear it.
    SetPickupPlan,
    ReadPickupPlan,
    /// The nursery's plans of a day (the roster) and its pickup warnings.
    ListPickupPlans,
    SubscribePickupPlans,
    /// Check-outs by someone not allowed, as they happen: the nursery's head and staff.
    SubscribePickupWarnings,
}

/// How a grant's scope must relate to the target for a rule to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    /// No scope: the whole system.
    Global,
    Municipality,
    Nursery,
    Family,
}

use Level::*;
use Role::*;

/// The rules: which roles may perform an action, and at what level.
fn rule(action: Action) -> &'static [(Role, Level)] {
    match action {
        Action::CreateMunicipality => &[(SystemAdmin, Global)],
        Action::CreateNursery => &[(SystemAdmin, Global), (MunicipalOfficer, Municipality)],
        Action::CreateClassroom | Action::CreateFamily | Action::EnrollChild => {
            &[(SystemAdmin, Global), (NurseryAdmin, Nursery)]
        }
        // Whoever creates an account with a password knows it: only automation may.
        Action::CreateUser(_) => &[(SystemAdmin, Global)],
        Action::InviteUser(SystemAdmin) | Action::InviteUser(MunicipalOfficer) => &[(SystemAdmin, Global)],
        // A nursery head reads every child of the nursery: officers, who see aggregates only,
        // must not be able to make one (and log in as it).
        Action::InviteUser(NurseryAdmin) => &[(SystemAdmin, Global)],
        Action::InviteUser(Staff) | Action::InviteUser(Guardian) => &[(SystemAdmin, Global), (NurseryAdmin, Nursery)],
        // Those who may invite such an account administer it.
        Action::ManageAccount(role) => rule(Action::InviteUser(role)),
        Action::ListAccounts | Action::ManageRoster => &[(SystemAdmin, Global), (NurseryAdmin, Nursery)],
        Action::RenameNursery => &[
            (SystemAdmin, Global),
            (MunicipalOfficer, Municipality),
            (NurseryAdmin, Nursery),
        ],
        Action::ManageOwnAccount => &[
            (SystemAdmin, Global),
            (MunicipalOfficer, Municipality),
            (NurseryAdmin, Nursery),
            (Staff, Nursery),
            (Guardian, Family),
        ],
        Action::ReadMunicipality => &[(SystemAdmin, Global), (MunicipalOfficer, Municipality)],
        Action::ReadNursery => &[
            (SystemAdmin, Global),
            (MunicipalOfficer, Municipality),
            (NurseryAdmin, Nursery),
            (Staff, Nursery),
        ],
        Action::ReadChild => &[(NurseryAdmin, Nursery), (Staff, Nursery), (Guardian, Family)],
        Action::RecordAttendance | Action::AcknowledgeAbsence | Action::ListNurseryAbsences => {
            &[(NurseryAdmin, Nursery), (Staff, Nursery)]
        }
        Action::ReportAbsence | Action::ChangeAbsenceReport => &[(Guardian, Family)],
        Action::SubscribeAttendance => &[(NurseryAdmin, Nursery), (Staff, Nursery), (Guardian, Family)],
        Action::SubscribeAbsenceReports => &[(NurseryAdmin, Nursery), (Staff, Nursery)],
        Action::SubscribeAbsenceUpdates => &[(NurseryAdmin, Nursery), (Staff, Nursery), (Guardian, Family)],
        Action::RecordCare | Action::SetAllergies | Action::DraftJournal | Action::PublishJournal => {
            &[(NurseryAdmin, Nursery), (Staff, Nursery)]
        }
        Action::ReadJournalHistory => &[(NurseryAdmin, Nursery), (Staff, Nursery)],
        Action::RecordHomeCare | Action::WriteHomeNotebook => &[(Guardian, Family)],
        Action::ConfigureCare => &[
            (SystemAdmin, Global),
            (MunicipalOfficer, Municipality),
            (NurseryAdmin, Nursery),
        ],
        Action::ReviewJournal => &[(NurseryAdmin, Nursery)],
        Action::ReadPushDeliveries => &[(SystemAdmin, Global)],
        Action::ReadReports => &[
            (SystemAdmin, Global),
            (MunicipalOfficer, Municipality),
            (NurseryAdmin, Nursery),
        ],
        Action::ConfigureSurveillance => &[(SystemAdmin, Global), (MunicipalOfficer, Municipality)],
        Action::ReadAuditLog => &[(SystemAdmin, Global), (NurseryAdmin, Nursery)],
        Action::ReadJournal | Action::SubscribeCareAlerts => {
            &[(NurseryAdmin, Nursery), (Staff, Nursery), (Guardian, Family)]
        }
        Action::ReadAuditClientAddress => &[(SystemAdmin, Global)],
        // Those who may invite such an account administer it.
        Action::ReadUserEmail(role) => rule(Action::InviteUser(role)),
        Action::ListNurseries => &[
            (SystemAdmin, Global),
            (MunicipalOfficer, Municipality),
            (NurseryAdmin, Nursery),
            (Staff, Nursery),
            (Guardian, Family),
        ],
        Action::ReadExactFigures => &[(NurseryAdmin, Nursery)],
        Action::ReadNurseryCalendar => &[(SystemAdmin, Global), (NurseryAdmin, Nursery), (Staff, Nursery)],
        Action::ConfigureNurseryCalendar => &[(SystemAdmin, Global), (NurseryAdmin, Nursery)],
        Action::CorrectAttendance
        | Action::ListArrivalChecks
        | Action::CloseArrivalCheck
        | Action::ListDepartureChecks
        | Action::ExplainDepartureCheck
        | Action::SubscribeDepartureChecks => &[(NurseryAdmin, Nursery), (Staff, Nursery)],
        Action::SubscribeArrivalChecks => &[(NurseryAdmin, Nursery), (Staff, Nursery), (Guardian, Family)],
        // The family keeps its list; the nursery reads it and vouches for each person.
        Action::ManagePickupList => &[(Guardian, Family)],
        Action::ConfirmPickup | Action::ListPickupPlans | Action::SubscribePickupWarnings => {
            &[(NurseryAdmin, Nursery), (Staff, Nursery)]
        }
        // Staff may set a plan a guardian phones in.
        Action::ReadPickupList | Action::SetPickupPlan | Action::ReadPickupPlan | Action::SubscribePickupPlans => {
            &[(NurseryAdmin, Nursery), (Staff, Nursery), (Guardian, Family)]
        }
    }
}

/// Roles whose grants let them see child-level data of their scope.
const CHILD_READERS: &[Role] = &[NurseryAdmin, Staff, Guardian];

fn grant_covers(grant: &RoleGrant, level: Level, target: &Scope) -> bool {
    let within = |scope: Option<Id>| scope.is_some() && grant.scope_id == scope;
    match level {
        Global => grant.role == SystemAdmin,
        Municipality => within(target.municipality),
        Nursery => within(target.nursery),
        Family => within(target.family),
    }
}

fn level_of(role: Role) -> Level {
    match role {
        SystemAdmin => Global,
        MunicipalOfficer => Municipality,
        NurseryAdmin | Staff => Nursery,
        Guardian => Family,
    }
}

impl Actor {
    pub fn has_role(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    /// For actions on the caller's own account: allowed to anyone holding one of the rule's
    /// roles (anywhere); FORBIDDEN otherwise.
    pub fn authorize_own(&self, action: Action) -> AppResult<()> {
        if rule(action).iter().any(|(role, _)| self.has_role(*role)) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Whether the caller may perform `action` on a target at `target`.
    pub fn may(&self, action: Action, target: &Scope) -> bool {
        rule(action).iter().any(|(role, level)| {
            self.grants
                .iter()
                .any(|g| g.role == *role && grant_covers(g, *level, target))
        })
    }

    /// Whether the caller can know the target exists: a grant of theirs reaches it, and child
    /// data is seen only by roles that read children.
    fn can_see(&self, target: &Scope) -> bool {
        self.grants.iter().any(|g| {
            (!target.child_level || CHILD_READERS.contains(&g.role)) && grant_covers(g, level_of(g.role), target)
        })
    }

    /// Ok when allowed; FORBIDDEN when the caller can see the target; NOT_FOUND otherwise.
    pub fn authorize(&self, action: Action, target: &Scope) -> AppResult<()> {
        if self.may(action, target) {
            Ok(())
        } else if self.can_see(target) {
            Err(AppError::Forbidden)
        } else {
            Err(AppError::NotFound)
        }
    }

    /// For actions without a target (creating a municipality): FORBIDDEN unless allowed.
    pub fn authorize_global(&self, action: Action) -> AppResult<()> {
        if self.may(action, &Scope::default()) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Of a municipality's nurseries, those the caller may perform `action` on: all of them for
    /// a grant on the municipality, else the nurseries of the caller's nursery grants. None at
    /// all: NOT_FOUND, or FORBIDDEN when the caller can see the municipality.
    pub fn nurseries_within(&self, action: Action, municipality: Id, nurseries: &[Id]) -> AppResult<Vec<Id>> {
        let municipality_scope = Scope {
            municipality: Some(municipality),
            ..Scope::default()
        };
        if self.may(action, &municipality_scope) {
            return Ok(nurseries.to_vec());
        }
        let allowed: Vec<Id> = nurseries
            .iter()
            .copied()
            .filter(|nursery| {
                self.may(
                    action,
                    &Scope {
                        nursery: Some(*nursery),
                        ..municipality_scope
                    },
                )
            })
            .collect();
        if allowed.is_empty() {
            self.authorize(action, &municipality_scope)?;
        }
        Ok(allowed)
    }

    /// Whether the caller may see the e-mail address of `account`, whose grants are given with
    /// the scopes they apply to: the user themself, and whoever administers one of its grants.
    pub fn may_read_email(&self, account: Id, account_grants: &[(Role, Scope)]) -> bool {
        self.user.id == account
            || account_grants
                .iter()
                .any(|(role, scope)| self.may(Action::ReadUserEmail(*role), scope))
    }

    /// Whether `may_read_email` could ever be true for another user's account, so that a caller
    /// who administers nobody costs no look-up of the account's grants.
    pub fn administers_accounts(&self) -> bool {
        self.grants.iter().any(|g| matches!(g.role, SystemAdmin | NurseryAdmin))
    }

    /// Which of a municipality's nurseries the caller may list: `None` for all of them (its
    /// officers, SYSTEM_ADMIN), else the nurseries and families of the caller's own grants, as
    /// a SQL filter (a guardian's nursery is that of their family).
    pub fn nursery_listing(&self, municipality: Id) -> Option<ChildFilter> {
        let whole = Scope {
            municipality: Some(municipality),
            ..Scope::default()
        };
        if self.may(Action::ListNurseries, &whole) {
            None
        } else {
            Some(self.child_filter(Action::ListNurseries))
        }
    }

    /// The nurseries in which the caller may perform `action`; `None` when allowed everywhere.
    pub fn nursery_filter(&self, action: Action) -> Option<Vec<Id>> {
        if self.may(action, &Scope::default()) {
            return None;
        }
        Some(self.child_filter(action).nurseries)
    }

    /// The scopes in which the caller may perform `action` on children, as a SQL filter.
    pub fn child_filter(&self, action: Action) -> ChildFilter {
        let mut filter = ChildFilter::default();
        for (role, level) in rule(action) {
            for grant in self.grants.iter().filter(|g| g.role == *role) {
                match (level, grant.scope_id) {
                    (Nursery, Some(id)) => filter.nurseries.push(id),
                    (Family, Some(id)) => filter.families.push(id),
                    _ => {}
                }
            }
        }
        filter.nurseries.sort();
        filter.nurseries.dedup();
        filter.families.sort();
        filter.families.dedup();
        filter
    }
}

#[cfg(test)]
mod tests;
