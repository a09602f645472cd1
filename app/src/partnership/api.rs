//! What Partnership offers other capabilities (never its `db`, server functions, pages or tables): how many
//! panels a service decided in a period and how many outcomes departed from the lived-experience view, for
//! the involvement report's Partnership section.

use sqlx::AnyPool;

use crate::{accounts::types::ServiceId, error::AppError};

/// Panels of a service that sat from `from` up to but not including `until` (`YYYY-MM-DD`, local) and were
/// decided, and of their outcomes how many departed from the lived-experience members' view. Counts of
/// things, not people.
pub async fn panels_decided(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<(i64, i64), AppError> {
    let (panels,): (i64,) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM panel
         WHERE service_id = $1 AND sits_on >= $2 AND sits_on < $3 AND decided_at IS NOT NULL",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_one(pool)
    .await?;
    let (departures,): (i64,) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM panel_candidate c JOIN panel x ON x.id = c.panel_id
         WHERE x.service_id = $1 AND x.sits_on >= $2 AND x.sits_on < $3 AND c.departure_reason <> ''",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_one(pool)
    .await?;
    Ok((panels, departures))
}
