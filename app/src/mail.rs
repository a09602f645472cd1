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
    insert(db, mail, None).await
}

/// Queues a message about a record that may later be deleted for retention (`about`: the record's kind and
/// id, e.g. `volunteer_application:<id>`, made by the capability that owns it), so that deleting the record
/// deletes the mail too ([`delete_about`]).
pub async fn enqueue_about<'c>(
    db: impl Executor<'c, Database = Any>,
    mail: &OutgoingMail,
    about: &str,
) -> Result<(), sqlx::Error> {
    insert(db, mail, Some(about)).await
}

async fn insert<'c>(
    db: impl Executor<'c, Database = Any>,
    mail: &OutgoingMail,
    about: Option<&str>,
) -> Result<(), sqlx::Error> {
    let now = crate::db::now();
    sqlx::query(
        "INSERT INTO outbox_mail (id, to_address, subject, body_text, created_at, attempts, next_attempt_at, about)
         VALUES ($1, $2, $3, $4, $5, 0, $5, $6)",
    )
    .bind(crate::db::new_id())
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(&mail.body)
    .bind(&now)
    .bind(about)
    .execute(db)
    .await?;
    Ok(())
}

/// Deletes every queued or sent message about a record (`about`, as given to [`enqueue_about`]), in the
/// caller's transaction: the one way a capability deleting a record for retention leaves no copy of its
/// data (addresses, names, what was written) in the outbox. Mail not yet sent is not sent. Returns how many.
pub async fn delete_about<'c>(db: impl Executor<'c, Database = Any>, about: &str) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM outbox_mail WHERE about = $1").bind(about).execute(db).await?.rows_affected())
}
