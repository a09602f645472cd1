//! Courses' and sessions' server functions. Courses and their sessions are kept by the staff of the course's
//! service (another service's staff are told a course does not exist); a co-facilitator logs their hours from
//! a session they co-facilitated in one step. Recording a co-delivered session records its Inclusion activity
//! in the ledger in the same change. Every change is audited.

// `record_session` takes one argument per form field (19: three volunteers and three names among them), one
// over the workspace's threshold; the browser-side stub the server macro makes does not carry a function's own
// attribute, so the allowance is the module's.
#![allow(clippy::too_many_arguments, reason = "one argument per form field, as every server function takes them")]

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

/// Co-facilitators as a session stores them: a volunteer's appointment with their name, or a name alone.
#[cfg(feature = "ssr")]
type CoFacilitators = Vec<(Option<AppointmentId>, String)>;
/// Co-facilitators as the ledger takes them: their account when they have one, and their name.
#[cfg(feature = "ssr")]
type LedgerPeople = Vec<(Option<crate::accounts::types::PersonId>, String)>;

/// The volunteers (appointments) and named people chosen as a session's co-facilitators with lived
/// experience: the volunteer fields `co_facilitator`, `co_facilitator_2`, `co_facilitator_3` and the name
/// fields `named_co_facilitator`, `named_co_facilitator_2`, `named_co_facilitator_3`, each optional. A
/// volunteer must be in a lived-experience role of the course's service and not ended, and is chosen once.
/// Returns the co-facilitators as stored and as the ledger takes them.
#[cfg(feature = "ssr")]
async fn co_facilitators_chosen(
    conn: &mut sqlx::AnyConnection,
    errors: &mut FormErrors,
    service: &ServiceId,
    volunteers: [(&str, &AppointmentId); 3],
    named: [(&str, &str); 3],
) -> Result<(CoFacilitators, LedgerPeople), AppError> {
    let mut co_facilitators: CoFacilitators = Vec::new();
    let mut people: LedgerPeople = Vec::new();
    for (field, chosen) in volunteers {
        if chosen.is_empty() {
            continue;
        }
        if co_facilitators.iter().any(|(a, _)| a.as_ref() == Some(chosen)) {
            errors.add(field, "Choose each volunteer once");
            continue;
        }
        match hours_db::fetch_appointment(conn, chosen).await? {
            Some(a) if a.service_id == *service && a.lived_experience != 0 && a.status != "ended" => {
                co_facilitators.push((Some(a.id.clone()), a.name.clone()));
                people.push((a.person_id.clone(), a.name.clone()));
            }
            _ => errors.add(field, "Choose a volunteer in a lived-experience role of this service"),
        }
    }
    for (field, typed) in named {
        let name = crate::text::one_line(errors, field, typed, "the co-facilitator's name", 120, false);
        if !name.is_empty() {
            co_facilitators.push((None, name.clone()));
            people.push((None, name));
        }
    }
    Ok((co_facilitators, people))
}

/// The message beside "Staff who facilitate" when it names nobody.
pub const STAFF_NEEDED: &str = "Enter the name of at least one member of staff who facilitates the session";

/// How many staff facilitated, from their names typed one after another with commas or semicolons.
#[cfg(feature = "ssr")]
fn staff_count(names: &str) -> i64 {
    i64::try_from(names.split([',', ';']).filter(|n| !n.trim().is_empty()).count()).unwrap_or(0)
}

