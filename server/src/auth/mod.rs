//! Accounts and sessions: password hashing, bearer tokens, login throttling, and turning a
//! token into the `Actor` every authorization decision is made for.

pub mod password;
pub mod rate_limit;
pub mod token;

use std::sync::Arc;

use crate::domain::Timestamp;
use crate::error::{AppError, AppResult};
use crate::policy::Actor;
use crate::store::Store;

/// Resolves a bearer token (the `Authorization` header value, or the token alone) to its
/// actor. Unknown, expired and logged-out tokens are all UNAUTHENTICATED.
pub async fn actor_for_token(store: &Arc<dyn Store>, header_value: &str) -> AppResult<Actor> {
    let token = token::from_authorization(header_value).ok_or(AppError::Unauthenticated)?;
    let (user, grants) = store
        .session_actor(&token::hash(token), Timestamp::now())
        .await?
        .ok_or(AppError::Unauthenticated)?;
    Ok(Actor { user, grants })
}
