//! Changing the plan: status reports, and the project leader's edits of
//! action-plan rows, measures and municipal contacts.

use domain::access::{Actor, Write};
use domain::state::StatusUpdate;

use crate::accounts::who_of;
use crate::input::{ActionInput, ContactInput, MeasureInput, StatusInput};
use crate::{App, AppError, Result};

pub(crate) fn allow(actor: &Actor, write: Write<'_>, what: &str) -> Result<()> {
    if actor.may(write) {
        Ok(())
    } else {
        Err(AppError::Forbidden(format!(
            "your role ({}) does not allow you to {what}",
            actor.role
        )))
    }
}

impl App {
    pub async fn report_status(
        &self,
        actor: &Actor,
        action_id: &str,
        input: &StatusInput,
    ) -> Result<StatusUpdate> {
        let s = self.snapshot().await?;
        let item = s
            .action(action_id)
            .ok_or_else(|| AppError::NotFound(format!("action `{action_id}`")))?;
        allow(
            actor,
            Write::ReportStatus {
                work_package: &item.work_package.id,
            },
            &format!(
                "report status in the work package {}",
                item.work_package.name
            ),
        )?;
        let new = input.parse()?;
        let result = self
            .db
            .add_status(&who_of(Some(actor)), action_id, &new)
            .await?;
        self.status_reported(&result);
        Ok(result)
    }

    pub async fn create_action(&self, actor: &Actor, input: &ActionInput) -> Result<()> {
        allow(actor, Write::EditPlan, "change the plan")?;
        let s = self.snapshot().await?;
        let fields = input.parse(&s, true)?;
        self.db
            .create_action(&who_of(Some(actor)), &input.id, &fields)
            .await?;
        self.changed();
        Ok(())
    }

    /// Returns the row's new version.
    pub async fn update_action(&self, actor: &Actor, id: &str, input: &ActionInput) -> Result<i64> {
        allow(actor, Write::EditPlan, "change the plan")?;
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

    pub async fn create_measure(&self, actor: &Actor, input: &MeasureInput) -> Result<()> {
        allow(actor, Write::EditPlan, "change the plan")?;
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
        actor: &Actor,
        id: &str,
        input: &MeasureInput,
    ) -> Result<i64> {
        allow(actor, Write::EditPlan, "change the plan")?;
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
        actor: &Actor,
        code: &str,
        input: &ContactInput,
    ) -> Result<i64> {
        let s = self.snapshot().await?;
        if !s.plan.municipalities.iter().any(|m| m.code == code) {
            return Err(AppError::NotFound(format!("municipality {code}")));
        }
        allow(
            actor,
            Write::EditMunicipality { code },
            &format!("change the contact of municipality {code}"),
        )?;
        let (version, name, email) = input.parse()?;
        let result = self
            .db
            .update_contact(&who_of(Some(actor)), code, version, &name, &email)
            .await?;
        self.changed();
        Ok(result)
    }
}
