//! The involvement ledger: every involvement activity, at whichever of the five continuum levels, recorded
//! once with its service, date, kind, who took part and what came of it. Staff add activities by hand; other
//! capabilities record theirs through `db::record` inside their own transactions. Patients never see it.

pub mod components;
pub mod server;
pub mod types;
#[cfg(feature = "ssr")]
pub mod validate;

#[cfg(feature = "ssr")]
pub mod db;
