//! "You said, we did" (issue 15 §6): staff of a service link what patients said — a comment theme or a focus
//! group (through consultation's published API), or a non-confidential agenda item led by a patient or carer
//! member — to the agenda item, decision or action that took it up; then write what changed in plain words,
//! with a status (under way, done, or we could not and why), and publish it on the **public board**
//! (`/you-said-we-did`, and `/you-said-we-did/<service-slug>` for one service: a light page, with an A4 poster
//! and QR code through the poster page information draws). A respondent's words appear only as an anonymised
//! quote a manager of the service approved. Staff see each item's chain back to its source (what was said →
//! agenda item → decision → action → outcome). Confidential agenda items (and their decisions and actions) are
//! never offered nor accepted as a source or a link, and only the words written here, a theme's name or a
//! focus group's topic reach the board. Every change is audited; words written by a patient or carer member of
//! the linked group are screened (never blocking).
//!
//! Files: `types` (shared with the browser), `db` (its SQL), `server` (server functions), `components`
//! (the board, the staff list and an item's page), `demo` (five published items for `seed-demo`).

pub mod components;
pub mod server;
pub mod types;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
