//! Consultation: feedback forms for specific interventions, anonymous online feedback, safeguarding review and
//! results. So far: the question types with answer parsing, and the safeguarding screener.

pub mod questions;

// Server only: answers are screened when they are submitted, and the rules have no place in the browser bundle.
#[cfg(feature = "ssr")]
pub mod safeguarding;
