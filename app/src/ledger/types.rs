//! Ledger types shared by server and browser: the five continuum levels, the kinds of activity, and the
//! activity itself.

use crate::accounts::types::ServiceId;
use std::fmt;

use serde::{Deserialize, Serialize};

/// How far up the continuum of involvement an activity reaches, from being told to sharing decisions.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case", parse_err_ty = String, parse_err_fn = not_a_level)]
pub enum ContinuumLevel {
    Information,
    Consultation,
    Participation,
    Inclusion,
    Partnership,
}

impl ContinuumLevel {
    /// From the first rung to the top.
    pub const ALL: [ContinuumLevel; 5] = [
        ContinuumLevel::Information,
        ContinuumLevel::Consultation,
        ContinuumLevel::Participation,
        ContinuumLevel::Inclusion,
        ContinuumLevel::Partnership,
    ];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            ContinuumLevel::Information => "Information",
            ContinuumLevel::Consultation => "Consultation",
            ContinuumLevel::Participation => "Participation",
            ContinuumLevel::Inclusion => "Inclusion",
            ContinuumLevel::Partnership => "Partnership",
        }
    }

    /// The service guidance's own words for the level.
    pub fn description(self) -> &'static str {
        match self {
            ContinuumLevel::Information => "Patients are given information about services, for example leaflets and open days.",
            ContinuumLevel::Consultation => {
                "Information, views and feedback about services are sought from patients, for example feedback forms \
                 for specific interventions and focus groups."
            }
            ContinuumLevel::Participation => {
                "Patients influence the development of the service, for example through the service steering group \
                 of staff, patients and other stakeholders."
            }
            ContinuumLevel::Inclusion => {
                "Patients are involved in the delivery of the service, for example in volunteer posts and co-delivering \
                 education sessions."
            }
            ContinuumLevel::Partnership => {
                "Patients are involved in sharing decisions and responsibility, for example sitting on interview panels \
                 for staff and volunteer appointments."
            }
        }
    }

    /// 1 for Information up to 5 for Partnership.
    pub fn rung(self) -> u8 {
        match self {
            ContinuumLevel::Information => 1,
            ContinuumLevel::Consultation => 2,
            ContinuumLevel::Participation => 3,
            ContinuumLevel::Inclusion => 4,
            ContinuumLevel::Partnership => 5,
        }
    }
}

impl fmt::Display for ContinuumLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The message beside the field when a posted ContinuumLevel is not one of its values.
fn not_a_level(_: &str) -> String {
    "Choose a continuum level: information, consultation, participation, inclusion or partnership".to_owned()
}

/// What sort of activity it was.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case", parse_err_ty = String, parse_err_fn = not_a_kind)]
pub enum ActivityKind {
    Leaflet,
    OpenDay,
    FeedbackForm,
    FocusGroup,
    SteeringGroupMeeting,
    VolunteerRole,
    CoDeliveredSession,
    InterviewPanel,
    Other,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 9] = [
        ActivityKind::Leaflet,
        ActivityKind::OpenDay,
        ActivityKind::FeedbackForm,
        ActivityKind::FocusGroup,
        ActivityKind::SteeringGroupMeeting,
        ActivityKind::VolunteerRole,
        ActivityKind::CoDeliveredSession,
        ActivityKind::InterviewPanel,
        ActivityKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            ActivityKind::Leaflet => "Leaflet",
            ActivityKind::OpenDay => "Open day",
            ActivityKind::FeedbackForm => "Feedback form",
            ActivityKind::FocusGroup => "Focus group",
            ActivityKind::SteeringGroupMeeting => "Steering group meeting",
            ActivityKind::VolunteerRole => "Volunteer role",
            ActivityKind::CoDeliveredSession => "Co-delivered session",
            ActivityKind::InterviewPanel => "Interview panel",
            ActivityKind::Other => "Other",
        }
    }

    /// The level this kind of activity usually sits at, offered first when recording one.
    pub fn usual_level(self) -> Option<ContinuumLevel> {
        Some(match self {
            ActivityKind::Leaflet | ActivityKind::OpenDay => ContinuumLevel::Information,
            ActivityKind::FeedbackForm | ActivityKind::FocusGroup => ContinuumLevel::Consultation,
            ActivityKind::SteeringGroupMeeting => ContinuumLevel::Participation,
            ActivityKind::VolunteerRole | ActivityKind::CoDeliveredSession => ContinuumLevel::Inclusion,
            ActivityKind::InterviewPanel => ContinuumLevel::Partnership,
            ActivityKind::Other => return None,
        })
    }
}

