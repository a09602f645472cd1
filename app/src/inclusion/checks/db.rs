//! The SQL of checks, appointments' status and supervisor, and supervision sessions. Every function takes a
//! connection: a pooled one for reading, `Write::conn()` for a change.

use sqlx::{AnyConnection, FromRow};

use super::types::{CheckCategory, CheckId, CheckKind, CheckKindId, RecordedCheck};
use crate::accounts::types::{PersonId, ServiceId};
use crate::inclusion::types::{AppointmentId, AppointmentStatus, RoleId};

// ---- the service's list ----------------------------------------------------------------------------------

#[derive(FromRow)]
struct KindRow {
    id: CheckKindId,
    service_id: ServiceId,
    category: String,
    name: String,
    valid_months: i64,
    dbs_level: String,
}

impl KindRow {
    fn into_kind(self) -> CheckKind {
        CheckKind {
            id: self.id,
            service_id: self.service_id,
            category: self.category.parse().unwrap_or(CheckCategory::Training),
            name: self.name,
            valid_months: self.valid_months,
            dbs_level: self.dbs_level,
        }
    }
}

const KIND_SELECT: &str = "SELECT id, service_id, category, name, CAST(valid_months AS BIGINT) AS valid_months,
        dbs_level FROM volunteer_check_kind";

/// A check or course in a service's list (what `validate::CheckKindFields` parsed).
pub struct NewCheckKind<'a> {
    pub service_id: &'a ServiceId,
    pub category: CheckCategory,
    pub name: &'a str,
    pub valid_months: i64,
    pub dbs_level: &'a str,
}

/// Adds a check to a service's list. Fails with a unique violation when the service has one of that name.
pub async fn insert_kind(conn: &mut AnyConnection, kind: &NewCheckKind<'_>) -> Result<CheckKindId, sqlx::Error> {
    let id = CheckKindId::new();
    sqlx::query(
        "INSERT INTO volunteer_check_kind (id, service_id, category, name, valid_months, dbs_level, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(kind.service_id)
    .bind(kind.category.as_str())
    .bind(kind.name)
    .bind(kind.valid_months)
    .bind(kind.dbs_level)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(id)
}

/// A service's checks, by category order of entry and name.
pub async fn list_kinds(conn: &mut AnyConnection, service_id: &ServiceId) -> Result<Vec<CheckKind>, sqlx::Error> {
    let rows: Vec<KindRow> = sqlx::query_as(&format!("{KIND_SELECT} WHERE service_id = $1 ORDER BY name, id"))
        .bind(service_id)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(KindRow::into_kind).collect())
}

pub async fn fetch_kind(conn: &mut AnyConnection, id: &CheckKindId) -> Result<Option<CheckKind>, sqlx::Error> {
    let row: Option<KindRow> =
        sqlx::query_as(&format!("{KIND_SELECT} WHERE id = $1")).bind(id).fetch_optional(conn).await?;
    Ok(row.map(KindRow::into_kind))
}

/// Whether the service has a check of this name, ignoring capitals (`lower`, as on both engines).
pub async fn kind_name_taken(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    name: &str,
) -> Result<bool, sqlx::Error> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT id FROM volunteer_check_kind WHERE service_id = $1 AND lower(name) = lower($2)")
            .bind(service_id)
            .bind(name)
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}

/// A service's check by its name (for the demo data, which adds each once).
pub async fn fetch_kind_by_name(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
    name: &str,
) -> Result<Option<CheckKind>, sqlx::Error> {
    let row: Option<KindRow> = sqlx::query_as(&format!("{KIND_SELECT} WHERE service_id = $1 AND name = $2"))
        .bind(service_id)
        .bind(name)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(KindRow::into_kind))
}

// ---- what a role needs -----------------------------------------------------------------------------------

