//! What every request passes through before it reaches a page or server function:
//!
//! - `security_headers`: a Content-Security-Policy whose only inline script is the hydration script,
//!   allowed by a fresh nonce per response, plus `nosniff`, a same-origin referrer policy and no framing
//!   (the policy, framing and permissions headers on documents only: see `is_subresource`).
//! - `refuse_cross_origin`: a state-changing request (anything but GET/HEAD/OPTIONS) whose `Origin` (or
//!   `Referer`, or `Sec-Fetch-Site`) shows it came from another site is refused with 403. With the
//!   SameSite=Lax session cookie this is Continuum's defence against cross-site request forgery.
//! - `resolve_visitor`: reads the session cookie once and leaves the `Visitor` for server functions and pages.

use std::sync::Arc;

use app::{
    accounts::{access::Visitor, session},
    state::AppState,
    CspNonce,
};
use axum::{
    body::Body,
    extract::{ConnectInfo, Request, State},
    http::{header, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use base64::{engine::general_purpose::STANDARD, Engine as _};
use rand::RngCore;

/// What the request gates need to know besides the app state.
#[derive(Clone)]
pub struct Gate {
    pub app: AppState,
    /// Trust the last `X-Forwarded-For` hop as the client address.
    pub behind_proxy: bool,
    /// The `host[:port]` of the configured base URL: form posts from it are same-origin even behind a proxy
    /// that rewrites `Host`.
    pub base_authority: Arc<str>,
}

/// How long browsers remember to use HTTPS only, once told (a year, in seconds).
const HSTS_MAX_AGE: u32 = 31_536_000;

pub async fn security_headers(State(gate): State<Gate>, mut request: Request, next: Next) -> Response {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    let nonce = STANDARD.encode(bytes);
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let document = !is_subresource(response.headers());
    let csp = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    let headers = response.headers_mut();
    if document {
        if let Ok(value) = HeaderValue::from_str(&csp) {
            headers.insert(header::CONTENT_SECURITY_POLICY, value);
        }
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        headers.insert(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
        );
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // Same-origin referrers only: plain form posts need theirs to come back to the form; no other site
    // learns which Continuum page someone came from.
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    // Secure cookies mean the site is served over HTTPS: browsers are told to use nothing else.
    if gate.app.security.secure_cookies {
        if let Ok(value) = HeaderValue::from_str(&format!("max-age={HSTS_MAX_AGE}")) {
            headers.insert(header::STRICT_TRANSPORT_SECURITY, value);
        }
    }
    response
}

/// Whether a response is a stylesheet, script, WebAssembly, font or raster image: loaded by a page, never a
/// document itself, so the page's policy governs it and its own Content-Security-Policy, frame and
/// permissions headers would do nothing. They are left off those (about 450 bytes each, which a page on a
/// cheap phone pays for every stylesheet it loads); every other response, SVG and anything unknown included,
/// carries them. `nosniff` goes on everything, so each of these is only ever read as its declared type.
fn is_subresource(headers: &axum::http::HeaderMap) -> bool {
    let kind = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let kind = kind.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    matches!(
        kind.as_str(),
        "text/css"
            | "text/javascript"
            | "application/javascript"
            | "application/wasm"
            | "image/png"
            | "image/jpeg"
            | "image/webp"
            | "image/x-icon"
            | "image/vnd.microsoft.icon"
    ) || kind.starts_with("font/")
}

use axum::http::HeaderName;

/// The `host[:port]` part of an origin or URL (`https://a.example:8443/x` → `a.example:8443`).
fn authority_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    Some(rest.split(['/', '?', '#']).next().unwrap_or(rest))
}

/// Decides whether a request may change anything. Pure, so it can be tested without a server.
pub fn is_cross_origin(method: &Method, headers: &axum::http::HeaderMap, base_authority: &str) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    let get = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    if get(HeaderName::from_static("sec-fetch-site")).is_some_and(|site| site == "cross-site" || site == "same-site") {
        return true;
    }
    let host = get(header::HOST);
    let same = |authority: Option<&str>| authority.is_some_and(|a| Some(a) == host || a == base_authority);
    if let Some(origin) = get(header::ORIGIN) {
        return !same(authority_of(origin));
    }
    if let Some(referer) = get(header::REFERER) {
        return !same(authority_of(referer));
    }
    // No Origin and no Referer: not a browser form post from another site (browsers send Origin on every
    // cross-origin POST), so scripts and tools using the API are allowed.
    false
}

pub async fn refuse_cross_origin(State(gate): State<Gate>, request: Request, next: Next) -> Response {
    if is_cross_origin(request.method(), request.headers(), &gate.base_authority) {
        tracing::warn!(path = %request.uri().path(), "cross-origin request refused");
        return (StatusCode::FORBIDDEN, "This request came from another website, so Continuum refused it.")
            .into_response();
    }
    next.run(request).await
}

/// Paths that never need to know who is asking: static files and health checks.
fn is_static(path: &str) -> bool {
    ["/pkg/", "/vendor/", "/assets/", "/healthz", "/readyz", "/favicon"].iter().any(|p| path.starts_with(p))
}

pub async fn resolve_visitor(
    State(gate): State<Gate>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    mut request: Request<Body>,
    next: Next,
) -> Response {
    if is_static(request.uri().path()) {
        return next.run(request).await;
    }
    let forwarded = gate
        .behind_proxy
        .then(|| request.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok()))
        .flatten()
        .and_then(|v| v.rsplit(',').next())
        .map(|v| v.trim().to_owned());
    // A feedback form's requests carry no client address at all, so nothing downstream can keep one: only a
    // keyed hash of it, which the feedback throttle counts and forgets within minutes.
    let (client, anonymous_client) = if request.uri().path().starts_with("/f/") {
        let ip = forwarded.and_then(|f| f.parse().ok()).unwrap_or_else(|| peer.ip());
        (String::new(), Some(app::accounts::access::anonymous_client_key(ip)))
    } else {
        (forwarded.unwrap_or_else(|| peer.ip().to_string()), None)
    };
    let security = &gate.app.security;
    let token = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|cookies| session::token_from_cookie_header(cookies, security));
    let user = match token {
        Some(token) => session::resolve(&gate.app.pool, &token, security).await.unwrap_or_else(|error| {
            tracing::error!(error = %error, "could not look up a session; treating the visitor as signed out");
            None
        }),
        None => None,
    };
    let signed_in = user.is_some();
    let secret_link = app::links::carries_secret(request.uri().query());
    request.extensions_mut().insert(Visitor { user, client, anonymous_client });
    let mut response = next.run(request).await;
    // Nothing shown to someone signed in (pages, exports), nothing opened by a secret link (an applicant's
    // status, a referee's form: `links::SECRET_PARAMETERS`), and no answer that sets a cookie, may be kept by a
    // browser or proxy: wards share computers.
    if signed_in || secret_link || response.headers().contains_key(header::SET_COOKIE) {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderMap;

    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        map
    }

    #[test]
    fn a_post_from_another_site_is_cross_origin_and_one_from_here_is_not() {
        let base = "continuum.example:443";
        let here = headers(&[("host", "127.0.0.1:3000"), ("origin", "http://127.0.0.1:3000")]);
        assert!(!is_cross_origin(&Method::POST, &here, base));
        let elsewhere = headers(&[("host", "127.0.0.1:3000"), ("origin", "https://evil.example")]);
        assert!(is_cross_origin(&Method::POST, &elsewhere, base));
        assert!(!is_cross_origin(&Method::GET, &elsewhere, base));
        let null_origin = headers(&[("host", "127.0.0.1:3000"), ("origin", "null")]);
        assert!(is_cross_origin(&Method::POST, &null_origin, base));
        let fetch_meta = headers(&[("host", "127.0.0.1:3000"), ("sec-fetch-site", "cross-site")]);
        assert!(is_cross_origin(&Method::POST, &fetch_meta, base));
        let referer = headers(&[("host", "127.0.0.1:3000"), ("referer", "https://evil.example/page")]);
        assert!(is_cross_origin(&Method::POST, &referer, base));
        let behind_proxy = headers(&[("host", "10.0.0.5:3000"), ("origin", "https://continuum.example:443")]);
        assert!(!is_cross_origin(&Method::POST, &behind_proxy, base));
    }
}
