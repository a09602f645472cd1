//! The review queue (`/consultation/review`): flagged responses first with a same-day target, then comments
//! not yet read; one response with its safeguarding review and theme tags; each service's themes and duty
//! inbox (`/consultation/settings`).

pub mod components;
pub mod server;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod validate;
