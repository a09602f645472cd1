//! Checks and training, shared by the server and the browser: the service's list of checks (each with how
//! long it lasts), what a role needs, and where each of an appointment's checks stands.

use serde::{Deserialize, Serialize};

use crate::accounts::types::{ServiceId, ServiceSummary};
use crate::inclusion::types::{AppointmentId, AppointmentStatus, RoleId};

crate::id!(
    /// A check or training course in a service's list.
    CheckKindId
);
crate::id!(
    /// A check recorded for an appointment.
    CheckId
);

/// What kind of check it is (NHS Employment Check Standards, as they apply to volunteers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum CheckCategory {
    Identity,
    RightToWork,
    References,
    Dbs,
    OccupationalHealth,
    Induction,
    Training,
}

impl CheckCategory {
    pub const ALL: [CheckCategory; 7] = [
        CheckCategory::Identity,
        CheckCategory::RightToWork,
        CheckCategory::References,
        CheckCategory::Dbs,
        CheckCategory::OccupationalHealth,
        CheckCategory::Induction,
        CheckCategory::Training,
    ];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            CheckCategory::Identity => "Identity",
            CheckCategory::RightToWork => "Right to work",
            CheckCategory::References => "References",
            CheckCategory::Dbs => "DBS check",
            CheckCategory::OccupationalHealth => "Occupational health",
            CheckCategory::Induction => "Induction",
            CheckCategory::Training => "Mandatory training",
        }
    }

    /// How long a check of this kind lasts unless the service says otherwise, in months (0: it does not
    /// expire). A DBS check is renewed every 3 years, the usual NHS volunteer policy (the DBS certificate
    /// itself has no expiry date; re-checking is the employer's choice, NHS Employers' "Criminal record
    /// check" standard); mandatory training usually yearly.
    pub fn default_months(self) -> i64 {
        match self {
            CheckCategory::Dbs => 36,
            CheckCategory::Training => 12,
            _ => 0,
        }
    }
}

/// The level of a DBS check (Disclosure and Barring Service).
pub const DBS_LEVELS: [(&str, &str); 4] = [
    ("basic", "Basic"),
    ("standard", "Standard"),
    ("enhanced", "Enhanced"),
    ("enhanced_barred", "Enhanced with barred list checks"),
];

/// The words for a DBS level's stored value (empty for none).
pub fn dbs_level_label(level: &str) -> &'static str {
    DBS_LEVELS.iter().find(|(v, _)| *v == level).map_or("", |(_, words)| words)
}

/// A check or training course in a service's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckKind {
    pub id: CheckKindId,
    pub service_id: ServiceId,
    pub category: CheckCategory,
    pub name: String,
    /// How long it lasts, in months from the day it was done; 0 when it does not expire.
    pub valid_months: i64,
    /// For a DBS check, its level (`DBS_LEVELS`); empty otherwise.
    pub dbs_level: String,
}

impl CheckKind {
    /// "3 years", "12 months", "Does not expire".
    pub fn lasts(&self) -> String {
        match self.valid_months {
            0 => "Does not expire".to_owned(),
            m if m % 12 == 0 => crate::text::count(m / 12, "year", "years"),
            m => crate::text::count(m, "month", "months"),
        }
    }

    /// The name with the DBS level, if any: "DBS check (Enhanced)".
    pub fn full_name(&self) -> String {
        match dbs_level_label(&self.dbs_level) {
            "" => self.name.clone(),
            level => format!("{} ({level})", self.name),
        }
    }
}

/// A check as recorded for an appointment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedCheck {
    pub id: CheckId,
    /// `YYYY-MM-DD`, local: when it was done (for DBS, the certificate's issue date).
    pub done_on: String,
    /// `YYYY-MM-DD`, local: the day it expires (in date before it); `None` when it does not expire.
    pub expires_on: Option<String>,
    /// The DBS certificate's number; empty for other checks.
    pub certificate_number: String,
}

/// Where one needed (or recorded) check of an appointment stands today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckState {
    /// Recorded and in date for more than 60 days (or never expiring).
    InDate,
    /// In date, expiring within 60 days.
    ExpiringSoon,
    /// Recorded, and its expiry day has come.
    Lapsed,
    /// Needed by the role and never recorded.
    Missing,
}

impl CheckState {
    pub fn label(self) -> &'static str {
        match self {
            CheckState::InDate => "In date",
            CheckState::ExpiringSoon => "Expires soon",
            CheckState::Lapsed => "Lapsed",
            CheckState::Missing => "Not done yet",
        }
    }

    /// The NHS.UK tag colour for the state.
    pub fn tag(self) -> &'static str {
        match self {
            CheckState::InDate => "nhsuk-tag nhsuk-tag--green",
            CheckState::ExpiringSoon => "nhsuk-tag nhsuk-tag--yellow",
            CheckState::Lapsed => "nhsuk-tag nhsuk-tag--red",
            CheckState::Missing => "nhsuk-tag nhsuk-tag--grey",
        }
    }

    /// Whether a check in this state lets the volunteer be active.
    pub fn allows_active(self) -> bool {
        matches!(self, CheckState::InDate | CheckState::ExpiringSoon)
    }
}

