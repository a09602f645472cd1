//! Demo "you said, we did" items: five published on the board, each traced to one of the Personality
//! Disorder Service's comment themes (consultation's demo) and taken up by one of the steering group's done
//! actions — three done, one under way and one we could not, with why. Added once, with the group.

use super::{
    db::{self, NewOutcome, OutcomeWords},
    types::{LinkKind, OutcomeStatus, SourceKind},
};
use crate::accounts::types::{PersonId, ServiceId};
use crate::error::AppError;
use crate::participation::types::GroupId;

/// (theme, you said, we did, status, why we could not)
const ITEMS: &[(&str, &str, &str, OutcomeStatus, &str)] = &[
    (
        "Times and access",
        "The DBT skills group started too early for people who work.",
        "The group now starts at 17:30 on Tuesdays. Members of the group chose the time after a three-month trial.",
        OutcomeStatus::Done,
        "",
    ),
    (
        "Group content",
        "The group's handouts were hard to read.",
        "Patient members of the steering group rewrote the handouts with us, in plain English and larger print.",
        OutcomeStatus::Done,
        "",
    ),
    (
        "Waiting times",
        "You waited too long to hear anything after being referred.",
        "We now phone everyone within five working days of their referral to say what happens next.",
        OutcomeStatus::Done,
        "",
    ),
    (
        "Feeling listened to",
        "You did not always feel listened to in your reviews.",
        "Reviews are starting to begin with \"what matters to you\", and you can bring someone with you. We are \
         training the whole team by the spring.",
        OutcomeStatus::UnderWay,
        "",
    ),
    (
        "Buildings and rooms",
        "The waiting room is noisy and there is nowhere quiet to wait.",
        "We asked for a quiet room and put screens in the waiting area.",
        OutcomeStatus::CouldNot,
        "The building is shared and no room is free until it is refurbished in 2027.",
    ),
];

/// Adds the five items once (none when the service has any already); returns how many were added.
pub async fn seed_outcomes(
    conn: &mut sqlx::AnyConnection,
    service: &ServiceId,
    group: &GroupId,
    by: &PersonId,
) -> Result<usize, AppError> {
    if !db::list_outcomes(&mut *conn, service).await?.is_empty() {
        return Ok(0);
    }
    // The group's done actions, the most recent first.
    let done: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM group_action WHERE group_id = $1 AND status = 'done' ORDER BY due_on DESC, id DESC",
    )
    .bind(group)
    .fetch_all(&mut *conn)
    .await?;
    let mut added = 0;
    for ((theme, you_said, we_did, status, reason), action) in ITEMS.iter().zip(done.iter()) {
        let Some(theme_id) = crate::consultation::api::theme_named(&mut *conn, service, theme).await? else {
            continue;
        };
        let new = NewOutcome {
            service_id: service,
            source: (SourceKind::Theme, &theme_id),
            link: (LinkKind::Action, action),
            you_said,
            by,
        };
        let id = db::insert_outcome(&mut *conn, &new).await?;
        let published = crate::db::now();
        let words = OutcomeWords { status: *status, we_did, reason, quote: "", published_at: Some(published.as_str()) };
        db::update_outcome(&mut *conn, &id, &words).await?;
        added += 1;
    }
    Ok(added)
}
