//! How Inclusion's records become ledger activities: a volunteer appointed to a role (Inclusion, volunteer
//! role), with the volunteer as its one participant, counted as a patient, a carer or another person as
//! their application recorded. Server functions and the demo data both record through this.

use super::types::{AppointmentId, Role, TakingPartAs};
use crate::accounts::types::PersonId;
use crate::ledger::{
    api::{self, LedgerSource, NewActivity, Participant, SourceKind},
    types::{ActivityKind, ContinuumLevel, Participants},
};

/// A volunteer appointed to a role.
pub struct VolunteerAppointed<'a> {
    pub id: &'a AppointmentId,
    pub role: &'a Role,
    /// Their account, when they have one.
    pub person_id: Option<&'a PersonId>,
    pub name: &'a str,
    pub taking_part_as: TakingPartAs,
    /// `YYYY-MM-DD`, local: the appointment's start.
    pub starts_on: &'a str,
}

impl VolunteerAppointed<'_> {
    fn ledger_part(&self) -> api::TakingPartAs {
        match self.taking_part_as {
            TakingPartAs::Patient => api::TakingPartAs::Patient,
            TakingPartAs::Carer => api::TakingPartAs::Carer,
            TakingPartAs::Other => api::TakingPartAs::Other,
        }
    }
}

impl LedgerSource for VolunteerAppointed<'_> {
    const KIND: SourceKind = SourceKind::Appointment;

    fn source_id(&self) -> &str {
        self.id.as_str()
    }

    fn activity(&self) -> NewActivity {
        let one = |kind: TakingPartAs| i64::from(self.taking_part_as == kind);
        NewActivity {
            service_id: self.role.service_id.clone(),
            level: ContinuumLevel::Inclusion,
            kind: ActivityKind::VolunteerRole,
            title: format!("Volunteer appointed: {}", self.role.title),
            happened_on: self.starts_on.to_owned(),
            participants: Participants {
                patients: one(TakingPartAs::Patient),
                carers: one(TakingPartAs::Carer),
                staff: 0,
                others: one(TakingPartAs::Other),
            },
            purpose: self.role.duties.lines().next().unwrap_or_default().to_owned(),
            outcome: String::new(),
            recorded_by: None,
        }
    }

    fn participants(&self) -> Option<Vec<Participant>> {
        Some(vec![Participant {
            person_id: self.person_id.map(|p| p.to_string()),
            name: self.name.to_owned(),
            taking_part_as: self.ledger_part(),
            lived_experience: self.role.lived_experience
                || matches!(self.taking_part_as, TakingPartAs::Patient | TakingPartAs::Carer),
        }])
    }
}

/// A co-delivered session of a course, held (Inclusion, co-delivered session): its co-facilitators with lived
/// experience are counted as patients involved and are its participants; its attendees are counted as the
/// staff recorded them (patients, and others); its staff facilitators as staff. A session without a
/// co-facilitator with lived experience is not co-delivered and records no activity.
pub struct CoDeliveredSessionHeld<'a> {
    pub id: &'a str,
    pub service_id: &'a crate::accounts::types::ServiceId,
    pub course_title: &'a str,
    /// `YYYY-MM-DD`, local.
    pub held_on: &'a str,
    /// `HH:MM`, local, on `held_on`: its length in the ledger is measured between the instants these name.
    pub starts_at: &'a str,
    pub ends_at: &'a str,
    /// Co-facilitators with lived experience: their account when they have one, and their name.
    pub co_facilitators: &'a [(Option<PersonId>, String)],
    pub patients_attending: i64,
    pub others_attending: i64,
    /// How many staff facilitated.
    pub staff: i64,
}

impl LedgerSource for CoDeliveredSessionHeld<'_> {
    const KIND: SourceKind = SourceKind::CourseSession;

    fn source_id(&self) -> &str {
        self.id
    }

    fn activity(&self) -> NewActivity {
        let co = i64::try_from(self.co_facilitators.len()).unwrap_or(i64::MAX);
        NewActivity {
            service_id: self.service_id.clone(),
            level: ContinuumLevel::Inclusion,
            kind: ActivityKind::CoDeliveredSession,
            title: format!("Co-delivered session: {}", self.course_title),
            happened_on: self.held_on.to_owned(),
            participants: Participants {
                patients: co.saturating_add(self.patients_attending),
                carers: 0,
                staff: self.staff,
                others: self.others_attending,
            },
            purpose: format!("A session of {}, co-delivered with lived experience", self.course_title),
            outcome: String::new(),
            recorded_by: None,
        }
    }

    fn participants(&self) -> Option<Vec<Participant>> {
        Some(
            self.co_facilitators
                .iter()
                .map(|(person, name)| Participant {
                    person_id: person.as_ref().map(|p| p.to_string()),
                    name: name.clone(),
                    taking_part_as: api::TakingPartAs::Patient,
                    lived_experience: true,
                })
                .collect(),
        )
    }

    /// The real length between its start and end (`super::sessions::db::session_minutes`, the same measure as
    /// the hours its co-facilitators log from it).
    fn length_minutes(&self) -> Option<i64> {
        super::sessions::db::session_minutes(self.held_on, self.starts_at, self.ends_at)
    }
}
