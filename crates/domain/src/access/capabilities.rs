//! What a page may offer the person looking at it: which links, forms and buttons.

use super::{Actor, Permission};

/// Everything pages decide from who is looking, computed once from [`Actor::may`] so that
/// a page never offers what the use case behind it would refuse.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Capabilities<'a> {
    actor: Option<&'a Actor>,
    pub edit_plan: bool,
    pub set_targets: bool,
    pub read_audit: bool,
    pub manage_users: bool,
    pub manage_mentoring: bool,
    pub read_mentoring_indicators: bool,
    /// Work in the newcomer service: the case list and registering newcomers.
    pub list_newcomer_cases: bool,
    pub read_newcomer_cohorts: bool,
}

impl<'a> Capabilities<'a> {
    /// What `actor` may do; nothing for an anonymous visitor.
    pub fn of(actor: Option<&'a Actor>) -> Self {
        let may = |p| actor.is_some_and(|a| a.may(p));
        Capabilities {
            actor,
            edit_plan: may(Permission::EditPlan),
            set_targets: may(Permission::SetTargets),
            read_audit: may(Permission::ReadAudit),
            manage_users: may(Permission::ManageUsers),
            manage_mentoring: may(Permission::ManageMentoring),
            read_mentoring_indicators: may(Permission::ReadMentoringIndicators),
            list_newcomer_cases: may(Permission::ListNewcomerCases),
            read_newcomer_cohorts: may(Permission::ReadNewcomerCohorts),
        }
    }

    pub fn signed_in(&self) -> bool {
        self.actor.is_some()
    }

    /// Follows the mentor programme as a whole (its people or its figures), rather than
    /// only one's own place in it.
    pub fn follow_mentoring(&self) -> bool {
        self.manage_mentoring || self.read_mentoring_indicators
    }

    /// Sees any of the figures that are not public.
    pub fn read_restricted_figures(&self) -> bool {
        self.read_mentoring_indicators || self.read_newcomer_cohorts
    }

    pub fn report_status(&self, work_package: &str) -> bool {
        self.may(Permission::ReportStatus { work_package })
    }

    pub fn edit_municipality(&self, code: &str) -> bool {
        self.may(Permission::EditMunicipality { code })
    }

    pub fn register_newcomer(&self, municipality: &str) -> bool {
        self.may(Permission::RegisterNewcomer { municipality })
    }

    fn may(&self, permission: Permission<'_>) -> bool {
        self.actor.is_some_and(|a| a.may(permission))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::tests::actor;
    use crate::access::Role;

    #[test]
    fn an_anonymous_visitor_may_nothing() {
        let c = Capabilities::of(None);
        assert_eq!(c, Capabilities::default());
        assert!(!c.signed_in());
        assert!(!c.report_status("arbeid"));
        assert!(!c.edit_municipality("4640"));
        assert!(!c.register_newcomer("4640"));
        assert!(!c.follow_mentoring());
    }

    #[test]
    fn each_role_gets_what_it_may() {
        let (e, t, a, u, m, i, n, c) = (1, 2, 4, 8, 16, 32, 64, 128);
        let expected = [
            (Role::Admin, e | t | a | u | m | i | n | c),
            (Role::ProjectLeader, e | t | i | c),
            (Role::SteeringGroup, i | c),
            (Role::WorkGroup, 0),
            (Role::MunicipalContact, 0),
            (Role::MentorCoordinator, m | i),
            (Role::NewcomerStaff, n | c),
            (Role::Reader, 0),
        ];
        assert_eq!(expected.len(), Role::ALL.len());
        for (role, bits) in expected {
            let who = actor(role, &[], &[]);
            let got = Capabilities::of(Some(&who));
            let has = |bit: i32| bits & bit != 0;
            assert!(got.signed_in());
            assert_eq!(got.edit_plan, has(e), "{role}");
            assert_eq!(got.set_targets, has(t), "{role}");
            assert_eq!(got.read_audit, has(a), "{role}");
            assert_eq!(got.manage_users, has(u), "{role}");
            assert_eq!(got.manage_mentoring, has(m), "{role}");
            assert_eq!(got.read_mentoring_indicators, has(i), "{role}");
            assert_eq!(got.list_newcomer_cases, has(n), "{role}");
            assert_eq!(got.read_newcomer_cohorts, has(c), "{role}");
            assert_eq!(got.follow_mentoring(), has(m) || has(i), "{role}");
            assert_eq!(got.read_restricted_figures(), has(i) || has(c), "{role}");
        }
    }

    #[test]
    fn scoped_capabilities_follow_the_account_scopes() {
        let group = actor(Role::WorkGroup, &["arbeid"], &[]);
        let c = Capabilities::of(Some(&group));
        assert!(c.report_status("arbeid"));
        assert!(!c.report_status("bustad"));
        let contact = actor(Role::MunicipalContact, &[], &["4643"]);
        let c = Capabilities::of(Some(&contact));
        assert!(c.edit_municipality("4643"));
        assert!(!c.edit_municipality("4640"));
        assert!(!c.report_status("arbeid"));
        let staff = actor(Role::NewcomerStaff, &[], &["4643"]);
        let c = Capabilities::of(Some(&staff));
        assert!(c.register_newcomer("4643"));
        assert!(!c.register_newcomer("4640"));
        let leader = actor(Role::ProjectLeader, &[], &[]);
        let c = Capabilities::of(Some(&leader));
        assert!(c.report_status("bustad"));
        assert!(c.edit_municipality("4640"));
        assert!(!c.register_newcomer("4640"));
    }
}
