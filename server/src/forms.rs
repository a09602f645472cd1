//! The one way every form works without JavaScript: post/redirect/get, and a refused POST answered with the page
//! itself.
//!
//! Leptos answers a plain (no-JavaScript) form POST to a server function with a redirect: onwards on success,
//! and back to the form on error with the error, including everything typed, base64-encoded in the address
//! (`?__path=…&__err=…`). Addresses end up in browser history and proxy logs, and a page that believes its
//! address shows whatever an address says. So for every plain POST (one that accepts `text/html`):
//!
//! - a success is answered `303 See Other` to the next page (post/redirect/get);
//! - a refusal never leaves the server as an address: the page the form was on (the `Referer`, same-origin only)
//!   is rendered again here with the refusal in context (`ui::RefusedPost`: its messages and what was posted,
//!   never a password), under the refusal's own status (422 for a mistake), and nothing is stored;
//! - a body too large or unreadable is a page too, saying what happened and what to do next;
//! - a GET whose address carries `__path` or `__err` is sent to the same address without them, so no page is
//!   ever rendered from words in its address.
//!
//! It also answers **the same form sent twice** (a double click, a retry after a timeout, Back and send again),
//! plain or from the hydrated app. Each copy of a form page carries a single-use token (`ui::SubmissionToken`),
//! which the server function uses for its change in the change's own transaction
//! (`db::Write::claim_submission`). Here, for every POST to a server function that carries one:
//!
//! - once the first submission with the token is answered, the answer is kept with the token (the next page of a
//!   plain POST, the encoded value for the hydrated app; `app::forms::record_submission_answer`);
//! - a repeat of a used token is answered with that, at once, and the server function does not run: `303` to the
//!   same page, or the same value;
//! - a repeat that arrives while the first is still being answered is refused by the server function (the token
//!   is taken) and, here, answered as the first once its answer is known (within 20 seconds); failing that, a
//!   plain POST gets a page saying plainly that the form was already sent, and the hydrated app the same words
//!   beside the form, everything typed still there.

use app::{
    error::AppError,
    shell,
    state::AppState,
    ui::{Refusal, RefusedPost},
};
use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{header, HeaderValue, Method, StatusCode, Uri},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use base64::{engine::general_purpose::URL_SAFE, Engine as _};
use leptos::prelude::provide_context;
use server_fn::error::FromServerFnError;

/// The largest request body accepted: room for a 5 MB leaflet upload; every form is far smaller.
pub const BODY_LIMIT: usize = 6 * 1024 * 1024;

/// The hidden field naming the page a form is on (`ui::PageField`, inside every form's token): a refused plain
/// POST is answered with that page even without a `Referer`, and a re-rendered page (whose address is now the
/// server function's) still names its own. Forms of a re-rendered page that lack it get it added here.
const PAGE_FIELD: &str = app::ui::form::PAGE_FIELD;

/// The hidden field carrying a served copy of a form page's single-use token (`ui::SubmissionToken`).
const TOKEN_FIELD: &str = "submission";

/// Query parameters Leptos uses to carry a server function's error in an address.
const ERROR_PARAMETERS: [&str; 2] = ["__path", "__err"];

