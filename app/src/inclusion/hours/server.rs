//! Hours' server functions. A volunteer (an appointed person, signed in) logs hours in their roles and answers
//! a query; the staff of the role's service approve or query them (while supervisors are not built, the
//! service's staff approve), log hours on a volunteer's behalf (recorded as such), and see approved totals.
//! Another service's staff, and other volunteers, are told an entry does not exist. Every change is audited.

use leptos::prelude::*;

use super::types::{HoursEntryPage, HoursId, HoursPage};
use crate::error::AppError;
use crate::inclusion::types::AppointmentId;
#[cfg(feature = "ssr")]
use {
    super::{
        db,
        types::{hours_words, parse_quarter_hours, HoursStatus, HoursTotals, StaffHours, DAY_LIMIT},
    },
    crate::{
        accounts::{
            access::{require_signed_in, require_staff, services_staffed_by, SignedInUser},
            types::ServiceId,
        },
        dates::{parse_date_input, Bound, DateField, DateParts, Day},
        db::Write,
        error::FormErrors,
        state::state,
    },
};

/// The hours page: the caller's own roles, hours and co-facilitated sessions, and — for staff — the entries
/// waiting for them, the volunteers they may log for, and the approved totals of `service_id` (their first
/// service when empty or not theirs) over the period typed (`from_*`, `to_*`; this financial year, April to
/// March, when empty or wrong — the page then says what was wrong).
#[server(endpoint = "/get_hours_page")]
#[allow(clippy::too_many_arguments, reason = "one argument per filter field, as every server function takes them")]
pub async fn get_hours_page(
    #[server(default)] service_id: String,
    #[server(default)] from_day: String,
    #[server(default)] from_month: String,
    #[server(default)] from_year: String,
    #[server(default)] to_day: String,
    #[server(default)] to_month: String,
    #[server(default)] to_year: String,
) -> Result<HoursPage, AppError> {
    let user = require_signed_in()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let my_roles = db::appointments_of(&mut conn, &user.id).await?.iter().map(|a| a.for_volunteer()).collect();
    let mine = db::list_hours_of(&mut conn, &user.id).await?;
    let my_sessions = crate::inclusion::sessions::db::sessions_of(&mut conn, &user.id).await?;
    let staff = if user.is_staff_anywhere() {
        let from = DateParts::new(from_day, from_month, from_year);
        let to = DateParts::new(to_day, to_month, to_year);
        Some(staff_hours(&mut conn, &user, &service_id, &from, &to).await?)
    } else {
        None
    };
    Ok(HoursPage { my_roles, mine, my_sessions, staff })
}

/// This financial year (April to March) on the clock's local today.
#[cfg(feature = "ssr")]
fn this_financial_year() -> (Day, Day) {
    use chrono::Datelike;
    let today = crate::clock::today_date();
    let year = if today.month() >= 4 { today.year() } else { today.year() - 1 };
    let start = Day::new(year, 4, 1).unwrap_or_else(|| Day::of_naive(today));
    let end = Day::new(year + 1, 3, 31).unwrap_or_else(|| Day::of_naive(today));
    (start, end)
}

/// The period of a filter: the dates typed, each end defaulting to this financial year's; what was wrong
/// with them, in words, when they were not understood.
#[cfg(feature = "ssr")]
pub fn chosen_period(from: &DateParts, to: &DateParts) -> (Day, Day, Vec<String>) {
    let (start, end) = this_financial_year();
    match crate::dates::parse_period(from, to) {
        Ok((f, t)) => (f.unwrap_or(start), t.unwrap_or(end), Vec::new()),
        Err(errors) => {
            let problems = errors.errors.iter().filter(|e| !e.message.is_empty()).map(|e| e.message.clone()).collect();
            (start, end, problems)
        }
    }
}

/// Approved totals in quarter-hours from entries: per volunteer, per role, per month of the local date.
#[cfg(feature = "ssr")]
pub fn totals(entries: &[super::types::HoursEntry]) -> HoursTotals {
    use std::collections::BTreeMap;
    let mut by_volunteer: BTreeMap<String, i64> = BTreeMap::new();
    let mut by_role: BTreeMap<String, i64> = BTreeMap::new();
    let mut by_month: BTreeMap<String, i64> = BTreeMap::new();
    for e in entries {
        *by_volunteer.entry(e.volunteer.clone()).or_default() += e.quarter_hours;
        *by_role.entry(e.role_title.clone()).or_default() += e.quarter_hours;
        *by_month.entry(e.worked_on.get(..7).unwrap_or_default().to_owned()).or_default() += e.quarter_hours;
    }
    HoursTotals {
        total: entries.iter().map(|e| e.quarter_hours).sum(),
        by_volunteer: by_volunteer.into_iter().collect(),
        by_role: by_role.into_iter().collect(),
        by_month: by_month.into_iter().collect(),
    }
}

