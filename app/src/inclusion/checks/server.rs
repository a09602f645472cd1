//! Server functions of checks, appointments and supervision, all for the staff of the role's service
//! (another service's staff are told it does not exist). Every change is audited.

use leptos::prelude::*;

use super::types::{AppointmentPage, CheckKindId, ChecksOverview, RoleChecks};
use crate::accounts::types::ServiceId;
use crate::error::AppError;
use crate::inclusion::types::{AppointmentId, RoleId};
#[cfg(feature = "ssr")]
use {
    super::{
        db::{self, AppointmentRow},
        standing::{blocking, expires_on, not_in_date_message, standings},
        types::Supervision,
        validate::{certificate_number as parse_certificate_number, CheckKindFields},
    },
    crate::{
        accounts::{
            access::{ensure_staff_of, require_staff, services_staffed_by, SignedInUser},
            types::PersonId,
        },
        dates::{parse_date_input, DateField, DateParts},
        db::Write,
        error::FormErrors,
        inclusion::types::AppointmentStatus,
        state::state,
    },
};

/// Why an appointment is paused: the volunteer's own break.
pub const PAUSED_FOR_SELF: &str = "self";
/// Why an appointment is paused: a check lapsed or is still to be done.
pub const PAUSED_FOR_CHECKS: &str = "checks";
/// The reason shown when the housekeeping pauses an appointment for a lapsed check.
pub const CHECK_LAPSED: &str = "check lapsed";
/// The reason shown while a new appointment waits for the checks its role needs.
pub const AWAITING_CHECKS: &str = "waiting for checks";

/// The appointment, for its service's own staff; not found for anyone else.
#[cfg(feature = "ssr")]
pub async fn appointment_for(
    conn: &mut sqlx::AnyConnection,
    user: &SignedInUser,
    id: &AppointmentId,
) -> Result<AppointmentRow, AppError> {
    db::fetch_appointment(conn, id).await?.filter(|a| user.is_staff_of(&a.service_id)).ok_or(AppError::NotFound)
}

/// Each service the caller works in, with its list of checks and training.
#[server(endpoint = "/volunteer_checks_overview")]
pub async fn get_checks_overview() -> Result<ChecksOverview, AppError> {
    let user = require_staff()?;
    let services = services_staffed_by(&user).await?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let mut kinds = Vec::new();
    for service in &services {
        kinds.push((service.name.clone(), db::list_kinds(&mut conn, &service.id).await?));
    }
    Ok(ChecksOverview { kinds, services })
}

/// Adds a check or training course to a service's list: its kind, name, how long it lasts in months (empty:
/// the kind's default, 36 for DBS, 12 for training, otherwise it does not expire) and, for DBS, the level.
/// Refused: a mistake (422, beside its field); a name the service already has (422 beside the name).
#[server(endpoint = "/add_volunteer_check")]
pub async fn add_check_kind(
    #[server(default)] service_id: ServiceId,
    #[server(default)] category: String,
    #[server(default)] check_name: String,
    #[server(default)] valid_months: String,
    #[server(default)] dbs_level: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let fields = CheckKindFields { category, name: check_name, valid_months, dbs_level };
    let mut kept = fields.kept();
    kept.push(("service_id", service_id.as_str()));
    let mut parsed = fields.parse();
    if service_id.is_empty() {
        let mut errors = parsed.err().unwrap_or_default();
        errors.add("service_id", "Choose the service");
        parsed = Err(errors);
    } else {
        ensure_staff_of(&user, &service_id)?;
    }
    let kind = parsed.map_err(|e| AppError::Validation(e).keeping(&kept))?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    let new = db::NewCheckKind {
        service_id: &service_id,
        category: kind.category,
        name: &kind.name,
        valid_months: kind.valid_months,
        dbs_level: &kind.dbs_level,
    };
    // Names differing only in capitals are the same check ("Manual handling", "manual handling").
    let taken = || AppError::field("check_name", "The service already has a check with this name").keeping(&kept);
    if db::kind_name_taken(tx.conn(), &service_id, &kind.name).await? {
        return Err(taken());
    }
    let id = match db::insert_kind(tx.conn(), &new).await {
        Ok(id) => id,
        Err(error) if crate::db::is_unique_violation(&error) => return Err(taken()),
        Err(error) => return Err(error.into()),
    };
    let detail = serde_json::json!({ "name": kind.name, "months": kind.valid_months });
    tx.audit("volunteer_check_kind_added", "volunteer_check_kind", &id, detail).await?;
    tx.commit_then("/inclusion/checks?added=1").await
}

