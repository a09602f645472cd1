//! The demo data of hours and co-delivered sessions: a day-service volunteer with a year of approved hours
//! (a morning every week), and the "Understanding emotions" course of the Personality Disorder Service with
//! eight weekly sessions co-facilitated by a peer co-facilitator — one of them, when the co-facilitator was
//! away, not co-delivered, and one with a second co-facilitator named — each co-delivered one in the ledger and
//! its hours approved; and the next session planned for next week. Added once, after the
//! roles (`inclusion::demo`). Every name is made up.

use chrono::{Datelike, Duration, Months};

use super::db as hours_db;
use crate::accounts::{
    demo::{DAY_SERVICE, PD_SERVICE},
    types::ServiceId,
};
use crate::error::AppError;
use crate::inclusion::{
    db,
    sessions::db as sessions_db,
    sources::{CoDeliveredSessionHeld, VolunteerAppointed},
    types::TakingPartAs,
};

/// Appoints `name` (no account) to the service's role `title` from `starts_on`, recorded in the ledger.
async fn appoint(
    conn: &mut sqlx::AnyConnection,
    service: &ServiceId,
    title: &str,
    name: &str,
    starts_on: &str,
) -> Result<Option<crate::inclusion::types::AppointmentId>, AppError> {
    let Some(role) = db::fetch_role_by_title(&mut *conn, service, title).await? else { return Ok(None) };
    let application = crate::inclusion::validate::ApplicationFields {
        name: name.into(),
        phone: "07700 900 789".into(),
        taking_part_as: "patient".into(),
        why: "I would like to give something back.".into(),
        availability: "Weekdays".into(),
        referee1_name: "Sam Referee".into(),
        referee1_contact: "sam.referee@demo.example".into(),
        referee2_name: "Jo Referee".into(),
        referee2_contact: "07700 900 456".into(),
        consent: "yes".into(),
        ..Default::default()
    }
    .parse()
    .map_err(|e| AppError::internal("demo application", format!("{e:?}")))?;
    let key_hash = crate::accounts::session::hash_token(&crate::accounts::session::new_token());
    let application_id = db::insert_application(&mut *conn, &role.id, &application, &key_hash).await?;
    db::set_stage(
        &mut *conn,
        &application_id,
        crate::inclusion::types::Stage::Received,
        crate::inclusion::types::Stage::Appointed,
    )
    .await?;
    let appointment = db::NewAppointment {
        role_id: &role.id,
        application_id: &application_id,
        person_id: None,
        name,
        taking_part_as: TakingPartAs::Patient,
        starts_on,
    };
    let id = db::insert_appointment(&mut *conn, &appointment, None).await?;
    let appointed = VolunteerAppointed {
        id: &id,
        role: &role,
        person_id: None,
        name,
        taking_part_as: TakingPartAs::Patient,
        starts_on,
    };
    crate::ledger::api::record(&mut *conn, &appointed, None).await?;
    Ok(Some(id))
}

/// Who logs and approves the demo's hours: Tom Walsh, staff of both demo services (none when the demo accounts
/// were not added).
const DEMO_COORDINATOR: &str = "tom.walsh@demo.example";

/// Logs and approves hours, as a coordinator (`DEMO_COORDINATOR`) would have, on the volunteer's behalf.
async fn approved(
    conn: &mut sqlx::AnyConnection,
    appointment: &crate::inclusion::types::AppointmentId,
    day: &str,
    quarter_hours: i64,
    what: &str,
    session_id: Option<&str>,
) -> Result<(), AppError> {
    let coordinator = crate::accounts::access::person_by_email(&mut *conn, DEMO_COORDINATOR).await?.map(|(id, _)| id);
    let new = hours_db::NewHours {
        appointment_id: appointment,
        worked_on: day,
        quarter_hours,
        what,
        logged_by: coordinator.as_ref(),
        on_behalf: true,
        session_id,
    };
    let id = hours_db::insert_hours(&mut *conn, &new).await?;
    hours_db::decide(&mut *conn, &id, None, coordinator.as_ref()).await?;
    Ok(())
}

