//! The SQL of references.

use sqlx::{AnyConnection, FromRow};

use super::{ReferenceId, ReferenceRequest, ReferenceState, ReferenceView};
use crate::inclusion::types::ApplicationId;

/// A reference to ask of a referee.
pub struct NewReference<'a> {
    pub application_id: &'a ApplicationId,
    pub referee_name: &'a str,
    pub referee_email: &'a str,
    pub key_hash: &'a str,
    /// RFC 3339 UTC.
    pub requested_at: &'a str,
    pub expires_at: &'a str,
    pub replaces: Option<&'a ReferenceId>,
}

pub async fn insert_reference(conn: &mut AnyConnection, new: &NewReference<'_>) -> Result<ReferenceId, sqlx::Error> {
    let id = ReferenceId::new();
    sqlx::query(
        "INSERT INTO volunteer_reference (id, application_id, referee_name, referee_email, key_hash, state,
            requested_at, expires_at, known_how, reference_text, decline_reason, replaces_id)
         VALUES ($1, $2, $3, $4, $5, 'requested', $6, $7, '', '', '', $8)",
    )
    .bind(&id)
    .bind(new.application_id)
    .bind(new.referee_name)
    .bind(new.referee_email)
    .bind(new.key_hash)
    .bind(new.requested_at)
    .bind(new.expires_at)
    .bind(new.replaces)
    .execute(conn)
    .await?;
    Ok(id)
}

#[derive(FromRow)]
struct ReferenceRow {
    id: ReferenceId,
    referee_name: String,
    referee_email: String,
    state: String,
    requested_at: String,
    expires_at: String,
    known_how: String,
    reference_text: String,
    decline_reason: String,
    answered_at: Option<String>,
    replaces_id: Option<ReferenceId>,
}

/// An application's references, in the order asked.
pub async fn list_for(
    conn: &mut AnyConnection,
    application_id: &ApplicationId,
    now: &str,
) -> Result<Vec<ReferenceView>, sqlx::Error> {
    let rows: Vec<ReferenceRow> = sqlx::query_as(
        "SELECT id, referee_name, referee_email, state, requested_at, expires_at, known_how, reference_text,
            decline_reason, answered_at, replaces_id
         FROM volunteer_reference WHERE application_id = $1 ORDER BY requested_at, id",
    )
    .bind(application_id)
    .fetch_all(conn)
    .await?;
    let names: std::collections::HashMap<ReferenceId, String> =
        rows.iter().map(|r| (r.id.clone(), r.referee_name.clone())).collect();
    Ok(rows
        .into_iter()
        .map(|r| {
            let instead_of = r.replaces_id.as_ref().and_then(|id| names.get(id).cloned());
            let state = r.state.parse().unwrap_or(ReferenceState::Requested);
            let last_day = crate::clock::local_day_of(&r.expires_at);
            ReferenceView {
                expired: state == ReferenceState::Requested && r.expires_at.as_str() <= now,
                id: r.id,
                referee_name: r.referee_name,
                referee_email: r.referee_email,
                state,
                requested_on: crate::clock::local_day_of(&r.requested_at),
                link_ends_on: last_day,
                known_how: r.known_how,
                reference_text: r.reference_text,
                // Declined, then perhaps replaced: a replaced reference was answered only if it declined.
                declined: state == ReferenceState::Declined
                    || (state == ReferenceState::Replaced && r.answered_at.is_some()),
                decline_reason: r.decline_reason,
                instead_of,
            }
        })
        .collect())
}

