//! The safeguarding review: flags raised on patients' free text from any source, reviewed by staff the same
//! day. A capability that saves free text screens it (`screener::screen`) after the text is stored and, when
//! the screener finds something, raises a flag here naming its source ([`FlagSource`]) in the same transaction.
//! The flag links back to its source through the source's own capability: consultation's review queue lists
//! flagged feedback responses, and every other flag with the words and page its capability gives for it
//! ([`FlaggedText`], through the capability's `flagged` entry point); the review (outcome, note, who, when)
//! is recorded here, once.

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
    /// A volunteer's own reason for taking a break from their role (inclusion).
    VolunteerBreak,
    /// What a volunteer wrote with hours they logged, or their answer to a query on them (inclusion).
    VolunteerHours,
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
    /// A "you said, we did" item written by a patient or carer member of the linked group (participation).
    YouSaidWeDid,
}

impl FlagSourceKind {
    /// The stored form.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// What kind of words these are, in plain words for the review queue and the duty inbox's mail
    /// ("A volunteer application").
    pub fn label(self) -> &'static str {
        match self {
            FlagSourceKind::FeedbackResponse => "A feedback response",
            FlagSourceKind::VolunteerApplication => "A volunteer application",
            FlagSourceKind::VolunteerBreak => "A volunteer's reason for a break",
            FlagSourceKind::VolunteerHours => "A volunteer's note on their hours",
            FlagSourceKind::ItemMinutes => "Minutes of an agenda item",
            FlagSourceKind::MinutesComment => "A comment on draft minutes",
            FlagSourceKind::MinutesAmendment => "An amendment to approved minutes",
            FlagSourceKind::ActionUpdate => "An update on an action",
            FlagSourceKind::GroupDecision => "A decision of a group",
            FlagSourceKind::GroupAction => "An action of a group",
            FlagSourceKind::YouSaidWeDid => "A \"you said, we did\" item",
        }
    }
}

/// What a capability shows staff of a flagged record of its own: the words as they now stand and the page
/// they were written on. Made by the capability's `flagged` entry point (`capability::Flagged`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlaggedText {
    pub source: FlagSource,
    /// Where the words are, for staff, e.g. "Minutes of “Waiting times”, Steering group, 3 March 2026".
    pub what: String,
    /// The flagged words, in full (plain text: shown as text, never as HTML).
    pub text: String,
    /// The page they were written on (a path on this site).
    pub href: String,
}

/// A flag on a record other than a feedback response, as the review queue lists it and its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlaggedRecord {
    pub source: FlagSource,
    pub service_id: crate::accounts::types::ServiceId,
    pub flag: FlagView,
    /// The words and their page, or `None` when the record has gone since it was flagged (the flag is still
    /// listed, so it can be reviewed and closed).
    pub text: Option<FlaggedText>,
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

/// The records behind `flags`, each with the words and page its capability gives (through the `flagged`
/// entry points of `capability::all()`); a flag no capability can show any more is kept, with no words.
#[cfg(feature = "ssr")]
pub async fn records(
    pool: &sqlx::AnyPool,
    flags: Vec<(FlagSource, crate::accounts::types::ServiceId, FlagView)>,
) -> Result<Vec<FlaggedRecord>, crate::error::AppError> {
    let sources: Vec<FlagSource> = flags.iter().map(|(source, _, _)| source.clone()).collect();
    let mut texts = Vec::new();
    for capability in crate::capability::all() {
        if let Some(flagged) = capability.flagged {
            texts.extend(flagged(pool, &sources).await?);
        }
    }
    Ok(flags
        .into_iter()
        .map(|(source, service_id, flag)| {
            let text = texts.iter().find(|t| t.source == source).cloned();
            FlaggedRecord { source, service_id, flag, text }
        })
        .collect())
}
