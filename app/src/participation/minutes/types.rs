//! The minutes' types, shared by the server and the browser.

use serde::{Deserialize, Serialize};

use crate::participation::actions::types::ActionSummary;
use crate::participation::types::{AgendaItem, AgendaItemId, Group, Meeting};

crate::id!(
    /// A decision of a group.
    DecisionId
);

/// Where a meeting's minutes are in their workflow. Approved and published minutes are never edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum MinutesStage {
    /// Being written by staff or the group's secretary.
    Draft,
    /// Sent to the members present for corrections.
    Circulated,
    /// Approved by the chair or at the next meeting: locked.
    Approved,
    /// Approved and readable by every member of the group.
    Published,
}

impl MinutesStage {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            MinutesStage::Draft => "Draft",
            MinutesStage::Circulated => "Circulated for corrections",
            MinutesStage::Approved => "Approved",
            MinutesStage::Published => "Published to members",
        }
    }

    /// Approved (or published): the minutes are never edited again, only amended.
    pub fn locked(self) -> bool {
        matches!(self, MinutesStage::Approved | MinutesStage::Published)
    }
}

/// How minutes were approved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Approval {
    /// By the group's chair.
    Chair,
    /// Recorded as approved at the group's next meeting.
    NextMeeting,
}

impl Approval {
    pub const ALL: [Approval; 2] = [Approval::Chair, Approval::NextMeeting];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Approval::Chair => "Approved by the chair",
            Approval::NextMeeting => "Approved at the next meeting",
        }
    }
}

/// A decision: its number within the group (from 1, in order), its wording and an optional review date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub id: DecisionId,
    pub number: i64,
    pub item_id: AgendaItemId,
    pub wording: String,
    /// Local date, `YYYY-MM-DD`.
    pub review_on: Option<String>,
}

/// A correction to approved minutes, with who made it and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    pub body: String,
    pub made_by_name: String,
    /// Local date and time, "3 March 2026 at 18:04".
    pub made_at: String,
}

/// A correction offered by a member present while the draft was circulated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesComment {
    pub member_name: String,
    pub body: String,
}

/// One agenda item's minutes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemMinutes {
    pub item: AgendaItem,
    /// As written (Markdown).
    pub discussion: String,
    /// As safe HTML (`markdown::render`).
    pub discussion_html: String,
    pub decisions: Vec<Decision>,
    pub actions: Vec<ActionSummary>,
    pub comments: Vec<MinutesComment>,
    pub amendments: Vec<Amendment>,
}

/// The minutes page of a meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesPage {
    pub group: Group,
    pub meeting: Meeting,
    pub stage: MinutesStage,
    /// "Approved by the chair (Ann Chair) on 4 March 2026 at 09:15.", once approved.
    pub approval: Option<String>,
    pub summary_published: bool,
    /// Whether the caller may read the minutes themselves (else only where they are in their workflow).
    pub readable: bool,
    pub items: Vec<ItemMinutes>,
    /// Staff of the service or the group's secretary: write the draft, decisions and actions, circulate,
    /// amend and publish.
    pub may_record: bool,
    /// Those who record, and the group's chair.
    pub may_approve: bool,
    /// The caller is the group's chair: only the chair approves "by the chair"; others record that the
    /// minutes were approved at the next meeting.
    pub is_chair: bool,
    /// A member present at the meeting, while the draft is circulated.
    pub may_comment: bool,
    /// The meeting is marked held: only then are its minutes circulated or approved (tester F4).
    pub held: bool,
    /// At least one member is recorded present: only then can the draft be circulated (tester 15b F2).
    pub anyone_present: bool,
    /// Who may own an action: `(value, name)`, `m-<member id>` for a current member, `p-<person id>` for staff.
    pub owners: Vec<(String, String)>,
}

/// One item of a public summary: never a confidential one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryItem {
    pub title: String,
    pub discussion_html: String,
    pub decisions: Vec<Decision>,
    pub amendments: Vec<Amendment>,
}

/// The public summary of a meeting's approved minutes, for everyone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicSummary {
    pub group_name: String,
    pub service_name: String,
    /// "Tue 3 March 2026, 18:00 to 19:30"
    pub when: String,
    pub items: Vec<SummaryItem>,
}
