//! A newcomer's case: the main person, the household and what they need.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::limits::{self, check, check_count, check_required, check_unique};
use crate::mentor::check_list;
use crate::status::code_enum;
use crate::FieldError;

code_enum!(
    /// Why the newcomer came.
    Category, "category" {
        Labour = "labour",
        Refugee = "refugee",
        Family = "family",
        Student = "student",
        Returning = "returning",
    }
);

code_enum!(
    /// What the household needs help with.
    Need, "needs" {
        Job = "job",
        PartnerJob = "partner-job",
        Housing = "housing",
        School = "school",
        Kindergarten = "kindergarten",
        NorwegianCourse = "norwegian-course",
        Leisure = "leisure",
    }
);

code_enum!(
    /// How a household member is related to the main person.
    Relation, "household" {
        Partner = "partner",
        Child = "child",
        Parent = "parent",
        Other = "other",
    }
);

/// Another member of the household: no name, only what school, kindergarten and the
/// partner's job search need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseholdMember {
    pub relation: Relation,
    pub birth_year: i32,
}

/// Most members a household may list besides the main person.
pub const MAX_HOUSEHOLD: usize = 20;
/// How far ahead an arrival may be registered, in days: the service often meets
/// labour migrants before they move.
pub const ARRIVAL_AHEAD_DAYS: i64 = 366;
/// Arrivals before this year are not the programme's.
pub const FIRST_ARRIVAL_YEAR: i32 = 2000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFields {
    pub name: String,
    /// Empty when not given.
    pub phone: String,
    pub email: String,
    /// A municipality code of Sogn, 4638–4644.
    pub municipality: String,
    pub arrival_date: Date,
    pub household: Vec<HouseholdMember>,
    pub languages: Vec<String>,
    pub category: Category,
    pub needs: Vec<Need>,
    /// The staff account that follows the case.
    pub contact_person: Option<i64>,
    /// The newcomer's own account, which may see, correct, export and erase the case.
    pub account_id: Option<i64>,
}

/// What the newcomer may correct themselves; the rest (municipality, arrival, category,
/// household) is the service's record, corrected through the contact person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnFields {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub languages: Vec<String>,
    pub needs: Vec<Need>,
}

impl OwnFields {
    /// The case with these corrections.
    pub fn apply(&self, to: &CaseFields) -> CaseFields {
        CaseFields {
            name: self.name.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            languages: self.languages.clone(),
            needs: self.needs.clone(),
            ..to.clone()
        }
    }
}

/// A stored case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Case {
    pub id: i64,
    pub version: i64,
    pub fields: CaseFields,
}

/// The names of the fields that differ, for the audit log, which never holds the values.
pub fn changed_fields(before: &CaseFields, after: &CaseFields) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut cmp = |name, differs: bool| {
        if differs {
            out.push(name);
        }
    };
    cmp("name", before.name != after.name);
    cmp("phone", before.phone != after.phone);
    cmp("email", before.email != after.email);
    cmp("municipality", before.municipality != after.municipality);
    cmp("arrival_date", before.arrival_date != after.arrival_date);
    cmp("household", before.household != after.household);
    cmp("languages", before.languages != after.languages);
    cmp("category", before.category != after.category);
    cmp("needs", before.needs != after.needs);
    cmp(
        "contact_person",
        before.contact_person != after.contact_person,
    );
    cmp("account_id", before.account_id != after.account_id);
    out
}

