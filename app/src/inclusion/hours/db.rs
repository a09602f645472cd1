//! Hours' SQL: entries of hours, the appointments they are logged in, and approved totals. Every function takes
//! a connection: a pooled one for reading, `Write::conn()` for a change.

use sqlx::{AnyConnection, FromRow};

use super::types::{HoursEntry, HoursId, HoursStatus, RoleToLog};
use crate::accounts::types::{PersonId, ServiceId};
use crate::inclusion::types::AppointmentId;

#[derive(FromRow)]
struct HoursRow {
    id: HoursId,
    appointment_id: AppointmentId,
    volunteer: String,
    role_title: String,
    service_id: ServiceId,
    service_name: String,
    worked_on: String,
    quarter_hours: i64,
    what: String,
    status: String,
    query_note: String,
    answer: String,
    on_behalf: i64,
    logged_by: String,
    session_course: String,
    decided_by: String,
}

impl HoursRow {
    fn into_entry(self) -> HoursEntry {
        HoursEntry {
            id: self.id,
            appointment_id: self.appointment_id,
            volunteer: self.volunteer,
            role_title: self.role_title,
            service_id: self.service_id,
            service_name: self.service_name,
            worked_on: self.worked_on,
            quarter_hours: self.quarter_hours,
            what: self.what,
            status: self.status.parse().unwrap_or(HoursStatus::Logged),
            query_note: self.query_note,
            answer: self.answer,
            on_behalf: self.on_behalf != 0,
            logged_by: self.logged_by,
            session_course: self.session_course,
            decided_by: self.decided_by,
        }
    }
}

const HOURS_SELECT: &str = "SELECT h.id, h.appointment_id, a.name AS volunteer, r.title AS role_title, r.service_id,
        s.name AS service_name, h.worked_on, CAST(h.quarter_hours AS BIGINT) AS quarter_hours, h.what, h.status,
        h.query_note, h.answer, CAST(h.on_behalf AS BIGINT) AS on_behalf,
        COALESCE(lb.display_name, 'someone no longer here') AS logged_by, COALESCE(c.title, '') AS session_course,
        CASE WHEN h.status = 'logged' AND h.decided_by IS NULL THEN '' ELSE COALESCE(dp.display_name, 'someone no longer here') END
            AS decided_by
     FROM volunteer_hours h
     JOIN volunteer_appointment a ON a.id = h.appointment_id
     JOIN volunteer_role r ON r.id = a.role_id
     JOIN service s ON s.id = r.service_id
     LEFT JOIN person lb ON lb.id = h.logged_by
     LEFT JOIN person dp ON dp.id = h.decided_by
     LEFT JOIN course_session cs ON cs.id = h.session_id
     LEFT JOIN course c ON c.id = cs.course_id";

/// A new entry of hours, waiting for approval.
pub struct NewHours<'a> {
    pub appointment_id: &'a AppointmentId,
    pub worked_on: &'a str,
    pub quarter_hours: i64,
    pub what: &'a str,
    /// `None` only for the demo data's hours, logged by nobody in particular.
    pub logged_by: Option<&'a PersonId>,
    pub on_behalf: bool,
    pub session_id: Option<&'a str>,
}

pub async fn insert_hours(conn: &mut AnyConnection, new: &NewHours<'_>) -> Result<HoursId, sqlx::Error> {
    let id = HoursId::new();
    let now = crate::db::now();
    sqlx::query(
        "INSERT INTO volunteer_hours (id, appointment_id, worked_on, quarter_hours, what, status, query_note, answer,
            logged_by, on_behalf, session_id, created_at, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, '', '', $7, $8, $9, $10, $10)",
    )
    .bind(&id)
    .bind(new.appointment_id)
    .bind(new.worked_on)
    .bind(new.quarter_hours)
    .bind(new.what)
    .bind(HoursStatus::Logged.as_str())
    .bind(new.logged_by)
    .bind(crate::db::flag(new.on_behalf))
    .bind(new.session_id)
    .bind(&now)
    .execute(conn)
    .await?;
    Ok(id)
}

