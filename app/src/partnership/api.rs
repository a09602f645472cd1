//! What Partnership offers other capabilities (never its `db`, server functions, pages or tables): the
//! involvement report's Partnership figures — panels a service sat, how many had a lived-experience member,
//! how many outcomes departed from the lived-experience view, and its involvement payments — and, in a block
//! of its own below, the panels inclusion's interview stage links an application to.

use sqlx::AnyPool;

use crate::{accounts::types::ServiceId, error::AppError};

/// A service's interview panels in a period, as counts of things (not people).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PanelFigures {
    /// Panels that sat in the period and are decided (every candidate has an outcome).
    pub panels: i64,
    /// Of those, the panels with at least one lived-experience member (a patient or carer from the pool).
    pub with_lived_experience: i64,
    /// Outcomes of those panels that departed from the lived-experience members' view (recorded with a
    /// reason); counted on the panel when recorded, so still counted after the candidates are deleted.
    pub departures: i64,
}

impl PanelFigures {
    /// Adds another service's figures (the report's "All services").
    pub fn add(&mut self, other: &PanelFigures) {
        self.panels += other.panels;
        self.with_lived_experience += other.with_lived_experience;
        self.departures += other.departures;
    }
}

/// Panels of a service that sat from `from` up to but not including `until` (`YYYY-MM-DD`, local) and were
/// decided: how many, how many with a lived-experience member, and how many of their outcomes departed from
/// the lived-experience members' view. Counts of things, not people. Errors: a database failure
/// (`AppError::Internal`, logged).
pub async fn panels_decided(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<PanelFigures, AppError> {
    let mut conn = pool.acquire().await?;
    Ok(super::db::count_panels_decided(&mut conn, service_id, from, until).await?)
}

/// A service's involvement payments for the activities that happened in a period: the offers made for them
/// and what became of them by now. Money is integer pence; counts of offers are counts of things, counts of
/// people are for the report to suppress (each person counted once per service).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PaymentFigures {
    /// Offers made, and their amounts in all (pence).
    pub offers: i64,
    pub offered_pence: i64,
    /// Offers accepted (at the amount offered or lower), and the amounts accepted (pence).
    pub accepted: i64,
    pub accepted_pence: i64,
    /// Offers declined.
    pub declined: i64,
    /// Accepted offers marked paid, and the amounts paid (pence).
    pub paid: i64,
    pub paid_pence: i64,
    /// People made an offer, people who accepted one, and people paid (counts of people: suppress them).
    pub people_offered: i64,
    pub people_accepted: i64,
    pub people_paid: i64,
    /// Whether a service summed in has 1 to 4 people offered, accepting or paid (each apart): its money is
    /// not shown on its own report, so a sum over services holding it withholds that money too, or the sum
    /// less the other services' amounts would give it away. Set by [`PaymentFigures::add`].
    pub small_groups: [bool; 3],
}

impl PaymentFigures {
    /// Adds another service's figures (the report's "All services"); a person paid by two services counts
    /// in each.
    pub fn add(&mut self, o: &PaymentFigures) {
        let small = |n: i64| (1..5).contains(&n);
        let theirs = [o.people_offered, o.people_accepted, o.people_paid];
        for (mine, (n, was)) in self.small_groups.iter_mut().zip(theirs.into_iter().zip(o.small_groups)) {
            *mine = *mine || was || small(n);
        }
        self.offers += o.offers;
        self.offered_pence += o.offered_pence;
        self.accepted += o.accepted;
        self.accepted_pence += o.accepted_pence;
        self.declined += o.declined;
        self.paid += o.paid;
        self.paid_pence += o.paid_pence;
        self.people_offered += o.people_offered;
        self.people_accepted += o.people_accepted;
        self.people_paid += o.people_paid;
    }
}

/// Involvement payments of a service for activities that happened from `from` up to but not including
/// `until` (`YYYY-MM-DD`, local): offers made, accepted, declined and paid by now, their amounts summed as
/// integer pence, and the people offered, accepting and paid. Errors: a database failure
/// (`AppError::Internal`, logged).
pub async fn payment_figures(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<PaymentFigures, AppError> {
    let mut conn = pool.acquire().await?;
    Ok(super::payments::db::payment_figures(&mut conn, service_id, from, until).await?)
}

// ---- for inclusion's interview stage (issue 16 §3) -------------------------------------------------------
// A block of its own: inclusion links an application at interview to one of these panels, and shows the
// panel and, once recorded, its outcome for the applicant on the application's page. The outcome itself
// reaches inclusion by one path only: recording it calls `inclusion::api::panel_outcome`.

/// A panel as an application's page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanelForApplication {
    /// The panel's id (its page is `/partnership/panels/<id>`).
    pub id: String,
    /// Local date `YYYY-MM-DD` and time `HH:MM` it sits, and where.
    pub sits_on: String,
    pub sits_at: String,
    pub place: String,
    /// Every outcome recorded (the panel is closed to members).
    pub decided: bool,
    /// Candidates' data deleted after the panel's retention period.
    pub data_deleted: bool,
    /// The applicant is one of its candidates (added by the panel's organisers, with their pack).
    pub candidate: bool,
    /// The panel's outcome for the applicant once recorded, in words ("Appoint", "Do not appoint", "Reserve").
    pub outcome: Option<String>,
}

