//! How information's records become ledger activities: an event marked as held, and a leaflet published.
//! Server functions and the demo data both record through these.

use super::types::Event;
use crate::accounts::types::ServiceId;
use crate::information::types::LeafletId;
use crate::ledger::{
    api::{LedgerSource, NewActivity, SourceKind},
    types::{ActivityKind, ContinuumLevel, Participants},
};

/// An event that was held, with how many came (Information, open day).
pub struct EventHeld<'a> {
    pub event: &'a Event,
    pub participants: Participants,
}

impl LedgerSource for EventHeld<'_> {
    const KIND: SourceKind = SourceKind::Event;

    fn source_id(&self) -> &str {
        self.event.id.as_str()
    }

    fn activity(&self) -> NewActivity {
        NewActivity {
            service_id: self.event.service_id.clone(),
            level: ContinuumLevel::Information,
            kind: ActivityKind::OpenDay,
            title: self.event.title.clone(),
            happened_on: self.event.day().to_owned(),
            participants: self.participants,
            purpose: format!("{} at {}", self.event.when(), self.event.place),
            outcome: String::new(),
            recorded_by: None,
        }
    }
}

/// A leaflet published (Information, leaflet). Nobody is counted: a leaflet is read by people unknown.
pub struct LeafletPublished<'a> {
    pub id: &'a LeafletId,
    pub service_id: &'a ServiceId,
    pub title: &'a str,
    pub summary: &'a str,
    /// `YYYY-MM-DD`
    pub published_on: &'a str,
}

impl LedgerSource for LeafletPublished<'_> {
    const KIND: SourceKind = SourceKind::Leaflet;

    fn source_id(&self) -> &str {
        self.id.as_str()
    }

    fn activity(&self) -> NewActivity {
        NewActivity {
            service_id: self.service_id.to_owned(),
            level: ContinuumLevel::Information,
            kind: ActivityKind::Leaflet,
            title: format!("Leaflet published: {}", self.title),
            happened_on: self.published_on.to_owned(),
            participants: Participants::default(),
            purpose: self.summary.to_owned(),
            outcome: String::new(),
            recorded_by: None,
        }
    }
}
