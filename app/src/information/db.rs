//! All of the Information level's SQL: pages, leaflets, events and registrations.

use crate::accounts::types::{PersonId, ServiceId};
use crate::information::types::{EventId, LeafletId, PageId, RegistrationId};
use sqlx::{Any, AnyPool, Executor, FromRow};

use super::types::{Event, InfoPage, InfoPageSummary, Leaflet, Registration};
use crate::{db::flag, markdown};

// ---- pages ----------------------------------------------------------------------------------------------

#[derive(FromRow)]
struct PageRow {
    id: PageId,
    service_id: ServiceId,
    service_name: String,
    slug: String,
    title: String,
    summary: String,
    body: String,
    published: i64,
}

impl PageRow {
    fn into_page(self) -> InfoPage {
        InfoPage {
            body_html: markdown::render(&self.body),
            id: self.id,
            service_id: self.service_id,
            service_name: self.service_name,
            slug: self.slug,
            title: self.title,
            summary: self.summary,
            body: self.body,
            published: self.published != 0,
        }
    }

    fn into_summary(self) -> InfoPageSummary {
        InfoPageSummary {
            id: self.id,
            slug: self.slug,
            title: self.title,
            summary: self.summary,
            service_name: self.service_name,
            published: self.published != 0,
        }
    }
}

const PAGE_SELECT: &str =
    "SELECT p.id, p.service_id, s.name AS service_name, p.slug, p.title, p.summary, p.body, p.published
     FROM info_page p JOIN service s ON s.id = p.service_id";

pub struct PageFields<'a> {
    pub service_id: &'a ServiceId,
    pub title: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    pub published: bool,
}

pub async fn insert_page<'c>(
    db: impl Executor<'c, Database = Any>,
    slug: &str,
    page: &PageFields<'_>,
    by: &PersonId,
) -> Result<PageId, sqlx::Error> {
    let id = PageId::new();
    let now = crate::db::now();
    sqlx::query(
        "INSERT INTO info_page (id, service_id, slug, title, summary, body, published, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(&id)
    .bind(page.service_id)
    .bind(slug)
    .bind(page.title)
    .bind(page.summary)
    .bind(page.body)
    .bind(flag(page.published))
    .bind(by)
    .bind(&now)
    .execute(db)
    .await?;
    Ok(id)
}

/// Changes a page's words and whether it is published; its address stays, so printed posters keep working.
pub async fn update_page<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &PageId,
    page: &PageFields<'_>,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE info_page SET title = $2, summary = $3, body = $4, published = $5, updated_at = $6 WHERE id = $1",
    )
    .bind(id)
    .bind(page.title)
    .bind(page.summary)
    .bind(page.body)
    .bind(flag(page.published))
    .bind(crate::db::now())
    .execute(db)
    .await?
    .rows_affected())
}

pub async fn fetch_page_by_slug<'c>(
    db: impl Executor<'c, Database = Any>,
    slug: &str,
) -> Result<Option<InfoPage>, sqlx::Error> {
    let row: Option<PageRow> =
        sqlx::query_as(&format!("{PAGE_SELECT} WHERE p.slug = $1")).bind(slug).fetch_optional(db).await?;
    Ok(row.map(PageRow::into_page))
}

pub async fn fetch_page<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &PageId,
) -> Result<Option<InfoPage>, sqlx::Error> {
    let row: Option<PageRow> =
        sqlx::query_as(&format!("{PAGE_SELECT} WHERE p.id = $1")).bind(id).fetch_optional(db).await?;
    Ok(row.map(PageRow::into_page))
}

/// Pages of the given services (all of them, drafts too), or every published page when `services` is `None`.
pub async fn list_pages(pool: &AnyPool, services: Option<&[ServiceId]>) -> Result<Vec<InfoPageSummary>, sqlx::Error> {
    let rows: Vec<PageRow> = match services {
        None => {
            sqlx::query_as(&format!("{PAGE_SELECT} WHERE p.published = 1 ORDER BY lower(p.title)"))
                .fetch_all(pool)
                .await?
        }
        Some(ids) => {
            let sql = format!("{PAGE_SELECT} WHERE p.service_id IN ({{in}}) ORDER BY lower(p.title)");
            crate::db::fetch_all_in(pool, &sql, ids).await?
        }
    };
    Ok(rows.into_iter().map(PageRow::into_summary).collect())
}

// ---- leaflets -------------------------------------------------------------------------------------------

#[derive(FromRow)]
struct LeafletRow {
    id: LeafletId,
    title: String,
    summary: String,
    size_bytes: i64,
    published_on: String,
    service_name: String,
}

