//! References' server functions: the referee's page and answers (open to anyone holding a live link), and
//! asking, seeing and replacing referees (the service's staff only; another service's staff get 404).

use leptos::prelude::*;

use super::{ReferenceId, ReferenceRequest, References};
use crate::error::AppError;
use crate::inclusion::types::ApplicationId;
#[cfg(feature = "ssr")]
use {
    super::{db, emails, ReferenceState, LINK_DAYS},
    crate::{
        accounts::{
            access::{require_staff, visitor, SignedInUser},
            session,
            validate::EmailAddress,
        },
        db::Write,
        error::FormErrors,
        forms::redirect_plain_post,
        inclusion::types::{Application, Stage},
        mail,
        state::{state, AppState},
    },
    std::sync::Arc,
};

/// The throttle on referees' answers, per client: the same limits as applications, counted apart.
#[cfg(feature = "ssr")]
#[derive(Default)]
pub struct ReferenceThrottle(pub crate::inclusion::runtime::ApplyThrottle);

/// Said when a link was used already.
#[cfg(feature = "ssr")]
const LINK_USED: &str = "This reference link has already been used, so it cannot be used again. Thank you: there is nothing more you need to do.";
/// Said to a referee the coordinator has replaced with another.
#[cfg(feature = "ssr")]
const LINK_REPLACED: &str = "You no longer need to give this reference: the service has asked someone else instead. Thank you for your time: there is nothing more you need to do.";
/// Said when the application was withdrawn or not taken forward (which of the two is the applicant's own
/// business, so it is not said).
#[cfg(feature = "ssr")]
const LINK_CLOSED: &str = "This application is no longer going ahead, so no reference is needed now. Thank you for your time: there is nothing more you need to do.";
/// Said when a link is older than 30 days.
#[cfg(feature = "ssr")]
const LINK_EXPIRED: &str = "This reference link has run out: links work for 30 days. If you would still like to give a reference, please contact the service, who can send you a new one.";

/// The link in a referee's mail: `key` is made for them, and only its hash is stored.
#[cfg(feature = "ssr")]
pub fn reference_link(base_url: &url::Url, key: &str) -> String {
    crate::links::absolute(base_url, "/volunteer/reference", &[("key", key)])
}

/// The application, for its service's own staff; not found for anyone else.
#[cfg(feature = "ssr")]
async fn application_for(
    conn: &mut sqlx::AnyConnection,
    user: &SignedInUser,
    id: &ApplicationId,
) -> Result<Application, AppError> {
    crate::inclusion::db::fetch_application(conn, id)
        .await?
        .filter(|a| user.is_staff_of(&a.service_id))
        .ok_or(AppError::NotFound)
}

/// The live request a key is for; refused calmly (409), each with its own words, when used, when the referee
/// was replaced, when the application has closed (withdrawn or not taken forward) or past its 30 days; not
/// found when unknown.
#[cfg(feature = "ssr")]
async fn live_request(conn: &mut sqlx::AnyConnection, key: &str) -> Result<(ReferenceId, ReferenceRequest), AppError> {
    let (id, state, expires_at, closed, request) =
        db::fetch_by_key(conn, &session::hash_token(key)).await?.ok_or(AppError::NotFound)?;
    match state {
        ReferenceState::Requested if closed => return Err(AppError::Conflict(LINK_CLOSED.into())),
        ReferenceState::Requested => {}
        ReferenceState::Replaced => return Err(AppError::Conflict(LINK_REPLACED.into())),
        ReferenceState::Received | ReferenceState::Declined => return Err(AppError::Conflict(LINK_USED.into())),
    }
    if expires_at <= crate::db::now() {
        return Err(AppError::Conflict(LINK_EXPIRED.into()));
    }
    Ok((id, request))
}

