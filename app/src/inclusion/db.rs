//! Inclusion's SQL: volunteer roles, applications, appointments and the equal-opportunities counts. Every
//! function takes a connection: a pooled one for reading, `Write::conn()` for a change.

use sqlx::{AnyConnection, FromRow};

use super::types::{
    Application, ApplicationId, ApplicationStatus, ApplicationSummary, Appointment, AppointmentId, AppointmentStatus,
    Role, RoleId, RoleState, Stage, TakingPartAs, EQUALITY_QUESTIONS,
};
use super::validate::{ParsedApplication, ParsedRole};
use crate::accounts::types::{PersonId, ServiceId};
use crate::db::flag;

// ---- roles ---------------------------------------------------------------------------------------------

#[derive(FromRow)]
struct RoleRow {
    id: RoleId,
    service_id: ServiceId,
    service_name: String,
    slug: String,
    title: String,
    duties: String,
    time_asked: String,
    place: String,
    support: String,
    expenses: String,
    lived_experience: i64,
    posts: i64,
    state: String,
}

impl RoleRow {
    fn into_role(self) -> Role {
        Role {
            id: self.id,
            service_id: self.service_id,
            service_name: self.service_name,
            slug: self.slug,
            title: self.title,
            duties: self.duties,
            time_asked: self.time_asked,
            place: self.place,
            support: self.support,
            expenses: self.expenses,
            lived_experience: self.lived_experience != 0,
            posts: self.posts,
            state: self.state.parse().unwrap_or(RoleState::Closed),
        }
    }
}

const ROLE_SELECT: &str = "SELECT r.id, r.service_id, s.name AS service_name, r.slug, r.title, r.duties,
        r.time_asked, r.place, r.support, r.expenses, CAST(r.lived_experience AS BIGINT) AS lived_experience,
        CAST(r.posts AS BIGINT) AS posts, r.state
     FROM volunteer_role r JOIN service s ON s.id = r.service_id";

pub async fn insert_role(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    slug: &str,
    role: &ParsedRole,
    by: Option<&PersonId>,
) -> Result<RoleId, sqlx::Error> {
    let id = RoleId::new();
    sqlx::query(
        "INSERT INTO volunteer_role (id, service_id, slug, title, duties, time_asked, place, support, expenses,
            lived_experience, posts, state, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(&id)
    .bind(service_id)
    .bind(slug)
    .bind(&role.title)
    .bind(&role.duties)
    .bind(&role.time_asked)
    .bind(&role.place)
    .bind(&role.support)
    .bind(&role.expenses)
    .bind(flag(role.lived_experience))
    .bind(role.posts)
    .bind(role.state.as_str())
    .bind(crate::db::now())
    .bind(by)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Changes a role's details (its address stays).
pub async fn update_role(conn: &mut AnyConnection, id: &RoleId, role: &ParsedRole) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE volunteer_role SET title = $2, duties = $3, time_asked = $4, place = $5, support = $6,
            expenses = $7, lived_experience = $8, posts = $9, state = $10
         WHERE id = $1",
    )
    .bind(id)
    .bind(&role.title)
    .bind(&role.duties)
    .bind(&role.time_asked)
    .bind(&role.place)
    .bind(&role.support)
    .bind(&role.expenses)
    .bind(flag(role.lived_experience))
    .bind(role.posts)
    .bind(role.state.as_str())
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn fetch_role(conn: &mut AnyConnection, id: &RoleId) -> Result<Option<Role>, sqlx::Error> {
    let row: Option<RoleRow> =
        sqlx::query_as(&format!("{ROLE_SELECT} WHERE r.id = $1")).bind(id).fetch_optional(conn).await?;
    Ok(row.map(RoleRow::into_role))
}

pub async fn fetch_role_by_slug(conn: &mut AnyConnection, slug: &str) -> Result<Option<Role>, sqlx::Error> {
    let row: Option<RoleRow> =
        sqlx::query_as(&format!("{ROLE_SELECT} WHERE r.slug = $1")).bind(slug).fetch_optional(conn).await?;
    Ok(row.map(RoleRow::into_role))
}

/// A service's role by its title (for the demo data, which adds each once).
pub async fn fetch_role_by_title(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    title: &str,
) -> Result<Option<Role>, sqlx::Error> {
    let row: Option<RoleRow> = sqlx::query_as(&format!("{ROLE_SELECT} WHERE r.service_id = $1 AND r.title = $2"))
        .bind(service_id)
        .bind(title)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(RoleRow::into_role))
}