impl LeafletRow {
    fn into_leaflet(self) -> Leaflet {
        Leaflet {
            id: self.id,
            title: self.title,
            summary: self.summary,
            size_bytes: self.size_bytes,
            published_on: self.published_on,
            service_name: self.service_name,
        }
    }
}

pub struct NewLeaflet<'a> {
    pub service_id: &'a ServiceId,
    pub title: &'a str,
    pub summary: &'a str,
    pub file_name: &'a str,
    pub content: &'a [u8],
    pub published_on: &'a str,
}

pub async fn insert_leaflet<'c>(
    db: impl Executor<'c, Database = Any>,
    leaflet: &NewLeaflet<'_>,
    by: &PersonId,
) -> Result<LeafletId, sqlx::Error> {
    let id = LeafletId::new();
    sqlx::query(
        "INSERT INTO leaflet (id, service_id, title, summary, file_name, size_bytes, content_base64, published_on, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&id)
    .bind(leaflet.service_id)
    .bind(leaflet.title)
    .bind(leaflet.summary)
    .bind(leaflet.file_name)
    .bind(i64::try_from(leaflet.content.len()).unwrap_or(i64::MAX))
    .bind(crate::pdf::encode(leaflet.content))
    .bind(leaflet.published_on)
    .bind(by)
    .bind(crate::db::now())
    .execute(db)
    .await?;
    Ok(id)
}

const LEAFLET_SELECT: &str = "SELECT l.id, l.title, l.summary, l.size_bytes, l.published_on, s.name AS service_name
     FROM leaflet l JOIN service s ON s.id = l.service_id";

/// Leaflets of the given services, or all of them when `services` is `None` (leaflets are published).
pub async fn list_leaflets(pool: &AnyPool, services: Option<&[ServiceId]>) -> Result<Vec<Leaflet>, sqlx::Error> {
    let rows: Vec<LeafletRow> = match services {
        None => sqlx::query_as(&format!("{LEAFLET_SELECT} ORDER BY l.published_on DESC")).fetch_all(pool).await?,
        Some(ids) => {
            let sql = format!("{LEAFLET_SELECT} WHERE l.service_id IN ({{in}}) ORDER BY l.published_on DESC");
            crate::db::fetch_all_in(pool, &sql, ids).await?
        }
    };
    Ok(rows.into_iter().map(LeafletRow::into_leaflet).collect())
}

/// A leaflet's file name (as uploaded: the download's name, never its address) and bytes, for download.
pub async fn fetch_leaflet_file(pool: &AnyPool, id: &LeafletId) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    let row: Option<(String, String)> = sqlx::query_as("SELECT file_name, content_base64 FROM leaflet WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await?;
    row.map(|(name, content)| crate::pdf::decode(&content).map(|bytes| (name, bytes))).transpose()
}

// ---- events ---------------------------------------------------------------------------------------------

#[derive(FromRow)]
struct EventRow {
    id: EventId,
    service_id: ServiceId,
    service_name: String,
    slug: String,
    title: String,
    description: String,
    starts_at: String,
    ends_at: String,
    place: String,
    capacity: i64,
    places_taken: i64,
    held_on: Option<String>,
}

impl EventRow {
    fn into_event(self) -> Event {
        Event {
            description_html: markdown::render(&self.description),
            id: self.id,
            service_id: self.service_id,
            service_name: self.service_name,
            slug: self.slug,
            title: self.title,
            description: self.description,
            starts_at: self.starts_at,
            ends_at: self.ends_at.clone(),
            place: self.place,
            capacity: self.capacity,
            places_taken: self.places_taken,
            held: self.held_on.is_some(),
            past: self.ends_at < crate::clock::local_now(),
        }
    }
}

const EVENT_SELECT: &str =
    "SELECT e.id, e.service_id, s.name AS service_name, e.slug, e.title, e.description, e.starts_at,
        e.ends_at, e.place, e.capacity, e.places_taken,
        e.held_on
     FROM event e JOIN service s ON s.id = e.service_id";

pub struct EventFields<'a> {
    pub service_id: &'a ServiceId,
    pub title: &'a str,
    pub description: &'a str,
    pub starts_at: &'a str,
    pub ends_at: &'a str,
    pub place: &'a str,
    pub capacity: i64,
}

/// Records that an event was held (on `day`, `YYYY-MM-DD`).
pub async fn mark_held(conn: &mut sqlx::AnyConnection, event_id: &EventId, day: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE event SET held_on = $2 WHERE id = $1").bind(event_id).bind(day).execute(conn).await?;
    Ok(())
}

