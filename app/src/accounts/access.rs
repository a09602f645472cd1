//! Who is asking. The session middleware resolves the cookie once per request and leaves a `Visitor` in the
//! request's extensions; server functions and pages read it here and check access at their top.

use crate::accounts::types::{PersonId, ServiceId};
use leptos::prelude::*;

use super::types::{Role, ServiceRole, ServiceSummary, UserSummary};
use crate::error::AppError;

/// A signed-in person, as the server knows them for the length of one request.
#[derive(Clone, Debug)]
pub struct SignedInUser {
    pub id: PersonId,
    pub session_id: String,
    pub name: String,
    pub email: String,
    pub is_admin: bool,
    pub roles: Vec<ServiceRole>,
}

impl SignedInUser {
    pub fn has_role_in(&self, service_id: &ServiceId, role: Role) -> bool {
        self.roles.iter().any(|r| r.service_id == *service_id && r.role == role)
    }

    /// Whether this person works for a service: its staff and managers, and administrators for every
    /// service. Staff of a service keep its ledger, pages, events, forms and (later) groups and roles.
    pub fn is_staff_of(&self, service_id: &ServiceId) -> bool {
        self.is_admin || self.has_role_in(service_id, Role::Staff) || self.has_role_in(service_id, Role::Manager)
    }

    /// Whether this person is staff of any service (or an administrator).
    pub fn is_staff_anywhere(&self) -> bool {
        self.is_admin || self.roles.iter().any(|r| matches!(r.role, Role::Staff | Role::Manager))
    }

    /// Whether this person manages a service: its managers, and administrators for every service.
    pub fn manages(&self, service_id: &ServiceId) -> bool {
        self.is_admin || self.has_role_in(service_id, Role::Manager)
    }

    pub fn summary(&self) -> UserSummary {
        UserSummary {
            id: self.id.clone(),
            name: self.name.clone(),
            email: self.email.clone(),
            is_admin: self.is_admin,
            roles: self.roles.clone(),
        }
    }
}

/// Who made the request: the signed-in person if any, and the client address the sign-in throttle counts.
#[derive(Clone, Debug, Default)]
pub struct Visitor {
    pub user: Option<SignedInUser>,
    /// The client's IP address, for throttling only; it is never logged or stored. Empty on feedback forms.
    pub client: String,
    /// On feedback forms, where `client` is empty: the keyed hash of the address
    /// ([`anonymous_client_key`]), so submissions can be throttled per client without the address.
    pub anonymous_client: Option<u64>,
}

/// A keyed hash of a client's address, for throttling anonymous feedback without knowing who sent it: the key
/// is random, made when this app server starts and held only in its memory, so the hash cannot be turned back
/// into the address, and it changes at every restart.
pub fn anonymous_client_key(ip: std::net::IpAddr) -> u64 {
    use std::hash::BuildHasher;
    static KEY: std::sync::LazyLock<std::collections::hash_map::RandomState> =
        std::sync::LazyLock::new(Default::default);
    KEY.hash_one(ip)
}

/// The visitor of the current request (anonymous when there is no request context).
pub fn visitor() -> Visitor {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Visitor>().cloned())
        .unwrap_or_default()
}

pub fn require_signed_in() -> Result<SignedInUser, AppError> {
    visitor().user.ok_or(AppError::Unauthenticated)
}

