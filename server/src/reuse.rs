//! Public pages reused for a second: the answer to a crowd arriving at once (a poster on a ward, a link sent to
//! a group, a volunteer role shared on social media). The first visitor in a second has the page rendered and
//! read from the database as usual; the visitors after them, in the same second on the same app server, get
//! that page again with their own single-use form tokens and their own CSP nonce. It is the same trade as the
//! feedback form's page (`consultation::answering::handlers::FormPageCache`) made at the HTTP layer, as web
//! servers' "microcaching" does; measured by `scripts/bench` (README, Benchmarks).
//!
//! Which pages: [`app::routes::REUSED_PAGES`]. A page is reused only for a visitor who sends no cookie at all
//! (so never for anyone signed in, and never a page that set a cookie), for a GET with no query string (so no
//! page that answers a token, shows a message after a form, or takes a filter), when the page answered 200
//! with HTML. A copy is given out while (a) less than [`FRESH_FOR`] has passed, (b) the service's clock reads
//! within that second of when it was made (a test clock moved on, or stopped, makes a fresh page), and (c) no
//! request other than a GET or HEAD has passed through this app server since: any form sent here may have
//! changed what the page shows. Other app servers, and housekeeping jobs, are at most a second behind.

use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, RwLock,
    },
    time::{Duration, Instant},
};

use axum::{
    body::{Body, Bytes},
    extract::Request,
    http::{header, HeaderMap, Method, StatusCode},
    middleware::Next,
    response::Response,
};
use chrono::{DateTime, Utc};

/// How long a page is given out again: one second (the feedback form's figure, `PAGE_FRESH_FOR`).
pub const FRESH_FOR: Duration = Duration::from_secs(1);

/// The largest page read to be kept, in bytes: far above any public page (the largest is about 50 KB).
const MOST_BYTES: usize = 8 * 1024 * 1024;

/// At most this many pages are kept; past it, stale ones go, then all (a bound on memory whatever the paths).
const MOST_PAGES: usize = 1_000;

/// The start of a single-use token's hidden field, as `ui::SubmissionToken` renders it; 32 hex digits follow.
const TOKEN_FIELD: &str = "name=\"submission\" value=\"";

/// One page as rendered, with what it was made under.
struct Kept {
    made: Instant,
    clock: DateTime<Utc>,
    writes: u64,
    nonce: String,
    headers: HeaderMap,
    body: Bytes,
}

/// This app server's reused pages, and its count of requests that may have written.
#[derive(Clone, Default)]
pub struct PageReuse {
    pages: Arc<RwLock<HashMap<String, Kept>>>,
    writes: Arc<AtomicU64>,
}

/// Whether a request may be answered with, or fill, a reused page.
fn reusable(request: &Request) -> bool {
    request.method() == Method::GET
        && request.uri().query().is_none()
        && !request.headers().contains_key(header::COOKIE)
        && app::routes::is_reused_page(request.uri().path())
}

/// The middleware: serves a fresh-enough copy, or renders and keeps the page. Every request that is not a GET
/// or HEAD counts as a possible write first, so a page is never given out from before a form sent here.
pub async fn public_pages(
    axum::extract::State(reuse): axum::extract::State<PageReuse>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        reuse.writes.fetch_add(1, Ordering::SeqCst);
        return next.run(request).await;
    }
    if !reusable(&request) {
        return next.run(request).await;
    }
    let path = request.uri().path().to_owned();
    let nonce = request.extensions().get::<app::CspNonce>().map(|n| n.0.clone()).unwrap_or_default();
    let clock = app::clock::now();
    let writes = reuse.writes.load(Ordering::SeqCst);
    if let Some(response) = reuse.copy(&path, clock, writes, &nonce) {
        return response;
    }
    let response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if response.status() != StatusCode::OK || !html || response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MOST_BYTES).await else {
        // Larger than any public page, or the body failed: what was read cannot be sent on.
        return crate::startup::calm_500();
    };
    reuse.keep(
        &path,
        Kept { made: Instant::now(), clock, writes, nonce, headers: parts.headers.clone(), body: body.clone() },
    );
    Response::from_parts(parts, Body::from(body))
}

impl PageReuse {
    /// A copy of the kept page for `path`, if it is fresh enough: with fresh tokens and this response's nonce.
    fn copy(&self, path: &str, clock: DateTime<Utc>, writes: u64, nonce: &str) -> Option<Response> {
        let pages = self.pages.read().ok()?;
        let kept = pages.get(path)?;
        let since = clock.signed_duration_since(kept.clock);
        let fresh = kept.made.elapsed() < FRESH_FOR
            && since >= chrono::Duration::zero()
            && since < chrono::Duration::from_std(FRESH_FOR).ok()?
            && kept.writes == writes;
        if !fresh {
            return None;
        }
        let html = std::str::from_utf8(&kept.body).ok()?;
        let body = personalised(html, &kept.nonce, nonce);
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = kept.headers.clone();
        response.headers_mut().remove(header::CONTENT_LENGTH);
        Some(response)
    }

    fn keep(&self, path: &str, kept: Kept) {
        if let Ok(mut pages) = self.pages.write() {
            if pages.len() >= MOST_PAGES {
                pages.retain(|_, k| k.made.elapsed() < FRESH_FOR);
                if pages.len() >= MOST_PAGES {
                    pages.clear();
                }
            }
            pages.insert(path.to_owned(), kept);
        }
    }
}

/// `html` with each single-use token replaced by a fresh one and the nonce it was rendered with by `nonce`, so
/// that no two visitors share a token (a second applicant's form would be taken for a repeat of the first's)
/// and the page's inline scripts run under this response's Content-Security-Policy.
fn personalised(html: &str, old_nonce: &str, nonce: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(TOKEN_FIELD) {
        let (before, after) = rest.split_at(at + TOKEN_FIELD.len());
        out.push_str(before);
        let hex = after.bytes().take_while(u8::is_ascii_hexdigit).count();
        if hex == 32 {
            out.push_str(&app::forms::new_submission_token());
            rest = &after[32..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    if old_nonce.is_empty() || old_nonce == nonce {
        out
    } else {
        out.replace(&format!("nonce=\"{old_nonce}\""), &format!("nonce=\"{nonce}\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_copy_gets_fresh_tokens_and_its_own_nonce() {
        let token = "0123456789abcdef0123456789abcdef";
        let page = format!(
            "<script nonce=\"OLD\">x</script><input type=\"hidden\" {TOKEN_FIELD}{token}\"><input {TOKEN_FIELD}{token}\">\
             <input {TOKEN_FIELD}short\">"
        );
        let copy = personalised(&page, "OLD", "NEW");
        assert!(!copy.contains(token), "{copy}");
        assert!(copy.contains("nonce=\"NEW\"") && !copy.contains("OLD"), "{copy}");
        assert_eq!(copy.matches(TOKEN_FIELD).count(), 3);
        assert!(copy.contains(&format!("{TOKEN_FIELD}short\"")), "a value that is no token is left alone");
        let again = personalised(&page, "OLD", "NEW");
        assert_ne!(copy, again, "two copies never share a token");
    }
}
