//! Information, the first level of the continuum: service information pages written by staff in safe
//! Markdown, leaflets as PDF files, and events such as open days that people register for (with a
//! confirmation, a reminder the day before and cancellation by link). Publishing a leaflet or holding an
//! event records an Information activity in the ledger. Every page and event has a printable QR poster.

pub mod components;
pub mod server;
pub mod types;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod emails;
#[cfg(feature = "ssr")]
pub mod poster;
#[cfg(feature = "ssr")]
pub mod reminders;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod sources;
#[cfg(feature = "ssr")]
pub mod validate;

/// Information's entry points (see `capability`): leaflet files, the day-before event reminders, and
/// upcoming events, pages and leaflets for Get involved.
#[cfg(feature = "ssr")]
pub fn capability() -> crate::capability::Capability {
    use crate::capability::{Capability, Job};
    static JOBS: [Job; 2] = [
        Job {
            name: "event reminders",
            run: |state| Box::pin(async move { Ok(reminders::queue_due_now(state).await?) }),
        },
        // Information is where single-use form tokens are used today (the leaflet upload).
        Job {
            name: "used form tokens",
            run: |state| Box::pin(async move { crate::forms::clear_old_submissions(&state.pool).await }),
        },
    ];
    Capability {
        routes: routes::routes,
        jobs: &JOBS,
        opportunities: Some(|pool| Box::pin(opportunities(pool))),
        demo: Some(|conn, demo| {
            Box::pin(async move {
                demo::seed_information(conn, &demo.services, &demo.by).await?;
                Ok(String::new())
            })
        }),
        ..Capability::named("information")
    }
}

/// Upcoming events, published pages and leaflets, for Get involved.
#[cfg(feature = "ssr")]
async fn opportunities(
    pool: &sqlx::AnyPool,
) -> Result<Vec<crate::get_involved::OpportunityGroup>, crate::error::AppError> {
    use crate::{
        get_involved::{Opportunity, OpportunityGroup},
        ledger::types::ContinuumLevel::Information,
    };
    let events = db::list_events(pool, None, &crate::clock::local_now()).await?;
    let pages = db::list_pages(pool, None).await?;
    let leaflets = db::list_leaflets(pool, None).await?;
    Ok(vec![
        OpportunityGroup {
            level: Information,
            heading: "Open days and events".to_owned(),
            items: events
                .into_iter()
                .map(|e| Opportunity {
                    href: format!("/events/{}", e.slug),
                    detail: format!("{} · {}{}", e.when(), e.place, if e.is_full() { " · full" } else { "" }),
                    title: e.title,
                })
                .collect(),
            when_none: Some("No events are planned just now.".to_owned()),
        },
        OpportunityGroup {
            level: Information,
            heading: "About the service".to_owned(),
            items: pages
                .into_iter()
                .map(|p| Opportunity { href: format!("/info/{}", p.slug), title: p.title, detail: p.summary })
                .collect(),
            when_none: Some("There are no information pages yet.".to_owned()),
        },
        OpportunityGroup {
            level: Information,
            heading: "Leaflets".to_owned(),
            items: leaflets
                .into_iter()
                .map(|l| Opportunity { href: l.href(), detail: format!("({})", l.size_text()), title: l.title })
                .collect(),
            when_none: None,
        },
    ])
}
