//! Rules for the matching, pairs and their life, what is recorded about them, and the
//! output indicators.

use domain::access::{Actor, Permission};
use domain::mentor::{
    compute_indicators, MatchingRules, MentoringIndicators, Pair, PairEvent, PairLog, PairRule,
    Side,
};

use super::input::{
    CheckInInput, MeetingInput, OutcomeInput, PairChangeInput, PairRuleInput, RulesInput,
};
use crate::access::{authorise, signed_in};
use crate::accounts::who_of;
use crate::input::today;
use crate::{App, AppError, Result};

impl App {
    /// The matching rules and their version.
    pub async fn mentoring_rules(&self, actor: Option<&Actor>) -> Result<(MatchingRules, i64)> {
        authorise(actor, Permission::ManageMentoring)?;
        Ok(self.db.mentoring_rules().await?)
    }

    /// Returns the rules' new version.
    pub async fn set_mentoring_rules(
        &self,
        actor: Option<&Actor>,
        input: &RulesInput,
    ) -> Result<i64> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        let (version, rules) = input.parse()?;
        Ok(self
            .db
            .set_mentoring_rules(&who_of(Some(actor)), version, &rules)
            .await?)
    }

    pub async fn mentoring_pair_rules(&self, actor: Option<&Actor>) -> Result<Vec<PairRule>> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        Ok(self.db.mentoring_pair_rules(&who_of(Some(actor))).await?)
    }

    /// Locks, excludes or frees a mentor and a mentee for the next matching run.
    pub async fn set_mentoring_pair_rule(
        &self,
        actor: Option<&Actor>,
        input: &PairRuleInput,
    ) -> Result<()> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        let kind = input.parse()?;
        Ok(self
            .db
            .set_mentoring_pair_rule(&who_of(Some(actor)), input.mentor_id, input.mentee_id, kind)
            .await?)
    }

    pub async fn mentoring_pairs(&self, actor: Option<&Actor>) -> Result<Vec<Pair>> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        Ok(self.db.mentoring_pairs(&who_of(Some(actor)), None).await?)
    }

    /// The pairs of the profiles linked to the signed-in account.
    pub async fn my_mentoring_pairs(&self, actor: Option<&Actor>) -> Result<Vec<Pair>> {
        let actor = signed_in(actor)?;
        let who = who_of(Some(actor));
        let mut pairs = Vec::new();
        for p in self.my_mentoring_profiles(Some(actor)).await? {
            pairs.extend(self.db.mentoring_pairs(&who, Some(p.id)).await?);
        }
        Ok(pairs)
    }

    /// The accounts of the pair's mentor and mentee, once the pair is known to exist.
    async fn pair_owners(&self, id: i64) -> Result<(Option<i64>, Option<i64>)> {
        self.db
            .mentoring_pair_owners(id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("pair #{id}")))
    }

    /// One pair, for the coordinator or either of the two.
    pub async fn mentoring_pair(&self, actor: Option<&Actor>, id: i64) -> Result<Pair> {
        let actor = self.pair_member(actor, id, None).await?;
        Ok(self.db.mentoring_pair(&who_of(Some(actor)), id).await?)
    }

    /// The actor, if they run the programme or (`side` None: either side; else that side)
    /// are in the pair.
    async fn pair_member<'a>(
        &self,
        actor: Option<&'a Actor>,
        id: i64,
        side: Option<Side>,
    ) -> Result<&'a Actor> {
        let actor = signed_in(actor)?;
        let (mentor, mentee) = self.pair_owners(id).await?;
        let may = |owner| actor.may(Permission::OwnMentoringProfile { owner });
        if !may(mentor) && !may(mentee) {
            // To anyone outside the pair it looks like no pair: who is paired is personal data.
            return Err(AppError::NotFound(format!("pair #{id}")));
        }
        // The other side of the pair knows it exists; only this step may not be theirs.
        let owner = match side {
            Some(Side::Mentor) => mentor,
            Some(Side::Mentee) => mentee,
            None => return Ok(actor),
        };
        actor.require(Permission::OwnMentoringProfile { owner })?;
        Ok(actor)
    }

    /// Moves a pair on: each side accepts for itself (or the coordinator records it); the
    /// coordinator starts, completes or ends it.
    pub async fn change_mentoring_pair(
        &self,
        actor: Option<&Actor>,
        id: i64,
        input: &PairChangeInput,
    ) -> Result<Pair> {
        let actor = signed_in(actor)?;
        let (version, event) = input.parse(today())?;
        let actor = match &event {
            PairEvent::Accept { side, .. } => {
                self.pair_member(Some(actor), id, Some(*side)).await?
            }
            _ => authorise(Some(actor), Permission::ManageMentoring)?,
        };
        Ok(self
            .db
            .change_mentoring_pair(&who_of(Some(actor)), id, version, &event)
            .await?)
    }

    /// Logs a meeting; the pair's mentor may log their own.
    pub async fn log_mentoring_meeting(
        &self,
        actor: Option<&Actor>,
        pair_id: i64,
        input: &MeetingInput,
    ) -> Result<i64> {
        let actor = self.pair_member(actor, pair_id, Some(Side::Mentor)).await?;
        let meeting = input.parse(today())?;
        Ok(self
            .db
            .add_mentoring_meeting(&who_of(Some(actor)), pair_id, &meeting, today())
            .await?)
    }

    pub async fn record_mentoring_check_in(
        &self,
        actor: Option<&Actor>,
        pair_id: i64,
        input: &CheckInInput,
    ) -> Result<()> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        let check_in = input.parse(today())?;
        Ok(self
            .db
            .set_mentoring_check_in(&who_of(Some(actor)), pair_id, &check_in, today())
            .await?)
    }

    pub async fn record_mentoring_outcome(
        &self,
        actor: Option<&Actor>,
        pair_id: i64,
        input: &OutcomeInput,
    ) -> Result<()> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        let outcome = input.parse(today())?;
        Ok(self
            .db
            .set_mentoring_outcome(&who_of(Some(actor)), pair_id, &outcome, today())
            .await?)
    }

    /// A pair's meetings, check-ins and outcomes, for the coordinator or either of the two.
    pub async fn mentoring_pair_log(&self, actor: Option<&Actor>, pair_id: i64) -> Result<PairLog> {
        let actor = self.pair_member(actor, pair_id, None).await?;
        Ok(self
            .db
            .mentoring_pair_log(&who_of(Some(actor)), pair_id)
            .await?)
    }

    /// The output indicators as of today.
    pub async fn mentoring_indicators(&self, actor: Option<&Actor>) -> Result<MentoringIndicators> {
        let actor = authorise(actor, Permission::ReadMentoringIndicators)?;
        let (pairs, meetings, outcomes) = self
            .db
            .mentoring_indicator_input(&who_of(Some(actor)))
            .await?;
        Ok(compute_indicators(&pairs, &meetings, &outcomes, today()))
    }
}