/// Asks one referee: a reference row with a fresh key and the mail with its link, in the caller's change.
#[cfg(feature = "ssr")]
async fn ask(
    tx: &mut Write,
    state: &AppState,
    application: &Application,
    name: &str,
    email: &str,
    replaces: Option<&ReferenceId>,
) -> Result<ReferenceId, AppError> {
    let key = session::new_token();
    let now = crate::clock::now();
    let expires = crate::db::timestamp(now + chrono::Duration::days(LINK_DAYS));
    let new = db::NewReference {
        application_id: &application.id,
        referee_name: name,
        referee_email: email,
        key_hash: &session::hash_token(&key),
        requested_at: &crate::db::timestamp(now),
        expires_at: &expires,
        replaces,
    };
    let id = db::insert_reference(tx.conn(), &new).await?;
    let link = reference_link(&state.security.base_url, &key);
    let last_day = crate::dates::long_day(&crate::clock::local_day_of(&expires));
    let message = emails::request(email, name, &application.name, &application.role_title, &link, &last_day);
    mail::enqueue_about(tx.conn(), &message, &crate::inclusion::db::mail_about(&application.id)).await?;
    Ok(id)
}

/// The references of an application, for its service's staff: each asked with where it is and, once back,
/// what the referee wrote; and whether the referees may be asked now.
#[server(endpoint = "/get_references")]
pub async fn get_references(#[server(default)] application_id: ApplicationId) -> Result<References, AppError> {
    let user = require_staff()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let application = application_for(&mut conn, &user, &application_id).await?;
    let references = db::list_for(&mut conn, &application.id, &crate::db::now()).await?;
    let may_ask = references.is_empty()
        && matches!(application.stage, Stage::Shortlisted | Stage::Interview | Stage::Offered | Stage::Checks);
    let by_phone =
        application.referees.iter().filter(|(_, contact)| EmailAddress::parse(contact).is_err()).cloned().collect();
    Ok(References { references, may_ask, by_phone })
}

