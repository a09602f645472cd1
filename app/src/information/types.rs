//! Information types shared by server and browser.

use crate::accounts::types::ServiceId;
use serde::{Deserialize, Serialize};

use crate::accounts::types::ServiceSummary;

crate::id!(
    /// An information page.
    PageId
);

crate::id!(
    /// An event (an open day, a talk).
    EventId
);

crate::id!(
    /// A leaflet (an uploaded PDF).
    LeafletId
);

crate::id!(
    /// A place taken at an event.
    RegistrationId
);

/// A service information page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InfoPage {
    pub id: PageId,
    pub service_id: ServiceId,
    pub service_name: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// The Markdown as written, for the edit form.
    pub body: String,
    /// The Markdown rendered safely (see `markdown.rs`).
    pub body_html: String,
    pub published: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InfoPageSummary {
    pub id: PageId,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub service_name: String,
    pub published: bool,
}

/// An event such as an open day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    pub service_id: ServiceId,
    pub service_name: String,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub description_html: String,
    /// Local date and time, `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
    pub capacity: i64,
    pub places_taken: i64,
    /// Whether staff have recorded that it was held (and so it is in the ledger).
    pub held: bool,
    /// Whether it has already ended.
    pub past: bool,
}

impl Event {
    pub fn places_left(&self) -> i64 {
        (self.capacity - self.places_taken).max(0)
    }

    pub fn is_full(&self) -> bool {
        self.places_left() == 0
    }

    /// The places left as the public is told them ([`PlacesLeft`]).
    pub fn places(&self) -> PlacesLeft {
        PlacesLeft::of(self.capacity, self.places_taken)
    }

    /// The day, `YYYY-MM-DD` (empty if the stored time is malformed, never a panic).
    pub fn day(&self) -> &str {
        self.starts_at.get(..10).unwrap_or_default()
    }

    /// The start time, `HH:MM`.
    pub fn start_time(&self) -> &str {
        self.starts_at.get(11..16).unwrap_or_default()
    }

    /// The end time, `HH:MM`.
    pub fn end_time(&self) -> &str {
        self.ends_at.get(11..16).unwrap_or_default()
    }

    /// "Saturday 3 October 2026, 10:00 to 13:00"
    pub fn when(&self) -> String {
        format!("{}, {} to {}", crate::dates::long_day(self.day()), self.start_time(), self.end_time())
    }
}

/// How many places an event has left, as the public is told: in words, never a number, beside no capacity.
///
/// The places taken are a count of people (those registered), and an exact number of places left beside the
/// capacity gives it by subtraction, however small; so do the moments words change, for anyone who knows the
/// capacity. So public pages (and the public server function behind them) publish neither the capacity nor the
/// places taken, and say only which of three bands the places left are in: "Places available" (5 or more),
/// "Fewer than 5 places left" (1 to 4) and "Full" (none; registering is then refused, as it must be). A
/// reader who does not know how many places there are cannot work out how many people registered from any of
/// them. Staff pages (the event's registration list, the Information page) keep the exact figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlacesLeft {
    /// 5 places or more are left.
    Available,
    /// 1 to 4 places are left.
    FewerThanFive,
    /// No place is left.
    Full,
}

impl PlacesLeft {
    /// The band of an event with `capacity` places of which `taken` are taken.
    pub fn of(capacity: i64, taken: i64) -> Self {
        match capacity.saturating_sub(taken) {
            left if left >= 5 => PlacesLeft::Available,
            left if left >= 1 => PlacesLeft::FewerThanFive,
            _ => PlacesLeft::Full,
        }
    }

    /// As the event page says it.
    pub fn text(self) -> &'static str {
        match self {
            PlacesLeft::Available => "Places available",
            PlacesLeft::FewerThanFive => "Fewer than 5 places left",
            PlacesLeft::Full => "Full: there are no places left",
        }
    }
}

/// An event as everyone may see it (its public page, its poster, Get involved): what, when and where, and the
/// places left in words ([`PlacesLeft`]) — never its capacity or how many have registered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicEvent {
    pub slug: String,
    pub service_name: String,
    pub title: String,
    pub description_html: String,
    /// "Saturday 3 October 2026, 10:00 to 13:00" (`Event::when`).
    pub when: String,
    pub place: String,
    pub places: PlacesLeft,
    /// Whether it has already ended.
    pub past: bool,
}

impl From<Event> for PublicEvent {
    fn from(event: Event) -> Self {
        PublicEvent {
            when: event.when(),
            places: event.places(),
            slug: event.slug,
            service_name: event.service_name,
            title: event.title,
            description_html: event.description_html,
            place: event.place,
            past: event.past,
        }
    }
}

/// Someone's place at an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub name: String,
    pub email: Option<String>,
    pub access_needs: String,
    pub registered_at: String,
    pub cancelled: bool,
}

