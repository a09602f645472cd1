//! The consultation pages for staff: the form builder and preview, results, the review queue and responses,
//! themes and the duty inbox, and focus groups. (The pages a respondent sees are in `respond.rs`.)

mod forms;
mod results;
mod review;

pub use forms::{ConsultationNav, ConsultationPage, FormBuilderPage, FormPreviewPage, NewFormPage};
pub use results::FormResultsPage;
pub use review::{ConsultationSettingsPage, FocusGroupsPage, ResponsePage, ReviewQueuePage};
