//! Information, the first level of the continuum: service information pages written by staff in safe
//! Markdown, leaflets as PDF files, and events such as open days that people register for (with a
//! confirmation, a reminder the day before and cancellation by link). Publishing a leaflet or holding an
//! event records an Information activity in the ledger. Every page and event has a printable QR poster.

pub mod components;
pub mod server;
pub mod types;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod emails;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod poster;
#[cfg(feature = "ssr")]
pub mod reminders;
