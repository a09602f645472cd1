//! "You said, we did" SQL: the items, and the agenda items, decisions and actions of a service's groups they
//! can be linked to (the steps of the chain).

use sqlx::AnyConnection;

use super::types::{LinkKind, OutcomeId, OutcomeStatus, SourceKind};
use crate::accounts::types::{PersonId, ServiceId};
use crate::participation::types::{GroupId, MeetingId};

/// An item as stored.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OutcomeRow {
    pub id: OutcomeId,
    pub service_id: ServiceId,
    pub source_kind: String,
    pub source_id: String,
    pub linked_kind: String,
    pub linked_id: String,
    pub you_said: String,
    pub we_did: String,
    pub status: String,
    pub could_not_reason: String,
    pub quote: String,
    pub quote_approved_at: Option<String>,
    pub published_at: Option<String>,
    pub updated_at: String,
}

impl OutcomeRow {
    /// The stored status; a value this version does not know reads as under way.
    pub fn status(&self) -> OutcomeStatus {
        self.status.parse().unwrap_or(OutcomeStatus::UnderWay)
    }

    pub fn source_kind(&self) -> Option<SourceKind> {
        self.source_kind.parse().ok()
    }

    pub fn linked_kind(&self) -> Option<LinkKind> {
        self.linked_kind.parse().ok()
    }
}

const OUTCOME_SELECT: &str = "SELECT id, service_id, source_kind, source_id, linked_kind, linked_id, you_said, we_did,
    status, could_not_reason, quote, quote_approved_at, published_at, updated_at FROM you_said_we_did";

/// A new item, as stored: under way and not published.
pub struct NewOutcome<'a> {
    pub service_id: &'a ServiceId,
    pub source: (SourceKind, &'a str),
    pub link: (LinkKind, &'a str),
    pub you_said: &'a str,
    pub by: &'a PersonId,
}

pub async fn insert_outcome(conn: &mut AnyConnection, new: &NewOutcome<'_>) -> Result<OutcomeId, sqlx::Error> {
    let id = OutcomeId::new();
    let now = crate::db::now();
    let source_kind: &'static str = new.source.0.into();
    let linked_kind: &'static str = new.link.0.into();
    sqlx::query(
        "INSERT INTO you_said_we_did (id, service_id, source_kind, source_id, linked_kind, linked_id, you_said,
            we_did, status, could_not_reason, quote, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '', 'under_way', '', '', $8, $9, $9)",
    )
    .bind(&id)
    .bind(new.service_id)
    .bind(source_kind)
    .bind(new.source.1)
    .bind(linked_kind)
    .bind(new.link.1)
    .bind(new.you_said)
    .bind(new.by)
    .bind(&now)
    .execute(conn)
    .await?;
    Ok(id)
}

pub async fn fetch_outcome(conn: &mut AnyConnection, id: &OutcomeId) -> Result<Option<OutcomeRow>, sqlx::Error> {
    sqlx::query_as(&format!("{OUTCOME_SELECT} WHERE id = $1")).bind(id).fetch_optional(conn).await
}

/// A service's items, newest first.
pub async fn list_outcomes(conn: &mut AnyConnection, service_id: &ServiceId) -> Result<Vec<OutcomeRow>, sqlx::Error> {
    sqlx::query_as(&format!("{OUTCOME_SELECT} WHERE service_id = $1 ORDER BY created_at DESC, id DESC"))
        .bind(service_id)
        .fetch_all(conn)
        .await
}

/// The published items of every service, most recently published first.
pub async fn list_published(conn: &mut AnyConnection) -> Result<Vec<OutcomeRow>, sqlx::Error> {
    sqlx::query_as(&format!("{OUTCOME_SELECT} WHERE published_at IS NOT NULL ORDER BY published_at DESC, id DESC"))
        .fetch_all(conn)
        .await
}

/// What staff wrote: the status, what we did, why we could not and a quote (its approval cleared when the
/// quote changes), and when it was published (`None`: not on the board).
pub struct OutcomeWords<'a> {
    pub status: OutcomeStatus,
    pub we_did: &'a str,
    pub reason: &'a str,
    pub quote: &'a str,
    pub published_at: Option<&'a str>,
}