#[cfg(feature = "ssr")]
async fn staff_hours(
    conn: &mut sqlx::AnyConnection,
    user: &SignedInUser,
    service_id: &str,
    from: &DateParts,
    to: &DateParts,
) -> Result<StaffHours, AppError> {
    let services = services_staffed_by(user).await?;
    let mut to_decide = Vec::new();
    let mut volunteers = Vec::new();
    for service in &services {
        to_decide.extend(db::list_waiting(conn, &service.id).await?);
        volunteers.extend(db::appointments_in(conn, &service.id, false).await?.iter().map(|a| a.for_coordinator()));
    }
    let chosen = services
        .iter()
        .find(|s| s.id.as_str() == service_id)
        .or(services.first())
        .map(|s| s.id.clone())
        .unwrap_or_default();
    let (start, end, period_problems) = chosen_period(from, to);
    let approved = db::list_approved(conn, &chosen, &start.iso(), &end.iso()).await?;
    Ok(StaffHours {
        services,
        service_id: chosen,
        to_decide,
        volunteers,
        from: start.iso(),
        to: end.iso(),
        totals: totals(&approved),
        period_problems,
    })
}

/// One entry, for the volunteer it is for and the service's staff; not found for anyone else.
#[server(endpoint = "/get_hours_entry")]
pub async fn get_hours_entry(#[server(default)] entry_id: HoursId) -> Result<HoursEntryPage, AppError> {
    let user = require_signed_in()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let entry = db::fetch_hours(&mut conn, &entry_id).await?.ok_or(AppError::NotFound)?;
    let mine = db::volunteer_of(&mut conn, &entry.id).await?.is_some_and(|p| p == user.id);
    let staff = user.is_staff_of(&entry.service_id);
    if !mine && !staff {
        return Err(AppError::NotFound);
    }
    let supervisor = db::supervisor_of(&mut conn, &entry.id).await?;
    let may_decide =
        staff && !mine && (supervisor.as_ref().is_none_or(|(id, _)| *id == user.id) || user.manages(&entry.service_id));
    let supervisor = supervisor.map(|(_, name)| name);
    Ok(HoursEntryPage { entry, mine, staff, may_decide, supervisor })
}

/// The fields of the hours form as typed.
#[cfg(feature = "ssr")]
struct HoursFields {
    day: DateParts,
    hours: String,
    what: String,
    answer: String,
}

/// Hours as the form gave them, parsed.
#[cfg(feature = "ssr")]
struct ParsedHours {
    worked_on: String,
    quarter_hours: i64,
    what: String,
    answer: String,
}

#[cfg(feature = "ssr")]
impl HoursFields {
    fn kept(&self) -> Vec<(String, String)> {
        let mut kept = self.day.kept("worked_on");
        kept.push(("hours".into(), self.hours.clone()));
        kept.push(("what".into(), self.what.clone()));
        kept.push(("answer".into(), self.answer.clone()));
        kept
    }

    /// Parses the form: a real date, today or in the past (local), hours in quarter-hours, what they did.
    fn parse(&self, errors: &mut FormErrors) -> Option<ParsedHours> {
        let today = Day::of_naive(crate::clock::today_date());
        let field = DateField {
            name: "worked_on",
            legend: "Date",
            earliest: None,
            latest: Some(Bound { day: today, words: "today or in the past" }),
        };
        let worked_on = parse_date_input(&field, &self.day).map_err(|e| e.add_to(errors)).ok();
        let quarter_hours = parse_quarter_hours(&self.hours).map_err(|m| errors.add("hours", m)).ok();
        let what = self.what.trim().to_owned();
        if what.is_empty() {
            errors.add("what", "Enter what you did");
        } else if what.chars().count() > 1_000 {
            errors.add("what", "What you did must be 1,000 characters or fewer");
        }
        let answer = self.answer.trim().to_owned();
        if answer.chars().count() > 1_000 {
            errors.add("answer", "Your answer must be 1,000 characters or fewer");
        }
        Some(ParsedHours { worked_on: worked_on?.iso(), quarter_hours: quarter_hours?, what, answer })
    }
}

