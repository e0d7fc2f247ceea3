//! The newcomer service's use cases: cases (kept by staff of the case's municipality and
//! its contact person, seen and partly corrected by the newcomer's own account), steps and
//! follow-ups, consent, rent-to-own, the person's rights (export, erasure) and the
//! retention limit, and the arrival cohorts. Nobody else sees a case. Every read of
//! personal data is audited by the store, with ids and field names only.

mod cases;
mod cohorts;
mod input;
mod records;
mod rights;

#[cfg(test)]
mod tests;

pub use input::{
    CaseInput, ConsentInput, FollowUpInput, HouseholdMemberInput, OwnCorrectionInput,
    RentToOwnInput, StepInput, WithdrawalInput,
};

use domain::access::{Actor, Permission};
use store::CaseAccess;

use crate::access::signed_in;
use crate::{App, AppError, Result};

/// How an actor came to touch a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Via {
    /// Staff of its municipality, its contact person, or admin.
    Staff,
    /// The newcomer's own account.
    Own,
}

impl App {
    /// The case's access record, once the actor may touch it as staff, or (when `own` is
    /// allowed for this use) as the newcomer the case is linked to. Whoever may do neither
    /// is told the case does not exist, exactly as for a case that does not: that another's
    /// case exists is itself personal data. Only the newcomer, who knows the case, is told
    /// plainly that this use is not theirs.
    async fn case_access<'a>(
        &self,
        actor: Option<&'a Actor>,
        id: i64,
        own: bool,
    ) -> Result<(&'a Actor, CaseAccess, Via)> {
        let actor = signed_in(actor)?;
        let not_found = || AppError::NotFound(format!("newcomer case #{id}"));
        let access = self
            .db
            .newcomer_case_access(id)
            .await?
            .ok_or_else(not_found)?;
        let owns = actor.may(Permission::OwnNewcomerCase {
            owner: access.account_id,
        });
        let staff = Permission::HandleNewcomerCase {
            municipality: &access.municipality,
            contact_person: access.contact_person,
        };
        let via = match (actor.require(staff), owns) {
            (Ok(()), _) => Via::Staff,
            (Err(_), false) => return Err(not_found()),
            (Err(_), true) if own => Via::Own,
            (Err(denied), true) => return Err(denied.into()),
        };
        Ok((actor, access, via))
    }
}