/// Asks the application's referees for references, at the stage the coordinator chooses (from shortlisted
/// to checks; once): each referee named with an email address gets a mail with a single-use link that works
/// for 30 days. Referees with only a phone number are listed for the coordinator to ring. Refused (409) when
/// already asked or at another stage.
#[server(endpoint = "/request_references")]
pub async fn request_references(
    #[server(default)] application_id: ApplicationId,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let application = application_for(tx.conn(), &user, &application_id).await?;
    if !matches!(application.stage, Stage::Shortlisted | Stage::Interview | Stage::Offered | Stage::Checks) {
        return Err(AppError::Conflict("References can be asked for once an application is shortlisted.".into()));
    }
    if !db::list_for(tx.conn(), &application.id, &crate::db::now()).await?.is_empty() {
        return Err(AppError::Conflict("The referees have already been asked.".into()));
    }
    tx.claim_submission(&submission).await?;
    let mut asked = 0;
    for (name, contact) in application.referees.clone() {
        if let Ok(address) = EmailAddress::parse(&contact) {
            ask(&mut tx, &state, &application, &name, address.as_str(), None).await?;
            asked += 1;
        }
    }
    tx.audit("references_requested", "volunteer_application", &application.id, serde_json::json!({ "asked": asked }))
        .await?;
    tx.commit_then(&format!("/inclusion/applications/{}#references", application.id)).await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

/// Replaces a referee who has not given a reference (still asked, or declined) with another: the old link
/// stops working and the new referee gets a link of their own. Refused: a mistake beside its field (422); a
/// reference that came back or was replaced already (409).
#[server(endpoint = "/replace_referee")]
pub async fn replace_referee(
    #[server(default)] reference_id: ReferenceId,
    #[server(default)] referee_name: String,
    #[server(default)] referee_email: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let (application_id, _) = db::fetch_reference(tx.conn(), &reference_id).await?.ok_or(AppError::NotFound)?;
    let application = application_for(tx.conn(), &user, &application_id).await?;
    let kept = [("referee_name", referee_name.as_str()), ("referee_email", referee_email.as_str())];
    let mut errors = FormErrors::new();
    let name = crate::text::one_line(&mut errors, "referee_name", &referee_name, "the new referee's name", 200, true);
    let address = EmailAddress::parse(&referee_email).map_err(|m| errors.add("referee_email", m)).ok();
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let Some(address) = address else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    if !db::mark_replaced(tx.conn(), &reference_id).await? {
        return Err(AppError::Conflict("This referee has already given a reference or been replaced.".into()));
    }
    let id = ask(&mut tx, &state, &application, &name, address.as_str(), Some(&reference_id)).await?;
    tx.audit("referee_replaced", "volunteer_reference", &id, serde_json::json!({ "replaces": reference_id })).await?;
    tx.commit_then(&format!("/inclusion/applications/{}#references", application.id)).await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

/// What a referee's link shows: whom the reference is for. Unknown links are not found; a link used,
/// replaced or past its 30 days is refused calmly (409).
#[server(endpoint = "/get_reference_request")]
pub async fn get_reference_request(#[server(default)] key: String) -> Result<ReferenceRequest, AppError> {
    let pool = state()?.pool;
    let (_, request) = live_request(&mut *pool.acquire().await?, &key).await?;
    Ok(request)
}

/// Counts one answer from this client; refused (429) after too many just now.
#[cfg(feature = "ssr")]
fn throttled(state: &AppState) -> Result<(), AppError> {
    let throttle = state.parts.get::<Arc<ReferenceThrottle>>();
    if throttle.is_some_and(|t| !t.0.allow(&visitor().client)) {
        tracing::info!("reference answer throttled");
        return Err(AppError::TooManyAttempts);
    }
    Ok(())
}

/// A referee gives their reference through their link: how they know the applicant (one line, 300
/// characters) and the reference (5,000 characters), both required. The link then stops working.
/// Refused: a mistake beside its field (422, everything typed kept); a link used or out of date (409); too
/// many answers from one client just now (429).
#[server(endpoint = "/give_reference")]
pub async fn give_reference(
    #[server(default)] key: String,
    #[server(default)] known_how: String,
    #[server(default)] reference: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let state = state()?;
    let kept = [("known_how", known_how.as_str()), ("reference", reference.as_str())];
    let mut errors = FormErrors::new();
    let known = crate::text::one_line(&mut errors, "known_how", &known_how, "how you know them", 300, true);
    let text = reference.trim().to_owned();
    if text.is_empty() {
        errors.add("reference", "Enter your reference");
    } else if text.chars().count() > crate::inclusion::validate::LONG_TEXT_MAX {
        errors.add("reference", "Your reference must be 5,000 characters or fewer");
    }
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    throttled(&state).map_err(|e| e.keeping(&kept))?;
    let mut tx = Write::begin(&state.pool, None).await?;
    tx.claim_submission(&submission).await?;
    let (id, _) = live_request(tx.conn(), &key).await?;
    if !db::answer(tx.conn(), &id, ReferenceState::Received, &known, &text, "").await? {
        return Err(AppError::Conflict(LINK_USED.into()));
    }
    tx.audit("reference_received", "volunteer_reference", &id, serde_json::json!({})).await?;
    tx.commit().await?;
    tracing::info!(reference.id = %id, "reference received");
    redirect_plain_post("/volunteer/reference?thanks=given");
    Ok(())
}

/// A referee declines through their link, with an optional reason (500 characters). The link then stops
/// working. Refused as `give_reference` is.
#[server(endpoint = "/decline_reference")]
pub async fn decline_reference(
    #[server(default)] key: String,
    #[server(default)] decline_reason: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let state = state()?;
    let kept = [("decline_reason", decline_reason.as_str())];
    let mut errors = FormErrors::new();
    let reason = crate::text::one_line(&mut errors, "decline_reason", &decline_reason, "the reason", 500, false);
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    throttled(&state).map_err(|e| e.keeping(&kept))?;
    let mut tx = Write::begin(&state.pool, None).await?;
    tx.claim_submission(&submission).await?;
    let (id, _) = live_request(tx.conn(), &key).await?;
    if !db::answer(tx.conn(), &id, ReferenceState::Declined, "", "", &reason).await? {
        return Err(AppError::Conflict(LINK_USED.into()));
    }
    tx.audit("reference_declined", "volunteer_reference", &id, serde_json::json!({})).await?;
    tx.commit().await?;
    tracing::info!(reference.id = %id, "reference declined");
    redirect_plain_post("/volunteer/reference?thanks=declined");
    Ok(())
}