pub async fn insert_event<'c>(
    db: impl Executor<'c, Database = Any>,
    slug: &str,
    event: &EventFields<'_>,
    by: &PersonId,
) -> Result<EventId, sqlx::Error> {
    let id = EventId::new();
    let now = crate::db::now();
    sqlx::query(
        "INSERT INTO event (id, service_id, slug, title, description, starts_at, ends_at, place, capacity, places_taken,
            created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $11, $11)",
    )
    .bind(&id)
    .bind(event.service_id)
    .bind(slug)
    .bind(event.title)
    .bind(event.description)
    .bind(event.starts_at)
    .bind(event.ends_at)
    .bind(event.place)
    .bind(event.capacity)
    .bind(by)
    .bind(&now)
    .execute(db)
    .await?;
    Ok(id)
}

/// Changes an event. The capacity cannot drop below the places already taken.
pub async fn update_event<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &EventId,
    event: &EventFields<'_>,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE event SET title = $2, description = $3, starts_at = $4, ends_at = $5, place = $6, capacity = $7, updated_at = $8
         WHERE id = $1 AND places_taken <= $7",
    )
    .bind(id)
    .bind(event.title)
    .bind(event.description)
    .bind(event.starts_at)
    .bind(event.ends_at)
    .bind(event.place)
    .bind(event.capacity)
    .bind(crate::db::now())
    .execute(db)
    .await?
    .rows_affected())
}

/// An event by its address, or by an address it had before it moved to another date (posters, QR codes and
/// mail already sent carry the old one). The event comes back with its current slug.
pub async fn fetch_event_by_slug<'c>(
    db: impl Executor<'c, Database = Any>,
    slug: &str,
) -> Result<Option<Event>, sqlx::Error> {
    let row: Option<EventRow> = sqlx::query_as(&format!(
        "{EVENT_SELECT} WHERE e.slug = $1 OR e.id IN (SELECT f.event_id FROM event_former_slug f WHERE f.slug = $1)"
    ))
    .bind(slug)
    .fetch_optional(db)
    .await?;
    Ok(row.map(EventRow::into_event))
}

/// Gives an event the address `new_slug` and keeps `old_slug` leading to it. If `new_slug` was one of this
/// event's own former addresses (it moved back), it stops being a former one.
pub async fn move_event_address(
    conn: &mut sqlx::AnyConnection,
    event_id: &EventId,
    old_slug: &str,
    new_slug: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM event_former_slug WHERE event_id = $1 AND slug = $2")
        .bind(event_id)
        .bind(new_slug)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE event SET slug = $2 WHERE id = $1").bind(event_id).bind(new_slug).execute(&mut *conn).await?;
    sqlx::query("INSERT INTO event_former_slug (slug, event_id, moved_at) VALUES ($1, $2, $3)")
        .bind(old_slug)
        .bind(event_id)
        .bind(crate::db::now())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Whether `slug` is one of `event_id`'s own former addresses (so moving back to its date may take it again).
pub async fn is_former_slug_of(
    conn: &mut sqlx::AnyConnection,
    event_id: &EventId,
    slug: &str,
) -> Result<bool, sqlx::Error> {
    let n: i64 =
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM event_former_slug WHERE event_id = $1 AND slug = $2")
            .bind(event_id)
            .bind(slug)
            .fetch_one(conn)
            .await?;
    Ok(n > 0)
}

/// Registrations still holding a place with an email, for telling them of a change: (id, email, name).
pub async fn list_registrations_to_tell(
    conn: &mut sqlx::AnyConnection,
    event_id: &EventId,
) -> Result<Vec<(RegistrationId, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, email, name FROM event_registration
         WHERE event_id = $1 AND cancelled_at IS NULL AND email IS NOT NULL ORDER BY registered_at",
    )
    .bind(event_id)
    .fetch_all(conn)
    .await
}

/// Stores the hash of a further cancellation link for a registration (the one in a "moved" mail).
pub async fn insert_registration_token(
    conn: &mut sqlx::AnyConnection,
    registration_id: &RegistrationId,
    token_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO event_registration_token (token_hash, registration_id, created_at) VALUES ($1, $2, $3)")
        .bind(token_hash)
        .bind(registration_id)
        .bind(crate::db::now())
        .execute(conn)
        .await?;
    Ok(())
}

