//! Inclusion's mail to applicants, all through the outbox: the acknowledgement with the status link, word
//! that the application has moved on, the kind message when it is not taken forward, the welcome on
//! appointment, and — when an application is sent again from an address that has one open — the link to
//! confirm replacing it (or word that it is too late to); and word to the coordinator that an applicant
//! replaced their application. Plain words; nothing an applicant wrote is repeated back except their name,
//! and a mail about an application sent again repeats nothing of what was sent (it may be a stranger's).

use super::types::Stage;
use crate::mail::OutgoingMail;

/// The acknowledgement, with the secret link to see where the application is and to withdraw it.
pub fn acknowledgement(to: &str, name: &str, role_title: &str, service: &str, status_link: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("We have your application: {role_title}"),
        body: format!(
            "Hello {name},\n\n\
             Thank you for applying for the volunteer role {role_title} with {service}. We have your application, and \
             the coordinator will read it and be in touch.\n\n\
             You can see where your application is, or withdraw it, at any time with this link:\n{status_link}\n\n\
             Please keep this email: the link is only for you.\n"
        ),
    }
}

/// Word that the application has moved on to `stage` (shortlisted, interview, offered or checks).
pub fn moved_on(to: &str, name: &str, role_title: &str, stage: Stage) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("Your application: {role_title}"),
        body: format!(
            "Hello {name},\n\n\
             There is news about your application for the volunteer role {role_title}.\n\n\
             {}\n\n\
             The link in the email we sent when you applied shows where your application is.\n",
            stage.for_applicant()
        ),
    }
}

/// The kind message when an application is not taken forward, with the coordinator's own words if any.
pub fn not_taken_forward(to: &str, name: &str, role_title: &str, note: &str) -> OutgoingMail {
    let note = if note.is_empty() { String::new() } else { format!("{note}\n\n") };
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("Your application: {role_title}"),
        body: format!(
            "Hello {name},\n\n\
             Thank you for applying for the volunteer role {role_title}, and for the time you gave it.\n\n\
             We are not able to take your application further this time. This is not a judgement of you, and it \
             does not stop you applying for other roles now or in the future: we would be glad to hear from \
             you again.\n\n\
             {note}If you would like to talk about it, please ask the staff of the service.\n"
        ),
    }
}

/// The welcome on appointment.
pub fn appointed(to: &str, name: &str, role_title: &str, starts_on: &str, waits_for_checks: bool) -> OutgoingMail {
    let first_day = if waits_for_checks {
        "The role needs some checks first (such as a DBS check or training). You start once they are all done: \
         please do not come in before then. The coordinator will be in touch about them and about your first day."
    } else {
        "The coordinator will be in touch about your first day."
    };
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("Welcome: {role_title}"),
        body: format!(
            "Hello {name},\n\n\
             You have been appointed to the volunteer role {role_title}, starting on {}. Welcome!\n\n\
             {first_day} Taking a break, or stepping back, is always fine: just tell them.\n",
            crate::dates::long_day(starts_on)
        ),
    }
}

/// To the address of an open application (received or shortlisted) for the role, when an application was sent
/// again from it by someone not signed in with it: nothing has changed, and `link` (single use, until
/// `last_day`, a long date) lets the owner see what was sent and choose to replace their application with it.
pub fn sent_again(to: &str, role_title: &str, service: &str, link: &str, last_day: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("Your application was sent again: {role_title}"),
        body: format!(
            "Hello,\n\n\
             An application for the volunteer role {role_title} with {service} was sent again with this email \
             address. You already have an application for this role, and nothing in it has changed.\n\n\
             If it was you, and you would like what you sent now to replace what your application says, look at \
             it and confirm with this link. It works once, until {last_day}:\n{link}\n\n\
             If it was not you, or you have changed your mind, you need do nothing: your application stays as \
             it is.\n"
        ),
    }
}

/// To the address of an open application past shortlisting, when an application was sent again from it by
/// someone not signed in with it: nothing has changed, and changes now go through the coordinator.
pub fn sent_again_too_late(to: &str, role_title: &str, service: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("Your application was sent again: {role_title}"),
        body: format!(
            "Hello,\n\n\
             An application for the volunteer role {role_title} with {service} was sent again with this email \
             address. Your application for this role has gone past shortlisting, so sending it again does not \
             change it, and nothing has changed.\n\n\
             If something about you has changed, please tell the coordinator. If it was not you, you need do \
             nothing.\n"
        ),
    }
}

/// To the coordinator: the applicant replaced their application's details with what they sent again
/// (`link`: the application's page).
pub fn replaced_to_coordinator(to: &str, applicant: &str, role_title: &str, link: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("An application was updated: {role_title}"),
        body: format!(
            "{applicant} sent their application for the volunteer role {role_title} again and confirmed it, so \
             what it says has changed. Referees already asked were kept.\n\n\
             See the application as it is now:\n{link}\n"
        ),
    }
}
