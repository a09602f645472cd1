//! The form builder (`/consultation`, `/consultation/forms/...`): staff build a feedback form from a template
//! or blank, change and reorder its questions, preview it, duplicate it, open it (optionally until a last day)
//! and close it. Once a version has answers its questions are fixed; "Edit a new version" copies them.

pub mod components;
pub mod server;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod validate;
