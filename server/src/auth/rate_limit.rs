//! Login throttling (token buckets from `governor`), so guessing passwords is slow and argon2
//! cannot be used to exhaust the CPU, without handing an attacker a way to lock a parent out:
//!
//! - per client address: one address trying many accounts;
//! - per account and address: one address guessing one account (the tight limit);
//! - per account, slowly (per hour): the backstop against guessing one account from many
//!   addresses. Addresses the account has logged in from are exempt from it, so someone
//!   hammering a parent's account from elsewhere does not keep the parent out from home.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, NotUntil, Quota, RateLimiter};

use crate::error::{AppError, AppResult};

/// How long a successful login makes its address known to the account.
const KNOWN_FOR: Duration = Duration::from_secs(30 * 24 * 3600);
/// At most this many known (account, address) pairs are kept; past it, new pairs are not
/// remembered (those logins stay under the backstop) until old ones expire.
const MAX_KNOWN: usize = 200_000;
/// Refilled buckets and expired pairs are forgotten every this many attempts.
const CLEAN_EVERY: u64 = 4096;

/// The three limits, from configuration.
#[derive(Clone, Copy, Debug)]
pub struct LoginLimits {
    pub per_address_per_minute: u32,
    pub per_account_address_per_minute: u32,
    pub per_account_per_hour: u32,
}

#[derive(Clone)]
pub struct LoginLimiter {
    per_address: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    per_account_address: Arc<DefaultKeyedRateLimiter<(String, IpAddr)>>,
    per_account: Arc<DefaultKeyedRateLimiter<String>>,
    /// When each account last logged in from each address.
    known: Arc<Mutex<HashMap<(String, IpAddr), Instant>>>,
    attempts: Arc<AtomicU64>,
}

fn at_least_one(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n.max(1)).expect("at least one")
}

/// RATE_LIMITED with the wait, counted by the limit that refused (`by`).
fn refused(by: &'static str) -> impl Fn(NotUntil<<DefaultClock as Clock>::Instant>) -> AppError {
    move |not_until| {
        metrics::counter!(crate::metrics::LOGIN_THROTTLED, "by" => by).increment(1);
        let wait = not_until.wait_time_from(DefaultClock::default().now()).as_secs().max(1);
        AppError::RateLimited { retry_after_secs: wait }
    }
}

impl LoginLimiter {
    pub fn new(limits: LoginLimits) -> Self {
        LoginLimiter {
            per_address: Arc::new(RateLimiter::keyed(Quota::per_minute(at_least_one(
                limits.per_address_per_minute,
            )))),
            per_account_address: Arc::new(RateLimiter::keyed(Quota::per_minute(at_least_one(
                limits.per_account_address_per_minute,
            )))),
            per_account: Arc::new(RateLimiter::keyed(Quota::per_hour(at_least_one(
                limits.per_account_per_hour,
            )))),
            known: Arc::new(Mutex::new(HashMap::new())),
            attempts: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Counts one attempt; RATE_LIMITED with a retry delay when a bucket it draws on is empty.
    pub fn check(&self, account: &str, address: Option<IpAddr>) -> AppResult<()> {
        if self.attempts.fetch_add(1, Ordering::Relaxed) % CLEAN_EVERY == CLEAN_EVERY - 1 {
            self.forget_idle();
        }
        let address = address.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        self.per_address.check_key(&address).map_err(refused("address"))?;
        let pair = (account.to_owned(), address);
        self.per_account_address
            .check_key(&pair)
            .map_err(refused("account_and_address"))?;
        if !self.is_known(&pair) {
            self.per_account.check_key(&pair.0).map_err(refused("account"))?;
        }
        Ok(())
    }

    /// Remembers that `account` logged in from `address`: its later attempts from there are
    /// not held back by attempts from elsewhere.
    pub fn succeeded(&self, account: &str, address: Option<IpAddr>) {
        let address = address.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        let mut known = self.known.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let key = (account.to_owned(), address);
        if known.len() < MAX_KNOWN || known.contains_key(&key) {
            known.insert(key, Instant::now());
        }
    }

    fn is_known(&self, pair: &(String, IpAddr)) -> bool {
        let known = self.known.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        known.get(pair).is_some_and(|at| at.elapsed() < KNOWN_FOR)
    }

    /// Forgets buckets that have refilled and pairs that expired, so memory stays bounded.
    pub fn forget_idle(&self) {
        self.per_address.retain_recent();
        self.per_account_address.retain_recent();
        self.per_account.retain_recent();
        let mut known = self.known.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        known.retain(|_, at| at.elapsed() < KNOWN_FOR);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter() -> LoginLimiter {
        LoginLimiter::new(LoginLimits {
            per_address_per_minute: 1000,
            per_account_address_per_minute: 3,
            per_account_per_hour: 5,
        })
    }

    fn ip(last: u8) -> Option<IpAddr> {
        Some(IpAddr::V4(Ipv4Addr::new(203, 0, 113, last)))
    }

    #[test]
    fn one_address_guessing_one_account_is_held_back_and_others_are_not() {
        let limiter = limiter();
        for _ in 0..3 {
            assert!(limiter.check("hana@example.jp", ip(1)).is_ok());
        }
        assert!(matches!(
            limiter.check("hana@example.jp", ip(1)),
            Err(AppError::RateLimited { .. })
        ));
        assert!(limiter.check("hana@example.jp", ip(2)).is_ok());
        assert!(limiter.check("other@example.jp", ip(1)).is_ok());
    }

    #[test]
    fn the_backstop_stops_many_addresses_but_not_the_account_s_own() {
        let limiter = limiter();
        limiter.check("hana@example.jp", ip(200)).unwrap();
        limiter.succeeded("hana@example.jp", ip(200));
        let mut refused_at = None;
        for n in 1..=20 {
            if limiter.check("hana@example.jp", ip(n)).is_err() {
                refused_at = Some(n);
                break;
            }
        }
        // One token went to the parent's own first login, four to the attacker.
        assert_eq!(refused_at, Some(5));
        assert!(limiter.check("hana@example.jp", ip(200)).is_ok(), "home still gets in");
        assert!(
            limiter.check("hana@example.jp", ip(77)).is_err(),
            "a new address does not"
        );
    }
}
