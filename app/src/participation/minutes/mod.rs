//! A meeting's minutes (issue 15 §4): per agenda item, the discussion (safe Markdown) and the decisions taken,
//! through their workflow — a **draft** kept by staff or the group's secretary; **circulated** to the members
//! present, each of whom may add one correction per item (mailed a link, never the text; the screener reads
//! what they write); **approved** by the chair or recorded as approved at the next meeting; **published** to
//! the group's members. A **public summary** (non-confidential items only) may be published for everyone at
//! `/participation/summaries/<meeting id>`. Approved minutes are never edited (409): a correction is an
//! amendment with who and when, shown under its item.
//!
//! Files: `types` (shared with the browser), `db` (its SQL), `server` (server functions), `components` (the
//! minutes page and the public summary).

pub mod components;
pub mod server;
pub mod types;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
