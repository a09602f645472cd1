//! References' mail to referees, through the outbox: the request with its link, and the one reminder.
//! Nothing the applicant wrote is repeated; only their name and the role.

use crate::mail::OutgoingMail;

/// The request: `link` works once, until `last_day` (a long date).
pub fn request(to: &str, referee: &str, applicant: &str, role: &str, link: &str, last_day: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("A reference for {applicant}"),
        body: format!(
            "Hello {referee},\n\n\
             {applicant} has applied for the volunteer role {role} and named you as a referee. We would be grateful \
             for a few words about them: it takes about five minutes.\n\n\
             You can give the reference, or tell us you would rather not, with this link. It works once, until \
             {last_day}:\n{link}\n\n\
             What you write is read only by the service's staff. If you did not expect this email, you can \
             ignore it.\n"
        ),
    }
}

/// The one reminder, a week on, with a second link to the same request.
pub fn reminder(to: &str, referee: &str, applicant: &str, role: &str, link: &str, last_day: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("Reminder: a reference for {applicant}"),
        body: format!(
            "Hello {referee},\n\n\
             A week ago we asked you for a reference for {applicant}, who has applied for the volunteer role {role}. \
             If you have a few minutes, you can give it, or tell us you would rather not, with this link (or the \
             one in our first email) until {last_day}:\n{link}\n\n\
             This is the only reminder we will send.\n"
        ),
    }
}