/// Whether a request asks for a page (a browser's own navigation or form submission).
fn accepts_html(request: &Request) -> bool {
    request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

/// Whether a request is a browser's own form submission (it asks for a page back), not a call from the
/// hydrated app (which asks for the function's encoded value).
fn is_plain_post(request: &Request) -> bool {
    request.method() == Method::POST && accepts_html(request)
}

/// The address without Leptos's error parameters, if it had any.
fn without_error_parameters(uri: &Uri) -> Option<String> {
    let query = uri.query()?;
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    if !pairs.iter().any(|(k, _)| ERROR_PARAMETERS.contains(&k.as_str())) {
        return None;
    }
    let kept: Vec<&(String, String)> = pairs.iter().filter(|(k, _)| !ERROR_PARAMETERS.contains(&k.as_str())).collect();
    let mut address = uri.path().to_owned();
    if !kept.is_empty() {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in kept {
            query.append_pair(k, v);
        }
        address.push('?');
        address.push_str(&query.finish());
    }
    Some(address)
}

/// The same-origin page a form was posted from (path and query), from the `Referer`.
fn form_page(request: &Request, base_authority: &str) -> Option<String> {
    let referer = request.headers().get(header::REFERER)?.to_str().ok()?;
    let url = url::Url::parse(referer).ok()?;
    let authority = &url[url::Position::BeforeHost..url::Position::AfterPort];
    let host = request.headers().get(header::HOST).and_then(|v| v.to_str().ok());
    if Some(authority) != host && authority != base_authority {
        return None;
    }
    let uri: Uri = url[url::Position::BeforePath..url::Position::AfterQuery].parse().ok()?;
    Some(without_error_parameters(&uri).unwrap_or_else(|| uri.to_string()))
}

/// The value of the text field `name` of a multipart body (an upload): the text between its headers and the
/// next boundary.
fn multipart_text(body: &Bytes, name: &str) -> Option<String> {
    let text = String::from_utf8_lossy(body);
    let marker = format!("name=\"{name}\"");
    text.find(&marker).and_then(|at| {
        let rest = &text[at + marker.len()..];
        let start = rest.find("\r\n\r\n")? + 4;
        rest[start..].split("\r\n").next().map(str::to_owned)
    })
}

/// The value of the field `name` of a posted form, urlencoded (as a form or the hydrated app posts it) or
/// multipart.
fn posted_field(content_type: Option<&str>, body: &Bytes, name: &str) -> Option<String> {
    match content_type {
        Some(t) if t.starts_with("application/x-www-form-urlencoded") => {
            url::form_urlencoded::parse(body).find(|(k, _)| k == name).map(|(_, v)| v.into_owned())
        }
        Some(t) if t.starts_with("multipart/form-data") => multipart_text(body, name),
        _ => None,
    }
}

/// What a form sent, for binding its token to it (`app::forms::bound_token`): a urlencoded form's fields; an
/// upload's body without its boundary (a browser picks a new one for each request, so a retried upload is the
/// same) and without the token.
fn sent_content(content_type: Option<&str>, body: &Bytes) -> Vec<u8> {
    match content_type {
        Some(t) if t.starts_with("application/x-www-form-urlencoded") => {
            let fields: Vec<(String, String)> = url::form_urlencoded::parse(body).into_owned().collect();
            app::forms::canonical_fields(&fields)
        }
        Some(t) if t.starts_with("multipart/form-data") => {
            let boundary = t.split("boundary=").nth(1).map(|b| b.trim_matches('"')).unwrap_or_default();
            let text = String::from_utf8_lossy(body);
            let without = if boundary.is_empty() { text.into_owned() } else { text.replace(boundary, "") };
            let token = multipart_text(body, TOKEN_FIELD).unwrap_or_default();
            if token.is_empty() { without } else { without.replacen(&token, "", 1) }.into_bytes()
        }
        _ => body.to_vec(),
    }
}

/// The body with the posted token `posted` replaced by `bound` in its token field.
fn with_token(content_type: Option<&str>, body: &Bytes, posted: &str, bound: &str) -> Bytes {
    match content_type {
        Some(t) if t.starts_with("application/x-www-form-urlencoded") => {
            let mut out = url::form_urlencoded::Serializer::new(String::new());
            for (k, v) in url::form_urlencoded::parse(body) {
                out.append_pair(&k, if k == TOKEN_FIELD { bound } else { &v });
            }
            Bytes::from(out.finish())
        }
        Some(t) if t.starts_with("multipart/form-data") => {
            let marker = format!("name=\"{TOKEN_FIELD}\"\r\n\r\n{posted}");
            let replacement = format!("name=\"{TOKEN_FIELD}\"\r\n\r\n{bound}");
            match find_bytes(body, marker.as_bytes()) {
                Some(at) => {
                    let mut out = Vec::with_capacity(body.len() + bound.len());
                    out.extend_from_slice(&body[..at]);
                    out.extend_from_slice(replacement.as_bytes());
                    out.extend_from_slice(&body[at + marker.len()..]);
                    Bytes::from(out)
                }
                None => body.clone(),
            }
        }
        _ => body.clone(),
    }
}

/// Where `needle` first occurs in `haystack`.
fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len().max(1)).position(|w| w == needle)
}

/// The page named by a re-rendered form's `PAGE_FIELD`, if it is a page of this site.
fn page_field(content_type: Option<&str>, body: &Bytes) -> Option<String> {
    let named = posted_field(content_type, body, PAGE_FIELD)?;
    let local = named.starts_with('/')
        && !named.starts_with("//")
        && !named.starts_with("/api/")
        && !named.contains('\\')
        && !named.chars().any(char::is_control);
    local.then_some(named)
}

