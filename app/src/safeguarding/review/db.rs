//! The review flags' SQL. Flags are written in the caller's transaction, beside the record they are on.

use crate::accounts::types::{PersonId, ServiceId};
use sqlx::{Any, Executor};

use super::{FlagSource, ReviewOutcome};

/// What the screener found, to raise as a flag.
pub struct NewFlag<'a> {
    pub service_id: &'a ServiceId,
    pub source: &'a FlagSource,
    /// The screener's stored concern names.
    pub concerns: &'a [&'a str],
    pub reasons: &'a [String],
    /// `YYYY-MM-DD`
    pub flagged_on: &'a str,
}

/// Raises a flag for review, inside the caller's transaction. One flag per source record.
pub async fn raise<'c>(db: impl Executor<'c, Database = Any>, flag: &NewFlag<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO review_flag (id, service_id, source_type, source_id, concerns, reasons, flagged_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    // A random (v4) id: a time-ordered one would tell when an anonymous response was flagged.
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(flag.service_id)
    .bind(flag.source.kind.as_str())
    .bind(&flag.source.id)
    .bind(flag.concerns.join(","))
    .bind(flag.reasons.join("\n"))
    .bind(flag.flagged_on)
    .execute(db)
    .await?;
    Ok(())
}

/// Records the review of a flag, once: returns false when it was already reviewed (a second reviewer finds it
/// done) or there is no such flag.
pub async fn record_review<'c>(
    db: impl Executor<'c, Database = Any>,
    source: &FlagSource,
    outcome: ReviewOutcome,
    note: &str,
    reviewer_id: &PersonId,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE review_flag SET outcome = $3, note = $4, reviewed_by = $5, reviewed_at = $6
         WHERE source_type = $1 AND source_id = $2 AND outcome IS NULL",
    )
    .bind(source.kind.as_str())
    .bind(&source.id)
    .bind(outcome.as_str())
    .bind(note)
    .bind(reviewer_id)
    .bind(crate::db::now())
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes the flags on records of `kind` that are being deleted (`ids`), inside the caller's transaction.
pub async fn delete_for(
    conn: &mut sqlx::AnyConnection,
    kind: super::FlagSourceKind,
    ids: &[String],
) -> Result<(), sqlx::Error> {
    for id in ids {
        sqlx::query("DELETE FROM review_flag WHERE source_type = $1 AND source_id = $2")
            .bind(kind.as_str())
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// How long after one duty alert for a service the next may go: flags raised meanwhile are counted and told
/// of together in one mail (see [`alert_now`] and [`claim_waiting_alerts`]).
pub const ALERT_WINDOW: chrono::Duration = chrono::Duration::minutes(5);

/// Whether a flag just raised for `service_id` should be told of by a duty alert now, inside the caller's
/// transaction: yes for the first in [`ALERT_WINDOW`]; otherwise the flag is counted as waiting for the next
/// summary. Safe with several app servers: the row's update decides, under its lock.
pub async fn alert_now(conn: &mut sqlx::AnyConnection, service_id: &ServiceId) -> Result<bool, sqlx::Error> {
    let now = crate::clock::now();
    let cutoff = crate::db::timestamp(now - ALERT_WINDOW);
    let now = crate::db::timestamp(now);
    sqlx::query(
        "INSERT INTO duty_alert (service_id, last_sent_at, waiting) VALUES ($1, $2, 0)
         ON CONFLICT (service_id) DO NOTHING",
    )
    .bind(service_id)
    .bind(&cutoff)
    .execute(&mut *conn)
    .await?;
    let sent = sqlx::query(
        "UPDATE duty_alert SET last_sent_at = $2, waiting = 0 WHERE service_id = $1 AND last_sent_at <= $3",
    )
    .bind(service_id)
    .bind(&now)
    .bind(&cutoff)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if sent == 1 {
        return Ok(true);
    }
    sqlx::query("UPDATE duty_alert SET waiting = waiting + 1 WHERE service_id = $1")
        .bind(service_id)
        .execute(&mut *conn)
        .await?;
    Ok(false)
}

/// Claims the services whose waiting flags are due a summary (their last alert is [`ALERT_WINDOW`] old),
/// marking each as alerted now; returns (service id, how many flags were waiting). Each service is claimed by
/// one app server only.
pub async fn claim_waiting_alerts(conn: &mut sqlx::AnyConnection) -> Result<Vec<(ServiceId, i64)>, sqlx::Error> {
    let now = crate::clock::now();
    let cutoff = crate::db::timestamp(now - ALERT_WINDOW);
    let now = crate::db::timestamp(now);
    let due: Vec<(ServiceId, i64, String)> = sqlx::query_as(
        "SELECT service_id, waiting, last_sent_at FROM duty_alert WHERE waiting > 0 AND last_sent_at <= $1",
    )
    .bind(&cutoff)
    .fetch_all(&mut *conn)
    .await?;
    let mut claimed = Vec::new();
    for (service_id, waiting, last_sent_at) in due {
        let won = sqlx::query(
            "UPDATE duty_alert SET last_sent_at = $2, waiting = 0
             WHERE service_id = $1 AND last_sent_at = $3 AND waiting = $4",
        )
        .bind(&service_id)
        .bind(&now)
        .bind(&last_sent_at)
        .bind(waiting)
        .execute(&mut *conn)
        .await?
        .rows_affected();
        if won == 1 {
            claimed.push((service_id, waiting));
        }
    }
    Ok(claimed)
}
