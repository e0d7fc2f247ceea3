//! Who may do what. Reading the plan is public; every write is decided here,
//! so the web pages, the JSON API and the CLI cannot disagree.

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

/// Everything a user can ask to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Write<'a> {
    /// Post a status update on an action-plan item of this work package.
    ReportStatus { work_package: &'a str },
    /// Add or change measures and action-plan items.
    EditPlan,
    /// Change a municipality's contact person.
    EditMunicipality { code: &'a str },
    /// Read the audit log (a read, but of who did what).
    ReadAudit,
    /// Manage accounts.
    ManageUsers,
    /// Run the mentor programme: see and change every profile, pair and cohort.
    ManageMentoring,
    /// See, correct or delete one mentoring profile, or accept its pair; `owner` is the
    /// account the profile is linked to.
    OwnMentoringProfile { owner: Option<i64> },
    /// See the mentor programme's output indicators (counts, no people).
    ReadMentoringIndicators,
    /// Register a newcomer's case in this municipality.
    RegisterNewcomer { municipality: &'a str },
    /// List the newcomer cases one may handle (which ones, the store decides by scope).
    ListNewcomerCases,
    /// See, change, export or erase one newcomer case: staff of its municipality, or its
    /// contact person.
    HandleNewcomerCase {
        municipality: &'a str,
        contact_person: Option<i64>,
    },
    /// See, correct some fields of, export or erase one's own newcomer case, and withdraw
    /// consent; `owner` is the account the case is linked to.
    OwnNewcomerCase { owner: Option<i64> },
    /// See the arrival cohorts per municipality (shares, small counts suppressed).
    ReadNewcomerCohorts,
}

impl Actor {
    pub fn may(&self, write: Write<'_>) -> bool {
        use Role::*;
        match (self.role, write) {
            (Admin, _) => true,
            (ProjectLeader, Write::ReportStatus { .. } | Write::EditPlan) => true,
            (ProjectLeader, Write::EditMunicipality { .. }) => true,
            (SteeringGroup, Write::ReportStatus { .. }) => true,
            (WorkGroup, Write::ReportStatus { work_package }) => {
                self.work_packages.iter().any(|w| w == work_package)
            }
            (MunicipalContact, Write::EditMunicipality { code }) => {
                self.municipalities.iter().any(|m| m == code)
            }
            (MentorCoordinator, Write::ManageMentoring | Write::OwnMentoringProfile { .. }) => true,
            (MentorCoordinator | ProjectLeader | SteeringGroup, Write::ReadMentoringIndicators) => {
                true
            }
            (NewcomerStaff, Write::RegisterNewcomer { municipality }) => {
                self.municipalities.iter().any(|m| m == municipality)
            }
            (NewcomerStaff, Write::ListNewcomerCases) => true,
            (
                NewcomerStaff,
                Write::HandleNewcomerCase {
                    municipality,
                    contact_person,
                },
            ) => {
                contact_person == Some(self.id)
                    || self.municipalities.iter().any(|m| m == municipality)
            }
            (NewcomerStaff | ProjectLeader | SteeringGroup, Write::ReadNewcomerCohorts) => true,
            // Anyone signed in may handle the profile linked to their own account.
            (_, Write::OwnMentoringProfile { owner }) => owner == Some(self.id),
            // … and the newcomer case linked to it.
            (_, Write::OwnNewcomerCase { owner }) => owner == Some(self.id),
            _ => false,
        }
    }
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
mod tests {
    use super::*;

    fn actor(role: Role, wps: &[&str], ms: &[&str]) -> Actor {
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
        assert!(a.may(Write::ReportStatus {
            work_package: "arbeid"
        }));
        assert!(!a.may(Write::ReportStatus {
            work_package: "bustad"
        }));
        assert!(!a.may(Write::EditPlan));
    }

    #[test]
    fn municipal_contact_edits_only_its_municipality() {
        let a = actor(Role::MunicipalContact, &[], &["4643"]);
        assert!(a.may(Write::EditMunicipality { code: "4643" }));
        assert!(!a.may(Write::EditMunicipality { code: "4640" }));
        assert!(!a.may(Write::ReportStatus {
            work_package: "arbeid"
        }));
    }

    #[test]
    fn reader_writes_nothing() {
        let a = actor(Role::Reader, &[], &[]);
        assert!(!a.may(Write::ReportStatus {
            work_package: "arbeid"
        }));
        assert!(!a.may(Write::EditPlan));
        assert!(!a.may(Write::ReadAudit));
    }

    #[test]
    fn only_the_coordinator_and_admin_run_mentoring() {
        for role in Role::ALL {
            let a = actor(*role, &[], &[]);
            let manages = matches!(role, Role::Admin | Role::MentorCoordinator);
            assert_eq!(a.may(Write::ManageMentoring), manages, "{role}");
            assert_eq!(
                a.may(Write::OwnMentoringProfile { owner: Some(99) }),
                manages,
                "{role}"
            );
            assert_eq!(
                a.may(Write::OwnMentoringProfile { owner: None }),
                manages,
                "{role}"
            );
        }
        let coordinator = actor(Role::MentorCoordinator, &[], &[]);
        assert!(!coordinator.may(Write::EditPlan));
        assert!(!coordinator.may(Write::ReadAudit));
        assert!(!coordinator.may(Write::ManageUsers));
    }

    #[test]
    fn a_person_handles_their_own_profile_only() {
        let a = actor(Role::Reader, &[], &[]);
        assert!(a.may(Write::OwnMentoringProfile { owner: Some(a.id) }));
        assert!(!a.may(Write::OwnMentoringProfile {
            owner: Some(a.id + 1)
        }));
        assert!(!a.may(Write::ManageMentoring));
        assert!(!a.may(Write::ReadMentoringIndicators));
        assert!(actor(Role::SteeringGroup, &[], &[]).may(Write::ReadMentoringIndicators));
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
        assert!(staff.may(Write::RegisterNewcomer {
            municipality: "4643"
        }));
        assert!(!staff.may(Write::RegisterNewcomer {
            municipality: "4640"
        }));
        assert!(staff.may(Write::HandleNewcomerCase {
            municipality: "4643",
            contact_person: None
        }));
        assert!(!staff.may(Write::HandleNewcomerCase {
            municipality: "4640",
            contact_person: Some(2)
        }));
        assert!(staff.may(Write::HandleNewcomerCase {
            municipality: "4640",
            contact_person: Some(staff.id)
        }));
        assert!(!staff.may(Write::ManageMentoring));
        assert!(!staff.may(Write::EditMunicipality { code: "4643" }));
        for role in Role::ALL {
            let a = actor(*role, &[], &["4643"]);
            let handles = matches!(role, Role::Admin | Role::NewcomerStaff);
            assert_eq!(a.may(Write::ListNewcomerCases), handles, "{role}");
            assert_eq!(
                a.may(Write::HandleNewcomerCase {
                    municipality: "4643",
                    contact_person: None
                }),
                handles,
                "{role}"
            );
            assert_eq!(
                a.may(Write::OwnNewcomerCase { owner: Some(99) }),
                *role == Role::Admin,
                "{role}"
            );
            assert!(a.may(Write::OwnNewcomerCase { owner: Some(a.id) }));
            assert_eq!(
                a.may(Write::ReadNewcomerCohorts),
                matches!(
                    role,
                    Role::Admin | Role::NewcomerStaff | Role::ProjectLeader | Role::SteeringGroup
                ),
                "{role}"
            );
        }
    }
}
