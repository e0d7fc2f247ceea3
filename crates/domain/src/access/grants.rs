//! What each role may do, read off [`Actor::may`] by asking it, so that the list shown to
//! people (`GET /api/v1/roles`) can never disagree with the decision itself.

use serde::Serialize;

use super::{Actor, Permission, Role};

/// How far a role's permission reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reach {
    /// Everywhere the permission applies.
    All,
    /// Only in the work packages or municipalities the account is given.
    Assigned,
    /// Only what is linked to the person's own account (their profile, their case).
    Own,
}

/// One thing a role may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Grant {
    /// The permission's code, like `report-status`.
    pub permission: &'static str,
    pub reach: Reach,
}

/// A scoped permission asked of the account's own scope and of another one.
struct Probe {
    code: &'static str,
    mine: Permission<'static>,
    other: Permission<'static>,
}

const MINE: &str = "assigned";
const OTHER: &str = "elsewhere";
const ME: i64 = 1;
const SOMEONE_ELSE: i64 = 2;

/// Every permission, in the order a reader would look for them.
const PROBES: &[Probe] = &[
    Probe {
        code: "report-status",
        mine: Permission::ReportStatus { work_package: MINE },
        other: Permission::ReportStatus {
            work_package: OTHER,
        },
    },
    Probe {
        code: "edit-plan",
        mine: Permission::EditPlan,
        other: Permission::EditPlan,
    },
    Probe {
        code: "set-targets",
        mine: Permission::SetTargets,
        other: Permission::SetTargets,
    },
    Probe {
        code: "import-statistics",
        mine: Permission::ImportStatistics,
        other: Permission::ImportStatistics,
    },
    Probe {
        code: "edit-municipality",
        mine: Permission::EditMunicipality { code: MINE },
        other: Permission::EditMunicipality { code: OTHER },
    },
    Probe {
        code: "read-audit",
        mine: Permission::ReadAudit,
        other: Permission::ReadAudit,
    },
    Probe {
        code: "manage-users",
        mine: Permission::ManageUsers,
        other: Permission::ManageUsers,
    },
    Probe {
        code: "manage-mentoring",
        mine: Permission::ManageMentoring,
        other: Permission::ManageMentoring,
    },
    Probe {
        code: "own-mentoring-profile",
        mine: Permission::OwnMentoringProfile { owner: Some(ME) },
        other: Permission::OwnMentoringProfile {
            owner: Some(SOMEONE_ELSE),
        },
    },
    Probe {
        code: "read-mentoring-indicators",
        mine: Permission::ReadMentoringIndicators,
        other: Permission::ReadMentoringIndicators,
    },
    Probe {
        code: "register-newcomer",
        mine: Permission::RegisterNewcomer { municipality: MINE },
        other: Permission::RegisterNewcomer {
            municipality: OTHER,
        },
    },
    Probe {
        code: "list-newcomer-cases",
        mine: Permission::ListNewcomerCases,
        other: Permission::ListNewcomerCases,
    },
    Probe {
        code: "handle-newcomer-case",
        mine: Permission::HandleNewcomerCase {
            municipality: MINE,
            contact_person: None,
        },
        other: Permission::HandleNewcomerCase {
            municipality: OTHER,
            contact_person: Some(SOMEONE_ELSE),
        },
    },
    Probe {
        code: "own-newcomer-case",
        mine: Permission::OwnNewcomerCase { owner: Some(ME) },
        other: Permission::OwnNewcomerCase {
            owner: Some(SOMEONE_ELSE),
        },
    },
    Probe {
        code: "read-newcomer-cohorts",
        mine: Permission::ReadNewcomerCohorts,
        other: Permission::ReadNewcomerCohorts,
    },
];

/// The codes of every permission there is.
pub fn permission_codes() -> impl Iterator<Item = &'static str> {
    PROBES.iter().map(|p| p.code)
}

/// What `role` may do: asked of an account of that role whose work packages and
/// municipalities (where the role has them) are the "assigned" ones.
pub fn grants(role: Role) -> Vec<Grant> {
    let scoped = |has: bool| if has { vec![MINE.to_string()] } else { vec![] };
    let actor = Actor {
        id: ME,
        email: String::new(),
        role,
        work_packages: scoped(role == Role::WorkGroup),
        municipalities: scoped(matches!(role, Role::MunicipalContact | Role::NewcomerStaff)),
    };
    PROBES
        .iter()
        .filter(|p| actor.may(p.mine))
        .map(|p| Grant {
            permission: p.code,
            reach: match (actor.may(p.other), p.mine == p.other) {
                (true, _) | (false, true) => Reach::All,
                (false, false) if p.code.starts_with("own-") => Reach::Own,
                (false, false) => Reach::Assigned,
            },
        })
        .collect()
}

/// Every role with what it may do, in the order of [`Role::ALL`].
pub fn every_role() -> impl Iterator<Item = (Role, Vec<Grant>)> {
    Role::ALL.iter().map(|&role| (role, grants(role)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reach(role: Role, code: &str) -> Option<Reach> {
        grants(role)
            .into_iter()
            .find(|g| g.permission == code)
            .map(|g| g.reach)
    }

    #[test]
    fn the_list_follows_the_decision() {
        assert_eq!(reach(Role::Admin, "manage-users"), Some(Reach::All));
        assert_eq!(grants(Role::Admin).len(), PROBES.len());
        assert_eq!(
            reach(Role::WorkGroup, "report-status"),
            Some(Reach::Assigned)
        );
        assert_eq!(reach(Role::WorkGroup, "edit-plan"), None);
        assert_eq!(
            reach(Role::SteeringGroup, "report-status"),
            Some(Reach::All)
        );
        assert_eq!(
            reach(Role::MunicipalContact, "edit-municipality"),
            Some(Reach::Assigned)
        );
        assert_eq!(
            reach(Role::NewcomerStaff, "handle-newcomer-case"),
            Some(Reach::Assigned)
        );
        assert_eq!(reach(Role::Reader, "own-newcomer-case"), Some(Reach::Own));
        assert_eq!(
            reach(Role::MentorCoordinator, "own-mentoring-profile"),
            Some(Reach::All)
        );
        assert_eq!(reach(Role::Reader, "read-audit"), None);
    }

    #[test]
    fn every_code_is_unique() {
        let mut codes: Vec<_> = permission_codes().collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), PROBES.len());
    }
}