/// Screens what a volunteer wrote with their hours (and their answer to a query), as an application's words
/// are (`inclusion::flags::screen_volunteer_words`): a flag for review, never a refusal.
#[cfg(feature = "ssr")]
async fn screen_hours(
    tx: &mut Write,
    state: &crate::state::AppState,
    id: &HoursId,
    what: &str,
    answer: &str,
) -> Result<(), AppError> {
    let Some(entry) = db::fetch_hours(tx.conn(), id).await? else { return Ok(()) };
    let words = [what, answer].into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join("\n\n");
    crate::inclusion::flags::screen_volunteer_words(
        tx.conn(),
        &state.security.base_url,
        &entry.service_id,
        crate::safeguarding::review::FlagSourceKind::VolunteerHours,
        id.as_str(),
        &words,
    )
    .await?;
    Ok(())
}

/// Why no new hours may be logged in a role held back for its checks (paused "waiting for checks" or "check
/// lapsed"): the volunteer is not cleared to work in it, so no hours are given in it until the checks are
/// done. `None` otherwise (a volunteer on their own break may still log hours given before it).
#[cfg(feature = "ssr")]
pub async fn held_back_for_checks(
    conn: &mut sqlx::AnyConnection,
    appointment: &AppointmentId,
) -> Result<Option<&'static str>, AppError> {
    use crate::inclusion::{checks, types::AppointmentStatus};
    let Some(found) = checks::db::fetch_appointment(conn, appointment).await? else { return Ok(None) };
    if found.status() != AppointmentStatus::Paused || found.paused_for != checks::server::PAUSED_FOR_CHECKS {
        return Ok(None);
    }
    Ok(Some(if found.status_reason == checks::server::CHECK_LAPSED {
        "Hours cannot be logged in this role while a check it needs has lapsed: it starts again once the check is renewed"
    } else {
        "Hours cannot be logged in this role yet: it starts once the checks it needs are done"
    }))
}

