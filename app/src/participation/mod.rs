//! Participation, the third level of the continuum: a service's groups (a steering group, a lived-experience
//! advisory group) of staff, patients, carers and stakeholders; their members over time; their meetings with
//! agendas, attendance, guests, declarations of interest and whether each was quorate. A meeting marked held
//! records a Participation activity in the ledger with the people present.
//!
//! Its second slice (`papers`, `terms`): papers on agenda items (PDFs, with easy-read versions), sending them
//! to members, late papers, each meeting's `.ics` file, and ending a member's term early. Its third:
//! minutes, decisions and their workflow in `minutes/`; actions, matters arising, reminders and the weekly
//! digest in `actions/`.
//!
//! Its fourth: "you said, we did" and its public board in `outcomes/`.
//!
//! Files: `types` (shared with the browser), `validate` (forms into domain values), `db` (its SQL),
//! `server` (server functions), `components` (pages), `sources` (its ledger mapping), `api` (what accounts'
//! access checks are fed with), `demo`.

pub mod actions;
pub mod components;
pub mod minutes;
pub mod outcomes;
pub mod papers;
pub mod server;
pub mod terms;
pub mod types;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod flags;
#[cfg(feature = "ssr")]
pub mod report_db;
#[cfg(feature = "ssr")]
pub mod sources;
#[cfg(feature = "ssr")]
pub mod validate;

/// Participation's entry points (see `capability`): its pages are Leptos routes and its server functions
/// register themselves; it has demo data (the Personality Disorder Service's steering group).
#[cfg(feature = "ssr")]
pub fn capability() -> crate::capability::Capability {
    use crate::capability::{Capability, Job};
    Capability {
        demo: Some(|conn, demo| {
            Box::pin(async move {
                let added = demo::seed_participation(conn, &demo.services, &demo.by).await?;
                Ok(format!(
                    "A steering group with a year of monthly meetings: {added} meetings added (see /participation), and \
                     five \"you said, we did\" items (see /you-said-we-did)."
                ))
            })
        }),
        routes: papers::routes::routes,
        flagged: Some(|pool, sources| Box::pin(flags::flagged(pool, sources))),
        opportunities: Some(|pool| Box::pin(opportunities(pool))),
        jobs: &[
            Job {
                name: "action reminders",
                run: |state| Box::pin(async move { Ok(actions::jobs::queue_reminders_now(state).await?) }),
            },
            Job {
                name: "weekly participation digests",
                run: |state| Box::pin(async move { Ok(actions::jobs::queue_digests_now(state).await?) }),
            },
        ],
        ..Capability::named("participation")
    }
}

/// For Get involved: the "you said, we did" board, where patients see what changed because of what they said.
#[cfg(feature = "ssr")]
async fn opportunities(
    _pool: &sqlx::AnyPool,
) -> Result<Vec<crate::get_involved::OpportunityGroup>, crate::error::AppError> {
    use crate::get_involved::{Opportunity, OpportunityGroup};
    Ok(vec![OpportunityGroup {
        level: crate::ledger::types::ContinuumLevel::Participation,
        heading: "You said, we did".to_owned(),
        items: vec![Opportunity {
            title: "You said, we did".to_owned(),
            href: outcomes::server::BOARD_PATH.to_owned(),
            detail: "What patients told us, and what we changed because of it".to_owned(),
        }],
        when_none: None,
    }])
}
