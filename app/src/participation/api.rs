//! What Participation offers other capabilities and the access checks (never its `db`, server functions,
//! pages or tables): a group's current membership, which `accounts::access` checks against.

use sqlx::AnyConnection;

use super::{db, types::GroupId, types::Position};
use crate::accounts::access::GroupMembership;
use crate::error::AppError;

/// The group's service and the account holders whose term covers `day` (`YYYY-MM-DD`), with its current
/// secretaries; `None` when there is no such group.
pub async fn group_membership(
    conn: &mut AnyConnection,
    group_id: &GroupId,
    day: &str,
) -> Result<Option<GroupMembership>, AppError> {
    let Some(group) = db::fetch_group(&mut *conn, group_id).await? else { return Ok(None) };
    let members = db::list_members(conn, group_id).await?;
    let current: Vec<_> = members.iter().filter(|m| m.current_on(day)).collect();
    Ok(Some(GroupMembership {
        service_id: group.service_id,
        current_members: current.iter().filter_map(|m| m.person_id.clone()).collect(),
        secretaries: current
            .iter()
            .filter(|m| m.position == Position::Secretary)
            .filter_map(|m| m.person_id.clone())
            .collect(),
    }))
}
