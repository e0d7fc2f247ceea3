//! What the mentor programme's forms and JSON send, and the checks that turn it into the
//! domain's values. As in `crate::input`, every field is checked and all problems are
//! reported together.

use std::collections::BTreeMap;

use domain::limits::{self, LIST};
use domain::mentor::{
    CheckInFields, CohortFields, Consent, EvaluationFields, Language, Level, MatchingRules,
    MeetingFields, OutcomeFields, PairEvent, PairRuleKind, ProfileFields, SessionFields, Side,
};
use domain::FieldError;
use time::Date;

use crate::input::{check_counts, parse_date, required_version, Errors, Unread};
use crate::{Result, SOGN_MUNICIPALITIES};

#[derive(Debug, Clone, Default)]
pub struct LanguageInput {
    pub language: String,
    /// A1, A2, B1, B2, C1, C2 or native.
    pub level: String,
}

/// A mentor's or mentee's profile.
#[derive(Debug, Clone, Default)]
pub struct ProfileInput {
    /// `mentor` or `mentee`; cannot change once registered.
    pub side: String,
    pub name: String,
    /// A municipality code of Sogn, like 4640.
    pub municipality: String,
    pub languages: Vec<LanguageInput>,
    /// The mentor's occupation, or the one the mentee aims for.
    pub occupation: String,
    pub industry: String,
    pub goals: Vec<String>,
    pub interests: Vec<String>,
    pub availability: Vec<String>,
    /// Mentors only: how many mentees, 1 to 10.
    pub capacity: Option<i64>,
    /// YYYY-MM-DD; empty when no consent is recorded (the person is then never matched).
    pub consent_given_on: String,
    /// Which version of the consent text was agreed to, like `2024-1`.
    pub consent_text_version: String,
    /// The account that may see, correct and delete the profile.
    pub account_id: Option<i64>,
    /// Only when changing: the version that was read.
    pub version: Option<i64>,
    /// What a form's text gave that could not be read; never sent as JSON.
    pub unread: Unread,
}

impl LanguageInput {
    /// "norsk B1, engelsk C1" as a form's text field holds languages: each entry's last
    /// word is its level. An entry without one keeps an empty level, for `parse` to say
    /// what is missing.
    pub fn list_from_text(text: &str) -> Vec<LanguageInput> {
        text.split([',', ';'])
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(|e| match e.rsplit_once(char::is_whitespace) {
                Some((language, level)) => LanguageInput {
                    language: language.trim().to_string(),
                    level: level.to_string(),
                },
                None => LanguageInput {
                    language: e.to_string(),
                    level: String::new(),
                },
            })
            .collect()
    }
}

