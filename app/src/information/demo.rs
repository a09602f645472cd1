//! Information's demo data: a page for each service, an upcoming open day for each, and a leaflet. Added once.

use crate::accounts::types::{PersonId, ServiceId};
use crate::{
    accounts::demo::{DAY_SERVICE, PD_SERVICE},
    error::AppError,
    ledger::api as ledger_api,
};

/// Demo information pages, an upcoming open day for each service and a leaflet; added once.
pub async fn seed_information(
    conn: &mut sqlx::AnyConnection,
    services: &[(&str, ServiceId)],
    by: &PersonId,
) -> Result<(), AppError> {
    use crate::information::db as info_db;
    let service = |name: &str| services.iter().find(|(n, _)| *n == name).map(|(_, id)| id.clone()).unwrap_or_default();
    let pages = [
        (PD_SERVICE, "about-the-personality-disorder-service", "About the Personality Disorder Service", "Who we are and how we work with you",
         "The Personality Disorder Service offers psychological therapies for adults, including **Dialectical Behaviour Therapy** (DBT) and mentalisation-based groups.\n\n## Working together\n\nTreatment works best when we work on it together. You can also help shape the service itself: see [Get involved](/get-involved).\n\n## Contacting us\n\nCall the team on 01632 960 000, Monday to Friday, 9am to 5pm."),
        (DAY_SERVICE, "groups-at-the-cas-day-service", "Groups at the CAS Day Service", "What happens in each group, and when",
         "## Skills groups\n\nWeekly, in groups of up to 8.\n\n- Tuesday mornings: emotion regulation\n- Thursday afternoons: getting through crises\n\n## Drop-in\n\nEvery Friday from 1pm, with a peer volunteer."),
    ];
    for (service_name, slug, title, summary, body) in pages {
        if !crate::text::slug_taken(&mut *conn, crate::text::SlugKind::InfoPage, slug).await? {
            let fields =
                info_db::PageFields { service_id: &service(service_name), title, summary, body, published: true };
            info_db::insert_page(&mut *conn, slug, &fields, by).await?;
        }
    }
    let in_days =
        |days: i64| (crate::clock::today_date() + chrono::Duration::days(days)).format("%Y-%m-%d").to_string();
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
        let slug = format!("{}-{day}", crate::text::slugify(title));
        if !crate::text::slug_taken(&mut *conn, crate::text::SlugKind::Event, &slug).await? {
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
        let pdf = crate::pdf::one_page("What to expect: a demonstration leaflet");
        let today = crate::clock::today_date().format("%Y-%m-%d").to_string();
        let leaflet = info_db::NewLeaflet {
            service_id: &service(PD_SERVICE),
            title: "What to expect from the service",
            summary: "Your first weeks with the Personality Disorder Service",
            file_name: "what-to-expect.pdf",
            content: &pdf,
            published_on: &today,
        };
        let id = info_db::insert_leaflet(&mut *conn, &leaflet, by).await?;
        let published = crate::information::sources::LeafletPublished {
            id: &id,
            service_id: leaflet.service_id,
            title: leaflet.title,
            summary: leaflet.summary,
            published_on: &today,
        };
        ledger_api::record(&mut *conn, &published, Some(by)).await?;
    }
    Ok(())
}