/// Says whether a role needs a check (adding or removing the link; doing it twice changes nothing).
pub async fn set_role_check(
    conn: &mut AnyConnection,
    role_id: &RoleId,
    kind_id: &CheckKindId,
    needed: bool,
) -> Result<(), sqlx::Error> {
    if needed {
        sqlx::query(
            "INSERT INTO volunteer_role_check (role_id, check_kind_id) VALUES ($1, $2)
             ON CONFLICT (role_id, check_kind_id) DO NOTHING",
        )
        .bind(role_id)
        .bind(kind_id)
        .execute(conn)
        .await?;
    } else {
        sqlx::query("DELETE FROM volunteer_role_check WHERE role_id = $1 AND check_kind_id = $2")
            .bind(role_id)
            .bind(kind_id)
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// The checks a role needs.
pub async fn list_role_checks(conn: &mut AnyConnection, role_id: &RoleId) -> Result<Vec<CheckKindId>, sqlx::Error> {
    sqlx::query_scalar("SELECT check_kind_id FROM volunteer_role_check WHERE role_id = $1")
        .bind(role_id)
        .fetch_all(conn)
        .await
}

// ---- recorded checks -------------------------------------------------------------------------------------

/// A check recorded for an appointment.
pub struct NewCheck<'a> {
    pub appointment_id: &'a AppointmentId,
    pub kind_id: &'a CheckKindId,
    pub done_on: &'a str,
    pub expires_on: Option<&'a str>,
    pub certificate_number: &'a str,
}

/// Records a check. The record with the latest date done (for DBS, the latest issue date) is the one that
/// counts: a new record done on or after the current one's date supersedes it; an older one (a certificate
/// back-filled, or a year mistyped) is kept as history, superseded at once, and the current one stays.
/// Returns the new record's id and whether it is the one that counts.
pub async fn insert_check(
    conn: &mut AnyConnection,
    check: &NewCheck<'_>,
    by: Option<&PersonId>,
) -> Result<(CheckId, bool), sqlx::Error> {
    let newer: i64 = sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM volunteer_check
         WHERE appointment_id = $1 AND check_kind_id = $2 AND superseded = 0 AND done_on > $3",
    )
    .bind(check.appointment_id)
    .bind(check.kind_id)
    .bind(check.done_on)
    .fetch_one(&mut *conn)
    .await?;
    let counts = newer == 0;
    if counts {
        sqlx::query("UPDATE volunteer_check SET superseded = 1 WHERE appointment_id = $1 AND check_kind_id = $2")
            .bind(check.appointment_id)
            .bind(check.kind_id)
            .execute(&mut *conn)
            .await?;
    }
    let id = CheckId::new();
    sqlx::query(
        "INSERT INTO volunteer_check (id, appointment_id, check_kind_id, done_on, expires_on, certificate_number,
            superseded, recorded_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&id)
    .bind(check.appointment_id)
    .bind(check.kind_id)
    .bind(check.done_on)
    .bind(check.expires_on)
    .bind(check.certificate_number)
    .bind(crate::db::flag(!counts))
    .bind(crate::db::now())
    .bind(by)
    .execute(conn)
    .await?;
    Ok((id, counts))
}

/// The latest record of each check of an appointment.
pub async fn latest_checks(
    conn: &mut AnyConnection,
    appointment_id: &AppointmentId,
) -> Result<Vec<(CheckKindId, RecordedCheck)>, sqlx::Error> {
    let rows: Vec<(CheckId, CheckKindId, String, Option<String>, String)> = sqlx::query_as(
        "SELECT id, check_kind_id, done_on, expires_on, certificate_number FROM volunteer_check
         WHERE appointment_id = $1 AND superseded = 0",
    )
    .bind(appointment_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, kind, done_on, expires_on, certificate_number)| {
            (kind, RecordedCheck { id, done_on, expires_on, certificate_number })
        })
        .collect())
}

// ---- appointments ----------------------------------------------------------------------------------------

/// An appointment with what its checks, status and access need.
#[derive(Clone, Debug, FromRow)]
pub struct AppointmentRow {
    pub id: AppointmentId,
    pub role_id: RoleId,
    pub role_title: String,
    pub service_id: ServiceId,
    pub service_name: String,
    pub person_id: Option<PersonId>,
    pub name: String,
    pub starts_on: String,
    pub status: String,
    pub paused_for: String,
    pub status_reason: String,
    pub supervisor_id: Option<PersonId>,
    pub supervisor_name: Option<String>,
    /// The volunteer's address: their account's, or their application's.
    pub email: Option<String>,
    /// Who appointed them: told about expiring checks when there is no supervisor.
    pub created_by: Option<PersonId>,
    /// The phone number on their application, if any (for a volunteer without an email address).
    pub phone: Option<String>,
}

