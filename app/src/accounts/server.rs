//! The accounts server functions. Each is a short pipeline: check who is calling, parse the input, call
//! `db.rs`, map the result. Every form here also works as a plain HTML POST: on success a plain POST is sent
//! on with a 302 (`forms::redirect_plain_post`), on error back to the form with the error and what was typed.

use crate::accounts::types::{PersonId, ServiceId};
use leptos::prelude::*;

use super::types::{LinkHolder, LinkPurpose, PersonSummary, ServiceSummary};
#[cfg(feature = "ssr")]
use super::{
    access::{require_admin, require_signed_in, visitor},
    db, device, emails, password, session,
    throttle::Via,
    types::Role,
    validate::{DisplayName, EmailAddress, NewPassword, ServiceName},
};
#[cfg(feature = "ssr")]
use crate::db::Write;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::{
    db::{is_unique_violation, now, timestamp},
    error::FormErrors,
    forms::{redirect_plain_post, safe_next, set_cookie},
    mail,
    state::state,
};

/// How long an invitation link works.
#[cfg(feature = "ssr")]
const INVITATION_DAYS: i64 = 7;
/// How long a password reset link works.
#[cfg(feature = "ssr")]
const RESET_MINUTES: i64 = 60;

/// The one answer for a wrong password, an unknown email and a disabled account alike.
#[cfg(feature = "ssr")]
const NOT_RECOGNISED: &str = "The email address or password is not right. Check them and try again.";

/// The services the caller is staff of, for the service list of every staff form.
#[server(endpoint = "/staffed_services")]
pub async fn staffed_services() -> Result<Vec<ServiceSummary>, AppError> {
    let user = super::access::require_staff()?;
    super::access::services_staffed_by(&user).await
}

/// Signs a person in and returns where to go next. Open to everyone: it is the way in. Throttled per
/// account and per client before any password is checked.
#[server(endpoint = "/sign_in")]
pub async fn sign_in(
    #[server(default)] email: String,
    #[server(default)] password: String,
    #[server(default)] next: String,
) -> Result<String, AppError> {
    let state = state()?;
    let keep = |e: AppError| e.keeping(&[("email", email.as_str())]);
    let mut errors = FormErrors::new();
    let parsed = EmailAddress::parse(&email).map_err(|m| errors.add("email", m)).ok();
    if password.is_empty() {
        errors.add("password", "Enter your password");
    }
    errors.into_result().map_err(keep)?;
    let Some(email_address) = parsed else { return Err(AppError::Internal) };

    let who = visitor();
    let now_seconds = crate::clock::now().timestamp();
    let device = device_cookie(&state.security);
    let recognised = device
        .as_deref()
        .filter(|value| state.throttle.device_key().recognises(value, email_address.as_str(), now_seconds));
    let via = match recognised {
        Some(value) => Via::RecognisedDevice(value),
        None => Via::Client(&who.client),
    };
    state.throttle.attempt(email_address.as_str(), via).map_err(keep)?;
    let person =
        db::fetch_person_by_email(&state.pool, email_address.as_str()).await?.filter(|p| p.disabled_at.is_none());
    let matches = password::verify_password(&password, person.as_ref().and_then(|p| p.password_hash.as_deref())).await;
    let Some(person) = person.filter(|_| matches) else {
        tracing::info!("sign-in refused");
        return Err(keep(AppError::field("email", NOT_RECOGNISED)));
    };

    let mut tx = Write::begin(&state.pool, None).await?;
    // A new session every time: a token planted before sign-in is never promoted to a signed-in one.
    if let Some(old) = who.user {
        db::delete_session(tx.conn(), &old.session_id).await?;
    }
    let token = session::start(tx.conn(), &person.id, &state.security).await?;
    tx.commit().await?;
    tracing::info!(person.id = %person.id, "signed in");

    set_cookie(&session::session_cookie(&token, &state.security));
    // This browser is now recognised for this account, so nobody's guesses elsewhere can throttle it out.
    set_cookie(&device::device_cookie(
        state.throttle.device_key(),
        email_address.as_str(),
        now_seconds,
        &state.security,
    ));
    let next = safe_next(&next);
    redirect_plain_post(&next);
    Ok(next)
}