/// Adds `PAGE_FIELD`, naming `page`, to every form on a re-rendered page that posts.
fn name_the_page_in_forms(html: &str, page: &str) -> String {
    let escaped = page.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    let field = format!("<input type=\"hidden\" name=\"{PAGE_FIELD}\" value=\"{escaped}\">");
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(at) = rest.find("<form") {
        let Some(end) = rest[at..].find('>') else { break };
        let tag = &rest[at..at + end + 1];
        out.push_str(&rest[..at + end + 1]);
        let form = &rest[at + end + 1..];
        let inside = &form[..form.find("</form>").unwrap_or(form.len())];
        // A form that names its page already (`ui::PageField`) is left as it is: a field posted twice is a form
        // the server function cannot read.
        if tag.contains("method=\"post\"") && !inside.contains(&format!("name=\"{PAGE_FIELD}\"")) {
            out.push_str(&field);
        }
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    out
}

/// The fields of a urlencoded body, without passwords: what the page shows again.
fn posted_fields(content_type: Option<&str>, body: &Bytes) -> Vec<(String, String)> {
    if !content_type.is_some_and(|t| t.starts_with("application/x-www-form-urlencoded")) {
        return Vec::new();
    }
    url::form_urlencoded::parse(body).into_owned().filter(|(field, _)| !field.contains("password")).collect()
}

/// The error Leptos put in a redirect's address, decoded here so that it never leaves the server.
fn error_in(location: &str) -> Option<(String, AppError)> {
    let url = url::Url::parse("http://localhost/").ok()?.join(location).ok()?;
    let path = url.query_pairs().find(|(k, _)| k == "__path")?.1.into_owned();
    let encoded = url.query_pairs().find(|(k, _)| k == "__err")?.1.into_owned();
    let error = match URL_SAFE.decode(encoded.as_bytes()) {
        Ok(bytes) => AppError::de(bytes.into()),
        Err(_) => AppError::Internal,
    };
    Some((path, error))
}

/// The largest form of typed text (`application/x-www-form-urlencoded`) a server function reads: axum's default
/// body limit, which Leptos's handler reads it under. A larger one is refused here as too large, rather than
/// reaching the server function as a form it cannot read and being shown back whole.
pub const FORM_TEXT_LIMIT: usize = 2 * 1024 * 1024;

/// The page for a body over the limit, in words that fit every form (typed text or a file).
fn too_large() -> Refusal {
    Refusal {
        status: StatusCode::PAYLOAD_TOO_LARGE.as_u16(),
        title: "What you sent is too large".into(),
        message: format!(
            "Nothing was saved. Continuum takes at most {} MB in one go with a file, and at most {} MB of typed \
             text. Go back, make what you typed shorter or choose a smaller file, and send it again.",
            BODY_LIMIT / (1024 * 1024),
            FORM_TEXT_LIMIT / (1024 * 1024)
        ),
    }
}

/// Answers every plain form POST as the module says, and a repeat of a used submission token (plain or from the
/// hydrated app) as its first submission was; other requests pass through.
pub async fn plain_posts(
    State(state): State<(AppState, std::sync::Arc<str>)>,
    request: Request,
    next: Next,
) -> Response {
    let (app, base_authority) = state;
    if matches!(*request.method(), Method::GET | Method::HEAD) {
        if let Some(clean) = without_error_parameters(request.uri()) {
            return Redirect::to(&clean).into_response();
        }
        if !accepts_html(&request) {
            return next.run(request).await;
        }
        // A browser opening an address that only takes forms (a server function's `/api/…`, left in the address
        // bar after a refused form): a page saying so, not a blank answer.
        let (parts, body) = request.into_parts();
        let response = next.run(Request::from_parts(parts.clone(), body)).await;
        if response.status() == StatusCode::METHOD_NOT_ALLOWED {
            return render_refusal(&app, Request::from_parts(parts, Body::empty()), only_takes_forms()).await;
        }
        return response;
    }
    let plain = is_plain_post(&request);
    let to_server_function = request.method() == Method::POST && request.uri().path().starts_with("/api/");
    if !plain && !to_server_function {
        return next.run(request).await;
    }
    let referer_page = form_page(&request, &base_authority);
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let (parts, body) = request.into_parts();
    let body = if declared.is_some_and(|length| length > BODY_LIMIT) {
        discard(body).await;
        None
    } else {
        axum::body::to_bytes(body, BODY_LIMIT).await.ok()
    };
    let content_type = parts.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let typed_text = content_type.as_deref().is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
    let body = body.filter(|b| !typed_text || b.len() <= FORM_TEXT_LIMIT);
    let Some(body) = body else {
        if !plain {
            return StatusCode::PAYLOAD_TOO_LARGE.into_response();
        }
        return render_refusal(&app, Request::from_parts(parts, Body::empty()), too_large()).await;
    };
    // The page's token, bound to what was sent with it: the server function claims the bound one (the body is
    // rewritten to carry it), so only the same copy sent again unchanged is a repeat (`app::forms::bound_token`).
    let mut parts = parts;
    let sent = body.clone();
    let mut body = body;
    let token = match to_server_function.then(|| posted_field(content_type.as_deref(), &body, TOKEN_FIELD)).flatten() {
        Some(posted) => match app::forms::bound_token(&posted, &sent_content(content_type.as_deref(), &body)) {
            Some(bound) => {
                body = with_token(content_type.as_deref(), &body, &posted, &bound);
                if let Ok(length) = HeaderValue::from_str(&body.len().to_string()) {
                    parts.headers.insert(header::CONTENT_LENGTH, length);
                }
                app::forms::submission_hash(&bound)
            }
            None => None,
        },
        None => None,
    };
    // A copy of a page sent again after its first submission was stored: answered the same way — at once when
    // the first was answered, or as soon as it is when the first is still being answered (a double click, or a
    // browser that gave up on the first and sent it again).
    if let Some(hash) = &token {
        if let Some(first) = first_answer_when_known(&app, hash).await {
            let request = Request::from_parts(parts.clone(), Body::empty());
            if let Some(answer) = answer_again(&app, request, plain, &first).await {
                return answer;
            }
        }
    }
    let mut request = Request::from_parts(parts.clone(), Body::from(body.clone()));
    if plain && referer_page.is_none() {
        // Leptos puts a refusal in the address of the `Referer`, and without one it drops the refusal and answers
        // with the home page: it is given one (this site's, the page the form names) so that the refusal reaches
        // this layer, which renders the form's page below.
        let page = page_field(content_type.as_deref(), &body).unwrap_or_else(|| "/".to_owned());
        if let Ok(referer) = HeaderValue::from_str(&format!("http://{base_authority}{page}")) {
            request.headers_mut().insert(header::REFERER, referer);
        }
    }
    // A form with a token is sent, and how it was answered kept, in a task of its own: a browser that gives up on
    // the request (the first of a double click, cancelled by the second) must not cut between the commit and the
    // keeping, or the second would never learn the first's answer and be told only "already sent".
    let response = match token.clone() {
        None => next.run(request).await,
        Some(hash) => {
            let (app, parts) = (app.clone(), parts.clone());
            let sent_and_kept = async move {
                let response = next.run(request).await;
                if !plain {
                    return answered_from_the_app(&app, parts, response, &hash).await;
                }
                if let Some(location) = successful_redirect(&response) {
                    remember_answer(&app, &hash, &location, None).await;
                }
                response
            };
            match tokio::spawn(app::clock::current().scope(sent_and_kept)).await {
                Ok(response) => response,
                Err(failed) => {
                    tracing::error!(error = %failed, "a form's submission task failed");
                    crate::startup::calm_500()
                }
            }
        }
    };
    if !plain {
        return response;
    }
    let mut response = response;
    if !response.status().is_redirection() {
        return answered_as_a_page(&app, parts, response).await;
    }
    // What the page shows again is what was sent, with the page's own token (the corrected form is the same copy).
    let posted = posted_fields(content_type.as_deref(), &sent);
    let page = page_field(content_type.as_deref(), &sent).or(referer_page);
    let location = response.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("/").to_owned();
    match error_in(&location) {
        None => {
            // (How it was answered is already kept, above.)
            // Post/redirect/get: the next page is fetched with GET, and Back or reload never posts again.
            *response.status_mut() = StatusCode::SEE_OTHER;
            response
        }
        Some((path, error)) => {
            // Refused because the same copy of the page was sent at the same moment and its first submission won:
            // answered as that one was.
            if let Some(hash) = &token {
                if let Some(first) = first_answer_when_known(&app, hash).await {
                    let request = Request::from_parts(parts.clone(), Body::empty());
                    if let Some(answer) = answer_again(&app, request, true, &first).await {
                        return answer;
                    }
                }
            }
            let refused = RefusedPost { path, error, posted, shown: Default::default() };
            let request = Request::from_parts(parts, Body::empty());
            match page {
                Some(page) => render_form_page(&app, request, &page, refused).await,
                None => {
                    let refusal = Refusal {
                        status: refused.error.status_code(),
                        title: "Your form was not sent".into(),
                        message: refused.error.in_words(),
                    };
                    render_refusal(&app, request, refusal).await
                }
            }
        }
    }
}

/// The refusal for a browser opening an address that only takes forms.
fn only_takes_forms() -> Refusal {
    Refusal {
        status: StatusCode::METHOD_NOT_ALLOWED.as_u16(),
        title: "This address is for sending forms".into(),
        message: "It is not a page you can open. Go back to the page you were on, or start again from the home page."
            .into(),
    }
}

/// A plain POST answered other than by a redirect: kept when it is a page (or a file); a bare answer (a page
/// address that takes no form: 405; a server function the server does not have; a body it could not read) becomes
/// a page in the service's frame saying what happened, under the same status. Nothing was stored.
async fn answered_as_a_page(app: &AppState, parts: axum::http::request::Parts, response: Response) -> Response {
    let status = response.status();
    let is_page =
        response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| {
            t.starts_with("text/html") || t.starts_with("application/pdf") || t.starts_with("text/csv")
        });
    if status.is_success() || is_page {
        return response;
    }
    let refusal = if status == StatusCode::METHOD_NOT_ALLOWED {
        Refusal {
            status: status.as_u16(),
            title: "This page does not take forms".into(),
            message: "Nothing was saved. Go back to the form you were filling in and send it from there.".into(),
        }
    } else if status.is_server_error() {
        Refusal {
            status: status.as_u16(),
            title: "Sorry, there is a problem with the service".into(),
            message: "Nothing was saved. Go back and try again in a few minutes.".into(),
        }
    } else {
        Refusal {
            status: status.as_u16(),
            title: "Your form was not sent".into(),
            message: "Nothing was saved. Go back to the page you were on, reload it and send the form again.".into(),
        }
    };
    render_refusal(app, Request::from_parts(parts, Body::empty()), refusal).await
}

