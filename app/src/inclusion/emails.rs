//! Inclusion's mail to applicants, all through the outbox: the acknowledgement with the status link, word
//! that the application has moved on, the kind message when it is not taken forward, and the welcome on
//! appointment. Plain words; nothing an applicant wrote is repeated back except their name.

use super::types::Stage;
use crate::mail::OutgoingMail;

/// The acknowledgement, with the secret link to see where the application is and to withdraw it.
pub fn acknowledgement(to: &str, name: &str, role_title: &str, service: &str, status_link: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("We have your application: {role_title}"),
        body: format!(
            "Hello {name},\n\n\
             Thank you for applying to be a volunteer {role_title} with {service}. We have your application, and \
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
             There is news about your application to be a volunteer {role_title}.\n\n\
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
             Thank you for applying to be a volunteer {role_title}, and for the time you gave it.\n\n\
             We are not able to take your application further this time. This is not a judgement of you, and it \
             does not stop you applying for other roles now or in the future: we would be glad to hear from \
             you again.\n\n\
             {note}If you would like to talk about it, please ask the staff of the service.\n"
        ),
    }
}

/// The welcome on appointment.
pub fn appointed(to: &str, name: &str, role_title: &str, starts_on: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("Welcome: {role_title}"),
        body: format!(
            "Hello {name},\n\n\
             You have been appointed as a volunteer {role_title}, starting on {}. Welcome!\n\n\
             The coordinator will be in touch about your first day. Taking a break, or stepping back, is always \
             fine: just tell them.\n",
            crate::dates::long_day(starts_on)
        ),
    }
}
