//! Consultation, the second level of the continuum: feedback forms for specific interventions (built by staff,
//! answered by patients at `/f/<slug>`, often anonymously), paper and assisted responses, the safeguarding review
//! of free text, comment themes, results with small-number suppression, and focus groups.
//!
//! Its rooms, each a folder with its server functions, SQL (`db.rs`) and pages (`components.rs`): `forms` (the
//! builder), `answering` (the public form, the writer), `review` (the queue, themes, the duty inbox),
//! `results`, and `focus_groups`. Shared by the rooms: `types`, `questions`, `access` (row-level checks).
//! For other capabilities: `api` (and `sources`, its ledger mappings). `tally` keeps the aggregates the
//! report and results read, inside the transactions of the writes they count.

pub mod answering;
pub mod focus_groups;
pub mod forms;
pub mod questions;
pub mod results;
pub mod review;
pub mod types;

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod report_db;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod runtime;
#[cfg(feature = "ssr")]
pub mod sources;
#[cfg(feature = "ssr")]
pub mod tally;

/// Consultation's entry points (see `capability`): the feedback form routes and CSV, the response writer
/// and page cache, the forms taking answers for Get involved, and the responses received for the profile
/// (patients and carers apart where a form asks who is answering).
#[cfg(feature = "ssr")]
pub fn capability() -> crate::capability::Capability {
    use crate::capability::{Capability, Involvement, Job};
    static JOBS: [Job; 2] = [
        Job { name: "duty alert summaries", run: |state| Box::pin(answering::writer::send_alert_summaries(state)) },
        Job {
            name: "feedback throttle",
            run: |state| {
                Box::pin(async move {
                    if let Ok(runtime) = runtime::runtime(state) {
                        runtime.throttle.forget_idle();
                    }
                    Ok(0)
                })
            },
        },
    ];
    use crate::ledger::types::ContinuumLevel;
    Capability {
        routes: routes::routes,
        start: runtime::start,
        jobs: &JOBS,
        opportunities: Some(|pool| Box::pin(opportunities(pool))),
        report: Some(|pool, service_id, from, until| {
            Box::pin(async move {
                // "Someone else" is neither a patient nor a carer: not counted.
                let received = api::responses_received(pool, service_id, from, until).await?;
                let (patients, carers) = (received.patients, received.carers);
                Ok(vec![Involvement { level: ContinuumLevel::Consultation, patients, carers }])
            })
        }),
        demo: Some(|conn, demo| {
            Box::pin(async move {
                let added = demo::seed_consultation(conn, &demo.services, &demo.by).await?;
                Ok(format!(
                    "Feedback forms with a year of responses: {added} added (answer one at /f/dbt-skills-group)."
                ))
            })
        }),
        ..Capability::named("consultation")
    }
}

/// The feedback forms taking answers today, for Get involved.
#[cfg(feature = "ssr")]
async fn opportunities(
    pool: &sqlx::AnyPool,
) -> Result<Vec<crate::get_involved::OpportunityGroup>, crate::error::AppError> {
    use crate::get_involved::{Opportunity, OpportunityGroup};
    let today = crate::clock::today();
    let items = forms::db::list_open_forms(pool)
        .await?
        .into_iter()
        .filter(|f| f.takes_answers_on(&today))
        .map(|f| Opportunity {
            href: format!("/f/{}", f.slug),
            title: f.title,
            detail: format!("About {}", f.intervention),
        })
        .collect();
    Ok(vec![OpportunityGroup {
        level: crate::ledger::types::ContinuumLevel::Consultation,
        heading: "Tell us what you think".to_owned(),
        items,
        when_none: None,
    }])
}
