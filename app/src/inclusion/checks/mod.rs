//! Checks and training that expire (issue 16 §5), an appointment's status and supervisor, and supervision
//! sessions (§6). The service keeps its list of checks, each lasting a number of months (DBS 3 years by
//! default, training per course); a role says which it needs; the coordinator records each check for an
//! appointment (the date done, the expiry computed, DBS's certificate number). A volunteer is made active
//! only while every check their role needs is in date. The housekeeping mails the volunteer and the
//! coordinator 60, 30 and 7 days before a check expires (each once, claimed, with several app servers), and
//! pauses the appointment when a check lapses; recording the renewal resumes it.
//!
//! Files: `types` (shared with the browser), `validate`, `db`, `standing` (where checks stand, the rule for
//! active), `server`, `components`, `jobs` (reminders, lapses), `emails`.

pub mod components;
pub mod server;
pub mod types;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod emails;
#[cfg(feature = "ssr")]
pub mod jobs;
#[cfg(feature = "ssr")]
pub mod standing;
#[cfg(feature = "ssr")]
pub mod validate;
