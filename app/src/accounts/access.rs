//! Who is asking. The session middleware resolves the cookie once per request and leaves a `Visitor` in the
//! request's extensions; server functions and pages read it here and check access at their top.

use leptos::prelude::*;

use super::types::{Role, ServiceRole, UserSummary};
use crate::error::AppError;

/// A signed-in person, as the server knows them for the length of one request.
#[derive(Clone, Debug)]
pub struct SignedInUser {
    pub id: String,
    pub session_id: String,
    pub name: String,
    pub email: String,
    pub is_admin: bool,
    pub roles: Vec<ServiceRole>,
}

impl SignedInUser {
    pub fn has_role_in(&self, service_id: &str, role: Role) -> bool {
        self.roles.iter().any(|r| r.service_id == service_id && r.role == role)
    }

    /// Whether this person may keep the involvement ledger of a service: its staff and managers, and
    /// administrators for every service.
    pub fn keeps_ledger_of(&self, service_id: &str) -> bool {
        self.is_admin || self.has_role_in(service_id, Role::Staff) || self.has_role_in(service_id, Role::Manager)
    }

    /// Whether this person keeps any service's ledger.
    pub fn keeps_a_ledger(&self) -> bool {
        self.is_admin || self.roles.iter().any(|r| matches!(r.role, Role::Staff | Role::Manager))
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
    /// The client's IP address, for throttling only; it is never logged or stored.
    pub client: String,
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

/// A member of staff, a manager or an administrator: someone who keeps a service's involvement ledger.
pub fn require_ledger_keeper() -> Result<SignedInUser, AppError> {
    let user = require_signed_in()?;
    if user.keeps_a_ledger() {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}
