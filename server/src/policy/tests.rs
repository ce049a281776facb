//! The policy's rules, case by case: who acts where, what outsiders learn, and what each
//! role sees of accounts and of the municipality's structure.

use super::*;

fn actor(role: Role, scope: Option<Id>) -> Actor {
    let user = User {
        id: Id::new(),
        email: "a@example.jp".into(),
        display_name: "a".into(),
        locale: "ja-JP".into(),
    };
    Actor {
        user,
        grants: vec![RoleGrant { role, scope_id: scope }],
    }
}

#[test]
fn staff_act_in_their_nursery_and_outsiders_learn_nothing() {
    let (municipality, nursery, family) = (Id::new(), Id::new(), Id::new());
    let child = Scope {
        municipality: Some(municipality),
        nursery: Some(nursery),
        family: Some(family),
        child_level: true,
    };
    let staff = actor(Staff, Some(nursery));
    assert!(staff.authorize(Action::RecordAttendance, &child).is_ok());
    let other_staff = actor(Staff, Some(Id::new()));
    assert!(matches!(
        other_staff.authorize(Action::RecordAttendance, &child),
        Err(AppError::NotFound)
    ));
    let guardian = actor(Guardian, Some(family));
    assert!(matches!(
        guardian.authorize(Action::RecordAttendance, &child),
        Err(AppError::Forbidden)
    ));
    assert!(guardian.authorize(Action::ReportAbsence, &child).is_ok());
}

#[test]
fn officers_never_see_children() {
    let municipality = Id::new();
    let child = Scope {
        municipality: Some(municipality),
        nursery: Some(Id::new()),
        family: Some(Id::new()),
        child_level: true,
    };
    let officer = actor(MunicipalOfficer, Some(municipality));
    assert!(matches!(
        officer.authorize(Action::ReadChild, &child),
        Err(AppError::NotFound)
    ));
    assert!(officer.child_filter(Action::ReadChild).is_empty());
}

#[test]
fn officers_cannot_make_accounts_that_read_children() {
    let (municipality, nursery) = (Id::new(), Id::new());
    let in_nursery = Scope {
        municipality: Some(municipality),
        nursery: Some(nursery),
        ..Scope::default()
    };
    let officer = actor(MunicipalOfficer, Some(municipality));
    for role in [NurseryAdmin, Staff, Guardian, SystemAdmin, MunicipalOfficer] {
        assert!(!officer.may(Action::CreateUser(role), &in_nursery), "{role:?}");
        assert!(!officer.may(Action::InviteUser(role), &in_nursery), "{role:?}");
        assert!(!officer.may(Action::ManageAccount(role), &in_nursery), "{role:?}");
    }
    assert!(actor(SystemAdmin, None).may(Action::InviteUser(NurseryAdmin), &in_nursery));
    let head = actor(NurseryAdmin, Some(nursery));
    assert!(head.may(Action::InviteUser(Staff), &in_nursery));
    assert!(head.may(Action::ManageAccount(Guardian), &in_nursery));
    assert!(!head.may(Action::InviteUser(NurseryAdmin), &in_nursery));
    // Nobody but automation chooses another person's password.
    assert!(!head.may(Action::CreateUser(Staff), &in_nursery));
    assert!(actor(SystemAdmin, None).may(Action::CreateUser(Staff), &in_nursery));
}

#[test]
fn everyone_signed_in_manages_their_own_account_only() {
    for role in [NurseryAdmin, Staff, Guardian, SystemAdmin, MunicipalOfficer] {
        assert!(actor(role, Some(Id::new()))
            .authorize_own(Action::ManageOwnAccount)
            .is_ok());
    }
    let nobody = Actor {
        grants: Vec::new(),
        ..actor(Guardian, None)
    };
    assert!(nobody.authorize_own(Action::ManageOwnAccount).is_err());
}

#[test]
fn e_mail_addresses_are_for_the_user_and_their_administrators() {
    let (municipality, nursery, family) = (Id::new(), Id::new(), Id::new());
    let at = |nursery: Id, family: Option<Id>| Scope {
        municipality: Some(municipality),
        nursery: Some(nursery),
        family,
        child_level: false,
    };
    let teacher = [(Staff, at(nursery, None))];
    let parent = [(Guardian, at(nursery, Some(family)))];
    let head_account = [(NurseryAdmin, at(nursery, None))];
    let head = actor(NurseryAdmin, Some(nursery));
    assert!(head.may_read_email(Id::new(), &teacher));
    assert!(head.may_read_email(Id::new(), &parent));
    assert!(
        !head.may_read_email(Id::new(), &head_account),
        "a fellow head is the system's"
    );
    assert!(!actor(NurseryAdmin, Some(Id::new())).may_read_email(Id::new(), &teacher));
    for outsider in [
        actor(Guardian, Some(family)),
        actor(Staff, Some(nursery)),
        actor(MunicipalOfficer, Some(municipality)),
    ] {
        assert!(!outsider.may_read_email(Id::new(), &teacher));
        assert!(!outsider.may_read_email(Id::new(), &parent));
        assert!(outsider.may_read_email(outsider.user.id, &[]), "their own");
        assert!(!outsider.administers_accounts());
    }
    assert!(actor(SystemAdmin, None).may_read_email(Id::new(), &head_account));
}

#[test]
fn families_and_staff_list_only_their_own_nursery() {
    let (municipality, nursery, family) = (Id::new(), Id::new(), Id::new());
    assert_eq!(
        actor(MunicipalOfficer, Some(municipality)).nursery_listing(municipality),
        None
    );
    assert_eq!(actor(SystemAdmin, None).nursery_listing(municipality), None);
    let staff = actor(Staff, Some(nursery)).nursery_listing(municipality).unwrap();
    assert_eq!((staff.nurseries, staff.families), (vec![nursery], vec![]));
    let guardian = actor(Guardian, Some(family)).nursery_listing(municipality).unwrap();
    assert_eq!((guardian.nurseries, guardian.families), (vec![], vec![family]));
    let elsewhere = actor(MunicipalOfficer, Some(Id::new())).nursery_listing(municipality);
    assert!(elsewhere.unwrap().is_empty());
}

#[test]
fn a_family_keeps_its_pickup_list_the_nursery_confirms_it_officers_never_see_it() {
    let (municipality, nursery, family) = (Id::new(), Id::new(), Id::new());
    // A family's pickup list is about its children: child-level data.
    let list = Scope {
        municipality: Some(municipality),
        nursery: Some(nursery),
        family: Some(family),
        child_level: true,
    };
    let guardian = actor(Guardian, Some(family));
    assert!(guardian.authorize(Action::ManagePickupList, &list).is_ok());
    assert!(guardian.authorize(Action::SetPickupPlan, &list).is_ok());
    assert!(matches!(
        guardian.authorize(Action::ConfirmPickup, &list),
        Err(AppError::Forbidden)
    ));
    let staff = actor(Staff, Some(nursery));
    assert!(staff.authorize(Action::ConfirmPickup, &list).is_ok());
    assert!(staff.authorize(Action::ReadPickupList, &list).is_ok());
    assert!(matches!(
        staff.authorize(Action::ManagePickupList, &list),
        Err(AppError::Forbidden)
    ));
    let officer = actor(MunicipalOfficer, Some(municipality));
    for action in [Action::ReadPickupList, Action::ReadPickupPlan, Action::ListPickupPlans] {
        assert!(matches!(officer.authorize(action, &list), Err(AppError::NotFound)));
    }
    assert!(officer.child_filter(Action::SubscribePickupPlans).is_empty());
    assert!(guardian.child_filter(Action::SubscribePickupWarnings).is_empty());
}
