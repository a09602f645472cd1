//! All of the accounts capability's SQL: people, role grants, services, sessions and one-time link tokens.

use crate::accounts::types::{PersonId, ServiceId};
use sqlx::{Any, Executor, FromRow};

use super::types::{PersonSummary, Role, ServiceRole, ServiceSummary};
use crate::db::flag;

#[derive(FromRow)]
pub struct PersonRow {
    pub id: PersonId,
    pub email: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub is_admin: i64,
    pub disabled_at: Option<String>,
}

#[derive(FromRow)]
pub struct LiveSessionRow {
    pub session_id: String,
    pub person_id: PersonId,
    pub last_seen_at: String,
    pub expires_at: String,
    pub display_name: String,
    pub email: String,
    pub is_admin: i64,
}

#[derive(FromRow)]
struct RoleRow {
    person_id: PersonId,
    service_id: ServiceId,
    service_name: String,
    role: String,
}

impl RoleRow {
    fn into_service_role(self) -> Option<ServiceRole> {
        // A role text this build does not know (written by a newer version) is skipped, not an error.
        let role = self.role.parse::<Role>().ok()?;
        Some(ServiceRole { service_id: self.service_id, service_name: self.service_name, role })
    }
}

const PERSON_COLUMNS: &str = "id, email, display_name, password_hash, is_admin, disabled_at";

// ---- people -------------------------------------------------------------------------------------------

pub struct NewPerson<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub password_hash: Option<&'a str>,
    pub is_admin: bool,
}

pub async fn insert_person<'c>(
    db: impl Executor<'c, Database = Any>,
    person: &NewPerson<'_>,
    now: &str,
) -> Result<PersonId, sqlx::Error> {
    let id = PersonId::new();
    sqlx::query(
        "INSERT INTO person (id, email, display_name, password_hash, is_admin, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(&id)
    .bind(person.email)
    .bind(person.name)
    .bind(person.password_hash)
    .bind(flag(person.is_admin))
    .bind(now)
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn fetch_person_by_email<'c>(
    db: impl Executor<'c, Database = Any>,
    email: &str,
) -> Result<Option<PersonRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {PERSON_COLUMNS} FROM person WHERE email = $1"))
        .bind(email)
        .fetch_optional(db)
        .await
}

pub async fn fetch_person<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &PersonId,
) -> Result<Option<PersonRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {PERSON_COLUMNS} FROM person WHERE id = $1")).bind(id).fetch_optional(db).await
}

pub async fn count_people<'c>(db: impl Executor<'c, Database = Any>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM person").fetch_one(db).await
}

pub async fn update_person_name<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &PersonId,
    name: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE person SET display_name = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(name)
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn update_password_hash<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &PersonId,
    hash: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE person SET password_hash = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(hash)
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

/// Disables (with the time) or re-enables (with `None`) an account.
pub async fn update_disabled<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &PersonId,
    disabled_at: Option<&str>,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE person SET disabled_at = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(disabled_at)
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn update_admin<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &PersonId,
    is_admin: bool,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE person SET is_admin = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(flag(is_admin))
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

/// Everyone, by name, with their roles: the administrator's people list.
pub async fn list_people(pool: &sqlx::AnyPool) -> Result<Vec<PersonSummary>, sqlx::Error> {
    let people: Vec<PersonRow> =
        sqlx::query_as(&format!("SELECT {PERSON_COLUMNS} FROM person ORDER BY lower(display_name), email"))
            .fetch_all(pool)
            .await?;
    let roles: Vec<RoleRow> = sqlx::query_as(
        "SELECT g.person_id, g.service_id, s.name AS service_name, g.role
         FROM role_grant g JOIN service s ON s.id = g.service_id ORDER BY s.name, g.role",
    )
    .fetch_all(pool)
    .await?;
    let mut by_person: std::collections::HashMap<PersonId, Vec<ServiceRole>> = std::collections::HashMap::new();
    for row in roles {
        let person_id = row.person_id.clone();
        if let Some(role) = row.into_service_role() {
            by_person.entry(person_id).or_default().push(role);
        }
    }
    Ok(people
        .into_iter()
        .map(|p| {
            let roles = by_person.remove(&p.id).unwrap_or_default();
            p.into_summary(roles)
        })
        .collect())
}

