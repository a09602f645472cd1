//! Inclusion's server functions. Recruiting roles, applying and the applicant's own status link are open to
//! everyone; roles, applications and appointments are for the staff of the role's service (another service's
//! staff are told an application does not exist). Every change is audited.

use leptos::prelude::*;

use super::types::{
    ApplicationId, ApplicationList, ApplicationPage, ApplicationStatus, Applied, InclusionOverview, ResentApplication,
    Role, RoleId, RolePage,
};
use crate::accounts::types::ServiceId;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use {
    super::{
        db, emails,
        sources::VolunteerAppointed,
        types::{
            equality_field, Application, EqualityFigure, EqualityReport, Prefill, RoleState, Stage, TakingPartAs,
            EQUALITY_QUESTIONS,
        },
        validate::{may_move, ApplicationFields, ParsedApplication, RoleFields},
    },
    crate::{
        accounts::{
            access::{ensure_staff_of, person_by_email, require_staff, services_staffed_by, visitor, SignedInUser},
            session,
            types::Role as AccountRole,
        },
        dates::{parse_date_input, DateField, DateParts},
        db::Write,
        forms::redirect_plain_post,
        ledger::api as ledger_api,
        mail,
        safeguarding::review::{db as review_db, FlagSource, FlagSourceKind},
        state::{state, AppState},
        suppression::Disclosure,
        text::{free_slug, slugify, SlugKind},
    },
    std::sync::Arc,
};

/// Said when a role is not taking applications (a draft, filled or closed).
#[cfg(feature = "ssr")]
const NOT_RECRUITING: &str = "This role is not taking applications just now. Other roles are on the volunteering page.";

// ---- public: roles, applying, the status link ------------------------------------------------------------

/// Every role that is recruiting, by service and title. Open to everyone.
#[server(endpoint = "/list_volunteer_roles")]
pub async fn list_volunteer_roles() -> Result<Vec<Role>, AppError> {
    let pool = state()?.pool;
    Ok(db::list_roles(&mut *pool.acquire().await?, true).await?)
}

/// A role's public page: a recruiting role for everyone (a filled or closed one too, saying it is not taking
/// applications, for someone following an old poster), any role for its service's staff (a preview). A
/// signed-in person's form starts with their name, email and, where their account says so in the role's
/// service, that they are a patient or carer.
#[server(endpoint = "/get_volunteer_role")]
pub async fn get_volunteer_role(#[server(default)] slug: String) -> Result<RolePage, AppError> {
    let pool = state()?.pool;
    let role = db::fetch_role_by_slug(&mut *pool.acquire().await?, &slug).await?.ok_or(AppError::NotFound)?;
    let user = visitor().user;
    let staff = user.as_ref().is_some_and(|u| u.is_staff_of(&role.service_id));
    // A draft is nobody's business but its staff's; a filled or closed role's page stays, saying it is not
    // recruiting (its posters may still be on a wall), without the form.
    if role.state == RoleState::Draft && !staff {
        return Err(AppError::NotFound);
    }
    let prefill = user
        .map(|u| {
            let taking_part_as = if u.has_role_in(&role.service_id, AccountRole::Patient) {
                TakingPartAs::Patient.as_str()
            } else if u.has_role_in(&role.service_id, AccountRole::Carer) {
                TakingPartAs::Carer.as_str()
            } else {
                ""
            };
            Prefill { name: u.name, email: u.email, taking_part_as: taking_part_as.to_owned() }
        })
        .unwrap_or_default();
    Ok(RolePage { role, prefill, staff })
}

/// The link in mail with which an applicant sees their application and withdraws it: `key` is a secret made
/// for them (its hash is all that is stored).
#[cfg(feature = "ssr")]
pub fn status_link(base_url: &url::Url, key: &str) -> String {
    crate::links::absolute(base_url, "/volunteer/application", &[("token", key)])
}

