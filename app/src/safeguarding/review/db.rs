//! The review flags' SQL. Flags are written in the caller's transaction, beside the record they are on.

use sqlx::{Any, Executor};

use super::{FlagSource, ReviewOutcome};

/// What the screener found, to raise as a flag.
pub struct NewFlag<'a> {
    pub service_id: &'a str,
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
    reviewer_id: &str,
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
