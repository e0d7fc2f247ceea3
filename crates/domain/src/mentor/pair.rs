//! A pair's life: proposed by the matching, accepted by both, active, then completed or
//! ended early; with the meetings, check-ins and follow-ups recorded along the way.

use serde::{Deserialize, Serialize};
use time::Date;

use super::profile::{Level, Side};
use crate::limits::{self, check, check_required};
use crate::status::code_enum;
use crate::FieldError;

code_enum!(
    /// Where a pair is in its life.
    PairStatus, "status" {
        Proposed = "proposed",
        Accepted = "accepted",
        Active = "active",
        Completed = "completed",
        EndedEarly = "ended-early",
    }
);

impl PairStatus {
    /// The legal moves. Ending early is allowed until the pair is over, so a proposal
    /// that one side declines is ended with that as the reason.
    pub fn may_become(self, next: PairStatus) -> bool {
        use PairStatus::*;
        matches!(
            (self, next),
            (Proposed, Accepted)
                | (Accepted, Active)
                | (Active, Completed)
                | (Proposed | Accepted | Active, EndedEarly)
        )
    }

    /// A pair that is over no longer holds its mentor's capacity or its mentee.
    pub fn is_over(self) -> bool {
        matches!(self, PairStatus::Completed | PairStatus::EndedEarly)
    }
}

/// One criterion that gave a pair points when it was proposed, as the matching explained it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreReason {
    pub criterion: String,
    pub points: i64,
    pub matched: Vec<String>,
}

/// The part of a pair its life cycle changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairState {
    pub status: PairStatus,
    pub mentor_accepted: Option<Date>,
    pub mentee_accepted: Option<Date>,
    pub started_on: Option<Date>,
    pub ended_on: Option<Date>,
    pub end_reason: String,
}

/// A pair the matching proposes, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewPair {
    pub mentor_id: i64,
    pub mentee_id: i64,
    pub locked: bool,
    pub score: i64,
    pub explanation: Vec<ScoreReason>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pair {
    pub id: i64,
    pub version: i64,
    pub mentor_id: i64,
    pub mentee_id: i64,
    /// The coordinator fixed this pair before the matching ran.
    pub locked: bool,
    pub score: i64,
    pub explanation: Vec<ScoreReason>,
    pub state: PairState,
}

impl Pair {
    pub fn status(&self) -> PairStatus {
        self.state.status()
    }

    /// A proposal nobody has said yes to yet, which a new matching run may replace.
    pub fn is_replaceable(&self) -> bool {
        self.status() == PairStatus::Proposed
            && self.state.mentor_accepted.is_none()
            && self.state.mentee_accepted.is_none()
    }
}

/// What can happen to a pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum PairEvent {
    Accept { side: Side, on: Date },
    Start { on: Date },
    Complete { on: Date },
    EndEarly { on: Date, reason: String },
}

fn refuse(field: &'static str, message: impl Into<String>) -> Result<PairState, FieldError> {
    Err(FieldError::new(field, message))
}

impl PairState {
    pub fn proposed() -> PairState {
        PairState {
            status: PairStatus::Proposed,
            mentor_accepted: None,
            mentee_accepted: None,
            started_on: None,
            ended_on: None,
            end_reason: String::new(),
        }
    }

    pub fn status(&self) -> PairStatus {
        self.status
    }

    /// The state after `event`, or why the event cannot happen now.
    pub fn apply(&self, event: &PairEvent) -> Result<PairState, FieldError> {
        let status = self.status();
        let target = match event {
            PairEvent::Accept { .. } => PairStatus::Proposed,
            PairEvent::Start { .. } => PairStatus::Active,
            PairEvent::Complete { .. } => PairStatus::Completed,
            PairEvent::EndEarly { .. } => PairStatus::EndedEarly,
        };
        // Accepting keeps a proposal a proposal until the second side says yes.
        if target != PairStatus::Proposed && !status.may_become(target)
            || target == PairStatus::Proposed && status != PairStatus::Proposed
        {
            return refuse(
                "status",
                format!("a pair that is {status} cannot be {}", describe(event)),
            );
        }
        let mut next = self.clone();
        match event {
            PairEvent::Accept { side, on } => {
                let slot = match side {
                    Side::Mentor => &mut next.mentor_accepted,
                    Side::Mentee => &mut next.mentee_accepted,
                };
                if slot.is_some() {
                    return refuse("side", format!("the {side} has already accepted"));
                }
                *slot = Some(*on);
                if next.mentor_accepted.is_some() && next.mentee_accepted.is_some() {
                    next.status = PairStatus::Accepted;
                }
            }
            PairEvent::Start { on } => {
                let accepted = self.mentor_accepted.max(self.mentee_accepted);
                if accepted.is_some_and(|a| *on < a) {
                    return refuse("on", "is before both had accepted");
                }
                next.status = PairStatus::Active;
                next.started_on = Some(*on);
            }
            PairEvent::Complete { on } | PairEvent::EndEarly { on, .. } => {
                if self.started_on.is_some_and(|s| *on < s) {
                    return refuse("on", "is before the pair started");
                }
                if let PairEvent::EndEarly { reason, .. } = event {
                    check_required("reason", reason, limits::TEXT)?;
                    next.end_reason = reason.trim().to_string();
                }
                next.status = target;
                next.ended_on = Some(*on);
            }
        }
        Ok(next)
    }