/// Applies for a recruiting role, with or without an account. A new application is stored at "received"
/// and acknowledged by mail with the status link when an email address was given (`Applied::Received`).
///
/// When the email address already has an open application for the role (one neither withdrawn nor not
/// taken forward: applying again after those starts a fresh application):
/// - someone signed in with that address replaces its details at once while it is received or shortlisted
///   (`Applied::Merged`; referees already asked are kept), or is told it has gone too far for that
///   (`Applied::Kept`);
/// - anyone else changes nothing: the address is mailed a single-use link to see what was sent and confirm
///   replacing the application with it (`confirm_resent_application`), or word that it is past shortlisting,
///   and the visitor gets the very answer a new application gets (`Applied::Received`), so the page never
///   tells a stranger whether the address had applied.
///
/// The free text of what is stored is screened for risk (a flag goes to the review queue; the application
/// is never held up). The optional equal-opportunities answers of a new application are counted apart, as
/// counts only, and never stored with the application.
///
/// Refused: a mistake (422, a message beside each field, everything typed kept); a role not recruiting
/// (409); too many applications from one client just now (429).
#[server(endpoint = "/apply_for_role")]
#[allow(clippy::too_many_arguments, reason = "one argument per form field, as every server function takes them")]
pub async fn apply_for_role(
    #[server(default)] role_slug: String,
    #[server(default)] name: String,
    #[server(default)] email: String,
    #[server(default)] phone: String,
    #[server(default)] taking_part_as: String,
    #[server(default)] why: String,
    #[server(default)] availability: String,
    #[server(default)] access_needs: String,
    #[server(default)] referee1_name: String,
    #[server(default)] referee1_contact: String,
    #[server(default)] referee2_name: String,
    #[server(default)] referee2_contact: String,
    #[server(default)] consent: String,
    #[server(default)] eo_age: String,
    #[server(default)] eo_gender: String,
    #[server(default)] eo_ethnicity: String,
    #[server(default)] eo_disability: String,
    #[server(default)] submission: String,
) -> Result<Applied, AppError> {
    let state = state()?;
    let equality = [("age", eo_age), ("gender", eo_gender), ("ethnicity", eo_ethnicity), ("disability", eo_disability)]
        .into_iter()
        .map(|(q, v)| (equality_field(q), v))
        .collect();
    let fields = ApplicationFields {
        name,
        email,
        phone,
        taking_part_as,
        why,
        availability,
        access_needs,
        referee1_name,
        referee1_contact,
        referee2_name,
        referee2_contact,
        consent,
        equality,
    };
    let kept = fields.kept();
    let keep = |e: AppError| e.keeping(&kept);
    let parsed = fields.parse().map_err(|e| keep(AppError::Validation(e)))?;
    let role =
        db::fetch_role_by_slug(&mut *state.pool.acquire().await?, &role_slug).await?.ok_or(AppError::NotFound)?;
    if role.state == RoleState::Draft {
        return Err(AppError::NotFound);
    }
    if role.state != RoleState::Recruiting {
        return Err(AppError::Conflict(NOT_RECRUITING.into()));
    }
    let throttle = state.parts.get::<Arc<super::runtime::ApplyThrottle>>();
    if throttle.is_some_and(|t| !t.allow(&visitor().client)) {
        tracing::info!(role.id = %role.id, "application throttled");
        return Err(AppError::TooManyAttempts);
    }
    // Two sent at the same moment from one address: the second's insert fails on the unique index, and on a
    // second try it finds the first.
    let mut stored = None;
    for _ in 0..2 {
        match store_application(&state, &role, &parsed, &submission).await {
            Ok(outcome) => {
                stored = Some(outcome);
                break;
            }
            Err(Stored::Raced) => continue,
            Err(Stored::Failed(error)) => return Err(error),
        }
    }
    let (applied, fresh) =
        stored.ok_or_else(|| AppError::internal("application", "storing after a race failed twice"))?;
    if fresh && !parsed.equality.is_empty() {
        count_equality(&state, &role.service_id, &parsed).await;
    }
    redirect_plain_post(&format!("/volunteer/{}?applied={}", role.slug, applied.as_str()));
    Ok(applied)
}

/// Why storing an application did not finish.
#[cfg(feature = "ssr")]
enum Stored {
    /// Another application from the same address was stored meanwhile: try again, to find it.
    Raced,
    Failed(AppError),
}

