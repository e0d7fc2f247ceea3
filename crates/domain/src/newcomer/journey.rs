//! A case's steps (first contact, job, housing, welcome meeting, clubs and volunteers)
//! and its follow-ups 3, 12, 24 and 60 months after arrival, which answer "do they stay?".

use serde::{Deserialize, Serialize};
use time::Date;

use crate::period::add_months;
use crate::status::code_enum;
use crate::FieldError;

code_enum!(
    /// A step on the way in, in the order they usually come.
    StepKind, "kind" {
        FirstContact = "first-contact",
        Job = "job",
        Housing = "housing",
        WelcomeMeeting = "welcome-meeting",
        ClubsAndVolunteers = "clubs-and-volunteers",
    }
);

/// How long before arrival a step may be taken, in months: first contact and a job
/// often come before the move.
pub const STEP_BEFORE_ARRIVAL_MONTHS: u32 = 24;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepFields {
    pub kind: StepKind,
    pub done_on: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub case_id: i64,
    pub fields: StepFields,
}

impl StepFields {
    pub fn validate(&self, arrival: Date, today: Date) -> Result<(), FieldError> {
        if self.done_on > today {
            return Err(FieldError::new(
                "done_on",
                "is in the future: record what has happened",
            ));
        }
        if add_months(self.done_on, STEP_BEFORE_ARRIVAL_MONTHS) < arrival {
            return Err(FieldError::new(
                "done_on",
                format!(
                    "is more than {STEP_BEFORE_ARRIVAL_MONTHS} months before the arrival on {arrival}"
                ),
            ));
        }
        Ok(())
    }
}

code_enum!(
    /// Which follow-up, counted in months after arrival.
    FollowUpAt, "at" {
        Months3 = "3-months",
        Months12 = "12-months",
        Months24 = "24-months",
        Months60 = "60-months",
    }
);

impl FollowUpAt {
    pub fn months(self) -> u32 {
        match self {
            FollowUpAt::Months3 => 3,
            FollowUpAt::Months12 => 12,
            FollowUpAt::Months24 => 24,
            FollowUpAt::Months60 => 60,
        }
    }

    /// The day the follow-up falls due.
    pub fn due(self, arrival: Date) -> Date {
        add_months(arrival, self.months())
    }
}

