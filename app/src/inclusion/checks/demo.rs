//! Checks' demo data (issue 16 §10): the CAS Day Service's list of checks, the day-service volunteer role
//! needing a DBS check, induction and safeguarding training, and its volunteers: Dee Patel and Sam Taylor (the
//! demo volunteer's account, with a supervision session) with every check in date, Jay Rivers whose
//! safeguarding training runs out within 30 days, and Kai Summers whose DBS check has lapsed (paused, "check
//! lapsed"). Added once, after Inclusion's roles; every name is made up.

use chrono::{Duration, NaiveDate};

use super::{
    db::{self, NewCheck, NewCheckKind},
    server::{CHECK_LAPSED, PAUSED_FOR_CHECKS},
    standing::expires_on,
    types::CheckCategory,
};
use crate::accounts::{demo::DAY_SERVICE, types::ServiceId};
use crate::error::AppError;
use crate::inclusion::{
    db as inclusion_db,
    sources::VolunteerAppointed,
    types::{AppointmentStatus, Stage, TakingPartAs},
    validate::ApplicationFields,
};

/// (category, name, months, DBS level, needed by the day-service volunteer role)
const CHECKS: [(CheckCategory, &str, i64, &str, bool); 8] = [
    (CheckCategory::Identity, "Identity", 0, "", false),
    (CheckCategory::RightToWork, "Right to work", 0, "", false),
    (CheckCategory::References, "References", 0, "", false),
    (CheckCategory::Dbs, "DBS check", 36, "enhanced", true),
    (CheckCategory::OccupationalHealth, "Occupational health", 0, "", false),
    (CheckCategory::Induction, "Induction", 0, "", true),
    (CheckCategory::Training, "Safeguarding adults level 1", 12, "", true),
    (CheckCategory::Training, "Fire safety", 12, "", false),
];

/// (name, email, how long ago the DBS certificate was issued, how long ago the safeguarding course was done),
/// in days.
const VOLUNTEERS: [(&str, &str, i64, i64); 3] = [
    ("Sam Taylor", "sam.taylor@demo.example", 200, 90),
    // 12 months less 20 days ago: runs out in about 20 days.
    ("Jay Rivers", "jay.rivers@demo.example", 400, 345),
    // Issued over three years ago: lapsed.
    ("Kai Summers", "kai.summers@demo.example", 3 * 365 + 20, 100),
];

fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// Adds the checks and volunteers once; returns how many volunteers were given checks.
pub async fn seed_checks(conn: &mut sqlx::AnyConnection, services: &[(&str, ServiceId)]) -> Result<usize, AppError> {
    let Some((_, service_id)) = services.iter().find(|(name, _)| *name == DAY_SERVICE) else { return Ok(0) };
    if db::fetch_kind_by_name(&mut *conn, service_id, "DBS check").await?.is_some() {
        return Ok(0);
    }
    let Some(role) = inclusion_db::fetch_role_by_title(&mut *conn, service_id, "Day service volunteer").await? else {
        return Ok(0);
    };
    let mut needed = Vec::new();
    for (category, name, valid_months, dbs_level, is_needed) in CHECKS {
        let kind = NewCheckKind { service_id, category, name, valid_months, dbs_level };
        let id = db::insert_kind(&mut *conn, &kind).await?;
        if is_needed {
            db::set_role_check(&mut *conn, &role.id, &id, true).await?;
            needed.push((id, category, valid_months));
        }
    }
    let today = crate::clock::today_date();
    let starts_on = iso(today - Duration::days(60));
    for (name, email, _, _) in VOLUNTEERS {
        let application = ApplicationFields {
            name: name.into(),
            email: email.into(),
            taking_part_as: "patient".into(),
            why: "I would like to give something back to the day service.".into(),
            availability: "Wednesdays".into(),
            referee1_name: "Sam Referee".into(),
            referee1_contact: "sam.referee@demo.example".into(),
            referee2_name: "Jo Referee".into(),
            referee2_contact: "jo.referee@demo.example".into(),
            consent: "yes".into(),
            ..Default::default()
        }
        .parse()
        .map_err(|e| AppError::internal("demo application", format!("{e:?}")))?;
        let key_hash = crate::accounts::session::hash_token(&crate::accounts::session::new_token());
        let id = inclusion_db::insert_application(&mut *conn, &role.id, &application, &key_hash).await?;
        inclusion_db::set_stage(&mut *conn, &id, Stage::Received, Stage::Appointed).await?;
        let person = crate::accounts::access::person_by_email(&mut *conn, email).await?.map(|(id, _)| id);
        let appointment = inclusion_db::NewAppointment {
            role_id: &role.id,
            application_id: &id,
            person_id: person.as_ref(),
            name,
            taking_part_as: TakingPartAs::Patient,
            starts_on: &starts_on,
        };
        let appointment_id = inclusion_db::insert_appointment(&mut *conn, &appointment, None).await?;
        let appointed = VolunteerAppointed {
            id: &appointment_id,
            role: &role,
            person_id: person.as_ref(),
            name,
            taking_part_as: TakingPartAs::Patient,
            starts_on: &starts_on,
        };
        crate::ledger::api::record(&mut *conn, &appointed, None).await?;
    }
    let mut given = 0;
    for appointment in db::list_appointments_of_role(&mut *conn, &role.id).await? {
        let (dbs_days, training_days) = VOLUNTEERS
            .iter()
            .find(|(name, ..)| *name == appointment.name)
            .map_or((150, 120), |(_, _, dbs, training)| (*dbs, *training));
        for (kind_id, category, months) in &needed {
            let done = today
                - Duration::days(match category {
                    CheckCategory::Dbs => dbs_days,
                    CheckCategory::Training => training_days,
                    _ => 55,
                });
            let expires = expires_on(done, *months).map(iso);
            let number = if *category == CheckCategory::Dbs { "001234567890" } else { "" };
            let check = NewCheck {
                appointment_id: &appointment.id,
                kind_id,
                done_on: &iso(done),
                expires_on: expires.as_deref(),
                certificate_number: number,
            };
            db::insert_check(&mut *conn, &check, None).await?;
        }
        if appointment.name == "Kai Summers" {
            db::set_status(
                &mut *conn,
                &appointment.id,
                AppointmentStatus::Active,
                AppointmentStatus::Paused,
                PAUSED_FOR_CHECKS,
                CHECK_LAPSED,
            )
            .await?;
        }
        if appointment.name == "Sam Taylor" {
            let supervisor = db::staff_of_service(&mut *conn, service_id).await?.into_iter().next();
            if let Some((supervisor, _)) = supervisor {
                db::set_supervisor(&mut *conn, &appointment.id, Some(&supervisor)).await?;
                let held_on = iso(today - Duration::days(14));
                db::insert_supervision(
                    &mut *conn,
                    &appointment.id,
                    &supervisor,
                    &held_on,
                    "Settling in well; talked about pacing the day.",
                )
                .await?;
            }
        }
        given += 1;
    }
    Ok(given)
}
