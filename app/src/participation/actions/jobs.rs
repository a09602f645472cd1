//! Participation's housekeeping: reminders to an action's owner, and the weekly digest. Each app server runs
//! them every five minutes; each reminder and each person's weekly digest is claimed (an `UPDATE ... IS NULL`,
//! an `INSERT ... ON CONFLICT DO NOTHING`) in the transaction that queues its mail, so with several app servers
//! each is sent once.
//!
//! Reminders: the "due soon" one for an open action due 2 to 7 days ahead (so 7 days before, or at once for
//! an action given with less time), "due tomorrow" the day before, and "overdue" from the day after the due
//! date. An owner who chose the weekly digest gets no single mails: the reminder is claimed and not sent, and
//! their actions are in the digest. An owner without an email address gets none.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use sqlx::AnyPool;

use super::{
    db::{self, Reminder},
    emails,
};
use crate::{clock::Clock, mail};

/// Where mail sends people to see their actions.
pub const MY_ACTIONS: &str = super::server::MY_ACTIONS_PATH;

fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// Queues every reminder due now and rings the mail worker (the housekeeping job).
pub async fn queue_reminders_now(state: &crate::state::AppState) -> Result<usize, sqlx::Error> {
    let queued = queue_reminders(&state.pool, &state.clock, &state.security.base_url).await?;
    if queued > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(queued)
}

/// Queues the reminders due at `clock`'s today; returns how many mails were queued.
pub async fn queue_reminders(pool: &AnyPool, clock: &Clock, base_url: &url::Url) -> Result<usize, sqlx::Error> {
    let today = clock.today();
    let day = |n: i64| iso(today + Duration::days(n));
    let link = crate::links::absolute(base_url, MY_ACTIONS, &[]);
    let mut queued = 0;
    for (which, from, until) in [
        (Reminder::Week, day(2), day(7)),
        (Reminder::Day, day(1), day(1)),
        (Reminder::Overdue, "2000-01-01".to_owned(), day(-1)),
    ] {
        for due in db::list_reminders_due(pool, which, &from, &until).await? {
            let mut tx = crate::db::begin_write(pool).await?;
            if db::claim_reminder(&mut tx, &due.id, which).await? && due.digest == 0 {
                if let (Some(to), Some(action)) = (&due.email, db::fetch_action(&mut tx, &due.id, &iso(today)).await?) {
                    // Someone without an account has no "my actions" page: they are told whom to tell instead.
                    let link = (due.has_account == 1).then_some(link.as_str());
                    mail::enqueue(&mut *tx, &emails::reminder(to, &action, which, link)).await?;
                    queued += 1;
                }
            }
            tx.commit().await?;
        }
    }
    if queued > 0 {
        tracing::info!(reminders = queued, "action reminders queued");
    }
    Ok(queued)
}

/// Queues this week's digests and rings the mail worker (the housekeeping job).
pub async fn queue_digests_now(state: &crate::state::AppState) -> Result<usize, sqlx::Error> {
    let queued = queue_digests(&state.pool, &state.clock, &state.security.base_url).await?;
    if queued > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(queued)
}

/// The Monday (local date) of the week holding `day`: the week a digest is for.
pub fn week_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// What papers were mailed to `person` since `since` (an instant, RFC 3339 UTC: the start of the local week),
/// one line each, for the digest: the group and the meeting's day, never a paper's or an item's title (so no
/// confidential item is named, whoever the person is).
async fn papers_sent(
    conn: &mut sqlx::AnyConnection,
    person: &crate::accounts::types::PersonId,
    since: &str,
) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT g.name, m.starts_at FROM meeting_papers_recipient r
         JOIN group_member gm ON gm.id = r.member_id
         JOIN group_meeting m ON m.id = r.meeting_id
         JOIN participation_group g ON g.id = m.group_id
         WHERE gm.person_id = $1 AND r.sent_at >= $2
         ORDER BY m.starts_at",
    )
    .bind(person)
    .bind(since)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(group, starts)| {
            format!("{group}: the papers for {}", crate::dates::readable_day(starts.get(..10).unwrap_or_default()))
        })
        .collect())
}

