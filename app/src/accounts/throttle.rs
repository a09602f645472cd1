//! Sign-in and password-reset throttling, with `governor`'s GCRA limiters: slow a guesser down without giving
//! anyone a lever over somebody else's account.
//!
//! A sign-in attempt is counted, narrowest first, and refused at the first limit it meets (so a refused
//! attempt uses up nothing wider):
//!
//! | limit | burst, then | why |
//! | --- | --- | --- |
//! | the account from this client | 5, then one a minute | guessing one password from one place |
//! | this client, any account | 30, then one every 2 s | one place trying many accounts; a ward's shared computer still signs several people in |
//! | the account, from anywhere | 60, then one every 10 s | the backstop: many places guessing one password |
//! | every attempt on this server | 600, then 50 a second | the backstop: a flood across accounts |
//!
//! From a **recognised browser** (a device cookie from an earlier sign-in to the same account, see
//! `device.rs`) only the first limit applies, keyed by that browser: wrong guesses from anywhere else, however
//! many, cannot keep the person out of their own browser. A person on a new browser whom a flood has
//! throttled can also use a reset link, which is counted apart (`reset_request`) and signs them in.
//!
//! Reset requests have their own counts (the account from this client: 3, then one every 5 minutes; the
//! account from anywhere: 10, then one every 5 minutes), so asking for a reset never uses up sign-in attempts,
//! and the backstop only slows mail to one inbox.
//!
//! The limiters live in each app server's memory, keyed by the lower-cased email and the client address (or
//! the device cookie's tag), and forget keys once recovered (`forget_idle`). Behind several app servers each
//! counts on its own, so the limits are that many times looser.

use std::{num::NonZeroU32, time::Duration};

use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::{accounts::device::DeviceKey, error::AppError};

/// Where a sign-in attempt comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via<'a> {
    /// A client address, for a browser not recognised for this account.
    Client(&'a str),
    /// A browser recognised for this account by its device cookie (the cookie's value names it).
    RecognisedDevice(&'a str),
}

pub struct SignInThrottle {
    account_from_client: DefaultKeyedRateLimiter<(String, String)>,
    client: DefaultKeyedRateLimiter<String>,
    account: DefaultKeyedRateLimiter<String>,
    everyone: DefaultDirectRateLimiter,
    reset_from_client: DefaultKeyedRateLimiter<(String, String)>,
    reset_account: DefaultKeyedRateLimiter<String>,
    device_key: DeviceKey,
}

fn quota(burst: u32, every: Duration) -> Quota {
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(every).unwrap_or(Quota::per_second(NonZeroU32::MIN)).allow_burst(burst)
}

impl SignInThrottle {
    /// Limits as in the module's table; `device_key` checks and signs device cookies.
    pub fn new(device_key: DeviceKey) -> Self {
        Self {
            account_from_client: RateLimiter::keyed(quota(5, Duration::from_secs(60))),
            client: RateLimiter::keyed(quota(30, Duration::from_secs(2))),
            account: RateLimiter::keyed(quota(60, Duration::from_secs(10))),
            everyone: RateLimiter::direct(quota(600, Duration::from_millis(20))),
            reset_from_client: RateLimiter::keyed(quota(3, Duration::from_secs(300))),
            reset_account: RateLimiter::keyed(quota(10, Duration::from_secs(300))),
            device_key,
        }
    }

    /// The key that signs device cookies.
    pub fn device_key(&self) -> &DeviceKey {
        &self.device_key
    }

    /// Counts an attempt to sign in to `account` (the lower-cased email), refusing it when a limit is reached.
    pub fn attempt(&self, account: &str, via: Via<'_>) -> Result<(), AppError> {
        // The first limit reached, named for the log (never the account or the address).
        let refused_by = match via {
            Via::RecognisedDevice(device) => self
                .account_from_client
                .check_key(&(account.to_owned(), format!("device {device}")))
                .is_err()
                .then_some("this account from this recognised browser"),
            Via::Client(client) => {
                if self.account_from_client.check_key(&(account.to_owned(), format!("client {client}"))).is_err() {
                    Some("this account from this client")
                } else if self.client.check_key(&client.to_owned()).is_err() {
                    Some("this client")
                } else if self.account.check_key(&account.to_owned()).is_err() {
                    Some("this account from anywhere")
                } else if self.everyone.check().is_err() {
                    Some("every attempt")
                } else {
                    None
                }
            }
        };
        match refused_by {
            None => Ok(()),
            Some(limit) => {
                tracing::info!(limit, "sign-in attempt throttled");
                Err(AppError::TooManyAttempts)
            }
        }
    }

    /// Counts a request for a password reset link for `account` from `client`, apart from sign-in attempts.
    pub fn reset_request(&self, account: &str, client: &str) -> Result<(), AppError> {
        let allowed = self.reset_from_client.check_key(&(account.to_owned(), client.to_owned())).is_ok()
            && self.reset_account.check_key(&account.to_owned()).is_ok();
        if allowed {
            Ok(())
        } else {
            tracing::info!("password reset request throttled");
            Err(AppError::TooManyAttempts)
        }
    }

    /// Forgets keys whose limits have fully recovered, so memory stays bounded.
    pub fn forget_idle(&self) {
        self.account_from_client.retain_recent();
        self.client.retain_recent();
        self.account.retain_recent();
        self.reset_from_client.retain_recent();
        self.reset_account.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn throttle() -> SignInThrottle {
        SignInThrottle::new(DeviceKey::random())
    }

    #[test]
    fn an_account_is_throttled_from_one_client_after_five_attempts_and_not_from_another() {
        let throttle = throttle();
        for _ in 0..5 {
            assert!(throttle.attempt("sam@example.org", Via::Client("10.0.0.1")).is_ok());
        }
        assert_eq!(throttle.attempt("sam@example.org", Via::Client("10.0.0.1")), Err(AppError::TooManyAttempts));
        assert!(throttle.attempt("sam@example.org", Via::Client("10.0.0.2")).is_ok());
        assert!(throttle.attempt("alex@example.org", Via::Client("10.0.0.1")).is_ok());
    }

    #[test]
    fn guesses_from_many_clients_never_close_the_persons_recognised_browser() {
        let throttle = throttle();
        for n in 0..2_000 {
            let _ = throttle.attempt("sam@example.org", Via::Client(&format!("10.0.{}.{}", n / 250, n % 250)));
        }
        assert_eq!(
            throttle.attempt("sam@example.org", Via::Client("192.168.1.1")),
            Err(AppError::TooManyAttempts),
            "the backstop holds many places guessing one account"
        );
        assert!(throttle.attempt("sam@example.org", Via::RecognisedDevice("1890000000.tag")).is_ok());
    }

    #[test]
    fn asking_for_resets_uses_up_no_sign_in_attempts() {
        let throttle = throttle();
        for _ in 0..3 {
            assert!(throttle.reset_request("sam@example.org", "10.0.0.1").is_ok());
        }
        assert_eq!(throttle.reset_request("sam@example.org", "10.0.0.1"), Err(AppError::TooManyAttempts));
        for _ in 0..5 {
            assert!(throttle.attempt("sam@example.org", Via::Client("10.0.0.1")).is_ok());
        }
    }
}
