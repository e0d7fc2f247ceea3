//! Sign-in and permission as every use case asks for them; the decision itself is
//! `domain::access`.

use domain::access::{Actor, Permission};

use crate::{AppError, Result};

/// The signed-in actor, or the error that asks to sign in.
pub(crate) fn signed_in(actor: Option<&Actor>) -> Result<&Actor> {
    actor.ok_or(AppError::Unauthenticated)
}

/// The signed-in actor, once they may do what `permission` allows. Pages that show a blank
/// form ask this before showing it, so they refuse exactly as the use case behind it would.
pub fn authorise<'a>(actor: Option<&'a Actor>, permission: Permission<'_>) -> Result<&'a Actor> {
    let actor = signed_in(actor)?;
    actor.require(permission)?;
    Ok(actor)
}
