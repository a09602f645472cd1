//! Sending mail from the outbox. Changes write their mail to `outbox_mail` in their own transaction
//! (`app::mail::enqueue`); this worker sends it.
//!
//! - **Nothing is lost.** A message leaves the outbox only when the SMTP server has accepted it. A failure
//!   is recorded and retried with doubling delays (capped at an hour), for ever: an SMTP outage delays mail.
//! - **Nothing is sent twice by two servers.** Before sending, a worker claims the message with a
//!   conditional UPDATE that succeeds for exactly one worker; the claim lapses after `CLAIM_FOR` so a
//!   worker that died mid-send does not hold a message for ever. (A worker that dies after the SMTP server
//!   accepted a message but before recording it can cause one repeat when the claim lapses: SMTP has no way
//!   to make that impossible.)

use std::{path::PathBuf, sync::Arc, time::Duration};

use app::db::{now, timestamp};
use lettre::{
    message::{header::ContentType, Mailbox},
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};
use secrecy::ExposeSecret;
use sqlx::{AnyPool, FromRow};
use tokio::sync::{watch, Mutex, Notify};

use crate::config::{Environment, Settings};

/// How long a claim holds: longer than an SMTP exchange can take (its timeout is 30 seconds).
const CLAIM_FOR: chrono::Duration = chrono::Duration::minutes(5);
/// The longest wait between retries of one message.
const MAX_BACKOFF: Duration = Duration::from_secs(3600);
/// How many messages one pass takes.
const BATCH: i64 = 20;

/// Where mail goes.
#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// Development: each message becomes an `.eml` file in this folder.
    Files(PathBuf),
    /// Tests of the worker itself: messages are kept in memory.
    Memory(Arc<Mutex<Vec<Message>>>),
}

impl Mailer {
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        match (&settings.smtp_url, settings.environment) {
            (Some(url), _) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
                    .map_err(|e| anyhow::anyhow!("CONTINUUM_SMTP_URL is not a valid SMTP URL: {e}"))?
                    .timeout(Some(Duration::from_secs(30)))
                    .build();
                Ok(Self::Smtp(transport))
            }
            (None, Environment::Production) => {
                anyhow::bail!("CONTINUUM_SMTP_URL must be set in production: mail cannot be written to files there")
            }
            (None, Environment::Development) => Ok(Self::Files(settings.mail_dir.clone())),
        }
    }

    /// A line for the start-up log saying where mail goes.
    pub fn describe(&self) -> String {
        match self {
            Self::Smtp(_) => "mail is sent through the SMTP server in CONTINUUM_SMTP_URL".to_owned(),
            Self::Files(dir) => {
                format!("mail is written as .eml files to {} (set CONTINUUM_SMTP_URL to send it)", dir.display())
            }
            Self::Memory(_) => "mail is kept in memory".to_owned(),
        }
    }

    async fn send(&self, id: &str, message: Message) -> anyhow::Result<()> {
        match self {
            Self::Smtp(transport) => {
                transport.send(message).await?;
            }
            Self::Files(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                tokio::fs::write(dir.join(format!("{id}.eml")), message.formatted()).await?;
            }
            Self::Memory(sent) => sent.lock().await.push(message),
        }
        Ok(())
    }
}

#[derive(FromRow)]
struct OutboxRow {
    id: String,
    to_address: String,
    subject: String,
    body_text: String,
    attempts: i64,
}

pub struct MailWorker {
    pool: AnyPool,
    mailer: Mailer,
    from: Mailbox,
    wakeup: Arc<Notify>,
    retry_base: Duration,
    /// This worker's name in claims: unique per process.
    worker_id: String,
}

impl MailWorker {
    pub fn new(pool: AnyPool, mailer: Mailer, settings: &Settings, wakeup: Arc<Notify>) -> anyhow::Result<Self> {
        let from = settings
            .mail_from
            .parse::<Mailbox>()
            .map_err(|e| anyhow::anyhow!("CONTINUUM_MAIL_FROM is not a valid address: {e}"))?;
        Ok(Self {
            pool,
            mailer,
            from,
            wakeup,
            retry_base: Duration::from_millis(settings.mail_retry_ms.max(10)),
            worker_id: app::db::new_id(),
        })
    }

