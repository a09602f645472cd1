//! All of the ledger's SQL, including `record`, the one function other capabilities call inside their own
//! transaction when something they manage is an involvement activity.

use crate::accounts::types::{PersonId, ServiceId};
use crate::ledger::types::ActivityId;
use sqlx::{Any, Executor, FromRow};

use super::types::{Activity, ActivityKind, ContinuumLevel, Participants};

/// An activity about to be written: by hand from the ledger's form, or by another capability.
#[derive(Clone, Debug)]
pub struct NewActivity {
    pub service_id: ServiceId,
    pub level: ContinuumLevel,
    pub kind: ActivityKind,
    pub title: String,
    /// `YYYY-MM-DD`
    pub happened_on: String,
    pub participants: Participants,
    pub purpose: String,
    pub outcome: String,
    pub recorded_by: Option<PersonId>,
}

/// Which ledger rows a list shows.
#[derive(Clone, Debug, Default)]
pub struct ActivityFilter {
    /// The services the reader may see; never empty (an empty list would mean "all").
    pub service_ids: Vec<ServiceId>,
    pub level: Option<ContinuumLevel>,
    pub kind: Option<ActivityKind>,
    /// Inclusive, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Inclusive, `YYYY-MM-DD`.
    pub to: Option<String>,
}

#[derive(FromRow)]
struct ActivityRow {
    id: ActivityId,
    service_id: ServiceId,
    service_name: String,
    level: String,
    kind: String,
    title: String,
    happened_on: String,
    patients: i64,
    carers: i64,
    staff: i64,
    others: i64,
    purpose: String,
    outcome: String,
    recorded_by_name: Option<String>,
    source_type: Option<String>,
    source_id: Option<String>,
    updated_at: String,
}

impl ActivityRow {
    fn into_activity(self) -> Result<Activity, sqlx::Error> {
        let decode = |e: String| sqlx::Error::Decode(e.into());
        Ok(Activity {
            id: self.id,
            service_id: self.service_id,
            service_name: self.service_name,
            level: self.level.parse().map_err(decode)?,
            kind: self.kind.parse().map_err(decode)?,
            title: self.title,
            happened_on: self.happened_on,
            participants: Participants {
                patients: self.patients,
                carers: self.carers,
                staff: self.staff,
                others: self.others,
            },
            purpose: self.purpose,
            outcome: self.outcome,
            recorded_by: self.recorded_by_name,
            source: self.source_type.zip(self.source_id),
            updated_at: self.updated_at,
        })
    }
}

const ACTIVITY_SELECT: &str =
    "SELECT a.id, a.service_id, s.name AS service_name, a.level, a.kind, a.title, a.happened_on,
        a.patients, a.carers, a.staff, a.others, a.purpose, a.outcome, p.display_name AS recorded_by_name,
        a.source_type, a.source_id, a.updated_at
     FROM activity a JOIN service s ON s.id = a.service_id LEFT JOIN person p ON p.id = a.recorded_by";

/// Records an activity by hand and returns its id.
pub async fn insert_activity<'c>(
    db: impl Executor<'c, Database = Any>,
    activity: &NewActivity,
) -> Result<ActivityId, sqlx::Error> {
    insert(db, activity, None, None).await
}

/// Records the activity that a record elsewhere (`source_type`, `source_id`) represents, inside the caller's
/// transaction. Calling it again for the same source updates the one ledger row rather than adding another,
/// so a source can record itself whenever it changes. Other capabilities go through `ledger::api::record`,
/// which owns each source's mapping.
pub(crate) async fn record<'c>(
    db: impl Executor<'c, Database = Any>,
    activity: &NewActivity,
    source_type: &str,
    source_id: &str,
    length_minutes: Option<i64>,
) -> Result<ActivityId, sqlx::Error> {
    insert(db, activity, Some((source_type, source_id)), length_minutes).await
}

