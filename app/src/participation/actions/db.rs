//! Actions' SQL: actions, their updates, matters arising, the owner's reminders and the weekly digest.

use sqlx::{AnyConnection, FromRow};

use super::types::{ActionId, ActionStatus, ActionSummary, ActionUpdate};
use crate::accounts::types::PersonId;
use crate::participation::types::{AgendaItemId, GroupId, MeetingId, MemberId};

#[derive(FromRow)]
struct ActionRow {
    id: ActionId,
    group_id: GroupId,
    group_name: String,
    meeting_id: MeetingId,
    meeting_day: String,
    item_id: AgendaItemId,
    item_title: String,
    confidential: i64,
    description: String,
    owner_name: String,
    due_on: String,
    status: String,
    dropped_reason: String,
}

impl ActionRow {
    fn into_summary(self, today: &str) -> ActionSummary {
        let status = self.status.parse().unwrap_or(ActionStatus::Open);
        ActionSummary {
            overdue: status == ActionStatus::Open && self.due_on.as_str() < today,
            id: self.id,
            group_id: self.group_id,
            group_name: self.group_name,
            meeting_id: self.meeting_id,
            meeting_day: self.meeting_day,
            item_id: self.item_id,
            item_title: self.item_title,
            confidential: self.confidential != 0,
            description: self.description,
            owner_name: self.owner_name,
            due_on: self.due_on,
            status,
            dropped_reason: self.dropped_reason,
        }
    }
}

const ACTION_SELECT: &str = "SELECT a.id, a.group_id, g.name AS group_name, a.meeting_id,
        substr(m.starts_at, 1, 10) AS meeting_day, a.item_id, i.title AS item_title,
        CAST(i.confidential AS BIGINT) AS confidential, a.description, a.owner_name, a.due_on, a.status,
        a.dropped_reason
     FROM group_action a JOIN participation_group g ON g.id = a.group_id
        JOIN group_meeting m ON m.id = a.meeting_id JOIN agenda_item i ON i.id = a.item_id";

fn summaries(rows: Vec<ActionRow>, today: &str) -> Vec<ActionSummary> {
    rows.into_iter().map(|r| r.into_summary(today)).collect()
}

/// Who owns a new action.
pub enum Owner {
    Member(MemberId),
    Person(PersonId),
}

/// A new action, as stored.
pub struct NewAction<'a> {
    pub group_id: &'a GroupId,
    pub meeting_id: &'a MeetingId,
    pub item_id: &'a AgendaItemId,
    pub description: &'a str,
    pub owner: &'a Owner,
    pub owner_name: &'a str,
    pub due_on: &'a str,
    pub by: Option<&'a PersonId>,
}

pub async fn insert_action(conn: &mut AnyConnection, action: &NewAction<'_>) -> Result<ActionId, sqlx::Error> {
    let id = ActionId::new();
    let (member, person) = match action.owner {
        Owner::Member(m) => (Some(m), None),
        Owner::Person(p) => (None, Some(p)),
    };
    sqlx::query(
        "INSERT INTO group_action (id, group_id, meeting_id, item_id, description, owner_member_id, owner_person_id,
            owner_name, due_on, status, dropped_reason, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', '', $10, $11)",
    )
    .bind(&id)
    .bind(action.group_id)
    .bind(action.meeting_id)
    .bind(action.item_id)
    .bind(action.description)
    .bind(member)
    .bind(person)
    .bind(action.owner_name)
    .bind(action.due_on)
    .bind(crate::db::now())
    .bind(action.by)
    .execute(conn)
    .await?;
    Ok(id)
}

pub async fn fetch_action(
    conn: &mut AnyConnection,
    id: &ActionId,
    today: &str,
) -> Result<Option<ActionSummary>, sqlx::Error> {
    let row: Option<ActionRow> =
        sqlx::query_as(&format!("{ACTION_SELECT} WHERE a.id = $1")).bind(id).fetch_optional(conn).await?;
    Ok(row.map(|r| r.into_summary(today)))
}

/// The person who owns an action, if the owner has an account (a member with one, or staff).
pub async fn fetch_owner_person(conn: &mut AnyConnection, id: &ActionId) -> Result<Option<PersonId>, sqlx::Error> {
    let row: Option<(Option<PersonId>,)> = sqlx::query_as(
        "SELECT COALESCE(a.owner_person_id, m.person_id) FROM group_action a
            LEFT JOIN group_member m ON m.id = a.owner_member_id WHERE a.id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.and_then(|(p,)| p))
}

