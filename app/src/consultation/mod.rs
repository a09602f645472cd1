//! Consultation, the second level of the continuum: feedback forms for specific interventions (built by staff,
//! answered by patients at `/f/<slug>`, often anonymously), paper and assisted responses, the safeguarding review
//! of free text, comment themes, results with small-number suppression, and focus groups.

pub mod components;
pub mod questions;
pub mod respond;
pub mod results;
pub mod server;
pub mod types;

#[cfg(feature = "ssr")]
pub mod answering;
#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod runtime;
#[cfg(feature = "ssr")]
pub mod sources;
#[cfg(feature = "ssr")]
pub mod writer;

/// Consultation's entry points (see `capability`): the feedback form routes and CSV, the response writer
/// and page cache, the forms taking answers for Get involved, and the responses received for the profile.
#[cfg(feature = "ssr")]
pub fn capability() -> crate::capability::Capability {
    use crate::capability::{Capability, Involvement};
    use crate::ledger::types::ContinuumLevel;
    Capability {
        routes: routes::routes,
        start: runtime::start,
        opportunities: Some(|pool| Box::pin(opportunities(pool))),
        report: Some(|pool, service_id, from, until| {
            Box::pin(async move {
                let people = api::responses_received(pool, service_id, from, until).await?;
                Ok(vec![Involvement { level: ContinuumLevel::Consultation, people }])
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
    let items = db::list_open_forms(pool)
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
