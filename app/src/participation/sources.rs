//! How Participation's records become ledger activities: a group's meeting marked as held, with the people
//! present (members and guests) as its participants. Recording again (attendance corrected) replaces them.

use super::types::{Attendance, Group, Meeting, Member, MemberType};
use crate::ledger::{
    api::{LedgerSource, NewActivity, Participant, SourceKind, TakingPartAs},
    types::{ActivityKind, ContinuumLevel, Participants},
};

/// A meeting that was held (Participation, steering group meeting), with its attendance and guests.
pub struct MeetingHeld<'a> {
    pub group: &'a Group,
    pub meeting: &'a Meeting,
    /// Each member current on the meeting's date with their attendance, if recorded.
    pub attendance: &'a [(Member, Option<Attendance>)],
    pub guests: &'a [super::types::Guest],
}

fn taking_part_as(kind: MemberType) -> TakingPartAs {
    match kind {
        MemberType::Patient => TakingPartAs::Patient,
        MemberType::Carer => TakingPartAs::Carer,
        MemberType::Staff => TakingPartAs::Staff,
        MemberType::Stakeholder => TakingPartAs::Other,
    }
}

impl MeetingHeld<'_> {
    /// Everyone present: the members marked present, then the guests (as others).
    pub fn people(&self) -> Vec<Participant> {
        let members =
            self.attendance.iter().filter(|(_, a)| *a == Some(Attendance::Present)).map(|(m, _)| Participant {
                person_id: m.person_id.as_ref().map(|p| p.to_string()),
                name: m.name.clone(),
                taking_part_as: taking_part_as(m.member_type),
                lived_experience: m.member_type.lived_experience(),
            });
        let guests = self.guests.iter().map(|g| Participant {
            person_id: None,
            name: g.name.clone(),
            taking_part_as: TakingPartAs::Other,
            lived_experience: false,
        });
        members.chain(guests).collect()
    }
}

impl LedgerSource for MeetingHeld<'_> {
    const KIND: SourceKind = SourceKind::GroupMeeting;

    fn source_id(&self) -> &str {
        self.meeting.id.as_str()
    }

    fn activity(&self) -> NewActivity {
        let people = self.people();
        let count = |kind: TakingPartAs| people.iter().filter(|p| p.taking_part_as == kind).count() as i64;
        NewActivity {
            service_id: self.group.service_id.clone(),
            level: ContinuumLevel::Participation,
            kind: ActivityKind::SteeringGroupMeeting,
            title: format!("{} meeting", self.group.name),
            happened_on: self.meeting.day().to_owned(),
            participants: Participants {
                patients: count(TakingPartAs::Patient),
                carers: count(TakingPartAs::Carer),
                staff: count(TakingPartAs::Staff),
                others: count(TakingPartAs::Other),
            },
            purpose: self.group.purpose.clone(),
            outcome: String::new(),
            recorded_by: None,
        }
    }

    fn participants(&self) -> Option<Vec<Participant>> {
        Some(self.people())
    }

    /// From its start to its end (`YYYY-MM-DDTHH:MM`, local, the same day) between the real instants they
    /// name (`ledger::api::length_minutes`); `None` if either is unreadable.
    fn length_minutes(&self) -> Option<i64> {
        let (start, end) = (self.meeting.starts_at.get(11..)?, self.meeting.ends_at.get(11..)?);
        // A meeting ends on the day it starts (its form takes one day); measure on that day.
        if self.meeting.ends_at.get(..10)? != self.meeting.day() {
            return None;
        }
        crate::ledger::api::length_minutes(self.meeting.day(), start, end)
    }
}