/// A meeting's actions, in the order they were given.
pub async fn list_for_meeting(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
    today: &str,
) -> Result<Vec<ActionSummary>, sqlx::Error> {
    let rows: Vec<ActionRow> =
        sqlx::query_as(&format!("{ACTION_SELECT} WHERE a.meeting_id = $1 ORDER BY a.created_at, a.id"))
            .bind(meeting_id)
            .fetch_all(conn)
            .await?;
    Ok(summaries(rows, today))
}

/// Matters arising for a meeting of a group starting at `starts_at` (local `YYYY-MM-DDTHH:MM`) on `day`:
/// the actions given at the group's earlier meetings that are still open, or were closed on or after `day`
/// (so a past meeting's matters arising stay as they were), by due date.
pub async fn list_matters_arising(
    conn: &mut AnyConnection,
    group_id: &GroupId,
    starts_at: &str,
    day: &str,
    today: &str,
) -> Result<Vec<ActionSummary>, sqlx::Error> {
    let rows: Vec<ActionRow> = sqlx::query_as(&format!(
        "{ACTION_SELECT} WHERE a.group_id = $1 AND m.starts_at < $2
            AND (a.status = 'open' OR (a.closed_on IS NOT NULL AND a.closed_on >= $3))
         ORDER BY a.due_on, a.created_at, a.id"
    ))
    .bind(group_id)
    .bind(starts_at)
    .bind(day)
    .fetch_all(conn)
    .await?;
    Ok(summaries(rows, today))
}

/// The actions a person owns (as staff, or through any of their memberships), open first, then by due date.
pub async fn list_owned_by(
    conn: &mut AnyConnection,
    person: &PersonId,
    today: &str,
) -> Result<Vec<ActionSummary>, sqlx::Error> {
    let rows: Vec<ActionRow> = sqlx::query_as(&format!(
        "{ACTION_SELECT} WHERE a.owner_person_id = $1
            OR a.owner_member_id IN (SELECT id FROM group_member WHERE person_id = $1)
         ORDER BY CASE WHEN a.status = 'open' THEN 0 ELSE 1 END, a.due_on, a.id"
    ))
    .bind(person)
    .fetch_all(conn)
    .await?;
    Ok(summaries(rows, today))
}

/// Sets an action's status (with the reason for dropping it, and the local day it closed).
pub async fn update_status(
    conn: &mut AnyConnection,
    id: &ActionId,
    status: ActionStatus,
    reason: &str,
    today: &str,
) -> Result<(), sqlx::Error> {
    let closed_on = (status != ActionStatus::Open).then_some(today);
    sqlx::query("UPDATE group_action SET status = $2, dropped_reason = $3, closed_on = $4 WHERE id = $1")
        .bind(id)
        .bind(status.as_str())
        .bind(reason)
        .bind(closed_on)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn insert_update(
    conn: &mut AnyConnection,
    id: &ActionId,
    body: &str,
    by: &PersonId,
    by_name: &str,
) -> Result<String, sqlx::Error> {
    let update_id = crate::db::new_id();
    sqlx::query(
        "INSERT INTO action_update (id, action_id, body, made_by, made_by_name, made_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&update_id)
    .bind(id)
    .bind(body)
    .bind(by)
    .bind(by_name)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(update_id)
}

/// An action's updates, oldest first; `made_at` as stored (UTC).
pub async fn list_updates(conn: &mut AnyConnection, id: &ActionId) -> Result<Vec<ActionUpdate>, sqlx::Error> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT body, made_by_name, made_at FROM action_update WHERE action_id = $1 ORDER BY made_at, id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(body, made_by_name, made_at)| ActionUpdate { body, made_by_name, made_at }).collect())
}

// ---- reminders ------------------------------------------------------------------------------------------

/// Which reminder: 7 days before the due date, the day before, or the day the action fell overdue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reminder {
    Week,
    Day,
    Overdue,
}

impl Reminder {
    fn column(self) -> &'static str {
        match self {
            Reminder::Week => "reminded_week_at",
            Reminder::Day => "reminded_day_at",
            Reminder::Overdue => "reminded_overdue_at",
        }
    }
}

/// An open action whose reminder may be due: its id, due date, and the owner's email and whether they take
/// the weekly digest instead of single mails.
#[derive(FromRow)]
pub struct ReminderDue {
    pub id: ActionId,
    pub email: Option<String>,
    pub digest: i64,
    /// 1 when the owner has an account (and so a "my actions" page to open), 0 for an outside member.
    pub has_account: i64,
}