/// A call from the hydrated app with a submission token, once answered: a success's encoded value is kept for
/// a repeat of the token; a refusal because the token was used meanwhile (the same form sent twice at once) is
/// answered with the first one's value.
async fn answered_from_the_app(
    app: &AppState,
    parts: axum::http::request::Parts,
    response: Response,
    hash: &str,
) -> Response {
    if response.status().is_success() {
        let (response_parts, body) = response.into_parts();
        let Ok(value) = axum::body::to_bytes(body, BODY_LIMIT).await else {
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        };
        let content_type =
            response_parts.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
        if let Ok(text) = std::str::from_utf8(&value) {
            remember_answer(app, hash, "", Some((content_type, text))).await;
        }
        return Response::from_parts(response_parts, Body::from(value));
    }
    if response.status().is_client_error() {
        if let Some(first) = first_answer_when_known(app, hash).await {
            if let Some(answer) = answer_again(app, Request::from_parts(parts, Body::empty()), false, &first).await {
                return answer;
            }
        }
    }
    response
}

/// Where a plain POST's success sends the browser on: its redirect's `Location`, unless that carries a refusal
/// (Leptos answers a refused plain POST by a redirect to the form's page with the error in the address).
fn successful_redirect(response: &Response) -> Option<String> {
    if !response.status().is_redirection() {
        return None;
    }
    let location = response.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("/");
    error_in(location).is_none().then(|| location.to_owned())
}

