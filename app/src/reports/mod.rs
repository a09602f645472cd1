//! Reports: the continuum profile (how far up the continuum a service's involvement reaches, per period),
//! with its chart, table and CSV export; and the involvement report (`involvement`: a service's or the trust's
//! involvement in a period and the four before it, in sentences, charts, tables and CSVs). Suppression, charts and CSV writing are shared kernels
//! (`crate::suppression`, `crate::chart`, `crate::csv`) that belong to no capability.

pub mod components;
#[cfg(feature = "ssr")]
pub mod fft_return;
pub mod involvement;
pub mod involvement_page;
#[cfg(feature = "ssr")]
pub mod pdf;
pub mod profile;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod server;

/// The reports' entry points (see `capability`): the continuum profile's CSV and the involvement report's.
#[cfg(feature = "ssr")]
pub fn capability() -> crate::capability::Capability {
    crate::capability::Capability { routes: routes::routes, ..crate::capability::Capability::named("reports") }
}
