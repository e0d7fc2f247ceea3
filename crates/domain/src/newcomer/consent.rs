//! Why the service may hold and use a newcomer's data, per purpose: the lawful basis,
//! and for consent the day and the version of the text agreed to. Withdrawing keeps the
//! record and marks it withdrawn, so the history of what was allowed when is kept.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::limits::{self, check_required};
use crate::status::code_enum;
use crate::FieldError;

code_enum!(
    /// What the data is used for.
    Purpose, "purpose" {
        // Following the case: contact, job, housing, welcome.
        CaseWork = "case-work",
        // Being contacted for the follow-ups after 3 to 60 months.
        FollowUps = "follow-ups",
        // Passing the contact on to clubs and volunteers.
        ClubsAndVolunteers = "clubs-and-volunteers",
        // Taking part in rent-to-own.
        RentToOwn = "rent-to-own",
    }
);

code_enum!(
    /// The lawful basis under GDPR article 6(1).
    LawfulBasis, "basis" {
        // (a) consent: may be withdrawn.
        Consent = "consent",
        // (b) a contract with the person, such as a rent-to-own lease.
        Contract = "contract",
        // (c) a legal obligation, such as settling refugees.
        LegalObligation = "legal-obligation",
        // (e) a task in the public interest.
        PublicTask = "public-task",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentFields {
    pub purpose: Purpose,
    pub basis: LawfulBasis,
    pub given_on: Date,
    /// The version of the consent or information text, like `2024-1`.
    pub text_version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsentRecord {
    pub id: i64,
    pub case_id: i64,
    pub fields: ConsentFields,
    /// None while it holds.
    pub withdrawn_on: Option<Date>,
}

impl ConsentRecord {
    pub fn holds(&self) -> bool {
        self.withdrawn_on.is_none()
    }

    /// Only consent is withdrawn; a contract or a legal basis is ended otherwise (or the
    /// person objects, or asks for erasure).
    pub fn check_withdrawal(&self, on: Date, today: Date) -> Result<(), FieldError> {
        if self.fields.basis != LawfulBasis::Consent {
            return Err(FieldError::new(
                "basis",
                format!(
                    "this purpose rests on {}, not consent; ask the service to stop, or for erasure",
                    self.fields.basis
                ),
            ));
        }
        if let Some(day) = self.withdrawn_on {
            return Err(FieldError::new(
                "withdrawn_on",
                format!("this consent was withdrawn on {day} already"),
            ));
        }
        if on < self.fields.given_on || on > today {
            return Err(FieldError::new(
                "withdrawn_on",
                "must lie between the day consent was given and today",
            ));
        }
        Ok(())
    }
}

impl ConsentFields {
    pub fn validate(&self, today: Date) -> Vec<FieldError> {
        let mut errors = Vec::new();
        errors.extend(check_required("text_version", &self.text_version, limits::ID).err());
        if self.given_on > today {
            errors.push(FieldError::new(
                "given_on",
                "is in the future: record consent once it is given",
            ));
        }
        errors
    }
}

/// Whether a purpose is allowed: the newest record for it holds.
pub fn allowed(records: &[ConsentRecord], purpose: Purpose) -> bool {
    records
        .iter()
        .filter(|r| r.fields.purpose == purpose)
        .max_by_key(|r| (r.fields.given_on, r.id))
        .is_some_and(ConsentRecord::holds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn record(id: i64, basis: LawfulBasis, withdrawn_on: Option<Date>) -> ConsentRecord {
        ConsentRecord {
            id,
            case_id: 1,
            fields: ConsentFields {
                purpose: Purpose::FollowUps,
                basis,
                given_on: date!(2024 - 01 - 10),
                text_version: "2024-1".into(),
            },
            withdrawn_on,
        }
    }

    #[test]
    fn only_consent_is_withdrawn_and_only_once() {
        let today = date!(2024 - 06 - 01);
        assert!(record(1, LawfulBasis::Consent, None)
            .check_withdrawal(date!(2024 - 05 - 01), today)
            .is_ok());
        assert!(record(1, LawfulBasis::PublicTask, None)
            .check_withdrawal(date!(2024 - 05 - 01), today)
            .is_err());
        assert!(record(1, LawfulBasis::Consent, Some(date!(2024 - 02 - 01)))
            .check_withdrawal(date!(2024 - 05 - 01), today)
            .is_err());
        assert!(record(1, LawfulBasis::Consent, None)
            .check_withdrawal(date!(2024 - 01 - 09), today)
            .is_err());
    }

    #[test]
    fn the_newest_record_decides() {
        let withdrawn = record(1, LawfulBasis::Consent, Some(date!(2024 - 02 - 01)));
        assert!(!allowed(
            std::slice::from_ref(&withdrawn),
            Purpose::FollowUps
        ));
        let mut again = record(2, LawfulBasis::Consent, None);
        again.fields.given_on = date!(2024 - 03 - 01);
        assert!(allowed(&[withdrawn, again], Purpose::FollowUps));
        assert!(!allowed(&[], Purpose::CaseWork));
    }

    #[test]
    fn a_consent_needs_its_text_version() {
        let mut f = record(1, LawfulBasis::Consent, None).fields;
        f.text_version = " ".into();
        f.given_on = date!(2025 - 01 - 01);
        let fields: Vec<_> = f
            .validate(date!(2024 - 06 - 01))
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["text_version", "given_on"]);
    }
}