async fn insert<'c>(
    db: impl Executor<'c, Database = Any>,
    activity: &NewActivity,
    source: Option<(&str, &str)>,
    length_minutes: Option<i64>,
) -> Result<ActivityId, sqlx::Error> {
    let now = crate::db::now();
    sqlx::query_scalar(
        "INSERT INTO activity (id, service_id, level, kind, title, happened_on, patients, carers, staff, others,
            purpose, outcome, source_type, source_id, recorded_by, created_at, updated_at, length_minutes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17)
         ON CONFLICT (source_type, source_id) DO UPDATE SET level = excluded.level, kind = excluded.kind,
            title = excluded.title, happened_on = excluded.happened_on, patients = excluded.patients,
            carers = excluded.carers, staff = excluded.staff, others = excluded.others, purpose = excluded.purpose,
            outcome = excluded.outcome, updated_at = excluded.updated_at, length_minutes = excluded.length_minutes
         RETURNING id",
    )
    .bind(crate::db::new_id())
    .bind(&activity.service_id)
    .bind(activity.level.as_str())
    .bind(activity.kind.as_str())
    .bind(&activity.title)
    .bind(&activity.happened_on)
    .bind(activity.participants.patients)
    .bind(activity.participants.carers)
    .bind(activity.participants.staff)
    .bind(activity.participants.others)
    .bind(&activity.purpose)
    .bind(&activity.outcome)
    .bind(source.map(|s| s.0))
    .bind(source.map(|s| s.1))
    .bind(&activity.recorded_by)
    .bind(&now)
    .bind(length_minutes)
    .fetch_one(db)
    .await
}

/// Replaces who took part in an activity with `people`.
pub(crate) async fn replace_participants(
    conn: &mut sqlx::AnyConnection,
    activity_id: &ActivityId,
    people: &[super::api::Participant],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM activity_participant WHERE activity_id = $1")
        .bind(activity_id)
        .execute(&mut *conn)
        .await?;
    for person in people {
        sqlx::query(
            "INSERT INTO activity_participant (id, activity_id, person_id, name, taking_part_as, lived_experience)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(crate::db::new_id())
        .bind(activity_id)
        .bind(&person.person_id)
        .bind(&person.name)
        .bind(<&str>::from(person.taking_part_as))
        .bind(crate::db::flag(person.lived_experience))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Changes a hand-recorded activity. The service, source and recorder stay as they were.
pub async fn update_activity<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &ActivityId,
    activity: &NewActivity,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE activity SET level = $2, kind = $3, title = $4, happened_on = $5, patients = $6, carers = $7,
            staff = $8, others = $9, purpose = $10, outcome = $11, updated_at = $12
         WHERE id = $1",
    )
    .bind(id)
    .bind(activity.level.as_str())
    .bind(activity.kind.as_str())
    .bind(&activity.title)
    .bind(&activity.happened_on)
    .bind(activity.participants.patients)
    .bind(activity.participants.carers)
    .bind(activity.participants.staff)
    .bind(activity.participants.others)
    .bind(&activity.purpose)
    .bind(&activity.outcome)
    .bind(crate::db::now())
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}

pub async fn delete_activity<'c>(db: impl Executor<'c, Database = Any>, id: &ActivityId) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM activity WHERE id = $1").bind(id).execute(db).await?.rows_affected())
}

pub async fn fetch_activity<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &ActivityId,
) -> Result<Option<Activity>, sqlx::Error> {
    let row: Option<ActivityRow> =
        sqlx::query_as(&format!("{ACTIVITY_SELECT} WHERE a.id = $1")).bind(id).fetch_optional(db).await?;
    row.map(ActivityRow::into_activity).transpose()
}

/// The WHERE clause and its parameters for a filter, numbered from `$1`.
fn filter_sql(filter: &ActivityFilter) -> (String, Vec<String>) {
    let mut params: Vec<String> = Vec::new();
    let mut placeholder = |value: String| {
        params.push(value);
        format!("${}", params.len())
    };
    let services: Vec<String> = filter.service_ids.iter().map(|id| placeholder(id.to_string())).collect();
    // An empty service list matches nothing, never everything.
    let mut clauses = vec![if services.is_empty() {
        "1 = 0".to_owned()
    } else {
        format!("a.service_id IN ({})", services.join(", "))
    }];
    if let Some(level) = filter.level {
        clauses.push(format!("a.level = {}", placeholder(level.as_str().to_owned())));
    }
    if let Some(kind) = filter.kind {
        clauses.push(format!("a.kind = {}", placeholder(kind.as_str().to_owned())));
    }
    if let Some(from) = &filter.from {
        clauses.push(format!("a.happened_on >= {}", placeholder(from.clone())));
    }
    if let Some(to) = &filter.to {
        clauses.push(format!("a.happened_on <= {}", placeholder(to.clone())));
    }
    (format!(" WHERE {}", clauses.join(" AND ")), params)
}

