//! The review queue's server functions: the queue, one response, recording a safeguarding review, marking
//! comments read and tagging them with themes, and each service's settings (themes, duty inbox).

use crate::accounts::types::ServiceId;
use crate::consultation::types::{QuestionId, ResponseId, ThemeId};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::db;
#[cfg(feature = "ssr")]
use crate::consultation::access::{kept_service_ids, response_kept_by};
use crate::consultation::types::{ResponseView, ReviewQueue, Theme};
#[cfg(feature = "ssr")]
use crate::db::Write;
#[cfg(feature = "ssr")]
use crate::safeguarding::review::{db as review_db, FlagSource, FlagSourceKind};
#[cfg(feature = "ssr")]
use crate::{
    accounts::access::{require_staff, services_staffed_by},
    clock::today,
    consultation::review::validate::{parse_duty_inbox, parse_theme_name, ParsedReview, ReviewFields},
    forms::redirect_plain_post,
    state::state,
};
use crate::{accounts::types::ServiceSummary, error::AppError, safeguarding::review::FlaggedRecord};

// ---- the review queue ----------------------------------------------------------------------------------

/// The caller's services' review queue: flagged responses first, oldest first, then unread comments.
#[server(endpoint = "/get_review_queue")]
pub async fn get_review_queue() -> Result<ReviewQueue, AppError> {
    let user = require_staff()?;
    let services = kept_service_ids(&user).await?;
    let pool = state()?.pool;
    Ok(ReviewQueue {
        today: today(),
        flagged: db::list_flagged_unreviewed(&pool, &services).await?,
        flagged_elsewhere: crate::safeguarding::review::records(
            &pool,
            review_db::list_open_elsewhere(&pool, &services).await?,
        )
        .await?,
        unread: db::list_unread(&pool, &services, 50).await?,
    })
}

/// One response, with the themes its service tags comments with.
#[server(endpoint = "/get_feedback_response")]
pub async fn get_feedback_response(#[server(default)] id: ResponseId) -> Result<(ResponseView, Vec<Theme>), AppError> {
    let user = require_staff()?;
    let response = response_kept_by(&user, &id).await?;
    let themes = db::list_themes(&state()?.pool, std::slice::from_ref(&response.service_id)).await?;
    Ok((response, themes))
}

