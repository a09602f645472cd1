//! Actions' types, shared by the server and the browser.

use serde::{Deserialize, Serialize};

use crate::participation::types::{AgendaItemId, GroupId, MeetingId};

crate::id!(
    /// An action of a group.
    ActionId
);

/// Where an action is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum ActionStatus {
    Open,
    Done,
    /// Dropped, with a reason.
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 3] = [ActionStatus::Open, ActionStatus::Done, ActionStatus::Dropped];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::Done => "Done",
            ActionStatus::Dropped => "Dropped",
        }
    }
}

/// An action, as lists show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionSummary {
    pub id: ActionId,
    pub group_id: GroupId,
    pub group_name: String,
    pub meeting_id: MeetingId,
    /// The meeting's local date, `YYYY-MM-DD`.
    pub meeting_day: String,
    /// The agenda item it came from.
    pub item_id: AgendaItemId,
    pub item_title: String,
    /// From a confidential item: never named in a mail.
    pub confidential: bool,
    pub description: String,
    pub owner_name: String,
    /// Local date, `YYYY-MM-DD`.
    pub due_on: String,
    pub status: ActionStatus,
    pub dropped_reason: String,
    /// Open and past its due date (today, local).
    pub overdue: bool,
}

/// A dated update on an action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionUpdate {
    pub body: String,
    pub made_by_name: String,
    /// Local date and time.
    pub made_at: String,
}

/// An action's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionPage {
    pub action: ActionSummary,
    pub updates: Vec<ActionUpdate>,
    /// Its owner, staff of the service or the group's secretary.
    pub may_update: bool,
}

/// "My actions": the actions the caller owns, and how they want Participation's mail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyActions {
    pub actions: Vec<ActionSummary>,
    pub weekly_digest: bool,
}