/// The volunteer's answer to a query: the entry as they sent it again, waiting for approval again. False when
/// it was not queried (any more).
pub async fn answer_query(
    conn: &mut AnyConnection,
    id: &HoursId,
    worked_on: &str,
    quarter_hours: i64,
    what: &str,
    answer: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE volunteer_hours SET worked_on = $2, quarter_hours = $3, what = $4, answer = $5, status = $6,
            changed_at = $7
         WHERE id = $1 AND status = $8",
    )
    .bind(id)
    .bind(worked_on)
    .bind(quarter_hours)
    .bind(what)
    .bind(answer)
    .bind(HoursStatus::Logged.as_str())
    .bind(crate::db::now())
    .bind(HoursStatus::Queried.as_str())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Approves an entry waiting for approval, or queries it with `query` (the question for the volunteer). False
/// when it was not waiting (decided meanwhile).
pub async fn decide(
    conn: &mut AnyConnection,
    id: &HoursId,
    query: Option<&str>,
    by: Option<&PersonId>,
) -> Result<bool, sqlx::Error> {
    let now = crate::db::now();
    let (status, sql) = match query {
        None => (
            HoursStatus::Approved,
            "UPDATE volunteer_hours SET status = $2, decided_by = $3, decided_at = $4, changed_at = $4
             WHERE id = $1 AND status = $5 AND $6 = ''",
        ),
        Some(_) => (
            HoursStatus::Queried,
            "UPDATE volunteer_hours SET status = $2, decided_by = $3, decided_at = $4, changed_at = $4, query_note = $6
             WHERE id = $1 AND status = $5",
        ),
    };
    let done = sqlx::query(sql)
        .bind(id)
        .bind(status.as_str())
        .bind(by)
        .bind(&now)
        .bind(HoursStatus::Logged.as_str())
        .bind(query.unwrap_or_default())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn fetch_hours(conn: &mut AnyConnection, id: &HoursId) -> Result<Option<HoursEntry>, sqlx::Error> {
    let row: Option<HoursRow> =
        sqlx::query_as(&format!("{HOURS_SELECT} WHERE h.id = $1")).bind(id).fetch_optional(conn).await?;
    Ok(row.map(HoursRow::into_entry))
}

/// The account of the volunteer an entry is for (`None` for a volunteer without one).
pub async fn volunteer_of(conn: &mut AnyConnection, id: &HoursId) -> Result<Option<PersonId>, sqlx::Error> {
    let person: Option<Option<PersonId>> = sqlx::query_scalar(
        "SELECT a.person_id FROM volunteer_hours h JOIN volunteer_appointment a ON a.id = h.appointment_id
         WHERE h.id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(person.flatten())
}

/// The supervisor of the appointment an entry is for, with their name (`None` while it has none).
pub async fn supervisor_of(conn: &mut AnyConnection, id: &HoursId) -> Result<Option<(PersonId, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.display_name FROM volunteer_hours h JOIN volunteer_appointment a ON a.id = h.appointment_id
         JOIN person p ON p.id = a.supervisor_id WHERE h.id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Every entry of the volunteer with this account, newest first.
pub async fn list_hours_of(conn: &mut AnyConnection, person: &PersonId) -> Result<Vec<HoursEntry>, sqlx::Error> {
    let rows: Vec<HoursRow> =
        sqlx::query_as(&format!("{HOURS_SELECT} WHERE a.person_id = $1 ORDER BY h.worked_on DESC, h.created_at DESC"))
            .bind(person)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(HoursRow::into_entry).collect())
}

/// The entries of a service waiting for approval, oldest first.
pub async fn list_waiting(conn: &mut AnyConnection, service: &ServiceId) -> Result<Vec<HoursEntry>, sqlx::Error> {
    let rows: Vec<HoursRow> = sqlx::query_as(&format!(
        "{HOURS_SELECT} WHERE r.service_id = $1 AND h.status = $2 ORDER BY h.worked_on, h.created_at"
    ))
    .bind(service)
    .bind(HoursStatus::Logged.as_str())
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(HoursRow::into_entry).collect())
}

/// A service's approved entries given from `from` to `to` (local dates, inclusive), by date.
pub async fn list_approved(
    conn: &mut AnyConnection,
    service: &ServiceId,
    from: &str,
    to: &str,
) -> Result<Vec<HoursEntry>, sqlx::Error> {
    let rows: Vec<HoursRow> = sqlx::query_as(&format!(
        "{HOURS_SELECT} WHERE r.service_id = $1 AND h.status = $2 AND h.worked_on >= $3 AND h.worked_on <= $4
         ORDER BY h.worked_on, a.name, h.created_at"
    ))
    .bind(service)
    .bind(HoursStatus::Approved.as_str())
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(HoursRow::into_entry).collect())
}

