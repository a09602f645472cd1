//! Server-side helpers for forms that must work as plain HTML POSTs as well as through JavaScript.
//!
//! A plain POST (the browser asks for `text/html`) gets a 302 to the next page; a call from the hydrated app
//! gets the function's value instead, and the page moves on itself (see `ui::form`).

use leptos::prelude::*;
use leptos_axum::ResponseOptions;

/// True when the request is a plain HTML form submission rather than a call from the hydrated app.
pub fn is_plain_post() -> bool {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts.headers.get(http::header::ACCEPT).and_then(|v| v.to_str().ok()).map(|v| v.contains("text/html"))
        })
        .unwrap_or(false)
}

/// Sends a plain POST on to `path` once it has succeeded. From the hydrated app nothing happens here: the
/// component decides, so that sign-in and sign-out can reload the whole page.
pub fn redirect_plain_post(path: &str) {
    if is_plain_post() {
        leptos_axum::redirect(path);
    }
}

/// Adds a `Set-Cookie` header to the response.
pub fn set_cookie(value: &str) {
    if let (Some(response), Ok(value)) = (use_context::<ResponseOptions>(), http::HeaderValue::from_str(value)) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

/// The value of the cookie `name` in a `Cookie` request header, if it is there.
pub fn cookie_value(header: &str, name: &str) -> Option<String> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// A `next` address from a query string or form, kept only if it is a path on this site, so a link cannot
/// send someone who signs in to another site.
pub fn safe_next(next: &str) -> String {
    let local =
        next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') && !next.chars().any(char::is_control);
    if local {
        next.to_owned()
    } else {
        "/".to_owned()
    }
}

/// Sends a visitor who is not signed in to sign in, and back to `uri` afterwards (for plain routes such as
/// exports; Leptos pages do the same through their own check).
pub fn sign_in_first(uri: &http::Uri) -> axum::response::Response {
    use axum::response::IntoResponse;
    let here = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    axum::response::Redirect::to(&format!("/sign-in?next={}", crate::ui::encode_query_value(here))).into_response()
}

/// A refusal of a plain route (an export) as a plain sentence with the error's status.
pub fn refusal(error: &crate::error::AppError) -> axum::response::Response {
    use axum::response::IntoResponse;
    let status = http::StatusCode::from_u16(error.status_code()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    let message = match error {
        crate::error::AppError::Validation(errors) => {
            errors.errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join(". ")
        }
        other => other.to_string(),
    };
    (status, message).into_response()
}

/// A fresh single-use token for one served copy of a form page, carried in its hidden `submission` field.
pub fn new_submission_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn submission_hash(token: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Claims a page's submission token for the change being written, which goes on to `next`, in the change's own
/// transaction. `None` when this is its first use (or the page carried none); otherwise where the first
/// submission went, and the caller stores nothing (drops its transaction) and sends the person there.
pub async fn claim_submission(
    conn: &mut sqlx::AnyConnection,
    token: &str,
    next: &str,
) -> Result<Option<String>, sqlx::Error> {
    if token.is_empty() {
        return Ok(None);
    }
    let hash = submission_hash(token);
    let claimed = sqlx::query(
        "INSERT INTO submission (token_hash, next, used_on) VALUES ($1, $2, $3) ON CONFLICT (token_hash) DO NOTHING",
    )
    .bind(&hash)
    .bind(next)
    .bind(crate::clock::today())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if claimed == 1 {
        return Ok(None);
    }
    let first: String =
        sqlx::query_scalar("SELECT next FROM submission WHERE token_hash = $1").bind(&hash).fetch_one(conn).await?;
    Ok(Some(first))
}

/// Forgets submission tokens used more than a week ago: a page that old is sent again only by mistake, and then
/// stores what it says once more, as a new page would.
pub async fn clear_old_submissions(pool: &sqlx::AnyPool) -> Result<usize, crate::error::AppError> {
    let before = (crate::clock::today_date() - chrono::Duration::days(7)).format("%Y-%m-%d").to_string();
    let done = sqlx::query("DELETE FROM submission WHERE used_on < $1").bind(before).execute(pool).await?;
    Ok(usize::try_from(done.rows_affected()).unwrap_or(usize::MAX))
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(safe_next("/admin/people?x=1"), "/admin/people?x=1");
        for unsafe_next in ["https://evil.example", "//evil.example", "/\\evil.example", "", "javascript:alert(1)"] {
            assert_eq!(safe_next(unsafe_next), "/", "{unsafe_next}");
        }
    }
}
