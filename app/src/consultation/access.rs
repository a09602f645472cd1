//! Row-level access shared by consultation's rooms: a form or response of a service the caller does not
//! work in is "not found".

use super::types::{FeedbackForm, ResponseView};
use crate::accounts::types::ServiceId;
use crate::consultation::types::{FormId, ResponseId};
use crate::{
    accounts::access::{services_staffed_by, SignedInUser},
    error::AppError,
    state::state,
};

/// The form, if the caller is staff of its service.
pub async fn form_kept_by(user: &SignedInUser, form_id: &FormId) -> Result<FeedbackForm, AppError> {
    super::forms::db::fetch_form(&state()?.pool, form_id)
        .await?
        .filter(|f| user.is_staff_of(&f.service_id))
        .ok_or(AppError::NotFound)
}

/// The response, if the caller is staff of its service.
pub async fn response_kept_by(user: &SignedInUser, response_id: &ResponseId) -> Result<ResponseView, AppError> {
    super::review::db::fetch_response(&state()?.pool, response_id)
        .await?
        .filter(|r| user.is_staff_of(&r.service_id))
        .ok_or(AppError::NotFound)
}

/// The ids of the services the caller is staff of.
pub async fn kept_service_ids(user: &SignedInUser) -> Result<Vec<ServiceId>, AppError> {
    Ok(services_staffed_by(user).await?.into_iter().map(|s| s.id).collect())
}
