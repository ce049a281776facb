//! Accounts and sessions: password hashing, bearer tokens, login throttling, and turning a
//! token into the `Actor` every authorization decision is made for.

pub mod client_address;
pub mod live_sessions;
pub mod password;
pub mod rate_limit;
pub mod session_use;
pub mod token;

use std::sync::Arc;

use crate::clock::Clock;
use crate::coalesce::Coalescer;
use crate::domain::{RoleGrant, User};
use crate::error::{AppError, AppResult};
use crate::policy::Actor;
use crate::store::Store;

/// Sessions by token hash, read for many requests at once (see `coalesce`), and noted as used
/// for the account's list of sessions ("last used"), written in batches (`session_use`).
#[derive(Clone)]
pub struct Sessions {
    reads: Coalescer<String, (User, Vec<RoleGrant>)>,
    pub used: Arc<session_use::SessionUse>,
}

impl Sessions {
    /// The session's user and grants, noting the use; `None` when it is not live.
    pub async fn load(&self, token_hash: String) -> AppResult<Option<(User, Vec<RoleGrant>)>> {
        let found = self.reads.load(token_hash.clone()).await?;
        if found.is_some() {
            self.used.touch(token_hash);
        }
        Ok(found)
    }
}

/// Reads of live sessions, at most this many at a time.
const SESSION_READS_IN_FLIGHT: usize = 2;

/// Sessions read from `store`, live when they have not expired by `clock`'s now.
pub fn sessions(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Sessions {
    Sessions {
        reads: Coalescer::start(SESSION_READS_IN_FLIGHT, move |token_hashes: Vec<String>| {
            let store = store.clone();
            let now = clock.now();
            async move { store.session_actors(&token_hashes, now).await }
        }),
        used: Arc::default(),
    }
}

/// Resolves a bearer token (the `Authorization` header value, or the token alone) to its
/// actor. Unknown, expired and logged-out tokens are all UNAUTHENTICATED.
pub async fn actor_for_token(sessions: &Sessions, header_value: &str) -> AppResult<Actor> {
    let token = token::from_authorization(header_value).ok_or(AppError::Unauthenticated)?;
    let (user, grants) = sessions
        .load(token::hash(token))
        .await?
        .ok_or(AppError::Unauthenticated)?;
    Ok(Actor { user, grants })
}