/// Every role, by service and title; `recruiting_only` keeps those taking applications.
pub async fn list_roles(conn: &mut AnyConnection, recruiting_only: bool) -> Result<Vec<Role>, sqlx::Error> {
    let filter = if recruiting_only { " WHERE r.state = 'recruiting'" } else { "" };
    let rows: Vec<RoleRow> =
        sqlx::query_as(&format!("{ROLE_SELECT}{filter} ORDER BY s.name, r.title")).fetch_all(conn).await?;
    Ok(rows.into_iter().map(RoleRow::into_role).collect())
}

// ---- applications --------------------------------------------------------------------------------------

#[derive(FromRow)]
struct ApplicationRow {
    id: ApplicationId,
    role_id: RoleId,
    role_title: String,
    service_id: ServiceId,
    name: String,
    email: Option<String>,
    phone: String,
    taking_part_as: String,
    why: String,
    availability: String,
    access_needs: String,
    referee1_name: String,
    referee1_contact: String,
    referee2_name: String,
    referee2_contact: String,
    consents_to_checks: i64,
    stage: String,
    received_at: String,
}

impl ApplicationRow {
    fn into_application(self) -> Application {
        Application {
            id: self.id,
            role_id: self.role_id,
            role_title: self.role_title,
            service_id: self.service_id,
            name: self.name,
            email: self.email,
            phone: self.phone,
            taking_part_as: self.taking_part_as.parse().unwrap_or(TakingPartAs::Other),
            why: self.why,
            availability: self.availability,
            access_needs: self.access_needs,
            referees: [(self.referee1_name, self.referee1_contact), (self.referee2_name, self.referee2_contact)],
            consents_to_checks: self.consents_to_checks != 0,
            stage: self.stage.parse().unwrap_or(Stage::Received),
            received_on: crate::clock::local_day_of(&self.received_at),
        }
    }
}

const APPLICATION_SELECT: &str = "SELECT a.id, a.role_id, r.title AS role_title, r.service_id, a.name, a.email,
        a.phone, a.taking_part_as, a.why, a.availability, a.access_needs, a.referee1_name, a.referee1_contact,
        a.referee2_name, a.referee2_contact, CAST(a.consents_to_checks AS BIGINT) AS consents_to_checks, a.stage,
        a.received_at
     FROM volunteer_application a JOIN volunteer_role r ON r.id = a.role_id";

/// Stores a new application at "received". Fails with a unique violation when the role already has one from
/// the same email address (two sent at the same moment): the caller merges instead.
pub async fn insert_application(
    conn: &mut AnyConnection,
    role_id: &RoleId,
    application: &ParsedApplication,
    status_key_hash: &str,
) -> Result<ApplicationId, sqlx::Error> {
    let id = ApplicationId::new();
    let now = crate::db::now();
    let [(r1_name, r1_contact), (r2_name, r2_contact)] = &application.referees;
    sqlx::query(
        "INSERT INTO volunteer_application (id, role_id, name, email, phone, taking_part_as, why, availability,
            access_needs, referee1_name, referee1_contact, referee2_name, referee2_contact, consents_to_checks,
            stage, status_key_hash, received_at, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, 'received', $14, $15, $15)",
    )
    .bind(&id)
    .bind(role_id)
    .bind(&application.name)
    .bind(application.email.as_ref().map(|e| e.as_str()))
    .bind(&application.phone)
    .bind(application.taking_part_as.as_str())
    .bind(&application.why)
    .bind(&application.availability)
    .bind(&application.access_needs)
    .bind(r1_name)
    .bind(r1_contact)
    .bind(r2_name)
    .bind(r2_contact)
    .bind(status_key_hash)
    .bind(&now)
    .execute(conn)
    .await?;
    Ok(id)
}

