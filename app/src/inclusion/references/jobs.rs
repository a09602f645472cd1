//! References' housekeeping: the one reminder to a referee who has not answered 7 days after being asked,
//! claimed (an `UPDATE ... IS NULL`) in the transaction that queues its mail, so with several app servers it
//! is sent once. The reminder carries a second link to the same request (its key's hash stored beside the
//! first's), since the first key is not kept.

use chrono::Duration;
use sqlx::AnyPool;

use super::{db, emails, REMIND_AFTER_DAYS};
use crate::{accounts::session, clock::Clock, mail};

/// Queues the reminders due and rings the mail worker (the housekeeping job).
pub async fn queue_reminders_now(state: &crate::state::AppState) -> Result<usize, sqlx::Error> {
    let queued = queue_reminders(&state.pool, &state.clock, &state.security.base_url).await?;
    if queued > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(queued)
}

/// Queues the reminders due at `clock`'s now; returns how many.
pub async fn queue_reminders(pool: &AnyPool, clock: &Clock, base_url: &url::Url) -> Result<usize, sqlx::Error> {
    let now = clock.now();
    let asked_by = crate::db::timestamp(now - Duration::days(REMIND_AFTER_DAYS));
    let mut queued = 0;
    for (id, referee, to, applicant, role, expires_at, application) in
        db::list_reminders_due(pool, &asked_by, &crate::db::timestamp(now)).await?
    {
        let key = session::new_token();
        let mut tx = crate::db::begin_write(pool).await?;
        if db::claim_reminder(&mut tx, &id, &session::hash_token(&key)).await? {
            let link = super::server::reference_link(base_url, &key);
            let zone = clock.zone();
            let last_day = crate::db::parse_timestamp(&expires_at).with_timezone(&zone).format("%Y-%m-%d").to_string();
            let message = emails::reminder(&to, &referee, &applicant, &role, &link, &crate::dates::long_day(&last_day));
            mail::enqueue_about(&mut *tx, &message, &crate::inclusion::db::mail_about(&application)).await?;
            queued += 1;
        }
        tx.commit().await?;
    }
    if queued > 0 {
        tracing::info!(reminders = queued, "reference reminders queued");
    }
    Ok(queued)
}
