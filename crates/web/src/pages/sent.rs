//! A form as it was sent: the typed value a handler reads, and the fields as typed, to
//! show the form again beside its errors.

use axum::extract::{Form, FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Form fields as sent, in order.
pub type Fields = Vec<(String, String)>;

/// The body of a form read as `T`, with the fields as they were sent.
///
/// Forms name their fields as `T` does; a name sent more than once (ticked boxes) is a
/// list, read into a `Vec<String>` field marked `deserialize_with = "many"`.
pub struct Sent<T> {
    pub form: T,
    pub values: Fields,
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Sent<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let Form(values) = Form::<Fields>::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let form = typed(&values).map_err(|e| {
            let text = format!("Failed to deserialize form body: {e}");
            (StatusCode::UNPROCESSABLE_ENTITY, text).into_response()
        })?;
        Ok(Sent { form, values })
    }
}

/// The fields as one object: a name sent once is a text, one sent more often a list.
fn typed<T: DeserializeOwned>(values: &Fields) -> serde_json::Result<T> {
    let mut object = serde_json::Map::new();
    for (name, value) in values {
        let value = Value::String(value.clone());
        match object.get_mut(name) {
            None => {
                object.insert(name.clone(), value);
            }
            Some(Value::Array(list)) => list.push(value),
            Some(first) => *first = Value::Array(vec![first.take(), value]),
        }
    }
    serde_json::from_value(Value::Object(object))
}

/// Every value of a field that may be sent more than once, in order.
pub fn many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(v) => vec![v],
        OneOrMany::Many(v) => v,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Default, Debug, PartialEq)]
    #[serde(default)]
    struct Ticked {
        name: String,
        #[serde(deserialize_with = "many")]
        needs: Vec<String>,
    }

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn names_sent_once_are_texts_and_more_often_lists() {
        let one: Ticked = typed(&fields(&[("name", "Ola"), ("needs", "job")])).unwrap();
        assert_eq!(
            (one.name.as_str(), one.needs.as_slice()),
            ("Ola", &["job".to_string()][..])
        );
        let two: Ticked = typed(&fields(&[
            ("needs", "job"),
            ("x", "1"),
            ("needs", "school"),
        ]))
        .unwrap();
        assert_eq!(two.needs, ["job", "school"]);
        assert_eq!(two.name, "");
        let none: Ticked = typed(&Fields::new()).unwrap();
        assert_eq!(none, Ticked::default());
    }
}
