//! What the safeguarding review queue shows of a flagged volunteer application (`capability::Flagged`): its
//! free text (why, availability, access needs) and the application's page, for the service's staff (the
//! queue checks that).

use sqlx::AnyPool;

use crate::{
    dates::readable_day,
    error::AppError,
    safeguarding::review::{FlagSource, FlagSourceKind, FlaggedText},
};

/// The words and page of each of `sources` that is a volunteer application; applications that have gone are
/// left out.
pub async fn flagged(pool: &AnyPool, sources: &[FlagSource]) -> Result<Vec<FlaggedText>, AppError> {
    let mut found = Vec::new();
    for source in sources.iter().filter(|s| s.kind == FlagSourceKind::VolunteerApplication) {
        let row: Option<(String, String, String, String, String)> = sqlx::query_as(
            "SELECT r.title, a.why, a.availability, a.access_needs, a.received_at
             FROM volunteer_application a JOIN volunteer_role r ON r.id = a.role_id WHERE a.id = $1",
        )
        .bind(&source.id)
        .fetch_optional(pool)
        .await?;
        let Some((role, why, availability, access_needs, received_at)) = row else { continue };
        let text = [why, availability, access_needs].into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>();
        let day = crate::clock::local_day_of(&received_at);
        found.push(FlaggedText {
            source: source.clone(),
            what: format!("Application to volunteer as {role}, {}", readable_day(&day)),
            text: text.join("\n\n"),
            href: format!("/inclusion/applications/{}", source.id),
        });
    }
    Ok(found)
}
