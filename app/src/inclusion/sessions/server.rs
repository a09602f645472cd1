//! Courses' and sessions' server functions. Courses and their sessions are kept by the staff of the course's
//! service (another service's staff are told a course does not exist); a co-facilitator logs their hours from
//! a session they co-facilitated in one step. Recording a co-delivered session records its Inclusion activity
//! in the ledger in the same change. Every change is audited.

use leptos::prelude::*;

use super::types::{CourseId, CoursePage, CoursesPage, SessionId};
use crate::accounts::types::ServiceId;
use crate::error::AppError;
use crate::inclusion::types::AppointmentId;
#[cfg(feature = "ssr")]
use {
    super::db,
    crate::{
        accounts::access::{ensure_staff_of, require_signed_in, require_staff, services_staffed_by},
        dates::{parse_date_input, Bound, DateField, DateParts, Day},
        db::Write,
        error::FormErrors,
        inclusion::{hours::db as hours_db, hours::types::DAY_LIMIT, sources::CoDeliveredSessionHeld},
        ledger::api as ledger_api,
        state::state,
    },
};

/// The courses of the caller's services, and the services they may add one to.
#[server(endpoint = "/list_courses")]
pub async fn list_courses() -> Result<CoursesPage, AppError> {
    let user = require_staff()?;
    let services = services_staffed_by(&user).await?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let mut courses = Vec::new();
    for service in &services {
        courses.extend(db::list_courses(&mut conn, &service.id).await?);
    }
    Ok(CoursesPage { courses, services })
}

/// Adds a course to a service the caller works in: a title and what it is about. Returns its id.
/// Refused: no title, or too long (422, kept); a service that is not theirs (403).
#[server(endpoint = "/save_course")]
pub async fn save_course(
    #[server(default)] service_id: ServiceId,
    #[server(default)] title: String,
    #[server(default)] about: String,
    #[server(default)] submission: String,
) -> Result<CourseId, AppError> {
    let user = require_staff()?;
    if !service_id.is_empty() {
        ensure_staff_of(&user, &service_id)?;
    }
    let kept = [("service_id", service_id.as_str()), ("title", title.as_str()), ("about", about.as_str())];
    let mut errors = FormErrors::new();
    if service_id.is_empty() {
        errors.add("service_id", "Choose the service");
    }
    let title = crate::text::one_line(&mut errors, "title", &title, "the course's title", 120, true);
    let about = about.trim().to_owned();
    if about.chars().count() > 2_000 {
        errors.add("about", "What the course is about must be 2,000 characters or fewer");
    }
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    let id = db::insert_course(tx.conn(), &service_id, &title, &about, Some(&user.id)).await?;
    tx.audit("course_created", "course", &id, serde_json::json!({ "title": title })).await?;
    tx.commit_then(&format!("/inclusion/courses/{id}")).await?;
    Ok(id)
}

/// A course with its sessions, for its service's staff; not found for anyone else.
#[server(endpoint = "/get_course")]
pub async fn get_course(#[server(default)] course_id: CourseId) -> Result<CoursePage, AppError> {
    let user = require_staff()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let course = db::fetch_course(&mut conn, &course_id)
        .await?
        .filter(|c| user.is_staff_of(&c.service_id))
        .ok_or(AppError::NotFound)?;
    let sessions = db::list_sessions(&mut conn, &course.id).await?;
    let co_facilitators = hours_db::appointments_in(&mut conn, &course.service_id, true)
        .await?
        .iter()
        .map(|a| a.for_coordinator())
        .collect();
    Ok(CoursePage { course, sessions, co_facilitators })
}

/// A count of people typed into a session's form: a whole number from 0 to 10,000 (empty is 0).
#[cfg(feature = "ssr")]
fn attendees(errors: &mut FormErrors, field: &str, typed: &str) -> i64 {
    let typed = typed.trim();
    if typed.is_empty() {
        return 0;
    }
    match typed.parse::<i64>() {
        Ok(n) if (0..=10_000).contains(&n) => n,
        _ => {
            errors.add(field, "Enter how many came as a whole number, like 12");
            0
        }
    }
}

