//! Safeguarding: the screener that reads patients' free text for signs of risk, and (as capabilities add free
//! text of their own: minutes, applications, check-ins) the one place their flags are kept for same-day review.
//!
//! It belongs to no capability. A capability that saves patients' free text calls [`screener::screen`] after the
//! text is committed, never blocking the save.

pub mod review;

// Server only: the rules have no place in the browser bundle.
#[cfg(feature = "ssr")]
pub mod screener;