impl AppointmentRow {
    pub fn status(&self) -> AppointmentStatus {
        self.status.parse().unwrap_or(AppointmentStatus::Paused)
    }
}

const APPOINTMENT_SELECT: &str = "SELECT a.id, a.role_id, r.title AS role_title, r.service_id, s.name AS service_name,
        a.person_id, a.name, a.starts_on, a.status, a.paused_for, a.status_reason, a.supervisor_id,
        sp.display_name AS supervisor_name, COALESCE(p.email, ap.email) AS email, a.created_by,
        ap.phone AS phone
     FROM volunteer_appointment a
        JOIN volunteer_role r ON r.id = a.role_id
        JOIN service s ON s.id = r.service_id
        LEFT JOIN person p ON p.id = a.person_id
        LEFT JOIN person sp ON sp.id = a.supervisor_id
        LEFT JOIN volunteer_application ap ON ap.id = a.application_id";

pub async fn fetch_appointment(
    conn: &mut AnyConnection,
    id: &AppointmentId,
) -> Result<Option<AppointmentRow>, sqlx::Error> {
    sqlx::query_as(&format!("{APPOINTMENT_SELECT} WHERE a.id = $1")).bind(id).fetch_optional(conn).await
}

/// A person's own appointments, newest first.
pub async fn list_appointments_of(
    conn: &mut AnyConnection,
    person: &PersonId,
) -> Result<Vec<AppointmentRow>, sqlx::Error> {
    sqlx::query_as(&format!("{APPOINTMENT_SELECT} WHERE a.person_id = $1 ORDER BY a.starts_on DESC, a.id"))
        .bind(person)
        .fetch_all(conn)
        .await
}

/// Every appointment of a role, for the demo data and the role's staff.
pub async fn list_appointments_of_role(
    conn: &mut AnyConnection,
    role_id: &RoleId,
) -> Result<Vec<AppointmentRow>, sqlx::Error> {
    sqlx::query_as(&format!("{APPOINTMENT_SELECT} WHERE a.role_id = $1 ORDER BY a.name, a.id"))
        .bind(role_id)
        .fetch_all(conn)
        .await
}

/// Sets an appointment's status from `from` (false when it was no longer at `from`: another change won).
pub async fn set_status(
    conn: &mut AnyConnection,
    id: &AppointmentId,
    from: AppointmentStatus,
    status: AppointmentStatus,
    paused_for: &str,
    reason: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE volunteer_appointment SET status = $3, paused_for = $4, status_reason = $5
         WHERE id = $1 AND status = $2",
    )
    .bind(id)
    .bind(from.as_str())
    .bind(status.as_str())
    .bind(paused_for)
    .bind(reason)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_supervisor(
    conn: &mut AnyConnection,
    id: &AppointmentId,
    supervisor: Option<&PersonId>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE volunteer_appointment SET supervisor_id = $2 WHERE id = $1")
        .bind(id)
        .bind(supervisor)
        .execute(conn)
        .await?;
    Ok(())
}

/// The staff and managers of a service with enabled accounts, who may supervise: (person, name), by name.
/// Read from accounts' role grants, as participation's owners of actions are.
pub async fn staff_of_service(
    conn: &mut AnyConnection,
    service_id: &ServiceId,
) -> Result<Vec<(PersonId, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT DISTINCT p.id, p.display_name FROM role_grant g JOIN person p ON p.id = g.person_id
         WHERE g.service_id = $1 AND g.role IN ('staff', 'manager') AND p.disabled_at IS NULL
         ORDER BY p.display_name, p.id",
    )
    .bind(service_id)
    .fetch_all(conn)
    .await
}

/// A person's email address and name (for the coordinator's reminder).
pub async fn person_contact(
    conn: &mut AnyConnection,
    person: &PersonId,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT email, display_name FROM person WHERE id = $1 AND disabled_at IS NULL")
        .bind(person)
        .fetch_optional(conn)
        .await
}

// ---- reminders and lapses --------------------------------------------------------------------------------

/// Which reminder before a check expires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reminder {
    Days60,
    Days30,
    Days7,
}

impl Reminder {
    pub const ALL: [Reminder; 3] = [Reminder::Days60, Reminder::Days30, Reminder::Days7];

