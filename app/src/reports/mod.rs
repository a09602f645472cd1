//! Reports: the continuum profile (how far up the continuum a service's involvement reaches, per period),
//! with its chart, table and CSV export. Suppression, charts and CSV writing are shared kernels
//! (`crate::suppression`, `crate::chart`, `crate::csv`) that belong to no capability.

pub mod components;
pub mod profile;
pub mod server;