/// The draft minutes circulated since `since` (an instant, RFC 3339 UTC: the start of the local week) of the
/// meetings `person` was present at, one line each for the digest (which carries what the single "Draft minutes
/// to check" mail says to those who chose it): the group, the meeting's day and the link; never the text.
async fn minutes_to_check(
    conn: &mut sqlx::AnyConnection,
    person: &crate::accounts::types::PersonId,
    since: &str,
    base_url: &url::Url,
) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT g.name, m.starts_at, m.id FROM meeting_minutes mm
         JOIN group_meeting m ON m.id = mm.meeting_id
         JOIN participation_group g ON g.id = m.group_id
         JOIN meeting_attendance a ON a.meeting_id = m.id AND a.attendance = 'present'
         JOIN group_member gm ON gm.id = a.member_id
         WHERE gm.person_id = $1 AND mm.stage = 'circulated' AND mm.circulated_at >= $2
         ORDER BY m.starts_at",
    )
    .bind(person)
    .bind(since)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(group, starts, meeting)| {
            let link = crate::links::absolute(base_url, &format!("/participation/meetings/{meeting}/minutes"), &[]);
            format!(
                "{group}: the draft minutes of {}, to check and correct: {link}",
                crate::dates::readable_day(starts.get(..10).unwrap_or_default())
            )
        })
        .collect())
}

/// Queues the weekly digest for each person who chose it and has not had this week's (the week starting on
/// Monday, local); returns how many were queued.
pub async fn queue_digests(pool: &AnyPool, clock: &Clock, base_url: &url::Url) -> Result<usize, sqlx::Error> {
    let today = clock.today();
    let week = iso(week_of(today));
    let link = crate::links::absolute(base_url, MY_ACTIONS, &[]);
    let local = |day: NaiveDate| day.and_time(NaiveTime::MIN).format("%Y-%m-%dT%H:%M").to_string();
    let mut queued = 0;
    for (person, name, email) in db::list_digest_due(pool, &week).await? {
        let mut tx = crate::db::begin_write(pool).await?;
        if db::claim_digest(&mut tx, &person, &week).await? {
            let actions: Vec<_> = db::list_owned_by(&mut tx, &person, &iso(today))
                .await?
                .into_iter()
                .filter(|a| a.status == super::types::ActionStatus::Open)
                .collect();
            let meetings: Vec<String> = db::list_upcoming_meetings(
                &mut tx,
                &person,
                &iso(today),
                &local(today),
                &local(today + Duration::days(14)),
            )
            .await?
            .into_iter()
            .map(|(group, starts, ends, place)| {
                let when = format!(
                    "{}, {} to {}",
                    crate::dates::readable_day(starts.get(..10).unwrap_or_default()),
                    starts.get(11..).unwrap_or_default(),
                    ends.get(11..).unwrap_or_default()
                );
                if place.is_empty() {
                    format!("{group}: {when}")
                } else {
                    format!("{group}: {when}, {place}")
                }
            })
            .collect();
            let week_began = crate::db::timestamp(clock.instant_at(week_of(today).and_time(NaiveTime::MIN)));
            let papers = papers_sent(&mut tx, &person, &week_began).await?;
            // Since this person's last digest (so a draft circulated after it is in the next one), or a week.
            let last: Option<String> = sqlx::query_scalar(
                "SELECT MAX(sent_at) FROM participation_digest_sent WHERE person_id = $1 AND week_of < $2",
            )
            .bind(&person)
            .bind(&week)
            .fetch_one(&mut *tx)
            .await?;
            let a_week_ago = crate::db::timestamp(clock.now() - Duration::days(7));
            let since = last.unwrap_or(a_week_ago);
            let minutes = minutes_to_check(&mut tx, &person, &since, base_url).await?;
            let lists =
                emails::DigestLists { actions: &actions, meetings: &meetings, papers: &papers, minutes: &minutes };
            mail::enqueue(&mut *tx, &emails::digest(&email, &name, &lists, &link)).await?;
            queued += 1;
        }
        tx.commit().await?;
    }
    if queued > 0 {
        tracing::info!(digests = queued, "weekly digests queued");
    }
    Ok(queued)
}
