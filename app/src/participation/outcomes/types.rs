//! "You said, we did" types, shared by the server and the browser.

use serde::{Deserialize, Serialize};

crate::id!(
    /// A "you said, we did" item of a service.
    OutcomeId
);

/// Where a "you said, we did" item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum OutcomeStatus {
    UnderWay,
    Done,
    /// We could not, with the reason.
    CouldNot,
}

impl OutcomeStatus {
    pub const ALL: [OutcomeStatus; 3] = [OutcomeStatus::UnderWay, OutcomeStatus::Done, OutcomeStatus::CouldNot];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// As the board says it.
    pub fn label(self) -> &'static str {
        match self {
            OutcomeStatus::UnderWay => "Under way",
            OutcomeStatus::Done => "Done",
            OutcomeStatus::CouldNot => "We could not",
        }
    }
}

/// What patients said, by kind: a comment theme or focus group of consultation's, or an agenda item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum SourceKind {
    Theme,
    FocusGroup,
    AgendaItem,
}

/// What took it up: an agenda item, a decision or an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum LinkKind {
    AgendaItem,
    Decision,
    Action,
}

/// One published item on the public board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardItem {
    pub id: OutcomeId,
    pub service_name: String,
    /// "You said", in staff's plain words.
    pub you_said: String,
    /// Where it came from, as anyone may read it: "Comments about: Waiting times", "A focus group on evening
    /// sessions, March 2026" or "Raised by a patient member of the Steering group".
    pub source_line: String,
    /// An anonymised quote a manager approved; `None` otherwise.
    pub quote: Option<String>,
    pub we_did: String,
    pub status: OutcomeStatus,
    /// Why we could not; empty otherwise.
    pub reason: String,
    /// When it was published (or last changed after), a readable local date.
    pub when: String,
}

/// A service on the board: its name and its address part (`/you-said-we-did/<slug>`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardService {
    pub name: String,
    pub slug: String,
}

/// The public board: every service's published items, or one service's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    /// The one service shown; `None` for every service.
    pub service: Option<BoardService>,
    /// The services with published items, for the links to each.
    pub services: Vec<BoardService>,
    /// Newest first.
    pub items: Vec<BoardItem>,
}

/// One item in staff's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeLine {
    pub id: OutcomeId,
    pub service_name: String,
    pub you_said: String,
    pub status: OutcomeStatus,
    pub published: bool,
}

/// Staff's page: the items of the services they staff and the choices for a new one, as `(value, label)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomesPage {
    pub items: Vec<OutcomeLine>,
    /// What patients said: `theme-<id>`, `focus_group-<id>`, `agenda_item-<id>`.
    pub sources: Vec<(String, String)>,
    /// What took it up: `agenda_item-<id>`, `decision-<id>`, `action-<id>` (never a confidential one).
    pub links: Vec<(String, String)>,
    /// The address of each service's board (`/you-said-we-did/<slug>`), with its name.
    pub boards: Vec<BoardService>,
}

/// One step of the chain back to the source, for staff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainStep {
    /// "What patients said", "Agenda item", "Decision 4", "Action", "What we did".
    pub step: String,
    pub text: String,
    /// Where and when ("Steering group meeting on 3 March 2026"); may be empty.
    pub detail: String,
    /// Its page for staff, if it has one.
    pub href: Option<String>,
}

/// An item's page, for staff of its service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomePage {
    pub id: OutcomeId,
    pub service_name: String,
    /// The service's board, `/you-said-we-did/<slug>`.
    pub board_path: String,
    pub you_said: String,
    pub we_did: String,
    pub status: OutcomeStatus,
    pub reason: String,
    pub quote: String,
    pub quote_approved: bool,
    /// When it was published, readable; `None` while not on the board.
    pub published_on: Option<String>,
    /// Source first, the outcome last.
    pub chain: Vec<ChainStep>,
    /// A manager of the service (or an administrator): may approve the quote.
    pub may_approve_quote: bool,
}
