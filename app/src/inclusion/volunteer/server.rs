//! The volunteer's own server functions: their roles, pausing themselves and coming back. Each needs a
//! signed-in person and touches only their own appointments (another's is not found).

use leptos::prelude::*;

use super::MyRole;
use crate::error::AppError;
use crate::inclusion::types::AppointmentId;
#[cfg(feature = "ssr")]
use crate::{
    accounts::access::{require_signed_in, SignedInUser},
    db::Write,
    inclusion::{
        checks::{
            db::{self, AppointmentRow},
            server::{supervision_for, PAUSED_FOR_CHECKS, PAUSED_FOR_SELF},
            standing::standings,
        },
        types::AppointmentStatus,
    },
    state::state,
};

/// The caller's own appointment; not found when it is anyone else's.
#[cfg(feature = "ssr")]
async fn my_appointment(
    conn: &mut sqlx::AnyConnection,
    user: &SignedInUser,
    id: &AppointmentId,
) -> Result<AppointmentRow, AppError> {
    db::fetch_appointment(conn, id).await?.filter(|a| a.person_id.as_ref() == Some(&user.id)).ok_or(AppError::NotFound)
}

/// The signed-in person's volunteer roles (none for someone who volunteers nowhere), each with its checks,
/// supervision sessions and hours (`MyHours`: recent entries and approved totals this month and year).
#[server(endpoint = "/my_volunteering")]
pub async fn my_volunteering() -> Result<Vec<MyRole>, AppError> {
    let user = require_signed_in()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let today = crate::clock::today_date();
    let today_iso = today.format("%Y-%m-%d").to_string();
    let mut hours = crate::inclusion::hours::db::list_hours_of(&mut conn, &user.id).await?;
    let mut roles = Vec::new();
    for a in db::list_appointments_of(&mut conn, &user.id).await? {
        let (of_role, rest): (Vec<_>, Vec<_>) = hours.into_iter().partition(|h| h.appointment_id == a.id);
        hours = rest;
        let checks = standings(&mut conn, &a, today).await?;
        let supervision = supervision_for(&mut conn, &a.id, &user.id, true).await?;
        roles.push(MyRole {
            status: a.status(),
            paused_by_self: a.paused_for == PAUSED_FOR_SELF,
            id: a.id,
            role_title: a.role_title,
            service_name: a.service_name,
            starts_on: a.starts_on,
            status_reason: a.status_reason,
            supervisor: a.supervisor_name,
            checks,
            supervision,
            hours: super::MyHours::of(of_role, &today_iso),
        });
    }
    Ok(roles)
}

/// "I need a break": the volunteer pauses their own active role, with an optional reason (500 characters
/// at most). Nothing is lost and nothing counts against them; audited, and the coordinator is told by mail
/// (`inclusion::coordinators`; the reason stays on the appointment's page).
#[server(endpoint = "/pause_my_volunteering")]
pub async fn pause_myself(
    #[server(default)] appointment_id: AppointmentId,
    #[server(default)] reason: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_signed_in()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let appointment = my_appointment(tx.conn(), &user, &appointment_id).await?;
    let mut errors = crate::error::FormErrors::new();
    let reason = crate::text::one_line(&mut errors, "reason", &reason, "the reason", 500, false);
    errors.into_result().map_err(|e| e.keeping(&[("reason", reason.as_str())]))?;
    if appointment.status() != AppointmentStatus::Active {
        return Err(AppError::Conflict("This role is not active just now, so there is nothing to pause.".into()));
    }
    tx.claim_submission(&submission).await?;
    let words = if reason.is_empty() { "taking a break".to_owned() } else { format!("taking a break: {reason}") };
    if !db::set_status(
        tx.conn(),
        &appointment.id,
        AppointmentStatus::Active,
        AppointmentStatus::Paused,
        PAUSED_FOR_SELF,
        &words,
    )
    .await?
    {
        return Err(AppError::Conflict("This role changed just now. Look again.".into()));
    }
    let detail = serde_json::json!({ "from": "active", "to": "paused", "by": "volunteer" });
    tx.audit("appointment_status_changed", "volunteer_appointment", &appointment.id, detail).await?;
    // Their words are read by the screener, as an application's are; a flag goes to the review queue.
    crate::inclusion::flags::screen_volunteer_words(
        tx.conn(),
        &state.security.base_url,
        &appointment.service_id,
        crate::safeguarding::review::FlagSourceKind::VolunteerBreak,
        appointment.id.as_str(),
        &reason,
    )
    .await?;
    // The coordinator is told (through the outbox), so a break is noticed without anyone opening the page.
    let first_choice = [appointment.supervisor_id.as_ref(), appointment.created_by.as_ref()];
    let coordinators =
        crate::inclusion::coordinators::coordinators(tx.conn(), &appointment.service_id, &first_choice).await?;
    let path = format!("/inclusion/appointments/{}", appointment.id);
    let link = crate::links::absolute(&state.security.base_url, &path, &[]);
    for to in &coordinators {
        let mail = crate::inclusion::checks::emails::break_to_coordinator(to, &appointment, &link);
        crate::mail::enqueue(tx.conn(), &mail).await?;
    }
    tx.commit_then(&format!("{}?paused=1", super::MY_PAGE)).await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

/// Coming back from a break the volunteer took, without reapplying. When a check their role needs has lapsed
/// meanwhile, the role waits for its renewal instead (paused for checks: the coordinator sees it) and the
/// page says so; otherwise it is active again. Audited.
#[server(endpoint = "/come_back_to_volunteering")]
pub async fn come_back(
    #[server(default)] appointment_id: AppointmentId,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_signed_in()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let appointment = my_appointment(tx.conn(), &user, &appointment_id).await?;
    if appointment.status() != AppointmentStatus::Paused || appointment.paused_for != PAUSED_FOR_SELF {
        return Err(AppError::Conflict(
            "This role is not on a break you took, so there is nothing to come back to.".into(),
        ));
    }
    tx.claim_submission(&submission).await?;
    let checks = standings(tx.conn(), &appointment, crate::clock::today_date()).await?;
    // The same rule as for those who stayed: a check that ran out is "check lapsed", one never done (the
    // role came to need it) is "waiting for checks", never worse for having taken a break.
    let not_in_date = super::super::checks::server::not_in_date_reason(&checks);
    let in_date = not_in_date.is_none();
    let (to, paused_for, reason) = match not_in_date {
        None => (AppointmentStatus::Active, "", ""),
        Some(reason) => (AppointmentStatus::Paused, PAUSED_FOR_CHECKS, reason),
    };
    if !db::set_status(tx.conn(), &appointment.id, AppointmentStatus::Paused, to, paused_for, reason).await? {
        return Err(AppError::Conflict("This role changed just now. Look again.".into()));
    }
    let detail =
        serde_json::json!({ "from": "paused", "to": to.as_str(), "by": "volunteer", "checks_in_date": in_date });
    tx.audit("appointment_status_changed", "volunteer_appointment", &appointment.id, detail).await?;
    let back = match not_in_date {
        None => "back",
        Some(super::super::checks::server::CHECK_LAPSED) => "checks",
        Some(_) => "waiting",
    };
    tx.commit_then(&format!("{}?came_back={back}", super::MY_PAGE)).await
}
