//! What Inclusion offers other capabilities (never its `db`, server functions, pages or tables): what a
//! role's printable QR poster says, for the posters information draws for every capability; and the figures
//! the involvement report needs for a service and a period (`figures`).

use sqlx::AnyPool;

use super::{db, types::RoleState};
use crate::{accounts::types::ServiceId, error::AppError};

/// What a role's poster shows.
pub struct RolePoster {
    pub title: String,
    /// A line under the title: the service, the time asked and where.
    pub subtitle: String,
    /// Whether the role takes applications now; a poster of a filled or closed role says so instead.
    pub recruiting: bool,
}

/// The poster of the role at `/volunteer/<slug>`; `None` for a draft or no such role.
pub async fn role_poster(pool: &AnyPool, slug: &str) -> Result<Option<RolePoster>, AppError> {
    let role = db::fetch_role_by_slug(&mut *pool.acquire().await?, slug).await?;
    Ok(role.filter(|r| r.state != RoleState::Draft).map(|role| RolePoster {
        subtitle: format!("Volunteer with {} · {} · {}", role.service_name, role.time_asked, role.place),
        recruiting: role.state == RoleState::Recruiting,
        title: format!("Volunteer: {}", role.title),
    }))
}

/// Inclusion's figures for a service over a period, before any suppression: counts of people
/// (`active_volunteers`, `lived_experience_roles_filled`) must be published through `suppression` by the
/// caller; the others are counts of things.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InclusionFigures {
    /// Approved hours given in the period, in quarter-hours (by the local date they were given).
    pub approved_quarter_hours: i64,
    /// Volunteers with approved hours in the period (a person with an account once however many roles they
    /// hold; a volunteer without one once per role). People.
    pub active_volunteers: i64,
    /// Appointments to lived-experience roles that had started by the period's end and have not ended.
    /// People (one a post filled).
    pub lived_experience_roles_filled: i64,
    /// Sessions of the service's courses held in the period (planned ones are not counted).
    pub sessions: i64,
    /// Of those, the sessions co-delivered with at least one co-facilitator with lived experience.
    pub co_delivered_sessions: i64,
}

impl InclusionFigures {
    /// Adds another service's figures (for a report of every service).
    pub fn add(&mut self, other: &InclusionFigures) {
        self.approved_quarter_hours += other.approved_quarter_hours;
        self.active_volunteers += other.active_volunteers;
        self.lived_experience_roles_filled += other.lived_experience_roles_filled;
        self.sessions += other.sessions;
        self.co_delivered_sessions += other.co_delivered_sessions;
    }
}

/// Inclusion's figures for `service` from `from` to before `until` (local dates `YYYY-MM-DD`, `until`
/// exclusive, as the ledger's counts take them).
pub async fn figures(
    pool: &AnyPool,
    service: &ServiceId,
    from: &str,
    until: &str,
) -> Result<InclusionFigures, AppError> {
    let mut conn = pool.acquire().await?;
    let (approved_quarter_hours, active_volunteers): (i64, i64) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(h.quarter_hours), 0) AS BIGINT),
            CAST(COUNT(DISTINCT COALESCE(a.person_id, a.id)) AS BIGINT)
         FROM volunteer_hours h
         JOIN volunteer_appointment a ON a.id = h.appointment_id
         JOIN volunteer_role r ON r.id = a.role_id
         WHERE r.service_id = $1 AND h.status = 'approved' AND h.worked_on >= $2 AND h.worked_on < $3",
    )
    .bind(service)
    .bind(from)
    .bind(until)
    .fetch_one(&mut *conn)
    .await?;
    let lived_experience_roles_filled: i64 = sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_appointment a JOIN volunteer_role r ON r.id = a.role_id
         WHERE r.service_id = $1 AND r.lived_experience = 1 AND a.starts_on < $2 AND a.status <> 'ended'",
    )
    .bind(service)
    .bind(until)
    .fetch_one(&mut *conn)
    .await?;
    let (sessions, co_delivered_sessions): (i64, i64) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT),
            CAST(COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM session_co_facilitator f WHERE f.session_id = cs.id)
                THEN 1 ELSE 0 END), 0) AS BIGINT)
         FROM course_session cs JOIN course c ON c.id = cs.course_id
         WHERE c.service_id = $1 AND cs.state = 'held' AND cs.held_on >= $2 AND cs.held_on < $3",
    )
    .bind(service)
    .bind(from)
    .bind(until)
    .fetch_one(&mut *conn)
    .await?;
    Ok(InclusionFigures {
        approved_quarter_hours,
        active_volunteers,
        lived_experience_roles_filled,
        sessions,
        co_delivered_sessions,
    })
}