/// Where a check stands on `today` (`YYYY-MM-DD`), from its latest record (if any): ISO dates compare as text.
pub fn check_state(latest: Option<&RecordedCheck>, today: &str, soon: &str) -> CheckState {
    match latest {
        None => CheckState::Missing,
        Some(check) => match check.expires_on.as_deref() {
            None => CheckState::InDate,
            Some(expires) if expires <= today => CheckState::Lapsed,
            Some(expires) if expires <= soon => CheckState::ExpiringSoon,
            Some(_) => CheckState::InDate,
        },
    }
}

/// One check of an appointment: the kind, whether the role needs it, its latest record and where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckStanding {
    pub kind: CheckKind,
    pub needed: bool,
    pub latest: Option<RecordedCheck>,
    pub state: CheckState,
}

impl CheckStanding {
    /// When the check runs out, in words that fit where it stands (worked out with `state`, on the server's
    /// today, so a page never shows a day gone by as still to come): "Expires 10 June 2027" while in date,
    /// "Expired on 10 June 2027" once lapsed, "Does not expire", or empty when it was never done.
    pub fn expiry_words(&self) -> String {
        match self.latest.as_ref().map(|l| l.expires_on.as_deref()) {
            None => String::new(),
            Some(None) => "Does not expire".to_owned(),
            Some(Some(day)) if self.state == CheckState::Lapsed => {
                format!("Expired on {}", crate::dates::readable_day(day))
            }
            Some(Some(day)) => format!("Expires {}", crate::dates::readable_day(day)),
        }
    }
}

/// A service's checks, for its staff's page: the list, and the services they may add to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecksOverview {
    pub kinds: Vec<(String, Vec<CheckKind>)>,
    pub services: Vec<ServiceSummary>,
}

/// A role's checks, for the role's edit page: every check of its service and whether the role needs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleChecks {
    pub role_id: RoleId,
    pub checks: Vec<(CheckKind, bool)>,
}

/// A supervision session as a reader may see it: notes only for the supervisor who held it and the volunteer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supervision {
    /// `YYYY-MM-DD`, local.
    pub held_on: String,
    pub supervisor: String,
    /// `None` when the reader may not see them (the coordinator sees the date only).
    pub notes: Option<String>,
}

/// An appointment's page for the service's staff: status, supervisor, checks and supervision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppointmentPage {
    pub id: AppointmentId,
    pub name: String,
    pub role_title: String,
    pub service_name: String,
    pub has_account: bool,
    pub starts_on: String,
    pub status: AppointmentStatus,
    pub status_reason: String,
    pub supervisor: Option<String>,
    /// The service's staff, as (person id, name), for choosing the supervisor.
    pub staff: Vec<(String, String)>,
    pub checks: Vec<CheckStanding>,
    /// Every check of the service, as (id, name), for recording one (the role may not need it yet).
    pub service_checks: Vec<(String, String)>,
    pub supervision: Vec<Supervision>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing(expires_on: Option<&str>, today: &str) -> CheckStanding {
        let latest = RecordedCheck {
            id: CheckId::default(),
            done_on: "2024-06-10".to_owned(),
            expires_on: expires_on.map(str::to_owned),
            certificate_number: String::new(),
        };
        CheckStanding {
            kind: CheckKind {
                id: CheckKindId::default(),
                service_id: ServiceId::default(),
                category: CheckCategory::Dbs,
                name: "DBS check".to_owned(),
                valid_months: 36,
                dbs_level: String::new(),
            },
            needed: true,
            state: check_state(Some(&latest), today, "2099-01-01"),
            latest: Some(latest),
        }
    }

    #[test]
    fn a_checks_expiry_reads_as_past_from_its_day_on() {
        assert_eq!(standing(Some("2027-06-10"), "2027-06-09").expiry_words(), "Expires 10 June 2027");
        assert_eq!(standing(Some("2027-06-10"), "2027-06-10").expiry_words(), "Expired on 10 June 2027");
        assert_eq!(standing(Some("2027-06-10"), "2028-01-01").expiry_words(), "Expired on 10 June 2027");
        assert_eq!(standing(None, "2028-01-01").expiry_words(), "Does not expire");
        let mut never_done = standing(None, "2028-01-01");
        never_done.latest = None;
        assert_eq!(never_done.expiry_words(), "");
    }
}
