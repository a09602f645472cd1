//! What the safeguarding review queue shows of participation's flagged words (`capability::Flagged`): item
//! minutes, comments on draft minutes, amendments, decisions, actions and action updates written by patient or
//! carer members, and "you said, we did" items written by them, each with where it was written and the page
//! to open. Staff of the service read these (the queue checks that), so confidential items are named here as
//! they are on the minutes page.

use sqlx::AnyPool;

use crate::{
    dates::readable_day,
    error::AppError,
    safeguarding::review::{FlagSource, FlagSourceKind, FlaggedText},
};

/// Where an agenda item is: its title, its group's name, its meeting's id and local day (`YYYY-MM-DD`).
const ITEM_PLACE: &str = "SELECT i.title, g.name, m.id, SUBSTR(m.starts_at, 1, 10)
     FROM agenda_item i JOIN group_meeting m ON m.id = i.meeting_id JOIN participation_group g ON g.id = m.group_id";

/// The words and page of each of `sources` that is participation's; records that have gone are left out.
pub async fn flagged(pool: &AnyPool, sources: &[FlagSource]) -> Result<Vec<FlaggedText>, AppError> {
    let mut found = Vec::new();
    for source in sources {
        if source.kind == FlagSourceKind::YouSaidWeDid {
            let mut conn = pool.acquire().await?;
            let id = super::outcomes::types::OutcomeId::from(source.id.clone());
            if let Some(row) = super::outcomes::db::fetch_outcome(&mut conn, &id).await? {
                let text = [row.you_said, row.we_did, row.could_not_reason, row.quote]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n");
                let href = super::outcomes::server::outcome_path(&id);
                found.push(FlaggedText { source: source.clone(), what: source.kind.label().to_owned(), text, href });
            }
            continue;
        }
        // Each kind's words, the agenda item they are on, and the action whose page shows them (if any).
        let sql = match source.kind {
            FlagSourceKind::ItemMinutes => {
                "SELECT discussion, item_id, CAST(NULL AS TEXT) FROM item_minutes WHERE item_id = $1"
            }
            FlagSourceKind::MinutesComment => {
                "SELECT body, item_id, CAST(NULL AS TEXT) FROM minutes_comment WHERE id = $1"
            }
            FlagSourceKind::MinutesAmendment => {
                "SELECT body, item_id, CAST(NULL AS TEXT) FROM minutes_amendment WHERE id = $1"
            }
            FlagSourceKind::GroupDecision => {
                "SELECT wording, item_id, CAST(NULL AS TEXT) FROM group_decision WHERE id = $1"
            }
            FlagSourceKind::GroupAction => "SELECT description, item_id, id FROM group_action WHERE id = $1",
            FlagSourceKind::ActionUpdate => {
                "SELECT u.body, a.item_id, a.id FROM action_update u JOIN group_action a ON a.id = u.action_id
                 WHERE u.id = $1"
            }
            FlagSourceKind::FeedbackResponse
            | FlagSourceKind::VolunteerApplication
            | FlagSourceKind::VolunteerBreak
            | FlagSourceKind::VolunteerHours
            | FlagSourceKind::YouSaidWeDid => continue,
        };
        let row: Option<(String, String, Option<String>)> =
            sqlx::query_as(sql).bind(&source.id).fetch_optional(pool).await?;
        let Some((words, item_id, action_id)) = row else { continue };
        let place_sql = format!("{ITEM_PLACE} WHERE i.id = $1");
        let place: Option<(String, String, String, String)> =
            sqlx::query_as(&place_sql).bind(&item_id).fetch_optional(pool).await?;
        let Some((title, group, meeting_id, day)) = place else { continue };
        let href = match action_id {
            Some(action_id) => format!("/participation/actions/{action_id}"),
            None => format!("/participation/meetings/{meeting_id}/minutes"),
        };
        let what = format!("{}: “{title}”, {group}, {}", source.kind.label(), readable_day(&day));
        found.push(FlaggedText { source: source.clone(), what, text: words, href });
    }
    Ok(found)
}
