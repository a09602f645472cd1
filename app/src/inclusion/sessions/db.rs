//! Courses' and sessions' SQL. Every function takes a connection: a pooled one for reading, `Write::conn()`
//! for a change.

use sqlx::{AnyConnection, FromRow};

use super::types::{Course, CourseId, CourseSession, SessionId};
use crate::accounts::types::{PersonId, ServiceId};
use crate::inclusion::hours::types::MySession;
use crate::inclusion::types::AppointmentId;

#[derive(FromRow)]
struct CourseRow {
    id: CourseId,
    service_id: ServiceId,
    service_name: String,
    title: String,
    about: String,
    sessions: i64,
    co_delivered: i64,
}

impl CourseRow {
    fn into_course(self) -> Course {
        Course {
            id: self.id,
            service_id: self.service_id,
            service_name: self.service_name,
            title: self.title,
            about: self.about,
            sessions: self.sessions,
            co_delivered: self.co_delivered,
        }
    }
}

const COURSE_SELECT: &str = "SELECT c.id, c.service_id, s.name AS service_name, c.title, c.about,
        (SELECT CAST(COUNT(*) AS BIGINT) FROM course_session cs WHERE cs.course_id = c.id AND cs.state = 'held')
            AS sessions,
        (SELECT CAST(COUNT(*) AS BIGINT) FROM course_session cs WHERE cs.course_id = c.id AND cs.state = 'held'
            AND EXISTS (SELECT 1 FROM session_co_facilitator f WHERE f.session_id = cs.id)) AS co_delivered
     FROM course c JOIN service s ON s.id = c.service_id";

pub async fn insert_course(
    conn: &mut AnyConnection,
    service: &ServiceId,
    title: &str,
    about: &str,
    by: Option<&PersonId>,
) -> Result<CourseId, sqlx::Error> {
    let id = CourseId::new();
    sqlx::query(
        "INSERT INTO course (id, service_id, title, about, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(service)
    .bind(title)
    .bind(about)
    .bind(crate::db::now())
    .bind(by)
    .execute(conn)
    .await?;
    Ok(id)
}

pub async fn fetch_course(conn: &mut AnyConnection, id: &CourseId) -> Result<Option<Course>, sqlx::Error> {
    let row: Option<CourseRow> =
        sqlx::query_as(&format!("{COURSE_SELECT} WHERE c.id = $1")).bind(id).fetch_optional(conn).await?;
    Ok(row.map(CourseRow::into_course))
}

/// A service's course by title (the demo data's way of finding its own).
pub async fn fetch_course_by_title(
    conn: &mut AnyConnection,
    service: &ServiceId,
    title: &str,
) -> Result<Option<Course>, sqlx::Error> {
    let row: Option<CourseRow> = sqlx::query_as(&format!("{COURSE_SELECT} WHERE c.service_id = $1 AND c.title = $2"))
        .bind(service)
        .bind(title)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(CourseRow::into_course))
}

/// Every course of `service`, by title.
pub async fn list_courses(conn: &mut AnyConnection, service: &ServiceId) -> Result<Vec<Course>, sqlx::Error> {
    let rows: Vec<CourseRow> = sqlx::query_as(&format!("{COURSE_SELECT} WHERE c.service_id = $1 ORDER BY c.title"))
        .bind(service)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(CourseRow::into_course).collect())
}

/// A session to record (held) or to plan.
pub struct NewSession<'a> {
    pub course_id: &'a CourseId,
    /// Planned for a day to come: nobody counted yet, not in the ledger, no hours to log from it.
    pub planned: bool,
    pub held_on: &'a str,
    pub starts_at: &'a str,
    pub ends_at: &'a str,
    pub place: &'a str,
    pub patients_attending: i64,
    pub others_attending: i64,
    pub staff_facilitators: &'a str,
    pub feedback_form: &'a str,
    /// Co-facilitators with lived experience: a volunteer's appointment with their name, or a name alone.
    pub co_facilitators: &'a [(Option<AppointmentId>, String)],
}

