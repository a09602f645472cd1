//! Participation's SQL: groups, members, meetings, agenda items, attendance, guests and declarations.
//! Every function takes a connection: a pooled one for reading, `Write::conn()` for a change.

use sqlx::{AnyConnection, FromRow};

use super::types::{
    AgendaItem, AgendaItemId, Attendance, Declaration, Group, GroupId, GroupListItem, Guest, Meeting, MeetingId,
    MeetingStatus, Member, MemberId, MemberType, Position, QuorumRule,
};
use super::validate::{ParsedAgendaItem, ParsedGroup, ParsedMeeting};
use crate::accounts::types::{PersonId, ServiceId};
use crate::db::flag;

// ---- groups --------------------------------------------------------------------------------------------

#[derive(FromRow)]
struct GroupRow {
    id: GroupId,
    service_id: ServiceId,
    service_name: String,
    name: String,
    purpose: String,
    terms_of_reference: String,
    quorum_present: i64,
    quorum_lived: i64,
    papers_due_days: i64,
}

impl GroupRow {
    /// The group, with its terms of reference not yet rendered (`terms_html` empty).
    fn into_group(self) -> Group {
        Group {
            id: self.id,
            service_id: self.service_id,
            service_name: self.service_name,
            name: self.name,
            purpose: self.purpose,
            terms_of_reference: self.terms_of_reference,
            terms_html: String::new(),
            quorum: QuorumRule { present: self.quorum_present, lived: self.quorum_lived },
            papers_due_days: self.papers_due_days,
        }
    }
}

const GROUP_SELECT: &str = "SELECT g.id, g.service_id, s.name AS service_name, g.name, g.purpose,
        g.terms_of_reference, CAST(g.quorum_present AS BIGINT) AS quorum_present,
        CAST(g.quorum_lived AS BIGINT) AS quorum_lived, CAST(g.papers_due_days AS BIGINT) AS papers_due_days
     FROM participation_group g JOIN service s ON s.id = g.service_id";

pub async fn insert_group(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    group: &ParsedGroup,
    by: Option<&PersonId>,
) -> Result<GroupId, sqlx::Error> {
    let id = GroupId::new();
    sqlx::query(
        "INSERT INTO participation_group (id, service_id, name, purpose, terms_of_reference, quorum_present,
            quorum_lived, papers_due_days, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&id)
    .bind(service_id)
    .bind(&group.name)
    .bind(&group.purpose)
    .bind(&group.terms_of_reference)
    .bind(group.quorum.present)
    .bind(group.quorum.lived)
    .bind(group.papers_due_days)
    .bind(crate::db::now())
    .bind(by)
    .execute(conn)
    .await?;
    Ok(id)
}

pub async fn update_group(conn: &mut AnyConnection, id: &GroupId, group: &ParsedGroup) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE participation_group SET name = $2, purpose = $3, terms_of_reference = $4, quorum_present = $5,
            quorum_lived = $6, papers_due_days = $7 WHERE id = $1",
    )
    .bind(id)
    .bind(&group.name)
    .bind(&group.purpose)
    .bind(&group.terms_of_reference)
    .bind(group.quorum.present)
    .bind(group.quorum.lived)
    .bind(group.papers_due_days)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn fetch_group(conn: &mut AnyConnection, id: &GroupId) -> Result<Option<Group>, sqlx::Error> {
    let row: Option<GroupRow> =
        sqlx::query_as(&format!("{GROUP_SELECT} WHERE g.id = $1")).bind(id).fetch_optional(conn).await?;
    Ok(row.map(GroupRow::into_group))
}

/// The group of `service_id` called `name` (case-insensitive), for `seed-demo`.
pub async fn fetch_group_by_name(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    name: &str,
) -> Result<Option<Group>, sqlx::Error> {
    let row: Option<GroupRow> =
        sqlx::query_as(&format!("{GROUP_SELECT} WHERE g.service_id = $1 AND lower(g.name) = lower($2)"))
            .bind(service_id)
            .bind(name)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(GroupRow::into_group))
}

#[derive(FromRow)]
struct GroupListRow {
    id: GroupId,
    service_id: ServiceId,
    name: String,
    service_name: String,
    purpose: String,
    current_members: i64,
}

const GROUP_LIST_SELECT: &str = "SELECT g.id, g.service_id, g.name, s.name AS service_name, g.purpose,
        CAST((SELECT COUNT(*) FROM group_member m WHERE m.group_id = g.id AND m.term_start <= $1
              AND (m.term_end IS NULL OR m.term_end >= $1)) AS BIGINT) AS current_members
     FROM participation_group g JOIN service s ON s.id = g.service_id";