/// Keeps how a token's first submission was answered (see `app::forms::record_submission_answer`). A failure
/// is logged: a repeat then gets the plain "already sent" answer instead of the first one.
async fn remember_answer(app: &AppState, hash: &str, next: &str, answer: Option<(&str, &str)>) {
    if let Err(error) = app::forms::record_submission_answer(&app.pool, hash, next, answer).await {
        tracing::error!(error = %error, "could not keep how a form's submission was answered");
    }
}

/// How a used token's first submission was answered, waiting a little for it to be known when the first is still
/// being answered (the two were sent at the same moment), up to 20 seconds; `None` when the token is unused.
async fn first_answer_when_known(app: &AppState, hash: &str) -> Option<app::forms::FirstAnswer> {
    // Up to 20 s: the first is answered as soon as its transaction commits, even on a busy machine; only a
    // server stopped in between leaves a repeat waiting this long, for the plain "already sent" answer.
    const TRIES: u32 = 400;
    let mut first = None;
    for _ in 0..TRIES {
        first = app::forms::first_answer(&app.pool, hash).await.ok().flatten();
        match &first {
            None => return None,
            Some(known) if !known.next.is_empty() || known.answer.is_some() => return first,
            Some(_) => tokio::time::sleep(std::time::Duration::from_millis(50)).await,
        }
    }
    first
}

