//! Inclusion's demo data: two recruiting roles — a day-service volunteer in the CAS Day Service and a peer
//! co-facilitator (a lived-experience role) in the Personality Disorder Service — with applications at every
//! stage, the appointed one recorded in the ledger as production records it, and the one at interview linked
//! to an interview panel for its role (made through partnership's published API). Added once. Every name, address
//! and number is made up.

use super::{
    db,
    sources::VolunteerAppointed,
    types::{Stage, TakingPartAs},
    validate::{ApplicationFields, RoleFields},
};
use crate::accounts::{
    demo::{DAY_SERVICE, PD_SERVICE},
    types::ServiceId,
};
use crate::error::AppError;

/// (service, title, duties, time asked, where, support, lived experience)
const ROLES: [(&str, &str, &str, &str, &str, &str, &str); 2] = [
    (
        DAY_SERVICE,
        "Day service volunteer",
        "Welcome people as they arrive, make drinks, join in with the art and cooking groups, and help keep the \
         day room a calm, friendly place.",
        "One day a week, 10:00 to 15:00",
        "The CAS Day Service, Orchard House",
        "An induction, a named supervisor, and supervision once a month",
        "no",
    ),
    (
        PD_SERVICE,
        "Peer co-facilitator",
        "Co-facilitate the 'Understanding emotions' education course with a member of staff, bringing your own \
         experience of recovery.",
        "Two hours a week for eight weeks, plus preparation",
        "The Limes, Room 3",
        "Co-facilitator training, a debrief after every session, and supervision every fortnight",
        "yes",
    ),
];

/// (role index, name, email, as, stage)
const APPLICANTS: [(usize, &str, &str, &str, Stage); 9] = [
    (0, "Alex Morgan", "alex.morgan@demo.example", "patient", Stage::Received),
    (0, "Bea Turner", "", "other", Stage::Shortlisted),
    (0, "Cal Edwards", "cal.edwards@demo.example", "carer", Stage::Interview),
    (0, "Dee Patel", "dee.patel@demo.example", "patient", Stage::Appointed),
    (0, "Eli Brooks", "eli.brooks@demo.example", "other", Stage::NotTakenForward),
    (1, "Fern Ahmed", "fern.ahmed@demo.example", "patient", Stage::Offered),
    (1, "Gus O'Neill", "gus.oneill@demo.example", "patient", Stage::Checks),
    (1, "Hana Kowalski", "hana.kowalski@demo.example", "carer", Stage::Withdrawn),
    (1, "Ivo Grant", "", "patient", Stage::Received),
];

/// Adds the roles and their applications once; returns how many applications were added.
pub async fn seed_inclusion(conn: &mut sqlx::AnyConnection, services: &[(&str, ServiceId)]) -> Result<usize, AppError> {
    let mut roles = Vec::new();
    for (service, title, duties, time, place, support, lived) in ROLES {
        let Some((_, service_id)) = services.iter().find(|(name, _)| *name == service) else { return Ok(0) };
        if db::fetch_role_by_title(&mut *conn, service_id, title).await?.is_some() {
            return Ok(0);
        }
        let role = RoleFields {
            title: title.into(),
            duties: duties.into(),
            time_asked: time.into(),
            place: place.into(),
            support: support.into(),
            expenses: "Travel and lunch, out of pocket only".into(),
            lived_experience: lived.into(),
            posts: "2".into(),
            state: "recruiting".into(),
        }
        .parse()
        .map_err(|e| AppError::internal("demo role", format!("{e:?}")))?;
        let slug =
            crate::text::free_slug(&mut *conn, crate::text::SlugKind::VolunteerRole, &crate::text::slugify(title))
                .await?;
        let id = db::insert_role(&mut *conn, service_id, &slug, &role, None).await?;
        roles.push(db::fetch_role(&mut *conn, &id).await?.ok_or(AppError::NotFound)?);
    }
    let mut added = 0;
    for (index, name, email, part, stage) in APPLICANTS {
        let Some(role) = roles.get(index) else { continue };
        let application = ApplicationFields {
            name: name.into(),
            email: email.into(),
            phone: if email.is_empty() { "07700 900 123".into() } else { String::new() },
            taking_part_as: part.into(),
            why: "I have been helped by the service and would like to give something back.".into(),
            availability: "Tuesdays and Thursdays".into(),
            referee1_name: "Sam Referee".into(),
            referee1_contact: "sam.referee@demo.example".into(),
            referee2_name: "Jo Referee".into(),
            referee2_contact: "07700 900 456".into(),
            consent: "yes".into(),
            ..Default::default()
        }
        .parse()
        .map_err(|e| AppError::internal("demo application", format!("{e:?}")))?;
        // A key nobody has: the demo applicants have no status link.
        let key_hash = crate::accounts::session::hash_token(&crate::accounts::session::new_token());
        let id = db::insert_application(&mut *conn, &role.id, &application, &key_hash).await?;
        if stage != Stage::Received {
            db::set_stage(&mut *conn, &id, Stage::Received, stage).await?;
        }
        if stage == Stage::Interview {
            // Linked to an interview panel for the role, set up through partnership's published API, a week on.
            let sits_on = (crate::clock::today_date() + chrono::Duration::days(7)).format("%Y-%m-%d").to_string();
            let panel = crate::partnership::api::demo_volunteer_role_panel(
                &mut *conn,
                &role.service_id,
                role.id.as_str(),
                &role.title,
                &sits_on,
            )
            .await?;
            db::set_interview_panel(&mut *conn, &id, Some(&panel)).await?;
        }
        if stage == Stage::Appointed {
            let starts_on = (crate::clock::today_date() - chrono::Duration::days(30)).format("%Y-%m-%d").to_string();
            let taking_part_as: TakingPartAs = part.parse().unwrap_or(TakingPartAs::Other);
            let appointment = db::NewAppointment {
                role_id: &role.id,
                application_id: &id,
                person_id: None,
                name,
                taking_part_as,
                starts_on: &starts_on,
            };
            let appointment_id = db::insert_appointment(&mut *conn, &appointment, None).await?;
            let appointed = VolunteerAppointed {
                id: &appointment_id,
                role,
                person_id: None,
                name,
                taking_part_as,
                starts_on: &starts_on,
            };
            crate::ledger::api::record(&mut *conn, &appointed, None).await?;
        }
        added += 1;
    }
    Ok(added)
}