/// Records a session of a course that was held: its date (today or in the past), start and end (local,
/// `HH:MM`), place, attendees as staff counted them (patients, and others), the staff who facilitated, and its
/// co-facilitators with lived experience — a volunteer in a lived-experience role of the service
/// (`co_facilitator`, an appointment) and/or a person named (`named_co_facilitator`). A session with neither
/// is recorded but not co-delivered; one with either records an Inclusion activity in the ledger
/// (`CoDeliveredSessionHeld`). `feedback_form` may name a feedback form for attendees by its address or slug.
///
/// Refused: a mistake (422, a message beside each field, everything kept); another service's course (404).
#[server(endpoint = "/record_session")]
#[allow(clippy::too_many_arguments, reason = "one argument per form field, as every server function takes them")]
pub async fn record_session(
    #[server(default)] course_id: CourseId,
    #[server(default)] held_on_day: String,
    #[server(default)] held_on_month: String,
    #[server(default)] held_on_year: String,
    #[server(default)] start: String,
    #[server(default)] end: String,
    #[server(default)] place: String,
    #[server(default)] patients_attending: String,
    #[server(default)] others_attending: String,
    #[server(default)] staff_facilitators: String,
    #[server(default)] co_facilitator: AppointmentId,
    #[server(default)] named_co_facilitator: String,
    #[server(default)] feedback_form: String,
    #[server(default)] submission: String,
) -> Result<SessionId, AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let course = db::fetch_course(tx.conn(), &course_id)
        .await?
        .filter(|c| user.is_staff_of(&c.service_id))
        .ok_or(AppError::NotFound)?;
    let typed = DateParts::new(held_on_day, held_on_month, held_on_year);
    let mut kept = typed.kept("held_on");
    for (field, value) in [
        ("start", &start),
        ("end", &end),
        ("place", &place),
        ("patients_attending", &patients_attending),
        ("others_attending", &others_attending),
        ("staff_facilitators", &staff_facilitators),
        ("named_co_facilitator", &named_co_facilitator),
        ("feedback_form", &feedback_form),
    ] {
        kept.push((field.to_owned(), value.clone()));
    }
    kept.push(("co_facilitator".to_owned(), co_facilitator.to_string()));
    let mut errors = FormErrors::new();
    let today = Day::of_naive(crate::clock::today_date());
    let field = DateField {
        name: "held_on",
        legend: "Date of the session",
        earliest: None,
        latest: Some(Bound { day: today, words: "today or in the past: record a session once it is held" }),
    };
    let held_on = parse_date_input(&field, &typed).map_err(|e| e.add_to(&mut errors)).ok();
    let (starts, ends) =
        crate::dates::parse_times(&mut errors, (&start, &end), "10:00", "The session must end after it starts");
    let place = crate::text::one_line(&mut errors, "place", &place, "where the session was held", 200, true);
    let patients = attendees(&mut errors, "patients_attending", &patients_attending);
    let others = attendees(&mut errors, "others_attending", &others_attending);
    let staff_names = crate::text::one_line(
        &mut errors,
        "staff_facilitators",
        &staff_facilitators,
        "the staff who facilitated",
        300,
        false,
    );
    let named = crate::text::one_line(
        &mut errors,
        "named_co_facilitator",
        &named_co_facilitator,
        "the co-facilitator's name",
        120,
        false,
    );
    let mut co_facilitators: Vec<(Option<AppointmentId>, String)> = Vec::new();
    let mut people: Vec<(Option<crate::accounts::types::PersonId>, String)> = Vec::new();
    if !co_facilitator.is_empty() {
        match hours_db::fetch_appointment(tx.conn(), &co_facilitator).await? {
            Some(a) if a.service_id == course.service_id && a.lived_experience != 0 && a.status != "ended" => {
                co_facilitators.push((Some(a.id.clone()), a.name.clone()));
                people.push((a.person_id.clone(), a.name.clone()));
            }
            _ => errors.add("co_facilitator", "Choose a volunteer in a lived-experience role of this service"),
        }
    }
    if !named.is_empty() {
        co_facilitators.push((None, named.clone()));
        people.push((None, named.clone()));
    }
    let form = feedback_form.trim().trim_end_matches('/').rsplit('/').next().unwrap_or_default().to_owned();
    if !form.is_empty() && crate::consultation::api::form_poster(&state.pool, &form).await?.is_none() {
        errors.add(
            "feedback_form",
            "Enter the address of a feedback form that is open or closed, like /f/understanding-emotions",
        );
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors.keep_posted(&kept)));
    }
    let (Some(held_on), Some(starts), Some(ends)) = (held_on, starts, ends) else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    let (starts_at, ends_at) = (starts.format("%H:%M").to_string(), ends.format("%H:%M").to_string());
    let new = db::NewSession {
        course_id: &course.id,
        held_on: &held_on.iso(),
        starts_at: &starts_at,
        ends_at: &ends_at,
        place: &place,
        patients_attending: patients,
        others_attending: others,
        staff_facilitators: &staff_names,
        feedback_form: &form,
        co_facilitators: &co_facilitators,
    };
    let id = db::insert_session(tx.conn(), &new, Some(&user.id)).await?;
    let co_delivered = !co_facilitators.is_empty();
    if co_delivered {
        let staff = i64::try_from(staff_names.split([',', ';']).filter(|n| !n.trim().is_empty()).count()).unwrap_or(0);
        let held = CoDeliveredSessionHeld {
            id: id.as_str(),
            service_id: &course.service_id,
            course_title: &course.title,
            held_on: &held_on.iso(),
            co_facilitators: &people,
            patients_attending: patients,
            others_attending: others,
            staff,
        };
        ledger_api::record_in(&mut tx, &held).await?;
    }
    let detail = serde_json::json!({ "course_id": course.id, "held_on": held_on.iso(), "co_delivered": co_delivered });
    tx.audit("session_recorded", "course_session", &id, detail).await?;
    tx.commit_then(&format!("/inclusion/courses/{}?recorded=1", course.id)).await?;
    Ok(id)
}

