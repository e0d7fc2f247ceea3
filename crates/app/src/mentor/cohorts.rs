//! Workplace cohorts, run by the coordinator.

use domain::access::{Actor, Permission};
use domain::limits;
use domain::mentor::{Cohort, CohortDetail};

use super::input::{CohortInput, CohortMentorInput, EvaluationInput, SessionInput};
use crate::access::authorise;
use crate::accounts::who_of;
use crate::input::today;
use crate::{App, Result};

impl App {
    pub async fn create_mentoring_cohort(
        &self,
        actor: Option<&Actor>,
        input: &CohortInput,
    ) -> Result<i64> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        let fields = input.parse(false)?;
        Ok(self
            .db
            .create_mentoring_cohort(&who_of(Some(actor)), &fields)
            .await?)
    }

    /// Returns the cohort's new version.
    pub async fn update_mentoring_cohort(
        &self,
        actor: Option<&Actor>,
        id: i64,
        input: &CohortInput,
    ) -> Result<i64> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        let fields = input.parse(true)?;
        let version = input.version.unwrap_or_default();
        Ok(self
            .db
            .update_mentoring_cohort(&who_of(Some(actor)), id, version, &fields)
            .await?)
    }

    pub async fn mentoring_cohorts(&self, actor: Option<&Actor>) -> Result<Vec<Cohort>> {
        authorise(actor, Permission::ManageMentoring)?;
        Ok(self.db.mentoring_cohorts().await?)
    }

    pub async fn mentoring_cohort(&self, actor: Option<&Actor>, id: i64) -> Result<CohortDetail> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        Ok(self.db.mentoring_cohort(&who_of(Some(actor)), id).await?)
    }

    pub async fn add_mentoring_cohort_mentor(
        &self,
        actor: Option<&Actor>,
        cohort_id: i64,
        input: &CohortMentorInput,
    ) -> Result<i64> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        limits::check_required("name", &input.name, limits::TITLE)?;
        Ok(self
            .db
            .add_mentoring_cohort_mentor(&who_of(Some(actor)), cohort_id, input.name.trim())
            .await?)
    }

    pub async fn delete_mentoring_cohort_mentor(
        &self,
        actor: Option<&Actor>,
        id: i64,
    ) -> Result<()> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        Ok(self
            .db
            .delete_mentoring_cohort_mentor(&who_of(Some(actor)), id)
            .await?)
    }

    pub async fn add_mentoring_session(
        &self,
        actor: Option<&Actor>,
        cohort_id: i64,
        input: &SessionInput,
    ) -> Result<i64> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        let fields = input.parse(today())?;
        Ok(self
            .db
            .add_mentoring_session(&who_of(Some(actor)), cohort_id, &fields)
            .await?)
    }

    /// Sets who attended a session: exactly these cohort mentors.
    pub async fn set_mentoring_attendance(
        &self,
        actor: Option<&Actor>,
        session_id: i64,
        mentor_ids: &[i64],
    ) -> Result<()> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        Ok(self
            .db
            .set_mentoring_attendance(&who_of(Some(actor)), session_id, mentor_ids)
            .await?)
    }

    pub async fn add_mentoring_evaluation(
        &self,
        actor: Option<&Actor>,
        cohort_id: i64,
        input: &EvaluationInput,
    ) -> Result<i64> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        let fields = input.parse()?;
        Ok(self
            .db
            .add_mentoring_evaluation(&who_of(Some(actor)), cohort_id, &fields)
            .await?)
    }
}
