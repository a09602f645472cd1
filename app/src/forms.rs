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

/// A refusal of a plain route (an export) as a page in the service's frame, under the error's status: what
/// happened in words and how to go on (issue 9: every refusal is a page).
pub fn refusal(state: &crate::state::AppState, error: &crate::error::AppError) -> axum::response::Response {
    use leptos::prelude::*;
    let status = http::StatusCode::from_u16(error.status_code()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    let message = error.in_words();
    crate::ui::plain::page(state, status, "There is a problem", move || {
        view! {
            <h1 class="nhsuk-heading-l">"There is a problem"</h1>
            <p class="nhsuk-body">{message}</p>
            <p class="nhsuk-body">"Use your browser's Back button to return to the page you were on, or "
                <a href="/">"go to the start page"</a>"."</p>
        }
        .into_any()
    })
}

/// What a repeat of a used submission token is told when the first answer is not known (the first is still
/// being answered, or the server stopped between storing it and answering): plainly that it was already sent.
pub const ALREADY_SENT: &str = "This form was already sent and saved. Nothing more was saved.";

/// A fresh single-use token for one served copy of a form page, carried in its hidden `submission` field: 128
/// random bits as 32 lowercase hex digits.
pub fn new_submission_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The stored form of a posted token: the SHA-256 of it in hex, or `None` when the form carried no token or a
/// value that cannot be one (more than 64 characters, or anything but letters, digits, `-` and `_`). Such a
/// submission is handled as one from a page without a token: it is stored, and a repeat of it is not caught.
/// A well-formed token the server never issued is handled as a fresh one: a token only ever stops a repeat of
/// itself, so one made up grants nothing.
pub fn submission_hash(token: &str) -> Option<String> {
    use sha2::{Digest, Sha256};
    let token = token.trim();
    let well_formed = !token.is_empty()
        && token.len() <= 64
        && token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    well_formed.then(|| Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect())
}

/// The token a submission is claimed under: the page's token bound to what was sent with it (`content`, from
/// [`canonical_fields`] or the plain-post layer's reading of an upload), as 32 hex digits; `None` where the page's
/// token is not one ([`submission_hash`]). The same copy of a page sent again unchanged (a double click, a retry,
/// Back and send again) is the same submission and is answered as the first was; the same copy sent with other
/// words (Back, change the answers or register someone else, send) is a new submission and is stored, never
/// dropped as a repeat.
pub fn bound_token(token: &str, content: &[u8]) -> Option<String> {
    use sha2::{Digest, Sha256};
    submission_hash(token)?;
    let mut hasher = Sha256::new();
    hasher.update(token.trim().as_bytes());
    hasher.update([0u8]);
    hasher.update(content);
    Some(hasher.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect())
}

/// What a form sent, for [`bound_token`]: its fields but the token and the page it names, in a fixed order, each
/// name and value followed by a zero byte.
pub fn canonical_fields(fields: &[(String, String)]) -> Vec<u8> {
    let mut kept: Vec<&(String, String)> =
        fields.iter().filter(|(k, _)| k != "submission" && k != crate::ui::form::PAGE_FIELD).collect();
    kept.sort();
    let mut out = Vec::new();
    for (k, v) in kept {
        out.extend_from_slice(k.as_bytes());
        out.push(0);
        out.extend_from_slice(v.as_bytes());
        out.push(0);
    }
    out
}

/// Claims a page's submission token for the change being written, in the change's own transaction: `Ok(true)`
/// when this is its first use (or the page carried none), `Ok(false)` when it was used before, and the caller
/// must store nothing (drop its transaction). `next` is where the submission goes on to, when the caller knows
/// it (the feedback form); otherwise the plain-post layer records the answer once it is sent
/// (`record_submission_answer`). A claim rolled back with its transaction (a refusal) leaves the token usable.
pub async fn claim_submission(conn: &mut sqlx::AnyConnection, token: &str, next: &str) -> Result<bool, sqlx::Error> {
    let Some(hash) = submission_hash(token) else { return Ok(true) };
    let claimed = sqlx::query(
        "INSERT INTO submission (token_hash, next, used_on) VALUES ($1, $2, $3) ON CONFLICT (token_hash) DO NOTHING",
    )
    .bind(&hash)
    .bind(next)
    .bind(crate::clock::today())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(claimed == 1)
}

/// How the first submission of a used token was answered, for answering a repeat the same way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FirstAnswer {
    /// Where a plain (no-JavaScript) POST was sent on to (`/ledger/…`); empty when not known.
    pub next: String,
    /// A call from the hydrated app: the server function's content type and encoded value, as first sent.
    pub answer: Option<(String, String)>,
}