/// After an event's start moves: reminders already sent are for the old time, so each registration may be
/// reminded again for the new one. The links in reminders already sent keep working (their hashes move to
/// `event_registration_token`).
pub async fn rearm_reminders(conn: &mut sqlx::AnyConnection, event_id: &EventId) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO event_registration_token (token_hash, registration_id, created_at)
         SELECT reminder_token_hash, id, $2 FROM event_registration WHERE event_id = $1 AND reminder_token_hash IS NOT NULL",
    )
    .bind(event_id)
    .bind(crate::db::now())
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE event_registration SET reminded_at = NULL, reminder_token_hash = NULL WHERE event_id = $1")
        .bind(event_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn fetch_event<'c>(
    db: impl Executor<'c, Database = Any>,
    id: &EventId,
) -> Result<Option<Event>, sqlx::Error> {
    let row: Option<EventRow> =
        sqlx::query_as(&format!("{EVENT_SELECT} WHERE e.id = $1")).bind(id).fetch_optional(db).await?;
    Ok(row.map(EventRow::into_event))
}

/// Events of the given services (past ones too), or upcoming events of every service when `services` is
/// `None`. `now` is a local `YYYY-MM-DDTHH:MM`.
pub async fn list_events(pool: &AnyPool, services: Option<&[ServiceId]>, now: &str) -> Result<Vec<Event>, sqlx::Error> {
    let rows: Vec<EventRow> = match services {
        None => {
            sqlx::query_as(&format!("{EVENT_SELECT} WHERE e.ends_at >= $1 ORDER BY e.starts_at"))
                .bind(now)
                .fetch_all(pool)
                .await?
        }
        Some(ids) => {
            let sql = format!("{EVENT_SELECT} WHERE e.service_id IN ({{in}}) ORDER BY e.starts_at DESC");
            crate::db::fetch_all_in(pool, &sql, ids).await?
        }
    };
    Ok(rows.into_iter().map(EventRow::into_event).collect())
}

/// Takes one place at an event if there is one left. The conditional UPDATE is re-checked against the row
/// as it is when it runs (row lock on PostgreSQL, a single writer on SQLite), so two people can never take the
/// last place together.
pub async fn take_place<'c>(db: impl Executor<'c, Database = Any>, event_id: &EventId) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE event SET places_taken = places_taken + 1 WHERE id = $1 AND places_taken < capacity")
            .bind(event_id)
            .execute(db)
            .await?;
    Ok(done.rows_affected() == 1)
}

pub struct NewRegistration<'a> {
    pub event_id: &'a EventId,
    pub name: &'a str,
    pub email: Option<&'a str>,
    pub access_needs: &'a str,
    pub cancel_token_hash: &'a str,
}

pub async fn insert_registration<'c>(
    db: impl Executor<'c, Database = Any>,
    r: &NewRegistration<'_>,
) -> Result<RegistrationId, sqlx::Error> {
    let id = RegistrationId::new();
    sqlx::query(
        "INSERT INTO event_registration (id, event_id, name, email, access_needs, cancel_token_hash, registered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(r.event_id)
    .bind(r.name)
    .bind(r.email)
    .bind(r.access_needs)
    .bind(r.cancel_token_hash)
    .bind(crate::db::now())
    .execute(db)
    .await?;
    Ok(id)
}

/// The place someone already holds at an event under this email address (not cancelled): (id, name).
pub async fn fetch_place_by_email<'c>(
    db: impl Executor<'c, Database = Any>,
    event_id: &EventId,
    email: &str,
) -> Result<Option<(RegistrationId, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name FROM event_registration
         WHERE event_id = $1 AND lower(email) = lower($2) AND cancelled_at IS NULL
         ORDER BY registered_at LIMIT 1",
    )
    .bind(event_id)
    .bind(email)
    .fetch_optional(db)
    .await
}

/// When a registration's confirmation was last mailed (at registration, if never again) and how many times it
/// has been mailed again.
pub async fn confirmation_mailed(
    conn: &mut sqlx::AnyConnection,
    registration_id: &RegistrationId,
) -> Result<(String, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT COALESCE(confirmation_sent_at, registered_at), confirmations_resent FROM event_registration WHERE id = $1",
    )
    .bind(registration_id)
    .fetch_one(conn)
    .await
}

/// Notes that a registration's confirmation was mailed again now.
pub async fn note_confirmation_resent(
    conn: &mut sqlx::AnyConnection,
    registration_id: &RegistrationId,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE event_registration SET confirmation_sent_at = $2, confirmations_resent = confirmations_resent + 1
         WHERE id = $1",
    )
    .bind(registration_id)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(())
}