impl CaseFields {
    /// Every problem with the case, so a form can be fixed in one go. The municipality
    /// is checked against Sogn's by the app, which knows the areas.
    pub fn validate(&self, today: Date) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut push = |r: Result<(), FieldError>| errors.extend(r.err());
        push(check_required("name", &self.name, limits::TITLE));
        push(check("phone", &self.phone, 40));
        push(check_phone(&self.phone));
        push(check("email", &self.email, limits::TITLE));
        push(check_email(&self.email));
        push(check_required(
            "municipality",
            &self.municipality,
            limits::ID,
        ));
        if self.arrival_date.year() < FIRST_ARRIVAL_YEAR {
            push(Err(FieldError::new(
                "arrival_date",
                format!("is before {FIRST_ARRIVAL_YEAR}: check the year"),
            )));
        }
        if (self.arrival_date - today).whole_days() > ARRIVAL_AHEAD_DAYS {
            push(Err(FieldError::new(
                "arrival_date",
                "is more than a year ahead: register the case closer to the move",
            )));
        }
        push(
            check_list("languages", &self.languages)
                .and_then(|_| check_unique("languages", &self.languages)),
        );
        push(
            check_count("needs", self.needs.len(), limits::LIST)
                .and_then(|_| check_unique("needs", &self.needs)),
        );
        push(self.check_household(today));
        errors
    }

    fn check_household(&self, today: Date) -> Result<(), FieldError> {
        if self.household.len() > MAX_HOUSEHOLD {
            return Err(FieldError::new(
                "household",
                format!("at most {MAX_HOUSEHOLD} household members are allowed"),
            ));
        }
        for m in &self.household {
            if !(1900..=today.year()).contains(&m.birth_year) {
                return Err(FieldError::new(
                    "household",
                    format!("a birth year of {} is not possible", m.birth_year),
                ));
            }
        }
        if self
            .household
            .iter()
            .filter(|m| m.relation == Relation::Partner)
            .count()
            > 1
        {
            return Err(FieldError::new("household", "give at most one partner"));
        }
        Ok(())
    }
}

fn check_phone(phone: &str) -> Result<(), FieldError> {
    let ok = phone
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')'));
    if ok {
        Ok(())
    } else {
        Err(FieldError::new(
            "phone",
            "use digits, blanks and + only, like +47 912 34 567",
        ))
    }
}

fn check_email(email: &str) -> Result<(), FieldError> {
    if email.is_empty() {
        return Ok(());
    }
    let ok = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !email.contains(char::is_whitespace)
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(FieldError::new("email", "is not an e-mail address"))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use time::macros::date;

    pub(crate) fn case() -> CaseFields {
        CaseFields {
            name: "Amina Yusuf".into(),
            phone: "+47 912 34 567".into(),
            email: "amina@example.no".into(),
            municipality: "4643".into(),
            arrival_date: date!(2024 - 03 - 15),
            household: vec![
                HouseholdMember {
                    relation: Relation::Partner,
                    birth_year: 1988,
                },
                HouseholdMember {
                    relation: Relation::Child,
                    birth_year: 2019,
                },
            ],
            languages: vec!["somali".into(), "engelsk".into()],
            category: Category::Refugee,
            needs: vec![Need::Housing, Need::Kindergarten],
            contact_person: None,
            account_id: None,
        }
    }

    #[test]
    fn a_good_case_passes() {
        assert!(case().validate(date!(2024 - 04 - 01)).is_empty());
    }

    #[test]
    fn all_problems_are_named() {
        let c = CaseFields {
            name: " ".into(),
            phone: "call me".into(),
            email: "amina".into(),
            arrival_date: date!(2026 - 01 - 01),
            needs: vec![Need::Job, Need::Job],
            household: vec![HouseholdMember {
                relation: Relation::Child,
                birth_year: 2030,
            }],
            ..case()
        };
        let fields: Vec<_> = c
            .validate(date!(2024 - 04 - 01))
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "name",
                "phone",
                "email",
                "arrival_date",
                "needs",
                "household"
            ]
        );
    }

    #[test]
    fn own_corrections_touch_only_their_fields() {
        let c = case();
        let own = OwnFields {
            name: "Amina Y. Yusuf".into(),
            phone: String::new(),
            email: "a@b.no".into(),
            languages: vec![],
            needs: vec![Need::Job],
        };
        let after = own.apply(&c);
        assert_eq!(after.municipality, c.municipality);
        assert_eq!(
            changed_fields(&c, &after),
            ["name", "phone", "email", "languages", "needs"]
        );
    }

    #[test]
    fn codes_are_the_issues() {
        let codes: Vec<_> = Category::ALL.iter().map(|c| c.code()).collect();
        assert_eq!(
            codes,
            ["labour", "refugee", "family", "student", "returning"]
        );
    }
}
