//! Accounts: who may do what. Sign-in and sign-out, server-side sessions, roles per service, invitations,
//! password reset, people changing their own details, and the administrator's pages for services and people.
//!
//! The server-only parts (sessions, password hashing, throttling, SQL) sit behind the `ssr` feature.

pub mod components;
pub mod server;
pub mod types;
pub mod validate;

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod device;
#[cfg(feature = "ssr")]
pub mod emails;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod throttle;

/// Accounts' entry points (see `capability`): housekeeping for expired sessions and the sign-in throttle.
#[cfg(feature = "ssr")]
pub fn capability() -> crate::capability::Capability {
    use crate::capability::{Capability, Job};
    static JOBS: [Job; 2] = [
        Job {
            name: "expired sessions",
            run: |state| {
                Box::pin(async move {
                    let removed = db::delete_expired_sessions(&state.pool, &crate::db::now()).await?;
                    Ok(usize::try_from(removed).unwrap_or(usize::MAX))
                })
            },
        },
        Job {
            name: "sign-in throttle",
            run: |state| {
                Box::pin(async move {
                    state.throttle.forget_idle();
                    Ok(0)
                })
            },
        },
    ];
    Capability { jobs: &JOBS, ..Capability::named("accounts") }
}
