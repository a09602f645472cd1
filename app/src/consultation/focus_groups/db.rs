//! Focus groups' SQL.

use crate::accounts::types::{PersonId, ServiceId};
use crate::consultation::types::FocusGroupId;
use sqlx::{Any, AnyPool, Executor, FromRow};

use crate::consultation::types::FocusGroup;

// ---- focus groups --------------------------------------------------------------------------------------

#[derive(FromRow)]
struct FocusGroupRow {
    id: FocusGroupId,
    service_id: ServiceId,
    service_name: String,
    topic: String,
    held_on: String,
    participants: i64,
    themes: String,
    notes: String,
}

impl FocusGroupRow {
    fn into_focus_group(self) -> FocusGroup {
        FocusGroup {
            id: self.id,
            service_id: self.service_id,
            service_name: self.service_name,
            topic: self.topic,
            held_on: self.held_on,
            participants: self.participants,
            themes: self.themes.lines().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect(),
            notes: self.notes,
        }
    }
}

const FOCUS_GROUP_SELECT: &str = "SELECT g.id, g.service_id, s.name AS service_name, g.topic, g.held_on,
        g.participants, g.themes, g.notes
     FROM focus_group g JOIN service s ON s.id = g.service_id";

pub struct FocusGroupFields<'a> {
    pub service_id: &'a ServiceId,
    pub topic: &'a str,
    pub held_on: &'a str,
    pub participants: i64,
    pub themes: &'a [String],
    pub notes: &'a str,
}

pub async fn insert_focus_group<'c>(
    db: impl Executor<'c, Database = Any>,
    fields: &FocusGroupFields<'_>,
    recorded_by: &PersonId,
) -> Result<FocusGroupId, sqlx::Error> {
    let id = FocusGroupId::new();
    let now = crate::db::now();
    sqlx::query(
        "INSERT INTO focus_group (id, service_id, topic, held_on, participants, themes, notes, recorded_by,
            created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(&id)
    .bind(fields.service_id)
    .bind(fields.topic)
    .bind(fields.held_on)
    .bind(fields.participants)
    .bind(fields.themes.join("\n"))
    .bind(fields.notes)
    .bind(recorded_by)
    .bind(&now)
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn fetch_focus_group<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &FocusGroupId,
) -> Result<Option<FocusGroup>, sqlx::Error> {
    let sql = format!("{FOCUS_GROUP_SELECT} WHERE g.id = $1");
    Ok(sqlx::query_as::<_, FocusGroupRow>(&sql).bind(id).fetch_optional(db).await?.map(FocusGroupRow::into_focus_group))
}

pub async fn list_focus_groups(pool: &AnyPool, service_ids: &[ServiceId]) -> Result<Vec<FocusGroup>, sqlx::Error> {
    let sql = format!("{FOCUS_GROUP_SELECT} WHERE g.service_id IN ({{in}}) ORDER BY g.held_on DESC");
    let rows: Vec<FocusGroupRow> = crate::db::fetch_all_in(pool, &sql, service_ids).await?;
    Ok(rows.into_iter().map(FocusGroupRow::into_focus_group).collect())
}
