//! Words for codes. Every code of a closed list has one message in the Fluent
//! files, `{list}-{code}` (`status-delayed`, `role-project-leader`), and every
//! indicator of the catalogue `indicator-{id}` and `indicator-{id}-definition`,
//! so a new code needs a text, not a new match arm; the tests below fail on
//! one that has none.

use domain::access::Role;
use domain::indicators::{Indicator, Nature, Unit};
use domain::mentor::{CheckInKind, FollowUp, Level, PairStatus, Side};
use domain::newcomer::{
    Category, FollowUpAt, LawfulBasis, Need, Purpose, Relation, RentPhase, Residence, StepKind,
};
use domain::status::{Light, Status};
use i18n::Lang;

/// Translates a message id; the one spelling the id test looks for.
pub fn tr(lang: Lang, id: &str) -> String {
    i18n::t(lang, id)
}

/// A closed list of codes whose words are the messages `{LIST}-{code}`.
pub trait Labelled: Copy + 'static {
    /// The list's name, the first part of each message id.
    const LIST: &'static str;
    fn all() -> &'static [Self];
    fn code(self) -> &'static str;
}

/// The message id of one code of a list.
pub fn key(list: &str, code: &str) -> String {
    format!("{list}-{}", code.replace('_', "-"))
}

/// A code in words.
pub fn label<T: Labelled>(lang: Lang, value: T) -> String {
    tr(lang, &key(T::LIST, value.code()))
}

/// A code of an open list (one the database keeps as text) in words; a code
/// this build has no words for stays as it is.
pub fn label_or_code(lang: Lang, list: &str, code: &str) -> String {
    let id = key(list, code);
    if i18n::has(&id) {
        tr(lang, &id)
    } else {
        code.to_string()
    }
}

/// The choices of a closed list for a form: each code with its words.
pub fn choices<T: Labelled>(lang: Lang) -> Vec<(String, String)> {
    T::all()
        .iter()
        .map(|v| (v.code().to_string(), label(lang, *v)))
        .collect()
}

macro_rules! labelled {
    ($($ty:ty => $list:literal),+ $(,)?) => {
        $(impl Labelled for $ty {
            const LIST: &'static str = $list;
            fn all() -> &'static [Self] {
                <$ty>::ALL
            }
            fn code(self) -> &'static str {
                <$ty>::code(self)
            }
        })+

        /// Every message id of every closed list, for the tests.
        #[cfg(test)]
        fn every_key() -> Vec<String> {
            let mut keys = vec![];
            $(keys.extend(<$ty>::ALL.iter().map(|v| key($list, v.code())));)+
            keys
        }
    };
}

// Both kinds of follow-up share the list: a code means the same in either.
labelled!(
    Status => "status",
    Light => "light",
    Role => "role",
    Side => "mentor-side",
    PairStatus => "pair-status",
    Level => "level",
    FollowUp => "follow-up",
    CheckInKind => "check-in",
    Category => "category",
    Need => "need",
    Relation => "relation",
    StepKind => "step",
    FollowUpAt => "follow-up",
    Residence => "residence",
    Purpose => "purpose",
    LawfulBasis => "basis",
    RentPhase => "phase",
    Unit => "unit",
    Nature => "nature",
);

/// A status in words, "not reported" for none.
pub fn status(lang: Lang, status: Option<Status>) -> String {
    match status {
        Some(s) => label(lang, s),
        None => tr(lang, "status-none"),
    }
}

/// An audit operation in words; codes this build does not know stay as they are.
pub fn operation(lang: Lang, operation: &str) -> String {
    label_or_code(lang, "op", operation)
}

/// An audited entity in words; any part of the mentor programme without words
/// of its own is named as the programme.
pub fn entity(lang: Lang, entity: &str) -> String {
    if entity.starts_with("mentoring_") && !i18n::has(&key("entity", entity)) {
        return tr(lang, "entity-mentoring");
    }
    label_or_code(lang, "entity", entity)
}

/// A month (1–12) by name; another number stays a number.
pub fn month_name(lang: Lang, month: u8) -> String {
    label_or_code(lang, "month", &month.to_string())
}

/// A month's short name ("jan."), as the timeline's axis shows it.
pub fn month_short(lang: Lang, month: u8) -> String {
    label_or_code(lang, "month-short", &month.to_string())
}

/// An indicator's name, translated by id; an id this build does not know
/// stays as it is.
pub fn indicator_name(lang: Lang, ind: &Indicator) -> String {
    label_or_code(lang, "indicator", ind.id)
}

/// What an indicator counts and where from; empty for an unknown id.
pub fn indicator_definition(lang: Lang, ind: &Indicator) -> String {
    let id = format!("{}-definition", key("indicator", ind.id));
    if i18n::has(&id) {
        tr(lang, &id)
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn missing_from_some_language(ids: impl IntoIterator<Item = String>) -> Vec<String> {
        ids.into_iter().filter(|id| !i18n::has(id)).collect()
    }

    #[test]
    fn every_code_of_every_list_has_words_in_every_language() {
        let keys = every_key();
        assert!(keys.len() > 60, "only {} codes", keys.len());
        assert_eq!(missing_from_some_language(keys), Vec::<String>::new());
    }

    #[test]
    fn every_indicator_has_a_name_and_a_definition_in_every_language() {
        let ids = domain::catalogue::INDICATORS.iter().flat_map(|i| {
            let name = key("indicator", i.id);
            [format!("{name}-definition"), name]
        });
        assert_eq!(missing_from_some_language(ids), Vec::<String>::new());
    }

    #[test]
    fn the_months_have_names() {
        let ids = (1..=12).flat_map(|m| {
            [
                key("month", &m.to_string()),
                key("month-short", &m.to_string()),
            ]
        });
        assert_eq!(missing_from_some_language(ids), Vec::<String>::new());
        assert_eq!(month_name(Lang::Nn, 13), "13");
    }

    #[test]
    fn words_as_before() {
        assert_eq!(status(Lang::Nn, None), "ikkje rapportert");
        assert_eq!(status(Lang::Nn, Some(Status::Delayed)), "forseinka");
        assert_eq!(label(Lang::Nn, Light::Red), "raud");
        assert_eq!(label(Lang::En, Role::ProjectLeader), "project leader");
        assert_eq!(label(Lang::Nn, Level::B2), "B2");
        assert_eq!(operation(Lang::Nn, "rename"), "rename");
        assert_eq!(operation(Lang::Nn, "set-password"), "nytt passord");
        assert_eq!(entity(Lang::Nn, "municipality_contact"), "kontaktperson");
        assert_eq!(entity(Lang::Nn, "mentoring_meeting"), "mentorprogrammet");
        assert_eq!(entity(Lang::Nn, "mentoring_pair"), "mentorpar");
        assert_eq!(entity(Lang::Nn, "thing"), "thing");
    }
}