/// Every check of the role's service and whether the role needs it, for its staff.
#[server(endpoint = "/get_role_checks")]
pub async fn get_role_checks(#[server(default)] role_id: RoleId) -> Result<RoleChecks, AppError> {
    let user = require_staff()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let role = crate::inclusion::db::fetch_role(&mut conn, &role_id)
        .await?
        .filter(|r| user.is_staff_of(&r.service_id))
        .ok_or(AppError::NotFound)?;
    let needed = db::list_role_checks(&mut conn, &role.id).await?;
    let checks = db::list_kinds(&mut conn, &role.service_id)
        .await?
        .into_iter()
        .map(|k| {
            let is_needed = needed.contains(&k.id);
            (k, is_needed)
        })
        .collect();
    Ok(RoleChecks { role_id: role.id, checks })
}

/// Says whether a role needs one of its service's checks (`needed`: `yes` or `no`).
#[server(endpoint = "/set_role_check")]
pub async fn set_role_check(
    #[server(default)] role_id: RoleId,
    #[server(default)] check_kind_id: CheckKindId,
    #[server(default)] needed: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let role = crate::inclusion::db::fetch_role(tx.conn(), &role_id)
        .await?
        .filter(|r| user.is_staff_of(&r.service_id))
        .ok_or(AppError::NotFound)?;
    let kind = db::fetch_kind(tx.conn(), &check_kind_id)
        .await?
        .filter(|k| k.service_id == role.service_id)
        .ok_or(AppError::NotFound)?;
    let needed = match needed.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::field("needed", "Choose whether the role needs this check")),
    };
    tx.claim_submission(&submission).await?;
    db::set_role_check(tx.conn(), &role.id, &kind.id, needed).await?;
    let detail = serde_json::json!({ "check": kind.name, "needed": needed });
    tx.audit("volunteer_role_check_changed", "volunteer_role", &role.id, detail).await?;
    // A check newly needed holds back everyone active in the role without it, at once, as a lapsed one does
    // (nobody is active while a check their role needs is missing); recording it resumes them.
    if needed {
        for appointment in db::list_appointments_of_role(tx.conn(), &role.id).await? {
            pause_if_not_in_date(&mut tx, &appointment).await?;
        }
    }
    tx.commit_then(&format!("/inclusion/roles/{}", role.id)).await
}

/// Supervision sessions as `reader` may see them: the notes for the supervisor who held each, and for the
/// volunteer (`is_volunteer`); the date and supervisor for everyone else.
#[cfg(feature = "ssr")]
pub async fn supervision_for(
    conn: &mut sqlx::AnyConnection,
    appointment: &AppointmentId,
    reader: &PersonId,
    is_volunteer: bool,
) -> Result<Vec<Supervision>, sqlx::Error> {
    Ok(db::list_supervision(conn, appointment)
        .await?
        .into_iter()
        .map(|(held_on, supervisor_id, supervisor, notes)| Supervision {
            notes: (is_volunteer || supervisor_id.as_ref() == Some(reader)).then_some(notes),
            held_on,
            supervisor: supervisor.unwrap_or_else(|| "A former member of staff".to_owned()),
        })
        .collect())
}

