//! What a person may ask for, the one decision on it, and the one refusal.

use std::fmt;

use super::{Actor, Role};

/// Everything a user can ask to do that not everyone may: changes, and reads of what is
/// not public.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission<'a> {
    /// Post a status update on an action-plan item of this work package.
    ReportStatus { work_package: &'a str },
    /// Add or change measures and action-plan items.
    EditPlan,
    /// Set the targets of the indicators (the plan's, so whoever changes the plan).
    SetTargets,
    /// Import statistics files (they feed the plan's indicators, so as `SetTargets`).
    ImportStatistics,
    /// Change a municipality's contact person.
    EditMunicipality { code: &'a str },
    /// Read the audit log (who did what).
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
    /// Work in the newcomer service: list the cases one handles (which ones,
    /// [`Actor::newcomer_case_scope`] says) and register new ones.
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

impl Permission<'_> {
    /// What the permission lets one do, as the end of "does not allow you to …".
    pub fn what(&self) -> String {
        match self {
            Permission::ReportStatus { work_package } => {
                format!("report status in the work package {work_package}")
            }
            Permission::EditPlan => "change the plan".into(),
            Permission::SetTargets => "set targets".into(),
            Permission::ImportStatistics => "import statistics".into(),
            Permission::EditMunicipality { code } => {
                format!("change the contact of municipality {code}")
            }
            Permission::ReadAudit => "read the audit log".into(),
            Permission::ManageUsers => "manage accounts".into(),
            Permission::ManageMentoring => "run the mentor programme".into(),
            Permission::OwnMentoringProfile { .. } => {
                "act for another person in the mentor programme".into()
            }
            Permission::ReadMentoringIndicators => "see the mentor programme's figures".into(),
            Permission::RegisterNewcomer { municipality } => {
                format!("register newcomers in the municipality {municipality}")
            }
            Permission::ListNewcomerCases => "work with newcomer cases".into(),
            Permission::HandleNewcomerCase { .. } => "handle this newcomer case as staff".into(),
            Permission::OwnNewcomerCase { .. } => "act for another newcomer".into(),
            Permission::ReadNewcomerCohorts => "see the arrival cohorts".into(),
        }
    }
}

/// A refusal: the person is signed in, but their role does not give them the permission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Denied {
    pub role: Role,
    pub what: String,
}

impl fmt::Display for Denied {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "your role ({}) does not allow you to {}",
            self.role, self.what
        )
    }
}

impl std::error::Error for Denied {}

impl Actor {
    /// The one decision on who may do what.
    pub fn may(&self, permission: Permission<'_>) -> bool {
        use Permission as P;
        use Role::*;
        match (self.role, permission) {
            (Admin, _) => true,
            (ProjectLeader, P::ReportStatus { .. } | P::EditPlan) => true,
            (ProjectLeader, P::SetTargets | P::ImportStatistics) => true,
            (ProjectLeader, P::EditMunicipality { .. }) => true,
            (SteeringGroup, P::ReportStatus { .. }) => true,
            (WorkGroup, P::ReportStatus { work_package }) => {
                self.work_packages.iter().any(|w| w == work_package)
            }
            (MunicipalContact, P::EditMunicipality { code }) => {
                self.municipalities.iter().any(|m| m == code)
            }
            (MentorCoordinator, P::ManageMentoring | P::OwnMentoringProfile { .. }) => true,
            (MentorCoordinator | ProjectLeader | SteeringGroup, P::ReadMentoringIndicators) => true,
            (NewcomerStaff, P::RegisterNewcomer { municipality }) => {
                self.municipalities.iter().any(|m| m == municipality)
            }
            (NewcomerStaff, P::ListNewcomerCases) => true,
            (
                NewcomerStaff,
                P::HandleNewcomerCase {
                    municipality,
                    contact_person,
                },
            ) => {
                contact_person == Some(self.id)
                    || self.municipalities.iter().any(|m| m == municipality)
            }
            (NewcomerStaff | ProjectLeader | SteeringGroup, P::ReadNewcomerCohorts) => true,
            // Anyone signed in may handle the profile linked to their own account.
            (_, P::OwnMentoringProfile { owner }) => owner == Some(self.id),
            // … and the newcomer case linked to it.
            (_, P::OwnNewcomerCase { owner }) => owner == Some(self.id),
            _ => false,
        }
    }

    /// [`Actor::may`], with the refusal that says why not.
    pub fn require(&self, permission: Permission<'_>) -> Result<(), Denied> {
        if self.may(permission) {
            Ok(())
        } else {
            Err(Denied {
                role: self.role,
                what: permission.what(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::tests::actor;

    #[test]
    fn a_refusal_names_the_role_and_what_was_asked() {
        let a = actor(Role::Reader, &[], &[]);
        assert_eq!(
            a.require(Permission::ReadAudit),
            Err(Denied {
                role: Role::Reader,
                what: "read the audit log".into()
            })
        );
        let denied = a.require(Permission::EditPlan).unwrap_err();
        assert_eq!(
            denied.to_string(),
            "your role (reader) does not allow you to change the plan"
        );
        let denied = a
            .require(Permission::ReportStatus {
                work_package: "arbeid",
            })
            .unwrap_err();
        assert_eq!(
            denied.to_string(),
            "your role (reader) does not allow you to report status in the work package arbeid"
        );
        assert_eq!(
            actor(Role::Admin, &[], &[]).require(Permission::ReadAudit),
            Ok(())
        );
    }

    #[test]
    fn targets_and_imports_follow_the_plan() {
        for role in Role::ALL {
            let a = actor(*role, &[], &[]);
            let edits = a.may(Permission::EditPlan);
            assert_eq!(a.may(Permission::SetTargets), edits, "{role}");
            assert_eq!(a.may(Permission::ImportStatistics), edits, "{role}");
        }
    }
}
