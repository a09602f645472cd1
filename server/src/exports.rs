//! Downloads that are files rather than pages: CSV exports. Each checks access first, exactly as the page
//! showing the same figures does, and applies the same suppression.

use app::{
    accounts::access::Visitor, consultation::results::responses_csv_for, error::AppError, reports::server::profile_for,
    state::AppState, ui::encode_query_value,
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

#[derive(Deserialize)]
pub struct ResultsQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    channel: String,
}

/// `GET /consultation/forms/{id}/responses.csv`: a form's responses for a period and channel, one row per
/// response with its date and answers only. Refused (409) when the period has from 1 to 4 responses.
pub async fn form_responses_csv(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    axum::extract::Path(form_id): axum::extract::Path<String>,
    Query(query): Query<ResultsQuery>,
) -> Response {
    let Some(user) = visitor.user else {
        return sign_in_first(&uri);
    };
    match responses_csv_for(&state.pool, &user, &form_id, &query.from, &query.to, &query.channel).await {
        Ok((name, csv)) => csv_file(&name, csv),
        Err(error) => error_text(&error),
    }
}

/// Sends a visitor who is not signed in to sign in, and back here afterwards.
fn sign_in_first(uri: &axum::http::Uri) -> Response {
    let here = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    Redirect::to(&format!("/sign-in?next={}", encode_query_value(here))).into_response()
}

fn csv_file(name: &str, csv: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        csv,
    )
        .into_response()
}

/// An error as a plain sentence with its status.
fn error_text(error: &AppError) -> Response {
    let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let message = match error {
        AppError::Validation(errors) => errors.errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join(". "),
        other => other.to_string(),
    };
    (status, message).into_response()
}

/// `GET /leaflets/{id}/{file name}`: a published leaflet, open to everyone. Served as `application/pdf` with
/// `nosniff` (set for every response), so a browser never treats it as anything else.
pub async fn leaflet(
    State(state): State<AppState>,
    axum::extract::Path((id, _name)): axum::extract::Path<(String, String)>,
) -> Response {
    match app::information::db::fetch_leaflet_file(&state.pool, &id).await {
        Ok(Some((file_name, bytes))) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
                (header::CONTENT_DISPOSITION, format!("inline; filename=\"{file_name}\"")),
                (header::CACHE_CONTROL, "public, max-age=3600".to_owned()),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, "There is no leaflet at this address.").into_response(),
        Err(error) => {
            tracing::error!(error = %error, "could not read a leaflet");
            (StatusCode::INTERNAL_SERVER_ERROR, "Sorry, the leaflet could not be loaded. Please try again.")
                .into_response()
        }
    }
}