/// The quarter-hours already logged (in any state) on `day` by the volunteer of `appointment` — across all
/// their roles when they have an account — leaving out the entry `except`.
pub async fn logged_on_day(
    conn: &mut AnyConnection,
    appointment: &AppointmentId,
    day: &str,
    except: Option<&HoursId>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(h.quarter_hours), 0) AS BIGINT) FROM volunteer_hours h
         JOIN volunteer_appointment a ON a.id = h.appointment_id
         JOIN volunteer_appointment mine ON mine.id = $1
         WHERE h.worked_on = $2 AND h.id <> $3
           AND (a.id = mine.id OR (mine.person_id IS NOT NULL AND a.person_id = mine.person_id))",
    )
    .bind(appointment)
    .bind(day)
    .bind(except.map_or("", |e| e.as_str()))
    .fetch_one(conn)
    .await
}

/// An appointment as hours need it.
#[derive(Clone, Debug, FromRow)]
pub struct AppointmentRow {
    pub id: AppointmentId,
    pub person_id: Option<PersonId>,
    pub name: String,
    pub role_title: String,
    pub service_id: ServiceId,
    pub service_name: String,
    pub status: String,
    pub lived_experience: i64,
}

const APPOINTMENT_SELECT: &str = "SELECT a.id, a.person_id, a.name, r.title AS role_title, r.service_id,
        s.name AS service_name, a.status, CAST(r.lived_experience AS BIGINT) AS lived_experience
     FROM volunteer_appointment a
     JOIN volunteer_role r ON r.id = a.role_id
     JOIN service s ON s.id = r.service_id";

pub async fn fetch_appointment(
    conn: &mut AnyConnection,
    id: &AppointmentId,
) -> Result<Option<AppointmentRow>, sqlx::Error> {
    sqlx::query_as(&format!("{APPOINTMENT_SELECT} WHERE a.id = $1")).bind(id).fetch_optional(conn).await
}

/// The appointments (not ended) of the volunteer with this account, by role.
pub async fn appointments_of(conn: &mut AnyConnection, person: &PersonId) -> Result<Vec<AppointmentRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{APPOINTMENT_SELECT} WHERE a.person_id = $1 AND a.status <> 'ended' ORDER BY r.title, s.name"
    ))
    .bind(person)
    .fetch_all(conn)
    .await
}

/// A service's appointments (not ended), by name: the volunteers a coordinator may log hours for, and the
/// co-facilitators a session may have (`lived_experience_only`).
pub async fn appointments_in(
    conn: &mut AnyConnection,
    service: &ServiceId,
    lived_experience_only: bool,
) -> Result<Vec<AppointmentRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{APPOINTMENT_SELECT} WHERE r.service_id = $1 AND a.status <> 'ended' AND (r.lived_experience = 1 OR $2 = 0)
         ORDER BY a.name, r.title"
    ))
    .bind(service)
    .bind(i64::from(lived_experience_only))
    .fetch_all(conn)
    .await
}

impl AppointmentRow {
    /// The role as the volunteer chooses it: "Peer co-facilitator, Personality Disorder Service".
    pub fn for_volunteer(&self) -> RoleToLog {
        RoleToLog { appointment_id: self.id.clone(), label: format!("{}, {}", self.role_title, self.service_name) }
    }

    /// The volunteer and role as a coordinator chooses them: "Sam Jones: Day service volunteer".
    pub fn for_coordinator(&self) -> RoleToLog {
        RoleToLog { appointment_id: self.id.clone(), label: format!("{}: {}", self.name, self.role_title) }
    }
}

/// The day an appointment starts (`YYYY-MM-DD`, local): hours before it are refused.
pub async fn appointment_starts_on(
    conn: &mut AnyConnection,
    id: &AppointmentId,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT starts_on FROM volunteer_appointment WHERE id = $1").bind(id).fetch_optional(conn).await
}