/// Ends the caller's session. Open to everyone: signing out when not signed in just clears the cookie.
#[server(endpoint = "/sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    let state = state()?;
    if let Some(user) = visitor().user {
        db::delete_session(&state.pool, &user.session_id).await?;
        tracing::info!(person.id = %user.id, "signed out");
    }
    set_cookie(&session::clearing_cookie(&state.security));
    redirect_plain_post("/sign-in?signed_out=1");
    Ok(())
}

/// Sends a password reset link if the email has an account. Open to everyone; the answer is the same
/// whether or not it does, and requests count against the sign-in throttle so nobody can flood an inbox.
#[server(endpoint = "/request_password_reset")]
pub async fn request_password_reset(#[server(default)] email: String) -> Result<(), AppError> {
    let state = state()?;
    let keep = |e: AppError| e.keeping(&[("email", email.as_str())]);
    let email_address = EmailAddress::parse(&email).map_err(|m| keep(AppError::field("email", m)))?;
    state.throttle.reset_request(email_address.as_str(), &visitor().client).map_err(keep)?;
    // The answer does not wait for the lookup or the write: it is the same, and as quick, whether or not
    // the address has an account. A failure is logged; the person can ask again.
    tokio::spawn(async move {
        if let Err(error) = send_reset_link(&state, &email_address).await {
            tracing::error!(error = %error, "could not send a password reset link");
        }
    });
    redirect_plain_post("/forgot-password?sent=1");
    Ok(())
}

/// Makes a reset link for the account of `email_address`, if it has one that is not disabled, and queues it.
#[cfg(feature = "ssr")]
async fn send_reset_link(state: &crate::state::AppState, email_address: &EmailAddress) -> Result<(), AppError> {
    if let Some(person) =
        db::fetch_person_by_email(&state.pool, email_address.as_str()).await?.filter(|p| p.disabled_at.is_none())
    {
        let token = session::new_token();
        let now_at = crate::clock::now();
        let purpose = LinkPurpose::PasswordReset.as_str();
        let link = link_to(state, "/reset-password", &token);
        let mut tx = Write::begin(&state.pool, None).await?;
        db::void_link_tokens(tx.conn(), &person.id, purpose, &timestamp(now_at)).await?;
        let expires = timestamp(now_at + chrono::Duration::minutes(RESET_MINUTES));
        db::insert_link_token(
            tx.conn(),
            &session::hash_token(&token),
            &person.id,
            purpose,
            &timestamp(now_at),
            &expires,
        )
        .await?;
        let message = emails::password_reset(&person.email, &person.display_name, &state.site.organisation, &link);
        mail::enqueue(tx.conn(), &message).await?;
        tx.commit().await?;
        state.mail_wakeup.notify_one();
        tracing::info!(person.id = %person.id, "password reset link sent");
    }
    Ok(())
}

/// The device cookie's value sent with this request, if any.
#[cfg(feature = "ssr")]
fn device_cookie(security: &crate::state::SecuritySettings) -> Option<String> {
    use_context::<http::request::Parts>().and_then(|parts| {
        parts
            .headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|cookies| device::from_cookie_header(cookies, security))
    })
}

/// Whose invitation or reset link this is, if it can still be used. Open to everyone: the token is the
/// credential, and only its holder's name and email are shown.
#[server(endpoint = "/check_link")]
pub async fn check_link(#[server(default)] token: String, purpose: LinkPurpose) -> Result<LinkHolder, AppError> {
    let state = state()?;
    let person = db::fetch_link_holder(&state.pool, &session::hash_token(&token), purpose.as_str(), &now()).await?;
    person.map(|p| LinkHolder { name: p.display_name, email: p.email }).ok_or(AppError::NotFound)
}

/// Checks a new password and its confirmation, adding messages to `errors`.
#[cfg(feature = "ssr")]
fn parse_new_password(errors: &mut FormErrors, field: &str, password: &str, confirm: &str) -> Option<NewPassword> {
    match NewPassword::parse(password) {
        Ok(p) if password == confirm => Some(p),
        Ok(_) => {
            errors.add("confirm_password", "The passwords do not match. Type the same password twice.");
            None
        }
        Err(message) => {
            errors.add(field, message);
            None
        }
    }
}

#[cfg(feature = "ssr")]
const LINK_USED: &str = "This link has expired or has already been used. You can ask for a new one.";

