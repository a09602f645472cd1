//! The volunteer's own page (issue 16 §6), `/volunteering`, for the signed-in person: their roles, each with
//! its status, supervisor, checks and training with their expiry dates, and supervision dates (with the
//! notes, which are theirs to read); and pausing themselves ("I need a break", with an optional reason) and
//! coming back without reapplying — never penalised, each change audited. Hours will join each role here
//! when the hours room lands (the slot is marked in `components`). A person sees only their own
//! appointments: another's is "not found".

pub mod components;
pub mod server;

use serde::{Deserialize, Serialize};

use super::checks::types::{CheckStanding, Supervision};
use super::types::{AppointmentId, AppointmentStatus};

/// The page's address, for links in mail.
pub const MY_PAGE: &str = "/volunteering";

/// One of the signed-in person's roles, as their own page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyRole {
    pub id: AppointmentId,
    pub role_title: String,
    pub service_name: String,
    pub starts_on: String,
    pub status: AppointmentStatus,
    /// Why it is paused or ended, in words (empty while active).
    pub status_reason: String,
    /// Whether they paused it themselves (so "come back" is theirs to press).
    pub paused_by_self: bool,
    pub supervisor: Option<String>,
    pub checks: Vec<CheckStanding>,
    pub supervision: Vec<Supervision>,
}