/// Trimmed, without empty entries: a form's empty rows are not interests.
pub(crate) fn list(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn level(field: &'static str, s: &str) -> std::result::Result<Level, FieldError> {
    s.trim()
        .to_lowercase()
        .parse::<Level>()
        .map_err(|e| FieldError { field, ..e })
}

/// A date a form may leave empty for today; what has not happened yet is refused.
pub(crate) fn past_date(
    field: &'static str,
    s: &str,
    today: Date,
) -> std::result::Result<Date, FieldError> {
    if s.trim().is_empty() {
        return Ok(today);
    }
    let d = parse_date(field, s)?;
    if d > today {
        return Err(FieldError::new(
            field,
            "is in the future: record what has happened",
        ));
    }
    Ok(d)
}

pub(crate) fn municipality(field: &'static str, code: &str) -> std::result::Result<(), FieldError> {
    if SOGN_MUNICIPALITIES.contains(&code.trim()) {
        Ok(())
    } else {
        Err(FieldError::new(
            field,
            format!(
                "`{}` is not a municipality of Sogn: use one of {}",
                code.chars().take(20).collect::<String>(),
                SOGN_MUNICIPALITIES.join(", ")
            ),
        ))
    }
}

impl ProfileInput {
    pub(crate) fn parse(&self, today: Date, updating: bool) -> Result<ProfileFields> {
        self.unread.check()?;
        check_counts(&[
            ("languages", self.languages.len(), LIST),
            ("goals", self.goals.len(), LIST),
            ("interests", self.interests.len(), LIST),
            ("availability", self.availability.len(), LIST),
        ])?;
        let mut errors = Errors::default();
        if updating {
            errors.check(required_version("version", self.version).map(|_| ()));
        }
        let side = self.side.trim().parse::<Side>();
        let mut languages = Vec::new();
        for l in &self.languages {
            match level("languages", &l.level) {
                Ok(level) => languages.push(Language {
                    language: l.language.trim().to_string(),
                    level,
                }),
                Err(e) => errors.0.push(e),
            }
        }
        if !self.municipality.trim().is_empty() {
            errors.check(municipality("municipality", &self.municipality));
        }
        let consent = match (
            self.consent_given_on.trim(),
            self.consent_text_version.trim(),
        ) {
            ("", "") => None,
            ("", _) => {
                errors.check(Err(FieldError::new(
                    "consent_given_on",
                    "give the day consent was given",
                )));
                None
            }
            (day, version) => match parse_date("consent_given_on", day) {
                Ok(given_on) => Some(Consent {
                    given_on,
                    text_version: version.to_string(),
                }),
                Err(e) => {
                    errors.0.push(e);
                    None
                }
            },
        };
        let side = match side {
            Ok(side) => side,
            Err(e) => {
                errors.0.push(e);
                return Err(crate::AppError::Invalid(errors.0));
            }
        };
        let fields = ProfileFields {
            side,
            name: self.name.trim().to_string(),
            municipality: self.municipality.trim().to_string(),
            languages,
            occupation: self.occupation.trim().to_string(),
            industry: self.industry.trim().to_string(),
            goals: list(&self.goals),
            interests: list(&self.interests),
            availability: list(&self.availability),
            capacity: self.capacity,
            consent,
            account_id: self.account_id,
        };
        errors.0.extend(fields.validate(today));
        errors.finish(fields)
    }
}

/// The matching rules.
#[derive(Debug, Clone, Default)]
pub struct RulesInput {
    /// The lowest level of a language both must share: A1 … C2 or native.
    pub min_level: String,
    /// Pairs of neighbouring municipality codes, like `[["4640", "4644"]]`.
    pub neighbours: Vec<Vec<String>>,
    /// Points per criterion: same_municipality, shared_language_above_minimum,
    /// same_occupation, same_industry, shared_interest, overlapping_availability.
    pub weights: BTreeMap<String, i64>,
    pub version: Option<i64>,
    /// What a form's text gave that could not be read; never sent as JSON.
    pub unread: Unread,
}

impl RulesInput {
    /// "4640-4644, 4641-4642" as a form's text field holds neighbours: each entry two
    /// codes; an entry of one is kept as one, for `parse` to say what is wrong.
    pub fn neighbours_from_text(text: &str) -> Vec<Vec<String>> {
        text.split([',', ';'])
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(|e| e.split(['-', '–']).map(|c| c.trim().to_string()).collect())
            .collect()
    }

    /// Checks the shape here and the weights with the engine (see `matching::engine_rules`).
    pub(crate) fn parse(&self) -> Result<(i64, MatchingRules)> {
        self.unread.check()?;
        check_counts(&[
            ("neighbours", self.neighbours.len(), LIST),
            ("weights", self.weights.len(), LIST),
        ])?;
        let mut errors = Errors::default();
        let version = required_version("version", self.version);
        let min_level = level("min_level", &self.min_level);
        let mut neighbours = Vec::new();
        for pair in &self.neighbours {
            match pair.as_slice() {
                [a, b] => {
                    errors.check(municipality("neighbours", a));
                    errors.check(municipality("neighbours", b));
                    neighbours.push((a.trim().to_string(), b.trim().to_string()));
                }
                _ => errors.check(Err(FieldError::new(
                    "neighbours",
                    "each entry is two municipality codes",
                ))),
            }
        }
        match (version, min_level) {
            (Ok(version), Ok(min_level)) => {
                let rules = MatchingRules {
                    min_level,
                    neighbours,
                    weights: self.weights.clone(),
                };
                errors.0.extend(rules.validate());
                if let Err(e) = super::matching::engine_rules(&rules) {
                    errors.0.push(e);
                }
                errors.finish((version, rules))
            }
            (v, l) => {
                errors.0.extend(v.err());
                errors.0.extend(l.err());
                Err(crate::AppError::Invalid(errors.0))
            }
        }
    }
}

/// Locks or excludes a pair for the matching, or lifts what was set.
#[derive(Debug, Clone, Default)]
pub struct PairRuleInput {
    pub mentor_id: i64,
    pub mentee_id: i64,
    /// `lock`, `exclude`, or empty to lift the rule.
    pub kind: String,
    /// What a form's text gave that could not be read; never sent as JSON.
    pub unread: Unread,
}

impl PairRuleInput {
    pub(crate) fn parse(&self) -> Result<Option<PairRuleKind>> {
        self.unread.check()?;
        match self.kind.trim() {
            "" => Ok(None),
            k => Ok(Some(k.parse()?)),
        }
    }
}

/// A step in a pair's life.
#[derive(Debug, Clone, Default)]
pub struct PairChangeInput {
    /// `accept`, `start`, `complete` or `end-early`.
    pub action: String,
    /// For `accept`: which side accepts, `mentor` or `mentee`.
    pub side: String,
    /// YYYY-MM-DD; today when left out.
    pub on: String,
    /// For `end-early`: why.
    pub reason: String,
    pub version: Option<i64>,
    /// What a form's text gave that could not be read; never sent as JSON.
    pub unread: Unread,
}

impl PairChangeInput {
    pub(crate) fn parse(&self, today: Date) -> Result<(i64, PairEvent)> {
        self.unread.check()?;
        let version = required_version("version", self.version);
        let on = past_date("on", &self.on, today);
        let event = match (self.action.trim(), on) {
            (_, Err(e)) => Err(e),
            ("accept", Ok(on)) => self
                .side
                .trim()
                .parse::<Side>()
                .map(|side| PairEvent::Accept { side, on }),
            ("start", Ok(on)) => Ok(PairEvent::Start { on }),
            ("complete", Ok(on)) => Ok(PairEvent::Complete { on }),
            ("end-early", Ok(on)) => Ok(PairEvent::EndEarly {
                on,
                reason: self.reason.clone(),
            }),
            (other, _) => Err(FieldError::new(
                "action",
                format!(
                    "`{}` is not one of: accept, start, complete, end-early",
                    other.chars().take(40).collect::<String>()
                ),
            )),
        };
        match (version, event) {
            (Ok(v), Ok(e)) => Ok((v, e)),
            (v, e) => Err(crate::AppError::Invalid(
                v.err().into_iter().chain(e.err()).collect(),
            )),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct MeetingInput {
    /// YYYY-MM-DD; today when left out.
    pub held_on: String,
    pub minutes: i64,
    pub note: String,
    /// What a form's text gave that could not be read; never sent as JSON.
    pub unread: Unread,
}

impl MeetingInput {
    pub(crate) fn parse(&self, today: Date) -> Result<MeetingFields> {
        self.unread.check()?;
        let mut errors = Errors::default();
        let held_on = past_date("held_on", &self.held_on, today);
        let fields = MeetingFields {
            held_on: held_on.clone().unwrap_or(today),
            minutes: self.minutes,
            note: self.note.trim().to_string(),
        };
        errors.0.extend(held_on.err());
        errors.0.extend(fields.validate());
        errors.finish(fields)
    }
}

#[derive(Debug, Clone, Default)]
pub struct CheckInInput {
    /// `midway` or `final`.
    pub kind: String,
    pub held_on: String,
    pub note: String,
}

impl CheckInInput {
    pub(crate) fn parse(&self, today: Date) -> Result<CheckInFields> {
        let mut errors = Errors::default();
        errors.check(limits::check("note", &self.note, limits::TEXT));
        match (
            self.kind.trim().parse(),
            past_date("held_on", &self.held_on, today),
        ) {
            (Ok(kind), Ok(held_on)) => errors.finish(CheckInFields {
                kind,
                held_on,
                note: self.note.trim().to_string(),
            }),
            (k, d) => {
                errors.0.extend(k.err());
                errors.0.extend(d.err());
                Err(crate::AppError::Invalid(errors.0))
            }
        }
    }
}

/// A mentee's situation at a follow-up. Unticked boxes are `false`.
#[derive(Debug, Clone, Default)]
pub struct OutcomeInput {
    /// `end`, `6-months` or `12-months`.
    pub follow_up: String,
    pub recorded_on: String,
    pub in_work: bool,
    pub in_education: bool,
    pub qualifications_approved: bool,
    /// A1 … C2 or native; empty when not assessed.
    pub norwegian_level: String,
    pub in_region: bool,
    /// What a form's text gave that could not be read; never sent as JSON.
    pub unread: Unread,
}

impl OutcomeInput {
    pub(crate) fn parse(&self, today: Date) -> Result<OutcomeFields> {
        self.unread.check()?;
        let follow_up = self.follow_up.trim().parse();
        let recorded_on = past_date("recorded_on", &self.recorded_on, today);
        let norwegian_level = match self.norwegian_level.trim() {
            "" => Ok(None),
            l => level("norwegian_level", l).map(Some),
        };
        match (follow_up, recorded_on, norwegian_level) {
            (Ok(follow_up), Ok(recorded_on), Ok(norwegian_level)) => Ok(OutcomeFields {
                follow_up,
                recorded_on,
                in_work: self.in_work,
                in_education: self.in_education,
                qualifications_approved: self.qualifications_approved,
                norwegian_level,
                in_region: self.in_region,
            }),
            (f, r, l) => Err(crate::AppError::Invalid(
                f.err().into_iter().chain(r.err()).chain(l.err()).collect(),
            )),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct CohortInput {
    pub employer: String,
    pub name: String,
    /// YYYY-MM-DD, or empty.
    pub starts_on: String,
    pub version: Option<i64>,
}

impl CohortInput {
    pub(crate) fn parse(&self, updating: bool) -> Result<CohortFields> {
        let mut errors = Errors::default();
        if updating {
            errors.check(required_version("version", self.version).map(|_| ()));
        }
        let starts_on = match self.starts_on.trim() {
            "" => None,
            d => parse_date("starts_on", d)
                .map_err(|e| errors.0.push(e))
                .ok(),
        };
        let fields = CohortFields {
            employer: self.employer.trim().to_string(),
            name: self.name.trim().to_string(),
            starts_on,
        };
        errors.0.extend(fields.validate());
        errors.finish(fields)
    }
}

#[derive(Debug, Clone, Default)]
pub struct CohortMentorInput {
    pub name: String,
}

#[derive(Debug, Clone, Default)]
pub struct SessionInput {
    pub held_on: String,
    pub theme: String,
}

impl SessionInput {
    /// A session may be planned ahead, so its day may be in the future.
    pub(crate) fn parse(&self, today: Date) -> Result<SessionFields> {
        let mut errors = Errors::default();
        let held_on = match self.held_on.trim() {
            "" => today,
            d => parse_date("held_on", d)
                .map_err(|e| errors.0.push(e))
                .unwrap_or(today),
        };
        let fields = SessionFields {
            held_on,
            theme: self.theme.trim().to_string(),
        };
        errors.0.extend(fields.validate());
        errors.finish(fields)
    }
}

#[derive(Debug, Clone, Default)]
pub struct EvaluationInput {
    /// The session judged; left out for the cohort as a whole.
    pub session_id: Option<i64>,
    pub text: String,
    /// 1 (poor) to 5 (very good).
    pub score: Option<i64>,
    /// What a form's text gave that could not be read; never sent as JSON.
    pub unread: Unread,
}

impl EvaluationInput {
    pub(crate) fn parse(&self) -> Result<EvaluationFields> {
        self.unread.check()?;
        let fields = EvaluationFields {
            session_id: self.session_id,
            text: self.text.trim().to_string(),
            score: self.score,
        };
        let errors = Errors(fields.validate());
        errors.finish(fields)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2024 - 05 - 01);

    #[test]
    fn profile_errors_come_together() {
        let input = ProfileInput {
            side: "mentor".into(),
            name: "".into(),
            municipality: "0301".into(),
            languages: vec![LanguageInput {
                language: "norsk".into(),
                level: "D1".into(),
            }],
            capacity: Some(0),
            consent_text_version: "v1".into(),
            ..Default::default()
        };
        let crate::AppError::Invalid(errors) = input.parse(TODAY, true).unwrap_err() else {
            panic!()
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "version",
                "languages",
                "municipality",
                "consent_given_on",
                "name",
                "capacity"
            ]
        );
    }

    #[test]
    fn neighbours_are_pairs_of_codes() {
        assert_eq!(
            RulesInput::neighbours_from_text("4640-4644, 4641 – 4642;4643"),
            [vec!["4640", "4644"], vec!["4641", "4642"], vec!["4643"]]
        );
        assert!(RulesInput::neighbours_from_text(" ").is_empty());
    }

    #[test]
    fn languages_take_their_last_word_as_level() {
        let l = LanguageInput::list_from_text("norsk B1, engelsk  C1; polsk, ");
        let got: Vec<_> = l
            .iter()
            .map(|l| (l.language.as_str(), l.level.as_str()))
            .collect();
        assert_eq!(got, [("norsk", "B1"), ("engelsk", "C1"), ("polsk", "")]);
        assert!(LanguageInput::list_from_text(" ").is_empty());
    }

    #[test]
    fn what_a_form_could_not_read_is_refused() {
        let mut unread = Unread::default();
        let minutes = unread.required_number("minutes", "", "give how long");
        let input = MeetingInput {
            minutes,
            unread,
            ..Default::default()
        };
        let crate::AppError::Invalid(e) = input.parse(TODAY).unwrap_err() else {
            panic!()
        };
        assert_eq!(
            (e[0].field, e[0].message.as_str()),
            ("minutes", "give how long")
        );
    }

    #[test]
    fn levels_are_read_without_case() {
        assert_eq!(level("l", " B2 ").unwrap(), Level::B2);
        assert_eq!(level("l", "Native").unwrap(), Level::Native);
        assert_eq!(level("l", "x").unwrap_err().field, "l");
    }

    #[test]
    fn pair_changes_name_what_is_wrong() {
        let input = PairChangeInput {
            action: "finish".into(),
            version: Some(1),
            ..Default::default()
        };
        let crate::AppError::Invalid(e) = input.parse(TODAY).unwrap_err() else {
            panic!()
        };
        assert_eq!(e[0].field, "action");
        let input = PairChangeInput {
            action: "start".into(),
            on: "2030-01-01".into(),
            ..Default::default()
        };
        let crate::AppError::Invalid(e) = input.parse(TODAY).unwrap_err() else {
            panic!()
        };
        assert_eq!(
            e.iter().map(|e| e.field).collect::<Vec<_>>(),
            ["version", "on"]
        );
    }

    #[test]
    fn rules_are_checked_by_the_engine_too() {
        let mut weights = BTreeMap::new();
        weights.insert("beauty".to_string(), 3);
        let input = RulesInput {
            unread: Default::default(),
            min_level: "b1".into(),
            neighbours: vec![vec!["4640".into()]],
            weights,
            version: Some(1),
        };
        let crate::AppError::Invalid(e) = input.parse().unwrap_err() else {
            panic!()
        };
        assert_eq!(
            e.iter().map(|e| e.field).collect::<Vec<_>>(),
            ["neighbours", "weights"]
        );
        let mut weights = BTreeMap::new();
        weights.insert("same_industry".to_string(), -1);
        let input = RulesInput {
            unread: Default::default(),
            min_level: "b1".into(),
            neighbours: vec![],
            weights,
            version: Some(1),
        };
        let crate::AppError::Invalid(e) = input.parse().unwrap_err() else {
            panic!()
        };
        assert!(e[0].message.contains("between 0 and"), "{}", e[0].message);
    }
}
