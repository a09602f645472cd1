//! The minutes' SQL: a meeting's stage, each item's discussion, comments, amendments and decisions.

use sqlx::{AnyConnection, FromRow};

use super::types::{Amendment, Approval, Decision, DecisionId, MinutesComment, MinutesStage};
use crate::accounts::types::{PersonId, ServiceId};
use crate::participation::types::{AgendaItemId, GroupId, MeetingId, MemberId, MemberType};

/// A meeting's minutes as a whole: their stage and approval.
#[derive(Clone, Debug)]
pub struct MinutesState {
    pub stage: MinutesStage,
    pub approved_at: Option<String>,
    pub approved_by_name: Option<String>,
    pub approved_how: Option<Approval>,
    pub summary_published: bool,
}

/// The minutes' state; a draft when nothing has been written yet.
pub async fn fetch_state(conn: &mut AnyConnection, meeting_id: &MeetingId) -> Result<MinutesState, sqlx::Error> {
    #[derive(FromRow)]
    struct Row {
        stage: String,
        approved_at: Option<String>,
        approved_by_name: Option<String>,
        approved_how: Option<String>,
        summary_published_at: Option<String>,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT n.stage, n.approved_at, p.display_name AS approved_by_name, n.approved_how, n.summary_published_at
         FROM meeting_minutes n LEFT JOIN person p ON p.id = n.approved_by WHERE n.meeting_id = $1",
    )
    .bind(meeting_id)
    .fetch_optional(conn)
    .await?;
    Ok(match row {
        Some(r) => MinutesState {
            stage: r.stage.parse().unwrap_or(MinutesStage::Draft),
            approved_at: r.approved_at,
            approved_by_name: r.approved_by_name,
            approved_how: r.approved_how.and_then(|h| h.parse().ok()),
            summary_published: r.summary_published_at.is_some(),
        },
        None => MinutesState {
            stage: MinutesStage::Draft,
            approved_at: None,
            approved_by_name: None,
            approved_how: None,
            summary_published: false,
        },
    })
}

/// Makes sure the meeting has a minutes row (a draft), inside the caller's transaction.
pub async fn ensure_minutes(conn: &mut AnyConnection, meeting_id: &MeetingId) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO meeting_minutes (meeting_id, stage) VALUES ($1, 'draft') ON CONFLICT (meeting_id) DO NOTHING",
    )
    .bind(meeting_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Moves draft minutes to circulated; `false` if they were not a draft.
pub async fn circulate(conn: &mut AnyConnection, meeting_id: &MeetingId) -> Result<bool, sqlx::Error> {
    ensure_minutes(&mut *conn, meeting_id).await?;
    let done = sqlx::query(
        "UPDATE meeting_minutes SET stage = 'circulated', circulated_at = $2 WHERE meeting_id = $1 AND stage = 'draft'",
    )
    .bind(meeting_id)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Approves draft or circulated minutes; `false` if they were approved already.
pub async fn approve(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
    by: Option<&PersonId>,
    how: Approval,
) -> Result<bool, sqlx::Error> {
    ensure_minutes(&mut *conn, meeting_id).await?;
    let done = sqlx::query(
        "UPDATE meeting_minutes SET stage = 'approved', approved_at = $2, approved_by = $3, approved_how = $4
         WHERE meeting_id = $1 AND stage IN ('draft', 'circulated')",
    )
    .bind(meeting_id)
    .bind(crate::db::now())
    .bind(by)
    .bind(how.as_str())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Publishes approved minutes to the group's members.
pub async fn publish_to_members(conn: &mut AnyConnection, meeting_id: &MeetingId) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE meeting_minutes SET stage = 'published', published_at = $2 WHERE meeting_id = $1 AND stage = 'approved'",
    )
    .bind(meeting_id)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(())
}

/// Publishes the public summary of approved minutes.
pub async fn publish_summary(conn: &mut AnyConnection, meeting_id: &MeetingId) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE meeting_minutes SET summary_published_at = $2 WHERE meeting_id = $1 AND summary_published_at IS NULL",
    )
    .bind(meeting_id)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes (or rewrites) an item's discussion.
pub async fn save_discussion(
    conn: &mut AnyConnection,
    item_id: &AgendaItemId,
    discussion: &str,
    by: Option<&PersonId>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO item_minutes (item_id, discussion, updated_at, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (item_id) DO UPDATE SET discussion = excluded.discussion, updated_at = excluded.updated_at,
            updated_by = excluded.updated_by",
    )
    .bind(item_id)
    .bind(discussion)
    .bind(crate::db::now())
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

/// Each item's discussion, for a meeting.
pub async fn list_discussions(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
) -> Result<Vec<(AgendaItemId, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT n.item_id, n.discussion FROM item_minutes n JOIN agenda_item i ON i.id = n.item_id WHERE i.meeting_id = $1",
    )
    .bind(meeting_id)
    .fetch_all(conn)
    .await
}

