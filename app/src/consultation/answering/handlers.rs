//! Answering a feedback form: the public link `/f/<slug>` and staff entry of paper and assisted responses at
//! `/f/<slug>/enter`, as plain axum handlers.
//!
//! Why not Leptos routes and a server function like the rest of the app: a form page must stay small on a phone
//! (it loads no JavaScript: the page is the same with it on or off), and a submission with a mistake must come
//! back with everything typed still in place, which Leptos's no-JavaScript round trip does by putting the typed
//! values into the redirect's URL. What a distressed person wrote must never travel in a URL (browser history,
//! proxy logs), so the POST is answered with the page itself: the form again with the messages, or the thank-you.
//!
//! Anonymity: an anonymous response stores no person, no IP address and no time of day (see `db::insert_response`);
//! the request's client address is cleared for `/f/` paths before any handler runs (server `security.rs`), and
//! request logs hold the method and path only.

use crate::consultation::types::QuestionId;
use axum::{
    body::Bytes,
    extract::{Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Redirect, Response},
    Extension,
};
use leptos::prelude::*;

use super::{
    components::{field_name, FeedbackFormView, NotTakingAnswersView, Respondent, ThankYouView},
    db,
    writer::{Flag, PreparedResponse, Stored, ALREADY_ANSWERED, FORM_CHANGED},
};
use crate::consultation::{
    forms::db as forms_db,
    questions::Answer,
    types::{Channel, FeedbackForm},
};
use crate::{
    accounts::access::{SignedInUser, Visitor},
    clock::today,
    error::{AppError, FormErrors},
    safeguarding::screener,
    state::AppState,
    ui::{
        encode_query_value,
        plain::{html_response, page, render_page},
        FormStatus,
    },
};

/// The answers a form posted, parsed: (question id, answer) in question order, or the messages for each field
/// with everything typed kept.
pub fn parse_answers(
    form: &FeedbackForm,
    posted: &[(String, String)],
) -> Result<Vec<(QuestionId, Answer)>, FormErrors> {
    let mut errors = FormErrors::new();
    let mut answers = Vec::new();
    for question in &form.questions {
        let name = field_name(question);
        let values: Vec<String> = posted.iter().filter(|(k, _)| *k == name).map(|(_, v)| v.clone()).collect();
        match question.parse_answer(&values) {
            Ok(Some(answer)) => answers.push((question.id.clone(), answer)),
            Ok(None) => {}
            Err(message) => errors.add(&name, message),
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        // Every field comes back as typed, including the ones that were fine.
        Err(errors.keep_posted(posted))
    }
}

/// What became of a stored response, for the thank-you page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Receipt {
    /// The safeguarding screener found signs of risk in the free text.
    pub flagged: bool,
}

/// Stores a response: screens its free text, and hands the response (with its flag and the duty inbox's alert,
/// which carries a link and never the text) to the writer, which commits it with any others arriving at the same
/// moment. Screening never blocks a submission: whatever it finds, the response is stored. Returns only after
/// the commit.
pub async fn store_response(
    state: &AppState,
    form: &FeedbackForm,
    answers: &[(QuestionId, Answer)],
    channel: Channel,
    respondent_id: Option<&str>,
    submission: &str,
) -> Result<Stored, AppError> {
    let mut concerns = Vec::new();
    let mut reasons = Vec::new();
    for text in answers.iter().filter_map(|(_, a)| a.free_text()) {
        let screening = screener::screen(text);
        concerns.extend(screening.concerns);
        reasons.extend(screening.reasons);
    }
    concerns.sort();
    concerns.dedup();
    reasons.truncate(screener::MAX_REASONS);
    let id = db::new_response_id();
    let flag = (!concerns.is_empty()).then(|| {
        // The link is to the queue, not to the response: the mail's time must not be joinable to one response,
        // whose time of day is otherwise kept nowhere.
        let link = crate::links::absolute(&state.security.base_url, "/consultation/review", &[]);
        let body = format!(
            "A response to the feedback form \"{}\" ({}) has words that suggest possible risk, and needs to be read \
             today.\n\nRead it and record what was done:\n{link}\n\nThis message does not include the response: \
             please read it in Continuum.\n",
            form.title, form.service_name
        );
        tracing::info!(form.id = %form.id, "a response was flagged for safeguarding review");
        Flag {
            service_id: form.service_id.clone(),
            concerns: concerns.iter().map(|c| c.as_str()).collect(),
            reasons,
            alert: ("Feedback to review today".to_owned(), body),
        }
    });
    let response = PreparedResponse {
        id,
        form_id: form.id.clone(),
        form_version: form.version,
        channel,
        submitted_on: today(),
        respondent_id: if form.sign_in_required { respondent_id.map(str::to_owned) } else { None },
        answers: answers
            .iter()
            .flat_map(|(question, a)| a.stored_values().into_iter().map(move |v| (question.clone(), v)))
            .collect(),
        has_comments: answers.iter().any(|(_, a)| a.free_text().is_some()),
        flag,
        submission: submission.to_owned(),
    };
    crate::consultation::runtime::runtime(state)?.responses.store(response).await
}

