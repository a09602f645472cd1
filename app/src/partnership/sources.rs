//! How Partnership's records become ledger activities: an interview panel that sat (Partnership, interview
//! panel), recorded when its first outcome is recorded, with every member as a participant — lived-experience
//! members as the patients or carers they are, staff as staff. The ledger keeps who took part by account, so
//! involvement payments (issue 17 §7) can make offers from the activity's participants. A panel records only
//! its start (`sits_at`), so it gives the ledger no length (`LedgerSource::length_minutes` is `None`) and an
//! hourly rate pays the rate card's hours paid for it.

use super::types::{Member, PanelSummary, Sits};
use crate::ledger::{
    api::{LedgerSource, NewActivity, Participant, SourceKind, TakingPartAs},
    types::{ActivityKind, ContinuumLevel, Participants},
};

/// A panel that sat, with its members.
pub struct PanelSat<'a> {
    pub panel: &'a PanelSummary,
    pub members: &'a [Member],
    /// How many candidates it interviewed (a count of things, for the activity's purpose line).
    pub candidates: usize,
}

fn part(sits: Sits) -> TakingPartAs {
    match sits {
        Sits::Patient => TakingPartAs::Patient,
        Sits::Carer => TakingPartAs::Carer,
        Sits::Staff => TakingPartAs::Staff,
    }
}

impl LedgerSource for PanelSat<'_> {
    const KIND: SourceKind = SourceKind::Panel;

    fn source_id(&self) -> &str {
        self.panel.id.as_str()
    }

    fn activity(&self) -> NewActivity {
        let count = |sits: Sits| self.members.iter().filter(|m| m.sits == sits).count() as i64;
        NewActivity {
            service_id: self.panel.service_id.clone(),
            level: ContinuumLevel::Partnership,
            kind: ActivityKind::InterviewPanel,
            title: format!("Interview panel: {}", self.panel.post_title),
            happened_on: self.panel.sits_on.clone(),
            participants: Participants {
                patients: count(Sits::Patient),
                carers: count(Sits::Carer),
                staff: count(Sits::Staff),
                others: 0,
            },
            purpose: format!(
                "{} for {}: {} interviewed with sealed, independent scoring.",
                self.panel.post_kind.label(),
                self.panel.post_title,
                crate::text::count(self.candidates as i64, "candidate", "candidates")
            ),
            outcome: String::new(),
            recorded_by: None,
        }
    }

    fn participants(&self) -> Option<Vec<Participant>> {
        Some(
            self.members
                .iter()
                .map(|m| Participant {
                    person_id: Some(m.person_id.to_string()),
                    name: m.name.clone(),
                    taking_part_as: part(m.sits),
                    lived_experience: m.sits.lived_experience(),
                })
                .collect(),
        )
    }
}