pub async fn insert_session(
    conn: &mut AnyConnection,
    new: &NewSession<'_>,
    by: Option<&PersonId>,
) -> Result<SessionId, sqlx::Error> {
    let id = SessionId::new();
    sqlx::query(
        "INSERT INTO course_session (id, course_id, held_on, starts_at, ends_at, place, patients_attending,
            others_attending, staff_facilitators, feedback_form, created_at, created_by, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(&id)
    .bind(new.course_id)
    .bind(new.held_on)
    .bind(new.starts_at)
    .bind(new.ends_at)
    .bind(new.place)
    .bind(new.patients_attending)
    .bind(new.others_attending)
    .bind(new.staff_facilitators)
    .bind(new.feedback_form)
    .bind(crate::db::now())
    .bind(by)
    .bind(if new.planned { "planned" } else { "held" })
    .execute(&mut *conn)
    .await?;
    for (appointment, name) in new.co_facilitators {
        sqlx::query(
            "INSERT INTO session_co_facilitator (id, session_id, appointment_id, name) VALUES ($1, $2, $3, $4)",
        )
        .bind(crate::db::new_id())
        .bind(&id)
        .bind(appointment)
        .bind(name)
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

#[derive(FromRow)]
struct SessionRow {
    id: SessionId,
    held_on: String,
    starts_at: String,
    ends_at: String,
    place: String,
    patients_attending: i64,
    others_attending: i64,
    staff_facilitators: String,
    feedback_form: String,
    state: String,
}

/// A course's sessions, newest first, with their co-facilitators.
pub async fn list_sessions(conn: &mut AnyConnection, course: &CourseId) -> Result<Vec<CourseSession>, sqlx::Error> {
    let rows: Vec<SessionRow> = sqlx::query_as(
        "SELECT id, held_on, starts_at, ends_at, place, CAST(patients_attending AS BIGINT) AS patients_attending,
            CAST(others_attending AS BIGINT) AS others_attending, staff_facilitators, feedback_form, state
         FROM course_session WHERE course_id = $1 ORDER BY held_on DESC, starts_at DESC",
    )
    .bind(course)
    .fetch_all(&mut *conn)
    .await?;
    let names: Vec<(SessionId, String)> = sqlx::query_as(
        "SELECT f.session_id, f.name FROM session_co_facilitator f JOIN course_session cs ON cs.id = f.session_id
         WHERE cs.course_id = $1 ORDER BY f.name",
    )
    .bind(course)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let co_facilitators: Vec<String> =
                names.iter().filter(|(s, _)| *s == r.id).map(|(_, n)| n.clone()).collect();
            CourseSession {
                planned: r.state == "planned",
                co_delivered: !co_facilitators.is_empty(),
                co_facilitators,
                id: r.id,
                held_on: r.held_on,
                starts_at: r.starts_at,
                ends_at: r.ends_at,
                place: r.place,
                patients_attending: r.patients_attending,
                others_attending: r.others_attending,
                staff_facilitators: r.staff_facilitators,
                feedback_form: r.feedback_form,
            }
        })
        .collect())
}

#[derive(FromRow)]
struct MySessionRow {
    session_id: String,
    course_title: String,
    held_on: String,
    starts_at: String,
    ends_at: String,
    logged: i64,
    state: String,
}

/// The length of a session held on `day` (`YYYY-MM-DD`, local) from `HH:MM` to `HH:MM` (local), in whole
/// quarter-hours (rounded down), measured between the instants they name in the deployment's time zone (the
/// `clock` kernel, through [`session_minutes`]): 00:30 to 02:30 is 3 hours the night the clocks go
/// back and 1 hour the night they go forward. 0 when unreadable.
pub fn session_quarter_hours(day: &str, starts_at: &str, ends_at: &str) -> i64 {
    session_minutes(day, starts_at, ends_at).map_or(0, |m| m / 15)
}

/// The length of a session in whole minutes between the real instants its times name (`None` when unreadable
/// or not after its start): `ledger::api::length_minutes`, the one measure the ledger and volunteers' hours share.
pub fn session_minutes(day: &str, starts_at: &str, ends_at: &str) -> Option<i64> {
    crate::ledger::api::length_minutes(day, starts_at, ends_at)
}