/// A member's correction to an item of circulated minutes. A second from the same member on the same item
/// is a unique violation.
pub async fn insert_comment(
    conn: &mut AnyConnection,
    item_id: &AgendaItemId,
    member_id: &MemberId,
    body: &str,
) -> Result<String, sqlx::Error> {
    let id = crate::db::new_id();
    sqlx::query("INSERT INTO minutes_comment (id, item_id, member_id, body, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(&id)
        .bind(item_id)
        .bind(member_id)
        .bind(body)
        .bind(crate::db::now())
        .execute(conn)
        .await?;
    Ok(id)
}

/// The comments on a meeting's minutes: (item, comment), by time.
pub async fn list_comments(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
) -> Result<Vec<(AgendaItemId, MinutesComment)>, sqlx::Error> {
    let rows: Vec<(AgendaItemId, String, String)> = sqlx::query_as(
        "SELECT c.item_id, m.name, c.body FROM minutes_comment c JOIN agenda_item i ON i.id = c.item_id
            JOIN group_member m ON m.id = c.member_id
         WHERE i.meeting_id = $1 ORDER BY c.created_at, c.id",
    )
    .bind(meeting_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(item, member_name, body)| (item, MinutesComment { member_name, body })).collect())
}

pub async fn insert_amendment(
    conn: &mut AnyConnection,
    item_id: &AgendaItemId,
    body: &str,
    by: &PersonId,
    by_name: &str,
) -> Result<String, sqlx::Error> {
    let id = crate::db::new_id();
    sqlx::query(
        "INSERT INTO minutes_amendment (id, item_id, body, made_by, made_by_name, made_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(item_id)
    .bind(body)
    .bind(by)
    .bind(by_name)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(id)
}

/// The amendments to a meeting's minutes: (item, amendment), oldest first; `made_at` as stored (UTC).
pub async fn list_amendments(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
) -> Result<Vec<(AgendaItemId, Amendment)>, sqlx::Error> {
    let rows: Vec<(AgendaItemId, String, String, String)> = sqlx::query_as(
        "SELECT a.item_id, a.body, a.made_by_name, a.made_at FROM minutes_amendment a
            JOIN agenda_item i ON i.id = a.item_id
         WHERE i.meeting_id = $1 ORDER BY a.made_at, a.id",
    )
    .bind(meeting_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(item, body, made_by_name, made_at)| (item, Amendment { body, made_by_name, made_at }))
        .collect())
}

/// Records a decision with the group's next number.
pub async fn insert_decision(
    conn: &mut AnyConnection,
    group_id: &GroupId,
    meeting_id: &MeetingId,
    item_id: &AgendaItemId,
    wording: &str,
    review_on: Option<&str>,
) -> Result<(DecisionId, i64), sqlx::Error> {
    let id = DecisionId::new();
    let number: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(MAX(number), 0) + 1 AS BIGINT) FROM group_decision WHERE group_id = $1",
    )
    .bind(group_id)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO group_decision (id, group_id, number, meeting_id, item_id, wording, review_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(group_id)
    .bind(number)
    .bind(meeting_id)
    .bind(item_id)
    .bind(wording)
    .bind(review_on)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok((id, number))
}

/// A meeting's decisions, by number.
pub async fn list_decisions(conn: &mut AnyConnection, meeting_id: &MeetingId) -> Result<Vec<Decision>, sqlx::Error> {
    let rows: Vec<(DecisionId, i64, AgendaItemId, String, Option<String>)> = sqlx::query_as(
        "SELECT id, CAST(number AS BIGINT) AS number, item_id, wording, review_on FROM group_decision
         WHERE meeting_id = $1 ORDER BY number",
    )
    .bind(meeting_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, number, item_id, wording, review_on)| Decision { id, number, item_id, wording, review_on })
        .collect())
}

/// The caller's membership of the meeting's group if they were recorded present: (member, type).
pub async fn present_member(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
    person_id: &PersonId,
) -> Result<Option<(MemberId, MemberType)>, sqlx::Error> {
    let row: Option<(MemberId, String)> = sqlx::query_as(
        "SELECT m.id, m.member_type FROM meeting_attendance a JOIN group_member m ON m.id = a.member_id
         WHERE a.meeting_id = $1 AND a.attendance = 'present' AND m.person_id = $2",
    )
    .bind(meeting_id)
    .bind(person_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id, t)| (id, t.parse().unwrap_or(MemberType::Stakeholder))))
}

/// How many members are recorded present at a meeting (0 before attendance is recorded).
pub async fn count_present(conn: &mut AnyConnection, meeting_id: &MeetingId) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM meeting_attendance WHERE meeting_id = $1 AND attendance = 'present'",
    )
    .bind(meeting_id)
    .fetch_one(conn)
    .await
}

/// The members present at a meeting to mail, one by one, that its draft minutes are ready: (name, email),
/// by name. Those who chose the weekly digest are left out: their digest carries it (tester F9).
pub async fn present_with_email(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.name, COALESCE(p.email, m.email) AS email FROM meeting_attendance a
            JOIN group_member m ON m.id = a.member_id LEFT JOIN person p ON p.id = m.person_id
            LEFT JOIN participation_mail_choice c ON c.person_id = m.person_id
         WHERE a.meeting_id = $1 AND a.attendance = 'present' AND COALESCE(p.email, m.email) IS NOT NULL
            AND COALESCE(c.weekly_digest, 0) = 0
         ORDER BY m.name",
    )
    .bind(meeting_id)
    .fetch_all(conn)
    .await
}

/// The staff and managers of a service with enabled accounts, who may own an action: (person, name), by name.
/// Read from accounts' role grants, as the duty inbox's recipients are.
pub async fn staff_of_service(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
) -> Result<Vec<(PersonId, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT DISTINCT p.id, p.display_name FROM role_grant g JOIN person p ON p.id = g.person_id
         WHERE g.service_id = $1 AND g.role IN ('staff', 'manager') AND p.disabled_at IS NULL
         ORDER BY p.display_name, p.id",
    )
    .bind(service_id)
    .fetch_all(conn)
    .await
}