/// Sets a new password from a reset link, ends every session of the account, marks this browser as the
/// person's own (see `device.rs`) and sends the person to sign in. Open to everyone holding a live link.
#[server(endpoint = "/reset_password")]
pub async fn reset_password(
    #[server(default)] token: String,
    #[server(default)] password: String,
    #[server(default)] confirm_password: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let state = state()?;
    let mut errors = FormErrors::new();
    let new_password = parse_new_password(&mut errors, "password", &password, &confirm_password);
    errors.into_result()?;
    let Some(new_password) = new_password else { return Err(AppError::Internal) };
    let hash = password::hash_password(new_password.expose()).await?;

    let mut tx = Write::begin(&state.pool, None).await?;
    tx.claim_submission(&submission).await?;
    let purpose = LinkPurpose::PasswordReset.as_str();
    let now_at = now();
    let Some(person_id) = db::consume_link_token(tx.conn(), &session::hash_token(&token), purpose, &now_at).await?
    else {
        return Err(AppError::Conflict(LINK_USED.into()));
    };
    db::update_password_hash(tx.conn(), &person_id, &hash, &now_at).await?;
    db::delete_sessions_of(tx.conn(), &person_id).await?;
    tx.acting_as(&person_id);
    tx.audit("password_reset", "person", &person_id, serde_json::json!({})).await?;
    let email = db::fetch_person(tx.conn(), &person_id).await?.map(|p| p.email);
    tx.commit().await?;
    tracing::info!(person.id = %person_id, "password reset");
    // The browser that used the link is the person's own: it is recognised at sign-in from now on, so a
    // flood of guesses at the account cannot throttle them out of it.
    if let Some(email) = email {
        let account = email.to_lowercase();
        let now_seconds = crate::clock::now().timestamp();
        set_cookie(&device::device_cookie(state.throttle.device_key(), &account, now_seconds, &state.security));
    }
    redirect_plain_post("/sign-in?reset=1");
    Ok(())
}

/// Accepts an invitation: the person confirms their name, chooses a password and is signed in. Open to
/// everyone holding a live invitation link; the link works once.
#[server(endpoint = "/accept_invitation")]
pub async fn accept_invitation(
    #[server(default)] token: String,
    #[server(default)] name: String,
    #[server(default)] password: String,
    #[server(default)] confirm_password: String,
    #[server(default)] submission: String,
) -> Result<String, AppError> {
    let state = state()?;
    let keep = |e: AppError| e.keeping(&[("name", name.as_str())]);
    let mut errors = FormErrors::new();
    let display_name = DisplayName::parse(&name).map_err(|m| errors.add("name", m)).ok();
    let new_password = parse_new_password(&mut errors, "password", &password, &confirm_password);
    errors.into_result().map_err(keep)?;
    let (Some(display_name), Some(new_password)) = (display_name, new_password) else { return Err(AppError::Internal) };
    let hash = password::hash_password(new_password.expose()).await?;

    let mut tx = Write::begin(&state.pool, None).await?;
    tx.claim_submission(&submission).await?;
    let now_at = now();
    let purpose = LinkPurpose::Invitation.as_str();
    let Some(person_id) = db::consume_link_token(tx.conn(), &session::hash_token(&token), purpose, &now_at).await?
    else {
        return Err(keep(AppError::Conflict(LINK_USED.into())));
    };
    db::update_person_name(tx.conn(), &person_id, display_name.as_str(), &now_at).await?;
    db::update_password_hash(tx.conn(), &person_id, &hash, &now_at).await?;
    tx.acting_as(&person_id);
    tx.audit("invitation_accepted", "person", &person_id, serde_json::json!({})).await?;
    let session_token = session::start(tx.conn(), &person_id, &state.security).await?;
    tx.commit().await?;
    tracing::info!(person.id = %person_id, "invitation accepted");

    set_cookie(&session::session_cookie(&session_token, &state.security));
    redirect_plain_post("/");
    Ok("/".to_owned())
}

/// Changes the caller's own display name.
#[server(endpoint = "/update_my_name")]
pub async fn update_my_name(
    #[server(default)] name: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_signed_in()?;
    let display_name =
        DisplayName::parse(&name).map_err(|m| AppError::field("name", m).keeping(&[("name", name.as_str())]))?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    db::update_person_name(tx.conn(), &user.id, display_name.as_str(), &now()).await?;
    tx.audit("name_changed", "person", &user.id, serde_json::json!({})).await?;
    tx.commit_then("/account?saved=name").await?;
    Ok(())
}

