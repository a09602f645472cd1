//! The audit trail: who changed what, when. Written in the same transaction as the change it records, so
//! the two cannot disagree. The actor is not a foreign key: the trail outlives the accounts it names.

use sqlx::{Any, Executor};

/// Records one change. `detail` is a small JSON object with what changed (never a password or token).
pub async fn record<'c>(
    db: impl Executor<'c, Database = Any>,
    actor_id: Option<&crate::accounts::types::PersonId>,
    action: &str,
    subject_type: &str,
    subject_id: &str,
    detail: serde_json::Value,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_event (id, at, actor_id, action, subject_type, subject_id, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(crate::db::new_id())
    .bind(crate::db::now())
    .bind(actor_id)
    .bind(action)
    .bind(subject_type)
    .bind(subject_id)
    .bind(detail.to_string())
    .execute(db)
    .await?;
    Ok(())
}