    /// Sends due mail until `stop` turns true: at once when woken, otherwise every few seconds.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        let poll = self.retry_base.min(Duration::from_secs(5));
        loop {
            if let Err(error) = self.send_due().await {
                tracing::error!(error = %error, "mail worker pass failed; will try again");
            }
            tokio::select! {
                _ = self.wakeup.notified() => {}
                _ = tokio::time::sleep(poll) => {}
                _ = stop.changed() => return,
            }
        }
    }

    /// One pass: claims and sends every message that is due. Returns how many were sent.
    pub async fn send_due(&self) -> anyhow::Result<usize> {
        let now_text = now();
        let due: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM outbox_mail
             WHERE sent_at IS NULL AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
             ORDER BY next_attempt_at LIMIT $2",
        )
        .bind(&now_text)
        .bind(BATCH)
        .fetch_all(&self.pool)
        .await?;
        let mut sent = 0;
        for id in due {
            if let Some(row) = self.claim(&id).await? {
                if self.deliver(row).await? {
                    sent += 1;
                }
            }
        }
        Ok(sent)
    }

    /// Claims one message for this worker, or returns `None` if another worker has it or it was sent.
    /// The WHERE clause is re-checked against the row as it is when the UPDATE runs, on both engines, so at
    /// most one worker's UPDATE changes it.
    async fn claim(&self, id: &str) -> anyhow::Result<Option<OutboxRow>> {
        let now_at = app::clock::now();
        let row = sqlx::query_as(
            "UPDATE outbox_mail SET claimed_by = $2, claimed_until = $3
             WHERE id = $1 AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < $4)
             RETURNING id, to_address, subject, body_text, attempts",
        )
        .bind(id)
        .bind(&self.worker_id)
        .bind(timestamp(now_at + CLAIM_FOR))
        .bind(timestamp(now_at))
        .fetch_optional(&self.pool)
        .await?;
        Ok(row)
    }

    /// Sends a claimed message and records the outcome. Returns whether it was sent.
    async fn deliver(&self, row: OutboxRow) -> anyhow::Result<bool> {
        let outcome = match self.build(&row) {
            Ok(message) => self.mailer.send(&row.id, message).await,
            Err(e) => Err(e),
        };
        match outcome {
            Ok(()) => {
                sqlx::query(
                    "UPDATE outbox_mail SET sent_at = $2, attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL, last_error = NULL
                     WHERE id = $1 AND claimed_by = $3",
                )
                .bind(&row.id)
                .bind(now())
                .bind(&self.worker_id)
                .execute(&self.pool)
                .await?;
                tracing::info!(mail.id = %row.id, "mail sent");
                Ok(true)
            }
            Err(error) => {
                let attempts = row.attempts + 1;
                let wait = backoff(self.retry_base, attempts);
                let next = app::clock::now() + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(1));
                sqlx::query(
                    "UPDATE outbox_mail SET attempts = $2, next_attempt_at = $3, last_error = $4, claimed_by = NULL, claimed_until = NULL
                     WHERE id = $1 AND claimed_by = $5",
                )
                .bind(&row.id)
                .bind(attempts)
                .bind(timestamp(next))
                .bind(error.to_string())
                .bind(&self.worker_id)
                .execute(&self.pool)
                .await?;
                tracing::warn!(mail.id = %row.id, mail.attempts = attempts, error = %error, "mail not sent; will retry in {wait:?}");
                Ok(false)
            }
        }
    }

    fn build(&self, row: &OutboxRow) -> anyhow::Result<Message> {
        let to: Mailbox = row.to_address.parse().map_err(|e| anyhow::anyhow!("bad recipient address: {e}"))?;
        Ok(Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(row.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(row.body_text.clone())?)
    }
}

/// The wait before retry number `attempts`: the base, doubled for each earlier failure, at most an hour.
fn backoff(base: Duration, attempts: i64) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1)).unwrap_or(u32::MAX).min(20);
    base.saturating_mul(2u32.saturating_pow(doublings)).min(MAX_BACKOFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_twice_as_long_each_time_up_to_an_hour() {
        let base = Duration::from_secs(30);
        assert_eq!(backoff(base, 1), Duration::from_secs(30));
        assert_eq!(backoff(base, 2), Duration::from_secs(60));
        assert_eq!(backoff(base, 4), Duration::from_secs(240));
        assert_eq!(backoff(base, 50), MAX_BACKOFF);
    }
}