/// The role's open application from `email` (lower-cased), with its stage: one neither withdrawn nor not
/// taken forward (there is at most one; a closed one does not stand in the way of a fresh application).
pub async fn fetch_application_by_email(
    conn: &mut AnyConnection,
    role_id: &RoleId,
    email: &str,
) -> Result<Option<(ApplicationId, Stage)>, sqlx::Error> {
    let row: Option<(ApplicationId, String)> = sqlx::query_as(
        "SELECT id, stage FROM volunteer_application
         WHERE role_id = $1 AND email = $2 AND stage NOT IN ('withdrawn', 'not_taken_forward')",
    )
    .bind(role_id)
    .bind(email)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id, stage)| (id, stage.parse().unwrap_or(Stage::Received))))
}

/// Replaces an application's details with what its owner sent again (their latest words), while it is
/// received or shortlisted (`Stage::may_be_replaced`); false when it has moved on. The referees are kept as
/// they were when `keep_referees` (once asked, a reference is never redirected). The stage is not changed.
pub async fn merge_application(
    conn: &mut AnyConnection,
    id: &ApplicationId,
    application: &ParsedApplication,
    keep_referees: bool,
) -> Result<bool, sqlx::Error> {
    let [(r1_name, r1_contact), (r2_name, r2_contact)] = &application.referees;
    let done = sqlx::query(
        "UPDATE volunteer_application SET name = $2, phone = CASE WHEN $3 = '' THEN phone ELSE $3 END,
            taking_part_as = $4, why = $5, availability = $6, access_needs = $7,
            referee1_name = CASE WHEN $13 = 1 THEN referee1_name ELSE $8 END,
            referee1_contact = CASE WHEN $13 = 1 THEN referee1_contact ELSE $9 END,
            referee2_name = CASE WHEN $13 = 1 THEN referee2_name ELSE $10 END,
            referee2_contact = CASE WHEN $13 = 1 THEN referee2_contact ELSE $11 END,
            changed_at = $12
         WHERE id = $1 AND stage IN ('received', 'shortlisted')",
    )
    .bind(id)
    .bind(&application.name)
    .bind(&application.phone)
    .bind(application.taking_part_as.as_str())
    .bind(&application.why)
    .bind(&application.availability)
    .bind(&application.access_needs)
    .bind(r1_name)
    .bind(r1_contact)
    .bind(r2_name)
    .bind(r2_contact)
    .bind(crate::db::now())
    .bind(flag(keep_referees))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// What the outbox calls mail about an application (`mail::enqueue_about`): every mail naming an applicant or
/// sent to them or their referees is queued with it, so the retention deletes it with the application.
pub fn mail_about(id: &ApplicationId) -> String {
    format!("volunteer_application:{id}")
}

// ---- applications sent again ------------------------------------------------------------------------------

/// What an application sent again said (everything but the email address, which is the application's, and
/// the equal-opportunities answers, which are never kept with an application), stored as JSON until its
/// owner confirms it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ResentDetails {
    pub name: String,
    pub phone: String,
    pub taking_part_as: TakingPartAs,
    pub why: String,
    pub availability: String,
    pub access_needs: String,
    pub referees: [(String, String); 2],
}

impl ResentDetails {
    pub fn of(parsed: &ParsedApplication) -> Self {
        Self {
            name: parsed.name.clone(),
            phone: parsed.phone.clone(),
            taking_part_as: parsed.taking_part_as,
            why: parsed.why.clone(),
            availability: parsed.availability.clone(),
            access_needs: parsed.access_needs.clone(),
            referees: parsed.referees.clone(),
        }
    }

    /// As an application from `email`, to merge.
    pub fn into_parsed(self, email: Option<crate::accounts::validate::EmailAddress>) -> ParsedApplication {
        ParsedApplication {
            name: self.name,
            email,
            phone: self.phone,
            taking_part_as: self.taking_part_as,
            why: self.why,
            availability: self.availability,
            access_needs: self.access_needs,
            referees: self.referees,
            equality: Vec::new(),
        }
    }
}

