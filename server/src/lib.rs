//! The Continuum server: configuration, the database, the mail worker, the HTTP edge (security headers,
//! cross-origin refusal, sessions), health checks and the command line. Pages and server functions live in
//! the `app` crate; this crate serves them.

pub mod cli;
pub mod config;
pub mod db;
pub mod forms;
pub mod health;
pub mod mail;
pub mod refusals;
pub mod reuse;
pub mod security;
pub mod seed;
pub mod startup;