    /// Whether a meeting or check-in on `day` fits the pair: after it started, not after
    /// it ended, and not in the future.
    pub fn check_meeting_day(
        &self,
        field: &'static str,
        day: Date,
        today: Date,
    ) -> Result<(), FieldError> {
        let Some(started) = self.started_on else {
            return Err(FieldError::new(field, "the pair has not started yet"));
        };
        if day < started {
            return Err(FieldError::new(
                field,
                format!("is before the pair started on {started}"),
            ));
        }
        if let Some(ended) = self.ended_on.filter(|e| day > *e) {
            return Err(FieldError::new(
                field,
                format!("is after the pair ended on {ended}"),
            ));
        }
        if day > today {
            return Err(FieldError::new(
                field,
                "is in the future: record what has happened",
            ));
        }
        Ok(())
    }

    /// Whether a follow-up can be recorded on `day`: the pair is over and the follow-up due.
    pub fn check_follow_up(
        &self,
        follow_up: FollowUp,
        day: Date,
        today: Date,
    ) -> Result<(), FieldError> {
        let Some(ended) = self.ended_on.filter(|_| self.started_on.is_some()) else {
            return Err(FieldError::new(
                "follow_up",
                "outcomes are recorded for a pair that started and has ended",
            ));
        };
        let due = follow_up_due(ended, follow_up);
        if day < due {
            return Err(FieldError::new(
                "recorded_on",
                format!("the {follow_up} follow-up is due on {due}, not before"),
            ));
        }
        if day > today {
            return Err(FieldError::new("recorded_on", "is in the future"));
        }
        Ok(())
    }
}

