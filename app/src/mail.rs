//! Queuing mail. A message is written to the `outbox_mail` table in the same transaction as the change that
//! causes it, so it is sent if and only if the change commits; the server's worker (`server/src/mail.rs`)
//! sends it with retries. Ring `AppState::mail_wakeup` after the commit to have it sent at once.

use sqlx::{Any, Executor};

/// A plain-text message to one person.
#[derive(Clone, Debug)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

pub async fn enqueue<'c>(db: impl Executor<'c, Database = Any>, mail: &OutgoingMail) -> Result<(), sqlx::Error> {
    let now = crate::db::now();
    sqlx::query(
        "INSERT INTO outbox_mail (id, to_address, subject, body_text, created_at, attempts, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, 0, $5)",
    )
    .bind(crate::db::new_id())
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(&mail.body)
    .bind(&now)
    .execute(db)
    .await?;
    Ok(())
}
