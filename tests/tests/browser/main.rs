//! The browser journeys: real headless Chromium through chromedriver (`continuum_tests::browser`), JavaScript on
//! and off, phone and desktop windows, axe-core on every page they open.
//!
//! One test binary for all of them (see `tests/tests/suite/main.rs` for why); `cargo test --test browser
//! <module>::` runs one journey's file.

mod accessibility;
mod consultation;
mod errors;
mod inclusion;
mod information;
mod ledger;
mod light;
mod minutes;
mod participation;
mod partnership;
mod payments;
mod phone;
mod repeats;
mod reports;
mod sign_in;
mod volunteering;
mod xss;
