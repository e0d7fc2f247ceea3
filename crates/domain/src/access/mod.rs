//! Who may do what. Reading the plan is public; every other permission is decided here
//! (`Actor::may`), so the web pages, the JSON API and the CLI cannot disagree: the use
//! cases refuse with [`Denied`], pages offer what [`Capabilities`] hold, and lists of
//! newcomer cases are cut to a [`CaseScope`].

mod capabilities;
mod grants;
mod newcomer;
mod permission;

pub use capabilities::Capabilities;
pub use grants::{every_role, grants, permission_codes, Grant, Reach};
pub use newcomer::CaseScope;
pub use permission::{Denied, Permission};

use crate::status::code_enum;
use crate::FieldError;
use serde::Serialize;

code_enum!(
    /// A person's role in the programme's organisation.
    Role, "role" {
        Admin = "admin",
        ProjectLeader = "project-leader",
        SteeringGroup = "steering-group",
        WorkGroup = "work-group",
        MunicipalContact = "municipal-contact",
        MentorCoordinator = "mentor-coordinator",
        // Staff of the newcomer service (tilflyttartenesta) in one or more municipalities.
        NewcomerStaff = "newcomer-staff",
        Reader = "reader",
    }
);

/// The signed-in person as the rules see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub id: i64,
    pub email: String,
    pub role: Role,
    /// Work packages a work-group member writes in.
    pub work_packages: Vec<String>,
    /// Municipality codes a municipal contact writes for, or newcomer staff work in.
    pub municipalities: Vec<String>,
}

