//! Inclusion's types, shared by the server and the browser: volunteer roles, applications and where each is
//! in its pipeline, appointments, and the equal-opportunities questions.

use crate::accounts::types::{ServiceId, ServiceSummary};
use serde::{Deserialize, Serialize};

crate::id!(
    /// A volunteer role of a service.
    RoleId
);
crate::id!(
    /// An application for a volunteer role.
    ApplicationId
);
crate::id!(
    /// A volunteer's appointment to a role.
    AppointmentId
);

/// Where a role is in its life. Only a recruiting role is listed publicly and takes applications.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum RoleState {
    Draft,
    Recruiting,
    Filled,
    Closed,
}

impl RoleState {
    pub const ALL: [RoleState; 4] = [RoleState::Draft, RoleState::Recruiting, RoleState::Filled, RoleState::Closed];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            RoleState::Draft => "Draft",
            RoleState::Recruiting => "Recruiting",
            RoleState::Filled => "Filled",
            RoleState::Closed => "Closed",
        }
    }
}

/// Where an application is: received → shortlisted → interview → offered → checks → appointed; or withdrawn
/// (by the applicant) or not taken forward (by the coordinator, with a kind message to the applicant).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Stage {
    Received,
    Shortlisted,
    Interview,
    Offered,
    Checks,
    Appointed,
    Withdrawn,
    NotTakenForward,
}

impl Stage {
    pub const ALL: [Stage; 8] = [
        Stage::Received,
        Stage::Shortlisted,
        Stage::Interview,
        Stage::Offered,
        Stage::Checks,
        Stage::Appointed,
        Stage::Withdrawn,
        Stage::NotTakenForward,
    ];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Received => "Received",
            Stage::Shortlisted => "Shortlisted",
            Stage::Interview => "Interview",
            Stage::Offered => "Offered",
            Stage::Checks => "Checks",
            Stage::Appointed => "Appointed",
            Stage::Withdrawn => "Withdrawn",
            Stage::NotTakenForward => "Not taken forward",
        }
    }

    /// What the applicant reads on their status page about this stage.
    pub fn for_applicant(self) -> &'static str {
        match self {
            Stage::Received => "We have your application. The coordinator will read it and be in touch.",
            Stage::Shortlisted => "The coordinator has read your application and would like to take it further.",
            Stage::Interview => {
                "We would like to meet you for an informal interview. The coordinator will arrange it with you."
            }
            Stage::Offered => "We would like to offer you the role.",
            Stage::Checks => "We are doing the checks the role needs, such as references.",
            Stage::Appointed => "You have been appointed. Welcome!",
            Stage::Withdrawn => "You withdrew this application.",
            Stage::NotTakenForward => "This application is not going further this time.",
        }
    }

    /// Early enough that an application sent again may replace what it says (received or shortlisted):
    /// nobody has met the applicant or asked their referees on its strength yet, so what the coordinator has
    /// read can still change under them without harm. Later, the applicant tells the coordinator instead.
    pub fn may_be_replaced(self) -> bool {
        matches!(self, Stage::Received | Stage::Shortlisted)
    }

    /// Closed: withdrawn or not taken forward. Applying again after one starts a fresh application.
    pub fn is_closed(self) -> bool {
        matches!(self, Stage::Withdrawn | Stage::NotTakenForward)
    }

    /// Still in the pipeline: neither appointed, withdrawn nor not taken forward.
    pub fn is_open(self) -> bool {
        !matches!(self, Stage::Appointed | Stage::Withdrawn | Stage::NotTakenForward)
    }

    /// The next stage along the pipeline, if any (appointing, from checks, is a step of its own).
    pub fn next(self) -> Option<Stage> {
        match self {
            Stage::Received => Some(Stage::Shortlisted),
            Stage::Shortlisted => Some(Stage::Interview),
            Stage::Interview => Some(Stage::Offered),
            Stage::Offered => Some(Stage::Checks),
            Stage::Checks => Some(Stage::Appointed),
            _ => None,
        }
    }
}

/// How an applicant would take part, as they said (or as their account says): counted so in the ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum TakingPartAs {
    Patient,
    Carer,
    Other,
}

impl TakingPartAs {
    pub const ALL: [TakingPartAs; 3] = [TakingPartAs::Patient, TakingPartAs::Carer, TakingPartAs::Other];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            TakingPartAs::Patient => "Someone who uses or has used the service",
            TakingPartAs::Carer => "A carer, family member or friend of someone who does",
            TakingPartAs::Other => "Neither of these",
        }
    }
}