/// The undecided panels of `service_id` for the volunteer role `role_id`, as `(panel id, "12 January 2027,
/// 10:00, Orchard House")`, soonest first: the panels an application for that role may be linked to.
pub async fn panels_for_role(
    conn: &mut sqlx::AnyConnection,
    service_id: &ServiceId,
    role_id: &str,
) -> Result<Vec<(String, String)>, AppError> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT id, sits_on, sits_at, place FROM panel
         WHERE service_id = $1 AND post_kind = 'volunteer_role' AND volunteer_role_id = $2 AND decided_at IS NULL
         ORDER BY sits_on, sits_at",
    )
    .bind(service_id)
    .bind(role_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, on, at, place)| (id, format!("{}, {at}, {place}", crate::dates::readable_day(&on))))
        .collect())
}

/// The panel an application is linked to (`linked`, a panel of `service_id`) or, failing that, the panel of
/// the service that has the application among its candidates; with the panel's outcome for it once recorded.
/// `None` when neither.
pub async fn panel_for_application(
    conn: &mut sqlx::AnyConnection,
    service_id: &ServiceId,
    application_id: &str,
    linked: Option<&str>,
) -> Result<Option<PanelForApplication>, AppError> {
    type Row = (String, String, String, String, Option<String>, Option<String>);
    const SELECT: &str = "SELECT id, sits_on, sits_at, place, decided_at, data_deleted_at FROM panel";
    let mut row: Option<Row> = None;
    if let Some(linked) = linked {
        row = sqlx::query_as(&format!("{SELECT} WHERE id = $1 AND service_id = $2"))
            .bind(linked)
            .bind(service_id)
            .fetch_optional(&mut *conn)
            .await?;
    }
    if row.is_none() {
        row = sqlx::query_as(&format!(
            "{SELECT} WHERE service_id = $1 AND id IN (SELECT panel_id FROM panel_candidate WHERE application_id = $2)
             ORDER BY sits_on DESC, sits_at DESC LIMIT 1"
        ))
        .bind(service_id)
        .bind(application_id)
        .fetch_optional(&mut *conn)
        .await?;
    }
    let Some((id, sits_on, sits_at, place, decided_at, data_deleted_at)) = row else { return Ok(None) };
    let candidate: Option<(Option<String>,)> =
        sqlx::query_as("SELECT outcome FROM panel_candidate WHERE panel_id = $1 AND application_id = $2 LIMIT 1")
            .bind(&id)
            .bind(application_id)
            .fetch_optional(&mut *conn)
            .await?;
    let outcome = candidate
        .as_ref()
        .and_then(|(o,)| o.as_deref())
        .and_then(|o| o.parse::<super::types::Outcome>().ok())
        .map(|o| o.label().to_owned());
    Ok(Some(PanelForApplication {
        id,
        sits_on,
        sits_at,
        place,
        decided: decided_at.is_some(),
        data_deleted: data_deleted_at.is_some(),
        candidate: candidate.is_some(),
        outcome,
    }))
}

/// For inclusion's demo data: a panel of `service_id` for its volunteer role `role_id` (titled `role_title`)
/// sitting on `sits_on` (`YYYY-MM-DD`, local) at 14:00 in the day service, with no criteria or members yet (the
/// demo's organisers would add them); returns its id.
pub async fn demo_volunteer_role_panel(
    conn: &mut sqlx::AnyConnection,
    service_id: &ServiceId,
    role_id: &str,
    role_title: &str,
    sits_on: &str,
) -> Result<String, AppError> {
    let row = super::db::NewPanelRow {
        service_id,
        post_kind: super::types::PostKind::VolunteerRole,
        post_title: role_title,
        volunteer_role_id: Some(role_id),
        sits_on,
        sits_at: "14:00",
        place: "Orchard House, the quiet room",
    };
    Ok(super::db::insert_panel(conn, &row, None).await?.to_string())
}