pub async fn update_outcome(
    conn: &mut AnyConnection,
    id: &OutcomeId,
    words: &OutcomeWords<'_>,
) -> Result<(), sqlx::Error> {
    let now = crate::db::now();
    sqlx::query(
        "UPDATE you_said_we_did SET status = $2, we_did = $3, could_not_reason = $4,
            quote_approved_by = CASE WHEN quote = $5 THEN quote_approved_by ELSE NULL END,
            quote_approved_at = CASE WHEN quote = $5 THEN quote_approved_at ELSE NULL END,
            quote = $5,
            published_at = $6,
            updated_at = $7
         WHERE id = $1",
    )
    .bind(id)
    .bind(words.status.as_str())
    .bind(words.we_did)
    .bind(words.reason)
    .bind(words.quote)
    .bind(words.published_at)
    .bind(&now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Approves the item's current quote for the board; false when there is no quote or it is approved already.
pub async fn approve_quote(conn: &mut AnyConnection, id: &OutcomeId, by: &PersonId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE you_said_we_did SET quote_approved_by = $2, quote_approved_at = $3
         WHERE id = $1 AND quote <> '' AND quote_approved_at IS NULL",
    )
    .bind(id)
    .bind(by)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

// ---- the steps of the chain ----------------------------------------------------------------------------

/// An agenda item, decision or action of a group, with its agenda item, meeting and group.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Step {
    /// agenda_item, decision or action
    pub kind: String,
    pub id: String,
    pub service_id: ServiceId,
    pub group_id: GroupId,
    pub group_name: String,
    pub meeting_id: MeetingId,
    /// Local `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    pub item_id: String,
    pub item_title: String,
    /// 1 for a confidential agenda item (and its decisions and actions).
    pub confidential: i64,
    /// 1 when the item's lead is a patient or carer member of the group.
    pub patient_led: i64,
    /// The item's title, the decision's wording or the action's description.
    pub wording: String,
    /// A decision's number; 0 otherwise.
    pub number: i64,
    /// An action's status (open, done, dropped); empty otherwise.
    pub action_status: String,
}

impl Step {
    pub fn kind(&self) -> Option<LinkKind> {
        self.kind.parse().ok()
    }

    pub fn confidential(&self) -> bool {
        self.confidential != 0
    }

    /// The meeting's local day, `YYYY-MM-DD`.
    pub fn day(&self) -> &str {
        self.starts_at.get(..10).unwrap_or(&self.starts_at)
    }
}

/// Every step, as one query: agenda items, then decisions, then actions, each with its item and meeting.
const STEPS: &str = "SELECT * FROM (
    SELECT 'agenda_item' AS kind, i.id AS id, g.service_id AS service_id, g.id AS group_id, g.name AS group_name, m.id AS meeting_id,
        m.starts_at AS starts_at, i.id AS item_id, i.title AS item_title,
        CAST(i.confidential AS BIGINT) AS confidential,
        CAST(CASE WHEN EXISTS (SELECT 1 FROM group_member gm WHERE gm.group_id = g.id
            AND gm.member_type IN ('patient', 'carer') AND lower(gm.name) = lower(i.lead)) THEN 1 ELSE 0 END
            AS BIGINT) AS patient_led,
        i.title AS wording, CAST(0 AS BIGINT) AS number, '' AS action_status, CAST(1 AS BIGINT) AS step_order,
        i.position AS position
    FROM agenda_item i JOIN group_meeting m ON m.id = i.meeting_id JOIN participation_group g ON g.id = m.group_id
    UNION ALL
    SELECT 'decision', d.id, g.service_id, g.id, g.name, m.id, m.starts_at, i.id, i.title,
        CAST(i.confidential AS BIGINT), CAST(0 AS BIGINT), d.wording, CAST(d.number AS BIGINT), '', CAST(2 AS BIGINT),
        i.position
    FROM group_decision d JOIN agenda_item i ON i.id = d.item_id JOIN group_meeting m ON m.id = i.meeting_id
        JOIN participation_group g ON g.id = m.group_id
    UNION ALL
    SELECT 'action', a.id, g.service_id, g.id, g.name, m.id, m.starts_at, i.id, i.title,
        CAST(i.confidential AS BIGINT), CAST(0 AS BIGINT), a.description, CAST(0 AS BIGINT), a.status,
        CAST(3 AS BIGINT), i.position
    FROM group_action a JOIN agenda_item i ON i.id = a.item_id JOIN group_meeting m ON m.id = i.meeting_id
        JOIN participation_group g ON g.id = m.group_id
) s";

/// A service's steps, newest meeting first, each meeting's items in agenda order.
pub async fn list_steps(conn: &mut AnyConnection, service_id: &ServiceId) -> Result<Vec<Step>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{STEPS} WHERE s.service_id = $1 ORDER BY s.starts_at DESC, s.position, s.step_order, s.number, s.id"
    ))
    .bind(service_id)
    .fetch_all(conn)
    .await
}

/// One step by its kind and id.
pub async fn fetch_step(conn: &mut AnyConnection, kind: LinkKind, id: &str) -> Result<Option<Step>, sqlx::Error> {
    let kind: &'static str = kind.into();
    sqlx::query_as(&format!("{STEPS} WHERE s.kind = $1 AND s.id = $2")).bind(kind).bind(id).fetch_optional(conn).await
}

/// An agenda item with its decisions and actions, in that order.
pub async fn list_item_steps(conn: &mut AnyConnection, item_id: &str) -> Result<Vec<Step>, sqlx::Error> {
    sqlx::query_as(&format!("{STEPS} WHERE s.item_id = $1 ORDER BY s.step_order, s.number, s.id"))
        .bind(item_id)
        .fetch_all(conn)
        .await
}
