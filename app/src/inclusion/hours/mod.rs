//! Hours volunteers give (issue 16, §7): a volunteer logs hours in their roles (a date, today or before, in
//! quarter-hours, what they did); the staff of the role's service approve or query them (the volunteer answers
//! a query and sends them again); a coordinator may log on a volunteer's behalf (recorded as such). Approved
//! hours are totalled per volunteer, role, service and month of the local date, and exported as CSV.
//!
//! Files: `types` (shared with the browser; reading "1.5", "1:30" and "1 h 30"), `db`, `server`, `components`,
//! `routes` (the CSV).

pub mod components;
pub mod server;
pub mod types;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod routes;
