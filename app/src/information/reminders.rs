//! The day-before reminder for events. The server's housekeeping calls `queue_due` every few minutes; it
//! queues a reminder for each registration with an email whose event starts tomorrow, once it is 09:00 the
//! day before (or later, if the server was down then). A registration made after that moment has just had its
//! confirmation and gets no reminder. Each registration is claimed before its mail is queued, in the same
//! transaction, so several servers never send one twice.

use chrono::{Duration, NaiveDateTime, NaiveTime};
use sqlx::AnyPool;

use super::{db, emails, server::cancel_link};
use crate::{accounts::session, mail};

/// When reminders for events on the day after `now`'s day start going out.
const SEND_FROM: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// Queues every reminder due now, and rings the mail worker if any were queued (the housekeeping job).
pub async fn queue_due_now(state: &crate::state::AppState) -> Result<usize, sqlx::Error> {
    let queued = queue_due(&state.pool, crate::clock::local_now_naive(), &state.security.base_url).await?;
    if queued > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(queued)
}

/// Queues every reminder due at `now` (local time) and returns how many were queued.
pub async fn queue_due(pool: &AnyPool, now: NaiveDateTime, base_url: &url::Url) -> Result<usize, sqlx::Error> {
    if now.time() < SEND_FROM {
        return Ok(0);
    }
    let tomorrow = now.date() + Duration::days(1);
    let window_opened = now.date().and_time(SEND_FROM);
    let format = |t: NaiveDateTime| t.format("%Y-%m-%dT%H:%M").to_string();
    let from = format(now);
    let until = format((tomorrow + Duration::days(1)).and_time(NaiveTime::MIN));
    // registered_at is a stored UTC timestamp; local time is taken as UTC (see `server::local_now`).
    let registered_before = crate::db::timestamp(window_opened.and_utc());
    let mut queued = 0;
    for due in db::list_reminders_due(pool, &from, &until, &registered_before).await? {
        let Some(event) = db::fetch_event(pool, &due.event_id).await? else { continue };
        let token = session::new_token();
        let mut tx = crate::db::begin_write(pool).await?;
        if db::claim_reminder(&mut *tx, &due.registration_id, &session::hash_token(&token)).await? {
            mail::enqueue(&mut *tx, &emails::reminder(&due.email, &due.name, &event, &cancel_link(base_url, &token)))
                .await?;
            queued += 1;
        }
        tx.commit().await?;
    }
    if queued > 0 {
        tracing::info!(reminders = queued, "event reminders queued");
    }
    Ok(queued)
}