/// Records a session of a course, held (`when` = `held`, or empty) or planned (`when` = `planned`): its date
/// (held: today or in the past; planned: today or later), start and end (local, `HH:MM`), place, the staff who
/// facilitate (names separated by commas; at least one, else [`STAFF_NEEDED`]), and its co-facilitators with
/// lived experience — up to three volunteers in lived-experience roles of the service (`co_facilitator`,
/// `co_facilitator_2`, `co_facilitator_3`, appointments) and up to three people named (`named_co_facilitator`, `_2`, `_3`). A held
/// session also has its attendees as staff counted them (patients, and others; a planned one's are counted
/// when it is marked held). A held session with no co-facilitator is recorded but not co-delivered; a held one
/// with any records an Inclusion activity in the ledger (`CoDeliveredSessionHeld`) counting each of them; a
/// planned one is in the ledger once marked held (`mark_session_held`). `feedback_form` may name a feedback
/// form for attendees by its address or slug.
///
/// Refused: a mistake (422, a message beside each field, everything kept); another service's course (404).
#[server(endpoint = "/record_session")]
pub async fn record_session(
    #[server(default)] course_id: CourseId,
    #[server(default)] when: String,
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
    #[server(default)] co_facilitator_2: AppointmentId,
    #[server(default)] co_facilitator_3: AppointmentId,
    #[server(default)] named_co_facilitator: String,
    #[server(default)] named_co_facilitator_2: String,
    #[server(default)] named_co_facilitator_3: String,
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
        ("when", &when),
        ("start", &start),
        ("end", &end),
        ("place", &place),
        ("patients_attending", &patients_attending),
        ("others_attending", &others_attending),
        ("staff_facilitators", &staff_facilitators),
        ("named_co_facilitator", &named_co_facilitator),
        ("named_co_facilitator_2", &named_co_facilitator_2),
        ("named_co_facilitator_3", &named_co_facilitator_3),
        ("feedback_form", &feedback_form),
    ] {
        kept.push((field.to_owned(), value.clone()));
    }
    for (field, value) in [
        ("co_facilitator", &co_facilitator),
        ("co_facilitator_2", &co_facilitator_2),
        ("co_facilitator_3", &co_facilitator_3),
    ] {
        kept.push((field.to_owned(), value.to_string()));
    }
    let mut errors = FormErrors::new();
    let planned = match when.as_str() {
        "" | "held" => false,
        "planned" => true,
        _ => {
            errors.add("when", "Choose whether the session was held or is planned");
            false
        }
    };
    let today = Day::of_naive(crate::clock::today_date());
    let field = if planned {
        DateField {
            name: "held_on",
            legend: "Date of the session",
            earliest: Some(Bound { day: today, words: "today or in the future for a session planned" }),
            latest: None,
        }
    } else {
        DateField {
            name: "held_on",
            legend: "Date of the session",
            earliest: None,
            latest: Some(Bound {
                day: today,
                words: "today or in the past for a session held (choose planned for one still to come)",
            }),
        }
    };
    let held_on = parse_date_input(&field, &typed).map_err(|e| e.add_to(&mut errors)).ok();
    let (starts, ends) =
        crate::dates::parse_times(&mut errors, (&start, &end), "10:00", "The session must end after it starts");
    // A time the clocks skip (01:15 on the last Sunday of March) does not exist: refused, as events' are.
    if let Some(day) = &held_on {
        let clock = crate::clock::current();
        for (field, time) in [("start", starts), ("end", ends)] {
            if let Some(time) = time.filter(|t| !clock.exists(day.naive().and_time(*t))) {
                errors.add(
                    field,
                    format!(
                        "There is no {} on {}: the clocks go forward that night. Choose a time after the change",
                        time.format("%H:%M"),
                        crate::dates::readable_day(&day.iso())
                    ),
                );
            }
        }
    }
    let place = crate::text::one_line(&mut errors, "place", &place, "where the session is held", 200, true);
    let (patients, others) = if planned {
        (0, 0)
    } else {
        (
            attendees(&mut errors, "patients_attending", &patients_attending),
            attendees(&mut errors, "others_attending", &others_attending),
        )
    };
    let staff_names = crate::text::one_line(
        &mut errors,
        "staff_facilitators",
        &staff_facilitators,
        "the staff who facilitate",
        300,
        false,
    );
    // A session always has staff facilitating beside any co-facilitator with lived experience (issue 16 §8);
    // "," or spaces alone name nobody.
    if staff_count(&staff_names) == 0 {
        errors.add("staff_facilitators", STAFF_NEEDED);
    }
    let (co_facilitators, people) = co_facilitators_chosen(
        tx.conn(),
        &mut errors,
        &course.service_id,
        [
            ("co_facilitator", &co_facilitator),
            ("co_facilitator_2", &co_facilitator_2),
            ("co_facilitator_3", &co_facilitator_3),
        ],
        [
            ("named_co_facilitator", named_co_facilitator.as_str()),
            ("named_co_facilitator_2", named_co_facilitator_2.as_str()),
            ("named_co_facilitator_3", named_co_facilitator_3.as_str()),
        ],
    )
    .await?;
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
        planned,
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
    if co_delivered && !planned {
        let held = CoDeliveredSessionHeld {
            id: id.as_str(),
            service_id: &course.service_id,
            course_title: &course.title,
            held_on: &held_on.iso(),
            starts_at: &starts_at,
            ends_at: &ends_at,
            co_facilitators: &people,
            patients_attending: patients,
            others_attending: others,
            staff: staff_count(&staff_names),
        };
        ledger_api::record_in(&mut tx, &held).await?;
    }
    let detail = serde_json::json!({
        "course_id": course.id, "held_on": held_on.iso(), "co_delivered": co_delivered, "planned": planned,
        "co_facilitators": co_facilitators.len()
    });
    tx.audit(if planned { "session_planned" } else { "session_recorded" }, "course_session", &id, detail).await?;
    let said = if planned { "planned" } else { "recorded" };
    tx.commit_then(&format!("/inclusion/courses/{}?{said}=1", course.id)).await?;
    Ok(id)
}