/// The answer to a repeat of a used token, as its first submission was answered: the same `303` to the same next
/// page for a plain POST, the same encoded value for the hydrated app. When the first answer is not known (it is
/// still being sent, or the server stopped in between), a plain POST gets a page saying plainly that the form was
/// already sent, and the hydrated app gets `None`: its call goes on to the server function, which refuses it
/// with the same words (`ALREADY_SENT`) beside the form, everything typed still there.
async fn answer_again(
    app: &AppState,
    request: Request,
    plain: bool,
    first: &app::forms::FirstAnswer,
) -> Option<Response> {
    if plain {
        // The first answer's own `Location`, made by this server for this form: sent again as it was.
        if !first.next.is_empty() {
            return Some((StatusCode::SEE_OTHER, [(header::LOCATION, first.next.as_str())]).into_response());
        }
        let already = Refusal {
            status: StatusCode::OK.as_u16(),
            title: "This form was already sent".into(),
            message: app::forms::ALREADY_SENT.into(),
        };
        return Some(render_refusal(app, request, already).await);
    }
    let (content_type, value) = first.answer.clone()?;
    let mut response = (StatusCode::OK, value).into_response();
    if let Ok(content_type) = HeaderValue::from_str(&content_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, content_type);
    }
    Some(response)
}

/// Reads and drops a body too large to take (up to a bound), so the browser, still sending, reads the page that
/// answers it rather than a broken connection.
async fn discard(body: Body) {
    use http_body_util::BodyExt as _;
    const READ_AT_MOST: usize = 8 * BODY_LIMIT;
    let mut body = body;
    let mut read = 0;
    while let Some(Ok(frame)) = body.frame().await {
        read += frame.data_ref().map_or(0, |d| d.len());
        if read > READ_AT_MOST {
            return;
        }
    }
}

/// A request for `page` made from `request` (its session, nonce and visitor), as a GET.
fn get_for(request: Request, page: &str) -> Request {
    let (mut parts, _) = request.into_parts();
    parts.method = Method::GET;
    parts.uri = page.parse().unwrap_or_else(|_| Uri::from_static("/"));
    parts.headers.remove(header::CONTENT_TYPE);
    parts.headers.remove(header::CONTENT_LENGTH);
    Request::from_parts(parts, Body::empty())
}

/// The form's page rendered again with the refusal, under the refusal's status.
async fn render_form_page(app: &AppState, request: Request, page: &str, refused: RefusedPost) -> Response {
    let status = StatusCode::from_u16(refused.error.status_code()).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
    let state = app.clone();
    let options = app.leptos_options.clone();
    let in_context = refused.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(state.clone());
            provide_context(state.clock.clone());
            provide_context(in_context.clone());
        },
        move || shell((*options).clone()),
    );
    let (parts, _) = request.into_parts();
    let mut response = handler(get_for(Request::from_parts(parts.clone(), Body::empty()), page)).await.into_response();
    // The page may have answered otherwise (a sign-in redirect for a visitor whose session ended): keep that.
    if response.status().is_redirection() {
        return response;
    }
    if response.status() != StatusCode::OK {
        return naming_the_page(response, page).await;
    }
    if !refused.shown.load(std::sync::atomic::Ordering::Relaxed) {
        // The form was not on the page it was posted from: its messages get a page of their own.
        let refusal = Refusal {
            status: refused.error.status_code(),
            title: "Your form was not sent".into(),
            message: refused.error.in_words(),
        };
        return render_refusal(app, Request::from_parts(parts, Body::empty()), refusal).await;
    }
    *response.status_mut() = status;
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    naming_the_page(response, page).await
}

