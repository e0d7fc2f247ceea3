//! Steps, follow-ups, consent and rent-to-own, kept by staff; consent is withdrawn by the
//! newcomer too.

use domain::access::Actor;

use super::input::{ConsentInput, FollowUpInput, RentToOwnInput, StepInput, WithdrawalInput};
use crate::accounts::who_of;
use crate::input::today;
use crate::{App, Result};

impl App {
    pub async fn set_newcomer_step(
        &self,
        actor: Option<&Actor>,
        case_id: i64,
        input: &StepInput,
    ) -> Result<()> {
        let (actor, _, _) = self.case_access(actor, case_id, false).await?;
        let today = today();
        let step = input.parse(today)?;
        Ok(self
            .db
            .set_newcomer_step(&who_of(Some(actor)), case_id, &step, today)
            .await?)
    }

    /// Records (or corrects) a follow-up once it is due.
    pub async fn record_newcomer_follow_up(
        &self,
        actor: Option<&Actor>,
        case_id: i64,
        input: &FollowUpInput,
    ) -> Result<()> {
        let (actor, _, _) = self.case_access(actor, case_id, false).await?;
        let today = today();
        let follow_up = input.parse(today)?;
        Ok(self
            .db
            .set_newcomer_follow_up(&who_of(Some(actor)), case_id, &follow_up, today)
            .await?)
    }

    /// Records the lawful basis or consent for a purpose; returns the record's id.
    pub async fn record_newcomer_consent(
        &self,
        actor: Option<&Actor>,
        case_id: i64,
        input: &ConsentInput,
    ) -> Result<i64> {
        let (actor, _, _) = self.case_access(actor, case_id, false).await?;
        let consent = input.parse(today())?;
        Ok(self
            .db
            .add_newcomer_consent(&who_of(Some(actor)), case_id, &consent)
            .await?)
    }

    /// Withdraws a consent; the record is kept, marked withdrawn. The newcomer may do this.
    pub async fn withdraw_newcomer_consent(
        &self,
        actor: Option<&Actor>,
        case_id: i64,
        consent_id: i64,
        input: &WithdrawalInput,
    ) -> Result<()> {
        let (actor, _, _) = self.case_access(actor, case_id, true).await?;
        let today = today();
        let on = input.parse(today)?;
        Ok(self
            .db
            .withdraw_newcomer_consent(&who_of(Some(actor)), case_id, consent_id, on, today)
            .await?)
    }

    /// Starts or changes the case's rent-to-own record; returns its new version.
    pub async fn set_newcomer_rent_to_own(
        &self,
        actor: Option<&Actor>,
        case_id: i64,
        input: &RentToOwnInput,
    ) -> Result<i64> {
        let (actor, _, _) = self.case_access(actor, case_id, false).await?;
        let fields = input.parse(today())?;
        Ok(self
            .db
            .set_newcomer_rent_to_own(&who_of(Some(actor)), case_id, input.version, &fields)
            .await?)
    }
}