// ---- for partnership's interview panels (issue 17 §2, §5) ------------------------------------------------
// A block of its own: partnership names a volunteer role for a panel, takes candidates from the role's
// applications at interview, and moves an application on when the panel records its outcome.

/// A service's volunteer roles a panel may be for, as `(role id, title)`, by title.
pub async fn roles_for_panels(
    conn: &mut sqlx::AnyConnection,
    service_id: &crate::accounts::types::ServiceId,
) -> Result<Vec<(String, String)>, AppError> {
    Ok(db::list_roles(conn, false)
        .await?
        .into_iter()
        .filter(|r| r.service_id == *service_id && matches!(r.state, RoleState::Recruiting | RoleState::Filled))
        .map(|r| (r.id.to_string(), r.title))
        .collect())
}

/// The title of a service's role, if it is one of its roles.
pub async fn role_title(
    conn: &mut sqlx::AnyConnection,
    service_id: &crate::accounts::types::ServiceId,
    role_id: &str,
) -> Result<Option<String>, AppError> {
    Ok(db::fetch_role(conn, &super::types::RoleId::from(role_id.to_owned()))
        .await?
        .filter(|r| r.service_id == *service_id)
        .map(|r| r.title))
}

/// The role's applications at "interview", as `(application id, applicant's name)`: a panel's candidates.
pub async fn applications_at_interview(
    conn: &mut sqlx::AnyConnection,
    role_id: &str,
) -> Result<Vec<(String, String)>, AppError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, name FROM volunteer_application WHERE role_id = $1 AND stage = 'interview' ORDER BY name",
    )
    .bind(role_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows)
}

/// What a panel's outcome does to an application at interview: an appointment offers the role ("offered"),
/// "do not appoint" ends it kindly ("not taken forward", mailed as the coordinator's move is), and a reserve
/// leaves it at interview. Returns whether the application moved; one no longer at interview is left alone.
pub async fn panel_outcome(
    conn: &mut sqlx::AnyConnection,
    application_id: &str,
    appointed: Option<bool>,
) -> Result<bool, AppError> {
    use super::types::Stage;
    let Some(appointed) = appointed else { return Ok(false) };
    let id = super::types::ApplicationId::from(application_id.to_owned());
    let Some(application) = db::fetch_application(conn, &id).await? else { return Ok(false) };
    let to = if appointed { Stage::Offered } else { Stage::NotTakenForward };
    if application.stage != Stage::Interview || !db::set_stage(conn, &id, Stage::Interview, to).await? {
        return Ok(false);
    }
    if let Some(address) = &application.email {
        let mail = if appointed {
            super::emails::moved_on(address, &application.name, &application.role_title, to)
        } else {
            super::emails::not_taken_forward(address, &application.name, &application.role_title, "")
        };
        crate::mail::enqueue_about(&mut *conn, &mail, &db::mail_about(&id)).await?;
    }
    let detail = serde_json::json!({ "from": "interview", "to": to.as_str(), "by": "interview panel" });
    crate::audit::record(&mut *conn, None, "application_stage_changed", "volunteer_application", id.as_str(), detail)
        .await?;
    Ok(true)
}
