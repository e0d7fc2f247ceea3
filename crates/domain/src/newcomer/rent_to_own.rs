//! Rent-to-own ("leige for å eige"): the municipality buys a home, the household rents it
//! while saving, then buys it. One record per case; its phase follows from the dates.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::status::code_enum;
use crate::FieldError;

code_enum!(
    /// How far the household has come.
    RentPhase, "phase" {
        Selected = "selected",
        HomeBought = "home-bought",
        Renting = "renting",
        Purchased = "purchased",
        FollowedUp = "followed-up",
    }
);

/// The day each phase was reached; a later phase needs the earlier ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RentToOwnFields {
    pub selected_on: Date,
    /// The municipality bought the home.
    pub home_bought_on: Option<Date>,
    /// The household moved in and rents while saving.
    pub renting_from: Option<Date>,
    /// The household bought the home.
    pub purchased_on: Option<Date>,
    pub followed_up_on: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RentToOwn {
    pub case_id: i64,
    pub version: i64,
    pub fields: RentToOwnFields,
    pub phase: RentPhase,
    /// The year the household bought the home.
    pub purchase_year: Option<i32>,
}

impl RentToOwnFields {
    fn dates(&self) -> [(RentPhase, &'static str, Option<Date>); 5] {
        [
            (RentPhase::Selected, "selected_on", Some(self.selected_on)),
            (RentPhase::HomeBought, "home_bought_on", self.home_bought_on),
            (RentPhase::Renting, "renting_from", self.renting_from),
            (RentPhase::Purchased, "purchased_on", self.purchased_on),
            (RentPhase::FollowedUp, "followed_up_on", self.followed_up_on),
        ]
    }

    /// The last phase reached.
    pub fn phase(&self) -> RentPhase {
        self.dates()
            .iter()
            .rev()
            .find(|(_, _, d)| d.is_some())
            .map_or(RentPhase::Selected, |(p, _, _)| *p)
    }

    pub fn purchase_year(&self) -> Option<i32> {
        self.purchased_on.map(|d| d.year())
    }

    /// Phases come in order, each on or after the one before, none in the future.
    pub fn validate(&self, today: Date) -> Result<(), FieldError> {
        let mut previous: Option<(&'static str, Date)> = None;
        let mut gap: Option<&'static str> = None;
        for (_, field, day) in self.dates() {
            match day {
                None => gap = gap.or(Some(field)),
                Some(day) => {
                    if let Some(missing) = gap {
                        return Err(FieldError::new(
                            field,
                            format!("comes after {missing}, which is not given"),
                        ));
                    }
                    if day > today {
                        return Err(FieldError::new(field, "is in the future"));
                    }
                    if let Some((before, prev)) = previous {
                        if day < prev {
                            return Err(FieldError::new(
                                field,
                                format!("is before {before} ({prev})"),
                            ));
                        }
                    }
                    previous = Some((field, day));
                }
            }
        }
        Ok(())
    }

    pub fn stored(self, case_id: i64, version: i64) -> RentToOwn {
        RentToOwn {
            case_id,
            version,
            phase: self.phase(),
            purchase_year: self.purchase_year(),
            fields: self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn selected() -> RentToOwnFields {
        RentToOwnFields {
            selected_on: date!(2022 - 02 - 01),
            home_bought_on: None,
            renting_from: None,
            purchased_on: None,
            followed_up_on: None,
        }
    }

    #[test]
    fn the_phase_follows_the_dates() {
        let today = date!(2025 - 01 - 01);
        let f = selected();
        assert_eq!(f.phase(), RentPhase::Selected);
        let f = RentToOwnFields {
            home_bought_on: Some(date!(2022 - 05 - 01)),
            renting_from: Some(date!(2022 - 06 - 01)),
            purchased_on: Some(date!(2024 - 09 - 30)),
            ..f
        };
        assert!(f.validate(today).is_ok());
        assert_eq!(f.phase(), RentPhase::Purchased);
        assert_eq!(f.purchase_year(), Some(2024));
    }

    #[test]
    fn phases_come_in_order() {
        let today = date!(2025 - 01 - 01);
        let skipped = RentToOwnFields {
            renting_from: Some(date!(2022 - 06 - 01)),
            ..selected()
        };
        assert_eq!(skipped.validate(today).unwrap_err().field, "renting_from");
        let backwards = RentToOwnFields {
            home_bought_on: Some(date!(2022 - 01 - 01)),
            ..selected()
        };
        assert_eq!(
            backwards.validate(today).unwrap_err().field,
            "home_bought_on"
        );
        let future = RentToOwnFields {
            home_bought_on: Some(date!(2025 - 02 - 01)),
            ..selected()
        };
        assert!(future.validate(today).is_err());
    }
}
