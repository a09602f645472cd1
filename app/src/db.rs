//! Helpers every capability's `db.rs` shares: ids, timestamps and flags in the one portable form that works on
//! both SQLite and PostgreSQL through the sqlx Any driver (see STYLE.md, "SQL: one portable dialect").

use chrono::{DateTime, SecondsFormat, Utc};

/// A new id: a UUIDv7 as text, so ids sort by creation time on both engines.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// A time as stored: RFC 3339 UTC with microseconds and `Z`, so text order is time order and
/// `substr(at, 1, 7)` is the month.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// The current time as stored.
pub fn now() -> String {
    timestamp(Utc::now())
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
pub async fn fetch_all_in<R>(pool: &sqlx::AnyPool, sql: &str, ids: &[String]) -> Result<Vec<R>, sqlx::Error>
where
    R: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = sql.replace("{in}", &list.join(", "));
    let mut query = sqlx::query_as(&sql);
    for id in ids {
        query = query.bind(id);
    }
    query.fetch_all(pool).await
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
