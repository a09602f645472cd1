//! The SQL of meeting papers and their sending. Every function takes a connection: a pooled one for reading,
//! `Write::conn()` for a change.

use sqlx::{AnyConnection, FromRow};

use super::{Paper, PaperId};
use crate::accounts::types::PersonId;
use crate::participation::types::{AgendaItemId, MeetingId, MemberId};

#[derive(FromRow)]
struct PaperRow {
    id: PaperId,
    meeting_id: MeetingId,
    item_id: AgendaItemId,
    item_position: i64,
    item_title: String,
    confidential: i64,
    title: String,
    file_name: String,
    size_bytes: i64,
    easy_read_file_name: Option<String>,
    easy_read_size_bytes: Option<i64>,
    added_at: String,
}

impl PaperRow {
    fn into_paper(self) -> Paper {
        Paper {
            id: self.id,
            item_id: self.item_id,
            item_position: self.item_position,
            item_title: self.item_title,
            confidential: self.confidential != 0,
            title: self.title,
            file_name: self.file_name,
            size_bytes: self.size_bytes,
            easy_read: self.easy_read_file_name.zip(self.easy_read_size_bytes),
            added_on: crate::clock::local_day_of(&self.added_at),
            added_late: false,
        }
    }
}

const PAPER_SELECT: &str = "SELECT p.id, i.meeting_id, p.item_id, CAST(i.position AS BIGINT) AS item_position,
        i.title AS item_title, CAST(i.confidential AS BIGINT) AS confidential, p.title, p.file_name,
        CAST(p.size_bytes AS BIGINT) AS size_bytes, p.easy_read_file_name,
        CAST(p.easy_read_size_bytes AS BIGINT) AS easy_read_size_bytes, p.added_at
     FROM meeting_paper p JOIN agenda_item i ON i.id = p.item_id";

/// A paper as stored.
pub struct NewPaper<'a> {
    pub item_id: &'a AgendaItemId,
    pub title: &'a str,
    /// The uploaded name, cleaned (`crate::download::uploaded_name`): the download's name, never an address.
    pub file_name: &'a str,
    pub content: &'a [u8],
}

pub async fn insert_paper(
    conn: &mut AnyConnection,
    paper: &NewPaper<'_>,
    by: &PersonId,
) -> Result<PaperId, sqlx::Error> {
    let id = PaperId::new();
    sqlx::query(
        "INSERT INTO meeting_paper (id, item_id, title, file_name, size_bytes, content_base64, added_at, added_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(paper.item_id)
    .bind(paper.title)
    .bind(paper.file_name)
    .bind(i64::try_from(paper.content.len()).unwrap_or(i64::MAX))
    .bind(crate::pdf::encode(paper.content))
    .bind(crate::db::now())
    .bind(by)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Sets (or replaces) a paper's easy-read version.
pub async fn set_easy_read(
    conn: &mut AnyConnection,
    id: &PaperId,
    file_name: &str,
    content: &[u8],
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE meeting_paper SET easy_read_file_name = $2, easy_read_size_bytes = $3, easy_read_base64 = $4
         WHERE id = $1",
    )
    .bind(id)
    .bind(file_name)
    .bind(i64::try_from(content.len()).unwrap_or(i64::MAX))
    .bind(crate::pdf::encode(content))
    .execute(conn)
    .await?;
    Ok(())
}

/// A meeting's papers in agenda order, then by title.
pub async fn list_papers(conn: &mut AnyConnection, meeting_id: &MeetingId) -> Result<Vec<Paper>, sqlx::Error> {
    let rows: Vec<PaperRow> =
        sqlx::query_as(&format!("{PAPER_SELECT} WHERE i.meeting_id = $1 ORDER BY i.position, p.title, p.id"))
            .bind(meeting_id)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(PaperRow::into_paper).collect())
}

/// A paper and the meeting it belongs to.
pub async fn fetch_paper(conn: &mut AnyConnection, id: &PaperId) -> Result<Option<(Paper, MeetingId)>, sqlx::Error> {
    let row: Option<PaperRow> =
        sqlx::query_as(&format!("{PAPER_SELECT} WHERE p.id = $1")).bind(id).fetch_optional(conn).await?;
    Ok(row.map(|r| {
        let meeting_id = r.meeting_id.clone();
        (r.into_paper(), meeting_id)
    }))
}

/// A paper's bytes (`easy_read`: its easy-read version's), if it has them.
pub async fn fetch_paper_file(
    conn: &mut AnyConnection,
    id: &PaperId,
    easy_read: bool,
) -> Result<Option<Vec<u8>>, sqlx::Error> {
    let column = if easy_read { "easy_read_base64" } else { "content_base64" };
    let stored: Option<Option<String>> =
        sqlx::query_scalar(&format!("SELECT {column} FROM meeting_paper WHERE id = $1"))
            .bind(id)
            .fetch_optional(conn)
            .await?;
    stored.flatten().map(|text| crate::pdf::decode(&text)).transpose()
}

