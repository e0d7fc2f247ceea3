//! The programme's output indicators, counted from pairs, meetings and follow-ups.
//! A follow-up that is due but not recorded is missing: it is neither in the
//! numerator nor the denominator, and it is counted so the reader can judge the share.

use std::collections::HashMap;

use serde::Serialize;
use time::Date;

use super::pair::{follow_up_due, FollowUp, Meeting, Outcome, Pair, PairStatus};

/// A share with its parts, so that 2 of 3 is never read as if it were 200 of 300.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Share {
    pub numerator: u32,
    /// Follow-ups recorded.
    pub denominator: u32,
    /// Follow-ups due but not recorded.
    pub missing: u32,
}

impl Share {
    /// None when nothing is recorded: an unknown share is not 0 %.
    pub fn value(&self) -> Option<f64> {
        (self.denominator > 0).then(|| f64::from(self.numerator) / f64::from(self.denominator))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct MentoringIndicators {
    /// Pairs that became active.
    pub pairs_started: u32,
    pub pairs_completed: u32,
    pub pairs_ended_early: u32,
    /// Meetings logged, held on or before `today`.
    pub meetings_held: u32,
    /// Mentees in work or education 6 months after their pair ended.
    pub in_work_or_education_6_months: Share,
    pub in_work_or_education_12_months: Share,
}

/// Counts the indicators as of `today`. A mentee who had more than one pair counts once
/// in the shares, with the pair that ended last.
pub fn compute_indicators(
    pairs: &[Pair],
    meetings: &[Meeting],
    outcomes: &[Outcome],
    today: Date,
) -> MentoringIndicators {
    let mut out = MentoringIndicators {
        meetings_held: meetings
            .iter()
            .filter(|m| m.fields.held_on <= today)
            .count() as u32,
        ..Default::default()
    };
    let mut last_ended: HashMap<i64, &Pair> = HashMap::new();
    for p in pairs.iter().filter(|p| p.state.started_on.is_some()) {
        out.pairs_started += 1;
        match p.status() {
            PairStatus::Completed => out.pairs_completed += 1,
            PairStatus::EndedEarly => out.pairs_ended_early += 1,
            _ => continue,
        }
        let slot = last_ended.entry(p.mentee_id).or_insert(p);
        if (p.state.ended_on, p.id) > (slot.state.ended_on, slot.id) {
            *slot = p;
        }
    }
    let recorded: HashMap<(i64, FollowUp), &Outcome> = outcomes
        .iter()
        .map(|o| ((o.pair_id, o.fields.follow_up), o))
        .collect();
    for (follow_up, share) in [
        (FollowUp::SixMonths, &mut out.in_work_or_education_6_months),
        (
            FollowUp::TwelveMonths,
            &mut out.in_work_or_education_12_months,
        ),
    ] {
        for p in last_ended.values() {
            let Some(ended) = p.state.ended_on else {
                continue;
            };
            match recorded.get(&(p.id, follow_up)) {
                Some(o) => {
                    share.denominator += 1;
                    if o.fields.in_work || o.fields.in_education {
                        share.numerator += 1;
                    }
                }
                None if follow_up_due(ended, follow_up) <= today => share.missing += 1,
                None => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentor::pair::{MeetingFields, OutcomeFields, PairEvent, PairState};
    use crate::mentor::profile::Side;
    use time::macros::date;

    fn pair(id: i64, mentee_id: i64, end: Option<(PairStatus, Date)>) -> Pair {
        let on = date!(2024 - 01 - 01);
        let mut s = PairState::proposed();
        for side in [Side::Mentor, Side::Mentee] {
            s = s.apply(&PairEvent::Accept { side, on }).unwrap();
        }
        s = s.apply(&PairEvent::Start { on }).unwrap();
        s = match end {
            Some((PairStatus::Completed, d)) => s.apply(&PairEvent::Complete { on: d }).unwrap(),
            Some((_, d)) => s
                .apply(&PairEvent::EndEarly {
                    on: d,
                    reason: "flytta".into(),
                })
                .unwrap(),
            None => s,
        };
        Pair {
            id,
            version: 1,
            mentor_id: 100,
            mentee_id,
            locked: false,
            score: 0,
            explanation: vec![],
            state: s,
        }
    }

    fn outcome(pair_id: i64, follow_up: FollowUp, in_work: bool) -> Outcome {
        Outcome {
            pair_id,
            fields: OutcomeFields {
                follow_up,
                recorded_on: date!(2025 - 01 - 01),
                in_work,
                in_education: false,
                qualifications_approved: false,
                norwegian_level: None,
                in_region: true,
            },
        }
    }

    #[test]
    fn missing_follow_ups_are_missing_not_zero() {
        let ended = date!(2024 - 06 - 01);
        let pairs = [
            pair(1, 1, Some((PairStatus::Completed, ended))),
            pair(2, 2, Some((PairStatus::Completed, ended))),
            pair(3, 3, Some((PairStatus::EndedEarly, ended))),
            pair(4, 4, None),
        ];
        let outcomes = [
            outcome(1, FollowUp::SixMonths, true),
            outcome(2, FollowUp::SixMonths, false),
        ];
        let meetings = [Meeting {
            id: 1,
            pair_id: 1,
            fields: MeetingFields {
                held_on: date!(2024 - 02 - 01),
                minutes: 60,
                note: String::new(),
            },
        }];
        let i = compute_indicators(&pairs, &meetings, &outcomes, date!(2025 - 01 - 15));
        assert_eq!(
            (
                i.pairs_started,
                i.pairs_completed,
                i.pairs_ended_early,
                i.meetings_held
            ),
            (4, 2, 1, 1)
        );
        assert_eq!(
            i.in_work_or_education_6_months,
            Share {
                numerator: 1,
                denominator: 2,
                missing: 1
            }
        );
        assert_eq!(i.in_work_or_education_6_months.value(), Some(0.5));
        assert_eq!(
            i.in_work_or_education_12_months,
            Share::default(),
            "not due yet"
        );
        assert_eq!(i.in_work_or_education_12_months.value(), None);
    }

    #[test]
    fn a_mentee_counts_once_with_the_last_pair() {
        let pairs = [
            pair(1, 7, Some((PairStatus::EndedEarly, date!(2024 - 02 - 01)))),
            pair(2, 7, Some((PairStatus::Completed, date!(2024 - 05 - 01)))),
        ];
        let outcomes = [
            outcome(1, FollowUp::SixMonths, false),
            outcome(2, FollowUp::SixMonths, true),
        ];
        let i = compute_indicators(&pairs, &[], &outcomes, date!(2025 - 01 - 01));
        assert_eq!(
            i.in_work_or_education_6_months,
            Share {
                numerator: 1,
                denominator: 1,
                missing: 0
            }
        );
    }
}