/// Open actions due between `from` and `until` (local dates, inclusive) whose `reminder` has not been sent.
pub async fn list_reminders_due(
    pool: &sqlx::AnyPool,
    reminder: Reminder,
    from: &str,
    until: &str,
) -> Result<Vec<ReminderDue>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT a.id, COALESCE(p.email, mp.email, m.email) AS email,
            CAST(COALESCE(c.weekly_digest, 0) AS BIGINT) AS digest,
            CAST(CASE WHEN COALESCE(a.owner_person_id, m.person_id) IS NULL THEN 0 ELSE 1 END AS BIGINT)
                AS has_account
         FROM group_action a
            LEFT JOIN person p ON p.id = a.owner_person_id
            LEFT JOIN group_member m ON m.id = a.owner_member_id
            LEFT JOIN person mp ON mp.id = m.person_id
            LEFT JOIN participation_mail_choice c ON c.person_id = COALESCE(a.owner_person_id, m.person_id)
         WHERE a.status = 'open' AND a.due_on >= $1 AND a.due_on <= $2 AND a.{} IS NULL
         ORDER BY a.due_on, a.id",
        reminder.column()
    ))
    .bind(from)
    .bind(until)
    .fetch_all(pool)
    .await
}

/// Claims an action's reminder; `false` if another app server claimed it first.
pub async fn claim_reminder(conn: &mut AnyConnection, id: &ActionId, reminder: Reminder) -> Result<bool, sqlx::Error> {
    let column = reminder.column();
    let done = sqlx::query(&format!("UPDATE group_action SET {column} = $2 WHERE id = $1 AND {column} IS NULL"))
        .bind(id)
        .bind(crate::db::now())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

// ---- mail choice and digest -------------------------------------------------------------------------------

/// Whether a person takes the weekly digest instead of single mails (the default is single mails).
pub async fn fetch_weekly_digest(conn: &mut AnyConnection, person: &PersonId) -> Result<bool, sqlx::Error> {
    let value: Option<i64> =
        sqlx::query_scalar("SELECT CAST(weekly_digest AS BIGINT) FROM participation_mail_choice WHERE person_id = $1")
            .bind(person)
            .fetch_optional(conn)
            .await?;
    Ok(value.unwrap_or(0) != 0)
}

pub async fn set_weekly_digest(conn: &mut AnyConnection, person: &PersonId, digest: bool) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO participation_mail_choice (person_id, weekly_digest) VALUES ($1, $2)
         ON CONFLICT (person_id) DO UPDATE SET weekly_digest = excluded.weekly_digest",
    )
    .bind(person)
    .bind(crate::db::flag(digest))
    .execute(conn)
    .await?;
    Ok(())
}

/// The people who chose the weekly digest and have not had this week's: (person, name, email).
pub async fn list_digest_due(
    pool: &sqlx::AnyPool,
    week_of: &str,
) -> Result<Vec<(PersonId, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.display_name, p.email FROM participation_mail_choice c JOIN person p ON p.id = c.person_id
         WHERE c.weekly_digest = 1 AND p.disabled_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM participation_digest_sent s WHERE s.person_id = p.id AND s.week_of = $1)
         ORDER BY p.id",
    )
    .bind(week_of)
    .fetch_all(pool)
    .await
}

/// Claims a person's digest for the week; `false` if another app server claimed it first.
pub async fn claim_digest(conn: &mut AnyConnection, person: &PersonId, week_of: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO participation_digest_sent (person_id, week_of, sent_at) VALUES ($1, $2, $3)
         ON CONFLICT (person_id, week_of) DO NOTHING",
    )
    .bind(person)
    .bind(week_of)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A meeting coming up for someone: (group name, local start `YYYY-MM-DDTHH:MM`, local end, place, status).
pub async fn list_upcoming_meetings(
    conn: &mut AnyConnection,
    person: &PersonId,
    today: &str,
    from: &str,
    until: &str,
) -> Result<Vec<(String, String, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT g.name, m.starts_at, m.ends_at, m.place FROM group_meeting m
            JOIN participation_group g ON g.id = m.group_id
         WHERE m.status = 'planned' AND m.starts_at >= $3 AND m.starts_at < $4
            AND m.group_id IN (SELECT gm.group_id FROM group_member gm WHERE gm.person_id = $1
                AND gm.term_start <= $2 AND (gm.term_end IS NULL OR gm.term_end >= $2))
         ORDER BY m.starts_at, m.id",
    )
    .bind(person)
    .bind(today)
    .bind(from)
    .bind(until)
    .fetch_all(conn)
    .await
}
