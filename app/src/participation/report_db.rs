//! The SQL behind the figures Participation publishes for reports (`api::report_figures`): a service's
//! meetings, decisions and actions in a period. Periods are local dates, from `from` up to but not including
//! `until` (`YYYY-MM-DD`); a meeting's date is the local date it starts.

use sqlx::AnyConnection;

use super::types::MeetingId;
use crate::accounts::types::ServiceId;

/// The service's meetings marked held in the period.
pub async fn list_held_meetings(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<Vec<MeetingId>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT m.id FROM group_meeting m JOIN participation_group g ON g.id = m.group_id
         WHERE g.service_id = $1 AND m.status = 'held'
           AND substr(m.starts_at, 1, 10) >= $2 AND substr(m.starts_at, 1, 10) < $3
         ORDER BY m.starts_at, m.id",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_all(conn)
    .await
}

/// Decisions recorded at the service's meetings held in the period.
pub async fn count_decisions(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM group_decision d
         JOIN group_meeting m ON m.id = d.meeting_id JOIN participation_group g ON g.id = d.group_id
         WHERE g.service_id = $1 AND m.status = 'held'
           AND substr(m.starts_at, 1, 10) >= $2 AND substr(m.starts_at, 1, 10) < $3",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_one(conn)
    .await
}

/// Actions given at the service's meetings in the period (opened on the meeting's date).
pub async fn count_actions_opened(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM group_action a
         JOIN group_meeting m ON m.id = a.meeting_id JOIN participation_group g ON g.id = a.group_id
         WHERE g.service_id = $1 AND substr(m.starts_at, 1, 10) >= $2 AND substr(m.starts_at, 1, 10) < $3",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_one(conn)
    .await
}

/// The service's actions closed (done or dropped) in the period: (the date of the meeting that gave it, the
/// date it was closed), both `YYYY-MM-DD`.
pub async fn list_actions_closed(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT substr(m.starts_at, 1, 10), a.closed_on FROM group_action a
         JOIN group_meeting m ON m.id = a.meeting_id JOIN participation_group g ON g.id = a.group_id
         WHERE g.service_id = $1 AND a.status IN ('done', 'dropped') AND a.closed_on IS NOT NULL
           AND a.closed_on >= $2 AND a.closed_on < $3",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_all(conn)
    .await
}

/// The service's actions overdue at the end of `day` (`YYYY-MM-DD`): given on or before it, due before it,
/// and not closed by then.
pub async fn count_actions_overdue(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    day: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM group_action a
         JOIN group_meeting m ON m.id = a.meeting_id JOIN participation_group g ON g.id = a.group_id
         WHERE g.service_id = $1 AND substr(m.starts_at, 1, 10) <= $2 AND a.due_on < $2
           AND (a.closed_on IS NULL OR a.closed_on > $2)",
    )
    .bind(service_id)
    .bind(day)
    .fetch_one(conn)
    .await
}
