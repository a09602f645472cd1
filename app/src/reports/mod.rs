//! Reports: the continuum profile (how far up the continuum a service's involvement reaches, per period),
//! with its chart, table and CSV export; and the small-number suppression every report applies.

pub mod components;
pub mod csv;
pub mod profile;
pub mod server;
pub mod suppression;

#[cfg(feature = "ssr")]
pub mod chart;