/// Holds an application sent again until its owner confirms it through the link whose key hashes to
/// `key_hash`, which works until `expires_at` (RFC 3339 UTC; now, for words kept only for review). An
/// earlier one not yet confirmed is dropped — or, when the screener `flagged` it, kept for the reviewer with
/// its link stopped: only the latest can be confirmed.
pub async fn insert_resend(
    conn: &mut AnyConnection,
    application_id: &ApplicationId,
    key_hash: &str,
    details: &ResentDetails,
    expires_at: &str,
    flagged: bool,
) -> Result<(), sqlx::Error> {
    let now = crate::db::now();
    sqlx::query(
        "DELETE FROM volunteer_application_resend WHERE application_id = $1 AND used_at IS NULL AND flagged = 0",
    )
    .bind(application_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE volunteer_application_resend SET expires_at = $2
         WHERE application_id = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(application_id)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    let details = serde_json::to_string(details).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query(
        "INSERT INTO volunteer_application_resend (id, application_id, key_hash, details, sent_at, expires_at, flagged)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(crate::db::new_id())
    .bind(application_id)
    .bind(key_hash)
    .bind(details)
    .bind(&now)
    .bind(expires_at)
    .bind(crate::db::flag(flagged))
    .execute(conn)
    .await?;
    Ok(())
}

/// Words sent again for an application that the screener flagged and that are still kept for review:
/// (sent at, RFC 3339 UTC; what was sent), oldest first.
pub async fn list_flagged_resends(
    conn: &mut AnyConnection,
    application_id: &ApplicationId,
) -> Result<Vec<(String, ResentDetails)>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT sent_at, details FROM volunteer_application_resend WHERE application_id = $1 AND flagged = 1
         ORDER BY sent_at, id",
    )
    .bind(application_id)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(at, details)| Ok((at, serde_json::from_str(&details).map_err(|e| sqlx::Error::Decode(Box::new(e)))?)))
        .collect()
}

/// An application sent again, by its link's key hash.
pub struct Resend {
    pub id: String,
    pub application_id: ApplicationId,
    pub details: ResentDetails,
    /// RFC 3339 UTC.
    pub sent_at: String,
    pub expires_at: String,
    pub used: bool,
}

pub async fn fetch_resend_by_key(conn: &mut AnyConnection, key_hash: &str) -> Result<Option<Resend>, sqlx::Error> {
    let row: Option<(String, ApplicationId, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT id, application_id, details, sent_at, expires_at, used_at FROM volunteer_application_resend
         WHERE key_hash = $1",
    )
    .bind(key_hash)
    .fetch_optional(conn)
    .await?;
    let Some((id, application_id, details, sent_at, expires_at, used_at)) = row else { return Ok(None) };
    let details = serde_json::from_str(&details).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    Ok(Some(Resend { id, application_id, details, sent_at, expires_at, used: used_at.is_some() }))
}

/// Marks an application sent again as confirmed, once: false when it was used already.
pub async fn use_resend(conn: &mut AnyConnection, id: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE volunteer_application_resend SET used_at = $2 WHERE id = $1 AND used_at IS NULL")
        .bind(id)
        .bind(crate::db::now())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes every application sent again whose link ran out before `now`, confirmed or not: what a stranger
/// may have typed is not kept. Words the screener flagged stay while the flag on their application waits for
/// review, so they reach a reviewer. Returns how many.
pub async fn delete_expired_resends(conn: &mut AnyConnection, now: &str) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "DELETE FROM volunteer_application_resend WHERE expires_at <= $1
         AND NOT (flagged = 1 AND EXISTS (SELECT 1 FROM review_flag f WHERE f.source_type = 'volunteer_application'
            AND f.source_id = volunteer_application_resend.application_id AND f.outcome IS NULL))",
    )
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

pub async fn fetch_application(
    conn: &mut AnyConnection,
    id: &ApplicationId,
) -> Result<Option<Application>, sqlx::Error> {
    let row: Option<ApplicationRow> =
        sqlx::query_as(&format!("{APPLICATION_SELECT} WHERE a.id = $1")).bind(id).fetch_optional(conn).await?;
    Ok(row.map(ApplicationRow::into_application))
}

