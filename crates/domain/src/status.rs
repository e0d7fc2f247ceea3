//! How far an action-plan item has come.

/// Declares a closed set of values with one lower-case code each, used in
/// URLs, forms, JSON and the database alike.
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident, $field:literal { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl ::std::convert::TryFrom<String> for $name {
            type Error = $crate::FieldError;
            fn try_from(s: String) -> Result<Self, $crate::FieldError> {
                s.parse()
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::FieldError;
            fn from_str(s: &str) -> Result<Self, $crate::FieldError> {
                match s {
                    $($code => Ok($name::$variant),)+
                    _ => Err($crate::FieldError::new($field, format!(
                        "`{}` is not one of: {}",
                        s.chars().take(40).collect::<String>(),
                        [$($code),+].join(", ")
                    ))),
                }
            }
        }
    };
}
pub(crate) use code_enum;

code_enum!(
    /// The state an item was reported in.
    Status, "status" {
        Planned = "planned",
        Ongoing = "ongoing",
        Done = "done",
        Delayed = "delayed",
        Cancelled = "cancelled",
    }
);

code_enum!(
    /// The traffic light a reporter gives: how worried the steering group should be.
    Light, "light" {
        Green = "green",
        Yellow = "yellow",
        Red = "red",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for s in Status::ALL {
            assert_eq!(s.code().parse::<Status>().unwrap(), *s);
        }
        for l in Light::ALL {
            assert_eq!(l.code().parse::<Light>().unwrap(), *l);
        }
    }

    #[test]
    fn unknown_status_names_the_choices() {
        let e = "finished".parse::<Status>().unwrap_err();
        assert_eq!(e.field, "status");
        assert!(e
            .message
            .contains("planned, ongoing, done, delayed, cancelled"));
    }
}