/// Checks that a role gets the scope it needs and no other.
pub fn check_scopes(
    role: Role,
    work_packages: &[String],
    municipalities: &[String],
) -> Result<(), FieldError> {
    let has_municipality = matches!(role, Role::MunicipalContact | Role::NewcomerStaff);
    match role {
        Role::WorkGroup if work_packages.is_empty() => Err(FieldError::new(
            "work_package",
            "a work-group member needs at least one work package",
        )),
        Role::MunicipalContact if municipalities.is_empty() => Err(FieldError::new(
            "municipality",
            "a municipal contact needs a municipality",
        )),
        Role::NewcomerStaff if municipalities.is_empty() => Err(FieldError::new(
            "municipality",
            "newcomer staff need at least one municipality",
        )),
        Role::WorkGroup if !municipalities.is_empty() => Err(FieldError::new(
            "municipality",
            "only a municipal contact or newcomer staff have a municipality",
        )),
        _ if has_municipality && !work_packages.is_empty() => Err(FieldError::new(
            "work_package",
            "only a work-group member has work packages",
        )),
        Role::WorkGroup | Role::MunicipalContact | Role::NewcomerStaff => Ok(()),
        _ if !work_packages.is_empty() => Err(FieldError::new(
            "work_package",
            format!("the role {role} has no work package"),
        )),
        _ if !municipalities.is_empty() => Err(FieldError::new(
            "municipality",
            format!("the role {role} has no municipality"),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn actor(role: Role, wps: &[&str], ms: &[&str]) -> Actor {
        Actor {
            id: 1,
            email: "a@b.no".into(),
            role,
            work_packages: wps.iter().map(|s| s.to_string()).collect(),
            municipalities: ms.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn work_group_reports_only_in_its_packages() {
        let a = actor(Role::WorkGroup, &["arbeid"], &[]);
        assert!(a.may(Permission::ReportStatus {
            work_package: "arbeid"
        }));
        assert!(!a.may(Permission::ReportStatus {
            work_package: "bustad"
        }));
        assert!(!a.may(Permission::EditPlan));
    }

    #[test]
    fn municipal_contact_edits_only_its_municipality() {
        let a = actor(Role::MunicipalContact, &[], &["4643"]);
        assert!(a.may(Permission::EditMunicipality { code: "4643" }));
        assert!(!a.may(Permission::EditMunicipality { code: "4640" }));
        assert!(!a.may(Permission::ReportStatus {
            work_package: "arbeid"
        }));
    }

    #[test]
    fn reader_writes_nothing() {
        let a = actor(Role::Reader, &[], &[]);
        assert!(!a.may(Permission::ReportStatus {
            work_package: "arbeid"
        }));
        assert!(!a.may(Permission::EditPlan));
        assert!(!a.may(Permission::ReadAudit));
    }

    #[test]
    fn only_the_coordinator_and_admin_run_mentoring() {
        for role in Role::ALL {
            let a = actor(*role, &[], &[]);
            let manages = matches!(role, Role::Admin | Role::MentorCoordinator);
            assert_eq!(a.may(Permission::ManageMentoring), manages, "{role}");
            assert_eq!(
                a.may(Permission::OwnMentoringProfile { owner: Some(99) }),
                manages,
                "{role}"
            );
            assert_eq!(
                a.may(Permission::OwnMentoringProfile { owner: None }),
                manages,
                "{role}"
            );
        }
        let coordinator = actor(Role::MentorCoordinator, &[], &[]);
        assert!(!coordinator.may(Permission::EditPlan));
        assert!(!coordinator.may(Permission::ReadAudit));
        assert!(!coordinator.may(Permission::ManageUsers));
    }

    #[test]
    fn a_person_handles_their_own_profile_only() {
        let a = actor(Role::Reader, &[], &[]);
        assert!(a.may(Permission::OwnMentoringProfile { owner: Some(a.id) }));
        assert!(!a.may(Permission::OwnMentoringProfile {
            owner: Some(a.id + 1)
        }));
        assert!(!a.may(Permission::ManageMentoring));
        assert!(!a.may(Permission::ReadMentoringIndicators));
        assert!(actor(Role::SteeringGroup, &[], &[]).may(Permission::ReadMentoringIndicators));
    }

    #[test]
    fn scopes_follow_roles() {
        assert!(check_scopes(Role::MentorCoordinator, &[], &[]).is_ok());
        assert!(check_scopes(Role::MentorCoordinator, &[], &["4640".into()]).is_err());
        assert!(check_scopes(Role::WorkGroup, &[], &[]).is_err());
        assert!(check_scopes(Role::Reader, &["arbeid".into()], &[]).is_err());
        assert!(check_scopes(Role::MunicipalContact, &[], &["4640".into()]).is_ok());
        assert!(
            check_scopes(Role::MunicipalContact, &["arbeid".into()], &["4640".into()]).is_err()
        );
        assert!(check_scopes(Role::WorkGroup, &["arbeid".into()], &["4640".into()]).is_err());
        assert!(check_scopes(Role::NewcomerStaff, &[], &[]).is_err());
        assert!(check_scopes(Role::NewcomerStaff, &[], &["4640".into(), "4643".into()]).is_ok());
        assert!(check_scopes(Role::NewcomerStaff, &["arbeid".into()], &["4640".into()]).is_err());
    }

    #[test]
    fn newcomer_staff_handle_their_municipalities_and_their_own_cases() {
        let staff = actor(Role::NewcomerStaff, &[], &["4643"]);
        assert!(staff.may(Permission::RegisterNewcomer {
            municipality: "4643"
        }));
        assert!(!staff.may(Permission::RegisterNewcomer {
            municipality: "4640"
        }));
        assert!(staff.may(Permission::HandleNewcomerCase {
            municipality: "4643",
            contact_person: None
        }));
        assert!(!staff.may(Permission::HandleNewcomerCase {
            municipality: "4640",
            contact_person: Some(2)
        }));
        assert!(staff.may(Permission::HandleNewcomerCase {
            municipality: "4640",
            contact_person: Some(staff.id)
        }));
        assert!(!staff.may(Permission::ManageMentoring));
        assert!(!staff.may(Permission::EditMunicipality { code: "4643" }));
        for role in Role::ALL {
            let a = actor(*role, &[], &["4643"]);
            let handles = matches!(role, Role::Admin | Role::NewcomerStaff);
            assert_eq!(a.may(Permission::ListNewcomerCases), handles, "{role}");
            assert_eq!(
                a.may(Permission::HandleNewcomerCase {
                    municipality: "4643",
                    contact_person: None
                }),
                handles,
                "{role}"
            );
            assert_eq!(
                a.may(Permission::OwnNewcomerCase { owner: Some(99) }),
                *role == Role::Admin,
                "{role}"
            );
            assert!(a.may(Permission::OwnNewcomerCase { owner: Some(a.id) }));
            assert_eq!(
                a.may(Permission::ReadNewcomerCohorts),
                matches!(
                    role,
                    Role::Admin | Role::NewcomerStaff | Role::ProjectLeader | Role::SteeringGroup
                ),
                "{role}"
            );
        }
    }
}