/// Changes the caller's own password after checking the current one, ends their other sessions and voids any
/// password reset link still unused (it was asked for under the old password, perhaps by someone else).
#[server(endpoint = "/change_my_password")]
pub async fn change_my_password(
    #[server(default)] current_password: String,
    #[server(default)] new_password: String,
    #[server(default)] confirm_password: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_signed_in()?;
    let state = state()?;
    state.throttle.attempt(&user.email, Via::Client(&visitor().client))?;
    let mut errors = FormErrors::new();
    let stored = db::fetch_person(&state.pool, &user.id).await?.and_then(|p| p.password_hash);
    if !password::verify_password(&current_password, stored.as_deref()).await {
        errors.add("current_password", "Your current password is not right");
    }
    let new_password = parse_new_password(&mut errors, "new_password", &new_password, &confirm_password);
    errors.into_result()?;
    let Some(new_password) = new_password else { return Err(AppError::Internal) };
    let hash = password::hash_password(new_password.expose()).await?;

    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    tx.claim_submission(&submission).await?;
    let now_at = now();
    db::update_password_hash(tx.conn(), &user.id, &hash, &now_at).await?;
    db::delete_other_sessions_of(tx.conn(), &user.id, &user.session_id).await?;
    db::void_link_tokens(tx.conn(), &user.id, LinkPurpose::PasswordReset.as_str(), &now_at).await?;
    tx.audit("password_changed", "person", &user.id, serde_json::json!({})).await?;
    tx.commit_then("/account?saved=password").await?;
    Ok(())
}

// ---- administration -------------------------------------------------------------------------------------

/// Everyone with an account, for administrators.
#[server(endpoint = "/list_people")]
pub async fn list_people() -> Result<Vec<PersonSummary>, AppError> {
    require_admin()?;
    Ok(db::list_people(&state()?.pool).await?)
}

/// One person and the services they could be given roles in, for administrators.
#[server(endpoint = "/get_person")]
pub async fn get_person(
    #[server(default)] person_id: PersonId,
) -> Result<(PersonSummary, Vec<ServiceSummary>), AppError> {
    require_admin()?;
    let pool = state()?.pool;
    let person = db::fetch_person(&pool, &person_id).await?.ok_or(AppError::NotFound)?;
    let roles = db::list_roles_of(&pool, &person_id).await?;
    Ok((person.into_summary(roles), db::list_services(&pool).await?))
}

/// Every service, for administrators.
#[server(endpoint = "/list_services")]
pub async fn list_services() -> Result<Vec<ServiceSummary>, AppError> {
    require_admin()?;
    Ok(db::list_services(&state()?.pool).await?)
}