/// Logs the caller's hours from a session they co-facilitated, in one step: the session's day, its length in
/// quarter-hours, and "Co-facilitated <course>"; they wait for approval as other hours do. Once per session.
/// Refused: a session they did not co-facilitate (404); hours already logged from it, or more than 24 in the
/// day (409).
#[server(endpoint = "/log_session_hours")]
pub async fn log_session_hours(
    #[server(default)] session_id: SessionId,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_signed_in()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let (appointment, course, day, quarter_hours) =
        db::co_facilitated_by(tx.conn(), &session_id, &user.id).await?.ok_or(AppError::NotFound)?;
    if quarter_hours == 0 {
        return Err(AppError::Conflict("This session's times give no hours to log. Log them yourself instead.".into()));
    }
    let already = hours_db::logged_on_day(tx.conn(), &appointment, &day, None).await?;
    if already + quarter_hours > DAY_LIMIT {
        return Err(AppError::Conflict("That would make more than 24 hours on that day.".into()));
    }
    tx.claim_submission(&submission).await?;
    let what = format!("Co-facilitated {course}");
    let new = hours_db::NewHours {
        appointment_id: &appointment,
        worked_on: &day,
        quarter_hours,
        what: &what,
        logged_by: Some(&user.id),
        on_behalf: false,
        session_id: Some(session_id.as_str()),
    };
    let id = match hours_db::insert_hours(tx.conn(), &new).await {
        Ok(id) => id,
        Err(error) if crate::db::is_unique_violation(&error) => {
            return Err(AppError::Conflict("You have logged your hours from this session already.".into()))
        }
        Err(error) => return Err(error.into()),
    };
    let detail = serde_json::json!({ "session_id": session_id, "quarter_hours": quarter_hours });
    tx.audit("hours_logged", "volunteer_hours", &id, detail).await?;
    tx.commit_then("/inclusion/hours?logged=1").await
}
