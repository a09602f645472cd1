//! Checks' mail, through the outbox: a check expiring soon, to the volunteer and to their coordinator
//! (`inclusion::coordinators`). Plain words; no check's details beyond its name and date.

use super::db::AppointmentRow;
use crate::mail::OutgoingMail;

/// To the volunteer: a check expires on `expires` (a long date); `link` is their own page.
pub fn expiring_to_volunteer(
    to: &str,
    appointment: &AppointmentRow,
    check: &str,
    expires: &str,
    link: &str,
) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("{check} needs renewing before {expires}"),
        body: format!(
            "Hello {},\n\n\
             Your {check} for your volunteer role, {}, runs out on {expires}. The coordinator will help you \
             renew it: there is nothing you need to do today except reply if anything has changed.\n\n\
             If it runs out before it is renewed, your role is paused until it is, and nothing else changes.\n\n\
             Your checks and their dates are on your volunteering page:\n{link}\n",
            appointment.name, appointment.role_title
        ),
    }
}

/// To the coordinator: a volunteer's check expires on `expires`; `link` is the appointment's page. When the
/// volunteer has no email address (so was not mailed), it says to phone them, or to tell them in person.
pub fn expiring_to_coordinator(
    to: &str,
    appointment: &AppointmentRow,
    check: &str,
    expires: &str,
    link: &str,
) -> OutgoingMail {
    let tell = match (&appointment.email, appointment.phone.as_deref().filter(|p| !p.trim().is_empty())) {
        (Some(_), _) => String::new(),
        (None, Some(phone)) => format!(
            "{} has no email address, so we could not tell them: please phone them on {phone}.\n\n",
            appointment.name
        ),
        (None, None) => format!(
            "We have no email address or phone number for {}, so we could not tell them: please tell them in \
             person.\n\n",
            appointment.name
        ),
    };
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("A volunteer's {check} runs out on {expires}"),
        body: format!(
            "{}'s {check} ({}, {}) runs out on {expires}. Record the renewal on their appointment's page before \
             then, or their role is paused until it is:\n{link}\n\n{tell}",
            appointment.name, appointment.role_title, appointment.service_name
        ),
    }
}

/// To the coordinator: the volunteer has paused their own role ("I need a break"). The volunteer's own words,
/// if any, are not in the mail: they are on the appointment's page (`link`), for the service's staff.
pub fn break_to_coordinator(to: &str, appointment: &AppointmentRow, link: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("{} is taking a break", appointment.name),
        body: format!(
            "{} has paused their volunteer role, {} ({}), for a break. Their role is kept for them, and they can \
             come back whenever they are ready without reapplying.\n\n\
             Anything they wanted you to know is on their appointment's page:\n{link}\n",
            appointment.name, appointment.role_title, appointment.service_name
        ),
    }
}

/// To the volunteer: their supervisor has a question about hours they logged (`link`: the entry's page,
/// where the question is and where they answer). The question itself is not in the mail.
pub fn hours_queried_to_volunteer(to: &str, name: &str, worked_on: &str, link: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: "A question about hours you logged".to_owned(),
        body: format!(
            "Hello {name},\n\n\
             Your supervisor has a question about the hours you logged for {}. Nothing is wrong: please read it \
             and answer on the entry's page, changing anything that needs changing:\n{link}\n",
            crate::dates::long_day(worked_on)
        ),
    }
}