code_enum!(
    /// Where the newcomer lives at a follow-up.
    Residence, "residence" {
        InMunicipality = "in-municipality",
        MovedWithinRegion = "moved-within-region",
        MovedAway = "moved-away",
        Unknown = "unknown",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpFields {
    pub at: FollowUpAt,
    pub recorded_on: Date,
    pub residence: Residence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUp {
    pub case_id: i64,
    pub fields: FollowUpFields,
}

impl FollowUpFields {
    /// A follow-up is recorded once due (never before the arrival it counts from) and
    /// not in the future.
    pub fn validate(&self, arrival: Date, today: Date) -> Result<(), FieldError> {
        let due = self.at.due(arrival);
        if self.recorded_on < due {
            return Err(FieldError::new(
                "recorded_on",
                format!(
                    "the {} follow-up is due on {due}, {} months after the arrival; not before",
                    self.at,
                    self.at.months()
                ),
            ));
        }
        if self.recorded_on > today {
            return Err(FieldError::new("recorded_on", "is in the future"));
        }
        Ok(())
    }
}

/// The follow-ups that are due by `today` and not recorded, with their due days. None
/// after a follow-up found the household moved away: there is no one left to follow.
pub fn due_follow_ups(
    arrival: Date,
    recorded: &[FollowUpFields],
    today: Date,
) -> Vec<(FollowUpAt, Date)> {
    let mut out = Vec::new();
    for at in FollowUpAt::ALL {
        if let Some(r) = recorded.iter().find(|r| r.at == *at) {
            if r.residence == Residence::MovedAway {
                break;
            }
            continue;
        }
        let due = at.due(arrival);
        if due <= today {
            out.push((*at, due));
        }
    }
    out
}

/// The day a case is to be erased: `retention_months` after its last follow-up. The last
/// follow-up is the first one that found the household moved away, else the 60-month one,
/// on the day it was recorded, or on the day it fell due when it was not (a follow-up
/// that is never recorded must not keep the person forever).
pub fn retention_ends(arrival: Date, recorded: &[FollowUpFields], retention_months: u32) -> Date {
    let mut sorted: Vec<&FollowUpFields> = recorded.iter().collect();
    sorted.sort_by_key(|r| r.at.months());
    let last = match sorted.iter().find(|r| r.residence == Residence::MovedAway) {
        Some(moved) => moved.recorded_on,
        None => {
            let due = FollowUpAt::Months60.due(arrival);
            sorted
                .iter()
                .find(|r| r.at == FollowUpAt::Months60)
                .map_or(due, |r| r.recorded_on.max(due))
        }
    };
    add_months(last, retention_months)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn at(at: FollowUpAt, recorded_on: Date, residence: Residence) -> FollowUpFields {
        FollowUpFields {
            at,
            recorded_on,
            residence,
        }
    }

    #[test]
    fn follow_ups_fall_due_months_after_arrival() {
        let arrival = date!(2023 - 11 - 30);
        assert_eq!(FollowUpAt::Months3.due(arrival), date!(2024 - 02 - 29));
        assert_eq!(FollowUpAt::Months12.due(arrival), date!(2024 - 11 - 30));
        assert_eq!(FollowUpAt::Months60.due(arrival), date!(2028 - 11 - 30));
    }

    #[test]
    fn a_follow_up_is_not_recorded_before_it_is_due() {
        let arrival = date!(2024 - 01 - 10);
        let today = date!(2025 - 06 - 01);
        let early = at(
            FollowUpAt::Months3,
            date!(2024 - 01 - 01),
            Residence::Unknown,
        );
        assert_eq!(
            early.validate(arrival, today).unwrap_err().field,
            "recorded_on"
        );
        let early = at(
            FollowUpAt::Months12,
            date!(2025 - 01 - 09),
            Residence::Unknown,
        );
        assert!(early.validate(arrival, today).is_err());
        let ok = at(
            FollowUpAt::Months12,
            date!(2025 - 01 - 10),
            Residence::InMunicipality,
        );
        assert!(ok.validate(arrival, today).is_ok());
        let future = at(
            FollowUpAt::Months12,
            date!(2025 - 07 - 01),
            Residence::InMunicipality,
        );
        assert!(future.validate(arrival, today).is_err());
    }

    #[test]
    fn steps_are_dated_around_the_arrival() {
        let arrival = date!(2024 - 06 - 01);
        let step = |d| StepFields {
            kind: StepKind::Job,
            done_on: d,
        };
        assert!(step(date!(2024 - 01 - 01))
            .validate(arrival, date!(2024 - 07 - 01))
            .is_ok());
        assert!(step(date!(2022 - 05 - 31))
            .validate(arrival, date!(2024 - 07 - 01))
            .is_err());
        assert!(step(date!(2024 - 07 - 02))
            .validate(arrival, date!(2024 - 07 - 01))
            .is_err());
    }

    #[test]
    fn due_follow_ups_stop_once_moved_away() {
        let arrival = date!(2020 - 01 - 01);
        let today = date!(2023 - 01 - 01);
        assert_eq!(
            due_follow_ups(arrival, &[], today),
            [
                (FollowUpAt::Months3, date!(2020 - 04 - 01)),
                (FollowUpAt::Months12, date!(2021 - 01 - 01)),
                (FollowUpAt::Months24, date!(2022 - 01 - 01))
            ]
        );
        let recorded = [at(
            FollowUpAt::Months3,
            date!(2020 - 04 - 02),
            Residence::MovedAway,
        )];
        assert!(due_follow_ups(arrival, &recorded, today).is_empty());
    }

    #[test]
    fn retention_counts_from_the_last_follow_up() {
        let arrival = date!(2020 - 01 - 15);
        assert_eq!(retention_ends(arrival, &[], 12), date!(2026 - 01 - 15));
        let late = [at(
            FollowUpAt::Months60,
            date!(2025 - 03 - 01),
            Residence::InMunicipality,
        )];
        assert_eq!(retention_ends(arrival, &late, 12), date!(2026 - 03 - 01));
        let moved = [
            at(
                FollowUpAt::Months3,
                date!(2020 - 04 - 20),
                Residence::InMunicipality,
            ),
            at(
                FollowUpAt::Months12,
                date!(2021 - 02 - 01),
                Residence::MovedAway,
            ),
        ];
        assert_eq!(retention_ends(arrival, &moved, 12), date!(2022 - 02 - 01));
    }
}
