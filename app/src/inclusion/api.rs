//! What Inclusion offers other capabilities (never its `db`, server functions, pages or tables): what a
//! role's printable QR poster says, for the posters information draws for every capability.

use sqlx::AnyPool;

use super::{db, types::RoleState};
use crate::error::AppError;

/// What a role's poster shows.
pub struct RolePoster {
    pub title: String,
    /// A line under the title: the service, the time asked and where.
    pub subtitle: String,
    /// Whether the role takes applications now; a poster of a filled or closed role says so instead.
    pub recruiting: bool,
}

/// The poster of the role at `/volunteer/<slug>`; `None` for a draft or no such role.
pub async fn role_poster(pool: &AnyPool, slug: &str) -> Result<Option<RolePoster>, AppError> {
    let role = db::fetch_role_by_slug(&mut *pool.acquire().await?, slug).await?;
    Ok(role.filter(|r| r.state != RoleState::Draft).map(|role| RolePoster {
        subtitle: format!("Volunteer with {} · {} · {}", role.service_name, role.time_asked, role.place),
        recruiting: role.state == RoleState::Recruiting,
        title: format!("Volunteer: {}", role.title),
    }))
}
