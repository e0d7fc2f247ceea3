//! Cases: registered and kept by staff; seen and partly corrected by the newcomer.

use domain::access::{Actor, Role, Write};
use domain::newcomer::{Case, CaseDetail};
use store::CaseScope;

use super::input::{CaseInput, OwnCorrectionInput};
use crate::accounts::who_of;
use crate::input::today;
use crate::mentor::signed_in_may;
use crate::plan::allow;
use crate::{App, AppError, Result};

impl App {
    /// Registers a case; staff register in their municipalities and become its contact
    /// person unless another is named.
    pub async fn create_newcomer_case(
        &self,
        actor: Option<&Actor>,
        input: &CaseInput,
    ) -> Result<i64> {
        let actor = signed_in_may(actor, Write::ListNewcomerCases, "register newcomers")?;
        let mut fields = input.parse(today(), false)?;
        allow(
            actor,
            Write::RegisterNewcomer {
                municipality: &fields.municipality,
            },
            "register newcomers in this municipality",
        )?;
        if fields.contact_person.is_none() && actor.role == Role::NewcomerStaff {
            fields.contact_person = Some(actor.id);
        }
        Ok(self
            .db
            .create_newcomer_case(&who_of(Some(actor)), &fields)
            .await?)
    }

    /// The cases the actor handles: admin every case; staff those of their municipalities
    /// and those they are the contact person of.
    pub async fn newcomer_cases(&self, actor: Option<&Actor>) -> Result<Vec<Case>> {
        let actor = signed_in_may(actor, Write::ListNewcomerCases, "see newcomer cases")?;
        let scope = if actor.role == Role::Admin {
            CaseScope {
                all: true,
                ..Default::default()
            }
        } else {
            CaseScope {
                contact_person: Some(actor.id),
                municipalities: actor.municipalities.clone(),
                ..Default::default()
            }
        };
        Ok(self.db.newcomer_cases(&who_of(Some(actor)), &scope).await?)
    }

    /// The case linked to the signed-in account, with everything recorded about it.
    pub async fn my_newcomer_case(&self, actor: Option<&Actor>) -> Result<Option<CaseDetail>> {
        let actor = actor.ok_or(AppError::Unauthenticated)?;
        let who = who_of(Some(actor));
        let scope = CaseScope {
            account_id: Some(actor.id),
            ..Default::default()
        };
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
        let (actor, _, _) = self.case_access(actor, id, true, "see this case").await?;
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
        let (actor, access, _) = self
            .case_access(actor, id, false, "change this case")
            .await?;
        let fields = input.parse(today(), true)?;
        if fields.municipality != access.municipality {
            allow(
                actor,
                Write::RegisterNewcomer {
                    municipality: &fields.municipality,
                },
                "move a case to this municipality",
            )?;
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
        let (actor, _, _) = self
            .case_access(actor, id, true, "correct this case")
            .await?;
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
