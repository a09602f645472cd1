//! What Partnership offers other capabilities (never its `db`, server functions, pages or tables): how many
//! panels a service decided in a period and how many outcomes departed from the lived-experience view, for
//! the involvement report's Partnership section.

use sqlx::AnyPool;

use crate::{accounts::types::ServiceId, error::AppError};

/// Panels of a service that sat from `from` up to but not including `until` (`YYYY-MM-DD`, local) and were
/// decided, and of their outcomes how many departed from the lived-experience members' view. Counts of
/// things, not people.
pub async fn panels_decided(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<(i64, i64), AppError> {
    let (panels,): (i64,) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM panel
         WHERE service_id = $1 AND sits_on >= $2 AND sits_on < $3 AND decided_at IS NOT NULL",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_one(pool)
    .await?;
    let (departures,): (i64,) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM panel_candidate c JOIN panel x ON x.id = c.panel_id
         WHERE x.service_id = $1 AND x.sits_on >= $2 AND x.sits_on < $3 AND c.departure_reason <> ''",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_one(pool)
    .await?;
    Ok((panels, departures))
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
