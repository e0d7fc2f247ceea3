//! Which newcomer cases a person's lists hold, and who keeps a newly registered case.

use super::{Actor, Denied, Permission, Role};

/// The newcomer cases a list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseScope<'a> {
    /// Every case.
    All,
    /// The cases in these municipalities, and those this account is the contact person of.
    Handled {
        municipalities: &'a [String],
        contact_person: i64,
    },
    /// The case linked to this account: the newcomer's own.
    Own { account: i64 },
}

impl Actor {
    /// The cases this person handles in the newcomer service; refused to whoever does not
    /// work in it.
    pub fn newcomer_case_scope(&self) -> Result<CaseScope<'_>, Denied> {
        self.require(Permission::ListNewcomerCases)?;
        Ok(if self.role == Role::Admin {
            CaseScope::All
        } else {
            CaseScope::Handled {
                municipalities: &self.municipalities,
                contact_person: self.id,
            }
        })
    }

    /// The case linked to this person's own account, whatever their role.
    pub fn own_newcomer_case_scope(&self) -> CaseScope<'_> {
        CaseScope::Own { account: self.id }
    }

    /// Who keeps a case this person registers without naming a contact person: staff keep
    /// their own; an admin registers on someone's behalf and leaves it open.
    pub fn default_contact_person(&self) -> Option<i64> {
        (self.role == Role::NewcomerStaff).then_some(self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::tests::actor;

    #[test]
    fn staff_see_their_municipalities_and_their_own_cases_and_admin_all() {
        let staff = actor(Role::NewcomerStaff, &[], &["4640", "4643"]);
        assert_eq!(
            staff.newcomer_case_scope(),
            Ok(CaseScope::Handled {
                municipalities: &["4640".to_string(), "4643".to_string()],
                contact_person: staff.id,
            })
        );
        assert_eq!(
            actor(Role::Admin, &[], &[]).newcomer_case_scope(),
            Ok(CaseScope::All)
        );
        for role in Role::ALL {
            if !matches!(role, Role::Admin | Role::NewcomerStaff) {
                let denied = actor(*role, &[], &[]).newcomer_case_scope().unwrap_err();
                assert_eq!(denied.role, *role);
            }
        }
    }

    #[test]
    fn everyone_sees_their_own_case() {
        for role in Role::ALL {
            let a = actor(*role, &[], &[]);
            assert_eq!(
                a.own_newcomer_case_scope(),
                CaseScope::Own { account: a.id }
            );
        }
    }

    #[test]
    fn only_staff_keep_the_cases_they_register() {
        for role in Role::ALL {
            let a = actor(*role, &[], &["4640"]);
            let keeps = *role == Role::NewcomerStaff;
            assert_eq!(a.default_contact_person(), keeps.then_some(a.id), "{role}");
        }
    }
}
