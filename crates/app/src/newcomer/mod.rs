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

use domain::access::{Actor, Write};
use store::CaseAccess;

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
    /// allowed for this use) as the newcomer the case is linked to.
    async fn case_access<'a>(
        &self,
        actor: Option<&'a Actor>,
        id: i64,
        own: bool,
        what: &str,
    ) -> Result<(&'a Actor, CaseAccess, Via)> {
        let actor = actor.ok_or(AppError::Unauthenticated)?;
        let access = self
            .db
            .newcomer_case_access(id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("newcomer case #{id}")))?;
        let via = if actor.may(Write::HandleNewcomerCase {
            municipality: &access.municipality,
            contact_person: access.contact_person,
        }) {
            Via::Staff
        } else if own
            && actor.may(Write::OwnNewcomerCase {
                owner: access.account_id,
            })
        {
            Via::Own
        } else {
            return Err(AppError::Forbidden(format!(
                "your role ({}) does not allow you to {what}",
                actor.role
            )));
        };
        Ok((actor, access, via))
    }
}
