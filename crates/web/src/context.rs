//! What a handler knows about the request beyond its body: the app, the
//! language, the signed-in account and where the request went.

use std::sync::Arc;

use app::{App, AppError};
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use domain::access::{Actor, Capabilities};
use i18n::Lang;

use crate::page_cache::RenderFor;
use crate::problem::{ApiError, Problem};
use crate::{cookies, AppState};

pub struct Ctx {
    pub app: Arc<App>,
    pub lang: Lang,
    pub actor: Option<Actor>,
    /// Path and query, for the language switch and log-in to come back to.
    pub here: String,
    /// The session token the request carried, if any.
    pub token: Option<String>,
}

pub(crate) fn session_token(headers: &HeaderMap) -> Option<String> {
    let bearer = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    bearer
        .or_else(|| cookies::get(headers, cookies::SESSION))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// The language the visitor chose, else nynorsk: the region writes nynorsk,
/// so the browser's language does not override it.
pub(crate) fn language(headers: &HeaderMap) -> Lang {
    cookies::get(headers, cookies::LANG)
        .and_then(|l| l.parse().ok())
        .unwrap_or_default()
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = session_token(&parts.headers);
        // A page cached for everyone with the reader's role is rendered for a
        // stand-in, never for the reader (see `page_cache`).
        let stand_in = parts.extensions.get::<RenderFor>().map(|r| r.0.clone());
        let actor = match (&token, stand_in) {
            (_, Some(stand_in)) => Some(stand_in),
            (Some(t), None) => state.app.actor(t).await.map_err(Problem::from)?,
            (None, None) => None,
        };
        Ok(Ctx {
            app: state.app.clone(),
            lang: language(&parts.headers),
            actor,
            here: parts
                .uri
                .path_and_query()
                .map_or_else(|| "/".to_string(), |p| p.to_string()),
            token,
        })
    }
}

impl Ctx {
    pub fn chrome(&self) -> render::Chrome<'_> {
        render::Chrome {
            lang: self.lang,
            user: self.actor.as_ref(),
            here: &self.here,
        }
    }

    /// What the page may offer whoever is looking.
    pub fn can(&self) -> Capabilities<'_> {
        Capabilities::of(self.actor.as_ref())
    }

    /// The signed-in account, or the error that asks to sign in.
    pub fn require(&self) -> Result<&Actor, AppError> {
        self.actor.as_ref().ok_or(AppError::Unauthenticated)
    }
}
