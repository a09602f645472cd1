//! The integration tests: every module is one area of the app, driven over HTTP against a real server on
//! SQLite and PostgreSQL (see `continuum_tests`).
//!
//! One test binary rather than one per file: each binary links the whole app (about 370 MB unstripped), so
//! fifty-odd binaries filled CI's disk and spent most of its time linking. `cargo test --test suite <module>::`
//! runs one area.

mod about;
mod access;
mod access_matrix;
mod administration;
mod aggregates;
mod backup;
mod concurrent_writes;
mod consultation;
mod consultation_results;
mod demo;
mod differencing;
mod download_addresses;
mod endings;
mod health;
mod inclusion;
mod inclusion_checks;
mod inclusion_hours;
mod inclusion_lows;
mod inclusion_rest;
mod information;
mod invitations;
mod ledger;
mod local_time;
mod lockout;
mod mail;
mod markup;
mod participation;
mod participation_fixes;
mod participation_minutes;
mod participation_papers;
mod partnership;
mod payments;
mod payments_hourly;
mod profile;
mod refusals;
mod repeats;
mod reports;
mod reports_board;
mod reports_mail;
mod reports_partnership;
mod reports_small_numbers;
mod results_comments;
mod sign_in;