impl PersonRow {
    pub fn into_summary(self, roles: Vec<ServiceRole>) -> PersonSummary {
        PersonSummary {
            id: self.id,
            name: self.display_name,
            email: self.email,
            is_admin: self.is_admin != 0,
            disabled: self.disabled_at.is_some(),
            has_password: self.password_hash.is_some(),
            roles,
        }
    }
}

// ---- roles --------------------------------------------------------------------------------------------

pub async fn list_roles_of<'c>(
    db: impl Executor<'c, Database = Any>,
    person_id: &PersonId,
) -> Result<Vec<ServiceRole>, sqlx::Error> {
    let rows: Vec<RoleRow> = sqlx::query_as(
        "SELECT g.person_id, g.service_id, s.name AS service_name, g.role
         FROM role_grant g JOIN service s ON s.id = g.service_id WHERE g.person_id = $1 ORDER BY s.name, g.role",
    )
    .bind(person_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().filter_map(RoleRow::into_service_role).collect())
}

/// Grants a role; granting one the person already holds changes nothing.
pub async fn insert_role_grant<'c>(
    db: impl Executor<'c, Database = Any>,
    person_id: &PersonId,
    service_id: &ServiceId,
    role: Role,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO role_grant (person_id, service_id, role, granted_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (person_id, service_id, role) DO NOTHING",
    )
    .bind(person_id)
    .bind(service_id)
    .bind(role.as_str())
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn delete_role_grant<'c>(
    db: impl Executor<'c, Database = Any>,
    person_id: &PersonId,
    service_id: &ServiceId,
    role: Role,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM role_grant WHERE person_id = $1 AND service_id = $2 AND role = $3")
        .bind(person_id)
        .bind(service_id)
        .bind(role.as_str())
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

// ---- services -----------------------------------------------------------------------------------------

pub async fn insert_service<'c>(
    db: impl Executor<'c, Database = Any>,
    name: &str,
    now: &str,
) -> Result<ServiceId, sqlx::Error> {
    let id = ServiceId::new();
    sqlx::query("INSERT INTO service (id, name, created_at, updated_at) VALUES ($1, $2, $3, $3)")
        .bind(&id)
        .bind(name)
        .bind(now)
        .execute(db)
        .await?;
    Ok(id)
}

pub async fn update_service_name<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &ServiceId,
    name: &str,
    now: &str,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("UPDATE service SET name = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(name)
        .bind(now)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

#[derive(FromRow)]
struct ServiceRow {
    id: ServiceId,
    name: String,
}

pub async fn list_services<'c>(db: impl Executor<'c, Database = Any>) -> Result<Vec<ServiceSummary>, sqlx::Error> {
    let rows: Vec<ServiceRow> =
        sqlx::query_as("SELECT id, name FROM service ORDER BY lower(name)").fetch_all(db).await?;
    Ok(rows.into_iter().map(|r| ServiceSummary { id: r.id, name: r.name }).collect())
}

pub async fn fetch_service_by_name<'c>(
    db: impl Executor<'c, Database = Any>,
    name: &str,
) -> Result<Option<ServiceSummary>, sqlx::Error> {
    let row: Option<ServiceRow> = sqlx::query_as("SELECT id, name FROM service WHERE lower(name) = lower($1)")
        .bind(name)
        .fetch_optional(db)
        .await?;
    Ok(row.map(|r| ServiceSummary { id: r.id, name: r.name }))
}

// ---- sessions -----------------------------------------------------------------------------------------

