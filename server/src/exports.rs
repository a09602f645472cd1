//! Downloads that are files rather than pages: CSV exports. Each checks access first, exactly as the page
//! showing the same figures does, and applies the same suppression.

use app::{
    accounts::access::Visitor, error::AppError, reports::server::profile_for, state::AppState, ui::encode_query_value,
};
use axum::{
    extract::{OriginalUri, Query, State},
    http::{header, StatusCode},
    response::{IntoResponse, Redirect, Response},
    Extension,
};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ProfileQuery {
    #[serde(default)]
    service_id: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

/// `GET /reports/continuum-profile.csv`
pub async fn continuum_profile_csv(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    Query(query): Query<ProfileQuery>,
) -> Response {
    let Some(user) = visitor.user else {
        let here = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/reports/continuum-profile");
        return Redirect::to(&format!("/sign-in?next={}", encode_query_value(here))).into_response();
    };
    match profile_for(&state.pool, &user, &query.service_id, &query.from, &query.to).await {
        Ok(profile) => {
            let name = format!("continuum-profile-{}-to-{}.csv", profile.from, profile.to);
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                    (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
                ],
                profile.to_csv(),
            )
                .into_response()
        }
        Err(error) => {
            let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let message = match &error {
                AppError::Validation(errors) => {
                    errors.errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join(". ")
                }
                other => other.to_string(),
            };
            (status, message).into_response()
        }
    }
}
