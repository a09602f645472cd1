//! References by link (issue 16 §4). When the coordinator chooses (from shortlisted to checks: "Ask the
//! referees"), each referee with an email address gets a mail with a single-use link valid 30 days
//! (`/volunteer/reference?key=…`: a random key, of which only the hash is stored) to a short reference form,
//! a light public page with the public forms' safety (a throttle per client, the body limit, a single-use
//! submission token). The housekeeping reminds a referee once after 7 days (claimed, so two app servers send
//! one), with a second link to the same request. A referee may decline. The coordinator sees on the
//! application's page which came back, and may replace a referee (a new link to the new referee). What a
//! referee writes is for the service's staff only.
//!
//! Files: `server` (its server functions), `components` (the referee's page and the coordinator's section),
//! `db`, `jobs` (the reminder), `emails`.

pub mod components;
pub mod server;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod emails;
#[cfg(feature = "ssr")]
pub mod jobs;

crate::id!(
    /// A reference asked of one referee.
    ReferenceId
);

/// How many days a referee's link works.
pub const LINK_DAYS: i64 = 30;
/// After how many days a referee who has not answered is reminded (once).
pub const REMIND_AFTER_DAYS: i64 = 7;

/// Where a reference is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum ReferenceState {
    Requested,
    Received,
    Declined,
    Replaced,
}

impl ReferenceState {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            ReferenceState::Requested => "Asked, not back yet",
            ReferenceState::Received => "Received",
            ReferenceState::Declined => "Declined",
            ReferenceState::Replaced => "Replaced by another referee",
        }
    }
}

/// A reference as the coordinator sees it (staff of the service only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferenceView {
    pub id: ReferenceId,
    pub referee_name: String,
    pub referee_email: String,
    pub state: ReferenceState,
    /// `YYYY-MM-DD`, local.
    pub requested_on: String,
    /// `YYYY-MM-DD`, local: the last day the link works.
    pub link_ends_on: String,
    /// Whether the link has run out without an answer.
    pub expired: bool,
    pub known_how: String,
    pub reference_text: String,
    /// Whether the referee declined (kept once they are replaced, with their reason).
    pub declined: bool,
    pub decline_reason: String,
    /// The referee this one was asked instead of, by name (the history stays readable: declined or silent,
    /// then replaced by this one); `None` for a referee named on the application.
    pub instead_of: Option<String>,
}

/// The references of an application, for its page: each asked, and the referees named on the application
/// that have no email address (to be asked by phone).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct References {
    pub references: Vec<ReferenceView>,
    /// Whether the referees may be asked now (the application is between shortlisted and checks and none
    /// has been asked yet).
    pub may_ask: bool,
    /// Referees named without an email address: (name, contact).
    pub by_phone: Vec<(String, String)>,
}

/// What a referee's link shows: who the reference is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferenceRequest {
    pub referee_name: String,
    pub applicant_name: String,
    pub role_title: String,
    pub service_name: String,
}
