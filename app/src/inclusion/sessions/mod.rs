//! Courses and their co-delivered sessions (issue 16, §8–§9): a course of a service (such as "Understanding
//! emotions") has sessions, recorded once held, with their date, local times, place, attendees as staff counted
//! them (patients and others), the staff who facilitated and the co-facilitators with lived experience (a
//! volunteer in a lived-experience role, or a person named). A session without one is recorded but marked not
//! co-delivered; a co-delivered one records an Inclusion activity in the ledger (`sources::CoDeliveredSessionHeld`).
//! A session may link a feedback form for attendees (checked through consultation's published API).
//! Co-facilitators see their sessions on the hours page and log their hours from one in one step.
//!
//! Files: `types`, `db`, `server`, `components`.

pub mod components;
pub mod server;
pub mod types;

#[cfg(feature = "ssr")]
pub mod db;