// ---- the page cache ------------------------------------------------------------------------------------

/// How long a rendered form page is reused.
const PAGE_FRESH_FOR: std::time::Duration = std::time::Duration::from_secs(1);

/// Rendered pages of open anonymous forms, reused for a second. Every visitor of an anonymous form gets the same
/// page, so a poster on a ward or a link sent to a group costs one database read and one render a second
/// rather than one each (the benchmark in the README measures the difference). A change a member of staff makes
/// clears the form's page on their app server at once; other app servers catch up within the second. Only the
/// page is cached: a submission always reads the form from the database, so a closed form never takes answers.
#[derive(Default)]
pub struct FormPageCache {
    pages: std::sync::RwLock<std::collections::HashMap<String, (std::time::Instant, axum::body::Bytes)>>,
    /// The open anonymous forms themselves, for parsing submissions; the writer checks each batch against the
    /// database before storing it (see `writer.rs`), so a form closed meanwhile takes nothing.
    forms: std::sync::RwLock<std::collections::HashMap<String, (std::time::Instant, std::sync::Arc<FeedbackForm>)>>,
}

impl FormPageCache {
    fn form(&self, slug: &str) -> Option<std::sync::Arc<FeedbackForm>> {
        let forms = self.forms.read().ok()?;
        let (at, form) = forms.get(slug)?;
        (at.elapsed() < PAGE_FRESH_FOR).then(|| form.clone())
    }

    fn put_form(&self, form: std::sync::Arc<FeedbackForm>) {
        if let Ok(mut forms) = self.forms.write() {
            if forms.len() >= 1_000 {
                forms.clear();
            }
            forms.insert(form.slug.clone(), (std::time::Instant::now(), form));
        }
    }

    fn get(&self, slug: &str) -> Option<axum::body::Bytes> {
        let pages = self.pages.read().ok()?;
        let (at, page) = pages.get(slug)?;
        (at.elapsed() < PAGE_FRESH_FOR).then(|| page.clone())
    }

    fn put(&self, slug: &str, page: axum::body::Bytes) {
        if let Ok(mut pages) = self.pages.write() {
            // A bound on memory however many forms there are: stale pages go first, then everything.
            if pages.len() >= 1_000 {
                pages.retain(|_, (at, _)| at.elapsed() < PAGE_FRESH_FOR);
                if pages.len() >= 1_000 {
                    pages.clear();
                }
            }
            pages.insert(slug.to_owned(), (std::time::Instant::now(), page));
        }
    }

    /// Forgets a form's pages, after staff change the form.
    pub fn forget(&self, slug: &str) {
        if let Ok(mut pages) = self.pages.write() {
            pages.remove(slug);
            pages.remove(&format!("{slug}\u{0}thanks"));
        }
        if let Ok(mut forms) = self.forms.write() {
            forms.remove(slug);
        }
    }
}

/// What a form page carries where its single-use token goes: each copy served gets a fresh token in its place,
/// so two people never share one, though the page itself is cached.
const TOKEN_PLACEHOLDER: &str = "continuum-submission-token";

/// The token a posted form is claimed under: its page's token bound to its answers (`forms::bound_token`), so the
/// same page sent again with other answers is stored as the new response it is (and screened), never dropped as
/// a repeat. Empty where the page carried no token.
fn bound_submission(posted: &[(String, String)]) -> String {
    let token = posted.iter().find(|(k, _)| k == "submission").map(|(_, v)| v.as_str()).unwrap_or_default();
    crate::forms::bound_token(token, &crate::forms::canonical_fields(posted)).unwrap_or_default()
}

