//! Answering a feedback form: the public page `/f/<slug>` and staff entry of paper and assisted responses
//! (plain handlers that render the page in one go and load no JavaScript), the group-commit writer that
//! stores responses, and the respondent's pages (the form, thank-you, not taking answers).

pub mod components;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod throttle;
#[cfg(feature = "ssr")]
pub mod writer;