/// How the first submission with the token hashed as `hash` was answered: `None` while the token is unused.
pub async fn first_answer(pool: &sqlx::AnyPool, hash: &str) -> Result<Option<FirstAnswer>, sqlx::Error> {
    let row: Option<(String, Option<String>, Option<String>)> =
        sqlx::query_as("SELECT next, answer_type, answer FROM submission WHERE token_hash = $1")
            .bind(hash)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(next, answer_type, answer)| FirstAnswer { next, answer: answer_type.zip(answer) }))
}

/// Records how the first submission with a token was answered, once it has been (a plain POST's next page, or
/// the hydrated app's encoded value), so that a repeat gets the same answer. Only the first answer is kept.
pub async fn record_submission_answer(
    pool: &sqlx::AnyPool,
    hash: &str,
    next: &str,
    answer: Option<(&str, &str)>,
) -> Result<(), sqlx::Error> {
    let (answer_type, answer) = answer.unzip();
    sqlx::query(
        "UPDATE submission SET next = $2, answer_type = $3, answer = $4 \
         WHERE token_hash = $1 AND next = '' AND answer IS NULL",
    )
    .bind(hash)
    .bind(next)
    .bind(answer_type)
    .bind(answer)
    .execute(pool)
    .await?;
    Ok(())
}

/// Forgets submission tokens used more than a week ago (run by information's housekeeping every five minutes):
/// a page that old is sent again only by mistake, and then stores what it says once more, as a new page would.
pub async fn clear_old_submissions(pool: &sqlx::AnyPool) -> Result<usize, crate::error::AppError> {
    let before = (crate::clock::today_date() - chrono::Duration::days(7)).format("%Y-%m-%d").to_string();
    let done = sqlx::query("DELETE FROM submission WHERE used_on < $1").bind(before).execute(pool).await?;
    Ok(usize::try_from(done.rows_affected()).unwrap_or(usize::MAX))
}

#[cfg(test)]
mod tests {
    use super::{bound_token, canonical_fields, safe_next, submission_hash};

    #[test]
    fn a_token_is_bound_to_what_was_sent_with_it() {
        let token = "0123456789abcdef0123456789abcdef";
        let fields =
            |name: &str| vec![("name".to_owned(), name.to_owned()), ("submission".to_owned(), token.to_owned())];
        let first = bound_token(token, &canonical_fields(&fields("Back One"))).unwrap();
        assert_eq!(first.len(), 32);
        assert!(submission_hash(&first).is_some(), "a bound token is a token");
        assert_eq!(Some(first.clone()), bound_token(token, &canonical_fields(&fields("Back One"))), "sent again");
        assert_ne!(Some(first), bound_token(token, &canonical_fields(&fields("Back Two"))), "other words");
        assert_eq!(bound_token("", b""), None, "no token, nothing to bind");
    }

    #[test]
    fn only_a_well_formed_token_is_claimed() {
        assert_eq!(submission_hash("0123456789abcdef0123456789abcdef").map(|h| h.len()), Some(64));
        assert_eq!(
            submission_hash(" 0123456789abcdef0123456789abcdef "),
            submission_hash("0123456789abcdef0123456789abcdef")
        );
        for not_a_token in ["", "   ", "a b", "<script>", &"a".repeat(65)] {
            assert_eq!(submission_hash(not_a_token), None, "{not_a_token}");
        }
    }

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(safe_next("/admin/people?x=1"), "/admin/people?x=1");
        for unsafe_next in ["https://evil.example", "//evil.example", "/\\evil.example", "", "javascript:alert(1)"] {
            assert_eq!(safe_next(unsafe_next), "/", "{unsafe_next}");
        }
    }
}
