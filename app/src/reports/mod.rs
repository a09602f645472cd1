//! Reports: the continuum profile (how far up the continuum a service's involvement reaches, per period),
//! with its chart, table and CSV export; and the involvement report (`involvement`: a service's or the trust's
//! involvement in a period and the four before it, in sentences, charts, tables and CSVs). Suppression, charts and CSV writing are shared kernels
//! (`crate::suppression`, `crate::chart`, `crate::csv`) that belong to no capability.

pub mod components;
#[cfg(feature = "ssr")]
pub mod fft_return;
pub mod involvement;
pub mod involvement_page;
pub mod monthly_mail;
#[cfg(feature = "ssr")]
pub mod pdf;
pub mod profile;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod server;

/// The reports' entry points (see `capability`): the continuum profile's CSV, the involvement report's CSVs
/// and PDF, the FFT monthly return, and the monthly mail's job.
#[cfg(feature = "ssr")]
pub fn capability() -> crate::capability::Capability {
    use crate::capability::{Capability, Job};
    static JOBS: [Job; 1] = [Job {
        name: "monthly report mail",
        run: |state| Box::pin(async move { Ok(monthly_mail::queue_monthly_mails_now(state).await?) }),
    }];
    Capability { routes: routes::routes, jobs: &JOBS, ..Capability::named("reports") }
}
