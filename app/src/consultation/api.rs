//! What consultation offers other capabilities (never its `db`, server functions, pages or tables).

use crate::accounts::types::ServiceId;
use sqlx::AnyPool;

use super::{forms::db, types::FormState};
use crate::error::AppError;

/// What a form's QR poster says: its title and a line on how to answer. `None` for a draft or no such form.
pub async fn form_poster(pool: &AnyPool, slug: &str) -> Result<Option<FormPoster>, AppError> {
    let form = db::fetch_form_for_answering(pool, slug).await?.filter(|f| f.state != FormState::Draft);
    Ok(form.map(|form| {
        let how = if form.sign_in_required {
            "Tell us what you think: sign in, and it takes a few minutes."
        } else {
            "Tell us what you think. It takes a few minutes, and you do not need to give your name."
        };
        FormPoster {
            takes_answers: form.takes_answers_on(&crate::clock::today()),
            title: form.title,
            subtitle: how.to_owned(),
        }
    }))
}

/// What a feedback form's poster shows.
pub struct FormPoster {
    pub title: String,
    /// How to answer, in a sentence.
    pub subtitle: String,
    /// Whether the form takes answers today (open, and not past its last day); a closed form's poster says so.
    pub takes_answers: bool,
}

/// How many feedback responses a service's forms received from `from` up to but not including `until`
/// (`YYYY-MM-DD`). One person may answer more than once, so this counts responses, not people.
pub async fn responses_received(
    pool: &AnyPool,
    service_id: &ServiceId,
    from: &str,
    until: &str,
) -> Result<i64, AppError> {
    Ok(db::count_service_responses(pool, service_id, from, until).await?)
}
