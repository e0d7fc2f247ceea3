//! Profiles: registered by the coordinator; seen, corrected and deleted by the person
//! whose account they are linked to, too.

use domain::access::{Actor, Permission};
use domain::mentor::{Profile, Side};
use store::{ProfileFilter, ProfileOwner};

use super::input::ProfileInput;
use crate::access::{authorise, signed_in};
use crate::accounts::who_of;
use crate::input::today;
use crate::{App, AppError, Result};

impl App {
    pub async fn create_mentoring_profile(
        &self,
        actor: Option<&Actor>,
        input: &ProfileInput,
    ) -> Result<i64> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        let fields = input.parse(today(), false)?;
        Ok(self
            .db
            .create_mentoring_profile(&who_of(Some(actor)), &fields)
            .await?)
    }

    /// Every profile, or one side's.
    pub async fn mentoring_profiles(
        &self,
        actor: Option<&Actor>,
        side: Option<Side>,
    ) -> Result<Vec<Profile>> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        let filter = ProfileFilter {
            side,
            account_id: None,
        };
        Ok(self
            .db
            .mentoring_profiles(&who_of(Some(actor)), filter)
            .await?)
    }

    /// The profiles linked to the signed-in account.
    pub async fn my_mentoring_profiles(&self, actor: Option<&Actor>) -> Result<Vec<Profile>> {
        let actor = signed_in(actor)?;
        let filter = ProfileFilter {
            side: None,
            account_id: Some(actor.id),
        };
        Ok(self
            .db
            .mentoring_profiles(&who_of(Some(actor)), filter)
            .await?)
    }

    /// The profile's owner, once the actor may touch it. To anyone else a profile that
    /// exists looks like one that does not: that somebody is in the programme is personal
    /// data.
    async fn profile_access<'a>(
        &self,
        actor: Option<&'a Actor>,
        id: i64,
    ) -> Result<(&'a Actor, ProfileOwner)> {
        let actor = signed_in(actor)?;
        let not_found = || AppError::NotFound(format!("profile #{id}"));
        let owner = self
            .db
            .mentoring_profile_owner(id)
            .await?
            .ok_or_else(not_found)?;
        if !actor.may(Permission::OwnMentoringProfile {
            owner: owner.account_id,
        }) {
            return Err(not_found());
        }
        Ok((actor, owner))
    }

    pub async fn mentoring_profile(&self, actor: Option<&Actor>, id: i64) -> Result<Profile> {
        let (actor, _) = self.profile_access(actor, id).await?;
        self.db
            .mentoring_profile(&who_of(Some(actor)), id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("profile #{id}")))
    }

    /// Corrects a profile; returns its new version. The person may correct everything but
    /// which account it is linked to.
    pub async fn update_mentoring_profile(
        &self,
        actor: Option<&Actor>,
        id: i64,
        input: &ProfileInput,
    ) -> Result<i64> {
        let (actor, owner) = self.profile_access(actor, id).await?;
        let fields = input.parse(today(), true)?;
        if fields.account_id != owner.account_id && !actor.may(Permission::ManageMentoring) {
            return Err(AppError::Forbidden(
                "only the coordinator links a profile to another account".into(),
            ));
        }
        let version = input.version.unwrap_or_default();
        Ok(self
            .db
            .update_mentoring_profile(&who_of(Some(actor)), id, version, &fields)
            .await?)
    }

    /// Deletes a profile with every pair and record it is part of.
    pub async fn delete_mentoring_profile(&self, actor: Option<&Actor>, id: i64) -> Result<()> {
        let (actor, _) = self.profile_access(actor, id).await?;
        Ok(self
            .db
            .delete_mentoring_profile(&who_of(Some(actor)), id)
            .await?)
    }
}