/// One page of activities, newest first, and how many match in all.
pub async fn list_activities(
    pool: &sqlx::AnyPool,
    filter: &ActivityFilter,
    page: i64,
    per_page: i64,
) -> Result<(Vec<Activity>, i64), sqlx::Error> {
    let (where_sql, params) = filter_sql(filter);
    let count_sql = format!("SELECT CAST(COUNT(*) AS BIGINT) FROM activity a{where_sql}");
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    for p in &params {
        count = count.bind(p);
    }
    let total = count.fetch_one(pool).await?;
    let list_sql = format!(
        "{ACTIVITY_SELECT}{where_sql} ORDER BY a.happened_on DESC, a.id DESC LIMIT ${} OFFSET ${}",
        params.len() + 1,
        params.len() + 2
    );
    let mut list = sqlx::query_as::<_, ActivityRow>(&list_sql);
    for p in &params {
        list = list.bind(p);
    }
    let rows = list.bind(per_page).bind((page - 1).max(0) * per_page).fetch_all(pool).await?;
    let activities = rows.into_iter().map(ActivityRow::into_activity).collect::<Result<_, _>>()?;
    Ok((activities, total))
}

/// Activities per level and kind with their patients and carers added up (`(level, kind, activities,
/// patients, carers)`, as stored) for one service from `from` up to but not including `until` (`YYYY-MM-DD`):
/// one walk of the covering index `activity_service_day_counts`, for the report's levels and sections alike.
pub async fn count_by_kind<'c>(
    db: impl Executor<'c, Database = Any>,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<Vec<(String, String, i64, i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT level, kind, CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(patients), 0) AS BIGINT),
            CAST(COALESCE(SUM(carers), 0) AS BIGINT)
         FROM activity
         WHERE service_id = $1 AND happened_on >= $2 AND happened_on < $3 GROUP BY level, kind",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_all(db)
    .await
}

/// One change to an activity, from the audit trail.
#[derive(FromRow)]
pub struct ActivityHistoryRow {
    pub at: String,
    pub action: String,
    pub actor_name: Option<String>,
}

pub async fn list_history<'c>(
    db: impl Executor<'c, Database = Any>,
    activity_id: &ActivityId,
) -> Result<Vec<ActivityHistoryRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.at, e.action, p.display_name AS actor_name FROM audit_event e LEFT JOIN person p ON p.id = e.actor_id
         WHERE e.subject_type = 'activity' AND e.subject_id = $1 ORDER BY e.at",
    )
    .bind(activity_id)
    .fetch_all(db)
    .await
}

/// Lived-experience participants with accounts of activities on or after `since` (`api::took_part_since`).
pub(crate) async fn list_lived_experience_participants(
    conn: &mut sqlx::AnyConnection,
    since: &str,
) -> Result<Vec<super::api::TookPart>, sqlx::Error> {
    sqlx::query_as(
        "SELECT DISTINCT a.id AS activity_id, a.service_id, a.kind, a.title, a.happened_on, p.person_id,
            a.length_minutes
         FROM activity a JOIN activity_participant p ON p.activity_id = a.id
         WHERE a.happened_on >= $1 AND p.person_id IS NOT NULL AND p.lived_experience = 1
         ORDER BY a.happened_on, a.id, p.person_id",
    )
    .bind(since)
    .fetch_all(conn)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_numbers_its_parameters_and_never_matches_everything() {
        let filter = ActivityFilter {
            service_ids: vec!["a".into(), "b".into()],
            level: Some(ContinuumLevel::Inclusion),
            from: Some("2026-01-01".into()),
            ..Default::default()
        };
        let (sql, params) = filter_sql(&filter);
        assert_eq!(sql, " WHERE a.service_id IN ($1, $2) AND a.level = $3 AND a.happened_on >= $4");
        assert_eq!(params, ["a", "b", "inclusion", "2026-01-01"]);
        assert_eq!(filter_sql(&ActivityFilter::default()).0, " WHERE 1 = 0");
    }
}
