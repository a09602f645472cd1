//! The Information level's mail: a registration confirmation, the day-before reminder, and word that an
//! event has changed, each with a link to cancel.

use super::types::Event;
use crate::mail::OutgoingMail;

/// The confirmation. It promises a reminder only when one will follow (`reminder_coming`): a registration
/// made after 09:00 the day before gets none.
pub fn registration_confirmed(
    to: &str,
    name: &str,
    event: &Event,
    cancel_link: &str,
    reminder_coming: bool,
) -> OutgoingMail {
    let reminder = if reminder_coming { "We will send you a reminder the day before. " } else { "" };
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("You are registered: {}", event.title),
        body: format!(
            "Hello {name},\n\n\
             You have a place at {title}.\n\n\
             When: {when}\n\
             Where: {place}\n\n\
             {reminder}If you can no longer come, please cancel so someone else can have your place:\n\
             {cancel_link}\n",
            title = event.title,
            when = event.when(),
            place = event.place,
        ),
    }
}

/// Word to someone registered that an event's date, times or place changed: what it is now and what it was.
pub fn event_changed(to: &str, name: &str, before: &Event, after: &Event, cancel_link: &str) -> OutgoingMail {
    let subject = if before.day() == after.day() {
        format!("{} has changed", after.title)
    } else {
        format!("{} has moved to {}", after.title, crate::dates::long_day(after.day()))
    };
    OutgoingMail {
        to: to.to_owned(),
        subject,
        body: format!(
            "Hello {name},\n\n\
             {title} has changed. You still have a place.\n\n\
             When: {when}\n\
             Where: {place}\n\n\
             It was: {old_when}, {old_place}\n\n\
             If you can no longer come, please cancel so someone else can have your place:\n{cancel_link}\n",
            title = after.title,
            when = after.when(),
            place = after.place,
            old_when = before.when(),
            old_place = before.place,
        ),
    }
}

/// The day-before reminder.
pub fn reminder(to: &str, name: &str, event: &Event, cancel_link: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("Reminder: {} is tomorrow", event.title),
        body: format!(
            "Hello {name},\n\n\
             This is a reminder that {title} is tomorrow.\n\n\
             When: {when}\n\
             Where: {place}\n\n\
             If you can no longer come, please cancel so someone else can have your place:\n{cancel_link}\n",
            title = event.title,
            when = event.when(),
            place = event.place,
        ),
    }
}