/// The last segment of every leaflet's address (`Leaflet::href`).
pub const LEAFLET_FILE: &str = "leaflet.pdf";

/// A leaflet's address, `/leaflets/<id>/leaflet.pdf`.
pub fn leaflet_href(id: &LeafletId) -> String {
    format!("/leaflets/{id}/{LEAFLET_FILE}")
}

/// A published leaflet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leaflet {
    pub id: LeafletId,
    pub title: String,
    pub summary: String,
    pub size_bytes: i64,
    pub published_on: String,
    pub service_name: String,
}

impl Leaflet {
    /// Where it is downloaded from: `/leaflets/<id>/leaflet.pdf`, ids and fixed words only. The name it was
    /// uploaded under is typed (README, "Typed words"), so it is not here, nor in this type at all: it goes
    /// out only as the download's name, in `Content-Disposition` (`crate::download`).
    pub fn href(&self) -> String {
        leaflet_href(&self.id)
    }

    /// "PDF, 240 KB"
    pub fn size_text(&self) -> String {
        let kb = (self.size_bytes + 1023) / 1024;
        if kb >= 1024 {
            format!("PDF, {:.1} MB", self.size_bytes as f64 / 1_048_576.0)
        } else {
            format!("PDF, {kb} KB")
        }
    }
}

/// Everything a member of staff manages on the Information level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InformationOverview {
    pub services: Vec<ServiceSummary>,
    pub pages: Vec<InfoPageSummary>,
    pub events: Vec<Event>,
    pub leaflets: Vec<Leaflet>,
}

/// What someone sees after registering, and on the cancellation page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationNotice {
    pub event_title: String,
    pub event_slug: String,
    pub when: String,
    pub place: String,
    pub name: String,
    pub cancelled: bool,
    /// The event has happened: there is nothing left to cancel.
    pub past: bool,
}

/// How registering for an event ended, for the event page to say.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Registered {
    /// A place was taken. Its cancellation link is mailed, and offered on the event page from a short-lived
    /// cookie of the browser that registered ([`PLACE_COOKIE`]): never in an address or a kept answer.
    New,
    /// They already had a place under this email address: no second one was taken. `resent` says whether the
    /// confirmation was mailed again now (at most once in 15 minutes and five times in all).
    Again { resent: bool },
}

/// The cookie that lets the browser which took a place (without JavaScript) show its cancellation link on the
/// event page for an hour: `HttpOnly`, for `/events` only.
pub const PLACE_COOKIE: &str = "continuum_place";

impl Registered {
    /// The `registered` value of the event page's address after a plain POST: a word, never a token.
    pub fn query_value(&self) -> &'static str {
        match self {
            Registered::New => "1",
            Registered::Again { resent: true } => "again",
            Registered::Again { resent: false } => "again-recently",
        }
    }

    /// The outcome named by the event page's `registered` value (see [`Registered::query_value`]).
    pub fn from_query_value(value: &str) -> Option<Self> {
        match value {
            "1" => Some(Registered::New),
            "again" => Some(Registered::Again { resent: true }),
            "again-recently" => Some(Registered::Again { resent: false }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_left_are_told_in_three_bands_that_never_give_a_count() {
        assert_eq!(PlacesLeft::of(20, 0), PlacesLeft::Available);
        assert_eq!(PlacesLeft::of(20, 15), PlacesLeft::Available);
        assert_eq!(PlacesLeft::of(20, 16), PlacesLeft::FewerThanFive);
        assert_eq!(PlacesLeft::of(20, 19), PlacesLeft::FewerThanFive);
        assert_eq!(PlacesLeft::of(20, 20), PlacesLeft::Full);
        assert_eq!(PlacesLeft::of(3, 0), PlacesLeft::FewerThanFive, "a small event says nothing of its size");
        assert_eq!(PlacesLeft::of(3, 5), PlacesLeft::Full, "never a negative number of places");
        for band in [PlacesLeft::Available, PlacesLeft::FewerThanFive, PlacesLeft::Full] {
            assert!(!band.text().contains(|c: char| c.is_ascii_digit() && c != '5'), "{band:?}");
        }
    }

    #[test]
    fn sizes_read_in_kilobytes_or_megabytes() {
        let mut leaflet = Leaflet {
            id: "x".into(),
            title: "t".into(),
            summary: String::new(),
            size_bytes: 240 * 1024,
            published_on: "2026-01-01".into(),
            service_name: "s".into(),
        };
        assert_eq!(leaflet.size_text(), "PDF, 240 KB");
        leaflet.size_bytes = 3 * 1_048_576 / 2;
        assert_eq!(leaflet.size_text(), "PDF, 1.5 MB");
    }
}
