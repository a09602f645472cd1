//! What Information offers other capabilities (never its `db`, server functions, pages or tables).

use sqlx::AnyPool;

use crate::{accounts::types::ServiceId, error::AppError};

// ---- for reports (issue 18): the involvement report's Information figures ----

/// What Information publishes about a service's period for the involvement report, before suppression.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InformationFigures {
    /// Information pages first written in the period and published now (things).
    pub pages_published: i64,
    /// Events (open days and the like) marked held in the period: things.
    pub events_held: i64,
    /// People registered for those events, registrations cancelled left out: a count of people.
    pub people_registered: i64,
}

/// Information's figures for a service from `from` up to but not including `until` (local dates,
/// `YYYY-MM-DD`): an event counts on the day staff marked it held. Errors: a database failure
/// (`AppError::Internal`).
pub async fn report_figures(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<InformationFigures, AppError> {
    let pages_published = super::db::count_pages_published(pool, service_id, from, until).await?;
    let (events_held, people_registered) = super::db::count_events_held(pool, service_id, from, until).await?;
    Ok(InformationFigures { pages_published, events_held, people_registered })
}