/// A reference by its id, with its application (for replacing a referee): (application, state).
pub async fn fetch_reference(
    conn: &mut AnyConnection,
    id: &ReferenceId,
) -> Result<Option<(ApplicationId, ReferenceState)>, sqlx::Error> {
    let row: Option<(ApplicationId, String)> =
        sqlx::query_as("SELECT application_id, state FROM volunteer_reference WHERE id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(a, s)| (a, s.parse().unwrap_or(ReferenceState::Requested))))
}

/// The reference a link's key (its hash, from the first mail or the reminder) is for: its id, state, expiry
/// (RFC 3339 UTC), whether its application has closed (withdrawn or not taken forward: no reference is wanted
/// any more) and what the referee's page shows.
pub async fn fetch_by_key(
    conn: &mut AnyConnection,
    key_hash: &str,
) -> Result<Option<(ReferenceId, ReferenceState, String, bool, ReferenceRequest)>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct KeyRow {
        id: ReferenceId,
        state: String,
        expires_at: String,
        stage: String,
        referee_name: String,
        applicant_name: String,
        role_title: String,
        service_name: String,
    }
    let row: Option<KeyRow> = sqlx::query_as(
        "SELECT f.id, f.state, f.expires_at, a.stage, f.referee_name, a.name AS applicant_name,
                r.title AS role_title, s.name AS service_name
         FROM volunteer_reference f
            JOIN volunteer_application a ON a.id = f.application_id
            JOIN volunteer_role r ON r.id = a.role_id
            JOIN service s ON s.id = r.service_id
         WHERE f.key_hash = $1 OR f.reminder_key_hash = $1",
    )
    .bind(key_hash)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| {
        let state = r.state.parse().unwrap_or(ReferenceState::Requested);
        let closed = r.stage.parse::<crate::inclusion::types::Stage>().is_ok_and(|s| s.is_closed());
        let request = ReferenceRequest {
            referee_name: r.referee_name,
            applicant_name: r.applicant_name,
            role_title: r.role_title,
            service_name: r.service_name,
        };
        (r.id, state, r.expires_at, closed, request)
    }))
}

/// Records the referee's answer (given or declined) once: false when it was no longer waiting for one.
pub async fn answer(
    conn: &mut AnyConnection,
    id: &ReferenceId,
    state: ReferenceState,
    known_how: &str,
    text: &str,
    decline_reason: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE volunteer_reference SET state = $2, known_how = $3, reference_text = $4, decline_reason = $5,
            answered_at = $6
         WHERE id = $1 AND state = 'requested'",
    )
    .bind(id)
    .bind(state.as_str())
    .bind(known_how)
    .bind(text)
    .bind(decline_reason)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks a reference replaced by another referee (from asked or declined); false when it had come back.
pub async fn mark_replaced(conn: &mut AnyConnection, id: &ReferenceId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE volunteer_reference SET state = 'replaced' WHERE id = $1 AND state IN ('requested', 'declined')",
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Asked references due their one reminder: asked at or before `asked_by`, still waiting, link still live at
/// `now`, never reminded, and their application still open (a withdrawn applicant has asked us to stop). (id, referee's name and address, applicant's name, role title, expiry).
pub async fn list_reminders_due(
    pool: &sqlx::AnyPool,
    asked_by: &str,
    now: &str,
) -> Result<Vec<(ReferenceId, String, String, String, String, String, ApplicationId)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT f.id, f.referee_name, f.referee_email, a.name, r.title, f.expires_at, f.application_id
         FROM volunteer_reference f
            JOIN volunteer_application a ON a.id = f.application_id
            JOIN volunteer_role r ON r.id = a.role_id
         WHERE f.state = 'requested' AND f.reminded_at IS NULL AND f.requested_at <= $1 AND f.expires_at > $2
            AND a.stage NOT IN ('withdrawn', 'not_taken_forward')
         ORDER BY f.requested_at, f.id",
    )
    .bind(asked_by)
    .bind(now)
    .fetch_all(pool)
    .await
}

/// Claims a reference's reminder, storing the hash of the reminder link's key; false if another app server
/// claimed it first.
pub async fn claim_reminder(conn: &mut AnyConnection, id: &ReferenceId, key_hash: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE volunteer_reference SET reminded_at = $2, reminder_key_hash = $3
         WHERE id = $1 AND reminded_at IS NULL AND state = 'requested'",
    )
    .bind(id)
    .bind(crate::db::now())
    .bind(key_hash)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether any referee of the application has been asked (then its referees are never changed by the
/// applicant sending it again).
pub async fn any_asked(conn: &mut AnyConnection, application_id: &ApplicationId) -> Result<bool, sqlx::Error> {
    let asked: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_reference WHERE application_id = $1")
            .bind(application_id)
            .fetch_one(conn)
            .await?;
    Ok(asked > 0)
}
