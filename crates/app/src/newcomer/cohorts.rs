//! Arrival cohorts: who stays, per municipality and for the region, with small counts
//! suppressed for everyone. Project leader, steering group, staff and admin see every
//! municipality; the public view shows the region only, whose cohorts are the largest.

use domain::access::{Actor, Permission};
use domain::newcomer::{cohort_figures, CohortFigures, REGION};
use store::Who;

use crate::access::authorise;
use crate::accounts::who_of;
use crate::{App, Result};

impl App {
    /// Every municipality's and the region's cohorts, small counts suppressed.
    pub async fn newcomer_cohorts(&self, actor: Option<&Actor>) -> Result<Vec<CohortFigures>> {
        let actor = authorise(actor, Permission::ReadNewcomerCohorts)?;
        let subjects = self.db.newcomer_cohort_input(&who_of(Some(actor))).await?;
        Ok(cohort_figures(&subjects))
    }

    /// The region's cohorts for anyone, small counts suppressed.
    pub async fn public_newcomer_cohorts(&self) -> Result<Vec<CohortFigures>> {
        let who = Who {
            id: None,
            label: "public cohort figures".into(),
        };
        let subjects = self.db.newcomer_cohort_input(&who).await?;
        Ok(cohort_figures(&subjects)
            .into_iter()
            .filter(|c| c.area == REGION)
            .collect())
    }
}
