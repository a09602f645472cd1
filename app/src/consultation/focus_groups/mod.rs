//! Focus groups (`/consultation/focus-groups`): topic, date, how many took part, themes and notes, each a
//! Consultation activity in the ledger.

pub mod components;
pub mod server;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod validate;
