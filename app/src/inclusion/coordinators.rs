//! Who "the coordinator" is, for mail about a role's applicants and volunteers (an application its owner
//! replaced, a check about to run out). Continuum has no coordinator role of its own, so the rule is:
//!
//! 1. the first of the people the caller names (an appointment's supervisor, then whoever appointed the
//!    volunteer; a role's creator for its applications) who still has an enabled account and is still staff
//!    or a manager of the service;
//! 2. otherwise every manager of the service with an enabled account;
//! 3. otherwise the service's duty inbox (the shared mailbox its staff watch), if it has one.
//!
//! An empty answer means nobody can be told: the caller says so rather than claiming the mail went.

use sqlx::AnyConnection;

use crate::accounts::types::{PersonId, ServiceId};

/// The addresses to tell, by the rule above: `first_choice` in order, then the service's managers, then its
/// duty inbox. Empty when the service has none of these.
pub async fn coordinators(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    first_choice: &[Option<&PersonId>],
) -> Result<Vec<String>, sqlx::Error> {
    for person in first_choice.iter().flatten() {
        let address: Option<String> = sqlx::query_scalar(
            "SELECT p.email FROM person p
             WHERE p.id = $1 AND p.disabled_at IS NULL AND EXISTS (
                SELECT 1 FROM role_grant g
                WHERE g.person_id = p.id AND g.service_id = $2 AND g.role IN ('staff', 'manager'))",
        )
        .bind(*person)
        .bind(service_id)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(address) = address {
            return Ok(vec![address]);
        }
    }
    let managers: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT p.email FROM role_grant g JOIN person p ON p.id = g.person_id
         WHERE g.service_id = $1 AND g.role = 'manager' AND p.disabled_at IS NULL
         ORDER BY p.email",
    )
    .bind(service_id)
    .fetch_all(&mut *conn)
    .await?;
    if !managers.is_empty() {
        return Ok(managers);
    }
    let inbox: Option<Option<String>> = sqlx::query_scalar("SELECT duty_inbox FROM service WHERE id = $1")
        .bind(service_id)
        .fetch_optional(conn)
        .await?;
    Ok(inbox.flatten().filter(|a| !a.trim().is_empty()).into_iter().collect())
}

/// The coordinators of a role's applications: its creator while still the service's staff, then as above.
pub async fn of_role(
    conn: &mut AnyConnection,
    role_id: &crate::inclusion::types::RoleId,
    service_id: &ServiceId,
) -> Result<Vec<String>, sqlx::Error> {
    let creator: Option<Option<PersonId>> = sqlx::query_scalar("SELECT created_by FROM volunteer_role WHERE id = $1")
        .bind(role_id)
        .fetch_optional(&mut *conn)
        .await?;
    let creator = creator.flatten();
    coordinators(conn, service_id, &[creator.as_ref()]).await
}