/// The application a status link's key (its hash) is for, as the applicant sees it.
pub async fn fetch_status_by_key(
    conn: &mut AnyConnection,
    key_hash: &str,
) -> Result<Option<(ApplicationId, ApplicationStatus)>, sqlx::Error> {
    let row: Option<(ApplicationId, String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT a.id, a.name, r.title, r.slug, s.name, a.stage, r.state
         FROM volunteer_application a JOIN volunteer_role r ON r.id = a.role_id JOIN service s ON s.id = r.service_id
         WHERE a.status_key_hash = $1",
    )
    .bind(key_hash)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id, name, role_title, role_slug, service_name, stage, role_state)| {
        let stage = stage.parse().unwrap_or(Stage::Received);
        let role_recruiting = role_state == RoleState::Recruiting.as_str();
        (id, ApplicationStatus { name, role_title, role_slug, role_recruiting, service_name, stage })
    }))
}

/// Moves an application to `stage` from `from`; false when it was no longer at `from` (another change won).
pub async fn set_stage(
    conn: &mut AnyConnection,
    id: &ApplicationId,
    from: Stage,
    stage: Stage,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE volunteer_application SET stage = $3, changed_at = $4 WHERE id = $1 AND stage = $2")
        .bind(id)
        .bind(from.as_str())
        .bind(stage.as_str())
        .bind(crate::db::now())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(FromRow)]
struct SummaryRow {
    id: ApplicationId,
    service_id: ServiceId,
    role_title: String,
    name: String,
    stage: String,
    received_at: String,
    needs_review: i64,
}

/// Every application to the roles of `services`, newest first, with its service; flagged ones not yet
/// reviewed say so.
pub async fn list_applications(
    conn: &mut AnyConnection,
    services: &[ServiceId],
) -> Result<Vec<(ServiceId, ApplicationSummary)>, sqlx::Error> {
    let rows: Vec<SummaryRow> = sqlx::query_as(
        "SELECT a.id, r.service_id, r.title AS role_title, a.name, a.stage, a.received_at,
            CAST(CASE WHEN g.source_id IS NOT NULL AND g.outcome IS NULL THEN 1 ELSE 0 END AS BIGINT) AS needs_review
         FROM volunteer_application a JOIN volunteer_role r ON r.id = a.role_id
         LEFT JOIN review_flag g ON g.source_type = 'volunteer_application' AND g.source_id = a.id
         ORDER BY a.received_at DESC",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter(|r| services.contains(&r.service_id))
        .map(|r| {
            let summary = ApplicationSummary {
                id: r.id,
                role_title: r.role_title,
                name: r.name,
                stage: r.stage.parse().unwrap_or(Stage::Received),
                received_on: crate::clock::local_day_of(&r.received_at),
                needs_review: r.needs_review != 0,
            };
            (r.service_id, summary)
        })
        .collect())
}

#[derive(FromRow)]
struct FlagRow {
    concerns: String,
    reasons: String,
    flagged_on: String,
    outcome: Option<String>,
    note: Option<String>,
    reviewer: Option<String>,
    reviewed_at: Option<String>,
}

/// The partnership panel an application was linked to at interview, if any.
pub async fn fetch_interview_panel(
    conn: &mut AnyConnection,
    application: &ApplicationId,
) -> Result<Option<String>, sqlx::Error> {
    let linked: Option<Option<String>> =
        sqlx::query_scalar("SELECT interview_panel_id FROM volunteer_application WHERE id = $1")
            .bind(application)
            .fetch_optional(conn)
            .await?;
    Ok(linked.flatten())
}

/// Links an application to a partnership panel (`None` takes the link off). Returns whether it was still
/// at interview (only then is it changed).
pub async fn set_interview_panel(
    conn: &mut AnyConnection,
    application: &ApplicationId,
    panel: Option<&str>,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE volunteer_application SET interview_panel_id = $1 WHERE id = $2 AND stage = 'interview'")
            .bind(panel)
            .bind(application)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// The screener's flag on an application, if it raised one.
pub async fn fetch_flag(
    conn: &mut AnyConnection,
    id: &ApplicationId,
) -> Result<Option<crate::safeguarding::review::FlagView>, sqlx::Error> {
    let row: Option<FlagRow> = sqlx::query_as(
        "SELECT g.concerns, g.reasons, g.flagged_on, g.outcome, g.note, p.display_name AS reviewer, g.reviewed_at
         FROM review_flag g LEFT JOIN person p ON p.id = g.reviewed_by
         WHERE g.source_type = 'volunteer_application' AND g.source_id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|row| crate::safeguarding::review::FlagView {
        concerns: row
            .concerns
            .split(',')
            .filter_map(crate::safeguarding::screener::Concern::parse)
            .map(|c| c.label().to_owned())
            .collect(),
        reasons: row.reasons.lines().map(str::to_owned).collect(),
        flagged_on: row.flagged_on,
        outcome: row.outcome.as_deref().and_then(|o| o.parse().ok()),
        note: row.note.unwrap_or_default(),
        reviewed_by: row.reviewer,
        reviewed_at: row.reviewed_at,
    }))
}

