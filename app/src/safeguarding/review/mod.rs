//! The safeguarding review: flags raised on patients' free text from any source, reviewed by staff the same
//! day. A capability that saves free text screens it (`screener::screen`) after the text is stored and, when
//! the screener finds something, raises a flag here naming its source ([`FlagSource`]) in the same transaction.
//! The flag links back to its source through the source's own capability (today consultation's review queue
//! shows the flagged feedback responses); the review (outcome, note, who, when) is recorded here, once.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod db;

/// What kind of record a flag is on. Stored as `review_flag.source_type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum FlagSourceKind {
    /// A feedback response's free text (consultation).
    FeedbackResponse,
    /// A volunteer application's free text (inclusion): why they apply, availability, access needs.
    VolunteerApplication,
    /// An agenda item's minutes written by a patient or carer member (participation).
    ItemMinutes,
    /// A member's correction to circulated minutes (participation).
    MinutesComment,
    /// An amendment to approved minutes written by a patient or carer member (participation).
    MinutesAmendment,
    /// An update on an action written by a patient or carer member (participation).
    ActionUpdate,
    /// A decision recorded by a patient or carer member (a group's secretary; participation).
    GroupDecision,
    /// An action given by a patient or carer member (a group's secretary; participation).
    GroupAction,
}

impl FlagSourceKind {
    /// The stored form.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The record a flag is on: its kind and its id in its own capability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagSource {
    pub kind: FlagSourceKind,
    pub id: String,
}

/// What a reviewer did about a flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum ReviewOutcome {
    #[strum(serialize = "no_action")]
    NoActionNeeded,
    FollowedUp,
    Escalated,
}

impl ReviewOutcome {
    pub const ALL: [ReviewOutcome; 3] =
        [ReviewOutcome::NoActionNeeded, ReviewOutcome::FollowedUp, ReviewOutcome::Escalated];

    /// The stored form.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            ReviewOutcome::NoActionNeeded => "No action needed",
            ReviewOutcome::FollowedUp => "Followed up",
            ReviewOutcome::Escalated => "Escalated",
        }
    }
}

/// The screener's finding on a record, and its review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagView {
    /// Plain words, e.g. "Suicidal thoughts".
    pub concerns: Vec<String>,
    pub reasons: Vec<String>,
    /// `YYYY-MM-DD`
    pub flagged_on: String,
    pub outcome: Option<ReviewOutcome>,
    pub note: String,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<String>,
}
