//! Sign-in throttling, per account and per client, with `governor`'s keyed GCRA limiters.
//!
//! Every attempt counts. An account allows a burst of 5 attempts and then one a minute; a client address a
//! burst of 30 and then one every 2 seconds, which still lets a ward's shared computer sign several people
//! in. The limiters live in the memory of each app server: with several servers behind a load balancer
//! each keeps its own count, so the effective limit is multiplied by the number of servers.

use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::error::AppError;

pub struct SignInThrottle {
    per_account: DefaultKeyedRateLimiter<String>,
    per_client: DefaultKeyedRateLimiter<String>,
}

const ACCOUNT_BURST: NonZeroU32 = NonZeroU32::new(5).expect("5 is not zero");
const CLIENT_BURST: NonZeroU32 = NonZeroU32::new(30).expect("30 is not zero");
const ONE: NonZeroU32 = NonZeroU32::MIN;

impl Default for SignInThrottle {
    fn default() -> Self {
        Self::new()
    }
}

impl SignInThrottle {
    pub fn new() -> Self {
        let per_minute = Quota::per_minute(ONE).allow_burst(ACCOUNT_BURST);
        let every_two_seconds = Quota::with_period(std::time::Duration::from_secs(2))
            .unwrap_or(Quota::per_second(ONE))
            .allow_burst(CLIENT_BURST);
        Self { per_account: RateLimiter::keyed(per_minute), per_client: RateLimiter::keyed(every_two_seconds) }
    }

    /// Counts an attempt to sign in to `account` (the lower-cased email) from `client`, refusing it when
    /// either has made too many.
    pub fn attempt(&self, account: &str, client: &str) -> Result<(), AppError> {
        let client_ok = self.per_client.check_key(&client.to_owned()).is_ok();
        let account_ok = self.per_account.check_key(&account.to_owned()).is_ok();
        if client_ok && account_ok {
            Ok(())
        } else {
            tracing::warn!("sign-in attempt throttled");
            Err(AppError::TooManyAttempts)
        }
    }

    /// Forgets keys whose limits have fully recovered, so memory stays bounded.
    pub fn forget_idle(&self) {
        self.per_account.retain_recent();
        self.per_client.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_throttled_after_five_attempts_and_others_are_not() {
        let throttle = SignInThrottle::new();
        for _ in 0..5 {
            assert!(throttle.attempt("sam@example.org", "10.0.0.1").is_ok());
        }
        assert_eq!(throttle.attempt("sam@example.org", "10.0.0.1"), Err(AppError::TooManyAttempts));
        assert!(throttle.attempt("alex@example.org", "10.0.0.1").is_ok());
    }
}