/// Invites a person by email, optionally with a first role, and mails them a single-use link to set their
/// password. Inviting someone who was invited before but never accepted sends a fresh link.
#[server(endpoint = "/invite_person")]
pub async fn invite_person(
    #[server(default)] email: String,
    #[server(default)] name: String,
    #[server(default)] service_id: ServiceId,
    #[server(default)] role: String,
    #[server(default)] submission: String,
) -> Result<String, AppError> {
    let admin = require_admin()?;
    let keep = |e: AppError| {
        e.keeping(&[
            ("email", email.as_str()),
            ("name", name.as_str()),
            ("service_id", service_id.as_str()),
            ("role", role.as_str()),
        ])
    };
    let mut errors = FormErrors::new();
    let email_address = EmailAddress::parse(&email).map_err(|m| errors.add("email", m)).ok();
    let display_name = DisplayName::parse(&name).map_err(|m| errors.add("name", m)).ok();
    let grant = match (service_id.is_empty(), role.is_empty()) {
        (true, true) => None,
        (false, false) => role.parse::<Role>().map_err(|m| errors.add("role", m)).ok().map(|r| (service_id.clone(), r)),
        (true, false) => {
            errors.add("service_id", "Choose the service this role is in");
            None
        }
        (false, true) => {
            errors.add("role", "Choose a role, or no service");
            None
        }
    };
    errors.into_result().map_err(keep)?;
    let (Some(email_address), Some(display_name)) = (email_address, display_name) else {
        return Err(AppError::Internal);
    };

    let state = state()?;
    let now_at = crate::clock::now();
    let now_text = timestamp(now_at);
    let mut tx = Write::begin(&state.pool, Some(&admin.id)).await?;
    tx.claim_submission(&submission).await?;
    let person_id = match db::fetch_person_by_email(tx.conn(), email_address.as_str()).await? {
        Some(existing) if existing.password_hash.is_some() => {
            return Err(keep(AppError::field(
                "email",
                "This person already has an account. Find them in the list to change their roles.",
            )));
        }
        Some(existing) => existing.id,
        None => {
            let new_person = db::NewPerson {
                email: email_address.as_str(),
                name: display_name.as_str(),
                password_hash: None,
                is_admin: false,
            };
            db::insert_person(tx.conn(), &new_person, &now_text).await.map_err(|e| {
                if is_unique_violation(&e) {
                    keep(AppError::field("email", "This person already has an account."))
                } else {
                    AppError::from(e)
                }
            })?
        }
    };
    if let Some((service_id, role)) = &grant {
        db::insert_role_grant(tx.conn(), &person_id, service_id, *role, &now_text).await.map_err(|e| match e {
            sqlx::Error::Database(ref d) if d.is_foreign_key_violation() => {
                keep(AppError::field("service_id", "Choose a service from the list"))
            }
            other => AppError::from(other),
        })?;
    }
    let token = session::new_token();
    let purpose = LinkPurpose::Invitation.as_str();
    db::void_link_tokens(tx.conn(), &person_id, purpose, &now_text).await?;
    let expires = timestamp(now_at + chrono::Duration::days(INVITATION_DAYS));
    db::insert_link_token(tx.conn(), &session::hash_token(&token), &person_id, purpose, &now_text, &expires).await?;
    let link = link_to(&state, "/invitation", &token);
    let message =
        emails::invitation(email_address.as_str(), display_name.as_str(), &state.site.organisation, &link, &admin.name);
    mail::enqueue(tx.conn(), &message).await?;
    let detail = serde_json::json!({ "role": grant.as_ref().map(|(s, r)| format!("{s}:{}", r.as_str())) });
    tx.audit("invited", "person", &person_id, detail).await?;
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    tracing::info!(person.id = %person_id, "invitation sent");
    redirect_plain_post(&format!("/admin/people/{person_id}?invited=1"));
    Ok(person_id.into_string())
}

/// Gives a person a role in a service.
#[server(endpoint = "/grant_role")]
pub async fn grant_role(
    #[server(default)] person_id: PersonId,
    #[server(default)] service_id: ServiceId,
    #[server(default)] role: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let admin = require_admin()?;
    let mut errors = FormErrors::new();
    if service_id.is_empty() {
        errors.add("service_id", "Choose a service");
    }
    let role = role.parse::<Role>().map_err(|m| errors.add("role", m)).ok();
    errors.into_result()?;
    let Some(role) = role else { return Err(AppError::Internal) };
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&admin.id)).await?;
    tx.claim_submission(&submission).await?;
    db::fetch_person(tx.conn(), &person_id).await?.ok_or(AppError::NotFound)?;
    db::insert_role_grant(tx.conn(), &person_id, &service_id, role, &now()).await.map_err(|e| match e {
        sqlx::Error::Database(ref d) if d.is_foreign_key_violation() => {
            AppError::field("service_id", "Choose a service from the list")
        }
        other => AppError::from(other),
    })?;
    let detail = serde_json::json!({ "service_id": service_id, "role": role.as_str() });
    tx.audit("role_granted", "person", &person_id, detail).await?;
    tx.commit_then(&format!("/admin/people/{person_id}")).await?;
    Ok(())
}

/// Takes a role away.
#[server(endpoint = "/revoke_role")]
pub async fn revoke_role(
    #[server(default)] person_id: PersonId,
    #[server(default)] service_id: ServiceId,
    #[server(default)] role: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let admin = require_admin()?;
    let role = role.parse::<Role>().map_err(|m| AppError::field("role", m))?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&admin.id)).await?;
    tx.claim_submission(&submission).await?;
    if db::delete_role_grant(tx.conn(), &person_id, &service_id, role).await? > 0 {
        let detail = serde_json::json!({ "service_id": service_id, "role": role.as_str() });
        tx.audit("role_revoked", "person", &person_id, detail).await?;
    }
    tx.commit_then(&format!("/admin/people/{person_id}")).await?;
    Ok(())
}