/// An appointment's status. Stepping back is normal: paused and ended carry a reason and are never penalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum AppointmentStatus {
    Active,
    Paused,
    Ended,
}

impl AppointmentStatus {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            AppointmentStatus::Active => "Active",
            AppointmentStatus::Paused => "Paused",
            AppointmentStatus::Ended => "Ended",
        }
    }
}

/// One equal-opportunities question: its stored name, the question, and its answers (stored value, words).
/// The answers are fixed choices (no free text), so they can only ever be counted.
pub struct EqualityQuestion {
    pub name: &'static str,
    pub question: &'static str,
    pub answers: &'static [(&'static str, &'static str)],
}

/// The optional equal-opportunities questions. The ethnic groups are the five broad groups of the 2021
/// Census for England and Wales (ONS).
pub const EQUALITY_QUESTIONS: &[EqualityQuestion] = &[
    EqualityQuestion {
        name: "age",
        question: "Your age",
        answers: &[
            ("under_25", "Under 25"),
            ("25_34", "25 to 34"),
            ("35_44", "35 to 44"),
            ("45_54", "45 to 54"),
            ("55_64", "55 to 64"),
            ("65_over", "65 or over"),
            ("not_say", "Prefer not to say"),
        ],
    },
    EqualityQuestion {
        name: "gender",
        question: "Your gender",
        answers: &[("woman", "Woman"), ("man", "Man"), ("another", "In another way"), ("not_say", "Prefer not to say")],
    },
    EqualityQuestion {
        name: "ethnicity",
        question: "Your ethnic group",
        answers: &[
            ("asian", "Asian or Asian British"),
            ("black", "Black, Black British, Caribbean or African"),
            ("mixed", "Mixed or multiple ethnic groups"),
            ("white", "White"),
            ("other", "Another ethnic group"),
            ("not_say", "Prefer not to say"),
        ],
    },
    EqualityQuestion {
        name: "disability",
        question: "Do you consider yourself to have a disability or long-term condition?",
        answers: &[("yes", "Yes"), ("no", "No"), ("not_say", "Prefer not to say")],
    },
];

/// The form field of an equal-opportunities question: `eo_<name>`.
pub fn equality_field(question: &str) -> String {
    format!("eo_{question}")
}

/// A volunteer role, as its pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub id: RoleId,
    pub service_id: ServiceId,
    pub service_name: String,
    pub slug: String,
    pub title: String,
    pub duties: String,
    pub time_asked: String,
    pub place: String,
    pub support: String,
    pub expenses: String,
    pub lived_experience: bool,
    pub posts: i64,
    pub state: RoleState,
}

/// What a signed-in patient or carer's application starts with, from their account.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefill {
    pub name: String,
    pub email: String,
    /// `patient` or `carer` when their account says so in the role's service; empty otherwise.
    pub taking_part_as: String,
}

/// A role's public page: the role, and what the form starts with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RolePage {
    pub role: Role,
    pub prefill: Prefill,
    /// Whether the caller is staff of the role's service (who may see a role that is not recruiting).
    pub staff: bool,
}

/// An application as the coordinator's list shows it (no equal-opportunities answers: those are never kept
/// with an application).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationSummary {
    pub id: ApplicationId,
    pub role_title: String,
    pub name: String,
    pub stage: Stage,
    /// `YYYY-MM-DD`, local.
    pub received_on: String,
    /// The safeguarding screener flagged its free text, and nobody has reviewed it yet.
    pub needs_review: bool,
}

/// An application in full, for the service's own staff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub id: ApplicationId,
    pub role_id: RoleId,
    pub role_title: String,
    pub service_id: ServiceId,
    pub name: String,
    pub email: Option<String>,
    pub phone: String,
    pub taking_part_as: TakingPartAs,
    pub why: String,
    pub availability: String,
    pub access_needs: String,
    pub referees: [(String, String); 2],
    pub consents_to_checks: bool,
    pub stage: Stage,
    pub received_on: String,
}

/// An appointment, as the application's page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appointment {
    pub id: AppointmentId,
    pub name: String,
    /// Whether the person has an account (matched by the application's email).
    pub has_account: bool,
    pub starts_on: String,
    pub status: AppointmentStatus,
    pub status_reason: String,
}

