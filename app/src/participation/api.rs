//! What Participation offers other capabilities and the access checks (never its `db`, server functions,
//! pages or tables): a group's current membership, which `accounts::access` checks against, and what the
//! "you said, we did" board's poster says (information draws posters).

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

/// What a service's "you said, we did" poster says: its title and a line beneath; `None` when no service's
/// name slugifies to `service_slug`. The poster's code leads to `/you-said-we-did/<service_slug>`.
pub async fn board_poster(pool: &sqlx::AnyPool, service_slug: &str) -> Result<Option<(String, String)>, AppError> {
    let services = crate::accounts::access::all_services(pool).await?;
    Ok(services.into_iter().find(|s| crate::text::slugify(&s.name) == service_slug).map(|s| {
        (
            format!("You said, we did: {}", s.name),
            "What patients and carers told us, and what we changed because of it.".to_owned(),
        )
    }))
}