/// Logs hours (no `entry_id`) in one of the caller's roles, or — for the staff of the role's service — on a
/// volunteer's behalf (recorded as such); or, with `entry_id`, answers a query on the caller's own entry,
/// which then waits for approval again. The hours wait for approval either way.
///
/// Refused: a mistake (422: no role chosen; a date that is not real, in the future or before the appointment
/// started; hours that are not
/// quarter-hours, not more than 0, or would make more than 24 in the day across the volunteer's roles; nothing
/// said about what they did), with everything typed kept; a role or entry that is not theirs (404); an entry
/// no longer queried (409). New hours in a role held back for its checks are refused beside the role
/// (`held_back_for_checks`, 422).
#[server(endpoint = "/log_hours")]
#[allow(clippy::too_many_arguments, reason = "one argument per form field, as every server function takes them")]
pub async fn log_hours(
    #[server(default)] entry_id: HoursId,
    #[server(default)] appointment_id: AppointmentId,
    #[server(default)] worked_on_day: String,
    #[server(default)] worked_on_month: String,
    #[server(default)] worked_on_year: String,
    #[server(default)] hours: String,
    #[server(default)] what: String,
    #[server(default)] answer: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_signed_in()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    // Access first, before anything typed is looked at.
    let (appointment, editing, on_behalf) = if !entry_id.is_empty() {
        let entry = db::fetch_hours(tx.conn(), &entry_id).await?.ok_or(AppError::NotFound)?;
        if db::volunteer_of(tx.conn(), &entry.id).await? != Some(user.id.clone()) {
            return Err(AppError::NotFound);
        }
        if entry.status != HoursStatus::Queried {
            return Err(AppError::Conflict("These hours are not queried now, so there is nothing to answer.".into()));
        }
        (Some(entry.appointment_id.clone()), Some(entry.id), false)
    } else if appointment_id.is_empty() {
        (None, None, false)
    } else {
        let found = db::fetch_appointment(tx.conn(), &appointment_id).await?.ok_or(AppError::NotFound)?;
        let own = found.person_id.as_ref() == Some(&user.id);
        if !own && !user.is_staff_of(&found.service_id) {
            return Err(AppError::NotFound);
        }
        (Some(found.id), None, !own)
    };
    let fields =
        HoursFields { day: DateParts::new(worked_on_day, worked_on_month, worked_on_year), hours, what, answer };
    let mut kept = fields.kept();
    kept.push(("appointment_id".into(), appointment_id.to_string()));
    let mut errors = FormErrors::new();
    if appointment.is_none() {
        errors.add("appointment_id", "Choose the role");
    }
    let parsed = fields.parse(&mut errors);
    if let (Some(appointment), None) = (&appointment, &editing) {
        if let Some(message) = held_back_for_checks(tx.conn(), appointment).await? {
            errors.add("appointment_id", message);
        }
    }
    if let (Some(appointment), Some(parsed)) = (&appointment, &parsed) {
        // Hours are given in the role: not before the appointment started (issue 16 tester, finding 8).
        if let Some(starts_on) = db::appointment_starts_on(tx.conn(), appointment).await? {
            if parsed.worked_on < starts_on {
                errors.add(
                    "worked_on_day",
                    format!(
                        "Date must be on or after {}, when the role started",
                        crate::dates::readable_day(&starts_on)
                    ),
                );
                errors.add("worked_on_month", "");
                errors.add("worked_on_year", "");
            }
        }
        let already = db::logged_on_day(tx.conn(), appointment, &parsed.worked_on, editing.as_ref()).await?;
        if already + parsed.quarter_hours > DAY_LIMIT {
            errors.add(
                "hours",
                format!(
                    "{} are logged already on that day: hours in one day must add up to 24 or fewer",
                    crate::text::capitalise(&hours_words(already))
                ),
            );
        }
    }
    let invalid = |errors: FormErrors| AppError::Validation(errors.keep_posted(&kept));
    if !errors.is_empty() {
        return Err(invalid(errors));
    }
    let (Some(appointment), Some(parsed)) = (appointment, parsed) else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    let detail = serde_json::json!({
        "appointment_id": appointment, "quarter_hours": parsed.quarter_hours, "on_behalf": on_behalf,
    });
    match editing {
        Some(id) => {
            let answered =
                db::answer_query(tx.conn(), &id, &parsed.worked_on, parsed.quarter_hours, &parsed.what, &parsed.answer)
                    .await?;
            if !answered {
                return Err(AppError::Conflict(
                    "These hours are not queried now, so there is nothing to answer.".into(),
                ));
            }
            tx.audit("hours_query_answered", "volunteer_hours", &id, detail).await?;
            screen_hours(&mut tx, &state, &id, &parsed.what, &parsed.answer).await?;
            tx.commit_then(&format!("/inclusion/hours/{id}?answered=1")).await
        }
        None => {
            let new = db::NewHours {
                appointment_id: &appointment,
                worked_on: &parsed.worked_on,
                quarter_hours: parsed.quarter_hours,
                what: &parsed.what,
                logged_by: Some(&user.id),
                on_behalf,
                session_id: None,
            };
            let id = db::insert_hours(tx.conn(), &new).await?;
            tx.audit("hours_logged", "volunteer_hours", &id, detail).await?;
            if !on_behalf {
                screen_hours(&mut tx, &state, &id, &parsed.what, "").await?;
            }
            tx.commit_then("/inclusion/hours?logged=1").await
        }
    }
}

