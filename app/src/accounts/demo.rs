//! Accounts' demo data: the two demo services and clearly fictional people at `demo.example` (a domain
//! reserved for examples, so no mail can reach a real person), with their roles. Runs first: every other
//! capability's demo data belongs to these services.

use super::{
    db as accounts_db, password,
    types::{PersonId, Role, ServiceId},
};
use crate::{db::now, error::AppError};

/// The password of every demo account, printed when seeding.
pub const DEMO_PASSWORD: &str = "demo-password-2026";

pub const PD_SERVICE: &str = "Personality Disorder Service";
pub const DAY_SERVICE: &str = "CAS Day Service";

/// (email, name, administrator, roles as (service, role))
type DemoPerson = (&'static str, &'static str, bool, &'static [(&'static str, Role)]);

const PEOPLE: &[DemoPerson] = &[
    ("admin@demo.example", "Alex Morgan (demo administrator)", true, &[]),
    (
        "priya.shah@demo.example",
        "Dr Priya Shah",
        false,
        &[(PD_SERVICE, Role::Manager), (PD_SERVICE, Role::SteeringMember)],
    ),
    ("tom.walsh@demo.example", "Tom Walsh", false, &[(PD_SERVICE, Role::Staff), (DAY_SERVICE, Role::Staff)]),
    ("grace.okafor@demo.example", "Grace Okafor", false, &[(DAY_SERVICE, Role::Manager), (DAY_SERVICE, Role::Staff)]),
    (
        "jamie.reed@demo.example",
        "Jamie Reed",
        false,
        &[(PD_SERVICE, Role::Patient), (PD_SERVICE, Role::SteeringMember)],
    ),
    ("sam.taylor@demo.example", "Sam Taylor", false, &[(DAY_SERVICE, Role::Patient), (DAY_SERVICE, Role::Volunteer)]),
    ("morgan.lee@demo.example", "Morgan Lee", false, &[(PD_SERVICE, Role::Patient)]),
    ("chris.evans@demo.example", "Chris Evans", false, &[(PD_SERVICE, Role::Carer)]),
    ("robin.hughes@demo.example", "Robin Hughes", false, &[(PD_SERVICE, Role::SteeringMember)]),
];

/// The demo services as (name, id), and the demo administrator's id, for every other capability's demo.
#[derive(Clone, Debug)]
pub struct Demo {
    pub services: Vec<(&'static str, ServiceId)>,
    pub by: PersonId,
}

/// Adds the demo services and people (running it again adds nothing twice); returns them and how many
/// accounts were new.
pub async fn seed(conn: &mut sqlx::AnyConnection) -> Result<(Demo, usize), AppError> {
    let hash = password::hash_password(DEMO_PASSWORD).await?;
    let now_text = now();
    let mut service_ids = Vec::new();
    for name in [PD_SERVICE, DAY_SERVICE] {
        let id = match accounts_db::fetch_service_by_name(&mut *conn, name).await? {
            Some(existing) => existing.id,
            None => accounts_db::insert_service(&mut *conn, name, &now_text).await?,
        };
        service_ids.push((name, id));
    }
    let mut added = 0;
    for (email, name, is_admin, roles) in PEOPLE {
        let person_id = match accounts_db::fetch_person_by_email(&mut *conn, email).await? {
            Some(existing) => existing.id,
            None => {
                added += 1;
                let person = accounts_db::NewPerson { email, name, password_hash: Some(&hash), is_admin: *is_admin };
                accounts_db::insert_person(&mut *conn, &person, &now_text).await?
            }
        };
        for (service, role) in *roles {
            if let Some((_, service_id)) = service_ids.iter().find(|(n, _)| n == service) {
                accounts_db::insert_role_grant(&mut *conn, &person_id, service_id, *role, &now_text).await?;
            }
        }
    }
    let by =
        accounts_db::fetch_person_by_email(&mut *conn, "admin@demo.example").await?.map(|p| p.id).unwrap_or_default();
    Ok((Demo { services: service_ids, by }, added))
}

/// One line per demo person: email, name and roles, for the command's output.
pub fn people_lines() -> Vec<String> {
    PEOPLE
        .iter()
        .map(|(email, name, is_admin, roles)| {
            let what: Vec<String> = roles.iter().map(|(s, r)| format!("{r} in {s}")).collect();
            let what = if *is_admin { "Administrator".to_owned() } else { what.join("; ") };
            format!("  {email:<28} {name} — {what}")
        })
        .collect()
}