#[cfg(feature = "ssr")]
impl From<AppError> for Stored {
    fn from(error: AppError) -> Self {
        Stored::Failed(error)
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for Stored {
    fn from(error: sqlx::Error) -> Self {
        Stored::Failed(error.into())
    }
}

/// How many days the link to confirm an application sent again works.
#[cfg(feature = "ssr")]
pub const RESEND_LINK_DAYS: i64 = 7;

/// The link in mail with which the owner of an address confirms an application sent again from it: `key` is
/// made for it (its hash is all that is stored).
#[cfg(feature = "ssr")]
pub fn resend_link(base_url: &url::Url, key: &str) -> String {
    crate::links::absolute(base_url, "/volunteer/application/confirm", &[("key", key)])
}

/// Stores a new application, or deals with one sent again (see `apply_for_role`), in one change; returns how
/// it was taken and whether a new application was stored.
#[cfg(feature = "ssr")]
async fn store_application(
    state: &AppState,
    role: &Role,
    parsed: &ParsedApplication,
    submission: &str,
) -> Result<(Applied, bool), Stored> {
    let user = visitor().user;
    let mut tx = Write::begin(&state.pool, user.as_ref().map(|u| &u.id)).await?;
    tx.claim_submission(submission).await?;
    if let Some(address) = &parsed.email {
        if let Some((id, stage)) = db::fetch_application_by_email(tx.conn(), &role.id, address.as_str()).await? {
            let owner = user.as_ref().is_some_and(|u| u.email.eq_ignore_ascii_case(address.as_str()));
            let applied = if !owner {
                hold_until_confirmed(&mut tx, state, role, &id, stage, parsed).await?;
                Applied::Received
            } else if stage.may_be_replaced()
                && replace_application(&mut tx, state, role, &id, parsed, "account").await?
            {
                Applied::Merged
            } else {
                // Past shortlisting nothing changes, but the words are still read: kept for review if flagged.
                keep_if_flagged(&mut tx, state, role, &id, parsed).await?;
                Applied::Kept
            };
            tx.commit().await?;
            state.mail_wakeup.notify_one();
            tracing::info!(role.id = %role.id, "volunteer application sent again");
            return Ok((applied, false));
        }
    }
    let key = session::new_token();
    let id = match db::insert_application(tx.conn(), &role.id, parsed, &session::hash_token(&key)).await {
        Ok(id) => id,
        Err(error) if crate::db::is_unique_violation(&error) => return Err(Stored::Raced),
        Err(error) => return Err(error.into()),
    };
    screen(&mut tx, &state.security.base_url, role, &id, parsed).await?;
    if let Some(address) = &parsed.email {
        let link = status_link(&state.security.base_url, &key);
        let mail = emails::acknowledgement(address.as_str(), &parsed.name, &role.title, &role.service_name, &link);
        mail::enqueue_about(tx.conn(), &mail, &db::mail_about(&id)).await?;
    }
    tx.audit("application_received", "volunteer_application", &id, serde_json::json!({ "role_id": role.id })).await?;
    tx.commit().await?;
    if parsed.email.is_some() {
        state.mail_wakeup.notify_one();
    }
    tracing::info!(role.id = %role.id, "volunteer application received");
    Ok((Applied::Received, true))
}

/// An application sent again by someone not signed in with its address changes nothing: while the open
/// application is received or shortlisted, what was sent is held and the address is mailed a single-use
/// link (`RESEND_LINK_DAYS`) to confirm replacing it; later, the address is told it was sent again and
/// that changes go through the coordinator. Either way its words are screened as a new application's are
/// (`screen`: a flag on the application, the duty inbox told) and, when flagged, kept for the reviewer.
/// Audited without what was sent.
#[cfg(feature = "ssr")]
async fn hold_until_confirmed(
    tx: &mut Write,
    state: &AppState,
    role: &Role,
    id: &ApplicationId,
    stage: Stage,
    parsed: &ParsedApplication,
) -> Result<(), AppError> {
    let Some(address) = &parsed.email else { return Ok(()) };
    let may_replace = stage.may_be_replaced();
    let mail = if may_replace {
        let key = session::new_token();
        let expires = crate::db::timestamp(crate::clock::now() + chrono::Duration::days(RESEND_LINK_DAYS));
        let flagged = screen(tx, &state.security.base_url, role, id, parsed).await?;
        let details = db::ResentDetails::of(parsed);
        db::insert_resend(tx.conn(), id, &session::hash_token(&key), &details, &expires, flagged).await?;
        let last_day = crate::dates::long_day(&crate::clock::local_day_of(&expires));
        let link = resend_link(&state.security.base_url, &key);
        emails::sent_again(address.as_str(), &role.title, &role.service_name, &link, &last_day)
    } else {
        keep_if_flagged(tx, state, role, id, parsed).await?;
        emails::sent_again_too_late(address.as_str(), &role.title, &role.service_name)
    };
    mail::enqueue_about(tx.conn(), &mail, &db::mail_about(id)).await?;
    let detail = serde_json::json!({ "role_id": role.id, "stage": stage.as_str(), "may_replace": may_replace });
    tx.audit("application_sent_again", "volunteer_application", id, detail).await?;
    Ok(())
}

/// An application sent again that changes nothing (past shortlisting) is still screened; words the screener
/// flags are kept beside the application (a held copy with no link anyone has) for the reviewer, and go once
/// the flag is reviewed (`retention`). Words not flagged are not kept.
#[cfg(feature = "ssr")]
async fn keep_if_flagged(
    tx: &mut Write,
    state: &AppState,
    role: &Role,
    id: &ApplicationId,
    parsed: &ParsedApplication,
) -> Result<(), AppError> {
    if screen(tx, &state.security.base_url, role, id, parsed).await? {
        let unused_key = session::hash_token(&session::new_token());
        let now = crate::db::now();
        db::insert_resend(tx.conn(), id, &unused_key, &db::ResentDetails::of(parsed), &now, true).await?;
    }
    Ok(())
}

/// Replaces a received or shortlisted application's details with what its owner sent again (`by`: how they
/// showed it was theirs, `account` or `link`), keeping referees already asked; screens the new text, audits
/// it and tells the coordinator (`coordinators::of_role`). False, changing nothing, when it has moved on.
#[cfg(feature = "ssr")]
async fn replace_application(
    tx: &mut Write,
    state: &AppState,
    role: &Role,
    id: &ApplicationId,
    parsed: &ParsedApplication,
    by: &str,
) -> Result<bool, AppError> {
    let referees_asked = super::references::db::any_asked(tx.conn(), id).await?;
    if !db::merge_application(tx.conn(), id, parsed, referees_asked).await? {
        return Ok(false);
    }
    screen(tx, &state.security.base_url, role, id, parsed).await?;
    let detail = serde_json::json!({ "role_id": role.id, "confirmed_by": by, "referees_kept": referees_asked });
    tx.audit("application_merged", "volunteer_application", id, detail).await?;
    let link = crate::links::absolute(&state.security.base_url, &format!("/inclusion/applications/{id}"), &[]);
    for to in super::coordinators::of_role(tx.conn(), &role.id, &role.service_id).await? {
        let mail = emails::replaced_to_coordinator(&to, &parsed.name, &role.title, &link);
        mail::enqueue_about(tx.conn(), &mail, &db::mail_about(id)).await?;
    }
    Ok(true)
}

/// Said when a confirmation link was used already.
#[cfg(feature = "ssr")]
const RESEND_USED: &str = "This link has already been used, so your application is already up to date.";
/// Said when a confirmation link has run out.
#[cfg(feature = "ssr")]
const RESEND_EXPIRED: &str =
    "This link has run out: links work for 7 days. Your application is as it was. If you would still like to change it, send it again from the role's page.";
/// Said when the application has moved past shortlisting (or closed) since it was sent again.
#[cfg(feature = "ssr")]
const RESEND_TOO_LATE: &str =
    "Your application has moved on since it was sent again, so it can no longer be changed this way. If something has changed, please tell the coordinator.";

/// The application sent again that a live confirmation link's key is for, with its open application:
/// refused calmly when used or run out (409), or when the application has moved past shortlisting (409);
/// not found when unknown.
#[cfg(feature = "ssr")]
async fn live_resend(conn: &mut sqlx::AnyConnection, key: &str) -> Result<(db::Resend, Application), AppError> {
    let resend = db::fetch_resend_by_key(conn, &session::hash_token(key)).await?.ok_or(AppError::NotFound)?;
    if resend.used {
        return Err(AppError::Conflict(RESEND_USED.into()));
    }
    if resend.expires_at <= crate::db::now() {
        return Err(AppError::Conflict(RESEND_EXPIRED.into()));
    }
    let application = db::fetch_application(conn, &resend.application_id).await?.ok_or(AppError::NotFound)?;
    if !application.stage.may_be_replaced() {
        return Err(AppError::Conflict(RESEND_TOO_LATE.into()));
    }
    Ok((resend, application))
}

/// What an application sent again says, for the owner of the address it came from (the link in their mail):
/// to look at before confirming. Refused as `live_resend` says.
#[server(endpoint = "/get_resent_application")]
pub async fn get_resent_application(#[server(default)] key: String) -> Result<ResentApplication, AppError> {
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let (resend, application) = live_resend(&mut conn, &key).await?;
    let referees_asked = super::references::db::any_asked(&mut conn, &application.id).await?;
    let role = db::fetch_role(&mut conn, &application.role_id).await?.ok_or(AppError::NotFound)?;
    let details = resend.details;
    Ok(ResentApplication {
        role_title: role.title,
        service_name: role.service_name,
        stage: application.stage,
        sent_on: crate::clock::local_day_of(&resend.sent_at),
        name: details.name,
        phone: details.phone,
        why: details.why,
        availability: details.availability,
        access_needs: details.access_needs,
        referees: details.referees,
        referees_asked,
    })
}

/// The owner of the address confirms, through the single-use link mailed to it, that an application sent
/// again replaces what their open application says (while it is received or shortlisted; referees already
/// asked are kept). Audited; the coordinator is told by mail. Refused: a link used or run out, or an
/// application that has moved on (409); an unknown link (404).
#[server(endpoint = "/confirm_resent_application")]
pub async fn confirm_resent_application(
    #[server(default)] key: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let state = state()?;
    let mut tx = Write::begin(&state.pool, None).await?;
    tx.claim_submission(&submission).await?;
    let (resend, application) = live_resend(tx.conn(), &key).await?;
    if !db::use_resend(tx.conn(), &resend.id).await? {
        return Err(AppError::Conflict(RESEND_USED.into()));
    }
    let role = db::fetch_role(tx.conn(), &application.role_id).await?.ok_or(AppError::NotFound)?;
    let email = application.email.as_deref().and_then(|e| crate::accounts::validate::EmailAddress::parse(e).ok());
    let parsed = resend.details.into_parsed(email);
    if !replace_application(&mut tx, &state, &role, &application.id, &parsed, "link").await? {
        return Err(AppError::Conflict(RESEND_TOO_LATE.into()));
    }
    tx.commit_then("/volunteer/application/confirm?done=1").await?;
    state.mail_wakeup.notify_one();
    tracing::info!(role.id = %role.id, "volunteer application replaced by its owner");
    Ok(())
}

/// Screens an application's free text and, when the screener finds something, raises a flag for review in
/// the same change and alerts the duty inbox as flagged feedback does (`screen_and_raise`: a merged
/// application's waiting flag is brought up to date, never doubled); true when flagged. The one call every
/// path that receives an application's text makes — a new application, one merged, one sent again and held,
/// one sent again past shortlisting — so no words go unread. Never refuses the application.
#[cfg(feature = "ssr")]
async fn screen(
    tx: &mut Write,
    base_url: &url::Url,
    role: &Role,
    id: &ApplicationId,
    parsed: &ParsedApplication,
) -> Result<bool, AppError> {
    let source = FlagSource { kind: FlagSourceKind::VolunteerApplication, id: id.to_string() };
    let what = FlagSourceKind::VolunteerApplication.label();
    let flagged =
        review_db::screen_and_raise(tx.conn(), base_url, &role.service_id, &source, &parsed.free_text(), what).await?;
    if flagged {
        tracing::info!(role.id = %role.id, "volunteer application flagged for review");
    }
    Ok(flagged)
}

/// Counts the equal-opportunities answers into the service's counts for this year, in a change of its own
/// after the application is committed (so the two are not one transaction). A failure loses the answers,
/// never the application.
#[cfg(feature = "ssr")]
async fn count_equality(state: &AppState, service_id: &ServiceId, parsed: &ParsedApplication) {
    let year = crate::clock::today().get(..4).unwrap_or_default().to_owned();
    let counted = async {
        let mut tx = Write::begin(&state.pool, None).await?;
        db::count_equality_answers(tx.conn(), service_id, &year, &parsed.equality).await?;
        tx.commit().await
    };
    if let Err(error) = counted.await {
        tracing::warn!(error = %error, "equal-opportunities answers could not be counted");
    }
}

/// Where the application a status link is for has got to. Unknown links are not found.
#[server(endpoint = "/application_status")]
pub async fn get_application_status(#[server(default)] token: String) -> Result<ApplicationStatus, AppError> {
    let pool = state()?.pool;
    let (_, status) = db::fetch_status_by_key(&mut *pool.acquire().await?, &session::hash_token(&token))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(status)
}

/// Withdraws an application from its status link. Withdrawing is always possible while it is in the
/// pipeline; once appointed, withdrawn or not taken forward there is nothing to withdraw (409).
#[server(endpoint = "/withdraw_application")]
pub async fn withdraw_application(
    #[server(default)] token: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let state = state()?;
    let mut tx = Write::begin(&state.pool, None).await?;
    tx.claim_submission(&submission).await?;
    let (id, status) =
        db::fetch_status_by_key(tx.conn(), &session::hash_token(&token)).await?.ok_or(AppError::NotFound)?;
    if !status.stage.is_open() || !db::set_stage(tx.conn(), &id, status.stage, Stage::Withdrawn).await? {
        return Err(AppError::Conflict("This application cannot be withdrawn now: it is no longer open.".into()));
    }
    tx.audit(
        "application_withdrawn",
        "volunteer_application",
        &id,
        serde_json::json!({ "from": status.stage.as_str() }),
    )
    .await?;
    tx.commit_then(&format!("/volunteer/application?token={token}&withdrawn=1")).await
}

// ---- staff: roles ----------------------------------------------------------------------------------------

/// The roles of the caller's services, the services they may add one to, and each service's
/// equal-opportunities report (small numbers suppressed; years that have ended only).
#[server(endpoint = "/inclusion_overview")]
pub async fn get_inclusion_overview() -> Result<InclusionOverview, AppError> {
    let user = require_staff()?;
    let services = services_staffed_by(&user).await?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let roles =
        db::list_roles(&mut conn, false).await?.into_iter().filter(|r| user.is_staff_of(&r.service_id)).collect();
    let mut equality = Vec::new();
    // Only whole years that have ended: a figure that moved while applications arrived would tie the answers
    // to the name that arrived between two looks at the page, however the figure is rounded.
    let this_year = crate::clock::today().get(..4).unwrap_or_default().to_owned();
    for service in &services {
        let counts = db::equality_counts(&mut conn, &service.id, &this_year).await?;
        equality.push(equality_report(&service.name, &counts));
    }
    Ok(InclusionOverview { roles, services, equality })
}

/// A service's equal-opportunities report: each question's answers and how many answered it, as one
/// disclosure, so no count of 1 to 4 is shown or can be worked out from the others.
#[cfg(feature = "ssr")]
pub fn equality_report(service_name: &str, counts: &[(String, String, i64)]) -> EqualityReport {
    let count_of = |question: &str, answer: &str| {
        counts.iter().find(|(q, a, _)| q == question && a == answer).map_or(0, |(_, _, n)| *n)
    };
    let mut disclosure = Disclosure::new();
    let mut figures = Vec::new();
    for question in EQUALITY_QUESTIONS {
        let parts: Vec<_> =
            question.answers.iter().map(|(answer, _)| disclosure.people(count_of(question.name, answer))).collect();
        let total: i64 = question.answers.iter().map(|(answer, _)| count_of(question.name, answer)).sum();
        let total = disclosure.people(total);
        disclosure.sum(total, &parts);
        figures.push((total, parts));
    }
    let decisions = disclosure.decide();
    let questions = EQUALITY_QUESTIONS
        .iter()
        .zip(figures)
        .map(|(question, (total, parts))| {
            let answers = question
                .answers
                .iter()
                .zip(parts)
                .map(|((_, words), figure)| EqualityFigure {
                    answer: (*words).to_owned(),
                    published: decisions.count(figure).text(),
                })
                .collect();
            (question.question.to_owned(), decisions.count(total).text(), answers)
        })
        .collect();
    EqualityReport { service_name: service_name.to_owned(), questions }
}

/// The role, for its staff's edit page (any state). Not found for anyone else.
#[server(endpoint = "/get_role_for_editing")]
pub async fn get_role_for_editing(#[server(default)] role_id: RoleId) -> Result<Role, AppError> {
    let user = require_staff()?;
    let pool = state()?.pool;
    db::fetch_role(&mut *pool.acquire().await?, &role_id)
        .await?
        .filter(|r| user.is_staff_of(&r.service_id))
        .ok_or(AppError::NotFound)
}

/// Adds a role (no `role_id`) to a service the caller works in, or changes one of their service's roles.
/// Returns its id.
#[server(endpoint = "/save_volunteer_role")]
#[allow(clippy::too_many_arguments, reason = "one argument per form field, as every server function takes them")]
pub async fn save_volunteer_role(
    #[server(default)] role_id: RoleId,
    #[server(default)] service_id: ServiceId,
    #[server(default)] title: String,
    #[server(default)] duties: String,
    #[server(default)] time_asked: String,
    #[server(default)] place: String,
    #[server(default)] support: String,
    #[server(default)] expenses: String,
    #[server(default)] lived_experience: String,
    #[server(default)] posts: String,
    #[server(default)] role_state: String,
    #[server(default)] submission: String,
) -> Result<RoleId, AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    // Access first, before anything typed is looked at.
    let existing = if role_id.is_empty() {
        if !service_id.is_empty() {
            ensure_staff_of(&user, &service_id)?;
        }
        None
    } else {
        Some(
            db::fetch_role(tx.conn(), &role_id)
                .await?
                .filter(|r| user.is_staff_of(&r.service_id))
                .ok_or(AppError::NotFound)?,
        )
    };
    let fields =
        RoleFields { title, duties, time_asked, place, support, expenses, lived_experience, posts, state: role_state };
    let mut kept = fields.kept();
    kept.push(("service_id", service_id.as_str()));
    // The state's field is `role_state` on the page (`state` names the app's state in server code).
    kept.push(("role_state", fields.state.as_str()));
    let mut parsed = fields.parse().map_err(|mut e| {
        for error in &mut e.errors {
            if error.field == "state" {
                error.field = "role_state".into();
            }
        }
        e
    });
    if existing.is_none() && service_id.is_empty() {
        let mut errors = parsed.err().unwrap_or_default();
        errors.add("service_id", "Choose the service");
        parsed = Err(errors);
    }
    let role = parsed.map_err(|e| AppError::Validation(e).keeping(&kept))?;
    tx.claim_submission(&submission).await?;
    let id = match &existing {
        None => {
            let mut base = slugify(&role.title);
            // `/volunteer/application` and `/volunteer/reference` are pages of their own.
            if base == "application" || base == "reference" || base.is_empty() {
                base = format!("{base}-role").trim_start_matches('-').to_owned();
            }
            let slug = free_slug(tx.conn(), SlugKind::VolunteerRole, &base).await?;
            db::insert_role(tx.conn(), &service_id, &slug, &role, Some(&user.id)).await?
        }
        Some(existing) => {
            db::update_role(tx.conn(), &existing.id, &role).await?;
            existing.id.clone()
        }
    };
    let action = if existing.is_none() { "volunteer_role_created" } else { "volunteer_role_changed" };
    tx.audit(action, "volunteer_role", &id, serde_json::json!({ "title": role.title, "state": role.state.as_str() }))
        .await?;
    tx.commit_then(&format!("/inclusion/roles/{id}?saved=1")).await?;
    Ok(id)
}

// ---- staff: applications ---------------------------------------------------------------------------------

/// Every application to the roles of the caller's services, newest first, at `stage` (all when empty or
/// unknown), with how many are at each stage.
#[server(endpoint = "/list_applications")]
pub async fn list_applications(#[server(default)] stage: String) -> Result<ApplicationList, AppError> {
    let user = require_staff()?;
    let services: Vec<ServiceId> = services_staffed_by(&user).await?.into_iter().map(|s| s.id).collect();
    let pool = state()?.pool;
    let all = db::list_applications(&mut *pool.acquire().await?, &services).await?;
    let counts = Stage::ALL.iter().map(|s| (*s, all.iter().filter(|(_, a)| a.stage == *s).count() as i64)).collect();
    let stage = stage.parse::<Stage>().ok();
    let applications = all.into_iter().map(|(_, a)| a).filter(|a| stage.is_none_or(|s| a.stage == s)).collect();
    Ok(ApplicationList { applications, counts, stage })
}

/// The application, for its service's own staff; not found for anyone else (another service's staff too).
#[cfg(feature = "ssr")]
async fn application_for(
    conn: &mut sqlx::AnyConnection,
    user: &SignedInUser,
    id: &ApplicationId,
) -> Result<Application, AppError> {
    db::fetch_application(conn, id).await?.filter(|a| user.is_staff_of(&a.service_id)).ok_or(AppError::NotFound)
}

/// An application in full, with its appointment and the screener's flag, for its service's staff. The
/// reading is audited: applicants' data is identifiable.
#[server(endpoint = "/get_application")]
pub async fn get_application(#[server(default)] application_id: ApplicationId) -> Result<ApplicationPage, AppError> {
    let user = require_staff()?;
    let pool = state()?.pool;
    let mut conn = pool.acquire().await?;
    let application = application_for(&mut conn, &user, &application_id).await?;
    let appointment = db::fetch_appointment_for(&mut conn, &application.id).await?;
    let flag = db::fetch_flag(&mut conn, &application.id).await?;
    let sent_again = db::list_flagged_resends(&mut conn, &application.id)
        .await?
        .iter()
        .map(|(at, sent)| super::flags::sent_again_words(at, sent))
        .collect();
    let (interview_panel, panel_choices) = interview_panel_of(&mut conn, &application).await?;
    crate::audit::record(
        &mut *conn,
        Some(&user.id),
        "application_read",
        "volunteer_application",
        application.id.as_str(),
        serde_json::json!({}),
    )
    .await?;
    Ok(ApplicationPage { application, appointment, flag, sent_again, interview_panel, panel_choices })
}

/// The application's interview panel as partnership publishes it (the panel linked here, or one that has the
/// application among its candidates), and at interview the panels it may be linked to.
#[cfg(feature = "ssr")]
async fn interview_panel_of(
    conn: &mut sqlx::AnyConnection,
    application: &Application,
) -> Result<(Option<super::types::InterviewPanel>, Vec<(String, String)>), AppError> {
    use crate::partnership::api as partnership;
    let linked = db::fetch_interview_panel(&mut *conn, &application.id).await?;
    let panel = partnership::panel_for_application(
        &mut *conn,
        &application.service_id,
        application.id.as_str(),
        linked.as_deref(),
    )
    .await?
    .map(|p| super::types::InterviewPanel {
        linked: linked.as_deref() == Some(p.id.as_str()),
        state: match (p.decided, p.data_deleted) {
            (false, _) => "Arranged".to_owned(),
            (true, false) => "Decided".to_owned(),
            (true, true) => "Decided (candidates' data deleted)".to_owned(),
        },
        id: p.id,
        sits_on: p.sits_on,
        sits_at: p.sits_at,
        place: p.place,
        candidate: p.candidate,
        outcome: p.outcome,
    });
    let choices = if application.stage == Stage::Interview {
        partnership::panels_for_role(&mut *conn, &application.service_id, application.role_id.as_str()).await?
    } else {
        Vec::new()
    };
    Ok((panel, choices))
}

/// Links an application at interview to one of its service's undecided interview panels for the role
/// (partnership's, through `partnership::api::panels_for_role`), or takes the link off (`panel_id` empty).
/// The panel's organisers add the applicant to it as a candidate with their pack; the panel's outcome moves
/// the application on (`inclusion::api::panel_outcome`). Audited.
///
/// Refused: a panel that is not one of the choices (422, beside the field); an application no longer at
/// interview (409); another service's application (404).
#[server(endpoint = "/link_interview_panel")]
pub async fn link_interview_panel(
    #[server(default)] application_id: ApplicationId,
    #[server(default)] panel_id: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let application = application_for(tx.conn(), &user, &application_id).await?;
    if application.stage != Stage::Interview {
        return Err(AppError::Conflict(
            "A panel is linked at the interview stage, and this application has moved on.".into(),
        ));
    }
    let panel = panel_id.trim().to_owned();
    if !panel.is_empty() {
        let choices =
            crate::partnership::api::panels_for_role(tx.conn(), &application.service_id, application.role_id.as_str())
                .await?;
        if !choices.iter().any(|(id, _)| *id == panel) {
            return Err(AppError::field("panel_id", "Choose one of this role's interview panels")
                .keeping(&[("panel_id", panel.as_str())]));
        }
    }
    tx.claim_submission(&submission).await?;
    let chosen = (!panel.is_empty()).then_some(panel.as_str());
    if !db::set_interview_panel(tx.conn(), &application.id, chosen).await? {
        return Err(AppError::Conflict("This application changed just now. Look again.".into()));
    }
    let detail = serde_json::json!({ "panel_id": chosen });
    tx.audit("application_panel_linked", "volunteer_application", &application.id, detail).await?;
    tx.commit_then(&format!("/inclusion/applications/{}", application.id)).await
}

/// Moves an application one stage on, or to "not taken forward" (with the coordinator's optional words in
/// the kind message mailed to the applicant). The applicant is told by mail when they gave an address.
#[server(endpoint = "/move_application")]
pub async fn move_application(
    #[server(default)] application_id: ApplicationId,
    #[server(default)] stage: String,
    #[server(default)] note: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let application = application_for(tx.conn(), &user, &application_id).await?;
    let kept = [("stage", stage.as_str()), ("note", note.as_str())];
    let mut errors = crate::error::FormErrors::new();
    let note = crate::text::one_line(&mut errors, "note", &note, "your note", 1_000, false);
    let to = match stage.parse::<Stage>() {
        Ok(to) if may_move(application.stage, to) => Some(to),
        _ => {
            errors.add("stage", "Choose what happens next");
            None
        }
    };
    errors.into_result().map_err(|e| e.keeping(&kept))?;
    let Some(to) = to else { return Err(AppError::Internal) };
    tx.claim_submission(&submission).await?;
    if !db::set_stage(tx.conn(), &application.id, application.stage, to).await? {
        return Err(AppError::Conflict("Someone else changed this application just now. Look again.".into()));
    }
    if let Some(address) = &application.email {
        let mail = if to == Stage::NotTakenForward {
            emails::not_taken_forward(address, &application.name, &application.role_title, &note)
        } else {
            emails::moved_on(address, &application.name, &application.role_title, to)
        };
        mail::enqueue_about(tx.conn(), &mail, &db::mail_about(&application.id)).await?;
    }
    let detail = serde_json::json!({ "from": application.stage.as_str(), "to": to.as_str() });
    tx.audit("application_stage_changed", "volunteer_application", &application.id, detail).await?;
    tx.commit_then(&format!("/inclusion/applications/{}", application.id)).await?;
    if application.email.is_some() {
        state.mail_wakeup.notify_one();
    }
    Ok(())
}

/// Appoints the applicant (an application at "checks") from a start date: records the appointment (the
/// person's account when one has the application's email address; otherwise, with an email address, an
/// invitation to make one, to which the appointment is linked; otherwise their name), moves the
/// application to "appointed", records the Inclusion activity in the ledger with the volunteer as a patient,
/// carer or other as their application said, and mails a welcome.
#[server(endpoint = "/appoint_volunteer")]
pub async fn appoint_volunteer(
    #[server(default)] application_id: ApplicationId,
    #[server(default)] starts_on_day: String,
    #[server(default)] starts_on_month: String,
    #[server(default)] starts_on_year: String,
    #[server(default)] submission: String,
) -> Result<(), AppError> {
    let user = require_staff()?;
    let state = state()?;
    let mut tx = Write::begin(&state.pool, Some(&user.id)).await?;
    let application = application_for(tx.conn(), &user, &application_id).await?;
    let typed = DateParts::new(starts_on_day, starts_on_month, starts_on_year);
    let field = DateField { name: "starts_on", legend: "Start date", earliest: None, latest: None };
    let starts_on = match parse_date_input(&field, &typed) {
        Ok(day) => day.iso(),
        Err(error) => {
            let mut errors = crate::error::FormErrors::new();
            error.add_to(&mut errors);
            return Err(AppError::Validation(errors.keep_posted(&typed.kept("starts_on"))));
        }
    };
    if application.stage != Stage::Checks {
        return Err(AppError::Conflict("Only an application whose checks are under way can be appointed.".into()));
    }
    tx.claim_submission(&submission).await?;
    let role = db::fetch_role(tx.conn(), &application.role_id).await?.ok_or(AppError::NotFound)?;
    let person = match &application.email {
        Some(address) => person_by_email(tx.conn(), address).await?,
        None => None,
    };
    // Someone without an account is invited to make one (as a volunteer of the service), and the appointment
    // is linked to it at once, so it is theirs when they accept.
    let invited = match (&person, &application.email) {
        (None, Some(address)) => Some(
            crate::accounts::access::invite_in(
                tx.conn(),
                address,
                &application.name,
                &role.service_id,
                AccountRole::Volunteer,
                &user.name,
                &state.site.organisation,
                &state.security.base_url,
            )
            .await?,
        ),
        _ => None,
    };
    let appointment = db::NewAppointment {
        role_id: &role.id,
        application_id: &application.id,
        person_id: person.as_ref().map(|(id, _)| id).or(invited.as_ref()),
        name: &application.name,
        taking_part_as: application.taking_part_as,
        starts_on: &starts_on,
    };
    let appointment_id = db::insert_appointment(tx.conn(), &appointment, Some(&user.id)).await?;
    if !db::set_stage(tx.conn(), &application.id, Stage::Checks, Stage::Appointed).await? {
        return Err(AppError::Conflict("Someone else changed this application just now. Look again.".into()));
    }
    let appointed = VolunteerAppointed {
        id: &appointment_id,
        role: &role,
        person_id: appointment.person_id,
        name: &application.name,
        taking_part_as: application.taking_part_as,
        starts_on: &starts_on,
    };
    ledger_api::record_in(&mut tx, &appointed).await?;
    // A role that needs checks starts its volunteer paused until every one is recorded in date (recording
    // the last resumes it): nobody is active before their checks are.
    let needs_checks = !super::checks::db::list_role_checks(tx.conn(), &role.id).await?.is_empty();
    if needs_checks {
        super::checks::db::set_status(
            tx.conn(),
            &appointment_id,
            super::types::AppointmentStatus::Active,
            super::types::AppointmentStatus::Paused,
            super::checks::server::PAUSED_FOR_CHECKS,
            super::checks::server::AWAITING_CHECKS,
        )
        .await?;
    }
    if let Some(address) = &application.email {
        let mail = emails::appointed(address, &application.name, &role.title, &starts_on, needs_checks);
        mail::enqueue_about(tx.conn(), &mail, &db::mail_about(&application.id)).await?;
    }
    let detail = serde_json::json!({
        "role_id": role.id, "starts_on": starts_on, "has_account": person.is_some(), "invited": invited.is_some(),
        "awaiting_checks": needs_checks
    });
    tx.audit("volunteer_appointed", "volunteer_appointment", &appointment_id, detail).await?;
    tx.commit_then(&format!("/inclusion/applications/{}", application.id)).await?;
    if application.email.is_some() {
        state.mail_wakeup.notify_one();
    }
    Ok(())
}