/// Adds the hours and the course once (eight sessions held, the seventh with two co-facilitators with lived
/// experience, and one planned for next week); returns how many sessions were added.
pub async fn seed_hours_and_sessions(
    conn: &mut sqlx::AnyConnection,
    services: &[(&str, ServiceId)],
) -> Result<usize, AppError> {
    let service = |name: &str| services.iter().find(|(n, _)| *n == name).map(|(_, id)| id.clone());
    let (Some(day_service), Some(pd_service)) = (service(DAY_SERVICE), service(PD_SERVICE)) else { return Ok(0) };
    if sessions_db::fetch_course_by_title(&mut *conn, &pd_service, "Understanding emotions").await?.is_some() {
        return Ok(0);
    }
    let today = crate::clock::today_date();
    let iso = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();

    // A year of Tuesday mornings, 4.5 hours each.
    let started = today.checked_sub_months(Months::new(13)).unwrap_or(today);
    if let Some(priya) = appoint(&mut *conn, &day_service, "Day service volunteer", "Priya Nair", &iso(started)).await?
    {
        let mut day = today.checked_sub_months(Months::new(12)).unwrap_or(today);
        while day.weekday() != chrono::Weekday::Tue {
            day += Duration::days(1);
        }
        while day < today {
            approved(&mut *conn, &priya, &iso(day), 18, "The welcome desk and the cooking group", None).await?;
            day += Duration::weeks(1);
        }
    }

    // Eight weekly sessions ending last week; the fifth without the co-facilitator.
    let started = today.checked_sub_months(Months::new(4)).unwrap_or(today);
    let Some(jo) = appoint(&mut *conn, &pd_service, "Peer co-facilitator", "Jo Rivers", &iso(started)).await? else {
        return Ok(0);
    };
    let about = "A recovery-college style course of eight weekly sessions on noticing, naming and living with strong \
                 emotions, co-delivered by a member of staff and a peer co-facilitator with lived experience.";
    let course = sessions_db::insert_course(&mut *conn, &pd_service, "Understanding emotions", about, None).await?;
    let mut added = 0;
    for week in 0..8i64 {
        let held_on = iso(today - Duration::weeks(8 - week) - Duration::days(1));
        let with_jo = week != 4;
        let mut co_facilitators = if with_jo { vec![(Some(jo.clone()), "Jo Rivers".to_owned())] } else { Vec::new() };
        // The seventh with a second co-facilitator with lived experience, a person named.
        if week == 6 {
            co_facilitators.push((None, "Kit Lawson".to_owned()));
        }
        let (patients, others) = (10 - week / 2, 1 + week % 2);
        let new = sessions_db::NewSession {
            course_id: &course,
            planned: false,
            held_on: &held_on,
            starts_at: "10:00",
            ends_at: "12:00",
            place: "The Limes, Room 3",
            patients_attending: patients,
            others_attending: others,
            staff_facilitators: "Dr Ruth Adeyemi",
            feedback_form: "",
            co_facilitators: &co_facilitators,
        };
        let session = sessions_db::insert_session(&mut *conn, &new, None).await?;
        if with_jo {
            let people: Vec<_> = co_facilitators.iter().map(|(_, name)| (None, name.clone())).collect();
            let held = CoDeliveredSessionHeld {
                id: session.as_str(),
                service_id: &pd_service,
                course_title: "Understanding emotions",
                held_on: &held_on,
                starts_at: new.starts_at,
                ends_at: new.ends_at,
                co_facilitators: &people,
                patients_attending: patients,
                others_attending: others,
                staff: 1,
            };
            crate::ledger::api::record(&mut *conn, &held, None).await?;
            approved(&mut *conn, &jo, &held_on, 8, "Co-facilitated Understanding emotions", Some(session.as_str()))
                .await?;
        }
        added += 1;
    }
    // The next session, planned for next week with Jo: shown as planned, in the ledger once marked held.
    let next = iso(today + Duration::weeks(1) - Duration::days(1));
    let planned = sessions_db::NewSession {
        course_id: &course,
        planned: true,
        held_on: &next,
        starts_at: "10:00",
        ends_at: "12:00",
        place: "The Limes, Room 3",
        patients_attending: 0,
        others_attending: 0,
        staff_facilitators: "Dr Ruth Adeyemi",
        feedback_form: "",
        co_facilitators: &[(Some(jo.clone()), "Jo Rivers".to_owned())],
    };
    sessions_db::insert_session(&mut *conn, &planned, None).await?;
    Ok(added + 1)
}
