//! The volunteer's own page (issue 16 §6), `/volunteering`, for the signed-in person: their roles, each with
//! its status, supervisor, checks and training with their expiry dates, and supervision dates (with the
//! notes, which are theirs to read); and pausing themselves ("I need a break", with an optional reason) and
//! coming back without reapplying — never penalised, each change audited; and each role's hours: the recent
//! entries with their state (waiting, approved, or queried with the supervisor's question), approved totals
//! this month and this year, and a link to log hours. A person sees only their own appointments: another's
//! is "not found".

pub mod components;
pub mod server;

use serde::{Deserialize, Serialize};

use super::checks::types::{CheckStanding, Supervision};
use super::hours::types::HoursEntry;
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
    pub hours: MyHours,
}

/// How many of a role's entries of hours its card lists, newest first.
pub const RECENT_HOURS: usize = 5;

/// A role's hours on the volunteer's own page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyHours {
    /// The newest entries (at most `RECENT_HOURS`), by the local date given, newest first.
    pub recent: Vec<HoursEntry>,
    /// Approved quarter-hours given this calendar month and this calendar year (local dates).
    pub approved_this_month: i64,
    pub approved_this_year: i64,
    /// Quarter-hours waiting for approval or queried, whenever given.
    pub waiting: i64,
}

impl MyHours {
    /// A role's hours from every entry of the role (any order), on `today` (`YYYY-MM-DD`, local).
    pub fn of(mut entries: Vec<HoursEntry>, today: &str) -> MyHours {
        use super::hours::types::HoursStatus;
        let (month, year) = (today.get(..7).unwrap_or(today), today.get(..4).unwrap_or(today));
        let approved = |prefix: &str| -> i64 {
            entries
                .iter()
                .filter(|e| e.status == HoursStatus::Approved && e.worked_on.starts_with(prefix))
                .map(|e| e.quarter_hours)
                .sum()
        };
        let (approved_this_month, approved_this_year) = (approved(month), approved(year));
        let waiting = entries.iter().filter(|e| e.status != HoursStatus::Approved).map(|e| e.quarter_hours).sum();
        entries.sort_by(|a, b| b.worked_on.cmp(&a.worked_on));
        entries.truncate(RECENT_HOURS);
        MyHours { recent: entries, approved_this_month, approved_this_year, waiting }
    }
}
