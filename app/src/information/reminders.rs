//! The day-before reminder for events. The server's housekeeping calls `queue_due` every few minutes; from
//! 09:00 local time (the deployment's time zone, `crate::clock`) it queues a reminder for each registration
//! with an email whose event starts **tomorrow**, local date (or later that day, if the server was down at
//! 09:00). A registration made after that moment has just had its confirmation, which says no reminder will
//! follow, and gets none: not that day, and not on the day of the event, when "tomorrow" would be wrong.
//! Each registration is claimed before its mail is queued, in the same transaction, so several servers never
//! send one twice. An event that moves has its reminders re-armed for the new date (`db::rearm_reminders`).

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use sqlx::AnyPool;

use super::{db, emails, server::cancel_link};
use crate::{accounts::session, clock::Clock, mail};

/// The local time from which reminders for the next day's events go out.
const SEND_FROM: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// The instant reminders for events on local date `event_day` start going out: 09:00 local the day before.
/// A registration made before it gets a reminder; one made after it does not.
pub fn reminders_open(clock: &Clock, event_day: NaiveDate) -> DateTime<Utc> {
    clock.instant_at((event_day - Duration::days(1)).and_time(SEND_FROM))
}

/// Whether a registration made now for an event on `event_day` (`YYYY-MM-DD`) will get a reminder.
pub fn reminder_will_follow(clock: &Clock, event_day: &str) -> bool {
    NaiveDate::parse_from_str(event_day, "%Y-%m-%d").is_ok_and(|day| clock.now() < reminders_open(clock, day))
}

/// Queues every reminder due now, and rings the mail worker if any were queued (the housekeeping job).
pub async fn queue_due_now(state: &crate::state::AppState) -> Result<usize, sqlx::Error> {
    let queued = queue_due(&state.pool, &state.clock, &state.security.base_url).await?;
    if queued > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(queued)
}

/// Queues every reminder due at `clock`'s now and returns how many were queued.
pub async fn queue_due(pool: &AnyPool, clock: &Clock, base_url: &url::Url) -> Result<usize, sqlx::Error> {
    let now = clock.local_now();
    if now.time() < SEND_FROM {
        return Ok(0);
    }
    let tomorrow = now.date() + Duration::days(1);
    let format = |day: NaiveDate| day.and_time(NaiveTime::MIN).format("%Y-%m-%dT%H:%M").to_string();
    let (from, until) = (format(tomorrow), format(tomorrow + Duration::days(1)));
    let registered_before = crate::db::timestamp(reminders_open(clock, tomorrow));
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