/// An application's page for the coordinator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationPage {
    pub application: Application,
    pub appointment: Option<Appointment>,
    /// The screener's finding on the free text, if it flagged any.
    pub flag: Option<crate::safeguarding::review::FlagView>,
    /// Words sent again from the application's email address that the screener flagged, kept (whether or not
    /// they changed the application) until the flag is reviewed: each as the reviewer reads it.
    pub sent_again: Vec<String>,
    /// The partnership interview panel the application is linked to, or has it among its candidates.
    pub interview_panel: Option<InterviewPanel>,
    /// At interview: the service's undecided panels for the role it may be linked to, as `(panel id, "date,
    /// time, place")`; empty at other stages.
    pub panel_choices: Vec<(String, String)>,
}

/// The interview panel of an application (issue 16 §3), as partnership publishes it
/// (`partnership::api::panel_for_application`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewPanel {
    /// Its page is `/partnership/panels/<id>`.
    pub id: String,
    /// `YYYY-MM-DD` and `HH:MM`, local; and where.
    pub sits_on: String,
    pub sits_at: String,
    pub place: String,
    /// "Arranged", "Decided" or "Decided (candidates' data deleted)".
    pub state: String,
    /// The applicant is one of the panel's candidates (the panel's organisers add them with their pack).
    pub candidate: bool,
    /// The panel's outcome for the applicant once recorded ("Appoint", "Do not appoint", "Reserve").
    pub outcome: Option<String>,
    /// Linked from the application's page (a panel that merely has them as a candidate cannot be unlinked).
    pub linked: bool,
}

/// The coordinator's list: every application to their services' roles, at one stage or all, with how many
/// are at each stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationList {
    pub applications: Vec<ApplicationSummary>,
    /// Every stage with how many applications are at it (before the filter).
    pub counts: Vec<(Stage, i64)>,
    pub stage: Option<Stage>,
}

/// One published figure of the equal-opportunities report: an answer and its count as published ("fewer
/// than 5", "10", "withheld").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EqualityFigure {
    pub answer: String,
    pub published: String,
}

/// The equal-opportunities report of a service: each question's answers as published, with the number who
/// answered it, small numbers suppressed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EqualityReport {
    pub service_name: String,
    pub questions: Vec<(String, String, Vec<EqualityFigure>)>,
}

/// The coordinator's overview: the roles of their services, the services they may add one to, and each
/// service's equal-opportunities report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InclusionOverview {
    pub roles: Vec<Role>,
    pub services: Vec<ServiceSummary>,
    pub equality: Vec<EqualityReport>,
}

/// What the applicant's status link shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationStatus {
    pub name: String,
    pub role_title: String,
    pub role_slug: String,
    /// Whether the role is still recruiting, so its public page exists (it is not found once filled or closed).
    pub role_recruiting: bool,
    pub service_name: String,
    pub stage: Stage,
}

/// How an application was taken, as the page that answers it may say.
///
/// A visitor who is not signed in with the application's email address always gets `Received`, whether the
/// address had applied for the role or not, so the page never tells a stranger who has applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Applied {
    /// A new application; or, for a visitor not signed in as its owner, one sent again (its owner is mailed a
    /// link to confirm it).
    Received,
    /// The signed-in owner's application, received or shortlisted, replaced by what they sent now.
    Merged,
    /// The signed-in owner's application, past shortlisting: left as it was (they tell the coordinator).
    Kept,
}

impl Applied {
    /// The word in the address of the page that answers it (`?applied=…`).
    pub fn as_str(self) -> &'static str {
        match self {
            Applied::Received => "new",
            Applied::Merged => "merged",
            Applied::Kept => "kept",
        }
    }
}

/// What an application sent again says, as the confirmation link shows it to the owner of the address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResentApplication {
    pub role_title: String,
    pub service_name: String,
    /// Where the open application is now.
    pub stage: Stage,
    /// `YYYY-MM-DD`, local: when it was sent again.
    pub sent_on: String,
    pub name: String,
    pub phone: String,
    pub why: String,
    pub availability: String,
    pub access_needs: String,
    pub referees: [(String, String); 2],
    /// Whether the referees were asked already (then they are kept, whatever was sent now).
    pub referees_asked: bool,
}