fn into_list(rows: Vec<GroupListRow>) -> Vec<GroupListItem> {
    rows.into_iter()
        .map(|r| GroupListItem {
            id: r.id,
            name: r.name,
            service_name: r.service_name,
            purpose: r.purpose,
            current_members: r.current_members,
        })
        .collect()
}

/// Every group, by service and name, with its members current on `today`.
pub async fn list_groups(
    conn: &mut AnyConnection,
    today: &str,
) -> Result<Vec<(ServiceId, GroupListItem)>, sqlx::Error> {
    let rows: Vec<GroupListRow> =
        sqlx::query_as(&format!("{GROUP_LIST_SELECT} ORDER BY s.name, g.name")).bind(today).fetch_all(conn).await?;
    let services: Vec<ServiceId> = rows.iter().map(|r| r.service_id.clone()).collect();
    Ok(services.into_iter().zip(into_list(rows)).collect())
}

/// The groups `person` is a current member of on `today`, by name.
pub async fn list_groups_of_member(
    conn: &mut AnyConnection,
    person: &PersonId,
    today: &str,
) -> Result<Vec<GroupListItem>, sqlx::Error> {
    let rows: Vec<GroupListRow> = sqlx::query_as(&format!(
        "{GROUP_LIST_SELECT} WHERE g.id IN (SELECT m.group_id FROM group_member m WHERE m.person_id = $2
            AND m.term_start <= $1 AND (m.term_end IS NULL OR m.term_end >= $1))
         ORDER BY g.name"
    ))
    .bind(today)
    .bind(person)
    .fetch_all(conn)
    .await?;
    Ok(into_list(rows))
}

// ---- members -------------------------------------------------------------------------------------------

#[derive(FromRow)]
struct MemberRow {
    id: MemberId,
    person_id: Option<PersonId>,
    name: String,
    organisation: String,
    email: Option<String>,
    member_type: String,
    position: String,
    term_start: String,
    term_end: Option<String>,
    access_needs: String,
    papers_by_post: i64,
}

impl MemberRow {
    fn into_member(self) -> Member {
        Member {
            id: self.id,
            person_id: self.person_id,
            name: self.name,
            organisation: self.organisation,
            email: self.email,
            member_type: self.member_type.parse().unwrap_or(MemberType::Stakeholder),
            position: self.position.parse().unwrap_or(Position::Member),
            term_start: self.term_start,
            term_end: self.term_end,
            access_needs: self.access_needs,
            papers_by_post: self.papers_by_post != 0,
        }
    }
}

/// A member's term, as stored.
pub struct NewMember<'a> {
    pub group_id: &'a GroupId,
    pub person_id: Option<&'a PersonId>,
    pub name: &'a str,
    pub organisation: &'a str,
    pub email: Option<&'a str>,
    pub member_type: MemberType,
    pub position: Position,
    pub term_start: &'a str,
    pub term_end: Option<&'a str>,
    pub access_needs: &'a str,
    /// Their papers go by post as well (an access need).
    pub papers_by_post: bool,
}

pub async fn insert_member(conn: &mut AnyConnection, member: &NewMember<'_>) -> Result<MemberId, sqlx::Error> {
    let id = MemberId::new();
    sqlx::query(
        "INSERT INTO group_member (id, group_id, person_id, name, organisation, email, member_type, position,
            term_start, term_end, access_needs, created_at, papers_by_post)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(&id)
    .bind(member.group_id)
    .bind(member.person_id)
    .bind(member.name)
    .bind(member.organisation)
    .bind(member.email)
    .bind(member.member_type.as_str())
    .bind(member.position.as_str())
    .bind(member.term_start)
    .bind(member.term_end)
    .bind(member.access_needs)
    .bind(crate::db::now())
    .bind(flag(member.papers_by_post))
    .execute(conn)
    .await?;
    Ok(id)
}

/// Every term in the group, current and past, by start and name.
pub async fn list_members(conn: &mut AnyConnection, group_id: &GroupId) -> Result<Vec<Member>, sqlx::Error> {
    let rows: Vec<MemberRow> = sqlx::query_as(
        // A member with an account is mailed at the account's address as it is now (never a copy kept when
        // they joined, which would go stale); a member without one at the address given for them.
        "SELECT m.id, m.person_id, m.name, m.organisation, COALESCE(p.email, m.email) AS email, m.member_type,
                m.position, m.term_start, m.term_end, m.access_needs,
                CAST(m.papers_by_post AS BIGINT) AS papers_by_post
         FROM group_member m LEFT JOIN person p ON p.id = m.person_id AND p.disabled_at IS NULL
         WHERE m.group_id = $1 ORDER BY m.term_start, m.name, m.id",
    )
    .bind(group_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(MemberRow::into_member).collect())
}

