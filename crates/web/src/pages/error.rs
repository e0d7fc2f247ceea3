//! What a page answers when the app says no: the error page in the visitor's language,
//! or the log-in page for a request that needs an account.

use app::AppError;
use axum::response::{IntoResponse, Redirect, Response};

use super::{encode, page};
use crate::context::Ctx;
use crate::problem::{classify, detail};

/// A page handler's answer: the page, or the error page.
pub type PageResult = Result<Response, PageError>;

/// The error page for a request, rendered when the error happened, while the request's
/// language and account are at hand.
pub struct PageError(Response);

impl PageError {
    /// A request that needs an account goes to the log-in page, which brings the user
    /// back to `back` afterwards.
    pub fn new(ctx: &Ctx, e: AppError, back: &str) -> PageError {
        if matches!(e, AppError::Unauthenticated) {
            return PageError(
                Redirect::to(&format!("/login?next={}", encode(back))).into_response(),
            );
        }
        let (status, english) = classify(&e);
        let key = format!("error-title-{}", status.as_u16());
        let title = i18n::t(ctx.lang, &key);
        // A status without its own message keeps the English title rather than an id.
        let title = if title == key {
            english.to_string()
        } else {
            title
        };
        PageError(page(
            status,
            render::error(&ctx.chrome(), status.as_u16(), &title, &detail(&e)),
        ))
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        self.0
    }
}

/// An app result on a page: its error becomes the error page that leads back to `back`.
pub trait OrPage<T> {
    fn or_page(self, ctx: &Ctx, back: &str) -> Result<T, PageError>;
}

impl<T, E: Into<AppError>> OrPage<T> for Result<T, E> {
    fn or_page(self, ctx: &Ctx, back: &str) -> Result<T, PageError> {
        self.map_err(|e| PageError::new(ctx, e.into(), back))
    }
}
