//! Helpers every capability's `db.rs` shares: ids, timestamps and flags in the one portable form that works on
//! both SQLite and PostgreSQL through the sqlx Any driver (see STYLE.md, "SQL: one portable dialect").

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::{Any, AnyConnection, AnyPool, Transaction};

use crate::{accounts::types::PersonId, error::AppError};

/// A new id: a UUIDv7 as text, so ids sort by creation time on both engines.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// A time as stored: RFC 3339 UTC with microseconds and `Z`, so text order is time order and
/// `substr(at, 1, 7)` is the month.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// The current time as stored, from the service's clock (`clock::now`).
pub fn now() -> String {
    timestamp(crate::clock::now())
}

/// Reads a stored time back; a malformed value (which only a hand edit could make) reads as the epoch, which
/// every expiry check treats as long past.
pub fn parse_timestamp(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc)).unwrap_or_default()
}

/// Flags are SMALLINT 0/1: bound as `i16` (binding `bool` fails on PostgreSQL), read as `i64`.
pub fn flag(value: bool) -> i16 {
    i16::from(value)
}

/// True when a query failed because a UNIQUE constraint was violated, on either engine.
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
}

/// Runs a query whose `{in}` stands for an `IN (...)` list of `ids`, bound in order as `$1, $2, …`. An empty
/// list matches nothing (never everything).
pub async fn fetch_all_in<R, I>(pool: &sqlx::AnyPool, sql: &str, ids: &[I]) -> Result<Vec<R>, sqlx::Error>
where
    I: AsRef<str>,
    R: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = sql.replace("{in}", &list.join(", "));
    let mut query = sqlx::query_as(&sql);
    for id in ids {
        query = query.bind(id.as_ref());
    }
    query.fetch_all(pool).await
}

/// True when the pool is over SQLite (the URL it was opened with says so).
pub fn is_sqlite(pool: &AnyPool) -> bool {
    pool.connect_options().database_url.scheme() == "sqlite"
}

/// Begins a transaction that will write.
///
/// On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`), waiting up to the connection's
/// `busy_timeout` for another writer to finish. A deferred transaction that reads first cannot take the lock
/// later once another connection has written, and fails at once with "database is locked" instead of
/// waiting: measured, up to half of concurrent staff saves failed that way. On PostgreSQL it begins normally
/// (row locks wait there).
pub async fn begin_write(pool: &AnyPool) -> Result<Transaction<'static, Any>, sqlx::Error> {
    if is_sqlite(pool) {
        pool.begin_with("BEGIN IMMEDIATE").await
    } else {
        pool.begin().await
    }
}

/// One change that a person makes: a write transaction (see [`begin_write`]) and the audit events that go
/// with it, written in the same transaction so the two cannot disagree.
///
/// Every server function that stores something uses it the same way:
/// `let mut write = Write::begin(&pool, Some(&user.id)).await?;` … the capability's own `db` calls on
/// `write.conn()` … `write.audit(…)`, and the ledger's `api::record` for an involvement activity …
/// `write.commit().await?`.
pub struct Write {
    tx: Transaction<'static, Any>,
    actor: Option<PersonId>,
}

impl Write {
    /// Begins the change on behalf of `actor` (a person's id; `None` for an anonymous visitor or the system).
    pub async fn begin(pool: &AnyPool, actor: Option<&PersonId>) -> Result<Self, AppError> {
        Ok(Self { tx: begin_write(pool).await?, actor: actor.cloned() })
    }

    /// The connection to run the capability's own queries on, inside the transaction.
    pub fn conn(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }

    /// Names the person making the change once it is known (a single-use link says who it was for).
    pub fn acting_as(&mut self, actor: &PersonId) {
        self.actor = Some(actor.clone());
    }

    /// The person making the change, if any.
    pub fn actor(&self) -> Option<&PersonId> {
        self.actor.as_ref()
    }

    /// Records one audit event for this change. `detail` is a small JSON object (never a password or token).
    pub async fn audit(
        &mut self,
        action: &str,
        subject_type: &str,
        subject_id: impl AsRef<str>,
        detail: serde_json::Value,
    ) -> Result<(), AppError> {
        let actor = self.actor.clone();
        crate::audit::record(&mut *self.tx, actor.as_ref(), action, subject_type, subject_id.as_ref(), detail).await?;
        Ok(())
    }

    /// Uses, for this change and in its transaction, the single-use token of the copy of the form page being
    /// sent (its hidden `submission` field, `ui::SubmissionToken`). A token used before (a double click, a
    /// retry after a timeout, Back and send again) is refused with `Conflict(forms::ALREADY_SENT)` and the
    /// caller stores nothing; the server's plain-post layer answers that refusal as the first submission was
    /// answered. A change refused after this is rolled back and leaves the token usable; an empty or malformed
    /// token claims nothing (see `forms::submission_hash`). Call it first, before the change's own writes.
    pub async fn claim_submission(&mut self, token: &str) -> Result<(), AppError> {
        if crate::forms::claim_submission(&mut self.tx, token, "").await? {
            Ok(())
        } else {
            Err(AppError::Conflict(crate::forms::ALREADY_SENT.into()))
        }
    }

    /// Commits the change. Only after this may the person be told it is saved.
    pub async fn commit(self) -> Result<(), AppError> {
        self.tx.commit().await?;
        Ok(())
    }

    /// Commits the change and sends a plain (no JavaScript) POST on to `next`, as every form does on success.
    pub async fn commit_then(self, next: &str) -> Result<(), AppError> {
        self.commit().await?;
        crate::forms::redirect_plain_post(next);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_have_fixed_width_so_text_order_is_time_order() {
        let a = timestamp(DateTime::parse_from_rfc3339("2026-01-02T03:04:05Z").unwrap().with_timezone(&Utc));
        let b = timestamp(DateTime::parse_from_rfc3339("2026-01-02T03:04:05.5Z").unwrap().with_timezone(&Utc));
        assert_eq!(a, "2026-01-02T03:04:05.000000Z");
        assert!(a < b);
        assert_eq!(parse_timestamp(&b).timestamp_subsec_millis(), 500);
    }
}