/// An appointment's page for its service's staff: status, supervisor, checks and supervision dates (notes
/// only for the supervisor who held the session). The reading is audited.
#[server(endpoint = "/get_appointment")]
pub async fn get_appointment(#[server(default)] appointment_id: AppointmentId) -> Result<AppointmentPage, AppError> {
    let user = require_staff()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let a = appointment_for(&mut conn, &user, &appointment_id).await?;
    let checks = standings(&mut conn, &a, crate::clock::today_date()).await?;
    let staff = db::staff_of_service(&mut conn, &a.service_id)
        .await?
        .into_iter()
        .map(|(id, name)| (id.into_string(), name))
        .collect();
    let supervision = supervision_for(&mut conn, &a.id, &user.id, false).await?;
    let service_checks = db::list_kinds(&mut conn, &a.service_id)
        .await?
        .into_iter()
        .map(|k| (k.id.to_string(), k.full_name()))
        .collect();
    crate::audit::record(
        &mut *conn,
        Some(&user.id),
        "appointment_read",
        "volunteer_appointment",
        a.id.as_str(),
        serde_json::json!({}),
    )
    .await?;
    Ok(AppointmentPage {
        status: a.status(),
        id: a.id,
        name: a.name,
        role_title: a.role_title,
        service_name: a.service_name,
        has_account: a.person_id.is_some(),
        starts_on: a.starts_on,
        status_reason: a.status_reason,
        supervisor: a.supervisor_name,
        staff,
        checks,
        service_checks,
        supervision,
    })
}

/// Resumes an appointment paused for its checks once every check its role needs is in date; true when it
/// did. Audited. A volunteer on their own break stays on it.
#[cfg(feature = "ssr")]
pub async fn resume_if_checks_in_date(tx: &mut Write, appointment: &AppointmentRow) -> Result<bool, AppError> {
    if appointment.status() != AppointmentStatus::Paused || appointment.paused_for != PAUSED_FOR_CHECKS {
        return Ok(false);
    }
    let checks = standings(tx.conn(), appointment, crate::clock::today_date()).await?;
    if !blocking(&checks).is_empty() {
        return Ok(false);
    }
    let resumed =
        db::set_status(tx.conn(), &appointment.id, AppointmentStatus::Paused, AppointmentStatus::Active, "", "")
            .await?;
    if resumed {
        let detail = serde_json::json!({ "from": "paused", "to": "active", "why": "checks in date" });
        tx.audit("appointment_status_changed", "volunteer_appointment", &appointment.id, detail).await?;
    }
    Ok(resumed)
}

/// Pauses an active appointment at once when a check its role needs is not in date (as the housekeeping
/// does): reason "check lapsed" when one it had has run out, "waiting for checks" when one was never done (a
/// check the role has needed only since they started); true when it did. An appointment already held back
/// for its checks has its reason brought up to date. Audited.
#[cfg(feature = "ssr")]
pub async fn pause_if_not_in_date(tx: &mut Write, appointment: &AppointmentRow) -> Result<bool, AppError> {
    let held_for_checks =
        appointment.status() == AppointmentStatus::Paused && appointment.paused_for == PAUSED_FOR_CHECKS;
    if appointment.status() != AppointmentStatus::Active && !held_for_checks {
        return Ok(false);
    }
    let checks = standings(tx.conn(), appointment, crate::clock::today_date()).await?;
    let Some(reason) = not_in_date_reason(&checks) else { return Ok(false) };
    // Already held back for its checks: only the reason is brought up to date (a check missing, now recorded
    // but lapsed, is "check lapsed").
    if held_for_checks && appointment.status_reason == reason {
        return Ok(false);
    }
    let from = appointment.status();
    let paused =
        db::set_status(tx.conn(), &appointment.id, from, AppointmentStatus::Paused, PAUSED_FOR_CHECKS, reason).await?;
    if paused {
        let detail = serde_json::json!({ "from": from.as_str(), "to": "paused", "why": reason });
        tx.audit("appointment_status_changed", "volunteer_appointment", &appointment.id, detail).await?;
    }
    Ok(paused)
}

/// Why a volunteer with these checks may not be active: `CHECK_LAPSED` when a needed check they had has run
/// out, `AWAITING_CHECKS` when a needed one was never done; `None` when every needed check is in date.
#[cfg(feature = "ssr")]
pub fn not_in_date_reason(checks: &[super::types::CheckStanding]) -> Option<&'static str> {
    if checks.iter().any(|c| c.needed && c.state == super::types::CheckState::Lapsed) {
        Some(CHECK_LAPSED)
    } else if blocking(checks).is_empty() {
        None
    } else {
        Some(AWAITING_CHECKS)
    }
}