pub fn require_admin() -> Result<SignedInUser, AppError> {
    let user = require_signed_in()?;
    if user.is_admin {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Staff (or a manager) of some service, or an administrator: the check at the top of every staff tool.
/// Row-level checks ([`ensure_staff_of`]) follow it once the service concerned is known.
pub fn require_staff() -> Result<SignedInUser, AppError> {
    let user = require_signed_in()?;
    if user.is_staff_anywhere() {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Refuses (403) a person who is not staff of `service_id`: used where the person chose the service (a
/// form's service list). Where the service comes from a record's id, refuse with `NotFound` instead, so that
/// someone from another service learns nothing, not even that the record exists.
pub fn ensure_staff_of(user: &SignedInUser, service_id: &ServiceId) -> Result<(), AppError> {
    if user.is_staff_of(service_id) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Every service, by name.
pub async fn all_services(pool: &sqlx::AnyPool) -> Result<Vec<ServiceSummary>, AppError> {
    Ok(super::db::list_services(pool).await?)
}

/// The services `user` is staff of (every service for an administrator), by name.
pub async fn services_staffed_by(user: &SignedInUser) -> Result<Vec<ServiceSummary>, AppError> {
    let all = super::db::list_services(&crate::state::state()?.pool).await?;
    Ok(all.into_iter().filter(|s| user.is_staff_of(&s.id)).collect())
}

/// A group's current membership, as the capability that keeps groups knows it (participation's `api`), for
/// the checks below: accounts never reads another capability's tables, it is handed what it checks.
#[derive(Clone, Debug, Default)]
pub struct GroupMembership {
    /// The service the group belongs to: its staff and managers manage the group.
    pub service_id: ServiceId,
    /// The people with accounts whose term covers today.
    pub current_members: Vec<PersonId>,
    /// Of those, the group's current secretaries, who record attendance as well as staff.
    pub secretaries: Vec<PersonId>,
}

/// Whether `user` is a current member of the group.
pub fn member_of(user: &SignedInUser, group: &GroupMembership) -> bool {
    group.current_members.contains(&user.id)
}

/// Refuses (403) anyone but a current member of the group or staff of its service (and administrators): who
/// may read a group's business. Staff of another service are refused the same way as patients who are not
/// members.
pub fn ensure_reads_group(user: &SignedInUser, group: &GroupMembership) -> Result<(), AppError> {
    if user.is_staff_of(&group.service_id) || member_of(user, group) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Whether `user` may record a meeting's attendance, guests and declarations: staff of the group's service,
/// or one of its current secretaries.
pub fn keeps_records_of(user: &SignedInUser, group: &GroupMembership) -> bool {
    user.is_staff_of(&group.service_id) || group.secretaries.contains(&user.id)
}

/// The account with this email address (lower case), as `(id, name)`, for naming a member of a group by
/// their account. Disabled accounts are included: whether they may sign in is checked at sign-in.
pub async fn person_by_email(
    conn: &mut sqlx::AnyConnection,
    email: &str,
) -> Result<Option<(PersonId, String)>, AppError> {
    Ok(super::db::fetch_person_by_email(conn, email).await?.map(|p| (p.id, p.display_name)))
}

/// Invites someone to make an account, for another capability that has just given them a place (inclusion's
/// appointment of a volunteer without an account): in the caller's change, makes the person (no password
/// yet; an earlier invitation not yet accepted is reused), grants them `role` in `service_id`, and queues the
/// invitation mail with a single-use link (7 days, as an administrator's invitation). Returns their id, so
/// the caller links its record to the account they will sign in with. `invited_by` is a name for the mail.
/// Someone who already has an account is returned as they are, with the role granted and no mail.
#[allow(clippy::too_many_arguments, reason = "who, where, as what, and by whom: each is needed once")]
pub async fn invite_in(
    conn: &mut sqlx::AnyConnection,
    email: &str,
    name: &str,
    service_id: &ServiceId,
    role: Role,
    invited_by: &str,
    organisation: &str,
    base_url: &url::Url,
) -> Result<PersonId, AppError> {
    use super::{db, session, types::LinkPurpose};
    let now_at = crate::clock::now();
    let now_text = crate::db::timestamp(now_at);
    let existing = db::fetch_person_by_email(&mut *conn, email).await?;
    let person_id = match &existing {
        Some(person) => person.id.clone(),
        None => {
            let new_person = db::NewPerson { email, name, password_hash: None, is_admin: false };
            db::insert_person(&mut *conn, &new_person, &now_text).await?
        }
    };
    db::insert_role_grant(&mut *conn, &person_id, service_id, role, &now_text).await?;
    if existing.as_ref().is_some_and(|p| p.password_hash.is_some()) {
        return Ok(person_id);
    }
    let token = session::new_token();
    let purpose = LinkPurpose::Invitation.as_str();
    db::void_link_tokens(&mut *conn, &person_id, purpose, &now_text).await?;
    let expires = crate::db::timestamp(now_at + chrono::Duration::days(7));
    db::insert_link_token(&mut *conn, &session::hash_token(&token), &person_id, purpose, &now_text, &expires).await?;
    let link = crate::links::absolute(base_url, "/invitation", &[("token", &token)]);
    crate::mail::enqueue(&mut *conn, &super::emails::invitation(email, name, organisation, &link, invited_by)).await?;
    Ok(person_id)
}
