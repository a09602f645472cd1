//! How a refusal is answered and logged, at the edge, for every server function.
//!
//! Leptos answers a server function's error with status 500 whatever it was (`server_fn`'s
//! `Res::error_response`), and a plain form POST (no JavaScript) with a redirect back whose address carries the
//! error (`__err`). So that a monitoring alert on 5xx means a fault, `server_fn_status` reads the `AppError`
//! back and answers the call from JavaScript with the error's own status (`AppError::status_code`: 401, 403,
//! 404, 409, 422, 429, 503; 500 only for a fault). A plain POST keeps its redirect back to the form, except
//! when it was refused for want of a sign-in: that goes to the sign-in page with `next` set (303). Refusals are
//! logged at debug (at info for throttling), faults at error; the cause of a fault was logged where it
//! happened (`AppError::internal`).
//!
//! `refuse_malformed_multipart` answers 400 to a multipart body without a boundary, which would otherwise
//! panic inside the server-function library.

use app::error::AppError;
use axum::{
    body::{to_bytes, Body},
    extract::Request,
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use base64::{engine::general_purpose::URL_SAFE, Engine as _};
use leptos::server_fn::ServerFn;

/// The header `server_fn` puts on every error response (`server_fn::error::SERVER_FN_ERROR_HEADER`).
const SERVER_FN_ERROR_HEADER: &str = "serverfnerror";

/// An error body is a small JSON `AppError`; anything larger is left as it is.
const ERROR_BODY_LIMIT: usize = 256 * 1024;

pub async fn server_fn_status(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if !path.starts_with("/api/") {
        return next.run(request).await;
    }
    let referer = request.headers().get(header::REFERER).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let response = next.run(request).await;
    if !response.headers().contains_key(SERVER_FN_ERROR_HEADER) {
        return response;
    }
    if response.status().is_redirection() {
        return plain_post_refused(&path, referer.as_deref(), response);
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, ERROR_BODY_LIMIT).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(path, error = %error, "could not read a server function's error");
            return (StatusCode::INTERNAL_SERVER_ERROR, "").into_response();
        }
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        log(&path, &error);
        parts.status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// A plain POST refused: logged by kind, and sent to sign in when that is what it needs.
fn plain_post_refused(path: &str, referer: Option<&str>, mut response: Response) -> Response {
    let location = response.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let Some(error) = error_in_location(location) else { return response };
    log(path, &error);
    if error == AppError::Unauthenticated {
        let back = referer.and_then(local_path).unwrap_or_else(|| "/".to_owned());
        let to = format!(
            "/sign-in?{}",
            url::form_urlencoded::Serializer::new(String::new()).append_pair("next", &back).finish()
        );
        if let Ok(value) = HeaderValue::from_str(&to) {
            *response.status_mut() = StatusCode::SEE_OTHER;
            response.headers_mut().insert(header::LOCATION, value);
        }
    }
    response
}

/// The path and query of a same-site address, without Leptos's error parameters.
fn local_path(address: &str) -> Option<String> {
    let url = url::Url::parse(address).ok()?;
    let kept: Vec<(String, String)> =
        url.query_pairs().filter(|(k, _)| k != "__err" && k != "__path").map(|(k, v)| (k.into(), v.into())).collect();
    let mut path = url.path().to_owned();
    if !kept.is_empty() {
        path.push('?');
        path.push_str(&url::form_urlencoded::Serializer::new(String::new()).extend_pairs(kept).finish());
    }
    Some(path)
}

/// The error a plain POST was sent back with, from the redirect's `__err` parameter.
pub fn error_in_location(location: &str) -> Option<AppError> {
    let url = url::Url::parse("http://localhost/").ok()?.join(location).ok()?;
    let encoded = url.query_pairs().find(|(k, _)| k == "__err")?.1.into_owned();
    serde_json::from_slice(&URL_SAFE.decode(encoded.as_bytes()).ok()?).ok()
}

/// One line per refusal, at the level its kind deserves.
fn log(path: &str, error: &AppError) {
    match error {
        AppError::Internal => tracing::error!(path, "server function failed"),
        AppError::Unavailable => tracing::warn!(path, "server function could not reach the database"),
        AppError::TooManyAttempts => tracing::info!(path, "server function refused: too many attempts"),
        other => tracing::debug!(path, status = other.status_code(), "server function refused"),
    }
}

/// The server functions that take a multipart body (a file upload). `server_fn`'s multipart decoder panics on
/// any request to them that is not multipart with a boundary. Each `Request::Upload` row of the access matrix is
/// checked against this list (`tests/tests/suite/refusals.rs`).
fn takes_multipart(path: &str) -> bool {
    path == <app::information::server::UploadLeaflet as ServerFn>::PATH
        || path == <app::participation::papers::server::UploadPaper as ServerFn>::PATH
        || path == <app::participation::papers::server::UploadEasyRead as ServerFn>::PATH
        || path == <app::partnership::server::AddPanelCandidate as ServerFn>::PATH
        || path == <app::partnership::payments::server::ClaimExpense as ServerFn>::PATH
}

/// Whether a `Content-Type` is multipart with a non-empty boundary.
fn is_multipart_with_boundary(content_type: &str) -> bool {
    let lower = content_type.to_ascii_lowercase();
    lower.starts_with("multipart/")
        && lower
            .split(';')
            .skip(1)
            .any(|p| p.trim().strip_prefix("boundary=").is_some_and(|b| !b.trim_matches('"').is_empty()))
}

/// Refuses (400), before it reaches a server function, a multipart body without a boundary, and anything but
/// multipart sent to a server function that takes a file: `server_fn`'s multipart parser panics on either.
pub async fn refuse_malformed_multipart(request: Request, next: Next) -> Response {
    let content_type = request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let multipart = content_type.trim_start().to_ascii_lowercase().starts_with("multipart/");
    let must_be_multipart = request.method() == axum::http::Method::POST && takes_multipart(request.uri().path());
    if (multipart || must_be_multipart) && !is_multipart_with_boundary(content_type) {
        tracing::debug!(path = %request.uri().path(), "malformed multipart request refused");
        return (StatusCode::BAD_REQUEST, "The form could not be read. Please reload the page and try again.")
            .into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_path_keeps_its_query_but_not_the_error() {
        assert_eq!(local_path("http://127.0.0.1/ledger?x=1&__err=abc&__path=/api/x").as_deref(), Some("/ledger?x=1"));
        assert_eq!(local_path("http://127.0.0.1/account").as_deref(), Some("/account"));
    }

    #[test]
    fn only_multipart_with_a_boundary_is_multipart_with_a_boundary() {
        assert!(is_multipart_with_boundary("multipart/form-data; boundary=----x"));
        assert!(is_multipart_with_boundary("Multipart/Form-Data; charset=utf-8; Boundary=\"abc\""));
        for bad in [
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "multipart/form-data; boundary=\"\"",
            "application/x-www-form-urlencoded",
            "",
            "multipart/form-databoundary=x",
        ] {
            assert!(!is_multipart_with_boundary(bad), "{bad}");
        }
    }
}
