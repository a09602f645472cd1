//! Checks' housekeeping, run by each app server every five minutes: reminders to the volunteer (when they
//! have an email address) and always to the coordinator (`inclusion::coordinators`: the supervisor, else
//! whoever appointed them, else the service's managers, else its duty inbox; told to phone a volunteer
//! without an address) 60, 30 and 7 days before a check expires, each claimed (an `UPDATE ... IS NULL` on the check's
//! row) in the transaction that queues its mail, so with several app servers each goes once; and pausing the
//! appointment (never deleting it) when a check its role needs has lapsed. Dates are the deployment's local
//! dates, from the `clock` kernel.

use chrono::{Duration, NaiveDate};
use sqlx::AnyPool;

use super::db::{self, Reminder};
use crate::{clock::Clock, mail};

fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// Queues every check reminder due now and pauses appointments whose checks lapsed, then rings the mail
/// worker (the housekeeping job).
pub async fn run_now(state: &crate::state::AppState) -> Result<usize, sqlx::Error> {
    let queued = queue_reminders(&state.pool, &state.clock, &state.security.base_url).await?;
    let paused = pause_lapsed(&state.pool, &state.clock).await?;
    if queued > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(queued + paused)
}

/// Queues the reminders due at `clock`'s today; returns how many mails were queued (the volunteer's and the
/// coordinator's each count one).
pub async fn queue_reminders(pool: &AnyPool, clock: &Clock, base_url: &url::Url) -> Result<usize, sqlx::Error> {
    let today = clock.today();
    let mut queued = 0;
    for which in Reminder::ALL {
        let (nearest, furthest) = which.days();
        let (from, until) = (iso(today + Duration::days(nearest)), iso(today + Duration::days(furthest)));
        for due in db::list_reminders_due(pool, which, &from, &until).await? {
            let mut tx = crate::db::begin_write(pool).await?;
            if db::claim_reminder(&mut tx, &due.id, which).await? {
                let Some(appointment) = db::fetch_appointment(&mut tx, &due.appointment_id).await? else {
                    tx.commit().await?;
                    continue;
                };
                let expires = crate::dates::long_day(&due.expires_on);
                let first_choice = [appointment.supervisor_id.as_ref(), appointment.created_by.as_ref()];
                let coordinators =
                    crate::inclusion::coordinators::coordinators(&mut tx, &appointment.service_id, &first_choice)
                        .await?;
                if appointment.email.is_none() && coordinators.is_empty() {
                    // Nobody to tell: the claim is not kept, so the reminder goes once someone can be told.
                    tracing::warn!(
                        appointment.id = %appointment.id,
                        "a check reminder reaches nobody: the volunteer has no email address and the service has \
                         no supervisor, appointer, manager or duty inbox to tell"
                    );
                    tx.rollback().await?;
                    continue;
                }
                if let Some(to) = &appointment.email {
                    let link = crate::links::absolute(base_url, super::super::volunteer::MY_PAGE, &[]);
                    let mail = super::emails::expiring_to_volunteer(to, &appointment, &due.check_name, &expires, &link);
                    mail::enqueue(&mut *tx, &mail).await?;
                    queued += 1;
                }
                let path = format!("/inclusion/appointments/{}", appointment.id);
                let link = crate::links::absolute(base_url, &path, &[]);
                for to in &coordinators {
                    let mail =
                        super::emails::expiring_to_coordinator(to, &appointment, &due.check_name, &expires, &link);
                    mail::enqueue(&mut *tx, &mail).await?;
                    queued += 1;
                }
            }
            tx.commit().await?;
        }
    }
    if queued > 0 {
        tracing::info!(reminders = queued, "volunteer check reminders queued");
    }
    Ok(queued)
}

/// Pauses every active appointment with a check its role needs that is not in date: lapsed (reason "check
/// lapsed") or never done, as when a role comes to need a check after its volunteers started (reason
/// "waiting for checks"); returns how many it paused. The rule is `checks::server::pause_if_not_in_date`'s,
/// the one the coordinator's pages use; each change is audited; recording the check resumes it.
pub async fn pause_lapsed(pool: &AnyPool, clock: &Clock) -> Result<usize, sqlx::Error> {
    let today = iso(clock.today());
    let mut paused = 0;
    for id in db::list_not_in_date_active(pool, &today).await? {
        let mut tx = crate::db::Write::begin(pool, None).await.map_err(internal)?;
        let Some(appointment) = db::fetch_appointment(tx.conn(), &id).await? else { continue };
        if super::server::pause_if_not_in_date(&mut tx, &appointment).await.map_err(internal)? {
            paused += 1;
        }
        tx.commit().await.map_err(internal)?;
    }
    if paused > 0 {
        tracing::info!(appointments = paused, "volunteers paused for a check not in date");
    }
    Ok(paused)
}

/// The housekeeping's error type is sqlx's: an `AppError` from the shared rule is carried as a protocol error.
fn internal(error: crate::error::AppError) -> sqlx::Error {
    sqlx::Error::Protocol(error.to_string())
}