pub async fn insert_session<'c>(
    db: impl Executor<'c, Database = Any>,
    token_hash: &str,
    person_id: &PersonId,
    now: &str,
    expires_at: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO session (id, token_hash, person_id, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $4, $5)",
    )
    .bind(crate::db::new_id())
    .bind(token_hash)
    .bind(person_id)
    .bind(now)
    .bind(expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// The session with this token hash, if its account is enabled; the caller checks expiry.
pub async fn fetch_live_session<'c>(
    db: impl Executor<'c, Database = Any>,
    token_hash: &str,
) -> Result<Option<LiveSessionRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.id AS session_id, s.person_id, s.last_seen_at, s.expires_at, p.display_name, p.email, p.is_admin
         FROM session s JOIN person p ON p.id = s.person_id
         WHERE s.token_hash = $1 AND p.disabled_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(db)
    .await
}

pub async fn touch_session<'c>(
    db: impl Executor<'c, Database = Any>,
    session_id: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE session SET last_seen_at = $2 WHERE id = $1").bind(session_id).bind(now).execute(db).await?;
    Ok(())
}

pub async fn delete_session<'c>(db: impl Executor<'c, Database = Any>, session_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM session WHERE id = $1").bind(session_id).execute(db).await?;
    Ok(())
}

/// Ends every session of a person: after a password change or reset, or when the account is disabled.
pub async fn delete_sessions_of<'c>(
    db: impl Executor<'c, Database = Any>,
    person_id: &PersonId,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM session WHERE person_id = $1").bind(person_id).execute(db).await?;
    Ok(())
}

/// Removes sessions past their absolute expiry; idle ones go when next presented or at their expiry.
pub async fn delete_expired_sessions<'c>(db: impl Executor<'c, Database = Any>, now: &str) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM session WHERE expires_at <= $1").bind(now).execute(db).await?.rows_affected())
}

// ---- one-time links (invitations, password resets) ----------------------------------------------------

pub async fn insert_link_token<'c>(
    db: impl Executor<'c, Database = Any>,
    token_hash: &str,
    person_id: &PersonId,
    purpose: &str,
    now: &str,
    expires_at: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO account_token (token_hash, person_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(person_id)
    .bind(purpose)
    .bind(now)
    .bind(expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// The person a usable (unused, unexpired) link token belongs to, without using it up.
pub async fn fetch_link_holder<'c>(
    db: impl Executor<'c, Database = Any>,
    token_hash: &str,
    purpose: &str,
    now: &str,
) -> Result<Option<PersonRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.email, p.display_name, p.password_hash, p.is_admin, p.disabled_at
         FROM account_token t JOIN person p ON p.id = t.person_id
         WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > $3 AND p.disabled_at IS NULL",
    )
    .bind(token_hash)
    .bind(purpose)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Uses up a link token and returns its person, or `None` if it was already used, has expired, never
/// existed or belongs to a disabled account. The conditional UPDATE makes this safe when two requests race with the same link.
pub async fn consume_link_token<'c>(
    db: impl Executor<'c, Database = Any>,
    token_hash: &str,
    purpose: &str,
    now: &str,
) -> Result<Option<PersonId>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE account_token SET used_at = $3
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
           AND person_id IN (SELECT id FROM person WHERE disabled_at IS NULL)
         RETURNING person_id",
    )
    .bind(token_hash)
    .bind(purpose)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Voids a person's other unused links of one purpose, so only the newest invitation or reset works.
pub async fn void_link_tokens<'c>(
    db: impl Executor<'c, Database = Any>,
    person_id: &PersonId,
    purpose: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE account_token SET used_at = $3 WHERE person_id = $1 AND purpose = $2 AND used_at IS NULL")
        .bind(person_id)
        .bind(purpose)
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

/// Ends a person's sessions other than the one in use: after they change their own password.
pub async fn delete_other_sessions_of<'c>(
    db: impl Executor<'c, Database = Any>,
    person_id: &PersonId,
    keep_session_id: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM session WHERE person_id = $1 AND id <> $2")
        .bind(person_id)
        .bind(keep_session_id)
        .execute(db)
        .await?;
    Ok(())
}
