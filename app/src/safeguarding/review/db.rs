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

/// Where a service's duty alerts go: its duty inbox when one is set, otherwise each of its managers who can
/// still sign in (addresses, each once).
pub async fn duty_recipients<'c>(
    db: impl Executor<'c, Database = Any>,
    service_id: &ServiceId,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT duty_inbox FROM service WHERE id = $1 AND duty_inbox IS NOT NULL AND duty_inbox <> ''
         UNION
         SELECT p.email FROM role_grant g JOIN person p ON p.id = g.person_id
         WHERE g.service_id = $1 AND g.role = 'manager' AND p.disabled_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM service s WHERE s.id = $1 AND s.duty_inbox IS NOT NULL AND s.duty_inbox <> '')",
    )
    .bind(service_id)
    .fetch_all(db)
    .await
}

/// Runs the safeguarding screener over `text` just saved in the caller's transaction (never refusing the
/// save) and returns whether it found something. A finding raises a flag on `source` for `service_id`'s
/// review, and the first flag in [`ALERT_WINDOW`] alerts the duty inbox at once by a mail that names `what`
/// ("A comment on draft minutes") and links to the review queue, never the words; later ones wait for the
/// housekeeping's one summary. One flag per record: words saved again while their flag waits update its
/// concerns and reasons (the reviewer reads them as they now stand, and no second alert goes); words flagged
/// after their flag was reviewed raise a new one (the review stays in the audit log).
pub async fn screen_and_raise(
    conn: &mut sqlx::AnyConnection,
    base_url: &url::Url,
    service_id: &ServiceId,
    source: &FlagSource,
    text: &str,
    what: &str,
) -> Result<bool, sqlx::Error> {
    use crate::safeguarding::screener;
    let screening = screener::screen(text);
    if !screening.is_flagged() {
        return Ok(false);
    }
    let concerns: Vec<&str> = screening.concerns.iter().map(|c| c.as_str()).collect();
    let mut reasons = screening.reasons.clone();
    reasons.truncate(screener::MAX_REASONS);
    let waiting = sqlx::query(
        "UPDATE review_flag SET concerns = $3, reasons = $4
         WHERE source_type = $1 AND source_id = $2 AND outcome IS NULL",
    )
    .bind(source.kind.as_str())
    .bind(&source.id)
    .bind(concerns.join(","))
    .bind(reasons.join("\n"))
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if waiting > 0 {
        return Ok(true);
    }
    delete_for(conn, source.kind, std::slice::from_ref(&source.id)).await?;
    let today = crate::clock::today();
    let flag = NewFlag { service_id, source, concerns: &concerns, reasons: &reasons, flagged_on: &today };
    raise(&mut *conn, &flag).await?;
    tracing::info!(source.kind = source.kind.as_str(), "free text was flagged for safeguarding review");
    if alert_now(conn, service_id).await? {
        let link = crate::links::absolute(base_url, "/consultation/review", &[]);
        let body = format!(
            "{what} in Continuum has words that suggest possible risk, and needs to be read today.\n\n\
             Read it and record what was done:\n{link}\n\nThis message does not include the words: please read \
             them in Continuum.\n"
        );
        for to in duty_recipients(&mut *conn, service_id).await? {
            let mail =
                crate::mail::OutgoingMail { to, subject: "Words to review today".to_owned(), body: body.clone() };
            crate::mail::enqueue(&mut *conn, &mail).await?;
        }
    }
    Ok(true)
}

#[derive(sqlx::FromRow)]
struct FlagRow {
    service_id: ServiceId,
    source_type: String,
    source_id: String,
    concerns: String,
    reasons: String,
    flagged_on: String,
    outcome: Option<String>,
    note: Option<String>,
    reviewer: Option<String>,
    reviewed_at: Option<String>,
}

const FLAG_SELECT: &str = "SELECT g.service_id, g.source_type, g.source_id, g.concerns, g.reasons, g.flagged_on,
        g.outcome, g.note, p.display_name AS reviewer, g.reviewed_at
     FROM review_flag g LEFT JOIN person p ON p.id = g.reviewed_by";

impl FlagRow {
    fn into_parts(self) -> Option<(FlagSource, ServiceId, super::FlagView)> {
        let kind = self.source_type.parse().ok()?;
        let view = super::FlagView {
            concerns: self
                .concerns
                .split(',')
                .filter_map(crate::safeguarding::screener::Concern::parse)
                .map(|c| c.label().to_owned())
                .collect(),
            reasons: self.reasons.lines().map(str::to_owned).collect(),
            flagged_on: self.flagged_on,
            outcome: self.outcome.as_deref().and_then(|o| o.parse().ok()),
            note: self.note.unwrap_or_default(),
            reviewed_by: self.reviewer,
            reviewed_at: self.reviewed_at,
        };
        Some((FlagSource { kind, id: self.source_id }, self.service_id, view))
    }
}

/// The flags of `service_ids` not yet reviewed, on every kind of record but feedback responses (which
/// consultation's queue lists with their answers), oldest first.
pub async fn list_open_elsewhere(
    pool: &sqlx::AnyPool,
    service_ids: &[ServiceId],
) -> Result<Vec<(FlagSource, ServiceId, super::FlagView)>, sqlx::Error> {
    let sql = format!(
        "{FLAG_SELECT} WHERE g.outcome IS NULL AND g.source_type <> 'feedback_response' AND g.service_id IN ({{in}})
         ORDER BY g.flagged_on, g.id"
    );
    let rows: Vec<FlagRow> = crate::db::fetch_all_in(pool, &sql, service_ids).await?;
    Ok(rows.into_iter().filter_map(FlagRow::into_parts).collect())
}

/// The flag on `source`, reviewed or not.
pub async fn fetch<'c>(
    db: impl Executor<'c, Database = Any>,
    source: &FlagSource,
) -> Result<Option<(FlagSource, ServiceId, super::FlagView)>, sqlx::Error> {
    let sql = format!("{FLAG_SELECT} WHERE g.source_type = $1 AND g.source_id = $2");
    let row: Option<FlagRow> =
        sqlx::query_as(&sql).bind(source.kind.as_str()).bind(&source.id).fetch_optional(db).await?;
    Ok(row.and_then(FlagRow::into_parts))
}