/// Records a check for an appointment: the date it was done (for DBS, the certificate's issue date; not in
/// the future) and, for DBS, the 12-digit certificate number. Its expiry is the date plus the months the
/// service's list gives it. The record with the latest date done counts: a renewal replaces the earlier
/// record (kept, superseded), while an older one is kept as history and changes nothing. The appointment's
/// status follows at once: resumed when it was paused for its checks and all are now in date, paused when a
/// check its role needs is lapsed.
#[server(endpoint = "/record_volunteer_check")]
pub async fn record_check(
    #[server(default)] appointment_id: AppointmentId,
    #[server(default)] check_kind_id: CheckKindId,
    #[server(default)] done_on_day: String,
    #[server(default)] done_on_month: String,
    #[server(default)] done_on_year: String,
    #[server(default)] certificate_number: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let appointment = appointment_for(tx.conn(), &user, &appointment_id).await?;
    let typed = DateParts::new(done_on_day, done_on_month, done_on_year);
    let mut kept: Vec<(String, String)> = typed.kept("done_on");
    kept.push(("check_kind_id".into(), check_kind_id.to_string()));
    kept.push(("certificate_number".into(), certificate_number.clone()));
    let mut errors = FormErrors::new();
    let kind = match db::fetch_kind(tx.conn(), &check_kind_id).await? {
        Some(kind) if kind.service_id == appointment.service_id => Some(kind),
        _ => {
            errors.add("check_kind_id", "Choose the check");
            None
        }
    };
    let today = crate::dates::Day::of_naive(crate::clock::today_date());
    let field = DateField {
        name: "done_on",
        legend: "Date done",
        earliest: Some(crate::dates::earliest_year_bound()),
        latest: Some(crate::dates::Bound { day: today, words: "today or in the past" }),
    };
    let done_on = parse_date_input(&field, &typed).map_err(|e| e.add_to(&mut errors)).ok();
    let number =
        kind.as_ref().map(|k| parse_certificate_number(&mut errors, k, &certificate_number)).unwrap_or_default();
    let (Some(kind), Some(done_on)) = (kind, done_on) else {
        return Err(AppError::Validation(errors.keep_posted(&kept)));
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors.keep_posted(&kept)));
    }
    tx.claim_submission(&submission).await?;
    let expires = expires_on(done_on.naive(), kind.valid_months).map(|d| d.format("%Y-%m-%d").to_string());
    let check = db::NewCheck {
        appointment_id: &appointment.id,
        kind_id: &kind.id,
        done_on: &done_on.iso(),
        expires_on: expires.as_deref(),
        certificate_number: &number,
    };
    let (id, counts) = db::insert_check(tx.conn(), &check, Some(&user.id)).await?;
    let detail = serde_json::json!({
        "appointment_id": appointment.id, "check": kind.name, "expires_on": expires, "current": counts
    });
    tx.audit("volunteer_check_recorded", "volunteer_check", &id, detail).await?;
    // The status is right at once, not at the next housekeeping run.
    resume_if_checks_in_date(&mut tx, &appointment).await?;
    pause_if_not_in_date(&mut tx, &appointment).await?;
    tx.commit_then(&format!("/inclusion/appointments/{}", appointment.id)).await
}

/// Changes an appointment's status: `active` (only when every check the role needs is in date: otherwise a
/// message beside the field names what is missing), `paused` or `ended` (with a reason, required for ended).
/// Stepping back is never penalised: nothing is deleted, and a paused volunteer is made active again here.
#[server(endpoint = "/set_appointment_status")]
pub async fn set_appointment_status(
    #[server(default)] appointment_id: AppointmentId,
    #[server(default)] status: String,
    #[server(default)] reason: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let appointment = appointment_for(tx.conn(), &user, &appointment_id).await?;
    let kept = [("status", status.as_str()), ("reason", reason.as_str())];
    let mut errors = FormErrors::new();
    let reason = crate::text::one_line(&mut errors, "reason", &reason, "the reason", 500, false);
    let to = status.parse::<AppointmentStatus>().ok().filter(|s| *s != appointment.status());
    match to {
        None => errors.add("status", "Choose a status other than the one it has"),
        Some(AppointmentStatus::Active) => {
            let checks = standings(tx.conn(), &appointment, crate::clock::today_date()).await?;
            let missing = blocking(&checks);
            if !missing.is_empty() {
                errors.add("status", not_in_date_message(&missing));
            }
        }
        Some(AppointmentStatus::Ended) if reason.is_empty() => errors.add("reason", "Enter why the appointment ended"),
        Some(_) => {}
    }
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let Some(to) = to else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    let paused_for = if to == AppointmentStatus::Paused { "staff" } else { "" };
    let reason = if to == AppointmentStatus::Active { String::new() } else { reason };
    if !db::set_status(tx.conn(), &appointment.id, appointment.status(), to, paused_for, &reason).await? {
        return Err(AppError::Conflict("Someone else changed this appointment just now. Look again.".into()));
    }
    let detail = serde_json::json!({ "from": appointment.status().as_str(), "to": to.as_str() });
    tx.audit("appointment_status_changed", "volunteer_appointment", &appointment.id, detail).await?;
    tx.commit_then(&format!("/inclusion/appointments/{}", appointment.id)).await
}

