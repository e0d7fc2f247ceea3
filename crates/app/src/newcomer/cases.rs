//! Cases: registered and kept by staff; seen and partly corrected by the newcomer.

use domain::access::{Actor, CaseScope, Permission};
use domain::newcomer::{Case, CaseDetail};

use super::input::{CaseInput, OwnCorrectionInput};
use crate::access::{authorise, signed_in};
use crate::accounts::who_of;
use crate::input::today;
use crate::{App, AppError, Result};

impl App {
    /// Registers a case; staff register in their municipalities and become its contact
    /// person unless another is named.
    pub async fn create_newcomer_case(
        &self,
        actor: Option<&Actor>,
        input: &CaseInput,
    ) -> Result<i64> {
        let actor = authorise(actor, Permission::ListNewcomerCases)?;
        let mut fields = input.parse(today(), false)?;
        actor.require(Permission::RegisterNewcomer {
            municipality: &fields.municipality,
        })?;
        if fields.contact_person.is_none() {
            fields.contact_person = actor.default_contact_person();
        }
        Ok(self
            .db
            .create_newcomer_case(&who_of(Some(actor)), &fields)
            .await?)
    }

    /// The cases the actor handles: admin every case; staff those of their municipalities
    /// and those they are the contact person of.
    pub async fn newcomer_cases(&self, actor: Option<&Actor>) -> Result<Vec<Case>> {
        let actor = signed_in(actor)?;
        let scope = store_scope(actor.newcomer_case_scope()?);
        Ok(self.db.newcomer_cases(&who_of(Some(actor)), &scope).await?)
    }

    /// The case linked to the signed-in account, with everything recorded about it.
    pub async fn my_newcomer_case(&self, actor: Option<&Actor>) -> Result<Option<CaseDetail>> {
        let actor = signed_in(actor)?;
        let who = who_of(Some(actor));
        let scope = store_scope(actor.own_newcomer_case_scope());
        let Some(case) = self
            .db
            .newcomer_cases(&who, &scope)
            .await?
            .into_iter()
            .next()
        else {
            return Ok(None);
        };
        Ok(self.db.newcomer_case(&who, case.id).await?)
    }

    /// A case with its steps, follow-ups, consents and rent-to-own.
    pub async fn newcomer_case(&self, actor: Option<&Actor>, id: i64) -> Result<CaseDetail> {
        let (actor, _, _) = self.case_access(actor, id, true).await?;
        self.db
            .newcomer_case(&who_of(Some(actor)), id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("newcomer case #{id}")))
    }

    /// Changes a case (staff); returns its new version. Moving it to another municipality
    /// needs the right to register there.
    pub async fn update_newcomer_case(
        &self,
        actor: Option<&Actor>,
        id: i64,
        input: &CaseInput,
    ) -> Result<i64> {
        let (actor, access, _) = self.case_access(actor, id, false).await?;
        let fields = input.parse(today(), true)?;
        if fields.municipality != access.municipality {
            actor.require(Permission::RegisterNewcomer {
                municipality: &fields.municipality,
            })?;
        }
        let version = input.version.unwrap_or_default();
        Ok(self
            .db
            .update_newcomer_case(&who_of(Some(actor)), id, version, &fields)
            .await?)
    }

    /// The newcomer corrects their name, contact, languages and needs (staff may too);
    /// returns the new version.
    pub async fn correct_newcomer_case(
        &self,
        actor: Option<&Actor>,
        id: i64,
        input: &OwnCorrectionInput,
    ) -> Result<i64> {
        let (actor, _, _) = self.case_access(actor, id, true).await?;
        let (version, own) = input.parse()?;
        let who = who_of(Some(actor));
        let case = self
            .db
            .newcomer_case(&who, id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("newcomer case #{id}")))?
            .case;
        let fields = own.apply(&case.fields);
        let errors = fields.validate(today());
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        Ok(self
            .db
            .update_newcomer_case(&who, id, version, &fields)
            .await?)
    }
}

/// The store's filter for the cases `scope` holds.
fn store_scope(scope: CaseScope<'_>) -> store::CaseScope {
    match scope {
        CaseScope::All => store::CaseScope {
            all: true,
            ..Default::default()
        },
        CaseScope::Handled {
            municipalities,
            contact_person,
        } => store::CaseScope {
            contact_person: Some(contact_person),
            municipalities: municipalities.to_vec(),
            ..Default::default()
        },
        CaseScope::Own { account } => store::CaseScope {
            account_id: Some(account),
            ..Default::default()
        },
    }
}