// ---- meetings ------------------------------------------------------------------------------------------

#[derive(FromRow)]
struct MeetingRow {
    id: MeetingId,
    group_id: GroupId,
    starts_at: String,
    ends_at: String,
    place: String,
    joining_link: String,
    status: String,
}

impl MeetingRow {
    fn into_meeting(self) -> Meeting {
        Meeting {
            id: self.id,
            group_id: self.group_id,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            place: self.place,
            joining_link: self.joining_link,
            status: self.status.parse().unwrap_or(MeetingStatus::Planned),
        }
    }
}

const MEETING_SELECT: &str = "SELECT id, group_id, starts_at, ends_at, place, joining_link, status FROM group_meeting";

pub async fn insert_meeting(
    conn: &mut AnyConnection,
    group_id: &GroupId,
    meeting: &ParsedMeeting,
) -> Result<MeetingId, sqlx::Error> {
    let id = MeetingId::new();
    sqlx::query(
        "INSERT INTO group_meeting (id, group_id, starts_at, ends_at, place, joining_link, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(group_id)
    .bind(&meeting.starts_at)
    .bind(&meeting.ends_at)
    .bind(&meeting.place)
    .bind(&meeting.joining_link)
    .bind(MeetingStatus::Planned.as_str())
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(id)
}

pub async fn fetch_meeting(conn: &mut AnyConnection, id: &MeetingId) -> Result<Option<Meeting>, sqlx::Error> {
    let row: Option<MeetingRow> =
        sqlx::query_as(&format!("{MEETING_SELECT} WHERE id = $1")).bind(id).fetch_optional(conn).await?;
    Ok(row.map(MeetingRow::into_meeting))
}

/// A group's meetings, latest first.
pub async fn list_meetings(conn: &mut AnyConnection, group_id: &GroupId) -> Result<Vec<Meeting>, sqlx::Error> {
    let rows: Vec<MeetingRow> =
        sqlx::query_as(&format!("{MEETING_SELECT} WHERE group_id = $1 ORDER BY starts_at DESC, id"))
            .bind(group_id)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(MeetingRow::into_meeting).collect())
}

/// The meeting at `starts_at` of a group, for `seed-demo` (which adds nothing twice).
pub async fn fetch_meeting_at(
    conn: &mut AnyConnection,
    group_id: &GroupId,
    starts_at: &str,
) -> Result<Option<Meeting>, sqlx::Error> {
    let row: Option<MeetingRow> = sqlx::query_as(&format!("{MEETING_SELECT} WHERE group_id = $1 AND starts_at = $2"))
        .bind(group_id)
        .bind(starts_at)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(MeetingRow::into_meeting))
}

pub async fn update_meeting_status(
    conn: &mut AnyConnection,
    id: &MeetingId,
    status: MeetingStatus,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE group_meeting SET status = $2 WHERE id = $1")
        .bind(id)
        .bind(status.as_str())
        .execute(conn)
        .await?;
    Ok(())
}

// ---- agenda ------------------------------------------------------------------------------------------

