//! Changing the plan: status reports, and the project leader's edits of
//! action-plan rows, measures and municipal contacts.

use domain::access::{Actor, Permission};
use domain::state::StatusUpdate;

use crate::access::{authorise, signed_in};
use crate::accounts::who_of;
use crate::input::{ActionInput, ContactInput, MeasureInput, StatusInput};
use crate::{App, AppError, Result};

impl App {
    pub async fn report_status(
        &self,
        actor: Option<&Actor>,
        action_id: &str,
        input: &StatusInput,
    ) -> Result<StatusUpdate> {
        let actor = signed_in(actor)?;
        let s = self.snapshot().await?;
        let item = s
            .action(action_id)
            .ok_or_else(|| AppError::NotFound(format!("action `{action_id}`")))?;
        actor.require(Permission::ReportStatus {
            work_package: &item.work_package.id,
        })?;
        let new = input.parse()?;
        let result = self
            .db
            .add_status(&who_of(Some(actor)), action_id, &new)
            .await?;
        self.status_reported(&result);
        Ok(result)
    }

    pub async fn create_action(&self, actor: Option<&Actor>, input: &ActionInput) -> Result<()> {
        let actor = authorise(actor, Permission::EditPlan)?;
        let s = self.snapshot().await?;
        let fields = input.parse(&s, true)?;
        self.db
            .create_action(&who_of(Some(actor)), &input.id, &fields)
            .await?;
        self.changed();
        Ok(())
    }

    /// Returns the row's new version.
    pub async fn update_action(
        &self,
        actor: Option<&Actor>,
        id: &str,
        input: &ActionInput,
    ) -> Result<i64> {
        let actor = authorise(actor, Permission::EditPlan)?;
        let s = self.snapshot().await?;
        if s.action(id).is_none() {
            return Err(AppError::NotFound(format!("action `{id}`")));
        }
        let fields = input.parse(&s, false)?;
        let version = input.version.unwrap_or_default();
        let result = self
            .db
            .update_action(&who_of(Some(actor)), id, version, &fields)
            .await?;
        self.changed();
        Ok(result)
    }

    pub async fn create_measure(&self, actor: Option<&Actor>, input: &MeasureInput) -> Result<()> {
        let actor = authorise(actor, Permission::EditPlan)?;
        let s = self.snapshot().await?;
        let fields = input.parse(&s, true)?;
        self.db
            .create_measure(&who_of(Some(actor)), &input.id, &fields)
            .await?;
        self.changed();
        Ok(())
    }

    pub async fn update_measure(
        &self,
        actor: Option<&Actor>,
        id: &str,
        input: &MeasureInput,
    ) -> Result<i64> {
        let actor = authorise(actor, Permission::EditPlan)?;
        let s = self.snapshot().await?;
        if s.measure(id).is_none() {
            return Err(AppError::NotFound(format!("measure `{id}`")));
        }
        let fields = input.parse(&s, false)?;
        let version = input.version.unwrap_or_default();
        let result = self
            .db
            .update_measure(&who_of(Some(actor)), id, version, &fields)
            .await?;
        self.changed();
        Ok(result)
    }

    pub async fn update_contact(
        &self,
        actor: Option<&Actor>,
        code: &str,
        input: &ContactInput,
    ) -> Result<i64> {
        let actor = signed_in(actor)?;
        let s = self.snapshot().await?;
        if !s.plan.municipalities.iter().any(|m| m.code == code) {
            return Err(AppError::NotFound(format!("municipality {code}")));
        }
        actor.require(Permission::EditMunicipality { code })?;
        let (version, name, email) = input.parse()?;
        let result = self
            .db
            .update_contact(&who_of(Some(actor)), code, version, &name, &email)
            .await?;
        self.changed();
        Ok(result)
    }
}