/// A re-rendered page whose forms name `page` (see `PAGE_FIELD`), answered with `Content-Location: page`: the
/// answer is that page's, though the browser shows the server function's address it was posted to (RFC 9110
/// §8.7; browsers do not change their address bar for it, see the README's "Forms").
async fn naming_the_page(response: Response, page: &str) -> Response {
    let (mut parts, body) = response.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(html) => {
            let html = name_the_page_in_forms(&String::from_utf8_lossy(&html), page);
            parts.headers.remove(header::CONTENT_LENGTH);
            if let Ok(location) = HeaderValue::from_str(page) {
                parts.headers.insert(header::CONTENT_LOCATION, location);
            }
            Response::from_parts(parts, Body::from(html))
        }
        Err(error) => {
            tracing::error!(error = %error, "could not render a form's page again");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// A page of its own in the service's frame, for a refusal with no form page to show it on.
async fn render_refusal(app: &AppState, request: Request, refusal: Refusal) -> Response {
    let status = StatusCode::from_u16(refusal.status).unwrap_or(StatusCode::BAD_REQUEST);
    let state = app.clone();
    let options = app.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(state.clone());
            provide_context(state.clock.clone());
            provide_context(refusal.clone());
        },
        move || shell((*options).clone()),
    );
    let mut response = handler(get_for(request, "/")).await.into_response();
    *response.status_mut() = status;
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_loses_only_the_error_parameters() {
        let uri: Uri = "/sign-in?next=%2Fledger&__path=%2Fapi%2Fsign_in&__err=e30".parse().unwrap();
        assert_eq!(without_error_parameters(&uri).as_deref(), Some("/sign-in?next=%2Fledger"));
        let uri: Uri = "/sign-in?__err=e30".parse().unwrap();
        assert_eq!(without_error_parameters(&uri).as_deref(), Some("/sign-in"));
        assert_eq!(without_error_parameters(&"/ledger?from=2026-01-01".parse().unwrap()), None);
    }

    #[test]
    fn a_re_rendered_form_names_its_page_and_only_a_local_page_is_taken() {
        let html = name_the_page_in_forms(
            r#"<form method="get" action="/ledger"></form><form method="post" action="/api/x"><input></form><form method="post" action="/api/y"><input type="hidden" name="continuum_page" value="/y"></form>"#,
            "/ledger/new?a=1&b=2",
        );
        assert_eq!(html.matches("name=\"continuum_page\"").count(), 2, "one field in each form that posts: {html}");
        assert!(html.contains(r#"<form method="get" action="/ledger"></form>"#));
        assert!(html.contains(
            r#"action="/api/x"><input type="hidden" name="continuum_page" value="/ledger/new?a=1&amp;b=2"><input>"#
        ));
        let posted = |page: &str| {
            Bytes::from(format!(
                "a=1&{PAGE_FIELD}={}",
                url::form_urlencoded::byte_serialize(page.as_bytes()).collect::<String>()
            ))
        };
        let form = Some("application/x-www-form-urlencoded");
        assert_eq!(page_field(form, &posted("/ledger/new")).as_deref(), Some("/ledger/new"));
        for elsewhere in ["https://evil.example/", "//evil.example", "/api/sign_in", "/\\evil"] {
            assert_eq!(page_field(form, &posted(elsewhere)), None, "{elsewhere}");
        }
        let body = Bytes::from_static(
            b"--b\r\nContent-Disposition: form-data; name=\"continuum_page\"\r\n\r\n/information/leaflets/new\r\n--b--",
        );
        assert_eq!(
            page_field(Some("multipart/form-data; boundary=b"), &body).as_deref(),
            Some("/information/leaflets/new")
        );
    }

    #[test]
    fn passwords_are_never_among_the_fields_shown_again() {
        let body = Bytes::from_static(b"email=sam%40example.org&password=secret&confirm_password=secret");
        let fields = posted_fields(Some("application/x-www-form-urlencoded"), &body);
        assert_eq!(fields, vec![("email".to_owned(), "sam@example.org".to_owned())]);
    }
}