    fn column(self) -> &'static str {
        match self {
            Reminder::Days60 => "reminded_60_at",
            Reminder::Days30 => "reminded_30_at",
            Reminder::Days7 => "reminded_7_at",
        }
    }

    /// The days before expiry this reminder covers, `(nearest, furthest)`: 60 days before (31 to 60), 30
    /// days before (8 to 30), 7 days before (1 to 7). A check recorded with less time left gets the one
    /// its time falls in at once, and none it has passed.
    pub fn days(self) -> (i64, i64) {
        match self {
            Reminder::Days60 => (31, 60),
            Reminder::Days30 => (8, 30),
            Reminder::Days7 => (1, 7),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Reminder::Days60 => "60 days",
            Reminder::Days30 => "30 days",
            Reminder::Days7 => "7 days",
        }
    }
}

/// A current check expiring between `from` and `until` (local dates, inclusive) whose `reminder` has not
/// been claimed, of an appointment that has not ended.
#[derive(FromRow)]
pub struct ReminderDue {
    pub id: CheckId,
    pub appointment_id: AppointmentId,
    pub check_name: String,
    pub expires_on: String,
}

pub async fn list_reminders_due(
    pool: &sqlx::AnyPool,
    reminder: Reminder,
    from: &str,
    until: &str,
) -> Result<Vec<ReminderDue>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT c.id, c.appointment_id, k.name AS check_name, c.expires_on
         FROM volunteer_check c
            JOIN volunteer_check_kind k ON k.id = c.check_kind_id
            JOIN volunteer_appointment a ON a.id = c.appointment_id
         WHERE c.superseded = 0 AND c.expires_on >= $1 AND c.expires_on <= $2 AND c.{} IS NULL
            AND a.status <> 'ended'
         ORDER BY c.expires_on, c.id",
        reminder.column()
    ))
    .bind(from)
    .bind(until)
    .fetch_all(pool)
    .await
}

/// Claims a check's reminder; `false` if another app server (or a renewal) got there first.
pub async fn claim_reminder(conn: &mut AnyConnection, id: &CheckId, reminder: Reminder) -> Result<bool, sqlx::Error> {
    let column = reminder.column();
    let done = sqlx::query(&format!(
        "UPDATE volunteer_check SET {column} = $2 WHERE id = $1 AND superseded = 0 AND {column} IS NULL"
    ))
    .bind(id)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Active appointments with a check their role needs that is not in date on `today`: its latest record has
/// expired, or it was never recorded (a check the role came to need after they started).
pub async fn list_not_in_date_active(pool: &sqlx::AnyPool, today: &str) -> Result<Vec<AppointmentId>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT DISTINCT a.id FROM volunteer_appointment a
            JOIN volunteer_role_check rc ON rc.role_id = a.role_id
         WHERE a.status = 'active' AND NOT EXISTS (
            SELECT 1 FROM volunteer_check c
            WHERE c.appointment_id = a.id AND c.check_kind_id = rc.check_kind_id AND c.superseded = 0
              AND (c.expires_on IS NULL OR c.expires_on > $1))
         ORDER BY a.id",
    )
    .bind(today)
    .fetch_all(pool)
    .await
}

// ---- supervision -----------------------------------------------------------------------------------------

pub async fn insert_supervision(
    conn: &mut AnyConnection,
    appointment_id: &AppointmentId,
    supervisor: &PersonId,
    held_on: &str,
    notes: &str,
) -> Result<String, sqlx::Error> {
    let id = crate::db::new_id();
    sqlx::query(
        "INSERT INTO volunteer_supervision (id, appointment_id, supervisor_id, held_on, notes, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(appointment_id)
    .bind(supervisor)
    .bind(held_on)
    .bind(notes)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(id)
}

/// An appointment's supervision sessions, newest first: (held on, supervisor's id, supervisor's name, notes).
pub async fn list_supervision(
    conn: &mut AnyConnection,
    appointment_id: &AppointmentId,
) -> Result<Vec<(String, Option<PersonId>, Option<String>, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT v.held_on, v.supervisor_id, p.display_name, v.notes FROM volunteer_supervision v
            LEFT JOIN person p ON p.id = v.supervisor_id
         WHERE v.appointment_id = $1 ORDER BY v.held_on DESC, v.id DESC",
    )
    .bind(appointment_id)
    .fetch_all(conn)
    .await
}