/// A form page as served: its token placeholder replaced with a fresh token.
fn form_page_response(status: StatusCode, page: &axum::body::Bytes) -> Response {
    let html = String::from_utf8_lossy(page).replacen(TOKEN_PLACEHOLDER, &crate::forms::new_submission_token(), 1);
    html_response(status, axum::body::Bytes::from(html))
}

fn form_page(state: &AppState, form: FeedbackForm, error: Option<AppError>, respondent: Respondent) -> Response {
    let status = if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    form_page_response(status, &render_form_page(state, form, error, respondent))
}

fn render_form_page(
    state: &AppState,
    form: FeedbackForm,
    error: Option<AppError>,
    respondent: Respondent,
) -> axum::body::Bytes {
    let title = if error.is_some() { format!("Error: {}", form.title) } else { form.title.clone() };
    let action = match respondent {
        Respondent::Staff => Some(format!("/f/{}/enter", form.slug)),
        _ => Some(format!("/f/{}", form.slug)),
    };
    let contacts = state.site.crisis_contacts.clone();
    render_page(state, &title, move || {
        view! { <FeedbackFormView form status=FormStatus::fixed(error) respondent crisis_contacts=contacts action /> }
            .into_any()
    })
}

fn not_found(state: &AppState) -> Response {
    page(state, StatusCode::NOT_FOUND, "Page not found", || {
        view! {
            <h1 class="nhsuk-heading-l">"Page not found"</h1>
            <p>"There is no feedback form at this address. Check the link, or ask the team for a new one."</p>
            <p><a href="/get-involved">"Other ways to have your say"</a></p>
        }
        .into_any()
    })
}

fn not_taking_answers(
    state: &AppState,
    form: FeedbackForm,
    status: StatusCode,
    heading: &str,
    message: String,
    posted: &[(String, String)],
) -> Response {
    let written: Vec<(String, String)> = form
        .questions
        .iter()
        .filter(|q| q.kind.is_free_text())
        .filter_map(|q| {
            let name = field_name(q);
            posted.iter().find(|(k, v)| *k == name && !v.trim().is_empty()).map(|(_, v)| (q.prompt.clone(), v.clone()))
        })
        .collect();
    let contacts = state.site.crisis_contacts.clone();
    let heading = heading.to_owned();
    page(state, status, &heading.clone(), move || {
        view! { <NotTakingAnswersView form heading message written crisis_contacts=contacts /> }.into_any()
    })
}

fn closed_message(form: &FeedbackForm) -> String {
    match &form.open_until {
        Some(last) if form.state == crate::consultation::types::FormState::Open => format!(
            "This form took answers until {}. Thank you for wanting to tell us what you think.",
            crate::dates::readable_day(last)
        ),
        _ => "This form is not taking answers at the moment. Thank you for wanting to tell us what you think.".into(),
    }
}

fn sign_in_redirect(slug: &str, enter: bool) -> Response {
    let next = if enter { format!("/f/{slug}/enter") } else { format!("/f/{slug}") };
    Redirect::to(&format!("/sign-in?next={}", encode_query_value(&next))).into_response()
}