/// The sessions the volunteer with this account co-facilitated, newest first, and whether they have logged
/// its hours.
pub async fn sessions_of(conn: &mut AnyConnection, person: &PersonId) -> Result<Vec<MySession>, sqlx::Error> {
    let rows: Vec<MySessionRow> = sqlx::query_as(
        "SELECT cs.id AS session_id, c.title AS course_title, cs.held_on, cs.starts_at, cs.ends_at,
            (SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_hours h
              WHERE h.session_id = cs.id AND h.appointment_id = f.appointment_id) AS logged, cs.state
         FROM session_co_facilitator f
         JOIN volunteer_appointment a ON a.id = f.appointment_id
         JOIN course_session cs ON cs.id = f.session_id
         JOIN course c ON c.id = cs.course_id
         WHERE a.person_id = $1
         ORDER BY cs.held_on DESC, cs.starts_at DESC",
    )
    .bind(person)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| MySession {
            quarter_hours: session_quarter_hours(&r.held_on, &r.starts_at, &r.ends_at),
            session_id: r.session_id,
            course_title: r.course_title,
            held_on: r.held_on,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            logged: r.logged > 0,
            planned: r.state == "planned",
        })
        .collect())
}

/// The session as the co-facilitator with this account logs hours from it: (appointment, course title, day,
/// quarter-hours, planned). `None` when they did not co-facilitate it.
pub async fn co_facilitated_by(
    conn: &mut AnyConnection,
    session: &SessionId,
    person: &PersonId,
) -> Result<Option<(AppointmentId, String, String, i64, bool)>, sqlx::Error> {
    let row: Option<(AppointmentId, String, String, String, String, String)> = sqlx::query_as(
        "SELECT f.appointment_id, c.title, cs.held_on, cs.starts_at, cs.ends_at, cs.state
         FROM session_co_facilitator f
         JOIN volunteer_appointment a ON a.id = f.appointment_id
         JOIN course_session cs ON cs.id = f.session_id
         JOIN course c ON c.id = cs.course_id
         WHERE f.session_id = $1 AND a.person_id = $2",
    )
    .bind(session)
    .bind(person)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(a, title, day, s, e, state)| {
        let quarter_hours = session_quarter_hours(&day, &s, &e);
        (a, title, day, quarter_hours, state == "planned")
    }))
}

/// A planned session of a course, as it is marked held: (`YYYY-MM-DD` local day, the staff who facilitate).
/// `None` when the course has no such session or it is held already.
pub async fn fetch_planned(
    conn: &mut AnyConnection,
    course: &CourseId,
    session: &SessionId,
) -> Result<Option<(String, String, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT held_on, staff_facilitators, starts_at, ends_at FROM course_session
         WHERE id = $1 AND course_id = $2 AND state = 'planned'",
    )
    .bind(session)
    .bind(course)
    .fetch_optional(conn)
    .await
}

/// Marks a planned session held with its attendees as staff counted them. Returns whether it was still
/// planned (so two marking it at once change it once).
pub async fn mark_held(
    conn: &mut AnyConnection,
    session: &SessionId,
    patients_attending: i64,
    others_attending: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE course_session SET state = 'held', patients_attending = $2, others_attending = $3
         WHERE id = $1 AND state = 'planned'",
    )
    .bind(session)
    .bind(patients_attending)
    .bind(others_attending)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A session's co-facilitators with lived experience, as the ledger takes them: their account when a
/// volunteer with one, and their name.
pub async fn co_facilitators_of(
    conn: &mut AnyConnection,
    session: &SessionId,
) -> Result<Vec<(Option<PersonId>, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.person_id, f.name FROM session_co_facilitator f
         LEFT JOIN volunteer_appointment a ON a.id = f.appointment_id
         WHERE f.session_id = $1 ORDER BY f.name",
    )
    .bind(session)
    .fetch_all(conn)
    .await
}

#[cfg(test)]
mod tests {
    use super::session_quarter_hours;

    #[test]
    fn a_session_is_as_long_as_the_clocks_say_on_the_nights_they_change() {
        // In the default zone (Europe/London): 00:30 to 02:30 is 3 hours when the clocks go back, 1 hour when
        // they go forward, 2 hours on any other night.
        assert_eq!(session_quarter_hours("2026-10-25", "00:30", "02:30"), 12);
        assert_eq!(session_quarter_hours("2026-03-29", "00:30", "02:30"), 4);
        assert_eq!(session_quarter_hours("2026-03-22", "00:30", "02:30"), 8);
        assert_eq!(session_quarter_hours("2026-03-22", "nonsense", "02:30"), 0);
    }
}