// ---- appointments --------------------------------------------------------------------------------------

/// A new appointment, active from `starts_on`.
pub struct NewAppointment<'a> {
    pub role_id: &'a RoleId,
    pub application_id: &'a ApplicationId,
    pub person_id: Option<&'a PersonId>,
    pub name: &'a str,
    pub taking_part_as: TakingPartAs,
    /// `YYYY-MM-DD`, local.
    pub starts_on: &'a str,
}

pub async fn insert_appointment(
    conn: &mut AnyConnection,
    appointment: &NewAppointment<'_>,
    by: Option<&PersonId>,
) -> Result<AppointmentId, sqlx::Error> {
    let id = AppointmentId::new();
    sqlx::query(
        "INSERT INTO volunteer_appointment (id, role_id, application_id, person_id, name, taking_part_as,
            starts_on, status, status_reason, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', '', $8, $9)",
    )
    .bind(&id)
    .bind(appointment.role_id)
    .bind(appointment.application_id)
    .bind(appointment.person_id)
    .bind(appointment.name)
    .bind(appointment.taking_part_as.as_str())
    .bind(appointment.starts_on)
    .bind(crate::db::now())
    .bind(by)
    .execute(conn)
    .await?;
    Ok(id)
}

/// The appointment an application led to, if any.
pub async fn fetch_appointment_for(
    conn: &mut AnyConnection,
    application_id: &ApplicationId,
) -> Result<Option<Appointment>, sqlx::Error> {
    let row: Option<(AppointmentId, String, Option<String>, String, String, String)> = sqlx::query_as(
        "SELECT id, name, person_id, starts_on, status, status_reason FROM volunteer_appointment
         WHERE application_id = $1",
    )
    .bind(application_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id, name, person_id, starts_on, status, status_reason)| Appointment {
        id,
        name,
        has_account: person_id.is_some(),
        starts_on,
        status: status.parse().unwrap_or(AppointmentStatus::Active),
        status_reason,
    }))
}

// ---- equal-opportunities counts ------------------------------------------------------------------------

/// Counts one applicant's equal-opportunities answers into their service's counts for `year`. The first
/// time a service's year is counted, every answer of every question is put in at 0, so no row is made by
/// one person's answer. No row names an applicant, an application or a time.
pub async fn count_equality_answers(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    year: &str,
    answers: &[(&str, &str)],
) -> Result<(), sqlx::Error> {
    for question in EQUALITY_QUESTIONS {
        for (answer, _) in question.answers {
            sqlx::query(
                "INSERT INTO volunteer_equality_count (service_id, year, question, answer, answers)
                 VALUES ($1, $2, $3, $4, 0) ON CONFLICT (service_id, year, question, answer) DO NOTHING",
            )
            .bind(service_id)
            .bind(year)
            .bind(question.name)
            .bind(*answer)
            .execute(&mut *conn)
            .await?;
        }
    }
    for (question, answer) in answers {
        sqlx::query(
            "UPDATE volunteer_equality_count SET answers = answers + 1
             WHERE service_id = $1 AND year = $2 AND question = $3 AND answer = $4",
        )
        .bind(service_id)
        .bind(year)
        .bind(*question)
        .bind(*answer)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A service's equal-opportunities counts over every calendar year before `before_year` (`YYYY`): (question,
/// answer, how many gave it). The year still going is left out, so no figure moves while applications arrive.
pub async fn equality_counts(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    before_year: &str,
) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT question, answer, CAST(COALESCE(SUM(answers), 0) AS BIGINT) FROM volunteer_equality_count
         WHERE service_id = $1 AND year < $2 GROUP BY question, answer",
    )
    .bind(service_id)
    .bind(before_year)
    .fetch_all(conn)
    .await
}
