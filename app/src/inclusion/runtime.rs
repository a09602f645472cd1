//! Inclusion's runtime part: the throttle on public applications, per client, so that nobody can flood a
//! service's coordinator (or anyone's inbox, through the acknowledgement) with applications. The client's
//! address is held only in this app server's memory, forgotten once idle, and never stored or logged. With
//! several app servers each counts on its own.

use std::{num::NonZeroU32, time::Duration};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Applications one client may send in a burst before being asked to wait; then one every
/// [`APPLY_EVERY`]. Generous for a family or a ward's shared network applying together.
pub const APPLY_BURST: u32 = 10;
/// How often one more application is allowed once the burst is used.
pub const APPLY_EVERY: Duration = Duration::from_secs(60);

/// The limiter of one app server.
pub struct ApplyThrottle(DefaultKeyedRateLimiter<String>);

impl Default for ApplyThrottle {
    fn default() -> Self {
        let burst = NonZeroU32::new(APPLY_BURST).unwrap_or(NonZeroU32::MIN);
        let quota = Quota::with_period(APPLY_EVERY).unwrap_or_else(|| Quota::per_minute(NonZeroU32::MIN));
        Self(RateLimiter::keyed(quota.allow_burst(burst)))
    }
}

impl ApplyThrottle {
    /// Counts one application from `client` (its address, as the request gave it); false when it has sent too
    /// many just now.
    pub fn allow(&self, client: &str) -> bool {
        self.0.check_key(&client.to_owned()).is_ok()
    }

    /// Forgets clients that have been idle (the housekeeping runs this).
    pub fn forget_idle(&self) {
        self.0.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_is_asked_to_wait_after_the_burst_and_others_are_not() {
        let throttle = ApplyThrottle::default();
        for _ in 0..APPLY_BURST {
            assert!(throttle.allow("10.0.0.1"));
        }
        assert!(!throttle.allow("10.0.0.1"));
        assert!(throttle.allow("10.0.0.2"));
    }
}