/// Adds an item at the end of the agenda.
pub async fn insert_agenda_item(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
    item: &ParsedAgendaItem,
) -> Result<AgendaItemId, sqlx::Error> {
    let id = AgendaItemId::new();
    sqlx::query(
        "INSERT INTO agenda_item (id, meeting_id, position, title, lead, minutes_allotted, confidential)
         VALUES ($1, $2, (SELECT CAST(COALESCE(MAX(position), 0) + 1 AS BIGINT) FROM agenda_item WHERE meeting_id = $2),
            $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(meeting_id)
    .bind(&item.title)
    .bind(&item.lead)
    .bind(item.minutes_allotted)
    .bind(flag(item.confidential))
    .execute(conn)
    .await?;
    Ok(id)
}

/// A meeting's agenda in order, each item with its declarations of interest.
pub async fn list_agenda(conn: &mut AnyConnection, meeting_id: &MeetingId) -> Result<Vec<AgendaItem>, sqlx::Error> {
    #[derive(FromRow)]
    struct ItemRow {
        id: AgendaItemId,
        position: i64,
        title: String,
        lead: String,
        minutes_allotted: i64,
        confidential: i64,
    }
    #[derive(FromRow)]
    struct DeclarationRow {
        item_id: AgendaItemId,
        member_name: String,
        interest: String,
    }
    let items: Vec<ItemRow> = sqlx::query_as(
        "SELECT id, CAST(position AS BIGINT) AS position, title, lead, CAST(minutes_allotted AS BIGINT) AS minutes_allotted,
            CAST(confidential AS BIGINT) AS confidential
         FROM agenda_item WHERE meeting_id = $1 ORDER BY position, id",
    )
    .bind(meeting_id)
    .fetch_all(&mut *conn)
    .await?;
    let declarations: Vec<DeclarationRow> = sqlx::query_as(
        "SELECT d.item_id, m.name AS member_name, d.interest
         FROM interest_declaration d JOIN agenda_item i ON i.id = d.item_id JOIN group_member m ON m.id = d.member_id
         WHERE i.meeting_id = $1 ORDER BY m.name, d.id",
    )
    .bind(meeting_id)
    .fetch_all(conn)
    .await?;
    Ok(items
        .into_iter()
        .map(|i| AgendaItem {
            declarations: declarations
                .iter()
                .filter(|d| d.item_id == i.id)
                .map(|d| Declaration { member_name: d.member_name.clone(), interest: d.interest.clone() })
                .collect(),
            id: i.id,
            position: i.position,
            title: i.title,
            lead: i.lead,
            minutes_allotted: i.minutes_allotted,
            confidential: i.confidential != 0,
        })
        .collect())
}

/// The meeting an agenda item belongs to.
pub async fn fetch_item_meeting(
    conn: &mut AnyConnection,
    item_id: &AgendaItemId,
) -> Result<Option<MeetingId>, sqlx::Error> {
    sqlx::query_scalar("SELECT meeting_id FROM agenda_item WHERE id = $1").bind(item_id).fetch_optional(conn).await
}

pub async fn insert_declaration(
    conn: &mut AnyConnection,
    item_id: &AgendaItemId,
    member_id: &MemberId,
    interest: &str,
) -> Result<String, sqlx::Error> {
    let id = crate::db::new_id();
    sqlx::query("INSERT INTO interest_declaration (id, item_id, member_id, interest) VALUES ($1, $2, $3, $4)")
        .bind(&id)
        .bind(item_id)
        .bind(member_id)
        .bind(interest)
        .execute(conn)
        .await?;
    Ok(id)
}

// ---- attendance and guests --------------------------------------------------------------------------------

/// The attendance recorded for a meeting, by member.
pub async fn list_attendance(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
) -> Result<Vec<(MemberId, Attendance)>, sqlx::Error> {
    let rows: Vec<(MemberId, String)> =
        sqlx::query_as("SELECT member_id, attendance FROM meeting_attendance WHERE meeting_id = $1")
            .bind(meeting_id)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().filter_map(|(m, a)| a.parse().ok().map(|a| (m, a))).collect())
}

/// Sets one member's attendance at a meeting (replacing what was recorded).
pub async fn set_attendance(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
    member_id: &MemberId,
    attendance: Attendance,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO meeting_attendance (meeting_id, member_id, attendance) VALUES ($1, $2, $3)
         ON CONFLICT (meeting_id, member_id) DO UPDATE SET attendance = excluded.attendance",
    )
    .bind(meeting_id)
    .bind(member_id)
    .bind(attendance.as_str())
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn insert_guest(
    conn: &mut AnyConnection,
    meeting_id: &MeetingId,
    name: &str,
    role: &str,
) -> Result<String, sqlx::Error> {
    let id = crate::db::new_id();
    sqlx::query("INSERT INTO meeting_guest (id, meeting_id, name, role) VALUES ($1, $2, $3, $4)")
        .bind(&id)
        .bind(meeting_id)
        .bind(name)
        .bind(role)
        .execute(conn)
        .await?;
    Ok(id)
}

pub async fn list_guests(conn: &mut AnyConnection, meeting_id: &MeetingId) -> Result<Vec<Guest>, sqlx::Error> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT name, role FROM meeting_guest WHERE meeting_id = $1 ORDER BY name, id")
            .bind(meeting_id)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(|(name, role)| Guest { name, role }).collect())
}

/// How many memberships `person_id` holds in groups of `service_id` whose term covers `day` (`YYYY-MM-DD`).
pub async fn count_current_memberships(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    person_id: &PersonId,
    day: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM group_member m JOIN participation_group g ON g.id = m.group_id \
         WHERE g.service_id = $1 AND m.person_id = $2 AND m.term_start <= $3 \
         AND (m.term_end IS NULL OR m.term_end >= $3)",
    )
    .bind(service_id)
    .bind(person_id)
    .bind(day)
    .fetch_one(conn)
    .await
}

/// Changes a member's position within their term (an edit, not a new term).
pub async fn update_member_position(
    conn: &mut AnyConnection,
    member_id: &MemberId,
    position: Position,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE group_member SET position = $2 WHERE id = $1")
        .bind(member_id)
        .bind(position.as_str())
        .execute(conn)
        .await?;
    Ok(())
}