fn parse_body(body: &Bytes) -> Vec<(String, String)> {
    url::form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

fn calm_error(state: &AppState, error: &AppError) -> Response {
    let message = error.to_string();
    page(state, StatusCode::SERVICE_UNAVAILABLE, "Sorry, there is a problem", move || {
        view! {
            <h1 class="nhsuk-heading-l">"Sorry, there is a problem with the service"</h1>
            <p>{message}</p>
            <p>"Your answers have not been saved. Go back in your browser: what you typed should still be there. Then try again in a few minutes."</p>
        }
        .into_any()
    })
}

async fn load(state: &AppState, slug: &str) -> Result<Option<FeedbackForm>, AppError> {
    forms_db::fetch_form_for_answering(&state.pool, slug).await.map_err(|e| AppError::internal("load form", e))
}

/// `GET /f/<slug>`: the form, if it is open (a draft is not found, to everyone but in preview).
pub async fn show_form(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Extension(visitor): Extension<Visitor>,
) -> Response {
    if let Some(page) = crate::consultation::runtime::form_pages(&state).get(&slug) {
        return form_page_response(StatusCode::OK, &page);
    }
    let form = match load(&state, &slug).await {
        Ok(Some(form)) if form.state != crate::consultation::types::FormState::Draft => form,
        Ok(_) => return not_found(&state),
        Err(e) => return calm_error(&state, &e),
    };
    if !form.takes_answers_on(&today()) {
        let message = closed_message(&form);
        return not_taking_answers(&state, form, StatusCode::OK, "This form is closed", message, &[]);
    }
    if !form.sign_in_required {
        let page = render_form_page(&state, form, None, Respondent::Public);
        crate::consultation::runtime::form_pages(&state).put(&slug, page.clone());
        return form_page_response(StatusCode::OK, &page);
    }
    if form.sign_in_required {
        let Some(user) = visitor.user else { return sign_in_redirect(&slug, false) };
        match db::has_responded(&state.pool, &form.id, &user.id).await {
            Ok(true) => {
                return not_taking_answers(
                    &state,
                    form,
                    StatusCode::OK,
                    "You have already answered",
                    ALREADY_ANSWERED.into(),
                    &[],
                )
            }
            Ok(false) => {}
            Err(e) => return calm_error(&state, &AppError::internal("has responded", e)),
        }
    }
    form_page(&state, form, None, Respondent::Public)
}

/// `POST /f/<slug>`: the answers. Comes back with the form and its messages, or the thank-you page once the
/// response is committed.
pub async fn submit_form(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Extension(visitor): Extension<Visitor>,
    body: Bytes,
) -> Response {
    let posted = parse_body(&body);
    let form = match crate::consultation::runtime::form_pages(&state).form(&slug) {
        Some(form) => form,
        None => match load(&state, &slug).await {
            Ok(Some(form)) if form.state != crate::consultation::types::FormState::Draft => {
                let form = std::sync::Arc::new(form);
                if !form.sign_in_required && form.takes_answers_on(&today()) {
                    crate::consultation::runtime::form_pages(&state).put_form(form.clone());
                }
                form
            }
            Ok(_) => return not_found(&state),
            Err(e) => return calm_error(&state, &e),
        },
    };
    let form = std::sync::Arc::unwrap_or_clone(form);
    if !form.takes_answers_on(&today()) {
        let message = closed_message(&form);
        return not_taking_answers(&state, form, StatusCode::CONFLICT, "This form is closed", message, &posted);
    }
    // A flood of posts (from one client, or to one form) is asked to wait; what was written is shown back.
    let allowed = crate::consultation::runtime::runtime(&state)
        .map(|runtime| runtime.throttle.allow(visitor.anonymous_client, &slug))
        .unwrap_or(true);
    if !allowed {
        let message = "Many answers have been sent from here in the last few minutes, so we have not saved this one. \
                       Please wait a minute and send it again: what you wrote is below."
            .to_owned();
        return not_taking_answers(
            &state,
            form,
            StatusCode::TOO_MANY_REQUESTS,
            "Please wait a moment",
            message,
            &posted,
        );
    }
    let respondent: Option<SignedInUser> = if form.sign_in_required {
        match visitor.user {
            Some(user) => Some(user),
            None => return sign_in_redirect(&slug, false),
        }
    } else {
        None
    };
    let answered = posted.iter().find(|(k, _)| k == "version").and_then(|(_, v)| v.parse::<i64>().ok());
    if let Some(answered) = answered.filter(|v| *v != form.version) {
        return form_changed(&state, form, answered, &posted).await;
    }
    let answers = match parse_answers(&form, &posted) {
        Ok(answers) => answers,
        Err(errors) => return form_page(&state, form, Some(AppError::Validation(errors)), Respondent::Public),
    };
    let submission = bound_submission(&posted);
    let respondent_id = respondent.as_ref().map(|u| u.id.as_str());
    match store_response(&state, &form, &answers, Channel::Online, respondent_id, &submission).await {
        Ok(Stored::Committed(receipt)) => thanks_redirect(&state, &slug, receipt),
        // The same page sent again: the first response stands, and the person goes where it went.
        Ok(Stored::Repeated) => Redirect::to(&format!("/f/{slug}/thanks")).into_response(),
        Ok(Stored::FormChanged) => {
            // Closed, or a new version opened, since the form was read: look again, from the database.
            crate::consultation::runtime::form_pages(&state).forget(&slug);
            match load(&state, &slug).await {
                Ok(Some(fresh)) if fresh.takes_answers_on(&today()) => {
                    let mut errors = FormErrors::new();
                    let field = fresh.questions.first().map(field_name).unwrap_or_default();
                    errors.add(
                        &field,
                        "This form changed while you were answering. Check your answers and send them again",
                    );
                    let errors = errors.keep_posted(&posted);
                    form_page(&state, fresh, Some(AppError::Validation(errors)), Respondent::Public)
                }
                Ok(Some(fresh)) => {
                    let message = closed_message(&fresh);
                    not_taking_answers(&state, fresh, StatusCode::CONFLICT, "This form is closed", message, &posted)
                }
                Ok(None) => not_found(&state),
                Err(e) => calm_error(&state, &e),
            }
        }
        Ok(Stored::AlreadyAnswered) => not_taking_answers(
            &state,
            form,
            StatusCode::CONFLICT,
            "You have already answered",
            ALREADY_ANSWERED.into(),
            &posted,
        ),
        Err(e) => calm_error(&state, &e),
    }
}

/// The cookie that tells the thank-you page to put the crisis contacts first: set for a response whose words
/// the screener flagged, cleared for any other. It holds no id and no words, only that one fact, for as long as
/// someone might reload the page.
const SUPPORT_COOKIE: &str = "continuum_support";

/// Post/redirect/get: a stored response is answered with a redirect to its form's thank-you page, which carries
/// nothing about the response in its address. Whether the crisis contacts come first travels in a short-lived
/// cookie scoped to that page, so anonymity holds (no response id anywhere) and so does the crisis-first page.
fn thanks_redirect(state: &AppState, slug: &str, receipt: Receipt) -> Response {
    let path = format!("/f/{slug}/thanks");
    let secure = if state.security.secure_cookies { "; Secure" } else { "" };
    let cookie = if receipt.flagged {
        format!("{SUPPORT_COOKIE}=1; Path={path}; Max-Age=1800; HttpOnly; SameSite=Lax{secure}")
    } else {
        format!("{SUPPORT_COOKIE}=; Path={path}; Max-Age=0; HttpOnly; SameSite=Lax{secure}")
    };
    let mut response = Redirect::to(&path).into_response();
    if let Ok(value) = http::HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// `GET /f/<slug>/thanks`: the thank-you page, crisis contacts first when the response's words were flagged.
pub async fn show_thanks(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: http::HeaderMap,
) -> Response {
    let flagged = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .any(|pair| pair.trim() == format!("{SUPPORT_COOKIE}=1"));
    // The thank-you page is the same for everyone whose words were not flagged, so it is reused too.
    let key = format!("{slug}\u{0}thanks");
    if !flagged {
        if let Some(page) = crate::consultation::runtime::form_pages(&state).get(&key) {
            return html_response(StatusCode::OK, page);
        }
    }
    let form = match load(&state, &slug).await {
        Ok(Some(form)) if form.state != crate::consultation::types::FormState::Draft => form,
        Ok(_) => return not_found(&state),
        Err(e) => return calm_error(&state, &e),
    };
    let contacts = state.site.crisis_contacts.clone();
    let page = render_page(&state, "Thank you – your feedback has been sent", move || {
        view! { <ThankYouView form crisis_first=flagged crisis_contacts=contacts /> }.into_any()
    });
    if !flagged {
        crate::consultation::runtime::form_pages(&state).put(&key, page.clone());
    }
    html_response(StatusCode::OK, page)
}

/// What the form says when the answers posted were to another version than the one now open.
pub const FORM_CHANGED_WHILE_ANSWERING: &str = "This form changed while you were answering, so your answers have not \
     been sent yet. We have kept them where the question is still on the form: check them and send them again";

/// Answers to an earlier version of the form: nothing is stored, and the current version comes back with the
/// answers carried over to the questions still on it (the same question, or one in the same place and of the
/// same kind, as when a question was reworded), and the person is told plainly that the form changed.
async fn form_changed(state: &AppState, form: FeedbackForm, answered: i64, posted: &[(String, String)]) -> Response {
    let earlier = forms_db::fetch_version_questions(&state.pool, &form.id, answered).await.unwrap_or_else(|e| {
        tracing::warn!(form.id = %form.id, error = %e, "could not read an earlier version of a form");
        None
    });
    let carried = carry_answers(&form, earlier.as_deref().unwrap_or_default(), posted);
    let mut errors = FormErrors::new();
    let field = form.questions.first().map(field_name).unwrap_or_else(|| "version".into());
    errors.add(&field, FORM_CHANGED_WHILE_ANSWERING);
    let errors = errors.keep_posted(&carried);
    form_page(state, form, Some(AppError::Validation(errors)), Respondent::Public)
}

/// The posted answers that still fit `form`, named by its questions.
fn carry_answers(
    form: &FeedbackForm,
    earlier: &[crate::consultation::questions::Question],
    posted: &[(String, String)],
) -> Vec<(String, String)> {
    let mut carried = Vec::new();
    for (position, question) in form.questions.iter().enumerate() {
        let name = field_name(question);
        let before = earlier
            .iter()
            .find(|q| q.id == question.id)
            .or_else(|| earlier.get(position).filter(|q| q.kind == question.kind))
            .map(field_name)
            .unwrap_or_else(|| name.clone());
        carried.extend(posted.iter().filter(|(k, _)| *k == before).map(|(_, v)| (name.clone(), v.clone())));
    }
    carried
}

/// Staff of the form's service (and administrators) may enter paper and assisted responses.
async fn staff_form(state: &AppState, slug: &str, visitor: &Visitor) -> Result<(FeedbackForm, SignedInUser), Response> {
    let Some(user) = visitor.user.clone() else { return Err(sign_in_redirect(slug, true)) };
    let form = match load(state, slug).await {
        Ok(Some(form)) => form,
        Ok(None) => return Err(not_found(state)),
        Err(e) => return Err(calm_error(state, &e)),
    };
    if !user.is_staff_of(&form.service_id) {
        return Err(not_found(state));
    }
    Ok((form, user))
}

/// `GET /f/<slug>/enter`: the form for staff to type in a paper response or one they helped with.
pub async fn show_staff_entry(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Extension(visitor): Extension<Visitor>,
) -> Response {
    match staff_form(&state, &slug, &visitor).await {
        Ok((form, _)) if form.state == crate::consultation::types::FormState::Draft => {
            let message = "Open the form before entering responses to it.".to_owned();
            not_taking_answers(&state, form, StatusCode::OK, "This form is a draft", message, &[])
        }
        Ok((form, _)) => form_page(&state, form, None, Respondent::Staff),
        Err(response) => response,
    }
}

/// `POST /f/<slug>/enter`: a paper or assisted response. Paper forms may arrive after the form has closed, so
/// only drafts refuse them. Staff return to the form's page in the builder afterwards.
pub async fn submit_staff_entry(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Extension(visitor): Extension<Visitor>,
    body: Bytes,
) -> Response {
    let posted = parse_body(&body);
    let form = match staff_form(&state, &slug, &visitor).await {
        Ok((form, _)) if form.state == crate::consultation::types::FormState::Draft => {
            let message = "Open the form before entering responses to it.".to_owned();
            return not_taking_answers(&state, form, StatusCode::CONFLICT, "This form is a draft", message, &posted);
        }
        Ok((form, _)) => form,
        Err(response) => return response,
    };
    let channel = posted.iter().find(|(k, _)| k == "channel").and_then(|(_, v)| v.parse::<Channel>().ok());
    let parsed = parse_answers(&form, &posted);
    let (channel, answers) = match (channel, parsed) {
        (Some(channel), Ok(answers)) if channel != Channel::Online => (channel, answers),
        (channel, parsed) => {
            let mut errors = parsed.err().unwrap_or_default();
            if channel.is_none_or(|c| c == Channel::Online) {
                errors.errors.insert(
                    0,
                    crate::error::FieldError {
                        field: "channel".into(),
                        message: "Select whether this is a paper form or an assisted response".into(),
                    },
                );
            }
            let errors = errors.keep_posted(&posted);
            return form_page(&state, form, Some(AppError::Validation(errors)), Respondent::Staff);
        }
    };
    let submission = bound_submission(&posted);
    match store_response(&state, &form, &answers, channel, None, &submission).await {
        Ok(Stored::Committed(_) | Stored::Repeated) => {
            Redirect::to(&format!("/consultation/forms/{}?entered=1", form.id)).into_response()
        }
        Ok(Stored::FormChanged | Stored::AlreadyAnswered) => {
            calm_error(&state, &AppError::Conflict(FORM_CHANGED.into()))
        }
        Err(e) => calm_error(&state, &e),
    }
}
