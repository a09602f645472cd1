//! What every server function and page render can reach on the server: the database pool, the settings that
//! shape pages and sessions, the sign-in throttle and the mail worker's wake-up bell.
//!
//! The axum server builds one `AppState` at start-up and Leptos provides it as context to every render and
//! server function call; `state()` fetches it there.

use std::{sync::Arc, time::Duration};

use axum::extract::FromRef;
use leptos::prelude::*;
use sqlx::AnyPool;

use crate::{accounts::throttle::SignInThrottle, error::AppError, site::SiteInfo};

/// How sessions and links behave; set from the server's configuration.
#[derive(Clone, Debug)]
pub struct SecuritySettings {
    /// Public address of the site (`https://continuum.example.nhs.uk`), used for links in mail.
    pub base_url: url::Url,
    /// Send the session cookie only over HTTPS (and give it the `__Host-` prefix).
    pub secure_cookies: bool,
    /// A session unused for this long ends.
    pub session_idle: Duration,
    /// A session ends this long after sign-in however busy it is.
    pub session_absolute: Duration,
    /// Anonymous feedback submissions one client may make in a burst (then one every 10 s); 0 for no limit.
    pub feedback_burst_per_client: u32,
    /// Submissions one feedback form may take in a burst (then five a second); 0 for no limit.
    pub feedback_burst_per_form: u32,
    /// Months after an unsuccessful outcome (withdrawn, not taken forward) that a volunteer applicant's data
    /// is deleted by the housekeeping (`inclusion::retention`).
    pub applicant_retention_months: u32,
}

/// What every request and job shares. Cloned for each request by every middleware and handler that takes it
/// (axum hands state out by value), so each field is a handle: a pool, an `Arc`, a clock. The settings are
/// behind `Arc`s because copying their strings on every clone cost about a quarter of a reused page's time
/// (measured with `perf` under `scripts/bench`, 1 December 2026).
#[derive(Clone)]
pub struct AppState {
    pub pool: AnyPool,
    pub site: Arc<SiteInfo>,
    pub security: Arc<SecuritySettings>,
    pub throttle: Arc<SignInThrottle>,
    /// Rung after a transaction that queued mail commits, so the worker sends it at once instead of at its
    /// next poll.
    pub mail_wakeup: Arc<tokio::sync::Notify>,
    /// The service's clock: now, today and the time zone (`crate::clock`; a stopped one in tests).
    pub clock: crate::clock::Clock,
    /// The capabilities' runtime parts (a writer, caches), each read back only by its own capability.
    pub parts: crate::capability::Parts,
    pub leptos_options: Arc<LeptosOptions>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        (*state.leptos_options).clone()
    }
}

/// The application state, from the Leptos context of the current request.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("state", "AppState missing from context"))
}

pub fn pool() -> Result<AnyPool, AppError> {
    Ok(state()?.pool)
}