/// Records what was done about a flagged response: no action needed, followed up or escalated, with a note.
#[server(endpoint = "/record_review")]
pub async fn record_review(
    #[server(default)] response_id: ResponseId,
    #[server(default)] outcome: String,
    #[server(default)] note: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let response = response_kept_by(&user, &response_id).await?;
    if response.flag.is_none() {
        return Err(AppError::NotFound);
    }
    let fields = ReviewFields { outcome, note };
    let ParsedReview { outcome, note } = fields.parse().map_err(|e| AppError::Validation(e).keeping(&fields.kept()))?;
    let mut tx = Write::begin(&state()?.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    let source = FlagSource { kind: FlagSourceKind::FeedbackResponse, id: response.id.to_string() };
    if !review_db::record_review(tx.conn(), &source, outcome, &note, &user.id).await? {
        return Err(AppError::Conflict("Someone has already recorded a review of this response.".into()));
    }
    db::mark_read(tx.conn(), &response.id).await?;
    tx.audit(
        "safeguarding_reviewed",
        "feedback_response",
        &response.id,
        serde_json::json!({ "outcome": outcome.as_str(), "note": note }),
    )
    .await?;
    tx.commit_then("/consultation/review?reviewed=1").await?;
    Ok(())
}

/// The flag on a record other than a feedback response (`kind` as stored, e.g. `item_minutes`), with the
/// words and page its capability gives. Staff of the flag's service only: 404 to everyone else, and for a
/// feedback response (its own page shows it).
#[server(endpoint = "/get_flagged_record")]
pub async fn get_flagged_record(
    #[server(default)] kind: String,
    #[server(default)] id: String,
) -> Result<FlaggedRecord, AppError> {
    let user = require_staff()?;
    let (source, service_id, flag) = flag_kept_by(&user, &kind, &id).await?;
    let pool = state()?.pool;
    crate::safeguarding::review::records(&pool, vec![(source, service_id, flag)]).await?.pop().ok_or(AppError::NotFound)
}

/// The flag on `(kind, id)` when it is on a record other than a feedback response and the caller is staff of
/// its service; otherwise 404.
#[cfg(feature = "ssr")]
async fn flag_kept_by(
    user: &crate::accounts::access::SignedInUser,
    kind: &str,
    id: &str,
) -> Result<(FlagSource, ServiceId, crate::safeguarding::review::FlagView), AppError> {
    let kind: FlagSourceKind = kind.parse().map_err(|_| AppError::NotFound)?;
    if kind == FlagSourceKind::FeedbackResponse {
        return Err(AppError::NotFound);
    }
    let source = FlagSource { kind, id: id.to_owned() };
    let found = review_db::fetch(&state()?.pool, &source).await?.ok_or(AppError::NotFound)?;
    if !kept_service_ids(user).await?.contains(&found.1) {
        return Err(AppError::NotFound);
    }
    Ok(found)
}

/// Records what was done about a flag on a record other than a feedback response: no action needed, followed
/// up or escalated, with a note. Once: a second reviewer is told it is done (409).
#[server(endpoint = "/record_flag_review")]
pub async fn record_flag_review(
    #[server(default)] kind: String,
    #[server(default)] id: String,
    #[server(default)] outcome: String,
    #[server(default)] note: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let (source, _, _) = flag_kept_by(&user, &kind, &id).await?;
    let fields = ReviewFields { outcome, note };
    let ParsedReview { outcome, note } = fields.parse().map_err(|e| AppError::Validation(e).keeping(&fields.kept()))?;
    let mut tx = Write::begin(&state()?.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    if !review_db::record_review(tx.conn(), &source, outcome, &note, &user.id).await? {
        return Err(AppError::Conflict("Someone has already recorded a review of this.".into()));
    }
    tx.audit(
        "safeguarding_reviewed",
        source.kind.as_str(),
        &source.id,
        serde_json::json!({ "outcome": outcome.as_str(), "note": note }),
    )
    .await?;
    tx.commit_then("/consultation/review?reviewed=1").await?;
    Ok(())
}

/// Marks a response's comments as read, taking it off the queue.
#[server(endpoint = "/mark_response_read")]
pub async fn mark_response_read(
    #[server(default)] response_id: ResponseId,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let response = response_kept_by(&user, &response_id).await?;
    if response.flag.as_ref().is_some_and(|f| f.outcome.is_none()) {
        return Err(AppError::Conflict("Record what was done about this flagged response first.".into()));
    }
    let mut tx = Write::begin(&state()?.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    db::mark_read(tx.conn(), &response.id).await?;
    tx.audit("response_read", "feedback_response", &response.id, serde_json::json!({})).await?;
    tx.commit_then("/consultation/review").await?;
    Ok(())
}

/// Tags a comment with one of its service's themes, or takes the tag off.
#[server(endpoint = "/tag_comment")]
pub async fn tag_comment(
    #[server(default)] response_id: ResponseId,
    #[server(default)] question_id: QuestionId,
    #[server(default)] theme_id: ThemeId,
    #[server(default)] on: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let response = response_kept_by(&user, &response_id).await?;
    let pool = state()?.pool;
    let theme = db::fetch_theme(&pool, &theme_id)
        .await?
        .filter(|t| t.service_id == response.service_id)
        .ok_or(AppError::NotFound)?;
    if !response.answers.iter().any(|a| a.question_id == question_id && a.is_free_text) {
        return Err(AppError::NotFound);
    }
    let mut write = crate::db::Write::begin(&pool, Some(&user.id)).await?;
    db::set_comment_theme(write.conn(), &response.id, &question_id, &theme.id, on == "on").await?;
    write.commit().await?;
    redirect_plain_post(&format!("/consultation/responses/{}", response.id));
    Ok(())
}

// ---- themes and the duty inbox -------------------------------------------------------------------------

/// The themes of every service the caller keeps, and each service's duty inbox.
#[server(endpoint = "/get_consultation_settings")]
pub async fn get_consultation_settings() -> Result<Vec<(ServiceSummary, Option<String>, Vec<Theme>)>, AppError> {
    let user = require_staff()?;
    let services = services_staffed_by(&user).await?;
    let pool = state()?.pool;
    let ids: Vec<ServiceId> = services.iter().map(|s| s.id.clone()).collect();
    let themes = db::list_themes(&pool, &ids).await?;
    let mut settings = Vec::new();
    for service in services {
        let inbox = db::fetch_duty_inbox(&pool, &service.id).await?;
        let mine = themes.iter().filter(|t| t.service_id == service.id).cloned().collect();
        settings.push((service, inbox, mine));
    }
    Ok(settings)
}

/// Adds a theme to a service's list.
#[server(endpoint = "/add_theme")]
pub async fn add_theme(
    #[server(default)] service_id: ServiceId,
    #[server(default)] name: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    if !user.is_staff_of(&service_id) {
        return Err(AppError::Forbidden);
    }
    let field = format!("theme-{service_id}");
    let clean = parse_theme_name(&field, &name)
        .map_err(|e| AppError::Validation(e).keeping(&[(field.as_str(), name.as_str())]))?;
    let mut tx = Write::begin(&state()?.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    let id = match db::insert_theme(tx.conn(), &service_id, &clean).await {
        Ok(id) => id,
        Err(e) if crate::db::is_unique_violation(&e) => {
            return Err(AppError::field(&field, "The service already has this theme")
                .keeping(&[(field.as_str(), name.as_str())]))
        }
        Err(e) => return Err(e.into()),
    };
    tx.audit("theme_added", "service_theme", &id, serde_json::json!({ "name": clean })).await?;
    tx.commit_then("/consultation/settings").await?;
    Ok(())
}

/// Sets where a service's safeguarding alerts go. Managers and administrators only.
#[server(endpoint = "/set_duty_inbox")]
pub async fn set_duty_inbox(
    #[server(default)] service_id: ServiceId,
    #[server(default)] duty_inbox: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    if !user.manages(&service_id) {
        return Err(AppError::Forbidden);
    }
    let field = format!("inbox-{service_id}");
    let inbox = parse_duty_inbox(&duty_inbox)
        .map_err(|message| AppError::field(&field, message).keeping(&[(field.as_str(), duty_inbox.as_str())]))?
        .map(|address| address.as_str().to_owned());
    let mut tx = Write::begin(&state()?.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    db::update_duty_inbox(tx.conn(), &service_id, inbox.as_deref()).await?;
    tx.audit("duty_inbox_set", "service", &service_id, serde_json::json!({ "duty_inbox": inbox })).await?;
    tx.commit_then("/consultation/settings?saved=1").await?;
    Ok(())
}
