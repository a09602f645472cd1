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
    /// Sessions of the service's courses held in the period.
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
         WHERE c.service_id = $1 AND cs.held_on >= $2 AND cs.held_on < $3",
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