// ---- sending -------------------------------------------------------------------------------------------

/// When the meeting's papers were first sent (RFC 3339 UTC), if they have been.
pub async fn fetch_sent_at(conn: &mut AnyConnection, meeting_id: &MeetingId) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT sent_at FROM meeting_papers_sent WHERE meeting_id = $1")
        .bind(meeting_id)
        .fetch_optional(conn)
        .await
}

/// Records the first sending of a meeting's papers; a later one changes nothing.
pub async fn record_sent(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
    at: &str,
    by: &PersonId,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO meeting_papers_sent (meeting_id, sent_at, sent_by) VALUES ($1, $2, $3)
         ON CONFLICT (meeting_id) DO NOTHING",
    )
    .bind(meeting_id)
    .bind(at)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

/// The members the meeting's papers were mailed to.
pub async fn list_recipients(conn: &mut AnyConnection, meeting_id: &MeetingId) -> Result<Vec<MemberId>, sqlx::Error> {
    sqlx::query_scalar("SELECT member_id FROM meeting_papers_recipient WHERE meeting_id = $1")
        .bind(meeting_id)
        .fetch_all(conn)
        .await
}

/// Claims a member as mailed the meeting's papers: true if they were not yet, so exactly one sending mails
/// them, even two at once.
pub async fn claim_recipient(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
    member_id: &MemberId,
    at: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO meeting_papers_recipient (meeting_id, member_id, sent_at) VALUES ($1, $2, $3)
         ON CONFLICT (meeting_id, member_id) DO NOTHING",
    )
    .bind(meeting_id)
    .bind(member_id)
    .bind(at)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// When each of the group's meetings' papers were first sent: (meeting, RFC 3339 UTC).
pub async fn list_sent_for_group(
    conn: &mut AnyConnection,
    group_id: &crate::participation::types::GroupId,
) -> Result<Vec<(MeetingId, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.meeting_id, s.sent_at FROM meeting_papers_sent s JOIN group_meeting m ON m.id = s.meeting_id
         WHERE m.group_id = $1",
    )
    .bind(group_id)
    .fetch_all(conn)
    .await
}

// ---- ending a term -------------------------------------------------------------------------------------

/// Ends a member's term on `day` (`YYYY-MM-DD`): the row stays, as the group's history.
pub async fn end_term(conn: &mut AnyConnection, member_id: &MemberId, day: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE group_member SET term_end = $2 WHERE id = $1").bind(member_id).bind(day).execute(conn).await?;
    Ok(())
}

/// The members a meeting's papers were mailed to (`meeting_papers_recipient`), with the time their mail went.
pub async fn list_recipients_sent(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
) -> Result<Vec<(MemberId, String)>, sqlx::Error> {
    sqlx::query_as("SELECT member_id, sent_at FROM meeting_papers_recipient WHERE meeting_id = $1 ORDER BY member_id")
        .bind(meeting_id)
        .fetch_all(conn)
        .await
}

/// Claims the mail of a late paper to one member; `false` when it was claimed before (so it is never sent twice).
pub async fn claim_late_paper(
    conn: &mut AnyConnection,
    paper_id: &PaperId,
    member_id: &MemberId,
    at: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO late_paper_recipient (paper_id, member_id, sent_at) VALUES ($1, $2, $3)
         ON CONFLICT (paper_id, member_id) DO NOTHING",
    )
    .bind(paper_id)
    .bind(member_id)
    .bind(at)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The days papers were posted for a meeting: (member, local date `YYYY-MM-DD`).
pub async fn list_posted(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
) -> Result<Vec<(MemberId, String)>, sqlx::Error> {
    sqlx::query_as("SELECT member_id, posted_on FROM meeting_papers_posted WHERE meeting_id = $1")
        .bind(meeting_id)
        .fetch_all(conn)
        .await
}

/// Records (or corrects) the day a member's papers were posted; returns the day recorded before, if any.
pub async fn record_posted(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
    member_id: &MemberId,
    posted_on: &str,
    by: &PersonId,
) -> Result<Option<String>, sqlx::Error> {
    let before: Option<String> =
        sqlx::query_scalar("SELECT posted_on FROM meeting_papers_posted WHERE meeting_id = $1 AND member_id = $2")
            .bind(meeting_id)
            .bind(member_id)
            .fetch_optional(&mut *conn)
            .await?;
    sqlx::query(
        "INSERT INTO meeting_papers_posted (meeting_id, member_id, posted_on, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (meeting_id, member_id) DO UPDATE
            SET posted_on = excluded.posted_on, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
    )
    .bind(meeting_id)
    .bind(member_id)
    .bind(posted_on)
    .bind(by)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(before)
}