/// Sets (or clears, with an empty id) the appointment's supervisor: a member of the service's staff.
#[server(endpoint = "/set_volunteer_supervisor")]
pub async fn set_supervisor(
    #[server(default)] appointment_id: AppointmentId,
    #[server(default)] supervisor_id: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let appointment = appointment_for(tx.conn(), &user, &appointment_id).await?;
    let supervisor = if supervisor_id.is_empty() {
        None
    } else {
        let staff = db::staff_of_service(tx.conn(), &appointment.service_id).await?;
        match staff.into_iter().find(|(id, _)| id.as_str() == supervisor_id) {
            Some((id, _)) => Some(id),
            None => {
                return Err(AppError::field("supervisor_id", "Choose a member of the service's staff")
                    .keeping(&[("supervisor_id", supervisor_id.as_str())]))
            }
        }
    };
    tx.claim_submission(&submission).await?;
    db::set_supervisor(tx.conn(), &appointment.id, supervisor.as_ref()).await?;
    let detail = serde_json::json!({ "supervisor_id": supervisor });
    tx.audit("appointment_supervisor_set", "volunteer_appointment", &appointment.id, detail).await?;
    tx.commit_then(&format!("/inclusion/appointments/{}", appointment.id)).await
}

/// Records a supervision session held by the caller (its supervisor) on a date (not in the future), with
/// notes that only they and the volunteer will see.
#[server(endpoint = "/record_supervision")]
pub async fn record_supervision(
    #[server(default)] appointment_id: AppointmentId,
    #[server(default)] held_on_day: String,
    #[server(default)] held_on_month: String,
    #[server(default)] held_on_year: String,
    #[server(default)] notes: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let appointment = appointment_for(tx.conn(), &user, &appointment_id).await?;
    let typed = DateParts::new(held_on_day, held_on_month, held_on_year);
    let mut kept = typed.kept("held_on");
    kept.push(("notes".into(), notes.clone()));
    let mut errors = FormErrors::new();
    let today = crate::dates::Day::of_naive(crate::clock::today_date());
    let field = DateField {
        name: "held_on",
        legend: "Date of the session",
        earliest: Some(crate::dates::earliest_year_bound()),
        latest: Some(crate::dates::Bound { day: today, words: "today or in the past" }),
    };
    let held_on = parse_date_input(&field, &typed).map_err(|e| e.add_to(&mut errors)).ok();
    let notes = notes.trim().to_owned();
    if notes.chars().count() > crate::inclusion::validate::LONG_TEXT_MAX {
        errors.add("notes", "The notes must be 5,000 characters or fewer");
    }
    let Some(held_on) = held_on.filter(|_| errors.is_empty()) else {
        return Err(AppError::Validation(errors.keep_posted(&kept)));
    };
    tx.claim_submission(&submission).await?;
    let id = db::insert_supervision(tx.conn(), &appointment.id, &user.id, &held_on.iso(), &notes).await?;
    let detail = serde_json::json!({ "appointment_id": appointment.id, "held_on": held_on.iso() });
    tx.audit("supervision_recorded", "volunteer_supervision", &id, detail).await?;
    tx.commit_then(&format!("/inclusion/appointments/{}", appointment.id)).await
}