/// Approves an entry waiting for approval (`decision` `approve`), or queries it (`query`) with a question for
/// the volunteer (`note`, required). By the volunteer's supervisor (issue 16 §7), or by any of the service's
/// staff while the appointment has no supervisor, and by the service's managers (who stand in for an absent
/// supervisor); never on their own hours (409). A query is mailed to the volunteer (without the question:
/// it is on the entry's page). Refused: another of the service's staff when there is a
/// supervisor (403); no decision or no question (422, kept); another service's entry (404); one decided
/// meanwhile (409).
#[server(endpoint = "/decide_hours")]
pub async fn decide_hours(
    #[server(default)] entry_id: HoursId,
    #[server(default)] decision: String,
    #[server(default)] note: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let entry = db::fetch_hours(tx.conn(), &entry_id)
        .await?
        .filter(|e| user.is_staff_of(&e.service_id))
        .ok_or(AppError::NotFound)?;
    let kept = [("decision", decision.as_str()), ("note", note.as_str())];
    let mut errors = FormErrors::new();
    let note = note.trim().to_owned();
    let query = match decision.as_str() {
        "approve" => None,
        "query" => {
            if note.is_empty() {
                errors.add("note", "Enter your question for the volunteer");
            }
            Some(note.as_str())
        }
        _ => {
            errors.add("decision", "Choose whether to approve or query the hours");
            None
        }
    };
    if note.chars().count() > 1_000 {
        errors.add("note", "Your question must be 1,000 characters or fewer");
    }
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    if db::volunteer_of(tx.conn(), &entry.id).await? == Some(user.id.clone()) {
        return Err(AppError::Conflict("Someone else approves your own hours.".into()));
    }
    let supervisor = db::supervisor_of(tx.conn(), &entry.id).await?;
    if supervisor.is_some_and(|(id, _)| id != user.id) && !user.manages(&entry.service_id) {
        return Err(AppError::Forbidden);
    }
    tx.claim_submission(&submission).await?;
    if !db::decide(tx.conn(), &entry.id, query, Some(&user.id)).await? {
        return Err(AppError::Conflict("These hours were approved or queried just now. Look again.".into()));
    }
    let action = if query.is_some() { "hours_queried" } else { "hours_approved" };
    tx.audit(action, "volunteer_hours", &entry.id, serde_json::json!({ "quarter_hours": entry.quarter_hours })).await?;
    // A question is mailed to the volunteer (through the outbox), who may not look at their page for weeks.
    let volunteer = crate::inclusion::checks::db::fetch_appointment(tx.conn(), &entry.appointment_id).await?;
    let to = volunteer.as_ref().and_then(|a| a.email.clone()).filter(|_| query.is_some());
    if let (Some(to), Some(volunteer)) = (&to, &volunteer) {
        let link = crate::links::absolute(&state.security.base_url, &format!("/inclusion/hours/{}", entry.id), &[]);
        let mail =
            crate::inclusion::checks::emails::hours_queried_to_volunteer(to, &volunteer.name, &entry.worked_on, &link);
        crate::mail::enqueue(tx.conn(), &mail).await?;
    }
    tx.commit_then(&format!("/inclusion/hours/{}", entry.id)).await?;
    if to.is_some() {
        state.mail_wakeup.notify_one();
    }
    Ok(())
}

/// The approved hours of a service over a period as CSV, for the service's staff (another service's staff and
/// 403 to those who are not staff anywhere): one row per entry (date, volunteer, role, hours in figures, what they did, who logged
/// it, who approved it), then the total per volunteer and in all. Named for the service and the period.
#[cfg(feature = "ssr")]
pub async fn approved_hours_csv(
    pool: &sqlx::AnyPool,
    user: &SignedInUser,
    service_id: &ServiceId,
    from: &DateParts,
    to: &DateParts,
) -> Result<(String, String), AppError> {
    use super::types::hours_figure;
    use crate::csv::row;
    if !user.is_staff_anywhere() {
        return Err(AppError::Forbidden);
    }
    // A plain route has no server function context, so the services are read from the pool.
    let service = crate::accounts::access::all_services(pool)
        .await?
        .into_iter()
        .find(|s| s.id == *service_id && user.is_staff_of(&s.id))
        .ok_or(AppError::NotFound)?;
    let (start, end, problems) = chosen_period(from, to);
    if let Some(problem) = problems.first() {
        return Err(AppError::field("from", problem.clone()));
    }
    let entries = db::list_approved(&mut *pool.acquire().await?, &service.id, &start.iso(), &end.iso()).await?;
    let mut out = String::new();
    out.push_str(&row(&["Approved volunteer hours", &service.name]));
    out.push_str(&row(&["Period", &start.iso(), &end.iso()]));
    out.push_str(&row(&["Date", "Volunteer", "Role", "Hours", "What they did", "Logged by", "Approved by"]));
    for e in &entries {
        let logged = if e.on_behalf { format!("{} (on their behalf)", e.logged_by) } else { e.logged_by.clone() };
        out.push_str(&row(&[
            e.worked_on.as_str(),
            &e.volunteer,
            &e.role_title,
            &hours_figure(e.quarter_hours),
            &e.what,
            &logged,
            &e.decided_by,
        ]));
    }
    let sums = totals(&entries);
    for (volunteer, quarters) in &sums.by_volunteer {
        out.push_str(&row(&["Total", volunteer.as_str(), "", &hours_figure(*quarters)]));
    }
    out.push_str(&row(&["Total", "All volunteers", "", &hours_figure(sums.total)]));
    let name = crate::csv::file_name(&["approved-hours", &service.name, &start.iso(), "to", &end.iso()]);
    Ok((name, out))
}
