//! Login throttling per account and per client address (token buckets from `governor`), so
//! guessing passwords is slow and argon2 cannot be used to exhaust the CPU.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::error::{AppError, AppResult};

#[derive(Clone)]
pub struct LoginLimiter {
    per_account: Arc<DefaultKeyedRateLimiter<String>>,
    per_address: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

impl LoginLimiter {
    /// Attempts allowed per minute for one account and for one client address.
    pub fn new(per_account_per_minute: u32, per_address_per_minute: u32) -> Self {
        let quota = |n: u32| Quota::per_minute(NonZeroU32::new(n.max(1)).expect("at least one"));
        LoginLimiter {
            per_account: Arc::new(RateLimiter::keyed(quota(per_account_per_minute))),
            per_address: Arc::new(RateLimiter::keyed(quota(per_address_per_minute))),
        }
    }

    /// Counts one attempt; RATE_LIMITED with a retry delay when either bucket is empty.
    pub fn check(&self, account: &str, address: Option<IpAddr>) -> AppResult<()> {
        let now = DefaultClock::default().now();
        if let Some(address) = address {
            if let Err(not_until) = self.per_address.check_key(&address) {
                let wait = not_until.wait_time_from(now).as_secs().max(1);
                metrics::counter!(crate::metrics::LOGIN_THROTTLED, "by" => "address").increment(1);
                return Err(AppError::RateLimited { retry_after_secs: wait });
            }
        }
        if let Err(not_until) = self.per_account.check_key(&account.to_owned()) {
            let wait = not_until.wait_time_from(now).as_secs().max(1);
            metrics::counter!(crate::metrics::LOGIN_THROTTLED, "by" => "account").increment(1);
            return Err(AppError::RateLimited { retry_after_secs: wait });
        }
        Ok(())
    }

    /// Forgets buckets that have refilled, so memory stays bounded. Called periodically.
    pub fn forget_idle(&self) {
        self.per_account.retain_recent();
        self.per_address.retain_recent();
    }
}
