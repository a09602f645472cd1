//! Decisions' follow-up (issue 15 §5, §8): actions with one owner (a member of the group or a member of staff
//! of its service), a due date never before their meeting, a status (open, done, dropped with a reason) and
//! dated updates; **matters arising** (the open actions of earlier meetings, carried onto each later meeting's
//! agenda); **My actions** for each signed-in person; reminder mails to the owner 7 days and 1 day before the
//! due date and on the day it falls overdue, once each; and the **weekly digest** a person may choose instead
//! of single mails. Reminders and digests are housekeeping jobs that claim their rows, so several app servers
//! send each once.
//!
//! Files: `types` (shared with the browser), `db` (its SQL), `server` (server functions), `components` (My
//! actions, an action's page, matters arising), `jobs` (reminders and the digest), `emails`.

pub mod components;
pub mod server;
pub mod types;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod emails;
#[cfg(feature = "ssr")]
pub mod jobs;
