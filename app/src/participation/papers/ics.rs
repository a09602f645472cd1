//! A meeting's iCalendar file (RFC 5545), written with the `icalendar` crate: one event with the meeting's
//! start and end in UTC (from the service's local wall-clock times through the one clock, `crate::clock`, so
//! a meeting at 18:00 in British Summer Time is 17:00Z and in winter 18:00Z), its place, its joining link, the
//! meeting page's address, and the agenda without any confidential item.

use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use crate::clock::Clock;
use crate::participation::types::{AgendaItem, Group, Meeting, MeetingStatus};

/// The UTC instant of a meeting time stored as local `YYYY-MM-DDTHH:MM`, read by `clock` (the hour the
/// clocks go back is read as its first occurrence; see `Clock::instant_at`).
fn instant(clock: &Clock, local: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M").ok().map(|t| clock.instant_at(t))
}

/// The `.ics` text for a meeting: `items` is its agenda, of which only items not marked confidential are
/// listed; `page` is the meeting page's absolute address; `host` names the site in the event's UID
/// (`<meeting id>@<host>`), which stays the same when the meeting changes, so a calendar updates its copy.
pub fn meeting_calendar(
    clock: &Clock,
    group: &Group,
    meeting: &Meeting,
    items: &[AgendaItem],
    page: &str,
    host: &str,
) -> String {
    let mut description = String::new();
    if !meeting.joining_link.is_empty() {
        description.push_str(&format!("Join online: {}\n", meeting.joining_link));
    }
    let open: Vec<&AgendaItem> = items.iter().filter(|i| !i.confidential).collect();
    if !open.is_empty() {
        description.push_str("Agenda:\n");
        for item in open {
            description.push_str(&format!("{}. {}\n", item.position, item.title));
        }
    }
    description.push_str(&format!("Papers and details: {page}"));
    let mut event = Event::new();
    event
        .uid(&format!("{}@{host}", meeting.id))
        .summary(&format!("{} meeting", group.name))
        .description(&description)
        .url(page)
        .timestamp(clock.now());
    if let (Some(starts), Some(ends)) = (instant(clock, &meeting.starts_at), instant(clock, &meeting.ends_at)) {
        event.starts(starts).ends(ends);
    }
    let location = match (meeting.place.is_empty(), meeting.joining_link.is_empty()) {
        (false, false) => format!("{} and online: {}", meeting.place, meeting.joining_link),
        (false, true) => meeting.place.clone(),
        (true, false) => meeting.joining_link.clone(),
        (true, true) => String::new(),
    };
    if !location.is_empty() {
        event.location(&location);
    }
    event.status(match meeting.status {
        MeetingStatus::Cancelled => EventStatus::Cancelled,
        _ => EventStatus::Confirmed,
    });
    Calendar::new().name(&group.name).push(event.done()).done().to_string()
}
