//! Throttling anonymous feedback, per client and per form, so that a flood of posts can neither bury a real
//! flag in the review queue nor fill the database; people answering after a group session (many at once, often
//! from one ward's network) are far below the limits.
//!
//! Anonymity holds: the client's address never reaches a feedback handler (the security middleware clears it
//! for `/f/` paths). It passes only a keyed hash of it (`accounts::access::anonymous_client_key`), made with a random key held in this app
//! server's memory and never written anywhere; the limiter forgets a key once it has been idle for a few
//! minutes. Nothing of it is stored, logged or sent. With several app servers each counts on its own, so the
//! limits are per server.

use std::{num::NonZeroU32, time::Duration};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// How many anonymous submissions are allowed before the throttle slows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeedbackLimits {
    /// Submissions one client may make in a burst; afterwards one every `per_client_every`. 0 turns it off.
    pub per_client_burst: u32,
    pub per_client_every: Duration,
    /// Submissions one form may take in a burst; afterwards one every `per_form_every`. 0 turns it off.
    pub per_form_burst: u32,
    pub per_form_every: Duration,
}

impl Default for FeedbackLimits {
    /// 20 from one client (a ward's shared network after a group), then one every 10 s; 300 to one form, then
    /// five a second.
    fn default() -> Self {
        Self {
            per_client_burst: 20,
            per_client_every: Duration::from_secs(10),
            per_form_burst: 300,
            per_form_every: Duration::from_millis(200),
        }
    }
}

/// The limiters of one app server.
pub struct FeedbackThrottle {
    per_client: Option<DefaultKeyedRateLimiter<u64>>,
    per_form: Option<DefaultKeyedRateLimiter<String>>,
}

fn limiter<K: std::hash::Hash + Eq + Clone>(burst: u32, every: Duration) -> Option<DefaultKeyedRateLimiter<K>> {
    let burst = NonZeroU32::new(burst)?;
    let quota = Quota::with_period(every)?.allow_burst(burst);
    Some(RateLimiter::keyed(quota))
}

impl FeedbackThrottle {
    pub fn new(limits: FeedbackLimits) -> Self {
        Self {
            per_client: limiter(limits.per_client_burst, limits.per_client_every),
            per_form: limiter(limits.per_form_burst, limits.per_form_every),
        }
    }

    /// Counts one submission from `client` (its keyed hash, if the request had an address) to the form
    /// `slug`; false when either has had too many just now.
    pub fn allow(&self, client: Option<u64>, slug: &str) -> bool {
        let client_ok = match (&self.per_client, client) {
            (Some(limiter), Some(key)) => limiter.check_key(&key).is_ok(),
            _ => true,
        };
        let form_ok = self.per_form.as_ref().is_none_or(|limiter| limiter.check_key(&slug.to_owned()).is_ok());
        client_ok && form_ok
    }

    /// Forgets the clients and forms that have not posted for a while (the housekeeping calls it).
    pub fn forget_idle(&self) {
        if let Some(limiter) = &self.per_client {
            limiter.retain_recent();
        }
        if let Some(limiter) = &self.per_form {
            limiter.retain_recent();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::net::IpAddr;

    use super::*;
    use crate::accounts::access::anonymous_client_key as client_key;

    #[test]
    fn a_flood_from_one_client_is_slowed_and_others_still_get_through() {
        let throttle = FeedbackThrottle::new(FeedbackLimits::default());
        let flooder = Some(client_key("203.0.113.9".parse().unwrap()));
        let allowed = (0..100).filter(|_| throttle.allow(flooder, "dbt")).count();
        assert_eq!(allowed, 20, "the burst, then nothing for a while");
        assert!(throttle.allow(Some(client_key("198.51.100.7".parse().unwrap())), "dbt"), "another client");
        assert!(throttle.allow(None, "dbt"), "a request without an address is limited by its form only");
    }

    #[test]
    fn the_key_is_not_the_address() {
        let ip: IpAddr = "203.0.113.9".parse().unwrap();
        assert_eq!(client_key(ip), client_key(ip), "stable within this server");
        // A keyed hash, not the address in another form (the decimal may contain "203" by chance, so the check
        // is against the address itself and its number).
        let key = client_key(ip);
        assert!(!key.to_string().contains("203.0.113.9"));
        assert_ne!(key, u64::from(u32::from(std::net::Ipv4Addr::new(203, 0, 113, 9))));
    }

    #[test]
    fn zero_turns_a_limit_off() {
        let throttle =
            FeedbackThrottle::new(FeedbackLimits { per_client_burst: 0, per_form_burst: 0, ..Default::default() });
        assert!((0..1000).all(|_| throttle.allow(Some(1), "dbt")));
    }
}
