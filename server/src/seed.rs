//! `continuum seed-demo`: clearly fictional demonstration data. Every name is invented and every address
//! is at `demo.example`, a domain reserved for examples, so no mail can reach a real person.

use app::{
    accounts::{db as accounts_db, password, types::Role},
    db::now,
    ledger::{
        db::{self as ledger_db, NewActivity},
        types::{ActivityKind, ContinuumLevel, Participants},
    },
};
use sqlx::AnyPool;

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

/// A year of involvement, as (months ago, day of month, service, level, kind, title, patients, carers, staff,
/// others, outcome). Months ago counts back from the current month, so the demo always shows a recent year.
type DemoActivity =
    (u32, u32, &'static str, ContinuumLevel, ActivityKind, &'static str, i64, i64, i64, i64, &'static str);

const ACTIVITIES: &[DemoActivity] = &[
    (
        11,
        6,
        PD_SERVICE,
        ContinuumLevel::Information,
        ActivityKind::Leaflet,
        "New \"What to expect from the service\" leaflet",
        40,
        10,
        0,
        0,
        "Leaflet given to everyone referred this quarter.",
    ),
    (
        11,
        20,
        DAY_SERVICE,
        ContinuumLevel::Information,
        ActivityKind::OpenDay,
        "Winter open day at the day service",
        12,
        6,
        5,
        2,
        "Four people asked about volunteering.",
    ),
    (
        10,
        3,
        PD_SERVICE,
        ContinuumLevel::Consultation,
        ActivityKind::FeedbackForm,
        "DBT skills group end-of-module feedback",
        14,
        0,
        0,
        0,
        "Shorter homework sheets from the next module.",
    ),
    (
        10,
        17,
        PD_SERVICE,
        ContinuumLevel::Participation,
        ActivityKind::SteeringGroupMeeting,
        "Steering group: January meeting",
        4,
        1,
        4,
        1,
        "Agreed to review the waiting-list letter.",
    ),
    (
        9,
        8,
        DAY_SERVICE,
        ContinuumLevel::Inclusion,
        ActivityKind::VolunteerRole,
        "Peer volunteer joins Tuesday drop-in",
        1,
        0,
        1,
        0,
        "Drop-in now has a peer volunteer every week.",
    ),
    (
        9,
        22,
        PD_SERVICE,
        ContinuumLevel::Consultation,
        ActivityKind::FocusGroup,
        "Focus group on crisis plans",
        7,
        2,
        2,
        0,
        "Crisis plan template rewritten with patients' wording.",
    ),
    (
        8,
        5,
        PD_SERVICE,
        ContinuumLevel::Partnership,
        ActivityKind::InterviewPanel,
        "Interview panel for a psychologist post",
        2,
        0,
        3,
        0,
        "Patient panel members' scores counted equally.",
    ),
    (
        8,
        19,
        DAY_SERVICE,
        ContinuumLevel::Consultation,
        ActivityKind::FeedbackForm,
        "Day service Friends and Family Test",
        23,
        4,
        0,
        0,
        "More evening groups requested; two added.",
    ),
    (
        7,
        12,
        PD_SERVICE,
        ContinuumLevel::Participation,
        ActivityKind::SteeringGroupMeeting,
        "Steering group: March meeting",
        5,
        1,
        4,
        1,
        "Waiting-list letter rewritten and approved.",
    ),
    (
        7,
        26,
        DAY_SERVICE,
        ContinuumLevel::Inclusion,
        ActivityKind::CoDeliveredSession,
        "Co-delivered session: understanding emotions",
        9,
        0,
        1,
        0,
        "Session co-facilitated by a former patient.",
    ),
    (
        6,
        9,
        PD_SERVICE,
        ContinuumLevel::Information,
        ActivityKind::OpenDay,
        "Spring open day",
        18,
        7,
        6,
        3,
        "Carers asked for a carers' information evening.",
    ),
    (
        6,
        23,
        DAY_SERVICE,
        ContinuumLevel::Participation,
        ActivityKind::SteeringGroupMeeting,
        "Day service user forum",
        11,
        0,
        2,
        0,
        "Forum chose the new group timetable.",
    ),
    (
        5,
        14,
        PD_SERVICE,
        ContinuumLevel::Inclusion,
        ActivityKind::CoDeliveredSession,
        "Co-delivered staff training on validation",
        2,
        0,
        15,
        0,
        "Staff rated the patient-led part most useful.",
    ),
    (
        5,
        28,
        DAY_SERVICE,
        ContinuumLevel::Partnership,
        ActivityKind::InterviewPanel,
        "Interview panel for the volunteer post",
        3,
        0,
        2,
        0,
        "Volunteer appointed by a joint panel.",
    ),
    (
        4,
        4,
        PD_SERVICE,
        ContinuumLevel::Consultation,
        ActivityKind::FeedbackForm,
        "Mentalisation group feedback",
        10,
        0,
        0,
        0,
        "Group start time moved later.",
    ),
    (
        4,
        18,
        PD_SERVICE,
        ContinuumLevel::Information,
        ActivityKind::Other,
        "Carers' information evening",
        0,
        16,
        3,
        0,
        "Carers' support group set up.",
    ),
    (
        3,
        7,
        DAY_SERVICE,
        ContinuumLevel::Information,
        ActivityKind::Leaflet,
        "Day service timetable leaflet",
        30,
        0,
        0,
        0,
        "Printed and put online.",
    ),
    (
        3,
        21,
        PD_SERVICE,
        ContinuumLevel::Participation,
        ActivityKind::SteeringGroupMeeting,
        "Steering group: July meeting",
        6,
        1,
        4,
        2,
        "Agreed priorities for next year.",
    ),
    (
        2,
        10,
        DAY_SERVICE,
        ContinuumLevel::Consultation,
        ActivityKind::FocusGroup,
        "Focus group on the new building",
        8,
        3,
        2,
        0,
        "Quiet room added to the plans.",
    ),
    (
        2,
        24,
        PD_SERVICE,
        ContinuumLevel::Inclusion,
        ActivityKind::VolunteerRole,
        "Expert by experience joins the reading group",
        1,
        0,
        0,
        0,
        "Reading group co-led every month.",
    ),
    (
        1,
        6,
        PD_SERVICE,
        ContinuumLevel::Partnership,
        ActivityKind::InterviewPanel,
        "Interview panel for the service manager post",
        2,
        1,
        3,
        0,
        "New manager appointed with patient panel members.",
    ),
    (
        1,
        20,
        DAY_SERVICE,
        ContinuumLevel::Inclusion,
        ActivityKind::CoDeliveredSession,
        "Co-delivered session: coping with crises",
        12,
        0,
        1,
        0,
        "Session now runs every term.",
    ),
    (
        0,
        2,
        PD_SERVICE,
        ContinuumLevel::Consultation,
        ActivityKind::FeedbackForm,
        "DBT skills group end-of-module feedback",
        15,
        0,
        0,
        0,
        "Module handbook made shorter.",
    ),
    (
        0,
        3,
        DAY_SERVICE,
        ContinuumLevel::Information,
        ActivityKind::OpenDay,
        "Autumn open day at the day service",
        16,
        8,
        5,
        1,
        "Three new referrals asked about groups.",
    ),
];

/// Adds the demo year of ledger activities, once: each is recorded against a `demo` source so a second run
/// updates rather than duplicates.
async fn seed_activities(conn: &mut sqlx::AnyConnection, services: &[(&str, String)]) -> anyhow::Result<usize> {
    use chrono::{Datelike, NaiveDate};
    let today = chrono::Utc::now().date_naive();
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap_or(today);
    let mut added = 0;
    for (index, (months_ago, day, service, level, kind, title, patients, carers, staff, others, outcome)) in
        ACTIVITIES.iter().enumerate()
    {
        let Some((_, service_id)) = services.iter().find(|(n, _)| n == service) else { continue };
        let month = this_month.checked_sub_months(chrono::Months::new(*months_ago)).unwrap_or(this_month);
        // Clamp to the month's length and never into the future.
        let happened =
            (0..4).find_map(|back| month.with_day(day.saturating_sub(back).max(1))).unwrap_or(month).min(today);
        let activity = NewActivity {
            service_id: service_id.clone(),
            level: *level,
            kind: *kind,
            title: (*title).to_owned(),
            happened_on: happened.format("%Y-%m-%d").to_string(),
            participants: Participants { patients: *patients, carers: *carers, staff: *staff, others: *others },
            purpose: String::new(),
            outcome: (*outcome).to_owned(),
            recorded_by: None,
        };
        ledger_db::record(&mut *conn, &activity, "demo", &format!("activity-{index}")).await?;
        added += 1;
    }
    Ok(added)
}

/// A one-page PDF saying it is a demonstration leaflet, built by hand so the demo needs no files.
fn demo_leaflet_pdf() -> Vec<u8> {
    let text = "BT /F1 24 Tf 72 720 Td (What to expect: a demonstration leaflet) Tj ET";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{text}\nendstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{object}\nendobj\n", n + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
    for offset in offsets {
        pdf.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.push_str(&format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1));
    pdf.into_bytes()
}

/// Demo information pages, an upcoming open day for each service and a leaflet; added once.
async fn seed_information(conn: &mut sqlx::AnyConnection, services: &[(&str, String)], by: &str) -> anyhow::Result<()> {
    use app::information::db as info_db;
    let service = |name: &str| services.iter().find(|(n, _)| *n == name).map(|(_, id)| id.clone()).unwrap_or_default();
    let pages = [
        (PD_SERVICE, "about-the-personality-disorder-service", "About the Personality Disorder Service", "Who we are and how we work with you",
         "The Personality Disorder Service offers psychological therapies for adults, including **Dialectical Behaviour Therapy** (DBT) and mentalisation-based groups.\n\n## Working together\n\nTreatment works best when we work on it together. You can also help shape the service itself: see [Get involved](/get-involved).\n\n## Contacting us\n\nCall the team on 01632 960 000, Monday to Friday, 9am to 5pm."),
        (DAY_SERVICE, "groups-at-the-cas-day-service", "Groups at the CAS Day Service", "What happens in each group, and when",
         "## Skills groups\n\nWeekly, in groups of up to 8.\n\n- Tuesday mornings: emotion regulation\n- Thursday afternoons: getting through crises\n\n## Drop-in\n\nEvery Friday from 1pm, with a peer volunteer."),
    ];
    for (service_name, slug, title, summary, body) in pages {
        if !info_db::slug_taken(&mut *conn, "info_page", slug).await? {
            let fields =
                info_db::PageFields { service_id: &service(service_name), title, summary, body, published: true };
            info_db::insert_page(&mut *conn, slug, &fields, by).await?;
        }
    }
    let in_days =
        |days: i64| (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).format("%Y-%m-%d").to_string();
    let events = [
        (
            DAY_SERVICE,
            "Open day at the CAS Day Service",
            14,
            "CAS Day Service, 12 Mill Lane, Northshire (step-free entrance)",
            25,
        ),
        (PD_SERVICE, "Carers' information evening", 21, "Room 2, The Willows, Northshire General Hospital", 15),
    ];
    for (service_name, title, days, place, capacity) in events {
        let day = in_days(days);
        let slug = format!("{}-{day}", app::information::types::slugify(title));
        if !info_db::slug_taken(&mut *conn, "event", &slug).await? {
            let (starts, ends) = (format!("{day}T17:30"), format!("{day}T19:30"));
            let fields = info_db::EventFields {
                service_id: &service(service_name),
                title,
                description: "Meet the team, see where groups happen, and ask anything. Tea and coffee provided.",
                starts_at: &starts,
                ends_at: &ends,
                place,
                capacity,
            };
            info_db::insert_event(&mut *conn, &slug, &fields, by).await?;
        }
    }
    let leaflets: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM leaflet").fetch_one(&mut *conn).await?;
    if leaflets == 0 {
        let pdf = demo_leaflet_pdf();
        let today = chrono::Utc::now().date_naive().format("%Y-%m-%d").to_string();
        let leaflet = info_db::NewLeaflet {
            service_id: &service(PD_SERVICE),
            title: "What to expect from the service",
            summary: "Your first weeks with the Personality Disorder Service",
            file_name: "what-to-expect.pdf",
            content: &pdf,
            published_on: &today,
        };
        info_db::insert_leaflet(&mut *conn, &leaflet, by).await?;
    }
    Ok(())
}

/// Adds the demo services and people; running it again adds nothing twice.
pub async fn seed_demo(pool: &AnyPool) -> anyhow::Result<()> {
    let hash = password::hash_password(DEMO_PASSWORD).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let now_text = now();
    let mut tx = pool.begin().await?;
    let mut service_ids = Vec::new();
    for name in [PD_SERVICE, DAY_SERVICE] {
        let id = match accounts_db::fetch_service_by_name(&mut *tx, name).await? {
            Some(existing) => existing.id,
            None => accounts_db::insert_service(&mut *tx, name, &now_text).await?,
        };
        service_ids.push((name, id));
    }
    let mut added = 0;
    for (email, name, is_admin, roles) in PEOPLE {
        let person_id = match accounts_db::fetch_person_by_email(&mut *tx, email).await? {
            Some(existing) => existing.id,
            None => {
                added += 1;
                let person = accounts_db::NewPerson { email, name, password_hash: Some(&hash), is_admin: *is_admin };
                accounts_db::insert_person(&mut *tx, &person, &now_text).await?
            }
        };
        for (service, role) in *roles {
            if let Some((_, service_id)) = service_ids.iter().find(|(n, _)| n == service) {
                accounts_db::insert_role_grant(&mut *tx, &person_id, service_id, *role, &now_text).await?;
            }
        }
    }
    let added_activities = seed_activities(&mut tx, &service_ids).await?;
    let admin_id =
        accounts_db::fetch_person_by_email(&mut *tx, "admin@demo.example").await?.map(|p| p.id).unwrap_or_default();
    seed_information(&mut tx, &service_ids, &admin_id).await?;
    tx.commit().await?;
    println!("The ledger holds a year of demo involvement activities ({added_activities}).");
    println!("Demo data is in place ({added} new accounts). Every demo account's password is: {DEMO_PASSWORD}\n");
    for (email, name, is_admin, roles) in PEOPLE {
        let what: Vec<String> = roles.iter().map(|(s, r)| format!("{r} in {s}")).collect();
        let what = if *is_admin { "Administrator".to_owned() } else { what.join("; ") };
        println!("  {email:<28} {name} — {what}");
    }
    Ok(())
}
