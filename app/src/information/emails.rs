//! The Information level's mail: a registration confirmation and the day-before reminder, both with a link
//! to cancel.

use super::types::Event;
use crate::mail::OutgoingMail;

pub fn registration_confirmed(to: &str, name: &str, event: &Event, cancel_link: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("You are registered: {}", event.title),
        body: format!(
            "Hello {name},\n\n\
             You have a place at {title}.\n\n\
             When: {when}\n\
             Where: {place}\n\n\
             We will send you a reminder the day before. If you can no longer come, please cancel so someone else \
             can have your place:\n{cancel_link}\n",
            title = event.title,
            when = event.when(),
            place = event.place,
        ),
    }
}

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