/// A registration found by a cancellation token: (registration id, event id, name, cancelled).
pub async fn fetch_registration_by_token<'c>(
    db: impl Executor<'c, Database = Any>,
    token_hash: &str,
) -> Result<Option<(RegistrationId, EventId, String, bool)>, sqlx::Error> {
    let row: Option<(RegistrationId, EventId, String, Option<String>)> = sqlx::query_as(
        "SELECT id, event_id, name, cancelled_at FROM event_registration
         WHERE cancel_token_hash = $1 OR reminder_token_hash = $1
            OR id IN (SELECT t.registration_id FROM event_registration_token t WHERE t.token_hash = $1)",
    )
    .bind(token_hash)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(id, event_id, name, cancelled)| (id, event_id, name, cancelled.is_some())))
}

/// Cancels a registration and gives its place back; `false` if it was already cancelled.
pub async fn cancel_registration(
    conn: &mut sqlx::AnyConnection,
    registration_id: &RegistrationId,
    event_id: &EventId,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE event_registration SET cancelled_at = $2 WHERE id = $1 AND cancelled_at IS NULL")
        .bind(registration_id)
        .bind(crate::db::now())
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 1 {
        sqlx::query("UPDATE event SET places_taken = places_taken - 1 WHERE id = $1 AND places_taken > 0")
            .bind(event_id)
            .execute(&mut *conn)
            .await?;
        Ok(true)
    } else {
        Ok(false)
    }
}

#[derive(FromRow)]
struct RegistrationRow {
    name: String,
    email: Option<String>,
    access_needs: String,
    registered_at: String,
    cancelled_at: Option<String>,
}

pub async fn list_registrations(pool: &AnyPool, event_id: &EventId) -> Result<Vec<Registration>, sqlx::Error> {
    let rows: Vec<RegistrationRow> = sqlx::query_as(
        "SELECT name, email, access_needs, registered_at, cancelled_at FROM event_registration WHERE event_id = $1 ORDER BY registered_at",
    )
    .bind(event_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Registration {
            name: r.name,
            email: r.email,
            access_needs: r.access_needs,
            registered_at: r.registered_at,
            cancelled: r.cancelled_at.is_some(),
        })
        .collect())
}

/// A registration that may be due a reminder: (registration id, email, name, event).
#[derive(FromRow)]
pub struct ReminderRow {
    pub registration_id: RegistrationId,
    pub email: String,
    pub name: String,
    pub event_id: EventId,
}

/// Registrations with an email, not cancelled and not yet reminded, for events starting between `from` and
/// `until` (local `YYYY-MM-DDTHH:MM`) that were made before `registered_before`.
pub async fn list_reminders_due(
    pool: &AnyPool,
    from: &str,
    until: &str,
    registered_before: &str,
) -> Result<Vec<ReminderRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.id AS registration_id, r.email, r.name, r.event_id FROM event_registration r JOIN event e ON e.id = r.event_id
         WHERE r.email IS NOT NULL AND r.cancelled_at IS NULL AND r.reminded_at IS NULL AND r.registered_at < $3
           AND e.starts_at >= $1 AND e.starts_at < $2",
    )
    .bind(from)
    .bind(until)
    .bind(registered_before)
    .fetch_all(pool)
    .await
}

/// Marks a registration reminded and stores the reminder's own cancellation token; `false` if another
/// server got there first.
pub async fn claim_reminder<'c>(
    db: impl Executor<'c, Database = Any>,
    registration_id: &RegistrationId,
    token_hash: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE event_registration SET reminded_at = $2, reminder_token_hash = $3 WHERE id = $1 AND reminded_at IS NULL",
    )
    .bind(registration_id)
    .bind(crate::db::now())
    .bind(token_hash)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

// ---- for reports (api::report_figures) ------------------------------------------------------------------

/// A service's information pages published now that were first written from `from` up to but not including
/// `until` (`YYYY-MM-DD`, compared with the UTC date the page was created).
pub async fn count_pages_published(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM info_page
         WHERE service_id = $1 AND published = 1 AND substr(created_at, 1, 10) >= $2 AND substr(created_at, 1, 10) < $3",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_one(pool)
    .await
}

/// A service's events marked held (`held_on`, a local date) from `from` up to but not including `until`
/// (`YYYY-MM-DD`), and the registrations for them not cancelled: (events, people).
pub async fn count_events_held(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(
                    (SELECT COUNT(*) FROM event_registration r WHERE r.event_id = e.id AND r.cancelled_at IS NULL)
                ), 0) AS BIGINT)
         FROM event e
         WHERE e.service_id = $1 AND e.held_on IS NOT NULL AND e.held_on >= $2 AND e.held_on < $3",
    )
    .bind(service_id)
    .bind(from)
    .bind(until)
    .fetch_one(pool)
    .await
}