/// Marks a planned session of the course held, with its attendees as staff counted them (patients and
/// carers, and others: whole numbers from 0 to 10,000, empty is 0). A co-delivered one then records its
/// Inclusion activity in the ledger, counting each co-facilitator with lived experience, as `record_session`
/// does for a session recorded once held. Audited.
///
/// Refused: no session chosen or a wrong count (422, beside the field, kept); a session planned for a day
/// still to come, or already held (409); another service's course (404).
#[server(endpoint = "/mark_session_held")]
pub async fn mark_session_held(
    #[server(default)] course_id: CourseId,
    #[server(default)] session_id: SessionId,
    #[server(default)] patients_attending: String,
    #[server(default)] others_attending: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let course = db::fetch_course(tx.conn(), &course_id)
        .await?
        .filter(|c| user.is_staff_of(&c.service_id))
        .ok_or(AppError::NotFound)?;
    let kept = [
        ("session_id", session_id.as_str()),
        ("patients_attending", patients_attending.as_str()),
        ("others_attending", others_attending.as_str()),
    ];
    let mut errors = FormErrors::new();
    if session_id.is_empty() {
        errors.add("session_id", "Choose the session that was held");
    }
    let patients = attendees(&mut errors, "patients_attending", &patients_attending);
    let others = attendees(&mut errors, "others_attending", &others_attending);
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let Some((held_on, staff_names, starts_at, ends_at)) =
        db::fetch_planned(tx.conn(), &course.id, &session_id).await?
    else {
        return Err(AppError::Conflict("That session is not planned any more: it may have been marked held.".into()));
    };
    if held_on.as_str() > crate::clock::today_date().format("%Y-%m-%d").to_string().as_str() {
        return Err(AppError::Conflict(format!(
            "This session is planned for {}: mark it held on that day or after.",
            crate::dates::readable_day(&held_on)
        )));
    }
    tx.claim_submission(&submission).await?;
    if !db::mark_held(tx.conn(), &session_id, patients, others).await? {
        return Err(AppError::Conflict("That session was marked held just now.".into()));
    }
    let people = db::co_facilitators_of(tx.conn(), &session_id).await?;
    if !people.is_empty() {
        let held = CoDeliveredSessionHeld {
            id: session_id.as_str(),
            service_id: &course.service_id,
            course_title: &course.title,
            held_on: &held_on,
            starts_at: &starts_at,
            ends_at: &ends_at,
            co_facilitators: &people,
            patients_attending: patients,
            others_attending: others,
            staff: staff_count(&staff_names),
        };
        ledger_api::record_in(&mut tx, &held).await?;
    }
    let detail = serde_json::json!({ "course_id": course.id, "held_on": held_on, "co_delivered": !people.is_empty() });
    tx.audit("session_held", "course_session", &session_id, detail).await?;
    tx.commit_then(&format!("/inclusion/courses/{}?recorded=1", course.id)).await
}

/// Logs the caller's hours from a session they co-facilitated and that was held, in one step: the session's day, its length in
/// quarter-hours, and "Co-facilitated <course>"; they wait for approval as other hours do. Once per session.
/// Refused: a session they did not co-facilitate (404); a session still planned, hours already logged from
/// it, more than 24 in the day, or a role held back for its checks (409).
#[server(endpoint = "/log_session_hours")]
pub async fn log_session_hours(
    #[server(default)] session_id: SessionId,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_signed_in()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let (appointment, course, day, quarter_hours, planned) =
        db::co_facilitated_by(tx.conn(), &session_id, &user.id).await?.ok_or(AppError::NotFound)?;
    if planned {
        return Err(AppError::Conflict(
            "This session has not been held yet. Log its hours once it has been marked held.".into(),
        ));
    }
    if quarter_hours == 0 {
        return Err(AppError::Conflict("This session's times give no hours to log. Log them yourself instead.".into()));
    }
    if let Some(message) = crate::inclusion::hours::server::held_back_for_checks(tx.conn(), &appointment).await? {
        return Err(AppError::Conflict(format!("{message}.")));
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
