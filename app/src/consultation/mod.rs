//! Consultation, the second level of the continuum: feedback forms for specific interventions (built by staff,
//! answered by patients at `/f/<slug>`, often anonymously), paper and assisted responses, the safeguarding review
//! of free text, comment themes, results with small-number suppression, and focus groups.

pub mod components;
pub mod questions;
pub mod respond;
pub mod results;
pub mod server;
pub mod types;

#[cfg(feature = "ssr")]
pub mod answering;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod writer;