impl fmt::Display for ActivityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What a hand-recorded "Feedback form" activity is for, said beside the kind on the activity form: paper
/// forms that were not typed into Continuum. The answers to Continuum's own forms (online, or paper typed in
/// at the form's "enter a response" page) are counted in the continuum profile from the responses themselves
/// (consultation's `report`), and the ledger row a form makes when it opens counts nobody, so recording those
/// answers here as well would count them twice.
pub const FEEDBACK_FORM_IS_PAPER_ONLY: &str = "Choose \"Feedback form\" only for paper forms that were not typed into Continuum. Answers to Continuum's own feedback forms, online or typed in from paper, are counted in the continuum profile from the responses, so recording them here as well would count them twice.";

/// What staff are told when they give patients or carers to the activity a feedback form made when it opened
/// in Continuum: its people are counted from its responses (`ledger::api::SourceKind::people_counted_by_report`).
pub const COUNTED_FROM_RESPONSES: &str = "The people who answer a feedback form in Continuum are counted from its responses, so leave patients and carers empty here. Record paper forms that were not typed into Continuum as an activity of their own.";

/// The message beside the field when a posted ActivityKind is not one of its values.
fn not_a_kind(_: &str) -> String {
    "Choose what kind of activity it was".to_owned()
}

/// How many people took part, by who they are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participants {
    pub patients: i64,
    pub carers: i64,
    pub staff: i64,
    pub others: i64,
}

impl Participants {
    /// Patients and carers: the people whose involvement the ledger exists to show.
    pub fn involved(&self) -> i64 {
        self.patients + self.carers
    }

    pub fn total(&self) -> i64 {
        self.patients + self.carers + self.staff + self.others
    }
}

crate::id!(
    /// An involvement activity in the ledger.
    ActivityId
);

/// One involvement activity as the ledger shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub id: ActivityId,
    pub service_id: ServiceId,
    pub service_name: String,
    pub level: ContinuumLevel,
    pub kind: ActivityKind,
    pub title: String,
    /// The day it happened, `YYYY-MM-DD`.
    pub happened_on: String,
    pub participants: Participants,
    /// What it was for.
    pub purpose: String,
    /// What came of it: outcome and impact.
    pub outcome: String,
    /// Who recorded it, if their account still exists.
    pub recorded_by: Option<String>,
    /// The record in another capability that produced this activity (`("event", id)`), if any.
    pub source: Option<(String, String)>,
    pub updated_at: String,
}

/// A page of the ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityPage {
    pub activities: Vec<Activity>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

impl ActivityPage {
    pub fn pages(&self) -> i64 {
        ((self.total + self.per_page - 1) / self.per_page).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_kinds_read_back_from_their_stored_form() {
        for level in ContinuumLevel::ALL {
            assert_eq!(level.as_str().parse::<ContinuumLevel>(), Ok(level));
        }
        for kind in ActivityKind::ALL {
            assert_eq!(kind.as_str().parse::<ActivityKind>(), Ok(kind));
        }
    }

    #[test]
    fn an_unknown_level_or_kind_gets_a_message_that_says_what_to_choose() {
        assert!("collaboration".parse::<ContinuumLevel>().unwrap_err().contains("information, consultation"));
        assert_eq!("party".parse::<ActivityKind>().unwrap_err(), "Choose what kind of activity it was");
    }

    #[test]
    fn levels_climb_in_order() {
        let rungs: Vec<u8> = ContinuumLevel::ALL.iter().map(|l| l.rung()).collect();
        assert_eq!(rungs, [1, 2, 3, 4, 5]);
        assert!(ContinuumLevel::Information < ContinuumLevel::Partnership);
    }
}