/// Disables an account (ending its sessions and voiding its unused invitation and reset links at once) or
/// enables it again. Administrators cannot disable
/// themselves, so there is always someone left to undo it.
#[server(endpoint = "/set_account_disabled")]
pub async fn set_account_disabled(
    #[server(default)] person_id: PersonId,
    disabled: bool,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let admin = require_admin()?;
    if disabled && admin.id == person_id {
        return Err(AppError::Conflict("You cannot disable your own account.".into()));
    }
    let state = state()?;
    let now_at = now();
    let mut tx = Write::begin(&state.pool, Some(&admin.id)).await?;
    tx.claim_submission(&submission).await?;
    db::fetch_person(tx.conn(), &person_id).await?.ok_or(AppError::NotFound)?;
    db::update_disabled(tx.conn(), &person_id, disabled.then_some(now_at.as_str()), &now_at).await?;
    if disabled {
        db::delete_sessions_of(tx.conn(), &person_id).await?;
        for purpose in [LinkPurpose::Invitation, LinkPurpose::PasswordReset] {
            db::void_link_tokens(tx.conn(), &person_id, purpose.as_str(), &now_at).await?;
        }
    }
    let action = if disabled { "account_disabled" } else { "account_enabled" };
    tx.audit(action, "person", &person_id, serde_json::json!({})).await?;
    tx.commit_then(&format!("/admin/people/{person_id}")).await?;
    Ok(())
}

/// Makes a person an administrator across all services, or stops them being one. Administrators cannot
/// remove their own rights.
#[server(endpoint = "/set_administrator")]
pub async fn set_administrator(
    #[server(default)] person_id: PersonId,
    administrator: bool,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let admin = require_admin()?;
    if !administrator && admin.id == person_id {
        return Err(AppError::Conflict("You cannot remove your own administrator rights.".into()));
    }
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&admin.id)).await?;
    tx.claim_submission(&submission).await?;
    db::fetch_person(tx.conn(), &person_id).await?.ok_or(AppError::NotFound)?;
    db::update_admin(tx.conn(), &person_id, administrator, &now()).await?;
    let action = if administrator { "administrator_granted" } else { "administrator_removed" };
    tx.audit(action, "person", &person_id, serde_json::json!({})).await?;
    tx.commit_then(&format!("/admin/people/{person_id}")).await?;
    Ok(())
}

/// Adds a service, such as "CAS Day Service".
#[server(endpoint = "/create_service")]
pub async fn create_service(
    #[server(default)] name: String,
    #[server(default)] submission: String,
) -> Result<String, AppError> {
    let admin = require_admin()?;
    let keep = |e: AppError| e.keeping(&[("name", name.as_str())]);
    let service_name = ServiceName::parse(&name).map_err(|m| keep(AppError::field("name", m)))?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&admin.id)).await?;
    tx.claim_submission(&submission).await?;
    let id = db::insert_service(tx.conn(), service_name.as_str(), &now()).await.map_err(|e| {
        if is_unique_violation(&e) {
            keep(AppError::field("name", "There is already a service with this name"))
        } else {
            AppError::from(e)
        }
    })?;
    tx.audit("service_created", "service", &id, serde_json::json!({ "name": service_name.as_str() })).await?;
    tx.commit_then("/admin/services").await?;
    Ok(id.into_string())
}

/// Renames a service. The form names its field after the service (`name`) so each row's errors stay beside
/// that row.
#[server(endpoint = "/rename_service")]
pub async fn rename_service(
    #[server(default)] service_id: ServiceId,
    #[server(default)] name: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let admin = require_admin()?;
    let field = format!("name-{service_id}");
    let keep = |e: AppError| e.keeping(&[(field.as_str(), name.as_str())]);
    let service_name = ServiceName::parse(&name).map_err(|m| keep(AppError::field(&field, m)))?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&admin.id)).await?;
    tx.claim_submission(&submission).await?;
    let changed =
        db::update_service_name(tx.conn(), &service_id, service_name.as_str(), &now()).await.map_err(|e| {
            if is_unique_violation(&e) {
                keep(AppError::field(&field, "There is already a service with this name"))
            } else {
                AppError::from(e)
            }
        })?;
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    tx.audit("service_renamed", "service", &service_id, serde_json::json!({ "name": service_name.as_str() })).await?;
    tx.commit_then("/admin/services").await?;
    Ok(())
}

/// An absolute link for an email: the configured base URL, a path and a token.
#[cfg(feature = "ssr")]
fn link_to(state: &crate::state::AppState, path: &str, token: &str) -> String {
    crate::links::absolute(&state.security.base_url, path, &[("token", token)])
}
