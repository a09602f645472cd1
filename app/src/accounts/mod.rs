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
pub mod emails;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod throttle;
