//! How consultation's records become ledger activities: a feedback form opened, and a focus group. Server
//! functions and the demo data both record through these.
//!
//! A form's activity counts nobody: its answers are often anonymous and one person may answer more than
//! once, so the continuum profile adds the responses received in each period through consultation's API
//! (`api::responses_received`) instead of a number fixed when the form opened.

use crate::accounts::types::ServiceId;
use crate::consultation::types::{FocusGroupId, FormId};
use crate::ledger::{
    api::{LedgerSource, NewActivity, SourceKind},
    types::{ActivityKind, ContinuumLevel, Participants},
};

/// A feedback form opened for answers (Consultation, feedback form).
pub struct FormOpened<'a> {
    pub form_id: &'a FormId,
    pub service_id: &'a ServiceId,
    pub title: &'a str,
    pub intervention: &'a str,
    /// `YYYY-MM-DD`
    pub opened_on: &'a str,
}

impl LedgerSource for FormOpened<'_> {
    const KIND: SourceKind = SourceKind::FeedbackForm;

    fn source_id(&self) -> &str {
        self.form_id.as_str()
    }

    fn activity(&self) -> NewActivity {
        NewActivity {
            service_id: self.service_id.to_owned(),
            level: ContinuumLevel::Consultation,
            kind: ActivityKind::FeedbackForm,
            title: self.title.to_owned(),
            happened_on: self.opened_on.to_owned(),
            participants: Participants::default(),
            purpose: format!("Feedback on {}", self.intervention),
            outcome: String::new(),
            recorded_by: None,
        }
    }
}

/// A focus group held (Consultation, focus group).
pub struct FocusGroupHeld<'a> {
    pub id: &'a FocusGroupId,
    pub service_id: &'a ServiceId,
    pub topic: &'a str,
    /// `YYYY-MM-DD`
    pub held_on: &'a str,
    /// How many took part. Focus groups are of patients and carers; the count is not split, so it is
    /// recorded as patients.
    pub participants: i64,
    pub themes: &'a [String],
}

impl LedgerSource for FocusGroupHeld<'_> {
    const KIND: SourceKind = SourceKind::FocusGroup;

    fn source_id(&self) -> &str {
        self.id.as_str()
    }

    fn activity(&self) -> NewActivity {
        NewActivity {
            service_id: self.service_id.to_owned(),
            level: ContinuumLevel::Consultation,
            kind: ActivityKind::FocusGroup,
            title: format!("Focus group: {}", self.topic),
            happened_on: self.held_on.to_owned(),
            participants: Participants { patients: self.participants, ..Participants::default() },
            purpose: format!("Views on {}", self.topic),
            outcome: self.themes.join("; "),
            recorded_by: None,
        }
    }
}
