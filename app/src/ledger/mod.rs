//! The involvement ledger: every involvement activity, at whichever of the five continuum levels, recorded
//! once with its service, date, kind, who took part and what came of it. Staff add activities by hand; other
//! capabilities record theirs through `api::record` inside their own transactions, each kind of source
//! mapping itself once (`api::LedgerSource`). Patients never see it.

#[cfg(feature = "ssr")]
pub mod api;
pub mod components;
pub mod server;
pub mod types;
#[cfg(feature = "ssr")]
pub mod validate;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;

/// The ledger's entry points (see `capability`): its pages and server functions register themselves; it adds
/// a demo year of activities.
#[cfg(feature = "ssr")]
pub fn capability() -> crate::capability::Capability {
    crate::capability::Capability {
        demo: Some(|conn, demo| {
            Box::pin(async move {
                let added = demo::seed_activities(conn, &demo.services).await?;
                Ok(format!("The ledger holds a year of demo involvement activities ({added})."))
            })
        }),
        ..crate::capability::Capability::named("ledger")
    }
}