fn describe(event: &PairEvent) -> &'static str {
    match event {
        PairEvent::Accept { .. } => "accepted",
        PairEvent::Start { .. } => "started",
        PairEvent::Complete { .. } => "completed",
        PairEvent::EndEarly { .. } => "ended early",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingFields {
    pub held_on: Date,
    pub minutes: i64,
    pub note: String,
}

/// Longer than any meeting; a larger number is a typing mistake.
pub const MAX_MEETING_MINUTES: i64 = 12 * 60;

impl MeetingFields {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !(1..=MAX_MEETING_MINUTES).contains(&self.minutes) {
            errors.push(FieldError::new(
                "minutes",
                format!(
                    "is {}; a meeting lasts 1 to {MAX_MEETING_MINUTES} minutes",
                    self.minutes
                ),
            ));
        }
        errors.extend(check("note", &self.note, limits::TEXT).err());
        errors
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    pub id: i64,
    pub pair_id: i64,
    pub fields: MeetingFields,
}

code_enum!(
    /// The coordinator's two talks with a pair.
    CheckInKind, "kind" {
        Midway = "midway",
        Final = "final",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInFields {
    pub kind: CheckInKind,
    pub held_on: Date,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckIn {
    pub pair_id: i64,
    pub fields: CheckInFields,
}

code_enum!(
    /// When a mentee's situation is recorded: when the pair ends, and 6 and 12 months later.
    FollowUp, "follow_up" {
        AtEnd = "end",
        SixMonths = "6-months",
        TwelveMonths = "12-months",
    }
);

impl FollowUp {
    pub fn months(self) -> u8 {
        match self {
            FollowUp::AtEnd => 0,
            FollowUp::SixMonths => 6,
            FollowUp::TwelveMonths => 12,
        }
    }
}

/// The day a follow-up is due for a pair that ended on `ended` (the last day of the month
/// when the month is shorter, so 31 August + 6 months is 28 or 29 February).
pub fn follow_up_due(ended: Date, follow_up: FollowUp) -> Date {
    crate::period::add_months(ended, u32::from(follow_up.months()))
}

/// The mentee's situation at a follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeFields {
    pub follow_up: FollowUp,
    pub recorded_on: Date,
    pub in_work: bool,
    pub in_education: bool,
    pub qualifications_approved: bool,
    /// None when not assessed.
    pub norwegian_level: Option<Level>,
    pub in_region: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub pair_id: i64,
    pub fields: OutcomeFields,
}

/// Everything recorded about one pair.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct PairLog {
    pub meetings: Vec<Meeting>,
    pub check_ins: Vec<CheckIn>,
    pub outcomes: Vec<Outcome>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const DAY: Date = date!(2024 - 03 - 01);

    fn accepted() -> PairState {
        let p = PairState::proposed();
        let p = p
            .apply(&PairEvent::Accept {
                side: Side::Mentee,
                on: DAY,
            })
            .unwrap();
        assert_eq!(p.status(), PairStatus::Proposed, "one yes is not enough");
        p.apply(&PairEvent::Accept {
            side: Side::Mentor,
            on: DAY,
        })
        .unwrap()
    }

    #[test]
    fn the_whole_life() {
        let p = accepted();
        assert_eq!(p.status(), PairStatus::Accepted);
        let p = p.apply(&PairEvent::Start { on: DAY }).unwrap();
        let p = p
            .apply(&PairEvent::Complete {
                on: date!(2024 - 09 - 01),
            })
            .unwrap();
        assert_eq!(p.status(), PairStatus::Completed);
        assert_eq!(p.ended_on, Some(date!(2024 - 09 - 01)));
    }

    #[test]
    fn illegal_moves_are_refused() {
        let proposed = PairState::proposed();
        let e = proposed.apply(&PairEvent::Start { on: DAY }).unwrap_err();
        assert_eq!(e.message, "a pair that is proposed cannot be started");
        let once = proposed
            .apply(&PairEvent::Accept {
                side: Side::Mentor,
                on: DAY,
            })
            .unwrap();
        assert_eq!(
            once.apply(&PairEvent::Accept {
                side: Side::Mentor,
                on: DAY
            })
            .unwrap_err()
            .field,
            "side"
        );
        let active = accepted().apply(&PairEvent::Start { on: DAY }).unwrap();
        assert!(active
            .apply(&PairEvent::Accept {
                side: Side::Mentee,
                on: DAY
            })
            .is_err());
        let done = active.apply(&PairEvent::Complete { on: DAY }).unwrap();
        assert!(done
            .apply(&PairEvent::EndEarly {
                on: DAY,
                reason: "x".into()
            })
            .is_err());
        assert!(accepted()
            .apply(&PairEvent::Start {
                on: date!(2024 - 02 - 01)
            })
            .is_err());
    }

    #[test]
    fn ending_early_needs_a_reason() {
        let e = PairState::proposed().apply(&PairEvent::EndEarly {
            on: DAY,
            reason: " ".into(),
        });
        assert_eq!(e.unwrap_err().field, "reason");
        let p = PairState::proposed()
            .apply(&PairEvent::EndEarly {
                on: DAY,
                reason: "flytta".into(),
            })
            .unwrap();
        assert_eq!(
            (p.status(), p.end_reason.as_str()),
            (PairStatus::EndedEarly, "flytta")
        );
    }

    #[test]
    fn transitions_table() {
        use PairStatus::*;
        let legal: Vec<_> = PairStatus::ALL
            .iter()
            .flat_map(|a| PairStatus::ALL.iter().map(move |b| (*a, *b)))
            .filter(|(a, b)| a.may_become(*b))
            .collect();
        assert_eq!(
            legal,
            [
                (Proposed, Accepted),
                (Proposed, EndedEarly),
                (Accepted, Active),
                (Accepted, EndedEarly),
                (Active, Completed),
                (Active, EndedEarly)
            ]
        );
    }

    #[test]
    fn follow_ups_fall_due_months_later() {
        assert_eq!(
            follow_up_due(date!(2024 - 08 - 31), FollowUp::SixMonths),
            date!(2025 - 02 - 28)
        );
        assert_eq!(
            follow_up_due(date!(2024 - 03 - 15), FollowUp::TwelveMonths),
            date!(2025 - 03 - 15)
        );
        assert_eq!(
            follow_up_due(date!(2024 - 03 - 15), FollowUp::AtEnd),
            date!(2024 - 03 - 15)
        );
    }

    #[test]
    fn meetings_fit_the_pair() {
        let p = accepted();
        assert!(
            p.check_meeting_day("held_on", DAY, DAY).is_err(),
            "not started"
        );
        let p = p.apply(&PairEvent::Start { on: DAY }).unwrap();
        assert!(p.check_meeting_day("held_on", DAY, DAY).is_ok());
        assert!(p
            .check_meeting_day("held_on", date!(2024 - 02 - 01), DAY)
            .is_err());
        assert!(
            p.check_meeting_day("held_on", date!(2024 - 03 - 02), DAY)
                .is_err(),
            "future"
        );
        let m = MeetingFields {
            held_on: DAY,
            minutes: 0,
            note: String::new(),
        };
        assert_eq!(m.validate()[0].field, "minutes");
    }

    #[test]
    fn follow_ups_wait_until_due() {
        let p = accepted().apply(&PairEvent::Start { on: DAY }).unwrap();
        let today = date!(2025 - 06 - 01);
        assert!(
            p.check_follow_up(FollowUp::AtEnd, DAY, today).is_err(),
            "still active"
        );
        let p = p
            .apply(&PairEvent::Complete {
                on: date!(2024 - 06 - 01),
            })
            .unwrap();
        assert!(p
            .check_follow_up(FollowUp::AtEnd, date!(2024 - 06 - 01), today)
            .is_ok());
        let e = p
            .check_follow_up(FollowUp::SixMonths, date!(2024 - 11 - 30), today)
            .unwrap_err();
        assert!(e.message.contains("2024-12-01"), "{e}");
        assert!(p
            .check_follow_up(FollowUp::TwelveMonths, date!(2025 - 06 - 01), today)
            .is_ok());
    }
}
