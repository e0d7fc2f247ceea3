//! Mentor and mentee profiles: only what the matching needs, and the consent that
//! allows it to be used.

use serde::{Deserialize, Serialize};
use time::Date;

use super::{check_list, MAX_CAPACITY, MAX_LIST};
use crate::limits::{self, check, check_required};
use crate::status::code_enum;
use crate::FieldError;

code_enum!(
    /// Which side of a pair a profile is on.
    Side, "side" {
        Mentor = "mentor",
        Mentee = "mentee",
    }
);

code_enum!(
    /// A language level on the CEFR scale, then a native speaker above C2.
    Level, "level" {
        A1 = "a1",
        A2 = "a2",
        B1 = "b1",
        B2 = "b2",
        C1 = "c1",
        C2 = "c2",
        Native = "native",
    }
);

/// The consent a person gave to being registered and matched: when, and to which
/// version of the consent text, so a changed text can be asked for again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub given_on: Date,
    pub text_version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Language {
    pub language: String,
    pub level: Level,
}

/// What a profile holds. A mentor's `occupation` and `industry` are their own; a
/// mentee's are the ones they aim for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileFields {
    pub side: Side,
    pub name: String,
    /// A municipality code, like 4640.
    pub municipality: String,
    pub languages: Vec<Language>,
    pub occupation: String,
    pub industry: String,
    /// A mentee's goals; a mentor has none.
    pub goals: Vec<String>,
    pub interests: Vec<String>,
    pub availability: Vec<String>,
    /// How many mentees a mentor takes at a time; a mentee has none.
    pub capacity: Option<i64>,
    /// None until consent is recorded; without it the person is never matched.
    pub consent: Option<Consent>,
    /// The account that may see, correct and delete this profile.
    pub account_id: Option<i64>,
}

/// A stored profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile {
    pub id: i64,
    pub version: i64,
    pub fields: ProfileFields,
}

/// How names are compared to find a person registered twice: without case and with
/// blanks collapsed, so "Kari  Nordmann" and "kari nordmann" are the same person.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl ProfileFields {
    /// Every problem with the profile, so a form can be fixed in one go.
    pub fn validate(&self, today: Date) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut push = |r: Result<(), FieldError>| errors.extend(r.err());
        push(check_required("name", &self.name, limits::TITLE));
        push(check_required(
            "municipality",
            &self.municipality,
            limits::ID,
        ));
        push(check("occupation", &self.occupation, limits::TITLE));
        push(check("industry", &self.industry, limits::TITLE));
        push(check_list("goals", &self.goals));
        push(check_list("interests", &self.interests));
        push(check_list("availability", &self.availability));
        push(self.check_languages());
        push(self.check_side());
        if let Some(c) = &self.consent {
            push(check_required(
                "consent_text_version",
                &c.text_version,
                limits::ID,
            ));
            if c.given_on > today {
                push(Err(FieldError::new(
                    "consent_given_on",
                    "is in the future: record consent once it is given",
                )));
            }
        }
        errors
    }

    fn check_languages(&self) -> Result<(), FieldError> {
        if self.languages.len() > MAX_LIST {
            return Err(FieldError::new(
                "languages",
                format!("at most {MAX_LIST} languages are allowed"),
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for l in &self.languages {
            check_required("languages", &l.language, limits::TITLE)?;
            let key = name_key(&l.language);
            if seen.contains(&key) {
                return Err(FieldError::new(
                    "languages",
                    format!(
                        "`{}` is listed twice; give each language once, at its best level",
                        l.language.trim()
                    ),
                ));
            }
            seen.insert(key);
        }
        Ok(())
    }

    fn check_side(&self) -> Result<(), FieldError> {
        match (self.side, self.capacity) {
            (Side::Mentor, None) => Err(FieldError::new(
                "capacity",
                "a mentor needs a capacity: how many mentees they take",
            )),
            (Side::Mentor, Some(c)) if !(1..=MAX_CAPACITY).contains(&c) => Err(FieldError::new(
                "capacity",
                format!("is {c}; a mentor takes between 1 and {MAX_CAPACITY} mentees"),
            )),
            (Side::Mentor, _) if !self.goals.is_empty() => {
                Err(FieldError::new("goals", "only a mentee has goals"))
            }
            (Side::Mentee, Some(_)) => {
                Err(FieldError::new("capacity", "only a mentor has a capacity"))
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn mentor() -> ProfileFields {
        ProfileFields {
            side: Side::Mentor,
            name: "Kari Nordmann".into(),
            municipality: "4640".into(),
            languages: vec![Language {
                language: "norsk".into(),
                level: Level::Native,
            }],
            occupation: "elektrikar".into(),
            industry: "bygg".into(),
            goals: vec![],
            interests: vec!["fotball".into()],
            availability: vec!["tysdag kveld".into()],
            capacity: Some(2),
            consent: Some(Consent {
                given_on: date!(2024 - 01 - 10),
                text_version: "v1".into(),
            }),
            account_id: None,
        }
    }

    #[test]
    fn a_good_profile_passes() {
        assert!(mentor().validate(date!(2024 - 02 - 01)).is_empty());
    }

    #[test]
    fn all_problems_are_named() {
        let p = ProfileFields {
            name: " ".into(),
            capacity: Some(0),
            languages: vec![
                Language {
                    language: "Norsk".into(),
                    level: Level::B1,
                },
                Language {
                    language: "norsk ".into(),
                    level: Level::C1,
                },
            ],
            ..mentor()
        };
        let fields: Vec<_> = p
            .validate(date!(2024 - 01 - 01))
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            ["name", "languages", "capacity", "consent_given_on"]
        );
    }

    #[test]
    fn sides_have_their_own_fields() {
        let p = ProfileFields {
            side: Side::Mentee,
            ..mentor()
        };
        assert_eq!(p.validate(date!(2024 - 02 - 01))[0].field, "capacity");
        let p = ProfileFields {
            capacity: None,
            goals: vec!["jobb".into()],
            ..p
        };
        assert!(p.validate(date!(2024 - 02 - 01)).is_empty());
        let p = ProfileFields {
            side: Side::Mentor,
            capacity: Some(1),
            ..p
        };
        assert_eq!(p.validate(date!(2024 - 02 - 01))[0].field, "goals");
    }

    #[test]
    fn names_compare_without_case_or_extra_blanks() {
        assert_eq!(name_key("  Kari   Nordmann "), name_key("kari nordmann"));
    }

    #[test]
    fn levels_round_trip() {
        for l in Level::ALL {
            assert_eq!(l.code().parse::<Level>().unwrap(), *l);
        }
    }
}
